import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import {
  DomainError,
  MISURE_EVENTS,
  utenteServizio,
  type DatiIstanzaV1,
  type DecidiIstruttoriaV1,
  type DichiarazioniIstanzaV1,
  type InputIstruttoriaV1,
  type IstruttoriaV1,
  type ValutazioneIstanzaV1,
} from '@ambito/contracts';
import { AuditService } from '@ambito/audit';
import { OutboxWriter, currentActor } from '@ambito/messaging';
import { regoleNonInVigore } from '../avvisi/avvisi.service';
import { RegoleRepository } from '../regole/regole.repository';
import { assertIseeNonScaduto } from './isee-alla-presentazione';
import { iseeVerificatiDellIstanza } from '../isee-verificato/isee-verificato.sql';
import { avvisoPerId } from '../avvisi/avvisi.sql';
import { SERVICE } from '../app/service';
import { FONTI_ISTANZA, type FontiIstanza, type RiesameIstruttorie } from '../fonti/fonti-istanza';
import { CONTESTO_MISURE, type ContestoMisure } from '../istanze/contesto';
import { istanzaPerId, istanzeAperteDellaPersona, type IstanzaRow } from '../istanze/istanze.sql';
import { assertIstruttore, istanzaNonTrovata, vede, visibilitaIstanze } from '../istanze/visibilita';
import {
  inserisciIstruttoria,
  istruttorieDellIstanza,
  registraDecisione,
  ultimaIstruttoria,
  type IstruttoriaRow,
} from './istruttoria.sql';
import { valutaIstanza } from './valuta-istanza';

export function toIstruttoriaV1(r: IstruttoriaRow): IstruttoriaV1 {
  return {
    id: r.id,
    istanzaId: r.istanza_id,
    numero: r.numero,
    regoleId: r.regole_id,
    causa: r.causa,
    dataRiferimento: r.data_riferimento,
    input: r.input,
    esitoCalcolato: r.esito_calcolato,
    esito: r.esito,
    valutazione: r.valutazione,
    decisione:
      r.decisione_da && r.decisione_il
        ? {
            esito: r.esito as 'ammissibile' | 'non-ammissibile',
            motivazione: r.motivazione ?? '',
            decisaDa: r.decisione_da,
            decisaIl: r.decisione_il.toISOString(),
          }
        : null,
    istruitaDa: r.istruita_da,
    istruitaIl: r.istruita_il.toISOString(),
  };
}

/** What the other services say of the person when the istruttoria runs. */
export type Fonti = Pick<
  DatiIstanzaV1,
  'dataNascita' | 'residenteNellAmbito' | 'alDomicilio' | 'presaInCarico'
> & {
  comuneResidenza: string | null;
};

/**
 * The istruttoria of istanze: every evaluation is a new row with the snapshot it judged and the rule set
 * in force on the day of presentation (reproducible with `valutaIstanza`), its result copied to the
 * istanza; re-runs when evidence changes (RiesameIstruttorie) and on request; the operator's decision on
 * what the rules leave to be verified.
 */
@Injectable()
export class IstruttoriaService implements RiesameIstruttorie {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: OutboxWriter,
    private readonly audit: AuditService,
    private readonly regole: RegoleRepository,
    @Inject(CONTESTO_MISURE) private readonly contesto: ContestoMisure,
    // The sources' module (accesso and presa in carico, read as the service).
    @Inject(FONTI_ISTANZA) private readonly fonti: FontiIstanza,
  ) {}

  /** The persona from accesso and the cartella's state from presa in carico, never typed in the istanza. */
  async fontiDellaPersona(personaId: string): Promise<Fonti> {
    const [persona, presaInCarico] = await Promise.all([
      this.fonti.persona(personaId),
      this.fonti.presaInCarico(personaId),
    ]);
    return {
      dataNascita: persona.dataNascita,
      residenteNellAmbito: persona.residenteNellAmbito,
      alDomicilio: persona.alDomicilio,
      comuneResidenza: persona.comuneResidenzaIstat,
      presaInCarico: {
        valutazioneCompletata: presaInCarico.valutazioneCompletata,
        valutazioneClinicaSociale: presaInCarico.valutazioneClinicaSociale,
        progettoApprovato: presaInCarico.progettoApprovato,
        budgetDiProgetto: presaInCarico.budgetDiProgetto,
      },
    };
  }

  /**
   * Evaluates the istanza (whose row the caller holds locked, in its transaction) and records the
   * istruttoria with its events. The person lives at home only if accesso knows no definitive
   * admission and the istanza declares it. On presentation and on a new version (`verificaIsee`), declared
   * ISEE attestations all expired on the day of presentation are refused (ISEE_SCADUTO) before anything
   * is written: the caller's transaction rolls back with its protocol number.
   */
  async istruisci(
    manager: EntityManager,
    istanza: Pick<IstanzaRow, 'id' | 'avviso_id' | 'strumento' | 'giorno_protocollo'>,
    dichiarazioni: DichiarazioniIstanzaV1,
    fonti: Fonti,
    causa: string,
    da: string,
    opzioni: { verificaIsee?: boolean } = {},
  ): Promise<IstruttoriaRow> {
    const avviso = await avvisoPerId(manager, istanza.avviso_id);
    if (!avviso) throw istanzaNonTrovata();
    const giorno = istanza.giorno_protocollo;
    // The version in force on the day of presentation, if it is of the avviso's annualità; else the avviso's.
    const inVigore = await this.regole.inVigore(avviso.misura, giorno, manager);
    const regole =
      inVigore && inVigore.annualita === avviso.annualita
        ? inVigore
        : await this.regole.leggi(avviso.regole_id, manager);
    if (!regole) throw regoleNonInVigore(`${avviso.misura} ${avviso.annualita} al ${giorno}`);
    if (opzioni.verificaIsee) assertIseeNonScaduto(dichiarazioni.isee, regole.parametri.isee, giorno);
    const { alDomicilio, ...dichiarate } = dichiarazioni;
    const input: InputIstruttoriaV1 = {
      dati: {
        dataNascita: fonti.dataNascita,
        residenteNellAmbito: fonti.residenteNellAmbito,
        alDomicilio: fonti.alDomicilio && alDomicilio,
        ...dichiarate,
        presaInCarico: fonti.presaInCarico,
      },
      strumento: istanza.strumento,
      dataRiferimento: giorno,
      mesi: avviso.mesi,
    };
    // The ISEE verified at INPS, if any (isee-verificato): recorded in the input, so the run is reproducible.
    const verificati = await iseeVerificatiDellIstanza(manager, istanza.id);
    if (verificati.length > 0) input.iseeVerificati = verificati;
    const valutazione = valutaIstanza(input, { id: regole.id, parametri: regole.parametri });
    const id = randomUUID();
    const numero = await inserisciIstruttoria(manager, {
      id,
      istanzaId: istanza.id,
      causa,
      input,
      valutazione,
      istruitaDa: da,
    });
    await this.eventi(
      manager,
      { istanzaId: istanza.id, istruttoriaId: id, avvisoId: avviso.id, numero, causa },
      {
        origine: 'calcolo',
        valutazione,
      },
    );
    const [riga] = (await istruttorieDellIstanza(manager, istanza.id)).filter((r) => r.id === id);
    return riga;
  }

  /** On request: the istanza judged again with today's persona and cartella. */
  async riesamina(istanzaId: string, motivo: string): Promise<IstruttoriaV1> {
    const actor = currentActor();
    assertIstruttore(actor, this.contesto.istruttoriaEquipe);
    const istanza = await istanzaPerId(this.dataSource.manager, istanzaId);
    if (!istanza || !vede(visibilitaIstanze(actor, this.contesto.territorio, { esiti: false }), istanza))
      throw istanzaNonTrovata();
    const rifatta = await this.riesaminaIstanza(istanzaId, `riesame: ${motivo}`, actor.userId);
    // The reply carries the person's data (the snapshot): recorded like a read.
    await this.audit.consentito(this.dataSource.manager, actor, [
      { azione: 'riesamina', risorsa: 'istruttoria', risorsaId: istanzaId, soggettoId: istanza.persona_id },
    ]);
    return toIstruttoriaV1(rifatta);
  }

  /** Evidence changed elsewhere (ricovero, residence, valutazione, progetto, ISEE): every open istanza again. */
  async riesaminaPersona(personaId: string, causa: string): Promise<void> {
    const aperte = await istanzeAperteDellaPersona(this.dataSource.manager, personaId);
    if (aperte.length === 0) return;
    // Read once for all of them: the same person, the same moment.
    const fonti = await this.fontiDellaPersona(personaId);
    for (const id of aperte) await this.riesaminaIstanza(id, causa, utenteServizio(SERVICE), fonti);
  }

  private async riesaminaIstanza(
    istanzaId: string,
    causa: string,
    da: string,
    lette?: Fonti,
  ): Promise<IstruttoriaRow> {
    const prima = await istanzaPerId(this.dataSource.manager, istanzaId);
    if (!prima) throw istanzaNonTrovata();
    const fonti = lette ?? (await this.fontiDellaPersona(prima.persona_id));
    return this.dataSource.transaction(async (manager) => {
      const istanza = await istanzaPerId(manager, istanzaId, { blocca: true });
      if (!istanza) throw istanzaNonTrovata();
      return this.istruisci(manager, istanza, istanza.dati, fonti, causa, da);
    });
  }

  /** The operator decides what the rules left to be verified, on the istanza's last istruttoria. */
  async decidi(dto: DecidiIstruttoriaV1): Promise<IstruttoriaV1> {
    const actor = currentActor();
    assertIstruttore(actor, this.contesto.istruttoriaEquipe);
    const visibilita = visibilitaIstanze(actor, this.contesto.territorio, { esiti: false });
    return this.dataSource.transaction(async (manager) => {
      const istanza = await istanzaPerId(manager, dto.istanzaId, { blocca: true });
      if (!istanza || !vede(visibilita, istanza)) throw istanzaNonTrovata();
      const ultima = await ultimaIstruttoria(manager, istanza.id);
      if (!ultima || ultima.esito_calcolato !== 'da-verificare' || ultima.decisione_da !== null)
        throw new DomainError(
          'DECISIONE_NON_RICHIESTA',
          ultima?.decisione_da
            ? 'L’ultima istruttoria è già stata decisa: per cambiarne l’esito, riesaminare l’istanza.'
            : 'Si decide solo un’istruttoria con esito «da verificare».',
        );
      await registraDecisione(manager, {
        istruttoriaId: ultima.id,
        istanzaId: istanza.id,
        esito: dto.esito,
        da: actor.userId,
        motivazione: dto.motivazione,
      });
      await this.eventi(
        manager,
        {
          istanzaId: istanza.id,
          istruttoriaId: ultima.id,
          avvisoId: istanza.avviso_id,
          numero: ultima.numero,
          causa: ultima.causa,
        },
        { origine: 'decisione', valutazione: { ...ultima.valutazione, esito: dto.esito } },
      );
      await this.audit.consentito(manager, actor, [
        { azione: 'decidi', risorsa: 'istruttoria', risorsaId: ultima.id, soggettoId: istanza.persona_id },
      ]);
      const [decisa] = (await istruttorieDellIstanza(manager, istanza.id)).filter((r) => r.id === ultima.id);
      return toIstruttoriaV1(decisa);
    });
  }

  /** The history of an istanza's istruttorie; a read of personal data, audited (refusals too). */
  async elenca(istanzaId: string): Promise<IstruttoriaV1[]> {
    const actor = currentActor();
    const traccia = { azione: 'elenca', risorsa: 'istruttoria', risorsaId: istanzaId };
    try {
      const visibilita = visibilitaIstanze(actor, this.contesto.territorio, { esiti: true });
      const istanza = await istanzaPerId(this.dataSource.manager, istanzaId);
      if (!istanza || !vede(visibilita, istanza)) throw istanzaNonTrovata();
      const righe = await istruttorieDellIstanza(this.dataSource.manager, istanzaId);
      await this.audit.consentito(this.dataSource.manager, actor, [
        { ...traccia, soggettoId: istanza.persona_id },
      ]);
      return righe.map(toIstruttoriaV1);
    } catch (error) {
      if (error instanceof DomainError) throw await this.audit.negato(actor, traccia, error);
      throw error;
    }
  }

  private async eventi(
    manager: EntityManager,
    ids: { istanzaId: string; istruttoriaId: string; avvisoId: string; numero: number; causa: string },
    esito: { origine: 'calcolo' | 'decisione'; valutazione: ValutazioneIstanzaV1 },
  ): Promise<void> {
    const v = esito.valutazione;
    await this.outbox.append(manager, MISURE_EVENTS.istanzaIstruita, {
      ...ids,
      // The code only: an operator's motivo (after the colon) stays in the istruttoria.
      causa: ids.causa.split(':')[0],
      origine: esito.origine,
      esito: v.esito,
      area: v.area,
      strumento: v.strumento,
      importoMensileCentesimi: v.importoMensileCentesimi,
      importoTotaleCentesimi: v.importoTotaleCentesimi,
    });
    if (v.esito === 'non-ammissibile')
      await this.outbox.append(manager, MISURE_EVENTS.istanzaEsclusa, {
        istanzaId: ids.istanzaId,
        istruttoriaId: ids.istruttoriaId,
        avvisoId: ids.avvisoId,
        strumento: v.strumento,
        origine: esito.origine,
        regole:
          esito.origine === 'calcolo'
            ? v.regole.filter((r) => r.esito === 'non-soddisfatta').map((r) => r.codice)
            : [],
      });
  }
}
