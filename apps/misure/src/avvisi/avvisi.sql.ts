import type { EntityManager } from 'typeorm';
import type { Area, GraduatoriaPrevistaV1, Misura, StatoAvviso } from '@ambito/contracts';

/** Today in the ambito's time zone: windows are days in Italy. */
export const OGGI_SQL = `(now() AT TIME ZONE 'Europe/Rome')::date`;

export interface AvvisoRow {
  id: string;
  ambito: string;
  misura: Misura;
  annualita: number;
  titolo: string;
  regole_id: string;
  apertura: string;
  chiusura: string;
  decorrenza: string;
  mesi: number;
  stato: StatoAvviso;
  creato_da: string;
  creato_il: Date;
  pubblicato_da: string | null;
  pubblicato_il: Date | null;
  chiuso_il: Date | null;
  /** Today (Europe/Rome), read with the row: the window is judged against the database's clock. */
  oggi: string;
}

export interface GraduatoriaRow {
  id: string;
  avviso_id: string;
  area: Area;
  strumento: string;
  linea: string;
  fondo: string | null;
  anno_fondo: number | null;
  budget_centesimi: string;
}

const COLONNE = `id, ambito, misura, annualita, titolo, regole_id, apertura::text AS apertura,
  chiusura::text AS chiusura, decorrenza::text AS decorrenza, mesi, stato, creato_da, creato_il,
  pubblicato_da, pubblicato_il, chiuso_il, ${OGGI_SQL}::text AS oggi`;

export async function inserisciAvviso(
  manager: EntityManager,
  a: Omit<AvvisoRow, 'stato' | 'creato_il' | 'pubblicato_da' | 'pubblicato_il' | 'chiuso_il' | 'oggi'>,
  graduatorie: Array<GraduatoriaPrevistaV1 & { id: string }>,
): Promise<void> {
  await manager.query(
    `INSERT INTO avviso (id, ambito, misura, annualita, titolo, regole_id, apertura, chiusura, decorrenza,
       mesi, stato, creato_da)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, 'bozza', $11)`,
    [
      a.id,
      a.ambito,
      a.misura,
      a.annualita,
      a.titolo,
      a.regole_id,
      a.apertura,
      a.chiusura,
      a.decorrenza,
      a.mesi,
      a.creato_da,
    ],
  );
  for (const g of graduatorie)
    await manager.query(
      `INSERT INTO graduatoria (id, avviso_id, area, strumento, linea, fondo, anno_fondo, budget_centesimi)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [g.id, a.id, g.area, g.strumento, g.linea, g.fondo ?? null, g.annoFondo ?? null, g.budgetCentesimi],
    );
}

export async function avvisoPerId(
  manager: EntityManager,
  id: string,
  opzioni: { blocca?: boolean } = {},
): Promise<AvvisoRow | null> {
  const [riga] = await manager.query<AvvisoRow[]>(
    `SELECT ${COLONNE} FROM avviso WHERE id = $1${opzioni.blocca ? ' FOR UPDATE' : ''}`,
    [id],
  );
  return riga ?? null;
}

export async function elencaAvvisi(
  manager: EntityManager,
  filtro: { ambito: string; misura?: Misura; annualita?: number; stato?: StatoAvviso },
): Promise<AvvisoRow[]> {
  return manager.query<AvvisoRow[]>(
    `SELECT ${COLONNE} FROM avviso
      WHERE ambito = $1 AND ($2::text IS NULL OR misura = $2) AND ($3::int IS NULL OR annualita = $3)
        AND ($4::text IS NULL OR stato = $4)
      ORDER BY apertura DESC, creato_il DESC`,
    [filtro.ambito, filtro.misura ?? null, filtro.annualita ?? null, filtro.stato ?? null],
  );
}

export async function graduatorieDegliAvvisi(
  manager: EntityManager,
  avvisi: string[],
): Promise<GraduatoriaRow[]> {
  if (avvisi.length === 0) return [];
  return manager.query<GraduatoriaRow[]>(
    `SELECT id, avviso_id, area, strumento, linea, fondo, anno_fondo, budget_centesimi::text AS budget_centesimi
       FROM graduatoria WHERE avviso_id = ANY ($1::uuid[]) ORDER BY area, strumento`,
    [avvisi],
  );
}

export async function pubblica(manager: EntityManager, id: string, da: string): Promise<void> {
  await manager.query(
    `UPDATE avviso SET stato = 'pubblicato', pubblicato_da = $2, pubblicato_il = now() WHERE id = $1`,
    [id, da],
  );
}

export async function chiudi(manager: EntityManager, id: string): Promise<void> {
  await manager.query(`UPDATE avviso SET stato = 'chiuso', chiuso_il = now() WHERE id = $1`, [id]);
}

/** Published avvisi whose window is over are closed when someone asks for them (no scheduler needed). */
export async function chiudiScaduti(manager: EntityManager, ambito: string): Promise<void> {
  await manager.query(
    `UPDATE avviso SET stato = 'chiuso', chiuso_il = now()
      WHERE ambito = $1 AND stato = 'pubblicato' AND chiusura < ${OGGI_SQL}`,
    [ambito],
  );
}
