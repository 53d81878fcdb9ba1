import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { DomainError, type EsitoAudit, type PaginazioneV1 } from '@ambito/contracts';
import { isIsoDate } from '@ambito/kernel';
import { pagina } from '@ambito/persistence';
import { VoceAuditEntity } from './voce-audit.entity';

/** Italian public offices count days in local time: an access at 00:30 on 1 March is in March. */
export const FUSO_ORARIO_AUDIT = 'Europe/Rome';

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
      const { dal, al } = periodo(filtro.dal ?? '1900-01-01', filtro.al ?? '9999-12-31');
      qb.andWhere(
        `v.il >= (CAST(:dal AS date)::timestamp AT TIME ZONE '${FUSO_ORARIO_AUDIT}')` +
          ` AND v.il < ((CAST(:al AS date) + 1)::timestamp AT TIME ZONE '${FUSO_ORARIO_AUDIT}')`,
        { dal, al },
      );
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
}

function periodo(dal: string, al: string): { dal: string; al: string } {
  for (const [campo, valore] of [
    ['dal', dal],
    ['al', al],
  ] as const)
    if (!isIsoDate(valore))
      throw new DomainError('DATA_NON_VALIDA', `Data ${campo} inesistente.`, [
        { campo, messaggi: ['data inesistente'] },
      ]);
  if (dal > al)
    throw new DomainError('DATA_NON_VALIDA', 'Il periodo finisce prima di cominciare.', [
      { campo: 'al', messaggi: ['precedente a dal'] },
    ]);
  return { dal, al };
}
