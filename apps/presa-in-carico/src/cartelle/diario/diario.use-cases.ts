import { Injectable } from '@nestjs/common';
import type { AnnotaDiarioV1, VoceDiarioV1 } from '@ambito/contracts';
import { CartelleStore } from '../../cartella/cartelle.store';
import { assertLavora } from '../../cartella/regole-cartella';
import { VoceDiarioEntity, toVoceDiarioV1 } from '../../cartella/voce-diario.entity';

/** Colloqui, visite domiciliari, contacts and documents: also after closure, by the équipe. */
@Injectable()
export class AnnotaDiarioUseCase {
  constructor(private readonly store: CartelleStore) {}

  esegui(dto: AnnotaDiarioV1): Promise<VoceDiarioV1> {
    return this.store.scrivi(
      dto.id,
      { azione: 'annota-diario', risorsa: 'cartella', risorsaId: dto.id },
      async (manager, cartella, actor) => {
        assertLavora(actor, cartella);
        return toVoceDiarioV1(await this.store.diario(manager, cartella, dto.tipo, dto.testo, actor));
      },
    );
  }
}

/** The diario of a cartella, oldest first; an audited read. */
@Injectable()
export class LeggiDiarioQuery {
  constructor(private readonly store: CartelleStore) {}

  esegui(id: string): Promise<VoceDiarioV1[]> {
    return this.store.leggi(
      id,
      { azione: 'leggi-diario', risorsa: 'cartella', risorsaId: id },
      async (manager) =>
        (await manager.find(VoceDiarioEntity, { where: { cartellaId: id }, order: { il: 'ASC' } })).map(
          toVoceDiarioV1,
        ),
    );
  }
}
