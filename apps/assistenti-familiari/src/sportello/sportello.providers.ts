import type { Provider } from '@nestjs/common';
import type { TerritorioV1 } from '@ambito/contracts';
import { BonusService } from '../bonus/bonus.service';
import { ContrattiService } from '../contratti/contratti.service';
import { RichiesteService } from '../richieste/richieste.service';
import { CONTESTO_SPORTELLO } from './contesto';
import { SportelloController } from './sportello.controller';

export const SPORTELLO_CONTROLLERS = [SportelloController];

export function sportelloProviders(ambito: string, territorio: TerritorioV1): Provider[] {
  return [
    { provide: CONTESTO_SPORTELLO, useValue: { ambito, territorio } },
    RichiesteService,
    ContrattiService,
    BonusService,
  ];
}
