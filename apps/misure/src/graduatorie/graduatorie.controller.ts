import {
  ApprovaGraduatoriaV1,
  CessaBeneficioV1,
  ElencaGraduatorieV1,
  ElencaVociGraduatoriaV1,
  FormaGraduatorieV1,
  LeggiGraduatoriaV1,
  MISURE_RPC,
  type GraduatoriaV1,
  type GraduatorieFormateV1,
  type PaginaVociGraduatoriaV1,
  type PubblicazioneGraduatoriaV1,
} from '@ambito/contracts';
import { RpcController, RpcHandler } from '@ambito/messaging';
import { ApprovazioneGraduatorie } from './approvazione.service';
import { FormazioneGraduatorie } from './formazione.service';
import { ScorrimentoGraduatorie } from './scorrimento.service';

@RpcController()
export class GraduatorieController {
  constructor(
    private readonly formazione: FormazioneGraduatorie,
    private readonly approvazione: ApprovazioneGraduatorie,
    private readonly scorrimento: ScorrimentoGraduatorie,
  ) {}

  @RpcHandler(MISURE_RPC.formaGraduatorie)
  forma(dto: FormaGraduatorieV1): Promise<GraduatorieFormateV1> {
    return this.formazione.forma(dto.avvisoId);
  }

  @RpcHandler(MISURE_RPC.elencaGraduatorie)
  elenca(dto: ElencaGraduatorieV1): Promise<GraduatoriaV1[]> {
    return this.formazione.elenca(dto.avvisoId);
  }

  @RpcHandler(MISURE_RPC.leggiGraduatoria)
  leggi(dto: LeggiGraduatoriaV1): Promise<GraduatoriaV1> {
    return this.formazione.leggi(dto.avvisoId, dto.graduatoriaId);
  }

  @RpcHandler(MISURE_RPC.elencaVociGraduatoria)
  voci(dto: ElencaVociGraduatoriaV1): Promise<PaginaVociGraduatoriaV1> {
    return this.formazione.pagina(dto);
  }

  @RpcHandler(MISURE_RPC.pubblicaGraduatoria)
  pubblica(dto: LeggiGraduatoriaV1): Promise<PubblicazioneGraduatoriaV1> {
    return this.formazione.pubblicazione(dto.avvisoId, dto.graduatoriaId);
  }

  @RpcHandler(MISURE_RPC.approvaGraduatoria)
  approva(dto: ApprovaGraduatoriaV1): Promise<GraduatoriaV1> {
    return this.approvazione.approva(dto);
  }

  @RpcHandler(MISURE_RPC.cessaBeneficio)
  cessa(dto: CessaBeneficioV1): Promise<GraduatoriaV1> {
    return this.scorrimento.cessa(dto);
  }
}
