import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '@ambito/audit';
import {
  DomainError,
  type BudgetProgettoDdnV1,
  type CreaGruppoAppartamentoV1,
  type DimettiDaGruppoV1,
  type GruppoAppartamentoV1,
  type InserisciInGruppoV1,
  type MassimaliDopoDiNoiV1,
  type RegistraBudgetProgettoDdnV1,
  type VersioneRegoleMisuraV1,
} from '@ambito/contracts';
import { currentActor } from '@ambito/messaging';
import { isViolation } from '@ambito/persistence';
import { RegoleRepository } from '../regole/regole.repository';
import { valutaBudgetProgetto } from './massimali';
import {
  budgetPerId,
  dimettiPersona,
  gruppoPerId,
  inserisciBudget,
  inserisciGruppo,
  inserisciPersona,
  presentiNelGruppo,
  prossimaVersioneBudget,
} from './dopo-di-noi.sql';

const gruppoNonTrovato = () =>
  new DomainError('GRUPPO_APPARTAMENTO_NON_TROVATO', 'Gruppo appartamento non trovato.');

/** The accounting part of a Dopo di Noi rule set, or a refusal naming the version that lacks it. */
export function contiDopoDiNoi(regole: VersioneRegoleMisuraV1): MassimaliDopoDiNoiV1 {
  const conti = regole.parametri.conti?.dopoDiNoi;
  if (!conti)
    throw new DomainError(
      'REGOLE_CONTI_MANCANTI',
      `Le regole del Dopo di Noi ${regole.annualita} (versione ${regole.versione}) non hanno i massimali (conti.dopoDiNoi).`,
    );
  return conti;
}

/**
 * Dopo di Noi (issue 10, point 5): the budget di progetto across its sources with every contribution
 * within its cap (versions, never overwritten), and the group homes whose size the database keeps.
 */
@Injectable()
export class DopoDiNoiService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly regole: RegoleRepository,
    private readonly audit: AuditService,
  ) {}

  private get ambito(): string {
    return this.regole.ambito;
  }

  private async regoleDelGiorno(giorno: string): Promise<VersioneRegoleMisuraV1> {
    const regole = await this.regole.inVigore('dopo-di-noi', giorno);
    if (!regole)
      throw new DomainError('REGOLE_NON_IN_VIGORE', `Nessuna regola del Dopo di Noi in vigore il ${giorno}.`);
    return regole;
  }

  async registraBudget(dto: RegistraBudgetProgettoDdnV1): Promise<BudgetProgettoDdnV1> {
    const actor = currentActor();
    const regole = await this.regoleDelGiorno(dto.giorno);
    const esito = valutaBudgetProgetto(dto.interventi, dto.fonti, contiDopoDiNoi(regole));
    const id = randomUUID();
    await this.dataSource.transaction(async (m) => {
      if (dto.istanzaId) {
        const [i] = await m.query<{ persona_id: string }[]>(
          `SELECT persona_id FROM istanza WHERE id = $1 AND ambito = $2`,
          [dto.istanzaId, this.ambito],
        );
        if (!i || i.persona_id !== dto.personaId)
          throw new DomainError('ISTANZA_NON_TROVATA', 'Istanza non trovata per questa persona.');
      }
      const versione = await prossimaVersioneBudget(m, this.ambito, dto.personaId, dto.annualita);
      await inserisciBudget(m, {
        id,
        ambito: this.ambito,
        personaId: dto.personaId,
        istanzaId: dto.istanzaId,
        regoleId: regole.id,
        annualita: dto.annualita,
        versione,
        registratoDa: actor.userId,
        fonti: dto.fonti,
        interventi: dto.interventi,
        esito,
      });
      await this.audit.consentito(m, actor, [
        { azione: 'registra', risorsa: 'budget-progetto-ddn', risorsaId: id, soggettoId: dto.personaId },
      ]);
    });
    return this.budget(this.dataSource.manager, id);
  }

  async creaGruppo(dto: CreaGruppoAppartamentoV1): Promise<GruppoAppartamentoV1> {
    const actor = currentActor();
    const regole = await this.regoleDelGiorno(dto.giorno);
    const massimo = contiDopoDiNoi(regole).personeMassimeGruppoAppartamento;
    if (dto.postiMassimi !== null && dto.postiMassimi > massimo)
      throw new DomainError(
        'VALIDAZIONE_FALLITA',
        `Un gruppo appartamento ha al massimo ${massimo} persone secondo le regole del Dopo di Noi (chiesti ${dto.postiMassimi} posti).`,
      );
    const id = randomUUID();
    await inserisciGruppo(this.dataSource.manager, {
      id,
      ambito: this.ambito,
      denominazione: dto.denominazione,
      comune_istat: dto.comuneIstat,
      gestione: dto.gestione,
      posti_massimi: dto.postiMassimi ?? massimo,
      regole_id: regole.id,
      creato_da: actor.userId,
    });
    return this.gruppo(this.dataSource.manager, id);
  }

  /** A person enters the group home; the database refuses one too many, even concurrently. */
  async inserisci(dto: InserisciInGruppoV1): Promise<GruppoAppartamentoV1> {
    const actor = currentActor();
    await this.dataSource.transaction(async (m) => {
      const g = await gruppoPerId(m, this.ambito, dto.gruppoId);
      if (!g) throw gruppoNonTrovato();
      try {
        await inserisciPersona(m, g.id, dto.personaId, dto.dal, actor.userId);
      } catch (error) {
        if (isViolation(error, '23514', 'ck_gruppo_appartamento_posti'))
          throw new DomainError(
            'GRUPPO_APPARTAMENTO_PIENO',
            `Il gruppo appartamento «${g.denominazione}» ha già ${g.posti_massimi} persone, il massimo.`,
          );
        if (isViolation(error, '23505'))
          throw new DomainError(
            'PERSONA_GIA_IN_GRUPPO_APPARTAMENTO',
            'La persona è già presente in un gruppo appartamento: va prima dimessa.',
          );
        throw error;
      }
      await this.audit.consentito(m, actor, [
        { azione: 'inserisci', risorsa: 'gruppo-appartamento', risorsaId: g.id, soggettoId: dto.personaId },
      ]);
    });
    return this.gruppo(this.dataSource.manager, dto.gruppoId);
  }

  async dimetti(dto: DimettiDaGruppoV1): Promise<GruppoAppartamentoV1> {
    const actor = currentActor();
    await this.dataSource.transaction(async (m) => {
      const g = await gruppoPerId(m, this.ambito, dto.gruppoId);
      if (!g) throw gruppoNonTrovato();
      if (!(await dimettiPersona(m, g.id, dto.personaId, dto.al)))
        throw new DomainError(
          'RISORSA_NON_TROVATA',
          'La persona non è presente nel gruppo appartamento (o vi è entrata dopo quel giorno).',
        );
      await this.audit.consentito(m, actor, [
        { azione: 'dimetti', risorsa: 'gruppo-appartamento', risorsaId: g.id, soggettoId: dto.personaId },
      ]);
    });
    return this.gruppo(this.dataSource.manager, dto.gruppoId);
  }

  /** A group home with who lives there: personal data, every person read audited. */
  async leggiGruppo(id: string): Promise<GruppoAppartamentoV1> {
    const actor = currentActor();
    const g = await gruppoPerId(this.dataSource.manager, this.ambito, id);
    if (!g)
      throw await this.audit.negato(
        actor,
        { azione: 'leggi', risorsa: 'gruppo-appartamento', risorsaId: id, soggettoId: null },
        gruppoNonTrovato(),
      );
    const risposta = await this.gruppo(this.dataSource.manager, id);
    await this.audit.consentito(
      this.dataSource.manager,
      actor,
      risposta.presenti.map((p) => ({
        azione: 'leggi',
        risorsa: 'gruppo-appartamento',
        risorsaId: id,
        soggettoId: p.personaId,
      })),
    );
    return risposta;
  }

  private async gruppo(m: EntityManager, id: string): Promise<GruppoAppartamentoV1> {
    const g = await gruppoPerId(m, this.ambito, id);
    if (!g) throw gruppoNonTrovato();
    const presenti = await presentiNelGruppo(m, id);
    return {
      id: g.id,
      denominazione: g.denominazione,
      comuneIstat: g.comune_istat,
      gestione: g.gestione,
      postiMassimi: g.posti_massimi,
      persone: g.persone,
      regoleId: g.regole_id,
      presenti: presenti.map((p) => ({ personaId: p.persona_id, dal: p.dal })),
    };
  }

  private async budget(m: EntityManager, id: string): Promise<BudgetProgettoDdnV1> {
    const { budget: b, fonti, interventi } = await budgetPerId(m, id);
    return {
      id: b.id,
      personaId: b.persona_id,
      istanzaId: b.istanza_id,
      annualita: b.annualita,
      versione: b.versione,
      regoleId: b.regole_id,
      costoTotaleCentesimi: Number(b.costo_totale_centesimi),
      risorseTotaliCentesimi: Number(b.risorse_totali_centesimi),
      contributoDopoDiNoiCentesimi: Number(b.contributo_ddn_centesimi),
      fondoDopoDiNoiCentesimi: Number(b.fondo_ddn_centesimi),
      scopertoCentesimi: Math.max(0, Number(b.costo_totale_centesimi) - Number(b.risorse_totali_centesimi)),
      fonti,
      interventi: interventi.map((i) => ({
        indice: i.indice,
        strumento: i.strumento,
        mesi: i.mesi,
        costoCentesimi: Number(i.costo_centesimi),
        richiestoCentesimi: Number(i.richiesto_centesimi),
        massimaleCentesimi: Number(i.massimale_centesimi),
        contributoCentesimi: Number(i.contributo_centesimi),
        sostegnoFamigliaCentesimi: Number(i.sostegno_famiglia_centesimi),
        motivo: i.motivo,
      })),
    };
  }
}
