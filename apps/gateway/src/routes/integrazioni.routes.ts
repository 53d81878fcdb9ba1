import { INTEGRAZIONI_RPC } from '@ambito/contracts';
import { rotta, type Rotta } from './rotta';

/** The REST operations of the integrazioni service. */
export const INTEGRAZIONI_ROUTES: Rotta[] = [
  rotta({
    metodo: 'get',
    percorso: '/integrazioni/stato',
    messaggio: INTEGRAZIONI_RPC.leggiStato,
    tag: 'Integrazioni',
    operazione: 'leggiStatoIntegrazioni',
    sommario: 'Stato del servizio integrazioni',
    descrizione: 'Nome, versione ed eventi nell’outbox; `sonda` è restituita com’è.',
    esito: 'Stato del servizio',
  }),
  // INPS ISEE (lane integrazioni-isee): the consultations an administrator follows and replays.
  rotta({
    metodo: 'get',
    percorso: '/integrazioni/isee/consultazioni',
    messaggio: INTEGRAZIONI_RPC.elencaConsultazioniIsee,
    tag: 'Integrazioni',
    operazione: 'elencaConsultazioniIsee',
    sommario: 'Le consultazioni dell’ISEE presso INPS',
    descrizione:
      'Le più recenti prima, con tentativi, ultimo esito (es. DATABASE_OFFLINE, HTTP_429) e prossimo tentativo; `stato=fallita` elenca quelle da riprovare. Nessun codice fiscale.',
    parametri: {
      stato: { descrizione: 'in-coda, completata o fallita' },
    },
    esito: 'Una pagina di consultazioni',
  }),
  rotta({
    metodo: 'post',
    percorso: '/integrazioni/isee/consultazioni/{id}/ripresa',
    messaggio: INTEGRAZIONI_RPC.riprovaConsultazioneIsee,
    tag: 'Integrazioni',
    operazione: 'riprovaConsultazioneIsee',
    sommario: 'Rimette in coda una consultazione ISEE fallita',
    descrizione:
      'La consultazione è ritentata subito, con il voucher PDND e la coda di sempre; la ripresa è registrata nell’audit.',
    parametri: { id: { descrizione: 'Identificativo della consultazione' } },
    stato: 200,
    errori: [404, 409],
    esito: 'La consultazione, di nuovo in coda',
    esempio: { motivo: 'INPS ha ripristinato il servizio' },
  }),
];
