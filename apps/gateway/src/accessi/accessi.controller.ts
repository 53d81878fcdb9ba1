import { Body, Controller, Get, HttpCode, HttpStatus, Patch, Post, Query, Res } from '@nestjs/common';
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
  ElencaAccessiV1,
  EsitoV1,
  RegistraAccessoV1,
  type AccessoV1,
  type PaginaV1,
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
import { AggiornaAccessoBodyV1 } from './aggiorna-accesso.body';
import { AnnotaAccessoBodyV1 } from './annota-accesso.body';

const ID_ACCESSO = { name: 'id', format: 'uuid', description: 'Identificativo dell’accesso' } as const;

/** Accessi (colloqui di segretariato sociale) and their esito. */
@ApiTags('Accessi')
@ApiBearerAuth()
@ApiProblemi(400, 401, 403, 503)
@Controller('accessi')
export class AccessiController {
  constructor(private readonly rpc: RpcClient) {}

  @Post()
  @Ruoli(...OPERATORI)
  @ApiOperation({
    summary: 'Registra un accesso',
    description: 'Colloquio di segretariato sociale presso una sede del proprio sub-ambito.',
  })
  @ApiBody({ schema: ref('RegistraAccessoV1') })
  @ApiCreatedResponse({
    description: 'Accesso registrato (aperto)',
    schema: ref('AccessoV1'),
    headers: { Location: { description: 'Indirizzo dell’accesso', schema: { type: 'string' } } },
  })
  @ApiProblemi(404, 422)
  async registra(
    @Body() body: RegistraAccessoV1,
    @Res({ passthrough: true }) response: GatewayResponse,
  ): Promise<AccessoV1> {
    const accesso = await this.rpc.request(ACCESSO_RPC.registraAccesso, body);
    response.setHeader('Location', resourcePath('accessi', accesso.id));
    return accesso;
  }

  @Get()
  @Ruoli(...LETTORI_DATI_PERSONALI)
  @ApiOperation({
    summary: 'Elenca gli accessi',
    description:
      'Filtri per sede, sub-ambito, comune di residenza, operatore, persona, periodo, area, stato ed esito.',
  })
  @ApiQueryDa(ElencaAccessiV1)
  @ApiOkResponse({ description: 'Accessi nel proprio ambito territoriale', schema: ref('PaginaAccessiV1') })
  elenca(@Query() query: ElencaAccessiV1): Promise<PaginaV1<AccessoV1>> {
    return this.rpc.request(ACCESSO_RPC.elencaAccessi, query);
  }

  @Get(':id')
  @Ruoli(...LETTORI_DATI_PERSONALI)
  @ApiOperation({ summary: 'Legge un accesso' })
  @ApiParam(ID_ACCESSO)
  @ApiOkResponse({ description: 'L’accesso', schema: ref('AccessoV1') })
  @ApiProblemi(404)
  leggi(@IdParam() id: string): Promise<AccessoV1> {
    return this.rpc.request(ACCESSO_RPC.leggiAccesso, { id });
  }

  @Patch(':id')
  @Ruoli(...OPERATORI)
  @ApiOperation({
    summary: 'Corregge un accesso aperto',
    description: 'Un accesso chiuso non si modifica più.',
  })
  @ApiParam(ID_ACCESSO)
  @ApiBody({ schema: ref('AggiornaAccessoBodyV1') })
  @ApiOkResponse({ description: 'Accesso aggiornato', schema: ref('AccessoV1') })
  @ApiProblemi(404, 409)
  aggiorna(@IdParam() id: string, @Body() body: AggiornaAccessoBodyV1): Promise<AccessoV1> {
    return this.rpc.request(ACCESSO_RPC.aggiornaAccesso, { ...body, id });
  }

  @Post(':id/esito')
  @HttpCode(HttpStatus.OK)
  @Ruoli(...OPERATORI)
  @ApiOperation({
    summary: 'Chiude l’accesso con il suo esito',
    description:
      'Informazione e orientamento, invio ad altro servizio, segnalazione a servizio specialistico o proposta di presa in carico (pubblicata all’équipe).',
  })
  @ApiParam(ID_ACCESSO)
  @ApiBody({ schema: ref('EsitoV1') })
  @ApiOkResponse({ description: 'Accesso chiuso', schema: ref('AccessoV1') })
  @ApiProblemi(404, 409)
  chiudi(@IdParam() id: string, @Body() esito: EsitoV1): Promise<AccessoV1> {
    return this.rpc.request(ACCESSO_RPC.chiudiAccesso, { id, esito });
  }

  @Post(':id/annotazioni')
  @Ruoli(...OPERATORI)
  @ApiOperation({ summary: 'Annota un accesso', description: 'Anche dopo la chiusura (es. un richiamo).' })
  @ApiParam(ID_ACCESSO)
  @ApiBody({ schema: ref('AnnotaAccessoBodyV1') })
  @ApiCreatedResponse({ description: 'Accesso con la nuova annotazione', schema: ref('AccessoV1') })
  @ApiProblemi(404)
  annota(@IdParam() id: string, @Body() body: AnnotaAccessoBodyV1): Promise<AccessoV1> {
    return this.rpc.request(ACCESSO_RPC.annotaAccesso, { ...body, id });
  }
}
