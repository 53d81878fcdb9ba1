/**
 * Stable error codes of the platform, each with its kind. The gateway maps the kind to an HTTP status;
 * services answer NATS requests with `{ code, message, details }`. Wire values: do not change them.
 */
export const ERROR_KINDS = {
  VALIDAZIONE_FALLITA: 'invalid',
  NON_AUTENTICATO: 'unauthenticated',
  // The actor of a NATS request is not verified: forged, expired, replayed, for another request or ambito.
  IDENTITA_NON_VALIDA: 'unauthenticated',
  OPERAZIONE_NON_CONSENTITA: 'forbidden',
  FUORI_AMBITO_TERRITORIALE: 'forbidden',
  RISORSA_NON_TROVATA: 'not-found',
  PERSONA_NON_TROVATA: 'not-found',
  ACCESSO_NON_TROVATO: 'not-found',
  CARTELLA_NON_TROVATA: 'not-found',
  PROGETTO_NON_TROVATO: 'not-found',
  PERSONA_GIA_REGISTRATA: 'conflict',
  ACCESSO_GIA_CHIUSO: 'conflict',
  CARTELLA_CHIUSA: 'conflict',
  TRANSIZIONE_NON_CONSENTITA: 'conflict',
  APPROVAZIONE_DEL_PROPONENTE: 'forbidden',
  CASE_MANAGER_NON_VALIDO: 'unprocessable',
  STRUMENTO_SCONOSCIUTO: 'unprocessable',
  VALUTAZIONE_NON_VALIDA: 'unprocessable',
  EQUIPE_INCOMPLETA: 'unprocessable',
  CODICE_FISCALE_NON_VALIDO: 'unprocessable',
  SEDE_SCONOSCIUTA: 'unprocessable',
  COMUNE_SCONOSCIUTO: 'unprocessable',
  DATA_NON_VALIDA: 'unprocessable',
  // A persona neither resident nor domiciled in the Ambito: nobody here would follow it.
  PERSONA_FUORI_AMBITO: 'unprocessable',
  RICOVERO_NON_TROVATO: 'not-found',
  RICOVERO_SOVRAPPOSTO: 'conflict',
  // An intervento funded by the Ambito's budget without its fund, line and annualità (or the reverse).
  IMPUTAZIONE_NON_VALIDA: 'unprocessable',
  // A read of personal data without a declared purpose (code and text), or with one not in FINALITA.
  FINALITA_MANCANTE: 'invalid',
  FINALITA_NON_VALIDA: 'invalid',
  // Budget. State conflicts a later request may not meet (money can come back to a line): 'conflict'.
  // Rules the request can never satisfy as it is (unknown fund, a line the fund may not finance, a
  // payment above its commitment, which only shrinks): 'unprocessable'.
  FONDO_SCONOSCIUTO: 'unprocessable',
  ANNUALITA_NON_ASSEGNATA: 'unprocessable',
  LINEA_NON_TROVATA: 'not-found',
  IMPEGNO_NON_TROVATO: 'not-found',
  LIQUIDAZIONE_NON_TROVATA: 'not-found',
  VARIAZIONE_NON_TROVATA: 'not-found',
  MANDATO_GIA_REGISTRATO: 'conflict',
  VARIAZIONE_GIA_DECISA: 'conflict',
  PREVENTIVO_CAMBIATO: 'conflict',
  REGOLA_SOVRAPPOSTA: 'conflict',
  LINEA_GIA_REGISTRATA: 'conflict',
  BUDGET_INSUFFICIENTE: 'conflict',
  RESIDUO_FONDO_INSUFFICIENTE: 'conflict',
  CHIAVE_IDEMPOTENZA_RIUSATA: 'conflict',
  LINEA_NON_FINANZIABILE: 'unprocessable',
  QUOTA_FONDO_SUPERATA: 'unprocessable',
  COFINANZIAMENTO_INSUFFICIENTE: 'unprocessable',
  LIQUIDAZIONE_OLTRE_IMPEGNO: 'unprocessable',
  RIDUZIONE_OLTRE_RESIDUO: 'unprocessable',
  // Articoli of a line (issue 8): a line with articoli is not dotated or committed directly; an
  // articolo takes money only from its fund; articoli are one level below a line.
  LINEA_ARTICOLATA: 'unprocessable',
  ARTICOLO_NON_AMMESSO: 'unprocessable',
  FONDO_NON_VINCOLATO: 'unprocessable',
  // Mandati: a liquidazione is paid once; a mandato number is used once per esercizio.
  MANDATO_NON_TROVATO: 'not-found',
  LIQUIDAZIONE_GIA_PAGATA: 'conflict',
  // A calling service without a grant in force on the line (table abilitazione_servizio).
  SERVIZIO_NON_ABILITATO: 'forbidden',
  ABILITAZIONE_NON_TROVATA: 'not-found',
  ABILITAZIONE_GIA_REVOCATA: 'conflict',
  QUOTA_CAPITARIA_NON_DELIBERATA: 'unprocessable',
  // Idempotency-Key (IETF HTTPAPI draft) and deadlines: see libs/messaging/src/idempotency.
  IDEMPOTENCY_KEY_NON_VALIDA: 'invalid',
  IDEMPOTENCY_KEY_RIUSATA: 'unprocessable',
  IDEMPOTENCY_KEY_IN_USO: 'conflict',
  IDEMPOTENCY_KEY_SENZA_RISPOSTA: 'conflict',
  SCADENZA_SUPERATA: 'timeout',
  ESITO_NON_DETERMINATO: 'timeout',
  // Too many attempts from one client (the demo token endpoint): 429 with Retry-After.
  TROPPE_RICHIESTE: 'rate-limited',
  // A level of detail of aggregated figures the role may not see (e.g. daily per-comune counters).
  DETTAGLIO_STATISTICO_NON_CONSENTITO: 'forbidden',
  // Misure: avvisi and istanze (issue 9). The window and the avviso's state are conflicts of the moment;
  // a strumento not in the rule set, or no rule set in force, cannot be satisfied as asked.
  AVVISO_NON_TROVATO: 'not-found',
  ISTANZA_NON_TROVATA: 'not-found',
  REGOLE_NON_IN_VIGORE: 'unprocessable',
  STRUMENTO_MISURA_SCONOSCIUTO: 'unprocessable',
  AVVISO_NON_PUBBLICATO: 'conflict',
  ISTANZA_FUORI_FINESTRA: 'conflict',
  ISTANZA_GIA_PRESENTATA: 'conflict',
  // No declared ISEE attestation valid on the day of presentation (all expired): not protocolled.
  ISEE_SCADUTO: 'unprocessable',
  DECISIONE_NON_RICHIESTA: 'conflict',
  // Misure, graduatorie: formed only from a closed avviso whose istanze are all decided; approved once,
  // by someone who did not form or judge it; a ceased beneficio is one financed and in force.
  GRADUATORIA_NON_TROVATA: 'not-found',
  AVVISO_NON_CHIUSO: 'conflict',
  ISTANZE_DA_DECIDERE: 'conflict',
  GRADUATORIA_NON_FORMATA: 'conflict',
  GRADUATORIA_IN_APPROVAZIONE: 'conflict',
  GRADUATORIA_GIA_APPROVATA: 'conflict',
  GRADUATORIA_NON_APPROVATA: 'conflict',
  BENEFICIO_NON_ATTIVO: 'conflict',
  // Misure, benefici and the monthly run (issue 10): a month is paid once it has begun; a rule set
  // stored before issue 10 has no erogazione parameters, and the run will not guess them.
  BENEFICIO_NON_TROVATO: 'not-found',
  MESE_NON_ANCORA_EROGABILE: 'conflict',
  REGOLE_EROGAZIONE_MANCANTI: 'unprocessable',
  // Misure, accounts (issue 10, lane misure-conti): a Dopo di Noi budget asking its fund more than it
  // brings; a group home full (enforced by the database); contributions for one assistant's contract
  // above its wage cost (rule 10); a Pro.Vi. statement on a project without the rule set's accounts.
  BUDGET_PROGETTO_NON_COPERTO: 'unprocessable',
  GRUPPO_APPARTAMENTO_PIENO: 'conflict',
  PERSONA_GIA_IN_GRUPPO_APPARTAMENTO: 'conflict',
  CUMULO_OLTRE_COSTO: 'conflict',
  CONTRATTO_ASSISTENTE_NON_TROVATO: 'not-found',
  PROGETTO_PRO_VI_NON_TROVATO: 'not-found',
  PROGETTO_PRO_VI_GIA_REGISTRATO: 'conflict',
  GRUPPO_APPARTAMENTO_NON_TROVATO: 'not-found',
  REGOLE_CONTI_MANCANTI: 'unprocessable',
  // Misure, rule sets: a version in force overlapping another of the same measure; a stored document
  // that no longer validates against its contract classes (never used to judge an istanza).
  REGOLE_SOVRAPPOSTE: 'conflict',
  REGOLE_NON_VALIDE: 'unprocessable',
  // Registro degli assistenti familiari.
  CANDIDATURA_NON_TROVATA: 'not-found',
  ISCRIZIONE_NON_TROVATA: 'not-found',
  CANDIDATURA_GIA_PRESENTATA: 'conflict',
  CANDIDATURA_GIA_DECISA: 'conflict',
  ASSISTENTE_GIA_ISCRITTO: 'conflict',
  ISCRIZIONE_CANCELLATA: 'conflict',
  CONSENSO_NON_PRESENTE: 'conflict',
  REQUISITI_NON_SODDISFATTI: 'unprocessable',
  DOCUMENTI_NON_VERIFICATI: 'unprocessable',
  // Assistenti familiari, sportello: richieste of families, proposals, contracts, Bonus pre-checks. A
  // richiesta is satisfied once (one contract); a contract follows a proposal both sides accepted.
  RICHIESTA_NON_TROVATA: 'not-found',
  PROPOSTA_NON_TROVATA: 'not-found',
  CONTRATTO_NON_TROVATO: 'not-found',
  VERIFICA_BONUS_NON_TROVATA: 'not-found',
  RICHIESTA_NON_APERTA: 'conflict',
  PROPOSTA_GIA_PRESENTE: 'conflict',
  PROPOSTA_NON_ACCETTATA: 'conflict',
  ASSISTENTE_NON_ISCRITTO: 'unprocessable',
  CONSENSO_MANCANTE: 'unprocessable',
  // A scheda changed by someone else since it was read (optimistic lock on its version).
  SCHEDA_MODIFICATA: 'conflict',
  // Presa in carico → sportello: only the case manager proposes a richiesta, on a valutazione of the
  // cartella that shows the need under the criteria in force; one open richiesta per cartella.
  VALUTAZIONE_NON_TROVATA: 'not-found',
  BISOGNO_NON_DIMOSTRATO: 'unprocessable',
  RICHIESTA_GIA_PROPOSTA: 'conflict',
  // Misure, liquidazioni and recuperi (issue 10, point 3): a recupero is of a month liquidated, at most
  // what was paid, one per month.
  RECUPERO_NON_TROVATO: 'not-found',
  MESE_NON_LIQUIDATO: 'conflict',
  RECUPERO_OLTRE_PAGATO: 'unprocessable',
  RECUPERO_GIA_REGISTRATO: 'conflict',
  // Integrazioni, GePI (issue 12, point 3): a file GePI did not produce in the documented layout, or
  // rows refused one by one (each in the details); nothing of the file is imported.
  GEPI_FILE_NON_VALIDO: 'unprocessable',
  GEPI_RIGHE_RIFIUTATE: 'unprocessable',
  // Integrazioni, ISEE at INPS (issue 12): only a failed consultation is replayed.
  CONSULTAZIONE_NON_TROVATA: 'not-found',
  CONSULTAZIONE_NON_FALLITA: 'conflict',
  // Presa in carico (issue 10, lane progetto-ritorno): an intervento of the progetto linked to an
  // intervento from the misure the person's cartella does not have (or linked twice in one version).
  INTERVENTO_MISURA_NON_TROVATO: 'unprocessable',
  SERVIZIO_NON_DISPONIBILE: 'unavailable',
  ERRORE_INTERNO: 'internal',
  // Budget, cofinanced reimbursements (Pro.Vi.): no fund rule pairs the line's kind with a
  // cofinanziamento at the act's date.
  COFINANZIAMENTO_NON_PREVISTO: 'unprocessable',
} as const;

export type ErrorCode = keyof typeof ERROR_KINDS;
export type ErrorKind = (typeof ERROR_KINDS)[ErrorCode];

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(ERROR_KINDS, value);
}

/** A field that failed validation. */
export interface FieldError {
  campo: string;
  messaggi: string[];
}

/** Error reply of a NATS request. */
export interface ErrorReply {
  code: ErrorCode;
  /** Italian, for the operator. */
  message: string;
  details?: FieldError[];
}
