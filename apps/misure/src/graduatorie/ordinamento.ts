import {
  CRITERI_ORDINAMENTO,
  DomainError,
  type CriterioOrdinamento,
  type OrdinamentoV1,
  type StatoVoceGraduatoria,
} from '@ambito/contracts';

/*
 * The order of a graduatoria and its budget cut, twice: as SQL for the bulk path (one ordering query over
 * the istanze's last results) and as a pure function for the simulation. Both read the same keys with
 * the same rules, and a test runs them on the same data:
 *
 * - the rule set's `ordinamento`, key by key, each ascending or descending, missing values last;
 * - then the protocol number (year, number) ascending: the last tie-break, always;
 * - financed while the running total of the amounts stays within the budget. Amounts are never negative,
 *   so the running total only grows: the first istanza that does not fit ends the financed ones, and
 *   the following ones are idonee non finanziate even if a smaller one would fit (the order is the
 *   graduatoria's, not a knapsack).
 */

/** What ordering and cutting read of an istanza (its last istruttoria's result, its protocol). */
export interface VoceDaOrdinare {
  /** The istanza's id, or the simulation's riferimento. */
  chiave: string;
  protocolloAnno: number;
  protocolloNumero: number;
  /** Epoch milliseconds of the protocol. */
  protocollataIl: number;
  iseeCentesimi: number | null;
  eta: number | null;
  prioritaGarantita: number | null;
  urgenza: number | null;
  importoMensileCentesimi: number | null;
  importoCentesimi: number;
}

export interface VoceOrdinata extends VoceDaOrdinare {
  posizione: number;
  stato: Extract<StatoVoceGraduatoria, 'finanziata' | 'idonea-non-finanziata'>;
}

/** The SQL expression of each criterion over `istanza i` (columns and ChiaviOrdinamentoV1 in `chiavi`). */
const COLONNA_SQL: Record<CriterioOrdinamento, string> = {
  isee: 'i.isee_centesimi',
  eta: `(i.chiavi->>'eta')::integer`,
  'priorita-garantita': `(i.chiavi->>'prioritaGarantita')::integer`,
  urgenza: `(i.chiavi->>'urgenza')::integer`,
  protocollo: 'i.protocollata_il',
};

const VALORE: Record<CriterioOrdinamento, (v: VoceDaOrdinare) => number | null> = {
  isee: (v) => v.iseeCentesimi,
  eta: (v) => v.eta,
  'priorita-garantita': (v) => v.prioritaGarantita,
  urgenza: (v) => v.urgenza,
  protocollo: (v) => v.protocollataIl,
};

/**
 * The rule set's ordering, checked: it comes from a stored document and becomes SQL, so only the
 * criteria of the vocabulary pass (never text of the document into the query).
 */
export function ordinamentoValido(ordinamento: unknown): OrdinamentoV1[] {
  if (!Array.isArray(ordinamento))
    throw new DomainError('VALIDAZIONE_FALLITA', 'Le regole dell’avviso non hanno un ordinamento valido.');
  return ordinamento.map((o: Partial<OrdinamentoV1>) => {
    if (
      !CRITERI_ORDINAMENTO.includes(o?.criterio as CriterioOrdinamento) ||
      (o.verso !== 'crescente' && o.verso !== 'decrescente')
    )
      throw new DomainError(
        'VALIDAZIONE_FALLITA',
        `Criterio di ordinamento non valido nelle regole dell’avviso: ${JSON.stringify(o)}.`,
      );
    return { criterio: o.criterio as CriterioOrdinamento, verso: o.verso };
  });
}

/** `ORDER BY` of the ordering query: the rule set's keys, then the protocol number. */
export function orderBySql(ordinamento: OrdinamentoV1[]): string {
  const chiavi = ordinamento.map(
    (o) => `${COLONNA_SQL[o.criterio]} ${o.verso === 'crescente' ? 'ASC' : 'DESC'} NULLS LAST`,
  );
  return [...chiavi, 'i.protocollo_anno ASC', 'i.protocollo_numero ASC'].join(', ');
}

function confronta(ordinamento: OrdinamentoV1[]) {
  return (a: VoceDaOrdinare, b: VoceDaOrdinare): number => {
    for (const o of ordinamento) {
      const va = VALORE[o.criterio](a);
      const vb = VALORE[o.criterio](b);
      if (va === vb) continue;
      // Missing values last, whatever the direction (NULLS LAST).
      if (va === null) return 1;
      if (vb === null) return -1;
      return o.verso === 'crescente' ? va - vb : vb - va;
    }
    return a.protocolloAnno - b.protocolloAnno || a.protocolloNumero - b.protocolloNumero;
  };
}

/** The pure path: the same order and cut as the SQL one. */
export function ordinaETaglia(
  voci: VoceDaOrdinare[],
  ordinamento: OrdinamentoV1[],
  budgetCentesimi: number,
): VoceOrdinata[] {
  let cumulato = 0;
  return [...voci].sort(confronta(ordinamento)).map((v, i) => {
    cumulato += v.importoCentesimi;
    return {
      ...v,
      posizione: i + 1,
      stato: cumulato <= budgetCentesimi ? 'finanziata' : 'idonea-non-finanziata',
    };
  });
}
