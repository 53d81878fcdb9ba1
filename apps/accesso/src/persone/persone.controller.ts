import { RpcController } from '@ambito/service-runtime';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  ACCESSO_RPC,
  CercaPersoneV1,
  LeggiPersonaV1,
  RegistraPersonaV1,
  type PaginaV1,
  type PersonaV1,
} from '@ambito/contracts';
import { PersoneService } from './persone.service';

@RpcController()
export class PersoneController {
  constructor(private readonly persone: PersoneService) {}

  @MessagePattern(ACCESSO_RPC.registraPersona)
  registra(@Payload() dto: RegistraPersonaV1): Promise<PersonaV1> {
    return this.persone.registra(dto);
  }

  @MessagePattern(ACCESSO_RPC.leggiPersona)
  leggi(@Payload() dto: LeggiPersonaV1): Promise<PersonaV1> {
    return this.persone.leggi(dto.id);
  }

  @MessagePattern(ACCESSO_RPC.cercaPersone)
  cerca(@Payload() dto: CercaPersoneV1): Promise<PaginaV1<PersonaV1>> {
    return this.persone.cerca(dto);
  }
}
