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
  ConteggiCartelleV1,
  ElencaStrumentiV1,
  PRESA_IN_CARICO_RPC,
  RegistraMembroEquipeV1,
  type ConteggiCartelleRispostaV1,
  type MembroEquipeV1,
  type StrumentoV1,
} from '@ambito/contracts';
import { RpcClient } from '@ambito/messaging';
import { COORDINATORI, EQUIPE, LETTORI_STATISTICHE_CARTELLE } from '../auth/gruppi-ruoli';
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
}
