import { DomainError, RegistraAccessoV1 } from '@ambito/contracts';
import { createValidationPipe } from './validation-pipe';

describe('createValidationPipe', () => {
  const pipe = createValidationPipe();
  const meta = { type: 'body' as const, metatype: RegistraAccessoV1 };

  it('turns a validation failure into VALIDAZIONE_FALLITA with the fields in error', async () => {
    const error = await pipe
      .transform({ personaId: 'x', canale: 'sportello', extra: true }, meta)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe('VALIDAZIONE_FALLITA');
    const campi = (error as DomainError).details?.map((d) => d.campo);
    expect(campi).toEqual(
      expect.arrayContaining(['personaId', 'sede', 'presentatoDa', 'areaBisogno', 'richiesta', 'extra']),
    );
  });

  it('returns a typed instance when the input is valid', async () => {
    const value = await pipe.transform(
      {
        personaId: '5b0e4a3e-8d5c-4a55-9a53-7f0b1c2d3e4f',
        sede: 'S',
        canale: 'sportello',
        presentatoDa: 'interessato',
        areaBisogno: 'altro',
        richiesta: 'r',
      },
      meta,
    );
    expect(value).toBeInstanceOf(RegistraAccessoV1);
  });

  it('explains every field in Italian, keeping the messages written in the contracts', async () => {
    const error = (await pipe
      .transform(
        {
          personaId: 'x',
          sede: '',
          canale: 'piccione',
          presentatoDa: 'familiare',
          areaBisogno: 'anziani',
          richiesta: 'r'.repeat(4001),
          dataOra: 'ieri',
          extra: true,
        },
        meta,
      )
      .catch((e: unknown) => e)) as DomainError;
    const messaggi = Object.fromEntries((error.details ?? []).map((d) => [d.campo, d.messaggi]));
    expect(messaggi).toEqual({
      personaId: ['deve essere un identificativo UUID'],
      sede: ['obbligatorio, non può essere vuoto'],
      canale: [expect.stringMatching(/^valore non ammesso; ammessi: sportello, telefono/)],
      referente: expect.arrayContaining([
        'referente: obbligatorio se non si presenta l’interessato',
        'deve essere un testo',
      ]),
      richiesta: ['al massimo 4000 caratteri'],
      dataOra: ['data e ora in formato ISO 8601, es. 2026-03-01T09:30:00+01:00'],
      extra: ['campo non previsto'],
    });
  });
});
