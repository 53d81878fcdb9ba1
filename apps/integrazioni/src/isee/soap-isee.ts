import { XMLParser } from 'fast-xml-parser';

/*
 * The SOAP 1.1 messages of INPS' ConsultazioneISEE v2.8 (PDND), document/literal as its WSDL binds them:
 * requests built here (element order and types as ConsultazioneISEE_v2.8_PDND.xsd wants them), answers
 * read with fast-xml-parser. The indicator itself comes base64-encoded (XmlEsitoIndicatore) as an
 * `Indicatore` document of ISEE_EsitoConsultazioneIndicatore.xsd.
 */

export const NS_CONSULTAZIONE = 'http://inps.it/ConsultazioneISEE';
const NS_SOAP = 'http://schemas.xmlsoap.org/soap/envelope/';
export const SOAP_ACTION = {
  ConsultazioneIndicatore: `${NS_CONSULTAZIONE}/ISvcConsultazione/ConsultazioneIndicatore`,
  ConsultazioneAttestazione: `${NS_CONSULTAZIONE}/ISvcConsultazione/ConsultazioneAttestazione`,
} as const;
export type OperazioneIsee = keyof typeof SOAP_ACTION;

export const TIPI_INDICATORE = [
  'Ordinario',
  'Minorenne',
  'Universitario',
  'SocioSanitario',
  'Dottorato',
  'Residenziale',
] as const;
export type TipoIndicatore = (typeof TIPI_INDICATORE)[number];

export const ESITI_INPS = [
  'OK',
  'RICHIESTA_INVALIDA',
  'DATI_NON_TROVATI',
  'DATABASE_OFFLINE',
  'ERRORE_INTERNO',
  'RISCONTRO_NON_VALIDO',
] as const;
export type EsitoInps = (typeof ESITI_INPS)[number];

/** The search by codice fiscale (RicercaCFType), for the application of the istanza. */
export interface RicercaCF {
  codiceFiscale: string;
  /** AAAA-MM-GG: the ISEE valid on that day. */
  dataValidita: string;
  prestazione: string;
  protocolloDomanda: string;
  stato: 'Da Erogare' | 'Erogata';
}

const escape = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function ricercaCF(r: RicercaCF): string {
  return (
    `<con:RicercaCF>` +
    `<con:CodiceFiscale>${escape(r.codiceFiscale)}</con:CodiceFiscale>` +
    `<con:DataValidita>${escape(r.dataValidita)}</con:DataValidita>` +
    `<con:PrestazioneDaErogare>${escape(r.prestazione)}</con:PrestazioneDaErogare>` +
    `<con:ProtocolloDomandaEnteErogatore>${escape(r.protocolloDomanda)}</con:ProtocolloDomandaEnteErogatore>` +
    `<con:StatodomandaPrestazione>${escape(r.stato)}</con:StatodomandaPrestazione>` +
    `</con:RicercaCF>`
  );
}

const busta = (corpo: string) =>
  `<?xml version="1.0" encoding="UTF-8"?>` +
  `<soap:Envelope xmlns:soap="${NS_SOAP}" xmlns:con="${NS_CONSULTAZIONE}">` +
  `<soap:Body>${corpo}</soap:Body></soap:Envelope>`;

export function richiestaIndicatore(tipo: TipoIndicatore, r: RicercaCF): string {
  return busta(
    `<con:ConsultazioneIndicatore><con:request>` +
      `<con:TipoIndicatore>${tipo}</con:TipoIndicatore>${ricercaCF(r)}` +
      `</con:request></con:ConsultazioneIndicatore>`,
  );
}

export function richiestaAttestazione(r: RicercaCF): string {
  return busta(
    `<con:ConsultazioneAttestazione><con:request>${ricercaCF(r)}</con:request></con:ConsultazioneAttestazione>`,
  );
}

/** The indicator INPS returned (Indicatore's attributes), values in cents. */
export interface Indicatore {
  tipoIndicatore: string;
  iseeCentesimi: number;
  iseCentesimi: number;
  scalaEquivalenza: number;
  protocolloDsu: string;
  dataPresentazione: string;
}

export interface RispostaIsee {
  idRichiesta: number | null;
  esito: EsitoInps;
  descrizioneErrore: string | null;
  /** ConsultazioneIndicatore with Esito OK: the decoded indicator. */
  indicatore: Indicatore | null;
  /** ConsultazioneAttestazione with Esito OK: the decoded EsitoAttestazione document. */
  attestazioneXml: string | null;
}

/** The answer is not a ConsultazioneISEE response we can read (a Fault, HTML, a truncated body). */
export class RispostaNonLeggibile extends Error {
  constructor(
    readonly faultCode: string | null,
    messaggio: string,
  ) {
    super(messaggio);
  }
}

const parser = new XMLParser({
  removeNSPrefix: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  parseTagValue: false,
  parseAttributeValue: false,
});

/** Euros with up to two decimals ("12345.67") to cents, exactly (no floating point). */
export function centesimi(valore: string): number {
  const m = /^(-)?(\d+)(?:\.(\d{1,2}))?$/.exec(valore.trim());
  if (!m) throw new RispostaNonLeggibile(null, `importo non valido: ${valore}`);
  const c = Number(m[2]) * 100 + Number((m[3] ?? '').padEnd(2, '0'));
  return m[1] ? -c : c;
}

function leggiIndicatore(base64: string): Indicatore {
  const xml = Buffer.from(base64, 'base64').toString('utf8');
  const doc = parser.parse(xml) as { Indicatore?: Record<string, string> };
  const i = doc.Indicatore;
  if (!i || !i.ISEE || !i.ProtocolloDSU || !i.DataPresentazione)
    throw new RispostaNonLeggibile(null, 'XmlEsitoIndicatore senza Indicatore');
  return {
    tipoIndicatore: i.TipoIndicatore,
    iseeCentesimi: centesimi(i.ISEE),
    iseCentesimi: centesimi(i.ISE),
    scalaEquivalenza: Number(i.ScalaEquivalenza),
    protocolloDsu: i.ProtocolloDSU,
    dataPresentazione: i.DataPresentazione,
  };
}

/** Reads the answer of `operazione`; a SOAP Fault or anything else becomes RispostaNonLeggibile. */
export function leggiRisposta(operazione: OperazioneIsee, xml: string): RispostaIsee {
  let doc: Record<string, unknown>;
  try {
    doc = parser.parse(xml) as Record<string, unknown>;
  } catch {
    throw new RispostaNonLeggibile(null, 'risposta non XML');
  }
  const body = (doc.Envelope as { Body?: Record<string, unknown> } | undefined)?.Body;
  if (!body) throw new RispostaNonLeggibile(null, 'risposta senza soap:Body');
  const fault = body.Fault as { faultcode?: string; faultstring?: string } | undefined;
  if (fault)
    throw new RispostaNonLeggibile(
      String(fault.faultcode ?? '').replace(/^.*:/, '') || null,
      String(fault.faultstring ?? 'SOAP Fault'),
    );
  const risposta = body[`${operazione}Response`] as Record<string, Record<string, string>> | undefined;
  const result = risposta?.[`${operazione}Result`];
  if (!result) throw new RispostaNonLeggibile(null, `risposta senza ${operazione}Result`);
  const esito = result.Esito as EsitoInps;
  if (!ESITI_INPS.includes(esito)) throw new RispostaNonLeggibile(null, `Esito sconosciuto: ${esito}`);
  const ok = esito === 'OK';
  const b64 =
    operazione === 'ConsultazioneIndicatore' ? result.XmlEsitoIndicatore : result.XmlEsitoAttestazione;
  if (ok && !b64) throw new RispostaNonLeggibile(null, 'Esito OK senza documento');
  return {
    idRichiesta: result.IdRichiesta ? Number(result.IdRichiesta) : null,
    esito,
    descrizioneErrore: result.DescrizioneErrore ?? null,
    indicatore: ok && operazione === 'ConsultazioneIndicatore' ? leggiIndicatore(b64) : null,
    attestazioneXml:
      ok && operazione === 'ConsultazioneAttestazione' ? Buffer.from(b64, 'base64').toString('utf8') : null,
  };
}
