import { DomainError } from '@ambito/contracts';
import { calcolaPunteggio } from './punteggio';
import { STRUMENTO_SINA_V2 } from './sina-v2.seed';
import { STRUMENTI_INIZIALI, STRUMENTO_DOPO_DI_NOI } from './strumenti.seed';

const strumento = (codice: string) =>
  [...STRUMENTI_INIZIALI.map((s) => ({ ...s, requisitiEquipe: null })), STRUMENTO_DOPO_DI_NOI].find(
    (s) => s.codice === codice,
  )!;
const tutte = (codice: string, valore: (valori: number[]) => number) =>
  Object.fromEntries(strumento(codice).items.map((i) => [i.codice, valore(i.valori.map((v) => v.valore))]));

describe('punteggio degli strumenti di valutazione', () => {
  it('scores Katz ADL from 0 (dependent) to 6 (autonomous)', () => {
    expect(
      calcolaPunteggio(
        strumento('ADL'),
        tutte('ADL', () => 1),
      ),
    ).toBe(6);
    expect(
      calcolaPunteggio(
        strumento('ADL'),
        tutte('ADL', () => 0),
      ),
    ).toBe(0);
    expect(calcolaPunteggio(strumento('ADL'), { ...tutte('ADL', () => 1), continenza: 0, vestirsi: 0 })).toBe(
      4,
    );
  });

  it('scores Lawton IADL from 0 to 8, several answers giving the same point', () => {
    expect(
      calcolaPunteggio(
        strumento('IADL'),
        tutte('IADL', () => 1),
      ),
    ).toBe(8);
    expect(
      calcolaPunteggio(
        strumento('IADL'),
        tutte('IADL', (v) => Math.max(...v)),
      ),
    ).toBe(0);
    // "Risponde ma non chiama" still scores 1; "solo piccoli acquisti" scores 0.
    expect(calcolaPunteggio(strumento('IADL'), { ...tutte('IADL', () => 1), telefono: 3, spesa: 2 })).toBe(7);
  });

  it('gives no score to the SINA profile but checks every item', () => {
    expect(
      calcolaPunteggio(
        strumento('SINA'),
        tutte('SINA', () => 1),
      ),
    ).toBeNull();
    expect(() => calcolaPunteggio(strumento('SINA'), { ...tutte('SINA', () => 1), mobilita: 4 })).toThrow(
      DomainError,
    );
  });

  it('scores the four Dopo di Noi areas from 0 to 16', () => {
    expect(
      calcolaPunteggio(
        strumento('DDN'),
        tutte('DDN', () => 0),
      ),
    ).toBe(0);
    expect(
      calcolaPunteggio(
        strumento('DDN'),
        tutte('DDN', () => 4),
      ),
    ).toBe(16);
    expect(calcolaPunteggio(strumento('DDN'), { ...tutte('DDN', () => 1), mobilita: 3 })).toBe(6);
  });

  it('refuses a missing item, an unknown value and an unknown item, listing each', () => {
    const { continenza: _, ...senzaContinenza } = tutte('ADL', () => 1);
    try {
      calcolaPunteggio(strumento('ADL'), { ...senzaContinenza, vestirsi: 2, umore: 1 });
      throw new Error('doveva rifiutare');
    } catch (error) {
      expect(error).toBeInstanceOf(DomainError);
      expect((error as DomainError).code).toBe('VALUTAZIONE_NON_VALIDA');
      expect((error as DomainError).details?.map((d) => d.campo).sort()).toEqual([
        'risposte.continenza',
        'risposte.umore',
        'risposte.vestirsi',
      ]);
    }
  });

  it('lets SINA v2 leave out its optional items and take lists of certifications and codici prestazione', () => {
    const obbligatorie = Object.fromEntries(
      STRUMENTO_SINA_V2.items.filter((i) => !i.facoltativo).map((i) => [i.codice, 1]),
    );
    expect(Object.keys(obbligatorie)).toEqual([
      'Mobilita',
      'AttivitaVitaQuotidiana',
      'DisturbiComportamentali',
      'AreaReddituale',
      'AreaSupporto',
      'FonteDerivazioneValutazione',
      'StrumentoValutazione',
    ]);
    expect(calcolaPunteggio(STRUMENTO_SINA_V2, obbligatorie)).toBeNull();
    expect(
      calcolaPunteggio(STRUMENTO_SINA_V2, obbligatorie, {
        InvaliditaCivile: ['6', '2'],
        NecessitaInterventiSociali: ['A2.07'],
      }),
    ).toBeNull();
    for (const multiple of [
      { InvaliditaCivile: [] },
      { InvaliditaCivile: ['0'] },
      { InvaliditaCivile: '6' },
      { NecessitaInterventiSociali: ['A207'] },
      { Mobilita: ['1'] },
    ])
      expect(() => calcolaPunteggio(STRUMENTO_SINA_V2, obbligatorie, multiple)).toThrow(DomainError);
  });
});
