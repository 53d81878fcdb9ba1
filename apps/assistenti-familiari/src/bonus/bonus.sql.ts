import type { EntityManager } from 'typeorm';
import type { EsitoBonus, EsitoVerificaBonusV1 } from '@ambito/contracts';
import type { DatiVerificaBonus, EsitoVerificaBonus } from './verifica-bonus';

export interface VerificaBonusRow {
  id: string;
  contratto_id: string;
  giorno: string;
  versione_regole: string;
  dati: DatiVerificaBonus;
  esito: EsitoVerificaBonus;
  ammissibile: boolean;
  esito_regione: EsitoBonus | null;
  importo_riconosciuto_centesimi: string | null;
}

export async function inserisciVerifica(
  m: EntityManager,
  v: { id: string; contrattoId: string; dati: DatiVerificaBonus; esito: EsitoVerificaBonus; da: string },
): Promise<void> {
  await m.query(
    `INSERT INTO verifica_bonus (id, contratto_id, giorno, versione_regole, dati, esito, ammissibile, importo_centesimi, verificata_da)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
    [
      v.id,
      v.contrattoId,
      v.dati.giorno,
      v.esito.versioneRegole,
      JSON.stringify(v.dati),
      JSON.stringify(v.esito),
      v.esito.ammissibile,
      v.esito.calcolo?.importoCentesimi ?? null,
      v.da,
    ],
  );
}

export async function verificaPerId(
  m: EntityManager,
  id: string,
  opzioni: { blocca?: boolean } = {},
): Promise<VerificaBonusRow | undefined> {
  const [riga] = await m.query<VerificaBonusRow[]>(
    `SELECT id, contratto_id, to_char(giorno, 'YYYY-MM-DD') AS giorno, versione_regole, dati, esito, ammissibile,
            esito_regione, importo_riconosciuto_centesimi
       FROM verifica_bonus WHERE id = $1 ${opzioni.blocca ? 'FOR UPDATE' : ''}`,
    [id],
  );
  return riga;
}

export async function registraEsito(
  m: EntityManager,
  id: string,
  e: { esito: EsitoBonus; importoCentesimi: number | null; annualita: number; da: string },
): Promise<void> {
  await m.query(
    `UPDATE verifica_bonus SET esito_regione = $2, importo_riconosciuto_centesimi = $3, annualita = $4,
            esito_registrato_da = $5, esito_registrato_il = now() WHERE id = $1`,
    [id, e.esito, e.importoCentesimi, e.annualita, e.da],
  );
}

export function toEsitoVerificaBonusV1(v: VerificaBonusRow): EsitoVerificaBonusV1 {
  return {
    id: v.id,
    contrattoId: v.contratto_id,
    giorno: v.giorno,
    versioneRegole: v.versione_regole,
    ammissibile: v.ammissibile,
    requisiti: v.esito.requisiti,
    calcolo: v.esito.calcolo,
    esitoRegione: v.esito_regione,
    importoRiconosciutoCentesimi:
      v.importo_riconosciuto_centesimi === null ? null : Number(v.importo_riconosciuto_centesimi),
  };
}
