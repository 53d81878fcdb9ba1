import { giornoInItalia } from '@ambito/kernel';
import { PERSONA } from '../sportello/contesto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import {
  DomainError,
  type BisognoV1,
  type CandidatiV1,
  type CercaCandidatiV1,
  type PropostaAssistenteV1,
  type ProponiAssistenteV1,
  type ProponiRichiestaV1,
  type RegistraRichiestaV1,
  type RichiestaV1,
  type RispondiPropostaV1,
} from '@ambito/contracts';
import { AuditService } from '@ambito/audit';
import { currentActor } from '@ambito/messaging';
import { isViolation } from '@ambito/persistence';
import { abbina, type BisognoFamiglia, type SchedaCandidata } from '../abbinamento/abbinamento';
import { erroreFascia, griglia, grigliaDaSlot, slotDellaGriglia } from '../abbinamento/griglia-oraria';
import { pesiInVigore } from '../abbinamento/pesi';
import { classificaCandidati } from '../abbinamento/classifica.sql';
import { schedaAttiva, type SchedaRow } from '../abbinamento/schede.sql';
import {
  CONTESTO_SPORTELLO,
  codiciAmbito,
  fuoriDalSubAmbito,
  sportelloDellArea,
  sportelloDellOperatore,
  subAmbitoDelComune,
  vedeFascicolo,
  type ContestoSportello,
} from '../sportello/contesto';
import { aggiornaRisposte, inserisciProposta, propostaPerId, toPropostaV1 } from './proposte.sql';
import {
  inserisciRichiesta,
  richiestaDellaValutazione,
  richiestaPerId,
  toRichiestaV1,
  type NuovaRichiesta,
  type RichiestaRow,
} from './richieste.sql';

type CampiOrigine =
  | 'origine'
  | 'sportello'
  | 'cartellaId'
  | 'valutazioneId'
  | 'valutazioneDel'
  | 'consensoDocumento'
  | 'consensoDatoDa'
  | 'consensoNominativo'
  | 'consensoDatoIl';

const SENZA_PRESA_IN_CARICO = {
  cartellaId: null,
  valutazioneId: null,
  valutazioneDel: null,
  consensoDocumento: null,
  consensoDatoDa: null,
  consensoNominativo: null,
  consensoDatoIl: null,
} as const;

export const richiestaNonTrovata = () => new DomainError('RICHIESTA_NON_TROVATA', 'Richiesta non trovata.');
const propostaNonTrovata = () => new DomainError('PROPOSTA_NON_TROVATA', 'Proposta non trovata.');
const oggi = () => giornoInItalia();

/** The richieste of families, the matching and the proposals with the two sides' answers. */
@Injectable()
export class RichiesteService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    @Inject(CONTESTO_SPORTELLO) private readonly contesto: ContestoSportello,
  ) {}

  /** Registered at a desk of the operator's sub-ambiti: that desk holds it. */
  registra(dto: RegistraRichiestaV1): Promise<RichiestaV1> {
    return this.inserisci(dto, {
      ...SENZA_PRESA_IN_CARICO,
      origine: 'sportello',
      sportello: sportelloDellOperatore(currentActor(), this.contesto, dto.sportello),
    });
  }

  /**
   * From presa in carico (its service identity): it checked the case manager, the valutazione and the
   * consent; the richiesta goes to the desk of the family's area. The same cartella and valutazione
   * proposed again (a retry) answer the richiesta already made.
   */
  async proponi(dto: ProponiRichiestaV1): Promise<RichiestaV1> {
    const esistente = await richiestaDellaValutazione(
      this.dataSource.manager,
      dto.cartellaId,
      dto.valutazioneId,
    );
    if (esistente) return toRichiestaV1(esistente);
    try {
      return await this.inserisci(dto, {
        origine: 'presa-in-carico',
        sportello: sportelloDellArea(this.contesto, dto.comune),
        cartellaId: dto.cartellaId,
        valutazioneId: dto.valutazioneId,
        valutazioneDel: dto.valutazioneDel,
        consensoDocumento: dto.consenso.documento,
        consensoDatoDa: dto.consenso.datoDa,
        consensoNominativo: dto.consenso.nominativo ?? null,
        consensoDatoIl: dto.consenso.datoIl,
      });
    } catch (error) {
      // Two deliveries at once: the database keeps one, the other answers it.
      if (!isViolation(error, '23505', 'uq_richiesta_valutazione')) throw error;
      return toRichiestaV1(
        (await richiestaDellaValutazione(this.dataSource.manager, dto.cartellaId, dto.valutazioneId))!,
      );
    }
  }

  private async inserisci(dto: BisognoV1, origine: Pick<NuovaRichiesta, CampiOrigine>): Promise<RichiestaV1> {
    const actor = currentActor();
    const errori = dto.orari.map(erroreFascia).filter((e): e is string => e !== undefined);
    if (errori.length > 0)
      throw new DomainError('VALIDAZIONE_FALLITA', `Orari non validi: ${errori.join('; ')}.`, [
        { campo: 'orari', messaggi: errori },
      ]);
    const mancanti = dto.competenzeIndispensabili.filter((c) => !dto.competenze.includes(c));
    if (mancanti.length > 0)
      throw new DomainError(
        'VALIDAZIONE_FALLITA',
        `Le competenze indispensabili vanno anche fra le richieste: ${mancanti.join(', ')}.`,
        [{ campo: 'competenzeIndispensabili', messaggi: ['fra le competenze richieste'] }],
      );
    const subAmbito = subAmbitoDelComune(this.contesto, dto.comune);
    const id = randomUUID();
    await this.dataSource.transaction(async (manager) => {
      await inserisciRichiesta(manager, {
        id,
        personaId: dto.personaId,
        ...origine,
        comune: dto.comune,
        subAmbito,
        orari: dto.orari,
        slot: slotDellaGriglia(griglia(dto.orari)),
        convivenza: dto.convivenza,
        competenze: dto.competenze,
        competenzeIndispensabili: dto.competenzeIndispensabili,
        lingue: dto.lingue,
        dataInizio: dto.dataInizio,
        note: dto.note ?? null,
        registrataDa: actor.userId,
      });
      await this.audit.consentito(manager, actor, [
        {
          azione: 'registra',
          risorsa: 'richiesta',
          risorsaId: id,
          soggettoId: dto.personaId,
          soggettoTipo: PERSONA,
        },
      ]);
    });
    return toRichiestaV1((await richiestaPerId(this.dataSource.manager, id))!);
  }

  async leggi(id: string): Promise<RichiestaV1> {
    const richiesta = await this.richiestaLetta(id, 'leggi');
    return toRichiestaV1(richiesta);
  }

  /** The richiesta, its read audited (a refusal too). */
  private async richiestaLetta(id: string, azione: string): Promise<RichiestaRow> {
    const actor = currentActor();
    const traccia = { azione, risorsa: 'richiesta', risorsaId: id };
    const richiesta = await richiestaPerId(this.dataSource.manager, id);
    if (!richiesta) throw await this.audit.negato(actor, traccia, richiestaNonTrovata());
    if (!vedeFascicolo(actor, this.contesto, titolareDi(richiesta)))
      throw await this.audit.negato(actor, traccia, fuoriDalSubAmbito());
    await this.audit.consentito(this.dataSource.manager, actor, [
      { ...traccia, soggettoId: richiesta.persona_id, soggettoTipo: PERSONA },
    ]);
    return richiesta;
  }

  /**
   * The database ranks (hard filters, overlap and score in one pass over the registro, classifica.sql.ts);
   * the pure engine scores again the first `limite` to explain each part of their score.
   */
  async candidati(dto: CercaCandidatiV1): Promise<CandidatiV1> {
    const richiesta = await this.richiestaLetta(dto.id, 'abbina');
    const pesi = pesiInVigore(oggi());
    const bisogno = this.bisogno(richiesta);
    const classifica = await classificaCandidati(this.dataSource.manager, {
      registri: codiciAmbito(this.contesto),
      bisogno,
      pesi,
      limite: dto.limite ?? 20,
    });
    const esito = abbina(bisogno, classifica.migliori.map(schedaCandidata), pesi);
    const perNome = new Map(classifica.migliori.map((s) => [s.iscrizione_id, s]));
    await this.audit.consentito(
      this.dataSource.manager,
      currentActor(),
      esito.candidati.map((c) => ({
        azione: 'candidato',
        risorsa: 'iscrizione',
        risorsaId: c.assistenteId,
        soggettoId: perNome.get(c.assistenteId)!.assistente_id,
      })),
    );
    return {
      richiestaId: richiesta.id,
      versionePesi: esito.versionePesi,
      valutate: classifica.valutate,
      esclusi: {
        areaNonServita: classifica.esclusi['area-non-servita'],
        convivenzaNonOfferta: classifica.esclusi['convivenza-non-offerta'],
        competenzaIndispensabileMancante: classifica.esclusi['competenza-indispensabile-mancante'],
        disponibilitaInsufficiente: classifica.esclusi['disponibilita-insufficiente'],
      },
      candidati: esito.candidati.map((c) => {
        const s = perNome.get(c.assistenteId)!;
        return {
          iscrizioneId: s.iscrizione_id,
          assistenteId: s.assistente_id,
          nome: s.nome,
          cognome: s.cognome,
          sportello: c.sportello,
          punteggio: c.punteggio,
          parti: c.parti,
        };
      }),
    };
  }

  /** Proposes an assistant: the score is computed now and kept with the version of the weights. */
  async proponiAssistente(dto: ProponiAssistenteV1): Promise<PropostaAssistenteV1> {
    const actor = currentActor();
    const id = randomUUID();
    await this.dataSource.transaction(async (manager) => {
      const richiesta = await richiestaPerId(manager, dto.richiestaId, { blocca: true });
      if (!richiesta) throw richiestaNonTrovata();
      if (!vedeFascicolo(actor, this.contesto, titolareDi(richiesta))) throw fuoriDalSubAmbito();
      if (richiesta.stato !== 'aperta')
        throw new DomainError(
          'RICHIESTA_NON_APERTA',
          'La richiesta è già soddisfatta: non si propongono altri assistenti.',
        );
      const scheda = await schedaAttiva(manager, dto.iscrizioneId);
      if (!scheda)
        throw new DomainError(
          'ASSISTENTE_NON_ISCRITTO',
          'L’assistente non ha un’iscrizione attiva nel registro.',
        );
      const pesi = pesiInVigore(oggi());
      const esito = abbina(this.bisogno(richiesta), [schedaCandidata(scheda)], pesi);
      const [candidato] = esito.candidati;
      if (!candidato) {
        const motivo = Object.entries(esito.esclusi).find(([, n]) => n > 0)?.[0] ?? 'filtri';
        throw new DomainError(
          'TRANSIZIONE_NON_CONSENTITA',
          `L’assistente non risponde ai requisiti indispensabili della richiesta (${motivo}).`,
        );
      }
      try {
        await inserisciProposta(manager, {
          id,
          richiestaId: richiesta.id,
          iscrizioneId: scheda.iscrizione_id,
          assistenteId: scheda.assistente_id,
          punteggio: candidato.punteggio,
          parti: candidato.parti,
          versionePesi: esito.versionePesi,
          da: actor.userId,
        });
      } catch (error) {
        if (isViolation(error, '23505', 'uq_proposta'))
          throw new DomainError(
            'PROPOSTA_GIA_PRESENTE',
            'Questo assistente è già stato proposto per la richiesta.',
          );
        throw error;
      }
      await this.audit.consentito(manager, actor, [
        {
          azione: 'proponi',
          risorsa: 'proposta',
          risorsaId: id,
          soggettoId: richiesta.persona_id,
          soggettoTipo: PERSONA,
        },
      ]);
    });
    return toPropostaV1((await propostaPerId(this.dataSource.manager, id))!);
  }

  /** The family's or the assistant's answer; accepted when both accept, refused when either refuses. */
  async rispondi(dto: RispondiPropostaV1): Promise<PropostaAssistenteV1> {
    const actor = currentActor();
    await this.dataSource.transaction(async (manager) => {
      const proposta = await propostaPerId(manager, dto.id, { blocca: true });
      if (!proposta) throw propostaNonTrovata();
      const richiesta = (await richiestaPerId(manager, proposta.richiesta_id))!;
      if (!vedeFascicolo(actor, this.contesto, titolareDi(richiesta))) throw fuoriDalSubAmbito();
      if (proposta.stato !== 'proposta')
        throw new DomainError('TRANSIZIONE_NON_CONSENTITA', `La proposta è già ${proposta.stato}.`);
      const famiglia = dto.parte === 'famiglia' ? dto.risposta : proposta.risposta_famiglia;
      const assistente = dto.parte === 'assistente' ? dto.risposta : proposta.risposta_assistente;
      const stato =
        famiglia === 'rifiuta' || assistente === 'rifiuta'
          ? 'rifiutata'
          : famiglia === 'accetta' && assistente === 'accetta'
            ? 'accettata'
            : 'proposta';
      await aggiornaRisposte(manager, proposta.id, {
        rispostaFamiglia: famiglia,
        rispostaAssistente: assistente,
        stato,
        colloquioIl: dto.colloquioIl ?? proposta.colloquio_il,
        motivo: dto.motivo ?? proposta.motivo,
      });
      await this.audit.consentito(manager, actor, [
        { azione: `risposta-${dto.parte}`, risorsa: 'proposta', risorsaId: proposta.id },
      ]);
    });
    return toPropostaV1((await propostaPerId(this.dataSource.manager, dto.id))!);
  }

  private comuniDelSubAmbito(subAmbito: string): string[] {
    return this.contesto.territorio.comuni.filter((c) => c.subAmbito === subAmbito).map((c) => c.istat);
  }

  private bisogno(r: RichiestaRow): BisognoFamiglia {
    return {
      comune: r.comune,
      subAmbito: r.sub_ambito,
      comuniSubAmbito: this.comuniDelSubAmbito(r.sub_ambito),
      ambito: this.contesto.ambito,
      ambitiEquivalenti: codiciAmbito(this.contesto),
      orari: grigliaDaSlot(r.slot),
      convivenza: r.convivenza,
      competenze: r.competenze,
      competenzeIndispensabili: r.competenze_indispensabili,
      lingue: r.lingue,
    };
  }
}

/** The desk that holds a richiesta and the family's sub-ambito: who may see it (sportello/contesto.ts). */
export const titolareDi = (r: Pick<RichiestaRow, 'sportello' | 'sub_ambito'>) => ({
  sportello: r.sportello,
  subAmbito: r.sub_ambito,
});

function schedaCandidata(s: SchedaRow): SchedaCandidata {
  return {
    assistenteId: s.iscrizione_id,
    sportello: s.sportello,
    competenze: s.competenze,
    lingue: s.lingue,
    aree: s.aree,
    convivenza: s.convivente,
    disponibilita: grigliaDaSlot(s.disponibilita),
  };
}
