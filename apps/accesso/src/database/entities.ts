import { AccessoEntity } from '../accessi/accesso.entity';
import { AnnotazioneEntity } from '../accessi/annotazione.entity';
import { VoceAuditEntity } from '../audit/voce-audit.entity';
import { PersonaEntity } from '../persone/persona.entity';

export const ACCESSO_ENTITIES = [PersonaEntity, AccessoEntity, AnnotazioneEntity, VoceAuditEntity];
