import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { ContatoriAccessiRispostaV1, ContatoriAccessiV1, ContatoreAccessiV1 } from '@ambito/contracts';
import { currentActor } from '@ambito/messaging';
import { FUSO_ORARIO, periodoLocale } from '../accessi/periodo';
import { visibilitaStatistiche } from '../scope/ambito-visibilita';

const FORMATO_PERIODO = { giorno: 'YYYY-MM-DD', mese: 'YYYY-MM' } as const;

/** Daily or monthly counts of accessi by area di bisogno and comune of residence: no personal data. */
@Injectable()
export class ContatoriService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async contatori(query: ContatoriAccessiV1): Promise<ContatoriAccessiRispostaV1> {
    const visibilita = visibilitaStatistiche(currentActor());
    const periodo = periodoLocale(query.dal, query.al);
    const qb = this.dataSource
      .createQueryBuilder()
      .select(`to_char(a.data_ora AT TIME ZONE '${FUSO_ORARIO}', :formato)`, 'periodo')
      .addSelect('a.area_bisogno', 'areaBisogno')
      .addSelect('a.comune_residenza', 'comune')
      .addSelect('count(*)::int', 'totale')
      .from('accesso', 'a')
      .where(`a.data_ora >= ${periodo.da} AND a.data_ora < ${periodo.a}`, {
        ...periodo.parametri,
        formato: FORMATO_PERIODO[query.granularita],
      });
    if (visibilita)
      qb.andWhere('(a.sub_ambito = ANY(:subAmbiti) OR a.comune_residenza = ANY(:comuni))', visibilita);
    if (query.subAmbito) qb.andWhere('a.sub_ambito = :subAmbito', { subAmbito: query.subAmbito });
    if (query.comune) qb.andWhere('a.comune_residenza = :comune', { comune: query.comune });
    const righe = await qb
      .groupBy('1, 2, 3')
      .orderBy('1')
      .addOrderBy('3')
      .addOrderBy('2')
      .getRawMany<ContatoreAccessiV1>();
    return {
      dal: query.dal,
      al: query.al,
      granularita: query.granularita,
      righe,
      totale: righe.reduce((sum, r) => sum + r.totale, 0),
    };
  }
}
