import { VoceAuditEntity } from '@ambito/audit';
import { AccessoEntity } from '../accessi/accesso.entity';
import { AnnotazioneEntity } from '../accessi/annotazione.entity';
import { PersonaEntity } from '../persone/persona.entity';

export const ACCESSO_ENTITIES = [PersonaEntity, AccessoEntity, AnnotazioneEntity, VoceAuditEntity];
