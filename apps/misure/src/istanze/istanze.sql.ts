import type { EntityManager } from 'typeorm';
import type {
  Area,
  DichiarazioniIstanzaV1,
  DocumentoIstanzaV1,
  EsitoIstruttoria,
  RichiedenteV1,
} from '@ambito/contracts';

export interface IstanzaRow {
  id: string;
  ambito: string;
  avviso_id: string;
  persona_id: string;
  strumento: string;
  protocollo_anno: number;
  protocollo_numero: number;
  protocollata_il: Date;
  /** The day of presentation (Europe/Rome): the istruttoria judges age and ISEE on it. */
  giorno_protocollo: string;
  comune_residenza: string | null;
  sede: string | null;
  richiedente: RichiedenteV1;
  stato: string;
  versione: number;
  /** The declarations (DichiarazioniIstanzaV1) of the current version. */
  dati: DichiarazioniIstanzaV1;
  documenti: DocumentoIstanzaV1[];
  presentata_da: string;
  esito: EsitoIstruttoria | null;
  area: Area | null;
  importo_mensile_centesimi: string | null;
  importo_totale_centesimi: string | null;
}

export interface VersioneRow {
  versione: number;
  registrata_da: string;
  registrata_il: Date;
}

const COLONNE = `id, ambito, avviso_id, persona_id, strumento, protocollo_anno, protocollo_numero,
  protocollata_il, (protocollata_il AT TIME ZONE 'Europe/Rome')::date::text AS giorno_protocollo,
  comune_residenza, sede, richiedente, stato, versione, dati, documenti, presentata_da, esito, area,
  importo_mensile_centesimi::text AS importo_mensile_centesimi,
  importo_totale_centesimi::text AS importo_totale_centesimi`;

/**
 * The next protocol number of the ambito for the current year, under the counter row's lock: held until
 * the istanza's transaction ends, so numbers follow commit order and a rollback gives its number back
 * (no gaps). The time is read after the lock, so protocol time grows with the number.
 */
export async function prossimoProtocollo(
  manager: EntityManager,
  ambito: string,
): Promise<{ anno: number; numero: number; il: Date }> {
  const [riga] = await manager.query<Array<{ anno: number; numero: number; il: Date }>>(
    `INSERT INTO protocollo_contatore AS c (ambito, anno, ultimo)
       VALUES ($1, extract(year FROM now() AT TIME ZONE 'Europe/Rome')::int, 1)
     ON CONFLICT (ambito, anno) DO UPDATE SET ultimo = c.ultimo + 1
     RETURNING anno, ultimo AS numero, clock_timestamp() AS il`,
    [ambito],
  );
  return riga;
}

export function formatoProtocollo(ambito: string, anno: number, numero: number): string {
  return `${ambito}-${anno}-${String(numero).padStart(6, '0')}`;
}

export async function inserisciIstanza(
  manager: EntityManager,
  i: {
    id: string;
    ambito: string;
    avvisoId: string;
    personaId: string;
    strumento: string;
    protocollo: { anno: number; numero: number; il: Date };
    comuneResidenza: string | null;
    sede: string | null;
    richiedente: RichiedenteV1;
    dati: DichiarazioniIstanzaV1;
    documenti: DocumentoIstanzaV1[];
    presentataDa: string;
  },
): Promise<void> {
  await manager.query(
    `INSERT INTO istanza (id, ambito, avviso_id, persona_id, strumento, protocollo_anno, protocollo_numero,
       protocollata_il, comune_residenza, sede, richiedente, stato, versione, dati, documenti, presentata_da)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, 'presentata', 1, $12, $13, $14)`,
    [
      i.id,
      i.ambito,
      i.avvisoId,
      i.personaId,
      i.strumento,
      i.protocollo.anno,
      i.protocollo.numero,
      i.protocollo.il,
      i.comuneResidenza,
      i.sede,
      JSON.stringify(i.richiedente),
      JSON.stringify(i.dati),
      JSON.stringify(i.documenti),
      i.presentataDa,
    ],
  );
  await inserisciVersione(manager, i.id, 1, i.dati, i.documenti, i.presentataDa);
}

export async function inserisciVersione(
  manager: EntityManager,
  istanzaId: string,
  versione: number,
  dati: DichiarazioniIstanzaV1,
  documenti: DocumentoIstanzaV1[],
  da: string,
): Promise<void> {
  await manager.query(
    `INSERT INTO istanza_versione (istanza_id, versione, dati, documenti, registrata_da)
     VALUES ($1, $2, $3, $4, $5)`,
    [istanzaId, versione, JSON.stringify(dati), JSON.stringify(documenti), da],
  );
}

/** The istanza takes the new version's declarations (the old ones stay in istanza_versione). */
export async function aggiornaDichiarazioni(
  manager: EntityManager,
  istanzaId: string,
  versione: number,
  dati: DichiarazioniIstanzaV1,
  documenti: DocumentoIstanzaV1[],
  comuneResidenza: string | null,
): Promise<void> {
  await manager.query(
    `UPDATE istanza SET versione = $2, dati = $3, documenti = $4, comune_residenza = $5 WHERE id = $1`,
    [istanzaId, versione, JSON.stringify(dati), JSON.stringify(documenti), comuneResidenza],
  );
}

export async function istanzaPerId(
  manager: EntityManager,
  id: string,
  opzioni: { blocca?: boolean } = {},
): Promise<IstanzaRow | null> {
  const [riga] = await manager.query<IstanzaRow[]>(
    `SELECT ${COLONNE} FROM istanza WHERE id = $1${opzioni.blocca ? ' FOR UPDATE' : ''}`,
    [id],
  );
  return riga ?? null;
}

export async function versioni(manager: EntityManager, istanzaId: string): Promise<VersioneRow[]> {
  return manager.query<VersioneRow[]>(
    `SELECT versione, registrata_da, registrata_il FROM istanza_versione WHERE istanza_id = $1 ORDER BY versione`,
    [istanzaId],
  );
}

/** Where an actor sees istanze: null = all (Ufficio di Piano); else these sedi or these comuni. */
export interface VisibilitaIstanze {
  sedi: string[];
  comuni: string[];
}

const condizioneVisibilita = (da: number) =>
  `($${da}::text[] IS NULL OR sede = ANY ($${da}::text[]) OR comune_residenza = ANY ($${da + 1}::text[]))`;

export async function elencaIstanze(
  manager: EntityManager,
  filtro: {
    avvisoId: string;
    strumento?: string;
    esito?: EsitoIstruttoria;
    visibilita: VisibilitaIstanze | null;
    limite: number;
    scarto: number;
  },
): Promise<{ righe: IstanzaRow[]; totale: number }> {
  const parametri = [
    filtro.avvisoId,
    filtro.strumento ?? null,
    filtro.esito ?? null,
    filtro.visibilita?.sedi ?? null,
    filtro.visibilita?.comuni ?? [],
  ];
  const dove = `avviso_id = $1 AND ($2::text IS NULL OR strumento = $2) AND ($3::text IS NULL OR esito = $3)
    AND ${condizioneVisibilita(4)}`;
  const [{ totale }] = await manager.query<Array<{ totale: number }>>(
    `SELECT count(*)::int AS totale FROM istanza WHERE ${dove}`,
    parametri,
  );
  const righe = await manager.query<IstanzaRow[]>(
    `SELECT ${COLONNE} FROM istanza WHERE ${dove}
      ORDER BY protocollo_anno, protocollo_numero LIMIT $6 OFFSET $7`,
    [...parametri, filtro.limite, filtro.scarto],
  );
  return { righe, totale };
}

/** The person's istanze whose avviso is still open to istruttoria (published or closed, not yet ranked). */
export async function istanzeAperteDellaPersona(
  manager: EntityManager,
  personaId: string,
): Promise<string[]> {
  const righe = await manager.query<Array<{ id: string }>>(
    `SELECT i.id FROM istanza i JOIN avviso a ON a.id = i.avviso_id
      WHERE i.persona_id = $1 AND a.stato IN ('pubblicato', 'chiuso') ORDER BY i.protocollata_il`,
    [personaId],
  );
  return righe.map((r) => r.id);
}
