import { giornoInItalia } from '@ambito/kernel';
import { randomUUID } from 'node:crypto';
import type { DichiarazioniIstanzaV1, ParametriRegoleV1 } from '@ambito/contracts';
import type { TestMisure } from './misure-harness';

/*
 * A small B2 rule set for the avvisi and istanze tests (the real 2025 ones are the rule sets' lane's
 * defaults): over 65 with the indennità di accompagnamento, ISEE sociosanitario up to € 25.000, the buono
 * caregiver at € 400 a month and the buono assistente graded on the contract's hours.
 */
export function parametriB2(): ParametriRegoleV1 {
  return {
    requisiti: {
      residenzaAmbito: true,
      domicilio: true,
      disabilitaNonDaSenilita: false,
      valutazioneMultidimensionale: false,
      valutazioneClinicaSociale: false,
      progettoApprovato: false,
      budgetDiProgetto: false,
      fasce: [
        {
          area: 'anziani',
          etaMinima: 65,
          etaMassima: null,
          disabilita: {
            almenoUna: ['indennita-accompagnamento', 'l104-art3-c3'],
            tutte: [],
            invaliditaMinima: null,
          },
          isee: { tipi: ['sociosanitario', 'corrente'], sogliaCentesimi: 2_500_000, riduzioni: [] },
        },
        {
          area: 'disabili-adulti',
          etaMinima: 18,
          etaMassima: 64,
          disabilita: {
            almenoUna: ['indennita-accompagnamento', 'l104-art3-c3'],
            tutte: [],
            invaliditaMinima: null,
          },
          isee: { tipi: ['sociosanitario', 'corrente'], sogliaCentesimi: 2_500_000, riduzioni: [] },
        },
      ],
    },
    strumenti: [
      {
        codice: 'buono-caregiver',
        descrizione: 'Buono per il caregiver familiare',
        aree: ['anziani', 'disabili-adulti'],
        presupposto: 'caregiver-familiare',
        modalita: 'mensile',
        importoCentesimi: 40_000,
        fasceOre: [],
        percentualeCostoMassima: null,
        personeMassime: null,
      },
      {
        codice: 'buono-assistente',
        descrizione: 'Buono per l’assistente familiare regolarmente assunto',
        aree: ['anziani', 'disabili-adulti'],
        presupposto: 'contratto-assistente',
        modalita: 'mensile',
        importoCentesimi: 80_000,
        fasceOre: [
          { oreSettimanaliMinime: 0, importoCentesimi: 40_000 },
          { oreSettimanaliMinime: 25, importoCentesimi: 80_000 },
        ],
        percentualeCostoMassima: null,
        personeMassime: null,
      },
    ],
    incompatibilita: [{ misura: 'b1', motivo: 'incompatibile con la B1 (DGR 3719/2024)' }],
    sollievo: { giorniMassimiAdulti: 60, giorniMassimiMinori: 90 },
    isee: { correnteMesiValidita: 6, correnteSostituisce: true, difformitaDaVerificare: true },
    parenteleCaregiver: [
      'coniuge',
      'unito-civilmente',
      'convivente-di-fatto',
      'parente-1-grado',
      'parente-2-grado',
    ],
    ordinamento: [
      { criterio: 'isee', verso: 'crescente' },
      { criterio: 'protocollo', verso: 'crescente' },
    ],
    dopoDiNoi: null,
    proVi: null,
    fonti: [],
  };
}

/** Stores a rule set in force (table regole_misura) and returns its id. */
export async function inserisciRegole(
  svc: TestMisure,
  opzioni: { annualita: number; validoDal: string; misura?: string; versione?: number },
): Promise<string> {
  const id = randomUUID();
  await svc.sql(
    `INSERT INTO regole_misura (id, ambito, misura, annualita, versione, valido_dal, stato, atti, parametri, creata_da)
     VALUES ($1, 'CREMA', $2, $3, $4, $5, 'in-vigore', $6, $7, 'test')`,
    [
      id,
      opzioni.misura ?? 'b2',
      opzioni.annualita,
      opzioni.versione ?? 1,
      opzioni.validoDal,
      JSON.stringify([{ tipo: 'dgr', numero: 'XII/3719', data: '2024-12-30' }]),
      JSON.stringify(parametriB2()),
    ],
  );
  return id;
}

/** Today and days around it (AAAA-MM-GG, Europe/Rome as the service judges windows). */
export function giorno(delta = 0): string {
  return giornoInItalia(new Date(Date.now() + delta * 86_400_000));
}

export const ANNO = Number(giorno().slice(0, 4));

/** Declarations of an eligible elderly person with a caregiver (ISEE given in euro). */
export function dichiarazioni(
  opzioni: { iseeEuro?: number; difformita?: boolean; dsu?: string } = {},
): DichiarazioniIstanzaV1 {
  return {
    alDomicilio: true,
    disabilitaDaSenilita: null,
    isee: [
      {
        tipo: 'sociosanitario',
        valoreCentesimi: (opzioni.iseeEuro ?? 15_000) * 100,
        protocolloDsu: opzioni.dsu ?? `INPS-ISEE-${ANNO}-00597381W-00`,
        dataPresentazione: `${ANNO}-01-15`,
        difformita: opzioni.difformita ?? false,
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
  };
}
