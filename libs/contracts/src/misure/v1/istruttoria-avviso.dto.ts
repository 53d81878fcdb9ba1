import { IsIn, IsISO8601, IsNotEmpty, IsString, IsUUID, MaxLength } from 'class-validator';
import { Annidato, Descrizione, DescrizioneClasse, Intero, Nullable } from '../../common/schema-decorators';
import { ErroreApprovazioneV1 } from './graduatorie.dto';

/*
 * The istruttoria of a whole avviso (issue 9, point 11): every istanza of a closed avviso judged again
 * with `valutaIstanza` on its declarations and the sources' data of its last istruttoria, page by page,
 * resumable. Counts only: no personal data in the reply.
 */

/** `in-corso` (pages being judged), `completata` (every istanza), `interrotta` (a page failed: resumable). */
export const STATI_ISTRUTTORIA_AVVISO = ['in-corso', 'completata', 'interrotta'] as const;
export type StatoIstruttoriaAvviso = (typeof STATI_ISTRUTTORIA_AVVISO)[number];

export class IstruisciAvvisoV1 {
  @IsUUID()
  @Descrizione('Avviso chiuso le cui istanze istruire di nuovo')
  avvisoId: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  @Descrizione('Perché (es. chiusura della finestra, regole corrette con la delibera n. …)')
  motivo: string;
}

export class LeggiIstruttoriaAvvisoV1 {
  @IsUUID()
  avvisoId: string;
}

@DescrizioneClasse('L’istruttoria di tutte le istanze di un avviso: stato e avanzamento')
export class IstruttoriaAvvisoV1 {
  @IsUUID()
  id: string;

  @IsUUID()
  avvisoId: string;

  @IsIn(STATI_ISTRUTTORIA_AVVISO)
  @Descrizione('in-corso, completata, interrotta (una nuova richiesta riprende dalla pagina non riuscita)')
  stato: StatoIstruttoriaAvviso;

  @IsString()
  causa: string;

  @Intero({ min: 0 })
  @Descrizione('Istanze dell’avviso da istruire all’avvio')
  istanzeTotali: number;

  @Intero({ min: 0 })
  @Descrizione('Istanze istruite finora (pagine registrate)')
  istanzeIstruite: number;

  @Intero({ min: 0 })
  @Descrizione('Istanze il cui esito è cambiato')
  esitiCambiati: number;

  @IsString()
  avviataDa: string;

  @IsISO8601()
  avviataIl: string;

  @Nullable()
  @IsISO8601()
  conclusaIl: string | null;

  @Nullable()
  @Annidato(() => ErroreApprovazioneV1)
  ultimoErrore: ErroreApprovazioneV1 | null;
}
