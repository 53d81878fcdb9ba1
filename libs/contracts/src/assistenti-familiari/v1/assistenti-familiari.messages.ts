import { rpc, type EventMapOf, type RpcMapOf, type ValuesOf } from '../../common/declarations';
import { LeggiStatoAssistentiFamiliariV1, StatoAssistentiFamiliariV1 } from './stato.dto';

/** Request/reply subjects of the assistenti-familiari service (queue group `assistenti-familiari`). Wire values: do not change them. */
export const ASSISTENTI_FAMILIARI_RPC = {
  leggiStato: rpc({
    subject: 'assistenti-familiari.stato.leggi',
    request: LeggiStatoAssistentiFamiliariV1,
    reply: StatoAssistentiFamiliariV1,
    ruoli: ['ufficio-di-piano', 'amministratore'],
    ambito: 'ambito',
    descrizione: 'Stato del servizio assistenti-familiari: nome, versione ed eventi nell’outbox.',
  }),
} as const;

/**
 * Events of the assistenti-familiari service (JetStream stream `EVT_ASSISTENTI_FAMILIARI`, subjects `evt.assistenti-familiari.>`),
 * published through the transactional outbox. With the first event, replace the empty record with
 * `{ nomeEvento: evento({ type, version, payload, descrizione }) } as const`
 * (see libs/contracts/src/budget/v1/budget.messages.ts).
 */
export const ASSISTENTI_FAMILIARI_EVENTS: { readonly [key: string]: never } = {};

export type AssistentiFamiliariRpcMap = RpcMapOf<ValuesOf<typeof ASSISTENTI_FAMILIARI_RPC>>;
export type AssistentiFamiliariEventMap = EventMapOf<ValuesOf<typeof ASSISTENTI_FAMILIARI_EVENTS>>;
