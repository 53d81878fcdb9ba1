import {
  ACCESSO_RPC,
  AggiornaPersonaV1,
  RegistraDecessoV1,
  CercaPersoneV1,
  LeggiPersonaV1,
  RegistraPersonaV1,
  type PaginaPersoneV1,
  type PersonaV1,
} from '@ambito/contracts';
import { RpcController, RpcHandler } from '@ambito/messaging';
import { CercaPersoneQuery, LeggiPersonaQuery } from './lettura/persone.queries';
import { RegistraPersonaUseCase } from './registrazione/registra-persona.use-case';
import { AggiornaPersonaUseCase } from './modifica/aggiorna-persona.use-case';

/** The persona registry's subjects: each handler hands the validated request to its use case. */
@RpcController()
export class PersoneController {
  constructor(
    private readonly registraPersona: RegistraPersonaUseCase,
    private readonly leggiPersona: LeggiPersonaQuery,
    private readonly cercaPersone: CercaPersoneQuery,
    private readonly aggiornaPersona: AggiornaPersonaUseCase,
  ) {}

  @RpcHandler(ACCESSO_RPC.aggiornaPersona)
  aggiorna(dto: AggiornaPersonaV1): Promise<PersonaV1> {
    return this.aggiornaPersona.aggiorna(dto);
  }

  @RpcHandler(ACCESSO_RPC.registraDecesso)
  registraDecesso(dto: RegistraDecessoV1): Promise<PersonaV1> {
    return this.aggiornaPersona.registraDecesso(dto);
  }

  @RpcHandler(ACCESSO_RPC.registraPersona)
  registra(dto: RegistraPersonaV1): Promise<PersonaV1> {
    return this.registraPersona.esegui(dto);
  }

  @RpcHandler(ACCESSO_RPC.leggiPersona)
  leggi(dto: LeggiPersonaV1): Promise<PersonaV1> {
    return this.leggiPersona.esegui(dto.id);
  }

  @RpcHandler(ACCESSO_RPC.cercaPersone)
  cerca(dto: CercaPersoneV1): Promise<PaginaPersoneV1> {
    return this.cercaPersone.esegui(dto);
  }
}
