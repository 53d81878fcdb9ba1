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
];
