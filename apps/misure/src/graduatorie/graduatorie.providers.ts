import { ApprovazioneGraduatorie } from './approvazione.service';
import { FormazioneGraduatorie } from './formazione.service';
import { GraduatorieController } from './graduatorie.controller';
import { ImpegniBudget } from './impegni-budget';

export { IMPEGNI_PER_LOTTO } from './impegni-budget';
import { ScorrimentoGraduatorie } from './scorrimento.service';

/** The graduatorie feature, listed in MisureModule (one line there per lane keeps merges simple). */
export const GRADUATORIE_CONTROLLERS = [GraduatorieController];
export const GRADUATORIE_PROVIDERS = [
  FormazioneGraduatorie,
  ApprovazioneGraduatorie,
  ScorrimentoGraduatorie,
  ImpegniBudget,
];
