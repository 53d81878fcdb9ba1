import { Injectable, type ExecutionContext } from '@nestjs/common';
import { ThrottlerGuard, type ThrottlerLimitDetail } from '@nestjs/throttler';
import { DomainError } from '@ambito/contracts';

/**
 * Limits the demo token endpoint per client address (wrong and right passwords alike), so that the
 * shared demo password cannot be guessed at speed. The (default-named) throttler has already set
 * `Retry-After`; the answer is the platform's problem+json with a stable code.
 */
@Injectable()
export class TokenThrottlerGuard extends ThrottlerGuard {
  protected override async throwThrottlingException(
    _context: ExecutionContext,
    limite: ThrottlerLimitDetail,
  ): Promise<void> {
    throw new DomainError(
      'TROPPE_RICHIESTE',
      `Troppi tentativi di accesso da questo indirizzo: riprovare tra ${limite.timeToBlockExpire} secondi.`,
    );
  }
}
