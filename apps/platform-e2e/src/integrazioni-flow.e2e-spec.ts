import { giornoInItalia } from '@ambito/kernel';
import type {
  AccessoV1,
  AvvisoMisuraV1 as AvvisoV1,
  CartellaSintesiV1,
  ElencoRecordSiussV1,
  GraduatoriaV1,
  GraduatorieFormateV1,
  IstanzaV1,
  IstruttoriaAvvisoV1,
  IstruttoriaV1,
  PaginaV1,
  PersonaV1,
  ProgettoV1,
  RiepilogoRegoleMisuraV1,
  TerritorioV1,
  VersioneRegoleMisuraV1,
} from '@ambito/contracts';
import { eventually } from '@ambito/testing';
import { Api, startPlatform, type EsterniIntegrazioni, type Platform } from './platform';

const CREMA = '019035';
const FINALITA = { 'x-finalita': 'istruttoria-misure', 'x-motivo': 'ISEE verificato e SIUSS end-to-end' };
const LINEA = 'E2E-INT-7.10';
const ARTICOLO = 'E2E-INT-7.10-B2';
const CF = 'VLNTRS39M55D142U';

/** Today and days around it, in Europe/Rome as misure judges windows. */
const giorno = (delta = 0) => giornoInItalia(new Date(Date.now() + delta * 86_400_000));
const ANNO = Number(giorno().slice(0, 4));
const DSU = `INPS-ISEE-${ANNO}-00597381W-00`;

/** A flow of the WaaS API (api-comuni.yaml), as INPS reads it. */
interface Flusso {
  codice_ente: string;
  id_flusso: string;
  tipo: string;
  ts_flusso: string;
  flusso: string;
}

/**
 * Issue 12, "Done when", through the gateway with every service a process (integrazioni with its INPS
 * ISEE adapter on): an istanza with a declared ISEE of € 14.500 is verified at the fake INPS through a
 * fake PDND voucher, which says € 18.500; misure's istruttoria changes and flags the difference, the
 * avviso's istruttoria keeps the verified value, an operator decides, the B2 is granted; the beneficio is a
 * SIUSS record INPS reads with its own PDND voucher from GET /api/v1/waas/v1/flussi, and the esito it
 * posts to /esiti is reconciled on the record.
 */
describe('integrazioni, end to end: declared ISEE → verified at INPS → B2 granted → SIUSS flow and esito', () => {
  let platform: Platform;
  let esterni: EsterniIntegrazioni;
  let api: Api;
  let persona: PersonaV1;
  let avviso: AvvisoV1;
  let istanza: IstanzaV1;
  let flussi: Flusso[];

  beforeAll(async () => {
    platform = await startPlatform({
      services: ['accesso', 'budget', 'presa-in-carico', 'misure', 'integrazioni'],
    });
    esterni = platform.esterni!;
    api = new Api(platform.gateway);
    // Six processes and three fakes: more than the other flows start, on a small shared machine.
  }, 240_000);
  afterAll(async () => {
    await platform?.stop();
  });

  async function ok<T>(
    response: Promise<{ status: number; body: T }>,
    status: number | number[],
  ): Promise<T> {
    const r = await response;
    if (!(Array.isArray(status) ? status : [status]).includes(r.status))
      throw new Error(`HTTP ${r.status}: ${JSON.stringify(r.body)}`);
    return r.body;
  }

  /** The WaaS API as INPS calls it: its PDND voucher, no platform token, no purpose headers. */
  async function waas(
    method: 'GET' | 'POST',
    path: string,
    opzioni: { voucher?: string | null; body?: unknown } = {},
  ): Promise<{ status: number; contentType: string; body: unknown }> {
    const voucher = opzioni.voucher === undefined ? await esterni.voucherWaas() : opzioni.voucher;
    const response = await fetch(`${platform.gateway}/api/v1/waas/v1${path}`, {
      method,
      headers: {
        ...(voucher ? { authorization: `Bearer ${voucher}` } : {}),
        ...(opzioni.body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: opzioni.body === undefined ? undefined : JSON.stringify(opzioni.body),
    });
    const text = await response.text();
    return {
      status: response.status,
      contentType: response.headers.get('content-type') ?? '',
      body: text ? JSON.parse(text) : undefined,
    };
  }

  it('sets up budget for B2, a person with a cartella and an approved progetto, and a published avviso', async () => {
    await ok(
      api.request('udp', 'POST', '/api/v1/budget/assegnazioni', {
        fondo: 'FNA-B2',
        anno: ANNO - 1,
        atto: { tipo: 'decreto', numero: `E2E-INT-FNA-${ANNO - 1}`, data: `${ANNO - 1}-12-30` },
        importoCentesimi: 2_000_000,
      }),
      201,
    );
    await ok(
      api.request('udp', 'POST', '/api/v1/budget/linee', {
        codice: LINEA,
        obiettivo: '7.10',
        denominazione: 'Misure distrettuali e regionali (e2e integrazioni)',
        categoria: 'misure-b2',
        esercizio: ANNO,
        preventivoCentesimi: 1_000_000,
      }),
      201,
    );
    await ok(
      api.request('udp', 'POST', `/api/v1/budget/linee/${LINEA}/articoli`, {
        codice: ARTICOLO,
        denominazione: `B2 ${ANNO} – area anziani`,
        categoria: 'misure-b2',
        fondo: 'FNA-B2',
        preventivoCentesimi: 1_000_000,
      }),
      201,
    );
    await ok(
      api.request('udp', 'POST', '/api/v1/budget/dotazioni', {
        fondo: 'FNA-B2',
        anno: ANNO - 1,
        linea: ARTICOLO,
        importoCentesimi: 1_000_000,
      }),
      201,
    );
    await ok(
      api.request('udp', 'POST', '/api/v1/budget/abilitazioni', {
        servizio: 'misure',
        linea: LINEA,
        operazioni: ['impegno', 'liquidazione', 'riduzione'],
        validoDal: `${ANNO}-01-01`,
        validoAl: `${ANNO}-12-31`,
        atto: { tipo: 'determina', numero: 'E2E-INT-ABILITAZIONE', data: `${ANNO}-01-02` },
      }),
      201,
    );

    persona = await ok(
      api.request<PersonaV1>('operatore.crema', 'POST', '/api/v1/persone', {
        codiceFiscale: CF,
        cognome: 'Valentini',
        nome: 'Teresa',
        dataNascita: '1939-08-15',
        luogoNascita: 'D142',
        sesso: 'F',
        cittadinanza: 'IT',
        comuneResidenza: CREMA,
      }),
      201,
    );
    const { body: territorio } = await api.request<TerritorioV1>(
      'operatore.crema',
      'GET',
      '/api/v1/territorio',
    );
    const sede = territorio.sedi.find((s) => s.subAmbito === 'SA-CREMA' && s.tipo === 'hub')!.codice;
    const accesso = await ok(
      api.request<AccessoV1>('operatore.crema', 'POST', '/api/v1/accessi', {
        personaId: persona.id,
        sede,
        canale: 'sportello',
        presentatoDa: 'familiare',
        referente: 'Paola Valentini (figlia)',
        areaBisogno: 'anziani',
        richiesta: 'Non riesce più a lavarsi e a fare la spesa da sola.',
      }),
      201,
    );
    await ok(
      api.request('operatore.crema', 'POST', `/api/v1/accessi/${accesso.id}/esito`, {
        tipo: 'proposta-presa-in-carico',
        motivazione: 'Perdita di autonomia, vive sola.',
        urgenza: 'prioritaria',
      }),
      200,
    );
    const cartella = await eventually(
      async () => {
        const coda = await api.request<PaginaV1<CartellaSintesiV1>>(
          'coordinatore.crema',
          'GET',
          '/api/v1/cartelle?stato=in-attesa',
        );
        const trovata = coda.body.elementi.find((c) => c.persona.codiceFiscale === CF);
        expect(trovata).toBeDefined();
        return trovata!;
      },
      { timeoutMs: 15_000 },
    );
    await ok(
      api.request('coordinatore.crema', 'POST', '/api/v1/equipe', {
        subAmbito: 'SA-CREMA',
        userId: 'as.crema',
        nome: 'Sara Riva',
        professione: 'assistente-sociale',
      }),
      201,
    );
    await ok(
      api.request('coordinatore.crema', 'POST', `/api/v1/cartelle/${cartella.id}/assegnazione`, {
        caseManagerId: 'as.crema',
      }),
      200,
    );
    await ok(
      api.request('as.crema', 'POST', `/api/v1/cartelle/${cartella.id}/valutazioni`, {
        strumento: 'ADL',
        data: giorno(),
        risposte: {
          'fare-il-bagno': 0,
          vestirsi: 1,
          'uso-servizi': 1,
          spostarsi: 1,
          continenza: 1,
          alimentarsi: 1,
        },
      }),
      201,
    );
    const progetto = await ok(
      api.request<ProgettoV1>('as.crema', 'POST', `/api/v1/cartelle/${cartella.id}/progetti`, {
        dataInizio: `${ANNO}-01-01`,
        dataFine: `${ANNO}-12-31`,
        obiettivi: [
          {
            descrizione: 'Igiene personale garantita',
            indicatore: 'Bagni assistiti',
            risultatoAtteso: 'Due',
          },
        ],
        interventi: [],
        verifiche: [{ data: `${ANNO}-12-30`, oggetto: 'Verifica annuale' }],
        consensoPersona: true,
      }),
      201,
    );
    await ok(
      api.request('responsabile.crema', 'POST', `/api/v1/cartelle/progetti/${progetto.id}/approvazione`, {
        motivazione: 'Conforme al regolamento comunale.',
      }),
      200,
    );

    // This year's B2 rules: the one in force, or a copy of the defaults put in force.
    const inVigore = await api.request<VersioneRegoleMisuraV1>(
      'udp',
      'GET',
      `/api/v1/misure/regole-in-vigore?misura=b2&giorno=${giorno(-5)}`,
    );
    if (inVigore.status !== 200 || inVigore.body.annualita !== ANNO) {
      const versioni = await ok(
        api.request<RiepilogoRegoleMisuraV1[]>('udp', 'GET', '/api/v1/misure/regole?misura=b2'),
        200,
      );
      const fonte = versioni.find((r) => r.stato === 'in-vigore')!;
      const bozza = await ok(
        api.request<VersioneRegoleMisuraV1>('udp', 'POST', `/api/v1/misure/regole/${fonte.id}/copia`, {
          annualita: ANNO,
          validoDal: `${ANNO}-01-01`,
          validoAl: `${ANNO}-12-31`,
          atti: [{ tipo: 'delibera-assemblea', numero: `E2E-INT/${ANNO}`, data: `${ANNO - 1}-12-15` }],
        }),
        201,
      );
      await ok(api.request('udp', 'POST', `/api/v1/misure/regole/${bozza.id}/attivazione`, {}), 200);
    }
    avviso = await ok(
      api.request<AvvisoV1>('udp', 'POST', '/api/v1/misure/avvisi', {
        misura: 'b2',
        annualita: ANNO,
        titolo: `Misura B2 ${ANNO} – e2e integrazioni`,
        apertura: giorno(-5),
        chiusura: giorno(5),
        decorrenza: giorno(20),
        mesi: 12,
        graduatorie: [
          {
            area: 'anziani',
            strumento: 'buono-caregiver',
            linea: ARTICOLO,
            fondo: 'FNA-B2',
            annoFondo: ANNO - 1,
            budgetCentesimi: 600_000,
          },
        ],
      }),
      201,
    );
    await ok(api.request('udp', 'POST', `/api/v1/misure/avvisi/${avviso.id}/pubblicazione`, {}), 200);
  });

  it('verifies the declared ISEE at the fake INPS, and the istruttoria changes and flags the difference', async () => {
    // What INPS knows of the person: the same DSU, ISEE sociosanitario € 18.500 (declared: € 14.500).
    esterni.inps.dsu.push({
      codiceFiscale: CF,
      tipoIndicatore: 'SocioSanitario',
      isee: '18500.00',
      ise: '29045.00',
      scalaEquivalenza: '1.57',
      protocolloDsu: DSU,
      dataPresentazione: `${ANNO}-01-15`,
    });
    istanza = await ok(
      api.request<IstanzaV1>(
        'operatore.crema',
        'POST',
        '/api/v1/misure/istanze',
        {
          avvisoId: avviso.id,
          personaId: persona.id,
          strumento: 'buono-caregiver',
          richiedente: { tipo: 'familiare', nominativo: 'Paola Valentini' },
          sede: 'SEDE-CREMA-HUB',
          dichiarazioni: {
            alDomicilio: true,
            disabilitaDaSenilita: null,
            isee: [
              {
                tipo: 'sociosanitario',
                valoreCentesimi: 1_450_000,
                protocolloDsu: DSU,
                dataPresentazione: `${ANNO}-01-15`,
                difformita: false,
              },
            ],
            riconoscimenti: [
              {
                condizione: 'indennita-accompagnamento',
                percentuale: null,
                dataRiconoscimento: '2020-03-01',
                dataRevisione: null,
              },
            ],
            caregiver: { parentela: 'parente-1-grado', convivente: true },
            contrattoAssistente: null,
            altreMisure: [],
            frequenzaDiurnaOreSettimanali: null,
            dopoDiNoi: null,
            proVi: null,
          },
          documenti: [{ tipo: 'attestazione-isee', riferimento: DSU, data: `${ANNO}-01-15` }],
        },
        FINALITA,
      ),
      201,
    );
    // At presentation the declaration is all there is.
    expect(istanza.esito).toBe('ammissibile');

    // integrazioni consults INPS (ConsultazioneIndicatore, a PDND voucher, the request valid against the
    // XSD); misure records the verified value and judges the istanza again with it.
    const verificata = await eventually(
      async () => {
        const letta = await ok(
          api.request<IstanzaV1>(
            'operatore.crema',
            'GET',
            `/api/v1/misure/istanze/${istanza.id}`,
            undefined,
            FINALITA,
          ),
          200,
        );
        expect(letta.ultimaIstruttoria?.causa).toBe('integrazioni.isee.acquisito');
        return letta;
      },
      { timeoutMs: 30_000 },
    );
    const consultata = esterni.inps.richieste.filter((r) => r.operazione === 'ConsultazioneIndicatore');
    expect(consultata.length).toBeGreaterThanOrEqual(1);
    expect(consultata.every((r) => r.validaXsd)).toBe(true);
    expect(consultata[0].xml).toContain(CF);
    expect(esterni.inps.risposteNonValide).toEqual([]);
    expect(esterni.pdndIsee.emessi).toBeGreaterThanOrEqual(1);

    const ultima = verificata.ultimaIstruttoria!;
    expect(verificata.esito).toBe('da-verificare');
    expect(ultima.input.iseeVerificati).toEqual([
      expect.objectContaining({
        tipo: 'sociosanitario',
        esito: 'verificato',
        valoreCentesimi: 1_850_000,
        protocolloDsu: DSU,
      }),
    ]);
    expect(ultima.valutazione.chiavi.iseeCentesimi).toBe(1_850_000);
    const verifica = ultima.valutazione.regole.find((r) => r.codice === 'ISEE_VERIFICA_INPS')!;
    expect(verifica.esito).toBe('da-verificare');
    expect(verifica.motivo).toMatch(/18\.500.*diverso dal dichiarato.*14\.500/);
  });

  it('the avviso’s istruttoria at the close keeps the verified ISEE; the operator decides; the B2 is granted', async () => {
    await ok(api.request('udp', 'POST', `/api/v1/misure/avvisi/${avviso.id}/chiusura`, {}), 200);
    const run = await ok(
      api.request<IstruttoriaAvvisoV1>('udp', 'POST', `/api/v1/misure/avvisi/${avviso.id}/istruttoria`, {
        motivo: 'chiusura della finestra',
      }),
      [200, 201],
    );
    await eventually(
      async () => {
        const letto = await ok(
          api.request<IstruttoriaAvvisoV1>('udp', 'GET', `/api/v1/misure/avvisi/${avviso.id}/istruttoria`),
          200,
        );
        expect(letto).toMatchObject({ id: run.id, stato: 'completata', istanzeIstruite: 1 });
      },
      { timeoutMs: 15_000 },
    );
    const storia = await ok(
      api.request<IstruttoriaV1[]>(
        'udp',
        'GET',
        `/api/v1/misure/istanze/${istanza.id}/istruttorie`,
        undefined,
        FINALITA,
      ),
      200,
    );
    const dellAvviso = storia.find((s) => s.causa.startsWith('istruttoria-avviso'))!;
    // Judged on the verified value again, not on the declaration: still to be verified by an operator.
    expect(dellAvviso.esito).toBe('da-verificare');
    expect(dellAvviso.input.iseeVerificati?.[0]).toMatchObject({ valoreCentesimi: 1_850_000 });
    expect(dellAvviso.valutazione.regole.find((r) => r.codice === 'ISEE_VERIFICA_INPS')?.esito).toBe(
      'da-verificare',
    );

    await ok(
      api.request(
        'udp',
        'POST',
        `/api/v1/misure/istanze/${istanza.id}/decisione`,
        {
          esito: 'ammissibile',
          motivazione:
            'ISEE verificato presso INPS € 18.500,00: entro la soglia, la DSU è quella dichiarata.',
        },
        FINALITA,
      ),
      200,
    );
    const formate = await ok(
      api.request<GraduatorieFormateV1>('udp', 'POST', `/api/v1/misure/avvisi/${avviso.id}/graduatorie`, {}),
      200,
    );
    const [graduatoria] = formate.graduatorie;
    expect(graduatoria).toMatchObject({ stato: 'formata', finanziate: 1 });
    const percorso = `/api/v1/misure/avvisi/${avviso.id}/graduatorie/${graduatoria.id}`;
    await ok(
      api.request<GraduatoriaV1>('udp.dirigente', 'POST', `${percorso}/approvazione`, {
        determina: { numero: `E2E-INT-${ANNO}-B2`, data: giorno() },
      }),
      [200, 202],
    );
    await eventually(
      async () => {
        const letta = await ok(api.request<GraduatoriaV1>('udp', 'GET', percorso), 200);
        expect(letta.stato).toBe('approvata');
      },
      { timeoutMs: 15_000 },
    );
  });

  it('the granted B2 is a SIUSS record INPS reads through the WaaS API with a PDND voucher', async () => {
    // misure.beneficio.concesso → integrazioni composes the record, valid against the XSD, and offers it.
    // One record per year the beneficio covers (a decorrenza in December runs into next year).
    const record = await eventually(
      async () => {
        const elenco = await ok(
          api.request<ElencoRecordSiussV1>(
            'udp',
            'GET',
            '/api/v1/integrazioni/siuss/record',
            undefined,
            FINALITA,
          ),
          200,
        );
        expect(elenco.record.length).toBeGreaterThanOrEqual(1);
        expect(new Set(elenco.record.map((r) => r.beneficioId)).size).toBe(1);
        for (const r of elenco.record) expect(r).toMatchObject({ stato: 'offerto', tipoOperazione: 'I' });
        return elenco.record;
      },
      { timeoutMs: 30_000 },
    );
    expect(record.map((r) => r.anno).sort()).toEqual(
      Array.from({ length: record.length }, (_, i) => Math.min(...record.map((r) => r.anno)) + i),
    );
    for (const r of record) expect(r.idFlusso).toMatch(/^D142\.PS\.\d{8}\.\d{7}$/);

    // Without a voucher, or with a platform user's token: 401, as a Problem.
    expect((await waas('GET', '/flussi?since=0&limit=10', { voucher: null })).status).toBe(401);
    expect((await waas('GET', '/flussi?since=0&limit=10', { voucher: await api.token('udp') })).status).toBe(
      401,
    );

    const risposta = await waas('GET', '/flussi?since=0&limit=10');
    expect(risposta.status).toBe(200);
    expect(risposta.contentType).toContain('application/json');
    flussi = (risposta.body as { elenco_flussi: Flusso[] }).elenco_flussi;
    expect(flussi.map((f) => f.id_flusso).sort()).toEqual(record.map((r) => r.idFlusso).sort());
    for (const flusso of flussi) {
      expect(flusso).toMatchObject({ tipo: 'PS_PSA_SINA', codice_ente: 'D142' });
      // One beneficiary and one prestazione per flow: the person, with the DSU verified at INPS.
      const xml = Buffer.from(flusso.flusso, 'base64').toString('utf8');
      expect(xml.match(/CodiceFiscale="/g)).toEqual([expect.any(String)]);
      expect(xml).toContain(CF);
      expect(xml).toContain(DSU);
    }
    // Read from the newest: nothing after it.
    const ultimo = flussi[flussi.length - 1].ts_flusso;
    const dopo = await waas(
      'GET',
      `/flussi?since=${/^\d+$/.test(ultimo) ? ultimo : Date.parse(ultimo)}&limit=10`,
    );
    expect(dopo.status).toBe(200);
    expect((dopo.body as { elenco_flussi: unknown[] }).elenco_flussi).toEqual([]);
  });

  it('the esito INPS posts to /esiti is reconciled on the record', async () => {
    const esito = await waas('POST', '/esiti', {
      body: {
        elenco_esiti: flussi.map((f, i) => ({
          id_flusso: f.id_flusso,
          tipo: 'PS_PSA_SINA',
          ts_flusso: f.ts_flusso,
          ts_acquisizione: new Date().toISOString(),
          codice_esito: 'OK',
          id_acquisizione_siuss: String(90417 + i),
        })),
      },
    });
    expect(esito.status).toBe(204);
    const elenco = await ok(
      api.request<ElencoRecordSiussV1>(
        'udp',
        'GET',
        '/api/v1/integrazioni/siuss/record',
        undefined,
        FINALITA,
      ),
      200,
    );
    expect(elenco.record.map((r) => [r.idFlusso, r.stato, r.idAcquisizioneSiuss]).sort()).toEqual(
      flussi.map((f, i) => [f.id_flusso, 'acquisito', String(90417 + i)]).sort(),
    );
  });
});
