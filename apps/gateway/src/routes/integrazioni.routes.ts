import { INTEGRAZIONI_RPC } from '@ambito/contracts';
import { rotta, type Rotta } from './rotta';

/** The REST operations of the integrazioni service. */
export const INTEGRAZIONI_ROUTES: Rotta[] = [
  rotta({
    metodo: 'get',
    percorso: '/integrazioni/stato',
    messaggio: INTEGRAZIONI_RPC.leggiStato,
    tag: 'Integrazioni',
    operazione: 'leggiStatoIntegrazioni',
    sommario: 'Stato del servizio integrazioni',
    descrizione: 'Nome, versione ed eventi nell’outbox; `sonda` è restituita com’è.',
    esito: 'Stato del servizio',
  }),
  rotta({
    metodo: 'post',
    percorso: '/integrazioni/gepi/importazioni',
    messaggio: INTEGRAZIONI_RPC.importaNucleiGepi,
    tag: 'Integrazioni',
    operazione: 'importaNucleiGepi',
    sommario: 'Importa i nuclei ADI dall’export CSV di GePI',
    descrizione:
      'Il CSV dell’elenco dei nuclei ADI assegnati all’Ambito (colonne in docs/gepi.md), come testo: ogni riga è validata (codice fiscale, date, campi obbligatori) e una sola riga non valida rifiuta il file con l’elenco delle righe e dei problemi (422 GEPI_RIGHE_RIFIUTATE), senza importare nulla. Ogni nucleo apre la cartella del richiedente o si unisce a quella che ha, con le scadenze ADI. Lo stesso file importato di nuovo restituisce l’importazione di allora (`ripetuta`).',
    stato: 200,
    errori: [422],
    esito: 'Esito dell’importazione (conteggi)',
    esempio: {
      nomeFile: 'nuclei-adi-2026-11.csv',
      contenuto:
        'Codice domanda;Codice fiscale richiedente;Cognome richiedente;Nome richiedente;Data di nascita;Sesso;Codice ISTAT comune di residenza;Data sottoscrizione PAD;Numero componenti nucleo\r\nINPS-ADI-2026-0104471;RSSMRA85T10A562S;Rossi;Mario;10/12/1985;M;019035;15/10/2026;3\r\n',
    },
  }),
  rotta({
    metodo: 'get',
    percorso: '/integrazioni/gepi/patti.csv',
    messaggio: INTEGRAZIONI_RPC.esportaPattiGepi,
    tag: 'Integrazioni',
    operazione: 'esportaPattiGepi',
    sommario: 'Patti per l’inclusione e monitoraggi da riportare in GePI, in CSV',
    descrizione:
      'Per i nuclei ADI dei propri sub-ambiti (o di `subAmbito`): una riga PATTO per obiettivo di ogni versione approvata del patto, una riga MONITORAGGIO per obiettivo di ogni verifica (tracciato in docs/gepi.md; separatore `;`, date gg/mm/aaaa).',
    esito: 'CSV',
    risposta: {
      classe: 'text/csv',
      descrizione: 'CSV nel tracciato gepi-patti@1',
      da: (esportazione) => esportazione.csv,
      nomeFile: () => 'patti-adi-gepi.csv',
    },
  }),
  // INPS ISEE (lane integrazioni-isee): the consultations an administrator follows and replays.
  rotta({
    metodo: 'get',
    percorso: '/integrazioni/isee/consultazioni',
    messaggio: INTEGRAZIONI_RPC.elencaConsultazioniIsee,
    tag: 'Integrazioni',
    operazione: 'elencaConsultazioniIsee',
    sommario: 'Le consultazioni dell’ISEE presso INPS',
    descrizione:
      'Le più recenti prima, con tentativi, ultimo esito (es. DATABASE_OFFLINE, HTTP_429) e prossimo tentativo; `stato=fallita` elenca quelle da riprovare. Nessun codice fiscale.',
    parametri: {
      stato: { descrizione: 'in-coda, completata o fallita' },
    },
    esito: 'Una pagina di consultazioni',
  }),
  rotta({
    metodo: 'post',
    percorso: '/integrazioni/isee/consultazioni/{id}/ripresa',
    messaggio: INTEGRAZIONI_RPC.riprovaConsultazioneIsee,
    tag: 'Integrazioni',
    operazione: 'riprovaConsultazioneIsee',
    sommario: 'Rimette in coda una consultazione ISEE fallita',
    descrizione:
      'La consultazione è ritentata subito, con il voucher PDND e la coda di sempre; la ripresa è registrata nell’audit.',
    parametri: { id: { descrizione: 'Identificativo della consultazione' } },
    stato: 200,
    errori: [404, 409],
    esito: 'La consultazione, di nuovo in coda',
    esempio: { motivo: 'INPS ha ripristinato il servizio' },
  }),
  // The SIUSS feed (lane integrazioni-siuss); INPS itself polls /api/v1/waas/v1 (apps/gateway/src/waas).
  rotta({
    metodo: 'get',
    percorso: '/integrazioni/siuss/record',
    messaggio: INTEGRAZIONI_RPC.elencaRecordSiuss,
    tag: 'Integrazioni',
    operazione: 'elencaRecordSiuss',
    sommario: 'Record SIUSS',
    descrizione:
      'I record SIUSS delle prestazioni (di un beneficio o in uno stato): offerti a INPS con il loro id_flusso, rifiutati con il motivo della non validità secondo l’XSD (mai offerti), acquisiti o scartati secondo l’esito di INPS.',
    esito: 'Record SIUSS',
  }),
  rotta({
    metodo: 'get',
    percorso: '/integrazioni/siuss/lotti/{anno}',
    messaggio: INTEGRAZIONI_RPC.generaLottoSiuss,
    tag: 'Integrazioni',
    operazione: 'generaLottoSiuss',
    sommario: 'Lotto XML SIUSS di un anno',
    descrizione:
      'Il documento PS-PSA-SINA delle prestazioni in vigore di un anno, un Beneficiario per persona, per il caricamento sul portale INPS: validato con PS_PSA_SINA201812.xsd prima di essere restituito.',
    parametri: { anno: { descrizione: 'Anno delle prestazioni, es. 2025', campo: 'anno' } },
    errori: [404],
    esito: 'Lotto XML',
  }),
];
