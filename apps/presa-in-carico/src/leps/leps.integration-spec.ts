import { PRESA_IN_CARICO_RPC } from '@ambito/contracts';
import { rifiuto } from '@ambito/testing';
import { ATTORI, CREMA } from '../../test/presa-in-carico-harness';
import { scenarioCrema } from '../../test/presa-in-carico-scenario';
import { calcolaLepsAs } from './leps';

const { calcolaLeps, registraMembroEquipe } = PRESA_IN_CARICO_RPC;

describe('LEPS servizio sociale professionale of the Ambito', () => {
  const scenario = scenarioCrema();

  beforeAll(async () => {
    const crema = scenario.svc.as(ATTORI.coordinatoreCrema);
    const pandino = scenario.svc.as(ATTORI.coordinatorePandino);
    const membro = (subAmbito: string, userId: string, altro: Record<string, unknown>) => ({
      subAmbito,
      userId,
      nome: `Nome di ${userId}`,
      professione: 'assistente-sociale' as const,
      ...altro,
    });
    // Counted: permanent AS, whoever employs them, in FTE.
    await crema(
      registraMembroEquipe,
      membro('SA-CREMA', 'as.crema', { ente: 'Azienda', contratto: 'indeterminato' }),
    );
    await pandino(
      registraMembroEquipe,
      membro('SA-PANDINO', 'as.pandino', { ente: 'Comune di Pandino', contratto: 'indeterminato', fte: 0.5 }),
    );
    // Shared between two sub-ambiti: 0.5 + 0.75, at most one person.
    await crema(
      registraMembroEquipe,
      membro('SA-CREMA', 'as.condivisa', { contratto: 'indeterminato', fte: 0.5 }),
    );
    await pandino(
      registraMembroEquipe,
      membro('SA-PANDINO', 'as.condivisa', { contratto: 'indeterminato', fte: 0.75 }),
    );
    // Not counted: fixed-term AS, unknown contract (as.crema2 of the scenario), other professions.
    await crema(registraMembroEquipe, membro('SA-CREMA', 'as.tempo', { contratto: 'determinato', fte: 1 }));
    await crema(registraMembroEquipe, {
      ...membro('SA-CREMA', 'edu.crema', { contratto: 'indeterminato' }),
      professione: 'educatore',
    });
  });

  it('counts the permanent AS in FTE of the whole Ambito against the thresholds in force', async () => {
    const leps = await scenario.svc.as(ATTORI.udp)(calcolaLeps, { al: '2025-06-30' });
    expect(leps.assistentiSocialiFte).toBe(2.5);
    expect(leps.popolazione).toBeGreaterThan(0);
    expect(leps.parametri).toMatchObject({
      abitantiPerAsSogliaMinima: 6500,
      abitantiPerAsObiettivo: 5000,
      abitantiPerAsObiettivoUlteriore: 4000,
      contributoFascia1Centesimi: 4_000_000,
      contributoFascia2Centesimi: 2_000_000,
    });
    expect(leps.parametri.atto).toContain('L. 178/2020');
    expect(leps).toMatchObject(calcolaLepsAs(leps.popolazione, 2.5, leps.parametri));
    // The Casalasco standard: one weekly hour of AS every 125 inhabitants, per comune.
    expect(leps.oreAs?.abitantiPerOra).toBe(125);
    const crema = leps.oreAs?.comuni.find((c) => c.istat === CREMA);
    expect(crema?.oreStandard).toBe(Math.round(crema!.popolazione / 125));
  });

  it('applies the parameters in force on the date: a change of the law is a new row', async () => {
    const prima = await scenario.svc.as(ATTORI.udp)(calcolaLeps, { al: '2025-06-30' });
    // A hypothetical act from 2090 lowering the thresholds so that the Ambito earns both contributions.
    const soglie: [string, number][] = [
      ['leps-as.abitanti-soglia-minima', Math.ceil(prima.popolazione / 1)],
      ['leps-as.abitanti-obiettivo', Math.ceil(prima.popolazione / 2)],
      ['leps-as.abitanti-obiettivo-ulteriore', Math.ceil(prima.popolazione / 3)],
      ['ore-as.abitanti-per-ora', 100],
    ];
    for (const [codice, valore] of soglie)
      await scenario.svc.sql(
        `INSERT INTO parametro_normativo (codice, valido_dal, valore, atto) VALUES ($1, '2090-01-01', $2, 'Atto di prova')`,
        [codice, valore],
      );
    const dopo = await scenario.svc.as(ATTORI.udp)(calcolaLeps, { al: '2090-06-30' });
    expect(dopo.parametri.abitantiPerAsObiettivo).toBe(Math.ceil(prima.popolazione / 2));
    expect(dopo.fascia).toBe('obiettivo-raggiunto');
    expect(dopo.contributoAttesoCentesimi).toBeGreaterThan(4_000_000);
    expect(dopo.oreAs?.abitantiPerOra).toBe(100);
    // The earlier date still reads the earlier act.
    expect(await scenario.svc.as(ATTORI.udp)(calcolaLeps, { al: '2025-06-30' })).toEqual(prima);
    expect(await rifiuto(scenario.svc.as(ATTORI.udp)(calcolaLeps, { al: '2019-01-01' }))).toBe(
      'DATA_NON_VALIDA',
    );
  });

  it('is read by the Ufficio di Piano and the coordinators, not by the équipe', async () => {
    expect((await scenario.svc.as(ATTORI.coordinatoreCrema)(calcolaLeps, {})).assistentiSocialiFte).toBe(2.5);
    expect(await rifiuto(scenario.svc.as(ATTORI.asCrema)(calcolaLeps, {}))).toBe('OPERAZIONE_NON_CONSENTITA');
  });
});
