import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  AggiornaNucleoV1,
  AnnotaDiarioV1,
  AssegnaEquipeCasoV1,
  ApriCartellaV1,
  AssegnaCartellaV1,
  ChiudiCartellaV1,
  ElencaCartelleV1,
  LeggiCartellaV1,
  LeggiDiarioV1,
  PRESA_IN_CARICO_RPC,
  TrasferisciCartellaV1,
  type CartellaSintesiV1,
  type CartellaV1,
  type PaginaV1,
  type VoceDiarioV1,
} from '@ambito/contracts';
import { RpcController } from '@ambito/service-runtime';
import { CartelleService } from './cartelle.service';

@RpcController()
export class CartelleController {
  constructor(private readonly cartelle: CartelleService) {}

  @MessagePattern(PRESA_IN_CARICO_RPC.apriCartella)
  apri(@Payload() dto: ApriCartellaV1): Promise<CartellaV1> {
    return this.cartelle.apri(dto);
  }

  @MessagePattern(PRESA_IN_CARICO_RPC.assegnaCartella)
  assegna(@Payload() dto: AssegnaCartellaV1): Promise<CartellaV1> {
    return this.cartelle.assegna(dto);
  }

  @MessagePattern(PRESA_IN_CARICO_RPC.chiudiCartella)
  chiudi(@Payload() dto: ChiudiCartellaV1): Promise<CartellaV1> {
    return this.cartelle.chiudi(dto);
  }

  @MessagePattern(PRESA_IN_CARICO_RPC.leggiCartella)
  leggi(@Payload() dto: LeggiCartellaV1): Promise<CartellaV1> {
    return this.cartelle.leggi(dto.id);
  }

  @MessagePattern(PRESA_IN_CARICO_RPC.elencaCartelle)
  elenca(@Payload() dto: ElencaCartelleV1): Promise<PaginaV1<CartellaSintesiV1>> {
    return this.cartelle.elenca(dto);
  }

  @MessagePattern(PRESA_IN_CARICO_RPC.annotaDiario)
  annota(@Payload() dto: AnnotaDiarioV1): Promise<VoceDiarioV1> {
    return this.cartelle.annotaDiario(dto);
  }

  @MessagePattern(PRESA_IN_CARICO_RPC.leggiDiario)
  diario(@Payload() dto: LeggiDiarioV1): Promise<VoceDiarioV1[]> {
    return this.cartelle.leggiDiario(dto.id);
  }

  @MessagePattern(PRESA_IN_CARICO_RPC.trasferisciCartella)
  trasferisci(@Payload() dto: TrasferisciCartellaV1): Promise<CartellaV1> {
    return this.cartelle.trasferisci(dto);
  }

  @MessagePattern(PRESA_IN_CARICO_RPC.assegnaEquipeCaso)
  assegnaEquipe(@Payload() dto: AssegnaEquipeCasoV1): Promise<CartellaV1> {
    return this.cartelle.assegnaEquipe(dto);
  }

  @MessagePattern(PRESA_IN_CARICO_RPC.aggiornaNucleo)
  aggiornaNucleo(@Payload() dto: AggiornaNucleoV1): Promise<CartellaV1> {
    return this.cartelle.aggiornaNucleo(dto);
  }
}
