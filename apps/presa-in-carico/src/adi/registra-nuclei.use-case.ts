import { Injectable } from '@nestjs/common';
import {
  DomainError,
  type EsitoNucleoAdiV1,
  type FieldError,
  type RegistraNucleiAdiV1,
  type RegistrazioneNucleiAdiV1,
} from '@ambito/contracts';
import { AuditService, type Traccia } from '@ambito/audit';
import { CodiceFiscale } from '@ambito/kernel';
import { currentActor } from '@ambito/messaging';
import { CartelleStore } from '../cartella/cartelle.store';
import { AccogliPropostaUseCase } from '../cartelle/apertura/accogli-proposta.use-case';
import { TerritorioService } from '../territorio/territorio.service';
import { parametriAdi } from './parametri-adi';
import {
  CODICI_PARAMETRI_ADI,
  aggiungiGiorni,
  motivoNonRegistrabile,
  parametroInVigore,
} from './scadenze-adi';

/**
 * The ADI households of one GePI import (integrazioni, with its own identity), all or none in one
 * transaction: each one puts a proposta `adi-gepi` on its applicant's cartella (new, or the one the
 * person has: an assigned case stays with its case manager) and records the domanda with its PAD, from
 * which the deadlines are computed. A domanda already recorded is `gia-presente` and changes nothing,
 * so a repeated import is harmless; concurrent imports of the same domanda are serialised on it.
 */
@Injectable()
export class RegistraNucleiAdiUseCase {
  constructor(
    private readonly store: CartelleStore,
    private readonly accogli: AccogliPropostaUseCase,
    private readonly territorio: TerritorioService,
    private readonly audit: AuditService,
  ) {}

  async esegui(dto: RegistraNucleiAdiV1): Promise<RegistrazioneNucleiAdiV1> {
    const actor = currentActor();
    const traccia: Traccia = { azione: 'registra-nuclei-adi', risorsa: 'cartella' };
    const parametri = await parametriAdi(this.store.dataSource.manager);
    const errori: FieldError[] = [];
    const visti = new Set<string>();
    for (const d of dto.domande) {
      const messaggi: string[] = [];
      if (!this.territorio.subAmbito(d.persona.comuneResidenza))
        messaggi.push(`il comune ${d.persona.comuneResidenza} non fa parte dell’Ambito`);
      if (!CodiceFiscale.isValid(d.persona.codiceFiscale)) messaggi.push('codice fiscale non valido');
      if (visti.has(d.codiceDomanda)) messaggi.push(`domanda ${d.codiceDomanda} ripetuta`);
      const motivo = motivoNonRegistrabile(d.dataPad, parametri);
      if (motivo) messaggi.push(motivo);
      visti.add(d.codiceDomanda);
      if (messaggi.length > 0) errori.push({ campo: `riga ${d.riga}`, messaggi });
    }
    if (errori.length > 0)
      throw await this.audit.negato(
        actor,
        traccia,
        new DomainError(
          'VALIDAZIONE_FALLITA',
          `${errori.length} nuclei ADI non registrabili: nessuno è stato registrato.`,
          errori,
        ),
      );

    // In a fixed order, so that two imports sharing domande take their locks in the same order.
    const domande = [...dto.domande].sort((a, b) => a.codiceDomanda.localeCompare(b.codiceDomanda));
    const autore = { userId: actor.userId, nome: actor.nome };
    const esiti = await this.store.dataSource.transaction(async (manager) => {
      const risultato: EsitoNucleoAdiV1[] = [];
      for (const d of domande) {
        await manager.query(`SELECT pg_advisory_xact_lock(hashtextextended('nucleo_adi:' || $1, 0))`, [
          d.codiceDomanda,
        ]);
        const [esistente] = await manager.query<{ id: string; cartella_id: string }[]>(
          `SELECT id, cartella_id FROM nucleo_adi WHERE codice_domanda = $1`,
          [d.codiceDomanda],
        );
        if (esistente) {
          risultato.push({
            codiceDomanda: d.codiceDomanda,
            esito: 'gia-presente',
            cartellaId: esistente.cartella_id,
            nucleoId: esistente.id,
          });
          continue;
        }
        const legale = parametroInVigore(
          parametri,
          CODICI_PARAMETRI_ADI['presa-in-carico-legale'],
          d.dataPad,
        )!;
        const accolta = await this.accogli.esegui(
          manager,
          {
            persona: { ...d.persona, codiceFiscale: d.persona.codiceFiscale.toUpperCase() },
            personaId: d.personaId,
            origine: 'adi-gepi',
            accessoId: null,
            inviante: 'GePI, Assegno di Inclusione',
            motivazione:
              `Nucleo ADI, domanda ${d.codiceDomanda}, PAD del ${d.dataPad}: presa in carico entro il ` +
              `${aggiungiGiorni(d.dataPad, legale.valore)} (${legale.atto}).`,
            urgenza: null,
            subAmbito: this.territorio.subAmbito(d.persona.comuneResidenza)!,
          },
          autore,
        );
        const { cartella, nuova } = accolta!;
        const [nucleo] = await manager.query<{ id: string }[]>(
          `INSERT INTO nucleo_adi (codice_domanda, cartella_id, episodio, data_pad, componenti, riferimento)
           VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
          [d.codiceDomanda, cartella.id, cartella.episodio, d.dataPad, d.componenti, dto.riferimento],
        );
        risultato.push({
          codiceDomanda: d.codiceDomanda,
          esito: nuova ? 'aperta' : 'unita',
          cartellaId: cartella.id,
          nucleoId: nucleo.id,
        });
      }
      await this.audit.consentito(
        manager,
        actor,
        risultato
          .filter((e) => e.esito !== 'gia-presente')
          .map((e) => ({ ...traccia, risorsaId: e.cartellaId, soggettoId: e.cartellaId })),
      );
      return risultato;
    });
    // In the order of the file.
    const perDomanda = new Map(esiti.map((e) => [e.codiceDomanda, e]));
    return { esiti: dto.domande.map((d) => perDomanda.get(d.codiceDomanda)!) };
  }
}
