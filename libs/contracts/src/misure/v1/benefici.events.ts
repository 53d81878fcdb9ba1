import { evento } from '../../common/declarations';
import { BeneficioRipresoV1, BeneficioSospesoV1, BeneficioTerminatoV1 } from './benefici.dto';
import { BeneficioConcessoV1 } from './graduatorie.dto';

/*
 * The life of a beneficio as events (spread into MISURE_EVENTS). Kept apart from misure.messages.ts,
 * which imports presa-in-carico's declarations, so that presa in carico can declare its consumers of
 * these events without a cycle between the two contracts.
 */
export const MISURE_BENEFICI_EVENTS = {
  beneficioConcesso: evento({
    type: 'misure.beneficio.concesso',
    version: 1,
    payload: BeneficioConcessoV1,
    descrizione:
      'Un’istanza è finanziata (approvazione o scorrimento): strumento, importo, date e impegno sulla linea del fondo.',
  }),
  beneficioSospeso: evento({
    type: 'misure.beneficio.sospeso',
    version: 1,
    payload: BeneficioSospesoV1,
    descrizione:
      'Un beneficio è sospeso da un giorno (sollievo oltre il limite, residenza, misura incompatibile, ISEE).',
  }),
  beneficioRipreso: evento({
    type: 'misure.beneficio.ripreso',
    version: 1,
    payload: BeneficioRipresoV1,
    descrizione: 'Una sospensione del beneficio è finita: le mensilità sono di nuovo dovute da un giorno.',
  }),
  beneficioRevocato: evento({
    type: 'misure.beneficio.revocato',
    version: 1,
    payload: BeneficioTerminatoV1,
    descrizione:
      'Un beneficio è revocato da un giorno (accoglienza residenziale definitiva, decadenza, revoca).',
  }),
  beneficioCessato: evento({
    type: 'misure.beneficio.cessato',
    version: 1,
    payload: BeneficioTerminatoV1,
    descrizione: 'Un beneficio è cessato da un giorno (decesso, rinuncia).',
  }),
} as const;
