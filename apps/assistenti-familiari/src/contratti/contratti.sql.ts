import type { EntityManager } from 'typeorm';
import type { ContrattoV1, DatoreLavoro, LivelloCcnl } from '@ambito/contracts';

export interface ContrattoRow {
  id: string;
  richiesta_id: string | null;
  persona_id: string;
  assistente_id: string | null;
  datore: DatoreLavoro;
  livello_ccnl: LivelloCcnl;
  ore_settimanali: string;
  convivente: boolean;
  data_inizio: string;
  costo_mensile_centesimi: string;
  comunicazione_inps: string | null;
  sportello: string | null;
  /** The family's sub-ambito, from the richiesta the contract satisfied (null without one). */
  sub_ambito: string | null;
  registrato_da: string;
  registrato_il: Date;
}

export async function inserisciContratto(m: EntityManager, c: ContrattoV1): Promise<void> {
  await m.query(
    `INSERT INTO contratto (id, richiesta_id, persona_id, assistente_id, datore, livello_ccnl, ore_settimanali,
       convivente, data_inizio, costo_mensile_centesimi, comunicazione_inps, registrato_da, registrato_il, sportello)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)`,
    [
      c.id,
      c.richiestaId,
      c.personaId,
      c.assistenteId,
      c.datore,
      c.livelloCcnl,
      c.oreSettimanali,
      c.convivente,
      c.dataInizio,
      c.costoMensileCentesimi,
      c.comunicazioneInps,
      c.registratoDa,
      c.registratoIl,
      c.sportello ?? null,
    ],
  );
}

export async function contrattoPerId(m: EntityManager, id: string): Promise<ContrattoRow | undefined> {
  const [riga] = await m.query<ContrattoRow[]>(
    `SELECT id, richiesta_id, persona_id, assistente_id, datore, livello_ccnl, ore_settimanali, convivente,
            to_char(data_inizio, 'YYYY-MM-DD') AS data_inizio, costo_mensile_centesimi, comunicazione_inps,
            sportello, (SELECT r.sub_ambito FROM richiesta r WHERE r.id = contratto.richiesta_id) AS sub_ambito,
            registrato_da, registrato_il
       FROM contratto WHERE id = $1`,
    [id],
  );
  return riga;
}

export function toContrattoV1(c: ContrattoRow): ContrattoV1 {
  return {
    id: c.id,
    richiestaId: c.richiesta_id,
    personaId: c.persona_id,
    assistenteId: c.assistente_id,
    datore: c.datore,
    livelloCcnl: c.livello_ccnl,
    oreSettimanali: Number(c.ore_settimanali),
    convivente: c.convivente,
    dataInizio: c.data_inizio,
    costoMensileCentesimi: Number(c.costo_mensile_centesimi),
    comunicazioneInps: c.comunicazione_inps,
    sportello: c.sportello,
    registratoDa: c.registrato_da,
    registratoIl: c.registrato_il.toISOString(),
  };
}
