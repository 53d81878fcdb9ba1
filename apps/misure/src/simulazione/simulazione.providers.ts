import { SimulazioneController } from './simulazione.controller';
import { SimulazioneAvviso } from './simulazione.service';

export const SIMULAZIONE_CONTROLLERS = [SimulazioneController];
export const SIMULAZIONE_PROVIDERS = [SimulazioneAvviso];
