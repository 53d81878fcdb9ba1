import { MISURE_RPC } from '@ambito/contracts';
import { rotta, type Rotta } from './rotta';
import { ROTTE_ISTANZE } from './misure-istanze.routes';
import { REGOLE_ROUTES } from './misure-regole.routes';

const AVVISO = { descrizione: 'Identificativo dell’avviso', campo: 'avvisoId' };
const GRADUATORIA = { descrizione: 'Identificativo della graduatoria', campo: 'graduatoriaId' };
const DETERMINA_ESEMPIO = { numero: '210/2025', data: '2025-04-20' };

/** The REST operations of the misure service. */
export const MISURE_ROUTES: Rotta[] = [
  rotta({
    metodo: 'get',
    percorso: '/misure/stato',
    messaggio: MISURE_RPC.leggiStato,
    tag: 'Misure',
    operazione: 'leggiStatoMisure',
    sommario: 'Stato del servizio misure',
    descrizione: 'Nome, versione ed eventi nell’outbox; `sonda` è restituita com’è.',
    esito: 'Stato del servizio',
  }),
  // Avvisi, istanze and istruttorie (lane misure-istanze).
  ...ROTTE_ISTANZE,
  // The istruttoria of a whole avviso (issue 9, point 11).
  rotta({
    metodo: 'post',
    percorso: '/misure/avvisi/{id}/istruttoria',
    messaggio: MISURE_RPC.istruisciAvviso,
    tag: 'Misure',
    operazione: 'istruisciAvviso',
    sommario: 'Istruisce di nuovo tutte le istanze di un avviso chiuso',
    descrizione:
      'Alla chiusura della finestra o dopo una correzione delle regole: ogni istanza giudicata con le sue dichiarazioni e i dati delle fonti della sua ultima istruttoria, a pagine (una transazione ciascuna). Risponde «in-corso» se non finisce entro pochi secondi: l’avanzamento si legge con GET; un’istruttoria interrotta riprende dall’ultima pagina registrata.',
    parametri: { id: AVVISO },
    stato: 200,
    errori: [404, 409],
    esito: 'Istruttoria dell’avviso (stato e avanzamento)',
    esempio: { motivo: 'Chiusura della finestra' },
  }),
  rotta({
    metodo: 'get',
    percorso: '/misure/avvisi/{id}/istruttoria',
    messaggio: MISURE_RPC.leggiIstruttoriaAvviso,
    tag: 'Misure',
    operazione: 'leggiIstruttoriaAvviso',
    sommario: 'Avanzamento dell’istruttoria di un avviso',
    descrizione: 'Stato, istanze istruite su quelle totali, esiti cambiati, ultimo errore.',
    parametri: { id: AVVISO },
    errori: [404],
    esito: 'Istruttoria dell’avviso',
  }),
  // Graduatorie and simulation (lane misure-graduatorie).
  rotta({
    metodo: 'post',
    percorso: '/misure/avvisi/{id}/graduatorie',
    messaggio: MISURE_RPC.formaGraduatorie,
    tag: 'Misure',
    operazione: 'formaGraduatorie',
    sommario: 'Forma le graduatorie di un avviso chiuso',
    descrizione:
      'Per area e strumento: le istanze ammissibili nell’ordine delle regole dell’avviso (parità sciolte dal protocollo), finanziate finché il budget copre l’importo per i mesi dell’avviso, poi idonee non finanziate. Rifiutata (ISTANZE_DA_DECIDERE) finché un’istanza è senza esito o da verificare; le graduatorie già approvate restano come sono.',
    parametri: { id: AVVISO },
    stato: 200,
    errori: [404, 409],
    esito: 'Graduatorie formate',
    esempio: {},
  }),
  rotta({
    metodo: 'get',
    percorso: '/misure/avvisi/{id}/graduatorie',
    messaggio: MISURE_RPC.elencaGraduatorie,
    tag: 'Misure',
    operazione: 'elencaGraduatorie',
    sommario: 'Graduatorie di un avviso',
    descrizione: 'Stato, budget, finanziate e idonee non finanziate di ciascuna.',
    parametri: { id: AVVISO },
    errori: [404],
    esito: 'Graduatorie',
  }),
  rotta({
    metodo: 'get',
    percorso: '/misure/avvisi/{id}/graduatorie/{graduatoriaId}',
    messaggio: MISURE_RPC.leggiGraduatoria,
    tag: 'Misure',
    operazione: 'leggiGraduatoria',
    sommario: 'Una graduatoria',
    descrizione: 'Area, strumento, budget, stato, finanziate e idonee non finanziate, determina.',
    parametri: { id: AVVISO, graduatoriaId: GRADUATORIA },
    errori: [404],
    esito: 'Graduatoria',
  }),
  rotta({
    metodo: 'get',
    percorso: '/misure/avvisi/{id}/graduatorie/{graduatoriaId}/voci',
    messaggio: MISURE_RPC.elencaVociGraduatoria,
    tag: 'Misure',
    operazione: 'elencaVociGraduatoria',
    sommario: 'Le posizioni di una graduatoria',
    descrizione:
      'In ordine di posizione, a pagine (`pagina`, `perPagina`), eventualmente di un solo `esito`: protocollo, esito, importo e impegno di ciascuna istanza; nessun nome.',
    parametri: { id: AVVISO, graduatoriaId: GRADUATORIA },
    errori: [404],
    esito: 'Posizioni della graduatoria',
  }),
  rotta({
    metodo: 'get',
    percorso: '/misure/avvisi/{id}/graduatorie/{graduatoriaId}/pubblicazione.csv',
    messaggio: MISURE_RPC.pubblicaGraduatoria,
    tag: 'Misure',
    operazione: 'pubblicaGraduatoriaCsv',
    sommario: 'Graduatoria da pubblicare, in CSV',
    descrizione:
      'Posizione, numero di protocollo, esito e importi (separatore `;`, euro con la virgola): nessun nome né identificativo di persona.',
    parametri: { id: AVVISO, graduatoriaId: GRADUATORIA },
    errori: [404],
    esito: 'CSV',
    risposta: {
      classe: 'text/csv',
      descrizione: 'CSV',
      da: (pubblicazione) => pubblicazione.csv,
      // The ids are validated as UUIDs before the request is sent: safe in a header.
      nomeFile: (params) => `graduatoria-${params.graduatoriaId}.csv`,
    },
  }),
  rotta({
    metodo: 'post',
    percorso: '/misure/avvisi/{id}/graduatorie/{graduatoriaId}/approvazione',
    messaggio: MISURE_RPC.approvaGraduatoria,
    tag: 'Misure',
    operazione: 'approvaGraduatoria',
    sommario: 'Approva una graduatoria e ne impegna le posizioni finanziate',
    descrizione:
      'Da chi non l’ha formata né ha istruito una sua istanza (APPROVAZIONE_DEL_PROPONENTE). Un impegno nel budget per ogni posizione finanziata, con l’identità del servizio misure: se uno è rifiutato (BUDGET_INSUFFICIENTE, SERVIZIO_NON_ABILITATO) quelli fatti sono ridotti e la graduatoria resta formata con l’errore. Un’approvazione in corso o già fatta rifiuta le altre (409).',
    parametri: { id: AVVISO, graduatoriaId: GRADUATORIA },
    stato: 200,
    errori: [404, 409],
    esito: 'Graduatoria approvata',
    esempio: { determina: DETERMINA_ESEMPIO },
  }),
  rotta({
    metodo: 'post',
    percorso: '/misure/avvisi/{id}/graduatorie/{graduatoriaId}/cessazioni',
    messaggio: MISURE_RPC.cessaBeneficio,
    tag: 'Misure',
    operazione: 'cessaBeneficio',
    sommario: 'Rinuncia, decadenza o revoca di un beneficiario, con lo scorrimento',
    descrizione:
      'L’impegno del beneficiario è ridotto con la causale; le idonee non finanziate seguenti sono finanziate, in ordine, finché quanto liberato copre il loro importo.',
    parametri: { id: AVVISO, graduatoriaId: GRADUATORIA },
    stato: 200,
    errori: [404, 409],
    esito: 'Graduatoria dopo lo scorrimento',
    esempio: {
      istanzaId: '0b5c8f3e-63d9-4b4f-9e7c-3b1d6f0a9e21',
      causa: 'rinuncia',
      motivazione: 'Rinuncia scritta del beneficiario del 2 maggio 2025',
      determina: { numero: '250/2025', data: '2025-05-05' },
    },
  }),
  rotta({
    metodo: 'post',
    percorso: '/misure/avvisi/{id}/simulazione',
    messaggio: MISURE_RPC.simulaAvviso,
    tag: 'Misure',
    operazione: 'simulaAvviso',
    sommario: 'Simula un avviso: esiti, graduatorie, taglio e costo',
    descrizione:
      'Valuta le istanze date (tutti i dati delle regole, strumento, giorno e ordine di presentazione) o quelle presentate sull’avviso, con le regole dell’avviso o una loro variante (`parametri`, intera o parziale) e altri budget per graduatoria. Non registra nulla.',
    parametri: { id: AVVISO },
    stato: 200,
    errori: [404],
    esito: 'Simulazione',
    esempio: {
      istanze: [
        {
          riferimento: 'caso-1',
          strumento: 'buono-caregiver',
          dataPresentazione: '2025-03-10',
          ordineProtocollo: 1,
          dati: {
            dataNascita: '1940-05-10',
            residenteNellAmbito: true,
            alDomicilio: true,
            disabilitaDaSenilita: null,
            isee: [
              {
                tipo: 'sociosanitario',
                valoreCentesimi: 1_200_000,
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
          },
        },
      ],
      parametri: { isee: { correnteMesiValidita: 6 } },
      budget: [{ area: 'anziani', strumento: 'buono-caregiver', budgetCentesimi: 50_000_000 }],
    },
  }),

  // Rule sets (lane misure-regole): law as versioned data, copied and activated by the Ufficio di Piano.
  ...REGOLE_ROUTES,
];
