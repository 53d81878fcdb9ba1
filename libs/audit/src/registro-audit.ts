import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { EsitoAudit, PaginaV1, PaginazioneV1 } from '@ambito/contracts';
import { pagina } from '@ambito/persistence';
import { periodoLocaleAperto } from './periodo-locale';
import { VoceAuditEntity, type CriteriAudit } from './voce-audit.entity';

export interface FiltroAudit extends PaginazioneV1 {
  utente?: string;
  risorsa?: string;
  risorsaId?: string;
  soggettoTipo?: string;
  soggettoId?: string;
  esito?: EsitoAudit;
  /** First and last local day (YYYY-MM-DD, both included); either may be missing. */
  dal?: string;
  al?: string;
}

export interface PaginaAudit {
  voci: VoceAuditEntity[];
  totale: number;
  pagina: number;
  perPagina: number;
}

/**
 * The audit log as the administrator or the DPO reads it: newest first, by period, user, resource,
 * subject and esito. Who may read it is the calling service's rule, checked before calling.
 */
@Injectable()
export class RegistroAudit {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async elenca(filtro: FiltroAudit): Promise<PaginaAudit> {
    const qb = this.dataSource.getRepository(VoceAuditEntity).createQueryBuilder('v');
    if (filtro.utente) qb.andWhere('v.utente = :utente', { utente: filtro.utente });
    if (filtro.risorsa) qb.andWhere('v.risorsa = :risorsa', { risorsa: filtro.risorsa });
    if (filtro.risorsaId) qb.andWhere('v.risorsa_id = :risorsaId', { risorsaId: filtro.risorsaId });
    if (filtro.soggettoTipo)
      qb.andWhere('v.soggetto_tipo = :soggettoTipo', { soggettoTipo: filtro.soggettoTipo });
    if (filtro.soggettoId) qb.andWhere('v.soggetto_id = :soggettoId', { soggettoId: filtro.soggettoId });
    if (filtro.esito) qb.andWhere('v.esito = :esito', { esito: filtro.esito });
    if (filtro.dal || filtro.al) {
      const periodo = periodoLocaleAperto(filtro.dal, filtro.al);
      qb.andWhere(`v.il >= ${periodo.da} AND v.il < ${periodo.a}`, periodo.parametri);
    }
    const { skip, take, numero } = pagina(filtro);
    const [voci, totale] = await qb
      .orderBy('v.il', 'DESC')
      .addOrderBy('v.id')
      .skip(skip)
      .take(take)
      .getManyAndCount();
    return { voci, totale, pagina: numero, perPagina: take };
  }

  /** The same page as a service's reply: each row through `mappa` (usually `toVoceAudit` plus the subject). */
  async elencaVoci<T>(filtro: FiltroAudit, mappa: (voce: VoceAuditEntity) => T): Promise<PaginaV1<T>> {
    const { voci, totale, pagina, perPagina } = await this.elenca(filtro);
    return { elementi: voci.map(mappa), totale, pagina, perPagina };
  }
}

/** The fields of an audit row that every service's reply shows; the service adds its subject's id. */
export interface VoceAuditComune {
  id: string;
  il: string;
  utente: string;
  ruoli: string[];
  azione: string;
  risorsa: string;
  risorsaId: string | null;
  motivo: string | null;
  finalita: string | null;
  criteri: CriteriAudit | null;
  esito: EsitoAudit;
  correlationId: string | null;
}

export function toVoceAudit(v: VoceAuditEntity): VoceAuditComune {
  return {
    id: v.id,
    il: v.il.toISOString(),
    utente: v.utente,
    ruoli: v.ruoli,
    azione: v.azione,
    risorsa: v.risorsa,
    risorsaId: v.risorsaId,
    motivo: v.motivo,
    finalita: v.finalita,
    criteri: v.criteri,
    esito: v.esito,
    correlationId: v.correlationId,
  };
}
