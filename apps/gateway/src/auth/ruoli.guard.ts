import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { DomainError, type Ruolo } from '@ambito/contracts';
import type { GatewayRequest } from '../context/gateway-request';
import { RUOLI_KEY } from './ruoli.decorator';

/** Global guard after authentication: enforces `@Ruoli(...)` (403 OPERAZIONE_NON_CONSENTITA). */
@Injectable()
export class RuoliGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    if (context.getType() !== 'http') return true;
    const richiesti = this.reflector.getAllAndOverride<Ruolo[] | undefined>(RUOLI_KEY, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (!richiesti?.length) return true;
    const actor = context.switchToHttp().getRequest<GatewayRequest>().actor;
    if (!actor?.ruoli.some((r) => richiesti.includes(r))) {
      throw new DomainError(
        'OPERAZIONE_NON_CONSENTITA',
        'Il ruolo dell’utente non consente questa operazione.',
      );
    }
    return true;
  }
}
