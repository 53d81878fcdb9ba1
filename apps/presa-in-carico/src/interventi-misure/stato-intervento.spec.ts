import { derivaStato, statoAl, type EventoBeneficio } from './stato-intervento';

const B = '11111111-1111-4111-8111-111111111111';
const S1 = '22222222-2222-4222-8222-222222222222';
let n = 0;
const evento = (
  e: Partial<EventoBeneficio> & Pick<EventoBeneficio, 'tipo' | 'avvenutoIl'>,
): EventoBeneficio => ({
  eventoId: `e${++n}`,
  beneficioId: B,
  sospensioneId: null,
  dal: null,
  al: null,
  mese: null,
  liquidazioneId: null,
  liquidatoCentesimi: null,
  ...e,
});

describe('derivaStato: an intervento from misure, from its beneficio’s events in any order', () => {
  const sospeso = evento({
    tipo: 'sospeso',
    sospensioneId: S1,
    dal: '2025-06-30',
    al: null,
    avvenutoIl: '2025-06-30T08:00:00Z',
  });
  const ripreso = evento({
    tipo: 'ripreso',
    sospensioneId: S1,
    dal: '2025-07-10',
    avvenutoIl: '2025-07-10T08:00:00Z',
  });

  it('no event: attivo, nothing suspended or paid', () => {
    expect(derivaStato([])).toEqual({
      beneficioId: null,
      stato: 'attivo',
      terminaDal: null,
      sospensioni: [],
      mesiLiquidati: 0,
      ultimoMeseLiquidato: null,
      liquidatoCentesimi: 0,
    });
  });

  it('a ripreso closes its suspension the day before, whichever of the two arrived first', () => {
    const atteso = [{ sospensioneId: S1, dal: '2025-06-30', al: '2025-07-09' }];
    expect(derivaStato([sospeso, ripreso]).sospensioni).toEqual(atteso);
    expect(derivaStato([ripreso, sospeso]).sospensioni).toEqual(atteso);
    // A repeated event is the same fact.
    expect(derivaStato([ripreso, sospeso, ripreso, sospeso]).sospensioni).toEqual(atteso);
  });

  it('a ripreso from the suspension’s first day annuls it; a later sospeso reopens it', () => {
    const annullata = evento({
      tipo: 'ripreso',
      sospensioneId: S1,
      dal: '2025-06-30',
      avvenutoIl: '2025-08-01T00:00:00Z',
    });
    expect(derivaStato([sospeso, annullata]).sospensioni).toEqual([]);
    const riaperta = evento({
      tipo: 'sospeso',
      sospensioneId: S1,
      dal: '2025-09-01',
      al: '2025-09-30',
      avvenutoIl: '2025-09-02T00:00:00Z',
    });
    expect(derivaStato([riaperta, annullata, sospeso]).sospensioni).toEqual([
      { sospensioneId: S1, dal: '2025-09-01', al: '2025-09-30' },
    ]);
  });

  it('a ripreso without its sospeso yet changes nothing until the sospeso arrives', () => {
    expect(derivaStato([ripreso]).sospensioni).toEqual([]);
  });

  it('the earliest end wins, as in misure (a death after a definitive admission counts from its day)', () => {
    const revoca = evento({ tipo: 'revocato', dal: '2025-06-15', avvenutoIl: '2025-06-15T10:00:00Z' });
    const decesso = evento({ tipo: 'cessato', dal: '2025-06-01', avvenutoIl: '2025-06-20T10:00:00Z' });
    const tardivo = evento({ tipo: 'cessato', dal: '2025-07-01', avvenutoIl: '2025-07-01T10:00:00Z' });
    for (const ordine of [
      [revoca, decesso, tardivo],
      [tardivo, decesso, revoca],
    ])
      expect(derivaStato(ordine)).toMatchObject({
        stato: 'cessato',
        terminaDal: '2025-06-01',
        beneficioId: B,
      });
  });

  it('months liquidated counted once, the amount once per liquidazione', () => {
    const maggio = evento({
      tipo: 'liquidato',
      mese: '2025-05',
      liquidazioneId: 'l1',
      liquidatoCentesimi: 40_000,
      avvenutoIl: '2025-06-05T00:00:00Z',
    });
    const aprile = evento({
      tipo: 'liquidato',
      mese: '2025-04',
      liquidazioneId: 'l0',
      liquidatoCentesimi: 38_666,
      avvenutoIl: '2025-05-05T00:00:00Z',
    });
    expect(derivaStato([maggio, aprile, { ...maggio, eventoId: 'copia' }])).toMatchObject({
      mesiLiquidati: 2,
      ultimoMeseLiquidato: '2025-05',
      liquidatoCentesimi: 78_666,
    });
  });

  it('statoAl: sospeso only while a suspension covers the day; an ended beneficio stays ended', () => {
    const s = derivaStato([sospeso, ripreso]);
    expect(statoAl(s, '2025-07-01')).toBe('sospeso');
    expect(statoAl(s, '2025-07-10')).toBe('attivo');
    expect(statoAl({ ...s, stato: 'revocato', terminaDal: '2025-07-05' }, '2025-07-01')).toBe('revocato');
    expect(statoAl(derivaStato([sospeso]), '2030-01-01')).toBe('sospeso');
  });
});
