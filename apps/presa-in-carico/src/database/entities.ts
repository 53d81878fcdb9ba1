import { VoceAuditEntity } from '@ambito/audit';
import { NucleoAdiEntity } from '../adi/nucleo-adi.entity';
import { AssegnazioneEntity } from '../cartella/assegnazione.entity';
import { CartellaEntity } from '../cartella/cartella.entity';
import { MembroNucleoEntity } from '../cartella/membro-nucleo.entity';
import { PartecipazioneEntity } from '../cartella/partecipazione.entity';
import { PropostaEntity } from '../cartella/proposta.entity';
import { VoceDiarioEntity } from '../cartella/voce-diario.entity';
import { MembroEquipeEntity } from '../equipe/membro-equipe.entity';
import { ParametroEntity } from '../leps/parametro.entity';
import { InterventoEntity } from '../progetti/intervento.entity';
import { ProgettoEntity } from '../progetti/progetto.entity';
import { RisorsaProgettoEntity } from '../progetti/risorsa-progetto.entity';
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
  RisorsaProgettoEntity,
  VerificaEntity,
  VoceDiarioEntity,
  VoceAuditEntity,
  ParametroEntity,
  NucleoAdiEntity,
];
