import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import {
  DomainError,
  RegoleMisuraV1,
  validaContratto,
  type AttoRegoleV1,
  type ElencaRegoleMisuraV1,
  type Misura,
  type ParametriRegoleV1,
  type RiepilogoRegoleMisuraV1,
  type StatoRegole,
  type VersioneRegoleMisuraV1,
} from '@ambito/contracts';

/** The ambito whose rule sets this service keeps (config AMBITO_CODICE). */
export const AMBITO_REGOLE = Symbol('AMBITO_REGOLE');

interface RegoleRow {
  id: string;
  misura: Misura;
  annualita: number;
  versione: number;
  stato: StatoRegole;
  valido_dal: string;
  valido_al: string | null;
  atti: AttoRegoleV1[];
  parametri?: ParametriRegoleV1;
  derivata_da: string | null;
  creata_da: string;
  creata_il: string;
  /** Row version: a cached validation holds only for the row as it was read. */
  xmin: string;
}

const COLONNE = `id, misura, annualita, versione, stato, to_char(valido_dal, 'YYYY-MM-DD') AS valido_dal,
  to_char(valido_al, 'YYYY-MM-DD') AS valido_al, atti, derivata_da, creata_da,
  to_char(creata_il AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS creata_il, xmin::text AS xmin`;

const riepilogo = (r: RegoleRow): RiepilogoRegoleMisuraV1 => ({
  id: r.id,
  misura: r.misura,
  annualita: r.annualita,
  versione: r.versione,
  stato: r.stato,
  validoDal: r.valido_dal,
  validoAl: r.valido_al,
  atti: r.atti,
  derivataDa: r.derivata_da,
  creataDa: r.creata_da,
  creataIl: r.creata_il,
});

/** What a new row holds (copy, or the defaults at start-up). */
export interface NuoveRegole {
  id: string;
  documento: RegoleMisuraV1;
  stato: StatoRegole;
  derivataDa: string | null;
  creataDa: string;
}

/** Validated documents by row version: a stored document is immutable, its validation too. */
const MASSIMO_IN_CACHE = 200;

/**
 * The stored rule sets of the ambito (table `regole_misura`, raw SQL as ADR 0006). A document read back
 * is validated again with its contract classes before anyone uses it: a document that no longer
 * validates (edited by hand, or from an older contract) is refused with REGOLE_NON_VALIDE, never used
 * to judge an istanza. Other features use `inVigore` to find the version that judges an istanza.
 */
@Injectable()
export class RegoleRepository {
  private readonly validati = new Map<string, RegoleMisuraV1>();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(AMBITO_REGOLE) readonly ambito: string,
  ) {}

  /** The version in force for the measure on the day (AAAA-MM-GG), or null. */
  async inVigore(
    misura: Misura,
    giorno: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<VersioneRegoleMisuraV1 | null> {
    const [r] = await manager.query<RegoleRow[]>(
      `SELECT ${COLONNE}, parametri FROM regole_misura
        WHERE ambito = $1 AND misura = $2 AND stato = 'in-vigore'
          AND valido_dal <= $3::date AND (valido_al IS NULL OR valido_al >= $3::date)
        ORDER BY valido_dal DESC, versione DESC LIMIT 1`,
      [this.ambito, misura, giorno],
    );
    return r ? this.versione(r) : null;
  }

  /** One version of this ambito, whole, or null. `perAggiornare` locks its row. */
  async leggi(
    id: string,
    manager: EntityManager = this.dataSource.manager,
    perAggiornare = false,
  ): Promise<VersioneRegoleMisuraV1 | null> {
    const [r] = await manager.query<RegoleRow[]>(
      `SELECT ${COLONNE}, parametri FROM regole_misura WHERE id = $1 AND ambito = $2${perAggiornare ? ' FOR UPDATE' : ''}`,
      [id, this.ambito],
    );
    return r ? this.versione(r) : null;
  }

  async elenca(filtro: ElencaRegoleMisuraV1): Promise<RiepilogoRegoleMisuraV1[]> {
    const righe = await this.dataSource.query<RegoleRow[]>(
      `SELECT ${COLONNE} FROM regole_misura
        WHERE ambito = $1 AND ($2::text IS NULL OR misura = $2) AND ($3::int IS NULL OR annualita = $3)
        ORDER BY misura, annualita, versione`,
      [this.ambito, filtro.misura ?? null, filtro.annualita ?? null],
    );
    return righe.map(riepilogo);
  }

  /**
   * Serialises the changes of one measure's versions in this ambito (numbering, activation) until the
   * transaction ends: two activations of overlapping bozze cannot both see the other as not yet in force.
   */
  async bloccaMisura(manager: EntityManager, misura: Misura): Promise<void> {
    await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [
      `regole_misura:${this.ambito}:${misura}`,
    ]);
  }

  /** The next version number of the measure's annualità (call after bloccaMisura). */
  async prossimaVersione(manager: EntityManager, misura: Misura, annualita: number): Promise<number> {
    const [{ prossima }] = await manager.query<Array<{ prossima: number }>>(
      `SELECT COALESCE(MAX(versione), 0) + 1 AS prossima FROM regole_misura
        WHERE ambito = $1 AND misura = $2 AND annualita = $3`,
      [this.ambito, misura, annualita],
    );
    return Number(prossima);
  }

  async inserisci(manager: EntityManager, nuove: NuoveRegole, versione: number): Promise<void> {
    const d = nuove.documento;
    await manager.query(
      `INSERT INTO regole_misura (id, ambito, misura, annualita, versione, valido_dal, valido_al, stato, atti,
                                  parametri, derivata_da, creata_da)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9::jsonb, $10::jsonb, $11, $12)`,
      [
        nuove.id,
        this.ambito,
        d.misura,
        d.annualita,
        versione,
        d.validoDal,
        d.validoAl,
        nuove.stato,
        JSON.stringify(d.atti),
        JSON.stringify(d.parametri),
        nuove.derivataDa,
        nuove.creataDa,
      ],
    );
  }

  /** Versions in force of the measure whose validity meets [dal, al] (al null: open), except `id`. */
  async sovrapposte(
    manager: EntityManager,
    misura: Misura,
    dal: string,
    al: string | null,
    id: string,
  ): Promise<RiepilogoRegoleMisuraV1[]> {
    const righe = await manager.query<RegoleRow[]>(
      `SELECT ${COLONNE} FROM regole_misura
        WHERE ambito = $1 AND misura = $2 AND stato = 'in-vigore' AND id <> $5
          AND valido_dal <= COALESCE($4::date, 'infinity'::date)
          AND COALESCE(valido_al, 'infinity'::date) >= $3::date
        ORDER BY valido_dal`,
      [this.ambito, misura, dal, al, id],
    );
    return righe.map(riepilogo);
  }

  async cambiaStato(manager: EntityManager, id: string, stato: StatoRegole): Promise<void> {
    await manager.query(`UPDATE regole_misura SET stato = $3 WHERE id = $1 AND ambito = $2`, [
      id,
      this.ambito,
      stato,
    ]);
  }

  /** Whether the ambito has any version of the measure (the defaults are installed only where none is). */
  async esisteMisura(manager: EntityManager, misura: Misura): Promise<boolean> {
    const righe = await manager.query(
      `SELECT 1 FROM regole_misura WHERE ambito = $1 AND misura = $2 LIMIT 1`,
      [this.ambito, misura],
    );
    return righe.length > 0;
  }

  private async versione(r: RegoleRow): Promise<VersioneRegoleMisuraV1> {
    const documento = await this.documentoValidato(r);
    return {
      ...documento,
      id: r.id,
      versione: r.versione,
      stato: r.stato,
      derivataDa: r.derivata_da,
      creataDa: r.creata_da,
      creataIl: r.creata_il,
    };
  }

  /** The stored document, validated by RegoleMisuraV1 (once per row version). Plain JSON, not instances. */
  private async documentoValidato(r: RegoleRow): Promise<RegoleMisuraV1> {
    const chiave = `${r.id}:${r.xmin}`;
    const noto = this.validati.get(chiave);
    if (noto) return structuredClone(noto);
    const documento: RegoleMisuraV1 = {
      misura: r.misura,
      annualita: r.annualita,
      validoDal: r.valido_dal,
      validoAl: r.valido_al,
      atti: r.atti,
      parametri: r.parametri as ParametriRegoleV1,
    };
    try {
      await validaContratto(RegoleMisuraV1, structuredClone(documento), {
        rifiutaCampiIgnoti: true,
        controllaTesto: false,
      });
    } catch (e) {
      if (!(e instanceof DomainError)) throw e;
      throw new DomainError(
        'REGOLE_NON_VALIDE',
        `Le regole ${r.misura} ${r.annualita} versione ${r.versione} salvate non sono valide: correggerle con una nuova versione.`,
        e.details,
      );
    }
    if (this.validati.size >= MASSIMO_IN_CACHE)
      this.validati.delete(this.validati.keys().next().value as string);
    this.validati.set(chiave, documento);
    return structuredClone(documento);
  }
}
