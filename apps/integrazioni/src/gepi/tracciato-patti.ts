import type { EsitoObiettivo, PattoAdiV1 } from '@ambito/contracts';
import { scriviCsv } from './csv';

/**
 * The layout of the export of the patti per l'inclusione and their monitoring for entry into GePI
 * (docs/gepi.md), as data: the columns in order, versioned. One `PATTO` row per obiettivo of each
 * approved version of the patto, one `MONITORAGGIO` row per obiettivo of each verifica. Dates as GePI's
 * forms take them (gg/mm/aaaa).
 */
export const TRACCIATO_PATTI_V1 = {
  versione: 'gepi-patti@1',
  colonne: [
    'Codice domanda',
    'Codice fiscale richiedente',
    'Tipo riga',
    'Versione patto',
    'Data sottoscrizione patto',
    'Data inizio',
    'Data fine',
    'Numero obiettivo',
    'Obiettivo',
    'Risultato atteso',
    'Indicatore',
    'Impegni del nucleo',
    'Data monitoraggio',
    'Esito obiettivo',
    'Note',
  ],
} as const;

const ESITI: Record<EsitoObiettivo, string> = {
  raggiunto: 'Raggiunto',
  'parzialmente-raggiunto': 'Parzialmente raggiunto',
  'non-raggiunto': 'Non raggiunto',
};

function dataGepi(iso: string | null): string {
  return iso ? `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}` : '';
}

export function csvPatti(patti: readonly PattoAdiV1[]): { csv: string; righe: number } {
  const righe: (string | number | null)[][] = [];
  for (const p of patti) {
    const comune = [p.codiceDomanda, p.codiceFiscale];
    const patto = [p.versione, dataGepi(p.approvatoIl), dataGepi(p.dataInizio), dataGepi(p.dataFine)];
    p.obiettivi.forEach((o, i) =>
      righe.push([
        ...comune,
        'PATTO',
        ...patto,
        i + 1,
        o.descrizione,
        o.risultatoAtteso,
        o.indicatore,
        p.impegni.join(' | '),
        null,
        null,
        null,
      ]),
    );
    for (const v of p.verifiche)
      for (const e of v.esiti) {
        const o = p.obiettivi[e.obiettivo];
        righe.push([
          ...comune,
          'MONITORAGGIO',
          ...patto,
          e.obiettivo + 1,
          o?.descrizione ?? null,
          null,
          null,
          null,
          dataGepi(v.data),
          ESITI[e.esito],
          [e.note, v.note].filter(Boolean).join(' — ') || null,
        ]);
      }
  }
  return { csv: scriviCsv([[...TRACCIATO_PATTI_V1.colonne], ...righe]), righe: righe.length };
}
