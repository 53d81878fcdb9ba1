import type { StrumentoV1 } from '@ambito/contracts';

const siNo = (indipendente: string, dipendente: string) => [
  { valore: 1, etichetta: indipendente, punti: 1 },
  { valore: 0, etichetta: dipendente, punti: 0 },
];

/**
 * The instruments in force when the service was first installed. They are rows of the
 * `strumento_valutazione` table: a new version (or instrument) is a new row with its validoDal, never
 * an edit of this file.
 */
export const STRUMENTI_INIZIALI: Omit<StrumentoV1, 'requisitiEquipe'>[] = [
  {
    codice: 'ADL',
    versione: 1,
    validoDal: '2020-01-01',
    denominazione: 'Activities of Daily Living (indice di Katz)',
    fonte: 'Katz S. et al., JAMA 1963; 6 funzioni, 1 punto per funzione svolta in autonomia',
    punteggio: { tipo: 'somma', min: 0, max: 6, descrizione: '6 = autonomo, 0 = totalmente dipendente' },
    items: [
      {
        codice: 'fare-il-bagno',
        descrizione: 'Fare il bagno',
        valori: siNo('Autonomo o aiuto per una sola parte', 'Aiuto per più parti o non lo fa'),
      },
      {
        codice: 'vestirsi',
        descrizione: 'Vestirsi',
        valori: siNo('Prende gli abiti e si veste da solo', 'Aiuto per vestirsi'),
      },
      {
        codice: 'uso-servizi',
        descrizione: 'Uso dei servizi igienici',
        valori: siNo('Va al bagno e si pulisce da solo', 'Ha bisogno di aiuto'),
      },
      {
        codice: 'spostarsi',
        descrizione: 'Spostamenti letto-sedia',
        valori: siNo('Si sposta da solo', 'Ha bisogno di aiuto'),
      },
      {
        codice: 'continenza',
        descrizione: 'Continenza',
        valori: siNo('Controllo completo', 'Incontinenza parziale o totale'),
      },
      {
        codice: 'alimentarsi',
        descrizione: 'Alimentarsi',
        valori: siNo('Si alimenta da solo', 'Ha bisogno di aiuto o nutrizione artificiale'),
      },
    ],
  },
  {
    codice: 'IADL',
    versione: 1,
    validoDal: '2020-01-01',
    denominazione: 'Instrumental Activities of Daily Living (scala di Lawton)',
    fonte: 'Lawton M.P., Brody E.M., Gerontologist 1969; 8 funzioni, versione a 0–8 punti',
    punteggio: { tipo: 'somma', min: 0, max: 8, descrizione: '8 = autonomo, 0 = totalmente dipendente' },
    items: [
      {
        codice: 'telefono',
        descrizione: 'Usare il telefono',
        valori: [
          { valore: 1, etichetta: 'Usa il telefono di sua iniziativa', punti: 1 },
          { valore: 2, etichetta: 'Compone solo alcuni numeri noti', punti: 1 },
          { valore: 3, etichetta: 'Risponde ma non chiama', punti: 1 },
          { valore: 4, etichetta: 'Non usa il telefono', punti: 0 },
        ],
      },
      {
        codice: 'spesa',
        descrizione: 'Fare la spesa',
        valori: [
          { valore: 1, etichetta: 'Fa la spesa da solo', punti: 1 },
          { valore: 2, etichetta: 'Solo piccoli acquisti', punti: 0 },
          { valore: 3, etichetta: 'Deve essere accompagnato', punti: 0 },
          { valore: 4, etichetta: 'Non fa la spesa', punti: 0 },
        ],
      },
      {
        codice: 'pasti',
        descrizione: 'Preparare i pasti',
        valori: [
          { valore: 1, etichetta: 'Prepara pasti adeguati da solo', punti: 1 },
          { valore: 2, etichetta: 'Prepara se gli forniscono gli ingredienti', punti: 0 },
          { valore: 3, etichetta: 'Riscalda pasti preparati', punti: 0 },
          { valore: 4, etichetta: 'Ha bisogno che gli preparino i pasti', punti: 0 },
        ],
      },
      {
        codice: 'casa',
        descrizione: 'Governo della casa',
        valori: [
          { valore: 1, etichetta: 'Da solo o con aiuto per i lavori pesanti', punti: 1 },
          { valore: 2, etichetta: 'Solo lavori leggeri', punti: 1 },
          { valore: 3, etichetta: 'Lavori leggeri ma non adeguati', punti: 1 },
          { valore: 4, etichetta: 'Ha bisogno di aiuto per ogni lavoro', punti: 1 },
          { valore: 5, etichetta: 'Non partecipa', punti: 0 },
        ],
      },
      {
        codice: 'biancheria',
        descrizione: 'Lavare la biancheria',
        valori: [
          { valore: 1, etichetta: 'Provvede da solo', punti: 1 },
          { valore: 2, etichetta: 'Solo piccoli capi', punti: 1 },
          { valore: 3, etichetta: 'Deve provvedere qualcun altro', punti: 0 },
        ],
      },
      {
        codice: 'trasporti',
        descrizione: 'Usare i mezzi di trasporto',
        valori: [
          { valore: 1, etichetta: 'Viaggia da solo', punti: 1 },
          { valore: 2, etichetta: 'Solo in taxi', punti: 1 },
          { valore: 3, etichetta: 'Mezzi pubblici se accompagnato', punti: 1 },
          { valore: 4, etichetta: 'Solo in auto con altri', punti: 0 },
          { valore: 5, etichetta: 'Non viaggia', punti: 0 },
        ],
      },
      {
        codice: 'farmaci',
        descrizione: 'Assumere i farmaci',
        valori: [
          { valore: 1, etichetta: 'Dosi e orari corretti da solo', punti: 1 },
          { valore: 2, etichetta: 'Se preparati in anticipo', punti: 0 },
          { valore: 3, etichetta: 'Non è in grado', punti: 0 },
        ],
      },
      {
        codice: 'denaro',
        descrizione: 'Gestire il denaro',
        valori: [
          { valore: 1, etichetta: 'Gestisce le proprie finanze', punti: 1 },
          { valore: 2, etichetta: 'Piccoli acquisti, aiuto per banca e spese grandi', punti: 1 },
          { valore: 3, etichetta: 'Non è in grado', punti: 0 },
        ],
      },
    ],
  },
  {
    codice: 'SINA',
    versione: 1,
    validoDal: '2019-01-01',
    denominazione: 'Griglia SINA (SIUSS, tracciato PS-PSA-SINA 2018-12)',
    fonte: 'INPS, tracciato XML PS_PSA_SINA201812.xsd, sezione SINA',
    punteggio: {
      tipo: 'profilo',
      min: null,
      max: null,
      descrizione: 'Profilo trasmesso al SIUSS, senza punteggio',
    },
    items: [
      {
        codice: 'mobilita',
        descrizione: 'Mobilità',
        valori: [
          { valore: 1, etichetta: 'Si sposta da solo', punti: 0 },
          { valore: 2, etichetta: 'Si sposta assistito', punti: 0 },
          { valore: 3, etichetta: 'Non si sposta', punti: 0 },
        ],
      },
      {
        codice: 'attivitaVitaQuotidiana',
        descrizione: 'Attività della vita quotidiana',
        valori: [
          { valore: 1, etichetta: 'Autonomo', punti: 0 },
          { valore: 2, etichetta: 'Parzialmente dipendente', punti: 0 },
          { valore: 3, etichetta: 'Totalmente dipendente', punti: 0 },
        ],
      },
      {
        codice: 'disturbiAreaCognitiva',
        descrizione: 'Disturbi dell’area cognitiva',
        valori: [
          { valore: 1, etichetta: 'Lievi', punti: 0 },
          { valore: 2, etichetta: 'Moderati', punti: 0 },
          { valore: 3, etichetta: 'Gravi', punti: 0 },
        ],
      },
      {
        codice: 'disturbiComportamentali',
        descrizione: 'Disturbi comportamentali',
        valori: [
          { valore: 1, etichetta: 'Assenti', punti: 0 },
          { valore: 2, etichetta: 'Presenti', punti: 0 },
        ],
      },
      {
        codice: 'necessitaCureSanitarie',
        descrizione: 'Necessità di cure sanitarie',
        valori: [
          { valore: 1, etichetta: 'Bassa', punti: 0 },
          { valore: 2, etichetta: 'Media', punti: 0 },
          { valore: 3, etichetta: 'Alta', punti: 0 },
        ],
      },
      {
        codice: 'areaReddituale',
        descrizione: 'Area reddituale',
        valori: [
          { valore: 1, etichetta: 'Reddito adeguato', punti: 0 },
          { valore: 2, etichetta: 'Reddito parzialmente adeguato', punti: 0 },
          { valore: 3, etichetta: 'Reddito inadeguato', punti: 0 },
        ],
      },
      {
        codice: 'areaSupporto',
        descrizione: 'Area supporto (rete familiare)',
        valori: [
          { valore: 1, etichetta: 'Presente', punti: 0 },
          { valore: 2, etichetta: 'Parziale', punti: 0 },
          { valore: 3, etichetta: 'Assente', punti: 0 },
        ],
      },
      {
        codice: 'fonteDerivazioneValutazione',
        descrizione: 'Fonte della valutazione',
        valori: [
          { valore: 1, etichetta: 'UVM', punti: 0 },
          { valore: 2, etichetta: 'Cartella sociale', punti: 0 },
          { valore: 3, etichetta: 'Altra documentazione', punti: 0 },
          { valore: 4, etichetta: 'Raccolta diretta', punti: 0 },
        ],
      },
      {
        codice: 'strumentoValutazione',
        descrizione: 'Strumento di valutazione',
        valori: [
          { valore: 1, etichetta: 'SVAMA', punti: 0 },
          { valore: 2, etichetta: 'AGED', punti: 0 },
          { valore: 3, etichetta: 'RUG', punti: 0 },
          { valore: 4, etichetta: 'SOSIA', punti: 0 },
          { valore: 5, etichetta: 'Schema Polare', punti: 0 },
          { valore: 6, etichetta: 'VALGRAF', punti: 0 },
          { valore: 7, etichetta: 'Altro', punti: 0 },
        ],
      },
      {
        codice: 'invaliditaCivile',
        descrizione: 'Invalidità civile',
        valori: [
          { valore: 0, etichetta: 'Nessuna certificazione (non trasmessa)', punti: 0 },
          { valore: 1, etichetta: 'Invalidità ≥ 75%', punti: 0 },
          { valore: 2, etichetta: '100% con accompagnamento', punti: 0 },
          { valore: 3, etichetta: '100% senza accompagnamento', punti: 0 },
          { valore: 4, etichetta: 'Certificazione NPI', punti: 0 },
          { valore: 5, etichetta: 'L. 104 art. 3 c. 1', punti: 0 },
          { valore: 6, etichetta: 'L. 104 art. 3 c. 3', punti: 0 },
          { valore: 7, etichetta: 'L. 104 art. 12', punti: 0 },
          { valore: 8, etichetta: 'L. 104 art. 13', punti: 0 },
        ],
      },
    ],
  },
];

const difficolta = [
  { valore: 0, etichetta: 'Nessuna difficoltà', punti: 0 },
  { valore: 1, etichetta: 'Difficoltà lieve', punti: 1 },
  { valore: 2, etichetta: 'Difficoltà moderata', punti: 2 },
  { valore: 3, etichetta: 'Difficoltà grave', punti: 3 },
  { valore: 4, etichetta: 'Difficoltà completa', punti: 4 },
];

/**
 * The four minimum areas of the valutazione multidimensionale of the Dopo di Noi (DM 23/11/2016 art. 2),
 * graded on the ICF qualifiers 0–4. Only an équipe with a clinical and a social member may use it.
 */
export const STRUMENTO_DOPO_DI_NOI: StrumentoV1 = {
  codice: 'DDN',
  versione: 1,
  validoDal: '2017-03-01',
  denominazione: 'Valutazione multidimensionale Dopo di Noi (L. 112/2016)',
  fonte: 'DM 23/11/2016 art. 2, aree minime; qualificatori ICF 0–4',
  punteggio: {
    tipo: 'somma',
    min: 0,
    max: 16,
    descrizione: 'Somma delle difficoltà nelle quattro aree: 0 = nessuna, 16 = completa in tutte',
  },
  items: [
    {
      codice: 'cura-di-se',
      descrizione: 'Cura della propria persona, inclusa la gestione degli interventi terapeutici',
      valori: difficolta,
    },
    { codice: 'mobilita', descrizione: 'Mobilità', valori: difficolta },
    {
      codice: 'comunicazione-cognitive',
      descrizione: 'Comunicazione e altre attività cognitive',
      valori: difficolta,
    },
    {
      codice: 'strumentali-relazionali',
      descrizione: 'Attività strumentali e relazionali della vita quotidiana',
      valori: difficolta,
    },
  ],
  requisitiEquipe: {
    descrizione: 'équipe multiprofessionale con almeno una componente clinica e una sociale',
    gruppi: [['psicologo'], ['assistente-sociale', 'educatore', 'pedagogista']],
  },
};
