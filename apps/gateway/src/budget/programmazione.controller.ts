import { Body, Controller, Get, Post, Query } from '@nestjs/common';
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
  AssegnaDotazioneV1,
  BUDGET_RPC,
  ElencaLineeV1,
  RegistraAssegnazioneV1,
  RegistraLineaV1,
  type AnnualitaV1,
  type DotazioneV1,
  type FondoV1,
  type LineaV1,
  type SituazioneFondoRispostaV1,
  type SituazioneLineaRispostaV1,
} from '@ambito/contracts';
import { RpcClient } from '@ambito/messaging';
import { GESTORI_BUDGET } from '../auth/gruppi-ruoli';
import { Ruoli } from '../auth/ruoli.decorator';
import { CodiceParam } from '../common/codice-param.decorator';
import { ApiProblemi } from '../openapi/api-problemi.decorator';
import { ApiQueryDa } from '../openapi/api-query-da.decorator';
import { ref } from '../openapi/schema-ref';
import { SituazioneFondoQueryV1, SituazioneLineaQueryV1 } from './budget.bodies';

/** Funds and their annualità, the lines of the piano operativo, dotazioni and situazioni. */
@ApiTags('Budget')
@ApiBearerAuth()
@ApiProblemi(400, 401, 403, 503)
@Ruoli(...GESTORI_BUDGET)
@Controller('budget')
export class ProgrammazioneController {
  constructor(private readonly rpc: RpcClient) {}

  @Get('fondi')
  @ApiOperation({ summary: 'Elenca i fondi', description: 'Con le annualità assegnate all’Ambito.' })
  @ApiOkResponse({ description: 'Fondi', schema: { type: 'array', items: ref('FondoV1') } })
  elencaFondi(): Promise<FondoV1[]> {
    return this.rpc.request(BUDGET_RPC.elencaFondi, {});
  }

  @Get('fondi/:codice/situazione')
  @ApiOperation({
    summary: 'Situazione di un fondo',
    description:
      'Per annualità e linea: assegnato, dotato, impegnato, liquidato, da dotare, disponibile. Con `alla` ricostruita dal registro dei movimenti a una data (fine giornata) o a un istante passato.',
  })
  @ApiParam({ name: 'codice', description: 'Codice del fondo, es. FNA-B2' })
  @ApiQueryDa(SituazioneFondoQueryV1)
  @ApiOkResponse({ description: 'Situazione', schema: ref('SituazioneFondoRispostaV1') })
  @ApiProblemi(422)
  situazioneFondo(
    @CodiceParam('codice') fondo: string,
    @Query() query: SituazioneFondoQueryV1,
  ): Promise<SituazioneFondoRispostaV1> {
    return this.rpc.request(BUDGET_RPC.situazioneFondo, { ...query, fondo });
  }

  @Post('assegnazioni')
  @ApiOperation({
    summary: 'Registra l’assegnazione di un’annualità di fondo',
    description: 'Con l’atto (decreto, DGR, DM) che la dispone; la prima crea l’annualità.',
  })
  @ApiBody({ schema: ref('RegistraAssegnazioneV1') })
  @ApiCreatedResponse({ description: 'Annualità con le sue assegnazioni', schema: ref('AnnualitaV1') })
  @ApiProblemi(422)
  registraAssegnazione(@Body() body: RegistraAssegnazioneV1): Promise<AnnualitaV1> {
    return this.rpc.request(BUDGET_RPC.registraAssegnazione, body);
  }

  @Get('linee')
  @ApiOperation({ summary: 'Elenca le linee di spesa del piano operativo' })
  @ApiQueryDa(ElencaLineeV1)
  @ApiOkResponse({ description: 'Linee di spesa', schema: { type: 'array', items: ref('LineaV1') } })
  elencaLinee(@Query() query: ElencaLineeV1): Promise<LineaV1[]> {
    return this.rpc.request(BUDGET_RPC.elencaLinee, query);
  }

  @Post('linee')
  @ApiOperation({ summary: 'Registra una linea di spesa', description: 'Obiettivo, esercizio e preventivo.' })
  @ApiBody({ schema: ref('RegistraLineaV1') })
  @ApiCreatedResponse({ description: 'Linea registrata', schema: ref('LineaV1') })
  @ApiProblemi(409)
  registraLinea(@Body() body: RegistraLineaV1): Promise<LineaV1> {
    return this.rpc.request(BUDGET_RPC.registraLinea, body);
  }

  @Get('linee/:codice/situazione')
  @ApiOperation({
    summary: 'Situazione di una linea di spesa',
    description: 'Dotato, impegnato, liquidato e disponibile, per annualità e per comune di residenza.',
  })
  @ApiParam({ name: 'codice', description: 'Codice della linea' })
  @ApiQueryDa(SituazioneLineaQueryV1)
  @ApiOkResponse({ description: 'Situazione', schema: ref('SituazioneLineaRispostaV1') })
  @ApiProblemi(404)
  situazioneLinea(
    @CodiceParam('codice') linea: string,
    @Query() query: SituazioneLineaQueryV1,
  ): Promise<SituazioneLineaRispostaV1> {
    return this.rpc.request(BUDGET_RPC.situazioneLinea, { ...query, linea });
  }

  @Post('dotazioni')
  @ApiOperation({
    summary: 'Assegna una dotazione a una linea',
    description:
      'Mai oltre il residuo dell’annualità; secondo le regole del fondo in vigore (linee finanziabili, quote massime FSR).',
  })
  @ApiBody({ schema: ref('AssegnaDotazioneV1') })
  @ApiCreatedResponse({ description: 'Dotazione assegnata', schema: ref('DotazioneV1') })
  @ApiProblemi(404, 409, 422)
  assegnaDotazione(@Body() body: AssegnaDotazioneV1): Promise<DotazioneV1> {
    return this.rpc.request(BUDGET_RPC.assegnaDotazione, body);
  }
}
