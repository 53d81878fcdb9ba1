import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import {
  BUDGET_EVENTS,
  DomainError,
  type AssegnaDotazioneV1,
  type CategoriaLinea,
  type DotazioneV1,
  type ElencaLineeV1,
  type LineaV1,
  type RegistraArticoloV1,
  type RegistraLineaV1,
} from '@ambito/contracts';
import { Money } from '@ambito/kernel';
import { OutboxWriter, currentActor, istruzionePreparata } from '@ambito/messaging';
import { cents, differenza } from '../database/sql';
import { isViolation } from '@ambito/persistence';
import { assertFondo } from '../fondi/fondi.service';
import { assertGestore } from '../ruoli/budget-ruoli';
import { RegoleFondo } from './regole-fondo';

export interface LineaRow {
  id: string;
  codice: string;
  denominazione: string;
  esercizio: number;
  categoria: CategoriaLinea;
  obiettivo: string | null;
  preventivo_centesimi: string;
  /** Set on an articolo: the line it articulates and the fund it is bound to. */
  linea_padre_id: string | null;
  linea_padre: string | null;
  fondo_vincolo: string | null;
}

const COLONNE_LINEA = `id, codice, denominazione, esercizio, categoria, obiettivo, preventivo_centesimi, linea_padre_id,
  fondo_vincolo, (SELECT p.codice FROM linea p WHERE p.id = linea.linea_padre_id) AS linea_padre`;

export const lineaNonTrovata = (codice: string) =>
  new DomainError('LINEA_NON_TROVATA', `Linea di spesa non trovata: ${codice}.`);

export function toLineaV1(l: LineaRow): LineaV1 {
  return {
    id: l.id,
    codice: l.codice,
    denominazione: l.denominazione,
    esercizio: l.esercizio,
    categoria: l.categoria,
    obiettivo: l.obiettivo,
    preventivoCentesimi: cents(l.preventivo_centesimi),
    lineaPadre: l.linea_padre,
    fondo: l.fondo_vincolo,
  };
}

/**
 * Whether the line is split into articoli, read after the caller locked it (a new statement, so an
 * articolo committed while the caller waited for the lock is seen).
 */
export async function haArticoli(manager: EntityManager, lineaId: string): Promise<boolean> {
  const [riga] = await manager.query<Array<{ si: boolean }>>(
    istruzionePreparata(`SELECT EXISTS (SELECT 1 FROM linea WHERE linea_padre_id = $1) AS si`),
    [lineaId],
  );
  return riga.si;
}

/** A line with articoli takes no money directly: its articoli do, each from its own fund. */
export async function assertNonArticolata(manager: EntityManager, linea: LineaRow): Promise<void> {
  if (await haArticoli(manager, linea.id))
    throw new DomainError(
      'LINEA_ARTICOLATA',
      `La linea ${linea.codice} è articolata per misura: operare su uno dei suoi articoli.`,
    );
}

/**
 * Loads a line locked for update: every change of what a line has available (dotazione, impegno,
 * liberazione) takes this lock first, so they happen one at a time per line.
 */
export async function lineaBloccata(manager: EntityManager, codice: string): Promise<LineaRow> {
  const [linea] = await manager.query<LineaRow[]>(
    istruzionePreparata(`SELECT ${COLONNE_LINEA} FROM linea WHERE codice = $1 FOR UPDATE`),
    [codice],
  );
  if (!linea) throw lineaNonTrovata(codice);
  return linea;
}

/** The lines of the piano operativo and the dotazioni that fund them. */
@Injectable()
export class LineeService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly regole: RegoleFondo,
    private readonly outbox: OutboxWriter,
  ) {}

  async registra(dto: RegistraLineaV1): Promise<LineaV1> {
    const actor = currentActor();
    assertGestore(actor);
    try {
      const [linea] = await this.dataSource.query<LineaRow[]>(
        `INSERT INTO linea (codice, denominazione, esercizio, categoria, obiettivo, preventivo_centesimi, registrata_da)
         VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING ${COLONNE_LINEA}`,
        [
          dto.codice,
          dto.denominazione,
          dto.esercizio,
          dto.categoria,
          dto.obiettivo ?? null,
          dto.preventivoCentesimi,
          actor.userId,
        ],
      );
      return toLineaV1(linea);
    } catch (error) {
      if (isViolation(error, '23505', 'uq_linea_codice'))
        throw new DomainError('LINEA_GIA_REGISTRATA', `Esiste già una linea di spesa ${dto.codice}.`);
      throw error;
    }
  }

  /**
   * An articolo of a line, bound to one fund, in the line's esercizio. The line is locked, so a
   * dotazione of the line itself cannot slip in meanwhile; a line that already has money of its own, or
   * is an articolo itself, is not articulated.
   */
  async registraArticolo(dto: RegistraArticoloV1): Promise<LineaV1> {
    const actor = currentActor();
    assertGestore(actor);
    try {
      return await this.dataSource.transaction(async (manager) => {
        const padre = await lineaBloccata(manager, dto.linea);
        if (padre.linea_padre_id !== null)
          throw new DomainError(
            'ARTICOLO_NON_AMMESSO',
            `${padre.codice} è già un articolo della linea ${padre.linea_padre}: gli articoli non si articolano.`,
          );
        const [dotata] = await manager.query<Array<{ si: boolean }>>(
          `SELECT EXISTS (SELECT 1 FROM dotazione WHERE linea_id = $1) AS si`,
          [padre.id],
        );
        if (dotata.si)
          throw new DomainError(
            'ARTICOLO_NON_AMMESSO',
            `La linea ${padre.codice} ha già dotazioni proprie: una linea si articola prima di dotarla.`,
          );
        await assertFondo(manager, dto.fondo);
        const [articolo] = await manager.query<LineaRow[]>(
          `INSERT INTO linea (codice, denominazione, esercizio, categoria, obiettivo, preventivo_centesimi, registrata_da,
                              linea_padre_id, fondo_vincolo)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING ${COLONNE_LINEA}`,
          [
            dto.codice,
            dto.denominazione,
            padre.esercizio,
            dto.categoria,
            padre.obiettivo,
            dto.preventivoCentesimi,
            actor.userId,
            padre.id,
            dto.fondo,
          ],
        );
        return toLineaV1(articolo);
      });
    } catch (error) {
      if (isViolation(error, '23505', 'uq_linea_codice'))
        throw new DomainError('LINEA_GIA_REGISTRATA', `Esiste già una linea di spesa ${dto.codice}.`);
      throw error;
    }
  }

  async elenca(query: ElencaLineeV1): Promise<LineaV1[]> {
    assertGestore(currentActor());
    const righe = await this.dataSource.query<LineaRow[]>(
      `SELECT ${COLONNE_LINEA} FROM linea WHERE ($1::int IS NULL OR esercizio = $1) ORDER BY esercizio, codice`,
      [query.esercizio ?? null],
    );
    return righe.map(toLineaV1);
  }

  /**
   * Allocates money of a fund annualità to a line, never above what the annualità has left and only as
   * the fund's rules allow. The annualità's balance row is locked first, then the line.
   */
  async assegnaDotazione(dto: AssegnaDotazioneV1): Promise<DotazioneV1> {
    const actor = currentActor();
    assertGestore(actor);
    return this.dataSource.transaction(async (manager) => {
      await assertFondo(manager, dto.fondo);
      const [saldo] = await manager.query<Array<{ annualita_id: string; assegnato: string; dotato: string }>>(
        `SELECT s.annualita_id, s.assegnato_centesimi AS assegnato, s.dotato_centesimi AS dotato
           FROM annualita a JOIN saldo_annualita s ON s.annualita_id = a.id
          WHERE a.fondo = $1 AND a.anno = $2 FOR UPDATE OF s`,
        [dto.fondo, dto.anno],
      );
      if (!saldo)
        throw new DomainError(
          'ANNUALITA_NON_ASSEGNATA',
          `Nessuna assegnazione del fondo ${dto.fondo} per l’annualità ${dto.anno}: registrarla prima.`,
        );
      const linea = await lineaBloccata(manager, dto.linea);
      await assertNonArticolata(manager, linea);
      await this.regole.verificaVincolo(manager, linea, dto.fondo);
      const assegnato = cents(saldo.assegnato);
      const decisione = await this.regole.verificaDotazione(manager, {
        fondo: dto.fondo,
        annualitaId: saldo.annualita_id,
        assegnato,
        categoria: linea.categoria,
        importo: dto.importoCentesimi,
      });
      const residuo = differenza(assegnato, cents(saldo.dotato));
      if (dto.importoCentesimi > residuo)
        throw new DomainError(
          'RESIDUO_FONDO_INSUFFICIENTE',
          `Il fondo ${dto.fondo} ${dto.anno} ha ancora da dotare ${Money.ofCents(residuo).format()}: ` +
            `non basta per ${Money.ofCents(dto.importoCentesimi).format()}.`,
        );
      const [dotazione] = await manager.query<Array<{ id: string; il: Date }>>(
        `INSERT INTO dotazione (annualita_id, linea_id, importo_centesimi, atto, registrata_da, decisione)
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING id, registrata_il AS il`,
        [
          saldo.annualita_id,
          linea.id,
          dto.importoCentesimi,
          dto.atto ?? null,
          actor.userId,
          JSON.stringify({ ...decisione, residuoPrimaCentesimi: residuo }),
        ],
      );
      await manager.query(
        `INSERT INTO movimento (tipo, importo_centesimi, annualita_id, linea_id, dotazione_id, registrato_da)
         VALUES ('dotazione', $1, $2, $3, $4, $5)`,
        [dto.importoCentesimi, saldo.annualita_id, linea.id, dotazione.id, actor.userId],
      );
      await this.outbox.append(manager, BUDGET_EVENTS.dotazioneAssegnata, {
        dotazioneId: dotazione.id,
        fondo: dto.fondo,
        anno: dto.anno,
        linea: linea.codice,
        importoCentesimi: dto.importoCentesimi,
        daDotareCentesimi: differenza(residuo, dto.importoCentesimi),
      });
      return {
        id: dotazione.id,
        fondo: dto.fondo,
        anno: dto.anno,
        linea: linea.codice,
        importoCentesimi: dto.importoCentesimi,
        atto: dto.atto ?? null,
        registrataIl: dotazione.il.toISOString(),
      };
    });
  }
}
