import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
} from 'class-validator';
import { GIORNO_ESISTENTE } from '../../common/giorno';
import { Annidato, Descrizione, DescrizioneClasse, Intero, Nullable } from '../../common/schema-decorators';
import { FonteParametroV1 } from '../../misure/v1/regole.dto';
import {
  MODI_PROVA_LINGUA,
  TITOLI_ASSISTENTE,
  type ModoProvaLingua,
  type TitoloAssistente,
} from './vocabolari';

const PAESE = /^[A-Z]{2}$/;

/** How the ambito accepts the proof of Italian (regole-lombardia §4.2: configurable per ambito). */
export class ProvaLinguaRichiestaV1 {
  @IsArray()
  @ArrayMinSize(1)
  @ArrayUnique()
  @IsIn(MODI_PROVA_LINGUA, { each: true })
  @Descrizione('Modi di prova ammessi: diploma-secondaria-italia, certificato-a2, autodichiarazione')
  modiAmmessi: ModoProvaLingua[];

  @IsArray()
  @ArrayMaxSize(30)
  @IsString({ each: true })
  @MaxLength(120, { each: true })
  @Descrizione(
    'Enti certificatori riconosciuti per il certificato A2 (Roma Tre, Perugia, Siena, Dante Alighieri, CPIA)',
  )
  entiCertificatoriA2: string[];

  @IsArray()
  @ArrayMaxSize(30)
  @Matches(PAESE, { each: true, message: 'cittadinanzeEsenti: codici ISO 3166 di due lettere maiuscole' })
  @Descrizione('Cittadinanze per cui la prova non è richiesta (es. IT)')
  cittadinanzeEsenti: string[];
}

/** The parameters of a version of the requirements (L.R. 15/2015 art. 7 c. 3-5 and DGR 5648/2016). */
export class ParametriRequisitiV1 {
  @Intero({ min: 14, max: 30 })
  @Descrizione('Età minima alla presentazione (anni compiuti)')
  etaMinima: number;

  @IsArray()
  @ArrayMaxSize(40)
  @Matches(PAESE, { each: true, message: 'paesiUe: codici ISO 3166 di due lettere maiuscole' })
  @Descrizione('Cittadinanze UE/SEE/CH: le altre sono extra-UE (permesso di soggiorno, titoli ristretti)')
  paesiUe: string[];

  @IsArray()
  @ArrayMinSize(1)
  @ArrayUnique()
  @IsIn(TITOLI_ASSISTENTE, { each: true })
  @Descrizione('Titoli che danno diritto all’iscrizione (ne basta uno)')
  titoliAmmessi: TitoloAssistente[];

  @IsArray()
  @ArrayUnique()
  @IsIn(TITOLI_ASSISTENTE, { each: true })
  @Descrizione('Titoli ammessi per i cittadini extra-UE (art. 7 c. 4: attestati o esperienza)')
  titoliExtraUe: TitoloAssistente[];

  @Intero({ min: 1, max: 5000 })
  @Descrizione('Ore minime dell’attestato di altre Regioni')
  oreMinimeAttestato: number;

  @Intero({ min: 1, max: 120 })
  @Descrizione('Mesi minimi di esperienza con regolare contratto')
  mesiMinimiEsperienza: number;

  @IsBoolean()
  @Descrizione('Extra-UE: titolo di soggiorno valido per lavoro subordinato richiesto')
  permessoPerLavoroExtraUe: boolean;

  @Annidato(() => ProvaLinguaRichiestaV1)
  provaLingua: ProvaLinguaRichiestaV1;
}

/** A version of the requirements of a registro, with its validity and sources. */
export class RequisitiIscrizioneV1 {
  @IsUUID()
  id: string;

  @IsString()
  @Descrizione('Registro: il codice dell’Ambito')
  registro: string;

  @Intero({ min: 1 })
  versione: number;

  @Matches(GIORNO_ESISTENTE)
  validoDal: string;

  @Nullable()
  @Matches(GIORNO_ESISTENTE)
  validoAl: string | null;

  @Annidato(() => FonteParametroV1, { lista: true })
  fonti: FonteParametroV1[];

  @Annidato(() => ParametriRequisitiV1)
  parametri: ParametriRequisitiV1;

  @IsString()
  creataDa: string;
}

/** Request of `assistenti-familiari.requisiti.leggi`: the version in force on a day (today by default). */
export class LeggiRequisitiV1 {
  @IsOptional()
  @Matches(GIORNO_ESISTENTE, { message: 'giorno: data nel formato AAAA-MM-GG' })
  @Descrizione('Giorno di riferimento (AAAA-MM-GG); vuoto: oggi')
  giorno?: string;
}

/** Request of `assistenti-familiari.requisiti.pubblica`: a new version from a day; the previous one ends the day before. */
export class PubblicaRequisitiV1 {
  @Matches(GIORNO_ESISTENTE, { message: 'validoDal: data nel formato AAAA-MM-GG' })
  validoDal: string;

  @Annidato(() => FonteParametroV1, { lista: true })
  @ArrayMinSize(1)
  @ArrayMaxSize(40)
  fonti: FonteParametroV1[];

  @Annidato(() => ParametriRequisitiV1)
  parametri: ParametriRequisitiV1;
}

export const ESITI_REQUISITO = ['soddisfatto', 'non-soddisfatto', 'non-applicabile'] as const;
export type EsitoRequisito = (typeof ESITI_REQUISITO)[number];

@DescrizioneClasse('Un requisito verificato, con il suo esito e il motivo in italiano')
export class RequisitoVerificatoV1 {
  @IsString()
  @Descrizione('Codice del requisito, es. ETA_MINIMA, PERMESSO_SOGGIORNO, TITOLO, LINGUA_ITALIANA')
  codice: string;

  @IsIn(ESITI_REQUISITO)
  esito: EsitoRequisito;

  @IsString()
  @IsNotEmpty()
  motivo: string;
}

export const ESITI_VERIFICA = ['idoneo', 'non-idoneo'] as const;
export type EsitoVerifica = (typeof ESITI_VERIFICA)[number];

@DescrizioneClasse(
  'La verifica dei requisiti di una candidatura: la versione delle regole, il giorno e ogni requisito',
)
export class VerificaRequisitiV1 {
  @IsIn(ESITI_VERIFICA)
  esito: EsitoVerifica;

  @IsUUID()
  requisitiId: string;

  @Intero({ min: 1 })
  versioneRequisiti: number;

  @Matches(GIORNO_ESISTENTE)
  giorno: string;

  @IsBoolean()
  @Descrizione('Cittadinanza UE/SEE/CH secondo le regole applicate')
  cittadinoUe: boolean;

  @Annidato(() => RequisitoVerificatoV1, { lista: true })
  requisiti: RequisitoVerificatoV1[];
}
