import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { ThrottlerStorageService } from '@nestjs/throttler';
import { DomainError } from '@ambito/contracts';
import type { GatewayRequest, GatewayResponse } from '../context/gateway-request';

export interface OpzioniLimitePubblico {
  /** Requests per client address in each window. */
  limite: number;
  finestraMs: number;
}
export const OPZIONI_LIMITE_PUBBLICO = Symbol('OPZIONI_LIMITE_PUBBLICO');

/**
 * The rate limit of the public routes, per client address (the socket's: the gateway trusts no proxy
 * header), over all public routes together; the store is @nestjs/throttler's. Beyond it: 429
 * TROPPE_RICHIESTE with `Retry-After`.
 */
@Injectable()
export class LimitePubblico implements OnApplicationShutdown {
  private readonly storage = new ThrottlerStorageService();

  constructor(@Inject(OPZIONI_LIMITE_PUBBLICO) private readonly opzioni: OpzioniLimitePubblico) {}

  async consenti(request: GatewayRequest & { ip?: string }, response: GatewayResponse): Promise<void> {
    const { limite, finestraMs } = this.opzioni;
    const chiave = request.ip ?? request.socket.remoteAddress ?? 'sconosciuto';
    const esito = await this.storage.increment(chiave, finestraMs, limite, finestraMs, 'pubblico');
    if (!esito.isBlocked) return;
    response.setHeader('Retry-After', String(esito.timeToBlockExpire));
    throw new DomainError(
      'TROPPE_RICHIESTE',
      `Troppe richieste da questo indirizzo: riprovare tra ${esito.timeToBlockExpire} secondi.`,
    );
  }

  onApplicationShutdown(): void {
    this.storage.onApplicationShutdown();
  }
}
