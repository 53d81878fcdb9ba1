import type { Area, DatiIstanzaV1, MisuraDichiarataV1 } from '@ambito/contracts';

/*
 * Realistic B2 istanze, generated from a seed: the demo's ~200, the benchmark's 100,000 and the tests'
 * mixes share one generator, so what the demo shows is what the benchmark measures. Proportions follow
 * the Ambito's own split (elderly first, then disabled adults, then minors) and leave a share of cases
 * every istruttoria meets: an ISEE over the threshold, an expired DSU, a B1 already held, a difformità.
 */

/** Deterministic PRNG (mulberry32): the same seed gives the same istanze. */
export function generatoreCasuale(seme: number): () => number {
  let a = seme >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface IstanzaGenerata {
  area: Area;
  strumento: 'buono-caregiver' | 'buono-assistente-familiare' | 'voucher-minori';
  dati: DatiIstanzaV1;
}

export interface OpzioniGenerazione {
  /** Year of the avviso: ages and DSU dates are relative to it. */
  annualita: number;
  seme?: number;
}

const due = (n: number) => String(n).padStart(2, '0');
const giorno = (anno: number, mese: number, g: number) => `${anno}-${due(mese)}-${due(g)}`;

function protocolloDsu(anno: number, n: number): string {
  const lettere = 'ABCDEFGHLMNPQRSTUVZ';
  return `INPS-ISEE-${anno}-${String(n % 100000000).padStart(8, '0')}${lettere[n % lettere.length]}-00`;
}

/** `quante` istanze of a B2 avviso; index `i` always gives the same istanza for the same seed. */
export function generaIstanzeB2(quante: number, opzioni: OpzioniGenerazione): IstanzaGenerata[] {
  const caso = generatoreCasuale(opzioni.seme ?? 2025);
  const anno = opzioni.annualita;
  const fra = (min: number, max: number) => min + Math.floor(caso() * (max - min + 1));
  const risultato: IstanzaGenerata[] = [];
  for (let i = 0; i < quante; i++) {
    const r = caso();
    const area: Area = r < 0.55 ? 'anziani' : r < 0.85 ? 'disabili-adulti' : 'minori';
    const eta = area === 'anziani' ? fra(65, 98) : area === 'disabili-adulti' ? fra(18, 64) : fra(1, 17);
    const dataNascita = giorno(anno - eta - 1, fra(1, 12), fra(1, 28));
    const minore = area === 'minori';
    const strumento: IstanzaGenerata['strumento'] = minore
      ? caso() < 0.5
        ? 'voucher-minori'
        : 'buono-caregiver'
      : caso() < 0.7
        ? 'buono-caregiver'
        : 'buono-assistente-familiare';
    // ISEE in euros: most under the threshold, about one in ten over it.
    const soglia = minore ? 40000 : 25000;
    const iseeEuro = caso() < 0.9 ? fra(1500, soglia) : fra(soglia + 1, soglia * 2);
    const presentazioneDsu =
      caso() < 0.03 ? giorno(anno - 1, fra(1, 12), fra(1, 28)) : giorno(anno, fra(1, 3), fra(1, 28));
    const riconoscimenti: DatiIstanzaV1['riconoscimenti'] = [];
    if (caso() < 0.75 || minore)
      riconoscimenti.push({
        condizione: 'l104-art3-c3',
        percentuale: null,
        dataRiconoscimento: giorno(anno - fra(1, 10), fra(1, 12), fra(1, 28)),
        dataRevisione: null,
      });
    if (caso() < 0.6 || riconoscimenti.length === 0)
      riconoscimenti.push({
        condizione: minore ? 'indennita-frequenza' : 'indennita-accompagnamento',
        percentuale: null,
        dataRiconoscimento: giorno(anno - fra(1, 10), fra(1, 12), fra(1, 28)),
        dataRevisione: null,
      });
    if (!minore && caso() < 0.5)
      riconoscimenti.push({
        condizione: 'invalidita-civile',
        percentuale: 100,
        dataRiconoscimento: giorno(anno - fra(1, 10), fra(1, 12), fra(1, 28)),
        dataRevisione: null,
      });
    const altreMisure: MisuraDichiarataV1[] = [];
    if (caso() < 0.04)
      altreMisure.push({ misura: 'b1', dal: giorno(anno - 1, fra(1, 12), 1), al: null, giorni: null });
    if (caso() < 0.2)
      altreMisure.push({ misura: 'sad', dal: giorno(anno - 1, fra(1, 12), 1), al: null, giorni: null });
    const assistente = strumento === 'buono-assistente-familiare';
    risultato.push({
      area,
      strumento,
      dati: {
        dataNascita,
        residenteNellAmbito: true,
        alDomicilio: true,
        disabilitaDaSenilita: area === 'anziani' ? true : false,
        isee: [
          {
            tipo: minore ? 'ordinario' : 'sociosanitario',
            valoreCentesimi: iseeEuro * 100 + fra(0, 99),
            protocolloDsu: protocolloDsu(Number(presentazioneDsu.slice(0, 4)), 10_000_000 + i),
            dataPresentazione: presentazioneDsu,
            difformita: caso() < 0.02,
          },
        ],
        riconoscimenti,
        caregiver: assistente
          ? null
          : { parentela: caso() < 0.6 ? 'parente-1-grado' : 'coniuge', convivente: caso() < 0.7 },
        contrattoAssistente: assistente
          ? {
              oreSettimanali: fra(10, 54),
              dataInizio: giorno(anno - fra(0, 3), fra(1, 12), 1),
              costoMensileCentesimi: fra(900, 1900) * 100,
              altriContributiMensiliCentesimi: caso() < 0.2 ? 20000 : 0,
            }
          : null,
        altreMisure,
        frequenzaDiurnaOreSettimanali: caso() < 0.15 ? fra(4, 30) : null,
        dopoDiNoi: null,
        proVi: null,
        presaInCarico: {
          valutazioneCompletata: caso() < 0.97,
          valutazioneClinicaSociale: caso() < 0.5,
          progettoApprovato: caso() < 0.95,
          budgetDiProgetto: false,
        },
      },
    });
  }
  return risultato;
}
