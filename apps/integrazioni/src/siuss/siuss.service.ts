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
import { FONTI_SIUSS, type FontiSiuss } from './fonti-siuss';
import { componiRecord } from './record/componi-record';
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

  private async allinea(m: EntityManager, dati: Awaited<ReturnType<FontiSiuss['dati']>>): Promise<void> {
    const b = dati.beneficio;
    const vigenti = await SiussSql.inVigore(m, b.id);
    const codifica = codificaSiuss(b.misura, b.strumento, b.dal);
    const composizione = componiRecord({ ...dati, codifica });
    const base = { beneficioId: b.id, personaId: b.personaId };
    if (composizione.esito === 'non-componibile') {
      await SiussSql.inserisci(m, {
        ...base,
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
        inVigore: false,
      });
      this.logger.warn({ beneficioId: b.id }, 'record SIUSS non componibile');
      return;
    }
    const nuove = new Map(composizione.prestazioni.map((p) => [p.anno, p.prestazione]));
    for (const vigente of vigenti) {
      const prestazione = nuove.get(vigente.anno);
      const contenuto = prestazione && { anagrafica: composizione.anagrafica, prestazione };
      if (contenuto && impronta(contenuto) === vigente.impronta) {
        nuove.delete(vigente.anno);
        continue;
      }
      // Changed or gone: the offered insertion is cancelled (same prestazione, TipoOperazione C).
      const vecchio = vigente.contenuto as Contenuto;
      await SiussSql.chiudi(m, vigente.id);
      await this.offri(m, {
        ...base,
        anno: vigente.anno,
        tipoOperazione: 'C',
        annulla: vigente.id,
        contenuto: { ...vecchio, prestazione: { ...vecchio.prestazione, TipoOperazione: 'C' } },
        versioneCodici: vigente.versione_codici,
      });
    }
    for (const [anno, prestazione] of nuove) {
      await this.offri(m, {
        ...base,
        anno,
        tipoOperazione: 'I',
        annulla: null,
        contenuto: { anagrafica: composizione.anagrafica, prestazione },
        versioneCodici: codifica?.versione ?? null,
      });
    }
  }

  /** Builds, validates and stores one flow: offered with its id_flusso, or refused with the reason. */
  private async offri(
    m: EntityManager,
    r: {
      beneficioId: string;
      personaId: string;
      anno: number;
      tipoOperazione: 'I' | 'C';
      annulla: string | null;
      contenuto: Contenuto;
      versioneCodici: string | null;
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
