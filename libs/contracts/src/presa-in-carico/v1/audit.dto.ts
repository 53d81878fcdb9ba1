import { DescrizioneClasse } from '../../common/schema-decorators';
import { IsIn, IsISO8601, IsObject, IsOptional, IsString, IsUUID } from 'class-validator';
import { ESITI_AUDIT, type EsitoAudit } from '../../accesso/v1/audit.dto';
import { PaginazioneV1, paginaDi } from '../../common/pagination';
import { Descrizione, Nullable } from '../../common/schema-decorators';

/** The audit log of the cartelle, for the administrator (data subject requests, DPO). */
export class ElencaAuditCartelleV1 extends PaginazioneV1 {
  @IsOptional()
  @IsUUID()
  cartellaId?: string;

  @IsOptional()
  @IsString()
  utente?: string;

  @IsOptional()
  @IsIn(ESITI_AUDIT)
  esito?: EsitoAudit;
}

@DescrizioneClasse('Voce del registro degli accessi alle cartelle')
export class VoceAuditCartellaV1 {
  @IsUUID()
  id: string;

  @IsISO8601()
  @Descrizione('Quando')
  il: string;

  @IsString()
  @Descrizione('Identificativo dell’utente')
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
  cartellaId: string | null;

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
  @Descrizione('Codice del rifiuto')
  codiceErrore: string | null;

  @Nullable()
  @IsString()
  correlationId: string | null;
}

export class PaginaAuditCartelleV1 extends paginaDi(VoceAuditCartellaV1) {}
