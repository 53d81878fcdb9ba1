import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import {
  DomainError,
  MISURE_EVENTS,
  type ElencaIstanzeV1,
  type IstanzaV1,
  type ModificaIstanzaV1,
  type PaginaIstanzeV1,
  type PresentaIstanzaV1,
  type SintesiIstanzaV1,
} from '@ambito/contracts';
import { AuditService, criteriDaRegistrare } from '@ambito/audit';
import { OutboxWriter, currentActor } from '@ambito/messaging';
import { isViolation } from '@ambito/persistence';
import { avvisoPerId, graduatorieDegliAvvisi, type AvvisoRow } from '../avvisi/avvisi.sql';
import { avvisoNonTrovato } from '../avvisi/avvisi.service';
import { IstruttoriaService, toIstruttoriaV1 } from '../istruttoria/istruttoria.service';
import { ultimaIstruttoria } from '../istruttoria/istruttoria.sql';
import { CONTESTO_MISURE, type ContestoMisure } from './contesto';
import {
  aggiornaDichiarazioni,
  elencaIstanze,
  formatoProtocollo,
  inserisciIstanza,
  inserisciVersione,
  istanzaPerId,
  prossimoProtocollo,
  versioni,
  type IstanzaRow,
} from './istanze.sql';
import { istanzaNonTrovata, sedeDiPresentazione, vede, visibilitaIstanze } from './visibilita';

const importo = (v: string | null) => (v === null ? null : Number(v));

function toSintesi(i: IstanzaRow): SintesiIstanzaV1 {
  return {
    id: i.id,
    avvisoId: i.avviso_id,
    personaId: i.persona_id,
    strumento: i.strumento,
    protocollo: formatoProtocollo(i.ambito, i.protocollo_anno, i.protocollo_numero),
    protocollataIl: i.protocollata_il.toISOString(),
    comuneResidenza: i.comune_residenza,
    sede: i.sede,
    stato: i.stato,
    versione: i.versione,
    esito: i.esito,
    area: i.area,
    importoMensileCentesimi: importo(i.importo_mensile_centesimi),
    importoTotaleCentesimi: importo(i.importo_totale_centesimi),
  };
}

/** Istanze are presented and changed only while their avviso is published and its window open. */
function assertFinestraAperta(avviso: AvvisoRow): void {
  if (avviso.stato !== 'pubblicato')
    throw new DomainError(
      avviso.stato === 'bozza' ? 'AVVISO_NON_PUBBLICATO' : 'ISTANZA_FUORI_FINESTRA',
      avviso.stato === 'bozza'
        ? 'L’avviso non è ancora pubblicato: non si presentano istanze.'
        : 'L’avviso è chiuso: le istanze non si presentano né si modificano più.',
    );
  if (avviso.oggi < avviso.apertura || avviso.oggi > avviso.chiusura)
    throw new DomainError(
      'ISTANZA_FUORI_FINESTRA',
      `Le istanze si presentano e si modificano dal ${avviso.apertura} al ${avviso.chiusura}.`,
    );
}

/**
 * Istanze: presented for a person at a sede (or by the Ufficio di Piano), protocolled with a gap-free
 * number per ambito and year, istruite in the same transaction; changed as new versions while the window
 * is open; read and listed within the actor's visibility, every read of personal data audited.
 */
@Injectable()
export class IstanzeService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: OutboxWriter,
    private readonly audit: AuditService,
    private readonly istruttoria: IstruttoriaService,
    @Inject(CONTESTO_MISURE) private readonly contesto: ContestoMisure,
  ) {}

  async presenta(dto: PresentaIstanzaV1): Promise<IstanzaV1> {
    const actor = currentActor();
    const sede = sedeDiPresentazione(actor, this.contesto.territorio, dto.sede);
    // Checked before asking the other services; again under the avviso's lock below.
    const avviso = await this.avvisoAperto(this.dataSource.manager, dto.avvisoId);
    const strumenti = (await graduatorieDegliAvvisi(this.dataSource.manager, [avviso.id])).map(
      (g) => g.strumento,
    );
    if (!strumenti.includes(dto.strumento))
      throw new DomainError(
        'STRUMENTO_MISURA_SCONOSCIUTO',
        `L’avviso non prevede lo strumento «${dto.strumento}»: strumenti dell’avviso ${[...new Set(strumenti)].join(', ')}.`,
      );
    const fonti = await this.istruttoria.fontiDellaPersona(dto.personaId);
    const id = randomUUID();
    try {
      await this.dataSource.transaction(async (manager) => {
        // Shared lock: a concurrent closing waits for the presentations under way, and they for it.
        const bloccato = await manager.query<Array<{ id: string }>>(
          `SELECT id FROM avviso WHERE id = $1 FOR SHARE`,
          [avviso.id],
        );
        if (bloccato.length === 0) throw avvisoNonTrovato();
        await this.avvisoAperto(manager, avviso.id);
        const protocollo = await prossimoProtocollo(manager, this.contesto.ambito);
        await inserisciIstanza(manager, {
          id,
          ambito: this.contesto.ambito,
          avvisoId: avviso.id,
          personaId: dto.personaId,
          strumento: dto.strumento,
          protocollo,
          comuneResidenza: fonti.comuneResidenza,
          sede,
          richiedente: dto.richiedente,
          dati: dto.dichiarazioni,
          documenti: dto.documenti,
          presentataDa: actor.userId,
        });
        await this.outbox.append(manager, MISURE_EVENTS.istanzaPresentata, {
          istanzaId: id,
          avvisoId: avviso.id,
          strumento: dto.strumento,
          protocollo: formatoProtocollo(this.contesto.ambito, protocollo.anno, protocollo.numero),
          protocollataIl: protocollo.il.toISOString(),
          sede,
        });
        const istanza = await istanzaPerId(manager, id);
        await this.istruttoria.istruisci(
          manager,
          istanza!,
          dto.dichiarazioni,
          fonti,
          'presentazione',
          actor.userId,
          { verificaIsee: true },
        );
        await this.audit.consentito(manager, actor, [
          { azione: 'presenta', risorsa: 'istanza', risorsaId: id, soggettoId: dto.personaId },
        ]);
      });
    } catch (error) {
      if (isViolation(error, '23505', 'uq_istanza_persona'))
        throw new DomainError(
          'ISTANZA_GIA_PRESENTATA',
          `La persona ha già un’istanza per lo strumento «${dto.strumento}» di questo avviso: modificarla con una nuova versione.`,
        );
      throw error;
    }
    return this.istanzaV1(this.dataSource.manager, id);
  }

  /** A new version of the declarations and documents, while the window is open; istruita again. */
  async modifica(dto: ModificaIstanzaV1): Promise<IstanzaV1> {
    const actor = currentActor();
    const visibilita = visibilitaIstanze(actor, this.contesto.territorio, { esiti: false });
    const prima = await istanzaPerId(this.dataSource.manager, dto.id);
    if (!prima || !vede(visibilita, prima)) throw istanzaNonTrovata();
    await this.avvisoAperto(this.dataSource.manager, prima.avviso_id);
    const fonti = await this.istruttoria.fontiDellaPersona(prima.persona_id);
    await this.dataSource.transaction(async (manager) => {
      await manager.query(`SELECT id FROM avviso WHERE id = $1 FOR SHARE`, [prima.avviso_id]);
      await this.avvisoAperto(manager, prima.avviso_id);
      const istanza = await istanzaPerId(manager, dto.id, { blocca: true });
      if (!istanza) throw istanzaNonTrovata();
      const versione = istanza.versione + 1;
      await inserisciVersione(manager, istanza.id, versione, dto.dichiarazioni, dto.documenti, actor.userId);
      await aggiornaDichiarazioni(
        manager,
        istanza.id,
        versione,
        dto.dichiarazioni,
        dto.documenti,
        fonti.comuneResidenza,
      );
      await this.istruttoria.istruisci(
        manager,
        istanza,
        dto.dichiarazioni,
        fonti,
        'nuova-versione',
        actor.userId,
        { verificaIsee: true },
      );
      await this.audit.consentito(manager, actor, [
        { azione: 'modifica', risorsa: 'istanza', risorsaId: istanza.id, soggettoId: istanza.persona_id },
      ]);
    });
    return this.istanzaV1(this.dataSource.manager, dto.id);
  }

  /** An istanza whole; a read of personal data, audited (refusals too, without saying it exists). */
  async leggi(id: string): Promise<IstanzaV1> {
    const actor = currentActor();
    const traccia = { azione: 'leggi', risorsa: 'istanza', risorsaId: id };
    let istanza: IstanzaRow | null = null;
    try {
      const visibilita = visibilitaIstanze(actor, this.contesto.territorio, { esiti: false });
      istanza = await istanzaPerId(this.dataSource.manager, id);
      if (!istanza || !vede(visibilita, istanza)) throw istanzaNonTrovata();
    } catch (error) {
      if (error instanceof DomainError)
        throw await this.audit.negato(actor, { ...traccia, soggettoId: istanza?.persona_id ?? null }, error);
      throw error;
    }
    const risposta = await this.istanzaV1(this.dataSource.manager, id);
    await this.audit.consentito(this.dataSource.manager, actor, [
      { ...traccia, soggettoId: istanza.persona_id },
    ]);
    return risposta;
  }

  /** The istanze of an avviso the actor sees, in protocol order; the search and each result audited. */
  async elenca(dto: ElencaIstanzeV1): Promise<PaginaIstanzeV1> {
    const actor = currentActor();
    const traccia = { azione: 'elenca', risorsa: 'istanza' };
    const pagina = dto.pagina ?? 1;
    const perPagina = dto.perPagina ?? 50;
    let visibilita;
    try {
      visibilita = visibilitaIstanze(actor, this.contesto.territorio, { esiti: true });
    } catch (error) {
      throw await this.audit.negato(actor, traccia, error as Error);
    }
    const { righe, totale } = await elencaIstanze(this.dataSource.manager, {
      avvisoId: dto.avvisoId,
      strumento: dto.strumento,
      esito: dto.esito,
      visibilita,
      limite: perPagina,
      scarto: (pagina - 1) * perPagina,
    });
    await this.audit.ricerca(this.dataSource.manager, actor, {
      traccia,
      criteri: criteriDaRegistrare(dto, ['avvisoId', 'strumento', 'esito', 'pagina', 'perPagina']),
      risultati: righe.map((r) => ({ ...traccia, risorsaId: r.id, soggettoId: r.persona_id })),
    });
    return { elementi: righe.map(toSintesi), totale, pagina, perPagina };
  }

  private async avvisoAperto(manager: EntityManager, id: string): Promise<AvvisoRow> {
    const avviso = await avvisoPerId(manager, id);
    if (!avviso || avviso.ambito !== this.contesto.ambito) throw avvisoNonTrovato();
    assertFinestraAperta(avviso);
    return avviso;
  }

  private async istanzaV1(manager: EntityManager, id: string): Promise<IstanzaV1> {
    const istanza = await istanzaPerId(manager, id);
    if (!istanza) throw istanzaNonTrovata();
    const ultima = await ultimaIstruttoria(manager, id);
    return {
      ...toSintesi(istanza),
      richiedente: istanza.richiedente,
      dichiarazioni: istanza.dati,
      documenti: istanza.documenti,
      presentataDa: istanza.presentata_da,
      versioni: (await versioni(manager, id)).map((v) => ({
        versione: v.versione,
        registrataDa: v.registrata_da,
        registrataIl: v.registrata_il.toISOString(),
      })),
      ultimaIstruttoria: ultima ? toIstruttoriaV1(ultima) : null,
    };
  }
}
