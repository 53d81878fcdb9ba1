import { Controller } from '@nestjs/common';

/**
 * A class of NATS request handlers (`@RpcHandler` methods): a controller of the bus, with no HTTP
 * routes. The RpcServer serves its methods.
 */
export const RpcController = (): ClassDecorator => Controller();
