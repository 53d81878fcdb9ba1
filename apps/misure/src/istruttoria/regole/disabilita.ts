import type {
  CondizioneDisabilita,
  RegolaValutataV1,
  RequisitoDisabilitaV1,
  RiconoscimentoV1,
} from '@ambito/contracts';
import { daVerificare, nonSoddisfatta, soddisfatta, type Contesto } from './contesto';
import { NOMI_CONDIZIONI, data, elenco } from './formato';

const CODICE = 'DISABILITA_CONDIZIONE';

/** A condition as the band asks it, with the minimum percentage for invalidità civile. */
function nome(condizione: CondizioneDisabilita, requisito: RequisitoDisabilitaV1): string {
  return condizione === 'invalidita-civile' && requisito.invaliditaMinima !== null
    ? `${NOMI_CONDIZIONI[condizione]} almeno al ${requisito.invaliditaMinima} %`
    : NOMI_CONDIZIONI[condizione];
}

/** Whether a recognition proves the condition (invalidità civile: at the band's minimum percentage). */
function prova(
  r: RiconoscimentoV1,
  condizione: CondizioneDisabilita,
  requisito: RequisitoDisabilitaV1,
): boolean {
  if (r.condizione !== condizione) return false;
  if (condizione !== 'invalidita-civile' || requisito.invaliditaMinima === null) return true;
  return r.percentuale !== null && r.percentuale >= requisito.invaliditaMinima;
}

/** The alternatives that suffice alone (`oppure`), as the recognitions prove them. */
function alternativaProvata(
  requisito: RequisitoDisabilitaV1,
  riconoscimenti: readonly RiconoscimentoV1[],
): CondizioneDisabilita | undefined {
  return (requisito.oppure ?? []).find((cond) => riconoscimenti.some((r) => prova(r, cond, requisito)));
}

/** Which required conditions the recognitions leave unmet (all of `tutte`, one of `almenoUna`). */
function mancanti(requisito: RequisitoDisabilitaV1, riconoscimenti: readonly RiconoscimentoV1[]): string[] {
  if (alternativaProvata(requisito, riconoscimenti)) return [];
  // Only alternatives: one of them is what is missing.
  if (requisito.tutte.length === 0 && requisito.almenoUna.length === 0)
    return [
      `una fra ${elenco(
        (requisito.oppure ?? []).map((cond) => nome(cond, requisito)),
        'e',
      )}`,
    ];
  const ha = (cond: CondizioneDisabilita) => riconoscimenti.some((r) => prova(r, cond, requisito));
  const out = requisito.tutte.filter((cond) => !ha(cond)).map((cond) => nome(cond, requisito));
  if (requisito.almenoUna.length > 0 && !requisito.almenoUna.some(ha))
    out.push(
      `almeno una fra ${elenco(
        requisito.almenoUna.map((cond) => nome(cond, requisito)),
        'e',
      )}`,
    );
  return out;
}

/** What the band asks, in words: `A e B`, `una fra A e B`, `…, oppure C`. */
function richiesta(requisito: RequisitoDisabilitaV1): string {
  const principale = [
    ...requisito.tutte.map((cond) => nome(cond, requisito)),
    ...(requisito.almenoUna.length > 0
      ? [
          `una fra ${elenco(
            requisito.almenoUna.map((cond) => nome(cond, requisito)),
            'e',
          )}`,
        ]
      : []),
  ];
  return elenco(principale, 'e');
}

/**
 * DISABILITA_CONDIZIONE: the band's disability condition (§1.2, configurable per band): every condition
 * of `tutte` and at least one of `almenoUna` (invalidità civile at its minimum), or one of `oppure`
 * alone. Recognitions count from their date; one past its revision date still proves the condition only
 * for an operator: da-verificare.
 */
export function disabilita(c: Contesto): RegolaValutataV1[] {
  if (!c.fascia) return [];
  const requisito = c.fascia.disabilita;
  const oppure = requisito.oppure ?? [];
  if (requisito.tutte.length === 0 && requisito.almenoUna.length === 0 && oppure.length === 0)
    return [soddisfatta(CODICE, 'La fascia non richiede una condizione di disabilità')];
  const riconosciuti = c.dati.riconoscimenti.filter((r) => r.dataRiconoscimento <= c.giorno);
  const inVigore = riconosciuti.filter((r) => r.dataRevisione === null || r.dataRevisione >= c.giorno);
  if (mancanti(requisito, inVigore).length === 0) {
    const alternativa = alternativaProvata(requisito, inVigore);
    const cosa = alternativa ? nome(alternativa, requisito) : richiesta(requisito);
    return [soddisfatta(CODICE, `Condizione di disabilità riconosciuta: ${cosa}`)];
  }
  const mancanoAncheScaduti = mancanti(requisito, riconosciuti);
  if (mancanoAncheScaduti.length === 0) {
    const scaduti = riconosciuti
      .filter((r) => r.dataRevisione !== null && r.dataRevisione < c.giorno)
      .map(
        (r) => `${NOMI_CONDIZIONI[r.condizione]} (revisione prevista il ${data(r.dataRevisione as string)})`,
      );
    return [
      daVerificare(
        CODICE,
        `Riconoscimento oltre la data di revisione al ${data(c.giorno)}: ${elenco(scaduti, 'e')}; verificare l’esito della revisione`,
      ),
    ];
  }
  const alternative =
    oppure.length > 0 && (requisito.tutte.length > 0 || requisito.almenoUna.length > 0)
      ? `, oppure ${elenco(
          oppure.map((cond) => nome(cond, requisito)),
          'o',
        )}`
      : '';
  return [
    nonSoddisfatta(
      CODICE,
      `Condizione di disabilità non riconosciuta al ${data(c.giorno)}: manca ${elenco(mancanoAncheScaduti, 'e')}${alternative}`,
    ),
  ];
}
