import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { DomainError } from '@ambito/contracts';
import type { GatewayRequest } from '../context/gateway-request';
import { PUBBLICO_KEY } from './pubblico.decorator';
import { TokenVerifier } from './token-verifier';

const BEARER = /^Bearer\s+([A-Za-z0-9._~+/=-]+)\s*$/i;

/** Global guard: every route needs a valid bearer token unless marked `@Pubblico()`. */
@Injectable()
export class AutenticazioneGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly verifier: TokenVerifier,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const pubblico = this.reflector.getAllAndOverride<boolean | undefined>(PUBBLICO_KEY, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (pubblico) return true;
    const request = context.switchToHttp().getRequest<GatewayRequest>();
    const match = BEARER.exec(request.headers.authorization ?? '');
    if (!match) {
      throw new DomainError('NON_AUTENTICATO', 'Autenticazione richiesta: inviare un token Bearer.');
    }
    request.actor = await this.verifier.verify(match[1]);
    return true;
  }
}
