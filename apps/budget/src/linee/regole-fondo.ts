import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { DomainError, type CategoriaLinea } from '@ambito/contracts';
import { Money } from '@ambito/kernel';
import { OGGI_SQL, cents } from '../database/sql';

interface Regola {
  id: string;
  valido_dal: string;
  tipo: 'categoria-ammessa' | 'quota-massima' | 'cofinanziamento-minimo';
  categoria: CategoriaLinea;
  punti_base: number | null;
  fondo_cofinanziamento: string | null;
  atto: string;
}

/**
 * What a dotazione was decided on, stored with it: the versions of the rules in force (id, validity,
 * act) and the figures they were applied to, so the decision can be explained after the law changes.
 */
export interface DecisioneDotazione {
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
  };
}

const percentuale = (puntiBase: number) => `${(puntiBase / 100).toLocaleString('it-IT')}%`;

/** `importo × puntiBase / 10000`, rounded down to the cent (a ceiling is never exceeded by rounding). */
function quota(importo: number, puntiBase: number): number {
  return Money.ofCents((BigInt(importo) * BigInt(puntiBase)) / 10_000n).toCents();
}

/**
 * The per-fund rules of table `regola_fondo`, in force at today's date: the law is data with validity
 * periods and acts, so a new DGR changes a row, not this code.
 */
@Injectable()
export class RegoleFondo {
  private async inVigore(manager: EntityManager, fondo: string): Promise<Regola[]> {
    return manager.query<Regola[]>(
      `SELECT id::text, to_char(valido_dal, 'YYYY-MM-DD') AS valido_dal, tipo, categoria, punti_base,
              fondo_cofinanziamento, atto FROM regola_fondo
        WHERE fondo = $1 AND valido_dal <= ${OGGI_SQL} AND (valido_al IS NULL OR valido_al >= ${OGGI_SQL})`,
      [fondo],
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
    const regole = await this.inVigore(manager, d.fondo);
    const decisione: DecisioneDotazione = {
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
   * A line financed by a fund that requires cofinanziamento (Pro.Vi.: ≥ 20% d'Ambito) may commit money
   * only once the cofinanziamento reaches that share of everything allocated to the line.
   */
  async verificaCofinanziamento(
    manager: EntityManager,
    linea: { id: string; codice: string; categoria: CategoriaLinea },
  ): Promise<void> {
    const fondi = await manager.query<Array<{ fondo: string; dotato: string }>>(
      `SELECT a.fondo, sum(sd.dotato_centesimi) AS dotato FROM saldo_dotazione sd
         JOIN annualita a ON a.id = sd.annualita_id WHERE sd.linea_id = $1 GROUP BY a.fondo`,
      [linea.id],
    );
    const totale = fondi.reduce((acc, f) => acc + cents(f.dotato), 0);
    for (const { fondo } of fondi) {
      const regole = (await this.inVigore(manager, fondo)).filter(
        (r) => r.tipo === 'cofinanziamento-minimo' && r.categoria === linea.categoria,
      );
      for (const r of regole) {
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
