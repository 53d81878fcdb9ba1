import type { StrumentoV1 } from '@ambito/contracts';

const valori = (...etichette: string[]) =>
  etichette.map((etichetta, i) => ({ valore: i + 1, etichetta, punti: 0 }));

/**
 * The SINA grid as INPS defines it (PS_PSA_SINA201812.xsd, SINAType): item codes are the XSD's attribute
 * and element names, values and labels its enumerations; the optional attributes and elements may be
 * left out; InvaliditaCivile is a list of InvCiv codes (104 art. 3 c. 3 and accompagnamento together),
 * NecessitaInterventiSociali a list of SIUSS codici prestazione. Version 2 of the SINA instrument, added
 * by a migration: the assessments made with version 1 keep reading it.
 */
export const STRUMENTO_SINA_V2: StrumentoV1 = {
  codice: 'SINA',
  versione: 2,
  validoDal: '2026-01-01',
  denominazione: 'Griglia SINA (SIUSS, tracciato PS-PSA-SINA 2018-12)',
  fonte: 'INPS, tracciato XML PS_PSA_SINA201812.xsd, SINAType (codici ed etichette del tracciato)',
  punteggio: {
    tipo: 'profilo',
    min: null,
    max: null,
    descrizione: 'Profilo trasmesso al SIUSS, senza punteggio',
  },
  requisitiEquipe: null,
  items: [
    {
      codice: 'Mobilita',
      descrizione: 'Mobilità',
      valori: valori('Si sposta da solo', 'Si Sposta Assistito', 'Non Si Sposta'),
    },
    {
      codice: 'AttivitaVitaQuotidiana',
      descrizione: 'Attività della vita quotidiana',
      valori: valori('Autonomo', 'Parzialmente dipendente', 'Totalmente dipendente'),
    },
    {
      codice: 'DisturbiAreaCognitiva',
      descrizione: 'Disturbi area cognitiva',
      valori: valori('Lievi', 'Moderati', 'Gravi'),
      facoltativo: true,
    },
    {
      codice: 'DisturbiComportamentali',
      descrizione: 'Disturbi comportamentali',
      valori: valori('Assenti', 'Presenti'),
    },
    {
      codice: 'NecessitaCureSanitarie',
      descrizione: 'Necessità di cure sanitarie',
      valori: valori('Bassa', 'Media', 'Alta'),
      facoltativo: true,
    },
    {
      codice: 'AreaReddituale',
      descrizione: 'Area reddituale',
      valori: valori(
        'Autonomo e in equilibrio finanziario',
        'Riceve aiuto da parenti e/o da altre persone',
        'In condizione di bisogno economico e senza aiuti da parenti o altre persone',
      ),
    },
    {
      codice: 'AreaSupporto',
      descrizione: 'Area supporto',
      valori: valori(
        'Presenza della rete familiare o informale',
        'Presenza parziale e/o temporanea della rete familiare o informale',
        'Assenza della rete familiare o informale',
      ),
    },
    {
      codice: 'FonteDerivazioneValutazione',
      descrizione: 'Fonte di derivazione della valutazione',
      valori: valori('UVM', 'Cartella sociale', 'Altra documentazione', 'Raccolta diretta'),
    },
    {
      codice: 'StrumentoValutazione',
      descrizione: 'Strumento di valutazione',
      valori: valori(
        'SVAMA',
        'AGED',
        'RUG',
        'SOSIA',
        'SCHEMA POLARE',
        'VALGRAF',
        'Altro Sistema Di Codifica',
      ),
    },
    {
      codice: 'FonteDerivazioneInvalidita',
      descrizione: 'Fonte di derivazione dell’invalidità',
      valori: valori(
        "Certificazione invalidita' verificata on line o cartacea",
        'Dichiarazione della persona',
      ),
      facoltativo: true,
    },
    {
      codice: 'InvaliditaCivile',
      descrizione: 'Invalidità civile (InvCiv, una o più certificazioni)',
      valori: valori(
        "Certificazione Invalidita' Civile parziale non inferiore al 75%",
        "Certificazione Invalidita' Civile Totale (100%) Con Indennita' di accompagnamento",
        "Certificazione Invalidita' Civile totale (100%) senza indennita' di accompagnamento",
        'Certificazione Npi',
        'Certificazione L.104 (art.3, comma 1)',
        'Certificazione L.104 (art.3, comma 3)',
        'Certificazione L.104 (art.12)',
        'Certificazione L.104 (art.13)',
      ),
      facoltativo: true,
      multiplo: true,
    },
    {
      codice: 'NecessitaInterventiSociali',
      descrizione: 'Necessità di interventi sociali (codici prestazione SIUSS)',
      valori: [],
      facoltativo: true,
      multiplo: true,
      formato: 'codice-prestazione',
    },
  ],
};
