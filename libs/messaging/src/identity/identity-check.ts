import { Logger } from '@nestjs/common';
import type { Msg } from 'nats';
import { HEADER, type Actor, type AnyRpcDeclaration } from '@ambito/contracts';
import { RequestContext } from '../context/request-context';
import type { RpcRefusalRecorder } from '../rpc/rpc-refusal';
import { IdentityRefused, type ActorVerifier } from './actor-token';

/** Only plausible ids from an unverified request reach the log and the audit (as the gateway does). */
const PLAIN_ID = /^[A-Za-z0-9._:-]{1,128}$/;
const plain = (value: string | undefined) => (value && PLAIN_ID.test(value) ? value : undefined);

/**
 * RpcServer's first step: who is acting, as signed by a trusted issuer for this request. A refusal is
 * logged and recorded (RPC_REFUSAL_RECORDER) before it is answered; nothing of the unverified request
 * is recorded but its subject and correlation id, since all of it may be forged.
 */
export class IdentityCheck {
  private readonly logger = new Logger('IdentityCheck');

  constructor(
    private readonly verifier: ActorVerifier,
    private readonly refusals: RpcRefusalRecorder | undefined,
  ) {}

  async actorOf(msg: Msg, declaration: AnyRpcDeclaration, correlationId: string): Promise<Actor> {
    const token = msg.headers?.has(HEADER.actor) ? msg.headers.get(HEADER.actor) : undefined;
    try {
      return await this.verifier.verify(token || undefined, {
        subject: declaration.subject,
        correlationId,
        body: msg.data,
      });
    } catch (error) {
      if (!(error instanceof IdentityRefused)) throw error;
      const safeCorrelationId = plain(correlationId);
      this.logger.warn(
        {
          subject: declaration.subject,
          causa: error.failure,
          emittente: plain(error.claimed.issuer),
          kid: plain(error.claimed.kid),
          correlationId: safeCorrelationId,
        },
        'richiesta NATS rifiutata: identità non verificata',
      );
      // A context of its own: the request's purpose and actor are not to be believed.
      await RequestContext.run({ correlationId: safeCorrelationId ?? '', causationId: null }, () =>
        this.refusals?.recordIdentityRefusal({ declaration, error }),
      );
      throw error;
    }
  }
}
