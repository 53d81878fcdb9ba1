import { rpc, type EventMapOf, type RpcMapOf, type ValuesOf } from '../../common/declarations';
import { INTEGRAZIONI_SIUSS_RPC } from './siuss.messages';
import { LeggiStatoIntegrazioniV1, StatoIntegrazioniV1 } from './stato.dto';

/** Request/reply subjects of the integrazioni service (queue group `integrazioni`). Wire values: do not change them. */
export const INTEGRAZIONI_RPC = {
  leggiStato: rpc({
    subject: 'integrazioni.stato.leggi',
    request: LeggiStatoIntegrazioniV1,
    reply: StatoIntegrazioniV1,
    ruoli: ['ufficio-di-piano', 'amministratore'],
    ambito: 'ambito',
    descrizione: 'Stato del servizio integrazioni: nome, versione ed eventi nell’outbox.',
  }),
  // The SIUSS feed (siuss.messages.ts, lane integrazioni-siuss).
  ...INTEGRAZIONI_SIUSS_RPC,
} as const;

/**
 * Events of the integrazioni service (JetStream stream `EVT_INTEGRAZIONI`, subjects `evt.integrazioni.>`),
 * published through the transactional outbox. With the first event, replace the empty record with
 * `{ nomeEvento: evento({ type, version, payload, descrizione }) } as const`
 * (see libs/contracts/src/budget/v1/budget.messages.ts).
 */
export const INTEGRAZIONI_EVENTS: { readonly [key: string]: never } = {};

export type IntegrazioniRpcMap = RpcMapOf<ValuesOf<typeof INTEGRAZIONI_RPC>>;
export type IntegrazioniEventMap = EventMapOf<ValuesOf<typeof INTEGRAZIONI_EVENTS>>;
