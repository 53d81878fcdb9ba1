import type { PresentaCandidaturaV1 } from '@ambito/contracts';
import { checkChar } from '@ambito/kernel';
import { SPORTELLO_CASALMAGGIORE } from './assistenti-familiari-harness';

/** A valid codice fiscale from its first 15 characters. */
export const cf = (primi15: string) => primi15 + checkChar(primi15);

let progressivo = 100;
/** A different, valid codice fiscale at each call (women born in 1980, Bucharest). */
export function nuovoCf(): string {
  progressivo += 1;
  const giorno = 41 + (progressivo % 28);
  const cognome = String.fromCharCode(65 + (progressivo % 26)) + 'RS';
  return cf(`${cognome}MRA80A${giorno}Z129`.slice(0, 15));
}

export const CASALMAGGIORE = '019021';
export const VIADANA = '020066';

/** A Romanian (EU) candidate with an ASA qualification who declares Italian: idonea. */
export function candidaturaUe(over: Partial<PresentaCandidaturaV1> = {}): PresentaCandidaturaV1 {
  return {
    sportello: SPORTELLO_CASALMAGGIORE,
    assistente: {
      codiceFiscale: nuovoCf(),
      nome: 'Elena',
      cognome: 'Popescu',
      dataNascita: '1980-01-01',
      cittadinanza: 'RO',
      telefono: '+39 333 1234567',
      email: 'elena.popescu@example.org',
      indirizzo: 'Via Cairoli 3, Casalmaggiore',
    },
    dichiarazioni: {
      assenzaCondanne: true,
      assenzaProcedimentiPendenti: true,
      permessoSoggiorno: null,
      titoli: [
        {
          tipo: 'qualifica-asa-oss',
          ore: null,
          mesi: null,
          descrizione: 'ASA, Cremona 2015',
          documento: 'ASA-2015-77',
        },
      ],
      provaLingua: { modo: 'autodichiarazione', ente: null, documento: null },
    },
    scheda: {
      competenze: ['igiene-personale', 'demenza', 'cucina'],
      formazione: [{ titolo: 'Corso ASA', ente: 'Cr.Forma', ore: 800, anno: 2015 }],
      disponibilita: [
        { giorno: 'lun', dalle: 8, alle: 14 },
        { giorno: 'mer', dalle: 8, alle: 14 },
      ],
      lingue: ['ro', 'it'],
      aree: [CASALMAGGIORE, VIADANA],
      convivente: false,
      esperienzaMesi: 60,
    },
    documenti: [{ tipo: 'documento-identita', riferimento: 'CI-RO-123', data: '2026-06-10' }],
    ...over,
  };
}

/** A Ukrainian (non-EU) candidate with a work permit until `scadenza` and a regional attestato. */
export function candidaturaExtraUe(scadenza: string): PresentaCandidaturaV1 {
  const base = candidaturaUe();
  return {
    ...base,
    sportello: 'SPORTELLO-AF-VIADANA',
    assistente: { ...base.assistente, nome: 'Olena', cognome: 'Kovalenko', cittadinanza: 'UA' },
    dichiarazioni: {
      ...base.dichiarazioni,
      permessoSoggiorno: {
        tipo: 'lavoro subordinato',
        validoPerLavoro: true,
        scadenza,
        documento: 'PS-MN-2025-9',
      },
      titoli: [
        {
          tipo: 'attestato-regionale-assistente-familiare',
          ore: null,
          mesi: null,
          descrizione: 'Attestato regionale, Mantova 2024',
          documento: 'ATT-2024-3',
        },
      ],
    },
    scheda: {
      ...base.scheda,
      lingue: ['uk', 'ru', 'it'],
      competenze: ['mobilizzazione', 'assistenza-notturna'],
      convivente: true,
    },
  };
}
