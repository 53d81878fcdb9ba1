import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import {
  DomainError,
  type AbilitazioneV1,
  type Actor,
  type ElencaAbilitazioniV1,
  type OperazioneAbilitabile,
  type RegistraAbilitazioneV1,
  type RevocaAbilitazioneV1,
  type TipoAtto,
} from '@ambito/contracts';
import { currentActor } from '@ambito/messaging';
import { OGGI_SQL } from '../database/sql';
import { lineaNonTrovata } from '../linee/linee.service';
import { assertGestore, assertPersona, servizioChiamante } from '../ruoli/budget-ruoli';

interface AbilitazioneRow {
  id: string;
  servizio: string;
  linea: string;
  operazioni: OperazioneAbilitabile[];
  valido_dal: string;
  valido_al: string | null;
  atto_tipo: TipoAtto;
  atto_numero: string;
  atto_data: string;
  registrata_da: string;
  registrata_il: Date;
  revocata_da: string | null;
  revocata_dal: string | null;
}

const SELECT_ABILITAZIONE = `
  SELECT a.id, a.servizio, l.codice AS linea, a.operazioni, to_char(a.valido_dal, 'YYYY-MM-DD') AS valido_dal,
         to_char(a.valido_al, 'YYYY-MM-DD') AS valido_al, a.atto_tipo, a.atto_numero,
         to_char(a.atto_data, 'YYYY-MM-DD') AS atto_data, a.registrata_da, a.registrata_il, a.revocata_da,
         to_char(a.revocata_dal, 'YYYY-MM-DD') AS revocata_dal
    FROM abilitazione_servizio a JOIN linea l ON l.id = a.linea_id`;

function toAbilitazioneV1(a: AbilitazioneRow): AbilitazioneV1 {
  return {
    id: a.id,
    servizio: a.servizio,
    linea: a.linea,
    operazioni: a.operazioni,
    validoDal: a.valido_dal,
    validoAl: a.valido_al,
    atto: { tipo: a.atto_tipo, numero: a.atto_numero, data: a.atto_data },
    registrataDa: a.registrata_da,
    registrataIl: a.registrata_il.toISOString(),
    revocataDa: a.revocata_da,
    revocataDal: a.revocata_dal,
  };
}

const VERBO: Record<OperazioneAbilitabile, string> = {
  impegno: 'impegnare',
  liquidazione: 'liquidare',
  riduzione: 'ridurre impegni',
};

/**
 * Which calling service may commit, liquidate or reduce on which line: grants of the Ufficio di Piano
 * with their period and act. A grant on a line covers its articoli. People (gestori) are not checked
 * here: their roles are.
 */
@Injectable()
export class Abilitazioni {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Refuses a calling service without a grant in force today (Italian date) for `operazione` on the
   * line or on the line it is an articolo of. Does nothing for a person.
   */
  async verifica(
    manager: EntityManager,
    actor: Actor,
    operazione: OperazioneAbilitabile,
    linea: { id: string; codice: string },
  ): Promise<void> {
    const servizio = servizioChiamante(actor);
    if (servizio === null) return;
    const [abilitata] = await manager.query<Array<{ id: string }>>(
      `SELECT a.id FROM abilitazione_servizio a JOIN linea l ON l.id = $2
        WHERE a.servizio = $1 AND a.linea_id IN (l.id, l.linea_padre_id) AND $3 = ANY (a.operazioni)
          AND a.valido_dal <= ${OGGI_SQL} AND (a.valido_al IS NULL OR a.valido_al >= ${OGGI_SQL})
          AND (a.revocata_dal IS NULL OR a.revocata_dal > ${OGGI_SQL})
        LIMIT 1`,
      [servizio, linea.id, operazione],
    );
    if (!abilitata)
      throw new DomainError(
        'SERVIZIO_NON_ABILITATO',
        `Il servizio ${servizio} non è abilitato a ${VERBO[operazione]} sulla linea ${linea.codice}: ` +
          'serve un’abilitazione in vigore dell’Ufficio di Piano.',
      );
  }

  async registra(dto: RegistraAbilitazioneV1): Promise<AbilitazioneV1> {
    const actor = currentActor();
    assertGestore(actor);
    assertPersona(actor);
    if (dto.validoAl !== undefined && dto.validoAl < dto.validoDal)
      throw new DomainError('DATA_NON_VALIDA', 'validoAl: non può precedere validoDal.');
    const [linea] = await this.dataSource.query<Array<{ id: string }>>(
      `SELECT id FROM linea WHERE codice = $1`,
      [dto.linea],
    );
    if (!linea) throw lineaNonTrovata(dto.linea);
    const [{ id }] = await this.dataSource.query<Array<{ id: string }>>(
      `INSERT INTO abilitazione_servizio (servizio, linea_id, operazioni, valido_dal, valido_al, atto_tipo, atto_numero,
                                          atto_data, registrata_da)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
      [
        dto.servizio,
        linea.id,
        dto.operazioni,
        dto.validoDal,
        dto.validoAl ?? null,
        dto.atto.tipo,
        dto.atto.numero,
        dto.atto.data,
        actor.userId,
      ],
    );
    return this.leggi(this.dataSource.manager, id);
  }

  async elenca(dto: ElencaAbilitazioniV1): Promise<AbilitazioneV1[]> {
    assertGestore(currentActor());
    const righe = await this.dataSource.query<AbilitazioneRow[]>(
      `${SELECT_ABILITAZIONE} WHERE ($1::text IS NULL OR a.servizio = $1) ORDER BY a.servizio, l.codice, a.valido_dal`,
      [dto.servizio ?? null],
    );
    return righe.map(toAbilitazioneV1);
  }

  /** Ends a grant from a day (today when absent): from that day on the service is refused. */
  async revoca(dto: RevocaAbilitazioneV1): Promise<AbilitazioneV1> {
    const actor = currentActor();
    assertGestore(actor);
    assertPersona(actor);
    return this.dataSource.transaction(async (manager) => {
      const [a] = await manager.query<Array<{ revocata_il: Date | null }>>(
        `SELECT revocata_il FROM abilitazione_servizio WHERE id = $1 FOR UPDATE`,
        [dto.id],
      );
      if (!a) throw new DomainError('ABILITAZIONE_NON_TROVATA', 'Abilitazione non trovata.');
      if (a.revocata_il)
        throw new DomainError('ABILITAZIONE_GIA_REVOCATA', 'L’abilitazione è già stata revocata.');
      await manager.query(
        `UPDATE abilitazione_servizio
            SET revocata_dal = COALESCE($2::date, ${OGGI_SQL}), revocata_il = clock_timestamp(), revocata_da = $3
          WHERE id = $1`,
        [dto.id, dto.dal ?? null, actor.userId],
      );
      return this.leggi(manager, dto.id);
    });
  }

  private async leggi(manager: EntityManager, id: string): Promise<AbilitazioneV1> {
    const [a] = await manager.query<AbilitazioneRow[]>(`${SELECT_ABILITAZIONE} WHERE a.id = $1`, [id]);
    return toAbilitazioneV1(a);
  }
}
