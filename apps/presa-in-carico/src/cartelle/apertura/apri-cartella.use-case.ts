import { Injectable } from '@nestjs/common';
import { DomainError, type AperturaCartellaV1, type ApriCartellaV1 } from '@ambito/contracts';
import { currentActor } from '@ambito/messaging';
import { AuditService, type Traccia } from '@ambito/audit';
import { CartellaEntity } from '../../cartella/cartella.entity';
import { CartelleStore } from '../../cartella/cartelle.store';
import { assertCodiceFiscale } from '../../cartella/regole-cartella';
import { assertApertura } from '../../scope/visibilita';
import { TerritorioService } from '../../territorio/territorio.service';
import { caricaCartellaV1 } from '../lettura/cartella.read-model';
import { AccogliPropostaUseCase } from './accogli-proposta.use-case';

/**
 * Direct opening by the équipe of the comune of residence. When the person already has a cartella in
 * another sub-ambito, the proposta is forwarded to that équipe's queue on the existing cartella, which
 * stays where it is (only a trasferimento moves a case), and the answer says `inoltrata` with nothing
 * of the cartella: whoever knows a codice fiscale must not read, or pull to itself, another équipe's case.
 */
@Injectable()
export class ApriCartellaUseCase {
  constructor(
    private readonly store: CartelleStore,
    private readonly territorio: TerritorioService,
    private readonly audit: AuditService,
    private readonly accogli: AccogliPropostaUseCase,
  ) {}

  async esegui(dto: ApriCartellaV1): Promise<AperturaCartellaV1> {
    const actor = currentActor();
    const traccia: Traccia = { azione: 'apri', risorsa: 'cartella' };
    const subAmbito = this.territorio.subAmbito(dto.persona.comuneResidenza);
    try {
      if (!subAmbito)
        throw new DomainError(
          'COMUNE_SCONOSCIUTO',
          `Il comune ${dto.persona.comuneResidenza} non fa parte dell’Ambito.`,
          [{ campo: 'persona.comuneResidenza', messaggi: ['comune non appartenente all’Ambito'] }],
        );
      assertApertura(actor, subAmbito);
      assertCodiceFiscale(dto.persona.codiceFiscale, 'persona.codiceFiscale');
    } catch (error) {
      throw await this.audit.negato(actor, traccia, error as Error);
    }
    return this.store.dataSource.transaction(async (manager) => {
      const esistente = await manager.findOne(CartellaEntity, {
        where: { codiceFiscale: dto.persona.codiceFiscale.toUpperCase() },
        lock: { mode: 'pessimistic_write' },
      });
      const altrove = esistente && esistente.subAmbito !== subAmbito ? esistente : null;
      const esito = await this.accogli.esegui(
        manager,
        {
          // Forwarded: the cartella keeps its residence and sub-ambito, the proposta joins its queue.
          persona: altrove ? { ...dto.persona, comuneResidenza: altrove.comuneResidenza } : dto.persona,
          origine: dto.origine,
          accessoId: null,
          inviante: dto.inviante,
          motivazione: dto.motivazione,
          urgenza: dto.urgenza,
          subAmbito: altrove ? altrove.subAmbito : subAmbito,
          personaId: dto.personaId ?? null,
          inoltrataDa: altrove ? { subAmbito, comuneResidenza: dto.persona.comuneResidenza } : undefined,
        },
        actor,
      );
      const cartella = esito!.cartella;
      await this.audit.consentito(manager, actor, [
        {
          ...traccia,
          azione: altrove ? 'inoltra-proposta' : 'apri',
          risorsaId: cartella.id,
          soggettoId: cartella.id,
        },
      ]);
      if (altrove) return { esito: 'inoltrata', cartella: null };
      return { esito: 'aperta', cartella: await caricaCartellaV1(manager, cartella.id) };
    });
  }
}
