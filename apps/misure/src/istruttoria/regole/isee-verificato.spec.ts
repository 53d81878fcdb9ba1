import type { DatiIstanzaV1 } from '@ambito/contracts';
import { applicaIseeVerificati } from './isee-verificato';

const dati = {
  isee: [
    {
      tipo: 'sociosanitario',
      valoreCentesimi: 1_500_000,
      protocolloDsu: 'INPS-ISEE-2025-00597381W-00',
      dataPresentazione: '2025-01-15',
      difformita: true,
    },
  ],
} as unknown as DatiIstanzaV1;

const verificato = (valoreCentesimi: number) => ({
  consultazioneId: '00000000-0000-4000-8000-000000000001',
  tipo: 'sociosanitario' as const,
  esito: 'verificato' as const,
  valoreCentesimi,
  protocolloDsu: 'INPS-ISEE-2025-00597381W-00',
  dataPresentazione: '2025-01-15',
});

describe('ISEE_VERIFICA_INPS', () => {
  it('changes nothing without a verification', () => {
    expect(applicaIseeVerificati(dati, undefined)).toEqual({ dati, regole: [] });
  });

  it('puts the verified value in place of the declared one, keeps its difformità, flags the difference', () => {
    const r = applicaIseeVerificati(dati, [verificato(3_100_000)]);
    expect(r.dati.isee).toEqual(
      [{ ...verificato(3_100_000), difformita: true, consultazioneId: undefined, esito: undefined }].map(
        ({ tipo, valoreCentesimi, protocolloDsu, dataPresentazione, difformita }) => ({
          tipo,
          valoreCentesimi,
          protocolloDsu,
          dataPresentazione,
          difformita,
        }),
      ),
    );
    expect(r.regole).toEqual([
      {
        codice: 'ISEE_VERIFICA_INPS',
        esito: 'da-verificare',
        motivo: expect.stringMatching(/€ 31\.000,00.*diverso dal dichiarato \(€ 15\.000,00/),
      },
    ]);
  });

  it('is satisfied when INPS confirms the declared value', () => {
    expect(applicaIseeVerificati(dati, [verificato(1_500_000)]).regole[0].esito).toBe('soddisfatta');
  });

  it('leaves the declared value and asks an operator when INPS found no DSU', () => {
    const r = applicaIseeVerificati(dati, [
      {
        ...verificato(0),
        esito: 'non-trovato',
        valoreCentesimi: null,
        protocolloDsu: null,
        dataPresentazione: null,
      },
    ]);
    expect(r.dati).toEqual(dati);
    expect(r.regole[0]).toMatchObject({
      esito: 'da-verificare',
      motivo: expect.stringMatching(/non ha trovato/),
    });
  });
});
