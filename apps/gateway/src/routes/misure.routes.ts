import { MISURE_RPC } from '@ambito/contracts';
import { rotta, type Rotta } from './rotta';
import { ROTTE_ISTANZE } from './misure-istanze.routes';
import { REGOLE_ROUTES } from './misure-regole.routes';

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

  // Rule sets (lane misure-regole): law as versioned data, copied and activated by the Ufficio di Piano.
  ...REGOLE_ROUTES,
];
