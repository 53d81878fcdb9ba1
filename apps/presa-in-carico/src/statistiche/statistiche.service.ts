import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { ConteggiCartelleRispostaV1, ConteggiCartelleV1, StatoCartella } from '@ambito/contracts';
import { currentActor } from '@ambito/messaging';
import { AuditService, SOGLIA_PERSONE, cellaPubblicabile } from '@ambito/audit';
import { nonConsentito, visibilitaConteggi } from '../scope/visibilita';

/**
 * Non-identifying figures for programming: cartelle by sub-ambito and state. A coordinator sees its
 * sub-ambiti in full; the Ufficio di Piano and the administrator (whole ambito, aggregates only) get no
 * cell of fewer than `soglia` cartelle, i.e. persons (one cartella per codice fiscale). The cells have no
 * time or comune dimension and the total is the sum of the published ones, so nothing else needs
 * withholding (libs/audit riservatezza-statistica).
 */
@Injectable()
export class StatisticheService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    @Inject(SOGLIA_PERSONE) private readonly soglia: number,
  ) {}

  async conteggi(query: ConteggiCartelleV1): Promise<ConteggiCartelleRispostaV1> {
    const actor = currentActor();
    let subAmbiti: string[] | null;
    try {
      subAmbiti = visibilitaConteggi(actor);
      if (query.subAmbito && subAmbiti && !subAmbiti.includes(query.subAmbito)) throw nonConsentito();
    } catch (error) {
      throw await this.audit.negato(actor, { azione: 'conteggi', risorsa: 'statistiche' }, error as Error);
    }
    const filtro = query.subAmbito ? [query.subAmbito] : subAmbiti;
    const rows: { sub_ambito: string; stato: StatoCartella; totale: number }[] = await this.dataSource.query(
      `SELECT sub_ambito, stato, count(*)::int AS totale FROM cartella
       WHERE $1::text[] IS NULL OR sub_ambito = ANY($1)
       GROUP BY sub_ambito, stato ORDER BY sub_ambito, stato`,
      [filtro],
    );
    const celle = rows.map((r) => ({ subAmbito: r.sub_ambito, stato: r.stato, totale: r.totale }));
    const soloAggregati = subAmbiti === null;
    const righe = soloAggregati
      ? celle.filter((c) => cellaPubblicabile({ persone: c.totale }, this.soglia))
      : celle;
    return {
      righe,
      totale: righe.reduce((t, r) => t + r.totale, 0),
      celleOmesse: celle.length - righe.length,
      sogliaPersone: soloAggregati ? this.soglia : null,
    };
  }
}
