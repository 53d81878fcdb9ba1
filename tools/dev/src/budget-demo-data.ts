import type {
  AnnualitaV1,
  CategoriaLinea,
  DotazioneV1,
  ImpegnoV1,
  LineaV1,
  TerritorioV1,
} from '@ambito/contracts';
import type { DemoClient } from './demo-data';

const UDP = 'udp';
const ESERCIZIO = 2020;

/**
 * Piano Operativo 2020 of the Ambito Cremasco (preventivo, total € 12.150.207,42; see
 * ../shared/domain/ambito-cremasco.md). Objective numbers other than 7.10 and the split of each line
 * among the funding channels are illustrative: the source gives the channels, not the split.
 */
const PIANO_OPERATIVO_2020: Array<{
  codice: string;
  obiettivo: string;
  denominazione: string;
  categoria: CategoriaLinea;
  preventivo: number;
  fonti: Array<[fondo: string, centesimi: number]>;
}> = [
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
    denominazione: 'Gestione associata dei servizi',
    categoria: 'servizi',
    preventivo: 664_367_494,
    fonti: [['QUOTE-COMUNI', 664_367_494]],
  },
  {
    codice: 'PO2020-7.3',
    obiettivo: '7.3',
    denominazione: 'Coordinamento rete unità di offerta',
    categoria: 'servizi',
    preventivo: 231_155_582,
    fonti: [
      ['FSR', 148_209_381],
      ['FSOL', 82_946_201],
    ],
  },
  {
    codice: 'PO2020-7.4',
    obiettivo: '7.4',
    denominazione: 'Accreditamento e co-progettazione',
    categoria: 'progetti',
    preventivo: 5_676_862,
    fonti: [['FNPS', 5_676_862]],
  },
  {
    codice: 'PO2020-7.5',
    obiettivo: '7.5',
    denominazione: 'Progetti d’ambito',
    categoria: 'progetti',
    preventivo: 69_260_470,
    fonti: [['FNPS', 69_260_470]],
  },
  {
    codice: 'PO2020-7.6',
    obiettivo: '7.6',
    denominazione: 'Servizio sociale professionale',
    categoria: 'servizi',
    preventivo: 76_731_921,
    fonti: [['FNPS', 76_731_921]],
  },
  {
    codice: 'PO2020-7.7',
    obiettivo: '7.7',
    denominazione: 'Tutela minori',
    categoria: 'servizi',
    preventivo: 41_790_619,
    fonti: [['FSR', 41_790_619]],
  },
  {
    codice: 'PO2020-7.8',
    obiettivo: '7.8',
    denominazione: 'Inserimento lavorativo',
    categoria: 'progetti',
    preventivo: 5_646_454,
    fonti: [['FNPS', 5_646_454]],
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
];

/** Buoni B2 of 2020 on line 7.10 (fictional beneficiaries, identified by comune only). */
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

  const perFondo = new Map<string, number>();
  for (const linea of PIANO_OPERATIVO_2020)
    for (const [fondo, importo] of linea.fonti) perFondo.set(fondo, (perFondo.get(fondo) ?? 0) + importo);
  for (const [fondo, importoCentesimi] of perFondo) {
    await expectStatus(
      api.call<AnnualitaV1>(UDP, 'POST', '/budget/assegnazioni', {
        fondo,
        anno: ESERCIZIO,
        atto: { tipo: 'decreto', numero: `DEMO-${fondo}-${ESERCIZIO}`, data: `${ESERCIZIO}-06-30` },
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
          anno: ESERCIZIO,
          linea: linea.codice,
          importoCentesimi,
          atto: 'Piano Operativo 2020 (demo)',
        }),
        201,
        `dotazione ${fondo} → ${linea.codice}`,
      );
    }
  }
  for (const i of IMPEGNI) {
    const { body: impegno } = await expectStatus(
      api.call<ImpegnoV1>(UDP, 'POST', '/budget/impegni', {
        chiaveIdempotenza: i.chiave,
        linea: 'PO2020-7.10',
        fondo: 'FNA-B2',
        anno: ESERCIZIO,
        importoCentesimi: i.importo,
        descrizione: i.descrizione,
        comuneResidenza: i.comune,
      }),
      201,
      `impegno ${i.chiave}`,
    );
    for (const periodo of i.liquidati) {
      await expectStatus(
        api.call(UDP, 'POST', `/budget/impegni/${impegno.id}/liquidazioni`, {
          importoCentesimi: i.importo / 12,
          periodo,
        }),
        201,
        `liquidazione ${i.chiave} ${periodo}`,
      );
    }
    if (i.rinuncia)
      await expectStatus(
        api.call(UDP, 'POST', `/budget/impegni/${impegno.id}/liberazioni`, { causale: 'rinuncia' }),
        200,
        `rinuncia ${i.chiave}`,
      );
  }

  // Quote pro-capite: the inhabitants of the territorio's comuni, € 6,57 each (illustrative delibera).
  const { body: territorio } = await api.call<TerritorioV1>(UDP, 'GET', '/territorio');
  if (territorio?.comuni?.length) {
    const dataRiferimento = territorio.comuni[0].popolazioneAl;
    await expectStatus(
      api.call(UDP, 'POST', '/budget/abitanti', {
        dataRiferimento,
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
        anno: ESERCIZIO,
        quotaPerAbitanteCentesimi: 657,
        dataRiferimentoAbitanti: dataRiferimento,
        atto: 'Delibera dell’Assemblea dei Sindaci (demo)',
      }),
      201,
      'quota pro-capite',
    );
  }
  return { created: true, linee: PIANO_OPERATIVO_2020.length, impegni: IMPEGNI.length };
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
