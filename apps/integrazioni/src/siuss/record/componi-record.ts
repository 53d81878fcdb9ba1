import type { CodificaSiuss } from '../codici/codici-siuss';
import type { SinaSiuss } from '../codici/sina-siuss';
import { regioneDelComune } from '../codici/regioni-istat';
import type { AnagraficaSiuss, PrestazioneSiuss } from '../xml/flusso-siuss';

/*
 * From what the other services say about a beneficio to the SIUSS records it makes: one prestazione
 * per calendar year (DataFinePrestazione must fall in the year of DataInizioPrestazione), periodic with
 * the monthly amount and its months, or one-off with the whole amount. Pure: the same inputs give the
 * same records, so a change of the inputs is seen as a different impronta (and corrected).
 */

export interface DatiBeneficio {
  id: string;
  misura: string;
  strumento: string;
  importoMensileCentesimi: number | null;
  importoTotaleCentesimi: number;
  dal: string;
  al: string;
  /** First day without the benefit (revoca, cessazione), if it ended early. */
  terminaDal: string | null;
}

export interface DatiIstanza {
  protocollo: string;
  protocolloDsu: string | null;
  dataDsu: string | null;
}

export interface DatiPersona {
  codiceFiscale: string;
  cognome: string;
  nome: string;
  dataNascita: string;
  luogoNascita: string;
  sesso: 'M' | 'F';
  cittadinanzaIstat: string | null;
  comuneResidenza: string | null;
  statoEsteroResidenza: string | null;
}

export interface PrestazioneAnnua {
  anno: number;
  prestazione: PrestazioneSiuss;
}

export type Composizione =
  | { esito: 'composto'; anagrafica: AnagraficaSiuss; prestazioni: PrestazioneAnnua[] }
  | { esito: 'non-componibile'; motivo: string };

const euro = (centesimi: number) => (centesimi / 100).toFixed(2);

function giornoPrima(giorno: string): string {
  const d = new Date(`${giorno}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

/** Months touched by [inizio, fine], within one year. */
function mesi(inizio: string, fine: string): number {
  return Number(fine.slice(5, 7)) - Number(inizio.slice(5, 7)) + 1;
}

/** Italy in SIUSS (ISO 3166-1 numeric, as the examples of the specification). */
const ITALIA = '380';
/** Citizenship not available (Specifica Tecnica, Anagrafica). */
const CITTADINANZA_NON_DISPONIBILE = '990';

export function anagraficaSiuss(p: DatiPersona): AnagraficaSiuss | string {
  if (p.comuneResidenza === null && p.statoEsteroResidenza === null) return 'residenza non registrata';
  const regione = p.comuneResidenza === null ? null : regioneDelComune(p.comuneResidenza);
  if (p.comuneResidenza !== null && regione === null)
    return `regione del comune di residenza ${p.comuneResidenza} non determinata`;
  return {
    codiceFiscale: p.codiceFiscale,
    cognome: p.cognome.slice(0, 36),
    nome: p.nome.slice(0, 36),
    annoNascita: p.dataNascita.slice(0, 4),
    luogoNascita: p.luogoNascita,
    genere: p.sesso === 'M' ? '1' : '2',
    codiceCittadinanza: p.cittadinanzaIstat ?? CITTADINANZA_NON_DISPONIBILE,
    codiceNazione: p.comuneResidenza !== null ? ITALIA : (p.statoEsteroResidenza as string),
    codiceRegione: regione,
    codiceComune: p.comuneResidenza,
  };
}

export function componiRecord(input: {
  beneficio: DatiBeneficio;
  istanza: DatiIstanza;
  persona: DatiPersona;
  presoInCarico: boolean;
  codifica: CodificaSiuss | null;
  /** The SINA section, sent only with prestazioni of disability and non-self-sufficiency. */
  sina?: SinaSiuss | null;
}): Composizione {
  const { beneficio: b, istanza, persona, presoInCarico, codifica } = input;
  const sina = codifica?.sina && input.sina ? input.sina : null;
  if (!codifica)
    return {
      esito: 'non-componibile',
      motivo: `nessun codice prestazione SIUSS per ${b.misura}/${b.strumento} al ${b.dal}`,
    };
  const anagrafica = anagraficaSiuss(persona);
  if (typeof anagrafica === 'string') return { esito: 'non-componibile', motivo: anagrafica };

  const fine = b.terminaDal !== null && b.terminaDal <= b.al ? giornoPrima(b.terminaDal) : b.al;
  const comune: Omit<PrestazioneSiuss, 'CaratterePrestazione'> = {
    TipoOperazione: 'I',
    PresenzaProvaMezzi: codifica.provaMezzi,
    ...(codifica.provaMezzi === '1' && istanza.protocolloDsu && istanza.dataDsu
      ? {
          NumeroProtocolloDSU: istanza.protocolloDsu,
          AnnoProtocolloDSU: /-(\d{4})-/.exec(istanza.protocolloDsu)?.[1] ?? istanza.dataDsu.slice(0, 4),
          DataDSU: istanza.dataDsu,
        }
      : {}),
    CodicePrestazione: codifica.codicePrestazione,
    DenominazionePrestazione: codifica.denominazione,
    ProtocolloDomanda: istanza.protocollo.slice(0, 32),
    DataEvento: b.dal,
    PresaCarico: presoInCarico ? '1' : '2',
    AreaUtenza: codifica.areaUtenza,
    ...(sina ? { SINA: sina } : {}),
  };

  if (b.importoMensileCentesimi === null) {
    // One-off (Dopo di Noi, Pro.Vi. totals): the whole amount on the first day.
    if (fine < b.dal) return { esito: 'composto', anagrafica, prestazioni: [] };
    return {
      esito: 'composto',
      anagrafica,
      prestazioni: [
        {
          anno: Number(b.dal.slice(0, 4)),
          prestazione: {
            ...comune,
            CaratterePrestazione: '2',
            DataErogazionePrestazione: b.dal,
            ImportoPrestazione: euro(b.importoTotaleCentesimi),
          },
        },
      ],
    };
  }

  const prestazioni: PrestazioneAnnua[] = [];
  for (let anno = Number(b.dal.slice(0, 4)); anno <= Number(fine.slice(0, 4)); anno++) {
    const inizio = b.dal > `${anno}-01-01` ? b.dal : `${anno}-01-01`;
    const termine = fine < `${anno}-12-31` ? fine : `${anno}-12-31`;
    if (termine < inizio) continue;
    prestazioni.push({
      anno,
      prestazione: {
        ...comune,
        CaratterePrestazione: '1',
        DataInizioPrestazione: inizio,
        DataFinePrestazione: termine,
        ImportoMensile: euro(b.importoMensileCentesimi),
        PeriodoErogazione: String(mesi(inizio, termine)),
      },
    });
  }
  return { esito: 'composto', anagrafica, prestazioni };
}
