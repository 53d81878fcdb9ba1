import { Injectable } from '@nestjs/common';
import { PRESA_IN_CARICO_EVENTS, type AggiornaNucleoV1, type CartellaV1 } from '@ambito/contracts';
import { OutboxWriter } from '@ambito/messaging';
import { CartelleStore } from '../../cartella/cartelle.store';
import { MembroNucleoEntity } from '../../cartella/membro-nucleo.entity';
import { assertCodiceFiscale, assertLavora, assertNonChiusa } from '../../cartella/regole-cartella';
import { caricaCartellaV1 } from '../lettura/cartella.read-model';

/**
 * The nucleo familiare as the équipe knows it now; the diario records each change and
 * `presa-in-carico.nucleo.aggiornato` announces it (counts only) to the services whose measures depend on
 * the household (caregiver contributions, ISEE-based benefits).
 */
@Injectable()
export class AggiornaNucleoUseCase {
  constructor(
    private readonly store: CartelleStore,
    private readonly outbox: OutboxWriter,
  ) {}

  esegui(dto: AggiornaNucleoV1): Promise<CartellaV1> {
    return this.store.scrivi(
      dto.id,
      { azione: 'aggiorna-nucleo', risorsa: 'cartella', risorsaId: dto.id },
      async (manager, cartella, actor) => {
        assertNonChiusa(cartella);
        assertLavora(actor, cartella);
        dto.membri.forEach((m, i) => {
          if (m.codiceFiscale) assertCodiceFiscale(m.codiceFiscale, `membri.${i}.codiceFiscale`);
        });
        await manager.delete(MembroNucleoEntity, { cartellaId: cartella.id });
        if (dto.membri.length > 0)
          await manager.insert(
            MembroNucleoEntity,
            dto.membri.map((m, posizione) => ({
              cartellaId: cartella.id,
              posizione,
              cognome: m.cognome,
              nome: m.nome,
              codiceFiscale: m.codiceFiscale?.toUpperCase() ?? null,
              dataNascita: m.dataNascita ?? null,
              relazione: m.relazione,
              convivente: m.convivente,
              caregiver: m.caregiver,
            })),
          );
        const conviventi = dto.membri.filter((m) => m.convivente).length;
        const caregiver = dto.membri
          .filter((m) => m.caregiver)
          .map((m) => `${m.nome} ${m.cognome} (${m.relazione})`);
        await this.store.diario(
          manager,
          cartella,
          'nucleo',
          `Nucleo familiare aggiornato: ${dto.membri.length} componenti, ${conviventi} conviventi` +
            (caregiver.length ? `; caregiver: ${caregiver.join(', ')}.` : '.'),
          actor,
        );
        await this.outbox.append(manager, PRESA_IN_CARICO_EVENTS.nucleoAggiornato, {
          cartellaId: cartella.id,
          episodio: cartella.episodio,
          subAmbito: cartella.subAmbito,
          comuneResidenza: cartella.comuneResidenza,
          componenti: dto.membri.length,
          conviventi,
          caregiver: caregiver.length,
        });
        return caricaCartellaV1(manager, cartella.id);
      },
    );
  }
}
