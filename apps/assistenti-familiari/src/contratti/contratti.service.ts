import {
  CONTESTO_SPORTELLO,
  PERSONA,
  fuoriDalSubAmbito,
  sportelloDellOperatore,
  vedeFascicolo,
  type ContestoSportello,
} from '../sportello/contesto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import {
  ASSISTENTI_FAMILIARI_EVENTS,
  DomainError,
  type ContrattoV1,
  type RegistraContrattoV1,
} from '@ambito/contracts';
import { AuditService } from '@ambito/audit';
import { OutboxWriter, currentActor } from '@ambito/messaging';
import { isViolation } from '@ambito/persistence';
import { propostaAccettata } from '../richieste/proposte.sql';
import { richiestaPerId, segnaSoddisfatta } from '../richieste/richieste.sql';
import { richiestaNonTrovata, titolareDi } from '../richieste/richieste.service';
import { contrattoPerId, inserisciContratto, toContrattoV1, type ContrattoRow } from './contratti.sql';

/** Who may see a contract: the desk that holds it, the family's sub-ambito (sportello/contesto.ts). */
export const titolareContratto = (c: Pick<ContrattoRow, 'sportello' | 'sub_ambito'>) => ({
  sportello: c.sportello,
  subAmbito: c.sub_ambito,
});

const richiestaNonAperta = () =>
  new DomainError('RICHIESTA_NON_APERTA', 'La richiesta è già soddisfatta da un altro contratto.');

export const contrattoNonTrovato = () => new DomainError('CONTRATTO_NON_TROVATO', 'Contratto non trovato.');

/**
 * The employment contract signed by a family: registered with or without a richiesta (rule 21: the
 * assistant need not be in the register to work), published as an event; with a richiesta, it
 * satisfies it in the same transaction, once (a second contract for it is refused by the database).
 */
@Injectable()
export class ContrattiService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: OutboxWriter,
    private readonly audit: AuditService,
    @Inject(CONTESTO_SPORTELLO) private readonly contesto: ContestoSportello,
  ) {}

  async registra(dto: RegistraContrattoV1): Promise<ContrattoV1> {
    const actor = currentActor();
    const contratto: ContrattoV1 = {
      id: randomUUID(),
      richiestaId: dto.richiestaId ?? null,
      personaId: dto.personaId,
      assistenteId: dto.assistenteId ?? null,
      datore: dto.datore,
      livelloCcnl: dto.livelloCcnl,
      oreSettimanali: dto.oreSettimanali,
      convivente: dto.convivente,
      dataInizio: dto.dataInizio,
      costoMensileCentesimi: dto.costoMensileCentesimi,
      comunicazioneInps: dto.comunicazioneInps ?? null,
      // Without a richiesta, the operator's desk holds it (the richiesta's desk otherwise, below).
      sportello: dto.richiestaId ? null : sportelloDellOperatore(actor, this.contesto, dto.sportello),
      registratoDa: actor.userId,
      registratoIl: new Date().toISOString(),
    };
    try {
      await this.dataSource.transaction(async (manager) => {
        if (contratto.richiestaId) {
          const richiesta = await richiestaPerId(manager, contratto.richiestaId, { blocca: true });
          if (!richiesta) throw richiestaNonTrovata();
          if (!vedeFascicolo(actor, this.contesto, titolareDi(richiesta))) throw fuoriDalSubAmbito();
          if (richiesta.stato !== 'aperta') throw richiestaNonAperta();
          contratto.sportello = richiesta.sportello;
          if (richiesta.persona_id !== contratto.personaId)
            throw new DomainError(
              'VALIDAZIONE_FALLITA',
              'Il contratto è per un’altra persona da quella della richiesta.',
              [{ campo: 'personaId', messaggi: ['la persona della richiesta'] }],
            );
          if (
            !contratto.assistenteId ||
            !(await propostaAccettata(manager, richiesta.id, contratto.assistenteId))
          )
            throw new DomainError(
              'PROPOSTA_NON_ACCETTATA',
              'Per soddisfare la richiesta serve una proposta di questo assistente accettata dalla famiglia e dall’assistente.',
            );
        }
        await inserisciContratto(manager, contratto);
        await this.outbox.append(manager, ASSISTENTI_FAMILIARI_EVENTS.contrattoRegistrato, {
          contrattoId: contratto.id,
          richiestaId: contratto.richiestaId,
          personaId: contratto.personaId,
          assistenteId: contratto.assistenteId,
          costoMensileCentesimi: contratto.costoMensileCentesimi,
          dataInizio: contratto.dataInizio,
        });
        if (contratto.richiestaId) {
          if (!(await segnaSoddisfatta(manager, contratto.richiestaId, contratto.id)))
            throw richiestaNonAperta();
          await this.outbox.append(manager, ASSISTENTI_FAMILIARI_EVENTS.richiestaSoddisfatta, {
            richiestaId: contratto.richiestaId,
            contrattoId: contratto.id,
          });
        }
        await this.audit.consentito(manager, actor, [
          {
            azione: 'registra',
            risorsa: 'contratto',
            risorsaId: contratto.id,
            soggettoId: contratto.personaId,
            soggettoTipo: PERSONA,
          },
        ]);
      });
    } catch (error) {
      if (isViolation(error, '23505', 'uq_contratto_richiesta')) throw richiestaNonAperta();
      throw error;
    }
    return toContrattoV1((await contrattoPerId(this.dataSource.manager, contratto.id))!);
  }

  async leggi(id: string): Promise<ContrattoV1> {
    const actor = currentActor();
    const traccia = { azione: 'leggi', risorsa: 'contratto', risorsaId: id };
    const contratto = await contrattoPerId(this.dataSource.manager, id);
    if (!contratto) throw await this.audit.negato(actor, traccia, contrattoNonTrovato());
    if (!vedeFascicolo(actor, this.contesto, titolareContratto(contratto)))
      throw await this.audit.negato(actor, traccia, fuoriDalSubAmbito());
    await this.audit.consentito(this.dataSource.manager, actor, [
      { ...traccia, soggettoId: contratto.persona_id, soggettoTipo: PERSONA },
    ]);
    return toContrattoV1(contratto);
  }
}
