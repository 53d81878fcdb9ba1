import { giornoInItalia } from '@ambito/kernel';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import {
  DomainError,
  MISURE_CUMULO,
  type ElencaErogazioniMeseV1,
  type MisuraCumulo,
  type ErogazioneRunV1,
  type EseguiErogazioniV1,
  type PaginaErogazioniV1,
  type VersioneRegoleMisuraV1,
} from '@ambito/contracts';
import { AuditService, criteriDaRegistrare } from '@ambito/audit';
import { RequestContext, ServedRequestScope, currentActor } from '@ambito/messaging';
import { CONTESTO_MISURE, type ContestoMisure } from '../istanze/contesto';
import { RegoleRepository } from '../regole/regole.repository';
import { sospensioniDeiBenefici, type BeneficioRow, type SospensioneRow } from '../benefici/benefici.sql';
import { toErogazioneV1 } from '../benefici/benefici.mapper';
import { CumuloAssistente, type EsitoPagamento } from '../cumulo/cumulo.service';
import { calcolaMese, type InputMese, type RisultatoMese } from './calcolo-mese';
import { applicaCumulo } from './cumulo-mese';
import {
  completaRun,
  elencaRun,
  erogazioniDelMese,
  interrompiRun,
  nuovaRun,
  paginaBenefici,
  registraPagina,
  riprendiRun,
  runAperta,
  runPerId,
  totaliDelMese,
  type ErogazioneRunRow,
  type NuovaErogazione,
} from './erogazioni.sql';

/** How long the request waits for the run (below the gateway's 5 s), as the istruttoria of an avviso. */
const ATTESA_MASSIMA_MS = 3_000;

/** Token of the page size (benefici per transaction); 1,000 unless a test asks for smaller pages. */
export const PAGINA_EROGAZIONI = Symbol('PAGINA_EROGAZIONI');

/**
 * A hook a test gives to stop a run after a page, as a crash would (never set by the app): called after
 * each committed page with the run's id; throwing leaves the run `in-corso` with its cursor, as a killed
 * process does.
 */
export const DOPO_PAGINA_EROGAZIONI = Symbol('DOPO_PAGINA_EROGAZIONI');
export type DopoPaginaErogazioni = (runId: string, pagina: number) => void;

/**
 * The monthly run of an ambito (issue 10, point 2): for every beneficio paid monthly whose period
 * touches the month, the amount due (calcolaMese), explained and stored once.
 *
 * - Idempotent: a month already computed for a beneficio is never computed again
 *   (`uq_erogazione_mensile`, INSERT … ON CONFLICT DO NOTHING); running the month again creates only the
 *   months missing (a beneficio granted since), and pays nothing twice.
 * - Concurrent runs of the month: at most one run not completed per ambito and month
 *   (`uq_erogazione_run_aperta`); the second request finds the live one and answers its progress.
 * - Resumable: pages of `PAGINA_EROGAZIONI` benefici by id (keyset), one transaction each with the run's
 *   cursor; a failed page leaves the run `interrotta`, a killed process leaves it `in-corso` without
 *   progress, taken over after SECONDI_ABBANDONO_RUN by the next request, from the cursor. A page
 *   recomputed after a crash finds its months there and inserts nothing: the totals stay the same.
 * - Rule 10 before each payment: a beneficio whose assistant's contract is recorded (its contribution,
 *   `istanza:<id>`) is paid only within the room the contract's wage cost leaves after the other
 *   contributions (CumuloAssistente.verificaPagamenti: set-based, one lookup per page when the ambito
 *   has no contract), reduced or zeroed with the rule, the reason and the inputs stored (cumulo-mese.ts).
 * - The rule set of each beneficio is its avviso's (stored on the beneficio); its `erogazione`
 *   parameters say how a partial month is paid, and their absence stops the run
 *   (REGOLE_EROGAZIONE_MANCANTI) rather than guessing.
 */
@Injectable()
export class ErogazioniService {
  private readonly logger = new Logger(ErogazioniService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly regole: RegoleRepository,
    private readonly audit: AuditService,
    private readonly cumulo: CumuloAssistente,
    @Inject(CONTESTO_MISURE) private readonly contesto: ContestoMisure,
    @Inject(PAGINA_EROGAZIONI) private readonly pagina: number,
    @Inject(DOPO_PAGINA_EROGAZIONI) private readonly dopoPagina: DopoPaginaErogazioni | null,
  ) {}

  async esegui(dto: EseguiErogazioniV1): Promise<ErogazioneRunV1> {
    const mese = `${dto.mese}-01`;
    if (mese > giornoInItalia())
      throw new DomainError(
        'MESE_NON_ANCORA_EROGABILE',
        `Il mese ${dto.mese} non è ancora iniziato: si eroga dal primo giorno del mese.`,
      );
    const actor = currentActor();
    const avvio = await this.avvia(mese, actor.userId);
    if (!avvio.parte) return this.runV1(avvio.run.id);
    const contesto = RequestContext.currentOrNew();
    const lavoro = ServedRequestScope.run({}, () =>
      RequestContext.run({ ...contesto, scadenza: undefined }, () => this.lavora(avvio.run)),
    );
    const finito = await Promise.race([
      lavoro.then(
        () => true,
        () => true,
      ),
      new Promise<false>((resolve) => setTimeout(() => resolve(false), ATTESA_MASSIMA_MS).unref()),
    ]);
    if (!finito)
      lavoro.catch((error: unknown) =>
        this.logger.warn({ runId: avvio.run.id, err: error }, 'esecuzione mensile interrotta'),
      );
    return this.runV1(avvio.run.id);
  }

  async leggi(id: string): Promise<ErogazioneRunV1> {
    return this.runV1(id);
  }

  async elenca(mese: string | undefined): Promise<ErogazioneRunV1[]> {
    const righe = await elencaRun(
      this.dataSource.manager,
      this.contesto.ambito,
      mese ? `${mese}-01` : null,
      100,
    );
    const risposta: ErogazioneRunV1[] = [];
    for (const r of righe) risposta.push(await this.toV1(r));
    return risposta;
  }

  /** The months computed for a month (personal data: audited, each result with its person). */
  async mensilita(dto: ElencaErogazioniMeseV1): Promise<PaginaErogazioniV1> {
    const actor = currentActor();
    const traccia = { azione: 'elenca', risorsa: 'erogazione-mensile' };
    const pagina = dto.pagina ?? 1;
    const perPagina = dto.perPagina ?? 50;
    const m = this.dataSource.manager;
    const { righe, totale } = await erogazioniDelMese(
      m,
      this.contesto.ambito,
      `${dto.mese}-01`,
      perPagina,
      (pagina - 1) * perPagina,
    );
    await this.audit.ricerca(m, actor, {
      traccia,
      criteri: criteriDaRegistrare(dto, ['mese', 'pagina', 'perPagina']),
      risultati: righe.map((r) => ({ ...traccia, risorsaId: r.id, soggettoId: r.persona_id })),
    });
    return { elementi: righe.map(toErogazioneV1), totale, pagina, perPagina };
  }

  /**
   * A new run, or the interrupted (or abandoned) one resumed, or the live one answered. Two requests at
   * once: the unique index lets one insert; the other retries and finds it.
   */
  private async avvia(mese: string, da: string): Promise<{ run: ErogazioneRunRow; parte: boolean }> {
    for (let tentativo = 0; ; tentativo++) {
      try {
        return await this.dataSource.transaction(async (m) => {
          const aperta = await runAperta(m, this.contesto.ambito, mese);
          if (aperta?.stato === 'in-corso' && !aperta.abbandonata) return { run: aperta, parte: false };
          if (aperta) {
            await riprendiRun(m, aperta.id);
            return { run: { ...aperta, stato: 'in-corso' as const, ultimo_errore: null }, parte: true };
          }
          const id = randomUUID();
          await nuovaRun(m, { id, ambito: this.contesto.ambito, mese, da });
          return { run: (await runPerId(m, id))!, parte: true };
        });
      } catch (error) {
        if (tentativo < 3 && (error as { code?: string }).code === '23505') continue;
        throw error;
      }
    }
  }

  /** Page after page from the run's cursor; a failed page leaves the run `interrotta` (and rethrows). */
  private async lavora(run: ErogazioneRunRow): Promise<void> {
    const regoleCache = new Map<string, VersioneRegoleMisuraV1>();
    let cursore = run.ultimo_beneficio_id;
    let pagine = 0;
    try {
      for (;;) {
        const dopo = cursore;
        const fine = await this.dataSource.transaction(async (m) => {
          const benefici = await paginaBenefici(m, run.ambito, run.mese, dopo, this.pagina);
          if (benefici.length === 0) {
            await completaRun(m, run.id);
            return true;
          }
          const sospensioni = await sospensioniDeiBenefici(
            m,
            benefici.map((b) => b.id),
          );
          const mesi: Array<{ b: BeneficioRow; regole: VersioneRegoleMisuraV1; calcolo: CalcoloMese }> = [];
          for (const b of benefici) {
            const regole = await this.regoleDi(m, b.regole_id, regoleCache);
            mesi.push({ b, regole, calcolo: calcolaBeneficio(b, sospensioni, run.mese, regole) });
          }
          // Rule 10 before each payment: one set-based judgement for the page's amounts due.
          const cumulo = await this.cumulo.verificaPagamenti(
            m,
            run.mese,
            mesi
              .filter(({ b, calcolo }) => calcolo.r.importoDovutoCentesimi > 0 && misuraCumulo(b.misura))
              .map(({ b, calcolo }) => ({
                misura: b.misura as MisuraCumulo,
                riferimento: riferimentoCumulo(b),
                richiestoCentesimi: calcolo.r.importoDovutoCentesimi,
              })),
          );
          const righe = mesi.map(({ b, regole, calcolo }) =>
            rigaErogazione(b, calcolo, regole, cumulo.get(riferimentoCumulo(b)) ?? null),
          );
          cursore = benefici[benefici.length - 1].id;
          const esito = await registraPagina(m, run, righe, cursore, benefici.length);
          if (!esito)
            throw new DomainError(
              'TRANSIZIONE_NON_CONSENTITA',
              'L’esecuzione mensile è stata ripresa da un’altra richiesta.',
            );
          return false;
        });
        if (fine) return;
        this.dopoPagina?.(run.id, ++pagine);
      }
    } catch (error) {
      if (error instanceof ArrestoSimulato) throw error;
      const causa =
        error instanceof DomainError
          ? { codice: error.code, messaggio: error.message }
          : {
              codice: 'ERRORE_INTERNO',
              messaggio: 'Errore inatteso: l’esecuzione riprende dall’ultima pagina registrata.',
            };
      if (causa.codice !== 'TRANSIZIONE_NON_CONSENTITA')
        await interrompiRun(this.dataSource.manager, run.id, causa);
      throw error;
    }
  }

  private async regoleDi(
    m: EntityManager,
    id: string,
    cache: Map<string, VersioneRegoleMisuraV1>,
  ): Promise<VersioneRegoleMisuraV1> {
    const gia = cache.get(id);
    if (gia) return gia;
    const regole = await this.regole.leggi(id, m);
    if (!regole) throw new DomainError('REGOLE_NON_IN_VIGORE', `Regole ${id} non trovate nell’Ambito.`);
    if (!regole.parametri.erogazione)
      throw new DomainError(
        'REGOLE_EROGAZIONE_MANCANTI',
        `Le regole ${regole.misura} ${regole.annualita} v${regole.versione} non dicono come erogare un mese parziale (parametri «erogazione»): crearne una versione che li indichi.`,
      );
    cache.set(id, regole);
    return regole;
  }

  private async runV1(id: string): Promise<ErogazioneRunV1> {
    const run = await runPerId(this.dataSource.manager, id);
    if (!run || run.ambito !== this.contesto.ambito)
      throw new DomainError('RISORSA_NON_TROVATA', 'Esecuzione mensile non trovata.');
    return this.toV1(run);
  }

  private async toV1(r: ErogazioneRunRow): Promise<ErogazioneRunV1> {
    const totali = await totaliDelMese(this.dataSource.manager, r.ambito, r.mese);
    return {
      id: r.id,
      mese: r.mese.slice(0, 7),
      stato: r.stato,
      beneficiTotali: r.benefici_totali,
      beneficiElaborati: r.benefici_elaborati,
      mensilitaCreate: r.mensilita_create,
      importoDovutoCentesimi: Number(r.importo_dovuto_centesimi),
      mensilitaDelMese: totali.mensilita,
      importoDelMeseCentesimi: totali.importoCentesimi,
      avviataDa: r.avviata_da,
      avviataIl: r.avviata_il.toISOString(),
      conclusaIl: r.conclusa_il?.toISOString() ?? null,
      ultimoErrore: r.ultimo_errore,
    };
  }
}

/** Thrown by a test's DOPO_PAGINA_EROGAZIONI: the run stops as if its process died (stays `in-corso`). */
export class ArrestoSimulato extends Error {}

/** The riferimento of a beneficio's contribution in the cumulation per assistant (set at grant). */
export const riferimentoCumulo = (b: Pick<BeneficioRow, 'istanza_id'>): string => `istanza:${b.istanza_id}`;

const misuraCumulo = (misura: string): boolean => (MISURE_CUMULO as readonly string[]).includes(misura);

export interface CalcoloMese {
  input: InputMese;
  r: RisultatoMese;
}

/** One beneficio's month: the pure computation of calcolaMese, with its inputs. */
export function calcolaBeneficio(
  b: BeneficioRow,
  sospensioni: readonly SospensioneRow[],
  mese: string,
  regole: VersioneRegoleMisuraV1,
): CalcoloMese {
  const input: InputMese = {
    mese,
    beneficio: {
      dal: b.dal,
      al: b.al,
      importoMensileCentesimi: Number(b.importo_mensile_centesimi),
      terminaDal: b.termina_dal,
      causaFine: b.causa_fine,
      iseeValidoAl: b.isee_valido_al,
    },
    sospensioni: sospensioni
      .filter((s) => s.beneficio_id === b.id && !s.annullata_il)
      .map((s) => ({ id: s.id, causa: s.causa, dal: s.dal, al: s.al })),
    meseParziale: regole.parametri.erogazione!.meseParziale,
  };
  return { input, r: calcolaMese(input) };
}

/**
 * The row stored for a beneficio's month: the computation reduced by the cumulation per assistant (rule
 * 10) when the beneficio has a contract, each with its inputs and rule version beside the result.
 */
export function rigaErogazione(
  b: BeneficioRow,
  calcolo: CalcoloMese,
  regole: VersioneRegoleMisuraV1,
  cumulo: EsitoPagamento | null,
): NuovaErogazione {
  const r = applicaCumulo(calcolo.r, cumulo);
  const input = cumulo
    ? {
        ...calcolo.input,
        cumulo: {
          contratto: cumulo.contratto,
          costoMensileCentesimi: cumulo.costoMensileCentesimi,
          richiestoCentesimi: cumulo.richiestoCentesimi,
          altri: cumulo.altri,
          misure: cumulo.misure,
        },
      }
    : calcolo.input;
  return {
    id: randomUUID(),
    beneficio_id: b.id,
    esito: r.esito,
    importo_mensile_centesimi: r.importoMensileCentesimi,
    importo_dovuto_centesimi: r.importoDovutoCentesimi,
    giorni_mese: r.giorniMese,
    giorni_dovuti: r.giorniDovuti,
    regole_id: regole.id,
    valutazione: {
      motivo: r.motivo,
      regole: r.regole,
      regoleVersione: regole.versione,
      ...(cumulo
        ? {
            cumulo: {
              esito: cumulo.esito,
              ammessoCentesimi: cumulo.ammessoCentesimi,
              regoleId: cumulo.regoleId,
              regoleVersione: cumulo.regoleVersione,
            },
          }
        : {}),
    },
    input,
  };
}
