import type { Rotta } from './rotta';

/** The REST operations of the budget service. */
export const BUDGET_ROUTES: Rotta[] = [];
