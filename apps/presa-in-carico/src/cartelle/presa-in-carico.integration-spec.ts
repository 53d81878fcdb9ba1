import {
  PRESA_IN_CARICO_RPC,
  type CartellaV1,
  type ProgettoDecisioneV1,
  type ValutazioneCompletataV1,
} from '@ambito/contracts';
import { rifiuto } from '@ambito/testing';
import {
  ATTORI,
  CREMA,
  PANDINO,
  apertura,
  codiceFiscale,
  conta,
  eventoDi,
  progetto,
  startTestPresaInCarico,
  type TestPresaInCarico,
} from '../../test/presa-in-carico-harness';

const {
  apriCartella,
  assegnaCartella,
  chiudiCartella,
  leggiCartella,
  leggiDiario,
  annotaDiario,
  registraMembroEquipe,
  elencaEquipe,
  elencaStrumenti,
  registraValutazione,
  proponiProgetto,
  approvaProgetto,
  respingiProgetto,
  trasferisciCartella,
  assegnaEquipeCaso,
  aggiornaNucleo,
} = PRESA_IN_CARICO_RPC;

const ADL_AUTONOMO = {
  'fare-il-bagno': 1,
  vestirsi: 1,
  'uso-servizi': 1,
  spostarsi: 1,
  continenza: 1,
  alimentarsi: 1,
};

describe('presa in carico (assignment, assessment, project and decision, closure)', () => {
  let svc: TestPresaInCarico;
  const coordinatore = () => svc.as(ATTORI.coordinatoreCrema);
  const caseManager = () => svc.as(ATTORI.asCrema);
  const comune = () => svc.as(ATTORI.responsabileCrema);

  beforeAll(async () => {
    svc = await startTestPresaInCarico();
    for (const [userId, nome, professione] of [
      ['as.crema', 'Sara Riva', 'assistente-sociale'],
      ['as.crema2', 'Elena Sala', 'assistente-sociale'],
      ['edu.crema', 'Luca Mori', 'educatore'],
      ['psi.crema', 'Anna Neri', 'psicologo'],
    ] as const)
      await coordinatore()(registraMembroEquipe, { subAmbito: 'SA-CREMA', userId, nome, professione });
  });
  afterAll(async () => {
    await svc?.close();
  });

  /** A case opened and assigned to as.crema. */
  async function inCarico(): Promise<CartellaV1> {
    const c = await coordinatore()(apriCartella, apertura(codiceFiscale(), CREMA));
    return coordinatore()(assegnaCartella, { id: c.id, caseManagerId: 'as.crema' });
  }

  describe('équipe', () => {
    it('is kept by the coordinator of the sub-ambito and read by its members', async () => {
      const membri = await caseManager()(elencaEquipe, { subAmbito: 'SA-CREMA' });
      expect(membri.map((m) => [m.userId, m.professione])).toEqual([
        ['as.crema2', 'assistente-sociale'], // Elena Sala: by profession, then name
        ['as.crema', 'assistente-sociale'],
        ['edu.crema', 'educatore'],
        ['psi.crema', 'psicologo'],
      ]);
      expect(
        await rifiuto(
          svc.as(ATTORI.coordinatorePandino)(registraMembroEquipe, {
            subAmbito: 'SA-CREMA',
            userId: 'x',
            nome: 'X',
            professione: 'psicologo',
          }),
        ),
      ).toBe('OPERAZIONE_NON_CONSENTITA');
    });
  });

  describe('équipe of the case', () => {
    it('lets the coordinator add équipe members, who then see and work the case but cannot close it', async () => {
      const c = await inCarico();
      expect(await rifiuto(svc.as(ATTORI.psiCrema)(leggiCartella, { id: c.id }))).toBe(
        'CARTELLA_NON_TROVATA',
      );
      const conEquipe = await coordinatore()(assegnaEquipeCaso, {
        id: c.id,
        membri: ['psi.crema', 'edu.crema'],
      });
      expect(conEquipe.equipe.map((m) => [m.userId, m.professione])).toEqual([
        ['psi.crema', 'psicologo'],
        ['edu.crema', 'educatore'],
      ]);
      expect((await svc.as(ATTORI.psiCrema)(leggiCartella, { id: c.id })).id).toBe(c.id);
      const elenco = await svc.as(ATTORI.psiCrema)(PRESA_IN_CARICO_RPC.elencaCartelle, {});
      expect(elenco.elementi.map((e) => e.id)).toEqual([c.id]);
      await svc.as(ATTORI.psiCrema)(annotaDiario, {
        id: c.id,
        tipo: 'colloquio',
        testo: 'Primo colloquio psicologico.',
      });
      expect(await rifiuto(svc.as(ATTORI.psiCrema)(chiudiCartella, { id: c.id, motivo: 'rinuncia' }))).toBe(
        'OPERAZIONE_NON_CONSENTITA',
      );
      // Removed from the case: out of sight again, the membership kept as history.
      const senza = await coordinatore()(assegnaEquipeCaso, { id: c.id, membri: ['edu.crema'] });
      expect(senza.equipe.map((m) => m.userId)).toEqual(['edu.crema']);
      expect(await rifiuto(svc.as(ATTORI.psiCrema)(leggiCartella, { id: c.id }))).toBe(
        'CARTELLA_NON_TROVATA',
      );
      const [{ n }] = await svc.sql<{ n: number }>(
        `SELECT count(*)::int AS n FROM partecipazione WHERE cartella_id = $1 AND user_id = 'psi.crema' AND al IS NOT NULL`,
        [c.id],
      );
      expect(n).toBe(1);
    });

    it('refuses members outside the sub-ambito’s équipe and anyone but the coordinator', async () => {
      const c = await inCarico();
      const prima = await conta(svc, 'partecipazione');
      expect(await rifiuto(coordinatore()(assegnaEquipeCaso, { id: c.id, membri: ['as.castelleone'] }))).toBe(
        'VALIDAZIONE_FALLITA',
      );
      expect(await rifiuto(caseManager()(assegnaEquipeCaso, { id: c.id, membri: ['psi.crema'] }))).toBe(
        'OPERAZIONE_NON_CONSENTITA',
      );
      expect(await conta(svc, 'partecipazione')).toBe(prima);
    });

    it('uses the Dopo di Noi instrument only with a clinical and a social member on the case', async () => {
      const c = await inCarico();
      const ddn = {
        id: c.id,
        strumento: 'DDN',
        data: '2025-11-20',
        risposte: {
          'cura-di-se': 2,
          mobilita: 3,
          'comunicazione-cognitive': 1,
          'strumentali-relazionali': 2,
        },
      };
      // The case manager is the social member; the clinical one is missing.
      expect(await rifiuto(caseManager()(registraValutazione, ddn))).toBe('EQUIPE_INCOMPLETA');
      await coordinatore()(assegnaEquipeCaso, { id: c.id, membri: ['psi.crema'] });
      const valutazione = await svc.as(ATTORI.psiCrema)(registraValutazione, ddn);
      expect(valutazione).toMatchObject({
        strumento: { codice: 'DDN', versione: 1 },
        punteggio: 8,
        punteggioMax: 16,
      });
    });
  });

  describe('assignment', () => {
    it('lets the coordinator assign an assistente sociale of the équipe, accepting the queued proposte', async () => {
      const c = await coordinatore()(apriCartella, apertura(codiceFiscale(), CREMA));
      const assegnata = await coordinatore()(assegnaCartella, { id: c.id, caseManagerId: 'as.crema' });
      expect(assegnata).toMatchObject({
        stato: 'in-carico',
        caseManager: { id: 'as.crema', nome: 'Sara Riva' },
        proposte: [{ stato: 'accolta' }],
        assegnazioni: [{ caseManager: { id: 'as.crema' }, assegnataDa: 'coordinatore.crema', al: null }],
      });
      const evento = await eventoDi(svc, 'presa-in-carico.cartella.assegnata', (p) => p.cartellaId === c.id);
      expect(evento.payload).toMatchObject({ caseManagerId: 'as.crema', precedenteCaseManagerId: null });
    });

    it('keeps the history on reassignment', async () => {
      const c = await inCarico();
      const riassegnata = await coordinatore()(assegnaCartella, {
        id: c.id,
        caseManagerId: 'as.crema2',
        note: 'Carico di lavoro',
      });
      expect(riassegnata.caseManager).toEqual({ id: 'as.crema2', nome: 'Elena Sala' });
      expect(riassegnata.assegnazioni).toHaveLength(2);
      expect(riassegnata.assegnazioni[0]).toMatchObject({
        caseManager: { id: 'as.crema' },
        al: expect.any(String),
      });
      expect(riassegnata.assegnazioni[1]).toMatchObject({
        caseManager: { id: 'as.crema2' },
        al: null,
        note: 'Carico di lavoro',
      });
      await eventoDi(
        svc,
        'presa-in-carico.cartella.assegnata',
        (p) => p.cartellaId === c.id && p.precedenteCaseManagerId === 'as.crema',
      );
      // The former case manager no longer sees the case.
      expect(await rifiuto(caseManager()(leggiCartella, { id: c.id }))).toBe('CARTELLA_NON_TROVATA');
    });

    it('refuses a case manager outside the équipe or not an assistente sociale, and any other assigner', async () => {
      const c = await coordinatore()(apriCartella, apertura(codiceFiscale(), CREMA));
      const prima = await conta(svc, 'assegnazione');
      expect(await rifiuto(coordinatore()(assegnaCartella, { id: c.id, caseManagerId: 'edu.crema' }))).toBe(
        'CASE_MANAGER_NON_VALIDO',
      );
      expect(
        await rifiuto(coordinatore()(assegnaCartella, { id: c.id, caseManagerId: 'as.castelleone' })),
      ).toBe('CASE_MANAGER_NON_VALIDO');
      // Only coordinators assign: the role check of the declaration refuses the case manager first.
      expect(await rifiuto(caseManager()(assegnaCartella, { id: c.id, caseManagerId: 'as.crema' }))).toBe(
        'OPERAZIONE_NON_CONSENTITA',
      );
      expect(await rifiuto(comune()(assegnaCartella, { id: c.id, caseManagerId: 'as.crema' }))).toBe(
        'OPERAZIONE_NON_CONSENTITA',
      );
      expect(
        await rifiuto(
          svc.as(ATTORI.coordinatorePandino)(assegnaCartella, { id: c.id, caseManagerId: 'as.crema' }),
        ),
      ).toBe('CARTELLA_NON_TROVATA');
      expect(await conta(svc, 'assegnazione')).toBe(prima);
      expect((await coordinatore()(leggiCartella, { id: c.id })).stato).toBe('in-attesa');
    });

    it('assigns exactly once under concurrent requests', async () => {
      const c = await coordinatore()(apriCartella, apertura(codiceFiscale(), CREMA));
      const results = await Promise.allSettled(
        Array.from({ length: 6 }, () =>
          coordinatore()(assegnaCartella, { id: c.id, caseManagerId: 'as.crema' }),
        ),
      );
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      const [{ n }] = await svc.sql<{ n: number }>(
        'SELECT count(*)::int AS n FROM assegnazione WHERE cartella_id = $1',
        [c.id],
      );
      expect(n).toBe(1);
    });
  });

  describe('valutazione multidimensionale', () => {
    it('lists the instruments in force with their items and scoring', async () => {
      const strumenti = await caseManager()(elencaStrumenti, {});
      expect(strumenti.map((s) => [s.codice, s.versione, s.punteggio.max])).toEqual([
        ['ADL', 1, 6],
        ['DDN', 1, 16],
        ['IADL', 1, 8],
        ['SINA', 1, null],
      ]);
    });

    it('computes the score from the answers and records the instrument version used', async () => {
      const c = await inCarico();
      const adl = await caseManager()(registraValutazione, {
        id: c.id,
        strumento: 'ADL',
        data: '2025-11-20',
        risposte: { ...ADL_AUTONOMO, continenza: 0, 'fare-il-bagno': 0 },
      });
      expect(adl).toMatchObject({
        strumento: { codice: 'ADL', versione: 1 },
        punteggio: 4,
        punteggioMax: 6,
        valutatore: { id: 'as.crema' },
      });
      const iadl = await caseManager()(registraValutazione, {
        id: c.id,
        strumento: 'IADL',
        data: '2025-11-20',
        risposte: {
          telefono: 1,
          spesa: 4,
          pasti: 4,
          casa: 5,
          biancheria: 3,
          trasporti: 5,
          farmaci: 2,
          denaro: 2,
        },
      });
      expect(iadl).toMatchObject({
        strumento: { codice: 'IADL', versione: 1 },
        punteggio: 2,
        punteggioMax: 8,
      });
      const [row] = await svc.sql<{ strumento_versione: number; punteggio: number }>(
        'SELECT strumento_versione, punteggio FROM valutazione WHERE id = $1',
        [adl.id],
      );
      expect(row).toEqual({ strumento_versione: 1, punteggio: 4 });
      const evento = await eventoDi(
        svc,
        'presa-in-carico.valutazione.completata',
        (p) => p.valutazioneId === iadl.id,
      );
      expect(evento.payload as ValutazioneCompletataV1).toMatchObject({
        cartellaId: c.id,
        strumento: 'IADL',
        versione: 1,
        punteggio: 2,
        punteggioMax: 8,
        risposte: expect.objectContaining({ telefono: 1 }),
      });
    });

    it('uses the version in force on the assessment date, and a new version once it is in force', async () => {
      const c = await inCarico();
      await svc.sql(
        `INSERT INTO strumento_valutazione (codice, versione, valido_dal, denominazione, fonte, items, punteggio)
         SELECT codice, 2, '2025-06-01', denominazione || ' (rev. 2025)', fonte, items, punteggio
         FROM strumento_valutazione WHERE codice = 'ADL' AND versione = 1`,
      );
      const prima = await caseManager()(registraValutazione, {
        id: c.id,
        strumento: 'ADL',
        data: '2025-05-31',
        risposte: ADL_AUTONOMO,
      });
      const dopo = await caseManager()(registraValutazione, {
        id: c.id,
        strumento: 'ADL',
        data: '2025-06-01',
        risposte: ADL_AUTONOMO,
      });
      expect([prima.strumento.versione, dopo.strumento.versione]).toEqual([1, 2]);
      expect(
        await rifiuto(
          caseManager()(registraValutazione, {
            id: c.id,
            strumento: 'ADL',
            versione: 2,
            data: '2025-05-01',
            risposte: ADL_AUTONOMO,
          }),
        ),
      ).toBe('STRUMENTO_SCONOSCIUTO');
    });

    it('refuses unknown instruments, wrong answers, a future date and the wrong actor, writing nothing', async () => {
      const c = await inCarico();
      const prima = await conta(svc, 'valutazione');
      const base = { id: c.id, strumento: 'ADL', data: '2025-11-20', risposte: ADL_AUTONOMO };
      expect(await rifiuto(caseManager()(registraValutazione, { ...base, strumento: 'BARTHEL' }))).toBe(
        'STRUMENTO_SCONOSCIUTO',
      );
      expect(
        await rifiuto(
          caseManager()(registraValutazione, { ...base, risposte: { ...ADL_AUTONOMO, vestirsi: 3 } }),
        ),
      ).toBe('VALUTAZIONE_NON_VALIDA');
      expect(await rifiuto(caseManager()(registraValutazione, { ...base, data: '2999-01-01' }))).toBe(
        'DATA_NON_VALIDA',
      );
      expect(await rifiuto(comune()(registraValutazione, base))).toBe('OPERAZIONE_NON_CONSENTITA');
      expect(await rifiuto(svc.as(ATTORI.asCrema2)(registraValutazione, base))).toBe('CARTELLA_NON_TROVATA');
      expect(await conta(svc, 'valutazione')).toBe(prima);
    });

    it('refuses to assess a case still in the queue', async () => {
      const c = await coordinatore()(apriCartella, apertura(codiceFiscale(), CREMA));
      expect(
        await rifiuto(
          coordinatore()(registraValutazione, {
            id: c.id,
            strumento: 'ADL',
            data: '2025-11-20',
            risposte: ADL_AUTONOMO,
          }),
        ),
      ).toBe('TRANSIZIONE_NON_CONSENTITA');
    });
  });

  describe('progetto personalizzato and decision of the Comune', () => {
    it('is proposed by the équipe and approved by the responsabile of the comune of residence', async () => {
      const c = await inCarico();
      const proposto = await caseManager()(proponiProgetto, progetto(c.id));
      expect(proposto).toMatchObject({
        versione: 1,
        stato: 'proposto',
        interventi: [
          {
            codicePrestazione: 'A2.07',
            costoCentesimi: 686_400,
            intensita: { quantita: 6, unita: 'ore-settimana' },
          },
          { codicePrestazione: 'A1.11', costoCentesimi: 480_000 },
        ],
        budget: [{ fonteFinanziamento: 'fondo-non-autosufficienza', costoCentesimi: 1_166_400 }],
        proposto: { da: 'as.crema' },
        decisione: null,
      });
      const evProposto = await eventoDi(
        svc,
        'presa-in-carico.progetto.proposto',
        (p) => p.progettoId === proposto.id,
      );
      expect((evProposto.payload as ProgettoDecisioneV1).costoTotaleCentesimi).toBe(1_166_400);

      const approvato = await comune()(approvaProgetto, {
        id: proposto.id,
        motivazione: 'Conforme al regolamento',
      });
      expect(approvato).toMatchObject({
        stato: 'approvato',
        decisione: { esito: 'approvato', da: 'responsabile.crema', motivazione: 'Conforme al regolamento' },
      });
      await eventoDi(svc, 'presa-in-carico.progetto.approvato', (p) => p.progettoId === proposto.id);
    });

    it('refuses to approve twice and leaves the decision untouched', async () => {
      const c = await inCarico();
      const p = await caseManager()(proponiProgetto, progetto(c.id));
      await comune()(approvaProgetto, { id: p.id });
      expect(await rifiuto(svc.as(ATTORI.responsabileCrema2)(approvaProgetto, { id: p.id }))).toBe(
        'TRANSIZIONE_NON_CONSENTITA',
      );
      expect(await rifiuto(comune()(respingiProgetto, { id: p.id, motivazione: 'ripensamento' }))).toBe(
        'TRANSIZIONE_NON_CONSENTITA',
      );
      const [row] = await svc.sql<{ stato: string; deciso_da: string }>(
        'SELECT stato, deciso_da FROM progetto WHERE id = $1',
        [p.id],
      );
      expect(row).toEqual({ stato: 'approvato', deciso_da: 'responsabile.crema' });
      // PostgreSQL refuses to rewrite a decided version too.
      await expect(svc.sql(`UPDATE progetto SET stato = 'respinto' WHERE id = $1`, [p.id])).rejects.toThrow(
        /già decisa/,
      );
    });

    it('refuses the approval of whoever proposed, also when holding the responsabile-comune role', async () => {
      const c = await inCarico();
      const p = await svc.as(ATTORI.coordinatoreResponsabileCrema)(proponiProgetto, progetto(c.id));
      expect(await rifiuto(svc.as(ATTORI.coordinatoreResponsabileCrema)(approvaProgetto, { id: p.id }))).toBe(
        'APPROVAZIONE_DEL_PROPONENTE',
      );
      const [row] = await svc.sql<{ stato: string }>('SELECT stato FROM progetto WHERE id = $1', [p.id]);
      expect(row.stato).toBe('proposto');
      expect((await comune()(approvaProgetto, { id: p.id })).stato).toBe('approvato');
    });

    it('refuses decisions by the équipe and by another comune', async () => {
      const c = await inCarico();
      const p = await caseManager()(proponiProgetto, progetto(c.id));
      expect(await rifiuto(coordinatore()(approvaProgetto, { id: p.id }))).toBe('OPERAZIONE_NON_CONSENTITA');
      expect(await rifiuto(caseManager()(approvaProgetto, { id: p.id }))).toBe('OPERAZIONE_NON_CONSENTITA');
      expect(await rifiuto(svc.as(ATTORI.responsabilePandino)(approvaProgetto, { id: p.id }))).toBe(
        'CARTELLA_NON_TROVATA',
      );
      expect(await rifiuto(comune()(approvaProgetto, { id: crypto.randomUUID() }))).toBe(
        'PROGETTO_NON_TROVATO',
      );
    });

    it('rejects with a motivazione, then accepts a new version', async () => {
      const c = await inCarico();
      const p1 = await caseManager()(proponiProgetto, progetto(c.id));
      expect(await rifiuto(comune()(respingiProgetto, { id: p1.id, motivazione: '' }))).toBe(
        'VALIDAZIONE_FALLITA',
      );
      const respinto = await comune()(respingiProgetto, {
        id: p1.id,
        motivazione: 'Costo oltre la disponibilità',
      });
      expect(respinto.decisione).toMatchObject({
        esito: 'respinto',
        motivazione: 'Costo oltre la disponibilità',
      });
      await eventoDi(svc, 'presa-in-carico.progetto.respinto', (p) => p.progettoId === p1.id);
      const p2 = await caseManager()(proponiProgetto, progetto(c.id, { interventi: [] }));
      expect(p2.versione).toBe(2);
    });

    it('revises an approved project as a new version, keeping every version', async () => {
      const c = await inCarico();
      const v1 = await caseManager()(proponiProgetto, progetto(c.id));
      await comune()(approvaProgetto, { id: v1.id });
      const v2 = await caseManager()(proponiProgetto, progetto(c.id, { dataFine: '2027-06-30' }));
      expect(
        await rifiuto(caseManager()(proponiProgetto, progetto(c.id))), // one pending version at a time
      ).toBe('TRANSIZIONE_NON_CONSENTITA');
      // Until the revision is decided the approved version stays in force.
      let cartella = await coordinatore()(leggiCartella, { id: c.id });
      expect(cartella.progetti.map((p) => [p.versione, p.stato])).toEqual([
        [2, 'proposto'],
        [1, 'approvato'],
      ]);
      await comune()(approvaProgetto, { id: v2.id });
      cartella = await coordinatore()(leggiCartella, { id: c.id });
      expect(cartella.progetti.map((p) => [p.versione, p.stato])).toEqual([
        [2, 'approvato'],
        [1, 'superato'],
      ]);
      expect(cartella.progetti[1]).toMatchObject({
        dataFine: '2026-12-31',
        decisione: { esito: 'approvato' },
      });
      const revisione = await eventoDi(
        svc,
        'presa-in-carico.progetto.revisionato',
        (p) => p.progettoId === v2.id,
      );
      expect(revisione.payload).toMatchObject({ versione: 2, versioneSostituita: 1 });
    });

    it('refuses a verifica before the start and incoherent periods, writing nothing', async () => {
      const c = await inCarico();
      const prima = [await conta(svc, 'progetto'), await conta(svc, 'intervento')];
      const errore = await caseManager()(
        proponiProgetto,
        progetto(c.id, { verifiche: [{ data: '2025-12-01', oggetto: 'Prima dell’inizio' }] }),
      ).catch((e: { code: string; details: unknown }) => e);
      expect(errore).toMatchObject({
        code: 'DATA_NON_VALIDA',
        details: [{ campo: 'verifiche.0.data', messaggi: ['fuori dal periodo del progetto'] }],
      });
      expect(await rifiuto(caseManager()(proponiProgetto, progetto(c.id, { dataFine: '2025-12-31' })))).toBe(
        'DATA_NON_VALIDA',
      );
      expect(
        await rifiuto(
          caseManager()(proponiProgetto, {
            ...progetto(c.id),
            interventi: [{ ...progetto(c.id).interventi[0], codicePrestazione: 'SAD', costoCentesimi: 12.5 }],
          }),
        ),
      ).toBe('VALIDAZIONE_FALLITA');
      expect([await conta(svc, 'progetto'), await conta(svc, 'intervento')]).toEqual(prima);
    });
  });

  describe('nucleo familiare', () => {
    it('records the members and their relationship, replaced as a whole and traced in the diario', async () => {
      const c = await inCarico();
      const figlia = {
        cognome: 'Bianchi',
        nome: 'Paola',
        dataNascita: '1975-02-10',
        relazione: 'figlio' as const,
        convivente: false,
        caregiver: true,
      };
      const moglie = {
        cognome: 'Verdi',
        nome: 'Rosa',
        relazione: 'coniuge' as const,
        convivente: true,
        caregiver: false,
      };
      const conNucleo = await caseManager()(aggiornaNucleo, { id: c.id, membri: [moglie, figlia] });
      expect(conNucleo.nucleo).toEqual([
        { ...moglie, codiceFiscale: null, dataNascita: null },
        { ...figlia, codiceFiscale: null },
      ]);
      const aggiornato = await caseManager()(aggiornaNucleo, { id: c.id, membri: [figlia] });
      expect(aggiornato.nucleo.map((m) => m.nome)).toEqual(['Paola']);
      const diario = await caseManager()(leggiDiario, { id: c.id });
      expect(diario.filter((v) => v.tipo === 'nucleo').map((v) => v.testo)).toEqual([
        'Nucleo familiare aggiornato: 2 componenti, 1 conviventi; caregiver: Paola Bianchi (figlio).',
        'Nucleo familiare aggiornato: 1 componenti, 0 conviventi; caregiver: Paola Bianchi (figlio).',
      ]);
      expect(
        await rifiuto(
          caseManager()(aggiornaNucleo, { id: c.id, membri: [{ ...figlia, relazione: 'amica' as 'altro' }] }),
        ),
      ).toBe('VALIDAZIONE_FALLITA');
      expect(await rifiuto(comune()(aggiornaNucleo, { id: c.id, membri: [] }))).toBe(
        'OPERAZIONE_NON_CONSENTITA',
      );
      expect((await comune()(leggiCartella, { id: c.id })).nucleo).toHaveLength(1);
    });
  });

  describe('change of residence', () => {
    it('moves the case to the équipe of another sub-ambito with its history, out of the old équipe’s sight', async () => {
      const c = await inCarico();
      await caseManager()(registraValutazione, {
        id: c.id,
        strumento: 'ADL',
        data: '2025-11-20',
        risposte: ADL_AUTONOMO,
      });
      const trasferita = await caseManager()(trasferisciCartella, {
        id: c.id,
        comuneResidenza: PANDINO,
        note: 'Trasferita presso la figlia',
      });
      expect(trasferita).toMatchObject({
        subAmbito: 'SA-PANDINO',
        comuneResidenza: PANDINO,
        stato: 'in-attesa',
        caseManager: null,
        valutazioni: [{ strumento: { codice: 'ADL' } }],
        assegnazioni: [{ caseManager: { id: 'as.crema' }, al: expect.any(String) }],
      });
      const evento = await eventoDi(svc, 'presa-in-carico.cartella.trasferita', (p) => p.cartellaId === c.id);
      expect(evento.payload).toMatchObject({
        daSubAmbito: 'SA-CREMA',
        aSubAmbito: 'SA-PANDINO',
        aComune: PANDINO,
      });
      expect(await rifiuto(caseManager()(leggiCartella, { id: c.id }))).toBe('CARTELLA_NON_TROVATA');
      expect(await rifiuto(coordinatore()(leggiCartella, { id: c.id }))).toBe('CARTELLA_NON_TROVATA');
      expect(await rifiuto(comune()(leggiCartella, { id: c.id }))).toBe('CARTELLA_NON_TROVATA');
      const diario = await svc.as(ATTORI.coordinatorePandino)(leggiDiario, { id: c.id });
      expect(diario.map((v) => v.tipo)).toEqual(['proposta', 'assegnazione', 'valutazione', 'trasferimento']);
      expect((await svc.as(ATTORI.responsabilePandino)(leggiCartella, { id: c.id })).id).toBe(c.id);
    });

    it('within the sub-ambito changes only the Comune that decides', async () => {
      const c = await inCarico();
      const p = await caseManager()(proponiProgetto, progetto(c.id));
      const spostata = await caseManager()(trasferisciCartella, { id: c.id, comuneResidenza: '019037' }); // Cremosano
      expect(spostata).toMatchObject({
        subAmbito: 'SA-CREMA',
        stato: 'in-carico',
        caseManager: { id: 'as.crema' },
      });
      // Crema no longer decides for this person.
      expect(await rifiuto(comune()(approvaProgetto, { id: p.id }))).toBe('CARTELLA_NON_TROVATA');
      expect(await rifiuto(caseManager()(trasferisciCartella, { id: c.id, comuneResidenza: '019037' }))).toBe(
        'TRANSIZIONE_NON_CONSENTITA',
      );
      expect(await rifiuto(caseManager()(trasferisciCartella, { id: c.id, comuneResidenza: '015146' }))).toBe(
        'COMUNE_SCONOSCIUTO',
      );
      // Only the équipe transfers: the role check of the declaration refuses the Comune first.
      expect(await rifiuto(comune()(trasferisciCartella, { id: c.id, comuneResidenza: CREMA }))).toBe(
        'OPERAZIONE_NON_CONSENTITA',
      );
    });
  });

  describe('closure and diario', () => {
    it('closes with a motivo; afterwards assessing, proposing and deciding are refused and nothing is written', async () => {
      const c = await inCarico();
      const pendente = await caseManager()(proponiProgetto, progetto(c.id));
      const chiusa = await caseManager()(chiudiCartella, {
        id: c.id,
        motivo: 'obiettivi-raggiunti',
        note: 'Rientro in famiglia',
      });
      expect(chiusa).toMatchObject({
        stato: 'chiusa',
        chiusura: { motivo: 'obiettivi-raggiunti', da: 'as.crema', note: 'Rientro in famiglia' },
      });
      expect(chiusa.assegnazioni[0].al).not.toBeNull();
      await eventoDi(svc, 'presa-in-carico.cartella.chiusa', (p) => p.cartellaId === c.id);

      const prima = [
        await conta(svc, 'valutazione'),
        await conta(svc, 'progetto'),
        await conta(svc, 'voce_diario'),
      ];
      expect(
        await rifiuto(
          caseManager()(registraValutazione, {
            id: c.id,
            strumento: 'ADL',
            data: '2025-11-20',
            risposte: ADL_AUTONOMO,
          }),
        ),
      ).toBe('CARTELLA_CHIUSA');
      expect(await rifiuto(caseManager()(proponiProgetto, progetto(c.id)))).toBe('CARTELLA_CHIUSA');
      expect(await rifiuto(comune()(approvaProgetto, { id: pendente.id }))).toBe('CARTELLA_CHIUSA');
      expect(await rifiuto(caseManager()(chiudiCartella, { id: c.id, motivo: 'rinuncia' }))).toBe(
        'CARTELLA_CHIUSA',
      );
      expect(await rifiuto(caseManager()(assegnaCartella, { id: c.id, caseManagerId: 'as.crema2' }))).toBe(
        'OPERAZIONE_NON_CONSENTITA',
      );
      expect(await rifiuto(coordinatore()(assegnaCartella, { id: c.id, caseManagerId: 'as.crema2' }))).toBe(
        'CARTELLA_CHIUSA',
      );
      expect([
        await conta(svc, 'valutazione'),
        await conta(svc, 'progetto'),
        await conta(svc, 'voce_diario'),
      ]).toEqual(prima);
    });

    it('refuses an unknown motivo and closure by the Comune', async () => {
      const c = await inCarico();
      expect(
        await rifiuto(caseManager()(chiudiCartella, { id: c.id, motivo: 'archiviata' as 'rinuncia' })),
      ).toBe('VALIDAZIONE_FALLITA');
      expect(await rifiuto(comune()(chiudiCartella, { id: c.id, motivo: 'rinuncia' }))).toBe(
        'OPERAZIONE_NON_CONSENTITA',
      );
    });

    it('reopens a closed cartella as a new episode when a new proposta arrives', async () => {
      const cf = codiceFiscale();
      const c = await coordinatore()(apriCartella, apertura(cf, CREMA));
      await coordinatore()(chiudiCartella, { id: c.id, motivo: 'rinuncia' });
      const riaperta = await coordinatore()(apriCartella, apertura(cf, CREMA));
      expect(riaperta).toMatchObject({
        id: c.id,
        stato: 'in-attesa',
        episodio: 2,
        chiusura: null,
        caseManager: null,
      });
      expect(riaperta.proposte).toHaveLength(2);
    });

    it('keeps the timeline of everything that happened, with the operators’ entries', async () => {
      const c = await inCarico();
      await caseManager()(annotaDiario, {
        id: c.id,
        tipo: 'visita-domiciliare',
        testo: 'Abitazione con barriere.',
      });
      await caseManager()(registraValutazione, {
        id: c.id,
        strumento: 'ADL',
        data: '2025-11-20',
        risposte: ADL_AUTONOMO,
      });
      const p = await caseManager()(proponiProgetto, progetto(c.id));
      await comune()(approvaProgetto, { id: p.id });
      await caseManager()(chiudiCartella, { id: c.id, motivo: 'trasferimento' });
      const diario = await caseManager()(leggiDiario, { id: c.id });
      expect(diario.map((v) => v.tipo)).toEqual([
        'proposta',
        'assegnazione',
        'visita-domiciliare',
        'valutazione',
        'progetto-proposto',
        'progetto-approvato',
        'chiusura',
      ]);
      expect(diario[3].testo).toContain('punteggio 6/6');
      expect(diario[5].autore.id).toBe('responsabile.crema');
      expect(await rifiuto(comune()(annotaDiario, { id: c.id, tipo: 'nota', testo: 'x' }))).toBe(
        'OPERAZIONE_NON_CONSENTITA',
      );
    });
  });
});
