import { DomainError, MISURE_CHIAMATE } from '@ambito/contracts';
import type { ServiceCaller } from '@ambito/messaging';
import { FontiIstanzaServizi } from './fonti-servizi';

/** The request that timed out, the answers of the other service: the only logic of the sources. */
describe('FontiIstanzaServizi (unit)', () => {
  const chiamante = (risposta: () => Promise<unknown>) => {
    const chiamate: unknown[][] = [];
    const caller = {
      chiama: (...args: unknown[]) => {
        chiamate.push(args);
        return risposta();
      },
    } as unknown as ServiceCaller;
    return { fonti: new FontiIstanzaServizi(caller), chiamate };
  };

  it('turns a read with no answer in time into SERVIZIO_NON_DISPONIBILE (nothing was changed)', async () => {
    const { fonti } = chiamante(() =>
      Promise.reject(new DomainError('ESITO_NON_DETERMINATO', 'esito non determinato')),
    );
    await expect(fonti.persona('p')).rejects.toMatchObject({ code: 'SERVIZIO_NON_DISPONIBILE' });
    await expect(fonti.presaInCarico('p')).rejects.toMatchObject({ code: 'SERVIZIO_NON_DISPONIBILE' });
  });

  it('lets the other service’s own answers through', async () => {
    const { fonti } = chiamante(() =>
      Promise.reject(new DomainError('PERSONA_NON_TROVATA', 'Persona non trovata.')),
    );
    await expect(fonti.persona('p')).rejects.toMatchObject({ code: 'PERSONA_NON_TROVATA' });
  });

  it('maps the definitive ricovero to alDomicilio, with the declared call and a motivo of ids only', async () => {
    const { fonti, chiamate } = chiamante(async () => ({
      personaId: 'p',
      dataNascita: '1950-01-01',
      comuneResidenza: '019035',
      residenteNellAmbito: true,
      ricoveroDefinitivoInCorso: true,
    }));
    expect(await fonti.persona('p')).toEqual({
      personaId: 'p',
      dataNascita: '1950-01-01',
      comuneResidenzaIstat: '019035',
      residenteNellAmbito: true,
      alDomicilio: false,
    });
    expect(chiamate).toEqual([
      [MISURE_CHIAMATE.persona, { personaId: 'p' }, { motivo: 'Istruttoria delle istanze della persona p' }],
    ]);
  });
});
