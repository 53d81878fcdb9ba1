import { randomUUID } from 'node:crypto';
import type {
  Area,
  DatiIstanzaV1,
  EsitoIstruttoria,
  OrdinamentoV1,
  ParametriRegoleV1,
} from '@ambito/contracts';
import type { TestMisure } from './misure-harness';

/*
 * Avvisi, graduatorie definitions and istanze written by SQL in the tables of create-misure.migration.ts,
 * with the istanza's result columns (esito, area, amounts, ISEE, ordering keys) as the istruttoria leaves
 * them: what formation reads. The graduatorie's tests need nothing else of the avvisi and istanze lanes.
 */

/** A small but valid B2 rule set: three age bands, one monthly strumento, ISEE then protocol order. */
export function parametriB2(ordinamento?: OrdinamentoV1[]): ParametriRegoleV1 {
  const fascia = (
    area: Area,
    etaMinima: number,
    etaMassima: number | null,
    tipi: Array<'sociosanitario' | 'minorenni' | 'corrente'>,
  ) => ({
    area,
    etaMinima,
    etaMassima,
    disabilita: {
      almenoUna: ['indennita-accompagnamento' as const, 'l104-art3-c3' as const],
      tutte: [],
      invaliditaMinima: null,
    },
    isee: { tipi, sogliaCentesimi: 2_500_000, riduzioni: [] },
  });
  return {
    requisiti: {
      residenzaAmbito: true,
      domicilio: true,
      disabilitaNonDaSenilita: false,
      valutazioneMultidimensionale: true,
      valutazioneClinicaSociale: false,
      progettoApprovato: false,
      budgetDiProgetto: false,
      fasce: [
        fascia('minori', 0, 17, ['minorenni', 'corrente']),
        fascia('disabili-adulti', 18, 64, ['sociosanitario', 'corrente']),
        fascia('anziani', 65, null, ['sociosanitario', 'corrente']),
      ],
    },
    strumenti: [
      {
        codice: 'buono-caregiver',
        descrizione: 'Buono caregiver familiare',
        aree: ['anziani', 'disabili-adulti', 'minori'],
        presupposto: 'caregiver-familiare',
        modalita: 'mensile',
        importoCentesimi: 40_000,
        fasceOre: [],
        percentualeCostoMassima: null,
        personeMassime: null,
      },
    ],
    incompatibilita: [{ misura: 'b1', motivo: 'Incompatibile con la B1 (DGR XII/3719/2024)' }],
    sollievo: { giorniMassimiAdulti: 60, giorniMassimiMinori: 90 },
    isee: { correnteMesiValidita: 6, correnteSostituisce: true, difformitaDaVerificare: true },
    parenteleCaregiver: [
      'coniuge',
      'unito-civilmente',
      'convivente-di-fatto',
      'parente-1-grado',
      'parente-2-grado',
    ],
    ordinamento: ordinamento ?? [
      { criterio: 'isee', verso: 'crescente' },
      { criterio: 'protocollo', verso: 'crescente' },
    ],
    dopoDiNoi: null,
    proVi: null,
    fonti: [],
  } as ParametriRegoleV1;
}

/** An istanza's inputs: an adult with accompagnamento, a caregiver son, ISEE `iseeCentesimi`. */
export function datiIstanza(opzioni: { dataNascita?: string; iseeCentesimi?: number } = {}): DatiIstanzaV1 {
  return {
    dataNascita: opzioni.dataNascita ?? '1940-05-10',
    residenteNellAmbito: true,
    alDomicilio: true,
    disabilitaDaSenilita: null,
    isee: [
      {
        tipo: 'sociosanitario',
        valoreCentesimi: opzioni.iseeCentesimi ?? 1_200_000,
        protocolloDsu: 'INPS-ISEE-2025-00597381W-00',
        dataPresentazione: '2025-02-10',
        difformita: false,
      },
    ],
    riconoscimenti: [
      {
        condizione: 'indennita-accompagnamento',
        percentuale: null,
        dataRiconoscimento: '2020-03-01',
        dataRevisione: null,
      },
    ],
    caregiver: { parentela: 'parente-1-grado', convivente: true },
    contrattoAssistente: null,
    altreMisure: [],
    frequenzaDiurnaOreSettimanali: null,
    dopoDiNoi: null,
    proVi: null,
    presaInCarico: {
      valutazioneCompletata: true,
      valutazioneClinicaSociale: false,
      progettoApprovato: true,
      budgetDiProgetto: false,
    },
  } as DatiIstanzaV1;
}

export interface DefinizioneGraduatoria {
  area: Area;
  strumento?: string;
  linea: string;
  fondo?: string;
  annoFondo?: number;
  budgetCentesimi: number;
}

export interface AvvisoDiTest {
  /**
   * Each avviso of a test file has an ambito code of its own: protocol numbers are unique per ambito and
   * year, and every avviso's istanze start from 1.
   */
  ambito: string;
  avvisoId: string;
  regoleId: string;
  graduatorie: Record<string, string>;
}

/** A rule set, a closed avviso (`stato`), and its graduatorie definitions (keyed by area). */
export async function creaAvviso(
  svc: TestMisure,
  definizioni: DefinizioneGraduatoria[],
  opzioni: { stato?: string; mesi?: number; parametri?: ParametriRegoleV1; decorrenza?: string } = {},
): Promise<AvvisoDiTest> {
  const regoleId = randomUUID();
  const avvisoId = randomUUID();
  const ambito = `T${avvisoId.slice(0, 8).toUpperCase()}`;
  await svc.sql(
    `INSERT INTO regole_misura (id, ambito, misura, annualita, versione, valido_dal, stato, atti, parametri, creata_da)
     VALUES ($1, 'CREMA', 'b2', 2025, (SELECT coalesce(max(versione), 0) + 1 FROM regole_misura), '2025-01-01',
             'in-vigore', $2, $3, 'udp')`,
    [
      regoleId,
      JSON.stringify([{ tipo: 'dgr', numero: 'XII/3719', data: '2024-12-30' }]),
      JSON.stringify(opzioni.parametri ?? parametriB2()),
    ],
  );
  await svc.sql(
    `INSERT INTO avviso (id, ambito, misura, annualita, titolo, regole_id, apertura, chiusura, decorrenza, mesi, stato, creato_da)
     VALUES ($1, $6, 'b2', 2025, 'Misura B2 2025', $2, '2025-03-01', '2025-03-31', $3, $4, $5, 'udp')`,
    [
      avvisoId,
      regoleId,
      opzioni.decorrenza ?? '2025-04-01',
      opzioni.mesi ?? 12,
      opzioni.stato ?? 'chiuso',
      ambito,
    ],
  );
  const graduatorie: Record<string, string> = {};
  for (const d of definizioni) {
    const id = randomUUID();
    await svc.sql(
      `INSERT INTO graduatoria (id, avviso_id, area, strumento, linea, fondo, anno_fondo, budget_centesimi)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [
        id,
        avvisoId,
        d.area,
        d.strumento ?? 'buono-caregiver',
        d.linea,
        d.fondo ?? null,
        d.annoFondo ?? null,
        d.budgetCentesimi,
      ],
    );
    graduatorie[d.area] = id;
  }
  return { ambito, avvisoId, regoleId, graduatorie };
}

export interface IstanzaDiTest {
  protocollo: number;
  /** Minutes after 2025-03-01 08:00 (Rome): the protocol time. */
  minuto?: number;
  esito: EsitoIstruttoria | null;
  area?: Area;
  strumento?: string;
  iseeCentesimi?: number | null;
  mensileCentesimi?: number | null;
  totaleCentesimi?: number | null;
  chiavi?: { eta?: number; prioritaGarantita?: number; urgenza?: number };
  /** Who judged it: an istruttoria row is written with this user. */
  istruitaDa?: string;
}

/** An istanza with its last istruttoria's result on the row; its id and its person's. */
export async function creaIstanza(
  svc: TestMisure,
  avviso: AvvisoDiTest,
  i: IstanzaDiTest,
): Promise<{ id: string; personaId: string }> {
  const id = randomUUID();
  const personaId = randomUUID();
  const isee = i.iseeCentesimi === undefined ? 1_000_000 : i.iseeCentesimi;
  await svc.sql(
    `INSERT INTO istanza (id, ambito, avviso_id, persona_id, strumento, protocollo_anno, protocollo_numero,
                          protocollata_il, comune_residenza, richiedente, stato, dati, presentata_da,
                          esito, area, importo_mensile_centesimi, importo_totale_centesimi, isee_centesimi, chiavi)
     VALUES ($1, $14, $2, $3, $4, 2025, $5,
             timestamptz '2025-03-01 08:00:00+01' + make_interval(mins => $6), '019035', '{"tipo":"interessato"}',
             'istruita', $7, 'operatore.crema', $8, $9, $10, $11, $12, $13)`,
    [
      id,
      avviso.avvisoId,
      personaId,
      i.strumento ?? 'buono-caregiver',
      i.protocollo,
      i.minuto ?? i.protocollo,
      JSON.stringify(datiIstanza({ iseeCentesimi: isee ?? undefined })),
      i.esito,
      i.esito === 'ammissibile' ? (i.area ?? 'anziani') : (i.area ?? null),
      i.esito === 'ammissibile' ? (i.mensileCentesimi === undefined ? 40_000 : i.mensileCentesimi) : null,
      i.totaleCentesimi ?? null,
      isee,
      i.esito
        ? JSON.stringify({ iseeCentesimi: isee, eta: 80, prioritaGarantita: 0, urgenza: 0, ...i.chiavi })
        : null,
      avviso.ambito,
    ],
  );
  if (i.istruitaDa)
    await svc.sql(
      `INSERT INTO istruttoria (id, istanza_id, numero, regole_id, causa, data_riferimento, input, esito_calcolato,
                                valutazione, esito, istruita_da)
       VALUES ($1, $2, 1, $3, 'presentazione', '2025-03-01', '{}', $4, '{}', $4, $5)`,
      [randomUUID(), id, avviso.regoleId, i.esito ?? 'da-verificare', i.istruitaDa],
    );
  return { id, personaId };
}
