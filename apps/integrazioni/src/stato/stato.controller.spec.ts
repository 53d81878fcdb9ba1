import { APP_VERSION } from '@ambito/service-runtime';
import { StatoController } from './stato.controller';
import type { StatoRepository } from './stato.repository';

describe('stato of the integrazioni service (unit)', () => {
  const repository = { contaMessaggiOutbox: async () => 3 } as unknown as StatoRepository;

  it('answers with the service, its version and what the repository counts', async () => {
    await expect(new StatoController(repository).leggi({ sonda: 'ping' })).resolves.toEqual({
      servizio: 'integrazioni',
      versione: APP_VERSION,
      messaggiOutbox: 3,
      sonda: 'ping',
    });
  });
});
