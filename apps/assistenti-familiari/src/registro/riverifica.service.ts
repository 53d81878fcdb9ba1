import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { ASSISTENTI_FAMILIARI_EVENTS, type EsitoRiverificaV1 } from '@ambito/contracts';
import { OutboxWriter } from '@ambito/messaging';
import { CONTESTO_REGISTRO, type ContestoRegistro } from '../sportelli/contesto';
import { annotaStoria, cambiaRegistroPubblico, sospendiPermessiScaduti } from './registro.sql';

/** How often the service re-verifies its registro by itself (minutes; 0: only on request). */
export const INTERVALLO_RIVERIFICA = Symbol('INTERVALLO_RIVERIFICA');

/**
 * The periodic re-verification of the registro: an active iscrizione whose residence permit expired
 * before the day is suspended (cause `permesso-scaduto`), with its history and event, and leaves the
 * public list in the same transaction. Runs on a timer in every replica and on request; one UPDATE
 * takes each expired iscrizione once, so concurrent runs never suspend one twice.
 */
@Injectable()
export class RiverificaService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly log = new Logger(RiverificaService.name);
  private timer: NodeJS.Timeout | undefined;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(CONTESTO_REGISTRO) private readonly contesto: ContestoRegistro,
    @Inject(INTERVALLO_RIVERIFICA) private readonly minuti: number,
    private readonly outbox: OutboxWriter,
  ) {}

  onApplicationBootstrap(): void {
    if (this.minuti <= 0) return;
    this.timer = setInterval(() => void this.programmata(), this.minuti * 60_000);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    if (this.timer) clearInterval(this.timer);
  }

  async riverifica(giorno: string = this.contesto.oggi(), da = 'sistema'): Promise<EsitoRiverificaV1> {
    const { registro } = this.contesto;
    const sospese = await this.dataSource.transaction(async (manager) => {
      const righe = await sospendiPermessiScaduti(manager, registro, giorno);
      for (const r of righe) {
        await annotaStoria(manager, r.id, {
          tipo: 'sospesa',
          causa: 'permesso-scaduto',
          motivazione: `Permesso di soggiorno scaduto il ${r.permesso_scadenza}`,
          da,
        });
        await this.outbox.append(manager, ASSISTENTI_FAMILIARI_EVENTS.iscrizioneSospesa, {
          iscrizioneId: r.id,
          assistenteId: r.assistente_id,
          registro,
          causa: 'permesso-scaduto',
          dal: giorno,
        });
      }
      if (righe.length > 0) await cambiaRegistroPubblico(manager, registro);
      return righe.map((r) => r.id);
    });
    if (sospese.length > 0) this.log.log(`Riverifica del ${giorno}: ${sospese.length} iscrizioni sospese`);
    return { giorno, sospese };
  }

  private async programmata(): Promise<void> {
    try {
      await this.riverifica();
    } catch (error) {
      this.log.error({ errore: (error as Error).name }, 'riverifica del registro non riuscita');
    }
  }
}
