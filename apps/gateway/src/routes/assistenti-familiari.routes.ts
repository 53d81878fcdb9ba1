import { ASSISTENTI_FAMILIARI_RPC } from '@ambito/contracts';
import { rotta, type Rotta } from './rotta';

/** The REST operations of the assistenti-familiari service. */
export const ASSISTENTI_FAMILIARI_ROUTES: Rotta[] = [
  rotta({
    metodo: 'get',
    percorso: '/assistenti-familiari/stato',
    messaggio: ASSISTENTI_FAMILIARI_RPC.leggiStato,
    tag: 'Assistenti familiari',
    operazione: 'leggiStatoAssistentiFamiliari',
    sommario: 'Stato del servizio assistenti-familiari',
    descrizione: 'Nome, versione ed eventi nell’outbox; `sonda` è restituita com’è.',
    esito: 'Stato del servizio',
  }),
];
