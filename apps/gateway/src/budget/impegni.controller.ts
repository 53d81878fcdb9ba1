import { Body, Controller, Get, HttpCode, HttpStatus, Post, Put, Res } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import { BUDGET_RPC, RichiediImpegnoV1, type ImpegnoV1, type LiquidazioneV1 } from '@ambito/contracts';
import { RpcClient } from '@ambito/messaging';
import type { GatewayResponse } from '../context/gateway-request';
import { GESTORI_BUDGET } from '../auth/gruppi-ruoli';
import { Ruoli } from '../auth/ruoli.decorator';
import { resourcePath } from '../common/api-prefix';
import { IdParam } from '../common/id-param.decorator';
import { ApiProblemi } from '../openapi/api-problemi.decorator';
import { ref } from '../openapi/schema-ref';
import { LiberaImpegnoBodyV1, RegistraLiquidazioneBodyV1, RegistraMandatoBodyV1 } from './budget.bodies';

const ID_IMPEGNO = { name: 'id', format: 'uuid', description: 'Identificativo dell’impegno' } as const;

/** Impegni on a line's money, their release and the liquidazioni against them. */
@ApiTags('Budget')
@ApiBearerAuth()
@ApiProblemi(400, 401, 403, 503)
@Ruoli(...GESTORI_BUDGET)
@Controller('budget')
export class ImpegniController {
  constructor(private readonly rpc: RpcClient) {}

  @Post('impegni')
  @ApiOperation({
    summary: 'Impegna denaro di una linea',
    description:
      'Rifiutato con 409 `BUDGET_INSUFFICIENTE` se la linea non ha abbastanza disponibile. La stessa `chiaveIdempotenza` restituisce lo stesso impegno senza impegnare di nuovo.',
  })
  @ApiBody({ schema: ref('RichiediImpegnoV1') })
  @ApiCreatedResponse({
    description: 'Impegno registrato (o quello già registrato con la stessa chiave)',
    schema: ref('ImpegnoV1'),
    headers: { Location: { description: 'Indirizzo dell’impegno', schema: { type: 'string' } } },
  })
  @ApiProblemi(404, 409, 422)
  async richiedi(
    @Body() body: RichiediImpegnoV1,
    @Res({ passthrough: true }) response: GatewayResponse,
  ): Promise<ImpegnoV1> {
    const impegno = await this.rpc.request(BUDGET_RPC.richiediImpegno, body);
    response.setHeader('Location', resourcePath('budget', 'impegni', impegno.id));
    return impegno;
  }

  @Get('impegni/:id')
  @ApiOperation({ summary: 'Legge un impegno', description: 'Con le sue liquidazioni.' })
  @ApiParam(ID_IMPEGNO)
  @ApiOkResponse({ description: 'L’impegno', schema: ref('ImpegnoV1') })
  @ApiProblemi(404)
  leggi(@IdParam() id: string): Promise<ImpegnoV1> {
    return this.rpc.request(BUDGET_RPC.leggiImpegno, { id });
  }

  @Post('impegni/:id/liberazioni')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'Libera (in parte) un impegno',
    description:
      'Rinuncia, revoca, decadenza o riduzione: il residuo non liquidato (o l’importo indicato) torna disponibile sulla linea.',
  })
  @ApiParam(ID_IMPEGNO)
  @ApiBody({ schema: ref('LiberaImpegnoBodyV1') })
  @ApiOkResponse({ description: 'Impegno aggiornato', schema: ref('ImpegnoV1') })
  @ApiProblemi(404, 422)
  libera(@IdParam() id: string, @Body() body: LiberaImpegnoBodyV1): Promise<ImpegnoV1> {
    return this.rpc.request(BUDGET_RPC.liberaImpegno, { ...body, id });
  }

  @Post('impegni/:id/liquidazioni')
  @ApiOperation({
    summary: 'Registra una liquidazione',
    description: 'Per un periodo (AAAA-MM), mai oltre il residuo dell’impegno; con il mandato se già emesso.',
  })
  @ApiParam(ID_IMPEGNO)
  @ApiBody({ schema: ref('RegistraLiquidazioneBodyV1') })
  @ApiCreatedResponse({ description: 'Liquidazione registrata', schema: ref('LiquidazioneV1') })
  @ApiProblemi(404, 422)
  liquida(@IdParam() id: string, @Body() body: RegistraLiquidazioneBodyV1): Promise<LiquidazioneV1> {
    return this.rpc.request(BUDGET_RPC.registraLiquidazione, { ...body, impegnoId: id });
  }

  @Put('liquidazioni/:id/mandato')
  @ApiOperation({
    summary: 'Registra il mandato di pagamento di una liquidazione',
    description:
      'Una sola volta: ripetere lo stesso mandato non cambia nulla, uno diverso è rifiutato (409).',
  })
  @ApiParam({ name: 'id', format: 'uuid', description: 'Identificativo della liquidazione' })
  @ApiBody({ schema: ref('RegistraMandatoBodyV1') })
  @ApiOkResponse({ description: 'Liquidazione con il mandato', schema: ref('LiquidazioneV1') })
  @ApiProblemi(404, 409)
  registraMandato(@IdParam() id: string, @Body() body: RegistraMandatoBodyV1): Promise<LiquidazioneV1> {
    return this.rpc.request(BUDGET_RPC.registraMandato, { ...body, liquidazioneId: id });
  }
}
