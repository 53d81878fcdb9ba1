import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { DomainError, type CategoriaLinea } from '@ambito/contracts';
import { Money } from '@ambito/kernel';
import { istruzionePreparata } from '@ambito/messaging';
import { cents } from '../database/sql';

interface Regola {
  id: string;
  valido_dal: string;
  tipo: 'categoria-ammessa' | 'quota-massima' | 'cofinanziamento-minimo';
  categoria: CategoriaLinea;
  punti_base: number | null;
  fondo_cofinanziamento: string | null;
  atto: string;
  atto_numero: string | null;
  atto_data: string | null;
}

/**
 * What a dotazione was decided on, stored with it: the versions of the rules in force (id, validity,
 * act) and the figures they were applied to, so the decision can be explained after the law changes.
 */
export interface DecisioneDotazione {
  /** The date the rules were taken at: the annualità's, never the day of the operation. */
  regoleAl: string;
  categoria: CategoriaLinea;
  assegnatoCentesimi: number;
  importoCentesimi: number;
  regole: Array<{
    id: string;
    tipo: Regola['tipo'];
    categoria: CategoriaLinea;
    puntiBase: number | null;
    validoDal: string;
    atto: string;
    attoNumero: string | null;
    attoData: string | null;
    dotatoCategoriaPrimaCentesimi?: number;
  }>;
}

function applicata(r: Regola): DecisioneDotazione['regole'][number] {
  return {
    id: r.id,
    tipo: r.tipo,
    categoria: r.categoria,
    puntiBase: r.punti_base,
    validoDal: r.valido_dal,
    atto: r.atto,
    attoNumero: r.atto_numero,
    attoData: r.atto_data,
  };
}

const percentuale = (puntiBase: number) => `${(puntiBase / 100).toLocaleString('it-IT')}%`;

/** `importo × puntiBase / 10000`, rounded down to the cent (a ceiling is never exceeded by rounding). */
function quota(importo: number, puntiBase: number): number {
  return Money.ofCents((BigInt(importo) * BigInt(puntiBase)) / 10_000n).toCents();
}

/**
 * The date at which an annualità's rules are taken: the date of the act that assigned it (the first
 * assegnazione). Money of FNA 2019 spent in esercizio 2020, or allocated years later, still follows the
 * rules in force when it was assigned, not those of the day of the operation.
 */
export async function dataRegoleAnnualita(manager: EntityManager, annualitaId: string): Promise<string> {
  const [riga] = await manager.query<Array<{ data: string | null }>>(
    `SELECT to_char(min(atto_data), 'YYYY-MM-DD') AS data FROM assegnazione WHERE annualita_id = $1`,
    [annualitaId],
  );
  if (!riga?.data) throw new Error(`annualità ${annualitaId} senza assegnazione`);
  return riga.data;
}

/**
 * The per-fund rules of table `regola_fondo`, each version with its act and validity dates, taken at
 * the annualità's date: the law is data, so a new DGR adds a version and changes no code, and an old
 * annualità keeps the rules it was assigned under.
 */
@Injectable()
export class RegoleFondo {
  private async inVigore(manager: EntityManager, fondo: string, alla: string): Promise<Regola[]> {
    return manager.query<Regola[]>(
      istruzionePreparata(`SELECT id::text, to_char(valido_dal, 'YYYY-MM-DD') AS valido_dal, tipo, categoria, punti_base,
              fondo_cofinanziamento, atto, atto_numero, to_char(atto_data, 'YYYY-MM-DD') AS atto_data
         FROM regola_fondo
        WHERE fondo = $1 AND valido_dal <= $2::date AND (valido_al IS NULL OR valido_al >= $2::date)`),
      [fondo, alla],
    );
  }

  /**
   * A fund finances only the kinds of line its rules admit (none listed: any), and the quota ceilings
   * (e.g. FSR ≤ 5% riequilibrio, ≤ 10% altri interventi) hold on the whole annualità after this one.
   * The caller holds the annualità's balance row locked, so concurrent allocations cannot both pass.
   */
  async verificaDotazione(
    manager: EntityManager,
    d: { fondo: string; annualitaId: string; assegnato: number; categoria: CategoriaLinea; importo: number },
  ): Promise<DecisioneDotazione> {
    const regoleAl = await dataRegoleAnnualita(manager, d.annualitaId);
    const regole = await this.inVigore(manager, d.fondo, regoleAl);
    const decisione: DecisioneDotazione = {
      regoleAl,
      categoria: d.categoria,
      assegnatoCentesimi: d.assegnato,
      importoCentesimi: d.importo,
      regole: [],
    };
    const ammesse = regole.filter((r) => r.tipo === 'categoria-ammessa');
    decisione.regole.push(...ammesse.map(applicata));
    if (ammesse.length > 0 && !ammesse.some((r) => r.categoria === d.categoria))
      throw new DomainError(
        'LINEA_NON_FINANZIABILE',
        `Il fondo ${d.fondo} non può finanziare linee di tipo "${d.categoria}" ` +
          `(ammesse: ${[...new Set(ammesse.map((r) => r.categoria))].join(', ')}; ${ammesse[0].atto}).`,
      );
    for (const r of regole.filter((x) => x.tipo === 'quota-massima' && x.categoria === d.categoria)) {
      const [gia] = await manager.query<Array<{ dotato: string | null }>>(
        `SELECT sum(d.importo_centesimi) AS dotato FROM dotazione d JOIN linea l ON l.id = d.linea_id
          WHERE d.annualita_id = $1 AND l.categoria = $2`,
        [d.annualitaId, d.categoria],
      );
      const massimo = quota(d.assegnato, r.punti_base!);
      const dopo = cents(gia.dotato) + d.importo;
      decisione.regole.push({ ...applicata(r), dotatoCategoriaPrimaCentesimi: cents(gia.dotato) });
      if (dopo > massimo)
        throw new DomainError(
          'QUOTA_FONDO_SUPERATA',
          `Il fondo ${d.fondo} può destinare a "${d.categoria}" al massimo il ${percentuale(r.punti_base!)} ` +
            `dell’assegnato (${Money.ofCents(massimo).format()}); con questa dotazione sarebbero ` +
            `${Money.ofCents(dopo).format()} (${r.atto}).`,
        );
    }
    return decisione;
  }

  /**
   * An articolo takes money only from the fund it is bound to, or from the fund the rules of that fund
   * name as its cofinanziamento for the articolo's kind (e.g. COFIN-AMBITO for a Pro.Vi. articolo of
   * FNA-PROVI). A line that is not an articolo is not bound.
   */
  async verificaVincolo(
    manager: EntityManager,
    linea: { codice: string; categoria: CategoriaLinea; fondo_vincolo: string | null },
    fondo: string,
  ): Promise<void> {
    if (linea.fondo_vincolo === null || linea.fondo_vincolo === fondo) return;
    const [cofinanziamento] = await manager.query<Array<{ si: boolean }>>(
      `SELECT EXISTS (SELECT 1 FROM regola_fondo WHERE fondo = $1 AND tipo = 'cofinanziamento-minimo'
                         AND categoria = $2 AND fondo_cofinanziamento = $3) AS si`,
      [linea.fondo_vincolo, linea.categoria, fondo],
    );
    if (!cofinanziamento.si)
      throw new DomainError(
        'FONDO_NON_VINCOLATO',
        `L’articolo ${linea.codice} è vincolato al fondo ${linea.fondo_vincolo}: non si dota con il fondo ${fondo}.`,
      );
  }

  /**
   * A line financed by a fund that requires cofinanziamento (Pro.Vi.: ≥ 20% d'Ambito) may commit money
   * only once the cofinanziamento reaches that share of everything allocated to the line.
   */
  async verificaCofinanziamento(
    manager: EntityManager,
    linea: { id: string; codice: string; categoria: CategoriaLinea },
  ): Promise<void> {
    // Each fund with the dates of its annualità on this line: the rules of each annualità apply.
    const fondi = await manager.query<Array<{ fondo: string; dotato: string; date: string[] }>>(
      istruzionePreparata(`SELECT a.fondo, sum(sd.dotato_centesimi) AS dotato, array_agg(DISTINCT x.data) AS date
         FROM saldo_dotazione sd JOIN annualita a ON a.id = sd.annualita_id
         JOIN LATERAL (SELECT to_char(min(atto_data), 'YYYY-MM-DD') AS data FROM assegnazione
                        WHERE annualita_id = a.id) x ON true
        WHERE sd.linea_id = $1 GROUP BY a.fondo`),
      [linea.id],
    );
    const totale = fondi.reduce((acc, f) => acc + cents(f.dotato), 0);
    for (const { fondo, date } of fondi) {
      const perId = new Map<string, Regola>();
      for (const alla of date)
        for (const r of await this.inVigore(manager, fondo, alla))
          if (r.tipo === 'cofinanziamento-minimo' && r.categoria === linea.categoria) perId.set(r.id, r);
      for (const r of perId.values()) {
        const cofinanziato = cents(fondi.find((f) => f.fondo === r.fondo_cofinanziamento)?.dotato);
        const minimo = quota(totale, r.punti_base!);
        // Compare cofinanziato/totale ≥ pb/10000 exactly, without the rounding of `minimo`.
        if (BigInt(cofinanziato) * 10_000n < BigInt(totale) * BigInt(r.punti_base!))
          throw new DomainError(
            'COFINANZIAMENTO_INSUFFICIENTE',
            `La linea ${linea.codice} richiede un cofinanziamento ${r.fondo_cofinanziamento} di almeno il ` +
              `${percentuale(r.punti_base!)} (${Money.ofCents(minimo).format()} su ` +
              `${Money.ofCents(totale).format()}); dotato: ${Money.ofCents(cofinanziato).format()} (${r.atto}).`,
          );
      }
    }
  }
}
