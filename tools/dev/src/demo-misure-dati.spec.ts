import type { Area, RegoleMisuraV1 } from '@ambito/contracts';
import { CodiceFiscale } from '@ambito/kernel';
import { generaIstanzeB2, generatoreCasuale } from '@ambito/testing';
import { aGruppi, budgetGraduatorieB2, importoMensileStimato, personaDemo } from './demo-misure-dati';

const LINEE: Record<Area, string> = { anziani: 'A', 'disabili-adulti': 'D', minori: 'M' };

/** The B2 strumenti and ISEE thresholds the budget selection reads (as in the default 2025 rule set). */
const REGOLE = {
  parametri: {
    requisiti: {
      fasce: [
        { area: 'minori', isee: { tipi: ['ordinario'], sogliaCentesimi: 4_000_000, riduzioni: [] } },
        {
          area: 'disabili-adulti',
          isee: { tipi: ['sociosanitario'], sogliaCentesimi: 2_500_000, riduzioni: [] },
        },
        { area: 'anziani', isee: { tipi: ['sociosanitario'], sogliaCentesimi: 2_500_000, riduzioni: [] } },
      ],
    },
    strumenti: [
      { codice: 'buono-caregiver', importoCentesimi: 10_000, fasceOre: [] },
      {
        codice: 'buono-assistente-familiare',
        importoCentesimi: 80_000,
        fasceOre: [
          { oreSettimanaliMinime: 10, importoCentesimi: 40_000 },
          { oreSettimanaliMinime: 20, importoCentesimi: 60_000 },
          { oreSettimanaliMinime: 30, importoCentesimi: 80_000 },
        ],
      },
      { codice: 'voucher-minori', importoCentesimi: 20_000, fasceOre: [] },
    ],
  },
} as unknown as RegoleMisuraV1;

describe('demo people', () => {
  it('have valid codici fiscali that encode their birth date and sex, all different', () => {
    const caso = generatoreCasuale(1);
    const usati = new Set<string>();
    const istanze = generaIstanzeB2(200, { annualita: 2026, seme: 2025 });
    const persone = istanze.map((i) => personaDemo(caso, i.dati.dataNascita, usati));
    expect(new Set(persone.map((p) => p.codiceFiscale)).size).toBe(200);
    for (const p of persone) {
      const cf = CodiceFiscale.parse(p.codiceFiscale);
      expect(cf.value).toBe(p.codiceFiscale);
      const [anno, mese, giorno] = p.dataNascita.split('-');
      expect(p.codiceFiscale.slice(6, 8)).toBe(anno.slice(2));
      expect(Number(p.codiceFiscale.slice(9, 11))).toBe(Number(giorno) + (p.sesso === 'F' ? 40 : 0));
      expect('ABCDEHLMPRST'.indexOf(p.codiceFiscale[8]) + 1).toBe(Number(mese));
      expect(p.codiceFiscale.slice(11, 15)).toBe(p.luogoNascita);
    }
  });

  it('are the same for the same seed', () => {
    const a = personaDemo(generatoreCasuale(7), '1940-02-03', new Set());
    const b = personaDemo(generatoreCasuale(7), '1940-02-03', new Set());
    expect(a).toEqual(b);
  });
});

describe('budgets of the B2 demo graduatorie', () => {
  const istanze = generaIstanzeB2(200, { annualita: 2026, seme: 2025 });

  it('grade the assistant’s buono on the contract hours, never above what the contract costs', () => {
    const assistente = REGOLE.parametri.strumenti[1];
    const con = (ore: number, costo: number, altri = 0) =>
      importoMensileStimato(
        {
          ...istanze[0],
          dati: {
            ...istanze[0].dati,
            contrattoAssistente: {
              oreSettimanali: ore,
              dataInizio: '2025-01-01',
              costoMensileCentesimi: costo,
              altriContributiMensiliCentesimi: altri,
            },
          },
        },
        assistente,
      );
    expect(con(12, 150_000)).toBe(40_000);
    expect(con(25, 150_000)).toBe(60_000);
    expect(con(40, 150_000)).toBe(80_000);
    expect(con(40, 100_000, 50_000)).toBe(50_000);
  });

  it('stay below the need of each graduatoria and within the money of each articolo', () => {
    const disponibile = { A: 30_000_000, D: 25_000_000, M: 10_000_000 };
    const budget = budgetGraduatorieB2(istanze, REGOLE, 12, LINEE, disponibile);
    expect(new Set(budget.map((b) => b.area))).toEqual(new Set(['anziani', 'disabili-adulti', 'minori']));
    for (const b of budget) {
      expect(b.budgetCentesimi).toBeGreaterThan(0);
      expect(b.budgetCentesimi).toBeLessThan(b.fabbisognoCentesimi);
      expect(b.budgetCentesimi % 100_000).toBe(0);
    }
    for (const [linea, soldi] of Object.entries(disponibile))
      expect(
        budget.filter((b) => b.linea === linea).reduce((t, b) => t + b.budgetCentesimi, 0),
      ).toBeLessThanOrEqual(soldi);
  });

  it('are scaled down together when an articolo has less money than their share of the need', () => {
    const budget = budgetGraduatorieB2(istanze, REGOLE, 12, LINEE, {
      A: 1_000_000,
      D: 25_000_000,
      M: 10_000_000,
    });
    const anziani = budget.filter((b) => b.linea === 'A');
    expect(anziani.reduce((t, b) => t + b.budgetCentesimi, 0)).toBeLessThanOrEqual(1_000_000);
    expect(anziani.length).toBeGreaterThan(0);
  });

  it('leave out the istanze the rules will refuse (ISEE over the threshold, B1 held)', () => {
    const solo = (filtro: (i: (typeof istanze)[number]) => boolean) =>
      budgetGraduatorieB2(istanze.filter(filtro), REGOLE, 12, LINEE, { A: 1e12, D: 1e12, M: 1e12 }, 1);
    const rifiutate = istanze.filter(
      (i) =>
        i.area !== 'minori' &&
        (i.dati.isee[0].valoreCentesimi > 2_500_000 || i.dati.altreMisure.some((m) => m.misura === 'b1')),
    );
    expect(rifiutate.length).toBeGreaterThan(0);
    expect(solo((i) => rifiutate.includes(i))).toEqual([]);
  });
});

describe('aGruppi', () => {
  it('runs at most n at a time and keeps the order of the results', async () => {
    let inCorso = 0;
    let massimo = 0;
    const risultati = await aGruppi([...Array(20).keys()], 3, async (n) => {
      inCorso++;
      massimo = Math.max(massimo, inCorso);
      await new Promise((r) => setTimeout(r, 5 + (n % 4)));
      inCorso--;
      return n * 2;
    });
    expect(massimo).toBe(3);
    expect(risultati).toEqual([...Array(20).keys()].map((n) => n * 2));
  });
});
