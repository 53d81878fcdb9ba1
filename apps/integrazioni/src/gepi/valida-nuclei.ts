import {
  CODICE_DOMANDA_ADI_PATTERN,
  MAX_NUCLEI_ADI_PER_REGISTRAZIONE,
  type FieldError,
  type Sesso,
} from '@ambito/contracts';
import { CodiceFiscale, InvalidCodiceFiscaleError } from '@ambito/kernel';
import { CsvNonValido, leggiCsv } from './csv';
import {
  normalizzaIntestazione,
  type CampoNucleo,
  type ColonnaMappata,
  type MappaturaNuclei,
} from './mappatura-nuclei';

/** A household of the file, valid: what presa in carico needs. */
export interface NucleoGepi {
  riga: number;
  codiceDomanda: string;
  codiceFiscale: string;
  cognome: string;
  nome: string;
  dataNascita: string;
  sesso: Sesso;
  comuneResidenza: string;
  dataPad: string;
  componenti: number | null;
}

/** The file as a whole is not a GePI export in the mapping's layout (no row is judged then). */
export class FileGepiNonValido extends Error {
  constructor(
    message: string,
    readonly dettagli: FieldError[] = [],
  ) {
    super(message);
  }
}

export type EsitoValidazione = { nuclei: NucleoGepi[]; rifiutate: FieldError[] };

const MOTIVI_CF: Record<string, string> = {
  CARATTERE_DI_CONTROLLO: 'carattere di controllo errato',
  FORMATO: 'formato non valido (16 caratteri)',
  DATA_NON_VALIDA: 'data di nascita codificata non valida',
};

/** `gg/mm/aaaa` (GePI) or `aaaa-mm-gg`, a real calendar day, as ISO. */
export function dataIso(testo: string): string | null {
  const it = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(testo);
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(testo);
  const parti = it ? [it[3], it[2], it[1]] : iso ? [iso[1], iso[2], iso[3]] : null;
  if (!parti) return null;
  const [a, m, g] = parti;
  const giorno = `${a}-${m.padStart(2, '0')}-${g.padStart(2, '0')}`;
  const d = new Date(`${giorno}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === giorno ? giorno : null;
}

function campoErrore(riga: number, colonna: ColonnaMappata | string): string {
  return `riga ${riga}: ${typeof colonna === 'string' ? colonna : colonna.intestazione}`;
}

/**
 * Reads and validates a GePI export row by row with the given mapping (`oggi` is the import's day).
 * Every refused row is listed with each of its problems, by row and column as the operator sees them in
 * the file; a problem of the whole file (no header, a required column missing, too many rows) throws
 * FileGepiNonValido. The caller imports only when nothing is refused.
 */
export function validaNuclei(testo: string, mappatura: MappaturaNuclei, oggi: string): EsitoValidazione {
  let record;
  try {
    record = leggiCsv(testo);
  } catch (error) {
    if (error instanceof CsvNonValido)
      throw new FileGepiNonValido(`Il file non è un CSV leggibile: ${error.message}.`);
    throw error;
  }
  if (record.length === 0) throw new FileGepiNonValido('Il file è vuoto.');
  const [intestazione, ...righe] = record;
  const indici = new Map(intestazione.celle.map((c, i) => [normalizzaIntestazione(c), i]));
  const mancanti = mappatura.colonne.filter(
    (c) => c.obbligatoria && !indici.has(normalizzaIntestazione(c.intestazione)),
  );
  if (mancanti.length > 0)
    throw new FileGepiNonValido(
      `Il file non ha le colonne dell’export GePI (${mappatura.versione}): mancano ${mancanti.map((c) => `«${c.intestazione}»`).join(', ')}.`,
      mancanti.map((c) => ({ campo: c.intestazione, messaggi: ['colonna obbligatoria mancante'] })),
    );
  if (righe.length === 0) throw new FileGepiNonValido('Il file non contiene nuclei: solo l’intestazione.');
  if (righe.length > MAX_NUCLEI_ADI_PER_REGISTRAZIONE)
    throw new FileGepiNonValido(
      `Il file contiene ${righe.length} nuclei: al massimo ${MAX_NUCLEI_ADI_PER_REGISTRAZIONE} per importazione, dividerlo.`,
    );

  const nuclei: NucleoGepi[] = [];
  const rifiutate: FieldError[] = [];
  const domandeViste = new Map<string, number>();
  for (const { riga, celle } of righe) {
    const errori: FieldError[] = [];
    const errore = (colonna: ColonnaMappata | string, messaggio: string) =>
      errori.push({ campo: campoErrore(riga, colonna), messaggi: [messaggio] });
    const valori = new Map<CampoNucleo, string>();
    for (const colonna of mappatura.colonne) {
      const i = indici.get(normalizzaIntestazione(colonna.intestazione));
      const valore = (i === undefined ? '' : (celle[i] ?? '')).trim();
      if (valore === '') {
        if (colonna.obbligatoria) errore(colonna, 'obbligatorio');
        continue;
      }
      valori.set(colonna.campo, valore);
    }
    const colonna = (campo: CampoNucleo) => mappatura.colonne.find((c) => c.campo === campo)!;
    const valore = (campo: CampoNucleo) => valori.get(campo);

    const codiceDomanda = valore('codiceDomanda')?.toUpperCase();
    if (codiceDomanda !== undefined) {
      if (!CODICE_DOMANDA_ADI_PATTERN.test(codiceDomanda))
        errore(colonna('codiceDomanda'), 'da 4 a 40 lettere, cifre, «-», «/» o «.»');
      else if (domandeViste.has(codiceDomanda))
        errore(
          colonna('codiceDomanda'),
          `domanda ripetuta (già alla riga ${domandeViste.get(codiceDomanda)})`,
        );
      else domandeViste.set(codiceDomanda, riga);
    }
    let cf: CodiceFiscale | null = null;
    const cfTesto = valore('codiceFiscale');
    if (cfTesto !== undefined) {
      try {
        cf = CodiceFiscale.parse(cfTesto);
        if (cf.isNumeric) {
          cf = null;
          errore(
            colonna('codiceFiscale'),
            'codice fiscale numerico: il richiedente ADI è una persona fisica',
          );
        }
      } catch (e) {
        const motivo =
          e instanceof InvalidCodiceFiscaleError ? (MOTIVI_CF[e.reason] ?? e.reason) : 'non valido';
        errore(colonna('codiceFiscale'), `codice fiscale non valido: ${motivo}`);
      }
    }
    for (const campo of ['cognome', 'nome'] as const) {
      const v = valore(campo);
      if (v !== undefined && v.length > 100) errore(colonna(campo), 'al massimo 100 caratteri');
    }
    const data = (campo: 'dataNascita' | 'dataPad') => {
      const v = valore(campo);
      if (v === undefined) return null;
      const iso = dataIso(v);
      if (!iso) errore(colonna(campo), `data non valida «${v}»: gg/mm/aaaa`);
      else if (iso > oggi) errore(colonna(campo), 'data nel futuro');
      return iso;
    };
    const dataNascita = data('dataNascita');
    const dataPad = data('dataPad');
    if (dataNascita && dataPad && dataPad < dataNascita)
      errore(colonna('dataPad'), 'PAD precedente alla nascita del richiedente');
    if (cf && dataNascita && cf.dataNascita(oggi) !== dataNascita)
      errore(colonna('dataNascita'), 'non corrisponde a quella del codice fiscale');
    let sesso = cf?.sesso();
    const sessoTesto = valore('sesso')?.toUpperCase();
    if (sessoTesto !== undefined) {
      if (sessoTesto !== 'M' && sessoTesto !== 'F') errore(colonna('sesso'), 'M o F');
      else if (sesso && sesso !== sessoTesto)
        errore(colonna('sesso'), 'non corrisponde a quello del codice fiscale');
      else sesso = sessoTesto;
    }
    const comune = valore('comuneResidenza');
    if (comune !== undefined && !/^\d{6}$/.test(comune))
      errore(colonna('comuneResidenza'), 'codice ISTAT di 6 cifre');
    let componenti: number | null = null;
    const componentiTesto = valore('componenti');
    if (componentiTesto !== undefined) {
      componenti = /^\d{1,2}$/.test(componentiTesto) ? Number(componentiTesto) : NaN;
      if (!(componenti >= 1 && componenti <= 50)) errore(colonna('componenti'), 'numero intero da 1 a 50');
    }

    if (errori.length > 0) {
      rifiutate.push(...errori);
      continue;
    }
    nuclei.push({
      riga,
      codiceDomanda: codiceDomanda!,
      codiceFiscale: cf!.value,
      cognome: valore('cognome')!,
      nome: valore('nome')!,
      dataNascita: dataNascita!,
      sesso: sesso!,
      comuneResidenza: comune!,
      dataPad: dataPad!,
      componenti,
    });
  }
  return { nuclei, rifiutate };
}
