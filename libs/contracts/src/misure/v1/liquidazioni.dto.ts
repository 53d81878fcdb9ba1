import {
  IsIBAN,
  IsIn,
  IsISO8601,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  ValidateIf,
} from 'class-validator';
import { CODICE_FISCALE_PATTERN } from '../../accesso/v1/persona.dto';
import { MESE_PATTERN } from './benefici.dto';
import { GIORNO_ESISTENTE } from '../../common/giorno';
import { PaginazioneV1, paginaDi } from '../../common/pagination';
import { Centesimi, Descrizione, DescrizioneClasse, Intero, Nullable } from '../../common/schema-decorators';

/*
 * Liquidazioni of the monthly erogazioni (issue 10, point 3, lane benefici-liquidazioni): each month's
 * amount due is liquidated in the budget with one key per beneficio and month; the elenco di
 * liquidazione for the ragioneria names the payee and its IBAN; amounts paid unduly become recuperi.
 */

/** Who the money is paid to: the beneficiary, or the person delegated (AdS, tutore, familiare delegato). */
export const INTESTATARI_PAGAMENTO = ['beneficiario', 'delegato'] as const;
export type IntestatarioPagamento = (typeof INTESTATARI_PAGAMENTO)[number];

/** Why an amount was paid unduly. */
export const CAUSE_RECUPERO = ['decesso', 'fine-beneficio', 'sospensione', 'correzione'] as const;
export type CausaRecupero = (typeof CAUSE_RECUPERO)[number];

/**
 * `in-compensazione`: set against the next payments of the beneficio; `da-richiedere`: no payment
 * follows (the beneficio ended), to be claimed; `richiesto`: claimed with an act; `estinto`: recovered.
 */
export const STATI_RECUPERO = ['in-compensazione', 'da-richiedere', 'richiesto', 'estinto'] as const;
export type StatoRecupero = (typeof STATI_RECUPERO)[number];

export class MeseLiquidazioniV1 {
  @Matches(MESE_PATTERN, { message: 'mese: mese nel formato AAAA-MM' })
  @Descrizione('Mese delle erogazioni, AAAA-MM')
  mese: string;
}

@DescrizioneClasse('Le liquidazioni di un mese: quante erogazioni dovute, liquidate, compensate, in attesa')
export class LiquidazioniMeseV1 {
  @Matches(MESE_PATTERN)
  mese: string;

  @IsIn(['completate', 'in-corso', 'in-attesa', 'nessuna'])
  @Descrizione(
    '`completate`: ogni mensilità dovuta è liquidata; `in-corso`: la liquidazione prosegue (rileggere); `in-attesa`: alcune aspettano il budget (ripetere); `nessuna`: nessuna erogazione dovuta nel mese',
  )
  stato: 'completate' | 'in-corso' | 'in-attesa' | 'nessuna';

  @Intero({ min: 0 })
  @Descrizione('Mensilità dovute del mese (erogazioni con importo)')
  mensilita: number;

  @Intero({ min: 0 })
  liquidate: number;

  @Intero({ min: 0 })
  @Descrizione('Mensilità preparate che aspettano la risposta del budget')
  inAttesa: number;

  @Centesimi()
  importoDovutoCentesimi: number;

  @Centesimi()
  @Descrizione('Trattenuto a compensazione di recuperi')
  compensatoCentesimi: number;

  @Centesimi()
  @Descrizione('Liquidato nel budget')
  importoLiquidatoCentesimi: number;

  @Intero({ min: 0 })
  @Descrizione('Recuperi rilevati in questa esecuzione (mensilità pagate dopo la fine del beneficio)')
  recuperiRilevati: number;

  @Nullable()
  @IsString()
  @Descrizione('Perché alcune mensilità sono in attesa (codice dell’errore del budget)')
  errore: string | null;
}

/** Request of `misure.beneficio.pagamento-registra`: who is paid and on which account. */
export class RegistraPagamentoBeneficioV1 {
  @IsUUID()
  beneficioId: string;

  @IsIn(INTESTATARI_PAGAMENTO)
  @Descrizione('`beneficiario` o `delegato` (amministratore di sostegno, tutore, familiare con delega)')
  intestatario: IntestatarioPagamento;

  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  @Descrizione('Nome e cognome dell’intestatario del conto')
  nominativo: string;

  @Matches(CODICE_FISCALE_PATTERN, { message: 'codiceFiscale: 16 caratteri alfanumerici o 11 cifre' })
  @Descrizione('Codice fiscale dell’intestatario (verificato il carattere di controllo)')
  codiceFiscale: string;

  @IsIBAN({ message: 'iban: IBAN non valido (formato del paese o cifre di controllo ISO 13616)' })
  @Descrizione('IBAN del conto (spazi ammessi), verificato con le cifre di controllo ISO 13616 (mod 97)')
  iban: string;

  @ValidateIf((o: RegistraPagamentoBeneficioV1) => o.intestatario === 'delegato' || o.delega !== undefined)
  @IsString({ message: 'delega: obbligatoria per un delegato' })
  @IsNotEmpty({ message: 'delega: obbligatoria per un delegato' })
  @MaxLength(200)
  @Descrizione('Atto di delega o nomina, es. «delega del 3/2/2025», «Trib. Cremona, decreto 123/2024»')
  delega?: string;
}

export class BeneficioIdV1 {
  @IsUUID()
  beneficioId: string;
}

@DescrizioneClasse('Chi riceve i pagamenti di un beneficio e su quale conto')
export class PagamentoBeneficioV1 {
  @IsUUID()
  beneficioId: string;

  @IsIn(INTESTATARI_PAGAMENTO)
  intestatario: IntestatarioPagamento;

  @IsString()
  nominativo: string;

  @IsString()
  codiceFiscale: string;

  @IsString()
  @Descrizione('IBAN normalizzato (maiuscolo, senza spazi)')
  iban: string;

  @Nullable()
  @IsString()
  delega: string | null;

  @Intero({ min: 1 })
  versione: number;

  @IsISO8601()
  registratoIl: string;
}

/** A month paid unduly and how much of it is still to recover. */
@DescrizioneClasse('Recupero di un importo pagato e non dovuto')
export class RecuperoV1 {
  @IsUUID()
  id: string;

  @IsUUID()
  beneficioId: string;

  @Matches(MESE_PATTERN)
  @Descrizione('Mese pagato e non dovuto')
  mese: string;

  @IsIn(CAUSE_RECUPERO)
  causa: CausaRecupero;

  @Centesimi()
  @Descrizione('Pagato e non dovuto')
  importoCentesimi: number;

  @Centesimi()
  @Descrizione('Già trattenuto dai pagamenti seguenti')
  compensatoCentesimi: number;

  @Centesimi()
  @Descrizione('Ancora da recuperare')
  residuoCentesimi: number;

  @IsIn(STATI_RECUPERO)
  stato: StatoRecupero;

  @IsString()
  @Descrizione('Come è stato calcolato (regola, date, importi)')
  motivo: string;

  @Nullable()
  @IsString()
  @Descrizione('Atto con cui è stata chiesta la restituzione')
  richiesta: string | null;

  @IsISO8601()
  registratoIl: string;
}

/** Request of `misure.recupero.registra`: a month an operator finds paid unduly (a suspension reported late). */
export class RegistraRecuperoV1 {
  @IsUUID()
  beneficioId: string;

  @Matches(MESE_PATTERN, { message: 'mese: mese pagato nel formato AAAA-MM' })
  mese: string;

  @IsIn(['sospensione', 'correzione'])
  causa: 'sospensione' | 'correzione';

  @Centesimi()
  @Descrizione('Importo pagato e non dovuto, al più il liquidato del mese')
  importoCentesimi: number;

  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  motivazione: string;
}

/** Request of `misure.recupero.richiedi`: the claim of what is left, with its act. */
export class RichiediRecuperoV1 {
  @IsUUID()
  id: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(60)
  @Descrizione('Numero dell’atto (nota, determina) che chiede la restituzione')
  numero: string;

  @Matches(GIORNO_ESISTENTE, { message: 'data: data dell’atto nel formato AAAA-MM-GG' })
  data: string;
}

/** One row of the elenco di liquidazione: a month's payment with its payee. */
@DescrizioneClasse('Una mensilità liquidata con chi la riceve')
export class VoceElencoLiquidazioneV1 {
  @IsUUID()
  beneficioId: string;

  @IsString()
  @Descrizione('Protocollo dell’istanza, es. CREMA-2025-000123')
  protocollo: string;

  @IsString()
  misura: string;

  @IsString()
  strumento: string;

  @Centesimi()
  importoDovutoCentesimi: number;

  @Centesimi()
  compensatoCentesimi: number;

  @Centesimi()
  importoLiquidatoCentesimi: number;

  @IsUUID()
  impegnoId: string;

  @Nullable()
  @IsUUID()
  @Descrizione('Liquidazione nel budget (null: tutto compensato)')
  liquidazioneBudgetId: string | null;

  @Nullable()
  @IsIn(INTESTATARI_PAGAMENTO)
  @Descrizione('null: coordinate di pagamento non registrate (da completare prima del mandato)')
  intestatario: IntestatarioPagamento | null;

  @Nullable()
  @IsString()
  nominativo: string | null;

  @Nullable()
  @IsString()
  codiceFiscale: string | null;

  @Nullable()
  @IsString()
  iban: string | null;

  @IsIn(['valido', 'non-valido', 'mancante'])
  @Descrizione('Esito del controllo dell’IBAN (ISO 13616 mod 97) alla produzione dell’elenco')
  controlloIban: 'valido' | 'non-valido' | 'mancante';
}

/** Request of `misure.liquidazioni.elenco`: the rows come in pages (a month of 20,000 is ~5 MB). */
export class ElencaElencoLiquidazioneV1 extends PaginazioneV1 {
  @Matches(MESE_PATTERN, { message: 'mese: mese nel formato AAAA-MM' })
  @Descrizione('Mese delle erogazioni, AAAA-MM')
  mese: string;
}

@DescrizioneClasse(
  'Elenco di liquidazione di un mese per la ragioneria: i totali del mese e una pagina delle righe, per protocollo',
)
export class ElencoLiquidazioneV1 extends paginaDi(VoceElencoLiquidazioneV1) {
  @Matches(MESE_PATTERN)
  mese: string;

  @Centesimi()
  @Descrizione('Totale liquidato del mese (tutte le righe, non solo la pagina)')
  totaleLiquidatoCentesimi: number;

  @Intero({ min: 0 })
  @Descrizione('Righe del mese senza coordinate di pagamento valide: da completare prima del mandato')
  daCompletare: number;
}

/** The cursor of a part of the elenco's CSV: the last row's protocol (year, number) and beneficio. */
export const CURSORE_ELENCO_PATTERN =
  /^\d{4}\.\d{1,9}\.[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * Request of `misure.liquidazioni.elenco-csv`: the CSV comes in parts, each well below a NATS message,
 * the next one asked with the `dopo` of the previous (the gateway streams them as one file).
 */
export class ParteElencoLiquidazioneCsvV1 {
  @Matches(MESE_PATTERN, { message: 'mese: mese nel formato AAAA-MM' })
  @Descrizione('Mese delle erogazioni, AAAA-MM')
  mese: string;

  @IsOptional()
  @Matches(CURSORE_ELENCO_PATTERN, { message: 'dopo: il cursore restituito dalla parte precedente' })
  @Descrizione('Dove riprendere: il `dopo` della parte precedente (assente: la prima, con l’intestazione)')
  dopo?: string;
}

@DescrizioneClasse('Una parte del CSV dell’elenco di liquidazione')
export class ParteCsvElencoLiquidazioneV1 {
  @IsString()
  @Descrizione(
    'Righe CSV (separatore `;`); la prima parte comincia con l’intestazione e i nomi delle colonne',
  )
  csv: string;

  @Nullable()
  @Matches(CURSORE_ELENCO_PATTERN)
  @Descrizione('Cursore della parte seguente; null: era l’ultima')
  dopo: string | null;
}

/** Payload of `misure.erogazione.liquidata`: ids and amounts, no payee. */
@DescrizioneClasse('La mensilità di un beneficio è stata liquidata nel budget (o compensata da un recupero)')
export class ErogazioneLiquidataV1 {
  @IsUUID()
  @Descrizione('Liquidazione della mensilità nel servizio misure')
  liquidazioneId: string;

  @IsUUID()
  erogazioneId: string;

  @IsUUID()
  beneficioId: string;

  @IsUUID()
  personaId: string;

  @Matches(MESE_PATTERN)
  mese: string;

  @IsString()
  misura: string;

  @IsString()
  strumento: string;

  @Centesimi()
  importoDovutoCentesimi: number;

  @Centesimi()
  @Descrizione('Trattenuto a compensazione di recuperi')
  compensatoCentesimi: number;

  @Centesimi()
  importoLiquidatoCentesimi: number;

  @IsUUID()
  impegnoId: string;

  @Nullable()
  @IsUUID()
  @Descrizione('Liquidazione nel budget; null se l’importo è tutto compensato')
  liquidazioneBudgetId: string | null;
}
