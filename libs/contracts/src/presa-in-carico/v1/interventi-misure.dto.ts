import { IsIn, IsString, IsUUID, Matches } from 'class-validator';
import { ISO_DATE_PATTERN } from '../../accesso/v1/persona.dto';
import { MESE_ESISTENTE } from '../../common/giorno';
import {
  Annidato,
  Centesimi,
  Descrizione,
  DescrizioneClasse,
  Intero,
  Nullable,
} from '../../common/schema-decorators';

/*
 * The interventi that come from the misure service (issue 10, points 1 and 7): each beneficio granted to
 * the person of a cartella, kept by presa in carico from misure's events (concesso, sospeso, ripreso,
 * revocato, cessato, erogazione liquidata) and shown with the cartella and its progetti, so the case
 * manager sees the measure without typing it twice. Approved progetto versions are never rewritten:
 * these interventi live beside them.
 */

/** `attivo` (paid), `sospeso` (a suspension covers today), `revocato`, `cessato` (as misure says). */
export const STATI_INTERVENTO_MISURA = ['attivo', 'sospeso', 'revocato', 'cessato'] as const;
export type StatoInterventoMisura = (typeof STATI_INTERVENTO_MISURA)[number];

@DescrizioneClasse('Periodo in cui l’intervento da misure è sospeso')
export class SospensioneInterventoMisuraV1 {
  @IsUUID()
  sospensioneId: string;

  @Matches(ISO_DATE_PATTERN)
  @Descrizione('Primo giorno sospeso')
  dal: string;

  @Nullable()
  @Matches(ISO_DATE_PATTERN)
  @Descrizione('Ultimo giorno sospeso; null: fino a nuova comunicazione')
  al: string | null;
}

@DescrizioneClasse('Intervento da una misura (B2, Dopo di Noi, Pro.Vi.) concesso alla persona della cartella')
export class InterventoMisuraV1 {
  @IsUUID()
  id: string;

  @IsUUID()
  @Descrizione('L’istanza della misura')
  istanzaId: string;

  @IsUUID()
  @Descrizione('L’impegno nel budget che lo finanzia')
  impegnoId: string;

  @Nullable()
  @IsUUID()
  @Descrizione('Il beneficio nel servizio misure; null finché nessun suo evento lo ha nominato')
  beneficioId: string | null;

  @IsString()
  @Descrizione('b2, dopo-di-noi, pro-vi')
  misura: string;

  @IsString()
  strumento: string;

  @Nullable()
  @Centesimi()
  @Descrizione('Importo mensile; null per un importo di progetto')
  importoMensileCentesimi: number | null;

  @Centesimi()
  importoTotaleCentesimi: number;

  @Matches(ISO_DATE_PATTERN)
  dal: string;

  @Matches(ISO_DATE_PATTERN)
  al: string;

  @IsString()
  @Descrizione('Linea del budget')
  linea: string;

  @IsString()
  fondo: string;

  @Intero({ min: 2000, max: 2100 })
  annoFondo: number;

  @IsIn(STATI_INTERVENTO_MISURA)
  stato: StatoInterventoMisura;

  @Nullable()
  @Matches(ISO_DATE_PATTERN)
  @Descrizione('Revoca o cessazione: primo giorno per cui nulla è dovuto')
  terminaDal: string | null;

  @Annidato(() => SospensioneInterventoMisuraV1, { lista: true })
  sospensioni: SospensioneInterventoMisuraV1[];

  @Intero({ min: 0 })
  @Descrizione('Mensilità liquidate')
  mesiLiquidati: number;

  @Nullable()
  @Matches(MESE_ESISTENTE)
  @Descrizione('Ultimo mese liquidato, AAAA-MM')
  ultimoMeseLiquidato: string | null;

  @Centesimi()
  @Descrizione('Totale liquidato')
  liquidatoCentesimi: number;
}
