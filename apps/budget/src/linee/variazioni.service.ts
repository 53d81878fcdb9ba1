import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import {
  DomainError,
  type DecidiVariazioneV1,
  type ElencaVariazioniV1,
  type OrganoVariazione,
  type ProponiVariazioneV1,
  type StatoVariazione,
  type VariazioneV1,
} from '@ambito/contracts';
import { currentActor } from '@ambito/messaging';
import { cents } from '../database/sql';
import { assertGestore, assertPersona } from '../ruoli/budget-ruoli';
import { lineaBloccata, lineaNonTrovata } from './linee.service';

interface VariazioneRow {
  id: string;
  linea: string;
  preventivo_precedente_centesimi: string;
  preventivo_centesimi: string;
  motivazione: string;
  stato: StatoVariazione;
  proposta_da: string;
  proposta_il: Date;
  decisa_da: string | null;
  decisa_il: Date | null;
  atto_organo: OrganoVariazione | null;
  atto_numero: string | null;
  atto_data: string | null;
  atto_delega: string | null;
}

const SELECT_VARIAZIONE = `SELECT v.*, to_char(v.atto_data, 'YYYY-MM-DD') AS atto_data, l.codice AS linea
  FROM variazione_preventivo v JOIN linea l ON l.id = v.linea_id`;

function toVariazioneV1(v: VariazioneRow): VariazioneV1 {
  return {
    id: v.id,
    linea: v.linea,
    preventivoPrecedenteCentesimi: cents(v.preventivo_precedente_centesimi),
    preventivoCentesimi: cents(v.preventivo_centesimi),
    motivazione: v.motivazione,
    stato: v.stato,
    propostaDa: v.proposta_da,
    propostaIl: v.proposta_il.toISOString(),
    decisaDa: v.decisa_da,
    decisaIl: v.decisa_il?.toISOString() ?? null,
    atto:
      v.atto_organo && v.atto_numero && v.atto_data
        ? {
            organo: v.atto_organo,
            numero: v.atto_numero,
            data: v.atto_data,
            ...(v.atto_delega ? { delega: v.atto_delega } : {}),
          }
        : null,
  };
}

/**
 * Variations of the piano operativo: a gestore proposes a new preventivo for a line; it applies only
 * when the Ufficio di Piano approves it (the administrator cannot) by the act of the Assemblea dei
 * Sindaci or its delegated body, and never by the one who proposed it (four eyes: checked here and by a
 * CHECK of the table). People only: a calling service neither proposes nor decides. Every proposal
 * stays in the history.
 */
@Injectable()
export class VariazioniService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async proponi(dto: ProponiVariazioneV1): Promise<VariazioneV1> {
    const actor = currentActor();
    assertGestore(actor);
    assertPersona(actor);
    return this.dataSource.transaction(async (manager) => {
      const linea = await lineaBloccata(manager, dto.linea);
      const [{ id }] = await manager.query<Array<{ id: string }>>(
        `INSERT INTO variazione_preventivo (linea_id, preventivo_precedente_centesimi, preventivo_centesimi, motivazione, proposta_da)
         VALUES ($1, $2, $3, $4, $5) RETURNING id`,
        [linea.id, linea.preventivo_centesimi, dto.preventivoCentesimi, dto.motivazione, actor.userId],
      );
      return this.leggi(manager, id);
    });
  }

  async decidi(dto: DecidiVariazioneV1): Promise<VariazioneV1> {
    const actor = currentActor();
    if (!actor.ruoli.includes('ufficio-di-piano'))
      throw new DomainError(
        'OPERAZIONE_NON_CONSENTITA',
        'Solo l’Ufficio di Piano approva o respinge le variazioni del piano operativo.',
      );
    assertPersona(actor);
    return this.dataSource.transaction(async (manager) => {
      const [trovata] = await manager.query<VariazioneRow[]>(`${SELECT_VARIAZIONE} WHERE v.id = $1`, [
        dto.id,
      ]);
      if (!trovata) throw new DomainError('VARIAZIONE_NON_TROVATA', 'Variazione non trovata.');
      const linea = await lineaBloccata(manager, trovata.linea);
      const [variazione] = await manager.query<VariazioneRow[]>(
        `${SELECT_VARIAZIONE} WHERE v.id = $1 FOR UPDATE OF v`,
        [dto.id],
      );
      if (variazione.stato !== 'proposta')
        throw new DomainError('VARIAZIONE_GIA_DECISA', `La variazione è già stata ${variazione.stato}.`);
      if (variazione.proposta_da === actor.userId)
        throw new DomainError(
          'APPROVAZIONE_DEL_PROPONENTE',
          'Chi ha proposto la variazione non può approvarla né respingerla: decide un’altra persona dell’Ufficio di Piano.',
        );
      // Approving a proposal made on a preventivo that has changed since would silently undo that change.
      if (
        dto.esito === 'approvata' &&
        linea.preventivo_centesimi !== variazione.preventivo_precedente_centesimi
      )
        throw new DomainError(
          'PREVENTIVO_CAMBIATO',
          'Il preventivo della linea è cambiato dopo la proposta: proporre una nuova variazione.',
        );
      await manager.query(
        `UPDATE variazione_preventivo
            SET stato = $2, decisa_da = $3, decisa_il = clock_timestamp(),
                atto_organo = $4, atto_numero = $5, atto_data = $6, atto_delega = $7
          WHERE id = $1`,
        [
          dto.id,
          dto.esito,
          actor.userId,
          dto.atto?.organo ?? null,
          dto.atto?.numero ?? null,
          dto.atto?.data ?? null,
          dto.atto?.delega ?? null,
        ],
      );
      if (dto.esito === 'approvata')
        await manager.query(`UPDATE linea SET preventivo_centesimi = $2 WHERE id = $1`, [
          linea.id,
          variazione.preventivo_centesimi,
        ]);
      return this.leggi(manager, dto.id);
    });
  }

  async elenca(dto: ElencaVariazioniV1): Promise<VariazioneV1[]> {
    assertGestore(currentActor());
    const [linea] = await this.dataSource.query<Array<{ id: string }>>(
      `SELECT id FROM linea WHERE codice = $1`,
      [dto.linea],
    );
    if (!linea) throw lineaNonTrovata(dto.linea);
    const righe = await this.dataSource.query<VariazioneRow[]>(
      `${SELECT_VARIAZIONE} WHERE v.linea_id = $1 ORDER BY v.proposta_il`,
      [linea.id],
    );
    return righe.map(toVariazioneV1);
  }

  private async leggi(manager: EntityManager, id: string): Promise<VariazioneV1> {
    const [v] = await manager.query<VariazioneRow[]>(`${SELECT_VARIAZIONE} WHERE v.id = $1`, [id]);
    return toVariazioneV1(v);
  }
}
