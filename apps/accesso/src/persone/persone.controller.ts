import {
  ACCESSO_RPC,
  CercaPersoneV1,
  LeggiPersonaV1,
  RegistraPersonaV1,
  type PaginaV1,
  type PersonaV1,
} from '@ambito/contracts';
import { PersoneService } from './persone.service';
import { RpcController, RpcHandler } from '@ambito/messaging';

@RpcController()
export class PersoneController {
  constructor(private readonly persone: PersoneService) {}

  @RpcHandler(ACCESSO_RPC.registraPersona)
  registra(dto: RegistraPersonaV1): Promise<PersonaV1> {
    return this.persone.registra(dto);
  }

  @RpcHandler(ACCESSO_RPC.leggiPersona)
  leggi(dto: LeggiPersonaV1): Promise<PersonaV1> {
    return this.persone.leggi(dto.id);
  }

  @RpcHandler(ACCESSO_RPC.cercaPersone)
  cerca(dto: CercaPersoneV1): Promise<PaginaV1<PersonaV1>> {
    return this.persone.cerca(dto);
  }
}
