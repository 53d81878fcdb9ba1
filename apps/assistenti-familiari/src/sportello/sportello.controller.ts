import {
  ASSISTENTI_FAMILIARI_RPC,
  CercaCandidatiV1,
  LeggiContrattoV1,
  LeggiRichiestaV1,
  LeggiVerificaBonusV1,
  ProponiAssistenteV1,
  ProponiRichiestaV1,
  RegistraContrattoV1,
  RegistraEsitoBonusV1,
  RegistraRichiestaV1,
  RispondiPropostaV1,
  VerificaBonusV1,
  type CandidatiV1,
  type ContrattoV1,
  type EsitoVerificaBonusV1,
  type PropostaAssistenteV1,
  type RichiestaV1,
  type RiepilogoBonusPdfV1,
} from '@ambito/contracts';
import { RpcController, RpcHandler } from '@ambito/messaging';
import { BonusService } from '../bonus/bonus.service';
import { ContrattiService } from '../contratti/contratti.service';
import { RichiesteService } from '../richieste/richieste.service';

/** The sportello's requests: richieste, matching, proposals, contracts and the Bonus. */
@RpcController()
export class SportelloController {
  constructor(
    private readonly richieste: RichiesteService,
    private readonly contratti: ContrattiService,
    private readonly bonus: BonusService,
  ) {}

  @RpcHandler(ASSISTENTI_FAMILIARI_RPC.registraRichiesta)
  registraRichiesta(dto: RegistraRichiestaV1): Promise<RichiestaV1> {
    return this.richieste.registra(dto);
  }

  @RpcHandler(ASSISTENTI_FAMILIARI_RPC.proponiRichiesta)
  proponiRichiesta(dto: ProponiRichiestaV1): Promise<RichiestaV1> {
    return this.richieste.proponi(dto);
  }

  @RpcHandler(ASSISTENTI_FAMILIARI_RPC.leggiRichiesta)
  leggiRichiesta(dto: LeggiRichiestaV1): Promise<RichiestaV1> {
    return this.richieste.leggi(dto.id);
  }

  @RpcHandler(ASSISTENTI_FAMILIARI_RPC.cercaCandidati)
  cercaCandidati(dto: CercaCandidatiV1): Promise<CandidatiV1> {
    return this.richieste.candidati(dto);
  }

  @RpcHandler(ASSISTENTI_FAMILIARI_RPC.proponiAssistente)
  proponiAssistente(dto: ProponiAssistenteV1): Promise<PropostaAssistenteV1> {
    return this.richieste.proponiAssistente(dto);
  }

  @RpcHandler(ASSISTENTI_FAMILIARI_RPC.rispondiProposta)
  rispondiProposta(dto: RispondiPropostaV1): Promise<PropostaAssistenteV1> {
    return this.richieste.rispondi(dto);
  }

  @RpcHandler(ASSISTENTI_FAMILIARI_RPC.registraContratto)
  registraContratto(dto: RegistraContrattoV1): Promise<ContrattoV1> {
    return this.contratti.registra(dto);
  }

  @RpcHandler(ASSISTENTI_FAMILIARI_RPC.leggiContratto)
  leggiContratto(dto: LeggiContrattoV1): Promise<ContrattoV1> {
    return this.contratti.leggi(dto.id);
  }

  @RpcHandler(ASSISTENTI_FAMILIARI_RPC.verificaBonus)
  verificaBonus(dto: VerificaBonusV1): Promise<EsitoVerificaBonusV1> {
    return this.bonus.verifica(dto);
  }

  @RpcHandler(ASSISTENTI_FAMILIARI_RPC.leggiVerificaBonus)
  leggiVerificaBonus(dto: LeggiVerificaBonusV1): Promise<EsitoVerificaBonusV1> {
    return this.bonus.leggi(dto.id);
  }

  @RpcHandler(ASSISTENTI_FAMILIARI_RPC.riepilogoBonus)
  riepilogoBonus(dto: LeggiVerificaBonusV1): Promise<RiepilogoBonusPdfV1> {
    return this.bonus.riepilogo(dto.id);
  }

  @RpcHandler(ASSISTENTI_FAMILIARI_RPC.registraEsitoBonus)
  registraEsitoBonus(dto: RegistraEsitoBonusV1): Promise<EsitoVerificaBonusV1> {
    return this.bonus.registraEsito(dto);
  }
}
