import type { SchedaAssistenteV1 } from '@ambito/contracts';
import { campiCambiati, campiPubbliciCambiati } from './scheda';

const scheda = (s: Partial<SchedaAssistenteV1> = {}): SchedaAssistenteV1 => ({
  competenze: ['demenza', 'mobilizzazione'],
  formazione: [],
  disponibilita: [{ giorno: 'lun', dalle: 8, alle: 12 }],
  lingue: ['ro', 'it'],
  aree: ['019021', '019052'],
  convivente: false,
  esperienzaMesi: 24,
  ...s,
});

describe('scheda: what an edit changes', () => {
  it('ignores order of sets and how the hours are split in bands', () => {
    const dopo = scheda({
      competenze: ['mobilizzazione', 'demenza'],
      lingue: ['it', 'ro'],
      disponibilita: [
        { giorno: 'lun', dalle: 8, alle: 10 },
        { giorno: 'lun', dalle: 10, alle: 12 },
      ],
    });
    expect(campiCambiati(scheda(), dopo)).toEqual([]);
  });

  it('compares the training whatever the order of its keys (as jsonb gives them back)', () => {
    const corso = { titolo: 'Corso ASA', ente: 'Cr.Forma', ore: 800, anno: 2015 };
    const riletto = { ore: 800, anno: 2015, ente: 'Cr.Forma', titolo: 'Corso ASA' };
    expect(campiCambiati(scheda({ formazione: [corso] }), scheda({ formazione: [riletto] }))).toEqual([]);
    expect(
      campiCambiati(scheda({ formazione: [corso] }), scheda({ formazione: [{ ...corso, ore: 900 }] })),
    ).toEqual(['formazione']);
  });

  it('names each changed field', () => {
    const dopo = scheda({ lingue: ['uk'], convivente: true, aree: ['019021'] });
    expect(campiCambiati(scheda(), dopo)).toEqual(['lingue', 'aree', 'convivente']);
  });

  it('the public view changes for published fields and for fields the new consent adds or withdraws', () => {
    expect(campiPubbliciCambiati(['lingue'], ['competenze'], ['competenze'])).toEqual([]);
    expect(campiPubbliciCambiati(['lingue'], ['lingue'], ['lingue'])).toEqual(['lingue']);
    expect(campiPubbliciCambiati([], ['lingue', 'aree'], ['aree', 'convivente'])).toEqual([
      'convivente',
      'lingue',
    ]);
    expect(campiPubbliciCambiati(['aree'], [], ['aree'])).toEqual(['aree']);
  });
});
