import {
  ASSISTENTI_FAMILIARI_RPC,
  DecidiCandidaturaV1,
  LeggiCandidaturaV1,
  PresentaCandidaturaV1,
  type CandidaturaV1,
} from '@ambito/contracts';
import { RpcController, RpcHandler } from '@ambito/messaging';
import { CandidatureService } from './candidature.service';

@RpcController()
export class CandidatureController {
  constructor(private readonly candidature: CandidatureService) {}

  @RpcHandler(ASSISTENTI_FAMILIARI_RPC.presentaCandidatura)
  presenta(dto: PresentaCandidaturaV1): Promise<CandidaturaV1> {
    return this.candidature.presenta(dto);
  }

  @RpcHandler(ASSISTENTI_FAMILIARI_RPC.decidiCandidatura)
  decidi(dto: DecidiCandidaturaV1): Promise<CandidaturaV1> {
    return this.candidature.decidi(dto);
  }

  @RpcHandler(ASSISTENTI_FAMILIARI_RPC.leggiCandidatura)
  leggi(dto: LeggiCandidaturaV1): Promise<CandidaturaV1> {
    return this.candidature.leggi(dto.id);
  }
}
