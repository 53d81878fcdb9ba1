import { Inject, Injectable } from '@nestjs/common';
import { DomainError, type ContatoriAccessiRispostaV1, type ContatoriAccessiV1 } from '@ambito/contracts';
import { currentActor } from '@ambito/messaging';
import {
  SOGLIA_PERSONE,
  assertMesiInteri,
  cellaPubblicabile,
  meseInCorso,
  periodoLocale,
} from '@ambito/audit';
import { visibilitaStatistiche } from '../scope/ambito-visibilita';
import { ContatoriRepository } from './contatori.repository';

/**
 * Daily or monthly counts of accessi by area di bisogno and comune of residence: no personal data.
 * Coordinators and responsabili see their own territory in full. The Ufficio di Piano and the
 * administrator see the whole ambito under the confidentiality rule (libs/audit riservatezza-statistica):
 * whole, ended months only, no cell of fewer than `soglia` distinct persons.
 */
@Injectable()
export class ContatoriService {
  constructor(
    private readonly conteggi: ContatoriRepository,
    @Inject(SOGLIA_PERSONE) private readonly soglia: number,
  ) {}

  async contatori(query: ContatoriAccessiV1): Promise<ContatoriAccessiRispostaV1> {
    const visibilita = visibilitaStatistiche(currentActor());
    if (visibilita === null) return this.soloAggregati(query);
    const righe = await this.conteggi.conta(query, visibilita);
    return {
      dal: query.dal,
      al: query.al,
      granularita: query.granularita,
      righe,
      totale: righe.reduce((sum, r) => sum + r.totale, 0),
      celleOmesse: 0,
      sogliaPersone: null,
    };
  }

  private async soloAggregati(query: ContatoriAccessiV1): Promise<ContatoriAccessiRispostaV1> {
    periodoLocale(query.dal, query.al); // an impossible date is DATA_NON_VALIDA, as for everyone
    if (query.granularita !== 'mese') {
      throw new DomainError(
        'DETTAGLIO_STATISTICO_NON_CONSENTITO',
        'Per il proprio ruolo i contatori sono solo mensili: usare granularita=mese (una serie giornaliera per comune renderebbe riconoscibili le persone).',
        [{ campo: 'granularita', messaggi: ['solo mese'] }],
      );
    }
    assertMesiInteri(query.dal, query.al);
    const inCorso = meseInCorso();
    const celle = await this.conteggi.contaMensiliAmbito(query);
    // The month under way is left out: its cells grow day by day, and their differences are a daily series.
    const righe = celle
      .filter((c) => c.periodo < inCorso && cellaPubblicabile(c, this.soglia))
      .map(({ periodo, areaBisogno, comune, totale }) => ({ periodo, areaBisogno, comune, totale }));
    return {
      dal: query.dal,
      al: query.al,
      granularita: query.granularita,
      righe,
      totale: righe.reduce((sum, r) => sum + r.totale, 0),
      celleOmesse: celle.length - righe.length,
      sogliaPersone: this.soglia,
    };
  }
}
