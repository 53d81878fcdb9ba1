import { OmitType } from '@nestjs/swagger';
import { AggiornaAccessoV1 } from '@ambito/contracts';

/** Body of `PATCH /accessi/{id}`: the contract's command without the id, which comes from the path. */
export class AggiornaAccessoBodyV1 extends OmitType(AggiornaAccessoV1, ['id'] as const) {}
