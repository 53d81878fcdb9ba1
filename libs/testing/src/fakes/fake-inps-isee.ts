import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { KeyObject } from 'node:crypto';
import { XMLParser } from 'fast-xml-parser';
import { decodeJwt, jwtVerify } from 'jose';
import { cartellaXsdIsee, validaXsd } from './xsd';

/** A DSU the fake INPS knows: its indicator for one type, values in euros as INPS writes them ("12345.67"). */
export interface DsuFinta {
  codiceFiscale: string;
  tipoIndicatore: string;
  isee: string;
  ise: string;
  scalaEquivalenza: string;
  protocolloDsu: string;
  dataPresentazione: string;
}

/** What the fake answers next instead of looking the DSU up (one per request, in order). */
export type RispostaForzata =
  'DATABASE_OFFLINE' | 'ERRORE_INTERNO' | 'RICHIESTA_INVALIDA' | 'HTTP_429' | 'LIMITE_GIORNALIERO' | 'LENTA';

export interface RichiestaRicevuta {
  operazione: string;
  xml: string;
  validaXsd: boolean;
  erroriXsd: string;
  correlationId: string | null;
  /** Claims of the Agid-JWT-TrackingEvidence (who asked and why). */
  tracciamento: Record<string, unknown>;
  risposta: string;
}

export interface OpzioniFakeInps {
  port?: number;
  /** The PDND key vouchers are signed with, and the audience they must carry. */
  chiavePdnd: KeyObject;
  audience: string;
  /** The purposeId a voucher must carry to consult ISEE. */
  purposeId: string;
  dsu?: DsuFinta[];
  /** For the demo: the DSU of any codice fiscale not in `dsu` (else DATI_NON_TROVATI). */
  dsuPerTutti?: Omit<DsuFinta, 'codiceFiscale' | 'tipoIndicatore'>;
  /** Milliseconds a `LENTA` answer waits (beyond the client's timeout). */
  lentezzaMs?: number;
}

export interface FakeInpsIsee {
  url: string;
  dsu: DsuFinta[];
  /** Answers forced on the next requests, consumed in order (DATABASE_OFFLINE, HTTP_429…). */
  prossime: RispostaForzata[];
  richieste: RichiestaRicevuta[];
  /** Answers of ours that did not validate against the XSD: must stay empty. */
  risposteNonValide: string[];
  /** Requests refused before the SOAP (voucher, tracking evidence), with why. */
  rifiutate: string[];
  chiudi(): Promise<void>;
}

const NS = 'http://inps.it/ConsultazioneISEE';
const NS_ISEE = 'http://inps.it/ISEERiforma';
const parser = new XMLParser({ removeNSPrefix: true, ignoreAttributes: true, parseTagValue: false });
const corpo = (req: IncomingMessage) =>
  new Promise<string>((resolve, reject) => {
    let s = '';
    req.setEncoding('utf8');
    req.on('data', (c: string) => (s += c));
    req.on('end', () => resolve(s));
    req.on('error', reject);
  });
const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');

const busta = (corpo: string) =>
  `<?xml version="1.0" encoding="utf-8"?><s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/">` +
  `<s:Body>${corpo}</s:Body></s:Envelope>`;

const fault = (codice: string, testo: string) =>
  busta(`<s:Fault><faultcode>s:${codice}</faultcode><faultstring>${escape(testo)}</faultstring></s:Fault>`);

/**
 * TEST FAKE of INPS' ConsultazioneISEE v2.8 through PDND (never in a production image), speaking its SOAP
 * 1.1 envelopes over HTTP: it refuses a call without a valid PDND voucher (signature, audience,
 * purposeId) or without the tracking evidence; validates every request against the XSD with xmllint
 * (an invalid one gets a SOAP Fault and is recorded); answers ConsultazioneIndicatore from its DSU list
 * (DATI_NON_TROVATI otherwise) and ConsultazioneAttestazione with the search echoed; validates its own
 * answers against the XSD too. On demand (`prossime`) it answers DATABASE_OFFLINE, ERRORE_INTERNO,
 * RICHIESTA_INVALIDA, HTTP 429 with Retry-After, the daily limit (429, LIMITE_GIORNALIERO) or too slowly.
 */
export async function startFakeInpsIsee(opzioni: OpzioniFakeInps): Promise<FakeInpsIsee> {
  const xsd = cartellaXsdIsee();
  const busteXsd = join(xsd, 'busta-consultazione.xsd');
  const indicatoreXsd = join(xsd, 'ISEE_EsitoConsultazioneIndicatore.xsd');
  const attestazioneXsd = join(xsd, 'ISEE_EsitoConsultazioneAttestazione.xsd');
  const fake: Omit<FakeInpsIsee, 'url' | 'chiudi'> = {
    dsu: [...(opzioni.dsu ?? [])],
    prossime: [],
    richieste: [],
    risposteNonValide: [],
    rifiutate: [],
  };
  let idRichiesta = 1000;

  const esito = (operazione: string, valore: string, descrizione?: string, documento?: string) =>
    busta(
      `<${operazione}Response xmlns="${NS}"><${operazione}Result>` +
        `<IdRichiesta>${++idRichiesta}</IdRichiesta><Esito>${valore}</Esito>` +
        (descrizione ? `<DescrizioneErrore>${escape(descrizione)}</DescrizioneErrore>` : '') +
        (documento
          ? `<XmlEsito${operazione === 'ConsultazioneIndicatore' ? 'Indicatore' : 'Attestazione'}>${Buffer.from(documento).toString('base64')}</XmlEsito${operazione === 'ConsultazioneIndicatore' ? 'Indicatore' : 'Attestazione'}>`
          : '') +
        `</${operazione}Result></${operazione}Response>`,
    );

  async function rispondi(
    xml: string,
  ): Promise<{ status: number; body: string; headers?: Record<string, string> }> {
    const doc = parser.parse(xml) as { Envelope?: { Body?: Record<string, unknown> } };
    const body = doc.Envelope?.Body ?? {};
    const operazione = Object.keys(body)[0] ?? '';
    const request = (body[operazione] as { request?: Record<string, unknown> } | undefined)?.request ?? {};
    const ricerca = (request.RicercaCF ?? {}) as Record<string, string>;
    const forzata = fake.prossime.shift();
    if (forzata === 'LENTA') await new Promise((r) => setTimeout(r, opzioni.lentezzaMs ?? 3000));
    if (forzata === 'HTTP_429')
      return { status: 429, headers: { 'Retry-After': '1' }, body: fault('Client', 'Troppe richieste') };
    if (forzata === 'LIMITE_GIORNALIERO')
      return {
        status: 429,
        body: fault('LIMITE_GIORNALIERO', 'LIMITE_GIORNALIERO: limite giornaliero raggiunto'),
      };
    if (forzata && forzata !== 'LENTA')
      return { status: 200, body: esito(operazione, forzata, `Esito simulato: ${forzata}`) };
    const attributiRicerca =
      `CodiceFiscale="${escape(ricerca.CodiceFiscale ?? '')}"` +
      (ricerca.DataValidita ? ` DataValidita="${escape(ricerca.DataValidita)}"` : '') +
      (ricerca.PrestazioneDaErogare
        ? ` PrestazioneDaErogare="${escape(ricerca.PrestazioneDaErogare)}"`
        : '') +
      (ricerca.ProtocolloDomandaEnteErogatore
        ? ` ProtocolloDomandaEnteErogatore="${escape(ricerca.ProtocolloDomandaEnteErogatore)}"`
        : '') +
      (ricerca.StatodomandaPrestazione
        ? ` StatodomandaPrestazione="${escape(ricerca.StatodomandaPrestazione)}"`
        : '');
    if (operazione === 'ConsultazioneAttestazione') {
      const documento =
        `<?xml version="1.0" encoding="utf-8"?><EsitoAttestazione xmlns="${NS_ISEE}">` +
        `<Ricerca><RicercaCF ${attributiRicerca}/></Ricerca></EsitoAttestazione>`;
      const v = await validaXsd(documento, attestazioneXsd);
      if (!v.valido) fake.risposteNonValide.push(v.errori);
      return { status: 200, body: esito(operazione, 'OK', undefined, documento) };
    }
    const tipo = String(request.TipoIndicatore ?? '');
    const dsu =
      fake.dsu.find((d) => d.codiceFiscale === ricerca.CodiceFiscale && d.tipoIndicatore === tipo) ??
      (opzioni.dsuPerTutti
        ? { ...opzioni.dsuPerTutti, codiceFiscale: ricerca.CodiceFiscale ?? '', tipoIndicatore: tipo }
        : undefined);
    if (!dsu) return { status: 200, body: esito(operazione, 'DATI_NON_TROVATI', 'Nessuna DSU valida') };
    const documento =
      `<?xml version="1.0" encoding="utf-8"?><Indicatore xmlns="${NS_ISEE}" TipoIndicatore="${tipo}" ` +
      `ISE="${dsu.ise}" ScalaEquivalenza="${dsu.scalaEquivalenza}" ISEE="${dsu.isee}" ISR="${dsu.ise}" ISP="0.00" ` +
      `ProtocolloDSU="${dsu.protocolloDsu}" DataPresentazione="${dsu.dataPresentazione}">` +
      `<RicercaCF ${attributiRicerca}/></Indicatore>`;
    const v = await validaXsd(documento, indicatoreXsd);
    if (!v.valido) fake.risposteNonValide.push(v.errori);
    return { status: 200, body: esito(operazione, 'OK', undefined, documento) };
  }

  async function gestisci(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const xml = await corpo(req);
    const rifiuta = (status: number, perche: string) => {
      fake.rifiutate.push(perche);
      res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8' }).end(perche);
    };
    if (req.method !== 'POST') return rifiuta(405, 'solo POST');
    const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
    if (!bearer) return rifiuta(401, 'voucher PDND mancante');
    try {
      const { payload } = await jwtVerify(bearer, opzioni.chiavePdnd, { audience: opzioni.audience });
      if (payload.purposeId !== opzioni.purposeId) return rifiuta(403, 'purposeId del voucher diverso');
    } catch (e) {
      return rifiuta(401, `voucher PDND non valido: ${(e as Error).message}`);
    }
    let tracciamento: Record<string, unknown>;
    try {
      tracciamento = decodeJwt(String(req.headers['agid-jwt-trackingevidence'] ?? ''));
    } catch {
      return rifiuta(400, 'Agid-JWT-TrackingEvidence mancante o illeggibile');
    }
    if (!tracciamento.userID || tracciamento.purposeId !== opzioni.purposeId)
      return rifiuta(400, 'Agid-JWT-TrackingEvidence senza userID o purposeId');
    const operazione =
      /ConsultazioneISEE\/ISvcConsultazione\/(\w+)/.exec(String(req.headers.soapaction ?? ''))?.[1] ?? '';
    const v = await validaXsd(xml, join(xsd, 'busta-consultazione.xsd'));
    let risposta: { status: number; body: string; headers?: Record<string, string> };
    if (!v.valido) risposta = { status: 500, body: fault('Client', `Richiesta non valida: ${v.errori}`) };
    else risposta = await rispondi(xml);
    if (risposta.status === 200) {
      const r = await validaXsd(risposta.body, busteXsd);
      if (!r.valido) fake.risposteNonValide.push(r.errori);
    }
    fake.richieste.push({
      operazione,
      xml,
      validaXsd: v.valido,
      erroriXsd: v.errori,
      correlationId: (req.headers['x-correlation-id'] as string | undefined) ?? null,
      tracciamento,
      risposta: risposta.body,
    });
    res.writeHead(risposta.status, {
      'Content-Type': 'text/xml; charset=utf-8',
      ...(risposta.headers ?? {}),
    });
    res.end(risposta.body);
  }

  const server: Server = createServer((req, res) => {
    gestisci(req, res).catch((e: unknown) => {
      if (!res.headersSent) res.writeHead(500).end(String(e));
    });
  });
  await new Promise<void>((r) => server.listen(opzioni.port ?? 0, '127.0.0.1', r));
  return Object.assign(fake, {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/pdnd/soap/ConsultazioneISEE/v1`,
    chiudi: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  });
}
