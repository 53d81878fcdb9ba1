import { Controller, Get, Header, Inject, Res } from '@nestjs/common';
import type { NatsConnection } from 'nats';
import { NATS_CONNECTION } from '@ambito/messaging';
import { Pubblico } from '../auth/pubblico.decorator';
import type { GatewayResponse } from '../context/gateway-request';
import { PROBLEM_CONTENT_TYPE } from '../problem/problem-details';

/**
 * `GET /api/v1/status` for the API catalogue (PDND): problem+json, 200 when the gateway reaches the
 * services' bus, 503 otherwise. No token, no detail of the infrastructure.
 */
@Controller('status')
export class StatusController {
  constructor(@Inject(NATS_CONNECTION) private readonly nats: NatsConnection) {}

  @Get()
  @Pubblico()
  @Header('Content-Type', `${PROBLEM_CONTENT_TYPE}; charset=utf-8`)
  @Header('Cache-Control', 'no-store')
  async stato(@Res({ passthrough: true }) response: GatewayResponse): Promise<object> {
    const disponibile = await this.raggiungeIlBus();
    response.statusCode = disponibile ? 200 : 503;
    return disponibile
      ? {
          type: 'about:blank',
          title: 'Servizio disponibile',
          status: 200,
          detail: 'Il servizio è disponibile.',
        }
      : {
          type: 'https://ambito.example/problemi/servizio-non-disponibile',
          title: 'Servizio non disponibile',
          status: 503,
          detail: 'Il servizio non raggiunge i servizi interni: riprovare tra poco.',
          code: 'SERVIZIO_NON_DISPONIBILE',
        };
  }

  /** A round trip to the NATS server, bounded: a reconnecting client buffers instead of failing. */
  private async raggiungeIlBus(): Promise<boolean> {
    if (this.nats.isClosed()) return false;
    let timer: NodeJS.Timeout | undefined;
    const scaduto = new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), 1000)));
    try {
      return await Promise.race([this.nats.flush().then(() => true), scaduto]);
    } catch {
      return false;
    } finally {
      clearTimeout(timer);
    }
  }
}
