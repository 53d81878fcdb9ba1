import { ACTOR_ENCODING } from '../common/actor';
import type { AnyEventDeclaration, AnyRpcDeclaration, Classe, PayloadSpec } from '../common/declarations';
import { isUnione, REGOLE_AMBITO } from '../common/declarations';
import { EventEnvelopeV1, eventStreamName, eventSubject } from '../common/event-envelope';
import { HEADER } from '../common/headers';
import { SchemiContratto, type SchemaJson } from '../common/json-schema';

const SCHEMI = '#/components/schemas/';

export interface OpzioniAsyncApi {
  versione: string;
  rpc: readonly AnyRpcDeclaration[];
  eventi: readonly AnyEventDeclaration[];
}

const DESCRIZIONE = `Il bus dei servizi della piattaforma d'Ambito (NATS): le richieste con risposta fra i servizi (request/reply, un queue group per servizio) e gli eventi di dominio (JetStream, uno stream per servizio produttore, outbox transazionale e consumatori idempotenti).

- **Richieste**: il corpo è la richiesta in JSON; la risposta ha l'header \`${HEADER.esito}\` = \`ok\` (corpo: la risposta) oppure \`errore\` (corpo: \`{ code, message, details? }\` con un codice stabile e un messaggio in italiano).
- **Contesto**: chi agisce (\`${HEADER.actor}\`), la conversazione (\`${HEADER.correlationId}\`), il messaggio che l'ha causata (\`${HEADER.causationId}\`) e la finalità GDPR (codice in \`${HEADER.finalita}\`, testo in \`${HEADER.motivo}\`, obbligatori per le letture di dati personali) viaggiano negli header.
- **Eventi**: soggetto \`evt.<tipo>.v<versione>\`, busta \`{ id, type, version, occurredAt, ambito, actor, correlationId, causationId, payload }\`; \`Nats-Msg-Id\` = id dell'evento (deduplicazione). Un evento che non rispetta il contratto va nello stream dei messaggi scartati del consumatore (\`DLQ_<SERVIZIO>\`) con il motivo.`;

/**
 * The AsyncAPI 3 document of the bus, generated from the message declarations: every request/reply
 * subject and every event with JSON Schema payloads, headers and the stream each event lives on.
 */
export function documentoAsyncApi(opzioni: OpzioniAsyncApi): SchemaJson {
  const schemi = new SchemiContratto(SCHEMI);
  const channels: Record<string, SchemaJson> = {};
  const operations: Record<string, SchemaJson> = {};
  const messages: Record<string, SchemaJson> = {};

  for (const d of [...opzioni.rpc].sort((a, b) => a.subject.localeCompare(b.subject))) {
    const id = d.subject;
    const richiesta = `${id}.richiesta`;
    const risposta = `${id}.risposta`;
    messages[richiesta] = {
      name: d.request.name,
      title: `Richiesta ${d.subject}`,
      summary: d.descrizione,
      contentType: 'application/json',
      headers: { $ref: SCHEMI + 'IntestazioniRichiesta' },
      payload: schemi.riferimento(d.request),
    };
    messages[risposta] = {
      name: nomeRisposta(d),
      title: `Risposta a ${d.subject}`,
      contentType: 'application/json',
      headers: { $ref: SCHEMI + 'IntestazioniRisposta' },
      payload: {
        oneOf: [payloadRisposta(d, schemi), { $ref: SCHEMI + 'ErroreRisposta' }],
      },
    };
    channels[id] = {
      address: d.subject,
      title: d.subject,
      description: `${d.descrizione} Servito dal queue group \`${servizio(d.subject)}\`.`,
      messages: { richiesta: { $ref: `#/components/messages/${richiesta}` } },
    };
    channels[risposta] = {
      address: null,
      description: `Casella di risposta (inbox NATS) della richiesta ${d.subject}.`,
      messages: { risposta: { $ref: `#/components/messages/${risposta}` } },
    };
    operations[id] = {
      action: 'receive',
      channel: { $ref: `#/channels/${id}` },
      title: d.subject,
      summary: d.descrizione,
      description: `**Ruoli**: ${d.ruoli.join(', ')}. **Ambito dei dati**: ${REGOLE_AMBITO[d.ambito]}.${
        d.letturaDatiPersonali
          ? ` **Dati personali**: finalità (\`${HEADER.finalita}\`) e motivo (\`${HEADER.motivo}\`) obbligatori, registrati nell’audit.`
          : ''
      }`,
      tags: [{ name: servizio(d.subject) }],
      messages: [{ $ref: `#/channels/${id}/messages/richiesta` }],
      reply: {
        channel: { $ref: `#/channels/${risposta}` },
        messages: [{ $ref: `#/channels/${risposta}/messages/risposta` }],
      },
    };
  }

  for (const e of [...opzioni.eventi].sort((a, b) => a.type.localeCompare(b.type))) {
    const subject = eventSubject(e.type, e.version);
    const produttore = servizio(e.type);
    const spec = e.payload as PayloadSpec;
    const varianti: Classe[] = isUnione(spec) ? [...new Set(Object.values(spec.varianti))] : [spec];
    const payload: SchemaJson = {
      allOf: [
        schemi.riferimento(EventEnvelopeV1),
        {
          type: 'object',
          properties: {
            type: { type: 'string', enum: [e.type] },
            version: { type: 'integer', format: 'int32', enum: [e.version] },
            payload:
              varianti.length === 1
                ? schemi.riferimento(varianti[0])
                : {
                    oneOf: varianti.map((v) => schemi.riferimento(v)),
                    description: isUnione(e.payload)
                      ? `Una delle varianti, secondo \`${e.payload.discriminante}\``
                      : undefined,
                  },
          },
        },
      ],
    };
    messages[subject] = {
      name: e.type,
      title: `Evento ${e.type} v${e.version}`,
      summary: e.descrizione,
      contentType: 'application/json',
      headers: { $ref: SCHEMI + 'IntestazioniEvento' },
      payload,
    };
    channels[subject] = {
      address: subject,
      title: e.type,
      description: `${e.descrizione} Stream JetStream \`${eventStreamName(produttore)}\` (soggetti \`evt.${produttore}.>\`).`,
      messages: { evento: { $ref: `#/components/messages/${subject}` } },
      'x-stream': eventStreamName(produttore),
    };
    operations[subject] = {
      action: 'send',
      channel: { $ref: `#/channels/${subject}` },
      title: `${produttore} pubblica ${e.type}`,
      summary: e.descrizione,
      tags: [{ name: produttore }],
      messages: [{ $ref: `#/channels/${subject}/messages/evento` }],
    };
  }

  return {
    asyncapi: '3.0.0',
    info: {
      title: "Ambito — bus dei servizi della piattaforma d'Ambito",
      version: opzioni.versione,
      description: DESCRIZIONE,
      license: {
        name: 'EUPL-1.2',
        url: 'https://interoperable-europe.ec.europa.eu/collection/eupl/eupl-text-eupl-12',
      },
    },
    defaultContentType: 'application/json',
    servers: {
      nats: {
        host: 'nats.ambito.example:4222',
        protocol: 'nats',
        description: 'Il server NATS (JetStream) dell’installazione dell’Ambito',
      },
    },
    channels,
    operations,
    components: {
      messages,
      schemas: senzaNullable({
        ...schemi.tutti(),
        IntestazioniRichiesta: intestazioni(
          {
            [HEADER.actor]: `Chi agisce: ${ACTOR_ENCODING}`,
            [HEADER.correlationId]: 'Conversazione a cui appartiene la richiesta',
            [HEADER.causationId]: 'Messaggio (richiesta HTTP o evento) che ha causato questa richiesta',
            [HEADER.motivo]: 'Motivo (testo) della lettura di dati personali, codificato in percentuale',
            [HEADER.finalita]:
              'Finalità GDPR della lettura di dati personali: un codice dell’elenco FINALITA',
          },
          [HEADER.actor, HEADER.correlationId],
        ),
        IntestazioniRisposta: intestazioni({ [HEADER.esito]: '`ok` oppure `errore`' }, [HEADER.esito]),
        IntestazioniEvento: intestazioni(
          {
            'Nats-Msg-Id': 'Id dell’evento: JetStream scarta i duplicati',
            [HEADER.correlationId]: 'Conversazione a cui appartiene l’evento',
            [HEADER.causationId]: 'Messaggio che ha causato l’evento',
          },
          ['Nats-Msg-Id'],
        ),
        ErroreRisposta: {
          type: 'object',
          required: ['code', 'message'],
          properties: {
            code: { type: 'string', description: 'Codice stabile dell’errore (es. BUDGET_INSUFFICIENTE)' },
            message: { type: 'string', description: 'Messaggio in italiano per l’operatore' },
            details: {
              type: 'array',
              items: {
                type: 'object',
                required: ['campo', 'messaggi'],
                properties: {
                  campo: { type: 'string' },
                  messaggi: { type: 'array', items: { type: 'string' } },
                },
              },
            },
          },
        },
      }),
    },
  };
}

function servizio(subjectOrType: string): string {
  return subjectOrType.split('.')[0];
}

function nomeRisposta(d: AnyRpcDeclaration): string {
  return Array.isArray(d.reply) ? `${(d.reply[0] as Classe).name}[]` : (d.reply as Classe).name;
}

function payloadRisposta(d: AnyRpcDeclaration, schemi: SchemiContratto): SchemaJson {
  return Array.isArray(d.reply)
    ? { type: 'array', items: schemi.riferimento(d.reply[0] as Classe) }
    : schemi.riferimento(d.reply as Classe);
}

function intestazioni(campi: Record<string, string>, obbligatori: string[]): SchemaJson {
  return {
    type: 'object',
    required: obbligatori,
    properties: Object.fromEntries(
      Object.entries(campi).map(([k, description]) => [k, { type: 'string', description }]),
    ),
  };
}

/** OpenAPI's `nullable: true` becomes JSON Schema's `type: [t, 'null']` (AsyncAPI schemas are JSON Schema). */
function senzaNullable<T>(valore: T): T {
  if (Array.isArray(valore)) return valore.map(senzaNullable) as T;
  if (!valore || typeof valore !== 'object') return valore;
  const copia: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(valore)) if (k !== 'nullable') copia[k] = senzaNullable(v);
  if ((valore as Record<string, unknown>).nullable === true) {
    if (copia.allOf) return { oneOf: [{ allOf: copia.allOf }, { type: 'null' }] } as T;
    if (typeof copia.type === 'string') copia.type = [copia.type, 'null'];
    if (Array.isArray(copia.enum)) copia.enum = [...copia.enum, null];
  }
  return copia as T;
}
