import { IsIn, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import { GIORNO_ESISTENTE } from '../../common/giorno';
import {
  Annidato,
  Centesimi,
  Descrizione,
  DescrizioneClasse,
  Intero,
  Nullable,
} from '../../common/schema-decorators';
import {
  AREE,
  ESITI_ISTRUTTORIA,
  ESITI_REGOLA,
  type Area,
  type EsitoIstruttoria,
  type EsitoRegola,
} from './vocabolari';

/** One rule evaluated: its stable code, outcome and the Italian reason an operator reads. */
@DescrizioneClasse('Una regola valutata nell’istruttoria')
export class RegolaValutataV1 {
  @Matches(/^[A-Z][A-Z0-9_]{1,60}$/)
  @Descrizione('Codice stabile della regola, es. ISEE_SOGLIA')
  codice: string;

  @IsIn(ESITI_REGOLA)
  esito: EsitoRegola;

  @IsString()
  @MaxLength(500)
  @Descrizione(
    'Motivo in italiano, con i valori usati (es. «ISEE sociosanitario € 18.500,00 entro la soglia di € 25.000,00»)',
  )
  motivo: string;
}

/** The ordering keys of the istanza in its graduatoria (what the rule set's ordering reads). */
export class ChiaviOrdinamentoV1 {
  @Nullable()
  @Centesimi()
  @Descrizione('ISEE usato (centesimi); null se assente')
  iseeCentesimi: number | null;

  @Intero({ min: 0, max: 150 })
  eta: number;

  @Intero({ min: 0, max: 3 })
  @Descrizione('Priorità garantita (Dopo di Noi): 0 nessuna, più alta prima')
  prioritaGarantita: number;

  @Intero({ min: 0, max: 400 })
  @Descrizione('Punteggio di urgenza (Dopo di Noi): somma delle quattro dimensioni')
  urgenza: number;
}

/** The result of evaluating one istanza with one rule set: reproducible from its snapshot. */
@DescrizioneClasse('Esito dell’istruttoria di un’istanza, con ogni regola e il suo motivo')
export class ValutazioneIstanzaV1 {
  @IsIn(ESITI_ISTRUTTORIA)
  esito: EsitoIstruttoria;

  @Nullable()
  @IsIn(AREE)
  @Descrizione('Area della graduatoria (dalla fascia d’età); null se nessuna fascia si applica')
  area: Area | null;

  @IsString()
  strumento: string;

  @Nullable()
  @Centesimi()
  @Descrizione('Importo mensile riconosciuto (strumenti mensili), centesimi')
  importoMensileCentesimi: number | null;

  @Nullable()
  @Centesimi()
  @Descrizione('Importo totale riconosciuto (per i mesi dell’avviso, o del progetto), centesimi')
  importoTotaleCentesimi: number | null;

  @Annidato(() => RegolaValutataV1, { lista: true })
  regole: RegolaValutataV1[];

  @Annidato(() => ChiaviOrdinamentoV1)
  chiavi: ChiaviOrdinamentoV1;

  @IsUUID()
  @Descrizione('Versione delle regole applicata')
  regoleId: string;

  @Matches(GIORNO_ESISTENTE)
  @Descrizione('Giorno a cui è riferita la valutazione (età, validità dell’ISEE)')
  dataRiferimento: string;
}
