import { BUDGET_RPC } from '../../budget/v1/budget.messages';
import {
  chiamata,
  evento,
  rpc,
  type EventMapOf,
  type RpcMapOf,
  type ValuesOf,
} from '../../common/declarations';
import {
  ApprovaGraduatoriaV1,
  BeneficioConcessoV1,
  CessaBeneficioV1,
  ElencaGraduatorieV1,
  FormaGraduatorieV1,
  GraduatoriaApprovataV1,
  GraduatoriaV1,
  GraduatorieFormateV1,
  LeggiGraduatoriaV1,
} from './graduatorie.dto';
import { SimulaAvvisoV1, SimulazioneAvvisoV1 } from './simulazione.dto';
import { LeggiStatoMisureV1, StatoMisureV1 } from './stato.dto';

/** Request/reply subjects of the misure service (queue group `misure`). Wire values: do not change them. */
export const MISURE_RPC = {
  leggiStato: rpc({
    subject: 'misure.stato.leggi',
    request: LeggiStatoMisureV1,
    reply: StatoMisureV1,
    ruoli: ['ufficio-di-piano', 'amministratore'],
    ambito: 'ambito',
    descrizione: 'Stato del servizio misure: nome, versione ed eventi nell’outbox.',
  }),
  // Graduatorie (lane misure-graduatorie): formation, reading, approval with impegni, scorrimento.
  formaGraduatorie: rpc({
    subject: 'misure.graduatorie.forma',
    request: FormaGraduatorieV1,
    reply: GraduatorieFormateV1,
    ruoli: ['ufficio-di-piano'],
    ambito: 'ambito',
    descrizione:
      'Forma (o riforma, finché non approvate) le graduatorie di un avviso chiuso: ordine delle regole, taglio sul budget di ciascuna.',
  }),
  elencaGraduatorie: rpc({
    subject: 'misure.graduatorie.elenca',
    request: ElencaGraduatorieV1,
    reply: [GraduatoriaV1],
    ruoli: ['ufficio-di-piano', 'amministratore'],
    ambito: 'ambito',
    descrizione: 'Le graduatorie di un avviso, con stato, budget e finanziato.',
  }),
  leggiGraduatoria: rpc({
    subject: 'misure.graduatoria.leggi',
    request: LeggiGraduatoriaV1,
    reply: GraduatoriaV1,
    ruoli: ['ufficio-di-piano', 'amministratore'],
    ambito: 'ambito',
    descrizione:
      'Una graduatoria con le sue posizioni (protocollo, esito, importo, impegno; nessun nome): ciò che si pubblica.',
  }),
  approvaGraduatoria: rpc({
    subject: 'misure.graduatoria.approva',
    request: ApprovaGraduatoriaV1,
    reply: GraduatoriaV1,
    ruoli: ['ufficio-di-piano'],
    ambito: 'ambito',
    descrizione:
      'Approva una graduatoria (chi non l’ha formata né istruita) e impegna nel budget ogni posizione finanziata: tutto o niente.',
  }),
  cessaBeneficio: rpc({
    subject: 'misure.graduatoria.cessa',
    request: CessaBeneficioV1,
    reply: GraduatoriaV1,
    ruoli: ['ufficio-di-piano'],
    ambito: 'ambito',
    descrizione:
      'Rinuncia, decadenza o revoca di un beneficiario: l’impegno è ridotto e le idonee seguenti sono finanziate con quanto liberato (scorrimento).',
  }),
  simulaAvviso: rpc({
    subject: 'misure.avviso.simula',
    request: SimulaAvvisoV1,
    reply: SimulazioneAvvisoV1,
    ruoli: ['ufficio-di-piano'],
    ambito: 'ambito',
    descrizione:
      'Simula un avviso: esiti con i motivi, graduatorie, taglio e costo con le regole dell’avviso o una loro variante; non registra nulla.',
  }),
} as const;

/**
 * Events of the misure service (JetStream stream `EVT_MISURE`, subjects `evt.misure.>`),
 * published through the transactional outbox.
 */
export const MISURE_EVENTS = {
  graduatoriaApprovata: evento({
    type: 'misure.graduatoria.approvata',
    version: 1,
    payload: GraduatoriaApprovataV1,
    descrizione: 'Una graduatoria è stata approvata: gli impegni delle posizioni finanziate sono nel budget.',
  }),
  beneficioConcesso: evento({
    type: 'misure.beneficio.concesso',
    version: 1,
    payload: BeneficioConcessoV1,
    descrizione:
      'Un’istanza è finanziata (approvazione o scorrimento): strumento, importo, date e impegno sulla linea del fondo.',
  }),
} as const;

/*
 * The requests the misure service sends to budget with its own identity: it commits, liquidates and
 * reduces the money of the measures it pays, only on the lines and articoli the Ufficio di Piano grants
 * it (abilitazione_servizio), never with a person's role.
 */
export const MISURE_CHIAMATE = {
  impegno: chiamata({
    servizio: 'misure',
    rpc: BUDGET_RPC.richiediImpegno,
    finalita: 'gestione-contabile',
    descrizione:
      'Impegna la spesa di una misura concessa (determina, beneficiario) sull’articolo della misura, dove l’Ufficio di Piano lo abilita.',
  }),
  liquidazione: chiamata({
    servizio: 'misure',
    rpc: BUDGET_RPC.registraLiquidazione,
    finalita: 'gestione-contabile',
    descrizione:
      'Liquida la mensilità o l’importo una tantum dovuto al beneficiario su un impegno della misura.',
  }),
  riduzione: chiamata({
    servizio: 'misure',
    rpc: BUDGET_RPC.riduciImpegno,
    finalita: 'gestione-contabile',
    descrizione:
      'Riduce l’impegno di una misura che cessa, decade o è revocata: il non liquidato torna disponibile.',
  }),
} as const;

export type MisureRpcMap = RpcMapOf<ValuesOf<typeof MISURE_RPC>>;
export type MisureEventMap = EventMapOf<ValuesOf<typeof MISURE_EVENTS>>;
