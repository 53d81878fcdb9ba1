import { validateSync } from 'class-validator';
import { IsCodiceFiscale } from './is-codice-fiscale.decorator';

class Persona {
  @IsCodiceFiscale()
  codiceFiscale: unknown;
}

class Famiglia {
  @IsCodiceFiscale({ each: true, message: 'componente: codice fiscale non valido' })
  componenti: unknown[];
}

function errorsOf<T extends object>(instance: T): Record<string, string>[] {
  return validateSync(instance).map((error) => error.constraints ?? {});
}

describe('IsCodiceFiscale', () => {
  it('accepts valid codes (omocode and numeric included) and refuses the rest', () => {
    for (const ok of ['RSSMRA85T10A562S', 'rssmraurtmlarsnl', '80078750587']) {
      expect(errorsOf(Object.assign(new Persona(), { codiceFiscale: ok }))).toEqual([]);
    }
    for (const ko of ['RSSMRA85T10A562T', '80078750588', 42, undefined]) {
      expect(errorsOf(Object.assign(new Persona(), { codiceFiscale: ko }))).toEqual([
        { isCodiceFiscale: 'codice fiscale non valido' },
      ]);
    }
  });

  it('honours validation options (each, message)', () => {
    expect(
      errorsOf(Object.assign(new Famiglia(), { componenti: ['RSSMRA85T10A562S', '00743110157'] })),
    ).toEqual([]);
    expect(errorsOf(Object.assign(new Famiglia(), { componenti: ['RSSMRA85T10A562S', 'XX'] }))).toEqual([
      { isCodiceFiscale: 'componente: codice fiscale non valido' },
    ]);
  });
});
