import type { EntityManager } from 'typeorm';
import type { FonteParametroV1, ParametriRequisitiV1, RequisitiIscrizioneV1 } from '@ambito/contracts';

interface RequisitiRow {
  id: string;
  registro: string;
  versione: number;
  valido_dal: string;
  valido_al: string | null;
  fonti: FonteParametroV1[];
  parametri: ParametriRequisitiV1;
  creata_da: string;
}

const COLONNE = `id, registro, versione, to_char(valido_dal, 'YYYY-MM-DD') AS valido_dal,
  to_char(valido_al, 'YYYY-MM-DD') AS valido_al, fonti, parametri, creata_da`;

const comeV1 = (r: RequisitiRow): RequisitiIscrizioneV1 => ({
  id: r.id,
  registro: r.registro,
  versione: r.versione,
  validoDal: r.valido_dal,
  validoAl: r.valido_al,
  fonti: r.fonti,
  parametri: r.parametri,
  creataDa: r.creata_da,
});

/** Serialises the changes of a registro's requirements (a new version closes the previous one). */
export async function bloccaRequisiti(manager: EntityManager, registro: string): Promise<void> {
  await manager.query(`SELECT pg_advisory_xact_lock(hashtext('requisiti_iscrizione:' || $1))`, [registro]);
}

/** The version in force on a day: the latest started on or before it and not ended before it. */
export async function requisitiInVigore(
  manager: EntityManager,
  registro: string,
  giorno: string,
): Promise<RequisitiIscrizioneV1 | null> {
  const rows = await manager.query<RequisitiRow[]>(
    `SELECT ${COLONNE} FROM requisiti_iscrizione
      WHERE registro = $1 AND valido_dal <= $2 AND (valido_al IS NULL OR valido_al >= $2)
      ORDER BY valido_dal DESC, versione DESC LIMIT 1`,
    [registro, giorno],
  );
  return rows[0] ? comeV1(rows[0]) : null;
}

export async function requisitiPerId(
  manager: EntityManager,
  id: string,
): Promise<RequisitiIscrizioneV1 | null> {
  const rows = await manager.query<RequisitiRow[]>(
    `SELECT ${COLONNE} FROM requisiti_iscrizione WHERE id = $1`,
    [id],
  );
  return rows[0] ? comeV1(rows[0]) : null;
}

export async function ultimaVersione(
  manager: EntityManager,
  registro: string,
): Promise<{ versione: number; valido_dal: string } | null> {
  const rows = await manager.query<Array<{ versione: number; valido_dal: string }>>(
    `SELECT versione, to_char(valido_dal, 'YYYY-MM-DD') AS valido_dal FROM requisiti_iscrizione
      WHERE registro = $1 ORDER BY versione DESC LIMIT 1`,
    [registro],
  );
  return rows[0] ?? null;
}

/** Ends the open versions of a registro the day before `dal`. */
export async function chiudiVersioniAperte(
  manager: EntityManager,
  registro: string,
  dal: string,
): Promise<void> {
  await manager.query(
    `UPDATE requisiti_iscrizione SET valido_al = ($2::date - 1)
      WHERE registro = $1 AND (valido_al IS NULL OR valido_al >= $2::date)`,
    [registro, dal],
  );
}

export async function inserisciRequisiti(
  manager: EntityManager,
  r: Omit<RequisitiIscrizioneV1, 'validoAl'>,
): Promise<void> {
  await manager.query(
    `INSERT INTO requisiti_iscrizione (id, registro, versione, valido_dal, fonti, parametri, creata_da)
     VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [
      r.id,
      r.registro,
      r.versione,
      r.validoDal,
      JSON.stringify(r.fonti),
      JSON.stringify(r.parametri),
      r.creataDa,
    ],
  );
}
