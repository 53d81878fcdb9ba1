import { rpc } from '../../common/declarations';
import { TUTTI } from '../../common/gruppi-ruoli';
import {
  AttivaRegoleMisuraV1,
  CopiaRegoleMisuraV1,
  ElencaRegoleMisuraV1,
  LeggiRegoleInVigoreV1,
  LeggiRegoleMisuraV1,
  RiepilogoRegoleMisuraV1,
  VersioneRegoleMisuraV1,
} from './regole-api.dto';

/*
 * Requests on the stored rule sets (spread into MISURE_RPC; kept apart so each lane edits its own file).
 * Rule sets hold no personal data: every user of the ambito may read them (what an avviso asks is
 * public); only the Ufficio di Piano makes and activates a version.
 */
export const MISURE_REGOLE_RPC = {
  elencaRegole: rpc({
    subject: 'misure.regole.elenca',
    request: ElencaRegoleMisuraV1,
    reply: [RiepilogoRegoleMisuraV1],
    ruoli: TUTTI,
    ambito: 'ambito',
    descrizione: 'Elenca le versioni delle regole delle misure dell’Ambito, per misura e annualità.',
  }),
  leggiRegole: rpc({
    subject: 'misure.regole.leggi',
    request: LeggiRegoleMisuraV1,
    reply: VersioneRegoleMisuraV1,
    ruoli: TUTTI,
    ambito: 'ambito',
    descrizione: 'Legge una versione delle regole di una misura con tutti i parametri e le loro fonti.',
  }),
  leggiRegoleInVigore: rpc({
    subject: 'misure.regole.in-vigore',
    request: LeggiRegoleInVigoreV1,
    reply: VersioneRegoleMisuraV1,
    ruoli: TUTTI,
    ambito: 'ambito',
    descrizione: 'La versione delle regole di una misura in vigore in un giorno (es. di presentazione).',
  }),
  copiaRegole: rpc({
    subject: 'misure.regole.copia',
    request: CopiaRegoleMisuraV1,
    reply: VersioneRegoleMisuraV1,
    ruoli: ['ufficio-di-piano'],
    ambito: 'ambito',
    descrizione:
      'Copia una versione delle regole in una nuova bozza con validità, atti e, se dati, parametri propri.',
  }),
  attivaRegole: rpc({
    subject: 'misure.regole.attiva',
    request: AttivaRegoleMisuraV1,
    reply: VersioneRegoleMisuraV1,
    ruoli: ['ufficio-di-piano'],
    ambito: 'ambito',
    descrizione:
      'Mette in vigore una bozza di regole; rifiutata se si sovrappone a un’altra versione in vigore della misura.',
  }),
} as const;
