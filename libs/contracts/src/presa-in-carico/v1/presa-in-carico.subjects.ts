import type { PaginaV1 } from '../../common/pagination';
import type {
  AggiornaNucleoV1,
  AnnotaDiarioV1,
  AssegnaEquipeCasoV1,
  ApriCartellaV1,
  AssegnaCartellaV1,
  CartellaSintesiV1,
  CartellaV1,
  ChiudiCartellaV1,
  ConteggiCartelleRispostaV1,
  ConteggiCartelleV1,
  ElencaAuditCartelleV1,
  ElencaCartelleV1,
  TrasferisciCartellaV1,
  VoceAuditCartellaV1,
  ElencaEquipeV1,
  MembroEquipeV1,
  RegistraMembroEquipeV1,
  LeggiCartellaV1,
  LeggiDiarioV1,
  VoceDiarioV1,
} from './cartella.dto';
import type {
  CartellaApertaV1,
  CartellaAssegnataV1,
  CartellaChiusaV1,
  CartellaTrasferitaV1,
  ProgettoRevisionatoV1,
  ProgettoDecisioneV1,
  ValutazioneCompletataV1,
  VerificaRegistrataV1,
} from './presa-in-carico.events';
import type {
  AvvisoV1,
  CaricoLavoroRispostaV1,
  CaricoLavoroV1,
  ElencaAvvisiV1,
  RegistraVerificaV1,
  VerificaV1,
} from './monitoraggio.dto';
import type { ApprovaProgettoV1, ProgettoV1, ProponiProgettoV1, RespingiProgettoV1 } from './progetto.dto';
import type { ElencaStrumentiV1, RegistraValutazioneV1, StrumentoV1, ValutazioneV1 } from './valutazione.dto';

/**
 * Request/reply subjects of the presa-in-carico service (queue group `presa-in-carico`).
 * Wire values: do not change them.
 */
export const PRESA_IN_CARICO_RPC = {
  apriCartella: 'presa-in-carico.cartella.apri',
  assegnaCartella: 'presa-in-carico.cartella.assegna',
  assegnaEquipeCaso: 'presa-in-carico.cartella.assegna-equipe',
  aggiornaNucleo: 'presa-in-carico.nucleo.aggiorna',
  chiudiCartella: 'presa-in-carico.cartella.chiudi',
  trasferisciCartella: 'presa-in-carico.cartella.trasferisci',
  elencaAudit: 'presa-in-carico.audit.elenca',
  leggiCartella: 'presa-in-carico.cartella.leggi',
  elencaCartelle: 'presa-in-carico.cartella.elenca',
  registraMembroEquipe: 'presa-in-carico.equipe.registra',
  elencaEquipe: 'presa-in-carico.equipe.elenca',
  annotaDiario: 'presa-in-carico.diario.annota',
  leggiDiario: 'presa-in-carico.diario.leggi',
  elencaStrumenti: 'presa-in-carico.strumento.elenca',
  registraValutazione: 'presa-in-carico.valutazione.registra',
  proponiProgetto: 'presa-in-carico.progetto.proponi',
  approvaProgetto: 'presa-in-carico.progetto.approva',
  respingiProgetto: 'presa-in-carico.progetto.respingi',
  registraVerifica: 'presa-in-carico.verifica.registra',
  caricoLavoro: 'presa-in-carico.monitoraggio.carico-lavoro',
  elencaAvvisi: 'presa-in-carico.monitoraggio.avvisi',
  conteggiCartelle: 'presa-in-carico.statistiche.conteggi',
} as const;

export interface PresaInCaricoRpcMap {
  'presa-in-carico.cartella.apri': { request: ApriCartellaV1; reply: CartellaV1 };
  'presa-in-carico.cartella.assegna': { request: AssegnaCartellaV1; reply: CartellaV1 };
  'presa-in-carico.cartella.assegna-equipe': { request: AssegnaEquipeCasoV1; reply: CartellaV1 };
  'presa-in-carico.nucleo.aggiorna': { request: AggiornaNucleoV1; reply: CartellaV1 };
  'presa-in-carico.cartella.chiudi': { request: ChiudiCartellaV1; reply: CartellaV1 };
  'presa-in-carico.cartella.trasferisci': { request: TrasferisciCartellaV1; reply: CartellaV1 };
  'presa-in-carico.audit.elenca': { request: ElencaAuditCartelleV1; reply: PaginaV1<VoceAuditCartellaV1> };
  'presa-in-carico.cartella.leggi': { request: LeggiCartellaV1; reply: CartellaV1 };
  'presa-in-carico.cartella.elenca': { request: ElencaCartelleV1; reply: PaginaV1<CartellaSintesiV1> };
  'presa-in-carico.equipe.registra': { request: RegistraMembroEquipeV1; reply: MembroEquipeV1 };
  'presa-in-carico.equipe.elenca': { request: ElencaEquipeV1; reply: MembroEquipeV1[] };
  'presa-in-carico.diario.annota': { request: AnnotaDiarioV1; reply: VoceDiarioV1 };
  'presa-in-carico.diario.leggi': { request: LeggiDiarioV1; reply: VoceDiarioV1[] };
  'presa-in-carico.strumento.elenca': { request: ElencaStrumentiV1; reply: StrumentoV1[] };
  'presa-in-carico.valutazione.registra': { request: RegistraValutazioneV1; reply: ValutazioneV1 };
  'presa-in-carico.progetto.proponi': { request: ProponiProgettoV1; reply: ProgettoV1 };
  'presa-in-carico.progetto.approva': { request: ApprovaProgettoV1; reply: ProgettoV1 };
  'presa-in-carico.progetto.respingi': { request: RespingiProgettoV1; reply: ProgettoV1 };
  'presa-in-carico.verifica.registra': { request: RegistraVerificaV1; reply: VerificaV1 };
  'presa-in-carico.monitoraggio.carico-lavoro': { request: CaricoLavoroV1; reply: CaricoLavoroRispostaV1 };
  'presa-in-carico.monitoraggio.avvisi': { request: ElencaAvvisiV1; reply: AvvisoV1[] };
  'presa-in-carico.statistiche.conteggi': { request: ConteggiCartelleV1; reply: ConteggiCartelleRispostaV1 };
}

/**
 * Event types of the presa-in-carico service (JetStream stream `EVT_PRESA_IN_CARICO`, subjects
 * `evt.presa-in-carico.>`).
 */
export const PRESA_IN_CARICO_EVENTS = {
  cartellaAperta: 'presa-in-carico.cartella.aperta',
  cartellaAssegnata: 'presa-in-carico.cartella.assegnata',
  cartellaChiusa: 'presa-in-carico.cartella.chiusa',
  cartellaTrasferita: 'presa-in-carico.cartella.trasferita',
  progettoRevisionato: 'presa-in-carico.progetto.revisionato',
  valutazioneCompletata: 'presa-in-carico.valutazione.completata',
  progettoProposto: 'presa-in-carico.progetto.proposto',
  progettoApprovato: 'presa-in-carico.progetto.approvato',
  progettoRespinto: 'presa-in-carico.progetto.respinto',
  verificaRegistrata: 'presa-in-carico.verifica.registrata',
} as const;

export interface PresaInCaricoEventMap {
  'presa-in-carico.cartella.aperta': { version: 1; payload: CartellaApertaV1 };
  'presa-in-carico.cartella.assegnata': { version: 1; payload: CartellaAssegnataV1 };
  'presa-in-carico.cartella.chiusa': { version: 1; payload: CartellaChiusaV1 };
  'presa-in-carico.cartella.trasferita': { version: 1; payload: CartellaTrasferitaV1 };
  'presa-in-carico.progetto.revisionato': { version: 1; payload: ProgettoRevisionatoV1 };
  'presa-in-carico.valutazione.completata': { version: 1; payload: ValutazioneCompletataV1 };
  'presa-in-carico.progetto.proposto': { version: 1; payload: ProgettoDecisioneV1 };
  'presa-in-carico.progetto.approvato': { version: 1; payload: ProgettoDecisioneV1 };
  'presa-in-carico.progetto.respinto': { version: 1; payload: ProgettoDecisioneV1 };
  'presa-in-carico.verifica.registrata': { version: 1; payload: VerificaRegistrataV1 };
}

export const PRESA_IN_CARICO_EVENT_VERSIONS: {
  [K in keyof PresaInCaricoEventMap]: PresaInCaricoEventMap[K]['version'];
} = {
  'presa-in-carico.cartella.aperta': 1,
  'presa-in-carico.cartella.assegnata': 1,
  'presa-in-carico.cartella.chiusa': 1,
  'presa-in-carico.cartella.trasferita': 1,
  'presa-in-carico.progetto.revisionato': 1,
  'presa-in-carico.valutazione.completata': 1,
  'presa-in-carico.progetto.proposto': 1,
  'presa-in-carico.progetto.approvato': 1,
  'presa-in-carico.progetto.respinto': 1,
  'presa-in-carico.verifica.registrata': 1,
};
