import { RpcController } from '@ambito/service-runtime';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { ACCESSO_RPC, LeggiTerritorioV1, type TerritorioV1 } from '@ambito/contracts';
import { currentActor } from '@ambito/messaging';
import { TerritorioService } from './territorio.service';

@RpcController()
export class TerritorioController {
  constructor(private readonly territorio: TerritorioService) {}

  /** Public configuration of the ambito, for any authenticated user. */
  @MessagePattern(ACCESSO_RPC.leggiTerritorio)
  leggi(@Payload() dto: LeggiTerritorioV1): TerritorioV1 {
    currentActor();
    return this.territorio.leggi(dto.subAmbito);
  }
}
