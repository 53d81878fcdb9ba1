import { OmitType } from '@nestjs/swagger';
import {
  DecidiVariazioneV1,
  ElencaRegoleFondoV1,
  LiberaImpegnoV1,
  RegistraLiquidazioneV1,
  RegistraMandatoV1,
  SituazioneFondoV1,
  SituazioneLineaV1,
} from '@ambito/contracts';

/** Body of `POST /budget/impegni/{id}/liberazioni`: the id comes from the path. */
export class LiberaImpegnoBodyV1 extends OmitType(LiberaImpegnoV1, ['id'] as const) {}

/** Body of `POST /budget/impegni/{id}/liquidazioni`: the impegno comes from the path. */
export class RegistraLiquidazioneBodyV1 extends OmitType(RegistraLiquidazioneV1, ['impegnoId'] as const) {}

/** Query of `GET /budget/fondi/{codice}/situazione`: the fund comes from the path. */
export class SituazioneFondoQueryV1 extends OmitType(SituazioneFondoV1, ['fondo'] as const) {}

/** Query of `GET /budget/linee/{codice}/situazione`: the line comes from the path. */
export class SituazioneLineaQueryV1 extends OmitType(SituazioneLineaV1, ['linea'] as const) {}

/** Body of `POST /budget/variazioni/{id}/decisione`: the id comes from the path. */
export class DecidiVariazioneBodyV1 extends OmitType(DecidiVariazioneV1, ['id'] as const) {}

/** Body of `PUT /budget/liquidazioni/{id}/mandato`: the liquidazione comes from the path. */
export class RegistraMandatoBodyV1 extends OmitType(RegistraMandatoV1, ['liquidazioneId'] as const) {}

/** Query of `GET /budget/fondi/{codice}/regole`: the fund comes from the path. */
export class ElencaRegoleQueryV1 extends OmitType(ElencaRegoleFondoV1, ['fondo'] as const) {}
