import { MISURE_RPC } from '@ambito/contracts';
import { rotta, type Rotta } from './rotta';

const ID = { id: { descrizione: 'Identificativo della versione delle regole' } };

/** The rule sets of the measures (`/misure/regole`): spread into MISURE_ROUTES. */
export const REGOLE_ROUTES: Rotta[] = [
  rotta({
    metodo: 'get',
    percorso: '/misure/regole',
    messaggio: MISURE_RPC.elencaRegole,
    tag: 'Misure',
    operazione: 'elencaRegoleMisura',
    sommario: 'Versioni delle regole delle misure',
    descrizione:
      'Ogni versione con stato (bozza, in vigore, ritirata), validità e atti; `misura` e `annualita` filtrano.',
    errori: [422],
    esito: 'Versioni delle regole, senza i parametri',
  }),
  rotta({
    metodo: 'get',
    percorso: '/misure/regole-in-vigore',
    messaggio: MISURE_RPC.leggiRegoleInVigore,
    tag: 'Misure',
    operazione: 'leggiRegoleInVigore',
    sommario: 'Le regole di una misura in vigore in un giorno',
    descrizione:
      'La versione che giudica un’istanza presentata in `giorno` (AAAA-MM-GG); 404 se nessuna è in vigore.',
    errori: [404],
    esito: 'La versione in vigore, con i parametri e le loro fonti',
  }),
  rotta({
    metodo: 'get',
    percorso: '/misure/regole/{id}',
    messaggio: MISURE_RPC.leggiRegole,
    tag: 'Misure',
    operazione: 'leggiRegoleMisura',
    sommario: 'Una versione delle regole',
    descrizione:
      'Requisiti, fasce d’età, strumenti e importi, incompatibilità, ordinamento; ogni parametro con la sua fonte e affidabilità (V, S, B, NF).',
    parametri: ID,
    errori: [404, 422],
    esito: 'La versione con tutti i parametri',
  }),
  rotta({
    metodo: 'post',
    percorso: '/misure/regole/{id}/copia',
    messaggio: MISURE_RPC.copiaRegole,
    tag: 'Misure',
    operazione: 'copiaRegoleMisura',
    sommario: 'Copia una versione delle regole in una nuova bozza',
    descrizione:
      'Per l’annualità successiva: nuova validità e atti; `parametri` (il documento completo) sostituisce quelli copiati, altrimenti restano uguali. La bozza va poi messa in vigore.',
    parametri: ID,
    posizione: (r) => ['misure', 'regole', r.id],
    errori: [404, 422],
    esito: 'La nuova bozza',
    esempio: {
      annualita: 2026,
      validoDal: '2026-01-01',
      validoAl: '2026-12-31',
      atti: [{ tipo: 'dgr', numero: 'XII/5000', data: '2025-12-22' }],
    },
  }),
  rotta({
    metodo: 'post',
    percorso: '/misure/regole/{id}/attivazione',
    messaggio: MISURE_RPC.attivaRegole,
    tag: 'Misure',
    operazione: 'attivaRegoleMisura',
    sommario: 'Mette in vigore una bozza di regole',
    descrizione:
      'Rifiutata con 409 `REGOLE_SOVRAPPOSTE` se la validità si sovrappone a un’altra versione in vigore della stessa misura, `TRANSIZIONE_NON_CONSENTITA` se non è una bozza.',
    parametri: ID,
    stato: 200,
    errori: [404, 409, 422],
    esito: 'La versione in vigore',
    esempio: {},
  }),
];
