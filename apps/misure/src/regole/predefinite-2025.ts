import type {
  Affidabilita,
  FonteParametroV1,
  IncompatibilitaV1,
  ParentelaCaregiver,
  RegoleMisuraV1,
  StrumentoMisuraV1,
} from '@ambito/contracts';
import { CONTI_B2_2025, CONTI_DOPO_DI_NOI_2025, CONTI_PRO_VI_2025 } from './conti-2025';

/*
 * The default 2025 rule sets of the three measures, as data (rule 1): installed in every ambito that has
 * none (regole-iniziali.ts), then copied and changed by the Ufficio di Piano. Every parameter carries its
 * source and the confidence mark of /work/shared/domain/regole-lombardia.md (V verified, S secondary,
 * B best reconstruction, NF not found); values the rules file does not give are plausible and marked B
 * or NF, never silently.
 */

const RL = 'regole-lombardia.md';
const fonte = (parametro: string, affidabilita: Affidabilita, testo: string): FonteParametroV1 => ({
  parametro,
  fonte: `${testo} (${RL})`,
  affidabilita,
});

/** Caregiver familiare, L. 205/2017 art. 1 c. 255 (§1.5): the 3rd degree only «in casi particolari». */
const PARENTELE: ParentelaCaregiver[] = [
  'coniuge',
  'unito-civilmente',
  'convivente-di-fatto',
  'parente-1-grado',
  'parente-2-grado',
  'affine-1-grado',
  'affine-2-grado',
];
const FONTE_PARENTELE = (prefisso = '') =>
  fonte(
    `${prefisso}parenteleCaregiver`,
    'S',
    '§1.5, L. 205/2017 art. 1 c. 255: coniuge, unito civilmente, convivente di fatto, parenti e affini entro il 2° grado; il 3° grado solo in casi particolari, da aggiungere dall’Ambito',
  );

const ISEE_CICLO = [
  fonte(
    'isee.correnteMesiValidita',
    'S',
    '§9, DPCM 159/2013 art. 9 mod. DL 34/2019: ISEE corrente valido 6 mesi',
  ),
  fonte(
    'isee.correnteSostituisce',
    'B',
    '§11 regola 5: un ISEE corrente valido sostituisce l’ordinario/sociosanitario',
  ),
  fonte(
    'isee.difformitaDaVerificare',
    'B',
    '§11 regola 5: attestazioni con omissioni/difformità all’operatore',
  ),
];

/** The monthly run (issue 10): how a partly due month is paid, and who is a minor for the sollievo limit. */
const EROGAZIONE = { meseParziale: 'pro-rata-giorni', etaMaggiore: 18 } as const;
const FONTI_EROGAZIONE = [
  fonte(
    'erogazione.meseParziale',
    'B',
    '§11 regole 7 e 9: si liquidano solo i mesi di assistenza al domicilio; gestione dei giorni eccedenti [B]: proporzione ai giorni, da confermare sull’avviso',
  ),
  fonte(
    'erogazione.etaMaggiore',
    'S',
    '§1.4 e §5: limite di sollievo diverso per adulti e minori (maggiore età a 18 anni, c.c. art. 2)',
  ),
];

const strumento = (
  s: Partial<StrumentoMisuraV1> &
    Pick<StrumentoMisuraV1, 'codice' | 'descrizione' | 'aree' | 'modalita' | 'importoCentesimi'>,
): StrumentoMisuraV1 => ({
  presupposto: 'nessuno',
  fasceOre: [],
  percentualeCostoMassima: null,
  personeMassime: null,
  ...s,
});

// ---------------------------------------------------------------------------------------------------
// Misura B2 — FNA, DGR XII/3719 del 30/12/2024 (§1)
// ---------------------------------------------------------------------------------------------------

const B2_DISABILITA = {
  almenoUna: ['l104-art3-c3', 'indennita-accompagnamento'] as (
    'l104-art3-c3' | 'indennita-accompagnamento'
  )[],
  tutte: [],
  invaliditaMinima: null,
};

const B2_INCOMPATIBILITA: IncompatibilitaV1[] = [
  {
    misura: 'residenzialita-definitiva',
    motivo:
      'incompatibile con l’accoglienza definitiva in unità d’offerta residenziali (RSA, RSD, CSS, Hospice), DGR XII/3719/2024',
  },
  { misura: 'b1', motivo: 'incompatibile con la Misura B1, DGR XII/3719/2024' },
  {
    misura: 'sollievo-fsr',
    motivo: 'incompatibile con il ricovero di sollievo interamente a carico del FSR, DGR XII/3719/2024',
  },
  {
    misura: 'pro-vi-assistente-personale',
    motivo: 'incompatibile con il contributo Pro.Vi. per l’assistente personale, DGR XII/3719/2024',
  },
  {
    misura: 'rsa-aperta',
    motivo: 'incompatibile con la presa in carico in RSA aperta (DGR 7769/2018), DGR XII/3719/2024',
  },
  {
    misura: 'prestazione-universale',
    motivo: 'incompatibile con la Prestazione Universale (D.Lgs. 29/2024 artt. 34-36), DGR XII/3719/2024',
  },
  {
    misura: 'home-care-premium',
    motivo: 'incompatibile con Home Care Premium (INPS HCP), DGR XII/3719/2024',
  },
];

/** B2 2025, standard bands: gravità or accompaniment allowance for every age (§1.2 punto 3). */
export const REGOLE_B2_2025: RegoleMisuraV1 = {
  misura: 'b2',
  annualita: 2025,
  validoDal: '2025-01-01',
  validoAl: '2025-12-31',
  atti: [{ tipo: 'dgr', numero: 'XII/3719', data: '2024-12-30' }],
  parametri: {
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
          disabilita: { ...B2_DISABILITA, almenoUna: [...B2_DISABILITA.almenoUna] },
          isee: { tipi: ['ordinario'], sogliaCentesimi: 4_000_000, riduzioni: [] },
        },
        {
          area: 'disabili-adulti',
          etaMinima: 18,
          etaMassima: 64,
          disabilita: { ...B2_DISABILITA, almenoUna: [...B2_DISABILITA.almenoUna] },
          isee: { tipi: ['sociosanitario'], sogliaCentesimi: 2_500_000, riduzioni: [] },
        },
        {
          area: 'anziani',
          etaMinima: 65,
          etaMassima: null,
          disabilita: { ...B2_DISABILITA, almenoUna: [...B2_DISABILITA.almenoUna] },
          isee: { tipi: ['sociosanitario'], sogliaCentesimi: 2_500_000, riduzioni: [] },
        },
      ],
    },
    strumenti: [
      strumento({
        codice: 'buono-caregiver',
        descrizione: 'Buono sociale mensile al caregiver familiare',
        aree: ['anziani', 'disabili-adulti', 'minori'],
        presupposto: 'caregiver-familiare',
        modalita: 'mensile',
        importoCentesimi: 10_000,
      }),
      strumento({
        codice: 'buono-assistente-familiare',
        descrizione: 'Buono per l’assistente familiare regolarmente assunto, graduato sul monte ore',
        aree: ['anziani', 'disabili-adulti', 'minori'],
        presupposto: 'contratto-assistente',
        modalita: 'mensile',
        importoCentesimi: 80_000,
        fasceOre: [
          { oreSettimanaliMinime: 10, importoCentesimi: 40_000 },
          { oreSettimanaliMinime: 20, importoCentesimi: 60_000 },
          { oreSettimanaliMinime: 30, importoCentesimi: 80_000 },
        ],
      }),
      strumento({
        codice: 'voucher-minori',
        descrizione: 'Voucher per la vita di relazione dei minori (progetti educativi e socializzanti)',
        aree: ['minori'],
        modalita: 'mensile',
        importoCentesimi: 20_000,
      }),
      strumento({
        codice: 'vita-indipendente',
        descrizione: 'Buono per progetti di vita indipendente con assistente personale',
        aree: ['disabili-adulti'],
        presupposto: 'progetto-vita-indipendente',
        modalita: 'mensile',
        importoCentesimi: 80_000,
      }),
    ],
    incompatibilita: B2_INCOMPATIBILITA,
    sollievo: { giorniMassimiAdulti: 60, giorniMassimiMinori: 90 },
    isee: { correnteMesiValidita: 6, correnteSostituisce: true, difformitaDaVerificare: true },
    erogazione: EROGAZIONE,
    parenteleCaregiver: PARENTELE,
    ordinamento: [
      { criterio: 'isee', verso: 'crescente' },
      { criterio: 'protocollo', verso: 'crescente' },
    ],
    dopoDiNoi: null,
    proVi: null,
    conti: CONTI_B2_2025.conti,
    fonti: [
      ...CONTI_B2_2025.fonti,
      fonte(
        'requisiti.residenzaAmbito',
        'S',
        '§1.2 punto 2: residenza in un comune dell’Ambito (tutti gli avvisi)',
      ),
      fonte(
        'requisiti.domicilio',
        'S',
        '§1.2 punto 1: persona che vive al domicilio (ATS Brescia, Cinisello, Ostiglia)',
      ),
      fonte(
        'requisiti.disabilitaNonDaSenilita',
        'S',
        '§1.2 punto 1: B2 per persone di qualsiasi età, anche anziane',
      ),
      fonte(
        'requisiti.valutazioneMultidimensionale',
        'S',
        '§1.2 punto 6: la misura si attua previa valutazione (avviso di Ostiglia)',
      ),
      fonte(
        'requisiti.valutazioneClinicaSociale',
        'B',
        '§1.2 punto 6: valutazione dell’Ambito in raccordo con l’ASST, équipe clinico-sociale non richiesta',
      ),
      fonte('requisiti.progettoApprovato', 'S', '§1.2 punto 6 e §11 regola 12: progetto individuale firmato'),
      fonte('requisiti.budgetDiProgetto', 'B', '§1: budget di progetto non previsto per la B2'),
      fonte('requisiti.fasce[0]', 'S', '§1.2 punto 4 e §1.5: fascia dei minori, graduatoria separata'),
      fonte(
        'requisiti.fasce[1]',
        'S',
        '§1.5: fascia dei disabili adulti, graduatoria separata (Carate 2021)',
      ),
      fonte('requisiti.fasce[2]', 'S', '§1.5: fascia degli anziani, graduatoria separata (Carate 2021)'),
      fonte('strumenti[0]', 'S', '§1.3: buono sociale mensile al caregiver familiare (DGR 3719/2024)'),
      fonte(
        'strumenti[1]',
        'S',
        '§1.3: buono mensile per l’assistente familiare regolarmente assunto (DGR 3719/2024)',
      ),
      fonte(
        'strumenti[2]',
        'S',
        '§1.3: voucher minori per la vita di relazione (ATS Brescia, Garda Sociale)',
      ),
      fonte('strumenti[3]', 'S', '§1.3: buono per progetti di vita indipendente con assistente personale'),
      fonte('requisiti.fasce[0].etaMassima', 'S', '§1.2 punto 4: minori, ISEE ordinario'),
      fonte(
        'requisiti.fasce[0].disabilita',
        'S',
        '§1.2 punto 3: gravità art. 3 c. 3 L. 104/1992 oppure indennità di accompagnamento (ATS Brescia, Ostiglia)',
      ),
      fonte(
        'requisiti.fasce[0].isee.tipi',
        'S',
        '§1.2 punto 4: minori, ISEE ordinario (DGR 3719/2024 secondo Cinisello 2025, fidaldo 2025)',
      ),
      fonte(
        'requisiti.fasce[0].isee.sogliaCentesimi',
        'S',
        '§1.2 punto 4: minori, ISEE ordinario ≤ € 40.000',
      ),
      fonte('requisiti.fasce[0].isee.riduzioni', 'B', '§1: nessuna riduzione per fascia ISEE nella B2'),
      fonte(
        'requisiti.fasce[1].etaMinima',
        'S',
        '§1.5: graduatorie separate per anziani, disabili adulti e minori (Carate 2021)',
      ),
      fonte(
        'requisiti.fasce[1].etaMassima',
        'B',
        '§1.5: confine disabili adulti/anziani a 65 anni, scelta dell’Ambito',
      ),
      fonte(
        'requisiti.fasce[1].disabilita',
        'S',
        '§1.2 punto 3: gravità oppure indennità di accompagnamento',
      ),
      fonte('requisiti.fasce[1].isee.tipi', 'S', '§1.2 punto 4: adulti, ISEE sociosanitario'),
      fonte(
        'requisiti.fasce[1].isee.sogliaCentesimi',
        'S',
        '§1.2 punto 4: adulti e anziani, ISEE sociosanitario ≤ € 25.000',
      ),
      fonte('requisiti.fasce[1].isee.riduzioni', 'B', '§1: nessuna riduzione per fascia ISEE nella B2'),
      fonte('requisiti.fasce[2].etaMinima', 'B', '§1.5: anziani da 65 anni, scelta dell’Ambito'),
      fonte(
        'requisiti.fasce[2].disabilita',
        'S',
        '§1.2 punto 3: gravità oppure indennità di accompagnamento',
      ),
      fonte('requisiti.fasce[2].isee.tipi', 'S', '§1.2 punto 4: anziani, ISEE sociosanitario'),
      fonte(
        'requisiti.fasce[2].isee.sogliaCentesimi',
        'S',
        '§1.2 punto 4: adulti e anziani, ISEE sociosanitario ≤ € 25.000',
      ),
      fonte('requisiti.fasce[2].isee.riduzioni', 'B', '§1: nessuna riduzione per fascia ISEE nella B2'),
      fonte(
        'strumenti[0].importoCentesimi',
        'S',
        '§1.3: buono caregiver familiare € 100/mese (DGR 3719/2024, fidaldo 2025)',
      ),
      fonte('strumenti[0].presupposto', 'S', '§11 regola 8: caregiver familiare L. 205/2017'),
      fonte('strumenti[0].aree', 'S', '§1.5: tre aree con graduatorie separate'),
      fonte(
        'strumenti[1].importoCentesimi',
        'S',
        '§1.3: buono assistente familiare fino a € 800/mese (DGR 3719/2024, fidaldo 2025)',
      ),
      fonte(
        'strumenti[1].fasceOre',
        'B',
        '§1.3: graduabile dall’Ambito sul monte ore contrattuale; fasce da 10, 20 e 30 ore scelte come esempio',
      ),
      fonte('strumenti[1].presupposto', 'S', '§11 regola 8: contratto di lavoro regolare'),
      fonte('strumenti[1].aree', 'S', '§1.5: tre aree con graduatorie separate'),
      fonte(
        'strumenti[2].importoCentesimi',
        'NF',
        '§1.3: importo del voucher minori non trovato; € 200/mese valore plausibile da verificare sulla DGR 3719/2024',
      ),
      fonte('strumenti[2].aree', 'S', '§1.3: voucher per i minori (ATS Brescia, Garda Sociale)'),
      fonte(
        'strumenti[3].importoCentesimi',
        'NF',
        '§1.3: importo 2025 non trovato; € 800/mese come nella DGR 7751/2022',
      ),
      fonte('strumenti[3].presupposto', 'S', '§1.3: progetti di vita indipendente con assistente personale'),
      fonte('strumenti[3].aree', 'B', '§1.3: vita indipendente per i disabili adulti, scelta dell’Ambito'),
      fonte(
        'incompatibilita',
        'S',
        '§1.4: incompatibilità della B2 2025 (Ambito di Trezzo, 08/04/2025, DGR 3719/2024)',
      ),
      fonte(
        'sollievo.giorniMassimiAdulti',
        'S',
        '§1.4: ricovero di sollievo fino a 60 giorni/anno per gli adulti',
      ),
      fonte(
        'sollievo.giorniMassimiMinori',
        'S',
        '§1.4: ricovero di sollievo fino a 90 giorni/anno per i minori',
      ),
      ...ISEE_CICLO,
      ...FONTI_EROGAZIONE,
      FONTE_PARENTELE(),
      fonte('ordinamento', 'B', '§1.5 e §11 regola 11: ISEE crescente, poi data e ora di protocollo'),
    ],
  },
};

/**
 * B2 2025 with the Cinisello-style conditions (§1.2 punto 3, variante d’Ambito): adults and elderly
 * «invalidità al 100 % e gravità, ovvero indennità di accompagnamento»; minors «indennità di
 * accompagnamento o di frequenza e gravità». Not installed by default: an Ambito that adopts it copies
 * these parameters.
 */
export const REGOLE_B2_2025_VARIANTE_CINISELLO: RegoleMisuraV1 = (() => {
  const doc = structuredClone(REGOLE_B2_2025);
  const [minori, adulti, anziani] = doc.parametri.requisiti.fasce;
  minori.disabilita = {
    tutte: ['l104-art3-c3'],
    almenoUna: ['indennita-accompagnamento', 'indennita-frequenza'],
    invaliditaMinima: null,
  };
  for (const f of [adulti, anziani])
    f.disabilita = {
      tutte: ['l104-art3-c3', 'invalidita-civile'],
      almenoUna: [],
      invaliditaMinima: 100,
      oppure: ['indennita-accompagnamento'],
    };
  doc.parametri.fonti = doc.parametri.fonti.map((f) =>
    /^requisiti\.fasce\[\d]\.disabilita$/.test(f.parametro)
      ? fonte(f.parametro, 'S', '§1.2 punto 3: variante di Cinisello 2025 (DGR 3719/2024)')
      : f,
  );
  return doc;
})();

// ---------------------------------------------------------------------------------------------------
// Dopo di Noi — L. 112/2016, DM 23/11/2016, DGR XII/2912 del 05/08/2024 (§2)
// ---------------------------------------------------------------------------------------------------

const GRUPPO_APPARTAMENTO = 5;

/** Dopo di Noi 2025: 18–64, gravità not due to ageing, types A–F with the caps of §2.6–2.7. */
export const REGOLE_DOPO_DI_NOI_2025: RegoleMisuraV1 = {
  misura: 'dopo-di-noi',
  annualita: 2025,
  validoDal: '2025-01-01',
  validoAl: '2025-12-31',
  atti: [
    { tipo: 'dm', numero: 'DM 23/11/2016', data: '2016-11-23' },
    { tipo: 'dgr', numero: 'XII/2912', data: '2024-08-05' },
  ],
  parametri: {
    requisiti: {
      residenzaAmbito: true,
      domicilio: false,
      disabilitaNonDaSenilita: true,
      valutazioneMultidimensionale: true,
      valutazioneClinicaSociale: true,
      progettoApprovato: true,
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
      strumento({
        codice: 'ddn-a',
        descrizione: 'A — Adeguamento dell’ambiente domestico (domotica, riadattamento, messa a norma)',
        aree: ['disabili-adulti'],
        modalita: 'totale',
        importoCentesimi: 2_000_000,
        percentualeCostoMassima: 70,
      }),
      strumento({
        codice: 'ddn-b1',
        descrizione: 'B1 — Contributo al canone di locazione',
        aree: ['disabili-adulti'],
        modalita: 'mensile',
        importoCentesimi: 30_000,
        percentualeCostoMassima: 80,
      }),
      strumento({
        codice: 'ddn-b2',
        descrizione: 'B2 — Contributo alle spese condominiali',
        aree: ['disabili-adulti'],
        modalita: 'totale',
        importoCentesimi: 150_000,
      }),
      strumento({
        codice: 'ddn-c1',
        descrizione: 'C1 — Voucher per percorsi di accompagnamento all’autonomia',
        aree: ['disabili-adulti'],
        modalita: 'totale',
        importoCentesimi: 480_000,
      }),
      strumento({
        codice: 'ddn-c2',
        descrizione: 'C2 — Voucher «Durante Noi»: consulenza e sostegno alle relazioni familiari',
        aree: ['disabili-adulti'],
        modalita: 'totale',
        importoCentesimi: 60_000,
      }),
      strumento({
        codice: 'ddn-d',
        descrizione: 'D — Voucher per gruppo appartamento con ente gestore',
        aree: ['disabili-adulti'],
        modalita: 'mensile',
        importoCentesimi: 50_000,
        personeMassime: GRUPPO_APPARTAMENTO,
      }),
      strumento({
        codice: 'ddn-e',
        descrizione: 'E — Contributo per gruppo appartamento autogestito',
        aree: ['disabili-adulti'],
        modalita: 'mensile',
        importoCentesimi: 60_000,
        personeMassime: GRUPPO_APPARTAMENTO,
      }),
      strumento({
        codice: 'ddn-f',
        descrizione: 'F — Buono per soluzioni di cohousing/housing',
        aree: ['disabili-adulti'],
        modalita: 'mensile',
        importoCentesimi: 70_000,
      }),
    ],
    incompatibilita: [],
    sollievo: { giorniMassimiAdulti: 366, giorniMassimiMinori: 366 },
    isee: { correnteMesiValidita: 6, correnteSostituisce: true, difformitaDaVerificare: true },
    erogazione: EROGAZIONE,
    parenteleCaregiver: PARENTELE,
    ordinamento: [
      { criterio: 'priorita-garantita', verso: 'decrescente' },
      { criterio: 'urgenza', verso: 'decrescente' },
      { criterio: 'protocollo', verso: 'crescente' },
    ],
    dopoDiNoi: {
      prioritaGarantite: [
        'a-senza-genitori-senza-risorse',
        'b-genitori-non-in-grado',
        'c-residenza-lontana-da-casa',
      ],
      punteggioMassimoDimensione: 10,
    },
    proVi: null,
    conti: CONTI_DOPO_DI_NOI_2025.conti,
    fonti: [
      ...CONTI_DOPO_DI_NOI_2025.fonti,
      fonte('requisiti.residenzaAmbito', 'B', '§2.5: domande all’Ambito di residenza (avvisi d’Ambito)'),
      fonte(
        'requisiti.domicilio',
        'B',
        '§2.6: il Dopo di Noi finanzia anche soluzioni abitative fuori dalla famiglia',
      ),
      fonte(
        'requisiti.disabilitaNonDaSenilita',
        'V',
        '§2.1, DM 23/11/2016 art. 1: disabilità grave non determinata dal naturale invecchiamento',
      ),
      fonte(
        'requisiti.valutazioneMultidimensionale',
        'S',
        '§2.5: accesso solo dopo la valutazione multidimensionale',
      ),
      fonte(
        'requisiti.valutazioneClinicaSociale',
        'V',
        '§2.2, DM 23/11/2016 art. 2: équipe con almeno le componenti clinica e sociale',
      ),
      fonte('requisiti.progettoApprovato', 'S', '§2.5: redazione del progetto individuale'),
      fonte(
        'requisiti.budgetDiProgetto',
        'V',
        '§2.1–2.2 e §11 regola 13: progetto personalizzato con budget di progetto',
      ),
      fonte('requisiti.fasce[0]', 'S', '§2.5: persone con disabilità grave 18–64 anni'),
      fonte(
        'requisiti.fasce[0].etaMinima',
        'S',
        '§2.5: 18–64 anni (ATS Brescia, Tradate 2022); dal 2024 «di norma maggiorenni»',
      ),
      fonte('requisiti.fasce[0].etaMassima', 'S', '§2.5: 18–64 anni (ATS Brescia, Tradate 2022)'),
      fonte(
        'requisiti.fasce[0].disabilita',
        'V',
        '§2.1, DM 23/11/2016 art. 1: gravità art. 3 c. 3 L. 104/1992',
      ),
      fonte(
        'requisiti.fasce[0].isee',
        'NF',
        '§2: nessuna soglia ISEE trovata per il Dopo di Noi; la condizione economica pesa nell’urgenza',
      ),
      fonte(
        'strumenti[0].importoCentesimi',
        'S',
        '§2.7: ristrutturazione fino a € 20.000 per unità immobiliare (versione 2022, Tradate; da verificare sulla DGR 2912/2024)',
      ),
      fonte(
        'strumenti[0].percentualeCostoMassima',
        'S',
        '§2.7: e comunque ≤ 70 % del costo dell’intervento (versione 2022)',
      ),
      fonte(
        'strumenti[1].importoCentesimi',
        'B',
        '§2.7: canone fino a € 300/mese, da memoria della DGR 6674/2017, NON verificato',
      ),
      fonte(
        'strumenti[1].percentualeCostoMassima',
        'B',
        '§2.7: canone ≤ 80 % del costo, da memoria della DGR 6674/2017, NON verificato',
      ),
      fonte(
        'strumenti[2].importoCentesimi',
        'B',
        '§2.7: spese condominiali fino a € 1.500/anno, da memoria della DGR 6674/2017, NON verificato',
      ),
      fonte(
        'strumenti[3].importoCentesimi',
        'S',
        '§2.7: voucher di accompagnamento all’autonomia fino a € 4.800/anno pro capite (versione 2022)',
      ),
      fonte(
        'strumenti[4].importoCentesimi',
        'S',
        '§2.7: fino a € 600 per consulenza e sostegno alle relazioni familiari (versione 2022)',
      ),
      fonte(
        'strumenti[5].importoCentesimi',
        'B',
        '§2.7: voucher con ente gestore fino a € 500/mese, da memoria della DGR 6674/2017, NON verificato',
      ),
      fonte(
        'strumenti[5].personeMassime',
        'S',
        '§2.6: gruppi appartamento di massimo 5 persone (DGR 6674/2017, cumfide.it)',
      ),
      fonte(
        'strumenti[6].importoCentesimi',
        'B',
        '§2.7: contributo autogestito fino a € 600/mese, da memoria della DGR 6674/2017, NON verificato',
      ),
      fonte(
        'strumenti[6].personeMassime',
        'S',
        '§2.6: gruppi appartamento di massimo 5 persone (DGR 6674/2017, cumfide.it)',
      ),
      fonte(
        'strumenti[7].importoCentesimi',
        'B',
        '§2.7: buono cohousing fino a € 700/mese, da memoria della DGR 6674/2017, NON verificato',
      ),
      fonte(
        'strumenti[7].codice',
        'B',
        '§2.6: tipologia F troncata nella fonte, probabilmente cohousing/housing',
      ),
      fonte(
        'strumenti',
        'S',
        '§2.6: tipologie A–F della DGR 2912/2024 (codifica dell’Ambito di Trezzo/Vimercate)',
      ),
      fonte(
        'incompatibilita',
        'NF',
        '§5: compatibilità del Dopo di Noi con le altre misure non trovate ([NF] o «?» nella tabella)',
      ),
      fonte(
        'sollievo',
        'NF',
        '§2: nessun limite di giorni di sollievo trovato per il Dopo di Noi (366: nessun limite)',
      ),
      ...ISEE_CICLO,
      ...FONTI_EROGAZIONE,
      FONTE_PARENTELE(),
      fonte(
        'ordinamento',
        'V',
        '§2.3, DM 23/11/2016 art. 4 cc. 2-3: priorità garantite, poi maggiore urgenza; a parità il protocollo [B]',
      ),
      fonte(
        'dopoDiNoi.prioritaGarantite',
        'V',
        '§2.3, DM art. 4 c. 3 lettere a) e b) [V]; lettera c) [B], troncata nella fonte',
      ),
      fonte(
        'dopoDiNoi.punteggioMassimoDimensione',
        'NF',
        '§2.3: scala del punteggio d’urgenza non trovata; 10 per dimensione valore plausibile',
      ),
    ],
  },
};

// ---------------------------------------------------------------------------------------------------
// Pro.Vi. — DGR XII/2033 del 18/3/2024 (§3)
// ---------------------------------------------------------------------------------------------------

/** Pro.Vi. 2025: adults, no caregiver, personal assistant, ≥ 2 macroaree, € 20.000 per beneficiary. */
export const REGOLE_PRO_VI_2025: RegoleMisuraV1 = {
  misura: 'pro-vi',
  annualita: 2025,
  validoDal: '2025-01-01',
  validoAl: '2025-12-31',
  atti: [{ tipo: 'dgr', numero: 'XII/2033', data: '2024-03-18' }],
  parametri: {
    requisiti: {
      residenzaAmbito: true,
      domicilio: true,
      disabilitaNonDaSenilita: true,
      valutazioneMultidimensionale: true,
      valutazioneClinicaSociale: true,
      progettoApprovato: true,
      budgetDiProgetto: false,
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
      strumento({
        codice: 'pro-vi',
        descrizione: 'Progetto di vita indipendente con assistente personale',
        aree: ['disabili-adulti'],
        presupposto: 'assistente-personale',
        modalita: 'totale',
        importoCentesimi: 2_000_000,
      }),
    ],
    incompatibilita: [
      { misura: 'b1', motivo: 'l’assistente personale Pro.Vi. non è cumulabile con la B1 (§3, §5)' },
      { misura: 'b2', motivo: 'l’assistente personale Pro.Vi. non è cumulabile con la B2 (§3, §5)' },
      {
        misura: 'dopo-di-noi-gestionale',
        motivo:
          'non cumulabile con l’accompagnamento all’autonomia e i voucher residenzialità del Dopo di Noi (§3)',
      },
    ],
    sollievo: { giorniMassimiAdulti: 60, giorniMassimiMinori: 90 },
    isee: { correnteMesiValidita: 6, correnteSostituisce: true, difformitaDaVerificare: true },
    erogazione: EROGAZIONE,
    parenteleCaregiver: PARENTELE,
    ordinamento: [
      { criterio: 'isee', verso: 'crescente' },
      { criterio: 'protocollo', verso: 'crescente' },
    ],
    dopoDiNoi: null,
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
    conti: CONTI_PRO_VI_2025.conti,
    fonti: [
      ...CONTI_PRO_VI_2025.fonti,
      fonte('requisiti.residenzaAmbito', 'B', '§3: avvisi d’Ambito (Legnano, Rodigo, Castellucchio)'),
      fonte('requisiti.domicilio', 'B', '§3: progetto di vita indipendente al proprio domicilio'),
      fonte(
        'requisiti.disabilitaNonDaSenilita',
        'S',
        '§3: disabilità non determinata da invecchiamento o senilità',
      ),
      fonte('requisiti.valutazioneMultidimensionale', 'S', '§3: il progetto è esito della VMD'),
      fonte(
        'requisiti.valutazioneClinicaSociale',
        'S',
        '§3: équipe multiprofessionale con almeno le componenti clinica e sociale',
      ),
      fonte('requisiti.progettoApprovato', 'S', '§3: progetto elaborato e condiviso fra Ambito e ASST'),
      fonte('requisiti.budgetDiProgetto', 'B', '§3: budget di progetto non richiesto alla persona'),
      fonte(
        'requisiti.fasce[0]',
        'S',
        '§3: persone con disabilità maggiorenni (ATS Insubria, ATS Val Padana)',
      ),
      fonte(
        'strumenti[0]',
        'S',
        '§3: contributo al progetto di vita indipendente, a consuntivo su costi documentati',
      ),
      fonte('requisiti.fasce[0].etaMinima', 'S', '§3: beneficiari di norma maggiorenni'),
      fonte(
        'requisiti.fasce[0].etaMassima',
        'B',
        '§3: 64 anni come limite superiore (disabilità non da senilità), da verificare',
      ),
      fonte(
        'requisiti.fasce[0].disabilita',
        'B',
        '§3: gravità art. 3 c. 3 L. 104/1992 non indicata dalla fonte, da verificare',
      ),
      fonte(
        'requisiti.fasce[0].isee.tipi',
        'S',
        '§3: ISEE sociosanitario (regola per Ambito; Consorzio Progetto Solidarietà 2024)',
      ),
      fonte(
        'requisiti.fasce[0].isee.sogliaCentesimi',
        'S',
        '§3: contributo fino a ISEE € 40.000 (Consorzio Progetto Solidarietà 2024)',
      ),
      fonte(
        'requisiti.fasce[0].isee.riduzioni',
        'S',
        '§3: fra € 35.000 e € 40.000 il contributo è ridotto del 50 %',
      ),
      fonte(
        'strumenti[0].importoCentesimi',
        'S',
        '§3: massimale per beneficiario fino a € 20.000 (Consorzio Progetto Solidarietà; regionale NF)',
      ),
      fonte(
        'strumenti[0].presupposto',
        'S',
        '§3: progetto senza caregiver familiare, con assistente personale',
      ),
      fonte('strumenti[0].aree', 'S', '§3: persone con disabilità maggiorenni'),
      fonte(
        'incompatibilita',
        'S',
        '§3 e §5: assistente personale non cumulabile con B1/B2 né con il Dopo di Noi gestionale',
      ),
      fonte('sollievo', 'NF', '§3: nessun limite di sollievo trovato per il Pro.Vi.; valori della B2'),
      ...ISEE_CICLO,
      ...FONTI_EROGAZIONE,
      FONTE_PARENTELE(),
      fonte('ordinamento', 'B', '§11 regola 11: ISEE crescente, poi protocollo (default suggerito)'),
      fonte('proVi.macroaree', 'S', '§3: sei macroaree (ATS Insubria, ATS Val Padana)'),
      fonte('proVi.macroareeMinime', 'S', '§3 e §11 regola 18: almeno 2 macroaree per progetto'),
    ],
  },
};

/** The rule sets installed in an ambito that has none of its measure. */
export const REGOLE_PREDEFINITE_2025: readonly RegoleMisuraV1[] = [
  REGOLE_B2_2025,
  REGOLE_DOPO_DI_NOI_2025,
  REGOLE_PRO_VI_2025,
];
