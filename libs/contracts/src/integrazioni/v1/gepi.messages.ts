import { ACCESSO_RPC } from '../../accesso/v1/accesso.messages';
import { chiamata, rpc } from '../../common/declarations';
import { COORDINATORI } from '../../common/gruppi-ruoli';
import { PRESA_IN_CARICO_RPC } from '../../presa-in-carico/v1/presa-in-carico.messages';
import {
  EsportaPattiGepiV1,
  EsportazionePattiGepiV1,
  ImportaNucleiGepiV1,
  ImportazioneGepiV1,
} from './gepi.dto';

/**
 * GePI (the Ministry's platform of the Patti per l'Inclusione) publishes no API: its CSV exports come
 * in and our CSV goes out for the operators to enter (docs/gepi.md). Spread into INTEGRAZIONI_RPC.
 */
export const INTEGRAZIONI_GEPI_RPC = {
  importaNucleiGepi: rpc({
    subject: 'integrazioni.gepi.importa',
    request: ImportaNucleiGepiV1,
    reply: ImportazioneGepiV1,
    // The Coordinatore per il Patto per l'Inclusione of GePI assigns the households: the coordinators.
    ruoli: [...COORDINATORI, 'ufficio-di-piano'],
    ambito: 'ambito',
    descrizione:
      'Importa i nuclei ADI assegnati all’Ambito dall’export CSV di GePI: righe validate una per una, tutte o nessuna; ogni nucleo apre o si unisce alla cartella del richiedente. Lo stesso file una seconda volta non cambia nulla.',
  }),
  esportaPattiGepi: rpc({
    subject: 'integrazioni.gepi.esporta-patti',
    request: EsportaPattiGepiV1,
    reply: EsportazionePattiGepiV1,
    ruoli: COORDINATORI,
    ambito: 'sub-ambito',
    descrizione:
      'I patti per l’inclusione approvati dei nuclei ADI dei propri sub-ambiti, con i monitoraggi, in CSV da riportare in GePI.',
    letturaDatiPersonali: true,
  }),
} as const;

/** The requests integrazioni sends for GePI with its own identity (service identity). */
export const INTEGRAZIONI_GEPI_CHIAMATE = {
  persone: chiamata({
    servizio: 'integrazioni',
    rpc: ACCESSO_RPC.cercaPersonePerIntegrazioni,
    finalita: 'presa-in-carico',
    descrizione:
      'L’importazione GePI legge dall’anagrafe di accesso i richiedenti ADI già registrati, per aprirne la cartella con i loro dati.',
  }),
  nuclei: chiamata({
    servizio: 'integrazioni',
    rpc: PRESA_IN_CARICO_RPC.registraNucleiAdi,
    descrizione: 'L’importazione GePI registra i nuclei ADI in presa in carico, tutti o nessuno.',
  }),
  patti: chiamata({
    servizio: 'integrazioni',
    rpc: PRESA_IN_CARICO_RPC.leggiPattiAdi,
    finalita: 'presa-in-carico',
    descrizione:
      'L’esportazione per GePI legge da presa in carico i patti approvati e i monitoraggi dei nuclei ADI.',
  }),
} as const;
