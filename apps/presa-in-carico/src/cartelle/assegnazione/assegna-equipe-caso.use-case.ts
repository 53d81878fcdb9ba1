import { Injectable } from '@nestjs/common';
import { IsNull } from 'typeorm';
import { DomainError, type AssegnaEquipeCasoV1, type CartellaV1 } from '@ambito/contracts';
import { CartelleStore } from '../../cartella/cartelle.store';
import { PartecipazioneEntity } from '../../cartella/partecipazione.entity';
import { assertNonChiusa } from '../../cartella/regole-cartella';
import { MembroEquipeEntity } from '../../equipe/membro-equipe.entity';
import { isCoordinatore, nonConsentito } from '../../scope/visibilita';
import { caricaCartellaV1 } from '../lettura/cartella.read-model';

/**
 * The coordinator sets who works the case besides its case manager, among the sub-ambito's équipe;
 * removed members keep their row, ended, in the history.
 */
@Injectable()
export class AssegnaEquipeCasoUseCase {
  constructor(private readonly store: CartelleStore) {}

  esegui(dto: AssegnaEquipeCasoV1): Promise<CartellaV1> {
    return this.store.scrivi(
      dto.id,
      { azione: 'assegna-equipe', risorsa: 'cartella', risorsaId: dto.id },
      async (manager, cartella, actor) => {
        if (!isCoordinatore(actor, cartella)) throw nonConsentito();
        assertNonChiusa(cartella);
        const richiesti = [...new Set(dto.membri)];
        const equipe = await manager.findBy(MembroEquipeEntity, { subAmbito: cartella.subAmbito });
        const estranei = richiesti.filter((u) => !equipe.some((m) => m.userId === u));
        if (estranei.length > 0)
          throw new DomainError(
            'VALIDAZIONE_FALLITA',
            `Non fanno parte dell’équipe del sub-ambito ${cartella.subAmbito}: ${estranei.join(', ')}.`,
            [{ campo: 'membri', messaggi: estranei.map((u) => `${u}: non è membro dell’équipe`) }],
          );
        const correnti = cartella.membri ?? [];
        const adesso = new Date();
        const usciti = correnti.filter((u) => !richiesti.includes(u));
        const entrati = richiesti.filter((u) => !correnti.includes(u));
        for (const userId of usciti)
          await manager.update(
            PartecipazioneEntity,
            { cartellaId: cartella.id, userId, al: IsNull() },
            { al: adesso },
          );
        for (const userId of entrati) {
          const m = equipe.find((e) => e.userId === userId)!;
          await manager.insert(PartecipazioneEntity, {
            cartellaId: cartella.id,
            userId,
            nome: m.nome,
            professione: m.professione,
            assegnataDa: actor.userId,
            dal: adesso,
          });
        }
        if (usciti.length + entrati.length > 0) {
          const nome = (u: string) => equipe.find((e) => e.userId === u)?.nome ?? u;
          await this.store.diario(
            manager,
            cartella,
            'assegnazione',
            [
              entrati.length ? `Entrano nell’équipe del caso: ${entrati.map(nome).join(', ')}.` : '',
              usciti.length ? `Escono: ${usciti.map(nome).join(', ')}.` : '',
            ]
              .filter(Boolean)
              .join(' '),
            actor,
          );
        }
        return caricaCartellaV1(manager, cartella.id);
      },
    );
  }
}
