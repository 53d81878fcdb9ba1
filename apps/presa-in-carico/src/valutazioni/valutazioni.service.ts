import { giornoInItalia } from '@ambito/kernel';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { In, LessThanOrEqual, type DataSource, type EntityManager } from 'typeorm';
import {
  DomainError,
  PRESA_IN_CARICO_EVENTS,
  type ElencaStrumentiV1,
  type RegistraValutazioneV1,
  type StrumentoV1,
  type ValutazioneV1,
} from '@ambito/contracts';
import { OutboxWriter } from '@ambito/messaging';
import type { CartellaEntity } from '../cartella/cartella.entity';
import { CartelleStore } from '../cartella/cartelle.store';
import { assertInCarico } from '../cartella/regole-cartella';
import { MembroEquipeEntity } from '../equipe/membro-equipe.entity';
import { assertEquipe } from '../scope/visibilita';
import { calcolaPunteggio } from './punteggio';
import { StrumentoEntity, toStrumentoV1 } from './strumento.entity';
import { toValutazioneV1 } from './to-valutazione';
import { ValutazioneEntity } from './valutazione.entity';

/** Valutazione multidimensionale with versioned instruments; the score is always computed here. */
@Injectable()
export class ValutazioniService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly store: CartelleStore,
    private readonly outbox: OutboxWriter,
  ) {}

  async strumenti(query: ElencaStrumentiV1): Promise<StrumentoV1[]> {
    const tutti = await this.dataSource.manager.find(StrumentoEntity, {
      order: { codice: 'ASC', versione: 'DESC' },
    });
    if (query.filtro === 'tutti') return tutti.map(toStrumentoV1);
    const oggi = giornoInItalia();
    const inVigore = tutti.filter(
      (s) =>
        s.validoDal <= oggi &&
        !tutti.some((t) => t.codice === s.codice && t.versione > s.versione && t.validoDal <= oggi),
    );
    return inVigore.map(toStrumentoV1);
  }

  async registra(dto: RegistraValutazioneV1): Promise<ValutazioneV1> {
    return this.store.scrivi(
      dto.id,
      { azione: 'registra-valutazione', risorsa: 'cartella', risorsaId: dto.id },
      async (manager, cartella, actor) => {
        assertEquipe(actor, cartella);
        assertInCarico(cartella);
        if (dto.data > giornoInItalia())
          throw new DomainError('DATA_NON_VALIDA', 'La data della valutazione non può essere futura.', [
            { campo: 'data', messaggi: ['data futura'] },
          ]);
        const strumento = await this.strumento(manager, dto);
        await this.assertRequisitiEquipe(manager, strumento, cartella);
        const risposteMultiple = dto.risposteMultiple ?? {};
        const punteggio = calcolaPunteggio(toStrumentoV1(strumento), dto.risposte, risposteMultiple);
        const punteggioMax = strumento.punteggio.tipo === 'somma' ? strumento.punteggio.max : null;
        const valutazione = await manager.save(
          manager.create(ValutazioneEntity, {
            cartellaId: cartella.id,
            episodio: cartella.episodio,
            strumentoCodice: strumento.codice,
            strumentoVersione: strumento.versione,
            data: dto.data,
            risposte: dto.risposte,
            risposteMultiple,
            punteggio,
            punteggioMax,
            valutatoreId: actor.userId,
            valutatoreNome: actor.nome,
            note: dto.note ?? null,
            registrataIl: new Date(),
          }),
        );
        await this.store.diario(
          manager,
          cartella,
          'valutazione',
          `Valutazione ${strumento.codice} v${strumento.versione} del ${dto.data}` +
            (punteggio === null ? '.' : `: punteggio ${punteggio}/${punteggioMax}.`),
          actor,
        );
        await this.outbox.append(manager, PRESA_IN_CARICO_EVENTS.valutazioneCompletata, {
          valutazioneId: valutazione.id,
          cartellaId: cartella.id,
          personaId: cartella.personaId,
          subAmbito: cartella.subAmbito,
          comuneResidenza: cartella.comuneResidenza,
          strumento: strumento.codice,
          versione: strumento.versione,
          data: dto.data,
          punteggio,
          punteggioMax,
          risposte: dto.risposte,
          risposteMultiple,
        });
        return toValutazioneV1(valutazione, [strumento]);
      },
    );
  }

  /** Some instruments need a given équipe on the case (Dopo di Noi: a clinical and a social member). */
  private async assertRequisitiEquipe(
    manager: EntityManager,
    strumento: StrumentoEntity,
    cartella: CartellaEntity,
  ): Promise<void> {
    const requisiti = strumento.requisitiEquipe;
    if (!requisiti) return;
    const persone = [...(cartella.caseManagerId ? [cartella.caseManagerId] : []), ...(cartella.membri ?? [])];
    const professioni = persone.length
      ? (
          await manager.findBy(MembroEquipeEntity, { subAmbito: cartella.subAmbito, userId: In(persone) })
        ).map((m) => m.professione as string)
      : [];
    const mancanti = requisiti.gruppi.filter((gruppo) => !gruppo.some((p) => professioni.includes(p)));
    if (mancanti.length > 0)
      throw new DomainError(
        'EQUIPE_INCOMPLETA',
        `Lo strumento ${strumento.codice} richiede un’${requisiti.descrizione}: manca ${mancanti
          .map((g) => g.join(' o '))
          .join(', ')}.`,
      );
  }

  /** The requested version, or the one in force on the date of the assessment. */
  private async strumento(manager: EntityManager, dto: RegistraValutazioneV1): Promise<StrumentoEntity> {
    const strumento = dto.versione
      ? await manager.findOneBy(StrumentoEntity, {
          codice: dto.strumento,
          versione: dto.versione,
          validoDal: LessThanOrEqual(dto.data),
        })
      : await manager.findOne(StrumentoEntity, {
          where: { codice: dto.strumento, validoDal: LessThanOrEqual(dto.data) },
          order: { versione: 'DESC' },
        });
    if (!strumento)
      throw new DomainError(
        'STRUMENTO_SCONOSCIUTO',
        `Nessuno strumento ${dto.strumento}${dto.versione ? ` versione ${dto.versione}` : ''} in vigore il ${dto.data}.`,
        [{ campo: 'strumento', messaggi: ['strumento sconosciuto o non in vigore alla data'] }],
      );
    return strumento;
  }
}
