import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import {
  DomainError,
  MISURE_EVENTS,
  type InputIstruttoriaV1,
  type IseeVerificatoInpsV1,
  type IstruisciAvvisoV1,
  type IstruttoriaAvvisoV1,
  type ValutazioneIstanzaV1,
} from '@ambito/contracts';
import { OutboxWriter, RequestContext, ServedRequestScope, currentActor } from '@ambito/messaging';
import { avvisoNonTrovato, regoleNonInVigore } from '../avvisi/avvisi.service';
import { avvisoPerId, type AvvisoRow } from '../avvisi/avvisi.sql';
import { iseeVerificatiDelleIstanze } from '../isee-verificato/isee-verificato.sql';
import { RegoleRepository } from '../regole/regole.repository';
import {
  bloccaPagina,
  completaIstruttoriaAvviso,
  interrompiIstruttoriaAvviso,
  istanzeDaIstruire,
  istruttoriaAperta,
  nuovaIstruttoriaAvviso,
  paginaDaIstruire,
  registraPagina,
  riprendiIstruttoriaAvviso,
  toIstruttoriaAvvisoV1,
  ultimaIstruttoriaAvviso,
  type IstanzaDaIstruire,
  type IstruttoriaAvvisoRow,
  type IstruttoriaDiPagina,
  type StatoIstanza,
} from './istruttoria-avviso.sql';
import { valutaIstanza, type RegoleApplicate } from './valuta-istanza';

/**
 * How long the request waits for the run: below the gateway's RPC_TIMEOUT_MS (5 s), as the graduatorie's
 * approval; a larger avviso answers `in-corso` and its progress is read with leggiIstruttoriaAvviso.
 */
const ATTESA_MASSIMA_MS = 3_000;

/** Token of the page size (istanze per transaction); 2,000 unless a test asks for smaller pages. */
export const PAGINA_ISTRUTTORIA_AVVISO = Symbol('PAGINA_ISTRUTTORIA_AVVISO');

type Regole = RegoleApplicate;

/** An istanza judged by the engine, with what the judgement used. */
interface Giudicata {
  istanza: IstanzaDaIstruire;
  regole: Regole;
  input: InputIstruttoriaV1;
  valutazione: ValutazioneIstanzaV1;
}

/** A page read ahead and judged, with the time each stage took. */
interface PaginaGiudicata {
  istanze: IstanzaDaIstruire[];
  giudicate: Giudicata[];
  letturaMs: number;
  valutazioneMs: number;
}

/**
 * The istruttoria of a whole avviso (issue 9, point 11): at the window's close, or after a rule set is
 * corrected, every istanza is judged again with `valutaIstanza`.
 *
 * - Inputs: the istanza's declarations (`istanza.dati`) and the sources' data (birth, residence, at
 *   home, the cartella's state) of its **last istruttoria's snapshot**, not 100,000 reads of accesso and
 *   presa in carico: those services' events already re-run a person's istanze when these data change
 *   (RiesameConsumers), so the last snapshot is what they say. The rule set is the one in force on the
 *   day of presentation if it is of the avviso's annualità, else the avviso's (as every istruttoria).
 * - Pages of `PAGINA_ISTRUTTORIA_AVVISO` istanze by id (keyset), each read and judged ahead while the
 *   previous one is written; per page one transaction, the istanze's rows locked (and any that changed
 *   since the read-ahead judged again), one multi-row INSERT of the istruttorie and one UPDATE of the
 *   istanze whose result changed (unnest of column arrays), the run's cursor moved. A failed page rolls back alone: the run is
 *   `interrotta` with its error, and the next request resumes from the cursor.
 * - A completed run is history: a new request starts a new run, which judges every istanza again (new
 *   istruttoria rows, numbered after the last: re-running on unchanged data changes no outcome).
 * - Each run's new rows are computed outcomes: an operator's decision on a `da-verificare` outcome is
 *   taken again on the new istruttoria (as after any riesame). Events `misure.istanza.istruita` (and
 *   `esclusa`) go to the outbox only for istanze whose esito changed: confirming an outcome is not news.
 */
@Injectable()
export class IstruttoriaAvvisoService {
  private readonly logger = new Logger(IstruttoriaAvvisoService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: OutboxWriter,
    private readonly regole: RegoleRepository,
    @Inject(PAGINA_ISTRUTTORIA_AVVISO) private readonly pagina: number,
  ) {}

  async istruisci(dto: IstruisciAvvisoV1): Promise<IstruttoriaAvvisoV1> {
    const actor = currentActor();
    const avvio = await this.dataSource.transaction((m) =>
      this.avvia(m, dto.avvisoId, `istruttoria-avviso: ${dto.motivo}`, actor.userId),
    );
    if (!avvio.parte) return toIstruttoriaAvvisoV1(avvio.run);
    // The pages outlive the request when they take longer than it waits (as the graduatorie's approval):
    // outside its deadline and its Idempotency-Key, with its correlation id.
    const contesto = RequestContext.currentOrNew();
    const lavoro = ServedRequestScope.run({}, () =>
      RequestContext.run({ ...contesto, scadenza: undefined }, () => this.esegui(avvio.run)),
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
        this.logger.warn({ avvisoId: dto.avvisoId, err: error }, 'istruttoria dell’avviso interrotta'),
      );
    return this.leggi(dto.avvisoId);
  }

  async leggi(avvisoId: string): Promise<IstruttoriaAvvisoV1> {
    const run = await ultimaIstruttoriaAvviso(this.dataSource.manager, avvisoId);
    if (!run)
      throw new DomainError('RISORSA_NON_TROVATA', 'Nessuna istruttoria dell’avviso è stata avviata.');
    return toIstruttoriaAvvisoV1(run);
  }

  /** Under the avviso's lock: a new run, or the interrupted (or abandoned) one resumed, or the live one. */
  private async avvia(
    m: EntityManager,
    avvisoId: string,
    causa: string,
    da: string,
  ): Promise<{ run: IstruttoriaAvvisoRow; parte: boolean }> {
    const avviso = await avvisoPerId(m, avvisoId, { blocca: true });
    if (!avviso) throw avvisoNonTrovato();
    if (avviso.stato !== 'chiuso')
      throw new DomainError(
        'AVVISO_NON_CHIUSO',
        `Le istanze di un avviso si istruiscono tutte insieme ad avviso chiuso e prima dell’approvazione delle graduatorie (stato attuale: ${avviso.stato}).`,
      );
    const [{ bloccate }] = await m.query<Array<{ bloccate: string }>>(
      `SELECT count(*) AS bloccate FROM graduatoria WHERE avviso_id = $1 AND stato IN ('in-approvazione', 'approvata')`,
      [avvisoId],
    );
    if (Number(bloccate) > 0)
      throw new DomainError(
        'GRADUATORIA_IN_APPROVAZIONE',
        'Una graduatoria dell’avviso è in approvazione o approvata: le sue istanze non si istruiscono di nuovo.',
      );
    const aperta = await istruttoriaAperta(m, avvisoId);
    if (aperta?.stato === 'in-corso' && !aperta.abbandonata) return { run: aperta, parte: false };
    if (aperta) {
      await riprendiIstruttoriaAvviso(m, aperta.id);
      return { run: { ...aperta, stato: 'in-corso', ultimo_errore: null }, parte: true };
    }
    const id = randomUUID();
    await nuovaIstruttoriaAvviso(m, { id, avvisoId, causa, da });
    const run = await istruttoriaAperta(m, avvisoId);
    return { run: run!, parte: true };
  }

  /**
   * Page after page from the run's cursor; a failed page leaves the run `interrotta` (and rethrows).
   * Two cores, two stages: page n+1 is read and judged (no locks) while page n's results are written;
   * then, under the page's locks, an istanza that changed meanwhile (a new version, a new istruttoria)
   * is read and judged again, so what is stored is what the locked rows say.
   */
  private async esegui(run: IstruttoriaAvvisoRow): Promise<void> {
    const avviso = await avvisoPerId(this.dataSource.manager, run.avviso_id);
    if (!avviso) throw avvisoNonTrovato();
    const regolePerGiorno = new Map<string, Regole>();
    const prepara = (dopo: string | null): Promise<PaginaGiudicata> => {
      const pronta = this.preparaPagina(avviso, dopo, regolePerGiorno);
      // Awaited at the next turn; until then a failure must not count as unhandled.
      pronta.catch(() => undefined);
      return pronta;
    };
    let cursore = run.ultima_istanza_id;
    let prossima = prepara(cursore);
    try {
      for (;;) {
        const pagina = await prossima;
        const dopo = cursore;
        if (pagina.istanze.length === 0) {
          await this.dataSource.transaction((m) => completaIstruttoriaAvviso(m, run.id));
          return;
        }
        const ultima = pagina.istanze[pagina.istanze.length - 1].id;
        prossima = prepara(ultima);
        await this.dataSource.transaction(async (m) => {
          const inizio = performance.now();
          const ora = await bloccaPagina(m, avviso.id, dopo, ultima);
          const giudicate = await this.aggiornaCambiate(m, avviso, pagina, ora, regolePerGiorno);
          const esitoOra = new Map(ora.map((s) => [s.id, s.esito]));
          const righe: IstruttoriaDiPagina[] = giudicate.map((g) => ({
            id: randomUUID(),
            istanza_id: g.istanza.id,
            numero: (g.istanza.numero ?? 0) + 1,
            regole_id: g.regole.id,
            data_riferimento: g.input.dataRiferimento,
            input: g.input,
            valutazione: g.valutazione,
          }));
          const cambiate = righe.filter((r) => r.valutazione.esito !== esitoOra.get(r.istanza_id));
          const mia = await registraPagina(
            m,
            { id: run.id, causa: run.causa, da: run.avviata_da },
            righe,
            ultima,
            cambiate.length,
            ora.length,
          );
          if (!mia)
            throw new DomainError(
              'TRANSIZIONE_NON_CONSENTITA',
              'L’istruttoria dell’avviso è stata ripresa da un’altra richiesta.',
            );
          for (const riga of cambiate) await this.eventi(m, avviso.id, run.causa, riga);
          // A page that changed no outcome does not wait for its WAL on disk: a crash loses at most the
          // last such pages, and with them the cursor that moved in the same transaction, so the resumed
          // run judges them again. A page with events waits: its events may be relayed at once, and must
          // not survive a page that did not. The completion, read as done, is durable too.
          if (cambiate.length === 0) await m.query(`SET LOCAL synchronous_commit = off`);
          // Where a page's time goes (LOG_LEVEL=debug), the benchmark's first question.
          this.logger.debug(
            {
              istruttoriaAvvisoId: run.id,
              istanze: ora.length,
              cambiate: cambiate.length,
              rigiudicate: giudicate.filter((g) => !pagina.giudicate.includes(g)).length,
              letturaMs: pagina.letturaMs,
              valutazioneMs: pagina.valutazioneMs,
              scritturaMs: Math.round(performance.now() - inizio),
            },
            'pagina dell’istruttoria dell’avviso',
          );
        });
        cursore = ultima;
      }
    } catch (error) {
      const causa =
        error instanceof DomainError
          ? { codice: error.code, messaggio: error.message }
          : {
              codice: 'ERRORE_INTERNO',
              messaggio: 'Errore inatteso: l’istruttoria riprende dall’ultima pagina registrata.',
            };
      if (causa.codice !== 'TRANSIZIONE_NON_CONSENTITA')
        await interrompiIstruttoriaAvviso(this.dataSource.manager, run.id, causa);
      throw error;
    }
  }

  /** The next page after `dopo`, read without locks and judged. */
  private async preparaPagina(
    avviso: AvvisoRow,
    dopo: string | null,
    cache: Map<string, Regole>,
  ): Promise<PaginaGiudicata> {
    const m = this.dataSource.manager;
    const inizio = performance.now();
    const istanze = await paginaDaIstruire(m, avviso.id, dopo, this.pagina);
    const letta = performance.now();
    const giudicate = await this.giudica(m, avviso, istanze, cache);
    return {
      istanze,
      giudicate,
      letturaMs: Math.round(letta - inizio),
      valutazioneMs: Math.round(performance.now() - letta),
    };
  }

  /**
   * The page's judgements as the locked rows stand: the read-ahead ones whose istanza kept its version
   * and last istruttoria, and the others read and judged again here (an istanza new in the range too).
   */
  private async aggiornaCambiate(
    m: EntityManager,
    avviso: AvvisoRow,
    pagina: PaginaGiudicata,
    ora: StatoIstanza[],
    cache: Map<string, Regole>,
  ): Promise<Giudicata[]> {
    const lette = new Map(pagina.istanze.map((i) => [i.id, i]));
    const cambiate = ora
      .filter((s) => {
        const letta = lette.get(s.id);
        return !letta || letta.versione !== s.versione || letta.numero !== s.numero;
      })
      .map((s) => s.id);
    if (cambiate.length === 0) return pagina.giudicate;
    const via = new Set(cambiate);
    const rigiudicate = await this.giudica(m, avviso, await istanzeDaIstruire(m, cambiate), cache);
    return [...pagina.giudicate.filter((g) => !via.has(g.istanza.id)), ...rigiudicate];
  }

  private async giudica(
    m: EntityManager,
    avviso: AvvisoRow,
    istanze: IstanzaDaIstruire[],
    cache: Map<string, Regole>,
  ): Promise<Giudicata[]> {
    const giudicate: Giudicata[] = [];
    // The ISEE verified at INPS, as the single istanza's istruttoria reads them: one statement per page.
    const verificati = await iseeVerificatiDelleIstanze(
      m,
      istanze.filter((i) => i.input).map((i) => i.id),
    );
    for (const istanza of istanze) {
      // Never judged (no snapshot of its sources): not an istanza the presentation accepted.
      if (!istanza.input) continue;
      const regole = await this.regoleDelGiorno(m, avviso, istanza.giorno_protocollo, cache);
      const input = inputDaSnapshot(istanza, avviso, verificati.get(istanza.id));
      giudicate.push({ istanza, regole, input, valutazione: valutaIstanza(input, regole) });
    }
    return giudicate;
  }

  private async regoleDelGiorno(
    m: EntityManager,
    avviso: AvvisoRow,
    giorno: string,
    cache: Map<string, Regole>,
  ): Promise<Regole> {
    const gia = cache.get(giorno);
    if (gia) return gia;
    const inVigore = await this.regole.inVigore(avviso.misura, giorno, m);
    const regole =
      inVigore && inVigore.annualita === avviso.annualita
        ? inVigore
        : await this.regole.leggi(avviso.regole_id, m);
    if (!regole) throw regoleNonInVigore(`${avviso.misura} ${avviso.annualita} al ${giorno}`);
    const scelte = { id: regole.id, parametri: regole.parametri };
    cache.set(giorno, scelte);
    return scelte;
  }

  private async eventi(
    m: EntityManager,
    avvisoId: string,
    causa: string,
    r: IstruttoriaDiPagina,
  ): Promise<void> {
    const v = r.valutazione;
    await this.outbox.append(m, MISURE_EVENTS.istanzaIstruita, {
      istanzaId: r.istanza_id,
      istruttoriaId: r.id,
      avvisoId,
      numero: r.numero,
      causa: causa.split(':')[0],
      origine: 'calcolo',
      esito: v.esito,
      area: v.area,
      strumento: v.strumento,
      importoMensileCentesimi: v.importoMensileCentesimi,
      importoTotaleCentesimi: v.importoTotaleCentesimi,
    });
    if (v.esito === 'non-ammissibile')
      await this.outbox.append(m, MISURE_EVENTS.istanzaEsclusa, {
        istanzaId: r.istanza_id,
        istruttoriaId: r.id,
        avvisoId,
        strumento: v.strumento,
        origine: 'calcolo',
        regole: v.regole.filter((x) => x.esito === 'non-soddisfatta').map((x) => x.codice),
      });
  }
}

/**
 * The input judged: today's declarations with the sources' data of the last istruttoria (at home only
 * if the sources said so and the person declares it, as at presentation), and the ISEE verified at INPS
 * recorded for the istanza (the latest per type), which the engine uses in place of the declared ones
 * and flags when they differ (ISEE_VERIFICA_INPS), as the single istanza's istruttoria does.
 */
export function inputDaSnapshot(
  istanza: Pick<IstanzaDaIstruire, 'dati' | 'input' | 'strumento' | 'giorno_protocollo'>,
  avviso: Pick<AvvisoRow, 'mesi'>,
  iseeVerificati?: IseeVerificatoInpsV1[],
): InputIstruttoriaV1 {
  const fonti = istanza.input!.dati;
  const { alDomicilio, ...dichiarate } = istanza.dati;
  return {
    dati: {
      dataNascita: fonti.dataNascita,
      residenteNellAmbito: fonti.residenteNellAmbito,
      alDomicilio: fonti.alDomicilio && alDomicilio,
      ...dichiarate,
      presaInCarico: fonti.presaInCarico,
    },
    strumento: istanza.strumento,
    dataRiferimento: istanza.giorno_protocollo,
    mesi: avviso.mesi,
    ...(iseeVerificati?.length ? { iseeVerificati } : {}),
  };
}
