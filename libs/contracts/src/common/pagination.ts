import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import type { Classe } from './declarations';
import { Annidato, Intero } from './schema-decorators';

/**
 * Bounds of a page request: beyond them a query string's number (`pagina=99999999999999999999` is
 * 1e20, an integer to JavaScript) would become an OFFSET PostgreSQL refuses. 10,000 pages of 200 are
 * two million rows, more than any list of the platform; narrower filters find the rest.
 */
export const PAGINA_MASSIMA = 10_000;
export const PER_PAGINA_MASSIMO = 200;

export class PaginazioneV1 {
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'pagina: numero intero da 1 a 10000' })
  @Min(1, { message: 'pagina: numero intero da 1 a 10000' })
  @Max(PAGINA_MASSIMA, { message: 'pagina: numero intero da 1 a 10000' })
  pagina?: number;

  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'perPagina: numero intero da 1 a 200' })
  @Min(1, { message: 'perPagina: numero intero da 1 a 200' })
  @Max(PER_PAGINA_MASSIMO, { message: 'perPagina: numero intero da 1 a 200' })
  perPagina?: number;
}

export interface PaginaV1<T> {
  elementi: T[];
  totale: number;
  pagina: number;
  perPagina: number;
}

/**
 * The reply class of a page of `classe`, to be extended by a named class (the name is the schema's):
 * `export class PaginaAccessiV1 extends paginaDi(AccessoV1) {}`.
 */
export function paginaDi<T extends object>(classe: Classe<T>): Classe<PaginaV1<T>> {
  class Pagina implements PaginaV1<T> {
    @Annidato(() => classe, { lista: true })
    elementi: T[];

    @Intero({ min: 0 })
    totale: number;

    @Intero({ min: 1, max: PAGINA_MASSIMA })
    pagina: number;

    @Intero({ min: 1, max: PER_PAGINA_MASSIMO })
    perPagina: number;
  }
  return Pagina;
}
