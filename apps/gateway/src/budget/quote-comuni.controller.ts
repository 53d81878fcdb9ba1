import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import {
  BUDGET_RPC,
  DeliberaQuotaCapitariaV1,
  ProspettoQuoteComuniV1,
  RegistraAbitantiV1,
  type AbitantiRegistratiV1,
  type ProspettoQuoteComuniRispostaV1,
  type QuotaCapitariaV1,
} from '@ambito/contracts';
import { RpcClient } from '@ambito/messaging';
import { GESTORI_BUDGET, LETTORI_QUOTE_COMUNI } from '../auth/gruppi-ruoli';
import { Ruoli } from '../auth/ruoli.decorator';
import { ApiProblemi } from '../openapi/api-problemi.decorator';
import { ApiQueryDa } from '../openapi/api-query-da.decorator';
import { ref } from '../openapi/schema-ref';

/** Quote pro-capite dei comuni: the quota deliberated by the Assemblea × the inhabitants. */
@ApiTags('Budget')
@ApiBearerAuth()
@ApiProblemi(400, 401, 403, 503)
@Controller('budget')
export class QuoteComuniController {
  constructor(private readonly rpc: RpcClient) {}

  @Post('quote-capitarie')
  @Ruoli(...GESTORI_BUDGET)
  @ApiOperation({
    summary: 'Registra la quota pro-capite deliberata',
    description: 'Una nuova delibera per lo stesso anno sostituisce la precedente, che resta nello storico.',
  })
  @ApiBody({ schema: ref('DeliberaQuotaCapitariaV1') })
  @ApiCreatedResponse({ description: 'Quota registrata', schema: ref('QuotaCapitariaV1') })
  delibera(@Body() body: DeliberaQuotaCapitariaV1): Promise<QuotaCapitariaV1> {
    return this.rpc.request(BUDGET_RPC.deliberaQuotaCapitaria, body);
  }

  @Post('abitanti')
  @Ruoli(...GESTORI_BUDGET)
  @ApiOperation({ summary: 'Registra gli abitanti dei comuni a una data di riferimento' })
  @ApiBody({ schema: ref('RegistraAbitantiV1') })
  @ApiCreatedResponse({ description: 'Abitanti registrati', schema: ref('AbitantiRegistratiV1') })
  registraAbitanti(@Body() body: RegistraAbitantiV1): Promise<AbitantiRegistratiV1> {
    return this.rpc.request(BUDGET_RPC.registraAbitanti, body);
  }

  @Get('quote-comuni')
  @Ruoli(...LETTORI_QUOTE_COMUNI)
  @ApiOperation({
    summary: 'Prospetto delle quote dei comuni',
    description:
      'Abitanti alla data di riferimento × quota pro-capite; il responsabile di un comune vede il proprio.',
  })
  @ApiQueryDa(ProspettoQuoteComuniV1)
  @ApiOkResponse({ description: 'Prospetto', schema: ref('ProspettoQuoteComuniRispostaV1') })
  @ApiProblemi(422)
  prospetto(@Query() query: ProspettoQuoteComuniV1): Promise<ProspettoQuoteComuniRispostaV1> {
    return this.rpc.request(BUDGET_RPC.prospettoQuoteComuni, query);
  }
}
