import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { INTEGRAZIONI_EVENTS, type IseeAcquisitoV1, type TipoIsee } from '@ambito/contracts';
import { OutboxWriter } from '@ambito/messaging';
import { Circuito } from '../chiamate-esterne/circuito';
import { concludi, prendiProssima, rinvia, type ConsultazioneRow } from './consultazioni.sql';
import { InpsIseeClient, type EsitoChiamataIsee } from './inps-isee.client';
import { ADATTATORE_ISEE, type AdattatoreIsee } from './adattatore-isee';
import type { TipoIndicatore } from './soap-isee';

/** The INPS indicator asked for each declared type (an ISEE corrente updates the ordinary one). */
export const INDICATORE_PER_TIPO: Readonly<Record<TipoIsee, TipoIndicatore>> = {
  ordinario: 'Ordinario',
  corrente: 'Ordinario',
  sociosanitario: 'SocioSanitario',
  residenziale: 'Residenziale',
  minorenni: 'Minorenne',
};

const attesa = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/**
 * Works the durable queue of consultations (consultazione_isee): each due one is taken under a lease,
 * asked to INPS (ConsultazioneIndicatore) with up to INPS_ISEE_TENTATIVI attempts in a turn, backing off
 * (doubling) on DATABASE_OFFLINE, ERRORE_INTERNO, timeouts and 5xx; then
 * - an answer (OK, DATI_NON_TROVATI) completes it and publishes integrazioni.isee.acquisito in the same
 *   transaction (outbox);
 * - a refusal INPS will repeat (RICHIESTA_INVALIDA, RISCONTRO_NON_VALIDO) parks it as failed, for an
 *   administrator to see and replay;
 * - 429 or the daily limit puts it back until INPS allows again and pauses the whole queue meanwhile;
 * - a turn still failing puts it back with a growing delay, and after INPS_ISEE_TURNI_MASSIMI turns parks
 *   it as failed.
 * Nothing is ever dropped: a consultation leaves the queue completed or failed, never lost. A circuit
 * breaker stops the turns while INPS keeps failing.
 */
@Injectable()
export class ConsultazioniWorker implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(ConsultazioniWorker.name);
  private timer: NodeJS.Timeout | null = null;
  private incorso: Promise<number> | null = null;
  private sospesaFinoA = 0;
  private fermo = false;
  readonly circuito: Circuito;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: OutboxWriter,
    @Inject(ADATTATORE_ISEE) private readonly adattatore: AdattatoreIsee,
  ) {
    const c = adattatore.config;
    this.circuito = new Circuito(c.circuitoSoglia, c.circuitoPausaMs);
  }

  onApplicationBootstrap(): void {
    if (!this.adattatore.client) return;
    this.timer = setInterval(() => void this.lavora(), this.adattatore.config.intervalloMs);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    this.fermo = true;
    if (this.timer) clearInterval(this.timer);
    await this.incorso;
  }

  /** One pass over the due consultations (never two at once in a process); how many were worked. */
  lavora(): Promise<number> {
    if (!this.incorso)
      this.incorso = this.passata()
        .catch((e: unknown) => {
          this.logger.error({ err: e }, 'coda delle consultazioni ISEE: passata interrotta');
          return 0;
        })
        .finally(() => (this.incorso = null));
    return this.incorso;
  }

  private async passata(): Promise<number> {
    const client = this.adattatore.client;
    if (!client) return 0;
    let lavorate = 0;
    while (!this.fermo && Date.now() >= this.sospesaFinoA && this.circuito.consente()) {
      const c = await prendiProssima(this.dataSource.manager, this.lease());
      if (!c) break;
      await this.consulta(client, c);
      lavorate += 1;
    }
    return lavorate;
  }

  /** Long enough for a whole turn: every attempt's timeout and backoff, and some margin. */
  private lease(): number {
    const c = this.adattatore.config;
    return c.tentativi * (2 * c.timeoutMs + c.backoffMs * 2 ** c.tentativi) + 30_000;
  }

  private async consulta(client: InpsIseeClient, c: ConsultazioneRow): Promise<void> {
    const cfg = this.adattatore.config;
    let esito: EsitoChiamataIsee = { tipo: 'riprova', esito: 'NESSUN_TENTATIVO' };
    let tentativi = 0;
    for (let i = 0; i < cfg.tentativi; i++) {
      if (i > 0) await attesa(cfg.backoffMs * 2 ** (i - 1));
      tentativi += 1;
      esito = await client.indicatore(
        c.tipo_indicatore as TipoIndicatore,
        {
          codiceFiscale: c.codice_fiscale,
          dataValidita: c.data_validita,
          prestazione: c.prestazione,
          protocolloDomanda: c.protocollo_istanza,
          stato: 'Da Erogare',
        },
        {
          consultazioneId: c.id,
          correlationId: c.correlation_id,
          protocolloIstanza: c.protocollo_istanza,
          tracciamento: { operatore: c.operatore, finalita: 'istruttoria-misure', motivo: c.motivo },
        },
      );
      if (esito.tipo !== 'riprova') break;
      this.circuito.fallimento();
      if (!this.circuito.consente()) break;
    }
    await this.dataSource.transaction(async (manager) => {
      if (esito.tipo === 'rinvia') {
        // INPS is there and answering: the circuit closes; the queue waits for INPS' own limit instead.
        this.circuito.successo();
        this.sospesaFinoA = esito.finoA.getTime();
        this.logger.warn(
          { consultazioneId: c.id, esito: esito.esito, finoA: esito.finoA },
          'INPS chiede di attendere',
        );
        await rinvia(manager, c.id, { tentativi, turno: false, esito: esito.esito, quando: esito.finoA });
        return;
      }
      if (esito.tipo === 'riprova') {
        const fallita = c.turni + 1 >= cfg.turniMassimi;
        if (fallita) await concludi(manager, c.id, { stato: 'fallita', tentativi, esito: esito.esito });
        else
          await rinvia(manager, c.id, {
            tentativi,
            turno: true,
            esito: esito.esito,
            quando: new Date(Date.now() + cfg.rinvioMs * 2 ** Math.min(c.turni, 6)),
          });
        return;
      }
      this.circuito.successo();
      const r = esito.risposta;
      if (r.esito === 'OK' && r.indicatore) {
        await concludi(manager, c.id, { stato: 'completata', tentativi, esito: r.esito });
        await this.pubblica(manager, c, {
          esito: 'verificato',
          valoreCentesimi: r.indicatore.iseeCentesimi,
          protocolloDsu: r.indicatore.protocolloDsu,
          dataPresentazione: r.indicatore.dataPresentazione,
        });
      } else if (r.esito === 'DATI_NON_TROVATI') {
        await concludi(manager, c.id, { stato: 'completata', tentativi, esito: r.esito });
        await this.pubblica(manager, c, {
          esito: 'non-trovato',
          valoreCentesimi: null,
          protocolloDsu: null,
          dataPresentazione: null,
        });
      } else {
        await concludi(manager, c.id, { stato: 'fallita', tentativi, esito: r.esito });
      }
    });
  }

  private pubblica(
    manager: Parameters<OutboxWriter['append']>[0],
    c: ConsultazioneRow,
    v: Pick<IseeAcquisitoV1, 'esito' | 'valoreCentesimi' | 'protocolloDsu' | 'dataPresentazione'>,
  ): Promise<unknown> {
    return this.outbox.append(manager, INTEGRAZIONI_EVENTS.iseeAcquisito, {
      consultazioneId: c.id,
      istanzaId: c.istanza_id,
      tipo: c.tipo,
      ...v,
      acquisitoIl: new Date().toISOString(),
    });
  }
}
