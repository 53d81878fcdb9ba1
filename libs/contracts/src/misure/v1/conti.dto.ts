import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { GIORNO_ESISTENTE, MESE_ESISTENTE } from '../../common/giorno';
import { QuoteCofinanziateV1 } from '../../budget/v1/cofinanziamento.dto';
import { DeterminaV1 } from '../../budget/v1/impegni.dto';
import { CODICE_PATTERN } from '../../budget/v1/importo';
import {
  Annidato,
  Centesimi,
  Decimale,
  Descrizione,
  DescrizioneClasse,
  Intero,
  Nullable,
} from '../../common/schema-decorators';
import {
  AREE,
  DOCUMENTI_SPESA,
  FONTI_BUDGET_PROGETTO,
  MACROAREE_PRO_VI,
  MISURE,
  MISURE_CUMULO,
  TIPI_SPESA_PRO_VI,
  type Area,
  type DocumentoSpesa,
  type FonteBudgetProgetto,
  type MacroareaProVi,
  type Misura,
  type MisuraCumulo,
  type TipoSpesaProVi,
} from './vocabolari';

/*
 * Requests and replies of the measures' accounts (issue 10, points 4–6 and 8; lane misure-conti):
 * Pro.Vi. a consuntivo, the Dopo di Noi budget di progetto and group homes, the cumulation per
 * assistant, the reports. Amounts in cents.
 */

const giorno = (campo: string) =>
  Matches(GIORNO_ESISTENTE, { message: `${campo}: data nel formato AAAA-MM-GG` });

/** € 1 billion at most: sums over hundreds of documents stay exact and within a bigint column. */
const IMPORTO_MASSIMO = 100_000_000_000;
const importo = (): PropertyDecorator => (target, key) =>
  [
    IsInt(),
    Min(0),
    Max(IMPORTO_MASSIMO, { message: `${String(key)}: al massimo ${IMPORTO_MASSIMO} centesimi` }),
  ].forEach((d) => d(target, key));

/** A reference in another system (a contract of assistenti-familiari, a document number). */
const RIFERIMENTO = /^[\w.:@/-]{1,100}$/;

// ---------------------------------------------------------------------------------------------------
// Pro.Vi. a consuntivo
// ---------------------------------------------------------------------------------------------------

export class RegistraProgettoProViV1 {
  @IsUUID()
  personaId: string;

  @Nullable()
  @IsUUID()
  @Descrizione('L’istanza finanziata da cui nasce il progetto (null: registrato a mano)')
  istanzaId: string | null;

  @Intero({ min: 2000, max: 2100 })
  annualita: number;

  @giorno('giorno')
  @Descrizione('Giorno con cui si sceglie la versione delle regole Pro.Vi. in vigore')
  giorno: string;

  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MACROAREE_PRO_VI.length)
  @ArrayUnique()
  @IsIn(MACROAREE_PRO_VI, { each: true })
  macroaree: MacroareaProVi[];

  @Nullable()
  @importo()
  @Descrizione('Importo concesso al beneficiario (null: solo il massimale delle regole)')
  concessoCentesimi: number | null;
}

export class SpesaProViV1 {
  @IsIn(MACROAREE_PRO_VI)
  macroarea: MacroareaProVi;

  @IsIn(TIPI_SPESA_PRO_VI)
  tipoSpesa: TipoSpesaProVi;

  @IsIn(DOCUMENTI_SPESA)
  documento: DocumentoSpesa;

  @Matches(RIFERIMENTO, { message: 'riferimento: numero del documento, fino a 100 caratteri' })
  @Descrizione('Numero del cedolino o della fattura')
  riferimento: string;

  @giorno('data')
  data: string;

  @Nullable()
  @Decimale(2)
  @Min(0)
  @Max(744)
  @Descrizione('Ore del documento (fattura a ore, cedolino), con due decimali')
  ore: number | null;

  @Nullable()
  @importo()
  costoOrarioCentesimi: number | null;

  @Nullable()
  @importo()
  @Descrizione('Importo del documento; con le ore, se indicato, deve essere ore × costo orario')
  importoCentesimi: number | null;
}

export class RegistraRendicontoProViV1 {
  @IsUUID()
  progettoId: string;

  @giorno('periodoDal')
  periodoDal: string;

  @giorno('periodoAl')
  periodoAl: string;

  @Annidato(() => SpesaProViV1, { lista: true })
  @ArrayMinSize(1)
  @ArrayMaxSize(300)
  spese: SpesaProViV1[];

  /** The budget line of the Pro.Vi. project: budget charges the fund's and the ambito's quota on it. */
  @Matches(CODICE_PATTERN, { message: 'linea: codice della linea di spesa del progetto Pro.Vi.' })
  @Descrizione('Linea di spesa su cui si impegnano e liquidano la quota del fondo e quella d’Ambito')
  linea: string;

  @Annidato(() => DeterminaV1)
  @Descrizione('Determina che approva il rendiconto e ne liquida il rimborso')
  determina: DeterminaV1;
}

export class LeggiProgettoProViV1 {
  @IsUUID()
  id: string;
}

export class SpesaValutataV1 {
  @Intero({ min: 0 })
  indice: number;

  @IsIn(['ammessa', 'ridotta', 'esclusa'])
  esito: 'ammessa' | 'ridotta' | 'esclusa';

  @Centesimi()
  documentatoCentesimi: number;

  @Centesimi()
  ammessoCentesimi: number;

  @IsString()
  motivo: string;
}

export class RendicontoProViV1 {
  @IsUUID()
  id: string;

  @Intero({ min: 1 })
  numero: number;

  @IsString()
  periodoDal: string;

  @IsString()
  periodoAl: string;

  @IsUUID()
  regoleId: string;

  @Centesimi()
  documentatoCentesimi: number;

  @Centesimi()
  ammessoCentesimi: number;

  @Centesimi()
  rimborsoCentesimi: number;

  @Centesimi()
  @Descrizione('Quota del rimborso a carico del bilancio dell’Ambito (cofinanziamento)')
  quotaAmbitoCentesimi: number;

  @Centesimi()
  @Descrizione('Quota del rimborso a carico del fondo (FNA vita indipendente)')
  quotaFondoCentesimi: number;

  @IsString()
  motivo: string;

  @Annidato(() => SpesaValutataV1, { lista: true })
  spese: SpesaValutataV1[];

  @IsString()
  registratoDa: string;

  @IsString()
  registratoIl: string;

  @Nullable()
  @IsString()
  @Descrizione(
    'Linea di spesa del rimborso; null per i rendiconti registrati prima dell’imputazione al budget',
  )
  linea: string | null;

  @Nullable()
  @Annidato(() => DeterminaV1)
  @Descrizione('Determina del rimborso; null per i rendiconti registrati prima dell’imputazione al budget')
  determina: DeterminaV1 | null;

  @Nullable()
  @Annidato(() => QuoteCofinanziateV1)
  @Descrizione(
    'Quanto il budget ha impegnato e liquidato: quota del fondo e quota d’Ambito, ciascuna sul suo fondo; null senza rimborso',
  )
  budget: QuoteCofinanziateV1 | null;
}

export class CofinanziamentoProViV1 {
  @Intero({ min: 0, max: 100 })
  @Descrizione('Quota minima dell’Ambito secondo le regole (percentuale)')
  percentualeMinima: number;

  @Centesimi()
  quotaAmbitoCentesimi: number;

  @Centesimi()
  quotaFondoCentesimi: number;

  @Nullable()
  @Decimale(2)
  @Descrizione('Quota effettiva dell’Ambito sul rimborsato (percentuale); null senza rimborsi')
  percentualeEffettiva: number | null;

  @IsBoolean()
  @Descrizione('La quota dell’Ambito raggiunge il minimo')
  rispettato: boolean;
}

@DescrizioneClasse('Un progetto Pro.Vi. con i rendiconti, il rimborsato, il residuo e il cofinanziamento')
export class ProgettoProViV1 {
  @IsUUID()
  id: string;

  @IsUUID()
  personaId: string;

  @Nullable()
  @IsUUID()
  istanzaId: string | null;

  @Intero({ min: 2000, max: 2100 })
  annualita: number;

  @IsUUID()
  regoleId: string;

  @IsArray()
  @IsIn(MACROAREE_PRO_VI, { each: true })
  macroaree: MacroareaProVi[];

  @Nullable()
  @Centesimi()
  concessoCentesimi: number | null;

  @Centesimi()
  massimaleCentesimi: number;

  @Centesimi()
  rimborsatoCentesimi: number;

  @Centesimi()
  residuoCentesimi: number;

  @Annidato(() => CofinanziamentoProViV1)
  cofinanziamento: CofinanziamentoProViV1;

  @Annidato(() => RendicontoProViV1, { lista: true })
  rendiconti: RendicontoProViV1[];
}

// ---------------------------------------------------------------------------------------------------
// Dopo di Noi: budget di progetto and group homes
// ---------------------------------------------------------------------------------------------------

export class FonteBudgetProgettoV1 {
  @IsIn(FONTI_BUDGET_PROGETTO)
  fonte: FonteBudgetProgetto;

  @importo()
  importoCentesimi: number;

  @IsOptional()
  @IsString()
  @MaxLength(200)
  descrizione?: string;
}

export class InterventoBudgetProgettoV1 {
  @IsString()
  @IsNotEmpty()
  @MaxLength(40)
  @Descrizione('Strumento del Dopo di Noi, es. `ddn-a`, `ddn-c1`')
  strumento: string;

  @importo()
  costoCentesimi: number;

  @importo()
  @Descrizione('Contributo chiesto al fondo Dopo di Noi')
  contributoRichiestoCentesimi: number;

  @importo()
  @Descrizione('Sostegno alla famiglia chiesto (solo dove il tipo lo prevede)')
  sostegnoFamigliaRichiestoCentesimi: number;

  @Intero({ min: 1, max: 120 })
  @Descrizione('Mesi dell’intervento (1 per un lavoro una tantum)')
  mesi: number;
}

export class RegistraBudgetProgettoDdnV1 {
  @IsUUID()
  personaId: string;

  @Nullable()
  @IsUUID()
  istanzaId: string | null;

  @Intero({ min: 2000, max: 2100 })
  annualita: number;

  @giorno('giorno')
  @Descrizione('Giorno con cui si sceglie la versione delle regole del Dopo di Noi in vigore')
  giorno: string;

  @Annidato(() => FonteBudgetProgettoV1, { lista: true })
  @ArrayMinSize(1)
  @ArrayMaxSize(FONTI_BUDGET_PROGETTO.length)
  @ArrayUnique((f: FonteBudgetProgettoV1) => f?.fonte, { message: 'fonti: una riga per fonte' })
  fonti: FonteBudgetProgettoV1[];

  @Annidato(() => InterventoBudgetProgettoV1, { lista: true })
  @ArrayMinSize(1)
  @ArrayMaxSize(30)
  interventi: InterventoBudgetProgettoV1[];
}

export class InterventoValutatoV1 {
  @Intero({ min: 0 })
  indice: number;

  @IsString()
  strumento: string;

  @Intero({ min: 1 })
  mesi: number;

  @Centesimi()
  costoCentesimi: number;

  @Centesimi()
  richiestoCentesimi: number;

  @Centesimi()
  massimaleCentesimi: number;

  @Centesimi()
  contributoCentesimi: number;

  @Centesimi()
  sostegnoFamigliaCentesimi: number;

  @IsString()
  motivo: string;
}

@DescrizioneClasse('Il budget di progetto del Dopo di Noi: fonti, interventi entro i massimali, copertura')
export class BudgetProgettoDdnV1 {
  @IsUUID()
  id: string;

  @IsUUID()
  personaId: string;

  @Nullable()
  @IsUUID()
  istanzaId: string | null;

  @Intero({ min: 2000, max: 2100 })
  annualita: number;

  @Intero({ min: 1 })
  versione: number;

  @IsUUID()
  regoleId: string;

  @Centesimi()
  costoTotaleCentesimi: number;

  @Centesimi()
  risorseTotaliCentesimi: number;

  @Centesimi()
  contributoDopoDiNoiCentesimi: number;

  @Centesimi()
  fondoDopoDiNoiCentesimi: number;

  @Centesimi()
  @Descrizione('Costo non coperto dalle fonti')
  scopertoCentesimi: number;

  @Annidato(() => FonteBudgetProgettoV1, { lista: true })
  fonti: FonteBudgetProgettoV1[];

  @Annidato(() => InterventoValutatoV1, { lista: true })
  interventi: InterventoValutatoV1[];
}

export class CreaGruppoAppartamentoV1 {
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  denominazione: string;

  @Matches(/^\d{6}$/, { message: 'comuneIstat: codice ISTAT di 6 cifre' })
  comuneIstat: string;

  @IsIn(['ente-gestore', 'autogestito'])
  gestione: 'ente-gestore' | 'autogestito';

  @Nullable()
  @Intero({ min: 1, max: 100 })
  @Descrizione('Posti (null: il massimo delle regole; mai oltre)')
  postiMassimi: number | null;

  @giorno('giorno')
  @Descrizione('Giorno con cui si sceglie la versione delle regole del Dopo di Noi in vigore')
  giorno: string;
}

export class GruppoAppartamentoIdV1 {
  @IsUUID()
  id: string;
}

export class InserisciInGruppoV1 {
  @IsUUID()
  gruppoId: string;

  @IsUUID()
  personaId: string;

  @giorno('dal')
  dal: string;
}

export class DimettiDaGruppoV1 {
  @IsUUID()
  gruppoId: string;

  @IsUUID()
  personaId: string;

  @giorno('al')
  al: string;
}

export class MembroGruppoV1 {
  @IsUUID()
  personaId: string;

  @IsString()
  dal: string;
}

@DescrizioneClasse('Un gruppo appartamento del Dopo di Noi con i posti e le persone presenti')
export class GruppoAppartamentoV1 {
  @IsUUID()
  id: string;

  @IsString()
  denominazione: string;

  @IsString()
  comuneIstat: string;

  @IsIn(['ente-gestore', 'autogestito'])
  gestione: 'ente-gestore' | 'autogestito';

  @Intero({ min: 1 })
  postiMassimi: number;

  @Intero({ min: 0 })
  persone: number;

  @IsUUID()
  regoleId: string;

  @Annidato(() => MembroGruppoV1, { lista: true })
  presenti: MembroGruppoV1[];
}

// ---------------------------------------------------------------------------------------------------
// Cumulation per assistant (rule 10)
// ---------------------------------------------------------------------------------------------------

export class RegistraContrattoAssistenteV1 {
  @Matches(RIFERIMENTO, { message: 'riferimento: identificativo del contratto, fino a 100 caratteri' })
  @Descrizione('Identificativo del contratto (nel servizio assistenti familiari, o dell’Ambito)')
  riferimento: string;

  @Matches(RIFERIMENTO, { message: 'assistenteRiferimento: identificativo dell’assistente' })
  @Descrizione('Identificativo dell’assistente familiare (registro), mai il nome')
  assistenteRiferimento: string;

  @IsUUID()
  personaId: string;

  @importo()
  @Min(1)
  @Descrizione('Costo mensile della retribuzione, contributi compresi (dal contratto o dai cedolini)')
  costoMensileCentesimi: number;

  @giorno('dal')
  dal: string;

  @Nullable()
  @giorno('al')
  al: string | null;
}

export class RegistraContributoAssistenteV1 {
  @Matches(RIFERIMENTO, { message: 'contrattoRiferimento: identificativo del contratto' })
  contrattoRiferimento: string;

  @IsIn(MISURE_CUMULO)
  misura: MisuraCumulo;

  @Matches(RIFERIMENTO, { message: 'riferimento: identificativo del contributo nella sua misura' })
  @Descrizione('Il contributo nella sua misura: beneficio, domanda di Bonus, budget di progetto')
  riferimento: string;

  @importo()
  importoCentesimi: number;

  @IsIn(['mensile', 'totale'])
  @Descrizione('`mensile` per mese; `totale` per il periodo, ripartito sui suoi mesi (es. il Bonus annuale)')
  modalita: 'mensile' | 'totale';

  @giorno('dal')
  dal: string;

  @giorno('al')
  al: string;
}

export class VerificaCumuloV1 {
  @Matches(RIFERIMENTO, { message: 'contrattoRiferimento: identificativo del contratto' })
  contrattoRiferimento: string;

  @Matches(MESE_ESISTENTE, { message: 'mese: nel formato AAAA-MM' })
  mese: string;

  @IsIn(MISURE_CUMULO)
  misura: MisuraCumulo;

  @Matches(RIFERIMENTO, { message: 'riferimento: identificativo del contributo nella sua misura' })
  riferimento: string;

  @Type(() => Number)
  @importo()
  richiestoCentesimi: number;
}

export class AltroContributoV1 {
  @IsIn(MISURE_CUMULO)
  misura: MisuraCumulo;

  @IsString()
  riferimento: string;

  @Centesimi()
  mensileCentesimi: number;
}

@DescrizioneClasse(
  'Il cumulo per lo stesso assistente in un mese: costo del contratto, altri contributi, ammesso',
)
export class EsitoCumuloV1 {
  @IsIn(['entro-costo', 'ridotto', 'nessuno-spazio'])
  esito: 'entro-costo' | 'ridotto' | 'nessuno-spazio';

  @IsString()
  mese: string;

  @Centesimi()
  costoMensileCentesimi: number;

  @Centesimi()
  richiestoCentesimi: number;

  @Centesimi()
  altriCentesimi: number;

  @Centesimi()
  ammessoCentesimi: number;

  @Annidato(() => AltroContributoV1, { lista: true })
  altri: AltroContributoV1[];

  @Nullable()
  @IsUUID()
  @Descrizione('Versione delle regole B2 che dice quali misure si sommano (null: tutte quelle note)')
  regoleId: string | null;

  @IsString()
  motivo: string;
}

// ---------------------------------------------------------------------------------------------------
// Reports (point 8)
// ---------------------------------------------------------------------------------------------------

export const DIMENSIONI_RENDICONTO = ['misura', 'area', 'strumento', 'comune'] as const;
export type DimensioneRendiconto = (typeof DIMENSIONI_RENDICONTO)[number];

export class LeggiRendicontoMisureV1 {
  @Type(() => Number)
  @Intero({ min: 2000, max: 2100 })
  @Descrizione('Anno delle mensilità rendicontate')
  anno: number;

  @IsIn(DIMENSIONI_RENDICONTO)
  per: DimensioneRendiconto;

  @IsOptional()
  @IsIn(MISURE)
  misura?: Misura;
}

export class RigaRendicontoV1 {
  @IsString()
  @Descrizione('Valore della dimensione (misura, area, strumento o codice ISTAT del comune)')
  chiave: string;

  @Intero({ min: 0 })
  beneficiari: number;

  @Intero({ min: 0 })
  benefici: number;

  @Intero({ min: 0 })
  @Descrizione('Mensilità con un importo dovuto')
  mesi: number;

  @Centesimi()
  @Descrizione('Importo dovuto nelle mensilità dell’anno')
  importoCentesimi: number;

  @Centesimi()
  @Descrizione('Di cui liquidato al budget')
  liquidatoCentesimi: number;

  @Intero({ min: 0 })
  @Descrizione('Sospensioni in vigore nell’anno')
  sospensioni: number;

  @Intero({ min: 0 })
  @Descrizione('Benefici revocati o cessati nell’anno')
  cessati: number;
}

@DescrizioneClasse(
  'Indicatori del Piano di Zona (cap. 6, sistema delle risorse): utenza raggiunta e risorse investite',
)
export class IndicatoriPianoDiZonaV1 {
  @Intero({ min: 0 })
  @Descrizione('Utenza raggiunta: persone con almeno un beneficio nell’anno')
  utenzaRaggiunta: number;

  @Centesimi()
  @Descrizione('Risorse economiche investite: importo dovuto nell’anno')
  risorseInvestiteCentesimi: number;

  @Centesimi()
  @Descrizione('Importo medio per persona raggiunta')
  importoMedioPerPersonaCentesimi: number;

  @Nullable()
  @Decimale(2)
  @Descrizione('Mensilità medie pagate per beneficio')
  mesiMediPerBeneficio: number | null;

  @Nullable()
  @Decimale(2)
  @Descrizione('Benefici con almeno una sospensione nell’anno, sul totale (percentuale)')
  percentualeSospesi: number | null;

  @Nullable()
  @Decimale(2)
  @Descrizione('Liquidato sul dovuto (percentuale)')
  percentualeLiquidato: number | null;

  @Centesimi()
  @Descrizione('Pro.Vi.: rimborsato nell’anno dei progetti')
  proViRimborsatoCentesimi: number;

  @Centesimi()
  @Descrizione('Pro.Vi.: di cui cofinanziamento dell’Ambito')
  proViCofinanziamentoAmbitoCentesimi: number;

  @Centesimi()
  @Descrizione('Dopo di Noi: contributi nei budget di progetto in vigore dell’anno')
  dopoDiNoiContributiCentesimi: number;
}

@DescrizioneClasse('Rendiconto delle misure per una dimensione, con gli indicatori e un grafico SVG')
export class RendicontoMisureV1 {
  @Intero({ min: 2000, max: 2100 })
  anno: number;

  @IsIn(DIMENSIONI_RENDICONTO)
  per: DimensioneRendiconto;

  @Nullable()
  @IsIn(MISURE)
  misura: Misura | null;

  @Annidato(() => RigaRendicontoV1, { lista: true })
  righe: RigaRendicontoV1[];

  @Annidato(() => RigaRendicontoV1)
  totale: RigaRendicontoV1;

  @Annidato(() => IndicatoriPianoDiZonaV1)
  indicatori: IndicatoriPianoDiZonaV1;

  @IsString()
  @Descrizione('Grafico SVG degli importi per riga (titolo e descrizione accessibili)')
  graficoSvg: string;
}

export class LeggiRendicontazioneFnaV1 {
  @Type(() => Number)
  @Intero({ min: 2000, max: 2100 })
  anno: number;
}

export class RigaFnaV1 {
  @IsIn(MISURE)
  misura: Misura;

  @IsString()
  strumento: string;

  @Nullable()
  @IsIn(AREE)
  area: Area | null;

  @Nullable()
  @IsString()
  fondo: string | null;

  @Nullable()
  @Intero({ min: 2000, max: 2100 })
  annoFondo: number | null;

  @Intero({ min: 0 })
  beneficiari: number;

  @Intero({ min: 0 })
  mesi: number;

  @Centesimi()
  importoCentesimi: number;

  @Centesimi()
  liquidatoCentesimi: number;

  @Centesimi()
  @Descrizione('Di cui cofinanziamento dell’Ambito (Pro.Vi.: la quota sul bilancio dell’Ambito)')
  cofinanziamentoAmbitoCentesimi: number;
}

@DescrizioneClasse('La rendicontazione FNA alla Regione: beneficiari e importi per strumento (B2 e Pro.Vi.)')
export class RendicontazioneFnaV1 {
  @Intero({ min: 2000, max: 2100 })
  anno: number;

  @IsString()
  ambito: string;

  @Annidato(() => RigaFnaV1, { lista: true })
  righe: RigaFnaV1[];
}
