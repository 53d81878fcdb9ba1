import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Not, type DataSource } from 'typeorm';
import type {
  InterventoPerSiussV1,
  PresaInCaricoPerSiussV1,
  ValutazioneSinaPerSiussV1,
} from '@ambito/contracts';
import { AuditService } from '@ambito/audit';
import { currentActor } from '@ambito/messaging';
import { CartellaEntity } from '../../cartella/cartella.entity';

const NESSUNA: PresaInCaricoPerSiussV1 = {
  presoInCarico: false,
  cartellaId: null,
  valutazioneSina: null,
  progetto: null,
};

/**
 * The SIUSS feed's read of a person's cartella (`presa-in-carico.cartella.leggi-per-siuss`,
 * integrazioni's identity only): the last SINA valutazione of the episode in course, as registered
 * (integrazioni maps its items to the XSD with its own versioned table), and the interventi of the
 * approved progetto in force with what SIUSS needs of each. Audited with the calling service and its
 * purpose, also when there is no cartella (who asked about whom).
 */
@Injectable()
export class PerSiussQuery {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async esegui(personaId: string): Promise<PresaInCaricoPerSiussV1> {
    const manager = this.dataSource.manager;
    const cartella = await manager.findOne(CartellaEntity, {
      where: { personaId, stato: Not('chiusa') },
      order: { apertaIl: 'DESC' },
    });
    await this.audit.consentito(manager, currentActor(), [
      {
        azione: 'leggi-per-siuss',
        risorsa: 'cartella',
        risorsaId: cartella?.id ?? null,
        soggettoId: cartella?.id ?? null,
      },
    ]);
    if (!cartella) return NESSUNA;
    const [valutazioni] = (await manager.query(
      `SELECT count(*)::int AS n FROM valutazione WHERE cartella_id = $1 AND episodio = $2`,
      [cartella.id, cartella.episodio],
    )) as { n: number }[];
    const [sina] = (await manager.query(
      `SELECT id AS "valutazioneId", strumento_codice AS strumento, strumento_versione AS versione,
              data::text AS data, risposte, risposte_multiple AS "risposteMultiple"
         FROM valutazione
        WHERE cartella_id = $1 AND episodio = $2 AND strumento_codice = 'SINA'
        ORDER BY data DESC, registrata_il DESC LIMIT 1`,
      [cartella.id, cartella.episodio],
    )) as ValutazioneSinaPerSiussV1[];
    const [progetto] = (await manager.query(
      `SELECT id AS "progettoId", versione FROM progetto
        WHERE cartella_id = $1 AND episodio = $2 AND stato = 'approvato'
        ORDER BY versione DESC LIMIT 1`,
      [cartella.id, cartella.episodio],
    )) as { progettoId: string; versione: number }[];
    const interventi = progetto
      ? ((await manager.query(
          `SELECT id, codice_prestazione AS "codicePrestazione", denominazione, dal::text AS dal, al::text AS al,
                  costo_centesimi::int AS "costoCentesimi", presenza_prova_mezzi AS "presenzaProvaMezzi",
                  carattere_prestazione AS "caratterePrestazione",
                  importo_mensile_centesimi::int AS "importoMensileCentesimi", area_utenza AS "areaUtenza",
                  protocollo_domanda AS "protocolloDomanda"
             FROM intervento WHERE progetto_id = $1 ORDER BY posizione`,
          [progetto.progettoId],
        )) as InterventoPerSiussV1[])
      : [];
    return {
      presoInCarico: valutazioni.n > 0 || progetto !== undefined,
      cartellaId: cartella.id,
      valutazioneSina: sina ?? null,
      progetto: progetto ? { ...progetto, interventi } : null,
    };
  }
}
