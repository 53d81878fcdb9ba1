import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import {
  DomainError,
  MISURE_EVENTS,
  type ApprovaGraduatoriaV1,
  type DeterminaGraduatoriaV1,
  type GraduatoriaV1,
  MAX_IMPEGNI_PER_LOTTO,
  type ImpegnoV1,
} from '@ambito/contracts';
import { OutboxWriter, RequestContext, ServedRequestScope, currentActor } from '@ambito/messaging';
import { FormazioneGraduatorie, graduatoriaNonTrovata } from './formazione.service';
import {
  avvisoConRegole,
  graduatoria,
  vociPerImpegno,
  type GraduatoriaRow,
  type VoceDaImpegnare,
} from './graduatorie.sql';
import {
  IMPEGNI_PER_LOTTO,
  ImpegniBudget,
  chiaveImpegno,
  esitoIncerto,
  fineBeneficio,
} from './impegni-budget';
import { CumuloAssistente } from '../cumulo/cumulo.service';

/** An approval left `in-approvazione` longer than this (its process stopped) may be resumed by another. */
const APPROVAZIONE_ABBANDONATA_DOPO = '10 minutes';
/**
 * How long the request waits for the impegni: below the gateway's RPC_TIMEOUT_MS (5 s), so a large
 * graduatoria answers `in-approvazione` (and goes on) instead of an undetermined outcome.
 */
const ATTESA_MASSIMA_MS = 3_000;

type Esito = { voce: VoceDaImpegnare; impegno: ImpegnoV1 } | { voce: VoceDaImpegnare; errore: unknown };

/**
 * Approval of a graduatoria by the Ufficio di Piano (issue 9, point 6): by someone who neither formed
 * it nor judged one of its istanze; every financed entry gets its impegno in the budget, all or nothing.
 *
 * 1. Under the graduatoria's row lock the state moves `formata → in-approvazione` with a new attempt
 *    number and the determina: a second approval, concurrent or later, finds it taken and is refused
 *    (GRADUATORIA_IN_APPROVAZIONE, GRADUATORIA_GIA_APPROVATA). No transaction stays open while budget
 *    answers.
 * 2. The impegni are requested with one key per istanza and attempt (`misure:istanza:<id>:a<n>`), in
 *    batches of IMPEGNI_PER_LOTTO (at most 500; `budget.impegni.richiedi-lotto`: each batch one budget
 *    transaction, all or nothing), one batch after the other, none after a failed one. The request
 *    waits for them at most ATTESA_MASSIMA_MS: a graduatoria approved (or refused) by then answers with
 *    its outcome; a larger one answers `in-approvazione` and is read again later.
 * 3. All made: under the avviso's and graduatoria's locks, the entries get their impegni, the graduatoria
 *    is `approvata`, its events go to the outbox, and the avviso becomes `graduatorie-approvate` when it
 *    was the last one.
 *    One refused (BUDGET_INSUFFICIENTE, SERVIZIO_NON_ABILITATO…): the ones made are reduced back
 *    (causale `revoca`), the graduatoria returns `formata` with the error, and the next attempt uses new
 *    keys. One without an answer: nothing is reduced (it may exist), the attempt is suspended and the
 *    next approval resumes it with the same keys and determina, so budget returns what it already made.
 */
@Injectable()
export class ApprovazioneGraduatorie {
  private readonly logger = new Logger(ApprovazioneGraduatorie.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly budget: ImpegniBudget,
    private readonly outbox: OutboxWriter,
    private readonly formazione: FormazioneGraduatorie,
    @Inject(IMPEGNI_PER_LOTTO) private readonly impegniPerLotto: number,
    private readonly cumulo: CumuloAssistente,
  ) {}

  async approva(dto: ApprovaGraduatoriaV1): Promise<GraduatoriaV1> {
    const actor = currentActor();
    const { g, determina } = await this.dataSource.transaction((m) => this.avvia(m, dto, actor.userId));
    // The impegni and the conclusion outlive the request when they take longer than it waits: they run
    // outside its deadline and its Idempotency-Key (both bound to the transaction of step 1, which
    // committed), with its correlation id.
    const contesto = RequestContext.currentOrNew();
    const lavoro = ServedRequestScope.run({}, () =>
      RequestContext.run({ ...contesto, scadenza: undefined }, () =>
        this.impegnaEConclude(g, determina, actor.userId),
      ),
    );
    const finito = await Promise.race([
      lavoro.then(() => true),
      new Promise<false>((resolve) => setTimeout(() => resolve(false), ATTESA_MASSIMA_MS).unref()),
    ]);
    // Not finished in time: it goes on; its outcome (approvata, or formata with ultimoErrore) is read later.
    if (!finito)
      lavoro.catch((error: unknown) =>
        this.logger.warn({ graduatoriaId: g.id, err: error }, 'approvazione non riuscita'),
      );
    return this.formazione.leggi(dto.avvisoId, dto.graduatoriaId);
  }

  /** Steps 2 and 3, or the failure path: resolves when approved, rejects with the error returned. */
  private async impegnaEConclude(
    g: GraduatoriaRow,
    determina: DeterminaGraduatoriaV1,
    utente: string,
  ): Promise<void> {
    const finanziate = await vociPerImpegno(this.dataSource.manager, g.id, ['finanziata']);
    const tentativo = `a${g.tentativo}`;
    // Batches one after the other (budget serialises them on the line's lock anyway); after a failed
    // one the rest are not sent: the attempt fails, and what was made is reduced back or resumed.
    const esiti: Esito[] = [];
    const perLotto = Math.min(this.impegniPerLotto, MAX_IMPEGNI_PER_LOTTO);
    for (let da = 0; da < finanziate.length; da += perLotto) {
      const lotto = finanziate.slice(da, da + perLotto);
      try {
        const impegni = await this.budget.impegnaLotto(
          g,
          lotto.map((voce) => ({ voce, chiave: chiaveImpegno(voce.istanza_id, tentativo) })),
          determina,
        );
        lotto.forEach((voce, i) => esiti.push({ voce, impegno: impegni[i] }));
      } catch (errore) {
        lotto.forEach((voce) => esiti.push({ voce, errore }));
        break;
      }
    }
    const fallito = esiti.find((e): e is Extract<Esito, { errore: unknown }> => 'errore' in e);
    if (fallito) throw await this.annulla(g, esiti, fallito.errore);
    await this.dataSource.transaction((m) =>
      this.conclude(m, g, determina, esiti as Array<Extract<Esito, { impegno: ImpegnoV1 }>>, utente),
    );
  }

  /** Step 1: the state transition that makes this approval the only one. */
  private async avvia(
    m: EntityManager,
    dto: ApprovaGraduatoriaV1,
    utente: string,
  ): Promise<{ g: GraduatoriaRow; determina: DeterminaGraduatoriaV1 }> {
    const g = await graduatoria(m, dto.avvisoId, dto.graduatoriaId, { blocca: true });
    if (!g) throw graduatoriaNonTrovata();
    let riprende = g.tentativo_sospeso;
    if (g.stato === 'approvata')
      throw new DomainError('GRADUATORIA_GIA_APPROVATA', 'La graduatoria è già approvata.');
    if (g.stato === 'da-formare')
      throw new DomainError('GRADUATORIA_NON_FORMATA', 'La graduatoria non è ancora formata.');
    if (g.stato === 'in-approvazione') {
      const [{ abbandonata }] = await m.query<Array<{ abbandonata: boolean }>>(
        `SELECT approvazione_il < now() - interval '${APPROVAZIONE_ABBANDONATA_DOPO}' AS abbandonata
           FROM graduatoria WHERE id = $1`,
        [g.id],
      );
      if (!abbandonata)
        throw new DomainError(
          'GRADUATORIA_IN_APPROVAZIONE',
          'La graduatoria è in corso di approvazione: gli impegni sono richiesti al budget.',
        );
      riprende = true;
    }
    await assertQuattroOcchi(m, g, utente);
    const tentativo = riprende ? g.tentativo : g.tentativo + 1;
    // A resumed attempt keeps its determina: the keys already sent to budget carry it.
    const determina =
      riprende && g.determina_numero && g.determina_data
        ? { numero: g.determina_numero, data: g.determina_data }
        : dto.determina;
    await m.query(
      `UPDATE graduatoria
          SET stato = 'in-approvazione', tentativo = $2, tentativo_sospeso = false, approvazione_da = $3,
              approvazione_il = now(), determina_numero = $4, determina_data = $5
        WHERE id = $1`,
      [g.id, tentativo, utente, determina.numero, determina.data],
    );
    return { g: { ...g, tentativo }, determina };
  }

  /** The failure path: reduce back what was made, unless some outcome is unknown; the error returned. */
  private async annulla(g: GraduatoriaRow, esiti: Esito[], errore: unknown): Promise<DomainError> {
    let incerto = esiti.some((e) => 'errore' in e && esitoIncerto(e.errore));
    if (!incerto) {
      for (const e of esiti) {
        if (!('impegno' in e)) continue;
        try {
          await this.budget.riduci(
            e.impegno.id,
            'revoca',
            `Approvazione della graduatoria ${g.id} non riuscita: impegno annullato`,
          );
        } catch (riduzione) {
          // Left for the resumed attempt: the same key finds this impegno again.
          this.logger.warn(
            { graduatoriaId: g.id, impegnoId: e.impegno.id, err: riduzione },
            'riduzione non riuscita',
          );
          incerto = true;
        }
      }
    }
    const causa =
      errore instanceof DomainError
        ? errore
        : new DomainError('ERRORE_INTERNO', 'Errore inatteso dal budget.');
    const ultimoErrore = { codice: causa.code, messaggio: causa.message };
    await this.dataSource.query(
      `UPDATE graduatoria
          SET stato = 'formata', tentativo_sospeso = $3, ultimo_errore = $4,
              approvazione_da = CASE WHEN $3 THEN approvazione_da END,
              determina_numero = CASE WHEN $3 THEN determina_numero END,
              determina_data = CASE WHEN $3 THEN determina_data END
        WHERE id = $1 AND stato = 'in-approvazione' AND tentativo = $2`,
      [g.id, g.tentativo, incerto, JSON.stringify(ultimoErrore)],
    );
    return new DomainError(
      causa.code,
      `Graduatoria non approvata: ${causa.message} ` +
        (incerto
          ? 'L’esito di alcuni impegni non è noto: una nuova approvazione riprende lo stesso tentativo.'
          : 'Gli impegni già registrati sono stati annullati.'),
    );
  }

  /** Step 3: everything committed in budget; the graduatoria approved with its events, in one transaction. */
  private async conclude(
    m: EntityManager,
    g: GraduatoriaRow,
    determina: DeterminaGraduatoriaV1,
    esiti: Array<{ voce: VoceDaImpegnare; impegno: ImpegnoV1 }>,
    utente: string,
  ): Promise<void> {
    // The avviso first: two graduatorie approved at once both see whether they are the last one.
    const avviso = await avvisoConRegole(m, g.avviso_id, { blocca: true });
    const attuale = await graduatoria(m, g.avviso_id, g.id, { blocca: true });
    if (!avviso || attuale?.stato !== 'in-approvazione' || attuale.tentativo !== g.tentativo)
      throw new DomainError(
        'GRADUATORIA_IN_APPROVAZIONE',
        'L’approvazione è stata ripresa da un’altra richiesta: gli impegni sono gli stessi.',
      );
    const istanze = esiti.map((e) => e.voce.istanza_id);
    const impegni = esiti.map((e) => e.impegno.id);
    await m.query(
      `UPDATE graduatoria_voce v SET impegno_id = x.impegno
         FROM unnest($2::uuid[], $3::uuid[]) AS x(istanza, impegno)
        WHERE v.graduatoria_id = $1 AND v.istanza_id = x.istanza`,
      [g.id, istanze, impegni],
    );
    await m.query(
      `INSERT INTO graduatoria_voce_storia
         (graduatoria_id, istanza_id, evento, impegno_id, importo_centesimi, determina_numero, determina_data, registrato_da)
       SELECT $1, x.istanza, 'impegnata', x.impegno, v.importo_centesimi, $4, $5, $6
         FROM unnest($2::uuid[], $3::uuid[]) AS x(istanza, impegno)
         JOIN graduatoria_voce v ON v.graduatoria_id = $1 AND v.istanza_id = x.istanza`,
      [g.id, istanze, impegni, determina.numero, determina.data, utente],
    );
    await m.query(
      `UPDATE graduatoria SET stato = 'approvata', approvata_il = now(), ultimo_errore = NULL WHERE id = $1`,
      [g.id],
    );
    const [conti] = await m.query<Array<{ idonee: string }>>(
      `SELECT count(*) AS idonee FROM graduatoria_voce WHERE graduatoria_id = $1 AND stato = 'idonea-non-finanziata'`,
      [g.id],
    );
    await this.outbox.append(m, MISURE_EVENTS.graduatoriaApprovata, {
      graduatoriaId: g.id,
      avvisoId: g.avviso_id,
      misura: g.misura,
      area: g.area,
      strumento: g.strumento,
      determina,
      finanziate: esiti.length,
      idoneeNonFinanziate: Number(conti.idonee),
      impegnatoCentesimi: esiti.reduce((s, e) => s + e.impegno.importoCentesimi, 0),
      approvataDa: utente,
    });
    for (const e of esiti)
      await this.outbox.append(
        m,
        MISURE_EVENTS.beneficioConcesso,
        beneficioConcesso(g, avviso, e.voce, e.impegno, 'approvazione'),
      );
    // Rule 10 at grant: the assistant's contracts of the financed istanze get their contributions.
    await this.cumulo.registraConcessioni(m, g.id, istanze, utente);
    await m.query(
      `UPDATE avviso SET stato = 'graduatorie-approvate'
        WHERE id = $1 AND stato = 'chiuso'
          AND NOT EXISTS (SELECT 1 FROM graduatoria WHERE avviso_id = $1 AND stato <> 'approvata')`,
      [g.avviso_id],
    );
  }
}

/** The event of one financed istanza: strumento, amounts, dates from the avviso, the impegno. */
export function beneficioConcesso(
  g: GraduatoriaRow,
  avviso: { decorrenza: string; mesi: number },
  voce: VoceDaImpegnare,
  impegno: ImpegnoV1,
  causa: 'approvazione' | 'scorrimento',
) {
  return {
    istanzaId: voce.istanza_id,
    personaId: voce.persona_id,
    avvisoId: g.avviso_id,
    graduatoriaId: g.id,
    misura: g.misura,
    strumento: g.strumento,
    importoMensileCentesimi:
      voce.importo_mensile_centesimi === null ? null : Number(voce.importo_mensile_centesimi),
    importoTotaleCentesimi: Number(voce.importo_centesimi),
    dal: avviso.decorrenza,
    al: fineBeneficio(avviso.decorrenza, avviso.mesi),
    linea: impegno.linea,
    fondo: impegno.fondo,
    annoFondo: impegno.anno,
    impegnoId: impegno.id,
    causa,
  };
}

/** Four eyes: who formed the graduatoria or judged (or decided) one of its istanze does not approve it. */
async function assertQuattroOcchi(m: EntityManager, g: GraduatoriaRow, utente: string): Promise<void> {
  const [{ istruita }] = await m.query<Array<{ istruita: boolean }>>(
    `SELECT EXISTS (SELECT 1 FROM graduatoria_voce v JOIN istruttoria s ON s.istanza_id = v.istanza_id
                     WHERE v.graduatoria_id = $1 AND (s.istruita_da = $2 OR s.decisione_da = $2)) AS istruita`,
    [g.id, utente],
  );
  if (g.formata_da === utente || istruita)
    throw new DomainError(
      'APPROVAZIONE_DEL_PROPONENTE',
      g.formata_da === utente
        ? 'Chi ha formato la graduatoria non la approva: serve un’altra persona dell’Ufficio di Piano.'
        : 'Chi ha istruito o deciso un’istanza della graduatoria non la approva: serve un’altra persona dell’Ufficio di Piano.',
    );
}
