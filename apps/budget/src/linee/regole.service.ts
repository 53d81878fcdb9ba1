import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import {
  DomainError,
  type CategoriaLinea,
  type ElencaRegoleFondoV1,
  type RegistraRegolaFondoV1,
  type RegolaFondoV1,
  type TipoRegola,
} from '@ambito/contracts';
import { currentActor } from '@ambito/messaging';
import { assertFondo } from '../fondi/fondi.service';
import { assertGestore } from '../ruoli/budget-ruoli';

interface RegolaRow {
  id: string;
  fondo: string;
  tipo: TipoRegola;
  categoria: CategoriaLinea;
  punti_base: number | null;
  fondo_cofinanziamento: string | null;
  valido_dal: string;
  valido_al: string | null;
  atto: string;
  atto_numero: string | null;
  atto_data: string | null;
}

const SELECT_REGOLA = `SELECT id, fondo, tipo, categoria, punti_base, fondo_cofinanziamento,
  to_char(valido_dal, 'YYYY-MM-DD') AS valido_dal, to_char(valido_al, 'YYYY-MM-DD') AS valido_al, atto,
  atto_numero, to_char(atto_data, 'YYYY-MM-DD') AS atto_data FROM regola_fondo`;

function toRegolaV1(r: RegolaRow): RegolaFondoV1 {
  return {
    id: r.id,
    fondo: r.fondo,
    tipo: r.tipo,
    categoria: r.categoria,
    puntiBase: r.punti_base,
    fondoCofinanziamento: r.fondo_cofinanziamento,
    validoDal: r.valido_dal,
    validoAl: r.valido_al,
    atto: r.atto,
    attoNumero: r.atto_numero,
    attoData: r.atto_data,
  };
}

const nonValida = (campo: string, messaggio: string) =>
  new DomainError('VALIDAZIONE_FALLITA', 'Dati non validi: correggere i campi indicati.', [
    { campo, messaggi: [messaggio] },
  ]);

/**
 * The versions of the per-fund rules (law as data): a new act adds a version and closes the one in
 * force; versions of the same rule never overlap, so exactly one applies on any date.
 */
@Injectable()
export class RegoleService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async registra(dto: RegistraRegolaFondoV1): Promise<RegolaFondoV1> {
    assertGestore(currentActor());
    if (dto.tipo === 'categoria-ammessa' && dto.puntiBase !== undefined)
      throw nonValida('puntiBase', 'puntiBase: non previsto per una categoria ammessa');
    if (dto.tipo !== 'cofinanziamento-minimo' && dto.fondoCofinanziamento !== undefined)
      throw nonValida('fondoCofinanziamento', 'fondoCofinanziamento: solo per cofinanziamento-minimo');
    if (dto.validoAl && dto.validoAl < dto.validoDal)
      throw nonValida('validoAl', 'validoAl: non può precedere validoDal');
    return this.dataSource.transaction(async (manager) => {
      await assertFondo(manager, dto.fondo);
      if (dto.fondoCofinanziamento) await assertFondo(manager, dto.fondoCofinanziamento);
      const versioni = await manager.query<RegolaRow[]>(
        `${SELECT_REGOLA} WHERE fondo = $1 AND tipo = $2 AND categoria = $3 ORDER BY valido_dal FOR UPDATE`,
        [dto.fondo, dto.tipo, dto.categoria],
      );
      // History grows forward only: a version starting on or after this one would be overlapped.
      const successiva = versioni.find((v) => v.valido_dal >= dto.validoDal);
      if (successiva)
        throw new DomainError(
          'REGOLA_SOVRAPPOSTA',
          `Esiste già una versione della regola valida dal ${successiva.valido_dal} (${successiva.atto}).`,
        );
      await manager.query(
        `UPDATE regola_fondo SET valido_al = $4::date - 1
          WHERE fondo = $1 AND tipo = $2 AND categoria = $3 AND (valido_al IS NULL OR valido_al >= $4::date)`,
        [dto.fondo, dto.tipo, dto.categoria, dto.validoDal],
      );
      const [{ id }] = await manager.query<Array<{ id: string }>>(
        `INSERT INTO regola_fondo (fondo, tipo, categoria, punti_base, fondo_cofinanziamento, valido_dal, valido_al,
                                   atto, atto_numero, atto_data)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id`,
        [
          dto.fondo,
          dto.tipo,
          dto.categoria,
          dto.puntiBase ?? null,
          dto.fondoCofinanziamento ?? null,
          dto.validoDal,
          dto.validoAl ?? null,
          dto.atto,
          dto.attoNumero,
          dto.attoData,
        ],
      );
      return this.leggi(manager, id);
    });
  }

  async elenca(dto: ElencaRegoleFondoV1): Promise<RegolaFondoV1[]> {
    assertGestore(currentActor());
    await assertFondo(this.dataSource.manager, dto.fondo);
    const righe = await this.dataSource.query<RegolaRow[]>(
      `${SELECT_REGOLA} WHERE fondo = $1
          AND ($2::date IS NULL OR (valido_dal <= $2::date AND (valido_al IS NULL OR valido_al >= $2::date)))
        ORDER BY tipo, categoria, valido_dal`,
      [dto.fondo, dto.inVigoreIl ?? null],
    );
    return righe.map(toRegolaV1);
  }

  private async leggi(manager: EntityManager, id: string): Promise<RegolaFondoV1> {
    const [r] = await manager.query<RegolaRow[]>(`${SELECT_REGOLA} WHERE id = $1`, [id]);
    return toRegolaV1(r);
  }
}
