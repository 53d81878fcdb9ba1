import { modificheInterventiMisura, type LegameMisura } from './ritorno-misure';

const IM = '11111111-1111-4111-8111-111111111111';
const legame = (modifica: Partial<LegameMisura> = {}): LegameMisura => ({
  interventoMisuraId: IM,
  al: '2026-03-31',
  sospensione: null,
  ...modifica,
});
const fine = new Map([[IM, '2026-03-31']]);

describe('modificheInterventiMisura: what an approved version changed of an intervento from the misure', () => {
  it('an intervento left out ends the day before the new version begins', () => {
    expect(modificheInterventiMisura([legame()], [], '2025-10-01', fine)).toEqual([
      { interventoMisuraId: IM, modifiche: ['terminato'], al: '2025-09-30', sospensione: null },
    ]);
  });

  it('left out after its own end: its own last day stays', () => {
    expect(modificheInterventiMisura([legame({ al: '2025-08-31' })], [], '2025-10-01', fine)[0].al).toBe(
      '2025-08-31',
    );
  });

  it('a changed last day, a suspension stated: both told, with what the version says now', () => {
    const sospensione = { dal: '2025-06-10', al: '2025-06-19' };
    expect(
      modificheInterventiMisura([legame()], [legame({ al: '2025-09-15', sospensione })], '2025-06-01', fine),
    ).toEqual([
      {
        interventoMisuraId: IM,
        modifiche: ['fine-modificata', 'sospensione-modificata'],
        al: '2025-09-15',
        sospensione,
      },
    ]);
  });

  it('first linked: compared with the concessione; the same end and no suspension changes nothing', () => {
    expect(modificheInterventiMisura([], [legame()], '2025-04-01', fine)).toEqual([]);
    expect(modificheInterventiMisura([], [legame({ al: '2025-12-31' })], '2025-04-01', fine)).toEqual([
      { interventoMisuraId: IM, modifiche: ['fine-modificata'], al: '2025-12-31', sospensione: null },
    ]);
  });

  it('a revision that keeps the intervento as it was tells nothing; a suspension removed is told', () => {
    const s = { dal: '2025-06-10', al: null };
    expect(
      modificheInterventiMisura(
        [legame({ sospensione: s })],
        [legame({ sospensione: s })],
        '2025-07-01',
        fine,
      ),
    ).toEqual([]);
    expect(modificheInterventiMisura([legame({ sospensione: s })], [legame()], '2025-07-01', fine)).toEqual([
      { interventoMisuraId: IM, modifiche: ['sospensione-modificata'], al: '2026-03-31', sospensione: null },
    ]);
  });
});
