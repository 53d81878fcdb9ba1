import type { ValutazioneV1 } from '@ambito/contracts';
import type { StrumentoEntity } from './strumento.entity';
import type { ValutazioneEntity } from './valutazione.entity';

export function toValutazioneV1(v: ValutazioneEntity, strumenti: StrumentoEntity[]): ValutazioneV1 {
  const strumento = strumenti.find(
    (s) => s.codice === v.strumentoCodice && s.versione === v.strumentoVersione,
  );
  return {
    id: v.id,
    strumento: {
      codice: v.strumentoCodice,
      versione: v.strumentoVersione,
      denominazione: strumento?.denominazione ?? v.strumentoCodice,
    },
    data: v.data,
    risposte: v.risposte,
    risposteMultiple: v.risposteMultiple ?? {},
    punteggio: v.punteggio,
    punteggioMax: v.punteggioMax,
    valutatore: { id: v.valutatoreId, nome: v.valutatoreNome },
    note: v.note,
    episodio: v.episodio,
    registrataIl: v.registrataIl.toISOString(),
  };
}
