import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import {
  BUDGET_EVENTS,
  DomainError,
  type ImpegnoV1,
  type LiquidazioneV1,
  type MandatoV1,
  type RegistraLiquidazioneV1,
  type RegistraLiquidazioniLottoV1,
  type VoceLottoLiquidazioniV1,
  type RegistraMandatoV1,
  type RiduciImpegnoV1,
  type RichiediImpegniLottoV1,
  type RichiediImpegnoV1,
} from '@ambito/contracts';
import { AuditService } from '@ambito/audit';
import { Money } from '@ambito/kernel';
import { OutboxWriter, RequestContext, currentActor } from '@ambito/messaging';
import { Abilitazioni } from '../abilitazioni/abilitazioni.service';
import { cents, differenza, somma } from '../database/sql';
import { isViolation } from '@ambito/persistence';
import { assertFondo } from '../fondi/fondi.service';
import { assertNonArticolata, lineaBloccata, lineaNonTrovata } from '../linee/linee.service';
import { RegoleFondo } from '../linee/regole-fondo';
import {
  assertGestore,
  assertGestoreOServizio,
  assertPersona,
  servizioChiamante,
} from '../ruoli/budget-ruoli';
import {
  dotazioniDisponibili,
  disponibileDellaLinea,
  impegnoBloccato,
  impegnoPerChiave,
  impegniPerChiavi,
  impegniBloccati,
  impegniPerId,
  impegnoPerId,
  inserisciLiquidazioniEMovimenti,
  lineeDegliImpegni,
  liquidazioniPerChiavi,
  inserisciImpegniEMovimenti,
  liquidazioniDegliImpegni,
  impostaMandato,
  inserisciImpegno,
  inserisciLiquidazione,
  inserisciMandato,
  inserisciMovimento,
  lineaDellImpegno,
  liquidazioniBloccate,
  liquidazioniDaPagare,
  liquidazioniDellImpegno,
  mandatoPerId,
  mandatoPerNumero,
  type ImpegnoRow,
  type LiquidazioneConChiave,
  type LiquidazioneRow,
  type NuovaLiquidazione,
  type MandatoRow,
  type NuovoImpegno,
  type TipoMovimentoImpegno,
} from './impegni.sql';

const nonTrovato = () => new DomainError('IMPEGNO_NON_TROVATO', 'Impegno non trovato.');

/** What identifies a commitment request: the same key with different content is a caller's mistake. */
function impronta(dto: RichiediImpegnoV1): string {
  const campi = [
    dto.linea,
    dto.fondo ?? null,
    dto.anno ?? null,
    dto.importoCentesimi,
    dto.descrizione,
    dto.riferimento ?? null,
    dto.comuneResidenza ?? null,
    dto.determina.numero,
    dto.determina.data,
    dto.creditore.tipo,
    dto.creditore.identificativo,
    dto.creditore.denominazione ?? null,
  ];
  return createHash('sha256').update(JSON.stringify(campi)).digest('hex');
}

function toLiquidazioneV1(l: LiquidazioneRow): LiquidazioneV1 {
  return {
    id: l.id,
    impegnoId: l.impegno_id,
    importoCentesimi: cents(l.importo_centesimi),
    periodo: l.periodo,
    mandatoId: l.mandato_id,
    mandato: l.mandato,
    registrataIl: l.registrata_il.toISOString(),
  };
}

function toMandatoV1(m: MandatoRow): MandatoV1 {
  return {
    id: m.id,
    numero: m.numero,
    esercizio: m.esercizio,
    data: m.data,
    importoCentesimi: cents(m.importo),
    liquidazioni: m.liquidazioni ?? [],
  };
}

/** What identifies a keyed liquidazione: the same key with another impegno, amount or month is a mistake. */
function improntaLiquidazione(v: VoceLottoLiquidazioniV1): string {
  return createHash('sha256')
    .update(JSON.stringify([v.impegnoId, v.importoCentesimi, v.periodo ?? null]))
    .digest('hex');
}

const liquidazioneNonTrovata = () => new DomainError('LIQUIDAZIONE_NON_TROVATA', 'Liquidazione non trovata.');

type Esito = { impegnoId: string } | { rifiutato: true; disponibile: number };

/**
 * Commitments of a line's (or articolo's) money, their riduzioni, the liquidazioni against them and the
 * mandati that pay those (TUEL artt. 183–185). Every change locks the line first (`SELECT … FOR
 * UPDATE`), so requests for the same line are serialised; the balance rows' CHECK constraints are the
 * last guard against over-commitment. A calling service (`servizio:<nome>`) acts only on the lines it
 * is granted (Abilitazioni).
 */
@Injectable()
export class ImpegniService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly regole: RegoleFondo,
    private readonly outbox: OutboxWriter,
    private readonly audit: AuditService,
    private readonly abilitazioni: Abilitazioni,
  ) {}

  async richiedi(dto: RichiediImpegnoV1): Promise<ImpegnoV1> {
    const actor = currentActor();
    assertGestoreOServizio(actor);
    // Before anything, the repeat of a stored impegno included: a service sees only its granted lines.
    if (servizioChiamante(actor) !== null) {
      const [linea] = await this.dataSource.query<Array<{ id: string; codice: string }>>(
        `SELECT id, codice FROM linea WHERE codice = $1`,
        [dto.linea],
      );
      if (!linea) throw lineaNonTrovata(dto.linea);
      await this.abilitazioni.verifica(this.dataSource.manager, actor, 'impegno', linea);
    }
    const firma = impronta(dto);
    const gia = await this.perChiave(this.dataSource.manager, dto.chiaveIdempotenza, firma);
    if (gia) return gia;
    let esito: Esito;
    try {
      esito = await this.dataSource.transaction(async (manager): Promise<Esito> => {
        const linea = await lineaBloccata(manager, dto.linea);
        // A twin request with the same key may have committed while this one waited for the lock.
        const gemello = await this.perChiave(manager, dto.chiaveIdempotenza, firma);
        if (gemello) return { impegnoId: gemello.id };
        await assertNonArticolata(manager, linea);
        if (dto.fondo) await assertFondo(manager, dto.fondo);
        await this.regole.verificaCofinanziamento(manager, linea);
        const dotazioni = await dotazioniDisponibili(manager, linea.id, {
          fondo: dto.fondo ?? null,
          anno: dto.anno ?? null,
        });
        const disponibileLinea = dotazioni.reduce((acc, d) => acc + d.disponibile, 0);
        // Older annualità first: their money is the first to expire.
        const scelta = dotazioni.find((d) => d.disponibile >= dto.importoCentesimi);
        if (!scelta) {
          const disponibile = Math.max(0, ...dotazioni.map((d) => d.disponibile));
          await this.outbox.append(manager, BUDGET_EVENTS.impegnoRifiutato, {
            chiaveIdempotenza: dto.chiaveIdempotenza,
            linea: linea.codice,
            fondo: dto.fondo ?? null,
            anno: dto.anno ?? null,
            importoCentesimi: dto.importoCentesimi,
            riferimento: dto.riferimento ?? null,
            disponibileCentesimi: disponibile,
            motivo: 'BUDGET_INSUFFICIENTE',
          });
          return { rifiutato: true, disponibile };
        }
        const impegnoId = await inserisciImpegno(manager, {
          chiaveIdempotenza: dto.chiaveIdempotenza,
          impronta: firma,
          lineaId: linea.id,
          annualitaId: scelta.annualitaId,
          descrizione: dto.descrizione,
          riferimento: dto.riferimento ?? null,
          comuneResidenza: dto.comuneResidenza ?? null,
          importoCentesimi: dto.importoCentesimi,
          registratoDa: actor.userId,
          determina: dto.determina,
          creditore: dto.creditore,
        });
        await this.movimento(manager, 'impegno', dto.importoCentesimi, {
          annualitaId: scelta.annualitaId,
          lineaId: linea.id,
          impegnoId,
        });
        await this.outbox.append(manager, BUDGET_EVENTS.impegnoRegistrato, {
          impegnoId,
          chiaveIdempotenza: dto.chiaveIdempotenza,
          linea: linea.codice,
          fondo: scelta.fondo,
          anno: scelta.anno,
          importoCentesimi: dto.importoCentesimi,
          riferimento: dto.riferimento ?? null,
          comuneResidenza: dto.comuneResidenza ?? null,
          disponibileLineaCentesimi: differenza(disponibileLinea, dto.importoCentesimi),
        });
        return { impegnoId };
      });
    } catch (error) {
      // Same key on another line: both passed the key check, the unique constraint let one through.
      if (!isViolation(error, '23505', 'uq_impegno_chiave')) throw error;
      const vincitore = await this.perChiave(this.dataSource.manager, dto.chiaveIdempotenza, firma);
      if (!vincitore) throw error;
      return vincitore;
    }
    if ('rifiutato' in esito)
      throw new DomainError(
        'BUDGET_INSUFFICIENTE',
        `Budget insufficiente sulla linea ${dto.linea}: richiesti ${Money.ofCents(dto.importoCentesimi).format()}, ` +
          `disponibili ${Money.ofCents(esito.disponibile).format()}.`,
      );
    return this.impegnoV1(esito.impegnoId);
  }

  /**
   * A batch of impegni on one line (a graduatoria approved at once), all or nothing, in one transaction
   * with the single request's lock sequence (the line, `FOR UPDATE`; the trigger then updates the
   * annualità's and dotazione's balances) taken once for the whole batch. Each item keeps its own key:
   * the existing ones are returned as they are, the others are placed in request order on the oldest
   * annualità with enough money left, as a single request would; one that finds none refuses the whole
   * batch with BUDGET_INSUFFICIENTE and nothing is written (no `impegno.rifiutato` either: the caller
   * gets the refusal). Only a calling service, on the lines it is granted.
   */
  async richiediLotto(dto: RichiediImpegniLottoV1): Promise<ImpegnoV1[]> {
    const actor = currentActor();
    if (servizioChiamante(actor) === null)
      throw new DomainError(
        'OPERAZIONE_NON_CONSENTITA',
        'Gli impegni in blocco sono richiesti solo da un servizio chiamante: una persona usa l’impegno singolo.',
      );
    const [lineaCodice] = await this.dataSource.query<Array<{ id: string; codice: string }>>(
      `SELECT id, codice FROM linea WHERE codice = $1`,
      [dto.linea],
    );
    if (!lineaCodice) throw lineaNonTrovata(dto.linea);
    await this.abilitazioni.verifica(this.dataSource.manager, actor, 'impegno', lineaCodice);
    const firme = new Map(
      dto.impegni.map((v) => [
        v.chiaveIdempotenza,
        impronta({ ...v, linea: dto.linea, fondo: dto.fondo, anno: dto.anno }),
      ]),
    );
    const chiavi = dto.impegni.map((v) => v.chiaveIdempotenza);
    const gia = await this.perChiavi(this.dataSource.manager, chiavi, firme);
    if (gia.size === chiavi.length) return this.impegniV1(chiavi.map((c) => gia.get(c)!));
    try {
      const ids = await this.dataSource.transaction(async (manager): Promise<Map<string, string>> => {
        const linea = await lineaBloccata(manager, dto.linea);
        // Twins of some items may have committed while this batch waited for the lock.
        const esistenti = await this.perChiavi(manager, chiavi, firme);
        const nuove = dto.impegni.filter((v) => !esistenti.has(v.chiaveIdempotenza));
        if (nuove.length === 0) return esistenti;
        await assertNonArticolata(manager, linea);
        if (dto.fondo) await assertFondo(manager, dto.fondo);
        await this.regole.verificaCofinanziamento(manager, linea);
        const dotazioni = await dotazioniDisponibili(manager, linea.id, {
          fondo: dto.fondo ?? null,
          anno: dto.anno ?? null,
        });
        const disponibileLinea = dotazioni.reduce((acc, d) => acc + d.disponibile, 0);
        const richiesto = somma(...nuove.map((v) => v.importoCentesimi));
        const righe: Array<NuovoImpegno & { fondo: string; anno: number }> = [];
        for (const v of nuove) {
          const scelta = dotazioni.find((d) => d.disponibile >= v.importoCentesimi);
          if (!scelta)
            throw new DomainError(
              'BUDGET_INSUFFICIENTE',
              `Budget insufficiente sulla linea ${dto.linea}: ${nuove.length} impegni per ` +
                `${Money.ofCents(richiesto).format()}, disponibili ${Money.ofCents(disponibileLinea + somma(...righe.map((r) => r.importoCentesimi))).format()}. ` +
                'Nessun impegno è stato registrato.',
            );
          scelta.disponibile = differenza(scelta.disponibile, v.importoCentesimi);
          righe.push({
            chiaveIdempotenza: v.chiaveIdempotenza,
            impronta: firme.get(v.chiaveIdempotenza)!,
            annualitaId: scelta.annualitaId,
            fondo: scelta.fondo,
            anno: scelta.anno,
            descrizione: v.descrizione,
            riferimento: v.riferimento ?? null,
            comuneResidenza: v.comuneResidenza ?? null,
            importoCentesimi: v.importoCentesimi,
            determina: v.determina,
            creditore: v.creditore,
          });
        }
        const nuovi = await inserisciImpegniEMovimenti(
          manager,
          linea.id,
          righe,
          actor.userId,
          RequestContext.current()?.correlationId ?? null,
        );
        // The events as the single path writes them, with the line's availability after each impegno.
        let dopo = disponibileLinea;
        for (const r of righe) {
          dopo = differenza(dopo, r.importoCentesimi);
          await this.outbox.append(manager, BUDGET_EVENTS.impegnoRegistrato, {
            impegnoId: nuovi.get(r.chiaveIdempotenza)!,
            chiaveIdempotenza: r.chiaveIdempotenza,
            linea: linea.codice,
            fondo: r.fondo,
            anno: r.anno,
            importoCentesimi: r.importoCentesimi,
            riferimento: r.riferimento,
            comuneResidenza: r.comuneResidenza,
            disponibileLineaCentesimi: dopo,
          });
        }
        return new Map([...esistenti, ...nuovi]);
      });
      return this.impegniV1(chiavi.map((c) => ids.get(c)!));
    } catch (error) {
      // A key of the batch taken at the same time on another line: the unique constraint let one
      // through; a repeat of the batch now finds it (and refuses it if it is another request).
      if (!isViolation(error, '23505', 'uq_impegno_chiave')) throw error;
      const vincitori = await this.perChiavi(this.dataSource.manager, chiavi, firme);
      if (vincitori.size !== chiavi.length) throw error;
      return this.impegniV1(chiavi.map((c) => vincitori.get(c)!));
    }
  }

  /** The ids of the impegni stored with these keys; one with another content is refused. */
  private async perChiavi(
    manager: EntityManager,
    chiavi: string[],
    firme: Map<string, string>,
  ): Promise<Map<string, string>> {
    const trovati = await impegniPerChiavi(manager, chiavi);
    for (const i of trovati)
      if (i.impronta !== firme.get(i.chiave_idempotenza))
        throw new DomainError(
          'CHIAVE_IDEMPOTENZA_RIUSATA',
          `La chiave di idempotenza ${i.chiave_idempotenza} è già stata usata per un impegno diverso: usarne una nuova.`,
        );
    return new Map(trovati.map((i) => [i.chiave_idempotenza, i.id]));
  }

  /** Several impegni as replied, in the order of `ids`, with two statements. */
  private async impegniV1(ids: string[]): Promise<ImpegnoV1[]> {
    const manager = this.dataSource.manager;
    const righe = new Map((await impegniPerId(manager, ids)).map((i) => [i.id, i]));
    const liquidazioni = await liquidazioniDegliImpegni(manager, ids);
    return ids.map((id) => {
      const i = righe.get(id);
      if (!i) throw nonTrovato();
      return toImpegnoV1(
        i,
        liquidazioni.filter((l) => l.impegno_id === id),
      );
    });
  }

  /**
   * An impegno names its beneficiary (riferimento, comune of residence, description): each read is
   * audited with the declared purpose, refused ones too; no row, no answer.
   */
  async leggi(id: string): Promise<ImpegnoV1> {
    const actor = currentActor();
    const traccia = { azione: 'leggi', risorsa: 'impegno', risorsaId: id, soggettoId: id };
    try {
      assertGestore(actor);
    } catch (error) {
      throw await this.audit.negato(actor, traccia, error as Error);
    }
    const risposta = await this.impegnoV1(id);
    await this.audit.consentito(this.dataSource.manager, actor, [traccia]);
    return risposta;
  }

  /** The impegno as replied, after a write of the caller's (the write is its own record). */
  private async impegnoV1(id: string): Promise<ImpegnoV1> {
    const impegno = await impegnoPerId(this.dataSource.manager, id);
    if (!impegno) throw nonTrovato();
    return this.toImpegnoV1(this.dataSource.manager, impegno);
  }

  /**
   * Riduzione d'impegno (rinuncia, revoca, decadenza, economia): the not yet liquidated part, or the
   * amount given, goes back to the line as an economia d'impegno.
   */
  async riduci(dto: RiduciImpegnoV1): Promise<ImpegnoV1> {
    const actor = currentActor();
    assertGestoreOServizio(actor);
    await this.dataSource.transaction(async (manager) => {
      const { impegno, linea } = await this.impegnoBloccato(manager, dto.id);
      await this.abilitazioni.verifica(manager, actor, 'riduzione', linea);
      const residuo = differenza(cents(impegno.importo_centesimi), cents(impegno.liquidato_centesimi));
      const importo = dto.importoCentesimi ?? residuo;
      if (residuo === 0 || importo > residuo)
        throw new DomainError(
          'RIDUZIONE_OLTRE_RESIDUO',
          `Si può ridurre l’impegno al massimo del suo residuo non liquidato: ${Money.ofCents(residuo).format()}.`,
        );
      await this.movimento(manager, 'riduzione', importo, {
        annualitaId: impegno.annualita_id,
        lineaId: impegno.linea_id,
        impegnoId: impegno.id,
        causale: dto.causale,
      });
      const disponibile = await disponibileDellaLinea(manager, impegno.linea_id);
      await this.outbox.append(manager, BUDGET_EVENTS.impegnoRidotto, {
        impegnoId: impegno.id,
        linea: linea.codice,
        fondo: impegno.fondo,
        anno: impegno.anno,
        causale: dto.causale,
        importoCentesimi: importo,
        importoImpegnoCentesimi: differenza(cents(impegno.importo_centesimi), importo),
        disponibileLineaCentesimi: disponibile,
      });
    });
    return this.impegnoV1(dto.id);
  }

  /**
   * A liquidazione against the impegno (TUEL art. 184), never above what it has committed and not yet
   * liquidated: money due, paid later by a mandato. Monthly or one-off (no period).
   */
  async liquida(dto: RegistraLiquidazioneV1): Promise<LiquidazioneV1> {
    const actor = currentActor();
    assertGestoreOServizio(actor);
    return this.dataSource.transaction(async (manager) => {
      const { impegno, linea } = await this.impegnoBloccato(manager, dto.impegnoId);
      await this.abilitazioni.verifica(manager, actor, 'liquidazione', linea);
      const residuo = differenza(cents(impegno.importo_centesimi), cents(impegno.liquidato_centesimi));
      if (dto.importoCentesimi > residuo)
        throw new DomainError(
          'LIQUIDAZIONE_OLTRE_IMPEGNO',
          `La liquidazione di ${Money.ofCents(dto.importoCentesimi).format()} supera il residuo dell’impegno ` +
            `(${Money.ofCents(residuo).format()}).`,
        );
      const liquidazione = await inserisciLiquidazione(manager, {
        impegnoId: impegno.id,
        importoCentesimi: dto.importoCentesimi,
        periodo: dto.periodo ?? null,
        registrataDa: actor.userId,
      });
      await this.movimento(manager, 'liquidazione', dto.importoCentesimi, {
        annualitaId: impegno.annualita_id,
        lineaId: impegno.linea_id,
        impegnoId: impegno.id,
        liquidazioneId: liquidazione.id,
      });
      await this.outbox.append(manager, BUDGET_EVENTS.liquidazioneRegistrata, {
        liquidazioneId: liquidazione.id,
        impegnoId: impegno.id,
        linea: linea.codice,
        fondo: impegno.fondo,
        anno: impegno.anno,
        importoCentesimi: dto.importoCentesimi,
        periodo: dto.periodo ?? null,
        riferimento: impegno.riferimento,
        comuneResidenza: impegno.comune_residenza,
      });
      return toLiquidazioneV1(liquidazione);
    });
  }

  /**
   * A batch of liquidazioni (a month's payments of a measure), all or nothing, in one transaction with
   * the mandato's lock order: the impegni's lines by code, then the impegni by id. Each item keeps its
   * own key, stored with the liquidazione: one already there is returned as it is (its fingerprint must
   * match), the others are checked against their impegno's residuo (several of one impegno add up) and
   * written with their movements; one above the residuo refuses the whole batch with
   * LIQUIDAZIONE_OLTRE_IMPEGNO and nothing is written. Only a calling service, on the lines it is
   * granted `liquidazione`.
   */
  async liquidaLotto(dto: RegistraLiquidazioniLottoV1): Promise<LiquidazioneV1[]> {
    const actor = currentActor();
    if (servizioChiamante(actor) === null)
      throw new DomainError(
        'OPERAZIONE_NON_CONSENTITA',
        'Le liquidazioni in blocco sono registrate solo da un servizio chiamante: una persona usa la liquidazione singola.',
      );
    const firme = new Map(dto.liquidazioni.map((v) => [v.chiaveIdempotenza, improntaLiquidazione(v)]));
    const chiavi = dto.liquidazioni.map((v) => v.chiaveIdempotenza);
    const ordinate = (trovate: Map<string, LiquidazioneConChiave>) =>
      chiavi.map((c) => toLiquidazioneV1(trovate.get(c)!));
    const gia = await this.liquidazioniPerChiavi(this.dataSource.manager, chiavi, firme);
    if (gia.size === chiavi.length) return ordinate(gia);
    try {
      const tutte = await this.dataSource.transaction(async (manager) => {
        const impegniIds = [...new Set(dto.liquidazioni.map((v) => v.impegnoId))];
        const linee = await lineeDegliImpegni(manager, impegniIds);
        if (linee.length !== impegniIds.length) throw nonTrovato();
        const lineePerCodice = new Map<string, Awaited<ReturnType<typeof lineaBloccata>>>();
        for (const codice of [...new Set(linee.map((l) => l.linea))].sort()) {
          const linea = await lineaBloccata(manager, codice);
          await this.abilitazioni.verifica(manager, actor, 'liquidazione', linea);
          lineePerCodice.set(codice, linea);
        }
        const impegni = new Map((await impegniBloccati(manager, impegniIds.sort())).map((i) => [i.id, i]));
        // Twins of some items may have committed while this batch waited for the locks.
        const esistenti = await this.liquidazioniPerChiavi(manager, chiavi, firme);
        const nuove = dto.liquidazioni.filter((v) => !esistenti.has(v.chiaveIdempotenza));
        if (nuove.length === 0) return esistenti;
        const residui = new Map(
          [...impegni.values()].map((i) => [
            i.id,
            differenza(cents(i.importo_centesimi), cents(i.liquidato_centesimi)),
          ]),
        );
        const righe: NuovaLiquidazione[] = nuove.map((v) => {
          const impegno = impegni.get(v.impegnoId)!;
          const residuo = residui.get(v.impegnoId)!;
          if (v.importoCentesimi > residuo)
            throw new DomainError(
              'LIQUIDAZIONE_OLTRE_IMPEGNO',
              `La liquidazione ${v.chiaveIdempotenza} di ${Money.ofCents(v.importoCentesimi).format()} supera il ` +
                `residuo dell’impegno ${v.impegnoId} (${Money.ofCents(residuo).format()}). Nessuna liquidazione è stata registrata.`,
            );
          residui.set(v.impegnoId, differenza(residuo, v.importoCentesimi));
          return {
            chiaveIdempotenza: v.chiaveIdempotenza,
            impronta: firme.get(v.chiaveIdempotenza)!,
            impegnoId: impegno.id,
            annualitaId: impegno.annualita_id,
            lineaId: impegno.linea_id,
            importoCentesimi: v.importoCentesimi,
            periodo: v.periodo ?? null,
          };
        });
        const inserite = await inserisciLiquidazioniEMovimenti(
          manager,
          righe,
          actor.userId,
          RequestContext.current()?.correlationId ?? null,
        );
        // The events as the single path writes them, in one statement.
        await this.outbox.appendMany(
          manager,
          BUDGET_EVENTS.liquidazioneRegistrata,
          inserite.map((l) => {
            const impegno = impegni.get(l.impegno_id)!;
            return {
              liquidazioneId: l.id,
              impegnoId: impegno.id,
              linea: impegno.linea,
              fondo: impegno.fondo,
              anno: impegno.anno,
              importoCentesimi: cents(l.importo_centesimi),
              periodo: l.periodo,
              riferimento: impegno.riferimento,
              comuneResidenza: impegno.comune_residenza,
            };
          }),
        );
        return new Map([...esistenti, ...inserite.map((l) => [l.chiave_idempotenza, l] as const)]);
      });
      return ordinate(tutte);
    } catch (error) {
      // A key of the batch taken at the same time by another request: the unique index let one through.
      if (!isViolation(error, '23505', 'uq_liquidazione_chiave')) throw error;
      const vincitori = await this.liquidazioniPerChiavi(this.dataSource.manager, chiavi, firme);
      if (vincitori.size !== chiavi.length) throw error;
      return ordinate(vincitori);
    }
  }

  /** The liquidazioni stored with these keys; one with another content is refused. */
  private async liquidazioniPerChiavi(
    manager: EntityManager,
    chiavi: string[],
    firme: Map<string, string>,
  ): Promise<Map<string, LiquidazioneConChiave>> {
    const trovate = await liquidazioniPerChiavi(manager, chiavi);
    for (const l of trovate)
      if (l.impronta !== firme.get(l.chiave_idempotenza))
        throw new DomainError(
          'CHIAVE_IDEMPOTENZA_RIUSATA',
          `La chiave di idempotenza ${l.chiave_idempotenza} è già stata usata per una liquidazione diversa: usarne una nuova.`,
        );
    return new Map(trovate.map((l) => [l.chiave_idempotenza, l]));
  }

  /**
   * A mandato di pagamento (TUEL art. 185) paying one or more liquidazioni, each in full and once: the
   * payments enter the ledger as `pagamento` movements (pagato ≤ liquidato, guarded by the balances'
   * CHECKs). The same number in the same year with the same liquidazioni and date is a repeat and
   * returns the stored mandato. Locks: the lines (by code), then the impegni and the liquidazioni (by
   * id), the order of every other change of money.
   */
  async registraMandato(dto: RegistraMandatoV1): Promise<MandatoV1> {
    const actor = currentActor();
    assertGestore(actor);
    assertPersona(actor);
    const esercizio = Number(dto.data.slice(0, 4));
    const gia = await this.mandatoRipetuto(this.dataSource.manager, esercizio, dto);
    if (gia) return gia;
    let mandatoId: string;
    try {
      mandatoId = await this.dataSource.transaction(async (manager) => {
        const ids = [...dto.liquidazioni].sort();
        const daPagare = await liquidazioniDaPagare(manager, ids);
        if (daPagare.length !== ids.length) throw liquidazioneNonTrovata();
        for (const codice of [...new Set(daPagare.map((l) => l.linea))].sort())
          await lineaBloccata(manager, codice);
        await manager.query(`SELECT id FROM impegno WHERE id = ANY ($1::uuid[]) ORDER BY id FOR UPDATE`, [
          [...new Set(daPagare.map((l) => l.impegno_id))],
        ]);
        const ripetuto = await this.mandatoRipetuto(manager, esercizio, dto);
        if (ripetuto) return ripetuto.id;
        const bloccate = await liquidazioniBloccate(manager, ids);
        const pagata = bloccate.find((l) => l.mandato_id !== null);
        if (pagata)
          throw new DomainError(
            'LIQUIDAZIONE_GIA_PAGATA',
            `La liquidazione ${pagata.id} è già stata pagata da un altro mandato: un mandato paga ogni liquidazione una volta.`,
          );
        const id = await inserisciMandato(manager, {
          numero: dto.numero,
          data: dto.data,
          registratoDa: actor.userId,
        });
        await impostaMandato(manager, ids, id);
        for (const l of daPagare)
          await this.movimento(manager, 'pagamento', cents(l.importo_centesimi), {
            annualitaId: l.annualita_id,
            lineaId: l.linea_id,
            impegnoId: l.impegno_id,
            liquidazioneId: l.id,
            mandatoId: id,
          });
        await this.outbox.append(manager, BUDGET_EVENTS.mandatoRegistrato, {
          mandatoId: id,
          numero: dto.numero,
          data: dto.data,
          importoCentesimi: somma(...daPagare.map((l) => cents(l.importo_centesimi))),
          liquidazioni: ids,
        });
        return id;
      });
    } catch (error) {
      // The same number registered at the same time by another request: a repeat, or a conflict.
      if (!isViolation(error, '23505', 'uq_mandato_numero')) throw error;
      const vincitore = await this.mandatoRipetuto(this.dataSource.manager, esercizio, dto);
      if (!vincitore) throw error;
      return vincitore;
    }
    return toMandatoV1((await mandatoPerId(this.dataSource.manager, mandatoId))!);
  }

  /** The stored mandato when this is a repeat of it; a different mandato with its number is refused. */
  private async mandatoRipetuto(
    manager: EntityManager,
    esercizio: number,
    dto: RegistraMandatoV1,
  ): Promise<MandatoV1 | null> {
    const m = await mandatoPerNumero(manager, esercizio, dto.numero);
    if (!m) return null;
    const stesse = JSON.stringify(m.liquidazioni ?? []) === JSON.stringify([...dto.liquidazioni].sort());
    if (m.data === dto.data && stesse) return toMandatoV1(m);
    throw new DomainError(
      'MANDATO_GIA_REGISTRATO',
      `Il mandato n. ${dto.numero} del ${esercizio} è già registrato con altre liquidazioni o un’altra data.`,
    );
  }

  /** Line first, then the impegno: the same lock order as a new commitment on that line. */
  private async impegnoBloccato(manager: EntityManager, id: string) {
    const codiceLinea = await lineaDellImpegno(manager, id);
    if (!codiceLinea) throw nonTrovato();
    const linea = await lineaBloccata(manager, codiceLinea);
    const impegno = await impegnoBloccato(manager, id);
    if (!impegno) throw nonTrovato();
    return { impegno, linea };
  }

  private async movimento(
    manager: EntityManager,
    tipo: TipoMovimentoImpegno,
    importoCentesimi: number,
    rif: {
      annualitaId: string;
      lineaId: string;
      impegnoId: string;
      liquidazioneId?: string;
      mandatoId?: string;
      causale?: string;
    },
  ): Promise<void> {
    await inserisciMovimento(manager, {
      tipo,
      importoCentesimi,
      ...rif,
      registratoDa: currentActor().userId,
      correlationId: RequestContext.current()?.correlationId ?? null,
    });
  }

  private async perChiave(manager: EntityManager, chiave: string, firma: string): Promise<ImpegnoV1 | null> {
    const impegno = await impegnoPerChiave(manager, chiave);
    if (!impegno) return null;
    if (impegno.impronta !== firma)
      throw new DomainError(
        'CHIAVE_IDEMPOTENZA_RIUSATA',
        'La chiave di idempotenza è già stata usata per un impegno diverso: usarne una nuova.',
      );
    return this.toImpegnoV1(manager, impegno);
  }

  private async toImpegnoV1(manager: EntityManager, i: ImpegnoRow): Promise<ImpegnoV1> {
    return toImpegnoV1(i, await liquidazioniDellImpegno(manager, i.id));
  }
}

function toImpegnoV1(i: ImpegnoRow, liquidazioni: LiquidazioneRow[]): ImpegnoV1 {
  const importo = cents(i.importo_centesimi);
  const liquidato = cents(i.liquidato_centesimi);
  const residuo = differenza(importo, liquidato);
  return {
    id: i.id,
    chiaveIdempotenza: i.chiave_idempotenza,
    linea: i.linea,
    fondo: i.fondo,
    anno: i.anno,
    descrizione: i.descrizione,
    riferimento: i.riferimento,
    comuneResidenza: i.comune_residenza,
    importoInizialeCentesimi: cents(i.importo_iniziale_centesimi),
    importoCentesimi: importo,
    liquidatoCentesimi: liquidato,
    pagatoCentesimi: cents(i.pagato_centesimi),
    residuoCentesimi: residuo,
    stato: residuo === 0 ? 'estinto' : 'attivo',
    determina: i.atto_numero && i.atto_data ? { numero: i.atto_numero, data: i.atto_data } : null,
    creditore:
      i.creditore_tipo && i.creditore_identificativo
        ? {
            tipo: i.creditore_tipo,
            identificativo: i.creditore_identificativo,
            ...(i.creditore_denominazione ? { denominazione: i.creditore_denominazione } : {}),
          }
        : null,
    registratoIl: i.registrato_il.toISOString(),
    liquidazioni: liquidazioni.map(toLiquidazioneV1),
  };
}
