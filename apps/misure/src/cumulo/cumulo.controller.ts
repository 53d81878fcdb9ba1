import {
  MISURE_RPC,
  RegistraContrattoAssistenteV1,
  RegistraContributoAssistenteV1,
  VerificaCumuloV1,
  type EsitoCumuloV1,
} from '@ambito/contracts';
import { RpcController, RpcHandler } from '@ambito/messaging';
import { CumuloAssistente } from './cumulo.service';

@RpcController()
export class CumuloController {
  constructor(private readonly cumulo: CumuloAssistente) {}

  @RpcHandler(MISURE_RPC.registraContrattoAssistente)
  registraContratto(dto: RegistraContrattoAssistenteV1): Promise<EsitoCumuloV1> {
    return this.cumulo.registraContrattoRichiesta(dto);
  }

  @RpcHandler(MISURE_RPC.registraContributoAssistente)
  registraContributo(dto: RegistraContributoAssistenteV1): Promise<EsitoCumuloV1> {
    return this.cumulo.registraContributoRichiesta(dto);
  }

  @RpcHandler(MISURE_RPC.verificaCumulo)
  verifica(dto: VerificaCumuloV1): Promise<EsitoCumuloV1> {
    return this.cumulo.verificaRichiesta(dto);
  }
}
