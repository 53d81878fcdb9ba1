import { evento, rpc } from '../../common/declarations';
import {
  BeneficioIdV1,
  ElencaElencoLiquidazioneV1,
  ElencoLiquidazioneV1,
  ErogazioneLiquidataV1,
  LiquidazioniMeseV1,
  MeseLiquidazioniV1,
  PagamentoBeneficioV1,
  ParteCsvElencoLiquidazioneV1,
  ParteElencoLiquidazioneCsvV1,
  RecuperoV1,
  RegistraPagamentoBeneficioV1,
  RegistraRecuperoV1,
  RichiediRecuperoV1,
} from './liquidazioni.dto';

/*
 * Liquidazioni, payees and recuperi (spread into MISURE_RPC and MISURE_EVENTS; kept apart so each lane
 * edits its own file). The Ufficio di Piano liquidates and keeps the payees; the payees' data and the
 * elenco di liquidazione are personal: every read declares a purpose and is audited.
 */
export const MISURE_LIQUIDAZIONI_RPC = {
  liquidaMese: rpc({
    subject: 'misure.liquidazioni.esegui',
    request: MeseLiquidazioniV1,
    reply: LiquidazioniMeseV1,
    ruoli: ['ufficio-di-piano'],
    ambito: 'ambito',
    descrizione:
      'Liquida nel budget le mensilità dovute di un mese (una chiave per beneficio e mese: mai due volte), trattenendo i recuperi aperti; ripetuta, riprende quelle in attesa.',
  }),
  leggiLiquidazioniMese: rpc({
    subject: 'misure.liquidazioni.leggi',
    request: MeseLiquidazioniV1,
    reply: LiquidazioniMeseV1,
    ruoli: ['ufficio-di-piano', 'amministratore'],
    ambito: 'ambito',
    descrizione: 'Lo stato delle liquidazioni di un mese: dovuto, compensato, liquidato, in attesa.',
  }),
  elencoLiquidazione: rpc({
    subject: 'misure.liquidazioni.elenco',
    request: ElencaElencoLiquidazioneV1,
    reply: ElencoLiquidazioneV1,
    ruoli: ['ufficio-di-piano'],
    ambito: 'ambito',
    descrizione:
      'L’elenco di liquidazione di un mese per la ragioneria, a pagine: ogni mensilità liquidata con intestatario, codice fiscale e IBAN verificato; i totali del mese.',
    letturaDatiPersonali: true,
  }),
  elencoLiquidazioneCsv: rpc({
    subject: 'misure.liquidazioni.elenco-csv',
    request: ParteElencoLiquidazioneCsvV1,
    reply: ParteCsvElencoLiquidazioneV1,
    ruoli: ['ufficio-di-piano'],
    ambito: 'ambito',
    descrizione:
      'L’elenco di liquidazione di un mese in CSV, a parti (ciascuna ben sotto il limite di un messaggio): la prima con l’intestazione, le altre dal cursore della precedente.',
    letturaDatiPersonali: true,
  }),
  registraPagamentoBeneficio: rpc({
    subject: 'misure.beneficio.pagamento-registra',
    request: RegistraPagamentoBeneficioV1,
    reply: PagamentoBeneficioV1,
    ruoli: ['ufficio-di-piano'],
    ambito: 'ambito',
    descrizione:
      'Registra (o sostituisce) chi riceve i pagamenti di un beneficio, il beneficiario o un delegato, e l’IBAN verificato.',
    letturaDatiPersonali: true,
  }),
  leggiPagamentoBeneficio: rpc({
    subject: 'misure.beneficio.pagamento-leggi',
    request: BeneficioIdV1,
    reply: PagamentoBeneficioV1,
    ruoli: ['ufficio-di-piano'],
    ambito: 'ambito',
    descrizione: 'Chi riceve i pagamenti di un beneficio e su quale conto.',
    letturaDatiPersonali: true,
  }),
  elencaRecuperi: rpc({
    subject: 'misure.beneficio.recuperi',
    request: BeneficioIdV1,
    reply: [RecuperoV1],
    ruoli: ['ufficio-di-piano', 'amministratore'],
    ambito: 'ambito',
    descrizione:
      'I recuperi di un beneficio: mesi pagati e non dovuti, quanto trattenuto dai pagamenti seguenti, quanto resta.',
  }),
  registraRecupero: rpc({
    subject: 'misure.recupero.registra',
    request: RegistraRecuperoV1,
    reply: RecuperoV1,
    ruoli: ['ufficio-di-piano'],
    ambito: 'ambito',
    descrizione:
      'Registra un importo di un mese liquidato e non dovuto (una sospensione saputa dopo): si trattiene dai pagamenti seguenti.',
  }),
  richiediRecupero: rpc({
    subject: 'misure.recupero.richiedi',
    request: RichiediRecuperoV1,
    reply: RecuperoV1,
    ruoli: ['ufficio-di-piano'],
    ambito: 'ambito',
    descrizione:
      'Chiede la restituzione di quanto resta di un recupero, con l’atto: non si trattiene più dai pagamenti.',
  }),
} as const;

export const MISURE_LIQUIDAZIONI_EVENTS = {
  erogazioneLiquidata: evento({
    type: 'misure.erogazione.liquidata',
    version: 1,
    payload: ErogazioneLiquidataV1,
    descrizione:
      'La mensilità di un beneficio è liquidata nel budget (dovuto, compensato, liquidato, impegno e liquidazione).',
  }),
} as const;
