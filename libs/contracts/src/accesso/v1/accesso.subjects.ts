import type {
  AccessoV1,
  AggiornaAccessoV1,
  AnnotaAccessoV1,
  ChiudiAccessoV1,
  ContatoriAccessiRispostaV1,
  ContatoriAccessiV1,
  ElencaAccessiV1,
  LeggiAccessoV1,
  RegistraAccessoV1,
} from './accesso.dto';
import type { AccessoChiusoV1, AccessoRegistratoV1 } from './accesso.events';
import type { ElencaAuditV1, VoceAuditV1 } from './audit.dto';
import type { CercaPersoneV1, LeggiPersonaV1, PersonaV1, RegistraPersonaV1 } from './persona.dto';
import type { PaginaV1 } from '../../common/pagination';
import type { LeggiTerritorioV1, TerritorioV1 } from './territorio.dto';

/** Request/reply subjects of the accesso service (queue group `accesso`). Wire values: do not change them. */
export const ACCESSO_RPC = {
  registraPersona: 'accesso.persona.registra',
  leggiPersona: 'accesso.persona.leggi',
  cercaPersone: 'accesso.persona.cerca',
  registraAccesso: 'accesso.accesso.registra',
  aggiornaAccesso: 'accesso.accesso.aggiorna',
  chiudiAccesso: 'accesso.accesso.chiudi',
  annotaAccesso: 'accesso.accesso.annota',
  leggiAccesso: 'accesso.accesso.leggi',
  elencaAccessi: 'accesso.accesso.elenca',
  contatoriAccessi: 'accesso.statistiche.contatori',
  leggiTerritorio: 'accesso.territorio.leggi',
  elencaAudit: 'accesso.audit.elenca',
} as const;

export interface AccessoRpcMap {
  'accesso.persona.registra': { request: RegistraPersonaV1; reply: PersonaV1 };
  'accesso.persona.leggi': { request: LeggiPersonaV1; reply: PersonaV1 };
  'accesso.persona.cerca': { request: CercaPersoneV1; reply: PaginaV1<PersonaV1> };
  'accesso.accesso.registra': { request: RegistraAccessoV1; reply: AccessoV1 };
  'accesso.accesso.aggiorna': { request: AggiornaAccessoV1; reply: AccessoV1 };
  'accesso.accesso.chiudi': { request: ChiudiAccessoV1; reply: AccessoV1 };
  'accesso.accesso.annota': { request: AnnotaAccessoV1; reply: AccessoV1 };
  'accesso.accesso.leggi': { request: LeggiAccessoV1; reply: AccessoV1 };
  'accesso.accesso.elenca': { request: ElencaAccessiV1; reply: PaginaV1<AccessoV1> };
  'accesso.statistiche.contatori': { request: ContatoriAccessiV1; reply: ContatoriAccessiRispostaV1 };
  'accesso.territorio.leggi': { request: LeggiTerritorioV1; reply: TerritorioV1 };
  'accesso.audit.elenca': { request: ElencaAuditV1; reply: PaginaV1<VoceAuditV1> };
}

/** Event types of the accesso service (JetStream stream `EVT_ACCESSO`, subjects `evt.accesso.>`). */
export const ACCESSO_EVENTS = {
  accessoRegistrato: 'accesso.accesso.registrato',
  accessoChiuso: 'accesso.accesso.chiuso',
} as const;

export interface AccessoEventMap {
  'accesso.accesso.registrato': { version: 1; payload: AccessoRegistratoV1 };
  'accesso.accesso.chiuso': { version: 1; payload: AccessoChiusoV1 };
}

/** Version currently produced for each event type. */
export const ACCESSO_EVENT_VERSIONS: { [K in keyof AccessoEventMap]: AccessoEventMap[K]['version'] } = {
  'accesso.accesso.registrato': 1,
  'accesso.accesso.chiuso': 1,
};
