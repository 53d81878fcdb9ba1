import { DomainError } from './domain-error';

/**
 * The purposes (GDPR art. 5.1.b) for which personal data may be read, as data: a read of personal data
 * declares one of these codes plus a free text (`motivo`), both recorded in the audit log. A new purpose
 * is a new entry here (codes are wire values: never renamed once published).
 */
export const FINALITA = {
  'segretariato-sociale': 'Accoglienza, orientamento e colloqui del segretariato sociale',
  'presa-in-carico': 'Valutazione, progetto personalizzato e gestione del caso da parte dell’équipe',
  'decisione-comune': 'Decisione del Comune di residenza sul progetto personalizzato',
  'gestione-contabile': 'Impegni, liquidazioni e rendicontazione della spesa per i beneficiari',
  'istruttoria-misure':
    'Istruttoria delle istanze di misure e benefici (B2, Dopo di Noi, Pro.Vi.): requisiti e graduatorie',
  'registro-assistenti-familiari':
    'Tenuta del registro degli assistenti familiari e incontro fra famiglie e assistenti allo sportello',
  'debito-informativo':
    'Alimentazione del SIUSS presso INPS (D.M. 206/2014): prestazioni sociali concesse ed erogate',
  'richiesta-interessato': 'Risposta a una richiesta dell’interessato (artt. 15-22 GDPR)',
  'controllo-titolare': 'Controllo del titolare o del responsabile della protezione dei dati (audit)',
  'autorita-giudiziaria': 'Richiesta dell’autorità giudiziaria o di polizia giudiziaria',
} as const;

export type Finalita = keyof typeof FINALITA;
export const CODICI_FINALITA = Object.keys(FINALITA) as Finalita[];

/** Length bounds of the declared text. */
export const MOTIVO_MIN = 3;
export const MOTIVO_MAX = 300;

/** C0/C1 controls, zero-width and bidirectional formatting characters: never in a recorded purpose. */
// eslint-disable-next-line no-control-regex
const CARATTERI_VIETATI = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/;

export function isFinalita(value: unknown): value is Finalita {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(FINALITA, value);
}

/**
 * Checks the purpose declared for a read of personal data: a known code and a text of 3 to 300
 * printable characters. Returns the error to answer (400), or null when the purpose is acceptable.
 */
export function erroreFinalita(finalita: string | undefined, motivo: string | undefined): DomainError | null {
  const testo = motivo?.trim();
  if (!finalita || !testo)
    return new DomainError(
      'FINALITA_MANCANTE',
      'Per leggere dati personali indicare la finalità (codice) e il motivo (testo) della consultazione.',
      [
        ...(!finalita
          ? [{ campo: 'finalita', messaggi: [`obbligatoria: ${CODICI_FINALITA.join(', ')}`] }]
          : []),
        ...(!testo ? [{ campo: 'motivo', messaggi: ['obbligatorio'] }] : []),
      ],
    );
  const errori = [];
  if (!isFinalita(finalita))
    errori.push({
      campo: 'finalita',
      messaggi: [`finalità sconosciuta: una fra ${CODICI_FINALITA.join(', ')}`],
    });
  if (testo.length < MOTIVO_MIN || testo.length > MOTIVO_MAX)
    errori.push({ campo: 'motivo', messaggi: [`da ${MOTIVO_MIN} a ${MOTIVO_MAX} caratteri`] });
  if (CARATTERI_VIETATI.test(testo))
    errori.push({ campo: 'motivo', messaggi: ['caratteri di controllo o invisibili non ammessi'] });
  return errori.length > 0
    ? new DomainError('FINALITA_NON_VALIDA', 'Finalità o motivo della consultazione non validi.', errori)
    : null;
}
