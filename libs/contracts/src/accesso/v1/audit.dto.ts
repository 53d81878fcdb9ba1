import { IsIn, IsISO8601, IsObject, IsOptional, IsString, IsUUID, Matches } from 'class-validator';
import { PaginazioneV1, paginaDi } from '../../common/pagination';
import { Descrizione, Nullable } from '../../common/schema-decorators';
import { ISO_DATE_PATTERN } from './persona.dto';

export const ESITI_AUDIT = ['consentito', 'negato'] as const;
export type EsitoAudit = (typeof ESITI_AUDIT)[number];

export class ElencaAuditV1 extends PaginazioneV1 {
  @IsOptional()
  @IsUUID()
  personaId?: string;

  @IsOptional()
  @IsString()
  utente?: string;

  @IsOptional()
  @IsIn(ESITI_AUDIT)
  esito?: EsitoAudit;

  @IsOptional()
  @Matches(ISO_DATE_PATTERN)
  dal?: string;

  @IsOptional()
  @Matches(ISO_DATE_PATTERN)
  al?: string;
}

export class VoceAuditV1 {
  @IsUUID()
  id: string;

  @IsISO8601()
  il: string;

  @IsString()
  utente: string;

  @IsString({ each: true })
  ruoli: string[];

  @IsString()
  azione: string;

  @IsString()
  risorsa: string;

  @Nullable()
  @IsString()
  risorsaId: string | null;

  @Nullable()
  @IsUUID()
  personaId: string | null;

  @Nullable()
  @IsString()
  @Descrizione('Motivo dichiarato (header `X-Motivo`)')
  motivo: string | null;

  @Nullable()
  @IsString()
  @Descrizione('Codice della finalità dichiarata (header `X-Finalita`)')
  finalita: string | null;

  @Nullable()
  @IsObject()
  @Descrizione(
    'Criteri di una ricerca o di un elenco: i nomi dei filtri, con il valore solo per quelli senza dati personali ("*" altrimenti)',
  )
  criteri: Record<string, unknown> | null;

  @IsIn(ESITI_AUDIT)
  esito: EsitoAudit;

  @Nullable()
  @IsString()
  correlationId: string | null;
}

export class PaginaAuditV1 extends paginaDi(VoceAuditV1) {}
