import { giornoInItalia } from '@ambito/kernel';
import type {
  AccessoV1,
  AvvisoMisuraV1 as AvvisoV1,
  CartellaSintesiV1,
  GraduatoriaV1,
  PaginaVociGraduatoriaV1,
  GraduatorieFormateV1,
  ImpegnoV1,
  IstanzaV1,
  PaginaV1,
  PersonaV1,
  ProgettoV1,
  RiepilogoRegoleMisuraV1,
  SituazioneLineaV1,
  TerritorioV1,
  VersioneRegoleMisuraV1,
} from '@ambito/contracts';
import { eventually } from '@ambito/testing';
import { Api, startPlatform, type Platform } from './platform';

const PROBLEM = 'application/problem+json';
const CREMA = '019035';
const FINALITA = { 'x-finalita': 'istruttoria-misure', 'x-motivo': 'avviso B2 end-to-end' };
const LINEA = 'E2E-7.10';
const ARTICOLO = 'E2E-7.10-B2-ANZIANI';

/** Today and days around it, in Europe/Rome as misure judges windows. */
const giorno = (delta = 0) => giornoInItalia(new Date(Date.now() + delta * 86_400_000));
const ANNO = Number(giorno().slice(0, 4));

/**
 * Issue 9, "Done when": an avviso B2 from bozza to approved graduatorie with impegni in budget, through
 * the gateway only, as the real roles, with accesso, presa in carico, budget and misure as processes.
 */
describe('misure, end to end: avviso B2 → istanze → graduatoria approved with impegni in budget', () => {
  let platform: Platform;
  let api: Api;
  let avviso: AvvisoV1;
  const persone: Record<'ammessa' | 'sopraSoglia' | 'scaduta', PersonaV1> = {} as never;
  let ammissibile: IstanzaV1;

  beforeAll(async () => {
    platform = await startPlatform();
    api = new Api(platform.gateway);
  });
  afterAll(async () => {
    await platform?.stop();
  });

  /** Expects a refusal as problem+json with the given status and code. */
  async function rifiutata(
    response: Promise<{ status: number; contentType: string; body: unknown }>,
    status: number,
    code: string,
  ): Promise<{ detail?: string }> {
    const r = await response;
    expect({ status: r.status, code: (r.body as { code?: string }).code }).toEqual({ status, code });
    expect(r.contentType).toContain(PROBLEM);
    return r.body as { detail?: string };
  }

  async function ok<T>(response: Promise<{ status: number; body: T }>, status: number): Promise<T> {
    const r = await response;
    if (r.status !== status) throw new Error(`HTTP ${r.status}: ${JSON.stringify(r.body)}`);
    return r.body;
  }

  const dichiarazioni = (isee: { euro: number; dsu?: string; presentata?: string; tipo?: string }) => ({
    alDomicilio: true,
    disabilitaDaSenilita: null,
    isee: [
      {
        tipo: isee.tipo ?? 'sociosanitario',
        valoreCentesimi: isee.euro * 100,
        protocolloDsu: isee.dsu ?? `INPS-ISEE-${ANNO}-00597381W-00`,
        dataPresentazione: isee.presentata ?? `${ANNO}-01-15`,
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
  });
  const istanza = (personaId: string, isee: Parameters<typeof dichiarazioni>[0]) => ({
    avvisoId: avviso.id,
    personaId,
    strumento: 'buono-caregiver',
    richiedente: { tipo: 'familiare', nominativo: 'Paola Valentini' },
    sede: 'SEDE-CREMA-HUB',
    dichiarazioni: dichiarazioni(isee),
    documenti: [
      {
        tipo: 'attestazione-isee',
        riferimento: isee.dsu ?? `INPS-ISEE-${ANNO}-00597381W-00`,
        data: isee.presentata ?? `${ANNO}-01-15`,
      },
    ],
  });
  const contaIstanze = async () =>
    (
      await ok(
        api.request<PaginaV1<IstanzaV1>>(
          'udp',
          'GET',
          `/api/v1/misure/avvisi/${avviso.id}/istanze?perPagina=1`,
          undefined,
          FINALITA,
        ),
        200,
      )
    ).totale;

  it('sets up budget: fund, line and articolo for B2, and misure enabled to commit on the line', async () => {
    await ok(
      api.request('udp', 'POST', '/api/v1/budget/assegnazioni', {
        fondo: 'FNA-B2',
        anno: ANNO - 1,
        atto: { tipo: 'decreto', numero: `E2E-FNA-${ANNO - 1}`, data: `${ANNO - 1}-12-30` },
        importoCentesimi: 2_000_000,
      }),
      201,
    );
    await ok(
      api.request('udp', 'POST', '/api/v1/budget/linee', {
        codice: LINEA,
        obiettivo: '7.10',
        denominazione: 'Misure distrettuali e regionali (e2e)',
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
        atto: { tipo: 'determina', numero: 'E2E-ABILITAZIONE-MISURE', data: `${ANNO}-01-02` },
      }),
      201,
    );
  });

  it('registers the persone in accesso; one gets a cartella with a valutazione and an approved progetto', async () => {
    const registra = async (codiceFiscale: string, cognome: string, dataNascita: string) =>
      ok(
        api.request<PersonaV1>('operatore.crema', 'POST', '/api/v1/persone', {
          codiceFiscale,
          cognome,
          nome: 'Teresa',
          dataNascita,
          luogoNascita: 'D142',
          sesso: 'F',
          cittadinanza: 'IT',
          comuneResidenza: CREMA,
        }),
        201,
      );
    persone.ammessa = await registra('VLNTRS39M55D142U', 'Valentini', '1939-08-15');
    persone.sopraSoglia = await registra('NRENNA44E50D142P', 'Neri', '1944-05-10');
    persone.scaduta = await registra('BRNLCU88M12D142G', 'Bruni', '1950-01-01');

    // Accesso closed with a proposta: the cartella lands in the sub-ambito's queue.
    const { body: territorio } = await api.request<TerritorioV1>(
      'operatore.crema',
      'GET',
      '/api/v1/territorio',
    );
    const sede = territorio.sedi.find((s) => s.subAmbito === 'SA-CREMA' && s.tipo === 'hub')!.codice;
    const accesso = await ok(
      api.request<AccessoV1>('operatore.crema', 'POST', '/api/v1/accessi', {
        personaId: persone.ammessa.id,
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
        const trovata = coda.body.elementi.find((c) => c.persona.codiceFiscale === 'VLNTRS39M55D142U');
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
  });

  it('lets the Ufficio di Piano put this year’s B2 rules in force and publish an avviso made in bozza', async () => {
    // The rules of this year: the one in force, or next year's copy of the 2025 defaults put in force.
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
      const copia = {
        annualita: ANNO,
        validoDal: `${ANNO}-01-01`,
        validoAl: `${ANNO}-12-31`,
        atti: [{ tipo: 'delibera-assemblea', numero: `E2E/${ANNO}`, data: `${ANNO - 1}-12-15` }],
      };
      await rifiutata(
        api.request('operatore.crema', 'POST', `/api/v1/misure/regole/${fonte.id}/copia`, copia),
        403,
        'OPERAZIONE_NON_CONSENTITA',
      );
      const bozza = await ok(
        api.request<VersioneRegoleMisuraV1>('udp', 'POST', `/api/v1/misure/regole/${fonte.id}/copia`, copia),
        201,
      );
      await ok(api.request('udp', 'POST', `/api/v1/misure/regole/${bozza.id}/attivazione`, {}), 200);
    }

    const definizione = {
      misura: 'b2',
      annualita: ANNO,
      titolo: `Misura B2 ${ANNO} – e2e`,
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
    };
    await rifiutata(
      api.request('operatore.crema', 'POST', '/api/v1/misure/avvisi', definizione),
      403,
      'OPERAZIONE_NON_CONSENTITA',
    );
    await rifiutata(
      api.request('udp', 'POST', '/api/v1/misure/avvisi', {
        ...definizione,
        graduatorie: [{ ...definizione.graduatorie[0], strumento: 'buono-vacanze' }],
      }),
      422,
      'STRUMENTO_MISURA_SCONOSCIUTO',
    );
    avviso = await ok(api.request<AvvisoV1>('udp', 'POST', '/api/v1/misure/avvisi', definizione), 201);
    expect(avviso).toMatchObject({ stato: 'bozza', annualita: ANNO });
    // In bozza no istanza is received.
    await rifiutata(
      api.request(
        'operatore.crema',
        'POST',
        '/api/v1/misure/istanze',
        istanza(persone.ammessa.id, { euro: 14_500 }),
        FINALITA,
      ),
      409,
      'AVVISO_NON_PUBBLICATO',
    );
    const pubblicato = await ok(
      api.request<AvvisoV1>('udp', 'POST', `/api/v1/misure/avvisi/${avviso.id}/pubblicazione`, {}),
      200,
    );
    expect(pubblicato.stato).toBe('pubblicato');
  });

  it('receives istanze at a sede: one ammissibile, one over the ISEE threshold; bad ones refused, nothing written', async () => {
    ammissibile = await ok(
      api.request<IstanzaV1>(
        'operatore.crema',
        'POST',
        '/api/v1/misure/istanze',
        istanza(persone.ammessa.id, { euro: 14_500 }),
        FINALITA,
      ),
      201,
    );
    expect(ammissibile).toMatchObject({
      stato: 'presentata',
      esito: 'ammissibile',
      area: 'anziani',
      sede: 'SEDE-CREMA-HUB',
      comuneResidenza: CREMA,
      presentataDa: 'operatore.crema',
    });
    expect(ammissibile.protocollo).toMatch(new RegExp(`^CREMA-${ANNO}-\\d{6}$`));
    expect(ammissibile.importoMensileCentesimi).toBeGreaterThan(0);

    const sopra = await ok(
      api.request<IstanzaV1>(
        'operatore.crema',
        'POST',
        '/api/v1/misure/istanze',
        istanza(persone.sopraSoglia.id, { euro: 31_000, dsu: `INPS-ISEE-${ANNO}-00612345X-01` }),
        FINALITA,
      ),
      201,
    );
    expect(sopra.esito).toBe('non-ammissibile');
    const soglia = sopra.ultimaIstruttoria!.valutazione.regole.find((r) => r.codice === 'ISEE_SOGLIA')!;
    expect(soglia).toMatchObject({ esito: 'non-soddisfatta' });
    expect(soglia.motivo).toMatch(/31\.000/);

    const prima = await contaIstanze();
    expect(prima).toBe(2);
    // Expired ISEE: an ordinary DSU of last year expired on 31 December.
    const scaduto = await rifiutata(
      api.request(
        'operatore.crema',
        'POST',
        '/api/v1/misure/istanze',
        istanza(persone.scaduta.id, {
          euro: 12_000,
          dsu: `INPS-ISEE-${ANNO - 1}-00598765Z-00`,
          presentata: `${ANNO - 1}-02-10`,
        }),
        FINALITA,
      ),
      422,
      'ISEE_SCADUTO',
    );
    expect(scaduto.detail).toContain(`scaduta il 31/12/${ANNO - 1}`);
    // Malformed DSU protocol: refused by the gateway's validation of the contract.
    const malformato = await rifiutata(
      api.request(
        'operatore.crema',
        'POST',
        '/api/v1/misure/istanze',
        istanza(persone.scaduta.id, { euro: 12_000, dsu: `INPS-ISEE-${ANNO}-123-00` }),
        FINALITA,
      ),
      400,
      'VALIDAZIONE_FALLITA',
    );
    expect(JSON.stringify(malformato)).toContain('protocolloDsu');
    // Duplicate: the same person, avviso and strumento.
    await rifiutata(
      api.request(
        'operatore.crema',
        'POST',
        '/api/v1/misure/istanze',
        istanza(persone.ammessa.id, { euro: 14_500 }),
        FINALITA,
      ),
      409,
      'ISTANZA_GIA_PRESENTATA',
    );
    expect(await contaIstanze()).toBe(prima);
    // No protocol number was consumed by the refusals: the next one follows the last given.
    const numero = (p: string) => Number(p.split('-')[2]);
    expect(numero(sopra.protocollo)).toBe(numero(ammissibile.protocollo) + 1);
  });

  it('closes the avviso, forms the graduatoria and has it approved by another UdP user, with impegni in budget', async () => {
    const chiuso = await ok(
      api.request<AvvisoV1>('udp', 'POST', `/api/v1/misure/avvisi/${avviso.id}/chiusura`, {}),
      200,
    );
    expect(chiuso.stato).toBe('chiuso');
    await rifiutata(
      api.request(
        'operatore.crema',
        'POST',
        '/api/v1/misure/istanze',
        istanza(persone.scaduta.id, { euro: 12_000 }),
        FINALITA,
      ),
      409,
      'ISTANZA_FUORI_FINESTRA',
    );

    const formate = await ok(
      api.request<GraduatorieFormateV1>('udp', 'POST', `/api/v1/misure/avvisi/${avviso.id}/graduatorie`, {}),
      200,
    );
    expect(formate.graduatorie).toHaveLength(1);
    const [graduatoria] = formate.graduatorie;
    expect(graduatoria).toMatchObject({ stato: 'formata', finanziate: 1, idoneeNonFinanziate: 0 });
    const percorso = `/api/v1/misure/avvisi/${avviso.id}/graduatorie/${graduatoria.id}`;
    const determina = { determina: { numero: `E2E-${ANNO}-B2`, data: giorno() } };

    await rifiutata(
      api.request('udp', 'POST', `${percorso}/approvazione`, determina),
      403,
      'APPROVAZIONE_DEL_PROPONENTE',
    );
    const risposta = await api.request<GraduatoriaV1>(
      'udp.dirigente',
      'POST',
      `${percorso}/approvazione`,
      determina,
    );
    expect([200, 202]).toContain(risposta.status);
    // A larger graduatoria answers in-approvazione: its outcome is read back.
    const approvata = await eventually(
      async () => {
        const letta = await ok(api.request<GraduatoriaV1>('udp', 'GET', percorso), 200);
        expect(letta.stato).toBe('approvata');
        return letta;
      },
      { timeoutMs: 15_000 },
    );
    expect(approvata).toMatchObject({ finanziate: 1, determina: determina.determina, ultimoErrore: null });
    const voci = await ok(
      api.request<PaginaVociGraduatoriaV1>('udp', 'GET', `${percorso}/voci?perPagina=10`),
      200,
    );
    expect(voci.totale).toBe(1);
    const [voce] = voci.elementi;
    expect(voce).toMatchObject({ posizione: 1, esito: 'finanziata', istanzaId: ammissibile.id });
    expect(voce.impegnoId).toEqual(expect.any(String));
    await rifiutata(
      api.request('udp.dirigente', 'POST', `${percorso}/approvazione`, determina),
      409,
      'GRADUATORIA_GIA_APPROVATA',
    );

    // The impegno is in budget, on the articolo, for the person, with the determina.
    const impegno = await ok(
      api.request<ImpegnoV1>('udp', 'GET', `/api/v1/budget/impegni/${voce.impegnoId}`),
      200,
    );
    expect(impegno).toMatchObject({
      linea: ARTICOLO,
      importoCentesimi: voce.importoCentesimi,
      creditore: { tipo: 'persona', identificativo: `persona:${persone.ammessa.id}` },
    });
    const situazione = await ok(
      api.request<SituazioneLineaV1>('udp', 'GET', `/api/v1/budget/linee/${ARTICOLO}/situazione`),
      200,
    );
    expect(JSON.stringify(situazione)).toContain(`"impegnatoCentesimi":${voce.importoCentesimi}`);
    const letto = await ok(api.request<AvvisoV1>('udp', 'GET', `/api/v1/misure/avvisi/${avviso.id}`), 200);
    expect(letto.stato).toBe('graduatorie-approvate');

    // The published CSV: positions and protocols, no names, no ids.
    const csv = await fetch(`${platform.gateway}${percorso}/pubblicazione.csv`, {
      headers: { authorization: `Bearer ${await api.token('udp')}`, ...FINALITA },
    });
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    const testo = await csv.text();
    const righe = testo.trim().split('\r\n');
    expect(righe[1]).toBe('posizione;protocollo;esito;importo_mensile;importo');
    expect(righe).toHaveLength(3);
    expect(righe[2]).toMatch(/^1;[^;]+;finanziata;/);
    expect(testo).not.toMatch(/Valentini|Teresa|VLNTRS39M55D142U/);
    expect(testo).not.toContain(persone.ammessa.id);
    expect(testo).not.toContain(ammissibile.id);
  });
});
