import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import {
  INTEGRAZIONI_CHIAMATE,
  INTEGRAZIONI_CONSUMI,
  MISURE_EVENTS,
  type EventEnvelope,
  type IstanzaPresentataV1,
  type TipoIsee,
} from '@ambito/contracts';
import { OnEvent, ServiceCaller, alreadyHandled, handleOnce } from '@ambito/messaging';
import { ADATTATORE_ISEE, type AdattatoreIsee } from './adattatore-isee';
import { accodaConsultazione } from './consultazioni.sql';
import { ConsultazioniWorker, INDICATORE_PER_TIPO } from './consultazioni.worker';

/**
 * `misure.istanza.presentata`: each declared ISEE type of the istanza becomes a consultation in the queue
 * (one per istanza and type). The event carries ids only: the istanza's protocol, persona and declared
 * types are read from misure, the codice fiscale from accesso, with the service's own identity. While
 * they do not answer, the event comes back later (SERVIZIO_NON_DISPONIBILE); nothing is queued twice.
 * With the adapter switched off, or for an istanza presented before INPS_ISEE_DAL, the event is
 * acknowledged and nothing is asked.
 */
@Injectable()
export class IseeConsumer {
  private readonly logger = new Logger(IseeConsumer.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly chiamate: ServiceCaller,
    @Inject(ADATTATORE_ISEE) private readonly adattatore: AdattatoreIsee,
    private readonly coda: ConsultazioniWorker,
  ) {}

  @OnEvent(MISURE_EVENTS.istanzaPresentata, { durable: INTEGRAZIONI_CONSUMI.istanzaPresentataIsee.durable })
  async istanzaPresentata(
    envelope: EventEnvelope<'misure.istanza.presentata', IstanzaPresentataV1>,
  ): Promise<void> {
    const durable = INTEGRAZIONI_CONSUMI.istanzaPresentataIsee.durable;
    const primaDelDal = Date.parse(envelope.occurredAt) < this.adattatore.config.dal;
    if (
      !this.adattatore.client ||
      primaDelDal ||
      (await alreadyHandled(this.dataSource, durable, envelope))
    ) {
      await handleOnce(this.dataSource, durable, envelope, async () => undefined);
      return;
    }
    const { istanzaId } = envelope.payload;
    const motivo = `Verifica presso INPS dell’ISEE dichiarato nell’istanza ${istanzaId}`;
    const istanza = await this.chiamate.chiama(
      INTEGRAZIONI_CHIAMATE.istanzaPerIsee,
      { istanzaId },
      { motivo },
    );
    const tipi = [...new Set(istanza.dichiarati.map((d) => d.tipo))] as TipoIsee[];
    if (tipi.length === 0) {
      this.logger.log(
        { eventId: envelope.id, istanzaId },
        'istanza senza ISEE dichiarato: nessuna consultazione',
      );
      await handleOnce(this.dataSource, durable, envelope, async () => undefined);
      return;
    }
    const persona = await this.chiamate.chiama(
      INTEGRAZIONI_CHIAMATE.personaPerIsee,
      { personaId: istanza.personaId },
      { motivo },
    );
    await handleOnce(this.dataSource, durable, envelope, async (manager) => {
      for (const tipo of tipi)
        await accodaConsultazione(manager, {
          id: randomUUID(),
          istanza_id: istanza.istanzaId,
          protocollo_istanza: istanza.protocollo,
          persona_id: istanza.personaId,
          codice_fiscale: persona.codiceFiscale,
          tipo,
          tipo_indicatore: INDICATORE_PER_TIPO[tipo],
          data_validita: istanza.giornoProtocollo,
          prestazione: this.adattatore.config.prestazione,
          operatore: istanza.presentataDa,
          motivo: `Istruttoria dell’istanza ${istanza.protocollo}`,
          correlation_id: envelope.correlationId ?? randomUUID(),
        });
    });
    // Worked now rather than at the next tick: the operator sees the verified ISEE sooner.
    void this.coda.lavora();
  }
}
