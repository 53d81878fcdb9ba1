import { Body, Controller, Get, Post, Query, Res } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import {
  ACCESSO_RPC,
  CercaPersoneV1,
  RegistraPersonaV1,
  type PaginaV1,
  type PersonaV1,
} from '@ambito/contracts';
import { RpcClient } from '@ambito/messaging';
import type { GatewayResponse } from '../context/gateway-request';
import { LETTORI_DATI_PERSONALI, OPERATORI } from '../auth/gruppi-ruoli';
import { Ruoli } from '../auth/ruoli.decorator';
import { resourcePath } from '../common/api-prefix';
import { IdParam } from '../common/id-param.decorator';
import { ApiProblemi } from '../openapi/api-problemi.decorator';
import { ApiQueryDa } from '../openapi/api-query-da.decorator';
import { ref } from '../openapi/schema-ref';

/** Persone (minimal registry): every read and write is audited by the accesso service. */
@ApiTags('Persone')
@ApiBearerAuth()
@ApiProblemi(400, 401, 403, 503)
@Controller('persone')
export class PersoneController {
  constructor(private readonly rpc: RpcClient) {}

  @Post()
  @Ruoli(...OPERATORI)
  @ApiOperation({
    summary: 'Registra una persona',
    description: 'Codice fiscale verificato (formato, carattere di controllo, omocodia).',
  })
  @ApiBody({ schema: ref('RegistraPersonaV1') })
  @ApiCreatedResponse({
    description: 'Persona registrata',
    schema: ref('PersonaV1'),
    headers: { Location: { description: 'Indirizzo della persona', schema: { type: 'string' } } },
  })
  @ApiProblemi(409, 422)
  async registra(
    @Body() body: RegistraPersonaV1,
    @Res({ passthrough: true }) response: GatewayResponse,
  ): Promise<PersonaV1> {
    const persona = await this.rpc.request(ACCESSO_RPC.registraPersona, body);
    response.setHeader('Location', resourcePath('persone', persona.id));
    return persona;
  }

  @Get()
  @Ruoli(...LETTORI_DATI_PERSONALI)
  @ApiOperation({
    summary: 'Cerca persone',
    description: 'Per codice fiscale (anche parziale), cognome e nome; paginato.',
  })
  @ApiQueryDa(CercaPersoneV1)
  @ApiOkResponse({ description: 'Persone trovate', schema: ref('PaginaPersoneV1') })
  cerca(@Query() query: CercaPersoneV1): Promise<PaginaV1<PersonaV1>> {
    return this.rpc.request(ACCESSO_RPC.cercaPersone, query);
  }

  @Get(':id')
  @Ruoli(...LETTORI_DATI_PERSONALI)
  @ApiOperation({ summary: 'Legge una persona' })
  @ApiParam({ name: 'id', format: 'uuid', description: 'Identificativo della persona' })
  @ApiOkResponse({ description: 'La persona', schema: ref('PersonaV1') })
  @ApiProblemi(404)
  leggi(@IdParam() id: string): Promise<PersonaV1> {
    return this.rpc.request(ACCESSO_RPC.leggiPersona, { id });
  }
}
