import { IsArray, IsIn, IsInt, IsISO8601, IsString, IsUUID, Matches } from 'class-validator';
import { GIORNO_ESISTENTE } from '../../common/giorno';
import { Descrizione, DescrizioneClasse, Nullable } from '../../common/schema-decorators';
import {
  CAUSE_CANCELLAZIONE,
  CAUSE_SOSPENSIONE_ISCRIZIONE,
  CAMPI_PUBBLICABILI,
  type CampoPubblicabile,
  type CausaCancellazione,
  type CausaSospensioneIscrizione,
} from './vocabolari';

/* Payloads of the registro's events: ids and codes only, never personal data. */

@DescrizioneClasse('Un assistente familiare è stato iscritto nel registro dell’Ambito')
export class AssistenteIscrittoV1 {
  @IsUUID()
  iscrizioneId: string;

  @IsUUID()
  assistenteId: string;

  @IsString()
  registro: string;

  @IsString()
  sportello: string;

  @Matches(GIORNO_ESISTENTE)
  iscrittaIl: string;

  @IsUUID()
  requisitiId: string;
}

@DescrizioneClasse('Un’iscrizione è stata sospesa (es. permesso di soggiorno scaduto)')
export class IscrizioneSospesaV1 {
  @IsUUID()
  iscrizioneId: string;

  @IsUUID()
  assistenteId: string;

  @IsString()
  registro: string;

  @IsIn(CAUSE_SOSPENSIONE_ISCRIZIONE)
  causa: CausaSospensioneIscrizione;

  @Matches(GIORNO_ESISTENTE)
  dal: string;
}

@DescrizioneClasse('Un’iscrizione sospesa è tornata attiva (es. permesso rinnovato)')
export class IscrizioneRiattivataV1 {
  @IsUUID()
  iscrizioneId: string;

  @IsUUID()
  assistenteId: string;

  @IsString()
  registro: string;

  @Nullable()
  @Matches(GIORNO_ESISTENTE)
  permessoScadenza: string | null;
}

@DescrizioneClasse('Un’iscrizione è stata cancellata dal registro, con la sua causa')
export class IscrizioneCancellataV1 {
  @IsUUID()
  iscrizioneId: string;

  @IsUUID()
  assistenteId: string;

  @IsString()
  registro: string;

  @IsIn(CAUSE_CANCELLAZIONE)
  causa: CausaCancellazione;

  @IsISO8601()
  il: string;
}

@DescrizioneClasse('La scheda di un’iscrizione è cambiata in ciò che il registro pubblico mostra')
export class SchedaPubblicaModificataV1 {
  @IsUUID()
  iscrizioneId: string;

  @IsUUID()
  assistenteId: string;

  @IsString()
  registro: string;

  @IsInt()
  versioneScheda: number;

  @IsArray()
  @IsIn(CAMPI_PUBBLICABILI, { each: true })
  @Descrizione('I campi pubblici cambiati (o pubblicati/ritirati col nuovo consenso)')
  campi: CampoPubblicabile[];

  @IsISO8601()
  il: string;
}
