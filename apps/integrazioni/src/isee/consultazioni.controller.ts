import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import {
  DomainError,
  INTEGRAZIONI_RPC,
  type ConsultazioneIseeV1,
  type ElencaConsultazioniIseeV1,
  type PaginaConsultazioniIseeV1,
  type RiprovaConsultazioneIseeV1,
} from '@ambito/contracts';
import { AuditService } from '@ambito/audit';
import { RpcController, RpcHandler, currentActor } from '@ambito/messaging';
import {
  consultazionePerId,
  elencaConsultazioni,
  rimettiInCoda,
  toConsultazioneV1,
} from './consultazioni.sql';
import { ConsultazioniWorker } from './consultazioni.worker';

/**
 * The administrator's view of the consultations at INPS (point 4 of issue 12): what is queued, done or
 * failed, and the replay of a failed one, recorded in the audit log with its reason.
 */
@RpcController()
export class ConsultazioniController {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly coda: ConsultazioniWorker,
  ) {}

  @RpcHandler(INTEGRAZIONI_RPC.elencaConsultazioniIsee)
  async elenca(dto: ElencaConsultazioniIseeV1): Promise<PaginaConsultazioniIseeV1> {
    const pagina = dto.pagina ?? 1;
    const perPagina = dto.perPagina ?? 50;
    const { righe, totale } = await elencaConsultazioni(this.dataSource.manager, {
      stato: dto.stato,
      pagina,
      perPagina,
    });
    return { elementi: righe.map(toConsultazioneV1), totale, pagina, perPagina };
  }

  @RpcHandler(INTEGRAZIONI_RPC.riprovaConsultazioneIsee)
  async riprova(dto: RiprovaConsultazioneIseeV1): Promise<ConsultazioneIseeV1> {
    const actor = currentActor();
    const rimessa = await this.dataSource.transaction(async (manager) => {
      const riga = await rimettiInCoda(manager, dto.id);
      if (!riga) {
        const esiste = await consultazionePerId(manager, dto.id);
        throw esiste
          ? new DomainError(
              'CONSULTAZIONE_NON_FALLITA',
              `La consultazione è «${esiste.stato}»: si riprova soltanto una consultazione fallita.`,
            )
          : new DomainError('CONSULTAZIONE_NON_TROVATA', 'Consultazione ISEE non trovata.');
      }
      await this.audit.consentito(manager, actor, [
        {
          azione: 'riprova',
          risorsa: 'consultazione-isee',
          risorsaId: riga.id,
          soggettoId: riga.persona_id,
        },
      ]);
      return riga;
    });
    void this.coda.lavora();
    return toConsultazioneV1(rimessa);
  }
}
