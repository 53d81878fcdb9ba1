import { SetMetadata } from '@nestjs/common';
import type { Ruolo } from '@ambito/contracts';

export const RUOLI_KEY = 'ambito:ruoli';

/**
 * Coarse role gate of the gateway: the actor needs at least one of these roles. The territorial scope
 * (sub-ambito, comune, assigned cases) is enforced again by the service that owns the data.
 */
export const Ruoli = (...ruoli: Ruolo[]) => SetMetadata(RUOLI_KEY, ruoli);
