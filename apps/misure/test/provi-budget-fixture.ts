import { BUDGET_RPC } from '@ambito/contracts';
// The real budget service, in-process (test code only): misure charges the Pro.Vi. rendiconti there.
// eslint-disable-next-line @nx/enforce-module-boundaries
import { ATTORI as ATTORI_BUDGET, assegnazione, type TestBudget } from '../../budget/test/budget-harness';

/** The determina of the tests' rendiconti. */
export const DETERMINA_PRO_VI = { numero: '91/2025', data: '2025-06-10' };

/**
 * A Pro.Vi. line in the real budget as an Ufficio di Piano sets it up: FNA-PROVI and the ambito's
 * COFIN-AMBITO assigned and allocated to the line (the fund rule wants ≥ 20 % cofinanziamento), and misure
 * granted commitments and liquidazioni on it. Returns the line's code.
 */
export async function lineaProVi(
  budget: TestBudget,
  o: {
    codice?: string;
    fondoCentesimi?: number;
    ambitoCentesimi?: number;
    anno?: number;
    /** false: misure is not granted the line. */
    abilitata?: boolean;
  } = {},
): Promise<string> {
  const codice = o.codice ?? 'PROVI-2025';
  const anno = o.anno ?? 2025;
  const fondo = o.fondoCentesimi ?? 8_000_000;
  const ambito = o.ambitoCentesimi ?? 2_000_000;
  const b = budget.as(ATTORI_BUDGET.udp);
  await b(BUDGET_RPC.registraAssegnazione, assegnazione('FNA-PROVI', anno, fondo));
  await b(BUDGET_RPC.registraAssegnazione, assegnazione('COFIN-AMBITO', anno, ambito));
  await b(BUDGET_RPC.registraLinea, {
    codice,
    denominazione: 'Progetti di vita indipendente',
    esercizio: 2025,
    categoria: 'provi',
    preventivoCentesimi: fondo + ambito,
  });
  await b(BUDGET_RPC.assegnaDotazione, { fondo: 'FNA-PROVI', anno, linea: codice, importoCentesimi: fondo });
  await b(BUDGET_RPC.assegnaDotazione, {
    fondo: 'COFIN-AMBITO',
    anno,
    linea: codice,
    importoCentesimi: ambito,
  });
  if (o.abilitata === false) return codice;
  await b(BUDGET_RPC.registraAbilitazione, {
    servizio: 'misure',
    linea: codice,
    operazioni: ['impegno', 'liquidazione'],
    validoDal: '2025-01-01',
    atto: { tipo: 'determina', numero: '13/2025', data: '2024-12-30' },
  });
  return codice;
}
