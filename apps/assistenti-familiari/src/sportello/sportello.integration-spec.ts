import { randomUUID } from 'node:crypto';
import {
  ASSISTENTI_FAMILIARI_RPC,
  PRESA_IN_CARICO_CHIAMATE,
  type RegistraRichiestaV1,
} from '@ambito/contracts';
import { rifiuto, testActor } from '@ambito/testing';
import {
  ATTORI,
  startTestAssistentiFamiliari,
  type TestAssistentiFamiliari,
} from '../../test/assistenti-familiari-harness';
import { feriali, iscriviDiProva } from '../../test/registro-di-prova';
import { leggiPdf } from '../../test/leggi-pdf';

const RPC = ASSISTENTI_FAMILIARI_RPC;
/** Reads of personal data declare a purpose: the harness sends the registro's with a motivo. */
const MOTIVO = 'abbinamento della richiesta di una famiglia';
/** The registro's code: the service's AMBITO_CODICE in the tests. */
const REGISTRO = 'CREMA';
/** The family's comune, and another comune of its sub-ambito (SA-MUNICIPIA-ASSE-PO, Casalasco). */
const GUSSOLA = '019052';
const MOTTA_BALUFFI = '019061';
const VIADANA = '020066';
const SPORTELLO_CASALMAGGIORE = 'SPORTELLO-AF-CASALMAGGIORE';
const SPORTELLO_VIADANA = 'SPORTELLO-AF-VIADANA';
const operatrice = testActor('sportello.casalmaggiore', ['operatore-accesso'], ['SA-CASALMAGGIORE']);
const as = testActor('as.casalmaggiore', ['assistente-sociale'], ['SA-CASALMAGGIORE']);

const richiesta = (r: Partial<RegistraRichiestaV1> = {}): RegistraRichiestaV1 => ({
  personaId: randomUUID(),
  sportello: SPORTELLO_CASALMAGGIORE,
  comune: GUSSOLA,
  orari: (['lun', 'mar', 'mer', 'gio', 'ven'] as const).map((giorno) => ({
    giorno,
    dalle: '08:00',
    alle: '12:00',
  })),
  convivenza: 'indifferente',
  competenze: ['demenza', 'mobilizzazione'],
  competenzeIndispensabili: ['demenza'],
  lingue: ['ro'],
  dataInizio: '2026-12-01',
  ...r,
});

describe('sportello assistenti familiari (NATS → assistenti-familiari → PostgreSQL)', () => {
  let svc: TestAssistentiFamiliari;
  const iscritti: Record<string, { assistenteId: string; iscrizioneId: string }> = {};

  beforeAll(async () => {
    svc = await startTestAssistentiFamiliari();
    // One register, two desks: the best match is kept by Viadana's desk.
    const base = {
      registro: REGISTRO,
      competenze: ['demenza', 'mobilizzazione'],
      lingue: ['ro'],
      disponibilita: feriali(8, 12),
    };
    iscritti.viadana = await iscriviDiProva(svc, {
      ...base,
      sportello: SPORTELLO_VIADANA,
      aree: [GUSSOLA, VIADANA],
      nome: 'Elena',
    });
    iscritti.subAmbito = await iscriviDiProva(svc, {
      ...base,
      sportello: SPORTELLO_CASALMAGGIORE,
      aree: [MOTTA_BALUFFI],
      lingue: [],
      nome: 'Maria',
    });
    iscritti.senzaDemenza = await iscriviDiProva(svc, {
      ...base,
      sportello: SPORTELLO_CASALMAGGIORE,
      aree: [GUSSOLA],
      competenze: ['mobilizzazione'],
    });
    iscritti.lontana = await iscriviDiProva(svc, { ...base, sportello: SPORTELLO_VIADANA, aree: [VIADANA] });
    iscritti.pomeriggio = await iscriviDiProva(svc, {
      ...base,
      sportello: SPORTELLO_VIADANA,
      aree: [GUSSOLA],
      disponibilita: feriali(14, 18),
    });
    iscritti.sospesa = await iscriviDiProva(svc, {
      ...base,
      sportello: SPORTELLO_VIADANA,
      aree: [GUSSOLA],
      stato: 'sospesa',
    });
  });
  afterAll(() => svc?.close());

  it('registers a richiesta at the sportello, with its sub-ambito and weekly hours, audited', async () => {
    const r = await svc.as(operatrice, MOTIVO)(RPC.registraRichiesta, richiesta());
    expect(r).toMatchObject({
      origine: 'sportello',
      stato: 'aperta',
      subAmbito: 'SA-MUNICIPIA-ASSE-PO',
      oreSettimanali: 20,
      contrattoId: null,
    });
    const audit = await svc.sql(`SELECT azione FROM voce_audit WHERE risorsa_id = $1`, [r.id]);
    expect(audit).toEqual([{ azione: 'registra' }]);
  });

  it('refuses a comune outside the ambito, hours off the hour, and an indispensable competence not requested', async () => {
    expect(
      await rifiuto(svc.as(operatrice, MOTIVO)(RPC.registraRichiesta, richiesta({ comune: '019035' }))),
    ).toBe('COMUNE_SCONOSCIUTO');
    expect(
      await rifiuto(
        svc.as(operatrice, MOTIVO)(
          RPC.registraRichiesta,
          richiesta({ orari: [{ giorno: 'lun', dalle: '08:30', alle: '12:00' }] }),
        ),
      ),
    ).toBe('VALIDAZIONE_FALLITA');
    expect(
      await rifiuto(
        svc.as(operatrice, MOTIVO)(
          RPC.registraRichiesta,
          richiesta({ orari: [{ giorno: 'lun', dalle: '12:00', alle: '08:00' }] }),
        ),
      ),
    ).toBe('VALIDAZIONE_FALLITA');
    expect(
      await rifiuto(
        svc.as(operatrice, MOTIVO)(
          RPC.registraRichiesta,
          richiesta({ competenze: ['mobilizzazione'], competenzeIndispensabili: ['demenza'] }),
        ),
      ),
    ).toBe('VALIDAZIONE_FALLITA');
    expect(
      await rifiuto(
        svc.as(operatrice, MOTIVO)(RPC.registraRichiesta, richiesta({ sportello: 'SEDE-INESISTENTE' })),
      ),
    ).toBe('SEDE_SCONOSCIUTA');
    const [{ n }] = await svc.sql<{ n: string }>(
      `SELECT count(*) AS n FROM richiesta WHERE comune = '019035'`,
    );
    expect(Number(n)).toBe(0);
  });

  it('takes a richiesta proposed by presa in carico (its identity) with the consent, for the desk of the family’s area', async () => {
    const { sportello: _s, ...bisogno } = richiesta();
    const proposta = {
      ...bisogno,
      cartellaId: randomUUID(),
      valutazioneId: randomUUID(),
      valutazioneDel: '2026-11-20',
      consenso: {
        datoDa: 'tutore' as const,
        nominativo: 'Avv. Rossi',
        datoIl: '2026-11-21',
        documento: 'prot. 123/2026',
      },
    };
    const motivo = { motivo: 'Richiesta di assistente familiare dalla cartella' };
    const r = await svc.presaInCarico.chiama(PRESA_IN_CARICO_CHIAMATE.richiestaAssistente, proposta, motivo);
    expect(r).toMatchObject({
      origine: 'presa-in-carico',
      cartellaId: proposta.cartellaId,
      valutazioneId: proposta.valutazioneId,
      valutazioneDel: '2026-11-20',
      consenso: proposta.consenso,
      // Gussola (SA-MUNICIPIA-ASSE-PO) is in the area casalasca: Casalmaggiore's desk holds it.
      sportello: SPORTELLO_CASALMAGGIORE,
      stato: 'aperta',
      registrataDa: 'servizio:presa-in-carico',
    });
    // Presa in carico retries (its commit failed after this one): the same richiesta, not a second.
    const ancora = await svc.presaInCarico.chiama(
      PRESA_IN_CARICO_CHIAMATE.richiestaAssistente,
      proposta,
      motivo,
    );
    expect(ancora.id).toBe(r.id);
    expect(
      await svc.sql(`SELECT 1 FROM richiesta WHERE cartella_id = $1`, [proposta.cartellaId]),
    ).toHaveLength(1);
    expect(
      await rifiuto(
        svc.presaInCarico.chiama(
          PRESA_IN_CARICO_CHIAMATE.richiestaAssistente,
          { ...proposta, valutazioneId: randomUUID(), consenso: undefined as never },
          motivo,
        ),
      ),
    ).toBe('VALIDAZIONE_FALLITA');
    // No user sends it, whatever the role: the équipe goes through presa in carico.
    // (the gateway's NATS user may not even send it: permissions generated from the declarations).
    expect(await rifiuto(svc.as(as)(RPC.proponiRichiesta, proposta))).toBe('SERVIZIO_NON_DISPONIBILE');
  });

  it('ranks the candidates of both desks with the parts of their score, filtering and counting the rest', async () => {
    const r = await svc.as(operatrice, MOTIVO)(RPC.registraRichiesta, richiesta());
    const esito = await svc.as(operatrice, MOTIVO)(RPC.cercaCandidati, { id: r.id });
    expect(esito.versionePesi).toBe('abbinamento-2026.1');
    expect(esito.candidati.map((c) => c.iscrizioneId)).toEqual([
      iscritti.viadana.iscrizioneId,
      iscritti.subAmbito.iscrizioneId,
    ]);
    const [prima, seconda] = esito.candidati;
    expect(prima).toMatchObject({ nome: 'Elena', sportello: SPORTELLO_VIADANA, punteggio: 100 });
    expect(seconda.punteggio).toBe(84); // area 0.6 × 15, no language × 10
    expect(seconda.parti.find((p) => p.criterio === 'lingue')).toMatchObject({
      valore: 0,
      peso: 10,
      punti: 0,
    });
    expect(seconda.parti.find((p) => p.criterio === 'area')?.spiegazione).toBe(
      'opera nel sub-ambito della famiglia',
    );
    // The suspended iscrizione is not even counted; the others are excluded by reason.
    expect(esito.valutate).toBe(5);
    expect(esito.esclusi).toEqual({
      areaNonServita: 1, // the far one
      convivenzaNonOfferta: 0,
      competenzaIndispensabileMancante: 1, // the one without dementia care
      disponibilitaInsufficiente: 1,
    });
    // A read of personal data: refused without a purpose.
    expect(await rifiuto(svc.as(operatrice)(RPC.cercaCandidati, { id: r.id }))).toBe('FINALITA_MANCANTE');
  });

  it('goes from proposal to a signed contract: answers, richiesta soddisfatta, events with ids only', async () => {
    const r = await svc.as(operatrice, MOTIVO)(RPC.registraRichiesta, richiesta());
    const proposta = await svc.as(operatrice, MOTIVO)(RPC.proponiAssistente, {
      richiestaId: r.id,
      iscrizioneId: iscritti.viadana.iscrizioneId,
    });
    expect(proposta).toMatchObject({ stato: 'proposta', punteggio: 100, versionePesi: 'abbinamento-2026.1' });
    expect(
      await rifiuto(
        svc.as(operatrice, MOTIVO)(RPC.proponiAssistente, {
          richiestaId: r.id,
          iscrizioneId: iscritti.viadana.iscrizioneId,
        }),
      ),
    ).toBe('PROPOSTA_GIA_PRESENTE');
    expect(
      await rifiuto(
        svc.as(operatrice, MOTIVO)(RPC.proponiAssistente, {
          richiestaId: r.id,
          iscrizioneId: iscritti.sospesa.iscrizioneId,
        }),
      ),
    ).toBe('ASSISTENTE_NON_ISCRITTO');

    const contratto = {
      richiestaId: r.id,
      personaId: r.personaId,
      assistenteId: iscritti.viadana.assistenteId,
      datore: 'familiare' as const,
      livelloCcnl: 'CS' as const,
      oreSettimanali: 20,
      convivente: false,
      dataInizio: '2026-12-01',
      costoMensileCentesimi: 110_000,
      comunicazioneInps: 'INPS-2026-000123',
    };
    // Not before both sides accepted.
    expect(await rifiuto(svc.as(operatrice, MOTIVO)(RPC.registraContratto, contratto))).toBe(
      'PROPOSTA_NON_ACCETTATA',
    );
    const famiglia = await svc.as(operatrice, MOTIVO)(RPC.rispondiProposta, {
      id: proposta.id,
      parte: 'famiglia',
      risposta: 'accetta',
      colloquioIl: '2026-11-25',
    });
    expect(famiglia).toMatchObject({
      stato: 'proposta',
      rispostaFamiglia: 'accetta',
      colloquioIl: '2026-11-25',
    });
    expect(await rifiuto(svc.as(operatrice, MOTIVO)(RPC.registraContratto, contratto))).toBe(
      'PROPOSTA_NON_ACCETTATA',
    );
    const accettata = await svc.as(operatrice, MOTIVO)(RPC.rispondiProposta, {
      id: proposta.id,
      parte: 'assistente',
      risposta: 'accetta',
    });
    expect(accettata.stato).toBe('accettata');

    // Two desks register the contract at once: one wins, the richiesta is satisfied once.
    const esiti = await Promise.allSettled([
      svc.as(operatrice, MOTIVO)(RPC.registraContratto, contratto),
      svc.as(operatrice, MOTIVO)(RPC.registraContratto, contratto),
    ]);
    const riusciti = esiti.filter((e) => e.status === 'fulfilled');
    expect(riusciti).toHaveLength(1);
    const rifiutato = esiti.find((e) => e.status === 'rejected') as PromiseRejectedResult;
    expect((rifiutato.reason as { code: string }).code).toBe('RICHIESTA_NON_APERTA');
    const firmato = (
      riusciti[0] as PromiseFulfilledResult<{ id: string; costoMensileCentesimi: number; dataInizio: string }>
    ).value;

    expect(await svc.as(operatrice, MOTIVO)(RPC.leggiRichiesta, { id: r.id })).toMatchObject({
      stato: 'soddisfatta',
      contrattoId: firmato.id,
    });
    const eventi = await svc.sql<{ type: string; payload: Record<string, unknown> }>(
      `SELECT type, envelope->'payload' AS payload FROM outbox_message
        WHERE envelope->'payload'->>'contrattoId' = $1 ORDER BY created_at, type`,
      [firmato.id],
    );
    expect(eventi).toEqual(
      expect.arrayContaining([
        {
          type: 'assistenti-familiari.contratto.registrato',
          payload: {
            contrattoId: firmato.id,
            richiestaId: r.id,
            personaId: r.personaId,
            assistenteId: iscritti.viadana.assistenteId,
            costoMensileCentesimi: firmato.costoMensileCentesimi,
            dataInizio: firmato.dataInizio,
          },
        },
        {
          type: 'assistenti-familiari.richiesta.soddisfatta',
          payload: { richiestaId: r.id, contrattoId: firmato.id },
        },
      ]),
    );
    expect(eventi).toHaveLength(2);
    expect(
      await rifiuto(
        svc.as(operatrice, MOTIVO)(RPC.proponiAssistente, {
          richiestaId: r.id,
          iscrizioneId: iscritti.subAmbito.iscrizioneId,
        }),
      ),
    ).toBe('RICHIESTA_NON_APERTA');
  });

  it('registers a contract with an assistant who is not in the register (rule 21), without a richiesta', async () => {
    const c = await svc.as(operatrice, MOTIVO)(RPC.registraContratto, {
      personaId: randomUUID(),
      datore: 'assistito',
      livelloCcnl: 'BS',
      oreSettimanali: 25,
      convivente: false,
      dataInizio: '2026-10-01',
      costoMensileCentesimi: 95_000,
    });
    expect(c).toMatchObject({ richiestaId: null, assistenteId: null, comunicazioneInps: null });
  });

  describe('Bonus assistenti familiari', () => {
    let contrattoId: string;
    let personaId: string;

    beforeAll(async () => {
      personaId = randomUUID();
      const c = await svc.as(operatrice, MOTIVO)(RPC.registraContratto, {
        personaId,
        assistenteId: iscritti.subAmbito.assistenteId,
        datore: 'familiare',
        livelloCcnl: 'CS',
        oreSettimanali: 30,
        convivente: false,
        dataInizio: '2026-01-01',
        costoMensileCentesimi: 130_000,
        comunicazioneInps: 'INPS-2026-000999',
      });
      contrattoId = c.id;
    });

    it('pre-checks with the rules in force from the contract and the register, and keeps version and inputs', async () => {
      const v = await svc.as(operatrice, MOTIVO)(RPC.verificaBonus, {
        contrattoId,
        richiedente: 'familiare',
        isee: { titolare: 'familiare', valoreCentesimi: 2_800_000 },
        residenteInLombardiaDal: '2001-03-01',
        speseAmmissibiliCentesimi: 1_560_000,
      });
      expect(v).toMatchObject({ ammissibile: true, versioneRegole: 'bonus-af-2022', esitoRegione: null });
      expect(v.calcolo).toEqual({
        speseAmmissibiliCentesimi: 1_560_000,
        percentualeSpese: 60,
        quotaSpeseCentesimi: 936_000,
        massimaleCentesimi: 200_000,
        importoCentesimi: 200_000,
      });
      const [riga] = await svc.sql<{ dati: Record<string, unknown>; versione_regole: string }>(
        `SELECT dati, versione_regole FROM verifica_bonus WHERE id = $1`,
        [v.id],
      );
      expect(riga.dati).toMatchObject({
        richiedenteIntestatario: true,
        assistenteIscritto: true,
        contrattoRegolare: true,
      });

      // Someone else than the employer applies: not eligible, and the summary says why.
      const altro = await svc.as(operatrice, MOTIVO)(RPC.verificaBonus, {
        contrattoId,
        richiedente: 'assistito',
        isee: { titolare: 'assistito', valoreCentesimi: 1_000_000 },
        residenteInLombardiaDal: '2001-03-01',
        speseAmmissibiliCentesimi: 1_560_000,
      });
      expect(altro.ammissibile).toBe(false);
      expect(altro.requisiti.filter((r) => !r.soddisfatto).map((r) => r.requisito)).toEqual([
        'richiedente-intestatario',
      ]);
    });

    it('prints the summary as a PDF that reads back', async () => {
      const v = await svc.as(operatrice, MOTIVO)(RPC.verificaBonus, {
        contrattoId,
        richiedente: 'familiare',
        isee: { titolare: 'familiare', valoreCentesimi: 2_000_000 },
        residenteInLombardiaDal: '2001-03-01',
        speseAmmissibiliCentesimi: 1_000_000,
      });
      const pdf = await svc.as(operatrice, MOTIVO)(RPC.riepilogoBonus, { id: v.id });
      expect(pdf.nomeFile).toBe(`bonus-assistenti-familiari-${v.id}.pdf`);
      const { righe } = leggiPdf(Buffer.from(pdf.pdfBase64, 'base64'));
      expect(righe).toEqual(expect.arrayContaining(['Importo stimato: € 2.400,00', 'Requisiti']));
      expect(righe.join('\n')).toContain('regole bonus-af-2022');
    });

    it('records the outcome the family reports once, and publishes the amount per assistant and contract', async () => {
      const v = await svc.as(operatrice, MOTIVO)(RPC.verificaBonus, {
        contrattoId,
        richiedente: 'familiare',
        isee: { titolare: 'familiare', valoreCentesimi: 2_000_000 },
        residenteInLombardiaDal: '2001-03-01',
        speseAmmissibiliCentesimi: 1_000_000,
      });
      expect(
        await rifiuto(
          svc.as(operatrice, MOTIVO)(RPC.registraEsitoBonus, {
            id: v.id,
            esito: 'accolta',
            importoRiconosciutoCentesimi: null,
            annualita: 2026,
          }),
        ),
      ).toBe('VALIDAZIONE_FALLITA');
      const esito = await svc.as(operatrice, MOTIVO)(RPC.registraEsitoBonus, {
        id: v.id,
        esito: 'accolta',
        importoRiconosciutoCentesimi: 240_000,
        annualita: 2026,
      });
      expect(esito).toMatchObject({ esitoRegione: 'accolta', importoRiconosciutoCentesimi: 240_000 });
      expect(
        await rifiuto(
          svc.as(operatrice, MOTIVO)(RPC.registraEsitoBonus, {
            id: v.id,
            esito: 'respinta',
            importoRiconosciutoCentesimi: null,
            annualita: 2026,
          }),
        ),
      ).toBe('TRANSIZIONE_NON_CONSENTITA');
      const eventi = await svc.sql<{ payload: Record<string, unknown> }>(
        `SELECT envelope->'payload' AS payload FROM outbox_message WHERE type = 'assistenti-familiari.bonus.esito-registrato'
          AND envelope->'payload'->>'verificaId' = $1`,
        [v.id],
      );
      expect(eventi).toEqual([
        {
          payload: {
            verificaId: v.id,
            contrattoId,
            personaId,
            assistenteId: iscritti.subAmbito.assistenteId,
            annualita: 2026,
            esito: 'accolta',
            importoCentesimi: 240_000,
          },
        },
      ]);
    });
  });

  it('refuses roles outside the sportello', async () => {
    const comune = testActor('resp.casalmaggiore', ['responsabile-comune']);
    expect(await rifiuto(svc.as(comune)(RPC.registraRichiesta, richiesta()))).toBe(
      'OPERAZIONE_NON_CONSENTITA',
    );
    expect(await rifiuto(svc.as(ATTORI.admin)(RPC.registraContratto, {} as never))).toBe(
      'OPERAZIONE_NON_CONSENTITA',
    );
  });
});
