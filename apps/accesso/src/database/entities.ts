import { VoceAuditEntity } from '@ambito/audit';
import { AccessoEntity } from '../accessi/accesso.entity';
import { AnnotazioneEntity } from '../accessi/annotazione.entity';
import { PersonaEntity } from '../persone/persona.entity';
import { RicoveroEntity } from '../persone/ricoveri/ricovero.entity';

export const ACCESSO_ENTITIES = [
  PersonaEntity,
  AccessoEntity,
  AnnotazioneEntity,
  RicoveroEntity,
  VoceAuditEntity,
];
