/*
 * When a valutazione "shows the need" of an assistente familiare (issue 11 point 4): versioned data, not
 * code. The L.R. 15/2015 art. 6 c. 1 lett. a gives the sportello the assessment of the need but sets no
 * threshold; the Katz ADL (0–6) and Lawton IADL (0–8) scales are the standard clinical ones
 * (regole-lombardia.md §1.6, [S]). The thresholds below are the Ambito's working choice, marked [B] until
 * the Ufficio di Piano adopts them by act: a new version is a new entry with its validoDal, never an edit.
 */

export interface SogliaBisogno {
  /** Code of the instrument (strumento_valutazione). */
  strumento: string;
  /** The need is shown by a score at most this (lower = more dependent). */
  punteggioMassimo: number;
  spiegazione: string;
}

export interface CriteriBisogno {
  versione: string;
  validoDal: string;
  validoAl: string | null;
  fonte: string;
  confidenza: '[V]' | '[S]' | '[B]';
  /** A valutazione older than this many months no longer shows today's need. */
  validitaMesi: number;
  soglie: SogliaBisogno[];
}

export const CRITERI_BISOGNO_ASSISTENTE: readonly CriteriBisogno[] = [
  {
    versione: 'bisogno-assistente-2026.1',
    validoDal: '2020-01-01',
    validoAl: null,
    fonte:
      'L.R. Lombardia 15/2015 art. 6 c. 1 lett. a (valutazione del bisogno allo sportello); scale ADL di Katz e IADL di Lawton; soglie di prassi d’Ambito',
    confidenza: '[B]',
    validitaMesi: 12,
    soglie: [
      {
        strumento: 'ADL',
        punteggioMassimo: 4,
        spiegazione: 'ADL ≤ 4/6: dipendente in almeno due attività di base della vita quotidiana',
      },
      {
        strumento: 'IADL',
        punteggioMassimo: 4,
        spiegazione: 'IADL ≤ 4/8: dipendente in almeno metà delle attività strumentali',
      },
    ],
  },
];

export interface ValutazioneDaGiudicare {
  strumento: string;
  punteggio: number | null;
  /** AAAA-MM-GG */
  data: string;
}

export type EsitoBisogno =
  | {
      dimostrato: true;
      versioneCriteri: string;
      strumento: string;
      punteggio: number | null;
      spiegazione: string;
    }
  | { dimostrato: false; versioneCriteri: string | null; motivo: string };

/** The criteria in force on a day (the proposal's), if any. */
export function criteriInVigore(
  giorno: string,
  criteri: readonly CriteriBisogno[] = CRITERI_BISOGNO_ASSISTENTE,
): CriteriBisogno | undefined {
  return criteri.find((c) => c.validoDal <= giorno && (c.validoAl === null || giorno <= c.validoAl));
}

/** Whether a valutazione shows the need on `giorno`, with the criteria in force then; explained either way. */
export function bisognoDimostrato(
  v: ValutazioneDaGiudicare,
  giorno: string,
  criteri: readonly CriteriBisogno[] = CRITERI_BISOGNO_ASSISTENTE,
): EsitoBisogno {
  const c = criteriInVigore(giorno, criteri);
  if (!c)
    return {
      dimostrato: false,
      versioneCriteri: null,
      motivo: `nessun criterio del bisogno in vigore il ${giorno}`,
    };
  const limite = new Date(`${giorno}T00:00:00Z`);
  limite.setUTCMonth(limite.getUTCMonth() - c.validitaMesi);
  if (v.data < limite.toISOString().slice(0, 10))
    return {
      dimostrato: false,
      versioneCriteri: c.versione,
      motivo: `la valutazione del ${v.data} ha più di ${c.validitaMesi} mesi: serve una valutazione recente`,
    };
  const soglia = c.soglie.find((s) => s.strumento === v.strumento);
  if (!soglia)
    return {
      dimostrato: false,
      versioneCriteri: c.versione,
      motivo: `lo strumento ${v.strumento} non è fra quelli che mostrano il bisogno (${c.soglie.map((s) => s.strumento).join(', ')})`,
    };
  if (v.punteggio === null || v.punteggio > soglia.punteggioMassimo)
    return {
      dimostrato: false,
      versioneCriteri: c.versione,
      motivo: `punteggio ${v.strumento} ${v.punteggio ?? 'assente'}: il bisogno è mostrato fino a ${soglia.punteggioMassimo}`,
    };
  return {
    dimostrato: true,
    versioneCriteri: c.versione,
    strumento: v.strumento,
    punteggio: v.punteggio,
    spiegazione: soglia.spiegazione,
  };
}
