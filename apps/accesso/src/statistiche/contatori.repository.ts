import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { ContatoreAccessiV1, ContatoriAccessiV1 } from '@ambito/contracts';
import { FUSO_ORARIO, periodoLocale } from '@ambito/audit';
import type { Visibilita } from '../scope/ambito-visibilita';

const FORMATO_PERIODO = { giorno: 'YYYY-MM-DD', mese: 'YYYY-MM' } as const;

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
}
