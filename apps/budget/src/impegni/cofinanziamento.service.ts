import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import {
  BUDGET_EVENTS,
  DomainError,
  type QuotaCofinanziataV1,
  type QuoteCofinanziateV1,
  type RegistraQuoteCofinanziateV1,
} from '@ambito/contracts';
import { Money } from '@ambito/kernel';
import { OutboxWriter, RequestContext, currentActor } from '@ambito/messaging';
import { isViolation } from '@ambito/persistence';
import { Abilitazioni } from '../abilitazioni/abilitazioni.service';
import { cents } from '../database/sql';
import { assertNonArticolata, lineaBloccata, lineaNonTrovata } from '../linee/linee.service';
import { RegoleFondo } from '../linee/regole-fondo';
import { servizioChiamante } from '../ruoli/budget-ruoli';
import {
  disponibileDellaLinea,
  dotazioniDisponibili,
  impegniPerChiavi,
  inserisciImpegniEMovimenti,
  inserisciLiquidazioniEMovimenti,
  liquidazioniPerChiavi,
  type ImpegnoRow,
  type NuovoImpegno,
} from './impegni.sql';

type Quale = 'fondo' | 'ambito';

/** The rule that pairs a fund with the ambito's cofinanziamento for a kind of line, with its act. */
interface RegolaCofinanziamento {
  fondo: string;
  fondo_cofinanziamento: string;
  punti_base: number;
  atto: string;
}

const chiaveQuota = (chiave: string, quale: Quale) => `${chiave}:${quale}`;

/** What identifies the request: the same key with another content is the caller's mistake. */
function impronta(dto: RegistraQuoteCofinanziateV1, quale: Quale): string {
  const campi = [
    'cofinanziamento',
    quale,
    dto.linea,
    dto.quotaFondoCentesimi,
    dto.quotaAmbitoCentesimi,
    dto.descrizione,
    dto.riferimento ?? null,
    dto.determina.numero,
    dto.determina.data,
    dto.creditore.tipo,
    dto.creditore.identificativo,
    dto.creditore.denominazione ?? null,
  ];
  return createHash('sha256').update(JSON.stringify(campi)).digest('hex');
}

/**
 * A reimbursement financed by a fund and by the ambito (Pro.Vi., rule 19): both quotas committed and
 * liquidated in one transaction on the line, each on the fund budget's own rule names for the line's
 * kind (`cofinanziamento-minimo`: FNA-PROVI with COFIN-AMBITO), so the ambito's quota cannot land on
 * another fund. The line is locked first (the order of every change of money), a quota that does not
 * find its money refuses the whole request with BUDGET_INSUFFICIENTE and nothing is written. One key per
 * reimbursement: sent again, it returns what it registered.
 */
@Injectable()
export class CofinanziamentoService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly regole: RegoleFondo,
    private readonly outbox: OutboxWriter,
    private readonly abilitazioni: Abilitazioni,
  ) {}

  async registra(dto: RegistraQuoteCofinanziateV1): Promise<QuoteCofinanziateV1> {
    const actor = currentActor();
    if (servizioChiamante(actor) === null)
      throw new DomainError(
        'OPERAZIONE_NON_CONSENTITA',
        'Le quote cofinanziate sono registrate solo da un servizio chiamante (es. misure per un rendiconto Pro.Vi.).',
      );
    if (dto.quotaFondoCentesimi + dto.quotaAmbitoCentesimi <= 0)
      throw new DomainError('VALIDAZIONE_FALLITA', 'Il rimborso cofinanziato deve essere maggiore di zero.');
    const [lineaLetta] = await this.dataSource.query<Array<{ id: string; codice: string }>>(
      `SELECT id, codice FROM linea WHERE codice = $1`,
      [dto.linea],
    );
    if (!lineaLetta) throw lineaNonTrovata(dto.linea);
    await this.abilitazioni.verifica(this.dataSource.manager, actor, 'impegno', lineaLetta);
    await this.abilitazioni.verifica(this.dataSource.manager, actor, 'liquidazione', lineaLetta);
    const gia = await this.registrate(this.dataSource.manager, dto);
    if (gia) return gia;
    try {
      return await this.dataSource.transaction(async (manager) => {
        const linea = await lineaBloccata(manager, dto.linea);
        // A twin request with the same key may have committed while this one waited for the lock.
        const gemello = await this.registrate(manager, dto);
        if (gemello) return gemello;
        await assertNonArticolata(manager, linea);
        const regola = await this.regola(manager, linea.categoria, dto.determina.data, linea.codice);
        await this.regole.verificaCofinanziamento(manager, linea);
        const quote: Array<{ quale: Quale; fondo: string; importo: number }> = [
          { quale: 'fondo' as const, fondo: regola.fondo, importo: dto.quotaFondoCentesimi },
          {
            quale: 'ambito' as const,
            fondo: regola.fondo_cofinanziamento,
            importo: dto.quotaAmbitoCentesimi,
          },
        ].filter((q) => q.importo > 0);
        const righe: Array<NuovoImpegno & { fondo: string; anno: number }> = [];
        for (const q of quote) {
          const dotazioni = await dotazioniDisponibili(manager, linea.id, { fondo: q.fondo, anno: null });
          // Older annualità first: their money is the first to expire.
          const scelta = dotazioni.find((d) => d.disponibile >= q.importo);
          if (!scelta)
            throw new DomainError(
              'BUDGET_INSUFFICIENTE',
              `Budget insufficiente sulla linea ${linea.codice} per la quota ${q.quale === 'ambito' ? 'd’Ambito' : 'del fondo'} ` +
                `(${q.fondo}): richiesti ${Money.ofCents(q.importo).format()}, disponibili ` +
                `${Money.ofCents(Math.max(0, ...dotazioni.map((d) => d.disponibile))).format()}. Nessuna quota è stata registrata.`,
            );
          righe.push({
            chiaveIdempotenza: chiaveQuota(dto.chiaveIdempotenza, q.quale),
            impronta: impronta(dto, q.quale),
            annualitaId: scelta.annualitaId,
            fondo: scelta.fondo,
            anno: scelta.anno,
            descrizione: `${dto.descrizione} – quota ${q.quale === 'ambito' ? 'd’Ambito' : 'del fondo'}`,
            riferimento: dto.riferimento ?? null,
            comuneResidenza: null,
            importoCentesimi: q.importo,
            determina: dto.determina,
            creditore: dto.creditore,
          });
        }
        const correlationId = RequestContext.current()?.correlationId ?? null;
        const impegni = await inserisciImpegniEMovimenti(
          manager,
          linea.id,
          righe,
          actor.userId,
          correlationId,
        );
        const liquidazioni = await inserisciLiquidazioniEMovimenti(
          manager,
          righe.map((r) => ({
            chiaveIdempotenza: r.chiaveIdempotenza,
            impronta: r.impronta,
            impegnoId: impegni.get(r.chiaveIdempotenza)!,
            annualitaId: r.annualitaId,
            lineaId: linea.id,
            importoCentesimi: r.importoCentesimi,
            periodo: null,
          })),
          actor.userId,
          correlationId,
        );
        for (const r of righe)
          await this.outbox.append(manager, BUDGET_EVENTS.impegnoRegistrato, {
            impegnoId: impegni.get(r.chiaveIdempotenza)!,
            chiaveIdempotenza: r.chiaveIdempotenza,
            linea: linea.codice,
            fondo: r.fondo,
            anno: r.anno,
            importoCentesimi: r.importoCentesimi,
            riferimento: r.riferimento,
            comuneResidenza: null,
            disponibileLineaCentesimi: await disponibileDellaLinea(manager, linea.id),
          });
        await this.outbox.appendMany(
          manager,
          BUDGET_EVENTS.liquidazioneRegistrata,
          liquidazioni.map((l) => {
            const r = righe.find((x) => x.chiaveIdempotenza === l.chiave_idempotenza)!;
            return {
              liquidazioneId: l.id,
              impegnoId: l.impegno_id,
              linea: linea.codice,
              fondo: r.fondo,
              anno: r.anno,
              importoCentesimi: cents(l.importo_centesimi),
              periodo: null,
              riferimento: r.riferimento,
              comuneResidenza: null,
            };
          }),
        );
        return (await this.registrate(manager, dto))!;
      });
    } catch (error) {
      // The same key taken at the same time on another line: the unique index let one through.
      if (
        !isViolation(error, '23505', 'uq_impegno_chiave') &&
        !isViolation(error, '23505', 'uq_liquidazione_chiave')
      )
        throw error;
      const vincitore = await this.registrate(this.dataSource.manager, dto);
      if (!vincitore) throw error;
      return vincitore;
    }
  }

  /** The rule in force at the determina's date pairing the line's kind with a cofinanziamento fund. */
  private async regola(
    manager: EntityManager,
    categoria: string,
    alla: string,
    codice: string,
  ): Promise<RegolaCofinanziamento> {
    const [r] = await manager.query<RegolaCofinanziamento[]>(
      `SELECT fondo, fondo_cofinanziamento, punti_base, atto FROM regola_fondo
        WHERE tipo = 'cofinanziamento-minimo' AND categoria = $1
          AND valido_dal <= $2::date AND (valido_al IS NULL OR valido_al >= $2::date)
        ORDER BY valido_dal DESC LIMIT 1`,
      [categoria, alla],
    );
    if (!r)
      throw new DomainError(
        'COFINANZIAMENTO_NON_PREVISTO',
        `Nessuna regola di fondo in vigore il ${alla} prevede un cofinanziamento per la linea ${codice} (tipo "${categoria}").`,
      );
    return r;
  }

  /** What this key registered, if anything (its fingerprint must match); null when nothing yet. */
  private async registrate(
    manager: EntityManager,
    dto: RegistraQuoteCofinanziateV1,
  ): Promise<QuoteCofinanziateV1 | null> {
    const chiavi = (['fondo', 'ambito'] as const).map((q) => chiaveQuota(dto.chiaveIdempotenza, q));
    const impegni = await impegniPerChiavi(manager, chiavi);
    if (impegni.length === 0) return null;
    for (const i of impegni)
      if (i.impronta !== impronta(dto, i.chiave_idempotenza.endsWith(':ambito') ? 'ambito' : 'fondo'))
        throw new DomainError(
          'CHIAVE_IDEMPOTENZA_RIUSATA',
          `La chiave di idempotenza ${dto.chiaveIdempotenza} è già stata usata per un rimborso diverso: usarne una nuova.`,
        );
    const liquidazioni = new Map(
      (await liquidazioniPerChiavi(manager, chiavi)).map((l) => [l.chiave_idempotenza, l.id]),
    );
    const linea = await manager.query<Array<{ categoria: string }>>(
      `SELECT categoria FROM linea WHERE codice = $1`,
      [dto.linea],
    );
    const regola = await this.regola(manager, linea[0].categoria, dto.determina.data, dto.linea);
    const quota = (quale: Quale, fondo: string, importo: number): QuotaCofinanziataV1 => {
      const i: ImpegnoRow | undefined = impegni.find(
        (x) => x.chiave_idempotenza === chiaveQuota(dto.chiaveIdempotenza, quale),
      );
      return {
        fondo: i?.fondo ?? fondo,
        anno: i?.anno ?? null,
        importoCentesimi: importo,
        impegnoId: i?.id ?? null,
        liquidazioneId: i ? (liquidazioni.get(i.chiave_idempotenza) ?? null) : null,
      };
    };
    return {
      chiaveIdempotenza: dto.chiaveIdempotenza,
      linea: dto.linea,
      quotaFondo: quota('fondo', regola.fondo, dto.quotaFondoCentesimi),
      quotaAmbito: quota('ambito', regola.fondo_cofinanziamento, dto.quotaAmbitoCentesimi),
      puntiBaseMinimi: regola.punti_base,
      atto: regola.atto,
    };
  }
}
