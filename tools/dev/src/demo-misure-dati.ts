import type { Area, SogliaIseeV1, RegoleMisuraV1, StrumentoMisuraV1 } from '@ambito/contracts';
import type { IstanzaGenerata } from '@ambito/testing';
import * as codiceFiscaleJs from 'codice-fiscale-js';

/*
 * The pure part of the misure demo (demo-misure.ts): fictional people with valid codici fiscali, and
 * the budgets of the B2 graduatorie chosen from the istanze so that the approved graduatoria is within
 * the articoli's money and leaves some istanze idonee non finanziate.
 */

// The CommonJS build exports `CodiceFiscale` by name (its typings declare a default export).
const CF = (
  codiceFiscaleJs as unknown as {
    CodiceFiscale: { compute(dati: Record<string, unknown>): string };
  }
).CodiceFiscale;

const COGNOMI = [
  'Rossi',
  'Bianchi',
  'Ferrari',
  'Bertolotti',
  'Cattaneo',
  'Marchesi',
  'Bonizzi',
  'Vailati',
  'Tadi',
  'Severgnini',
  'Zucchetti',
  'Guerini',
  'Locatelli',
  'Bettinelli',
  'Pagliari',
  'Fusar Poli',
  'Donati',
  'Moretti',
  'Barbieri',
  'Lucchi',
  'Tolasi',
  'Manclossi',
  'Scartabellati',
  'Pandini',
  'Ogliari',
  'Cremonesi',
  'Bressanelli',
  'Stringhi',
  'Dossena',
  'Cerioli',
  'Zaninelli',
  'Mariani',
  'Piloni',
  'Aiolfi',
  'Benelli',
  'Carelli',
  'Gallo',
  'Colombo',
  'Rizzi',
  'Sangiovanni',
];
const NOMI_F = [
  'Maria',
  'Anna',
  'Giuseppina',
  'Rosa',
  'Angela',
  'Teresa',
  'Lucia',
  'Carla',
  'Franca',
  'Luigia',
  'Elena',
  'Paola',
  'Silvia',
  'Chiara',
  'Sara',
  'Giulia',
  'Martina',
  'Alice',
  'Sofia',
  'Emma',
];
const NOMI_M = [
  'Giuseppe',
  'Giovanni',
  'Antonio',
  'Luigi',
  'Angelo',
  'Francesco',
  'Mario',
  'Carlo',
  'Pietro',
  'Battista',
  'Marco',
  'Andrea',
  'Luca',
  'Stefano',
  'Matteo',
  'Davide',
  'Lorenzo',
  'Tommaso',
  'Leonardo',
  'Riccardo',
];
/** Birthplaces of the demo people: name, province and Belfiore code (accesso's `luogoNascita`). */
const LUOGHI_NASCITA: Array<[nome: string, provincia: string, belfiore: string]> = [
  ['Crema', 'CR', 'D142'],
  ['Crema', 'CR', 'D142'],
  ['Crema', 'CR', 'D142'],
  ['Cremona', 'CR', 'D150'],
  ['Lodi', 'LO', 'E648'],
  ['Milano', 'MI', 'F205'],
  ['Bergamo', 'BG', 'A794'],
];

export interface PersonaDemo {
  codiceFiscale: string;
  cognome: string;
  nome: string;
  dataNascita: string;
  sesso: 'M' | 'F';
  luogoNascita: string;
}

/**
 * A fictional person born on `dataNascita`, picked by `caso` (a seeded generator): the codice fiscale
 * is computed from the data (check character included), and differs from those in `usati`.
 */
export function personaDemo(caso: () => number, dataNascita: string, usati: Set<string>): PersonaDemo {
  const [anno, mese, giorno] = dataNascita.split('-').map(Number);
  for (let tentativo = 0; ; tentativo++) {
    const sesso = caso() < 0.5 ? 'F' : 'M';
    const nomi = sesso === 'F' ? NOMI_F : NOMI_M;
    const cognome = COGNOMI[Math.floor(caso() * COGNOMI.length)];
    const nome = nomi[Math.floor(caso() * nomi.length)];
    const [luogo, provincia, belfiore] = LUOGHI_NASCITA[Math.floor(caso() * LUOGHI_NASCITA.length)];
    const codiceFiscale = CF.compute({
      name: nome,
      surname: cognome,
      gender: sesso,
      day: giorno,
      month: mese,
      year: anno,
      birthplace: luogo,
      birthplaceProvincia: provincia,
    });
    if (!usati.has(codiceFiscale) || tentativo > 50) {
      usati.add(codiceFiscale);
      return { codiceFiscale, cognome, nome, dataNascita, sesso, luogoNascita: belfiore };
    }
  }
}

/** The monthly amount an istanza would get under the rule set's strumento (hour bands for contracts). */
export function importoMensileStimato(istanza: IstanzaGenerata, strumento: StrumentoMisuraV1): number {
  const contratto = istanza.dati.contrattoAssistente;
  if (!contratto) return strumento.importoCentesimi;
  const fascia = [...(strumento.fasceOre ?? [])]
    .sort((a, b) => b.oreSettimanaliMinime - a.oreSettimanaliMinime)
    .find((f) => contratto.oreSettimanali >= f.oreSettimanaliMinime);
  const importo = fascia ? fascia.importoCentesimi : strumento.importoCentesimi;
  // The buono and the other contributions for the same assistant do not exceed the contract's cost.
  return Math.max(
    0,
    Math.min(importo, contratto.costoMensileCentesimi - contratto.altriContributiMensiliCentesimi),
  );
}

/** Whether the generated istanza is likely admitted: the cases the generator makes non-ammissibili are not. */
export function probabilmenteAmmissibile(istanza: IstanzaGenerata, isee: SogliaIseeV1 | undefined): boolean {
  const { dati } = istanza;
  const sottoSoglia = isee ? dati.isee.every((a) => a.valoreCentesimi <= isee.sogliaCentesimi) : true;
  return (
    sottoSoglia &&
    !dati.altreMisure.some((m) => m.misura === 'b1') &&
    dati.presaInCarico.valutazioneCompletata &&
    dati.presaInCarico.progettoApprovato
  );
}

export interface BudgetGraduatoria {
  area: Area;
  strumento: string;
  linea: string;
  /** What the likely ammissibili would cost over the avviso's months. */
  fabbisognoCentesimi: number;
  budgetCentesimi: number;
}

/**
 * The budget of each B2 graduatoria (area × strumento of the istanze): `quota` of its estimated need,
 * rounded down to € 1.000, then scaled down so that the graduatorie of one articolo stay within its
 * money (`disponibile`, by linea). A budget below the need leaves the last istanze idonee non finanziate.
 */
export function budgetGraduatorieB2(
  istanze: IstanzaGenerata[],
  regole: RegoleMisuraV1,
  mesi: number,
  lineaPerArea: Record<Area, string>,
  disponibile: Record<string, number>,
  quota = 0.7,
): BudgetGraduatoria[] {
  const fabbisogno = new Map<string, BudgetGraduatoria>();
  for (const istanza of istanze) {
    const strumento = regole.parametri.strumenti.find((s) => s.codice === istanza.strumento);
    if (!strumento) throw new Error(`strumento ${istanza.strumento} non nelle regole`);
    const chiave = `${istanza.area}|${istanza.strumento}`;
    const voce = fabbisogno.get(chiave) ?? {
      area: istanza.area,
      strumento: istanza.strumento,
      linea: lineaPerArea[istanza.area],
      fabbisognoCentesimi: 0,
      budgetCentesimi: 0,
    };
    const fascia = regole.parametri.requisiti.fasce.find((f) => f.area === istanza.area);
    if (probabilmenteAmmissibile(istanza, fascia?.isee))
      voce.fabbisognoCentesimi += importoMensileStimato(istanza, strumento) * mesi;
    fabbisogno.set(chiave, voce);
  }
  const mille = 100_000;
  const voci = [...fabbisogno.values()].sort((a, b) =>
    `${a.area}|${a.strumento}`.localeCompare(`${b.area}|${b.strumento}`),
  );
  for (const v of voci) v.budgetCentesimi = Math.floor((v.fabbisognoCentesimi * quota) / mille) * mille;
  for (const linea of new Set(voci.map((v) => v.linea))) {
    const stesse = voci.filter((v) => v.linea === linea);
    const totale = stesse.reduce((t, v) => t + v.budgetCentesimi, 0);
    const soldi = disponibile[linea] ?? 0;
    if (totale > soldi)
      for (const v of stesse)
        v.budgetCentesimi = Math.floor((v.budgetCentesimi * soldi) / totale / mille) * mille;
  }
  return voci.filter((v) => v.budgetCentesimi > 0);
}

/** Runs `fn` on every item, at most `quanti` at a time; the results in the items' order. */
export async function aGruppi<T, R>(
  items: T[],
  quanti: number,
  fn: (item: T, i: number) => Promise<R>,
): Promise<R[]> {
  const risultati: R[] = new Array(items.length);
  let prossimo = 0;
  const lavoratore = async () => {
    while (prossimo < items.length) {
      const i = prossimo++;
      risultati[i] = await fn(items[i], i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(quanti, items.length) }, lavoratore));
  return risultati;
}
