import type { AnnualitaV1, ElencaFondiV1, FondoV1, RegistraAssegnazioneV1 } from './fondi.dto';
import type {
  ImpegnoV1,
  LeggiImpegnoV1,
  LiberaImpegnoV1,
  LiquidazioneV1,
  RegistraLiquidazioneV1,
  RegistraMandatoV1,
  RichiediImpegnoV1,
} from './impegni.dto';
import type { ElencaRegoleFondoV1, RegistraRegolaFondoV1, RegolaFondoV1 } from './regole.dto';
import type {
  DecidiVariazioneV1,
  ElencaVariazioniV1,
  ProponiVariazioneV1,
  VariazioneV1,
} from './variazioni.dto';
import type { AssegnaDotazioneV1, DotazioneV1, ElencaLineeV1, LineaV1, RegistraLineaV1 } from './linee.dto';
import type {
  AbitantiRegistratiV1,
  DeliberaQuotaCapitariaV1,
  ProspettoQuoteComuniRispostaV1,
  ProspettoQuoteComuniV1,
  QuotaCapitariaV1,
  RegistraAbitantiV1,
} from './quote-comuni.dto';
import type {
  SituazioneFondoRispostaV1,
  SituazioneFondoV1,
  SituazioneLineaRispostaV1,
  SituazioneLineaV1,
} from './situazione.dto';
import type {
  DotazioneAssegnataV1,
  ImpegnoLiberatoV1,
  ImpegnoRegistratoV1,
  ImpegnoRifiutatoV1,
  LiquidazioneRegistrataV1,
} from './budget.events';

/** Request/reply subjects of the budget service (queue group `budget`). Wire values: do not change them. */
export const BUDGET_RPC = {
  elencaFondi: 'budget.fondo.elenca',
  registraAssegnazione: 'budget.assegnazione.registra',
  registraLinea: 'budget.linea.registra',
  elencaLinee: 'budget.linea.elenca',
  assegnaDotazione: 'budget.dotazione.assegna',
  richiediImpegno: 'budget.impegno.richiedi',
  leggiImpegno: 'budget.impegno.leggi',
  liberaImpegno: 'budget.impegno.libera',
  registraLiquidazione: 'budget.liquidazione.registra',
  registraMandato: 'budget.liquidazione.mandato',
  proponiVariazione: 'budget.variazione.proponi',
  decidiVariazione: 'budget.variazione.decidi',
  elencaVariazioni: 'budget.variazione.elenca',
  registraRegola: 'budget.regola.registra',
  elencaRegole: 'budget.regola.elenca',
  situazioneFondo: 'budget.situazione.fondo',
  situazioneLinea: 'budget.situazione.linea',
  deliberaQuotaCapitaria: 'budget.quota-capitaria.delibera',
  registraAbitanti: 'budget.abitanti.registra',
  prospettoQuoteComuni: 'budget.quote-comuni.prospetto',
} as const;

export interface BudgetRpcMap {
  'budget.fondo.elenca': { request: ElencaFondiV1; reply: FondoV1[] };
  'budget.assegnazione.registra': { request: RegistraAssegnazioneV1; reply: AnnualitaV1 };
  'budget.linea.registra': { request: RegistraLineaV1; reply: LineaV1 };
  'budget.linea.elenca': { request: ElencaLineeV1; reply: LineaV1[] };
  'budget.dotazione.assegna': { request: AssegnaDotazioneV1; reply: DotazioneV1 };
  'budget.impegno.richiedi': { request: RichiediImpegnoV1; reply: ImpegnoV1 };
  'budget.impegno.leggi': { request: LeggiImpegnoV1; reply: ImpegnoV1 };
  'budget.impegno.libera': { request: LiberaImpegnoV1; reply: ImpegnoV1 };
  'budget.liquidazione.registra': { request: RegistraLiquidazioneV1; reply: LiquidazioneV1 };
  'budget.liquidazione.mandato': { request: RegistraMandatoV1; reply: LiquidazioneV1 };
  'budget.variazione.proponi': { request: ProponiVariazioneV1; reply: VariazioneV1 };
  'budget.variazione.decidi': { request: DecidiVariazioneV1; reply: VariazioneV1 };
  'budget.variazione.elenca': { request: ElencaVariazioniV1; reply: VariazioneV1[] };
  'budget.regola.registra': { request: RegistraRegolaFondoV1; reply: RegolaFondoV1 };
  'budget.regola.elenca': { request: ElencaRegoleFondoV1; reply: RegolaFondoV1[] };
  'budget.situazione.fondo': { request: SituazioneFondoV1; reply: SituazioneFondoRispostaV1 };
  'budget.situazione.linea': { request: SituazioneLineaV1; reply: SituazioneLineaRispostaV1 };
  'budget.quota-capitaria.delibera': { request: DeliberaQuotaCapitariaV1; reply: QuotaCapitariaV1 };
  'budget.abitanti.registra': { request: RegistraAbitantiV1; reply: AbitantiRegistratiV1 };
  'budget.quote-comuni.prospetto': {
    request: ProspettoQuoteComuniV1;
    reply: ProspettoQuoteComuniRispostaV1;
  };
}

/** Event types of the budget service (JetStream stream `EVT_BUDGET`, subjects `evt.budget.>`). */
export const BUDGET_EVENTS = {
  dotazioneAssegnata: 'budget.dotazione.assegnata',
  impegnoRegistrato: 'budget.impegno.registrato',
  impegnoRifiutato: 'budget.impegno.rifiutato',
  impegnoLiberato: 'budget.impegno.liberato',
  liquidazioneRegistrata: 'budget.liquidazione.registrata',
} as const;

export interface BudgetEventMap {
  'budget.dotazione.assegnata': { version: 1; payload: DotazioneAssegnataV1 };
  'budget.impegno.registrato': { version: 1; payload: ImpegnoRegistratoV1 };
  'budget.impegno.rifiutato': { version: 1; payload: ImpegnoRifiutatoV1 };
  'budget.impegno.liberato': { version: 1; payload: ImpegnoLiberatoV1 };
  'budget.liquidazione.registrata': { version: 1; payload: LiquidazioneRegistrataV1 };
}

/** Version currently produced for each event type. */
export const BUDGET_EVENT_VERSIONS: { [K in keyof BudgetEventMap]: BudgetEventMap[K]['version'] } = {
  'budget.dotazione.assegnata': 1,
  'budget.impegno.registrato': 1,
  'budget.impegno.rifiutato': 1,
  'budget.impegno.liberato': 1,
  'budget.liquidazione.registrata': 1,
};
