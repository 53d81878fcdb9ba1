import { MISURE_RPC } from '@ambito/contracts';
import { rotta, type Rotta } from './rotta';

const ID_AVVISO = { descrizione: 'Identificativo dell’avviso' };
const ISTANZA = { campo: 'istanzaId', descrizione: 'Identificativo dell’istanza' };
const ANNO = 2025;

const DICHIARAZIONI = {
  alDomicilio: true,
  disabilitaDaSenilita: null,
  isee: [
    {
      tipo: 'sociosanitario',
      valoreCentesimi: 1_450_000,
      protocolloDsu: `INPS-ISEE-${ANNO}-00597381W-00`,
      dataPresentazione: `${ANNO}-01-20`,
      difformita: false,
    },
  ],
  riconoscimenti: [
    {
      condizione: 'indennita-accompagnamento',
      percentuale: null,
      dataRiconoscimento: '2021-06-15',
      dataRevisione: null,
    },
  ],
  caregiver: { parentela: 'parente-1-grado', convivente: true },
  contrattoAssistente: null,
  altreMisure: [{ misura: 'sad', dal: '2024-09-01', al: null, giorni: null }],
  frequenzaDiurnaOreSettimanali: null,
  dopoDiNoi: null,
  proVi: null,
};

const DOCUMENTI = [
  { tipo: 'attestazione-isee', riferimento: `INPS-ISEE-${ANNO}-00597381W-00`, data: `${ANNO}-01-20` },
  { tipo: 'verbale-invalidita', riferimento: 'INPS verbale 2021/45871', data: '2021-06-15' },
];

/** Avvisi, istanze and their istruttorie (`/api/v1/misure/avvisi…`, `/api/v1/misure/istanze…`). */
export const ROTTE_ISTANZE: Rotta[] = [
  rotta({
    metodo: 'get',
    percorso: '/misure/avvisi',
    messaggio: MISURE_RPC.elencaAvvisi,
    tag: 'Misure',
    operazione: 'elencaAvvisiMisure',
    sommario: 'Elenca gli avvisi',
    descrizione: 'Filtrabili per misura, annualità e stato; dal più recente.',
    esito: 'Avvisi',
  }),
  rotta({
    metodo: 'post',
    percorso: '/misure/avvisi',
    messaggio: MISURE_RPC.creaAvviso,
    tag: 'Misure',
    operazione: 'creaAvviso',
    sommario: 'Crea un avviso in bozza',
    descrizione:
      'L’Ufficio di Piano: misura, annualità, finestra, decorrenza e mesi del beneficio, le graduatorie (area, strumento, linea di budget e importo). Le regole sono quelle in vigore per la misura il giorno di apertura (`REGOLE_NON_IN_VIGORE` se nessuna); gli strumenti devono essere nelle regole (`STRUMENTO_MISURA_SCONOSCIUTO`).',
    posizione: (a) => ['misure', 'avvisi', a.id],
    errori: [422],
    esito: 'Avviso in bozza',
    esempio: {
      misura: 'b2',
      annualita: ANNO,
      titolo: `Misura B2 ${ANNO}: buoni per caregiver e assistenti familiari`,
      apertura: `${ANNO}-03-01`,
      chiusura: `${ANNO}-04-30`,
      decorrenza: `${ANNO}-06-01`,
      mesi: 12,
      graduatorie: [
        {
          area: 'anziani',
          strumento: 'buono-caregiver',
          linea: '7.10.1',
          fondo: 'FNA',
          annoFondo: ANNO - 1,
          budgetCentesimi: 24_000_000,
        },
        {
          area: 'disabili-adulti',
          strumento: 'buono-caregiver',
          linea: '7.10.1',
          budgetCentesimi: 12_000_000,
        },
      ],
    },
  }),
  rotta({
    metodo: 'get',
    percorso: '/misure/avvisi/{id}',
    messaggio: MISURE_RPC.leggiAvviso,
    tag: 'Misure',
    operazione: 'leggiAvviso',
    sommario: 'Un avviso',
    parametri: { id: ID_AVVISO },
    errori: [404],
    esito: 'L’avviso con le sue graduatorie',
  }),
  rotta({
    metodo: 'post',
    percorso: '/misure/avvisi/{id}/pubblicazione',
    messaggio: MISURE_RPC.pubblicaAvviso,
    tag: 'Misure',
    operazione: 'pubblicaAvviso',
    sommario: 'Pubblica un avviso in bozza',
    descrizione:
      'Da questo momento si presentano istanze nella finestra dell’avviso; un avviso la cui finestra è terminata non si pubblica (`DATA_NON_VALIDA`).',
    parametri: { id: ID_AVVISO },
    stato: 200,
    errori: [404, 409, 422],
    esito: 'Avviso pubblicato',
    esempio: {},
  }),
  rotta({
    metodo: 'post',
    percorso: '/misure/avvisi/{id}/chiusura',
    messaggio: MISURE_RPC.chiudiAvviso,
    tag: 'Misure',
    operazione: 'chiudiAvviso',
    sommario: 'Chiude un avviso pubblicato',
    descrizione:
      'Nessuna istanza nuova o modificata dopo la chiusura; un avviso pubblicato si chiude anche da sé quando è letto dopo la sua finestra.',
    parametri: { id: ID_AVVISO },
    stato: 200,
    errori: [404, 409],
    esito: 'Avviso chiuso',
    esempio: {},
  }),
  rotta({
    metodo: 'get',
    percorso: '/misure/avvisi/{id}/istanze',
    messaggio: MISURE_RPC.elencaIstanze,
    tag: 'Misure',
    operazione: 'elencaIstanze',
    sommario: 'Le istanze di un avviso',
    descrizione:
      'In ordine di protocollo, con l’esito dell’ultima istruttoria: le istanze ricevute nelle sedi dei propri sub-ambiti (operatori), quelle dei residenti (responsabile del comune), tutte (Ufficio di Piano).',
    parametri: { id: { campo: 'avvisoId', descrizione: 'Identificativo dell’avviso' } },
    esito: 'Istanze',
  }),
  rotta({
    metodo: 'post',
    percorso: '/misure/istanze',
    messaggio: MISURE_RPC.presentaIstanza,
    tag: 'Misure',
    operazione: 'presentaIstanza',
    sommario: 'Presenta un’istanza',
    descrizione:
      'Protocollata con un numero senza salti per Ambito e anno (es. `CREMA-2025-000123`) e istruita subito. Solo con l’avviso pubblicato e nella sua finestra (`AVVISO_NON_PUBBLICATO`, `ISTANZA_FUORI_FINESTRA`); una per persona, avviso e strumento (`ISTANZA_GIA_PRESENTATA`); rifiutata se tutte le attestazioni ISEE dichiarate sono scadute nel giorno di presentazione (`ISEE_SCADUTO`). La persona e la sua cartella vengono da accesso e presa in carico.',
    posizione: (i) => ['misure', 'istanze', i.id],
    errori: [404, 409, 422],
    esito: 'Istanza protocollata e istruita',
    esempio: {
      avvisoId: '7d1c6b0e-3f4a-4f7e-9a51-2b8f0c9d4e21',
      personaId: '0b7e5f7a-1c2d-4e3f-8a9b-0c1d2e3f4a5b',
      strumento: 'buono-caregiver',
      richiedente: { tipo: 'familiare', nominativo: 'Paola Ferrari' },
      sede: 'SEDE-CREMA-HUB',
      dichiarazioni: DICHIARAZIONI,
      documenti: DOCUMENTI,
    },
  }),
  rotta({
    metodo: 'get',
    percorso: '/misure/istanze/{id}',
    messaggio: MISURE_RPC.leggiIstanza,
    tag: 'Misure',
    operazione: 'leggiIstanza',
    sommario: 'Un’istanza',
    descrizione: 'Con dichiarazioni, documenti, versioni e ultima istruttoria.',
    parametri: { id: { descrizione: 'Identificativo dell’istanza' } },
    errori: [404],
    esito: 'L’istanza',
  }),
  rotta({
    metodo: 'post',
    percorso: '/misure/istanze/{id}/versioni',
    messaggio: MISURE_RPC.modificaIstanza,
    tag: 'Misure',
    operazione: 'modificaIstanza',
    sommario: 'Registra una nuova versione dell’istanza',
    descrizione:
      'Dichiarazioni e documenti sostituiti da una nuova versione (le precedenti restano), finché la finestra è aperta; l’istanza è istruita di nuovo. Rifiutata se tutte le attestazioni ISEE dichiarate sono scadute nel giorno di presentazione (`ISEE_SCADUTO`).',
    parametri: { id: { descrizione: 'Identificativo dell’istanza' } },
    stato: 200,
    errori: [404, 409, 422],
    esito: 'L’istanza nella nuova versione',
    esempio: {
      dichiarazioni: {
        ...DICHIARAZIONI,
        isee: [
          {
            ...DICHIARAZIONI.isee[0],
            valoreCentesimi: 1_210_000,
            protocolloDsu: `INPS-ISEE-${ANNO}-00612345X-01`,
          },
        ],
      },
      documenti: DOCUMENTI,
      note: 'ISEE rinnovato dopo la correzione della DSU.',
    },
  }),
  rotta({
    metodo: 'get',
    percorso: '/misure/istanze/{id}/istruttorie',
    messaggio: MISURE_RPC.elencaIstruttorie,
    tag: 'Misure',
    operazione: 'elencaIstruttorie',
    sommario: 'La storia delle istruttorie di un’istanza',
    descrizione:
      'Ciascuna con l’input giudicato, la versione delle regole, ogni regola con il suo motivo, la decisione.',
    parametri: { id: ISTANZA },
    errori: [404],
    esito: 'Istruttorie, dalla prima',
  }),
  rotta({
    metodo: 'post',
    percorso: '/misure/istanze/{id}/istruttorie',
    messaggio: MISURE_RPC.riesaminaIstanza,
    tag: 'Misure',
    operazione: 'riesaminaIstanza',
    sommario: 'Istruisce di nuovo un’istanza',
    descrizione: 'Con i dati attuali della persona e della cartella; la storia resta.',
    parametri: { id: ISTANZA },
    errori: [404],
    esito: 'La nuova istruttoria',
    esempio: { motivo: 'Valutazione multidimensionale completata' },
  }),
  rotta({
    metodo: 'post',
    percorso: '/misure/istanze/{id}/decisione',
    messaggio: MISURE_RPC.decidiIstruttoria,
    tag: 'Misure',
    operazione: 'decidiIstruttoria',
    sommario: 'Decide un esito da verificare',
    descrizione:
      'Sull’ultima istruttoria dell’istanza, solo se «da verificare» e non ancora decisa (`DECISIONE_NON_RICHIESTA`).',
    parametri: { id: ISTANZA },
    stato: 200,
    errori: [404, 409],
    esito: 'L’istruttoria decisa',
    esempio: {
      esito: 'ammissibile',
      motivazione: 'Difformità chiarita: rettifica della DSU acquisita da INPS.',
    },
  }),
];
