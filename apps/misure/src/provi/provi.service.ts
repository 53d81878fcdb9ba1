import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '@ambito/audit';
import {
  DomainError,
  type ConsuntivoProViV1,
  type ProgettoProViV1,
  type RegistraProgettoProViV1,
  type RegistraRendicontoProViV1,
  type VersioneRegoleMisuraV1,
} from '@ambito/contracts';
import { currentActor } from '@ambito/messaging';
import { isViolation } from '@ambito/persistence';
import { RegoleRepository } from '../regole/regole.repository';
import { valutaConsuntivo, type SpesaProVi } from './consuntivo';
import { ProViBudget, chiaveRendiconto } from './provi-budget';
import {
  inserisciProgetto,
  progettoPerId,
  registraRendiconto,
  rendicontiDelProgetto,
  type ProgettoProViRow,
} from './provi.sql';

const nonTrovato = () => new DomainError('PROGETTO_PRO_VI_NON_TROVATO', 'Progetto Pro.Vi. non trovato.');

/** The accounting part of a Pro.Vi. rule set, or a refusal naming the version that lacks it. */
export function contiProVi(regole: VersioneRegoleMisuraV1): ConsuntivoProViV1 {
  const conti = regole.parametri.conti?.proVi;
  if (!conti)
    throw new DomainError(
      'REGOLE_CONTI_MANCANTI',
      `Le regole Pro.Vi. ${regole.annualita} (versione ${regole.versione}) non hanno i parametri del consuntivo (conti.proVi).`,
    );
  return conti;
}

/**
 * Pro.Vi. a consuntivo (issue 10, point 4): the beneficiary's project, its statements judged by
 * `valutaConsuntivo` under the project's rule set, and the running totals with the ambito's
 * co-financing. One statement at a time per project (its row locked), the cap a database CHECK.
 */
@Injectable()
export class ProViService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly regole: RegoleRepository,
    private readonly audit: AuditService,
    private readonly budget: ProViBudget,
  ) {}

  private get ambito(): string {
    return this.regole.ambito;
  }

  async registraProgetto(dto: RegistraProgettoProViV1): Promise<ProgettoProViV1> {
    const actor = currentActor();
    const regole = await this.regole.inVigore('pro-vi', dto.giorno);
    if (!regole)
      throw new DomainError('REGOLE_NON_IN_VIGORE', `Nessuna regola Pro.Vi. in vigore il ${dto.giorno}.`);
    const conti = contiProVi(regole);
    const proVi = regole.parametri.proVi;
    if (proVi) {
      const fuori = dto.macroaree.filter((a) => !proVi.macroaree.includes(a));
      if (fuori.length)
        throw new DomainError(
          'VALIDAZIONE_FALLITA',
          `Macroaree non previste dalle regole: ${fuori.join(', ')}.`,
        );
      if (dto.macroaree.length < proVi.macroareeMinime)
        throw new DomainError(
          'VALIDAZIONE_FALLITA',
          `Il progetto deve comprendere almeno ${proVi.macroareeMinime} macroaree (ne ha ${dto.macroaree.length}).`,
        );
    }
    const id = randomUUID();
    await this.dataSource.transaction(async (m) => {
      if (dto.istanzaId) await this.istanzaDellaPersona(m, dto.istanzaId, dto.personaId);
      try {
        await inserisciProgetto(m, {
          id,
          ambito: this.ambito,
          persona_id: dto.personaId,
          istanza_id: dto.istanzaId,
          regole_id: regole.id,
          annualita: dto.annualita,
          macroaree: dto.macroaree,
          concesso_centesimi: dto.concessoCentesimi === null ? null : String(dto.concessoCentesimi),
          massimale_centesimi: String(
            Math.min(conti.massimaleBeneficiarioCentesimi, dto.concessoCentesimi ?? Number.MAX_SAFE_INTEGER),
          ),
          cofinanziamento_percento: conti.cofinanziamentoAmbitoPercento,
          creato_da: actor.userId,
        });
      } catch (error) {
        if (isViolation(error, '23505', 'uq_pro_vi_progetto'))
          throw new DomainError(
            'PROGETTO_PRO_VI_GIA_REGISTRATO',
            `La persona ha già un progetto Pro.Vi. per il ${dto.annualita}.`,
          );
        throw error;
      }
      await this.audit.consentito(m, actor, [
        { azione: 'registra', risorsa: 'progetto-pro-vi', risorsaId: id, soggettoId: dto.personaId },
      ]);
    });
    return this.progetto(this.dataSource.manager, id);
  }

  async registraRendiconto(dto: RegistraRendicontoProViV1): Promise<ProgettoProViV1> {
    const actor = currentActor();
    if (dto.periodoAl < dto.periodoDal)
      throw new DomainError('DATA_NON_VALIDA', 'Il periodo del rendiconto finisce prima di cominciare.');
    await this.dataSource.transaction(async (m) => {
      const p = await progettoPerId(m, this.ambito, dto.progettoId, true);
      if (!p) throw nonTrovato();
      const regole = await this.regole.leggi(p.regole_id, m);
      if (!regole) throw nonTrovato();
      const spese: SpesaProVi[] = dto.spese.map((s) => ({
        macroarea: s.macroarea,
        tipoSpesa: s.tipoSpesa,
        documento: s.documento,
        ore: s.ore,
        costoOrarioCentesimi: s.costoOrarioCentesimi,
        importoCentesimi: s.importoCentesimi,
      }));
      const esito = valutaConsuntivo(spese, {
        parametri: contiProVi(regole),
        macroareeProgetto: p.macroaree,
        concessoCentesimi: p.concesso_centesimi === null ? null : Number(p.concesso_centesimi),
        giaRimborsatoCentesimi: Number(p.rimborsato_centesimi),
      });
      const numero = p.rendiconti + 1;
      // The reimbursement in the budget before the rendiconto is written, under the project's lock: a
      // refusal (no money on the fund or the ambito's cofinanziamento, a line misure may not use) throws
      // and nothing is written here; budget writes both quotas or neither. The key is the rendiconto's.
      const chiave = chiaveRendiconto(p.id, numero);
      const quote =
        esito.rimborsoCentesimi > 0
          ? await this.budget.registra({
              chiaveIdempotenza: chiave,
              linea: dto.linea,
              quotaFondoCentesimi: esito.quotaFondoCentesimi,
              quotaAmbitoCentesimi: esito.quotaAmbitoCentesimi,
              descrizione: `Pro.Vi. ${p.annualita}: rimborso del rendiconto ${numero} (${dto.periodoDal} – ${dto.periodoAl})`,
              riferimento: `misure:pro-vi:${p.id}:${numero}`,
              determina: dto.determina,
              creditore: { tipo: 'persona', identificativo: `persona:${p.persona_id}` },
            })
          : null;
      await registraRendiconto(m, {
        id: randomUUID(),
        progettoId: p.id,
        numero,
        linea: dto.linea,
        determina: dto.determina,
        budget: quote ? { chiave, quote } : null,
        periodoDal: dto.periodoDal,
        periodoAl: dto.periodoAl,
        regoleId: regole.id,
        spese: dto.spese as unknown as SpesaProVi[],
        esito,
        registratoDa: actor.userId,
      });
      await this.audit.consentito(m, actor, [
        { azione: 'rendiconta', risorsa: 'progetto-pro-vi', risorsaId: p.id, soggettoId: p.persona_id },
      ]);
    });
    return this.progetto(this.dataSource.manager, dto.progettoId);
  }

  /** A project whole; a read of personal data, audited (refusals too). */
  async leggi(id: string): Promise<ProgettoProViV1> {
    const actor = currentActor();
    const traccia = { azione: 'leggi', risorsa: 'progetto-pro-vi', risorsaId: id };
    const p = await progettoPerId(this.dataSource.manager, this.ambito, id);
    if (!p) throw await this.audit.negato(actor, { ...traccia, soggettoId: null }, nonTrovato());
    const risposta = await this.progetto(this.dataSource.manager, id);
    await this.audit.consentito(this.dataSource.manager, actor, [{ ...traccia, soggettoId: p.persona_id }]);
    return risposta;
  }

  private async istanzaDellaPersona(m: EntityManager, istanzaId: string, personaId: string): Promise<void> {
    const [i] = await m.query<{ persona_id: string }[]>(
      `SELECT persona_id FROM istanza WHERE id = $1 AND ambito = $2`,
      [istanzaId, this.ambito],
    );
    if (!i || i.persona_id !== personaId)
      throw new DomainError('ISTANZA_NON_TROVATA', 'Istanza non trovata per questa persona.');
  }

  private async progetto(m: EntityManager, id: string): Promise<ProgettoProViV1> {
    const p = (await progettoPerId(m, this.ambito, id)) as ProgettoProViRow;
    const rendiconti = await rendicontiDelProgetto(m, id);
    const rimborsato = Number(p.rimborsato_centesimi);
    const quotaAmbito = Number(p.quota_ambito_centesimi);
    const effettiva = rimborsato > 0 ? Math.round((quotaAmbito * 10_000) / rimborsato) / 100 : null;
    return {
      id: p.id,
      personaId: p.persona_id,
      istanzaId: p.istanza_id,
      annualita: p.annualita,
      regoleId: p.regole_id,
      macroaree: p.macroaree,
      concessoCentesimi: p.concesso_centesimi === null ? null : Number(p.concesso_centesimi),
      massimaleCentesimi: Number(p.massimale_centesimi),
      rimborsatoCentesimi: rimborsato,
      residuoCentesimi: Number(p.massimale_centesimi) - rimborsato,
      cofinanziamento: {
        percentualeMinima: p.cofinanziamento_percento,
        quotaAmbitoCentesimi: quotaAmbito,
        quotaFondoCentesimi: Number(p.quota_fondo_centesimi),
        percentualeEffettiva: effettiva,
        rispettato: quotaAmbito * 100 >= rimborsato * p.cofinanziamento_percento,
      },
      rendiconti: rendiconti.map((r) => ({
        id: r.id,
        numero: r.numero,
        periodoDal: r.periodo_dal,
        periodoAl: r.periodo_al,
        regoleId: r.regole_id,
        documentatoCentesimi: Number(r.documentato_centesimi),
        ammessoCentesimi: Number(r.ammesso_centesimi),
        rimborsoCentesimi: Number(r.rimborso_centesimi),
        quotaAmbitoCentesimi: Number(r.quota_ambito_centesimi),
        quotaFondoCentesimi: Number(r.quota_fondo_centesimi),
        motivo: r.valutazione.motivo,
        spese: r.valutazione.spese,
        registratoDa: r.registrato_da,
        registratoIl: r.registrato_il.toISOString(),
        linea: r.linea,
        determina:
          r.determina_numero !== null && r.determina_data !== null
            ? { numero: r.determina_numero, data: r.determina_data }
            : null,
        budget: r.budget,
      })),
    };
  }
}
