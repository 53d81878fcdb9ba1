import { MISURE_RPC } from '@ambito/contracts';
import { elencoLiquidazioneCsv } from './elenco-liquidazione-csv';
import { rotta, type Rotta } from './rotta';

const MESE = { descrizione: 'Mese delle erogazioni, AAAA-MM' };
const BENEFICIO = { descrizione: 'Identificativo del beneficio', campo: 'beneficioId' };

/** Liquidazioni of the monthly erogazioni, payees and recuperi (issue 10, lane benefici-liquidazioni). */
export const ROTTE_LIQUIDAZIONI: Rotta[] = [
  rotta({
    metodo: 'post',
    percorso: '/misure/liquidazioni/{mese}',
    messaggio: MISURE_RPC.liquidaMese,
    tag: 'Misure',
    operazione: 'liquidaMese',
    sommario: 'Liquida nel budget le mensilità dovute di un mese',
    descrizione:
      'Le erogazioni calcolate del mese con un importo dovuto, meno quanto trattengono i recuperi aperti del beneficio, in lotti al budget con una chiave per beneficio e mese: ripetuta non paga nulla due volte. Risponde «in-corso» se non finisce entro pochi secondi; «in-attesa» se il budget non ha risposto (ripetere: riprende con le stesse chiavi). Rileva prima i recuperi dei mesi pagati dopo la fine di un beneficio.',
    parametri: { mese: MESE },
    stato: 200,
    esito: 'Liquidazioni del mese',
    esempio: {},
  }),
  rotta({
    metodo: 'get',
    percorso: '/misure/liquidazioni/{mese}',
    messaggio: MISURE_RPC.leggiLiquidazioniMese,
    tag: 'Misure',
    operazione: 'leggiLiquidazioniMese',
    sommario: 'Stato delle liquidazioni di un mese',
    parametri: { mese: MESE },
    esito: 'Liquidazioni del mese',
  }),
  rotta({
    metodo: 'get',
    percorso: '/misure/liquidazioni/{mese}/elenco',
    messaggio: MISURE_RPC.elencoLiquidazione,
    tag: 'Misure',
    operazione: 'elencoLiquidazione',
    sommario: 'Elenco di liquidazione del mese per la ragioneria',
    descrizione:
      'Ogni mensilità liquidata con intestatario (beneficiario o delegato), codice fiscale, IBAN e l’esito del suo controllo (ISO 13616), importi, impegno e liquidazione del budget. Dati personali: servono `X-Finalita` e `X-Motivo`.',
    parametri: { mese: MESE },
    esito: 'Elenco di liquidazione',
  }),
  rotta({
    metodo: 'get',
    percorso: '/misure/liquidazioni/{mese}/elenco.csv',
    messaggio: MISURE_RPC.elencoLiquidazione,
    tag: 'Misure',
    operazione: 'elencoLiquidazioneCsv',
    sommario: 'Elenco di liquidazione del mese, in CSV',
    descrizione:
      'Come l’elenco, in CSV (separatore `;`, euro con la virgola) con una riga di intestazione: mese, totale e righe da completare prima del mandato. Dati personali: servono `X-Finalita` e `X-Motivo`.',
    parametri: { mese: MESE },
    esito: 'CSV',
    risposta: {
      classe: 'text/csv',
      descrizione: 'CSV',
      da: (elenco) => elencoLiquidazioneCsv(elenco),
      // The month is validated (AAAA-MM) before the request is sent: safe in a header.
      nomeFile: (params) => `elenco-liquidazione-${params.mese}.csv`,
    },
  }),
  rotta({
    metodo: 'put',
    percorso: '/misure/benefici/{id}/pagamento',
    messaggio: MISURE_RPC.registraPagamentoBeneficio,
    tag: 'Misure',
    operazione: 'registraPagamentoBeneficio',
    sommario: 'Chi riceve i pagamenti di un beneficio e su quale IBAN',
    descrizione:
      'Il beneficiario o un delegato (con l’atto di delega o di nomina), codice fiscale e IBAN verificati; sostituisce le coordinate precedenti (nuova versione). Dati personali: servono `X-Finalita` e `X-Motivo`.',
    parametri: { id: BENEFICIO },
    stato: 200,
    errori: [404],
    esito: 'Coordinate di pagamento',
    esempio: {
      intestatario: 'delegato',
      nominativo: 'Luca Verdi',
      codiceFiscale: 'VRDLCU70A01D142W',
      iban: 'IT60 X054 2811 1010 0000 0123 456',
      delega: 'Trib. Cremona, decreto 123/2024',
    },
  }),
  rotta({
    metodo: 'get',
    percorso: '/misure/benefici/{id}/pagamento',
    messaggio: MISURE_RPC.leggiPagamentoBeneficio,
    tag: 'Misure',
    operazione: 'leggiPagamentoBeneficio',
    sommario: 'Coordinate di pagamento di un beneficio',
    descrizione: 'Dati personali: servono `X-Finalita` e `X-Motivo`.',
    parametri: { id: BENEFICIO },
    errori: [404],
    esito: 'Coordinate di pagamento',
  }),
  rotta({
    metodo: 'get',
    percorso: '/misure/benefici/{id}/recuperi',
    messaggio: MISURE_RPC.elencaRecuperi,
    tag: 'Misure',
    operazione: 'elencaRecuperi',
    sommario: 'Recuperi di un beneficio',
    descrizione:
      'I mesi pagati e non dovuti, con il calcolo, quanto trattenuto dai pagamenti seguenti e quanto resta: in compensazione, da richiedere (nessun pagamento segue), richiesto, estinto.',
    parametri: { id: BENEFICIO },
    errori: [404],
    esito: 'Recuperi',
  }),
  rotta({
    metodo: 'post',
    percorso: '/misure/benefici/{id}/recuperi',
    messaggio: MISURE_RPC.registraRecupero,
    tag: 'Misure',
    operazione: 'registraRecupero',
    sommario: 'Registra un importo di un mese pagato e non dovuto',
    descrizione:
      'Al più il liquidato del mese, un recupero per mese: si trattiene dai pagamenti seguenti del beneficio.',
    parametri: { id: BENEFICIO },
    stato: 201,
    errori: [404, 409],
    esito: 'Recupero',
    esempio: {
      mese: '2025-06',
      causa: 'sospensione',
      importoCentesimi: 40_000,
      motivazione: 'Ricovero di sollievo oltre il limite comunicato dopo il pagamento',
    },
  }),
  rotta({
    metodo: 'post',
    percorso: '/misure/recuperi/{id}/richiesta',
    messaggio: MISURE_RPC.richiediRecupero,
    tag: 'Misure',
    operazione: 'richiediRecupero',
    sommario: 'Chiede la restituzione di quanto resta di un recupero',
    descrizione: 'Con l’atto (numero e data): da allora non si trattiene più dai pagamenti.',
    parametri: { id: { descrizione: 'Identificativo del recupero' } },
    stato: 200,
    errori: [404, 409],
    esito: 'Recupero',
    esempio: { numero: 'prot. 456/2025', data: '2025-09-20' },
  }),
];
