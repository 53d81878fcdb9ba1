import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Written out: a later change of the contracts must not alter what this migration does. */
const RELAZIONI_PRIMA = [
  'coniuge',
  'unito-civilmente',
  'convivente',
  'figlio',
  'genitore',
  'fratello-sorella',
  'nonno-nonna',
  'nipote',
  'altro-parente',
  'tutore',
  'amministratore-di-sostegno',
  'altro',
];
const AFFINI = [
  'suocero-suocera',
  'genero-nuora',
  'figlio-del-coniuge',
  'coniuge-del-genitore',
  'cognato-cognata',
];
const lista = (valori: string[]) => valori.map((v) => `'${v}'`).join(', ');

/**
 * The kind of project (progetto individuale art. 14 L. 328/2000, PaIS, Progetto di Vita L.R. 25/2022),
 * what SIUSS needs of each intervento (PS_PSA_SINA201812.xsd: PresenzaProvaMezzi, CaratterePrestazione,
 * ImportoMensile, PeriodoErogazione, quote ente/utente/SSN, AreaUtenza, ProtocolloDomanda), all nullable
 * for the projects proposed before; and the affini up to the 2nd degree among the relations of the nucleo.
 */
export class AddProgettoSiuss1764000000007 implements MigrationInterface {
  name = 'AddProgettoSiuss1764000000007';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE progetto ADD COLUMN tipo text CHECK (tipo IN ('progetto-individuale-art14', 'pais', 'progetto-di-vita'))`,
    );
    await q.query(`
      ALTER TABLE intervento
        ADD COLUMN presenza_prova_mezzi smallint CHECK (presenza_prova_mezzi BETWEEN 1 AND 4),
        ADD COLUMN carattere_prestazione smallint CHECK (carattere_prestazione IN (1, 2)),
        ADD COLUMN importo_mensile_centesimi bigint CHECK (importo_mensile_centesimi >= 0),
        ADD COLUMN periodo_erogazione smallint CHECK (periodo_erogazione BETWEEN 1 AND 12),
        ADD COLUMN quota_ente_centesimi bigint CHECK (quota_ente_centesimi >= 0),
        ADD COLUMN quota_utente_centesimi bigint CHECK (quota_utente_centesimi >= 0),
        ADD COLUMN quota_ssn_centesimi bigint CHECK (quota_ssn_centesimi >= 0),
        ADD COLUMN area_utenza smallint CHECK (area_utenza IN (1, 2, 3)),
        ADD COLUMN protocollo_domanda text CHECK (char_length(protocollo_domanda) BETWEEN 1 AND 32)`);
    await q.query(`ALTER TABLE membro_nucleo DROP CONSTRAINT membro_nucleo_relazione_check`);
    await q.query(
      `ALTER TABLE membro_nucleo ADD CONSTRAINT membro_nucleo_relazione_check CHECK (relazione IN (${lista([...RELAZIONI_PRIMA, ...AFFINI])}))`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE membro_nucleo DROP CONSTRAINT membro_nucleo_relazione_check`);
    await q.query(
      `ALTER TABLE membro_nucleo ADD CONSTRAINT membro_nucleo_relazione_check CHECK (relazione IN (${lista(RELAZIONI_PRIMA)}))`,
    );
    await q.query(`
      ALTER TABLE intervento
        DROP COLUMN presenza_prova_mezzi, DROP COLUMN carattere_prestazione,
        DROP COLUMN importo_mensile_centesimi, DROP COLUMN periodo_erogazione,
        DROP COLUMN quota_ente_centesimi, DROP COLUMN quota_utente_centesimi, DROP COLUMN quota_ssn_centesimi,
        DROP COLUMN area_utenza, DROP COLUMN protocollo_domanda`);
    await q.query(`ALTER TABLE progetto DROP COLUMN tipo`);
  }
}
