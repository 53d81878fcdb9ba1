import { Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { DomainError, attorePubblico } from '@ambito/contracts';
import type { GatewayRequest, GatewayResponse } from '../context/gateway-request';
import { LimitePubblico } from './limite-pubblico';
import { PUBBLICO_KEY, ROTTA_PUBBLICA_KEY } from './pubblico.decorator';
import { TokenVerifier } from './token-verifier';

/** The ambito the gateway serves (AMBITO_CODICE): the anonymous actor of a public route is of it. */
export const AMBITO_GATEWAY = Symbol('AMBITO_GATEWAY');

const BEARER = /^Bearer\s+([A-Za-z0-9._~+/=-]+)\s*$/i;

/**
 * Global guard: every route needs a valid bearer token unless marked `@Pubblico()`. A public route of a
 * route table acts as the anonymous actor `pubblico` (any token is ignored: the declaration admits that
 * role alone), within the per-address limit of the public routes.
 */
@Injectable()
export class AutenticazioneGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly verifier: TokenVerifier,
    private readonly limite: LimitePubblico,
    @Inject(AMBITO_GATEWAY) private readonly ambito: string,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const pubblico = this.reflector.getAllAndOverride<boolean | undefined>(PUBBLICO_KEY, [
      context.getHandler(),
      context.getClass(),
    ]);
    const request = context.switchToHttp().getRequest<GatewayRequest>();
    if (this.reflector.get<boolean | undefined>(ROTTA_PUBBLICA_KEY, context.getHandler())) {
      await this.limite.consenti(request, context.switchToHttp().getResponse<GatewayResponse>());
      request.actor = attorePubblico(this.ambito);
      return true;
    }
    if (pubblico) return true;
    const match = BEARER.exec(request.headers.authorization ?? '');
    if (!match) {
      throw new DomainError('NON_AUTENTICATO', 'Autenticazione richiesta: inviare un token Bearer.');
    }
    request.actor = await this.verifier.verify(match[1]);
    return true;
  }
}
