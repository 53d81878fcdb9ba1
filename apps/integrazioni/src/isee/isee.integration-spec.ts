import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  ACCESSO_RPC,
  INTEGRAZIONI_RPC,
  MISURE_RPC,
  type IstanzaV1,
  type IstruttoriaV1,
} from '@ambito/contracts';
import {
  eventually,
  generateIdentityKeys,
  rifiuto,
  startFakeInpsIsee,
  startFakePdnd,
  type FakeInpsIsee,
  type FakePdnd,
} from '@ambito/testing';
// eslint-disable-next-line @nx/enforce-module-boundaries
import { ATTORI as ATTORI_ACCESSO, persona } from '../../../accesso/test/accesso-harness';
// eslint-disable-next-line @nx/enforce-module-boundaries
import {
  ATTORI as ATTORI_MISURE,
  startTestMisure,
  type TestMisure,
} from '../../../misure/test/misure-harness';
// eslint-disable-next-line @nx/enforce-module-boundaries
import { CREMA, avvisoPubblicato, istanza } from '../../../misure/test/istanze-di-prova';
// eslint-disable-next-line @nx/enforce-module-boundaries
import { ANNO } from '../../../misure/test/regole-di-prova';
// eslint-disable-next-line @nx/enforce-module-boundaries
import { codiceFiscale } from '../../../presa-in-carico/test/presa-in-carico-harness';
import { ATTORI, startTestIntegrazioni, type TestIntegrazioni } from '../../test/integrazioni-harness';
import { ADATTATORE_ISEE, type AdattatoreIsee } from './adattatore-isee';

/*
 * Issue 12, points 1 and 4: an istanza presented in misure with a declared ISEE is verified at the
 * (fake) INPS through a (fake) PDND voucher; the verified ISEE comes back to misure as an event and
 * re-runs the istruttoria, flagging the difference. Real misure, accesso, PostgreSQL and NATS; the
 * fakes speak the real envelopes and validate every request and answer against the XSD.
 */

const CLIENT_ID = 'ambito-crema-pdnd';
const KID = 'crema-2025';
const PURPOSE = 'purpose-isee-crema';
const AUD_PDND = 'auth.interop.pagopa.it/client-assertion';
const AUD_INPS = 'https://api.inps.it/pdnd/soap/ConsultazioneISEE/v1';
const DSU = `INPS-ISEE-${ANNO}-00597381W-00`;

describe('integrazioni › ISEE at INPS through PDND, to the istruttoria of misure', () => {
  let misure: TestMisure;
  let svc: TestIntegrazioni;
  let pdnd: FakePdnd;
  let inps: FakeInpsIsee;
  let avvisoId: string;

  beforeAll(async () => {
    const identita = generateIdentityKeys();
    const chiave = generateKeyPairSync('rsa', { modulusLength: 2048 });
    // The ambito's PDND key as a mounted secret: a file, never in the repository.
    const keyFile = join(mkdtempSync(join(tmpdir(), 'pdnd-')), 'pdnd.key');
    writeFileSync(keyFile, chiave.privateKey.export({ type: 'pkcs8', format: 'pem' }));
    pdnd = await startFakePdnd({
      audience: AUD_PDND,
      audienceVoucher: AUD_INPS,
      clienti: [{ clientId: CLIENT_ID, kid: KID, chiavePubblica: chiave.publicKey, purposeIds: [PURPOSE] }],
    });
    inps = await startFakeInpsIsee({
      chiavePdnd: pdnd.chiavePubblica,
      audience: AUD_INPS,
      purposeId: PURPOSE,
      lentezzaMs: 9000,
    });
    misure = await startTestMisure({ servizi: true, identita });
    svc = await startTestIntegrazioni({
      identita,
      env: {
        INPS_ISEE_ATTIVO: 'si',
        INPS_ISEE_URL: inps.url,
        INPS_ISEE_PURPOSE_ID: PURPOSE,
        INPS_ISEE_AUDIENCE: AUD_INPS,
        PDND_TOKEN_URL: pdnd.tokenUrl,
        PDND_AUDIENCE: AUD_PDND,
        PDND_CLIENT_ID: CLIENT_ID,
        PDND_KID: KID,
        PDND_KEY_FILE: keyFile,
        // Generous: the fake validates each message with xmllint, on a small shared machine.
        INPS_ISEE_TIMEOUT_MS: '6000',
        INPS_ISEE_TENTATIVI: '3',
        INPS_ISEE_BACKOFF_MS: '20',
        INPS_ISEE_CODA_INTERVALLO_MS: '100',
        INPS_ISEE_RINVIO_MS: '200',
        INPS_ISEE_CIRCUITO_SOGLIA: '50',
      },
    });
    avvisoId = await avvisoPubblicato(misure);
  });
  afterAll(async () => {
    await svc?.close();
    await misure?.close();
    await inps?.chiudi();
    await pdnd?.chiudi();
  });

  /** A persona of accesso's registry with a DSU at the fake INPS (ISEE sociosanitario, euros). */
  async function personaConDsu(iseeInps: string | null): Promise<{ id: string; cf: string }> {
    const cf = codiceFiscale();
    const p = await misure.servizi!.accesso.as(ATTORI_ACCESSO.operatoreCrema, 'istanza di misura B2')(
      ACCESSO_RPC.registraPersona,
      persona(cf, CREMA),
    );
    if (iseeInps)
      inps.dsu.push({
        codiceFiscale: cf,
        tipoIndicatore: 'SocioSanitario',
        isee: iseeInps,
        ise: '45000.00',
        scalaEquivalenza: '1.57',
        protocolloDsu: DSU,
        dataPresentazione: `${ANNO}-01-15`,
      });
    return { id: p.id, cf };
  }

  const presenta = (personaId: string, iseeEuro = 15_000): Promise<IstanzaV1> =>
    misure.as(ATTORI_MISURE.operatore)(
      MISURE_RPC.presentaIstanza,
      istanza(avvisoId, personaId, {}, { iseeEuro, dsu: DSU }),
    );

  const istruttorie = async (istanzaId: string): Promise<IstruttoriaV1[]> =>
    misure.as(ATTORI_MISURE.udp)(MISURE_RPC.elencaIstruttorie, { istanzaId });

  const consultazione = async (istanzaId: string) =>
    (
      await svc.sql<{ id: string; stato: string; tentativi: number; ultimo_esito: string }>(
        `SELECT id, stato, tentativi, ultimo_esito FROM consultazione_isee WHERE istanza_id = $1`,
        [istanzaId],
      )
    )[0];

  it('re-runs the istruttoria with the ISEE verified at INPS and flags where it differs from the declared one', async () => {
    const p = await personaConDsu('31000.00');
    const presentata = await presenta(p.id, 15_000);
    expect(presentata.esito).toBe('ammissibile');

    const rifatta = await eventually(
      async () => {
        const tutte = await istruttorie(presentata.id);
        expect(tutte).toHaveLength(2);
        return tutte.find((i) => i.causa === 'integrazioni.isee.acquisito')!;
      },
      { timeoutMs: 20_000, intervalMs: 200 },
    );
    // The verified € 31.000 is over the € 25.000 threshold: the istanza is no longer admissible.
    expect(rifatta.esitoCalcolato).toBe('non-ammissibile');
    expect(rifatta.valutazione.regole).toEqual(
      expect.arrayContaining([
        {
          codice: 'ISEE_VERIFICA_INPS',
          esito: 'da-verificare',
          motivo: expect.stringMatching(
            /verificato presso INPS € 31\.000,00.*diverso dal dichiarato \(€ 15\.000,00/,
          ),
        },
        expect.objectContaining({ codice: 'ISEE_SOGLIA', esito: 'non-soddisfatta' }),
      ]),
    );
    // The inputs it used are recorded: the declared one replaced by the verified one, and the verification.
    expect(rifatta.input.iseeVerificati).toEqual([
      expect.objectContaining({ tipo: 'sociosanitario', esito: 'verificato', valoreCentesimi: 3_100_000 }),
    ]);
    expect(rifatta.valutazione.chiavi.iseeCentesimi).toBe(3_100_000);

    // One consultation, done; every call in the append-only register with who, whom, what and why.
    const c = await consultazione(presentata.id);
    expect(c).toMatchObject({ stato: 'completata', ultimo_esito: 'OK', tentativi: 1 });
    const chiamate = await svc.sql(
      `SELECT sistema, operazione, esito, operatore, codice_fiscale, prestazione, protocollo_istanza, purpose_id,
              finalita FROM chiamata_esterna WHERE consultazione_id = $1 AND sistema = 'INPS'`,
      [c.id],
    );
    expect(chiamate).toEqual([
      {
        sistema: 'INPS',
        operazione: 'ConsultazioneIndicatore',
        esito: 'OK',
        operatore: ATTORI_MISURE.operatore.userId,
        codice_fiscale: p.cf,
        prestazione: 'A1.11',
        protocollo_istanza: presentata.protocollo,
        purpose_id: PURPOSE,
        finalita: expect.stringMatching(/^istruttoria-misure: /),
      },
    ]);
    await expect(svc.sql(`DELETE FROM chiamata_esterna`)).rejects.toThrow(/non si modifica/);

    // INPS received a request valid against the XSD, with the voucher, the operator in the tracking
    // evidence and our correlation id; the event to misure carries no codice fiscale.
    const richiesta = inps.richieste.find((r) => r.xml.includes(p.cf))!;
    expect(richiesta).toMatchObject({ operazione: 'ConsultazioneIndicatore', validaXsd: true });
    expect(richiesta.tracciamento).toMatchObject({
      userID: ATTORI_MISURE.operatore.userId,
      purposeId: PURPOSE,
    });
    expect(richiesta.correlationId).toEqual(expect.any(String));
    const [evento] = await svc.sql<{ envelope: { payload: unknown } }>(
      `SELECT envelope FROM outbox_message
        WHERE type = 'integrazioni.isee.acquisito' AND envelope->'payload'->>'istanzaId' = $1`,
      [presentata.id],
    );
    expect(evento.envelope.payload).toMatchObject({ esito: 'verificato', valoreCentesimi: 3_100_000 });
    expect(JSON.stringify(evento.envelope)).not.toContain(p.cf);
  });

  it('leaves the istruttoria’s outcome alone when INPS confirms the declared ISEE', async () => {
    const p = await personaConDsu('15000.00');
    const presentata = await presenta(p.id, 15_000);
    const rifatta = await eventually(
      async () => {
        const r = (await istruttorie(presentata.id)).find((i) => i.causa === 'integrazioni.isee.acquisito');
        expect(r).toBeDefined();
        return r!;
      },
      { timeoutMs: 20_000, intervalMs: 200 },
    );
    expect(rifatta.esitoCalcolato).toBe('ammissibile');
    expect(rifatta.valutazione.regole).toContainEqual({
      codice: 'ISEE_VERIFICA_INPS',
      esito: 'soddisfatta',
      motivo: expect.stringMatching(/come dichiarato$/),
    });
  });

  it('delays but never loses a consultation through an INPS outage (DATABASE_OFFLINE, a timeout, then 429)', async () => {
    const p = await personaConDsu('18000.00');
    // The first turn: three attempts that fail (two outages, one too slow); the next turn: 429; then served.
    inps.prossime.push('DATABASE_OFFLINE', 'ERRORE_INTERNO', 'LENTA', 'HTTP_429');
    const presentata = await presenta(p.id, 15_000);

    await eventually(
      async () => {
        expect(await consultazione(presentata.id)).toMatchObject({ stato: 'completata', ultimo_esito: 'OK' });
      },
      { timeoutMs: 30_000, intervalMs: 200 },
    );
    const c = await consultazione(presentata.id);
    const esiti = await svc.sql<{ esito: string }>(
      `SELECT esito FROM chiamata_esterna WHERE consultazione_id = $1 AND sistema = 'INPS' ORDER BY id`,
      [c.id],
    );
    expect(esiti.map((e) => e.esito)).toEqual([
      'DATABASE_OFFLINE',
      'ERRORE_INTERNO',
      'TIMEOUT',
      'HTTP_429',
      'OK',
    ]);
    expect(c.tentativi).toBe(5);
    const rifatta = await eventually(
      async () => {
        const r = (await istruttorie(presentata.id)).find((i) => i.causa === 'integrazioni.isee.acquisito');
        expect(r).toBeDefined();
        return r!;
      },
      { timeoutMs: 20_000, intervalMs: 200 },
    );
    expect(rifatta.input.iseeVerificati?.[0]).toMatchObject({ valoreCentesimi: 1_800_000 });
  });

  it('parks a consultation INPS refuses, shows it to an administrator and replays it on request', async () => {
    const p = await personaConDsu('12000.00');
    inps.prossime.push('RICHIESTA_INVALIDA');
    const presentata = await presenta(p.id, 12_000);
    await eventually(
      async () => {
        expect(await consultazione(presentata.id)).toMatchObject({
          stato: 'fallita',
          ultimo_esito: 'RICHIESTA_INVALIDA',
        });
      },
      { timeoutMs: 20_000, intervalMs: 200 },
    );
    const { id } = await consultazione(presentata.id);

    const fallite = await svc.as(ATTORI.admin)(INTEGRAZIONI_RPC.elencaConsultazioniIsee, {
      stato: 'fallita',
    });
    expect(fallite.elementi).toContainEqual(
      expect.objectContaining({
        id,
        istanzaId: presentata.id,
        stato: 'fallita',
        ultimoEsito: 'RICHIESTA_INVALIDA',
      }),
    );
    expect(JSON.stringify(fallite)).not.toContain(p.cf);
    expect(
      await rifiuto(svc.as(ATTORI.udp)(INTEGRAZIONI_RPC.riprovaConsultazioneIsee, { id, motivo: 'x' })),
    ).toBe('OPERAZIONE_NON_CONSENTITA');

    const ripresa = await svc.as(ATTORI.admin)(INTEGRAZIONI_RPC.riprovaConsultazioneIsee, {
      id,
      motivo: 'INPS ha corretto il servizio',
    });
    expect(ripresa.stato).toBe('in-coda');
    await eventually(
      async () => {
        expect(await consultazione(presentata.id)).toMatchObject({ stato: 'completata', ultimo_esito: 'OK' });
      },
      { timeoutMs: 20_000, intervalMs: 200 },
    );
    expect(
      await rifiuto(
        svc.as(ATTORI.admin)(INTEGRAZIONI_RPC.riprovaConsultazioneIsee, { id, motivo: 'ancora' }),
      ),
    ).toBe('CONSULTAZIONE_NON_FALLITA');
    const [audit] = await svc.sql(
      `SELECT utente, azione, risorsa FROM voce_audit WHERE risorsa_id = $1 AND azione = 'riprova'`,
      [id],
    );
    expect(audit).toEqual({ utente: 'admin', azione: 'riprova', risorsa: 'consultazione-isee' });
  });

  it('asks ConsultazioneAttestazione with a request valid against the XSD, on the cached voucher', async () => {
    const emessi = pdnd.emessi;
    const { client } = svc.app.get<AdattatoreIsee>(ADATTATORE_ISEE);
    const esito = await client!.attestazione(
      {
        codiceFiscale: codiceFiscale(),
        dataValidita: `${ANNO}-02-01`,
        prestazione: 'A1.11',
        protocolloDomanda: 'CREMA-2025-000999',
        stato: 'Da Erogare',
      },
      {
        consultazioneId: '00000000-0000-4000-8000-000000000001',
        correlationId: 'c0ffee00-0000-4000-8000-000000000001',
        protocolloIstanza: 'CREMA-2025-000999',
        tracciamento: { operatore: 'operatore.crema', finalita: 'istruttoria-misure', motivo: 'prova' },
      },
    );
    expect(esito).toMatchObject({ tipo: 'risposta', risposta: { esito: 'OK' } });
    expect(esito.tipo === 'risposta' && esito.risposta.attestazioneXml).toContain('EsitoAttestazione');
    // Every request the fake received validated against the XSD, and every answer of the fake too.
    expect(inps.richieste.length).toBeGreaterThan(5);
    expect(inps.richieste.filter((r) => !r.validaXsd)).toEqual([]);
    expect(inps.risposteNonValide).toEqual([]);
    expect(inps.rifiutate).toEqual([]);
    // One voucher for the whole run: cached until it expires.
    expect(pdnd.emessi).toBe(emessi);
    expect(pdnd.emessi).toBe(1);
  });
});
