import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  Matches,
  ValidateIf,
  Max,
  Min,
} from 'class-validator';
import { GIORNO_ESISTENTE } from '../../common/giorno';
import { Annidato, Descrizione, Intero, Nullable } from '../../common/schema-decorators';
import {
  CONDIZIONI_DISABILITA,
  MACROAREE_PRO_VI,
  MISURE_DICHIARATE,
  PARENTELE_CAREGIVER,
  PRIORITA_DOPO_DI_NOI,
  TIPI_ISEE,
  type CondizioneDisabilita,
  type MacroareaProVi,
  type MisuraDichiarata,
  type ParentelaCaregiver,
  type PrioritaDopoDiNoi,
  type TipoIsee,
} from './vocabolari';

/*
 * Everything the rules of an istruttoria read, as one document: what the istanza declares (ISEE,
 * recognitions, caregiver or contract, other measures, Dopo di Noi and Pro.Vi. data) and what comes from
 * the other services (the persona from accesso, the valutazione and progetto from presa in carico).
 * Stored as the snapshot of each istruttoria, and given whole to the simulation.
 */

/** DSU protocol `INPS-ISEE-AAAA-XXXXXXXXX-NN` (rule 3). */
export const PROTOCOLLO_DSU = /^INPS-ISEE-\d{4}-[0-9A-Z]{9}-\d{2}$/;

const giorno = (campo: string) =>
  Matches(GIORNO_ESISTENTE, { message: `${campo}: data nel formato AAAA-MM-GG` });

const importo = (): PropertyDecorator => (target, key) =>
  [IsInt(), Min(0), Max(Number.MAX_SAFE_INTEGER)].forEach((d) => d(target, key));

/** An ISEE attestation as declared (or as verified with INPS). */
export class AttestazioneIseeV1 {
  @IsIn(TIPI_ISEE)
  tipo: TipoIsee;

  @importo()
  @Descrizione('Valore dell’ISEE (centesimi)')
  valoreCentesimi: number;

  @Matches(PROTOCOLLO_DSU, { message: 'protocolloDsu: formato INPS-ISEE-AAAA-XXXXXXXXX-NN' })
  @Descrizione('Protocollo della DSU, es. INPS-ISEE-2025-00597381W-00')
  protocolloDsu: string;

  @giorno('dataPresentazione')
  @Descrizione('Data di presentazione della DSU')
  dataPresentazione: string;

  @IsBoolean()
  @Descrizione('L’attestazione riporta omissioni o difformità (PresenzaDifformita)')
  difformita: boolean;
}

/** A recognised disability condition, with its dates (verbale). */
export class RiconoscimentoV1 {
  @IsIn(CONDIZIONI_DISABILITA)
  condizione: CondizioneDisabilita;

  @Nullable()
  @Intero({ min: 1, max: 100 })
  @Descrizione('Percentuale (invalidità civile); null per le altre condizioni')
  percentuale: number | null;

  @giorno('dataRiconoscimento')
  dataRiconoscimento: string;

  @Nullable()
  @giorno('dataRevisione')
  @Descrizione('Data di revisione prevista; null: riconoscimento permanente')
  dataRevisione: string | null;
}

/** The caregiver familiare (rule 8). */
export class CaregiverV1 {
  @IsIn(PARENTELE_CAREGIVER)
  parentela: ParentelaCaregiver;

  @IsBoolean()
  convivente: boolean;
}

/** The assistant's employment contract (rule 8, cumulation of rule 10). */
export class ContrattoAssistenteV1 {
  @Intero({ min: 1, max: 168 })
  oreSettimanali: number;

  @giorno('dataInizio')
  dataInizio: string;

  @importo()
  @Descrizione('Costo mensile della retribuzione, contributi compresi (centesimi)')
  costoMensileCentesimi: number;

  @importo()
  @Descrizione(
    'Altri contributi pubblici mensili per lo stesso assistente (Bonus AF, Dopo di Noi…), centesimi',
  )
  altriContributiMensiliCentesimi: number;

  // Rule 10 across measures (lane misure-conti): the contract as registered for the cumulation
  // (`misure.cumulo.contratto.registra`, later from assistenti-familiari); at grant the B2 contribution
  // is recorded against it and checked before each payment.
  @IsOptional()
  @ValidateIf((_o, v) => v !== null)
  @Matches(/^[\w.:@/-]{1,100}$/, { message: 'contrattoRiferimento: identificativo del contratto' })
  @Descrizione('Identificativo del contratto dell’assistente registrato per il cumulo (regola 10)')
  contrattoRiferimento?: string | null;
}

/** Another measure or setting the person holds or held (§5). */
export class MisuraDichiarataV1 {
  @IsIn(MISURE_DICHIARATE)
  misura: MisuraDichiarata;

  @giorno('dal')
  dal: string;

  @Nullable()
  @giorno('al')
  al: string | null;

  @Nullable()
  @Intero({ min: 0, max: 366 })
  @Descrizione('Giorni nell’anno (ricoveri di sollievo)')
  giorni: number | null;
}

/** Dopo di Noi: family situation and urgency on its four dimensions (rule 14). */
export class DatiDopoDiNoiV1 {
  @IsArray()
  @ArrayMaxSize(PRIORITA_DOPO_DI_NOI.length)
  @ArrayUnique()
  @IsIn(PRIORITA_DOPO_DI_NOI, { each: true })
  priorita: PrioritaDopoDiNoi[];

  @Intero({ min: 0, max: 100 })
  urgenzaAutonomia: number;

  @Intero({ min: 0, max: 100 })
  urgenzaSostegniFamiliari: number;

  @Intero({ min: 0, max: 100 })
  urgenzaAbitativa: number;

  @Intero({ min: 0, max: 100 })
  urgenzaEconomica: number;

  @Nullable()
  @importo()
  @Descrizione('Costo dell’intervento (adeguamento, canone…), centesimi')
  costoInterventoCentesimi: number | null;

  @Nullable()
  @Intero({ min: 1, max: 100 })
  @Descrizione('Persone nel gruppo appartamento')
  personeGruppoAppartamento: number | null;
}

/** Pro.Vi.: the project outline (rules 17–18). */
export class DatiProViV1 {
  @IsArray()
  @ArrayMaxSize(MACROAREE_PRO_VI.length)
  @ArrayUnique()
  @IsIn(MACROAREE_PRO_VI, { each: true })
  macroaree: MacroareaProVi[];

  @IsBoolean()
  @Descrizione('Il progetto si realizza senza il caregiver familiare')
  senzaCaregiver: boolean;

  @Nullable()
  @IsIn(['diretto', 'ente', 'professionista'])
  @Descrizione('Assistente personale assunto direttamente, tramite ente o professionista')
  assistentePersonale: 'diretto' | 'ente' | 'professionista' | null;

  @importo()
  @Descrizione('Costo del progetto (centesimi)')
  costoProgettoCentesimi: number;
}

/** From presa in carico: what the person's cartella holds (never typed in the istanza). */
export class StatoPresaInCaricoV1 {
  @IsBoolean()
  valutazioneCompletata: boolean;

  @IsBoolean()
  @Descrizione('La valutazione è dell’équipe con componenti clinica e sociale')
  valutazioneClinicaSociale: boolean;

  @IsBoolean()
  progettoApprovato: boolean;

  @IsBoolean()
  budgetDiProgetto: boolean;
}

/**
 * What the istanza declares: the parts of the istruttoria's input (DatiIstanzaV1) that the person
 * states. Every ISEE attestation is checked for its DSU protocol's format.
 */
export class DichiarazioniIstanzaV1 {
  @IsBoolean()
  @Descrizione('La persona dichiara di vivere al proprio domicilio')
  alDomicilio: boolean;

  @Nullable()
  @IsBoolean()
  @Descrizione('La disabilità è determinata dal naturale invecchiamento; null: non accertato')
  disabilitaDaSenilita: boolean | null;

  @Annidato(() => AttestazioneIseeV1, { lista: true })
  @ArrayMaxSize(10)
  isee: AttestazioneIseeV1[];

  @Annidato(() => RiconoscimentoV1, { lista: true })
  @ArrayMaxSize(10)
  riconoscimenti: RiconoscimentoV1[];

  @Nullable()
  @Annidato(() => CaregiverV1)
  caregiver: CaregiverV1 | null;

  @Nullable()
  @Annidato(() => ContrattoAssistenteV1)
  contrattoAssistente: ContrattoAssistenteV1 | null;

  @Annidato(() => MisuraDichiarataV1, { lista: true })
  @ArrayMaxSize(30)
  altreMisure: MisuraDichiarataV1[];

  @Nullable()
  @Intero({ min: 0, max: 168 })
  @Descrizione('Ore settimanali in unità d’offerta diurne (CDD, CSE, CDI)')
  frequenzaDiurnaOreSettimanali: number | null;

  @Nullable()
  @Annidato(() => DatiDopoDiNoiV1)
  dopoDiNoi: DatiDopoDiNoiV1 | null;

  @Nullable()
  @Annidato(() => DatiProViV1)
  proVi: DatiProViV1 | null;
}

/**
 * The whole input of an istruttoria: the declarations, the persona's data from accesso and the
 * cartella's state from presa in carico. `alDomicilio` here is the declaration corrected by accesso's
 * ricoveri (false while a definitive admission is open).
 */
export class DatiIstanzaV1 extends DichiarazioniIstanzaV1 {
  @giorno('dataNascita')
  @Descrizione('Dalla persona in accesso')
  dataNascita: string;

  @IsBoolean()
  @Descrizione('Residente in un comune dell’ambito (dalla persona in accesso)')
  residenteNellAmbito: boolean;

  @Annidato(() => StatoPresaInCaricoV1)
  presaInCarico: StatoPresaInCaricoV1;
}
