import { IsBoolean, IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { TestoMultiriga } from '../../common/input-pulito';
import { Descrizione, DescrizioneClasse, Intero } from '../../common/schema-decorators';

/**
 * Largest GePI file accepted (characters): 500 households take about 80,000; the gateway takes JSON
 * bodies up to 256 kB.
 */
export const MAX_CARATTERI_FILE_GEPI = 200_000;

/** `integrazioni.gepi.importa`: a CSV export of GePI's list of ADI households, as text. */
export class ImportaNucleiGepiV1 {
  @IsString()
  @IsNotEmpty({ message: 'nomeFile: obbligatorio' })
  @MaxLength(200)
  @Descrizione('Nome del file esportato da GePI')
  nomeFile: string;

  @IsString()
  @IsNotEmpty({ message: 'contenuto: il file è vuoto' })
  @MaxLength(MAX_CARATTERI_FILE_GEPI, {
    message: 'contenuto: file troppo grande (al massimo 200.000 caratteri)',
  })
  @TestoMultiriga()
  @Descrizione('Il CSV esportato da GePI (separatore `;`, intestazioni come in docs/gepi.md)')
  contenuto: string;
}

@DescrizioneClasse('Esito di un’importazione GePI: conteggi, nessun dato personale')
export class ImportazioneGepiV1 {
  @IsString()
  id: string;

  @IsString()
  nomeFile: string;

  @Matches(/^[0-9a-f]{64}$/)
  @Descrizione('SHA-256 del contenuto: lo stesso file importato di nuovo non cambia nulla')
  impronta: string;

  @IsString()
  @Descrizione('Versione della mappatura delle colonne usata')
  mappatura: string;

  @Intero({ min: 0 })
  righe: number;

  @Intero({ min: 0 })
  @Descrizione('Nuclei che hanno aperto una cartella')
  aperte: number;

  @Intero({ min: 0 })
  @Descrizione('Nuclei uniti alla cartella che il richiedente aveva già')
  unite: number;

  @Intero({ min: 0 })
  @Descrizione('Nuclei già importati prima (stessa domanda)')
  giaPresenti: number;

  @Intero({ min: 0 })
  @Descrizione('Richiedenti trovati nell’anagrafe di accesso')
  personeInAnagrafe: number;

  @IsString()
  importataIl: string;

  @IsBoolean()
  @Descrizione('Vero se lo stesso file era già stato importato: nessun effetto')
  ripetuta: boolean;
}

/** `integrazioni.gepi.esporta-patti`: the coordinator's sub-ambiti, or one of them. */
export class EsportaPattiGepiV1 {
  @IsOptional()
  @IsString()
  @MaxLength(50)
  @Descrizione('Uno dei propri sub-ambiti; tutti se assente')
  subAmbito?: string;
}

@DescrizioneClasse('I patti per l’inclusione e i monitoraggi da riportare in GePI, nel tracciato documentato')
export class EsportazionePattiGepiV1 {
  @IsString()
  @Descrizione('Versione del tracciato')
  tracciato: string;

  @Intero({ min: 0 })
  righe: number;

  @IsString()
  @Descrizione('Il CSV (separatore `;`, UTF-8)')
  csv: string;
}
