import type { DatiIstanzaV1 } from '@ambito/contracts';
import { istanzaAnziano, regoleB2, regola, valuta } from '../../../test/regole-fixture';

const conRiconoscimenti = (riconoscimenti: DatiIstanzaV1['riconoscimenti']): DatiIstanzaV1 => ({
  ...istanzaAnziano(),
  riconoscimenti,
});

/** The Cinisello-style variant: 100 % invalidity and gravità, or the accompaniment allowance. */
function regoleVariante() {
  const p = regoleB2();
  p.requisiti.fasce[2].disabilita = {
    tutte: ['l104-art3-c3', 'invalidita-civile'],
    almenoUna: [],
    invaliditaMinima: 100,
  };
  return p;
}

describe('DISABILITA_CONDIZIONE (unit)', () => {
  it('is satisfied by one of the alternative conditions', () => {
    expect(regola(valuta(istanzaAnziano(), 'buono-caregiver'), 'DISABILITA_CONDIZIONE')).toEqual({
      codice: 'DISABILITA_CONDIZIONE',
      esito: 'soddisfatta',
      motivo:
        'Condizione di disabilità riconosciuta: una fra gravità (art. 3 c. 3 L. 104/1992) e indennità di accompagnamento',
    });
  });

  it('refuses a person with none of them', () => {
    const v = valuta(
      conRiconoscimenti([
        {
          condizione: 'l104-art3-c1',
          percentuale: null,
          dataRiconoscimento: '2020-01-01',
          dataRevisione: null,
        },
      ]),
      'buono-caregiver',
    );
    expect(regola(v, 'DISABILITA_CONDIZIONE')).toMatchObject({
      esito: 'non-soddisfatta',
      motivo:
        'Condizione di disabilità non riconosciuta al 15/06/2025: manca almeno una fra gravità (art. 3 c. 3 L. 104/1992) e indennità di accompagnamento',
    });
    expect(v.esito).toBe('non-ammissibile');
  });

  it('does not count a recognition dated after the reference day', () => {
    const v = valuta(
      conRiconoscimenti([
        {
          condizione: 'indennita-accompagnamento',
          percentuale: null,
          dataRiconoscimento: '2025-07-01',
          dataRevisione: null,
        },
      ]),
      'buono-caregiver',
    );
    expect(regola(v, 'DISABILITA_CONDIZIONE').esito).toBe('non-soddisfatta');
  });

  it('sends a recognition past its revision date to an operator', () => {
    const v = valuta(
      conRiconoscimenti([
        {
          condizione: 'indennita-accompagnamento',
          percentuale: null,
          dataRiconoscimento: '2022-01-01',
          dataRevisione: '2025-03-31',
        },
      ]),
      'buono-caregiver',
    );
    expect(regola(v, 'DISABILITA_CONDIZIONE')).toMatchObject({
      esito: 'da-verificare',
      motivo:
        'Riconoscimento oltre la data di revisione al 15/06/2025: indennità di accompagnamento (revisione prevista il 31/03/2025); verificare l’esito della revisione',
    });
    expect(v.esito).toBe('da-verificare');
  });

  it('accepts a revision date still ahead', () => {
    const v = valuta(
      conRiconoscimenti([
        {
          condizione: 'indennita-accompagnamento',
          percentuale: null,
          dataRiconoscimento: '2022-01-01',
          dataRevisione: '2025-06-15',
        },
      ]),
      'buono-caregiver',
    );
    expect(regola(v, 'DISABILITA_CONDIZIONE').esito).toBe('soddisfatta');
  });

  describe('a band asking every condition with a minimum invalidity', () => {
    const gravita = {
      condizione: 'l104-art3-c3' as const,
      percentuale: null,
      dataRiconoscimento: '2020-01-01',
      dataRevisione: null,
    };

    it('is satisfied by gravità and 100 % invalidity', () => {
      const v = valuta(
        conRiconoscimenti([
          gravita,
          {
            condizione: 'invalidita-civile',
            percentuale: 100,
            dataRiconoscimento: '2020-01-01',
            dataRevisione: null,
          },
        ]),
        'buono-caregiver',
        regoleVariante(),
      );
      expect(regola(v, 'DISABILITA_CONDIZIONE')).toMatchObject({
        esito: 'soddisfatta',
        motivo:
          'Condizione di disabilità riconosciuta: gravità (art. 3 c. 3 L. 104/1992) e invalidità civile almeno al 100 %',
      });
    });

    it('refuses an invalidity below the minimum, naming what is missing', () => {
      const v = valuta(
        conRiconoscimenti([
          gravita,
          {
            condizione: 'invalidita-civile',
            percentuale: 80,
            dataRiconoscimento: '2020-01-01',
            dataRevisione: null,
          },
        ]),
        'buono-caregiver',
        regoleVariante(),
      );
      expect(regola(v, 'DISABILITA_CONDIZIONE')).toMatchObject({
        esito: 'non-soddisfatta',
        motivo:
          'Condizione di disabilità non riconosciuta al 15/06/2025: manca invalidità civile almeno al 100 %',
      });
    });
  });

  it('is satisfied when the band asks no condition', () => {
    const p = regoleB2();
    p.requisiti.fasce[2].disabilita = { tutte: [], almenoUna: [], invaliditaMinima: null };
    expect(
      regola(valuta(conRiconoscimenti([]), 'buono-caregiver', p), 'DISABILITA_CONDIZIONE'),
    ).toMatchObject({
      esito: 'soddisfatta',
      motivo: 'La fascia non richiede una condizione di disabilità',
    });
  });
});

describe('DISABILITA_CONDIZIONE with alternatives that suffice alone (unit)', () => {
  /** Cinisello 2025: 100 % invalidity and gravità, or the accompaniment allowance alone. */
  function cinisello() {
    const p = regoleB2();
    p.requisiti.fasce[2].disabilita = {
      tutte: ['l104-art3-c3', 'invalidita-civile'],
      almenoUna: [],
      invaliditaMinima: 100,
      oppure: ['indennita-accompagnamento'],
    };
    return p;
  }

  it('is satisfied by the alternative alone', () => {
    expect(
      regola(valuta(istanzaAnziano(), 'buono-caregiver', cinisello()), 'DISABILITA_CONDIZIONE'),
    ).toMatchObject({
      esito: 'soddisfatta',
      motivo: 'Condizione di disabilità riconosciuta: indennità di accompagnamento',
    });
  });

  it('names both ways when neither is met', () => {
    const v = valuta(
      conRiconoscimenti([
        {
          condizione: 'l104-art3-c3',
          percentuale: null,
          dataRiconoscimento: '2020-01-01',
          dataRevisione: null,
        },
      ]),
      'buono-caregiver',
      cinisello(),
    );
    expect(regola(v, 'DISABILITA_CONDIZIONE')).toMatchObject({
      esito: 'non-soddisfatta',
      motivo:
        'Condizione di disabilità non riconosciuta al 15/06/2025: manca invalidità civile almeno al 100 %, oppure indennità di accompagnamento',
    });
  });

  it('a band of alternatives only is not met by nothing', () => {
    const p = regoleB2();
    p.requisiti.fasce[2].disabilita = {
      tutte: [],
      almenoUna: [],
      invaliditaMinima: null,
      oppure: ['l104-art3-c3'],
    };
    expect(
      regola(valuta(conRiconoscimenti([]), 'buono-caregiver', p), 'DISABILITA_CONDIZIONE'),
    ).toMatchObject({
      esito: 'non-soddisfatta',
      motivo:
        'Condizione di disabilità non riconosciuta al 15/06/2025: manca una fra gravità (art. 3 c. 3 L. 104/1992)',
    });
  });
});
