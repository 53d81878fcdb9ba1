import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import {
  ASSISTENTI_FAMILIARI_EVENTS,
  DomainError,
  type CandidaturaV1,
  type DecidiCandidaturaV1,
  type PresentaCandidaturaV1,
} from '@ambito/contracts';
import { AuditService } from '@ambito/audit';
import { CodiceFiscale, InvalidCodiceFiscaleError } from '@ambito/kernel';
import { OutboxWriter, currentActor } from '@ambito/messaging';
import { isViolation } from '@ambito/persistence';
import { verificaScheda } from '../registro/scheda';
import {
  annotaStoria,
  cambiaRegistroPubblico,
  inserisciIscrizione,
  inserisciScheda,
  iscrizioneViva,
  salvaAssistente,
} from '../registro/registro.sql';
import { RequisitiService } from '../requisiti/requisiti.service';
import { verificaRequisiti } from '../requisiti/verifica-requisiti';
import {
  CONTESTO_REGISTRO,
  sportelloDellOperatore,
  verificaOperatoreRegistro,
  type ContestoRegistro,
} from '../sportelli/contesto';
import { candidaturaPerId, candidaturaV1, decidiCandidatura, inserisciCandidatura } from './candidature.sql';

const candidaturaNonTrovata = () =>
  new DomainError('CANDIDATURA_NON_TROVATA', 'Candidatura non trovata nel registro dell’Ambito.');
const giaIscritto = () =>
  new DomainError('ASSISTENTE_GIA_ISCRITTO', 'L’assistente è già iscritto nel registro dell’Ambito.');

/**
 * Candidature at the sportelli: received with the explained check of the requirements in force, then
 * registered (requirements met again on the day, documents verified) or rejected with a motivazione.
 */
@Injectable()
export class CandidatureService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(CONTESTO_REGISTRO) private readonly contesto: ContestoRegistro,
    private readonly requisiti: RequisitiService,
    private readonly outbox: OutboxWriter,
    private readonly audit: AuditService,
  ) {}

  async presenta(dto: PresentaCandidaturaV1): Promise<CandidaturaV1> {
    const actor = currentActor();
    const { registro, territorio } = this.contesto;
    const sportello = sportelloDellOperatore(actor, territorio, dto.sportello);
    const assistente = { ...dto.assistente, codiceFiscale: codiceFiscale(dto.assistente.codiceFiscale) };
    verificaScheda(dto.scheda, this.contesto.territorio);
    const id = randomUUID();
    const giorno = this.contesto.oggi();
    try {
      await this.dataSource.transaction(async (manager) => {
        const assistenteId = await salvaAssistente(manager, randomUUID(), assistente);
        if (await iscrizioneViva(manager, registro, assistenteId)) throw giaIscritto();
        const requisiti = await this.requisiti.inVigore(manager, giorno);
        await inserisciCandidatura(manager, {
          id,
          registro,
          assistente_id: assistenteId,
          sportello,
          dichiarazioni: dto.dichiarazioni,
          scheda: dto.scheda,
          documenti: dto.documenti,
          requisiti_id: requisiti.id,
          verifica: verificaRequisiti(assistente, dto.dichiarazioni, requisiti, giorno),
          presentata_da: actor.userId,
        });
        await this.audit.consentito(manager, actor, [
          { azione: 'presenta', risorsa: 'candidatura', risorsaId: id, soggettoId: assistenteId },
        ]);
      });
    } catch (error) {
      if (isViolation(error, '23505', 'uq_candidatura_aperta'))
        throw new DomainError(
          'CANDIDATURA_GIA_PRESENTATA',
          'L’assistente ha già una candidatura da decidere in questo registro: decidere quella.',
        );
      throw error;
    }
    return this.leggiSenzaAudit(id);
  }

  async decidi(dto: DecidiCandidaturaV1): Promise<CandidaturaV1> {
    const actor = currentActor();
    const { registro } = this.contesto;
    verificaOperatoreRegistro(actor, this.contesto.territorio);
    const giorno = this.contesto.oggi();
    try {
      await this.dataSource.transaction(async (manager) => {
        const c = await candidaturaPerId(manager, registro, dto.id, { blocca: true });
        if (!c) throw candidaturaNonTrovata();
        if (c.stato !== 'presentata')
          throw new DomainError('CANDIDATURA_GIA_DECISA', `La candidatura è già stata decisa (${c.stato}).`);
        if (dto.decisione === 'respingi') {
          const motivazione = dto.motivazione?.trim();
          if (!motivazione)
            throw new DomainError('VALIDAZIONE_FALLITA', 'Per respingere serve la motivazione.', [
              { campo: 'motivazione', messaggi: ['obbligatoria per respingere'] },
            ]);
          await decidiCandidatura(manager, c.id, { stato: 'respinta', da: actor.userId, motivazione });
        } else {
          if (!dto.documentiVerificati)
            throw new DomainError(
              'DOCUMENTI_NON_VERIFICATI',
              'Per iscrivere, lo sportello deve aver verificato i documenti citati nella candidatura.',
              [{ campo: 'documentiVerificati', messaggi: ['deve essere true per iscrivere'] }],
            );
          // Judged again on the day of the decision, with the version in force then: a permit may have expired.
          const requisiti = await this.requisiti.inVigore(manager, giorno);
          const candidato = (
            await manager.query<
              Array<{
                nome: string;
                cognome: string;
                codice_fiscale: string;
                data_nascita: string;
                cittadinanza: string;
              }>
            >(
              `SELECT nome, cognome, codice_fiscale, to_char(data_nascita, 'YYYY-MM-DD') AS data_nascita, cittadinanza FROM assistente WHERE id = $1`,
              [c.assistente_id],
            )
          )[0];
          const verifica = verificaRequisiti(
            {
              codiceFiscale: candidato.codice_fiscale,
              nome: candidato.nome,
              cognome: candidato.cognome,
              dataNascita: candidato.data_nascita,
              cittadinanza: candidato.cittadinanza,
              telefono: null,
              email: null,
              indirizzo: null,
            },
            c.dichiarazioni,
            requisiti,
            giorno,
          );
          if (verifica.esito !== 'idoneo')
            throw new DomainError(
              'REQUISITI_NON_SODDISFATTI',
              'Requisiti d’iscrizione non soddisfatti: respingere la candidatura con la sua motivazione.',
              verifica.requisiti
                .filter((r) => r.esito === 'non-soddisfatto')
                .map((r) => ({ campo: r.codice, messaggi: [r.motivo] })),
            );
          const iscrizioneId = randomUUID();
          const permessoScadenza = verifica.cittadinoUe
            ? null
            : (c.dichiarazioni.permessoSoggiorno?.scadenza ?? null);
          await inserisciIscrizione(manager, {
            id: iscrizioneId,
            registro,
            assistente_id: c.assistente_id,
            candidatura_id: c.id,
            sportello: c.sportello,
            iscritta_il: giorno,
            requisiti_id: requisiti.id,
            permesso_scadenza: permessoScadenza,
          });
          await inserisciScheda(manager, iscrizioneId, c.scheda);
          await annotaStoria(manager, iscrizioneId, {
            tipo: 'iscritta',
            motivazione: dto.motivazione?.trim() || null,
            dettagli: { requisitiId: requisiti.id, versioneRequisiti: requisiti.versione },
            da: actor.userId,
          });
          await decidiCandidatura(manager, c.id, {
            stato: 'iscritta',
            da: actor.userId,
            motivazione: dto.motivazione?.trim() || null,
            verifica,
          });
          await this.outbox.append(manager, ASSISTENTI_FAMILIARI_EVENTS.assistenteIscritto, {
            iscrizioneId,
            assistenteId: c.assistente_id,
            registro,
            sportello: c.sportello,
            iscrittaIl: giorno,
            requisitiId: requisiti.id,
          });
          await cambiaRegistroPubblico(manager, registro);
        }
        await this.audit.consentito(manager, actor, [
          { azione: dto.decisione, risorsa: 'candidatura', risorsaId: c.id, soggettoId: c.assistente_id },
        ]);
      });
    } catch (error) {
      if (isViolation(error, '23505', 'uq_iscrizione_viva')) throw giaIscritto();
      throw error;
    }
    return this.leggiSenzaAudit(dto.id);
  }

  /** A candidatura whole; a read of personal data, audited. */
  async leggi(id: string): Promise<CandidaturaV1> {
    const actor = currentActor();
    verificaOperatoreRegistro(actor, this.contesto.territorio);
    return this.dataSource.transaction(async (manager) => {
      const c = await candidaturaPerId(manager, this.contesto.registro, id);
      if (!c) throw candidaturaNonTrovata();
      await this.audit.consentito(manager, actor, [
        { azione: 'leggi', risorsa: 'candidatura', risorsaId: c.id, soggettoId: c.assistente_id },
      ]);
      return candidaturaV1(manager, c);
    });
  }

  /** What a write answers: the row it wrote (its audit row is the write's own). */
  private async leggiSenzaAudit(id: string): Promise<CandidaturaV1> {
    const c = await candidaturaPerId(this.dataSource.manager, this.contesto.registro, id);
    return candidaturaV1(this.dataSource.manager, c!);
  }
}

function codiceFiscale(valore: string): string {
  try {
    return CodiceFiscale.parse(valore).value;
  } catch (error) {
    if (error instanceof InvalidCodiceFiscaleError)
      throw new DomainError('CODICE_FISCALE_NON_VALIDO', error.message, [
        { campo: 'assistente.codiceFiscale', messaggi: [error.message] },
      ]);
    throw error;
  }
}
