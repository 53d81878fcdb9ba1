import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import type { Classe } from './declarations';
import { Annidato, Intero } from './schema-decorators';

export class PaginazioneV1 {
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  pagina?: number;

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
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

    @Intero({ min: 1 })
    pagina: number;

    @Intero({ min: 1, max: 200 })
    perPagina: number;
  }
  return Pagina;
}
