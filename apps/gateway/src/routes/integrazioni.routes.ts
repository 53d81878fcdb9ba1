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
