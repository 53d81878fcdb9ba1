import { VoceAuditEntity } from '@ambito/audit';
import { AssegnazioneEntity } from '../cartelle/assegnazione.entity';
import { CartellaEntity } from '../cartelle/cartella.entity';
import { MembroNucleoEntity } from '../cartelle/membro-nucleo.entity';
import { PartecipazioneEntity } from '../cartelle/partecipazione.entity';
import { PropostaEntity } from '../cartelle/proposta.entity';
import { VoceDiarioEntity } from '../cartelle/voce-diario.entity';
import { MembroEquipeEntity } from '../equipe/membro-equipe.entity';
import { InterventoEntity } from '../progetti/intervento.entity';
import { ProgettoEntity } from '../progetti/progetto.entity';
import { VerificaEntity } from '../progetti/verifica.entity';
import { StrumentoEntity } from '../valutazioni/strumento.entity';
import { ValutazioneEntity } from '../valutazioni/valutazione.entity';

export const PRESA_IN_CARICO_ENTITIES = [
  MembroEquipeEntity,
  CartellaEntity,
  PropostaEntity,
  AssegnazioneEntity,
  PartecipazioneEntity,
  MembroNucleoEntity,
  StrumentoEntity,
  ValutazioneEntity,
  ProgettoEntity,
  InterventoEntity,
  VerificaEntity,
  VoceDiarioEntity,
  VoceAuditEntity,
];
