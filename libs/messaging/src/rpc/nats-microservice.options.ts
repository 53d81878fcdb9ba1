import { Transport, type MicroserviceOptions } from '@nestjs/microservices';

/** The NATS request/reply server of a service: one queue group per service, so replicas share the load. */
export function natsMicroserviceOptions(service: string, natsUrl: string): MicroserviceOptions {
  return {
    transport: Transport.NATS,
    options: {
      servers: [natsUrl],
      queue: service,
      name: `${service}-rpc`,
      maxReconnectAttempts: -1,
      waitOnFirstConnect: true,
    },
  };
}
