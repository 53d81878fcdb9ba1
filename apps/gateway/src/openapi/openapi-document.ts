import {
  IDEMPOTENCY_KEY_HTTP_HEADER,
  CODICI_FINALITA,
  FINALITA,
  MOTIVO_MAX,
  MOTIVO_MIN,
  REGOLE_AMBITO,
  isRuoloServizio,
  SchemiContratto,
  schemiRaggiunti,
  type Classe,
  type ReplySpec,
  type SchemaJson,
} from '@ambito/contracts';
import { RichiestaToken } from '../auth/richiesta-token.body';
import { TokenResponse } from '../auth/token.response';
import { CORRELATION_HEADER } from '../context/correlation.middleware';
import { FINALITA_HEADER, MOTIVO_HEADER } from '../context/request-context.interceptor';
import { PROBLEM_CONTENT_TYPE } from '../problem/problem-details';
import { Problema, StatoServizio } from '../problem/problem.schema';
import { cambiaStato } from '../routes/idempotency-key';
import { campoDelParametro } from '../routes/richiesta';
import { haCorpo, nomiParametri, statoDiSuccesso, type Rotta } from '../routes/rotta';
import { esempioDa } from './esempi';

const SCHEMI = '#/components/schemas/';
export const MERGE_PATCH = 'application/merge-patch+json';

export interface OpzioniDocumento {
  versione: string;
  /** Documents the demo token endpoint (local issuer, development only). */
  emittenteLocale: boolean;
}

const DESCRIZIONE = `API REST della piattaforma d'Ambito Territoriale Sociale: territorio, persone, accessi al segretariato sociale e loro esiti, cartelle sociali (presa in carico, valutazione, progetto personalizzato), statistiche per l'Ufficio di Piano, registro degli accessi ai dati personali, budget d'Ambito (fondi, dotazioni, impegni, liquidazioni, quote dei comuni).

- **Autenticazione**: \`Authorization: Bearer <JWT>\`, emesso dal fornitore di identità dell'Ambito (OpenID Connect) oppure, solo in sviluppo, da \`POST /api/v1/auth/token\` per gli utenti dimostrativi.
- **Ruoli e ambito territoriale**: ogni operazione indica i ruoli ammessi; ogni servizio limita inoltre i dati al sub-ambito o al comune dell'utente.
- **Errori**: \`application/problem+json\` (RFC 9457) con \`code\` stabile, \`detail\` in italiano e, per i dati non validi, i campi in \`errori\`.
- **Importi**: in centesimi di euro, numeri interi (\`int64\`).
- **Correlazione**: l'header \`X-Correlation-Id\` (generato se assente) torna nella risposta e segue la richiesta fra i servizi.
- **Finalità (GDPR)**: ogni lettura di dati personali (persone, accessi, cartelle, diario, impegni, registro di audit) richiede la finalità: un codice in \`X-Finalita\` (${CODICI_FINALITA.map((c) => `\`${c}\``).join(', ')}) e il motivo in \`X-Motivo\` (testo, anche codificato in percentuale); senza, \`400\` con codice \`FINALITA_MANCANTE\` o \`FINALITA_NON_VALIDA\`. Entrambi sono registrati nell'audit; le ricerche sono registrate con i loro criteri, le letture del registro di audit sono a loro volta registrate.
- **Idempotenza**: le operazioni che modificano dati (POST, PUT, PATCH, DELETE) accettano l'header \`Idempotency-Key\` (bozza IETF HTTPAPI, es. un UUID per operazione): la chiave, per utente, è registrata insieme all'effetto e conservata 24 ore; ripetere la richiesta con la stessa chiave e lo stesso corpo restituisce la prima risposta (stesso stato, stesso corpo) senza rieseguirla; la stessa chiave con un corpo diverso è 422 \`IDEMPOTENCY_KEY_RIUSATA\`; mentre la prima è ancora in corso, 409 \`IDEMPOTENCY_KEY_IN_USO\`.
- **Tempi di attesa**: il gateway attende ogni servizio per un tempo fissato e gli comunica la scadenza; dopo di essa il servizio non inizia né conferma l'operazione. Se la risposta non arriva in tempo, una lettura risponde 503 \`SERVIZIO_NON_DISPONIBILE\`, una modifica 504 \`ESITO_NON_DETERMINATO\`: l'operazione può essere stata eseguita solo nell'istante prima della scadenza, e va ripetuta con la stessa \`Idempotency-Key\`, che la rende sicura.`;

const TAGS: Array<{ name: string; description: string }> = [
  { name: 'Territorio', description: 'Comuni, sub-ambiti e sedi dell’Ambito' },
  { name: 'Persone', description: 'Anagrafica minima delle persone' },
  { name: 'Accessi', description: 'Colloqui di segretariato sociale ed esiti' },
  {
    name: 'Cartelle sociali',
    description: 'Presa in carico: coda, équipe, valutazioni, progetto personalizzato e decisione del Comune',
  },
  { name: 'Statistiche', description: 'Dati aggregati per la programmazione' },
  { name: 'Audit', description: 'Registro degli accessi ai dati personali' },
  {
    name: 'Budget',
    description: 'Fondi, dotazioni, impegni, liquidazioni e quote dei comuni (importi in centesimi di euro)',
  },
  { name: 'Stato', description: 'Stato del servizio, per il catalogo delle API' },
];

const ERRORI_COMUNI = [400, 401, 403, 429, 500, 503] as const;
/** What an operation that changes data may also answer because of its Idempotency-Key or a timeout. */
const ERRORI_IDEMPOTENZA = [409, 422, 504] as const;
const DESCRIZIONE_ERRORE: Record<number, string> = {
  400: 'Dati non validi: i campi in errore sono in `errori` (codice `VALIDAZIONE_FALLITA`), o `Idempotency-Key` malformata (`IDEMPOTENCY_KEY_NON_VALIDA`); per le letture di dati personali, finalità assente (`FINALITA_MANCANTE`) o non valida (`FINALITA_NON_VALIDA`)',
  401: 'Token assente, scaduto o non valido (`NON_AUTENTICATO`)',
  403: 'Ruolo non abilitato (`OPERAZIONE_NON_CONSENTITA`) o dato fuori dal proprio ambito territoriale (`FUORI_AMBITO_TERRITORIALE`)',
  404: 'Risorsa non trovata',
  409: 'Conflitto con lo stato della risorsa (es. `ACCESSO_GIA_CHIUSO`, `BUDGET_INSUFFICIENTE`) o richiesta con la stessa `Idempotency-Key` ancora in corso (`IDEMPOTENCY_KEY_IN_USO`)',
  422: 'Regola di dominio non soddisfatta (es. `CODICE_FISCALE_NON_VALIDO`, `SEDE_SCONOSCIUTA`) o `Idempotency-Key` già usata per una richiesta diversa (`IDEMPOTENCY_KEY_RIUSATA`)',
  429: 'Troppe richieste: riprovare dopo i secondi indicati in `Retry-After`',
  500: 'Errore interno: l’operazione non è stata eseguita (`ERRORE_INTERNO`)',
  503: 'Servizio non disponibile: riprovare (`SERVIZIO_NON_DISPONIBILE`)',
  504: 'Esito non determinato: il servizio non ha risposto in tempo (`ESITO_NON_DETERMINATO`); ripetere la richiesta con la stessa `Idempotency-Key`',
};
const CODICE_ESEMPIO: Record<number, string> = {
  400: 'VALIDAZIONE_FALLITA',
  401: 'NON_AUTENTICATO',
  403: 'OPERAZIONE_NON_CONSENTITA',
  404: 'RISORSA_NON_TROVATA',
  409: 'TRANSIZIONE_NON_CONSENTITA',
  422: 'DATA_NON_VALIDA',
  429: 'TROPPE_RICHIESTE',
  500: 'ERRORE_INTERNO',
  503: 'SERVIZIO_NON_DISPONIBILE',
  504: 'ESITO_NON_DETERMINATO',
};

const HEADERS_RISPOSTA = {
  [CORRELATION_HEADER]: { $ref: '#/components/headers/XCorrelationId' },
  'X-RateLimit-Limit': { $ref: '#/components/headers/XRateLimitLimit' },
  'X-RateLimit-Remaining': { $ref: '#/components/headers/XRateLimitRemaining' },
  'X-RateLimit-Reset': { $ref: '#/components/headers/XRateLimitReset' },
};

/**
 * The OpenAPI 3 document of the gateway, generated from the route table and the contract classes:
 * nothing in it is written by hand, so it cannot drift from what the gateway serves.
 */
export function documentoOpenApi(rotte: readonly Rotta[], opzioni: OpzioniDocumento): SchemaJson {
  const schemi = new SchemiContratto(SCHEMI);
  const corpi: Record<string, SchemaJson> = {};
  const paths: Record<string, Record<string, SchemaJson>> = {};
  const risolvi = (ref: string): SchemaJson => {
    const nome = ref.slice(SCHEMI.length);
    return corpi[nome] ?? schemi.tutti()[nome] ?? {};
  };
  const problema = schemi.riferimento(Problema);

  for (const r of rotte) {
    (paths[r.percorso] ??= {})[r.metodo] = operazione(r, schemi, corpi, risolvi);
  }
  paths['/status'] = { get: operazioneStato(schemi.riferimento(StatoServizio)) };
  if (opzioni.emittenteLocale) {
    paths['/auth/token'] = { post: operazioneToken(schemi, risolvi) };
  }

  const risposteErrore = Object.fromEntries(
    Object.entries(DESCRIZIONE_ERRORE).map(([stato, descrizione]) => [
      `Problema${stato}`,
      {
        description: descrizione,
        headers: {
          ...HEADERS_RISPOSTA,
          ...(stato === '429' || stato === '503'
            ? { 'Retry-After': { $ref: '#/components/headers/RetryAfter' } }
            : {}),
        },
        content: {
          [PROBLEM_CONTENT_TYPE]: {
            schema: problema,
            example: esempioProblema(Number(stato)),
          },
        },
      },
    ]),
  );

  return {
    openapi: '3.0.3',
    info: {
      title: "Ambito — API della piattaforma d'Ambito",
      version: opzioni.versione,
      description: DESCRIZIONE,
      'x-summary': 'Servizi sociali d’Ambito: accesso, presa in carico, budget',
      'x-api-id': '6f1c2a8e-3b7d-4e59-a1c4-2d9e8f7b6a50',
      contact: {
        name: 'Ufficio di Piano dell’Ambito',
        email: 'ufficio.piano@ambito.example',
        url: 'https://ambito.example',
      },
      license: {
        name: 'EUPL-1.2',
        url: 'https://interoperable-europe.ec.europa.eu/collection/eupl/eupl-text-eupl-12',
      },
      termsOfService: 'https://ambito.example/condizioni',
    },
    servers: [
      { url: 'https://ambito.example/api/v1', description: 'Installazione dell’Ambito (esempio)' },
      {
        url: 'http://localhost:3000/api/v1',
        description: 'Sviluppo locale (`npm start`)',
        'x-sandbox': true,
      },
    ],
    tags: [
      ...TAGS,
      ...(opzioni.emittenteLocale
        ? [{ name: 'Autenticazione', description: 'Emittente dimostrativo (AUTH_MODE=demo, solo sviluppo)' }]
        : []),
    ],
    security: [{ bearerAuth: [] }],
    paths: Object.fromEntries(Object.entries(paths).sort(([a], [b]) => a.localeCompare(b))),
    components: {
      securitySchemes: {
        bearerAuth: {
          type: 'http',
          scheme: 'bearer',
          bearerFormat: 'JWT',
          description:
            'Token del fornitore di identità dell’Ambito (OpenID Connect); in sviluppo, POST /api/v1/auth/token',
        },
      },
      parameters: {
        XMotivo: {
          name: MOTIVO_HEADER,
          in: 'header',
          required: false,
          description:
            'Motivo della richiesta (GDPR), registrato nell’audit; testo, anche codificato in percentuale',
          schema: { type: 'string', maxLength: MOTIVO_MAX },
          example: 'colloquio di segretariato',
        },
        IdempotencyKey: {
          name: IDEMPOTENCY_KEY_HTTP_HEADER,
          in: 'header',
          required: false,
          description:
            'Chiave di idempotenza (bozza IETF HTTPAPI «The Idempotency-Key HTTP Header Field»), una per operazione, es. un UUID: ripetendo la richiesta con la stessa chiave e lo stesso corpo si riceve la prima risposta senza rieseguirla (chiavi conservate 24 ore, per utente). Da 8 a 128 caratteri fra lettere, cifre e `. _ : ~ + / = -`, anche fra virgolette; altrimenti 400 `IDEMPOTENCY_KEY_NON_VALIDA`.',
          schema: {
            type: 'string',
            minLength: 8,
            maxLength: 130,
            pattern: '^"?[A-Za-z0-9._:~+/=-]{8,128}"?$',
          },
          example: '8e03978e-40d5-43e8-bc93-6894a57f9324',
        },
        XMotivoObbligatorio: {
          name: MOTIVO_HEADER,
          in: 'header',
          required: true,
          description:
            'Motivo della lettura di dati personali (GDPR), registrato nell’audit; testo, anche codificato in percentuale',
          schema: { type: 'string', minLength: MOTIVO_MIN, maxLength: MOTIVO_MAX },
          example: 'colloquio di segretariato',
        },
        XFinalita: {
          name: FINALITA_HEADER,
          in: 'header',
          required: true,
          description: `Finalità della lettura di dati personali (GDPR), registrata nell’audit: ${Object.entries(
            FINALITA,
          )
            .map(([codice, descrizione]) => `\`${codice}\` (${descrizione})`)
            .join('; ')}`,
          schema: { type: 'string', enum: [...CODICI_FINALITA] },
          example: 'segretariato-sociale',
        },
        XCorrelationId: {
          name: CORRELATION_HEADER,
          in: 'header',
          required: false,
          description: 'Identificativo di correlazione della conversazione; generato se assente',
          schema: { type: 'string', maxLength: 100 },
          example: '3f2b8c1e-5d4a-4e6b-9c7d-1a2b3c4d5e6f',
        },
      },
      headers: {
        XCorrelationId: {
          description: 'Identificativo di correlazione (ricevuto o generato)',
          schema: { type: 'string' },
        },
        Location: { description: 'Indirizzo della risorsa creata', schema: { type: 'string' } },
        RetryAfter: {
          description: 'Secondi dopo i quali riprovare',
          schema: { type: 'integer', format: 'int32', minimum: 0 },
        },
        XRateLimitLimit: {
          description: 'Richieste ammesse nella finestra corrente',
          schema: { type: 'integer', format: 'int32', minimum: 0 },
        },
        XRateLimitRemaining: {
          description: 'Richieste ancora ammesse nella finestra',
          schema: { type: 'integer', format: 'int32', minimum: 0 },
        },
        XRateLimitReset: {
          description: 'Secondi alla fine della finestra',
          schema: { type: 'integer', format: 'int32', minimum: 0 },
        },
      },
      responses: risposteErrore,
      schemas: usati({ ...schemi.tutti(), ...corpi }, [paths, risposteErrore]),
    },
  };
}

/** Only the schemas the operations refer to (request classes of GET routes become query parameters). */
function usati(schemi: Record<string, SchemaJson>, radici: unknown[]): Record<string, SchemaJson> {
  const raggiunti = schemiRaggiunti(radici, schemi, SCHEMI);
  return Object.fromEntries(Object.entries(schemi).filter(([nome]) => raggiunti.has(nome)));
}

function operazione(
  r: Rotta,
  schemi: SchemiContratto,
  corpi: Record<string, SchemaJson>,
  risolvi: (ref: string) => SchemaJson,
): SchemaJson {
  const richiesta = schemi.schema(r.messaggio.request);
  const proprieta = (richiesta.properties ?? {}) as Record<string, SchemaJson>;
  const obbligatori = new Set((richiesta.required ?? []) as string[]);
  const parametri = nomiParametri(r.percorso);
  const campiDelPercorso = new Set(parametri.map((p) => campoDelParametro(r, p)));

  const parameters: SchemaJson[] = parametri.map((p) => ({
    name: p,
    in: 'path',
    required: true,
    description: r.parametri?.[p]?.descrizione ?? p,
    schema: proprieta[campoDelParametro(r, p)] ?? { type: 'string' },
  }));
  if (!haCorpo(r)) {
    for (const [nome, schema] of Object.entries(proprieta)) {
      if (campiDelPercorso.has(nome)) continue;
      parameters.push({
        name: nome,
        in: 'query',
        required: obbligatori.has(nome),
        ...(typeof schema.description === 'string' ? { description: schema.description } : {}),
        schema,
      });
    }
  }
  parameters.push(
    ...(r.messaggio.letturaDatiPersonali
      ? [
          { $ref: '#/components/parameters/XFinalita' },
          { $ref: '#/components/parameters/XMotivoObbligatorio' },
        ]
      : [{ $ref: '#/components/parameters/XMotivo' }]),
    { $ref: '#/components/parameters/XCorrelationId' },
    ...(cambiaStato(r) ? [{ $ref: '#/components/parameters/IdempotencyKey' }] : []),
  );

  let requestBody: SchemaJson | undefined;
  if (haCorpo(r)) {
    let schema: SchemaJson;
    if (r.corpo) schema = proprieta[r.corpo];
    else if ([...campiDelPercorso].every((c) => !(c in proprieta)))
      schema = schemi.riferimento(r.messaggio.request);
    else {
      const nome = `Corpo${r.messaggio.request.name}`;
      corpi[nome] = {
        ...richiesta,
        properties: Object.fromEntries(Object.entries(proprieta).filter(([k]) => !campiDelPercorso.has(k))),
        required: [...obbligatori].filter((k) => !campiDelPercorso.has(k)),
      };
      if ((corpi[nome].required as string[]).length === 0) delete corpi[nome].required;
      schema = { $ref: SCHEMI + nome };
    }
    requestBody = {
      required: true,
      content: { [tipoDelCorpo(r)]: { schema, example: r.esempio ?? esempioDa(schema, risolvi) } },
    };
  }

  const stato = statoDiSuccesso(r);
  const successo = risposta(r, schemi, risolvi);
  // A user's roles only: a service's own role (`servizio-misure`) is never a user's (the gateway refuses it).
  const ruoliUtente = r.messaggio.ruoli.filter((ruolo) => !isRuoloServizio(ruolo));
  const ruoli = ruoliUtente.join(', ');
  return {
    operationId: r.operazione,
    summary: r.sommario,
    description: [
      r.descrizione,
      r.pubblica
        ? `**Pubblica**: nessuna autenticazione, limite di richieste per indirizzo. **Ambito dei dati**: ${REGOLE_AMBITO[r.messaggio.ambito]}.`
        : `**Ruoli**: ${ruoli}. **Ambito dei dati**: ${REGOLE_AMBITO[r.messaggio.ambito]}.`,
      `Messaggio NATS: \`${r.messaggio.subject}\`.`,
    ]
      .filter(Boolean)
      .join('\n\n'),
    tags: [r.tag],
    'x-ruoli': ruoliUtente,
    ...(r.pubblica ? { security: [] } : {}),
    parameters,
    ...(requestBody ? { requestBody } : {}),
    responses: {
      [String(stato)]: {
        description: r.esito,
        headers: {
          ...HEADERS_RISPOSTA,
          ...(stato === 201 && r.posizione ? { Location: { $ref: '#/components/headers/Location' } } : {}),
        },
        content: successo,
      },
      ...(r.accettata
        ? {
            '202': {
              description: r.accettata.descrizione,
              headers: HEADERS_RISPOSTA,
              content: risposta(
                { ...r, risposta: undefined, messaggio: { ...r.messaggio, reply: r.accettata.classe } },
                schemi,
                risolvi,
              ),
            },
          }
        : {}),
      ...Object.fromEntries(
        [
          ...new Set([
            ...ERRORI_COMUNI.filter((s) => !r.pubblica || (s !== 401 && s !== 403)),
            ...(r.errori ?? []),
            ...(cambiaStato(r) ? ERRORI_IDEMPOTENZA : []),
          ]),
        ]
          .sort((a, b) => a - b)
          .map((s) => [String(s), { $ref: `#/components/responses/Problema${s}` }]),
      ),
    },
  };
}

/** A PATCH carries a JSON merge patch (RFC 7396): the fields to change, nothing else. */
function tipoDelCorpo(r: Rotta): string {
  return r.metodo === 'patch' ? MERGE_PATCH : 'application/json';
}

function risposta(r: Rotta, schemi: SchemiContratto, risolvi: (ref: string) => SchemaJson): SchemaJson {
  const classe = r.risposta?.classe ?? r.messaggio.reply;
  if (classe === 'application/pdf') {
    return {
      'application/pdf': {
        schema: { type: 'string', format: 'binary', description: 'Documento PDF' },
        example: '%PDF-1.4 …',
      },
    };
  }
  if (classe === 'text/csv') {
    return {
      'text/csv': {
        schema: {
          type: 'string',
          description: 'CSV separato da `;`, importi in euro con la virgola decimale',
        },
        example: 'voce;importo\nassegnato;1000,00\n',
      },
    };
  }
  if (classe === 'image/svg+xml') {
    return {
      'image/svg+xml': {
        schema: { type: 'string', description: 'Grafico SVG accessibile (title e desc)' },
        example: '<svg xmlns="http://www.w3.org/2000/svg" role="img"><title>…</title></svg>',
      },
    };
  }
  const schema = schemaRisposta(classe, schemi);
  return { 'application/json': { schema, example: esempioDa(schema, risolvi) } };
}

function schemaRisposta(spec: ReplySpec, schemi: SchemiContratto): SchemaJson {
  return Array.isArray(spec)
    ? { type: 'array', items: schemi.riferimento(spec[0] as Classe) }
    : schemi.riferimento(spec as Classe);
}

function esempioProblema(stato: number): SchemaJson {
  return {
    type: `https://ambito.example/problemi/${CODICE_ESEMPIO[stato].toLowerCase().replace(/_/g, '-')}`,
    title: DESCRIZIONE_ERRORE[stato].split(/[:(]/)[0].trim(),
    status: stato,
    detail: DESCRIZIONE_ERRORE[stato],
    code: CODICE_ESEMPIO[stato],
    instance: '/api/v1/accessi',
    correlationId: '3f2b8c1e-5d4a-4e6b-9c7d-1a2b3c4d5e6f',
    ...(stato === 400
      ? { errori: [{ campo: 'sede', messaggi: ['obbligatorio, non può essere vuoto'] }] }
      : {}),
  };
}

/** `/status`: problem+json health for the API catalogue (PDND), without a token. */
function operazioneStato(stato: SchemaJson): SchemaJson {
  return {
    operationId: 'leggiStato',
    summary: 'Stato del servizio',
    description:
      'Risponde 200 quando il gateway raggiunge il bus dei servizi, 503 altrimenti; non richiede un token.',
    tags: ['Stato'],
    security: [],
    responses: {
      '200': {
        description: 'Servizio disponibile',
        headers: HEADERS_RISPOSTA,
        content: {
          [PROBLEM_CONTENT_TYPE]: {
            schema: stato,
            example: {
              type: 'about:blank',
              title: 'Servizio disponibile',
              status: 200,
              detail: 'Il servizio è disponibile.',
            },
          },
        },
      },
      '429': { $ref: '#/components/responses/Problema429' },
      '500': { $ref: '#/components/responses/Problema500' },
      '503': { $ref: '#/components/responses/Problema503' },
    },
  };
}

function operazioneToken(schemi: SchemiContratto, risolvi: (ref: string) => SchemaJson): SchemaJson {
  const token = schemi.riferimento(TokenResponse);
  return {
    operationId: 'emettiTokenDimostrativo',
    summary: 'Token per un utente dimostrativo',
    description:
      'Solo con `AUTH_MODE=demo` (sviluppo, gateway in ascolto su 127.0.0.1, mai in produzione): utenti dimostrativi con password `demo`, elencati in apps/gateway/README.md. Limitato per indirizzo (predefinito 10 richieste al minuto, `TOKEN_RATE_LIMIT`): oltre, 429 `TROPPE_RICHIESTE` con `Retry-After`. In produzione i token sono emessi dal fornitore di identità dell’Ambito (OpenID Connect).',
    tags: ['Autenticazione'],
    security: [],
    requestBody: {
      required: true,
      content: {
        'application/json': {
          schema: schemi.riferimento(RichiestaToken),
          example: { username: 'operatore.crema', password: 'demo' },
        },
      },
    },
    responses: {
      '200': {
        description: 'Token emesso',
        headers: HEADERS_RISPOSTA,
        content: { 'application/json': { schema: token, example: esempioDa(token, risolvi) } },
      },
      '400': { $ref: '#/components/responses/Problema400' },
      '401': { $ref: '#/components/responses/Problema401' },
      '429': { $ref: '#/components/responses/Problema429' },
      '500': { $ref: '#/components/responses/Problema500' },
    },
  };
}
