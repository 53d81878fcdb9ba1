import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  Brackets,
  type DataSource,
  type DeepPartial,
  type EntityManager,
  type SelectQueryBuilder,
} from 'typeorm';
import type { PaginazioneV1, TipoRicovero } from '@ambito/contracts';
import { pagina } from '@ambito/persistence';
import { PersonaEntity } from './persona.entity';

/** Where the actor may see persone: living (residence, domicile) in these comuni, or with an accesso in these sub-ambiti. */
export interface AmbitoPersone {
  residenza: string[];
  subAmbiti: string[];
}

export interface FiltroPersone extends PaginazioneV1 {
  /** Upper case; a prefix unless `codiceFiscaleCompleto`. */
  codiceFiscale?: string;
  codiceFiscaleCompleto: boolean;
  /** Prefixes, case-insensitive. */
  cognome?: string;
  nome?: string;
}

export interface PaginaPersone {
  persone: PersonaEntity[];
  totale: number;
  pagina: number;
  perPagina: number;
}

/** The persona registry in PostgreSQL: every TypeORM query on persone. */
@Injectable()
export class PersoneRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Outside any transaction: reads and the audit rows of reads. */
  get manager(): EntityManager {
    return this.dataSource.manager;
  }

  transazione<T>(lavoro: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(lavoro);
  }

  inserisci(manager: EntityManager, persona: DeepPartial<PersonaEntity>): Promise<PersonaEntity> {
    return manager.save(manager.create(PersonaEntity, persona));
  }

  trova(manager: EntityManager, id: string): Promise<PersonaEntity | null> {
    return manager.findOneBy(PersonaEntity, { id });
  }

  ottieni(manager: EntityManager, id: string): Promise<PersonaEntity> {
    return manager.findOneByOrFail(PersonaEntity, { id });
  }

  esiste(id: string): Promise<boolean> {
    return this.manager.existsBy(PersonaEntity, { id });
  }

  /** The id of the persona with this (complete, upper-case) codice fiscale anywhere, or null. */
  async idPerCodiceFiscale(codiceFiscale: string): Promise<string | null> {
    const persona = await this.manager.findOne(PersonaEntity, {
      select: { id: true },
      where: { codiceFiscale },
    });
    return persona?.id ?? null;
  }

  /**
   * Whether a definitive residential ricovero (RSA, RSD, CSS) covers today: begun, and not ended before
   * today (the day of discharge still counts as in the structure).
   */
  async ricoveroDefinitivoInCorso(personaId: string, oggi: string): Promise<boolean> {
    const [{ inCorso }] = (await this.manager.query(
      `SELECT EXISTS (
         SELECT 1 FROM ricovero
          WHERE persona_id = $1 AND tipo = 'residenziale-definitivo'
            AND dal <= $2::date AND (al IS NULL OR al >= $2::date)
       ) AS "inCorso"`,
      [personaId, oggi],
    )) as [{ inCorso: boolean }];
    return inCorso;
  }

  /**
   * The person's ricoveri that ended on or after `dal` (or are open), by start: the misure count the
   * days of sollievo per calendar year and revoke on a definitive admission.
   */
  async ricoveriDal(
    personaId: string,
    dal: string,
  ): Promise<Array<{ id: string; tipo: TipoRicovero; dal: string; al: string | null }>> {
    return (await this.manager.query(
      `SELECT id, tipo, dal::text AS dal, al::text AS al FROM ricovero
        WHERE persona_id = $1 AND (al IS NULL OR al >= $2::date) ORDER BY dal, id`,
      [personaId, dal],
    )) as Array<{ id: string; tipo: TipoRicovero; dal: string; al: string | null }>;
  }

  /** The persona if it is within `ambito`, else null (whether or not it exists). */
  trovaVisibile(id: string, ambito: AmbitoPersone): Promise<PersonaEntity | null> {
    return this.visibili(ambito).andWhere('p.id = :id', { id }).getOne();
  }

  /** By codice fiscale, cognome and nome, within `ambito` (null: the whole registry), by name. */
  async cerca(filtro: FiltroPersone, ambito: AmbitoPersone | null): Promise<PaginaPersone> {
    const qb = ambito
      ? this.visibili(ambito)
      : this.dataSource.getRepository(PersonaEntity).createQueryBuilder('p');
    const cf = filtro.codiceFiscale;
    if (cf)
      qb.andWhere(filtro.codiceFiscaleCompleto ? 'p.codice_fiscale = :cf' : 'p.codice_fiscale LIKE :cf', {
        cf: filtro.codiceFiscaleCompleto ? cf : `${escapeLike(cf)}%`,
      });
    if (filtro.cognome)
      qb.andWhere('lower(p.cognome) LIKE :cognome', {
        cognome: `${escapeLike(filtro.cognome.trim().toLowerCase())}%`,
      });
    if (filtro.nome)
      qb.andWhere('lower(p.nome) LIKE :nome', { nome: `${escapeLike(filtro.nome.trim().toLowerCase())}%` });
    qb.orderBy('lower(p.cognome)').addOrderBy('lower(p.nome)').addOrderBy('p.id');
    const { skip, take, numero } = pagina(filtro);
    const [persone, totale] = await qb.skip(skip).take(take).getManyAndCount();
    return { persone, totale, pagina: numero, perPagina: take };
  }

  private visibili({ residenza, subAmbiti }: AmbitoPersone): SelectQueryBuilder<PersonaEntity> {
    return this.dataSource
      .getRepository(PersonaEntity)
      .createQueryBuilder('p')
      .where(
        new Brackets((w) => {
          // Where the persona lives: its residence or, for a non-resident, its domicile.
          w.where('p.comune_residenza = ANY(:residenza)', { residenza });
          w.orWhere('p.comune_domicilio = ANY(:residenza)', { residenza });
          if (subAmbiti.length > 0)
            w.orWhere(
              'EXISTS (SELECT 1 FROM accesso a WHERE a.persona_id = p.id AND a.sub_ambito = ANY(:subAmbiti))',
              { subAmbiti },
            );
        }),
      );
  }
}

function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}
