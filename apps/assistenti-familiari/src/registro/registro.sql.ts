import type { EntityManager } from 'typeorm';
import type {
  AssistenteV1,
  CampoPubblicabile,
  CausaCancellazione,
  CausaSospensioneIscrizione,
  ConsensoPubblicazioneV1,
  DatiAssistenteV1,
  FormazioneV1,
  SchedaAssistenteV1,
  StatoIscrizione,
  TipoStoriaIscrizione,
  VoceStoriaIscrizioneV1,
} from '@ambito/contracts';
import { fasceDegliSlot, slotDelleFasce } from './disponibilita';

const ISO = (colonna: string) => `to_char(${colonna} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
const GIORNO = (colonna: string) => `to_char(${colonna}, 'YYYY-MM-DD')`;

/* ---------- assistente ---------- */

interface AssistenteRow {
  id: string;
  codice_fiscale: string;
  nome: string;
  cognome: string;
  data_nascita: string;
  cittadinanza: string;
  telefono: string | null;
  email: string | null;
  indirizzo: string | null;
}

export const assistenteV1 = (r: AssistenteRow): AssistenteV1 => ({
  id: r.id,
  codiceFiscale: r.codice_fiscale,
  nome: r.nome,
  cognome: r.cognome,
  dataNascita: r.data_nascita,
  cittadinanza: r.cittadinanza,
  telefono: r.telefono,
  email: r.email,
  indirizzo: r.indirizzo,
});

const COLONNE_ASSISTENTE = `a.id, a.codice_fiscale, a.nome, a.cognome, ${GIORNO('a.data_nascita')} AS data_nascita,
  a.cittadinanza, a.telefono, a.email, a.indirizzo`;

/** The assistant of a codice fiscale, created or brought up to date with what the candidatura declares. */
export async function salvaAssistente(
  manager: EntityManager,
  id: string,
  a: DatiAssistenteV1,
): Promise<string> {
  const rows = await manager.query<Array<{ id: string }>>(
    `INSERT INTO assistente (id, codice_fiscale, nome, cognome, data_nascita, cittadinanza, telefono, email, indirizzo)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
     ON CONFLICT (codice_fiscale) DO UPDATE SET nome = EXCLUDED.nome, cognome = EXCLUDED.cognome,
       data_nascita = EXCLUDED.data_nascita, cittadinanza = EXCLUDED.cittadinanza, telefono = EXCLUDED.telefono,
       email = EXCLUDED.email, indirizzo = EXCLUDED.indirizzo
     RETURNING id`,
    [id, a.codiceFiscale, a.nome, a.cognome, a.dataNascita, a.cittadinanza, a.telefono, a.email, a.indirizzo],
  );
  return rows[0].id;
}

export async function assistentePerId(manager: EntityManager, id: string): Promise<AssistenteV1> {
  const rows = await manager.query<AssistenteRow[]>(
    `SELECT ${COLONNE_ASSISTENTE} FROM assistente a WHERE a.id = $1`,
    [id],
  );
  return assistenteV1(rows[0]);
}

/* ---------- iscrizione ---------- */

export interface IscrizioneRow {
  id: string;
  registro: string;
  assistente_id: string;
  candidatura_id: string;
  sportello: string;
  stato: StatoIscrizione;
  iscritta_il: string;
  requisiti_id: string;
  permesso_scadenza: string | null;
  causa_sospensione: CausaSospensioneIscrizione | null;
  causa_cancellazione: CausaCancellazione | null;
}

const COLONNE_ISCRIZIONE = `id, registro, assistente_id, candidatura_id, sportello, stato, ${GIORNO('iscritta_il')} AS iscritta_il,
  requisiti_id, ${GIORNO('permesso_scadenza')} AS permesso_scadenza, causa_sospensione, causa_cancellazione`;

export async function iscrizionePerId(
  manager: EntityManager,
  registro: string,
  id: string,
  opzioni: { blocca?: boolean } = {},
): Promise<IscrizioneRow | null> {
  const rows = await manager.query<IscrizioneRow[]>(
    `SELECT ${COLONNE_ISCRIZIONE} FROM iscrizione WHERE id = $1 AND registro = $2${opzioni.blocca ? ' FOR UPDATE' : ''}`,
    [id, registro],
  );
  return rows[0] ?? null;
}

export async function iscrizioneViva(
  manager: EntityManager,
  registro: string,
  assistenteId: string,
): Promise<string | null> {
  const rows = await manager.query<Array<{ id: string }>>(
    `SELECT id FROM iscrizione WHERE registro = $1 AND assistente_id = $2 AND stato <> 'cancellata'`,
    [registro, assistenteId],
  );
  return rows[0]?.id ?? null;
}

export async function inserisciIscrizione(
  manager: EntityManager,
  i: Omit<IscrizioneRow, 'stato' | 'causa_sospensione' | 'causa_cancellazione'>,
): Promise<void> {
  await manager.query(
    `INSERT INTO iscrizione (id, registro, assistente_id, candidatura_id, sportello, stato, iscritta_il, requisiti_id, permesso_scadenza)
     VALUES ($1, $2, $3, $4, $5, 'attiva', $6, $7, $8)`,
    [
      i.id,
      i.registro,
      i.assistente_id,
      i.candidatura_id,
      i.sportello,
      i.iscritta_il,
      i.requisiti_id,
      i.permesso_scadenza,
    ],
  );
}

export async function aggiornaStato(
  manager: EntityManager,
  id: string,
  stato: StatoIscrizione,
  cause: {
    sospensione?: CausaSospensioneIscrizione | null;
    cancellazione?: CausaCancellazione | null;
    permessoScadenza?: string | null;
  },
): Promise<void> {
  await manager.query(
    `UPDATE iscrizione SET stato = $2, causa_sospensione = $3, causa_cancellazione = $4,
       permesso_scadenza = CASE WHEN $5::boolean THEN $6::date ELSE permesso_scadenza END, aggiornata_il = now()
     WHERE id = $1`,
    [
      id,
      stato,
      cause.sospensione ?? null,
      cause.cancellazione ?? null,
      'permessoScadenza' in cause,
      cause.permessoScadenza ?? null,
    ],
  );
}

/** Suspends, in one statement, the active iscrizioni of a registro whose permit expired before `giorno`. */
export async function sospendiPermessiScaduti(
  manager: EntityManager,
  registro: string,
  giorno: string,
): Promise<Array<{ id: string; assistente_id: string; permesso_scadenza: string }>> {
  const [righe] = await manager.query<
    [Array<{ id: string; assistente_id: string; permesso_scadenza: string }>, number]
  >(
    `UPDATE iscrizione SET stato = 'sospesa', causa_sospensione = 'permesso-scaduto', aggiornata_il = now()
      WHERE registro = $1 AND stato = 'attiva' AND permesso_scadenza < $2::date
      RETURNING id, assistente_id, ${GIORNO('permesso_scadenza')} AS permesso_scadenza`,
    [registro, giorno],
  );
  return righe;
}

/* ---------- scheda ---------- */

interface SchedaRow {
  competenze: SchedaAssistenteV1['competenze'];
  formazione: FormazioneV1[];
  disponibilita: number[];
  lingue: string[];
  aree: string[];
  convivente: boolean;
  esperienza_mesi: number;
}

export async function inserisciScheda(
  manager: EntityManager,
  iscrizioneId: string,
  s: SchedaAssistenteV1,
): Promise<void> {
  await manager.query(
    `INSERT INTO scheda (iscrizione_id, competenze, formazione, disponibilita, lingue, aree, convivente, esperienza_mesi)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [
      iscrizioneId,
      s.competenze,
      JSON.stringify(s.formazione),
      slotDelleFasce(s.disponibilita),
      s.lingue,
      s.aree,
      s.convivente,
      s.esperienzaMesi,
    ],
  );
}

export async function schedaDi(manager: EntityManager, iscrizioneId: string): Promise<SchedaAssistenteV1> {
  const [r] = await manager.query<SchedaRow[]>(
    `SELECT competenze, formazione, disponibilita, lingue, aree, convivente, esperienza_mesi FROM scheda WHERE iscrizione_id = $1`,
    [iscrizioneId],
  );
  return {
    competenze: r.competenze,
    formazione: r.formazione,
    disponibilita: fasceDegliSlot(r.disponibilita),
    lingue: r.lingue,
    aree: r.aree,
    convivente: r.convivente,
    esperienzaMesi: r.esperienza_mesi,
  };
}

/** The version of a scheda (its edits are checked against the one read). */
export async function versioneScheda(manager: EntityManager, iscrizioneId: string): Promise<number> {
  const [r] = await manager.query<Array<{ versione: number }>>(
    `SELECT versione FROM scheda WHERE iscrizione_id = $1`,
    [iscrizioneId],
  );
  return r.versione;
}

/** Replaces the scheda if it is still at `versione`; false when someone changed it since. */
export async function aggiornaScheda(
  manager: EntityManager,
  iscrizioneId: string,
  versione: number,
  s: SchedaAssistenteV1,
): Promise<boolean> {
  // Through a CTE: TypeORM answers a bare UPDATE … RETURNING as [rows, count].
  const righe = await manager.query<unknown[]>(
    `WITH u AS (
       UPDATE scheda SET competenze = $3, formazione = $4, disponibilita = $5, lingue = $6, aree = $7,
              convivente = $8, esperienza_mesi = $9, versione = versione + 1
        WHERE iscrizione_id = $1 AND versione = $2 RETURNING iscrizione_id)
     SELECT iscrizione_id FROM u`,
    [
      iscrizioneId,
      versione,
      s.competenze,
      JSON.stringify(s.formazione),
      slotDelleFasce(s.disponibilita),
      s.lingue,
      s.aree,
      s.convivente,
      s.esperienzaMesi,
    ],
  );
  return righe.length === 1;
}

/* ---------- consenso ---------- */

export async function consensoInVigore(
  manager: EntityManager,
  iscrizioneId: string,
): Promise<ConsensoPubblicazioneV1 | null> {
  const rows = await manager.query<
    Array<{
      id: string;
      campi: CampoPubblicabile[];
      documento: string;
      dato_il: string;
      registrato_da: string;
    }>
  >(
    `SELECT id, campi, documento, ${ISO('dato_il')} AS dato_il, registrato_da FROM consenso_pubblicazione
      WHERE iscrizione_id = $1 AND revocato_il IS NULL`,
    [iscrizioneId],
  );
  const r = rows[0];
  return r
    ? { id: r.id, campi: r.campi, documento: r.documento, datoIl: r.dato_il, registratoDa: r.registrato_da }
    : null;
}

/** Closes the consent in force, if any; true when there was one. */
export async function revocaConsensi(
  manager: EntityManager,
  iscrizioneId: string,
  da: string,
): Promise<boolean> {
  // An UPDATE answers [rows, count] through TypeORM's PostgreSQL driver.
  const [, revocati] = await manager.query<[unknown[], number]>(
    `UPDATE consenso_pubblicazione SET revocato_il = now(), revocato_da = $2
      WHERE iscrizione_id = $1 AND revocato_il IS NULL`,
    [iscrizioneId, da],
  );
  return revocati > 0;
}

export async function inserisciConsenso(
  manager: EntityManager,
  c: { id: string; iscrizioneId: string; campi: CampoPubblicabile[]; documento: string; da: string },
): Promise<void> {
  await manager.query(
    `INSERT INTO consenso_pubblicazione (id, iscrizione_id, campi, documento, registrato_da) VALUES ($1, $2, $3, $4, $5)`,
    [c.id, c.iscrizioneId, c.campi, c.documento, c.da],
  );
}

/* ---------- storia e versione del registro pubblico ---------- */

export async function annotaStoria(
  manager: EntityManager,
  iscrizioneId: string,
  voce: {
    tipo: TipoStoriaIscrizione;
    causa?: string | null;
    motivazione?: string | null;
    dettagli?: object | null;
    da: string;
  },
): Promise<void> {
  await manager.query(
    `INSERT INTO storia_iscrizione (iscrizione_id, tipo, causa, motivazione, dettagli, da) VALUES ($1, $2, $3, $4, $5, $6)`,
    [
      iscrizioneId,
      voce.tipo,
      voce.causa ?? null,
      voce.motivazione ?? null,
      voce.dettagli ? JSON.stringify(voce.dettagli) : null,
      voce.da,
    ],
  );
}

export async function storiaDi(
  manager: EntityManager,
  iscrizioneId: string,
): Promise<VoceStoriaIscrizioneV1[]> {
  const rows = await manager.query<
    Array<{
      tipo: TipoStoriaIscrizione;
      causa: string | null;
      motivazione: string | null;
      da: string;
      il: string;
    }>
  >(
    `SELECT tipo, causa, motivazione, da, ${ISO('il')} AS il FROM storia_iscrizione WHERE iscrizione_id = $1 ORDER BY id`,
    [iscrizioneId],
  );
  return rows.map((r) => ({ tipo: r.tipo, causa: r.causa, motivazione: r.motivazione, da: r.da, il: r.il }));
}

/**
 * A change that alters the public list bumps its version in the same transaction: every replica's cache
 * of the list is stale as soon as it commits (pubblico/registro-pubblico.service.ts).
 */
export async function cambiaRegistroPubblico(manager: EntityManager, registro: string): Promise<void> {
  await manager.query(
    `INSERT INTO registro_pubblico (registro, versione) VALUES ($1, 1)
     ON CONFLICT (registro) DO UPDATE SET versione = registro_pubblico.versione + 1`,
    [registro],
  );
}

export async function versioneRegistroPubblico(manager: EntityManager, registro: string): Promise<string> {
  const rows = await manager.query<Array<{ versione: string }>>(
    `SELECT versione::text AS versione FROM registro_pubblico WHERE registro = $1`,
    [registro],
  );
  return rows[0]?.versione ?? '0';
}
