import {
  ASSISTENTI_FAMILIARI_RPC,
  AggiornaPermessoV1,
  CancellaIscrizioneV1,
  ElencaIscrizioniV1,
  LeggiIscrizioneV1,
  ModificaSchedaV1,
  RegistraConsensoV1,
  RevocaConsensoV1,
  RiverificaRegistroV1,
  type EsitoRiverificaV1,
  type IscrizioneV1,
  type PaginaRegistroV1,
} from '@ambito/contracts';
import { RpcController, RpcHandler, currentActor } from '@ambito/messaging';
import { RegistroService } from './registro.service';
import { RiverificaService } from './riverifica.service';

@RpcController()
export class RegistroController {
  constructor(
    private readonly registro: RegistroService,
    private readonly riverifiche: RiverificaService,
  ) {}

  @RpcHandler(ASSISTENTI_FAMILIARI_RPC.leggiIscrizione)
  leggi(dto: LeggiIscrizioneV1): Promise<IscrizioneV1> {
    return this.registro.leggi(dto.id);
  }

  @RpcHandler(ASSISTENTI_FAMILIARI_RPC.elencaIscrizioni)
  elenca(dto: ElencaIscrizioniV1): Promise<PaginaRegistroV1> {
    return this.registro.elenca(dto);
  }

  @RpcHandler(ASSISTENTI_FAMILIARI_RPC.cancellaIscrizione)
  cancella(dto: CancellaIscrizioneV1): Promise<IscrizioneV1> {
    return this.registro.cancella(dto);
  }

  @RpcHandler(ASSISTENTI_FAMILIARI_RPC.aggiornaPermesso)
  aggiornaPermesso(dto: AggiornaPermessoV1): Promise<IscrizioneV1> {
    return this.registro.aggiornaPermesso(dto);
  }

  @RpcHandler(ASSISTENTI_FAMILIARI_RPC.registraConsenso)
  registraConsenso(dto: RegistraConsensoV1): Promise<IscrizioneV1> {
    return this.registro.registraConsenso(dto);
  }

  @RpcHandler(ASSISTENTI_FAMILIARI_RPC.revocaConsenso)
  revocaConsenso(dto: RevocaConsensoV1): Promise<IscrizioneV1> {
    return this.registro.revocaConsenso(dto.id);
  }

  @RpcHandler(ASSISTENTI_FAMILIARI_RPC.modificaScheda)
  modificaScheda(dto: ModificaSchedaV1): Promise<IscrizioneV1> {
    return this.registro.modificaScheda(dto);
  }

  @RpcHandler(ASSISTENTI_FAMILIARI_RPC.riverificaRegistro)
  riverifica(dto: RiverificaRegistroV1): Promise<EsitoRiverificaV1> {
    return this.riverifiche.riverifica(dto.giorno, currentActor().userId);
  }
}
