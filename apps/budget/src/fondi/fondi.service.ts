import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import {
  DomainError,
  type AnnualitaV1,
  type ElencaFondiV1,
  type FondoV1,
  type RegistraAssegnazioneV1,
  type TipoAtto,
  validazioneFallita,
} from '@ambito/contracts';
import { currentActor } from '@ambito/messaging';
import { cents } from '../database/sql';
import { assertGestore } from '../ruoli/budget-ruoli';

export const fondoSconosciuto = (codice: string) =>
  new DomainError('FONDO_SCONOSCIUTO', `Fondo sconosciuto: ${codice}.`);

/** The funds of the ambito and the annualità assigned to it, each with its legal acts. */
@Injectable()
export class FondiService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async elenca(dto: ElencaFondiV1): Promise<FondoV1[]> {
    assertGestore(currentActor());
    const fondi = await this.dataSource.query<
      Array<{ codice: string; denominazione: string; fondo_padre: string | null }>
    >(
      `SELECT codice, denominazione, fondo_padre FROM fondo WHERE $1::text IS NULL OR codice = $1 ORDER BY codice`,
      [dto.fondo ?? null],
    );
    const annualita = await this.dataSource.query<Array<{ fondo: string; anno: number; assegnato: string }>>(
      `SELECT a.fondo, a.anno, s.assegnato_centesimi AS assegnato
         FROM annualita a JOIN saldo_annualita s ON s.annualita_id = a.id ORDER BY a.fondo, a.anno`,
    );
    return fondi.map((f) => ({
      codice: f.codice,
      denominazione: f.denominazione,
      fondoPadre: f.fondo_padre,
      annualita: annualita
        .filter((a) => a.fondo === f.codice)
        .map((a) => ({ anno: a.anno, assegnatoCentesimi: cents(a.assegnato) })),
    }));
  }

  /** Records a legal act assigning money of a fund's annualità; the first act creates the annualità. */
  async registraAssegnazione(dto: RegistraAssegnazioneV1): Promise<AnnualitaV1> {
    const actor = currentActor();
    assertGestore(actor);
    return this.dataSource.transaction(async (manager) => {
      await assertFondo(manager, dto.fondo);
      await manager.query(
        `INSERT INTO annualita (fondo, anno) VALUES ($1, $2) ON CONFLICT (fondo, anno) DO NOTHING`,
        [dto.fondo, dto.anno],
      );
      // Locked: concurrent assegnazioni of one annualità are added up one at a time.
      const [annualita] = await manager.query<Array<{ id: string; oltre: boolean }>>(
        `SELECT a.id, coalesce((SELECT sum(importo_centesimi) FROM assegnazione WHERE annualita_id = a.id), 0)
                       + $3::numeric > $4::numeric AS oltre
           FROM annualita a WHERE fondo = $1 AND anno = $2 FOR UPDATE`,
        [dto.fondo, dto.anno, dto.importoCentesimi, Number.MAX_SAFE_INTEGER],
      );
      // Every balance of the fund is read back as an exact number of cents: its total must stay one.
      if (annualita.oltre) {
        throw validazioneFallita([
          {
            campo: 'importoCentesimi',
            messaggi: ['con questo importo il totale assegnato all’annualità supera il massimo ammesso'],
          },
        ]);
      }
      const [assegnazione] = await manager.query<Array<{ id: string }>>(
        `INSERT INTO assegnazione (annualita_id, atto_tipo, atto_numero, atto_data, importo_centesimi, registrata_da)
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
        [annualita.id, dto.atto.tipo, dto.atto.numero, dto.atto.data, dto.importoCentesimi, actor.userId],
      );
      await manager.query(
        `INSERT INTO movimento (tipo, importo_centesimi, annualita_id, assegnazione_id, registrato_da)
         VALUES ('assegnazione', $1, $2, $3, $4)`,
        [dto.importoCentesimi, annualita.id, assegnazione.id, actor.userId],
      );
      return this.annualita(manager, annualita.id);
    });
  }

  private async annualita(manager: EntityManager, id: string): Promise<AnnualitaV1> {
    const [a] = await manager.query<Array<{ id: string; fondo: string; anno: number; assegnato: string }>>(
      `SELECT a.id, a.fondo, a.anno, s.assegnato_centesimi AS assegnato
         FROM annualita a JOIN saldo_annualita s ON s.annualita_id = a.id WHERE a.id = $1`,
      [id],
    );
    const atti = await manager.query<
      Array<{
        id: string;
        atto_tipo: TipoAtto;
        atto_numero: string;
        atto_data: string;
        importo: string;
        il: Date;
      }>
    >(
      `SELECT id, atto_tipo, atto_numero, to_char(atto_data, 'YYYY-MM-DD') AS atto_data,
              importo_centesimi AS importo, registrata_il AS il
         FROM assegnazione WHERE annualita_id = $1 ORDER BY registrata_il`,
      [id],
    );
    return {
      id: a.id,
      fondo: a.fondo,
      anno: a.anno,
      assegnatoCentesimi: cents(a.assegnato),
      assegnazioni: atti.map((x) => ({
        id: x.id,
        atto: { tipo: x.atto_tipo, numero: x.atto_numero, data: x.atto_data },
        importoCentesimi: cents(x.importo),
        registrataIl: x.il.toISOString(),
      })),
    };
  }
}

export async function assertFondo(
  manager: EntityManager,
  codice: string,
): Promise<{ denominazione: string }> {
  const [fondo] = await manager.query<Array<{ denominazione: string }>>(
    `SELECT denominazione FROM fondo WHERE codice = $1`,
    [codice],
  );
  if (!fondo) throw fondoSconosciuto(codice);
  return fondo;
}
