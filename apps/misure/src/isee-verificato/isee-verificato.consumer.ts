import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import {
  INTEGRAZIONI_ISEE_EVENTS,
  MISURE_CONSUMI,
  utenteServizio,
  type EventEnvelope,
  type IseeAcquisitoV1,
} from '@ambito/contracts';
import { OnEvent, alreadyHandled, handleOnce } from '@ambito/messaging';
import { SERVICE } from '../app/service';
import { IstruttoriaService } from '../istruttoria/istruttoria.service';
import { istanzaPerId, istanzeAperteDellaPersona } from '../istanze/istanze.sql';
import { registraIseeVerificato } from './isee-verificato.sql';

/**
 * `integrazioni.isee.acquisito`: the ISEE INPS returned for an istanza is recorded and the istanza's
 * istruttoria runs again (cause `integrazioni.isee.acquisito`), with the verified value in place of the
 * declared one and ISEE_VERIFICA_INPS flagging a difference. Row and istruttoria are written in one
 * transaction with the inbox row: once per event. The persona's sources (accesso, presa in carico) are
 * read before it, as the other riesami do; while they do not answer, the event comes back later.
 */
@Injectable()
export class IseeVerificatoConsumer {
  private readonly logger = new Logger(IseeVerificatoConsumer.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly istruttoria: IstruttoriaService,
  ) {}

  @OnEvent(INTEGRAZIONI_ISEE_EVENTS.iseeAcquisito, { durable: MISURE_CONSUMI.iseeAcquisito.durable })
  async iseeAcquisito(
    envelope: EventEnvelope<'integrazioni.isee.acquisito', IseeAcquisitoV1>,
  ): Promise<void> {
    const durable = MISURE_CONSUMI.iseeAcquisito.durable;
    if (await alreadyHandled(this.dataSource, durable, envelope)) return;
    const { istanzaId } = envelope.payload;
    const istanza = await istanzaPerId(this.dataSource.manager, istanzaId);
    if (!istanza) {
      // Another ambito's istanza, or one never committed: nothing to judge.
      this.logger.warn(
        { eventId: envelope.id, istanzaId },
        'ISEE verificato di un’istanza sconosciuta: ignorato',
      );
      await handleOnce(this.dataSource, durable, envelope, async () => undefined);
      return;
    }
    const aperta = (await istanzeAperteDellaPersona(this.dataSource.manager, istanza.persona_id)).includes(
      istanzaId,
    );
    const fonti = aperta ? await this.istruttoria.fontiDellaPersona(istanza.persona_id) : null;
    await handleOnce(this.dataSource, durable, envelope, async (manager) => {
      await registraIseeVerificato(manager, envelope.payload);
      // An istanza whose avviso has moved on (graduatoria approved) keeps its istruttoria: the row stays.
      if (!fonti) return;
      const bloccata = await istanzaPerId(manager, istanzaId, { blocca: true });
      if (!bloccata) return;
      await this.istruttoria.istruisci(
        manager,
        bloccata,
        bloccata.dati,
        fonti,
        envelope.type,
        utenteServizio(SERVICE),
      );
    });
  }
}
