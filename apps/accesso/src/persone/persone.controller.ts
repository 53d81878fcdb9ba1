import {
  ACCESSO_RPC,
  AggiornaPersonaV1,
  ConcludiRicoveroV1,
  RegistraDecessoV1,
  RegistraRicoveroV1,
  type RicoveroV1,
  CercaPersoneV1,
  CercaPersonePerIntegrazioniV1,
  type PersonaPerIntegrazioniV1,
  LeggiPersonaPerMisureV1,
  LeggiPersonaPerIseeV1,
  type PersonaPerIseeV1,
  LeggiPersonaPerSiussV1,
  LeggiPersonaV1,
  RegistraPersonaV1,
  type PaginaPersoneV1,
  type PersonaPerMisureV1,
  type PersonaPerSiussV1,
  type PersonaV1,
} from '@ambito/contracts';
import { RpcController, RpcHandler } from '@ambito/messaging';
import { CercaPersoneQuery, LeggiPersonaQuery } from './lettura/persone.queries';
import { LeggiPersonaPerMisureQuery } from './lettura/persona-per-misure.query';
import { CercaPersonePerIntegrazioniQuery } from './lettura/persone-per-integrazioni.query';
import { LeggiPersonaPerIseeQuery } from './lettura/persona-per-isee.query';
import { LeggiPersonaPerSiussQuery } from './lettura/persona-per-siuss.query';
import { RegistraPersonaUseCase } from './registrazione/registra-persona.use-case';
import { AggiornaPersonaUseCase } from './modifica/aggiorna-persona.use-case';
import { RicoveriUseCase } from './ricoveri/ricoveri.use-case';

/** The persona registry's subjects: each handler hands the validated request to its use case. */
@RpcController()
export class PersoneController {
  constructor(
    private readonly registraPersona: RegistraPersonaUseCase,
    private readonly leggiPersona: LeggiPersonaQuery,
    private readonly cercaPersone: CercaPersoneQuery,
    private readonly aggiornaPersona: AggiornaPersonaUseCase,
    private readonly ricoveri: RicoveriUseCase,
    private readonly personaPerMisure: LeggiPersonaPerMisureQuery,
    private readonly personePerIntegrazioni: CercaPersonePerIntegrazioniQuery,
    private readonly personaPerIsee: LeggiPersonaPerIseeQuery,
    private readonly personaPerSiuss: LeggiPersonaPerSiussQuery,
  ) {}

  @RpcHandler(ACCESSO_RPC.registraRicovero)
  registraRicovero(dto: RegistraRicoveroV1): Promise<RicoveroV1> {
    return this.ricoveri.registra(dto);
  }

  @RpcHandler(ACCESSO_RPC.concludiRicovero)
  concludiRicovero(dto: ConcludiRicoveroV1): Promise<RicoveroV1> {
    return this.ricoveri.concludi(dto);
  }

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

  @RpcHandler(ACCESSO_RPC.leggiPersonaPerMisure)
  leggiPerMisure(dto: LeggiPersonaPerMisureV1): Promise<PersonaPerMisureV1> {
    return this.personaPerMisure.esegui(dto.personaId);
  }

  @RpcHandler(ACCESSO_RPC.leggiPersonaPerIsee)
  leggiPerIsee(dto: LeggiPersonaPerIseeV1): Promise<PersonaPerIseeV1> {
    return this.personaPerIsee.esegui(dto.personaId);
  }

  @RpcHandler(ACCESSO_RPC.leggiPersonaPerSiuss)
  leggiPerSiuss(dto: LeggiPersonaPerSiussV1): Promise<PersonaPerSiussV1> {
    return this.personaPerSiuss.esegui(dto.personaId);
  }

  @RpcHandler(ACCESSO_RPC.cercaPersone)
  cerca(dto: CercaPersoneV1): Promise<PaginaPersoneV1> {
    return this.cercaPersone.esegui(dto);
  }

  @RpcHandler(ACCESSO_RPC.cercaPersonePerIntegrazioni)
  cercaPerIntegrazioni(dto: CercaPersonePerIntegrazioniV1): Promise<PersonaPerIntegrazioniV1[]> {
    return this.personePerIntegrazioni.esegui(dto);
  }
}
