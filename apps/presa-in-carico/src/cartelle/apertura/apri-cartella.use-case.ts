import { Injectable } from '@nestjs/common';
import { DomainError, type ApriCartellaV1, type CartellaV1 } from '@ambito/contracts';
import { currentActor } from '@ambito/messaging';
import { AuditService, type Traccia } from '@ambito/audit';
import { CartelleStore } from '../../cartella/cartelle.store';
import { assertCodiceFiscale } from '../../cartella/regole-cartella';
import { assertApertura } from '../../scope/visibilita';
import { TerritorioService } from '../../territorio/territorio.service';
import { caricaCartellaV1 } from '../lettura/cartella.read-model';
import { AccogliPropostaUseCase } from './accogli-proposta.use-case';

/** Direct opening by the équipe of the comune of residence. */
@Injectable()
export class ApriCartellaUseCase {
  constructor(
    private readonly store: CartelleStore,
    private readonly territorio: TerritorioService,
    private readonly audit: AuditService,
    private readonly accogli: AccogliPropostaUseCase,
  ) {}

  async esegui(dto: ApriCartellaV1): Promise<CartellaV1> {
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
      const esito = await this.accogli.esegui(
        manager,
        {
          persona: dto.persona,
          origine: dto.origine,
          accessoId: null,
          inviante: dto.inviante,
          motivazione: dto.motivazione,
          urgenza: dto.urgenza,
          subAmbito,
        },
        actor,
      );
      const cartella = esito!.cartella;
      await this.audit.consentito(manager, actor, [
        { ...traccia, risorsaId: cartella.id, soggettoId: cartella.id },
      ]);
      return caricaCartellaV1(manager, cartella.id);
    });
  }
}
