import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsNotEmpty,
  IsString,
  MaxLength,
  Min,
} from 'class-validator';
import { Annidato, Centesimi, Descrizione, Intero, Nullable } from '../../common/schema-decorators';
import {
  MACROAREE_PRO_VI,
  MISURE_CUMULO,
  PERIODI_MASSIMALE,
  TIPI_SPESA_PRO_VI,
  type MacroareaProVi,
  type MisuraCumulo,
  type PeriodoMassimale,
  type TipoSpesaProVi,
} from './vocabolari';

/*
 * The accounting parameters of a rule set (issue 10, points 4–6; lane misure-conti): Pro.Vi. a
 * consuntivo, the Dopo di Noi caps per intervention type, the cumulation per assistant. One nested
 * object `conti` of ParametriRegoleV1, kept apart from the admission's parameters so that both evolve
 * without touching each other. Every value has its `fonti` entry (`conti.…`) like the others.
 */

/** An expense the rule set does not reimburse in a macroarea (e.g. the payroll service in macroarea A). */
export class EsclusioneSpesaProViV1 {
  @IsIn(MACROAREE_PRO_VI)
  macroarea: MacroareaProVi;

  @IsIn(TIPI_SPESA_PRO_VI)
  tipoSpesa: TipoSpesaProVi;

  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  @Descrizione('Perché non è rimborsabile, con la fonte (detto all’operatore)')
  motivo: string;
}

/** Pro.Vi. a consuntivo (rules 18–19): documented expenses, exclusions, cap, co-financing. */
export class ConsuntivoProViV1 {
  @Centesimi()
  @Min(0)
  @Descrizione('Massimale di rimborso per beneficiario sull’intero progetto (centesimi)')
  massimaleBeneficiarioCentesimi: number;

  @Nullable()
  @Centesimi()
  @Min(0)
  @Descrizione('Costo orario massimo riconosciuto per le ore (fatture ore × costo orario); null: nessuno')
  costoOrarioMassimoCentesimi: number | null;

  @Annidato(() => EsclusioneSpesaProViV1, { lista: true })
  @ArrayMaxSize(60)
  @Descrizione('Spese escluse, per macroarea')
  esclusioni: EsclusioneSpesaProViV1[];

  @Intero({ min: 0, max: 100 })
  @Descrizione('Quota minima di cofinanziamento dell’Ambito sul rimborsato (percentuale, es. 20)')
  cofinanziamentoAmbitoPercento: number;
}

/** The cap of a Dopo di Noi intervention type (rule 16). */
export class MassimaleInterventoDdnV1 {
  @IsString()
  @IsNotEmpty()
  @MaxLength(40)
  @Descrizione('Codice dello strumento del Dopo di Noi, es. `ddn-a`')
  strumento: string;

  @Centesimi()
  @Min(0)
  @Descrizione('Contributo massimo (centesimi) nel periodo')
  massimoCentesimi: number;

  @IsIn(PERIODI_MASSIMALE)
  @Descrizione('Periodo del massimo: per intervento (unità immobiliare), per anno o per mese')
  periodo: PeriodoMassimale;

  @Nullable()
  @Intero({ min: 1, max: 100 })
  @Descrizione('Percentuale massima del costo coperta (es. 70 per l’adeguamento); null: nessuna')
  percentualeCostoMassima: number | null;

  @Nullable()
  @Centesimi()
  @Min(0)
  @Descrizione(
    'Sostegno aggiuntivo alla famiglia nello stesso periodo (es. € 600 col voucher C1); null: nessuno',
  )
  sostegnoFamigliaCentesimi: number | null;
}

/** Dopo di Noi: caps per intervention and the size of a group home (rule 16). */
export class MassimaliDopoDiNoiV1 {
  @Annidato(() => MassimaleInterventoDdnV1, { lista: true })
  @ArrayMaxSize(30)
  interventi: MassimaleInterventoDdnV1[];

  @Intero({ min: 1, max: 100 })
  @Descrizione('Persone al massimo in un gruppo appartamento')
  personeMassimeGruppoAppartamento: number;
}

/** Rule 10: the measures whose contributions for the same assistant's contract add up. */
export class CumuloAssistenteV1 {
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MISURE_CUMULO.length)
  @ArrayUnique()
  @IsIn(MISURE_CUMULO, { each: true })
  @Descrizione('Misure i cui contributi per lo stesso contratto si sommano')
  misure: MisuraCumulo[];
}

/** The accounting parameters of a rule set; each part only where the measure needs it. */
export class RegoleContiV1 {
  @Nullable()
  @Annidato(() => ConsuntivoProViV1)
  proVi: ConsuntivoProViV1 | null;

  @Nullable()
  @Annidato(() => MassimaliDopoDiNoiV1)
  dopoDiNoi: MassimaliDopoDiNoiV1 | null;

  @Nullable()
  @Annidato(() => CumuloAssistenteV1)
  cumulo: CumuloAssistenteV1 | null;
}
