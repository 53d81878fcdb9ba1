import { giornoInItalia } from '@ambito/kernel';
import { Injectable } from '@nestjs/common';
import {
  DomainError,
  PRESA_IN_CARICO_CHIAMATE,
  type ElencaRichiesteAssistenteV1,
  type ProponiRichiestaAssistenteV1,
  type RichiestaAssistenteV1,
} from '@ambito/contracts';
import { ServiceCaller } from '@ambito/messaging';
import { CartelleStore } from '../cartella/cartelle.store';
import { assertInCarico } from '../cartella/regole-cartella';
import { nonConsentito } from '../scope/visibilita';
import { ValutazioneEntity } from '../valutazioni/valutazione.entity';
import { bisognoDimostrato } from './criteri-bisogno';
import {
  inserisciRichiestaAssistente,
  richiestaEsistente,
  richiestaPerId,
  richiesteDellaCartella,
} from './richieste-assistente.sql';

const oggi = () => giornoInItalia();

/**
 * Issue 11 point 4: the case manager passes the person's need of an assistente familiare to the
 * sportello. Checked here, in the cartella's transaction (locked, audited, refusals too): the case
 * manager of the cartella, in carico, linked to the registry's persona; a valutazione of the cartella's
 * episode that shows the need under the criteria in force (criteri-bisogno.ts); the consent with who
 * gave it (the person, a family member, the AdS or the tutore, named) and when. Then the sportello is
 * called with presa in carico's own identity (PRESA_IN_CARICO_CHIAMATE.richiestaAssistente), and the
 * link is written with the criteria used. A failure of the sportello rolls everything back; a retry
 * (the sportello keeps one richiesta per valutazione) finds the richiesta it made.
 */
@Injectable()
export class RichiesteAssistenteService {
  constructor(
    private readonly store: CartelleStore,
    private readonly chiamate: ServiceCaller,
  ) {}

  proponi(dto: ProponiRichiestaAssistenteV1): Promise<RichiestaAssistenteV1> {
    return this.store.scrivi(
      dto.id,
      { azione: 'proponi-richiesta-assistente', risorsa: 'cartella', risorsaId: dto.id },
      async (manager, cartella, actor) => {
        if (cartella.caseManagerId !== actor.userId) throw nonConsentito();
        assertInCarico(cartella);
        if (!cartella.personaId)
          throw new DomainError(
            'PERSONA_NON_TROVATA',
            'La cartella non è collegata a una persona dell’anagrafe del segretariato: lo sportello non può seguirne la richiesta.',
          );
        const giorno = oggi();
        this.verificaConsenso(dto, giorno);
        const valutazione = await manager.findOneBy(ValutazioneEntity, {
          id: dto.valutazioneId,
          cartellaId: cartella.id,
          episodio: cartella.episodio,
        });
        if (!valutazione)
          throw new DomainError(
            'VALUTAZIONE_NON_TROVATA',
            'Valutazione non trovata fra quelle della presa in carico in corso della cartella.',
            [{ campo: 'valutazioneId', messaggi: ['una valutazione di questa cartella'] }],
          );
        const esito = bisognoDimostrato(
          {
            strumento: valutazione.strumentoCodice,
            punteggio: valutazione.punteggio,
            data: valutazione.data,
          },
          giorno,
        );
        if (!esito.dimostrato)
          throw new DomainError(
            'BISOGNO_NON_DIMOSTRATO',
            `La valutazione non mostra il bisogno di un assistente familiare: ${esito.motivo}.`,
            [{ campo: 'valutazioneId', messaggi: [esito.motivo] }],
          );
        const esistente = await richiestaEsistente(manager, cartella.id, valutazione.id);
        if (esistente?.valutazioneId === valutazione.id) return esistente;
        if (esistente)
          throw new DomainError(
            'RICHIESTA_GIA_PROPOSTA',
            'La cartella ha già una richiesta di assistente familiare aperta allo sportello.',
          );
        const richiesta = await this.chiamate.chiama(
          PRESA_IN_CARICO_CHIAMATE.richiestaAssistente,
          {
            personaId: cartella.personaId,
            comune: dto.comune ?? cartella.comuneResidenza,
            cartellaId: cartella.id,
            valutazioneId: valutazione.id,
            valutazioneDel: valutazione.data,
            consenso: { ...dto.consenso, nominativo: dto.consenso.nominativo ?? null },
            orari: dto.orari,
            convivenza: dto.convivenza,
            competenze: dto.competenze,
            competenzeIndispensabili: dto.competenzeIndispensabili,
            lingue: dto.lingue,
            dataInizio: dto.dataInizio,
            note: dto.note ?? null,
          },
          { motivo: `Richiesta di assistente familiare dalla cartella ${cartella.id}` },
        );
        await inserisciRichiestaAssistente(manager, {
          richiestaId: richiesta.id,
          cartellaId: cartella.id,
          episodio: cartella.episodio,
          valutazioneId: valutazione.id,
          valutazioneDel: valutazione.data,
          versioneCriteri: esito.versioneCriteri,
          strumento: esito.strumento,
          punteggio: esito.punteggio,
          spiegazione: esito.spiegazione,
          consensoDatoDa: dto.consenso.datoDa,
          consensoNominativo: dto.consenso.nominativo ?? null,
          consensoDatoIl: dto.consenso.datoIl,
          consensoDocumento: dto.consenso.documento,
          sportello: richiesta.sportello,
          propostaDa: actor.userId,
          propostaDaNome: actor.nome,
        });
        return (await richiestaPerId(manager, richiesta.id))!;
      },
    );
  }

  elenca(dto: ElencaRichiesteAssistenteV1): Promise<RichiestaAssistenteV1[]> {
    return this.store.leggi(
      dto.id,
      { azione: 'elenca-richieste-assistente', risorsa: 'cartella', risorsaId: dto.id },
      (manager, cartella) => richiesteDellaCartella(manager, cartella.id),
    );
  }

  /** Given, by whom (named when not the person), not in the future. */
  private verificaConsenso(dto: ProponiRichiestaAssistenteV1, giorno: string): void {
    const c = dto.consenso;
    if (c.datoDa !== 'persona' && !c.nominativo?.trim())
      throw new DomainError(
        'CONSENSO_MANCANTE',
        'Il consenso dato da un familiare, dall’amministratore di sostegno o dal tutore va registrato col suo nome.',
        [{ campo: 'consenso.nominativo', messaggi: ['obbligatorio se il consenso non è della persona'] }],
      );
    if (c.datoIl > giorno)
      throw new DomainError('DATA_NON_VALIDA', 'La data del consenso non può essere futura.', [
        { campo: 'consenso.datoIl', messaggi: ['data futura'] },
      ]);
  }
}
