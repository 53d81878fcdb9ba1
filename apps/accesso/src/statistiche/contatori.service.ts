import { Injectable } from '@nestjs/common';
import type { ContatoriAccessiRispostaV1, ContatoriAccessiV1 } from '@ambito/contracts';
import { currentActor } from '@ambito/messaging';
import { visibilitaStatistiche } from '../scope/ambito-visibilita';
import { ContatoriRepository } from './contatori.repository';

/** Daily or monthly counts of accessi by area di bisogno and comune of residence: no personal data. */
@Injectable()
export class ContatoriService {
  constructor(private readonly conteggi: ContatoriRepository) {}

  async contatori(query: ContatoriAccessiV1): Promise<ContatoriAccessiRispostaV1> {
    const righe = await this.conteggi.conta(query, visibilitaStatistiche(currentActor()));
    return {
      dal: query.dal,
      al: query.al,
      granularita: query.granularita,
      righe,
      totale: righe.reduce((sum, r) => sum + r.totale, 0),
    };
  }
}
