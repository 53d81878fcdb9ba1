import { IsIn, IsOptional, IsString } from 'class-validator';
import { Annidato, Descrizione, ERROR_KINDS, Intero } from '@ambito/contracts';

/** Schema of a field in error (the published description of `FieldError`). */
export class CampoInErrore {
  @IsString()
  @Descrizione('Campo non valido (percorso con i punti per i campi annidati)')
  campo: string;

  @IsString({ each: true })
  @Descrizione('Perché non è valido, in italiano')
  messaggi: string[];
}

/** Schema of `ProblemDetails` (RFC 9457) for the published API description. */
export class Problema {
  @IsString()
  @Descrizione('`https://ambito.example/problemi/<codice>` oppure `about:blank`')
  type: string;

  @IsString()
  @Descrizione('Titolo del tipo di errore')
  title: string;

  @Intero({ min: 100, max: 599 })
  @Descrizione('Stato HTTP')
  status: number;

  @IsString()
  @Descrizione('Spiegazione per l’operatore')
  detail: string;

  @IsIn(Object.keys(ERROR_KINDS))
  @Descrizione('Codice stabile dell’errore')
  code: string;

  @IsString()
  @Descrizione('Percorso della richiesta')
  instance: string;

  @IsString()
  @Descrizione('Identificativo di correlazione (header `X-Correlation-Id`)')
  correlationId: string;

  @IsOptional()
  @Annidato(() => CampoInErrore, { lista: true })
  @Descrizione('Campi non validi')
  errori?: CampoInErrore[];
}

/** `GET /status` when the service is up (problem+json without an error, for the API catalogue). */
export class StatoServizio {
  @IsString()
  type: string;

  @IsString()
  title: string;

  @Intero({ min: 100, max: 599 })
  status: number;

  @IsString()
  detail: string;
}
