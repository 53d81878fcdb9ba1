import type {
  CausaFineBeneficio,
  CausaSospensione,
  EsitoErogazione,
  EsitoRegola,
  ModalitaMeseParziale,
  RegolaValutataV1,
} from '@ambito/contracts';
import { aggiungiGiorni, giorniTra, intersezione, numeroGiorno, primoDelMese, ultimoDelMese } from './giorni';

/*
 * The amount due for one beneficio and one month (issue 10, point 2; rules 7 and 9): a pure function of
 * the beneficio's period and end, its suspensions, the ISEE's validity and the rule set's way of paying
 * a partial month. The same inputs always give the same result, which is stored with them.
 *
 * A day is due when it is inside the beneficio's period, before its end (revoca, cessazione), not in a
 * suspension and within the ISEE's validity: only the days of care at home are paid (rule 9). A month
 * with every day due gets the monthly amount; a month with some days due gets, by the rule set,
 * the monthly amount × days due ÷ days of the month (rounded down to the cent) or nothing.
 */

export interface InputMese {
  /** `YYYY-MM-01`. */
  mese: string;
  beneficio: {
    dal: string;
    al: string;
    importoMensileCentesimi: number;
    terminaDal: string | null;
    causaFine: CausaFineBeneficio | null;
    iseeValidoAl: string | null;
  };
  /** The suspensions in force (annulled ones left out), any period. */
  sospensioni: Array<{ id: string; causa: CausaSospensione; dal: string; al: string | null }>;
  meseParziale: ModalitaMeseParziale;
}

export interface RisultatoMese {
  esito: EsitoErogazione;
  importoMensileCentesimi: number;
  importoDovutoCentesimi: number;
  giorniMese: number;
  giorniDovuti: number;
  motivo: string;
  regole: RegolaValutataV1[];
}

const MOTIVI_SOSPENSIONE: Record<CausaSospensione, string> = {
  'sollievo-oltre-limite': 'ricovero di sollievo oltre i giorni annui ammessi',
  'residenza-fuori-ambito': 'residenza fuori dall’Ambito',
  'misura-incompatibile': 'misura incompatibile percepita',
  'isee-scaduto': 'ISEE scaduto e non rinnovato',
  altro: 'sospensione registrata dall’Ufficio di Piano',
};

const MOTIVI_FINE: Record<CausaFineBeneficio, string> = {
  'ricovero-definitivo': 'revocato per accoglienza residenziale definitiva',
  decesso: 'cessato per decesso',
  rinuncia: 'cessato per rinuncia',
  decadenza: 'revocato per decadenza',
  revoca: 'revocato',
};

// One formatter for every month: toLocaleString builds a new one at each call (~7 s of CPU for 20,000
// benefici in tools/bench, liquidazioni).
const EURO = new Intl.NumberFormat('it-IT', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const euro = (centesimi: number): string => `€ ${EURO.format(centesimi / 100)}`;

const it = (data: string): string => `${data.slice(8, 10)}/${data.slice(5, 7)}/${data.slice(0, 4)}`;

export function calcolaMese(input: InputMese): RisultatoMese {
  const primo = primoDelMese(input.mese);
  const ultimo = ultimoDelMese(primo);
  const giorniMese = giorniTra(primo, ultimo);
  const b = input.beneficio;
  const regole: RegolaValutataV1[] = [];
  const regola = (codice: string, esito: EsitoRegola, motivo: string) =>
    regole.push({ codice, esito, motivo });

  // Every day of the month, true while due.
  const dovuti = new Array<boolean>(giorniMese).fill(true);
  const base = numeroGiorno(primo);
  const escludi = (dal: string, al: string | null): number => {
    const parte = intersezione(dal, al, primo, ultimo);
    if (!parte) return 0;
    let tolti = 0;
    for (let g = numeroGiorno(parte.dal); g <= numeroGiorno(parte.al); g++)
      if (dovuti[g - base]) {
        dovuti[g - base] = false;
        tolti++;
      }
    return tolti;
  };

  // The beneficio's period (the avviso's months).
  const fuoriPrima = b.dal > primo ? escludi(primo, aggiungiGiorni(b.dal, -1)) : 0;
  const fuoriDopo = b.al < ultimo ? escludi(aggiungiGiorni(b.al, 1), ultimo) : 0;
  if (fuoriPrima + fuoriDopo === 0)
    regola(
      'PERIODO_BENEFICIO',
      'soddisfatta',
      `Il mese è nel periodo del beneficio (${it(b.dal)}–${it(b.al)})`,
    );
  else
    regola(
      'PERIODO_BENEFICIO',
      'non-soddisfatta',
      `Il beneficio va dal ${it(b.dal)} al ${it(b.al)}: ${fuoriPrima + fuoriDopo} giorni del mese ne sono fuori`,
    );

  // Revoca or cessazione: nothing from its day.
  if (b.terminaDal === null)
    regola('FINE_BENEFICIO', 'soddisfatta', 'Il beneficio non è revocato né cessato');
  else {
    const tolti = escludi(b.terminaDal, null);
    const come = b.causaFine ? MOTIVI_FINE[b.causaFine] : 'terminato';
    regola(
      'FINE_BENEFICIO',
      b.terminaDal <= ultimo ? 'non-soddisfatta' : 'soddisfatta',
      b.terminaDal <= ultimo
        ? `Beneficio ${come} dal ${it(b.terminaDal)}: ${tolti} giorni del mese non dovuti`
        : `Beneficio ${come} dal ${it(b.terminaDal)}, dopo il mese`,
    );
  }

  // Suspensions (rules 7 and 9), each with its cause.
  const sospese = input.sospensioni
    .map((s) => ({ s, tolti: escludi(s.dal, s.al) }))
    .filter((x) => intersezione(x.s.dal, x.s.al, primo, ultimo));
  if (sospese.length === 0) regola('SOSPENSIONI', 'soddisfatta', 'Nessuna sospensione nel mese');
  else
    regola(
      'SOSPENSIONI',
      'non-soddisfatta',
      sospese
        .map(
          ({ s, tolti }) =>
            `${MOTIVI_SOSPENSIONE[s.causa]} dal ${it(s.dal)}${s.al ? ` al ${it(s.al)}` : ''} (${tolti} giorni del mese)`,
        )
        .join('; '),
    );

  // The ISEE's validity (rule 4): after its last day, nothing until it is renewed.
  if (b.iseeValidoAl === null)
    regola('ISEE_VALIDO', 'da-verificare', 'Validità dell’ISEE non registrata sul beneficio');
  else if (b.iseeValidoAl >= ultimo)
    regola('ISEE_VALIDO', 'soddisfatta', `ISEE valido fino al ${it(b.iseeValidoAl)}`);
  else {
    const tolti = escludi(aggiungiGiorni(b.iseeValidoAl, 1), null);
    regola(
      'ISEE_VALIDO',
      'non-soddisfatta',
      `ISEE scaduto il ${it(b.iseeValidoAl)} e non rinnovato: ${tolti} giorni del mese non dovuti`,
    );
  }

  const giorniDovuti = dovuti.filter(Boolean).length;
  const mensile = b.importoMensileCentesimi;
  let esito: EsitoErogazione;
  let importo: number;
  let motivo: string;
  if (giorniDovuti === giorniMese) {
    esito = 'dovuto';
    importo = mensile;
    motivo = `Mese interamente dovuto: ${euro(mensile)}`;
  } else if (giorniDovuti === 0) {
    esito = 'non-dovuto';
    importo = 0;
    motivo = 'Nessun giorno del mese è dovuto: nessun importo';
  } else if (input.meseParziale === 'pro-rata-giorni') {
    importo = Math.floor((mensile * giorniDovuti) / giorniMese);
    esito = importo > 0 ? 'ridotto' : 'non-dovuto';
    motivo = `Mese dovuto in parte: ${euro(mensile)} × ${giorniDovuti}/${giorniMese} giorni = ${euro(importo)}`;
  } else {
    esito = 'non-dovuto';
    importo = 0;
    motivo = `Mese dovuto solo per ${giorniDovuti} giorni su ${giorniMese}: le regole non pagano un mese parziale`;
  }
  if (giorniDovuti > 0 && giorniDovuti < giorniMese)
    regola(
      'MESE_PARZIALE',
      importo > 0 ? 'soddisfatta' : 'non-soddisfatta',
      input.meseParziale === 'pro-rata-giorni'
        ? `Mese parziale pagato in proporzione ai giorni (${giorniDovuti}/${giorniMese})`
        : 'Mese parziale non pagato (regole: nessun importo)',
    );
  return {
    esito,
    importoMensileCentesimi: mensile,
    importoDovutoCentesimi: importo,
    giorniMese,
    giorniDovuti,
    motivo,
    regole,
  };
}
