import { ACCESSO_RPC, LeggiTerritorioV1, type TerritorioV1 } from '@ambito/contracts';
import { currentActor, RpcController, RpcHandler } from '@ambito/messaging';
import { TerritorioService } from './territorio.service';

@RpcController()
export class TerritorioController {
  constructor(private readonly territorio: TerritorioService) {}

  /** Public configuration of the ambito, for any authenticated user. */
  @RpcHandler(ACCESSO_RPC.leggiTerritorio)
  leggi(dto: LeggiTerritorioV1): TerritorioV1 {
    currentActor();
    return this.territorio.leggi(dto.subAmbito);
  }
}
