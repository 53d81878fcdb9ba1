import { giornoInItalia } from '@ambito/kernel';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import {
  DomainError,
  MISURE_EVENTS,
  type AttestazioneIseeV1,
  type BeneficioConcessoV1,
  type BeneficioV1,
  type CartellaChiusaV1,
  type CausaFineBeneficio,
  type ChiudiSospensioneBeneficioV1,
  type ElencaBeneficiV1,
  type EventEnvelope,
  type InterventoMisuraModificatoV1,
  type PaginaBeneficiV1,
  type RegistraSospensioneBeneficioV1,
  type RinnovaIseeBeneficioV1,
  type TerminaBeneficioV1,
  type VersioneRegoleMisuraV1,
} from '@ambito/contracts';
import { AuditService, criteriDaRegistrare } from '@ambito/audit';
import { OutboxWriter, alreadyHandled, currentActor, handleOnce } from '@ambito/messaging';
import { CONTESTO_MISURE, type ContestoMisure } from '../istanze/contesto';
import { scadenzaIsee, validaIl } from '../istruttoria/regole/isee-attestazione';
import { RegoleRepository } from '../regole/regole.repository';
import { aggiungiGiorni } from '../erogazioni/giorni';
import { erogazioniDelBeneficio } from '../erogazioni/erogazioni.sql';
import {
  aggiornaIseeValido,
  annullaSospensione,
  beneficiDellaPersona,
  beneficioPerId,
  chiudiSospensione,
  elencaBenefici,
  inserisciBeneficio,
  registraSospensione,
  sospensioniDeiBenefici,
  terminaBeneficio,
  type BeneficioRow,
  type EsitoSospensione,
  type NuovaSospensione,
} from './benefici.sql';
import { toBeneficioV1 } from './benefici.mapper';
import { FONTI_BENEFICI, type FontiBenefici, type RegistrazioniPersona } from './fonti-benefici';
import { inizioRicoveroDefinitivo, sospensioniSollievo } from './ricoveri';
import { effettoChiusuraCartella } from './chiusura-cartella';
import { effettiRitornoProgetto } from './ritorno-progetto';
import {
  beneficioDellaConcessione,
  registraRitornoProgetto,
  ultimaVersioneApplicata,
} from './ritorno-progetto.sql';

/** Who records what the events and the records decide (no person: the service). */
const SERVIZIO = 'servizio-misure';

export const beneficioNonTrovato = (): DomainError =>
  new DomainError('BENEFICIO_NON_TROVATO', 'Beneficio non trovato.');

/**
 * The life of a beneficio (issue 10, point 1): created from its concessione, suspended and ended by
 * accesso's records and events and by the Ufficio di Piano's records; every change in the transaction of
 * its cause, with its event in the outbox (sospeso, ripreso, revocato, cessato; ids and dates only).
 *
 * The beneficio is created by consuming misure's own `beneficio.concesso` (durable
 * `misure-benefici-concesso`) rather than in the approval's transaction: the approval (and its
 * scorrimento) stays as it is — one multi-row path measured by the admission benchmark — and a
 * beneficio needs accesso's records (ricoveri, death) read before it is written, which must not hold
 * the graduatoria's lock. The outbox makes it at-least-once and `uq_beneficio_concessione` once.
 *
 * The ricoveri are re-derived from the records at every ricovero event: the sollievo suspensions are
 * a function of all the person's ricoveri of the year (sospensioniSollievo), so the events' order, a
 * correction or a redelivery give the suspensions the records support.
 */
@Injectable()
export class BeneficiService {
  private readonly logger = new Logger(BeneficiService.name);
  /** Rule sets read (validated) once per process: a stored version's parameters never change. */
  private readonly regoleLette = new Map<string, VersioneRegoleMisuraV1>();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: OutboxWriter,
    private readonly regole: RegoleRepository,
    private readonly audit: AuditService,
    @Inject(FONTI_BENEFICI) private readonly fonti: FontiBenefici,
    @Inject(CONTESTO_MISURE) private readonly contesto: ContestoMisure,
  ) {}

  // ---- from events ----

  /** A concessione becomes a beneficio, with the person's records applied at once. */
  async concedi(durable: string, envelope: EventEnvelope<string, BeneficioConcessoV1>): Promise<void> {
    if (await alreadyHandled(this.dataSource, durable, envelope)) return;
    const p = envelope.payload;
    const registrazioni = await this.fonti.registrazioni(p.personaId);
    await handleOnce(this.dataSource, durable, envelope, async (m) => {
      const [istanza] = await m.query<
        Array<{ area: string | null; isee: AttestazioneIseeV1[]; giorno: string; regole_id: string }>
      >(
        `SELECT i.area, i.dati->'isee' AS isee,
                (i.protocollata_il AT TIME ZONE 'Europe/Rome')::date::text AS giorno,
                coalesce((SELECT s.regole_id FROM istruttoria s WHERE s.istanza_id = i.id ORDER BY s.numero DESC LIMIT 1),
                         a.regole_id) AS regole_id
           FROM istanza i JOIN avviso a ON a.id = i.avviso_id WHERE i.id = $1`,
        [p.istanzaId],
      );
      if (!istanza) {
        this.logger.warn({ eventId: envelope.id }, 'concessione di un’istanza sconosciuta: ignorata');
        return;
      }
      const regole = await this.regoleDi(m, istanza.regole_id);
      const valide = (istanza.isee ?? []).filter((a) => validaIl(a, regole.parametri.isee, istanza.giorno));
      const iseeValidoAl =
        valide
          .map((a) => scadenzaIsee(a, regole.parametri.isee))
          .sort()
          .pop() ?? null;
      const id = randomUUID();
      const nuovo = await inserisciBeneficio(m, {
        id,
        // The service's ambito (one per deployment): the runs and reads are per ambito.
        ambito: this.contesto.ambito,
        istanza_id: p.istanzaId,
        persona_id: p.personaId,
        avviso_id: p.avvisoId,
        graduatoria_id: p.graduatoriaId,
        misura: p.misura,
        area: istanza.area,
        strumento: p.strumento,
        importo_mensile_centesimi: p.importoMensileCentesimi,
        importo_totale_centesimi: p.importoTotaleCentesimi,
        dal: p.dal,
        al: p.al,
        linea: p.linea,
        fondo: p.fondo,
        anno_fondo: p.annoFondo,
        impegno_id: p.impegnoId,
        regole_id: istanza.regole_id,
        causa_concessione: p.causa,
        evento_id: envelope.id,
        isee_valido_al: iseeValidoAl,
      });
      if (!nuovo || !registrazioni) return;
      const b = await beneficioPerId(m, id, { blocca: true });
      await this.applicaRegistrazioni(m, [b!], registrazioni, `evento:${envelope.id}`);
    });
  }

  /** A ricovero began or ended: the person's records applied again to each of their benefici. */
  async ricovero(durable: string, envelope: EventEnvelope<string, { personaId: string }>): Promise<void> {
    if (await alreadyHandled(this.dataSource, durable, envelope)) return;
    const personaId = envelope.payload.personaId;
    // No beneficio of the person: accesso's records are not read (no personal data without a need).
    const [{ ne }] = await this.dataSource.query<Array<{ ne: boolean }>>(
      `SELECT EXISTS (SELECT 1 FROM beneficio WHERE persona_id = $1 AND stato = 'attivo') AS ne`,
      [personaId],
    );
    const registrazioni = ne ? await this.fonti.registrazioni(personaId) : null;
    await handleOnce(this.dataSource, durable, envelope, async (m) => {
      const benefici = await beneficiDellaPersona(m, personaId);
      if (registrazioni && benefici.length > 0)
        await this.applicaRegistrazioni(m, benefici, registrazioni, `evento:${envelope.id}`);
    });
  }

  /** Death: every beneficio of the person ceases from the day of death (an earlier end stays). */
  async decesso(
    durable: string,
    envelope: EventEnvelope<string, { personaId: string; dataDecesso: string }>,
  ): Promise<void> {
    await handleOnce(this.dataSource, durable, envelope, async (m) => {
      for (const b of await beneficiDellaPersona(m, envelope.payload.personaId))
        await this.termina(
          m,
          b,
          'decesso',
          envelope.payload.dataDecesso,
          'Decesso registrato in anagrafe',
          `evento:${envelope.id}`,
        );
    });
  }

  /**
   * Residence out of the ambito suspends the person's benefici from the day the change was recorded (the
   * event's day: it carries no date of its own); back in the ambito, the open suspension ends the day
   * before.
   */
  async residenza(
    durable: string,
    envelope: EventEnvelope<string, { personaId: string; subAmbito: string | null }>,
  ): Promise<void> {
    const giorno = giornoInItalia(new Date(envelope.occurredAt));
    const fuori = envelope.payload.subAmbito === null;
    await handleOnce(this.dataSource, durable, envelope, async (m) => {
      const benefici = (await beneficiDellaPersona(m, envelope.payload.personaId)).filter(
        (b) => b.stato === 'attivo',
      );
      const sospensioni = await sospensioniDeiBenefici(
        m,
        benefici.map((b) => b.id),
      );
      for (const b of benefici) {
        const aperta = sospensioni.find(
          (s) =>
            s.beneficio_id === b.id &&
            s.causa === 'residenza-fuori-ambito' &&
            s.al === null &&
            !s.annullata_il,
        );
        if (fuori && !aperta)
          await this.sospendi(m, b, {
            id: randomUUID(),
            beneficio_id: b.id,
            causa: 'residenza-fuori-ambito',
            dal: giorno,
            al: null,
            fonte: `residenza:${envelope.id}`,
            dettaglio: { evento: envelope.id },
            regole_id: b.regole_id,
            registrata_da: SERVIZIO,
          });
        else if (!fuori && aperta) {
          const al = aggiungiGiorni(giorno, -1) < aperta.dal ? aperta.dal : aggiungiGiorni(giorno, -1);
          if (await chiudiSospensione(m, aperta.id, al))
            await this.ripreso(m, b, aperta.id, aggiungiGiorni(al, 1));
        }
      }
    });
  }

  /**
   * The person's cartella was closed in presa in carico: each beneficio still in force (and not over
   * before the closure's day) ends or is suspended from that day, as effettoChiusuraCartella says, with
   * the reason recorded. A cartella without the persona of accesso's registry changes nothing.
   */
  async cartellaChiusa(durable: string, envelope: EventEnvelope<string, CartellaChiusaV1>): Promise<void> {
    const { personaId, cartellaId, episodio, motivo } = envelope.payload;
    const giorno = giornoInItalia(new Date(envelope.occurredAt));
    const effetto = effettoChiusuraCartella(motivo);
    const fonte = `cartella-chiusa:${cartellaId}:${episodio}`;
    await handleOnce(this.dataSource, durable, envelope, async (m) => {
      if (!personaId) return;
      const benefici = (await beneficiDellaPersona(m, personaId)).filter(
        (b) => b.stato === 'attivo' && b.al >= giorno,
      );
      for (const b of benefici)
        if (effetto.tipo === 'termina')
          await this.termina(m, b, effetto.causa, giorno, effetto.motivazione, fonte);
        else
          await this.sospendi(m, b, {
            id: randomUUID(),
            beneficio_id: b.id,
            causa: 'altro',
            dal: giorno < b.dal ? b.dal : giorno,
            al: null,
            fonte,
            dettaglio: {
              origine: 'presa-in-carico',
              cartellaId,
              episodio,
              motivoChiusura: motivo,
              motivazione: effetto.motivazione,
            },
            regole_id: b.regole_id,
            registrata_da: SERVIZIO,
          });
    });
  }

  /**
   * An approved version of the person's progetto ended, shortened or suspended the intervento that is
   * this beneficio (issue 10, point 1): the effects effettiRitornoProgetto decides, applied in the
   * inbox's transaction with their rule and reason, and recorded (ritorno_progetto) with the inputs and
   * the beneficio's rule set. A version older than one applied already is recorded `superato` and does
   * nothing; the same state applied again changes nothing (one suspension per link of the progetto, an
   * end only moves earlier). The beneficio not created yet (its concessione is consumed on another
   * durable): the event comes back later.
   */
  async progettoModificato(
    durable: string,
    envelope: EventEnvelope<string, InterventoMisuraModificatoV1>,
  ): Promise<void> {
    const p = envelope.payload;
    const fonte = `progetto:${p.cartellaId}:${p.interventoMisuraId}`;
    await handleOnce(this.dataSource, durable, envelope, async (m) => {
      const b = await beneficioDellaConcessione(m, p.istanzaId, p.impegnoId);
      if (!b) throw new Error(`beneficio della concessione ${p.impegnoId} non ancora registrato: riprovare`);
      const corrente = (await sospensioniDeiBenefici(m, [b.id])).find(
        (s) => s.causa === 'altro' && s.fonte === fonte && !s.annullata_il,
      );
      const input = {
        progetto: {
          progettoId: p.progettoId,
          versione: p.versione,
          modifiche: p.modifiche,
          al: p.al,
          sospensione: p.sospensione,
        },
        beneficio: { dal: b.dal, al: b.al, stato: b.stato, terminaDal: b.termina_dal },
        sospensioneDalProgetto: corrente ? { id: corrente.id, dal: corrente.dal, al: corrente.al } : null,
      };
      const registra = (
        esito: 'applicato' | 'superato',
        effetti: ReturnType<typeof effettiRitornoProgetto>,
      ) =>
        registraRitornoProgetto(m, {
          evento_id: envelope.id,
          beneficio_id: b.id,
          cartella_id: p.cartellaId,
          progetto_id: p.progettoId,
          versione: p.versione,
          intervento_misura_id: p.interventoMisuraId,
          regole_id: b.regole_id,
          esito,
          effetti,
          input,
        });
      const ultima = await ultimaVersioneApplicata(m, b.id, p.cartellaId);
      if (ultima !== null && ultima > p.versione) {
        await registra('superato', [
          {
            tipo: 'nessuno',
            regola: 'versione-superata',
            motivazione: `La versione ${p.versione} del progetto arriva dopo la ${ultima}, già applicata: nulla cambia.`,
          },
        ]);
        return;
      }
      const effetti = effettiRitornoProgetto(
        b,
        p,
        corrente ? { id: corrente.id, dal: corrente.dal, al: corrente.al } : null,
      );
      for (const e of effetti)
        if (e.tipo === 'termina') await this.termina(m, b, 'decadenza', e.dal, e.motivazione, fonte);
        else if (e.tipo === 'sospendi')
          await this.sospendi(m, b, {
            id: randomUUID(),
            beneficio_id: b.id,
            causa: 'altro',
            dal: e.dal < b.dal ? b.dal : e.dal,
            al: e.al,
            fonte,
            dettaglio: {
              origine: 'presa-in-carico',
              cartellaId: p.cartellaId,
              progettoId: p.progettoId,
              versione: p.versione,
              regola: e.regola,
              motivazione: e.motivazione,
            },
            regole_id: b.regole_id,
            registrata_da: SERVIZIO,
          });
        else if (
          e.tipo === 'annulla-sospensione' &&
          corrente &&
          (await annullaSospensione(m, e.sospensioneId))
        )
          await this.ripreso(m, b, e.sospensioneId, corrente.dal);
      await registra('applicato', effetti);
    });
  }

  // ---- the Ufficio di Piano's records ----

  async registraSospensione(dto: RegistraSospensioneBeneficioV1): Promise<BeneficioV1> {
    if (dto.al && dto.al < dto.dal)
      throw new DomainError('VALIDAZIONE_FALLITA', 'La sospensione non può finire prima di iniziare.', [
        { campo: 'al', messaggi: ['successivo o uguale a dal'] },
      ]);
    if (dto.causa === 'misura-incompatibile' && !dto.misura)
      throw new DomainError('VALIDAZIONE_FALLITA', 'Indicare la misura incompatibile percepita.', [
        { campo: 'misura', messaggi: ['obbligatoria per la causa misura-incompatibile'] },
      ]);
    const actor = currentActor();
    await this.dataSource.transaction(async (m) => {
      const b = await this.attivo(m, dto.beneficioId);
      const id = randomUUID();
      await this.sospendi(m, b, {
        id,
        beneficio_id: b.id,
        causa: dto.causa,
        dal: dto.dal,
        al: dto.al ?? null,
        fonte: `operatore:${id}`,
        dettaglio: { motivazione: dto.motivazione, ...(dto.misura ? { misura: dto.misura } : {}) },
        regole_id: b.regole_id,
        registrata_da: actor.userId,
      });
    });
    return this.beneficioV1(dto.beneficioId);
  }

  async chiudiSospensione(dto: ChiudiSospensioneBeneficioV1): Promise<BeneficioV1> {
    await this.dataSource.transaction(async (m) => {
      const b = await this.attivo(m, dto.beneficioId);
      const s = (await sospensioniDeiBenefici(m, [b.id])).find((x) => x.id === dto.sospensioneId);
      if (!s || s.annullata_il) throw new DomainError('RISORSA_NON_TROVATA', 'Sospensione non trovata.');
      if (s.al !== null)
        throw new DomainError('TRANSIZIONE_NON_CONSENTITA', `La sospensione è già chiusa al ${s.al}.`);
      if (dto.al < s.dal)
        throw new DomainError('VALIDAZIONE_FALLITA', 'La sospensione non può finire prima di iniziare.', [
          { campo: 'al', messaggi: [`successivo o uguale a ${s.dal}`] },
        ]);
      if (await chiudiSospensione(m, s.id, dto.al)) await this.ripreso(m, b, s.id, aggiungiGiorni(dto.al, 1));
    });
    return this.beneficioV1(dto.beneficioId);
  }

  async rinnovaIsee(dto: RinnovaIseeBeneficioV1): Promise<BeneficioV1> {
    await this.dataSource.transaction(async (m) => {
      const b = await this.attivo(m, dto.beneficioId);
      await aggiornaIseeValido(m, b.id, dto.validoAl);
    });
    return this.beneficioV1(dto.beneficioId);
  }

  async terminaDaOperatore(dto: TerminaBeneficioV1): Promise<BeneficioV1> {
    await this.dataSource.transaction(async (m) => {
      const b = await this.attivo(m, dto.beneficioId);
      await this.termina(m, b, dto.causa, dto.dal, dto.motivazione, `operatore:${currentActor().userId}`);
    });
    return this.beneficioV1(dto.beneficioId);
  }

  // ---- reads (personal data, audited) ----

  async leggi(id: string): Promise<BeneficioV1> {
    const actor = currentActor();
    const traccia = { azione: 'leggi', risorsa: 'beneficio', risorsaId: id };
    const b = await beneficioPerId(this.dataSource.manager, id);
    if (!b || b.ambito !== this.contesto.ambito)
      throw await this.audit.negato(actor, { ...traccia, soggettoId: null }, beneficioNonTrovato());
    const risposta = await this.beneficioV1(id);
    await this.audit.consentito(this.dataSource.manager, actor, [{ ...traccia, soggettoId: b.persona_id }]);
    return risposta;
  }

  async elenca(dto: ElencaBeneficiV1): Promise<PaginaBeneficiV1> {
    const actor = currentActor();
    const traccia = { azione: 'elenca', risorsa: 'beneficio' };
    const pagina = dto.pagina ?? 1;
    const perPagina = dto.perPagina ?? 50;
    const m = this.dataSource.manager;
    const { righe, totale } = await elencaBenefici(m, {
      ambito: this.contesto.ambito,
      personaId: dto.personaId,
      istanzaId: dto.istanzaId,
      avvisoId: dto.avvisoId,
      stato: dto.stato,
      limite: perPagina,
      scarto: (pagina - 1) * perPagina,
    });
    const sospensioni = await sospensioniDeiBenefici(
      m,
      righe.map((r) => r.id),
    );
    await this.audit.ricerca(m, actor, {
      traccia,
      criteri: criteriDaRegistrare(dto, [
        'personaId',
        'istanzaId',
        'avvisoId',
        'stato',
        'pagina',
        'perPagina',
      ]),
      risultati: righe.map((r) => ({ ...traccia, risorsaId: r.id, soggettoId: r.persona_id })),
    });
    return { elementi: righe.map((r) => toBeneficioV1(r, sospensioni, [])), totale, pagina, perPagina };
  }

  // ---- shared ----

  /**
   * The person's records applied to each beneficio still in force: death (cessazione), definitive
   * admission (revoca), sollievo beyond the yearly limit (suspensions derived again: new ones recorded,
   * changed ones updated, those the records no longer support annulled).
   */
  private async applicaRegistrazioni(
    m: EntityManager,
    benefici: readonly BeneficioRow[],
    r: RegistrazioniPersona,
    fonte: string,
  ): Promise<void> {
    const sospensioni = await sospensioniDeiBenefici(
      m,
      benefici.map((b) => b.id),
    );
    for (const b of benefici) {
      if (r.dataDecesso && r.dataDecesso <= b.al)
        await this.termina(m, b, 'decesso', r.dataDecesso, 'Decesso registrato in anagrafe', fonte);
      const definitivo = inizioRicoveroDefinitivo(r.ricoveri, b);
      if (definitivo)
        await this.termina(
          m,
          b,
          'ricovero-definitivo',
          definitivo,
          'Accoglienza residenziale definitiva (incompatibile, §1.4)',
          fonte,
        );
      const regole = await this.regoleDi(m, b.regole_id);
      const erogazione = regole.parametri.erogazione;
      if (!erogazione) {
        this.logger.warn(
          { beneficioId: b.id, regoleId: b.regole_id },
          'regole senza parametri di erogazione',
        );
        continue;
      }
      const derivate = sospensioniSollievo(r.ricoveri, r.dataNascita, {
        ...regole.parametri.sollievo,
        etaMaggiore: erogazione.etaMaggiore,
      }).filter((s) => s.dal <= b.al && (s.al === null || s.al >= b.dal));
      for (const s of derivate)
        await this.sospendi(m, b, {
          id: randomUUID(),
          beneficio_id: b.id,
          causa: 'sollievo-oltre-limite',
          dal: s.dal,
          al: s.al,
          fonte: s.fonte,
          dettaglio: { ...s.dettaglio, regoleVersione: regole.versione },
          regole_id: b.regole_id,
          registrata_da: SERVIZIO,
        });
      const fonti = new Set(derivate.map((s) => s.fonte));
      for (const s of sospensioni)
        if (
          s.beneficio_id === b.id &&
          s.causa === 'sollievo-oltre-limite' &&
          !s.annullata_il &&
          !fonti.has(s.fonte)
        )
          if (await annullaSospensione(m, s.id)) await this.ripreso(m, b, s.id, s.dal);
    }
  }

  /** Records (or updates) a suspension and tells what changed: sospeso when it begins or reopens, ripreso when it closes. */
  private async sospendi(m: EntityManager, b: BeneficioRow, s: NuovaSospensione): Promise<EsitoSospensione> {
    const esito = await registraSospensione(m, s);
    const ids = {
      beneficioId: b.id,
      istanzaId: b.istanza_id,
      personaId: b.persona_id,
      impegnoId: b.impegno_id,
      sospensioneId: esito.id,
    };
    const cambiata = !esito.prima || esito.prima.dal !== s.dal || esito.prima.al !== s.al;
    if (!cambiata) return esito;
    if (esito.nuova || esito.prima?.al !== null || s.al === null)
      await this.outbox.append(m, MISURE_EVENTS.beneficioSospeso, { ...ids, dal: s.dal, al: s.al });
    else await this.ripreso(m, b, esito.id, aggiungiGiorni(s.al, 1));
    return esito;
  }

  private async ripreso(
    m: EntityManager,
    b: BeneficioRow,
    sospensioneId: string,
    dal: string,
  ): Promise<void> {
    await this.outbox.append(m, MISURE_EVENTS.beneficioRipreso, {
      beneficioId: b.id,
      istanzaId: b.istanza_id,
      personaId: b.persona_id,
      impegnoId: b.impegno_id,
      sospensioneId,
      dal,
    });
  }

  /** Ends a beneficio from a day (an earlier day only, if ended already) and writes its event. */
  private async termina(
    m: EntityManager,
    b: BeneficioRow,
    causa: CausaFineBeneficio,
    dal: string,
    motivazione: string,
    fonte: string,
  ): Promise<void> {
    const stato = causa === 'decesso' || causa === 'rinuncia' ? 'cessato' : 'revocato';
    const inizio = dal < b.dal ? b.dal : dal;
    if (!(await terminaBeneficio(m, b.id, { stato, terminaDal: inizio, causa, motivazione, fonte }))) return;
    await this.outbox.append(
      m,
      stato === 'cessato' ? MISURE_EVENTS.beneficioCessato : MISURE_EVENTS.beneficioRevocato,
      {
        beneficioId: b.id,
        istanzaId: b.istanza_id,
        personaId: b.persona_id,
        impegnoId: b.impegno_id,
        dal: inizio,
      },
    );
    Object.assign(b, { stato, termina_dal: inizio, causa_fine: causa });
  }

  private async attivo(m: EntityManager, id: string): Promise<BeneficioRow> {
    const b = await beneficioPerId(m, id, { blocca: true });
    if (!b || b.ambito !== this.contesto.ambito) throw beneficioNonTrovato();
    if (b.stato !== 'attivo')
      throw new DomainError(
        'BENEFICIO_NON_ATTIVO',
        `Il beneficio è ${b.stato} dal ${b.termina_dal}: non si registrano sospensioni né rinnovi.`,
      );
    return b;
  }

  private async regoleDi(m: EntityManager, id: string): Promise<VersioneRegoleMisuraV1> {
    const gia = this.regoleLette.get(id);
    if (gia) return gia;
    const regole = await this.regole.leggi(id, m);
    if (!regole) throw new DomainError('REGOLE_NON_IN_VIGORE', `Regole ${id} non trovate nell’Ambito.`);
    this.regoleLette.set(id, regole);
    return regole;
  }

  async beneficioV1(id: string, m: EntityManager = this.dataSource.manager): Promise<BeneficioV1> {
    const b = await beneficioPerId(m, id);
    if (!b || b.ambito !== this.contesto.ambito) throw beneficioNonTrovato();
    return toBeneficioV1(b, await sospensioniDeiBenefici(m, [id]), await erogazioniDelBeneficio(m, id));
  }
}
