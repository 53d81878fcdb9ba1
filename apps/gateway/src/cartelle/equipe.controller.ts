import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import {
  CaricoLavoroV1,
  ConteggiCartelleV1,
  ElencaAvvisiV1,
  ElencaStrumentiV1,
  PRESA_IN_CARICO_RPC,
  RegistraMembroEquipeV1,
  type AvvisoV1,
  type CaricoLavoroRispostaV1,
  type ConteggiCartelleRispostaV1,
  type MembroEquipeV1,
  type StrumentoV1,
} from '@ambito/contracts';
import { RpcClient } from '@ambito/messaging';
import { COORDINATORI, EQUIPE, LETTORI_CARTELLE, LETTORI_STATISTICHE_CARTELLE } from '../auth/gruppi-ruoli';
import { Ruoli } from '../auth/ruoli.decorator';
import { ApiProblemi } from '../openapi/api-problemi.decorator';
import { ApiQueryDa } from '../openapi/api-query-da.decorator';
import { ref } from '../openapi/schema-ref';

/** The équipe of each sub-ambito and the assessment instruments it uses. */
@ApiTags('Cartelle sociali')
@ApiBearerAuth()
@ApiProblemi(400, 401, 403, 503)
@Controller()
export class EquipeController {
  constructor(private readonly rpc: RpcClient) {}

  @Get('equipe/:subAmbito')
  @Ruoli(...EQUIPE)
  @ApiOperation({
    summary: 'Membri dell’équipe di un sub-ambito',
    description: 'Con la professione di ciascuno.',
  })
  @ApiOkResponse({ description: 'Membri', schema: { type: 'array', items: ref('MembroEquipeV1') } })
  equipe(@Param('subAmbito') subAmbito: string): Promise<MembroEquipeV1[]> {
    return this.rpc.request(PRESA_IN_CARICO_RPC.elencaEquipe, { subAmbito });
  }

  @Post('equipe')
  @Ruoli(...COORDINATORI)
  @ApiOperation({
    summary: 'Registra un membro dell’équipe',
    description: 'Il coordinatore, per il proprio sub-ambito.',
  })
  @ApiBody({ schema: ref('RegistraMembroEquipeV1') })
  @ApiCreatedResponse({ description: 'Membro registrato', schema: ref('MembroEquipeV1') })
  registra(@Body() body: RegistraMembroEquipeV1): Promise<MembroEquipeV1> {
    return this.rpc.request(PRESA_IN_CARICO_RPC.registraMembroEquipe, body);
  }

  @Get('strumenti-valutazione')
  @Ruoli(...EQUIPE)
  @ApiOperation({
    summary: 'Strumenti di valutazione',
    description: 'Versioni in vigore (o tutte), con voci e punteggio.',
  })
  @ApiQueryDa(ElencaStrumentiV1)
  @ApiOkResponse({ description: 'Strumenti', schema: { type: 'array', items: ref('StrumentoV1') } })
  strumenti(@Query() query: ElencaStrumentiV1): Promise<StrumentoV1[]> {
    return this.rpc.request(PRESA_IN_CARICO_RPC.elencaStrumenti, query);
  }

  @Get('statistiche/cartelle')
  @Ruoli(...LETTORI_STATISTICHE_CARTELLE)
  @ApiOperation({
    summary: 'Cartelle per sub-ambito e stato',
    description: 'Dati aggregati, senza dati personali.',
  })
  @ApiQueryDa(ConteggiCartelleV1)
  @ApiOkResponse({ description: 'Conteggi', schema: ref('ConteggiCartelleRispostaV1') })
  conteggi(@Query() query: ConteggiCartelleV1): Promise<ConteggiCartelleRispostaV1> {
    return this.rpc.request(PRESA_IN_CARICO_RPC.conteggiCartelle, query);
  }

  @Get('monitoraggio/carico-lavoro')
  @Ruoli(...LETTORI_STATISTICHE_CARTELLE)
  @ApiOperation({
    summary: 'Carico di lavoro per sub-ambito e operatore',
    description:
      'Casi attivi, in coda, da valutare, progetti in attesa di decisione, verifiche scadute e assistenti sociali per abitanti rispetto allo standard LEPS configurato.',
  })
  @ApiQueryDa(CaricoLavoroV1)
  @ApiOkResponse({ description: 'Carico di lavoro', schema: ref('CaricoLavoroRispostaV1') })
  caricoLavoro(@Query() query: CaricoLavoroV1): Promise<CaricoLavoroRispostaV1> {
    return this.rpc.request(PRESA_IN_CARICO_RPC.caricoLavoro, query);
  }

  @Get('monitoraggio/avvisi')
  @Ruoli(...LETTORI_CARTELLE)
  @ApiOperation({
    summary: 'Avvisi',
    description:
      'Proposte non assegnate da troppi giorni, progetti in attesa della decisione del Comune, verifiche scadute: per ciascuno i casi che gli competono.',
  })
  @ApiQueryDa(ElencaAvvisiV1)
  @ApiOkResponse({
    description: 'Avvisi, dal più vecchio',
    schema: { type: 'array', items: ref('AvvisoV1') },
  })
  avvisi(@Query() query: ElencaAvvisiV1): Promise<AvvisoV1[]> {
    return this.rpc.request(PRESA_IN_CARICO_RPC.elencaAvvisi, query);
  }
}
