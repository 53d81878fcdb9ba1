import { EQUIPE } from '../../common/gruppi-ruoli';
import { rpc } from '../../common/declarations';
import {
  ElencaNucleiAdiV1,
  LeggiPattiAdiV1,
  PaginaNucleiAdiV1,
  PattoAdiV1,
  RegistraNucleiAdiV1,
  RegistrazioneNucleiAdiV1,
} from './adi.dto';

/**
 * The ADI households (Assegno di Inclusione) taken in from GePI by integrazioni: their cartelle and
 * deadlines, and the patti read back for GePI. Spread into PRESA_IN_CARICO_RPC.
 */
export const PRESA_IN_CARICO_ADI_RPC = {
  registraNucleiAdi: rpc({
    subject: 'presa-in-carico.adi.registra-nuclei',
    request: RegistraNucleiAdiV1,
    reply: RegistrazioneNucleiAdiV1,
    // Service identity only: the GePI import of integrazioni (INTEGRAZIONI_GEPI_CHIAMATE), no user.
    ruoli: ['servizio-integrazioni'],
    ambito: 'servizio',
    descrizione:
      'Registra i nuclei ADI di un’importazione GePI, tutti o nessuno: ciascuno apre la cartella del richiedente o si unisce a quella che ha, con le scadenze ADI.',
  }),
  elencaNucleiAdi: rpc({
    subject: 'presa-in-carico.adi.elenca',
    request: ElencaNucleiAdiV1,
    reply: PaginaNucleiAdiV1,
    ruoli: EQUIPE,
    ambito: 'cartella',
    descrizione:
      'I nuclei ADI con le scadenze di presa in carico e di verifica: il case manager solo i propri, il coordinatore quelli del suo sub-ambito (anche solo gli scaduti).',
    letturaDatiPersonali: true,
  }),
  leggiPattiAdi: rpc({
    subject: 'presa-in-carico.adi.leggi-patti',
    request: LeggiPattiAdiV1,
    reply: [PattoAdiV1],
    // Service identity only: the GePI export of integrazioni, for the sub-ambiti of the coordinator asking.
    ruoli: ['servizio-integrazioni'],
    ambito: 'servizio',
    descrizione:
      'I patti per l’inclusione approvati dei nuclei ADI dei sub-ambiti indicati, con i monitoraggi, da riportare in GePI.',
    letturaDatiPersonali: true,
  }),
} as const;
