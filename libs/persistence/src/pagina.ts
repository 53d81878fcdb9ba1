import {
  PAGINA_MASSIMA,
  PER_PAGINA_MASSIMO,
  validazioneFallita,
  type PaginazioneV1,
} from '@ambito/contracts';

export const PER_PAGINA_PREDEFINITO = 20;

/** Offset and limit of a requested page (1-based). */
export function pagina(query: PaginazioneV1): { skip: number; take: number; numero: number } {
  const numero = query.pagina ?? 1;
  const take = query.perPagina ?? PER_PAGINA_PREDEFINITO;
  // The contract bounds them already; a caller that skipped it gets the same answer, not a SQL error.
  if (!Number.isInteger(numero) || numero < 1 || numero > PAGINA_MASSIMA) {
    throw validazioneFallita([{ campo: 'pagina', messaggi: ['pagina: numero intero da 1 a 10000'] }]);
  }
  if (!Number.isInteger(take) || take < 1 || take > PER_PAGINA_MASSIMO) {
    throw validazioneFallita([{ campo: 'perPagina', messaggi: ['perPagina: numero intero da 1 a 200'] }]);
  }
  return { skip: (numero - 1) * take, take, numero };
}
