import type { Rotta } from './rotta';

/** The REST operations of the presa-in-carico service. */
export const PRESA_IN_CARICO_ROUTES: Rotta[] = [];
