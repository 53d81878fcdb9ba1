import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import {
  ASSISTENTI_FAMILIARI_EVENTS,
  DomainError,
  type AggiornaPermessoV1,
  type CancellaIscrizioneV1,
  type ElencaIscrizioniV1,
  type IscrizioneV1,
  type ModificaSchedaV1,
  type PaginaRegistroV1,
  type RegistraConsensoV1,
} from '@ambito/contracts';
import { AuditService, criteriDaRegistrare } from '@ambito/audit';
import { OutboxWriter, currentActor } from '@ambito/messaging';
import { CONTESTO_REGISTRO, verificaOperatoreRegistro, type ContestoRegistro } from '../sportelli/contesto';
import { campiCambiati, campiPubbliciCambiati, verificaScheda } from './scheda';
import {
  aggiornaScheda,
  aggiornaStato,
  annotaStoria,
  assistentePerId,
  cambiaRegistroPubblico,
  consensoInVigore,
  inserisciConsenso,
  iscrizionePerId,
  revocaConsensi,
  schedaDi,
  storiaDi,
  versioneScheda,
  type IscrizioneRow,
} from './registro.sql';

const iscrizioneNonTrovata = () =>
  new DomainError('ISCRIZIONE_NON_TROVATA', 'Iscrizione non trovata nel registro dell’Ambito.');

/**
 * The registro kept by the sportelli: reads (audited), cancellation with its cause, the renewed permit,
 * the consent to publish; every change in the history and, when it alters the public list, its version.
 */
@Injectable()
export class RegistroService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(CONTESTO_REGISTRO) private readonly contesto: ContestoRegistro,
    private readonly outbox: OutboxWriter,
    private readonly audit: AuditService,
  ) {}

  async leggi(id: string): Promise<IscrizioneV1> {
    const actor = currentActor();
    verificaOperatoreRegistro(actor, this.contesto.territorio);
    return this.dataSource.transaction(async (manager) => {
      const i = await iscrizionePerId(manager, this.contesto.registro, id);
      if (!i) throw iscrizioneNonTrovata();
      await this.audit.consentito(manager, actor, [
        { azione: 'leggi', risorsa: 'iscrizione', risorsaId: i.id, soggettoId: i.assistente_id },
      ]);
      return this.iscrizioneV1(manager, i);
    });
  }

  async elenca(dto: ElencaIscrizioniV1): Promise<PaginaRegistroV1> {
    const actor = currentActor();
    verificaOperatoreRegistro(actor, this.contesto.territorio);
    const pagina = dto.pagina ?? 1;
    const perPagina = dto.perPagina ?? 50;
    return this.dataSource.transaction(async (manager) => {
      const rows = await manager.query<
        Array<{
          id: string;
          assistente_id: string;
          sportello: string;
          stato: IscrizioneRow['stato'];
          nome: string;
          cognome: string;
          iscritta_il: string;
          permesso_scadenza: string | null;
          totale: string;
        }>
      >(
        `SELECT i.id, i.assistente_id, i.sportello, i.stato, a.nome, a.cognome, to_char(i.iscritta_il, 'YYYY-MM-DD') AS iscritta_il,
                to_char(i.permesso_scadenza, 'YYYY-MM-DD') AS permesso_scadenza, count(*) OVER () AS totale
           FROM iscrizione i JOIN assistente a ON a.id = i.assistente_id
          WHERE i.registro = $1 AND ($2::text IS NULL OR i.stato = $2)
          ORDER BY a.cognome, a.nome, i.id LIMIT $3 OFFSET $4`,
        [this.contesto.registro, dto.stato ?? null, perPagina, (pagina - 1) * perPagina],
      );
      await this.audit.ricerca(manager, actor, {
        traccia: { azione: 'elenca', risorsa: 'iscrizione' },
        criteri: criteriDaRegistrare({ stato: dto.stato }, ['stato']),
        risultati: rows.map((r) => ({
          azione: 'elenca',
          risorsa: 'iscrizione',
          risorsaId: r.id,
          soggettoId: r.assistente_id,
        })),
      });
      return {
        elementi: rows.map((r) => ({
          id: r.id,
          sportello: r.sportello,
          stato: r.stato,
          nome: r.nome,
          cognome: r.cognome,
          iscrittaIl: r.iscritta_il,
          permessoScadenza: r.permesso_scadenza,
        })),
        totale: Number(rows[0]?.totale ?? 0),
        pagina,
        perPagina,
      };
    });
  }

  async cancella(dto: CancellaIscrizioneV1): Promise<IscrizioneV1> {
    return this.modifica(dto.id, 'cancella', async (manager, i, da) => {
      await aggiornaStato(manager, i.id, 'cancellata', { cancellazione: dto.causa });
      await revocaConsensi(manager, i.id, da);
      await annotaStoria(manager, i.id, {
        tipo: 'cancellata',
        causa: dto.causa,
        motivazione: dto.motivazione.trim(),
        da,
      });
      await this.outbox.append(manager, ASSISTENTI_FAMILIARI_EVENTS.iscrizioneCancellata, {
        iscrizioneId: i.id,
        assistenteId: i.assistente_id,
        registro: i.registro,
        causa: dto.causa,
        il: new Date().toISOString(),
      });
    });
  }

  /** A renewed permit: recorded; an iscrizione suspended because its permit expired is active again. */
  async aggiornaPermesso(dto: AggiornaPermessoV1): Promise<IscrizioneV1> {
    const oggi = this.contesto.oggi();
    const p = dto.permesso;
    if (!p.validoPerLavoro || (p.scadenza !== null && p.scadenza < oggi))
      throw new DomainError(
        'REQUISITI_NON_SODDISFATTI',
        'Il permesso indicato non è valido per lavoro o è già scaduto.',
        [{ campo: 'permesso', messaggi: ['valido per lavoro subordinato e non scaduto'] }],
      );
    return this.modifica(dto.id, 'aggiorna-permesso', async (manager, i, da) => {
      const riattiva = i.stato === 'sospesa' && i.causa_sospensione === 'permesso-scaduto';
      await aggiornaStato(manager, i.id, riattiva ? 'attiva' : i.stato, {
        sospensione: riattiva ? null : i.causa_sospensione,
        permessoScadenza: p.scadenza,
      });
      await annotaStoria(manager, i.id, {
        tipo: 'permesso-aggiornato',
        dettagli: { scadenza: p.scadenza, documento: p.documento },
        da,
      });
      if (riattiva) {
        await annotaStoria(manager, i.id, { tipo: 'riattivata', causa: 'permesso-rinnovato', da });
        await this.outbox.append(manager, ASSISTENTI_FAMILIARI_EVENTS.iscrizioneRiattivata, {
          iscrizioneId: i.id,
          assistenteId: i.assistente_id,
          registro: i.registro,
          permessoScadenza: p.scadenza,
        });
      }
    });
  }

  async registraConsenso(dto: RegistraConsensoV1): Promise<IscrizioneV1> {
    return this.modifica(dto.id, 'registra-consenso', async (manager, i, da) => {
      await revocaConsensi(manager, i.id, da);
      await inserisciConsenso(manager, {
        id: randomUUID(),
        iscrizioneId: i.id,
        campi: dto.campi,
        documento: dto.documento,
        da,
      });
      await annotaStoria(manager, i.id, {
        tipo: 'consenso-dato',
        dettagli: { campi: dto.campi, documento: dto.documento },
        da,
      });
    });
  }

  /**
   * The scheda as it is now, checked like at iscrizione, against the version the operator read: of two
   * edits from the same version the second is refused (SCHEDA_MODIFICATA) instead of overwriting the
   * first. The history records the changed fields; when the public list shows something different (a
   * published field changed, or the new consent publishes or withdraws fields of an active iscrizione)
   * the event says which; the list's version changes with the commit either way.
   */
  async modificaScheda(dto: ModificaSchedaV1): Promise<IscrizioneV1> {
    verificaScheda(dto.scheda, this.contesto.territorio);
    return this.modifica(dto.id, 'modifica-scheda', async (manager, i, da) => {
      const prima = await schedaDi(manager, i.id);
      if (!(await aggiornaScheda(manager, i.id, dto.versione, dto.scheda)))
        throw new DomainError(
          'SCHEDA_MODIFICATA',
          'La scheda è stata modificata da un altro operatore dopo la lettura: rileggerla e ripetere la modifica.',
          [{ campo: 'versione', messaggi: [`versione attuale ${await versioneScheda(manager, i.id)}`] }],
        );
      const consensoPrima = (await consensoInVigore(manager, i.id))?.campi ?? [];
      let consensoDopo = consensoPrima;
      if (dto.consenso) {
        await revocaConsensi(manager, i.id, da);
        await inserisciConsenso(manager, {
          id: randomUUID(),
          iscrizioneId: i.id,
          campi: dto.consenso.campi,
          documento: dto.consenso.documento,
          da,
        });
        consensoDopo = dto.consenso.campi;
        await annotaStoria(manager, i.id, {
          tipo: 'consenso-dato',
          dettagli: { campi: dto.consenso.campi, documento: dto.consenso.documento },
          da,
        });
      }
      const cambiati = campiCambiati(prima, dto.scheda);
      await annotaStoria(manager, i.id, {
        tipo: 'scheda-aggiornata',
        motivazione:
          cambiati.length > 0 ? `Campi modificati: ${cambiati.join(', ')}` : 'Nessun campo modificato',
        dettagli: { campi: cambiati, versione: dto.versione + 1 },
        da,
      });
      const pubblici = campiPubbliciCambiati(cambiati, consensoPrima, consensoDopo);
      if (i.stato === 'attiva' && pubblici.length > 0)
        await this.outbox.append(manager, ASSISTENTI_FAMILIARI_EVENTS.schedaPubblicaModificata, {
          iscrizioneId: i.id,
          assistenteId: i.assistente_id,
          registro: i.registro,
          versioneScheda: dto.versione + 1,
          campi: pubblici,
          il: new Date().toISOString(),
        });
    });
  }

  /** The scheda leaves the public list when this commits (the list's version changes with it). */
  async revocaConsenso(id: string): Promise<IscrizioneV1> {
    return this.modifica(id, 'revoca-consenso', async (manager, i, da) => {
      if (!(await revocaConsensi(manager, i.id, da)))
        throw new DomainError('CONSENSO_NON_PRESENTE', 'Nessun consenso alla pubblicazione da revocare.');
      await annotaStoria(manager, i.id, { tipo: 'consenso-revocato', da });
    });
  }

  /** One change of a live iscrizione: locked, changed, its history, the public list's version, audited. */
  private async modifica(
    id: string,
    azione: string,
    cambia: (manager: EntityManager, i: IscrizioneRow, da: string) => Promise<void>,
  ): Promise<IscrizioneV1> {
    const actor = currentActor();
    verificaOperatoreRegistro(actor, this.contesto.territorio);
    await this.dataSource.transaction(async (manager) => {
      const i = await iscrizionePerId(manager, this.contesto.registro, id, { blocca: true });
      if (!i) throw iscrizioneNonTrovata();
      if (i.stato === 'cancellata')
        throw new DomainError(
          'ISCRIZIONE_CANCELLATA',
          'L’iscrizione è cancellata: serve una nuova candidatura.',
        );
      await cambia(manager, i, actor.userId);
      await cambiaRegistroPubblico(manager, i.registro);
      await this.audit.consentito(manager, actor, [
        { azione, risorsa: 'iscrizione', risorsaId: i.id, soggettoId: i.assistente_id },
      ]);
    });
    const i = await iscrizionePerId(this.dataSource.manager, this.contesto.registro, id);
    return this.iscrizioneV1(this.dataSource.manager, i!);
  }

  private async iscrizioneV1(manager: EntityManager, i: IscrizioneRow): Promise<IscrizioneV1> {
    return {
      id: i.id,
      registro: i.registro,
      sportello: i.sportello,
      stato: i.stato,
      assistente: await assistentePerId(manager, i.assistente_id),
      candidaturaId: i.candidatura_id,
      iscrittaIl: i.iscritta_il,
      requisitiId: i.requisiti_id,
      permessoScadenza: i.permesso_scadenza,
      causaSospensione: i.causa_sospensione,
      causaCancellazione: i.causa_cancellazione,
      scheda: await schedaDi(manager, i.id),
      versioneScheda: await versioneScheda(manager, i.id),
      consenso: await consensoInVigore(manager, i.id),
      storia: await storiaDi(manager, i.id),
    };
  }
}
