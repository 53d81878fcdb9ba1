import type { RegolaValutataV1, StrumentoMisuraV1 } from '@ambito/contracts';
import { nonSoddisfatta, soddisfatta, type Contesto } from './contesto';
import { euro, ilPercento } from './formato';
import { percentuale, riduzioneIsee } from './isee-riduzione';

export interface Importo {
  regole: RegolaValutataV1[];
  /** Monthly amount (monthly strumenti); null for total strumenti or when none is due. */
  mensileCentesimi: number | null;
  /** Monthly × months, or the project's total; null when none is due. */
  totaleCentesimi: number | null;
}

const NESSUNO = (regole: RegolaValutataV1[]): Importo => ({
  regole,
  mensileCentesimi: null,
  totaleCentesimi: null,
});

/** ISEE_RIDUZIONE: the amount reduced for the ISEE's band, when the band has reductions. */
function riduci(c: Contesto, importo: number): { importo: number; regole: RegolaValutataV1[] } {
  if (!c.fascia || c.fascia.isee.riduzioni.length === 0 || !c.isee) return { importo, regole: [] };
  const r = riduzioneIsee(c.fascia, c.isee.valoreCentesimi);
  if (!r)
    return {
      importo,
      regole: [
        soddisfatta('ISEE_RIDUZIONE', `ISEE ${euro(c.isee.valoreCentesimi)}: nessuna riduzione dell’importo`),
      ],
    };
  const ridotto = percentuale(importo, r.percentualeRiconosciuta);
  return {
    importo: ridotto,
    regole: [
      soddisfatta(
        'ISEE_RIDUZIONE',
        `ISEE ${euro(c.isee.valoreCentesimi)} oltre ${euro(r.oltreCentesimi)}: importo riconosciuto al ${r.percentualeRiconosciuta} %, da ${euro(importo)} a ${euro(ridotto)}`,
      ),
    ],
  };
}

/** The monthly base: the single amount, or the band of the contract's weekly hours (§1.3). */
function baseMensile(
  c: Contesto,
  s: StrumentoMisuraV1,
): { importo: number; come: string } | RegolaValutataV1 {
  if (s.fasceOre.length === 0) return { importo: s.importoCentesimi, come: '' };
  const k = c.dati.contrattoAssistente;
  if (!k)
    return nonSoddisfatta('IMPORTO_MENSILE', 'Importo graduato sulle ore di contratto: manca il contratto');
  const fasce = [...s.fasceOre].sort((a, b) => b.oreSettimanaliMinime - a.oreSettimanaliMinime);
  const fascia = fasce.find((f) => k.oreSettimanali >= f.oreSettimanaliMinime);
  if (!fascia)
    return nonSoddisfatta(
      'IMPORTO_MENSILE',
      `${k.oreSettimanali} ore settimanali di contratto, sotto la fascia minima di ${fasce[fasce.length - 1].oreSettimanaliMinime} ore`,
    );
  return {
    importo: Math.min(fascia.importoCentesimi, s.importoCentesimi),
    come: ` (${k.oreSettimanali} ore settimanali: fascia da ${fascia.oreSettimanaliMinime} ore)`,
  };
}

/**
 * CUMULO_ASSISTENTE: for the same assistant, this amount and the other public contributions stay within
 * the contract's monthly cost (rule 10): the amount is reduced to fit, refused if nothing fits.
 */
function cumulo(c: Contesto, importo: number): { importo: number; regola: RegolaValutataV1 } | null {
  const k = c.dati.contrattoAssistente;
  if (c.strumento?.presupposto !== 'contratto-assistente' || !k) return null;
  const altri = k.altriContributiMensiliCentesimi;
  const costo = k.costoMensileCentesimi;
  const valori = `${euro(importo)} + altri contributi ${euro(altri)}`;
  if (importo + altri <= costo)
    return {
      importo,
      regola: soddisfatta(
        'CUMULO_ASSISTENTE',
        `${valori} entro il costo mensile dell’assistente di ${euro(costo)}`,
      ),
    };
  const spazio = costo - altri;
  if (spazio <= 0)
    return {
      importo: 0,
      regola: nonSoddisfatta(
        'CUMULO_ASSISTENTE',
        `Gli altri contributi per lo stesso assistente (${euro(altri)}) coprono già il costo mensile di ${euro(costo)}`,
      ),
    };
  return {
    importo: spazio,
    regola: soddisfatta(
      'CUMULO_ASSISTENTE',
      `${valori} oltre il costo mensile dell’assistente di ${euro(costo)}: importo ridotto a ${euro(spazio)}`,
    ),
  };
}

function mensile(c: Contesto, s: StrumentoMisuraV1): Importo {
  const base = baseMensile(c, s);
  if ('codice' in base) return NESSUNO([base]);
  const regole: RegolaValutataV1[] = [];
  let lordo = base.importo;
  if (s.percentualeCostoMassima !== null) {
    // A monthly contribution on a monthly cost (e.g. Dopo di Noi B1: the rent, at most 80 %).
    const spesa = costo(c);
    if (spesa === null)
      return NESSUNO([nonSoddisfatta('IMPORTO_MENSILE', 'Manca il costo mensile dell’intervento')]);
    const quota = percentuale(spesa, s.percentualeCostoMassima);
    regole.push(
      soddisfatta(
        'PERCENTUALE_COSTO',
        `Al massimo ${ilPercento(s.percentualeCostoMassima)} del costo mensile di ${euro(spesa)}: ${euro(quota)}`,
      ),
    );
    lordo = Math.min(lordo, quota);
    if (lordo <= 0)
      return NESSUNO([...regole, nonSoddisfatta('IMPORTO_MENSILE', 'Nessun importo mensile riconoscibile')]);
  }
  const ridotto = riduci(c, lordo);
  regole.push(...ridotto.regole);
  let importo = ridotto.importo;
  const cumulato = cumulo(c, importo);
  if (cumulato) {
    regole.push(cumulato.regola);
    importo = cumulato.importo;
    if (cumulato.regola.esito === 'non-soddisfatta') return NESSUNO(regole);
  }
  const totale = importo * c.mesi;
  regole.push(
    soddisfatta(
      'IMPORTO_MENSILE',
      `Importo mensile ${euro(importo)}${base.come} per ${c.mesi} mesi: ${euro(totale)}`,
    ),
  );
  return { regole, mensileCentesimi: importo, totaleCentesimi: totale };
}

/** The cost a total strumento covers: the Pro.Vi. project, or the Dopo di Noi intervention. */
function costo(c: Contesto): number | null {
  if (c.parametri.proVi) return c.dati.proVi?.costoProgettoCentesimi ?? null;
  return c.dati.dopoDiNoi?.costoInterventoCentesimi ?? c.dati.proVi?.costoProgettoCentesimi ?? null;
}

/**
 * PERCENTUALE_COSTO and IMPORTO_TOTALE: a total strumento grants the least of its cap, its percentage of
 * the cost (e.g. 70 % of an adaptation, §2.7) and the cost itself; then the ISEE reduction.
 */
function totale(c: Contesto, s: StrumentoMisuraV1): Importo {
  const spesa = costo(c);
  if (spesa === null)
    return NESSUNO([nonSoddisfatta('IMPORTO_TOTALE', 'Manca il costo dell’intervento o del progetto')]);
  const regole: RegolaValutataV1[] = [];
  let importo = Math.min(s.importoCentesimi, spesa);
  let come = `il minore fra il massimale di ${euro(s.importoCentesimi)} e il costo di ${euro(spesa)}`;
  if (s.percentualeCostoMassima !== null) {
    const quota = percentuale(spesa, s.percentualeCostoMassima);
    regole.push(
      soddisfatta(
        'PERCENTUALE_COSTO',
        `Al massimo ${ilPercento(s.percentualeCostoMassima)} del costo di ${euro(spesa)}: ${euro(quota)}`,
      ),
    );
    importo = Math.min(importo, quota);
    come = `il minore fra il massimale di ${euro(s.importoCentesimi)}, ${ilPercento(s.percentualeCostoMassima)} del costo (${euro(quota)}) e il costo di ${euro(spesa)}`;
  }
  const ridotto = riduci(c, importo);
  regole.push(...ridotto.regole);
  if (ridotto.importo <= 0)
    return NESSUNO([...regole, nonSoddisfatta('IMPORTO_TOTALE', `Nessun importo riconoscibile: ${come}`)]);
  regole.push(soddisfatta('IMPORTO_TOTALE', `Contributo di ${euro(ridotto.importo)}: ${come}`));
  return { regole, mensileCentesimi: null, totaleCentesimi: ridotto.importo };
}

/** The amount of the strumento: monthly for the avviso's months, or a total for the project. */
export function importo(c: Contesto): Importo {
  const s = c.strumento;
  if (!s) return NESSUNO([]);
  return s.modalita === 'mensile' ? mensile(c, s) : totale(c, s);
}
