import { IsBoolean, IsUUID } from 'class-validator';
import { Descrizione, DescrizioneClasse } from '../../common/schema-decorators';

/** `presa-in-carico.cartella.leggi-per-misure`: the presa in carico of the person of an istanza. */
export class LeggiStatoPerMisureV1 {
  @IsUUID()
  @Descrizione('La persona dell’anagrafe di accesso')
  personaId: string;
}

/**
 * What the istruttoria of the misure needs from the person's cartella (a grant requires a completed
 * valutazione and an approved progetto; Dopo di Noi the équipe's clinical and social assessment and a
 * budget di progetto): four facts, no content. All false when the person has no cartella in carico.
 */
@DescrizioneClasse('Lo stato della presa in carico di una persona, per l’istruttoria delle misure')
export class StatoPerMisureV1 {
  @IsBoolean()
  @Descrizione('Almeno una valutazione multidimensionale nell’episodio in corso della cartella')
  valutazioneCompletata: boolean;

  @IsBoolean()
  @Descrizione(
    'Una valutazione con uno strumento che richiede un’équipe con componente clinica e sociale (es. DDN, Dopo di Noi)',
  )
  valutazioneClinicaSociale: boolean;

  @IsBoolean()
  @Descrizione('Il progetto personalizzato o individuale in vigore è approvato dal Comune')
  progettoApprovato: boolean;

  @IsBoolean()
  @Descrizione(
    'Il progetto approvato ha un budget di progetto: interventi con costo e fonte, o altre risorse',
  )
  budgetDiProgetto: boolean;
}
