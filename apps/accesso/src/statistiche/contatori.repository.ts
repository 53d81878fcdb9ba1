import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { ContatoreAccessiV1, ContatoriAccessiV1 } from '@ambito/contracts';
import { FUSO_ORARIO, periodoLocale, type CellaConteggiata } from '@ambito/audit';
import type { Visibilita } from '../scope/ambito-visibilita';

const FORMATO_PERIODO = { giorno: 'YYYY-MM-DD', mese: 'YYYY-MM' } as const;

/** A monthly cell of the whole ambito with what the confidentiality rule needs to judge it. */
export type CellaAmbito = ContatoreAccessiV1 & Required<CellaConteggiata>;

/** Counts of accessi by local day or month, area di bisogno and comune of residence. */
@Injectable()
export class ContatoriRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** `visibilita` null: the whole ambito. */
  conta(filtro: ContatoriAccessiV1, visibilita: Visibilita | null): Promise<ContatoreAccessiV1[]> {
    const periodo = periodoLocale(filtro.dal, filtro.al);
    const qb = this.dataSource
      .createQueryBuilder()
      .select(`to_char(a.data_ora AT TIME ZONE '${FUSO_ORARIO}', :formato)`, 'periodo')
      .addSelect('a.area_bisogno', 'areaBisogno')
      .addSelect('a.comune_residenza', 'comune')
      .addSelect('count(*)::int', 'totale')
      .from('accesso', 'a')
      .where(`a.data_ora >= ${periodo.da} AND a.data_ora < ${periodo.a}`, {
        ...periodo.parametri,
        formato: FORMATO_PERIODO[filtro.granularita],
      });
    if (visibilita)
      qb.andWhere('(a.sub_ambito = ANY(:subAmbiti) OR a.comune_residenza = ANY(:comuni))', visibilita);
    if (filtro.subAmbito) qb.andWhere('a.sub_ambito = :subAmbito', { subAmbito: filtro.subAmbito });
    if (filtro.comune) qb.andWhere('a.comune_residenza = :comune', { comune: filtro.comune });
    return qb
      .groupBy('1, 2, 3')
      .orderBy('1')
      .addOrderBy('3')
      .addOrderBy('2')
      .getRawMany<ContatoreAccessiV1>();
  }

  /**
   * Monthly cells of the whole ambito, with the distinct persons of each. The `subAmbito` filter (the
   * sub-ambito of the sede) cuts across the cells, which are by comune of residence: the part of each
   * cell it leaves out is counted too, so that the rule can withhold a cell whose complement is small.
   */
  contaMensiliAmbito(filtro: ContatoriAccessiV1): Promise<CellaAmbito[]> {
    const periodo = periodoLocale(filtro.dal, filtro.al);
    const dentro = filtro.subAmbito ? 'a.sub_ambito = :subAmbito' : 'TRUE';
    const qb = this.dataSource
      .createQueryBuilder()
      .select(`to_char(a.data_ora AT TIME ZONE '${FUSO_ORARIO}', 'YYYY-MM')`, 'periodo')
      .addSelect('a.area_bisogno', 'areaBisogno')
      .addSelect('a.comune_residenza', 'comune')
      .addSelect(`(count(*) FILTER (WHERE ${dentro}))::int`, 'totale')
      .addSelect(`(count(DISTINCT a.persona_id) FILTER (WHERE ${dentro}))::int`, 'persone')
      .addSelect(`(count(*) FILTER (WHERE NOT (${dentro})))::int`, 'totaleFuori')
      .addSelect(`(count(DISTINCT a.persona_id) FILTER (WHERE NOT (${dentro})))::int`, 'personeFuori')
      .from('accesso', 'a')
      .where(`a.data_ora >= ${periodo.da} AND a.data_ora < ${periodo.a}`, {
        ...periodo.parametri,
        subAmbito: filtro.subAmbito,
      });
    if (filtro.comune) qb.andWhere('a.comune_residenza = :comune', { comune: filtro.comune });
    return qb
      .groupBy('1, 2, 3')
      .having(`count(*) FILTER (WHERE ${dentro}) > 0`)
      .orderBy('1')
      .addOrderBy('3')
      .addOrderBy('2')
      .getRawMany<CellaAmbito>();
  }
}
