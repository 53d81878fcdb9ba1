import { IsIn, IsOptional, IsString, IsUUID, Matches } from 'class-validator';
import { PaginazioneV1 } from '../../common/pagination';
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

export interface VoceAuditV1 {
  id: string;
  il: string;
  utente: string;
  ruoli: string[];
  azione: string;
  risorsa: string;
  risorsaId: string | null;
  personaId: string | null;
  motivo: string | null;
  esito: EsitoAudit;
  correlationId: string | null;
}
