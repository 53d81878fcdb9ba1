import type { ReferenceObject, SchemaObject } from '@nestjs/swagger';
import {
  AREE_BISOGNO,
  CANALI,
  ERROR_KINDS,
  ESITI_AUDIT,
  GRANULARITA,
  PRESENTATO_DA,
  SESSI,
  STATI_ACCESSO,
  TIPI_ESITO,
  URGENZE,
  type AccessoV1,
  type AnnotazioneV1,
  type ComuneV1,
  type ContatoreAccessiV1,
  type ContatoriAccessiRispostaV1,
  type EsitoAccessoV1,
  type FieldError,
  type OrarioSedeV1,
  type PersonaV1,
  type SedeV1,
  type SubAmbitoV1,
  type TerritorioV1,
  type VoceAuditV1,
} from '@ambito/contracts';
import type { TokenResponse } from '../auth/token.response';
import type { ProblemDetails } from '../problem/problem-details';
import { ref } from './schema-ref';

type Schema = SchemaObject | ReferenceObject;

/**
 * Object schema of a reply interface: the mapped type makes the compiler list every property of the
 * interface (and nothing else), so a contract change that is not reflected here fails the build.
 */
export function oggetto<T>(
  description: string,
  properties: { [K in keyof Required<T>]: Schema },
  optional: Array<keyof T> = [],
): SchemaObject {
  const keys = Object.keys(properties) as Array<keyof T & string>;
  return {
    type: 'object',
    description,
    properties,
    required: keys.filter((k) => !optional.includes(k)),
  };
}

export const testo = (description?: string): SchemaObject => ({
  type: 'string',
  ...(description ? { description } : {}),
});
export const testoNullable = (description?: string): SchemaObject => ({
  ...testo(description),
  nullable: true,
});
export const elenco = (values: readonly string[], nullable = false): SchemaObject => ({
  type: 'string',
  enum: [...values],
  ...(nullable ? { nullable: true } : {}),
});
export const istante = (description: string): SchemaObject => ({
  type: 'string',
  format: 'date-time',
  description,
});
export const data = (description: string): SchemaObject => ({ type: 'string', format: 'date', description });
export const uuid: SchemaObject = { type: 'string', format: 'uuid' };
export const intero = (description?: string): SchemaObject => ({
  type: 'integer',
  ...(description ? { description } : {}),
});

export function pagina(name: string, elemento: string): SchemaObject {
  return {
    type: 'object',
    description: `Una pagina di ${name}`,
    required: ['elementi', 'totale', 'pagina', 'perPagina'],
    properties: {
      elementi: { type: 'array', items: ref(elemento) },
      totale: intero('Numero complessivo di elementi che soddisfano i filtri'),
      pagina: intero('Pagina restituita (da 1)'),
      perPagina: intero('Elementi per pagina'),
    },
  };
}

/** Schemas of the replies and of the error answer, merged into `components.schemas`. */
export const RESPONSE_SCHEMAS: Record<string, SchemaObject> = {
  FieldError: oggetto<FieldError>('Un campo che non ha superato la validazione', {
    campo: testo('Percorso del campo, es. `recapiti.email`'),
    messaggi: { type: 'array', items: testo() },
  }),
  Problem: oggetto<ProblemDetails>(
    'Errore (RFC 9457, `application/problem+json`) con codice stabile e messaggio in italiano',
    {
      type: testo('`https://ambito.example/problemi/<codice>` oppure `about:blank`'),
      title: testo('Titolo del tipo di errore'),
      status: intero('Stato HTTP'),
      detail: testo('Spiegazione per l’operatore'),
      code: elenco(Object.keys(ERROR_KINDS)),
      instance: testo('Percorso della richiesta'),
      correlationId: testo('Identificativo di correlazione (header `X-Correlation-Id`)'),
      errori: { type: 'array', items: ref('FieldError'), description: 'Campi non validi' },
    },
    ['errori'],
  ),
  Token: oggetto<TokenResponse>('Token di accesso (emittente locale, solo sviluppo)', {
    access_token: testo('JWT da inviare come `Authorization: Bearer <token>`'),
    token_type: elenco(['Bearer']),
    expires_in: intero('Validità in secondi'),
  }),
  PersonaV1: oggetto<PersonaV1>('Persona (anagrafica minima)', {
    id: uuid,
    codiceFiscale: testo(),
    cognome: testo(),
    nome: testo(),
    dataNascita: data('Data di nascita'),
    luogoNascita: testo('Codice catastale del comune o dello Stato estero di nascita'),
    sesso: elenco(SESSI),
    cittadinanza: testo('Codice ISO 3166-1 alpha-2'),
    comuneResidenza: testo('Codice ISTAT del comune di residenza'),
    indirizzoResidenza: testoNullable(),
    recapiti: {
      type: 'object',
      required: ['telefono', 'email'],
      properties: { telefono: testoNullable(), email: testoNullable() },
    },
    registrataIl: istante('Quando è stata registrata'),
  }),
  PaginaPersoneV1: pagina('persone', 'PersonaV1'),
  EsitoAccessoV1: oggetto<EsitoAccessoV1>('Esito del colloquio', {
    tipo: elenco(TIPI_ESITO),
    servizio: testoNullable('Servizio a cui la persona è inviata o segnalata'),
    motivazione: testoNullable('Motivazione della proposta di presa in carico'),
    urgenza: elenco(URGENZE, true),
    note: testoNullable(),
  }),
  AnnotazioneV1: oggetto<AnnotazioneV1>('Annotazione successiva', {
    testo: testo(),
    autore: testo('Utente che ha annotato'),
    il: istante('Quando'),
  }),
  AccessoV1: oggetto<AccessoV1>('Accesso (colloquio di segretariato sociale)', {
    id: uuid,
    persona: {
      type: 'object',
      required: ['id', 'codiceFiscale', 'cognome', 'nome'],
      properties: { id: uuid, codiceFiscale: testo(), cognome: testo(), nome: testo() },
    },
    comuneResidenza: testo('Codice ISTAT del comune di residenza della persona'),
    dataOra: istante('Quando è avvenuto il colloquio'),
    sede: testo('Codice della sede'),
    subAmbito: testo('Codice del sub-ambito'),
    operatore: {
      type: 'object',
      required: ['id', 'nome'],
      properties: { id: testo(), nome: testo() },
    },
    canale: elenco(CANALI),
    presentatoDa: elenco(PRESENTATO_DA),
    referente: testoNullable('Chi si è presentato per conto della persona'),
    areaBisogno: elenco(AREE_BISOGNO),
    richiesta: testo(),
    note: testoNullable(),
    stato: elenco(STATI_ACCESSO),
    esito: { allOf: [ref('EsitoAccessoV1')], nullable: true },
    chiusoIl: { ...istante('Quando è stato chiuso'), nullable: true },
    annotazioni: { type: 'array', items: ref('AnnotazioneV1') },
  }),
  PaginaAccessiV1: pagina('accessi', 'AccessoV1'),
  ContatoreAccessiV1: oggetto<ContatoreAccessiV1>('Numero di accessi per periodo, area di bisogno e comune', {
    periodo: testo('`AAAA-MM-GG` oppure `AAAA-MM`'),
    areaBisogno: elenco(AREE_BISOGNO),
    comune: testo('Codice ISTAT'),
    totale: intero(),
  }),
  ContatoriAccessiRispostaV1: oggetto<ContatoriAccessiRispostaV1>('Contatori degli accessi', {
    dal: data('Inizio del periodo'),
    al: data('Fine del periodo'),
    granularita: elenco(GRANULARITA),
    righe: { type: 'array', items: ref('ContatoreAccessiV1') },
    totale: intero(),
  }),
  ComuneV1: oggetto<ComuneV1>('Comune dell’Ambito', {
    istat: testo('Codice ISTAT'),
    belfiore: testo('Codice catastale'),
    denominazione: testo(),
    provincia: testo(),
    popolazione: intero('Residenti'),
    popolazioneAl: data('Data di riferimento della popolazione'),
    subAmbito: testo(),
  }),
  SubAmbitoV1: oggetto<SubAmbitoV1>('Sub-ambito', {
    codice: testo(),
    denominazione: testo(),
    comuneCapofila: testo('Codice ISTAT del comune capofila'),
  }),
  OrarioSedeV1: oggetto<OrarioSedeV1>('Orario di apertura', {
    giorno: elenco(['lun', 'mar', 'mer', 'gio', 'ven', 'sab']),
    dalle: testo('`HH:MM`'),
    alle: testo('`HH:MM`'),
  }),
  SedeV1: oggetto<SedeV1>('Sede (hub o spoke) del segretariato sociale', {
    codice: testo(),
    tipo: elenco(['hub', 'spoke']),
    denominazione: testo(),
    subAmbito: testo(),
    comune: testo('Codice ISTAT'),
    indirizzo: testo(),
    orari: { type: 'array', items: ref('OrarioSedeV1') },
  }),
  TerritorioV1: oggetto<TerritorioV1>('Territorio dell’Ambito', {
    ambito: {
      type: 'object',
      required: ['codice', 'denominazione', 'enteGestore', 'comuneCapofila'],
      properties: {
        codice: testo(),
        denominazione: testo(),
        enteGestore: testo(),
        comuneCapofila: testo(),
      },
    },
    versione: testo('Versione dei dati territoriali'),
    validoDal: data('Inizio di validità'),
    comuni: { type: 'array', items: ref('ComuneV1') },
    subAmbiti: { type: 'array', items: ref('SubAmbitoV1') },
    sedi: { type: 'array', items: ref('SedeV1') },
  }),
  VoceAuditV1: oggetto<VoceAuditV1>('Voce del registro degli accessi ai dati personali', {
    id: uuid,
    il: istante('Quando'),
    utente: testo('Identificativo dell’utente'),
    ruoli: { type: 'array', items: testo() },
    azione: testo(),
    risorsa: testo(),
    risorsaId: testoNullable(),
    personaId: { ...uuid, nullable: true },
    motivo: testoNullable('Finalità dichiarata (header `X-Motivo`)'),
    esito: elenco(ESITI_AUDIT),
    correlationId: testoNullable(),
  }),
  PaginaAuditV1: pagina('voci di audit', 'VoceAuditV1'),
};
