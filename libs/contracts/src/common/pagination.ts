import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

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
