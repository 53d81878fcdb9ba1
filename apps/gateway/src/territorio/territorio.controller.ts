import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  ACCESSO_RPC,
  LeggiTerritorioV1,
  type ComuneV1,
  type SedeV1,
  type SubAmbitoV1,
  type TerritorioV1,
} from '@ambito/contracts';
import { RpcClient } from '@ambito/messaging';
import { ApiProblemi } from '../openapi/api-problemi.decorator';
import { ApiQueryDa } from '../openapi/api-query-da.decorator';
import { ref } from '../openapi/schema-ref';

/** The ambito's territory (comuni, sub-ambiti, sedi): reference data, readable by every user. */
@ApiTags('Territorio')
@ApiBearerAuth()
@ApiProblemi(400, 401, 503)
@Controller('territorio')
export class TerritorioController {
  constructor(private readonly rpc: RpcClient) {}

  @Get()
  @ApiOperation({ summary: 'Territorio completo', description: 'Ambito, comuni, sub-ambiti e sedi.' })
  @ApiQueryDa(LeggiTerritorioV1)
  @ApiOkResponse({ description: 'Territorio dell’Ambito', schema: ref('TerritorioV1') })
  leggi(@Query() query: LeggiTerritorioV1): Promise<TerritorioV1> {
    return this.rpc.request(ACCESSO_RPC.leggiTerritorio, query);
  }

  @Get('comuni')
  @ApiOperation({ summary: 'Comuni dell’Ambito', description: 'Con codice ISTAT, popolazione e sub-ambito.' })
  @ApiQueryDa(LeggiTerritorioV1)
  @ApiOkResponse({ description: 'Comuni', schema: { type: 'array', items: ref('ComuneV1') } })
  async comuni(@Query() query: LeggiTerritorioV1): Promise<ComuneV1[]> {
    return (await this.rpc.request(ACCESSO_RPC.leggiTerritorio, query)).comuni;
  }

  @Get('sub-ambiti')
  @ApiOperation({
    summary: 'Sub-ambiti',
    description: 'Ciascuno con la propria équipe e il comune capofila.',
  })
  @ApiQueryDa(LeggiTerritorioV1)
  @ApiOkResponse({ description: 'Sub-ambiti', schema: { type: 'array', items: ref('SubAmbitoV1') } })
  async subAmbiti(@Query() query: LeggiTerritorioV1): Promise<SubAmbitoV1[]> {
    return (await this.rpc.request(ACCESSO_RPC.leggiTerritorio, query)).subAmbiti;
  }

  @Get('sedi')
  @ApiOperation({
    summary: 'Sedi del segretariato sociale',
    description: 'Hub e spoke con indirizzo e orari; `subAmbito` limita a un sub-ambito.',
  })
  @ApiQueryDa(LeggiTerritorioV1)
  @ApiOkResponse({ description: 'Sedi', schema: { type: 'array', items: ref('SedeV1') } })
  async sedi(@Query() query: LeggiTerritorioV1): Promise<SedeV1[]> {
    return (await this.rpc.request(ACCESSO_RPC.leggiTerritorio, query)).sedi;
  }
}
