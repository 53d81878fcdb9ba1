import type { ParametroScadenzaAdiV1, ScadenzaAdiV1, TipoScadenzaAdi } from '@ambito/contracts';

/**
 * The ADI deadlines of a household (regole-lombardia.md §7.1, rule 24), a pure function of the facts of
 * its cartella and of the versioned parameters (table parametro_normativo, codes below): the presa in
 * carico within the legal and the recommended days from the PAD, then a verifica every N days from the
 * approved patto and from each verifica. The parameters of the presa in carico are those in force on the
 * PAD date, the verifica's those in force on the date it counts from; each deadline names the parameter
 * version it used.
 */
export const CODICI_PARAMETRI_ADI = {
  'presa-in-carico-legale': 'adi.presa-in-carico.giorni-legali',
  'presa-in-carico-raccomandata': 'adi.presa-in-carico.giorni-raccomandati',
  'verifica-periodica': 'adi.verifica.giorni',
} as const satisfies Record<TipoScadenzaAdi, string>;

export interface ParametroAdi {
  codice: string;
  validoDal: string;
  validoAl: string | null;
  valore: number;
  atto: string;
}

/** What the cartella says of the household since its PAD. */
export interface FattiNucleoAdi {
  dataPad: string;
  /** The first valutazione (Analisi Preliminare) on or after the PAD: the presa in carico. */
  primaValutazione: string | null;
  /** The first approval of a patto (PaIS) on or after the PAD. */
  pattoApprovatoIl: string | null;
  /** Dates of the verifiche of the patto on or after its approval. */
  verifiche: string[];
}

/** The version of `codice` in force on `giorno`, if any. */
export function parametroInVigore(
  parametri: readonly ParametroAdi[],
  codice: string,
  giorno: string,
): ParametroAdi | null {
  return (
    parametri
      .filter(
        (p) => p.codice === codice && p.validoDal <= giorno && (p.validoAl === null || p.validoAl >= giorno),
      )
      .sort((a, b) => b.validoDal.localeCompare(a.validoDal))[0] ?? null
  );
}

export function aggiungiGiorni(giorno: string, giorni: number): string {
  const d = new Date(`${giorno}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + giorni);
  return d.toISOString().slice(0, 10);
}

function parametroV1(p: ParametroAdi): ParametroScadenzaAdiV1 {
  return { codice: p.codice, validoDal: p.validoDal, giorni: p.valore, atto: p.atto };
}

function scadenza(
  tipo: TipoScadenzaAdi,
  p: ParametroAdi,
  da: string,
  rispettataIl: string | null,
  oggi: string,
): ScadenzaAdiV1 {
  const giorno = aggiungiGiorni(da, p.valore);
  return {
    tipo,
    scadenza: giorno,
    // Met (even late) is no longer an alert; not met is overdue the day after its deadline.
    stato: rispettataIl !== null ? 'rispettata' : oggi > giorno ? 'scaduta' : 'aperta',
    rispettataIl,
    parametro: parametroV1(p),
  };
}

/**
 * The household's deadlines on `oggi`. The legal presa in carico needs a parameter in force on the PAD
 * (`registrabile` checks it before a household is taken in); the recommended one applies only where the
 * DM 72/2024 was in force; the verifica only once a patto is approved.
 */
export function scadenzeAdi(
  f: FattiNucleoAdi,
  parametri: readonly ParametroAdi[],
  oggi: string,
): ScadenzaAdiV1[] {
  const risultato: ScadenzaAdiV1[] = [];
  for (const tipo of ['presa-in-carico-legale', 'presa-in-carico-raccomandata'] as const) {
    const p = parametroInVigore(parametri, CODICI_PARAMETRI_ADI[tipo], f.dataPad);
    if (p) risultato.push(scadenza(tipo, p, f.dataPad, f.primaValutazione, oggi));
  }
  if (f.pattoApprovatoIl) {
    const ultima = [f.pattoApprovatoIl, ...f.verifiche].sort().at(-1)!;
    const p = parametroInVigore(parametri, CODICI_PARAMETRI_ADI['verifica-periodica'], ultima);
    if (p) risultato.push(scadenza('verifica-periodica', p, ultima, null, oggi));
  }
  return risultato;
}

/** Why a household cannot be taken in on its PAD date (no legal deadline in force), or null. */
export function motivoNonRegistrabile(dataPad: string, parametri: readonly ParametroAdi[]): string | null {
  const codice = CODICI_PARAMETRI_ADI['presa-in-carico-legale'];
  return parametroInVigore(parametri, codice, dataPad)
    ? null
    : `nessuna regola ADI in vigore alla data del PAD (${dataPad}): parametro ${codice}`;
}
