import type {
  AnnualitaV1,
  CategoriaLinea,
  DotazioneV1,
  ImpegnoV1,
  LineaV1,
  LiquidazioneV1,
  TerritorioV1,
  TipoAtto,
} from '@ambito/contracts';
import type { DemoClient } from './demo-data';

const UDP = 'udp';
const ESERCIZIO = 2020;

/**
 * The fund years the Piano Operativo 2020 spends: the annualità differs from the esercizio as in reality
 * (the FNA 2019 is assigned in 2020 and spent in esercizio 2020); the other funds are of 2020.
 */
const ANNUALITA: Record<string, number> = { 'FNA-B2': 2019 };
const annualitaDi = (fondo: string) => ANNUALITA[fondo] ?? ESERCIZIO;

/** Placeholder quota per inhabitant of the demo (not from any act): € 7,00. */
const QUOTA_SEGNAPOSTO_CENTESIMI = 700;

/**
 * The act assigning each fund's annualità to the ambito, typed as what it is: regional funds by DGR, the
 * QSFP by ministerial decree, the comuni's quotas and solidarity fund by the Assemblea dei Sindaci, the
 * calls by agreement. Numbers and dates are demo placeholders (DEMO-…), not the real acts.
 */
const ATTO_ASSEGNAZIONE: Record<string, TipoAtto> = {
  'FNA-B2': 'dgr',
  FNPS: 'dgr',
  FSR: 'dgr',
  QSFP: 'decreto',
  FSOL: 'delibera-assemblea',
  'QUOTE-COMUNI': 'delibera-assemblea',
  BANDI: 'convenzione',
};

export interface LineaPianoOperativo {
  codice: string;
  obiettivo: string;
  denominazione: string;
  categoria: CategoriaLinea;
  preventivo: number;
  fonti: Array<[fondo: string, centesimi: number]>;
}

/**
 * Piano Operativo 2020 of the Ambito Cremasco (preventivo, total € 12.150.207,42): objectives, names and
 * amounts as in `../shared/seeds/002_*.txt` (the summary table "TABELLA RIEPILOGATIVA BUDGET ANNO 2020"
 * and each objective's heading; checked line by line by budget-demo-data.spec.ts). 7.12, 7.13 and 7.14
 * have no resources of the Ambito ("RISORSE COMUNE DI CREMA"). What the seed does not give is the split
 * of each line among the funding channels: that split is the demo's (e.g. the QSFP share of 7.2, which
 * the seed says 7.2 "ricomprende").
 */
export const PIANO_OPERATIVO_2020: LineaPianoOperativo[] = [
  {
    codice: 'PO2020-7.1',
    obiettivo: '7.1',
    denominazione: 'Piattaforma socio-sanitaria',
    categoria: 'servizi',
    preventivo: 13_047_720,
    fonti: [['BANDI', 13_047_720]],
  },
  {
    codice: 'PO2020-7.2',
    obiettivo: '7.2',
    denominazione: 'Servizio sociale professionale',
    categoria: 'servizio-sociale-professionale',
    preventivo: 76_731_921,
    fonti: [
      ['QSFP', 30_000_000],
      ['FNPS', 46_731_921],
    ],
  },
  {
    codice: 'PO2020-7.3',
    obiettivo: '7.3',
    denominazione: 'Servizio tutela minori',
    categoria: 'servizi',
    preventivo: 41_790_619,
    fonti: [['FSR', 41_790_619]],
  },
  {
    codice: 'PO2020-7.4',
    obiettivo: '7.4',
    denominazione: 'Servizio inserimento lavorativo (SIL)',
    categoria: 'progetti',
    preventivo: 5_646_454,
    fonti: [['FNPS', 5_646_454]],
  },
  {
    codice: 'PO2020-7.5',
    obiettivo: '7.5',
    denominazione: 'Gestione associata dei servizi',
    categoria: 'servizi',
    preventivo: 664_367_494,
    fonti: [['QUOTE-COMUNI', 664_367_494]],
  },
  {
    codice: 'PO2020-7.6',
    obiettivo: '7.6',
    denominazione: 'Coordinamento rete unità di offerta',
    categoria: 'servizi',
    preventivo: 231_155_582,
    fonti: [
      ['FSR', 148_209_381],
      ['FSOL', 82_946_201],
    ],
  },
  {
    codice: 'PO2020-7.7',
    obiettivo: '7.7',
    denominazione: 'Accreditamento e co-progettazione',
    categoria: 'progetti',
    preventivo: 5_676_862,
    fonti: [['FNPS', 5_676_862]],
  },
  {
    codice: 'PO2020-7.8',
    obiettivo: '7.8',
    denominazione: 'Progettazione e gestione dei progetti d’ambito',
    categoria: 'progetti',
    preventivo: 69_260_470,
    fonti: [['FNPS', 69_260_470]],
  },
  {
    codice: 'PO2020-7.9',
    obiettivo: '7.9',
    denominazione: 'Reddito di inclusione',
    categoria: 'poverta',
    preventivo: 19_535_455,
    fonti: [['QSFP', 19_535_455]],
  },
  {
    codice: 'PO2020-7.10',
    obiettivo: '7.10',
    denominazione: 'Misure distrettuali e regionali',
    categoria: 'misure-b2',
    preventivo: 83_952_891,
    fonti: [['FNA-B2', 83_952_891]],
  },
  {
    codice: 'PO2020-7.11',
    obiettivo: '7.11',
    denominazione: 'Integrazione cittadini stranieri',
    categoria: 'progetti',
    preventivo: 3_855_274,
    fonti: [['FNPS', 3_855_274]],
  },
  {
    codice: 'PO2020-7.12',
    obiettivo: '7.12',
    denominazione: 'Contrasto alla violenza di genere (risorse Comune di Crema)',
    categoria: 'servizi',
    preventivo: 0,
    fonti: [],
  },
  {
    codice: 'PO2020-7.13',
    obiettivo: '7.13',
    denominazione: 'Protezione giuridica (risorse Comune di Crema)',
    categoria: 'servizi',
    preventivo: 0,
    fonti: [],
  },
  {
    codice: 'PO2020-7.14',
    obiettivo: '7.14',
    denominazione: 'Servizi abitativi (risorse Comune di Crema)',
    categoria: 'servizi',
    preventivo: 0,
    fonti: [],
  },
];

/**
 * Line 7.10 "Misure distrettuali e regionali" of esercizio 2025, split into articoli, one per measure,
 * each bound to its fund (annualità 2024, spent in 2025): the B2 per area (anziani, disabili adulti,
 * minori), Dopo di Noi and Pro.Vi. (with the cofinanziamento d'Ambito its rules require, ≥ 20%). The
 * seeds give neither the 2025 amounts nor the split: every amount here is ILLUSTRATIVE (the Pro.Vi.
 * pair follows the example "80.000 + 20.000 €" of regole-lombardia rule 19), as are the acts (DEMO-…).
 */
export const LINEA_7_10_2025 = {
  codice: 'PO2025-7.10',
  obiettivo: '7.10',
  denominazione: 'Misure distrettuali e regionali (2025, importi illustrativi)',
  categoria: 'misure-b2' as CategoriaLinea,
  esercizio: 2025,
};
export const ARTICOLI_7_10_2025: Array<{
  codice: string;
  denominazione: string;
  categoria: CategoriaLinea;
  fondo: string;
  fonti: Array<[fondo: string, centesimi: number]>;
}> = [
  {
    codice: 'PO2025-7.10-B2-ANZIANI',
    denominazione: 'B2 2025 – area anziani',
    categoria: 'misure-b2',
    fondo: 'FNA-B2',
    fonti: [['FNA-B2', 30_000_000]],
  },
  {
    codice: 'PO2025-7.10-B2-DISABILI',
    denominazione: 'B2 2025 – area disabili adulti',
    categoria: 'misure-b2',
    fondo: 'FNA-B2',
    fonti: [['FNA-B2', 25_000_000]],
  },
  {
    codice: 'PO2025-7.10-B2-MINORI',
    denominazione: 'B2 2025 – area minori',
    categoria: 'misure-b2',
    fondo: 'FNA-B2',
    fonti: [['FNA-B2', 10_000_000]],
  },
  {
    codice: 'PO2025-7.10-DDN',
    denominazione: 'Dopo di Noi 2025 (L. 112/2016)',
    categoria: 'dopo-di-noi',
    fondo: 'DDN',
    fonti: [['DDN', 15_000_000]],
  },
  {
    codice: 'PO2025-7.10-PROVI',
    denominazione: 'Pro.Vi. 2025 – progetti di vita indipendente',
    categoria: 'provi',
    fondo: 'FNA-PROVI',
    fonti: [
      ['FNA-PROVI', 8_000_000],
      ['COFIN-AMBITO', 2_000_000],
    ],
  },
];
/** The funds of the 2025 articoli are annualità 2024, assigned by these (placeholder) acts. */
const ANNUALITA_2025 = 2024;
const ATTO_ASSEGNAZIONE_2025: Record<string, TipoAtto> = {
  'FNA-B2': 'dgr',
  DDN: 'dgr',
  'FNA-PROVI': 'dgr',
  'COFIN-AMBITO': 'delibera-assemblea',
};

/** Buoni B2 of esercizio 2020 (FNA 2019) on line 7.10 (fictional beneficiaries, identified by comune only). */
const IMPEGNI: Array<{
  chiave: string;
  comune: string;
  importo: number;
  descrizione: string;
  liquidati: string[];
  rinuncia?: boolean;
}> = [
  {
    chiave: 'demo:b2-2020:1',
    comune: '019035',
    importo: 480_000,
    descrizione: 'Buono caregiver familiare, 12 mesi',
    liquidati: ['2020-03', '2020-04', '2020-05'],
  },
  {
    chiave: 'demo:b2-2020:2',
    comune: '019035',
    importo: 480_000,
    descrizione: 'Buono assistente familiare, 12 mesi',
    liquidati: ['2020-03'],
  },
  {
    chiave: 'demo:b2-2020:3',
    comune: '019067',
    importo: 240_000,
    descrizione: 'Buono caregiver familiare, 6 mesi',
    liquidati: [],
  },
  {
    chiave: 'demo:b2-2020:4',
    comune: '019097',
    importo: 360_000,
    descrizione: 'Voucher minori con disabilità',
    liquidati: ['2020-04'],
    rinuncia: true,
  },
];

/** The budget demo: funds 2020, the Piano Operativo 2020, some B2 commitments, the comuni's quotas. */
export async function seedBudgetDemoData(
  api: DemoClient,
): Promise<{ created: boolean; linee: number; impegni: number }> {
  const esistenti = await api.call<LineaV1[]>(UDP, 'GET', `/budget/linee?esercizio=${ESERCIZIO}`);
  if (esistenti.status === 200 && esistenti.body.length > 0) return { created: false, linee: 0, impegni: 0 };

  const perFondo = new Map<string, number>(); // one annualità per fund (see ANNUALITA)
  for (const linea of PIANO_OPERATIVO_2020)
    for (const [fondo, importo] of linea.fonti) perFondo.set(fondo, (perFondo.get(fondo) ?? 0) + importo);
  for (const [fondo, importoCentesimi] of perFondo) {
    const anno = annualitaDi(fondo);
    await expectStatus(
      api.call<AnnualitaV1>(UDP, 'POST', '/budget/assegnazioni', {
        fondo,
        anno,
        atto: { tipo: ATTO_ASSEGNAZIONE[fondo], numero: `DEMO-${fondo}-${anno}`, data: `${ESERCIZIO}-06-30` },
        importoCentesimi,
      }),
      201,
      `assegnazione ${fondo}`,
    );
  }
  for (const { fonti, preventivo, ...linea } of PIANO_OPERATIVO_2020) {
    await expectStatus(
      api.call<LineaV1>(UDP, 'POST', '/budget/linee', {
        ...linea,
        esercizio: ESERCIZIO,
        preventivoCentesimi: preventivo,
      }),
      201,
      `linea ${linea.codice}`,
    );
    for (const [fondo, importoCentesimi] of fonti) {
      await expectStatus(
        api.call<DotazioneV1>(UDP, 'POST', '/budget/dotazioni', {
          fondo,
          anno: annualitaDi(fondo),
          linea: linea.codice,
          importoCentesimi,
          atto: 'Piano Operativo 2020, Assemblea dei Sindaci (demo)',
        }),
        201,
        `dotazione ${fondo} → ${linea.codice}`,
      );
    }
  }
  // Each impegno with its determina (one for the 2020 graduatoria, a placeholder) and its creditore, a
  // person named by a fictional id only.
  const marzo: string[] = [];
  for (const [n, i] of IMPEGNI.entries()) {
    const { body: impegno } = await expectStatus(
      api.call<ImpegnoV1>(UDP, 'POST', '/budget/impegni', {
        chiaveIdempotenza: i.chiave,
        linea: 'PO2020-7.10',
        fondo: 'FNA-B2',
        anno: annualitaDi('FNA-B2'),
        importoCentesimi: i.importo,
        descrizione: i.descrizione,
        comuneResidenza: i.comune,
        determina: { numero: 'DEMO-B2-2020', data: `${ESERCIZIO}-02-28` },
        creditore: { tipo: 'persona', identificativo: `persona:demo-b2-2020-${n + 1}` },
      }),
      201,
      `impegno ${i.chiave}`,
    );
    for (const periodo of i.liquidati) {
      const { body: liquidazione } = await expectStatus(
        api.call<LiquidazioneV1>(UDP, 'POST', `/budget/impegni/${impegno.id}/liquidazioni`, {
          importoCentesimi: i.importo / 12,
          periodo,
        }),
        201,
        `liquidazione ${i.chiave} ${periodo}`,
      );
      if (periodo === `${ESERCIZIO}-03`) marzo.push(liquidazione.id);
    }
    if (i.rinuncia)
      await expectStatus(
        api.call(UDP, 'POST', `/budget/impegni/${impegno.id}/riduzioni`, { causale: 'rinuncia' }),
        200,
        `rinuncia ${i.chiave}`,
      );
  }
  // One mandato pays March's liquidazioni; the later ones are due, not yet paid.
  await expectStatus(
    api.call(UDP, 'POST', '/budget/mandati', {
      numero: 'DEMO-2020/118',
      data: `${ESERCIZIO}-04-10`,
      liquidazioni: marzo,
    }),
    201,
    'mandato di marzo',
  );
  await seedLinea710Del2025(api);

  // Quote pro-capite: the territorio's inhabitants at 1 January of their year × a quota of the ambito.
  // € 6,57 is the Casalasco's figure (seed 004), not the Cremasco's: the Cremasco's quota is not in the
  // sources, so the demo records a placeholder marked "da verificare", never a real delibera.
  const { body: territorio } = await api.call<TerritorioV1>(UDP, 'GET', '/territorio');
  if (territorio?.comuni?.length) {
    const dataRiferimento = territorio.comuni[0].popolazioneAl;
    const anno = Number(dataRiferimento.slice(0, 4));
    await expectStatus(
      api.call(UDP, 'POST', '/budget/abitanti', {
        ambito: territorio.ambito.codice,
        dataRiferimento,
        // The territorio file's figures; their source is documented in libs/territorio/src/seed/README.md.
        fonte: `ISTAT, popolazione residente al ${dataRiferimento} (file del territorio ${territorio.versione})`,
        comuni: territorio.comuni.map((c) => ({
          istat: c.istat,
          denominazione: c.denominazione,
          abitanti: c.popolazione,
        })),
      }),
      201,
      'abitanti',
    );
    await expectStatus(
      api.call(UDP, 'POST', '/budget/quote-capitarie', {
        ambito: territorio.ambito.codice,
        anno,
        quotaPerAbitanteCentesimi: QUOTA_SEGNAPOSTO_CENTESIMI,
        dataRiferimentoAbitanti: `${anno}-01-01`,
        atto: 'Quota pro-capite dei comuni: segnaposto dimostrativo, da verificare sulla delibera',
        attoNumero: 'DEMO (da verificare)',
        attoData: `${anno - 1}-12-31`,
        attoOrgano: 'Assemblea dei Sindaci',
        daVerificare: true,
      }),
      201,
      'quota pro-capite',
    );
  }
  return { created: true, linee: PIANO_OPERATIVO_2020.length, impegni: IMPEGNI.length };
}

/** Line 7.10 of 2025 with its articoli, their funds and the misure service's grant (see ARTICOLI_7_10_2025). */
async function seedLinea710Del2025(api: DemoClient): Promise<void> {
  const perFondo = new Map<string, number>();
  for (const a of ARTICOLI_7_10_2025)
    for (const [fondo, importo] of a.fonti) perFondo.set(fondo, (perFondo.get(fondo) ?? 0) + importo);
  for (const [fondo, importoCentesimi] of perFondo)
    await expectStatus(
      api.call<AnnualitaV1>(UDP, 'POST', '/budget/assegnazioni', {
        fondo,
        anno: ANNUALITA_2025,
        atto: {
          tipo: ATTO_ASSEGNAZIONE_2025[fondo],
          numero: `DEMO-${fondo}-${ANNUALITA_2025}`,
          data: `${ANNUALITA_2025}-12-30`,
        },
        importoCentesimi,
      }),
      201,
      `assegnazione ${fondo} ${ANNUALITA_2025}`,
    );
  const totale = [...perFondo.values()].reduce((t, c) => t + c, 0);
  await expectStatus(
    api.call<LineaV1>(UDP, 'POST', '/budget/linee', { ...LINEA_7_10_2025, preventivoCentesimi: totale }),
    201,
    `linea ${LINEA_7_10_2025.codice}`,
  );
  for (const { fonti, ...articolo } of ARTICOLI_7_10_2025) {
    await expectStatus(
      api.call<LineaV1>(UDP, 'POST', `/budget/linee/${LINEA_7_10_2025.codice}/articoli`, {
        ...articolo,
        preventivoCentesimi: fonti.reduce((t, [, c]) => t + c, 0),
      }),
      201,
      `articolo ${articolo.codice}`,
    );
    for (const [fondo, importoCentesimi] of fonti)
      await expectStatus(
        api.call<DotazioneV1>(UDP, 'POST', '/budget/dotazioni', {
          fondo,
          anno: ANNUALITA_2025,
          linea: articolo.codice,
          importoCentesimi,
          atto: 'Piano Operativo 2025, Assemblea dei Sindaci (demo)',
        }),
        201,
        `dotazione ${fondo} → ${articolo.codice}`,
      );
  }
  // The misure service (identity servizio:misure) may commit, liquidate and reduce on line 7.10 of 2025.
  await expectStatus(
    api.call(UDP, 'POST', '/budget/abilitazioni', {
      servizio: 'misure',
      linea: LINEA_7_10_2025.codice,
      operazioni: ['impegno', 'liquidazione', 'riduzione'],
      validoDal: '2025-01-01',
      validoAl: '2026-12-31',
      atto: { tipo: 'determina', numero: 'DEMO-ABILITAZIONE-MISURE', data: '2024-12-30' },
    }),
    201,
    'abilitazione del servizio misure',
  );
}

async function expectStatus<T>(
  call: Promise<{ status: number; body: T }>,
  status: number,
  what: string,
): Promise<{ status: number; body: T }> {
  const response = await call;
  if (response.status !== status)
    throw new Error(
      `dati demo del budget, ${what}: HTTP ${response.status} ${JSON.stringify(response.body)}`,
    );
  return response;
}
