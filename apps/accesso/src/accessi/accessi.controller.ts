import {
  ACCESSO_RPC,
  AggiornaAccessoV1,
  AnnotaAccessoV1,
  ChiudiAccessoV1,
  ElencaAccessiV1,
  LeggiAccessoV1,
  RegistraAccessoV1,
  type AccessoV1,
  type PaginaV1,
} from '@ambito/contracts';
import { AccessiService } from './accessi.service';
import { RpcController, RpcHandler } from '@ambito/messaging';

@RpcController()
export class AccessiController {
  constructor(private readonly accessi: AccessiService) {}

  @RpcHandler(ACCESSO_RPC.registraAccesso)
  registra(dto: RegistraAccessoV1): Promise<AccessoV1> {
    return this.accessi.registra(dto);
  }

  @RpcHandler(ACCESSO_RPC.aggiornaAccesso)
  aggiorna(dto: AggiornaAccessoV1): Promise<AccessoV1> {
    return this.accessi.aggiorna(dto);
  }

  @RpcHandler(ACCESSO_RPC.chiudiAccesso)
  chiudi(dto: ChiudiAccessoV1): Promise<AccessoV1> {
    return this.accessi.chiudi(dto);
  }

  @RpcHandler(ACCESSO_RPC.annotaAccesso)
  annota(dto: AnnotaAccessoV1): Promise<AccessoV1> {
    return this.accessi.annota(dto);
  }

  @RpcHandler(ACCESSO_RPC.leggiAccesso)
  leggi(dto: LeggiAccessoV1): Promise<AccessoV1> {
    return this.accessi.leggi(dto.id);
  }

  @RpcHandler(ACCESSO_RPC.elencaAccessi)
  elenca(dto: ElencaAccessiV1): Promise<PaginaV1<AccessoV1>> {
    return this.accessi.elenca(dto);
  }
}
