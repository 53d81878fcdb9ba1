import type { EnteSiuss } from './xml/flusso-siuss';

/*
 * The ente erogatore the SIUSS flows name, per ambito (environment, never the repository):
 * SIUSS_CODICE_ENTE (Belfiore, the EEEEE of id_flusso and codice_ente of the API), SIUSS_DENOMINAZIONE_ENTE,
 * SIUSS_INDIRIZZO_ENTE (Belfiore of its seat, default the code) and SIUSS_CF_ENTE (11 digits or a
 * codice fiscale). The defaults are the demo Ambito of Crema.
 */
export const ENTE_SIUSS = Symbol('ENTE_SIUSS');

export function enteSiussDa(env: NodeJS.ProcessEnv = process.env): EnteSiuss {
  const ente: EnteSiuss = {
    codice: env['SIUSS_CODICE_ENTE'] ?? 'D142',
    denominazione: env['SIUSS_DENOMINAZIONE_ENTE'] ?? 'Ambito Distrettuale di Crema',
    indirizzo: env['SIUSS_INDIRIZZO_ENTE'] ?? env['SIUSS_CODICE_ENTE'] ?? 'D142',
    cfOperatore: env['SIUSS_CF_ENTE'] ?? '00111540191',
  };
  const errori: string[] = [];
  if (!/^[A-Z][0-9]{3}$/.test(ente.codice)) errori.push('SIUSS_CODICE_ENTE: codice Belfiore (es. D142)');
  if (!/^[A-Z][0-9]{3}$/.test(ente.indirizzo))
    errori.push('SIUSS_INDIRIZZO_ENTE: codice Belfiore (es. D142)');
  if (ente.denominazione.length < 1 || ente.denominazione.length > 100)
    errori.push('SIUSS_DENOMINAZIONE_ENTE: da 1 a 100 caratteri');
  if (!/^(\d{11}|[A-Z]{6}\d{2}[A-Z]\d{2}[A-Z][A-Z0-9]{3}[A-Z])$/.test(ente.cfOperatore))
    errori.push('SIUSS_CF_ENTE: codice fiscale dell’ente (11 cifre) o dell’operatore');
  if (errori.length > 0) throw new Error(`Configurazione SIUSS non valida: ${errori.join('; ')}`);
  return ente;
}
