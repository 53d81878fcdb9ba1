import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import {
  DomainError,
  MISURE_CUMULO,
  type ContrattoRegistratoV1,
  type EsitoBonusRegistratoV1,
  type EsitoCumuloV1,
  type EventEnvelope,
  type MisuraCumulo,
  type RegistraContrattoAssistenteV1,
  type RegistraContributoAssistenteV1,
  type VerificaCumuloV1,
} from '@ambito/contracts';
import { currentActor, handleOnce } from '@ambito/messaging';
import { euro } from '../istruttoria/regole/formato';
import { RegoleRepository } from '../regole/regole.repository';
import { quotaMensile, verificaCumulo } from './cumulo';
import {
  altriContributiDelMese,
  contrattoBloccato,
  contributiDaPagare,
  contributoPer,
  registraContratto,
  registraContributo,
} from './cumulo.sql';

/** `AAAA-MM-GG` or `AAAA-MM` → the month's first day. */
export const primoDelMese = (giorno: string): string => `${giorno.slice(0, 7)}-01`;

/** The first days of the months from `dal` to `al` (inclusive), at most `massimo`. */
export function mesiTra(dal: string, al: string | null, massimo = 60): string[] {
  const mesi: string[] = [];
  let [a, m] = [Number(dal.slice(0, 4)), Number(dal.slice(5, 7))];
  const fine = al ? Number(al.slice(0, 4)) * 12 + Number(al.slice(5, 7)) : a * 12 + m;
  while (a * 12 + m <= fine && mesi.length < massimo) {
    mesi.push(`${a}-${String(m).padStart(2, '0')}-01`);
    [a, m] = m === 12 ? [a + 1, 1] : [a, m + 1];
  }
  return mesi;
}

/** A payment's judgement, with what the monthly run stores beside it (contract, rule version, measures). */
export type EsitoPagamento = EsitoCumuloV1 & {
  contratto: string;
  regoleVersione: number | null;
  misure: readonly MisuraCumulo[];
};

/** Who records what the events decide (no person: the service). */
const SERVIZIO = 'servizio-misure';

/** The reference of a contract of assistenti-familiari in the cumulation. */
export const riferimentoContrattoAf = (contrattoId: string): string => `af:contratto:${contrattoId}`;

export interface ContributoDaRegistrare {
  contratto: string;
  misura: MisuraCumulo;
  riferimento: string;
  mensileCentesimi: number;
  dal: string;
  al: string | null;
}

/**
 * Rule 10, the cumulation per assistant (issue 10, point 6). The one place that judges it, for every
 * caller and always in the caller's transaction, under the contract's row lock (two grants for the same
 * assistant cannot both fit in the room that only one has):
 *
 * - `registraContributo(m, c, 'rifiuta')`: an operator; every month of the period must fit, else
 *   CUMULO_OLTRE_COSTO and nothing is written;
 * - `registraContributo(m, c, 'registra')`: the Bonus the Region granted (assistenti-familiari's event),
 *   a fact misure cannot refuse: recorded as it is, the monthly payments of the others then fit under it;
 * - `registraContributo(m, c, 'riduci')`: at grant (graduatoria approved), the contribution recorded
 *   reduced to the room left, with the reason;
 * - `verificaPagamento(m, …)`: before each monthly payment (the monthly run): what may be paid, or null
 *   when the beneficio has no contract recorded (the rule does not apply).
 */
@Injectable()
export class CumuloAssistente {
  private readonly logger = new Logger(CumuloAssistente.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly regole: RegoleRepository,
  ) {}

  private get ambito(): string {
    return this.regole.ambito;
  }

  /** The measures that add up in the month: the B2 rule set's `conti.cumulo` (else all the known ones). */
  private async misureDelMese(
    mese: string,
    m: EntityManager,
  ): Promise<{ misure: readonly MisuraCumulo[]; regoleId: string | null; regoleVersione: number | null }> {
    const regole = await this.regole.inVigore('b2', mese, m);
    const cumulo = regole?.parametri.conti?.cumulo;
    return cumulo
      ? { misure: cumulo.misure, regoleId: regole.id, regoleVersione: regole.versione }
      : { misure: MISURE_CUMULO, regoleId: null, regoleVersione: null };
  }

  async verifica(
    m: EntityManager,
    v: {
      contratto: string;
      mese: string;
      misura: MisuraCumulo;
      riferimento: string;
      richiestoCentesimi: number;
    },
  ): Promise<EsitoCumuloV1> {
    const mese = primoDelMese(v.mese);
    const contratto = await contrattoBloccato(m, this.ambito, v.contratto);
    if (!contratto)
      throw new DomainError(
        'CONTRATTO_ASSISTENTE_NON_TROVATO',
        `Il contratto ${v.contratto} dell’assistente non è registrato.`,
      );
    const { misure, regoleId } = await this.misureDelMese(mese, m);
    const inVigore =
      contratto.dal <= mese.replace(/01$/, '31') && (contratto.al === null || contratto.al >= mese);
    const costo = inVigore ? Number(contratto.costo_mensile_centesimi) : 0;
    const altri = (await altriContributiDelMese(m, v.contratto, mese, v)).map((a) => ({
      misura: a.misura,
      riferimento: a.riferimento,
      mensileCentesimi: Number(a.mensile_centesimi),
    }));
    const esito = verificaCumulo({
      costoMensileCentesimi: costo,
      misure,
      richiestoCentesimi: v.richiestoCentesimi,
      altri,
    });
    return {
      esito: esito.esito,
      mese: mese.slice(0, 7),
      costoMensileCentesimi: costo,
      richiestoCentesimi: v.richiestoCentesimi,
      altriCentesimi: esito.altriCentesimi,
      ammessoCentesimi: esito.ammessoCentesimi,
      altri: altri.filter((a) => misure.includes(a.misura)),
      regoleId,
      motivo: inVigore
        ? esito.motivo
        : `Il contratto ${v.contratto} non è in vigore nel mese ${mese.slice(0, 7)}`,
    };
  }

  /** Before a payment: null when the item has no contract recorded (rule 10 does not apply). */
  async verificaPagamento(
    m: EntityManager,
    v: { misura: MisuraCumulo; riferimento: string; mese: string; richiestoCentesimi: number },
  ): Promise<EsitoCumuloV1 | null> {
    const c = await contributoPer(m, v.misura, v.riferimento);
    if (!c) return null;
    return this.verifica(m, { ...v, contratto: c.contratto_riferimento });
  }

  /**
   * Before the payments of a page of the monthly run, set-based: the same judgement as
   * `verificaPagamento` for many items in three queries (none but one when the ambito has no contract).
   * Only the items with a contribution recorded are in the answer (by riferimento): for the others the
   * rule does not apply. Judged on the month's amount due (`richiestoCentesimi`).
   */
  async verificaPagamenti(
    m: EntityManager,
    mese: string,
    voci: ReadonlyArray<{ misura: MisuraCumulo; riferimento: string; richiestoCentesimi: number }>,
  ): Promise<Map<string, EsitoPagamento>> {
    const esiti = new Map<string, EsitoPagamento>();
    if (voci.length === 0) return esiti;
    const [{ esiste }] = await m.query<Array<{ esiste: boolean }>>(
      `SELECT EXISTS (SELECT 1 FROM contratto_assistente WHERE ambito = $1) AS esiste`,
      [this.ambito],
    );
    if (!esiste) return esiti;
    const primo = primoDelMese(mese);
    const righe = await contributiDaPagare(m, this.ambito, primo, voci);
    if (righe.length === 0) return esiti;
    const { misure, regoleId, regoleVersione } = await this.misureDelMese(primo, m);
    const richiesto = new Map(voci.map((v) => [`${v.misura}|${v.riferimento}`, v.richiestoCentesimi]));
    for (const r of righe) {
      const inVigore = r.dal <= primo.replace(/01$/, '31') && (r.al === null || r.al >= primo);
      const costo = inVigore ? Number(r.costo_mensile_centesimi) : 0;
      const altri = r.altri.map((a) => ({
        misura: a.misura,
        riferimento: a.riferimento,
        mensileCentesimi: Number(a.mensile_centesimi),
      }));
      const chiesto = richiesto.get(`${r.misura}|${r.riferimento}`) ?? 0;
      const esito = verificaCumulo({
        costoMensileCentesimi: costo,
        misure,
        richiestoCentesimi: chiesto,
        altri,
      });
      esiti.set(r.riferimento, {
        esito: esito.esito,
        mese: primo.slice(0, 7),
        costoMensileCentesimi: costo,
        richiestoCentesimi: chiesto,
        altriCentesimi: esito.altriCentesimi,
        ammessoCentesimi: esito.ammessoCentesimi,
        altri: altri.filter((a) => misure.includes(a.misura)),
        regoleId,
        regoleVersione,
        contratto: r.contratto,
        misure,
        motivo: inVigore
          ? esito.motivo
          : `Il contratto ${r.contratto} non è in vigore nel mese ${primo.slice(0, 7)}`,
      });
    }
    return esiti;
  }

  /** Records a contribution after judging every month of its period (see the class). */
  async registraContributo(
    m: EntityManager,
    c: ContributoDaRegistrare,
    modo: 'rifiuta' | 'riduci' | 'registra',
    da: string,
  ): Promise<EsitoCumuloV1> {
    let peggiore: EsitoCumuloV1 | null = null;
    for (const mese of mesiTra(c.dal, c.al)) {
      const e = await this.verifica(m, { ...c, mese, richiestoCentesimi: c.mensileCentesimi });
      if (!peggiore || e.ammessoCentesimi < peggiore.ammessoCentesimi) peggiore = e;
    }
    const esito = peggiore as EsitoCumuloV1;
    if (esito.esito !== 'entro-costo' && modo === 'rifiuta')
      throw new DomainError(
        'CUMULO_OLTRE_COSTO',
        `Nel mese ${esito.mese} i contributi per lo stesso assistente supererebbero il costo della retribuzione di ${euro(esito.costoMensileCentesimi)}: altri contributi ${euro(esito.altriCentesimi)}, resta ${euro(esito.ammessoCentesimi)} (chiesti ${euro(c.mensileCentesimi)}).`,
      );
    await registraContributo(m, {
      misura: c.misura,
      riferimento: c.riferimento,
      contratto: c.contratto,
      // A fact of another body (the Region's Bonus) is recorded as it is: the payments after it make room.
      mensileCentesimi: modo === 'registra' ? c.mensileCentesimi : esito.ammessoCentesimi,
      dal: c.dal,
      al: c.al,
      da,
    });
    return esito;
  }

  /**
   * The grant path (graduatoria approved, scorrimento): every financed istanza whose assistant's
   * contract names a registered contract gets its contribution recorded for the benefit's months,
   * reduced to fit (reason kept in the answer's log), so the monthly run finds it. Riferimento:
   * `istanza:<id>`. One query for the entries with a contract; the others cost nothing.
   */
  async registraConcessioni(
    m: EntityManager,
    graduatoriaId: string,
    istanze: readonly string[],
    da: string,
  ): Promise<EsitoCumuloV1[]> {
    if (istanze.length === 0) return [];
    // Most ambiti register few contracts: without one, a graduatoria of thousands costs one lookup.
    const [{ esiste }] = await m.query<Array<{ esiste: boolean }>>(
      `SELECT EXISTS (SELECT 1 FROM contratto_assistente WHERE ambito = $1) AS esiste`,
      [this.ambito],
    );
    if (!esiste) return [];
    const righe = await m.query<
      Array<{
        istanza_id: string;
        misura: string;
        contratto: string;
        mensile: string;
        dal: string;
        al: string;
      }>
    >(
      `SELECT i.id AS istanza_id, a.misura, i.dati->'contrattoAssistente'->>'contrattoRiferimento' AS contratto,
              v.importo_mensile_centesimi AS mensile, a.decorrenza::text AS dal,
              (a.decorrenza + make_interval(months => a.mesi) - interval '1 day')::date::text AS al
         FROM graduatoria_voce v
         JOIN istanza i ON i.id = v.istanza_id
         JOIN avviso a ON a.id = i.avviso_id
         JOIN contratto_assistente c ON c.riferimento = i.dati->'contrattoAssistente'->>'contrattoRiferimento'
        WHERE v.graduatoria_id = $1 AND v.istanza_id = ANY($2::uuid[])
          AND v.importo_mensile_centesimi IS NOT NULL`,
      [graduatoriaId, istanze],
    );
    const esiti: EsitoCumuloV1[] = [];
    for (const r of righe) {
      if (!(MISURE_CUMULO as readonly string[]).includes(r.misura)) continue;
      esiti.push(
        await this.registraContributo(
          m,
          {
            contratto: r.contratto,
            misura: r.misura as MisuraCumulo,
            riferimento: `istanza:${r.istanza_id}`,
            mensileCentesimi: Number(r.mensile),
            dal: r.dal,
            al: r.al,
          },
          'riduci',
          da,
        ),
      );
    }
    return esiti;
  }

  // Events of assistenti-familiari (cumulo.consumers.ts) ---------------------------------------------

  /**
   * A contract registered at the sportello: its wage cost becomes the cap of the contributions for its
   * assistant (`af:contratto:<id>`, the reference a B2 istanza names in `contrattoAssistente`). Once per
   * event (inbox); a contract without cost (0) has no cap to give and is not recorded.
   */
  async contrattoRegistrato(
    durable: string,
    envelope: EventEnvelope<string, ContrattoRegistratoV1>,
  ): Promise<void> {
    const p = envelope.payload;
    await handleOnce(this.dataSource, durable, envelope, async (m) => {
      if (p.costoMensileCentesimi <= 0) {
        this.logger.warn({ eventId: envelope.id }, 'contratto senza costo mensile: non entra nel cumulo');
        return;
      }
      await registraContratto(m, {
        riferimento: riferimentoContrattoAf(p.contrattoId),
        ambito: this.ambito,
        assistenteRiferimento: p.assistenteId
          ? `af:assistente:${p.assistenteId}`
          : riferimentoContrattoAf(p.contrattoId),
        personaId: p.personaId,
        costoMensileCentesimi: p.costoMensileCentesimi,
        dal: p.dataInizio,
        al: null,
        origine: 'assistenti-familiari',
        da: SERVIZIO,
      });
    });
  }

  /**
   * The Bonus a family reports granted: its amount, spread over the months of its annualità, counts for
   * the contract (`af:bonus:<verificaId>`). A Bonus refused (or of nothing) adds nothing. The contract's
   * own event may come later (another durable): until then the event fails and comes back.
   */
  async bonusRegistrato(
    durable: string,
    envelope: EventEnvelope<string, EsitoBonusRegistratoV1>,
  ): Promise<void> {
    const p = envelope.payload;
    await handleOnce(this.dataSource, durable, envelope, async (m) => {
      if (p.esito !== 'accolta' || p.importoCentesimi <= 0) return;
      const contratto = riferimentoContrattoAf(p.contrattoId);
      if (!(await contrattoBloccato(m, this.ambito, contratto)))
        throw new DomainError(
          'CONTRATTO_ASSISTENTE_NON_TROVATO',
          `Il contratto ${contratto} del Bonus non è ancora registrato: l’evento sarà riconsegnato.`,
        );
      const dal = `${p.annualita}-01-01`;
      const al = `${p.annualita}-12-31`;
      await this.registraContributo(
        m,
        {
          contratto,
          misura: 'bonus-assistenti-familiari',
          riferimento: `af:bonus:${p.verificaId}`,
          mensileCentesimi: quotaMensile(p.importoCentesimi, mesiTra(dal, al).length),
          dal,
          al,
        },
        'registra',
        SERVIZIO,
      );
    });
  }

  // Requests of the Ufficio di Piano --------------------------------------------------------------------

  async registraContrattoRichiesta(dto: RegistraContrattoAssistenteV1): Promise<EsitoCumuloV1> {
    const actor = currentActor();
    if (dto.al !== null && dto.al < dto.dal)
      throw new DomainError('DATA_NON_VALIDA', 'Il contratto finisce prima di cominciare.');
    return this.dataSource.transaction(async (m) => {
      await registraContratto(m, {
        riferimento: dto.riferimento,
        ambito: this.ambito,
        assistenteRiferimento: dto.assistenteRiferimento,
        personaId: dto.personaId,
        costoMensileCentesimi: dto.costoMensileCentesimi,
        dal: dto.dal,
        al: dto.al,
        origine: 'operatore',
        da: actor.userId,
      });
      // The answer: the first month's room for a new contribution (nothing asked).
      return this.verifica(m, {
        contratto: dto.riferimento,
        mese: dto.dal,
        misura: 'b2',
        riferimento: '-',
        richiestoCentesimi: 0,
      });
    });
  }

  async registraContributoRichiesta(dto: RegistraContributoAssistenteV1): Promise<EsitoCumuloV1> {
    const actor = currentActor();
    if (dto.al < dto.dal) throw new DomainError('DATA_NON_VALIDA', 'Il periodo finisce prima di cominciare.');
    const mesi = mesiTra(dto.dal, dto.al).length;
    const mensile =
      dto.modalita === 'totale' ? quotaMensile(dto.importoCentesimi, mesi) : dto.importoCentesimi;
    return this.dataSource.transaction((m) =>
      this.registraContributo(
        m,
        {
          contratto: dto.contrattoRiferimento,
          misura: dto.misura,
          riferimento: dto.riferimento,
          mensileCentesimi: mensile,
          dal: dto.dal,
          al: dto.al,
        },
        'rifiuta',
        actor.userId,
      ),
    );
  }

  async verificaRichiesta(dto: VerificaCumuloV1): Promise<EsitoCumuloV1> {
    return this.dataSource.transaction((m) =>
      this.verifica(m, {
        contratto: dto.contrattoRiferimento,
        mese: dto.mese,
        misura: dto.misura,
        riferimento: dto.riferimento,
        richiestoCentesimi: dto.richiestoCentesimi,
      }),
    );
  }
}
