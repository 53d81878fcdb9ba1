import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { EsitoNucleoAdiV1, ImportazioneGepiV1 } from '@ambito/contracts';

interface RigaImportazione {
  id: string;
  impronta: string;
  nome_file: string;
  mappatura: string;
  righe: number;
  aperte: number;
  unite: number;
  gia_presenti: number;
  persone_in_anagrafe: number;
  importata_il: Date;
}

export interface NuovaImportazione {
  impronta: string;
  nomeFile: string;
  mappatura: string;
  personeInAnagrafe: number;
  importataDa: string;
  esiti: (EsitoNucleoAdiV1 & { riga: number })[];
}

function toImportazioneV1(r: RigaImportazione, ripetuta: boolean): ImportazioneGepiV1 {
  return {
    id: r.id,
    nomeFile: r.nome_file,
    impronta: r.impronta,
    mappatura: r.mappatura,
    righe: r.righe,
    aperte: r.aperte,
    unite: r.unite,
    giaPresenti: r.gia_presenti,
    personeInAnagrafe: r.persone_in_anagrafe,
    importataIl: r.importata_il.toISOString(),
    ripetuta,
  };
}

/** The GePI imports (raw SQL, as ADR 0006): no personal data, only counts, ids and the file's hash. */
@Injectable()
export class ImportazioniGepiRepository {
  constructor(@InjectDataSource() readonly dataSource: DataSource) {}

  async perImpronta(impronta: string): Promise<ImportazioneGepiV1 | null> {
    const [r] = await this.dataSource.query<RigaImportazione[]>(
      `SELECT * FROM importazione_gepi WHERE impronta = $1`,
      [impronta],
    );
    return r ? toImportazioneV1(r, true) : null;
  }

  /**
   * Records an import and its households, in the caller's transaction. The same file recorded meanwhile
   * by a concurrent request (same hash) wins: its row is returned as a repetition.
   */
  async registra(manager: EntityManager, n: NuovaImportazione): Promise<ImportazioneGepiV1> {
    const conta = (esito: string) => n.esiti.filter((e) => e.esito === esito).length;
    const [r] = await manager.query<RigaImportazione[]>(
      `INSERT INTO importazione_gepi
         (impronta, nome_file, mappatura, righe, aperte, unite, gia_presenti, persone_in_anagrafe, importata_da)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
       ON CONFLICT (impronta) DO NOTHING RETURNING *`,
      [
        n.impronta,
        n.nomeFile,
        n.mappatura,
        n.esiti.length,
        conta('aperta'),
        conta('unita'),
        conta('gia-presente'),
        n.personeInAnagrafe,
        n.importataDa,
      ],
    );
    if (!r) {
      const [esistente] = await manager.query<RigaImportazione[]>(
        `SELECT * FROM importazione_gepi WHERE impronta = $1`,
        [n.impronta],
      );
      return toImportazioneV1(esistente, true);
    }
    await manager.query(
      `INSERT INTO nucleo_gepi (importazione_id, riga, codice_domanda, esito, cartella_id, nucleo_id)
       SELECT $1, * FROM unnest($2::int[], $3::text[], $4::text[], $5::uuid[], $6::uuid[])`,
      [
        r.id,
        n.esiti.map((e) => e.riga),
        n.esiti.map((e) => e.codiceDomanda),
        n.esiti.map((e) => e.esito),
        n.esiti.map((e) => e.cartellaId),
        n.esiti.map((e) => e.nucleoId),
      ],
    );
    return toImportazioneV1(r, false);
  }
}
