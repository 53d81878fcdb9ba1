import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import {
  MISURE_EVENTS,
  PRESA_IN_CARICO_CONSUMI,
  type BeneficioConcessoV1,
  type BeneficioRipresoV1,
  type BeneficioSospesoV1,
  type BeneficioTerminatoV1,
  type ErogazioneLiquidataV1,
  type EventEnvelope,
} from '@ambito/contracts';
import { OnEvent, handleOnce } from '@ambito/messaging';
import {
  aggiornaIntervento,
  bloccaConcessione,
  impegnoDellIstanza,
  inserisciIntervento,
  registraEvento,
  type NuovoEventoBeneficio,
} from './interventi-misure.sql';

const C = PRESA_IN_CARICO_CONSUMI;

/**
 * misure's events of a beneficio, each on its own durable, kept as interventi from the misure of the
 * person's cartella (issue 10, points 1 and 7). Once per event (inbox, in the effect's transaction); the
 * durables are independent, so an event may come before the concessione it belongs to: it is kept,
 * and the concessione derives the state from every event kept so far (stato-intervento.ts). Ids and
 * dates only: nothing here reads personal data.
 */
@Injectable()
export class InterventiMisureConsumers {
  private readonly logger = new Logger(InterventiMisureConsumers.name);

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  @OnEvent(MISURE_EVENTS.beneficioConcesso, { durable: C.beneficioConcesso.durable })
  async concesso(envelope: EventEnvelope<'misure.beneficio.concesso', BeneficioConcessoV1>): Promise<void> {
    await handleOnce(this.dataSource, C.beneficioConcesso.durable, envelope, async (m) => {
      await bloccaConcessione(m, envelope.payload.impegnoId);
      if (await inserisciIntervento(m, envelope.payload, envelope, randomUUID()))
        await aggiornaIntervento(m, envelope.payload.impegnoId);
    });
  }

  @OnEvent(MISURE_EVENTS.beneficioSospeso, { durable: C.beneficioSospeso.durable })
  sospeso(envelope: EventEnvelope<'misure.beneficio.sospeso', BeneficioSospesoV1>): Promise<void> {
    const p = envelope.payload;
    return this.registra(C.beneficioSospeso.durable, envelope, {
      ...vuoto(envelope, 'sospeso', p.beneficioId),
      impegnoId: p.impegnoId ?? null,
      istanzaId: p.istanzaId,
      sospensioneId: p.sospensioneId,
      dal: p.dal,
      al: p.al,
    });
  }

  @OnEvent(MISURE_EVENTS.beneficioRipreso, { durable: C.beneficioRipreso.durable })
  ripreso(envelope: EventEnvelope<'misure.beneficio.ripreso', BeneficioRipresoV1>): Promise<void> {
    const p = envelope.payload;
    return this.registra(C.beneficioRipreso.durable, envelope, {
      ...vuoto(envelope, 'ripreso', p.beneficioId),
      impegnoId: p.impegnoId ?? null,
      istanzaId: p.istanzaId,
      sospensioneId: p.sospensioneId,
      dal: p.dal,
    });
  }

  @OnEvent(MISURE_EVENTS.beneficioRevocato, { durable: C.beneficioRevocato.durable })
  revocato(envelope: EventEnvelope<'misure.beneficio.revocato', BeneficioTerminatoV1>): Promise<void> {
    return this.registra(C.beneficioRevocato.durable, envelope, terminato(envelope, 'revocato'));
  }

  @OnEvent(MISURE_EVENTS.beneficioCessato, { durable: C.beneficioCessato.durable })
  cessato(envelope: EventEnvelope<'misure.beneficio.cessato', BeneficioTerminatoV1>): Promise<void> {
    return this.registra(C.beneficioCessato.durable, envelope, terminato(envelope, 'cessato'));
  }

  @OnEvent(MISURE_EVENTS.erogazioneLiquidata, { durable: C.erogazioneLiquidata.durable })
  liquidata(envelope: EventEnvelope<'misure.erogazione.liquidata', ErogazioneLiquidataV1>): Promise<void> {
    const p = envelope.payload;
    return this.registra(C.erogazioneLiquidata.durable, envelope, {
      ...vuoto(envelope, 'liquidato', p.beneficioId),
      impegnoId: p.impegnoId,
      mese: p.mese,
      liquidazioneId: p.liquidazioneId,
      liquidatoCentesimi: p.importoLiquidatoCentesimi,
    });
  }

  /** Keeps the event and derives its intervento again, under the concessione's lock. */
  private async registra(durable: string, envelope: EventEnvelope, e: NuovoEventoBeneficio): Promise<void> {
    const handled = await handleOnce(this.dataSource, durable, envelope, async (m) => {
      const impegnoId = e.impegnoId ?? (e.istanzaId ? await impegnoDellIstanza(m, e.istanzaId) : null);
      if (impegnoId) await bloccaConcessione(m, impegnoId);
      if ((await registraEvento(m, e)) && impegnoId) await aggiornaIntervento(m, impegnoId);
    });
    if (!handled) this.logger.log({ eventId: envelope.id }, 'evento già elaborato: ignorato');
  }
}

function vuoto(
  envelope: EventEnvelope,
  tipo: NuovoEventoBeneficio['tipo'],
  beneficioId: string,
): NuovoEventoBeneficio {
  return {
    eventoId: envelope.id,
    tipo,
    beneficioId,
    impegnoId: null,
    istanzaId: null,
    sospensioneId: null,
    dal: null,
    al: null,
    mese: null,
    liquidazioneId: null,
    liquidatoCentesimi: null,
    avvenutoIl: envelope.occurredAt,
  };
}

function terminato(
  envelope: EventEnvelope<string, BeneficioTerminatoV1>,
  tipo: 'revocato' | 'cessato',
): NuovoEventoBeneficio {
  const p = envelope.payload;
  return {
    ...vuoto(envelope, tipo, p.beneficioId),
    impegnoId: p.impegnoId,
    istanzaId: p.istanzaId,
    dal: p.dal,
  };
}
