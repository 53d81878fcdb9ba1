import { contaSlot, slotInComune } from './griglia-oraria';
import { CRITERI_ABBINAMENTO, type CriterioAbbinamento, type PesiAbbinamento } from './pesi';

/*
 * The explainable matching (issue 11 point 5): a family's need against the schede of the ambito's
 * register, across all its desks. Hard filters first (each exclusion counted by its reason), then a
 * score that is the weighted mean of five parts, each shown with its value, weight, points and an
 * Italian sentence, so that the operator can tell the family why a name comes first. Pure: the same
 * need, schede and weights always give the same ranking (ties by assistant id).
 */

export type Convivenza = 'necessaria' | 'gradita' | 'indifferente';

export interface BisognoFamiglia {
  /** The family's comune (ISTAT), its sub-ambito and ambito codes: the area criterion compares them. */
  comune: string;
  subAmbito: string;
  /** The comuni of the family's sub-ambito: an assistant serving one of them is near (schede list comuni). */
  comuniSubAmbito?: readonly string[];
  ambito: string;
  /** Other codes the register uses for the same ambito (its AMBITO_CODICE and the territorio's code). */
  ambitiEquivalenti?: readonly string[];
  /** The weekly hours needed, as slots of griglia-oraria. */
  orari: Uint8Array;
  convivenza: Convivenza;
  competenze: readonly string[];
  /** Competences without which an assistant is not proposed (a subset of `competenze`). */
  competenzeIndispensabili: readonly string[];
  lingue: readonly string[];
}

export interface SchedaCandidata {
  assistenteId: string;
  /** The desk that keeps the scheda: shown, never a filter (the register is one for the ambito). */
  sportello: string;
  competenze: readonly string[];
  lingue: readonly string[];
  /** Codes of the areas served: comuni (ISTAT) as the register keeps them; sub-ambiti or the ambito also understood. */
  aree: readonly string[];
  convivenza: boolean;
  disponibilita: Uint8Array;
}

export interface ParteDelPunteggio {
  criterio: CriterioAbbinamento;
  /** 0..1 */
  valore: number;
  peso: number;
  /** The part's share of the score, in points of 100. */
  punti: number;
  spiegazione: string;
}

export interface Candidato {
  assistenteId: string;
  sportello: string;
  /** 0..100, one decimal. */
  punteggio: number;
  parti: ParteDelPunteggio[];
}

export const MOTIVI_ESCLUSIONE = [
  'area-non-servita',
  'convivenza-non-offerta',
  'competenza-indispensabile-mancante',
  'disponibilita-insufficiente',
] as const;
export type MotivoEsclusione = (typeof MOTIVI_ESCLUSIONE)[number];

export interface EsitoAbbinamento {
  versionePesi: string;
  candidati: Candidato[];
  /** How many schede each hard filter excluded (the first failing filter counts). */
  esclusi: Record<MotivoEsclusione, number>;
  valutate: number;
}

const arrotonda = (n: number, cifre = 1) => Math.round(n * 10 ** cifre) / 10 ** cifre;
const percento = (n: number) => `${Math.round(n * 100)}%`;

function livelloArea(
  bisogno: BisognoFamiglia,
  aree: readonly string[],
): keyof PesiAbbinamento['area'] | undefined {
  if (aree.includes(bisogno.comune)) return 'comune';
  if (aree.includes(bisogno.subAmbito) || bisogno.comuniSubAmbito?.some((c) => aree.includes(c)))
    return 'subAmbito';
  if (aree.includes(bisogno.ambito) || bisogno.ambitiEquivalenti?.some((a) => aree.includes(a)))
    return 'ambito';
  return undefined;
}

const SPIEGAZIONE_AREA: Record<keyof PesiAbbinamento['area'], string> = {
  comune: 'opera nel comune della famiglia',
  subAmbito: 'opera nel sub-ambito della famiglia',
  ambito: 'opera in tutto l’Ambito',
};

function frazione(richieste: readonly string[], possedute: readonly string[]) {
  const presenti = richieste.filter((r) => possedute.includes(r));
  const mancanti = richieste.filter((r) => !possedute.includes(r));
  return { valore: richieste.length === 0 ? 1 : presenti.length / richieste.length, presenti, mancanti };
}

/** Ranks the schede for the need; `limite` keeps the first N candidates (all when omitted). */
export function abbina(
  bisogno: BisognoFamiglia,
  schede: Iterable<SchedaCandidata>,
  pesi: PesiAbbinamento,
  limite?: number,
): EsitoAbbinamento {
  const esclusi = Object.fromEntries(MOTIVI_ESCLUSIONE.map((m) => [m, 0])) as Record<
    MotivoEsclusione,
    number
  >;
  const candidati: Candidato[] = [];
  const oreRichieste = contaSlot(bisogno.orari);
  const pesoTotale = CRITERI_ABBINAMENTO.reduce((s, c) => s + pesi.pesi[c], 0);
  let valutate = 0;

  for (const scheda of schede) {
    valutate++;
    const area = livelloArea(bisogno, scheda.aree);
    if (!area) {
      esclusi['area-non-servita']++;
      continue;
    }
    if (bisogno.convivenza === 'necessaria' && !scheda.convivenza) {
      esclusi['convivenza-non-offerta']++;
      continue;
    }
    if (bisogno.competenzeIndispensabili.some((c) => !scheda.competenze.includes(c))) {
      esclusi['competenza-indispensabile-mancante']++;
      continue;
    }
    const coperte = oreRichieste === 0 ? 0 : slotInComune(bisogno.orari, scheda.disponibilita);
    const disponibilita = oreRichieste === 0 ? 1 : coperte / oreRichieste;
    if (disponibilita < pesi.filtri.disponibilitaMinima) {
      esclusi['disponibilita-insufficiente']++;
      continue;
    }

    const competenze = frazione(bisogno.competenze, scheda.competenze);
    const lingue = frazione(bisogno.lingue, scheda.lingue);
    const convivenza =
      bisogno.convivenza === 'gradita' && !scheda.convivenza ? pesi.convivenzaGraditaNonOfferta : 1;
    const valori: Record<CriterioAbbinamento, { valore: number; spiegazione: string }> = {
      competenze: {
        valore: competenze.valore,
        spiegazione:
          bisogno.competenze.length === 0
            ? 'nessuna competenza richiesta'
            : `${competenze.presenti.length} di ${bisogno.competenze.length} competenze richieste` +
              (competenze.mancanti.length ? ` (manca: ${competenze.mancanti.join(', ')})` : ''),
      },
      disponibilita: {
        valore: disponibilita,
        spiegazione:
          oreRichieste === 0
            ? 'nessun orario indicato'
            : `disponibile ${coperte} delle ${oreRichieste} ore settimanali richieste (${percento(disponibilita)})`,
      },
      area: { valore: pesi.area[area], spiegazione: SPIEGAZIONE_AREA[area] },
      lingue: {
        valore: lingue.valore,
        spiegazione:
          bisogno.lingue.length === 0
            ? 'nessuna lingua richiesta'
            : `parla ${lingue.presenti.length} di ${bisogno.lingue.length} lingue richieste` +
              (lingue.mancanti.length ? ` (non: ${lingue.mancanti.join(', ')})` : ''),
      },
      convivenza: {
        valore: convivenza,
        spiegazione:
          bisogno.convivenza === 'indifferente'
            ? 'convivenza non richiesta'
            : scheda.convivenza
              ? 'disponibile alla convivenza'
              : 'convivenza gradita ma non offerta',
      },
    };
    const parti = CRITERI_ABBINAMENTO.map((criterio) => ({
      criterio,
      valore: arrotonda(valori[criterio].valore, 3),
      peso: pesi.pesi[criterio],
      punti: arrotonda((valori[criterio].valore * pesi.pesi[criterio] * 100) / pesoTotale, 2),
      spiegazione: valori[criterio].spiegazione,
    }));
    const punteggio = arrotonda(
      CRITERI_ABBINAMENTO.reduce((s, c) => s + valori[c].valore * pesi.pesi[c], 0) * (100 / pesoTotale),
    );
    candidati.push({ assistenteId: scheda.assistenteId, sportello: scheda.sportello, punteggio, parti });
  }

  candidati.sort((a, b) => b.punteggio - a.punteggio || a.assistenteId.localeCompare(b.assistenteId));
  return {
    versionePesi: pesi.versione,
    candidati: limite === undefined ? candidati : candidati.slice(0, limite),
    esclusi,
    valutate,
  };
}
