import type { OrdinamentoV1 } from '@ambito/contracts';
import { fineBeneficio } from './impegni-budget';
import { orderBySql, ordinaETaglia, ordinamentoValido, type VoceDaOrdinare } from './ordinamento';

const voce = (
  chiave: string,
  protocolloNumero: number,
  extra: Partial<VoceDaOrdinare> = {},
): VoceDaOrdinare => ({
  chiave,
  protocolloAnno: 2025,
  protocolloNumero,
  protocollataIl: protocolloNumero * 1000,
  iseeCentesimi: null,
  eta: null,
  prioritaGarantita: null,
  urgenza: null,
  importoMensileCentesimi: null,
  importoCentesimi: 100,
  ...extra,
});

const ISEE: OrdinamentoV1[] = [{ criterio: 'isee', verso: 'crescente' }];

describe('ordinaETaglia (the pure twin of the formation query)', () => {
  it('orders key by key, missing values last in either direction, ties by protocol number', () => {
    const voci = [
      voce('senza-isee', 1),
      voce('alto', 2, { iseeCentesimi: 900 }),
      voce('basso-tardi', 4, { iseeCentesimi: 100 }),
      voce('basso-presto', 3, { iseeCentesimi: 100 }),
    ];
    expect(ordinaETaglia(voci, ISEE, 1_000).map((v) => v.chiave)).toEqual([
      'basso-presto',
      'basso-tardi',
      'alto',
      'senza-isee',
    ]);
    expect(
      ordinaETaglia(voci, [{ criterio: 'isee', verso: 'decrescente' }], 1_000).map((v) => v.chiave),
    ).toEqual(['alto', 'basso-presto', 'basso-tardi', 'senza-isee']);
  });

  it('finances while the running total fits; the first that does not fit stops it, a smaller later one included', () => {
    const voci = [
      voce('a', 1, { iseeCentesimi: 1, importoCentesimi: 400 }),
      voce('b', 2, { iseeCentesimi: 2, importoCentesimi: 400 }),
      voce('c', 3, { iseeCentesimi: 3, importoCentesimi: 300 }),
      voce('d', 4, { iseeCentesimi: 4, importoCentesimi: 100 }),
    ];
    expect(ordinaETaglia(voci, ISEE, 1_000).map((v) => [v.posizione, v.chiave, v.stato])).toEqual([
      [1, 'a', 'finanziata'],
      [2, 'b', 'finanziata'],
      [3, 'c', 'idonea-non-finanziata'],
      [4, 'd', 'idonea-non-finanziata'],
    ]);
    // exactly the budget: financed
    expect(ordinaETaglia(voci.slice(0, 2), ISEE, 800).every((v) => v.stato === 'finanziata')).toBe(true);
  });

  it('accepts only the criteria of the vocabulary before they become SQL', () => {
    expect(orderBySql(ordinamentoValido([{ criterio: 'urgenza', verso: 'decrescente' }]))).toBe(
      `(i.chiavi->>'urgenza')::integer DESC NULLS LAST, i.protocollo_anno ASC, i.protocollo_numero ASC`,
    );
    for (const cattivo of [
      [{ criterio: 'isee; DROP TABLE istanza', verso: 'crescente' }],
      [{ criterio: 'isee', verso: 'su' }],
      'isee',
    ])
      expect(() => ordinamentoValido(cattivo)).toThrow(/ordinamento/);
  });
});

describe('fineBeneficio', () => {
  it('ends the day before the same day mesi months later, clamped to the month', () => {
    expect(fineBeneficio('2025-04-01', 12)).toBe('2026-03-31');
    expect(fineBeneficio('2025-01-31', 1)).toBe('2025-02-27');
    expect(fineBeneficio('2024-01-01', 2)).toBe('2024-02-29');
  });
});
