import { evento } from '../../common/declarations';
import { IseeAcquisitoV1 } from './isee.dto';

/**
 * The ISEE adapter's events (stream `EVT_INTEGRAZIONI`), apart from integrazioni.messages.ts so that
 * misure's consumer declarations can import them without a cycle.
 */
export const INTEGRAZIONI_ISEE_EVENTS = {
  iseeAcquisito: evento({
    type: 'integrazioni.isee.acquisito',
    version: 1,
    payload: IseeAcquisitoV1,
    descrizione:
      'L’ISEE dichiarato in un’istanza è stato consultato presso INPS: valore verificato, o non trovato.',
  }),
} as const;
