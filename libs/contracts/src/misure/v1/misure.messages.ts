import { BUDGET_RPC } from '../../budget/v1/budget.messages';
import { chiamata, rpc, type EventMapOf, type RpcMapOf, type ValuesOf } from '../../common/declarations';
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
} as const;

export type MisureRpcMap = RpcMapOf<ValuesOf<typeof MISURE_RPC>>;
export type MisureEventMap = EventMapOf<ValuesOf<typeof MISURE_EVENTS>>;
