import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import {
  DomainError,
  MAX_LIQUIDAZIONI_PER_LOTTO,
  MISURE_EVENTS,
  type LiquidazioneV1,
  type LiquidazioniMeseV1,
} from '@ambito/contracts';
import { OutboxWriter, RequestContext, ServedRequestScope } from '@ambito/messaging';
import { esitoIncerto } from '../graduatorie/impegni-budget';
import { CONTESTO_MISURE, type ContestoMisure } from '../istanze/contesto';
import { LiquidazioniBudget, chiaveLiquidazione } from './liquidazioni-budget';
import {
  erogazioniDaPreparare,
  inserisciCompensazioni,
  inserisciLiquidazioni,
  liquidazioniInAttesa,
  recuperiDaCompensare,
  segnaErrore,
  segnaLiquidate,
  totaliLiquidazioni,
  type LiquidazioneInAttesa,
  type NuovaLiquidazioneMensile,
} from './liquidazioni.sql';
import { RecuperiService } from './recuperi.service';

/** Months prepared (or sent to the budget) per transaction: a budget batch at most. */
export const LIQUIDAZIONI_PER_LOTTO = Symbol('LIQUIDAZIONI_PER_LOTTO');

/**
 * How long the request waits for the month's liquidazioni: below the gateway's RPC_TIMEOUT_MS (5 s), so
 * a large month answers `in-corso` (and goes on) instead of an undetermined outcome.
 */
const ATTESA_MASSIMA_MS = 3_000;

/** What the budget answered for a page: its liquidazione per month, and the months it refused. */
interface EsitoPagina {
  budgetIds: Map<string, string>;
  rifiutate: Set<string>;
}

/** The budget did not answer: the month waits, and the next run sends the same keys again. */
class BudgetNonDisponibile extends Error {
  constructor(readonly codice: string) {
    super(codice);
  }
}

/**
 * The liquidazioni of a month's erogazioni (issue 10, point 3; rules 9 and 30):
 *
 * 1. **Recuperi**: months liquidated after their beneficio ended (a death reported late) become recuperi
 *    (RecuperiService.rileva).
 * 2. **Preparation**, page by page (one transaction each): every month `da-liquidare` of the ambito gets
 *    its `liquidazione_mensile`, `in-attesa`, with its key (`misure:beneficio:<id>:<AAAA-MM>`) and its
 *    amount: what is due minus what the beneficio's open recuperi withhold (oldest first). The amount is
 *    fixed before the budget is asked: a repeat sends the same key with the same amount.
 * 3. **Liquidation**: the prepared months in batches of at most 500 to the budget
 *    (`budget.liquidazioni.registra-lotto`, all or nothing, each key stored there for good); the answer
 *    closes them (`liquidata`, their erogazioni too) with one `misure.erogazione.liquidata` event each.
 *    A batch the budget refuses is retried one by one, so one wrong month does not hold the others (it
 *    stays `in-attesa` with its error); a budget that does not answer stops the run: it is resumed by
 *    the next request, from the months still `in-attesa`, with the same keys.
 *
 * Run twice, a month pays nothing twice: a prepared month is never prepared again (one per erogazione),
 * and the budget returns the liquidazione a key already has.
 */
@Injectable()
export class LiquidazioniService {
  private readonly logger = new Logger(LiquidazioniService.name);
  /** The month being liquidated by this process, so a second request waits for it instead of racing. */
  private readonly inCorso = new Map<string, Promise<LiquidazioniMeseV1>>();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly budget: LiquidazioniBudget,
    private readonly outbox: OutboxWriter,
    private readonly recuperi: RecuperiService,
    @Inject(CONTESTO_MISURE) private readonly contesto: ContestoMisure,
    @Inject(LIQUIDAZIONI_PER_LOTTO) private readonly perLotto: number,
  ) {}

  /** The request: runs (or joins) the month's liquidation, waiting for it at most ATTESA_MASSIMA_MS. */
  async liquidaMese(mese: string, utente: string): Promise<LiquidazioniMeseV1> {
    // The work outlives the request when it takes longer than it waits: outside its deadline and
    // Idempotency-Key, with its correlation id.
    const contesto = RequestContext.currentOrNew();
    const lavoro = ServedRequestScope.run({}, () =>
      RequestContext.run({ ...contesto, scadenza: undefined }, () => this.esegui(mese, utente)),
    );
    const finito = await Promise.race([
      lavoro,
      new Promise<null>((resolve) => setTimeout(() => resolve(null), ATTESA_MASSIMA_MS).unref()),
    ]);
    if (finito) return finito;
    lavoro.catch((error: unknown) => this.logger.warn({ mese, err: error }, 'liquidazione non riuscita'));
    return { ...(await this.leggi(mese)), stato: 'in-corso' };
  }

  /** The month's liquidation to its end (or to the budget's first silence); one per month per process. */
  esegui(mese: string, utente: string): Promise<LiquidazioniMeseV1> {
    const chiave = `${this.contesto.ambito}:${primoGiorno(mese)}`;
    const gia = this.inCorso.get(chiave);
    if (gia) return gia;
    const lavoro = this.eseguiUnaVolta(primoGiorno(mese), utente).finally(() => this.inCorso.delete(chiave));
    this.inCorso.set(chiave, lavoro);
    return lavoro;
  }

  private async eseguiUnaVolta(mese: string, utente: string): Promise<LiquidazioniMeseV1> {
    const ambito = this.contesto.ambito;
    const recuperiRilevati = await this.recuperi.rileva(ambito, utente);
    const perLotto = Math.min(this.perLotto, MAX_LIQUIDAZIONI_PER_LOTTO);
    let dopo: string | null = null;
    for (;;) {
      const ultimo = await this.preparaPagina(ambito, mese, dopo, perLotto);
      if (ultimo === null) break;
      dopo = ultimo;
    }
    let errore: string | null = null;
    try {
      await this.liquidaPagine(ambito, mese, perLotto);
    } catch (error) {
      if (!(error instanceof BudgetNonDisponibile)) throw error;
      errore = error.codice;
    }
    const esito = await this.riepilogo(mese, false);
    return { ...esito, recuperiRilevati, errore: errore ?? esito.errore };
  }

  /** One page of months prepared with their amounts and withholdings; the cursor, or null at the end. */
  private async preparaPagina(
    ambito: string,
    mese: string,
    dopo: string | null,
    limite: number,
  ): Promise<string | null> {
    return this.dataSource.transaction(async (m) => {
      const erogazioni = await erogazioniDaPreparare(m, ambito, mese, dopo, limite);
      if (erogazioni.length === 0) return null;
      const aperti = await recuperiDaCompensare(
        m,
        erogazioni.map((e) => e.beneficio_id),
      );
      const residui = new Map(aperti.map((r) => [r.id, Number(r.residuo)]));
      const righe: NuovaLiquidazioneMensile[] = [];
      const compensazioni: Array<{ recuperoId: string; liquidazioneId: string; importo: number }> = [];
      for (const e of erogazioni) {
        const id = randomUUID();
        const dovuto = Number(e.importo_dovuto_centesimi);
        let compensato = 0;
        for (const r of aperti.filter((x) => x.beneficio_id === e.beneficio_id)) {
          const trattenuto = Math.min(residui.get(r.id)!, dovuto - compensato);
          if (trattenuto <= 0) continue;
          residui.set(r.id, residui.get(r.id)! - trattenuto);
          compensato += trattenuto;
          compensazioni.push({ recuperoId: r.id, liquidazioneId: id, importo: trattenuto });
        }
        righe.push({
          id,
          erogazioneId: e.id,
          beneficioId: e.beneficio_id,
          chiave: chiaveLiquidazione(e.beneficio_id, mese),
          impegnoId: e.impegno_id,
          dovuto,
          compensato,
        });
      }
      const scritte = await inserisciLiquidazioni(m, ambito, mese, righe);
      await inserisciCompensazioni(
        m,
        compensazioni.filter((c) => scritte.has(c.liquidazioneId)),
      );
      return erogazioni[erogazioni.length - 1].beneficio_id;
    });
  }

  /**
   * The prepared months, page after page, through the budget and closed with their events, in a
   * pipeline: while the budget records page n, page n-1 is closed and page n+1 read (one batch at a
   * time in the budget, so its locks are taken in one order). A budget that does not answer stops it
   * after the pages already answered are closed.
   */
  private async liquidaPagine(ambito: string, mese: string, perLotto: number): Promise<void> {
    const leggi = (dopo: string | null) =>
      liquidazioniInAttesa(this.dataSource.manager, ambito, mese, dopo, perLotto);
    // Each promise is marked handled when made (a rejection waits for its await, not a crash).
    const gestita = <T>(p: Promise<T>): Promise<T> => (p.catch(() => undefined), p);
    let chiusura: Promise<void> = Promise.resolve();
    let pagina = await leggi(null);
    while (pagina.length > 0) {
      const invio = this.inviaPagina(mese, pagina);
      const prossima = gestita(leggi(pagina[pagina.length - 1].beneficio_id));
      let esito: EsitoPagina;
      try {
        esito = await invio;
      } finally {
        // The page before is closed whatever the budget said of this one.
        await chiusura;
      }
      chiusura = gestita(this.chiudiPagina(mese, pagina, esito));
      pagina = await prossima;
    }
    await chiusura;
  }

  /** A page of prepared months through the budget: the budget's ids, and the months it refused. */
  private async inviaPagina(mese: string, pagina: LiquidazioneInAttesa[]): Promise<EsitoPagina> {
    const daPagare = pagina.filter((l) => Number(l.importo_liquidato_centesimi) > 0);
    const budgetIds = new Map<string, string>();
    const voce = (l: LiquidazioneInAttesa) => ({
      chiaveIdempotenza: l.chiave_idempotenza,
      impegnoId: l.impegno_id,
      importoCentesimi: Number(l.importo_liquidato_centesimi),
      periodo: mese.slice(0, 7),
    });
    const registra = (l: LiquidazioneInAttesa, r: LiquidazioneV1) => budgetIds.set(l.id, r.id);
    const rifiutate = new Set<string>();
    if (daPagare.length > 0) {
      try {
        const fatte = await this.budget.liquida(mese, daPagare.map(voce));
        daPagare.forEach((l, i) => registra(l, fatte[i]));
      } catch (error) {
        if (esitoIncerto(error)) throw new BudgetNonDisponibile(codice(error));
        // A refusal wrote nothing: one by one, so one wrong month (an impegno reduced, a grant revoked)
        // waits with its reason and the others are paid.
        for (const l of daPagare) {
          try {
            const [fatta] = await this.budget.liquida(mese, [voce(l)]);
            registra(l, fatta);
          } catch (singolo) {
            if (esitoIncerto(singolo)) throw new BudgetNonDisponibile(codice(singolo));
            rifiutate.add(l.id);
            await segnaErrore(this.dataSource.manager, l.id, codice(singolo));
          }
        }
      }
    }
    return { budgetIds, rifiutate };
  }

  /** The months of a page the budget recorded, closed with their events. */
  private async chiudiPagina(
    mese: string,
    pagina: LiquidazioneInAttesa[],
    { budgetIds, rifiutate }: EsitoPagina,
  ): Promise<void> {
    const chiudibili = pagina.filter((l) => !rifiutate.has(l.id));
    await this.dataSource.transaction(async (m) => {
      const chiuse = await segnaLiquidate(
        m,
        chiudibili.map((l) => ({ id: l.id, budgetId: budgetIds.get(l.id) ?? null })),
      );
      await this.outbox.appendMany(
        m,
        MISURE_EVENTS.erogazioneLiquidata,
        chiudibili
          .filter((x) => chiuse.has(x.id))
          .map((l) => ({
            liquidazioneId: l.id,
            erogazioneId: l.erogazione_id,
            beneficioId: l.beneficio_id,
            personaId: l.persona_id,
            mese: mese.slice(0, 7),
            misura: l.misura,
            strumento: l.strumento,
            importoDovutoCentesimi: Number(l.importo_dovuto_centesimi),
            compensatoCentesimi: Number(l.compensato_centesimi),
            importoLiquidatoCentesimi: Number(l.importo_liquidato_centesimi),
            impegnoId: l.impegno_id,
            liquidazioneBudgetId: budgetIds.get(l.id) ?? null,
          })),
      );
    });
  }

  leggi(mese: string): Promise<LiquidazioniMeseV1> {
    return this.riepilogo(mese, this.inCorso.has(`${this.contesto.ambito}:${primoGiorno(mese)}`));
  }

  /** The month's totals; `inCorso`: this process is still working on it. */
  private async riepilogo(mese: string, inCorso: boolean): Promise<LiquidazioniMeseV1> {
    const t = await totaliLiquidazioni(this.dataSource.manager, this.contesto.ambito, primoGiorno(mese));
    // `in-corso` while this process works on the month (another replica's work reads `in-attesa`).
    const stato: LiquidazioniMeseV1['stato'] =
      t.mensilita === 0
        ? 'nessuna'
        : t.liquidate === t.mensilita
          ? 'completate'
          : inCorso
            ? 'in-corso'
            : 'in-attesa';
    return {
      mese: mese.slice(0, 7),
      stato,
      mensilita: t.mensilita,
      liquidate: t.liquidate,
      inAttesa: t.mensilita - t.liquidate,
      importoDovutoCentesimi: t.dovuto,
      compensatoCentesimi: t.compensato,
      importoLiquidatoCentesimi: t.liquidato,
      recuperiRilevati: 0,
      errore: t.errore,
    };
  }
}

const primoGiorno = (mese: string): string => `${mese.slice(0, 7)}-01`;

const codice = (error: unknown): string =>
  error instanceof DomainError ? error.code : error instanceof Error ? error.name : 'ERRORE_INTERNO';
