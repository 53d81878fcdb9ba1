import { OmitType } from '@nestjs/swagger';
import { AnnotaAccessoV1 } from '@ambito/contracts';

/** Body of `POST /accessi/{id}/annotazioni`: the contract's command without the id, which comes from the path. */
export class AnnotaAccessoBodyV1 extends OmitType(AnnotaAccessoV1, ['id'] as const) {}
