import {
  CreaGruppoAppartamentoV1,
  DimettiDaGruppoV1,
  GruppoAppartamentoIdV1,
  InserisciInGruppoV1,
  MISURE_RPC,
  RegistraBudgetProgettoDdnV1,
  type BudgetProgettoDdnV1,
  type GruppoAppartamentoV1,
} from '@ambito/contracts';
import { RpcController, RpcHandler } from '@ambito/messaging';
import { DopoDiNoiService } from './dopo-di-noi.service';

@RpcController()
export class DopoDiNoiController {
  constructor(private readonly ddn: DopoDiNoiService) {}

  @RpcHandler(MISURE_RPC.registraBudgetProgettoDdn)
  registraBudget(dto: RegistraBudgetProgettoDdnV1): Promise<BudgetProgettoDdnV1> {
    return this.ddn.registraBudget(dto);
  }

  @RpcHandler(MISURE_RPC.creaGruppoAppartamento)
  creaGruppo(dto: CreaGruppoAppartamentoV1): Promise<GruppoAppartamentoV1> {
    return this.ddn.creaGruppo(dto);
  }

  @RpcHandler(MISURE_RPC.inserisciInGruppo)
  inserisci(dto: InserisciInGruppoV1): Promise<GruppoAppartamentoV1> {
    return this.ddn.inserisci(dto);
  }

  @RpcHandler(MISURE_RPC.dimettiDaGruppo)
  dimetti(dto: DimettiDaGruppoV1): Promise<GruppoAppartamentoV1> {
    return this.ddn.dimetti(dto);
  }

  @RpcHandler(MISURE_RPC.leggiGruppoAppartamento)
  leggi(dto: GruppoAppartamentoIdV1): Promise<GruppoAppartamentoV1> {
    return this.ddn.leggiGruppo(dto.id);
  }
}
