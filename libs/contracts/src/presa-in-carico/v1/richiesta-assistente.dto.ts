import { IsIn, IsISO8601, IsOptional, IsString, IsUUID, Matches } from 'class-validator';
import { ConsensoRichiestaV1, NecessitaAssistenzaV1 } from '../../assistenti-familiari/v1/sportello.dto';
import { GIORNO_ESISTENTE } from '../../common/giorno';
import { Annidato, Descrizione, DescrizioneClasse, Intero, Nullable } from '../../common/schema-decorators';
import { OperatoreCartellaV1 } from './operatore.dto';

/*
 * Issue 11 point 4: the case manager proposes to the sportello assistenti familiari a richiesta for the
 * person of the cartella, when a valutazione shows the need and the person (or who represents it)
 * consents. Presa in carico keeps the link (the richiesta and its outcome); the sportello holds the
 * richiesta.
 */

export const STATI_RICHIESTA_ASSISTENTE = ['aperta', 'soddisfatta'] as const;
export type StatoRichiestaAssistente = (typeof STATI_RICHIESTA_ASSISTENTE)[number];

/** Request of `presa-in-carico.richiesta-assistente.proponi`. */
export class ProponiRichiestaAssistenteV1 extends NecessitaAssistenzaV1 {
  @IsUUID()
  @Descrizione('La cartella')
  id: string;

  @IsUUID()
  @Descrizione('La valutazione della cartella che mostra il bisogno di un assistente familiare')
  valutazioneId: string;

  @IsOptional()
  @Matches(/^\d{6}$/, { message: 'comune: codice ISTAT di 6 cifre' })
  @Descrizione('Comune dove si presta l’assistenza (ISTAT); quello di residenza se omesso')
  comune?: string;

  @Annidato(() => ConsensoRichiestaV1)
  @Descrizione('Il consenso della persona (o del familiare, dell’amministratore di sostegno, del tutore)')
  consenso: ConsensoRichiestaV1;
}

export class ElencaRichiesteAssistenteV1 {
  @IsUUID()
  @Descrizione('La cartella')
  id: string;
}

@DescrizioneClasse('Perché la valutazione mostra il bisogno: la soglia dei criteri in vigore che rispetta')
export class BisognoDimostratoV1 {
  @IsString()
  @Descrizione('Versione dei criteri del bisogno usata')
  versioneCriteri: string;

  @IsString()
  strumento: string;

  @Nullable()
  @Intero()
  punteggio: number | null;

  @IsString()
  spiegazione: string;
}

@DescrizioneClasse(
  'Una richiesta di assistente familiare proposta dalla cartella allo sportello, col suo esito',
)
export class RichiestaAssistenteV1 {
  @IsUUID()
  @Descrizione('La richiesta nello sportello assistenti familiari')
  richiestaId: string;

  @IsUUID()
  cartellaId: string;

  @IsUUID()
  valutazioneId: string;

  @Matches(GIORNO_ESISTENTE)
  valutazioneDel: string;

  @Annidato(() => BisognoDimostratoV1)
  bisogno: BisognoDimostratoV1;

  @Annidato(() => ConsensoRichiestaV1)
  consenso: ConsensoRichiestaV1;

  @Nullable()
  @IsString()
  @Descrizione('Lo sportello che la tiene (quello dell’area della famiglia)')
  sportello: string | null;

  @IsIn(STATI_RICHIESTA_ASSISTENTE)
  @Descrizione('`aperta` allo sportello; `soddisfatta` quando un contratto è firmato')
  stato: StatoRichiestaAssistente;

  @Nullable()
  @IsUUID()
  contrattoId: string | null;

  @Nullable()
  @IsISO8601()
  soddisfattaIl: string | null;

  @Annidato(() => OperatoreCartellaV1)
  propostaDa: OperatoreCartellaV1;

  @IsISO8601()
  propostaIl: string;
}
