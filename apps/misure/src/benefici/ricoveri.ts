import type { TipoRicovero } from '@ambito/contracts';
import { aggiungiGiorni, etaAl, giorniTra } from '../erogazioni/giorni';

/*
 * What a person's ricoveri mean for a beneficio (rule 7, §1.4): a ricovero di sollievo is compatible up
 * to the rule set's days per calendar year (adults / minors); the days beyond are suspended. A
 * definitive residential admission revokes the beneficio from its first day. A hospital stay is
 * compatible (§1.4): it changes nothing. A pure function of the records, so re-deriving after any
 * ricovero event (or after a correction) gives the suspensions the records support, whatever the order
 * the events arrived in.
 */

export interface RicoveroDellaPersona {
  id: string;
  tipo: TipoRicovero;
  dal: string;
  al: string | null;
}

export interface LimitiSollievo {
  giorniMassimiAdulti: number;
  giorniMassimiMinori: number;
  etaMaggiore: number;
}

export interface SospensioneSollievo {
  /** `ricovero:<id>:<anno>`: one per ricovero and calendar year. */
  fonte: string;
  dal: string;
  /** null: the ricovero is still open. */
  al: string | null;
  dettaglio: {
    ricoveroId: string;
    anno: number;
    minore: boolean;
    limiteGiorni: number;
    giorniGiaUsati: number;
    giorniRicovero: number | null;
  };
}

/**
 * The sollievo suspensions of a person, per calendar year: the ricoveri di sollievo in start order;
 * each day counts towards its year's total; the days past the limit (of an adult or a minor, by the age
 * on the ricovero's first day in that year) are suspended. An open ricovero counts to the end of its
 * year, and its suspension stays open.
 */
export function sospensioniSollievo(
  ricoveri: readonly RicoveroDellaPersona[],
  dataNascita: string,
  limiti: LimitiSollievo,
): SospensioneSollievo[] {
  const tratti: Array<{ r: RicoveroDellaPersona; anno: number; dal: string; al: string; aperto: boolean }> =
    [];
  for (const r of ricoveri.filter((x) => x.tipo === 'sollievo').sort((a, b) => (a.dal < b.dal ? -1 : 1))) {
    const primoAnno = Number(r.dal.slice(0, 4));
    const ultimoAnno = r.al ? Number(r.al.slice(0, 4)) : primoAnno;
    for (let anno = primoAnno; anno <= ultimoAnno; anno++) {
      const dal = anno === primoAnno ? r.dal : `${anno}-01-01`;
      const fineAnno = `${anno}-12-31`;
      const al = r.al && r.al < fineAnno ? r.al : fineAnno;
      tratti.push({ r, anno, dal, al, aperto: r.al === null || r.al > fineAnno });
    }
  }
  const usatiPerAnno = new Map<number, number>();
  const risultato: SospensioneSollievo[] = [];
  for (const t of tratti.sort((a, b) => (a.dal < b.dal ? -1 : 1))) {
    const usati = usatiPerAnno.get(t.anno) ?? 0;
    const minore = etaAl(dataNascita, t.dal) < limiti.etaMaggiore;
    const limite = minore ? limiti.giorniMassimiMinori : limiti.giorniMassimiAdulti;
    const giorni = giorniTra(t.dal, t.al);
    usatiPerAnno.set(t.anno, usati + giorni);
    if (usati + giorni <= limite) continue;
    const ammessi = Math.max(0, limite - usati);
    risultato.push({
      fonte: `ricovero:${t.r.id}:${t.anno}`,
      dal: aggiungiGiorni(t.dal, ammessi),
      al: t.r.al === null ? null : t.al,
      dettaglio: {
        ricoveroId: t.r.id,
        anno: t.anno,
        minore,
        limiteGiorni: limite,
        giorniGiaUsati: usati,
        giorniRicovero: t.r.al === null ? null : giorni,
      },
    });
  }
  return risultato;
}

/** The first day of a definitive residential admission that covers the beneficio's period, if any. */
export function inizioRicoveroDefinitivo(
  ricoveri: readonly RicoveroDellaPersona[],
  periodo: { dal: string; al: string },
): string | null {
  const definitivi = ricoveri
    .filter((r) => r.tipo === 'residenziale-definitivo')
    .filter((r) => r.dal <= periodo.al && (r.al === null || r.al >= periodo.dal))
    .map((r) => (r.dal > periodo.dal ? r.dal : periodo.dal))
    .sort();
  return definitivi[0] ?? null;
}
