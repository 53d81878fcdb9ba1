import { OmitType } from '@nestjs/swagger';
import {
  AggiornaNucleoV1,
  AnnotaDiarioV1,
  ApprovaProgettoV1,
  AssegnaEquipeCasoV1,
  AssegnaCartellaV1,
  ChiudiCartellaV1,
  ProponiProgettoV1,
  RegistraValutazioneV1,
  RegistraVerificaV1,
  RespingiProgettoV1,
  TrasferisciCartellaV1,
} from '@ambito/contracts';

/** Bodies of the cartella routes: the contract's command without the id, which comes from the path. */
export class AssegnaCartellaBodyV1 extends OmitType(AssegnaCartellaV1, ['id'] as const) {}
export class ChiudiCartellaBodyV1 extends OmitType(ChiudiCartellaV1, ['id'] as const) {}
export class AnnotaDiarioBodyV1 extends OmitType(AnnotaDiarioV1, ['id'] as const) {}
export class RegistraValutazioneBodyV1 extends OmitType(RegistraValutazioneV1, ['id'] as const) {}
export class ProponiProgettoBodyV1 extends OmitType(ProponiProgettoV1, ['id'] as const) {}
export class ApprovaProgettoBodyV1 extends OmitType(ApprovaProgettoV1, ['id'] as const) {}
export class RespingiProgettoBodyV1 extends OmitType(RespingiProgettoV1, ['id'] as const) {}
export class RegistraVerificaBodyV1 extends OmitType(RegistraVerificaV1, ['id'] as const) {}
export class TrasferisciCartellaBodyV1 extends OmitType(TrasferisciCartellaV1, ['id'] as const) {}
export class AssegnaEquipeCasoBodyV1 extends OmitType(AssegnaEquipeCasoV1, ['id'] as const) {}
export class AggiornaNucleoBodyV1 extends OmitType(AggiornaNucleoV1, ['id'] as const) {}
