import { giornoInItalia } from '@ambito/kernel';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import {
  DomainError,
  PRESA_IN_CARICO_EVENTS,
  type ApprovaProgettoV1,
  type FieldError,
  type ProgettoDecisioneV1,
  type ProgettoV1,
  type ProponiProgettoV1,
  type RegistraVerificaV1,
  type RespingiProgettoV1,
  type VerificaV1,
} from '@ambito/contracts';
import { OutboxWriter, currentActor } from '@ambito/messaging';
import { AuditService } from '@ambito/audit';
import { type CartellaEntity } from '../cartella/cartella.entity';
import { CartelleStore } from '../cartella/cartelle.store';
import { assertInCarico, assertNonChiusa } from '../cartella/regole-cartella';
import { assertDecisore, assertEquipe } from '../scope/visibilita';
import { InterventoEntity } from './intervento.entity';
import { ProgettoEntity } from './progetto.entity';
import { RisorsaProgettoEntity } from './risorsa-progetto.entity';
import { assertImputazioni } from './regole-budget-progetto';
import { assertLegamiMisure, tornaAlleMisure } from './ritorno-misure.service';
import { datiSiuss, toProgettoV1 } from './to-progetto';
import { VerificaEntity, toVerificaV1 } from './verifica.entity';

const progettoNonTrovato = () => new DomainError('PROGETTO_NON_TROVATO', 'Progetto non trovato.');

/**
 * The progetto personalizzato: the équipe proposes a version, the Comune of residence decides.
 * Whoever proposed cannot decide; a decided version is never changed: a revision is a new version.
 */
@Injectable()
export class ProgettiService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly store: CartelleStore,
    private readonly audit: AuditService,
    private readonly outbox: OutboxWriter,
  ) {}

  async proponi(dto: ProponiProgettoV1): Promise<ProgettoV1> {
    return this.store.scrivi(
      dto.id,
      { azione: 'proponi-progetto', risorsa: 'cartella', risorsaId: dto.id },
      async (manager, cartella, actor) => {
        assertEquipe(actor, cartella);
        assertInCarico(cartella);
        assertDate(dto);
        assertImputazioni(dto.interventi);
        await assertLegamiMisure(manager, cartella, dto.interventi);
        const versioni = await manager.find(ProgettoEntity, {
          where: { cartellaId: cartella.id },
          order: { versione: 'DESC' },
        });
        if (versioni.some((p) => p.stato === 'proposto'))
          throw new DomainError(
            'TRANSIZIONE_NON_CONSENTITA',
            'Una versione del progetto è già in attesa di decisione del Comune.',
          );
        const progetto = await manager.save(
          manager.create(ProgettoEntity, {
            cartellaId: cartella.id,
            versione: (versioni[0]?.versione ?? 0) + 1,
            episodio: cartella.episodio,
            stato: 'proposto',
            dataInizio: dto.dataInizio,
            dataFine: dto.dataFine,
            obiettivi: dto.obiettivi.map((o) => ({
              descrizione: o.descrizione,
              indicatore: o.indicatore,
              risultatoAtteso: o.risultatoAtteso,
            })),
            verifiche: [...dto.verifiche]
              .sort((a, b) => a.data.localeCompare(b.data))
              .map((v) => ({ data: v.data, oggetto: v.oggetto })),
            impegni: dto.impegni ?? [],
            consensoPersona: dto.consensoPersona,
            // A revision keeps the kind of the project unless it says otherwise.
            tipo: dto.tipo ?? versioni[0]?.tipo ?? null,
            propostoDa: actor.userId,
            propostoDaNome: actor.nome,
            propostoIl: new Date(),
          }),
        );
        if (dto.interventi.length > 0)
          await manager.insert(
            InterventoEntity,
            dto.interventi.map((i, posizione) => ({
              progettoId: progetto.id,
              posizione,
              codicePrestazione: i.codicePrestazione,
              denominazione: i.denominazione,
              erogatore: i.erogatore,
              intensitaQuantita: i.intensita.quantita,
              intensitaUnita: i.intensita.unita,
              dal: i.dal,
              al: i.al,
              costoCentesimi: i.costoCentesimi,
              fonteFinanziamento: i.fonteFinanziamento,
              imputazioneFondo: i.imputazione?.fondo ?? null,
              imputazioneLinea: i.imputazione?.linea ?? null,
              imputazioneAnnualita: i.imputazione?.annualita ?? null,
              ...datiSiuss(i),
              interventoMisuraId: i.interventoMisuraId ?? null,
              sospesoDal: i.sospensione?.dal ?? null,
              sospesoAl: i.sospensione?.al ?? null,
            })),
          );
        if (dto.risorse?.length)
          await manager.insert(
            RisorsaProgettoEntity,
            dto.risorse.map((r, posizione) => ({
              progettoId: progetto.id,
              posizione,
              tipo: r.tipo,
              descrizione: r.descrizione.trim(),
              fornitaDa: r.fornitaDa.trim(),
              impegnoQuantita: r.impegno?.quantita ?? null,
              impegnoUnita: r.impegno?.unita ?? null,
            })),
          );
        const v1 = await this.caricaV1(manager, progetto);
        await this.store.diario(
          manager,
          cartella,
          'progetto-proposto',
          `Progetto personalizzato versione ${progetto.versione} proposto al Comune (${dto.dataInizio} – ${dto.dataFine}).`,
          actor,
        );
        await this.outbox.append(
          manager,
          PRESA_IN_CARICO_EVENTS.progettoProposto,
          payload(cartella, v1, null),
        );
        return v1;
      },
    );
  }

  approva(dto: ApprovaProgettoV1): Promise<ProgettoV1> {
    return this.decidi(dto.id, 'approvato', dto.motivazione ?? null);
  }

  respingi(dto: RespingiProgettoV1): Promise<ProgettoV1> {
    return this.decidi(dto.id, 'respinto', dto.motivazione);
  }

  private async decidi(
    id: string,
    esito: 'approvato' | 'respinto',
    motivazione: string | null,
  ): Promise<ProgettoV1> {
    const progetto = await this.dataSource.manager.findOneBy(ProgettoEntity, { id });
    if (!progetto) {
      const actor = currentActor();
      throw await this.audit.negato(
        actor,
        { azione: `decidi-progetto`, risorsa: 'progetto', risorsaId: id },
        progettoNonTrovato(),
      );
    }
    const azione = esito === 'approvato' ? 'approva-progetto' : 'respingi-progetto';
    return this.store.scrivi(
      progetto.cartellaId,
      { azione, risorsa: 'progetto', risorsaId: id },
      async (manager, cartella, actor) => {
        assertDecisore(actor, cartella);
        assertNonChiusa(cartella);
        const corrente = await manager.findOneOrFail(ProgettoEntity, {
          where: { id },
          lock: { mode: 'pessimistic_write' },
        });
        if (corrente.stato !== 'proposto')
          throw new DomainError(
            'TRANSIZIONE_NON_CONSENTITA',
            `La versione ${corrente.versione} del progetto è già stata decisa (${corrente.stato}).`,
          );
        if (corrente.propostoDa === actor.userId)
          throw new DomainError(
            'APPROVAZIONE_DEL_PROPONENTE',
            'Chi ha proposto il progetto non può deciderlo: serve un altro responsabile del Comune.',
          );
        const inVigore =
          esito === 'approvato'
            ? await manager.findOneBy(ProgettoEntity, { cartellaId: cartella.id, stato: 'approvato' })
            : null;
        if (inVigore) await manager.update(ProgettoEntity, { id: inVigore.id }, { stato: 'superato' });
        await manager.update(
          ProgettoEntity,
          { id },
          {
            stato: esito,
            decisoDa: actor.userId,
            decisoDaNome: actor.nome,
            decisoIl: new Date(),
            motivazioneDecisione: motivazione,
          },
        );
        const v1 = await this.caricaV1(manager, (await manager.findOneByOrFail(ProgettoEntity, { id }))!);
        await this.store.diario(
          manager,
          cartella,
          esito === 'approvato' ? 'progetto-approvato' : 'progetto-respinto',
          `Progetto versione ${corrente.versione} ${esito} dal Comune.${motivazione ? ` ${motivazione}` : ''}`,
          actor,
        );
        await this.outbox.append(
          manager,
          esito === 'approvato'
            ? PRESA_IN_CARICO_EVENTS.progettoApprovato
            : PRESA_IN_CARICO_EVENTS.progettoRespinto,
          payload(cartella, v1, motivazione),
        );
        if (inVigore)
          await this.outbox.append(manager, PRESA_IN_CARICO_EVENTS.progettoRevisionato, {
            cartellaId: cartella.id,
            progettoId: v1.id,
            versione: v1.versione,
            versioneSostituita: inVigore.versione,
            subAmbito: cartella.subAmbito,
            comuneResidenza: cartella.comuneResidenza,
          });
        // What the version changed of the interventi from the misure flows back to the benefici.
        if (esito === 'approvato')
          await tornaAlleMisure(manager, this.outbox, cartella, corrente, inVigore, motivazione);
        return v1;
      },
    );
  }

  /** A verifica of the approved project in force, against its obiettivi; by the équipe. */
  async registraVerifica(dto: RegistraVerificaV1): Promise<VerificaV1> {
    const progetto = await this.dataSource.manager.findOneBy(ProgettoEntity, { id: dto.id });
    if (!progetto)
      throw await this.audit.negato(
        currentActor(),
        { azione: 'registra-verifica', risorsa: 'progetto', risorsaId: dto.id },
        progettoNonTrovato(),
      );
    return this.store.scrivi(
      progetto.cartellaId,
      { azione: 'registra-verifica', risorsa: 'progetto', risorsaId: dto.id },
      async (manager, cartella, actor) => {
        assertEquipe(actor, cartella);
        assertInCarico(cartella);
        const corrente = await manager.findOneByOrFail(ProgettoEntity, { id: dto.id });
        if (corrente.stato !== 'approvato')
          throw new DomainError(
            'TRANSIZIONE_NON_CONSENTITA',
            'Si verifica solo il progetto approvato in vigore.',
          );
        const problemi: FieldError[] = [];
        if (dto.data < corrente.dataInizio || dto.data > giornoInItalia())
          problemi.push({ campo: 'data', messaggi: ['fra l’inizio del progetto e oggi'] });
        dto.esiti.forEach((e, i) => {
          if (e.obiettivo >= corrente.obiettivi.length)
            problemi.push({
              campo: `esiti.${i}.obiettivo`,
              messaggi: ['obiettivo inesistente nel progetto'],
            });
        });
        if (problemi.length > 0)
          throw new DomainError(
            problemi.some((p) => p.campo === 'data') ? 'DATA_NON_VALIDA' : 'VALIDAZIONE_FALLITA',
            'Verifica non coerente con il progetto: correggere i campi indicati.',
            problemi,
          );
        const verifica = await manager.save(
          manager.create(VerificaEntity, {
            progettoId: corrente.id,
            cartellaId: cartella.id,
            data: dto.data,
            esiti: dto.esiti.map((e) => ({ obiettivo: e.obiettivo, esito: e.esito, note: e.note ?? null })),
            note: dto.note ?? null,
            registrataDa: actor.userId,
            registrataDaNome: actor.nome,
            registrataIl: new Date(),
          }),
        );
        await this.store.diario(
          manager,
          cartella,
          'verifica',
          `Verifica del ${dto.data} sul progetto versione ${corrente.versione}: ` +
            dto.esiti.map((e) => `obiettivo ${e.obiettivo + 1} ${e.esito}`).join(', ') +
            '.',
          actor,
        );
        await this.outbox.append(manager, PRESA_IN_CARICO_EVENTS.verificaRegistrata, {
          verificaId: verifica.id,
          progettoId: corrente.id,
          cartellaId: cartella.id,
          subAmbito: cartella.subAmbito,
          comuneResidenza: cartella.comuneResidenza,
          data: dto.data,
          esiti: dto.esiti.map((e) => ({ obiettivo: e.obiettivo, esito: e.esito })),
        });
        return toVerificaV1(verifica);
      },
    );
  }

  private async caricaV1(manager: EntityManager, progetto: ProgettoEntity): Promise<ProgettoV1> {
    const interventi = await manager.find(InterventoEntity, {
      where: { progettoId: progetto.id },
      order: { posizione: 'ASC' },
    });
    const risorse = await manager.find(RisorsaProgettoEntity, {
      where: { progettoId: progetto.id },
      order: { posizione: 'ASC' },
    });
    return toProgettoV1(progetto, interventi, risorse);
  }
}

/** Period, interventi and verifiche must fit: a verifica before the start is refused, with the field. */
function assertDate(dto: ProponiProgettoV1): void {
  const problemi: FieldError[] = [];
  if (dto.dataFine < dto.dataInizio)
    problemi.push({ campo: 'dataFine', messaggi: ['precede la data di inizio'] });
  dto.verifiche.forEach((v, i) => {
    if (v.data < dto.dataInizio || v.data > dto.dataFine)
      problemi.push({ campo: `verifiche.${i}.data`, messaggi: ['fuori dal periodo del progetto'] });
  });
  dto.interventi.forEach((iv, i) => {
    if (iv.al < iv.dal)
      problemi.push({ campo: `interventi.${i}.al`, messaggi: ['precede la data di inizio'] });
    if (iv.dal < dto.dataInizio || iv.al > dto.dataFine)
      problemi.push({ campo: `interventi.${i}`, messaggi: ['fuori dal periodo del progetto'] });
    const s = iv.sospensione;
    if (
      s &&
      (s.dal < iv.dal ||
        s.dal > iv.al ||
        (s.al !== null && s.al !== undefined && (s.al < s.dal || s.al > iv.al)))
    )
      problemi.push({
        campo: `interventi.${i}.sospensione`,
        messaggi: ['fuori dal periodo dell’intervento o con la fine prima dell’inizio'],
      });
  });
  if (problemi.length > 0)
    throw new DomainError(
      'DATA_NON_VALIDA',
      'Date del progetto non coerenti: correggere i campi indicati.',
      problemi,
    );
}

function payload(cartella: CartellaEntity, p: ProgettoV1, motivazione: string | null): ProgettoDecisioneV1 {
  return {
    progettoId: p.id,
    cartellaId: cartella.id,
    personaId: cartella.personaId,
    versione: p.versione,
    subAmbito: cartella.subAmbito,
    comuneResidenza: cartella.comuneResidenza,
    dataInizio: p.dataInizio,
    dataFine: p.dataFine,
    interventi: p.interventi.map((i) => ({
      codicePrestazione: i.codicePrestazione,
      costoCentesimi: i.costoCentesimi,
      fonteFinanziamento: i.fonteFinanziamento,
      imputazione: i.imputazione ?? null,
    })),
    costoTotaleCentesimi: p.interventi.reduce((t, i) => t + i.costoCentesimi, 0),
    motivazione,
  };
}
