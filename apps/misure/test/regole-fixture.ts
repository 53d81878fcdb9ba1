import type {
  DatiIstanzaV1,
  ParametriRegoleV1,
  RegolaValutataV1,
  ValutazioneIstanzaV1,
} from '@ambito/contracts';
import { valutaIstanza, type InputValutazione } from '../src/istruttoria/valuta-istanza';

/*
 * Small rule sets and istanze for the engine's unit tests, independent of the default 2025 rule sets so
 * that a change of the data never changes what a rule test proves. Each call returns fresh objects.
 */

const disabilitaB2 = () => ({
  almenoUna: [
    'l104-art3-c3',
    'indennita-accompagnamento',
  ] as ParametriRegoleV1['requisiti']['fasce'][0]['disabilita']['almenoUna'],
  tutte: [],
  invaliditaMinima: null,
});

export function regoleB2(): ParametriRegoleV1 {
  return {
    requisiti: {
      residenzaAmbito: true,
      domicilio: true,
      disabilitaNonDaSenilita: false,
      valutazioneMultidimensionale: true,
      valutazioneClinicaSociale: false,
      progettoApprovato: true,
      budgetDiProgetto: false,
      fasce: [
        {
          area: 'minori',
          etaMinima: 0,
          etaMassima: 17,
          disabilita: disabilitaB2(),
          isee: { tipi: ['ordinario'], sogliaCentesimi: 4_000_000, riduzioni: [] },
        },
        {
          area: 'disabili-adulti',
          etaMinima: 18,
          etaMassima: 64,
          disabilita: disabilitaB2(),
          isee: { tipi: ['sociosanitario'], sogliaCentesimi: 2_500_000, riduzioni: [] },
        },
        {
          area: 'anziani',
          etaMinima: 65,
          etaMassima: null,
          disabilita: disabilitaB2(),
          isee: { tipi: ['sociosanitario'], sogliaCentesimi: 2_500_000, riduzioni: [] },
        },
      ],
    },
    strumenti: [
      {
        codice: 'buono-caregiver',
        descrizione: 'Buono al caregiver familiare',
        aree: ['anziani', 'disabili-adulti', 'minori'],
        presupposto: 'caregiver-familiare',
        modalita: 'mensile',
        importoCentesimi: 10_000,
        fasceOre: [],
        percentualeCostoMassima: null,
        personeMassime: null,
      },
      {
        codice: 'buono-assistente-familiare',
        descrizione: 'Buono per l’assistente familiare regolarmente assunto',
        aree: ['anziani', 'disabili-adulti', 'minori'],
        presupposto: 'contratto-assistente',
        modalita: 'mensile',
        importoCentesimi: 80_000,
        fasceOre: [
          { oreSettimanaliMinime: 10, importoCentesimi: 40_000 },
          { oreSettimanaliMinime: 25, importoCentesimi: 60_000 },
          { oreSettimanaliMinime: 40, importoCentesimi: 80_000 },
        ],
        percentualeCostoMassima: null,
        personeMassime: null,
      },
      {
        codice: 'voucher-minori',
        descrizione: 'Voucher per la vita di relazione dei minori',
        aree: ['minori'],
        presupposto: 'nessuno',
        modalita: 'mensile',
        importoCentesimi: 20_000,
        fasceOre: [],
        percentualeCostoMassima: null,
        personeMassime: null,
      },
      {
        codice: 'vita-indipendente',
        descrizione: 'Buono per progetti di vita indipendente',
        aree: ['disabili-adulti'],
        presupposto: 'progetto-vita-indipendente',
        modalita: 'mensile',
        importoCentesimi: 80_000,
        fasceOre: [],
        percentualeCostoMassima: null,
        personeMassime: null,
      },
    ],
    incompatibilita: [
      { misura: 'b1', motivo: 'incompatibile con la Misura B1 (DGR XII/3719/2024)' },
      {
        misura: 'rsa-aperta',
        motivo: 'incompatibile con la presa in carico in RSA aperta (DGR XII/3719/2024)',
      },
    ],
    sollievo: { giorniMassimiAdulti: 60, giorniMassimiMinori: 90 },
    isee: { correnteMesiValidita: 6, correnteSostituisce: true, difformitaDaVerificare: true },
    parenteleCaregiver: [
      'coniuge',
      'unito-civilmente',
      'convivente-di-fatto',
      'parente-1-grado',
      'parente-2-grado',
      'affine-1-grado',
      'affine-2-grado',
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

export function regoleDopoDiNoi(): ParametriRegoleV1 {
  const b2 = regoleB2();
  return {
    ...b2,
    requisiti: {
      ...b2.requisiti,
      disabilitaNonDaSenilita: true,
      valutazioneClinicaSociale: true,
      budgetDiProgetto: true,
      fasce: [
        {
          area: 'disabili-adulti',
          etaMinima: 18,
          etaMassima: 64,
          disabilita: { almenoUna: [], tutte: ['l104-art3-c3'], invaliditaMinima: null },
          isee: { tipi: [], sogliaCentesimi: 0, riduzioni: [] },
        },
      ],
    },
    strumenti: [
      {
        codice: 'ddn-a',
        descrizione: 'Adeguamento dell’ambiente domestico',
        aree: ['disabili-adulti'],
        presupposto: 'nessuno',
        modalita: 'totale',
        importoCentesimi: 2_000_000,
        fasceOre: [],
        percentualeCostoMassima: 70,
        personeMassime: null,
      },
      {
        codice: 'ddn-e',
        descrizione: 'Contributo per gruppo appartamento autogestito',
        aree: ['disabili-adulti'],
        presupposto: 'nessuno',
        modalita: 'mensile',
        importoCentesimi: 60_000,
        fasceOre: [],
        percentualeCostoMassima: null,
        personeMassime: 5,
      },
      {
        codice: 'ddn-b1',
        descrizione: 'Canone di locazione',
        aree: ['disabili-adulti'],
        presupposto: 'nessuno',
        modalita: 'mensile',
        importoCentesimi: 30_000,
        fasceOre: [],
        percentualeCostoMassima: 80,
        personeMassime: null,
      },
    ],
    incompatibilita: [],
    dopoDiNoi: {
      prioritaGarantite: [
        'a-senza-genitori-senza-risorse',
        'b-genitori-non-in-grado',
        'c-residenza-lontana-da-casa',
      ],
      punteggioMassimoDimensione: 10,
    },
  };
}

export function regoleProVi(): ParametriRegoleV1 {
  const b2 = regoleB2();
  return {
    ...b2,
    requisiti: {
      ...b2.requisiti,
      disabilitaNonDaSenilita: true,
      valutazioneClinicaSociale: true,
      fasce: [
        {
          area: 'disabili-adulti',
          etaMinima: 18,
          etaMassima: 64,
          disabilita: { almenoUna: [], tutte: ['l104-art3-c3'], invaliditaMinima: null },
          isee: {
            tipi: ['sociosanitario'],
            sogliaCentesimi: 4_000_000,
            riduzioni: [{ oltreCentesimi: 3_500_000, percentualeRiconosciuta: 50 }],
          },
        },
      ],
    },
    strumenti: [
      {
        codice: 'pro-vi',
        descrizione: 'Progetto di vita indipendente',
        aree: ['disabili-adulti'],
        presupposto: 'assistente-personale',
        modalita: 'totale',
        importoCentesimi: 2_000_000,
        fasceOre: [],
        percentualeCostoMassima: null,
        personeMassime: null,
      },
    ],
    incompatibilita: [{ misura: 'b2', motivo: 'l’assistente personale non è cumulabile con la B2 (§3)' }],
    proVi: {
      macroaree: [
        'assistente-personale',
        'abitare-in-autonomia',
        'inclusione-sociale',
        'trasporto',
        'domotica',
        'azioni-di-sistema',
      ],
      macroareeMinime: 2,
    },
  };
}

/** A 70-year-old at home, accompaniment allowance, ISEE sociosanitario € 18.500,00, the spouse cares. */
export function istanzaAnziano(): DatiIstanzaV1 {
  return {
    dataNascita: '1955-03-10',
    residenteNellAmbito: true,
    alDomicilio: true,
    disabilitaDaSenilita: null,
    isee: [
      {
        tipo: 'sociosanitario',
        valoreCentesimi: 1_850_000,
        protocolloDsu: 'INPS-ISEE-2025-00597381W-00',
        dataPresentazione: '2025-02-10',
        difformita: false,
      },
    ],
    riconoscimenti: [
      {
        condizione: 'indennita-accompagnamento',
        percentuale: null,
        dataRiconoscimento: '2020-01-15',
        dataRevisione: null,
      },
    ],
    caregiver: { parentela: 'coniuge', convivente: true },
    contrattoAssistente: null,
    altreMisure: [],
    frequenzaDiurnaOreSettimanali: null,
    dopoDiNoi: null,
    proVi: null,
    presaInCarico: {
      valutazioneCompletata: true,
      valutazioneClinicaSociale: true,
      progettoApprovato: true,
      budgetDiProgetto: true,
    },
  };
}

/** A 40-year-old with gravità, disability not from ageing: the base of Dopo di Noi and Pro.Vi. cases. */
export function istanzaAdulto(): DatiIstanzaV1 {
  return {
    ...istanzaAnziano(),
    dataNascita: '1985-09-01',
    disabilitaDaSenilita: false,
    riconoscimenti: [
      {
        condizione: 'l104-art3-c3',
        percentuale: null,
        dataRiconoscimento: '2010-05-01',
        dataRevisione: null,
      },
    ],
    caregiver: null,
  };
}

export const GIORNO = '2025-06-15';

/** Evaluates with the defaults of these tests: reference day 15/06/2025, 12 months. */
export function valuta(
  dati: DatiIstanzaV1,
  strumento: string,
  parametri: ParametriRegoleV1 = regoleB2(),
  altro: Partial<InputValutazione> = {},
): ValutazioneIstanzaV1 {
  return valutaIstanza(
    { dati, strumento, dataRiferimento: GIORNO, mesi: 12, ...altro },
    { id: '00000000-0000-4000-8000-000000000001', parametri },
  );
}

/** The evaluated rule with that code (the test fails if it is missing). */
export function regola(v: ValutazioneIstanzaV1, codice: string): RegolaValutataV1 {
  const trovata = v.regole.find((r) => r.codice === codice);
  if (!trovata) throw new Error(`regola ${codice} assente: ${v.regole.map((r) => r.codice).join(', ')}`);
  return trovata;
}

export const codici = (v: ValutazioneIstanzaV1) => v.regole.map((r) => r.codice);
