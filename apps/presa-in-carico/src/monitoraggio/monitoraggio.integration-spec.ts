import { PRESA_IN_CARICO_RPC, type CartellaV1, type ProgettoV1 } from '@ambito/contracts';
import { rifiuto } from '@ambito/testing';
import {
  cartellaAperta,
  ATTORI,
  CREMA,
  apertura,
  codiceFiscale,
  conta,
  eventoDi,
  progetto,
  startTestPresaInCarico,
  type TestPresaInCarico,
} from '../../test/presa-in-carico-harness';
import { loadTerritorioFile } from '@ambito/territorio';

const {
  apriCartella,
  assegnaCartella,
  registraMembroEquipe,
  proponiProgetto,
  approvaProgetto,
  registraVerifica,
  leggiDiario,
  caricoLavoro,
  elencaAvvisi,
} = PRESA_IN_CARICO_RPC;

const GIORNO = 86_400_000;

describe('monitoring: verifiche, workload against the LEPS standard, alerts', () => {
  let svc: TestPresaInCarico;
  let conProgetto: CartellaV1; // approved project, verifiche scheduled in the past
  let approvato: ProgettoV1;
  let daValutare: CartellaV1; // assigned, no assessment
  let inCoda: CartellaV1; // unassigned for 40 days
  let inDecisione: CartellaV1; // project waiting 20 days for the Comune
  const coordinatore = () => svc.as(ATTORI.coordinatoreCrema);

  beforeAll(async () => {
    svc = await startTestPresaInCarico();
    for (const [userId, nome] of [
      ['as.crema', 'Sara Riva'],
      ['as.crema2', 'Elena Sala'],
    ])
      await coordinatore()(registraMembroEquipe, {
        subAmbito: 'SA-CREMA',
        userId,
        nome,
        professione: 'assistente-sociale',
      });
    const inCarico = async (caseManagerId: string) => {
      const c = cartellaAperta(await coordinatore()(apriCartella, apertura(codiceFiscale(), CREMA)));
      return coordinatore()(assegnaCartella, { id: c.id, caseManagerId });
    };
    conProgetto = await inCarico('as.crema');
    const proposto = await svc.as(ATTORI.asCrema)(
      proponiProgetto,
      progetto(conProgetto.id, {
        dataInizio: '2025-01-01',
        dataFine: '2030-12-31',
        interventi: [],
        verifiche: [
          { data: '2025-03-01', oggetto: 'Prima verifica' },
          { data: '2025-06-01', oggetto: 'Seconda verifica' },
          { data: '2030-06-01', oggetto: 'Verifica futura' },
        ],
      }),
    );
    approvato = await svc.as(ATTORI.responsabileCrema)(approvaProgetto, { id: proposto.id });
    daValutare = await inCarico('as.crema2');
    inCoda = cartellaAperta(await coordinatore()(apriCartella, apertura(codiceFiscale(), CREMA)));
    await svc.sql(`UPDATE proposta SET ricevuta_il = now() - interval '40 days' WHERE cartella_id = $1`, [
      inCoda.id,
    ]);
    inDecisione = await inCarico('as.crema');
    await svc.as(ATTORI.asCrema)(proponiProgetto, progetto(inDecisione.id));
    // The trigger keeps decided versions immutable; here only the age of a pending one is staged.
    await svc.sql(`ALTER TABLE progetto DISABLE TRIGGER tr_progetto_deciso_immutabile`);
    await svc.sql(`UPDATE progetto SET proposto_il = now() - interval '20 days' WHERE cartella_id = $1`, [
      inDecisione.id,
    ]);
    await svc.sql(`ALTER TABLE progetto ENABLE TRIGGER tr_progetto_deciso_immutabile`);
  });
  afterAll(async () => {
    await svc?.close();
  });

  describe('verifiche', () => {
    it('records a verifica against the obiettivi of the approved project, in the diario and as an event', async () => {
      const verifica = await svc.as(ATTORI.asCrema)(registraVerifica, {
        id: approvato.id,
        data: '2025-03-05',
        esiti: [{ obiettivo: 0, esito: 'parzialmente-raggiunto', note: 'Un ricovero breve a febbraio' }],
      });
      expect(verifica).toMatchObject({
        progettoId: approvato.id,
        data: '2025-03-05',
        esiti: [{ obiettivo: 0, esito: 'parzialmente-raggiunto' }],
        registrataDa: { id: 'as.crema' },
      });
      await eventoDi(svc, 'presa-in-carico.verifica.registrata', (p) => p.verificaId === verifica.id);
      const diario = await svc.as(ATTORI.asCrema)(leggiDiario, { id: conProgetto.id });
      expect(diario.at(-1)).toMatchObject({ tipo: 'verifica' });
      expect(diario.at(-1)!.testo).toContain('obiettivo 1 parzialmente-raggiunto');
    });

    it('refuses verifiche of a project not in force, of unknown obiettivi, out of period or by the Comune', async () => {
      const prima = await conta(svc, 'verifica');
      const [pendente] = await svc.sql<{ id: string }>(`SELECT id FROM progetto WHERE cartella_id = $1`, [
        inDecisione.id,
      ]);
      const esiti = [{ obiettivo: 0, esito: 'raggiunto' as const }];
      expect(
        await rifiuto(
          svc.as(ATTORI.asCrema)(registraVerifica, { id: pendente.id, data: '2026-01-10', esiti }),
        ),
      ).toBe('TRANSIZIONE_NON_CONSENTITA');
      expect(
        await rifiuto(
          svc.as(ATTORI.asCrema)(registraVerifica, {
            id: approvato.id,
            data: '2025-03-05',
            esiti: [{ obiettivo: 3, esito: 'raggiunto' }],
          }),
        ),
      ).toBe('VALIDAZIONE_FALLITA');
      expect(
        await rifiuto(
          svc.as(ATTORI.asCrema)(registraVerifica, { id: approvato.id, data: '2024-12-31', esiti }),
        ),
      ).toBe('DATA_NON_VALIDA');
      expect(
        await rifiuto(
          svc.as(ATTORI.responsabileCrema)(registraVerifica, { id: approvato.id, data: '2025-03-05', esiti }),
        ),
      ).toBe('OPERAZIONE_NON_CONSENTITA');
      expect(await conta(svc, 'verifica')).toBe(prima);
    });
  });

  describe('workload', () => {
    it('gives the coordinator its sub-ambito: queue, active cases, to assess, overdue, social workers per inhabitants', async () => {
      const popolazione = loadTerritorioFile()
        .comuni.filter((c) => c.subAmbito === 'SA-CREMA')
        .reduce((t, c) => t + c.popolazione, 0);
      const carico = await coordinatore()(caricoLavoro, {});
      expect(carico.subAmbiti).toHaveLength(1);
      const [crema] = carico.subAmbiti;
      expect(crema).toMatchObject({
        subAmbito: 'SA-CREMA',
        popolazione,
        assistentiSociali: 2,
        abitantiPerAssistenteSociale: Math.round(popolazione / 2),
        standardAbitantiPerAssistenteSociale: 5000,
        sottoStandard: popolazione / 2 > 5000,
        inCoda: 1,
        casiAttivi: 3,
        daValutare: 3,
        progettiInAttesaDiDecisione: 1,
        // Two scheduled dates passed, one verifica recorded.
        verificheScadute: 1,
      });
      expect(crema.operatori).toEqual(
        expect.arrayContaining([
          { userId: 'as.crema', nome: 'Sara Riva', casiAttivi: 2, daValutare: 2, verificheScadute: 1 },
          { userId: 'as.crema2', nome: 'Elena Sala', casiAttivi: 1, daValutare: 1, verificheScadute: 0 },
        ]),
      );
    });

    it('gives the Ufficio di Piano every sub-ambito, and refuses the others', async () => {
      const carico = await svc.as(ATTORI.udp)(caricoLavoro, {});
      expect(carico.subAmbiti.map((s) => s.subAmbito).sort()).toEqual([
        'SA-CASTELLEONE',
        'SA-CREMA',
        'SA-PANDINO',
        'SA-RIVOLTA',
        'SA-SONCINO',
      ]);
      // No équipe registered: below any standard.
      expect(carico.subAmbiti.find((s) => s.subAmbito === 'SA-PANDINO')).toMatchObject({
        assistentiSociali: 0,
        abitantiPerAssistenteSociale: null,
        sottoStandard: true,
      });
      expect(await rifiuto(coordinatore()(caricoLavoro, { subAmbito: 'SA-PANDINO' }))).toBe(
        'FUORI_AMBITO_TERRITORIALE',
      );
      expect(await rifiuto(svc.as(ATTORI.asCrema)(caricoLavoro, {}))).toBe('OPERAZIONE_NON_CONSENTITA');
      expect(await rifiuto(svc.as(ATTORI.responsabileCrema)(caricoLavoro, {}))).toBe(
        'OPERAZIONE_NON_CONSENTITA',
      );
    });

    it('measures the sub-ambiti against the LEPS objective in force (parametro_normativo), not a constant', async () => {
      const oggi = new Date().toISOString().slice(0, 10);
      await svc.sql(
        `INSERT INTO parametro_normativo (codice, valido_dal, valore, atto)
         VALUES ('leps-as.abitanti-obiettivo', $1, 4500, 'Atto di prova')`,
        [oggi],
      );
      try {
        const [crema] = (await coordinatore()(caricoLavoro, {})).subAmbiti;
        expect(crema.standardAbitantiPerAssistenteSociale).toBe(4500);
        expect(crema.sottoStandard).toBe((crema.abitantiPerAssistenteSociale ?? Infinity) > 4500);
      } finally {
        await svc.sql(`DELETE FROM parametro_normativo WHERE atto = 'Atto di prova'`);
      }
    });
  });

  describe('alerts', () => {
    const tipi = (avvisi: { tipo: string; cartellaId: string }[]) =>
      avvisi.map((a) => [a.tipo, a.cartellaId]).sort();

    it('warns the coordinator of old unassigned proposte, pending decisions and overdue verifiche', async () => {
      const avvisi = await coordinatore()(elencaAvvisi, {});
      expect(tipi(avvisi)).toEqual(
        [
          ['proposta-non-assegnata', inCoda.id],
          ['progetto-in-attesa-di-decisione', inDecisione.id],
          ['verifica-scaduta', conProgetto.id],
        ].sort(),
      );
      const proposta = avvisi.find((a) => a.tipo === 'proposta-non-assegnata')!;
      expect(proposta.giorni).toBeGreaterThanOrEqual(40);
      expect(avvisi.find((a) => a.tipo === 'verifica-scaduta')!.dal).toBe('2025-06-01');
      expect(Date.now() - new Date(avvisi[0].dal).getTime()).toBeGreaterThan(19 * GIORNO);
    });

    it('shows the Comune the decisions it owes and the case manager its own cases only', async () => {
      expect(tipi(await svc.as(ATTORI.responsabileCrema)(elencaAvvisi, {}))).toEqual([
        ['progetto-in-attesa-di-decisione', inDecisione.id],
      ]);
      expect(await svc.as(ATTORI.responsabilePandino)(elencaAvvisi, {})).toEqual([]);
      expect(tipi(await svc.as(ATTORI.asCrema)(elencaAvvisi, {}))).toEqual(
        [
          ['progetto-in-attesa-di-decisione', inDecisione.id],
          ['verifica-scaduta', conProgetto.id],
        ].sort(),
      );
      expect(await svc.as(ATTORI.asCrema2)(elencaAvvisi, {})).toEqual([]);
      expect(daValutare.caseManager?.id).toBe('as.crema2');
      expect(await rifiuto(svc.as(ATTORI.udp)(elencaAvvisi, {}))).toBe('OPERAZIONE_NON_CONSENTITA');
    });
  });
});
