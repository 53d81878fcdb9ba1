import { PRESA_IN_CARICO_RPC } from '@ambito/contracts';
import { rifiuto } from '@ambito/testing';
import { ATTORI } from '../../test/presa-in-carico-harness';
import { scenarioCrema } from '../../test/presa-in-carico-scenario';

const { registraMembroEquipe, elencaEquipe } = PRESA_IN_CARICO_RPC;

describe('presa in carico › équipe of the sub-ambito', () => {
  const scenario = scenarioCrema();
  const { caseManager } = scenario;

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
        scenario.svc.as(ATTORI.coordinatorePandino)(registraMembroEquipe, {
          subAmbito: 'SA-CREMA',
          userId: 'x',
          nome: 'X',
          professione: 'psicologo',
        }),
      ),
    ).toBe('OPERAZIONE_NON_CONSENTITA');
  });
});
