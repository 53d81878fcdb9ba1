import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { EVENT_VERSIONS } from '../../registry';
import { RegistraAssegnazioneV1 } from './fondi.dto';
import { RegistraLiquidazioneV1, RichiediImpegnoV1 } from './impegni.dto';
import { ALLA_PATTERN } from './importo';
import { SituazioneFondoV1 } from './situazione.dto';
import { DeliberaQuotaCapitariaV1 } from './quote-comuni.dto';

function errors<T extends object>(cls: new () => T, plain: object): string[] {
  return validateSync(plainToInstance(cls, plain), { whitelist: true, forbidNonWhitelisted: true }).flatMap(
    function flat(e): string[] {
      return [
        ...(e.constraints ? [e.property] : []),
        ...(e.children ?? []).flatMap(flat).map((p) => `${e.property}.${p}`),
      ];
    },
  );
}

const impegno = {
  chiaveIdempotenza: 'misure:beneficio:42',
  linea: 'B2-2024',
  importoCentesimi: 123_456,
  descrizione: 'Buono caregiver',
  determina: { numero: '212/2024', data: '2024-05-06' },
  creditore: { tipo: 'persona', identificativo: 'persona:42' },
};

describe('amounts in integer cents', () => {
  it.each([
    ['a fraction of a cent', 100.5],
    ['a negative amount', -1],
    ['zero', 0],
    ['euros as a string', '1.234,56'],
    ['beyond the safe range', Number.MAX_SAFE_INTEGER + 2],
  ])('refuses %s', (_, importoCentesimi) => {
    expect(errors(RichiediImpegnoV1, { ...impegno, importoCentesimi })).toEqual(['importoCentesimi']);
  });

  it('accepts a positive integer number of cents, with the Italian message for the operator', () => {
    expect(errors(RichiediImpegnoV1, impegno)).toEqual([]);
    const [e] = validateSync(plainToInstance(RichiediImpegnoV1, { ...impegno, importoCentesimi: 1.5 }));
    expect(Object.values(e.constraints!)).toContain(
      'importoCentesimi: importo in centesimi di euro, numero intero (es. 123456 = € 1.234,56)',
    );
  });

  it('requires the fund when an annualità is named, and the act of an assignment', () => {
    expect(errors(RichiediImpegnoV1, { ...impegno, anno: 2024 })).toEqual(['fondo']);
    expect(errors(RichiediImpegnoV1, { ...impegno, fondo: 'FNA-B2', anno: 2024 })).toEqual([]);
    expect(
      errors(RegistraAssegnazioneV1, {
        fondo: 'FNA-B2',
        anno: 2024,
        atto: { tipo: 'circolare', numero: '', data: '18/03/2024' },
        importoCentesimi: 1,
      }),
    ).toEqual(['atto.tipo', 'atto.numero', 'atto.data']);
  });

  it('accepts a month as the period paid, and a date or an instant as "alla"', () => {
    const id = '5b0e4a3e-8d5c-4a55-9a53-7f0b1c2d3e4f';
    expect(
      errors(RegistraLiquidazioneV1, { impegnoId: id, importoCentesimi: 1, periodo: '2024-03' }),
    ).toEqual([]);
    expect(errors(RegistraLiquidazioneV1, { impegnoId: id, importoCentesimi: 1, periodo: '2024-3' })).toEqual(
      ['periodo'],
    );
    // a one-off liquidazione (una tantum) has no period
    expect(errors(RegistraLiquidazioneV1, { impegnoId: id, importoCentesimi: 1 })).toEqual([]);
    expect(ALLA_PATTERN.test('2024-12-31')).toBe(true);
    expect(ALLA_PATTERN.test('2024-12-31T10:00:00.123Z')).toBe(true);
    expect(errors(SituazioneFondoV1, { fondo: 'FSR', alla: '31/12/2024' })).toEqual(['alla']);
  });

  it('refuses days and instants that do not exist (found by the fuzz: alla=0000-00-00 was a 500)', () => {
    for (const alla of ['0000-00-00', '2024-02-30', '2024-13-01', '2024-12-31T25:00Z']) {
      expect(errors(SituazioneFondoV1, { fondo: 'FSR', alla })).toEqual(['alla']);
    }
    for (const alla of ['2024-02-29', '2024-12-31T10:00:00.123Z', '2024-12-31T10:00+01:00']) {
      expect(errors(SituazioneFondoV1, { fondo: 'FSR', alla })).toEqual([]);
    }
  });

  it('bounds the quota per inhabitant (found by the fuzz: abitanti × a quota near 2^53 was a 500)', () => {
    const delibera = { anno: 2024, dataRiferimentoAbitanti: '2024-01-01', dataDelibera: '2024-02-01' };
    const campi = (quota: number) =>
      errors(DeliberaQuotaCapitariaV1, { ...delibera, quotaPerAbitanteCentesimi: quota }).filter(
        (c) => c === 'quotaPerAbitanteCentesimi',
      );
    expect(campi(100_000)).toEqual([]);
    expect(campi(100_001)).toEqual(['quotaPerAbitanteCentesimi']);
  });

  it('registers the budget events with their versions in the platform’s event map', () => {
    expect(EVENT_VERSIONS).toMatchObject({
      'budget.dotazione.assegnata': 1,
      'budget.impegno.registrato': 1,
      'budget.impegno.rifiutato': 1,
      'budget.impegno.ridotto': 1,
      'budget.liquidazione.registrata': 2,
      'budget.mandato.registrato': 1,
    });
  });
});
