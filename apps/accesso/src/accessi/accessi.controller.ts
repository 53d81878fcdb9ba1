import {
  ACCESSO_RPC,
  AggiornaAccessoV1,
  AnnotaAccessoV1,
  ChiudiAccessoV1,
  ElencaAccessiV1,
  LeggiAccessoV1,
  LeggiPropostaV1,
  RegistraAccessoV1,
  type AccessoV1,
  type PaginaV1,
  type PropostaPresaInCaricoV1,
} from '@ambito/contracts';
import { RpcController, RpcHandler } from '@ambito/messaging';
import { ChiudiAccessoUseCase } from './chiusura/chiudi-accesso.use-case';
import { ElencaAccessiQuery, LeggiAccessoQuery } from './lettura/accessi.queries';
import { LeggiPropostaQuery } from './lettura/proposta.query';
import { AggiornaAccessoUseCase } from './modifica/aggiorna-accesso.use-case';
import { AnnotaAccessoUseCase } from './modifica/annota-accesso.use-case';
import { RegistraAccessoUseCase } from './registrazione/registra-accesso.use-case';

/** The accesso's subjects: each handler hands the validated request to its use case. */
@RpcController()
export class AccessiController {
  constructor(
    private readonly registraAccesso: RegistraAccessoUseCase,
    private readonly aggiornaAccesso: AggiornaAccessoUseCase,
    private readonly chiudiAccesso: ChiudiAccessoUseCase,
    private readonly annotaAccesso: AnnotaAccessoUseCase,
    private readonly leggiAccesso: LeggiAccessoQuery,
    private readonly elencaAccessi: ElencaAccessiQuery,
    private readonly leggiProposta: LeggiPropostaQuery,
  ) {}

  @RpcHandler(ACCESSO_RPC.registraAccesso)
  registra(dto: RegistraAccessoV1): Promise<AccessoV1> {
    return this.registraAccesso.esegui(dto);
  }

  @RpcHandler(ACCESSO_RPC.aggiornaAccesso)
  aggiorna(dto: AggiornaAccessoV1): Promise<AccessoV1> {
    return this.aggiornaAccesso.esegui(dto);
  }

  @RpcHandler(ACCESSO_RPC.chiudiAccesso)
  chiudi(dto: ChiudiAccessoV1): Promise<AccessoV1> {
    return this.chiudiAccesso.esegui(dto);
  }

  @RpcHandler(ACCESSO_RPC.annotaAccesso)
  annota(dto: AnnotaAccessoV1): Promise<AccessoV1> {
    return this.annotaAccesso.esegui(dto);
  }

  @RpcHandler(ACCESSO_RPC.leggiAccesso)
  leggi(dto: LeggiAccessoV1): Promise<AccessoV1> {
    return this.leggiAccesso.esegui(dto.id);
  }

  @RpcHandler(ACCESSO_RPC.elencaAccessi)
  elenca(dto: ElencaAccessiV1): Promise<PaginaV1<AccessoV1>> {
    return this.elencaAccessi.esegui(dto);
  }

  /** Service identity only (the intake of presa-in-carico): see LeggiPropostaQuery. */
  @RpcHandler(ACCESSO_RPC.leggiProposta)
  proposta(dto: LeggiPropostaV1): Promise<PropostaPresaInCaricoV1> {
    return this.leggiProposta.esegui(dto.accessoId);
  }
}
