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
  LeggiPerSiussV1,
  LeggiStatoPerMisureV1,
  PRESA_IN_CARICO_RPC,
  TrasferisciCartellaV1,
  type AperturaCartellaV1,
  type CartellaSintesiV1,
  type CartellaV1,
  type PaginaV1,
  type PresaInCaricoPerSiussV1,
  type StatoPerMisureV1,
  type VoceDiarioV1,
} from '@ambito/contracts';
import { RpcController, RpcHandler } from '@ambito/messaging';
import { ApriCartellaUseCase } from './apertura/apri-cartella.use-case';
import { AssegnaCartellaUseCase } from './assegnazione/assegna-cartella.use-case';
import { AssegnaEquipeCasoUseCase } from './assegnazione/assegna-equipe-caso.use-case';
import { ChiudiCartellaUseCase } from './chiusura/chiudi-cartella.use-case';
import { AnnotaDiarioUseCase, LeggiDiarioQuery } from './diario/diario.use-cases';
import { ElencaCartelleQuery, LeggiCartellaQuery } from './lettura/cartelle.queries';
import { PerSiussQuery } from './lettura/per-siuss.query';
import { StatoPerMisureQuery } from './lettura/stato-per-misure.query';
import { AggiornaNucleoUseCase } from './nucleo/aggiorna-nucleo.use-case';
import { TrasferisciCartellaUseCase } from './trasferimento/trasferisci-cartella.use-case';

/** The cartella's subjects: each handler hands the validated request to its use case. */
@RpcController()
export class CartelleController {
  constructor(
    private readonly apriCartella: ApriCartellaUseCase,
    private readonly assegnaCartella: AssegnaCartellaUseCase,
    private readonly assegnaEquipeCaso: AssegnaEquipeCasoUseCase,
    private readonly aggiornaNucleoFamiliare: AggiornaNucleoUseCase,
    private readonly chiudiCartella: ChiudiCartellaUseCase,
    private readonly trasferisciCartella: TrasferisciCartellaUseCase,
    private readonly leggiCartella: LeggiCartellaQuery,
    private readonly elencaCartelle: ElencaCartelleQuery,
    private readonly annotaDiario: AnnotaDiarioUseCase,
    private readonly leggiDiario: LeggiDiarioQuery,
    private readonly statoPerMisure: StatoPerMisureQuery,
    private readonly perSiuss: PerSiussQuery,
  ) {}

  @RpcHandler(PRESA_IN_CARICO_RPC.leggiPerSiuss)
  leggiPerSiuss(dto: LeggiPerSiussV1): Promise<PresaInCaricoPerSiussV1> {
    return this.perSiuss.esegui(dto.personaId);
  }

  @RpcHandler(PRESA_IN_CARICO_RPC.leggiStatoPerMisure)
  leggiPerMisure(dto: LeggiStatoPerMisureV1): Promise<StatoPerMisureV1> {
    return this.statoPerMisure.esegui(dto.personaId);
  }

  @RpcHandler(PRESA_IN_CARICO_RPC.apriCartella)
  apri(dto: ApriCartellaV1): Promise<AperturaCartellaV1> {
    return this.apriCartella.esegui(dto);
  }

  @RpcHandler(PRESA_IN_CARICO_RPC.assegnaCartella)
  assegna(dto: AssegnaCartellaV1): Promise<CartellaV1> {
    return this.assegnaCartella.esegui(dto);
  }

  @RpcHandler(PRESA_IN_CARICO_RPC.chiudiCartella)
  chiudi(dto: ChiudiCartellaV1): Promise<CartellaV1> {
    return this.chiudiCartella.esegui(dto);
  }

  @RpcHandler(PRESA_IN_CARICO_RPC.leggiCartella)
  leggi(dto: LeggiCartellaV1): Promise<CartellaV1> {
    return this.leggiCartella.esegui(dto.id);
  }

  @RpcHandler(PRESA_IN_CARICO_RPC.elencaCartelle)
  elenca(dto: ElencaCartelleV1): Promise<PaginaV1<CartellaSintesiV1>> {
    return this.elencaCartelle.esegui(dto);
  }

  @RpcHandler(PRESA_IN_CARICO_RPC.annotaDiario)
  annota(dto: AnnotaDiarioV1): Promise<VoceDiarioV1> {
    return this.annotaDiario.esegui(dto);
  }

  @RpcHandler(PRESA_IN_CARICO_RPC.leggiDiario)
  diario(dto: LeggiDiarioV1): Promise<VoceDiarioV1[]> {
    return this.leggiDiario.esegui(dto.id);
  }

  @RpcHandler(PRESA_IN_CARICO_RPC.trasferisciCartella)
  trasferisci(dto: TrasferisciCartellaV1): Promise<CartellaV1> {
    return this.trasferisciCartella.esegui(dto);
  }

  @RpcHandler(PRESA_IN_CARICO_RPC.assegnaEquipeCaso)
  assegnaEquipe(dto: AssegnaEquipeCasoV1): Promise<CartellaV1> {
    return this.assegnaEquipeCaso.esegui(dto);
  }

  @RpcHandler(PRESA_IN_CARICO_RPC.aggiornaNucleo)
  aggiornaNucleo(dto: AggiornaNucleoV1): Promise<CartellaV1> {
    return this.aggiornaNucleoFamiliare.esegui(dto);
  }
}
