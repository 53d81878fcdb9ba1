import { Body, Controller, Get, HttpCode, HttpStatus, Post, Query, Res } from '@nestjs/common';
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
  ProponiVariazioneV1,
  RegistraRegolaFondoV1,
  RegistraAssegnazioneV1,
  RegistraLineaV1,
  type AnnualitaV1,
  type DotazioneV1,
  type FondoV1,
  type LineaV1,
  type SituazioneFondoRispostaV1,
  type SituazioneLineaRispostaV1,
  type RegolaFondoV1,
  type VariazioneV1,
} from '@ambito/contracts';
import { RpcClient } from '@ambito/messaging';
import type { GatewayResponse } from '../context/gateway-request';
import { GESTORI_BUDGET } from '../auth/gruppi-ruoli';
import { Ruoli } from '../auth/ruoli.decorator';
import { CodiceParam } from '../common/codice-param.decorator';
import { IdParam } from '../common/id-param.decorator';
import { ApiProblemi } from '../openapi/api-problemi.decorator';
import { ApiQueryDa } from '../openapi/api-query-da.decorator';
import { ref } from '../openapi/schema-ref';
import {
  DecidiVariazioneBodyV1,
  ElencaRegoleQueryV1,
  SituazioneFondoQueryV1,
  SituazioneLineaQueryV1,
} from './budget.bodies';
import { rendicontazioneCsv } from './rendicontazione-csv';

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

  @Get('fondi/:codice/rendicontazione.csv')
  @ApiOperation({
    summary: 'Rendicontazione di un fondo in CSV',
    description:
      'La situazione per annualità e linea in CSV (separatore `;`, euro con la virgola), per la rendicontazione alla Regione; `alla` come per la situazione.',
  })
  @ApiParam({ name: 'codice', description: 'Codice del fondo, es. FNA-B2' })
  @ApiQueryDa(SituazioneFondoQueryV1)
  @ApiOkResponse({ description: 'CSV', content: { 'text/csv': { schema: { type: 'string' } } } })
  @ApiProblemi(422)
  async rendicontazione(
    @CodiceParam('codice') fondo: string,
    @Query() query: SituazioneFondoQueryV1,
    @Res({ passthrough: true }) response: GatewayResponse,
  ): Promise<string> {
    const situazione = await this.rpc.request(BUDGET_RPC.situazioneFondo, { ...query, fondo });
    response.setHeader('Content-Type', 'text/csv; charset=utf-8');
    response.setHeader('Content-Disposition', `attachment; filename="rendicontazione-${fondo}.csv"`);
    return rendicontazioneCsv(situazione);
  }

  @Get('fondi/:codice/regole')
  @ApiOperation({
    summary: 'Regole del fondo (versioni)',
    description:
      'Linee finanziabili, quote massime e cofinanziamento minimo, ciascuna con periodo di validità e atto; `inVigoreIl` filtra le versioni in vigore a una data.',
  })
  @ApiParam({ name: 'codice', description: 'Codice del fondo, es. FSR' })
  @ApiQueryDa(ElencaRegoleQueryV1)
  @ApiOkResponse({ description: 'Regole', schema: { type: 'array', items: ref('RegolaFondoV1') } })
  @ApiProblemi(422)
  elencaRegole(
    @CodiceParam('codice') fondo: string,
    @Query() query: ElencaRegoleQueryV1,
  ): Promise<RegolaFondoV1[]> {
    return this.rpc.request(BUDGET_RPC.elencaRegole, { ...query, fondo });
  }

  @Post('regole')
  @ApiOperation({
    summary: 'Registra una nuova versione di una regola di fondo',
    description: 'Dall’atto che la stabilisce; la versione in vigore termina il giorno prima di `validoDal`.',
  })
  @ApiBody({ schema: ref('RegistraRegolaFondoV1') })
  @ApiCreatedResponse({ description: 'Regola registrata', schema: ref('RegolaFondoV1') })
  @ApiProblemi(409, 422)
  registraRegola(@Body() body: RegistraRegolaFondoV1): Promise<RegolaFondoV1> {
    return this.rpc.request(BUDGET_RPC.registraRegola, body);
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

  @Get('linee/:codice/variazioni')
  @ApiOperation({ summary: 'Storico delle variazioni del preventivo di una linea' })
  @ApiParam({ name: 'codice', description: 'Codice della linea' })
  @ApiOkResponse({ description: 'Variazioni', schema: { type: 'array', items: ref('VariazioneV1') } })
  @ApiProblemi(404)
  elencaVariazioni(@CodiceParam('codice') linea: string): Promise<VariazioneV1[]> {
    return this.rpc.request(BUDGET_RPC.elencaVariazioni, { linea });
  }

  @Post('variazioni')
  @ApiOperation({
    summary: 'Propone una variazione del piano operativo',
    description: 'Nuovo preventivo di una linea; si applica solo quando l’Ufficio di Piano la approva.',
  })
  @ApiBody({ schema: ref('ProponiVariazioneV1') })
  @ApiCreatedResponse({ description: 'Variazione proposta', schema: ref('VariazioneV1') })
  @ApiProblemi(404)
  proponiVariazione(@Body() body: ProponiVariazioneV1): Promise<VariazioneV1> {
    return this.rpc.request(BUDGET_RPC.proponiVariazione, body);
  }

  @Post('variazioni/:id/decisione')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'Approva o respinge una variazione',
    description:
      'Solo l’Ufficio di Piano (il servizio rifiuta gli altri ruoli); la decisione resta nello storico.',
  })
  @ApiParam({ name: 'id', format: 'uuid', description: 'Identificativo della variazione' })
  @ApiBody({ schema: ref('DecidiVariazioneBodyV1') })
  @ApiOkResponse({ description: 'Variazione decisa', schema: ref('VariazioneV1') })
  @ApiProblemi(404, 409)
  decidiVariazione(@IdParam() id: string, @Body() body: DecidiVariazioneBodyV1): Promise<VariazioneV1> {
    return this.rpc.request(BUDGET_RPC.decidiVariazione, { ...body, id });
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
