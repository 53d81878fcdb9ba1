import { giornoInItalia } from '@ambito/kernel';
import { createHash } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import {
  DomainError,
  type ElencaFlussiSiussV1,
  type ElencaRecordSiussV1,
  type ElencoFlussiSiussV1,
  type ElencoRecordSiussV1,
  type EsitiSiussRecepitiV1,
  type EventEnvelope,
  type LottoSiussV1,
  type NotificaEsitiSiussV1,
  type RecordSiussV1,
} from '@ambito/contracts';
import { AuditService } from '@ambito/audit';
import { alreadyHandled, currentActor, handleOnce } from '@ambito/messaging';
import { codificaSiuss } from './codici/codici-siuss';
import { sezioneSina, type EsitoSina } from './codici/sina-siuss';
import { FONTI_SIUSS, type DatiProgettoSiuss, type DatiRecordSiuss, type FontiSiuss } from './fonti-siuss';
import { componiRecord } from './record/componi-record';
import { componiIntervento, VERSIONE_CODICI_PROGETTO } from './record/componi-intervento';
import { ENTE_SIUSS } from './siuss-config';
import { SiussSql, type RecordRow } from './siuss.repository';
import {
  documentoFlusso,
  type AnagraficaSiuss,
  type EnteSiuss,
  type PrestazioneSiuss,
} from './xml/flusso-siuss';
import { ValidatoreXsd } from './xml/validatore-xsd';

interface Contenuto {
  anagrafica: AnagraficaSiuss;
  prestazione: PrestazioneSiuss;
}

/** Which map, instrument and confidence made the SINA section: recorded with the record. */
const versioneSina = (s: Extract<EsitoSina, { esito: 'sina' }>) =>
  `${s.versione} [${s.confidenza}] valutazione ${s.valutazioneId}`;

const impronta = (c: Contenuto) => createHash('sha256').update(JSON.stringify(c)).digest('hex');

/**
 * The SIUSS feed: each event of a beneficio (concessione, liquidazione, revoca, cessazione) makes the
 * records of its prestazione agree with what misure, accesso and presa in carico say now. A record that
 * did not change is left alone; one that changed is corrected as a cancellation of the offered
 * insertion plus a new insertion. Every document is validated against the XSD before it is stored as
 * offered: one that does not validate is stored as `rifiutato`, with the reason, and never offered.
 */
@Injectable()
export class SiussService {
  private readonly logger = new Logger(SiussService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(FONTI_SIUSS) private readonly fonti: FontiSiuss,
    @Inject(ENTE_SIUSS) private readonly ente: EnteSiuss,
    private readonly validatore: ValidatoreXsd,
    private readonly audit: AuditService,
  ) {}

  /** A concessione carries its istanza: the beneficio misure made of it (not yet made: later). */
  async concesso(durable: string, envelope: EventEnvelope<string, { istanzaId: string }>): Promise<void> {
    if (await alreadyHandled(this.dataSource, durable, envelope)) return;
    const beneficioId = await this.fonti.beneficioDiIstanza(envelope.payload.istanzaId);
    if (!beneficioId)
      throw new DomainError(
        'SERVIZIO_NON_DISPONIBILE',
        'Il beneficio della concessione non è ancora registrato da misure: riprovare tra poco.',
      );
    await this.aggiorna(durable, envelope, beneficioId);
  }

  async aggiorna(durable: string, envelope: EventEnvelope, beneficioId: string): Promise<void> {
    if (await alreadyHandled(this.dataSource, durable, envelope)) return;
    const dati = await this.fonti.dati(beneficioId);
    await handleOnce(this.dataSource, durable, envelope, (m) => this.allinea(m, dati));
  }

  private async allinea(m: EntityManager, dati: DatiRecordSiuss): Promise<void> {
    const b = dati.beneficio;
    const vigenti = await SiussSql.inVigore(m, b.id);
    const codifica = codificaSiuss(b.misura, b.strumento, b.dal);
    const sina = codifica?.sina ? sezioneSina(dati.valutazioneSina) : null;
    const composizione = componiRecord({
      ...dati,
      codifica,
      sina: sina?.esito === 'sina' ? sina.sina : null,
    });
    const base = { beneficioId: b.id, interventoId: null, personaId: b.personaId };
    if (composizione.esito === 'non-componibile') {
      await SiussSql.inserisci(m, {
        ...base,
        chiave: null,
        anno: Number(b.dal.slice(0, 4)),
        tipoOperazione: 'I',
        annulla: null,
        stato: 'rifiutato',
        motivo: composizione.motivo,
        idFlusso: null,
        tsFlusso: null,
        xml: '',
        contenuto: {},
        impronta: '',
        codicePrestazione: null,
        versioneCodici: codifica?.versione ?? null,
        versioneSina: null,
        inVigore: false,
      });
      this.logger.warn({ beneficioId: b.id }, 'record SIUSS non componibile');
      return;
    }
    const nuove = composizione.prestazioni.map((p) => ({
      ...base,
      chiave: String(p.anno),
      anno: p.anno,
      contenuto: { anagrafica: composizione.anagrafica, prestazione: p.prestazione },
      versioneCodici: codifica?.versione ?? null,
      versioneSina: p.prestazione.SINA && sina?.esito === 'sina' ? versioneSina(sina) : null,
    }));
    await this.riconcilia(m, vigenti, nuove, (r) => String(r.anno));
  }

  /**
   * A progetto approved (or a new SINA valutazione): the interventi of the approved progetto in force
   * that are prestazioni (coded with what SIUSS needs: carattere, prova dei mezzi, area utenza) become
   * records, one per prestazione and calendar year; the ones no longer there, or changed, are
   * corrected. An event without the person (a cartella not linked to the accesso registry) has nothing
   * SIUSS can name: handled, nothing written.
   */
  async progetto(
    durable: string,
    envelope: EventEnvelope<string, { personaId?: string | null }>,
  ): Promise<void> {
    if (await alreadyHandled(this.dataSource, durable, envelope)) return;
    const personaId = envelope.payload.personaId ?? null;
    if (!personaId) {
      await handleOnce(this.dataSource, durable, envelope, async () => undefined);
      return;
    }
    const dati = await this.fonti.datiProgetto(personaId);
    await handleOnce(this.dataSource, durable, envelope, (m) => this.allineaProgetto(m, personaId, dati));
  }

  /** A new SINA valutazione: the person's progetto records and beneficio records carry the new section. */
  async valutazione(
    durable: string,
    envelope: EventEnvelope<string, { personaId?: string | null; strumento: string }>,
  ): Promise<void> {
    if (envelope.payload.strumento !== 'SINA') {
      if (!(await alreadyHandled(this.dataSource, durable, envelope)))
        await handleOnce(this.dataSource, durable, envelope, async () => undefined);
      return;
    }
    const personaId = envelope.payload.personaId ?? null;
    if (await alreadyHandled(this.dataSource, durable, envelope)) return;
    if (!personaId) {
      await handleOnce(this.dataSource, durable, envelope, async () => undefined);
      return;
    }
    const benefici = await SiussSql.beneficiInVigore(this.dataSource.manager, personaId);
    const datiBenefici: DatiRecordSiuss[] = [];
    for (const beneficioId of benefici) datiBenefici.push(await this.fonti.dati(beneficioId));
    const datiProgetto = await this.fonti.datiProgetto(personaId);
    await handleOnce(this.dataSource, durable, envelope, async (m) => {
      for (const dati of datiBenefici) await this.allinea(m, dati);
      await this.allineaProgetto(m, personaId, datiProgetto);
    });
  }

  private async allineaProgetto(m: EntityManager, personaId: string, dati: DatiProgettoSiuss): Promise<void> {
    const vigenti = await SiussSql.inVigoreProgetto(m, personaId);
    const sina = sezioneSina(dati.valutazioneSina);
    const nuove: Parameters<SiussService['riconcilia']>[2] = [];
    for (const intervento of dati.progetto?.interventi ?? []) {
      const composizione = componiIntervento(
        intervento,
        dati.persona,
        sina.esito === 'sina' ? sina.sina : null,
      );
      if (composizione.esito === 'non-componibile') {
        // Not a prestazione SIUSS can take (coded before the SIUSS fields, or incomplete): left out.
        this.logger.log(
          { interventoId: intervento.id, motivo: composizione.motivo },
          'intervento senza record SIUSS',
        );
        continue;
      }
      for (const p of composizione.prestazioni)
        nuove.push({
          beneficioId: null,
          interventoId: intervento.id,
          personaId,
          chiave: `${intervento.codicePrestazione}|${intervento.dal}|${p.anno}`,
          anno: p.anno,
          contenuto: { anagrafica: composizione.anagrafica, prestazione: p.prestazione },
          versioneCodici: VERSIONE_CODICI_PROGETTO,
          versioneSina: p.prestazione.SINA && sina.esito === 'sina' ? versioneSina(sina) : null,
        });
    }
    await this.riconcilia(m, vigenti, nuove, (r) => r.chiave ?? String(r.anno));
  }

  /**
   * Makes the records in force agree with the new ones, key by key: the same content stays (no new
   * flow); changed or gone is cancelled (same prestazione, TipoOperazione C); new or changed is inserted.
   */
  private async riconcilia(
    m: EntityManager,
    vigenti: RecordRow[],
    nuove: Array<{
      beneficioId: string | null;
      interventoId: string | null;
      personaId: string;
      chiave: string;
      anno: number;
      contenuto: Contenuto;
      versioneCodici: string | null;
      versioneSina: string | null;
    }>,
    chiaveDi: (r: RecordRow) => string,
  ): Promise<void> {
    const daInserire = new Map(nuove.map((n) => [n.chiave, n]));
    for (const vigente of vigenti) {
      const nuova = daInserire.get(chiaveDi(vigente));
      if (nuova && impronta(nuova.contenuto) === vigente.impronta) {
        daInserire.delete(chiaveDi(vigente));
        continue;
      }
      const vecchio = vigente.contenuto as Contenuto;
      await SiussSql.chiudi(m, vigente.id);
      await this.offri(m, {
        beneficioId: vigente.beneficio_id,
        interventoId: vigente.intervento_id,
        personaId: vigente.persona_id,
        chiave: vigente.chiave,
        anno: vigente.anno,
        tipoOperazione: 'C',
        annulla: vigente.id,
        contenuto: { ...vecchio, prestazione: { ...vecchio.prestazione, TipoOperazione: 'C' } },
        versioneCodici: vigente.versione_codici,
        versioneSina: vigente.versione_sina,
      });
    }
    for (const nuova of daInserire.values())
      await this.offri(m, { ...nuova, tipoOperazione: 'I', annulla: null });
  }

  /** Builds, validates and stores one flow: offered with its id_flusso, or refused with the reason. */
  private async offri(
    m: EntityManager,
    r: {
      beneficioId: string | null;
      interventoId: string | null;
      personaId: string;
      chiave: string | null;
      anno: number;
      tipoOperazione: 'I' | 'C';
      annulla: string | null;
      contenuto: Contenuto;
      versioneCodici: string | null;
      versioneSina: string | null;
    },
  ): Promise<void> {
    const documento = (nome: string) =>
      documentoFlusso(nome, this.ente, [
        { anagrafica: r.contenuto.anagrafica, prestazioni: [r.contenuto.prestazione] },
      ]);
    // Validated before a number is taken: a refused document uses no progressive.
    const prova = await this.validatore.valida(documento(`${this.ente.codice}.PS.00000000.0000000`));
    const comuni = {
      beneficioId: r.beneficioId,
      interventoId: r.interventoId,
      chiave: r.chiave,
      versioneSina: r.versioneSina,
      personaId: r.personaId,
      anno: r.anno,
      tipoOperazione: r.tipoOperazione,
      annulla: r.annulla,
      contenuto: r.contenuto,
      impronta: impronta(r.contenuto),
      codicePrestazione: r.contenuto.prestazione.CodicePrestazione,
      versioneCodici: r.versioneCodici,
    };
    if (!prova.valido) {
      await SiussSql.inserisci(m, {
        ...comuni,
        stato: 'rifiutato',
        motivo: `Documento non valido secondo PS_PSA_SINA201812.xsd: ${prova.errori.join('; ').slice(0, 2000)}`,
        idFlusso: null,
        tsFlusso: null,
        xml: documento(`${this.ente.codice}.PS.00000000.0000000`),
        inVigore: false,
      });
      return;
    }
    const { ts, giorno, progressivo } = await SiussSql.prossimoFlusso(m);
    const idFlusso = `${this.ente.codice}.PS.${giorno}.${String(progressivo).padStart(7, '0')}`;
    const xml = documento(idFlusso);
    const finale = await this.validatore.valida(xml);
    if (!finale.valido) throw new Error(`flusso ${idFlusso} non valido dopo la numerazione`);
    await SiussSql.inserisci(m, {
      ...comuni,
      stato: 'offerto',
      motivo: null,
      idFlusso,
      tsFlusso: ts,
      xml,
      inVigore: r.tipoOperazione === 'I',
    });
  }

  async flussi(dto: ElencaFlussiSiussV1): Promise<ElencoFlussiSiussV1> {
    const righe = await SiussSql.flussiDopo(this.dataSource.manager, dto.since, dto.limit ?? 10);
    // Each flow carries a person's data to INPS: one audit row per flow handed over.
    await this.audit.consentito(
      this.dataSource.manager,
      currentActor(),
      righe.map((r) => ({
        azione: 'leggi',
        risorsa: 'flusso-siuss',
        risorsaId: r.id_flusso,
        soggettoId: r.persona_id,
      })),
    );
    return {
      flussi: righe.map((r) => ({
        codiceEnte: this.ente.codice,
        denominazioneEnte: this.ente.denominazione,
        idFlusso: r.id_flusso as string,
        tipo: 'PS_PSA_SINA',
        tsFlusso: (r.ts_flusso as Date).toISOString(),
        flusso: Buffer.from(r.xml, 'utf8').toString('base64'),
      })),
    };
  }

  async esiti(dto: NotificaEsitiSiussV1): Promise<EsitiSiussRecepitiV1> {
    return this.dataSource.transaction(async (m) => {
      const sconosciuti: string[] = [];
      let riconciliati = 0;
      for (const e of dto.esiti) {
        const id = await SiussSql.esito(m, {
          idFlusso: e.idFlusso,
          codiceEsito: e.codiceEsito,
          descrizione: e.descrizioneEsito ?? null,
          idAcquisizione: e.idAcquisizioneSiuss ?? null,
          tsAcquisizione: e.tsAcquisizione,
        });
        if (id) riconciliati++;
        else sconosciuti.push(e.idFlusso);
      }
      return { riconciliati, sconosciuti };
    });
  }

  async record(dto: ElencaRecordSiussV1): Promise<ElencoRecordSiussV1> {
    const righe = await SiussSql.elenca(this.dataSource.manager, dto);
    return { record: righe.map(recordV1) };
  }

  /** The upload batch of a year: the insertions in force, one Beneficiario per person, XSD-validated. */
  async lotto(anno: number): Promise<LottoSiussV1> {
    const righe = await SiussSql.inseriteDellAnno(this.dataSource.manager, anno);
    await this.audit.consentito(
      this.dataSource.manager,
      currentActor(),
      righe.map((r) => ({
        azione: 'lotto',
        risorsa: 'flusso-siuss',
        risorsaId: r.id_flusso,
        soggettoId: r.persona_id,
      })),
    );
    const perPersona = new Map<string, { anagrafica: AnagraficaSiuss; prestazioni: PrestazioneSiuss[] }>();
    for (const r of righe) {
      const c = r.contenuto as Contenuto;
      const voce = perPersona.get(c.anagrafica.codiceFiscale) ?? {
        anagrafica: c.anagrafica,
        prestazioni: [],
      };
      voce.prestazioni.push(c.prestazione);
      perPersona.set(c.anagrafica.codiceFiscale, voce);
    }
    if (perPersona.size === 0)
      throw new DomainError('RISORSA_NON_TROVATA', `Nessuna prestazione SIUSS da inviare per il ${anno}.`);
    const oggi = giornoInItalia().replaceAll('-', '');
    const nome = `${this.ente.codice}.PS.${oggi}.L${anno}`;
    const xml = documentoFlusso(nome, this.ente, [...perPersona.values()]);
    const esito = await this.validatore.valida(xml);
    if (!esito.valido)
      throw new DomainError(
        'VALIDAZIONE_FALLITA',
        `Il lotto SIUSS non è valido secondo l’XSD e non è offerto: ${esito.errori.slice(0, 5).join('; ')}`,
      );
    return { nome, beneficiari: perPersona.size, xml };
  }
}

function recordV1(r: RecordRow): RecordSiussV1 {
  return {
    id: r.id,
    beneficioId: r.beneficio_id,
    interventoId: r.intervento_id,
    versioneSina: r.versione_sina,
    anno: r.anno,
    tipoOperazione: r.tipo_operazione,
    idFlusso: r.id_flusso,
    stato: r.stato,
    motivo: r.motivo,
    codicePrestazione: r.codice_prestazione,
    idAcquisizioneSiuss: r.id_acquisizione_siuss,
    creatoIl: r.creato_il.toISOString(),
  };
}
