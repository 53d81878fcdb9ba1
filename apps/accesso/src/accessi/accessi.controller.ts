import { RpcController } from '@ambito/service-runtime';
import { MessagePattern, Payload } from '@nestjs/microservices';
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

@RpcController()
export class AccessiController {
  constructor(private readonly accessi: AccessiService) {}

  @MessagePattern(ACCESSO_RPC.registraAccesso)
  registra(@Payload() dto: RegistraAccessoV1): Promise<AccessoV1> {
    return this.accessi.registra(dto);
  }

  @MessagePattern(ACCESSO_RPC.aggiornaAccesso)
  aggiorna(@Payload() dto: AggiornaAccessoV1): Promise<AccessoV1> {
    return this.accessi.aggiorna(dto);
  }

  @MessagePattern(ACCESSO_RPC.chiudiAccesso)
  chiudi(@Payload() dto: ChiudiAccessoV1): Promise<AccessoV1> {
    return this.accessi.chiudi(dto);
  }

  @MessagePattern(ACCESSO_RPC.annotaAccesso)
  annota(@Payload() dto: AnnotaAccessoV1): Promise<AccessoV1> {
    return this.accessi.annota(dto);
  }

  @MessagePattern(ACCESSO_RPC.leggiAccesso)
  leggi(@Payload() dto: LeggiAccessoV1): Promise<AccessoV1> {
    return this.accessi.leggi(dto.id);
  }

  @MessagePattern(ACCESSO_RPC.elencaAccessi)
  elenca(@Payload() dto: ElencaAccessiV1): Promise<PaginaV1<AccessoV1>> {
    return this.accessi.elenca(dto);
  }
}
