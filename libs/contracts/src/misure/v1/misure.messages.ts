import { ACCESSO_EVENTS, ACCESSO_RPC } from '../../accesso/v1/accesso.messages';
import { BUDGET_RPC } from '../../budget/v1/budget.messages';
import {
  chiamata,
  consumo,
  rpc,
  type EventMapOf,
  type RpcMapOf,
  type ValuesOf,
} from '../../common/declarations';
import {
  PRESA_IN_CARICO_EVENTS,
  PRESA_IN_CARICO_RPC,
} from '../../presa-in-carico/v1/presa-in-carico.messages';
import { MISURE_REGOLE_RPC } from './regole.messages';
import { LeggiStatoMisureV1, StatoMisureV1 } from './stato.dto';

/** Request/reply subjects of the misure service (queue group `misure`). Wire values: do not change them. */
export const MISURE_RPC = {
  leggiStato: rpc({
    subject: 'misure.stato.leggi',
    request: LeggiStatoMisureV1,
    reply: StatoMisureV1,
    ruoli: ['ufficio-di-piano', 'amministratore'],
    ambito: 'ambito',
    descrizione: 'Stato del servizio misure: nome, versione ed eventi nell’outbox.',
  }),
  // Rule sets: list, read, in force on a day, copy, activate (regole.messages.ts).
  ...MISURE_REGOLE_RPC,
} as const;

/**
 * Events of the misure service (JetStream stream `EVT_MISURE`, subjects `evt.misure.>`),
 * published through the transactional outbox. With the first event, replace the empty record with
 * `{ nomeEvento: evento({ type, version, payload, descrizione }) } as const`
 * (see libs/contracts/src/budget/v1/budget.messages.ts).
 */
export const MISURE_EVENTS: { readonly [key: string]: never } = {};

/*
 * The requests the misure service sends to budget with its own identity: it commits, liquidates and
 * reduces the money of the measures it pays, only on the lines and articoli the Ufficio di Piano grants
 * it (abilitazione_servizio), never with a person's role.
 */
export const MISURE_CHIAMATE = {
  impegno: chiamata({
    servizio: 'misure',
    rpc: BUDGET_RPC.richiediImpegno,
    finalita: 'gestione-contabile',
    descrizione:
      'Impegna la spesa di una misura concessa (determina, beneficiario) sull’articolo della misura, dove l’Ufficio di Piano lo abilita.',
  }),
  liquidazione: chiamata({
    servizio: 'misure',
    rpc: BUDGET_RPC.registraLiquidazione,
    finalita: 'gestione-contabile',
    descrizione:
      'Liquida la mensilità o l’importo una tantum dovuto al beneficiario su un impegno della misura.',
  }),
  riduzione: chiamata({
    servizio: 'misure',
    rpc: BUDGET_RPC.riduciImpegno,
    finalita: 'gestione-contabile',
    descrizione:
      'Riduce l’impegno di una misura che cessa, decade o è revocata: il non liquidato torna disponibile.',
  }),
  persona: chiamata({
    servizio: 'misure',
    rpc: ACCESSO_RPC.leggiPersonaPerMisure,
    finalita: 'istruttoria-misure',
    descrizione:
      'L’istruttoria legge dall’anagrafe di accesso la data di nascita, la residenza e il ricovero definitivo della persona dell’istanza.',
  }),
  presaInCarico: chiamata({
    servizio: 'misure',
    rpc: PRESA_IN_CARICO_RPC.leggiStatoPerMisure,
    finalita: 'istruttoria-misure',
    descrizione:
      'L’istruttoria legge se la cartella della persona ha la valutazione multidimensionale, il progetto approvato e il budget di progetto.',
  }),
} as const;

/**
 * The events the misure service consumes: each changes evidence an istruttoria read, so the open
 * istanze of that person are judged again (RiesameIstruttorie). The events carry ids only.
 */
export const MISURE_CONSUMI = {
  ricoveroIniziato: consumo({
    servizio: 'misure',
    durable: 'misure-ricovero-iniziato',
    evento: ACCESSO_EVENTS.ricoveroIniziato,
    descrizione: 'Un ricovero della persona (forse definitivo) riapre l’istruttoria delle sue istanze.',
  }),
  ricoveroConcluso: consumo({
    servizio: 'misure',
    durable: 'misure-ricovero-concluso',
    evento: ACCESSO_EVENTS.ricoveroConcluso,
    descrizione: 'La fine di un ricovero della persona riapre l’istruttoria delle sue istanze.',
  }),
  residenza: consumo({
    servizio: 'misure',
    durable: 'misure-residenza',
    evento: ACCESSO_EVENTS.residenzaCambiata,
    descrizione:
      'Il cambio di residenza (dentro, fuori o verso l’Ambito) riapre l’istruttoria delle istanze della persona.',
  }),
  valutazione: consumo({
    servizio: 'misure',
    durable: 'misure-valutazione',
    evento: PRESA_IN_CARICO_EVENTS.valutazioneCompletata,
    descrizione:
      'Una valutazione multidimensionale completata nella cartella riapre l’istruttoria delle istanze della persona.',
  }),
  cartellaChiusa: consumo({
    servizio: 'misure',
    durable: 'misure-cartella-chiusa',
    evento: PRESA_IN_CARICO_EVENTS.cartellaChiusa,
    descrizione:
      'La chiusura della cartella (fine della presa in carico, del progetto in vigore) riapre l’istruttoria delle istanze della persona.',
  }),
  progetto: consumo({
    servizio: 'misure',
    durable: 'misure-progetto',
    evento: PRESA_IN_CARICO_EVENTS.progettoApprovato,
    descrizione: 'Un progetto approvato dal Comune riapre l’istruttoria delle istanze della persona.',
  }),
} as const;

export type MisureRpcMap = RpcMapOf<ValuesOf<typeof MISURE_RPC>>;
export type MisureEventMap = EventMapOf<ValuesOf<typeof MISURE_EVENTS>>;
