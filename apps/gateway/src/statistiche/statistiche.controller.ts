import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ACCESSO_RPC, ContatoriAccessiV1, type ContatoriAccessiRispostaV1 } from '@ambito/contracts';
import { RpcClient } from '@ambito/messaging';
import { LETTORI_STATISTICHE } from '../auth/gruppi-ruoli';
import { Ruoli } from '../auth/ruoli.decorator';
import { ApiProblemi } from '../openapi/api-problemi.decorator';
import { ApiQueryDa } from '../openapi/api-query-da.decorator';
import { ref } from '../openapi/schema-ref';

/** Aggregated figures for the Ufficio di Piano, the coordinators and the comuni (no personal data). */
@ApiTags('Statistiche')
@ApiBearerAuth()
@ApiProblemi(400, 401, 403, 422, 503)
@Controller('statistiche')
export class StatisticheController {
  constructor(private readonly rpc: RpcClient) {}

  @Get('accessi')
  @Ruoli(...LETTORI_STATISTICHE)
  @ApiOperation({
    summary: 'Contatori degli accessi',
    description: 'Per giorno o mese, area di bisogno e comune di residenza, nel periodo `dal`–`al`.',
  })
  @ApiQueryDa(ContatoriAccessiV1)
  @ApiOkResponse({ description: 'Contatori', schema: ref('ContatoriAccessiRispostaV1') })
  contatori(@Query() query: ContatoriAccessiV1): Promise<ContatoriAccessiRispostaV1> {
    return this.rpc.request(ACCESSO_RPC.contatoriAccessi, query);
  }
}
