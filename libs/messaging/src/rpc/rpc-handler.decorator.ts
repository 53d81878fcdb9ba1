import { SetMetadata } from '@nestjs/common';
import type { AnyRpcDeclaration, ReplyOf, RequestOf } from '@ambito/contracts';

export const RPC_HANDLER = Symbol('ambito:rpc-handler');

/**
 * Marks the method that answers a declared subject. The compiler checks the method against the
 * declaration: it takes the request class and returns (a promise of) the reply class. The RpcServer
 * finds it, checks roles, validates the request and runs it in the request's context.
 */
export function RpcHandler<D extends AnyRpcDeclaration>(declaration: D) {
  return <M extends (request: RequestOf<D>) => Promise<ReplyOf<D>> | ReplyOf<D>>(
    target: object,
    key: string | symbol,
    descriptor: TypedPropertyDescriptor<M>,
  ): void => {
    SetMetadata(RPC_HANDLER, declaration)(target, key, descriptor);
  };
}
