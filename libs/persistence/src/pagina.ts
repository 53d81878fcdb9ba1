import type { PaginazioneV1 } from '@ambito/contracts';

export const PER_PAGINA_PREDEFINITO = 20;

/** Offset and limit of a requested page (1-based). */
export function pagina(query: PaginazioneV1): { skip: number; take: number; numero: number } {
  const numero = query.pagina ?? 1;
  const take = query.perPagina ?? PER_PAGINA_PREDEFINITO;
  return { skip: (numero - 1) * take, take, numero };
}
