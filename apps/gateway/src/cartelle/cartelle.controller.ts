import { Body, Controller, Get, HttpCode, HttpStatus, Post, Put, Query, Res } from '@nestjs/common';
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
  ApriCartellaV1,
  ElencaCartelleV1,
  PRESA_IN_CARICO_RPC,
  type CartellaSintesiV1,
  type CartellaV1,
  type PaginaV1,
  type ProgettoV1,
  type ValutazioneV1,
  type VerificaV1,
  type VoceDiarioV1,
} from '@ambito/contracts';
import { RpcClient } from '@ambito/messaging';
import { COORDINATORI, DECISORI, EQUIPE, LETTORI_CARTELLE } from '../auth/gruppi-ruoli';
import { Ruoli } from '../auth/ruoli.decorator';
import { resourcePath } from '../common/api-prefix';
import { IdParam } from '../common/id-param.decorator';
import type { GatewayResponse } from '../context/gateway-request';
import { ApiProblemi } from '../openapi/api-problemi.decorator';
import { ApiQueryDa } from '../openapi/api-query-da.decorator';
import { ref } from '../openapi/schema-ref';
import {
  AggiornaNucleoBodyV1,
  AnnotaDiarioBodyV1,
  ApprovaProgettoBodyV1,
  AssegnaEquipeCasoBodyV1,
  AssegnaCartellaBodyV1,
  ChiudiCartellaBodyV1,
  ProponiProgettoBodyV1,
  RegistraValutazioneBodyV1,
  RegistraVerificaBodyV1,
  RespingiProgettoBodyV1,
  TrasferisciCartellaBodyV1,
} from './cartelle.bodies';

const ID_CARTELLA = { name: 'id', format: 'uuid', description: 'Identificativo della cartella' } as const;
const ID_PROGETTO = {
  name: 'id',
  format: 'uuid',
  description: 'Identificativo della versione del progetto',
} as const;

/**
 * Cartelle sociali: intake queue, assignment, valutazione multidimensionale, progetto personalizzato
 * and the decision of the Comune, closure and diario. Who sees which case is decided by the service.
 */
@ApiTags('Cartelle sociali')
@ApiBearerAuth()
@ApiProblemi(400, 401, 403, 503)
@Controller('cartelle')
export class CartelleController {
  constructor(private readonly rpc: RpcClient) {}

  @Get()
  @Ruoli(...LETTORI_CARTELLE)
  @ApiOperation({
    summary: 'Elenca le cartelle visibili',
    description:
      'I propri casi per il case manager, la bacheca del sub-ambito (coda compresa) per il coordinatore, i residenti del proprio comune per il responsabile comunale.',
  })
  @ApiQueryDa(ElencaCartelleV1)
  @ApiOkResponse({ description: 'Cartelle', schema: ref('PaginaCartelleV1') })
  elenca(@Query() query: ElencaCartelleV1): Promise<PaginaV1<CartellaSintesiV1>> {
    return this.rpc.request(PRESA_IN_CARICO_RPC.elencaCartelle, query);
  }

  @Post()
  @Ruoli(...EQUIPE)
  @ApiOperation({
    summary: 'Apre una cartella direttamente',
    description:
      'Segnalazione di un servizio specialistico, mandato dell’Autorità Giudiziaria o dimissione protetta: la proposta entra nella coda del sub-ambito del comune di residenza.',
  })
  @ApiBody({ schema: ref('ApriCartellaV1') })
  @ApiCreatedResponse({
    description: 'Cartella (nuova, riutilizzata o riaperta) con la proposta in coda',
    schema: ref('CartellaV1'),
    headers: { Location: { description: 'Indirizzo della cartella', schema: { type: 'string' } } },
  })
  @ApiProblemi(422)
  async apri(
    @Body() body: ApriCartellaV1,
    @Res({ passthrough: true }) response: GatewayResponse,
  ): Promise<CartellaV1> {
    const cartella = await this.rpc.request(PRESA_IN_CARICO_RPC.apriCartella, body);
    response.setHeader('Location', resourcePath('cartelle', cartella.id));
    return cartella;
  }

  @Get(':id')
  @Ruoli(...LETTORI_CARTELLE)
  @ApiOperation({
    summary: 'Legge una cartella',
    description: 'Con proposte, assegnazioni, valutazioni e tutte le versioni del progetto.',
  })
  @ApiParam(ID_CARTELLA)
  @ApiOkResponse({ description: 'La cartella', schema: ref('CartellaV1') })
  @ApiProblemi(404)
  leggi(@IdParam() id: string): Promise<CartellaV1> {
    return this.rpc.request(PRESA_IN_CARICO_RPC.leggiCartella, { id });
  }

  @Post(':id/assegnazione')
  @HttpCode(HttpStatus.OK)
  @Ruoli(...COORDINATORI)
  @ApiOperation({
    summary: 'Assegna (o riassegna) il case manager',
    description: 'Un’assistente sociale dell’équipe del sub-ambito; la riassegnazione conserva lo storico.',
  })
  @ApiParam(ID_CARTELLA)
  @ApiBody({ schema: ref('AssegnaCartellaBodyV1') })
  @ApiOkResponse({ description: 'Cartella in carico', schema: ref('CartellaV1') })
  @ApiProblemi(404, 409, 422)
  assegna(@IdParam() id: string, @Body() body: AssegnaCartellaBodyV1): Promise<CartellaV1> {
    return this.rpc.request(PRESA_IN_CARICO_RPC.assegnaCartella, { ...body, id });
  }

  @Post(':id/equipe')
  @HttpCode(HttpStatus.OK)
  @Ruoli(...COORDINATORI)
  @ApiOperation({
    summary: 'Definisce l’équipe del caso',
    description:
      'I membri dell’équipe del sub-ambito che lavorano il caso oltre al case manager (vedono la cartella); chi esce resta nello storico.',
  })
  @ApiParam(ID_CARTELLA)
  @ApiBody({ schema: ref('AssegnaEquipeCasoBodyV1') })
  @ApiOkResponse({ description: 'Cartella con la sua équipe', schema: ref('CartellaV1') })
  @ApiProblemi(404, 409)
  equipe(@IdParam() id: string, @Body() body: AssegnaEquipeCasoBodyV1): Promise<CartellaV1> {
    return this.rpc.request(PRESA_IN_CARICO_RPC.assegnaEquipeCaso, { ...body, id });
  }

  @Put(':id/nucleo')
  @Ruoli(...EQUIPE)
  @ApiOperation({
    summary: 'Aggiorna il nucleo familiare',
    description:
      'Componenti, relazione con la persona, convivenza e caregiver; il diario registra ogni modifica.',
  })
  @ApiParam(ID_CARTELLA)
  @ApiBody({ schema: ref('AggiornaNucleoBodyV1') })
  @ApiOkResponse({ description: 'Cartella con il nucleo aggiornato', schema: ref('CartellaV1') })
  @ApiProblemi(404, 409)
  nucleo(@IdParam() id: string, @Body() body: AggiornaNucleoBodyV1): Promise<CartellaV1> {
    return this.rpc.request(PRESA_IN_CARICO_RPC.aggiornaNucleo, { ...body, id });
  }

  @Post(':id/chiusura')
  @HttpCode(HttpStatus.OK)
  @Ruoli(...EQUIPE)
  @ApiOperation({
    summary: 'Chiude la cartella con il motivo',
    description: 'Una nuova proposta la riapre come nuovo episodio.',
  })
  @ApiParam(ID_CARTELLA)
  @ApiBody({ schema: ref('ChiudiCartellaBodyV1') })
  @ApiOkResponse({ description: 'Cartella chiusa', schema: ref('CartellaV1') })
  @ApiProblemi(404, 409)
  chiudi(@IdParam() id: string, @Body() body: ChiudiCartellaBodyV1): Promise<CartellaV1> {
    return this.rpc.request(PRESA_IN_CARICO_RPC.chiudiCartella, { ...body, id });
  }

  @Post(':id/trasferimento')
  @HttpCode(HttpStatus.OK)
  @Ruoli(...EQUIPE)
  @ApiOperation({
    summary: 'Registra il cambio di residenza',
    description:
      'Nello stesso sub-ambito cambia il Comune che decide; in un altro sub-ambito la cartella passa, con la sua storia, in coda alla nuova équipe.',
  })
  @ApiParam(ID_CARTELLA)
  @ApiBody({ schema: ref('TrasferisciCartellaBodyV1') })
  @ApiOkResponse({ description: 'Cartella dopo il cambio di residenza', schema: ref('CartellaV1') })
  @ApiProblemi(404, 409, 422)
  trasferisci(@IdParam() id: string, @Body() body: TrasferisciCartellaBodyV1): Promise<CartellaV1> {
    return this.rpc.request(PRESA_IN_CARICO_RPC.trasferisciCartella, { ...body, id });
  }

  @Get(':id/diario')
  @Ruoli(...LETTORI_CARTELLE)
  @ApiOperation({
    summary: 'Diario della cartella',
    description: 'Tutto ciò che è accaduto, in ordine di tempo.',
  })
  @ApiParam(ID_CARTELLA)
  @ApiOkResponse({ description: 'Voci del diario', schema: { type: 'array', items: ref('VoceDiarioV1') } })
  @ApiProblemi(404)
  diario(@IdParam() id: string): Promise<VoceDiarioV1[]> {
    return this.rpc.request(PRESA_IN_CARICO_RPC.leggiDiario, { id });
  }

  @Post(':id/diario')
  @Ruoli(...EQUIPE)
  @ApiOperation({
    summary: 'Annota il diario',
    description: 'Colloquio, visita domiciliare, contatto, documento o nota.',
  })
  @ApiParam(ID_CARTELLA)
  @ApiBody({ schema: ref('AnnotaDiarioBodyV1') })
  @ApiCreatedResponse({ description: 'Voce registrata', schema: ref('VoceDiarioV1') })
  @ApiProblemi(404)
  annota(@IdParam() id: string, @Body() body: AnnotaDiarioBodyV1): Promise<VoceDiarioV1> {
    return this.rpc.request(PRESA_IN_CARICO_RPC.annotaDiario, { ...body, id });
  }

  @Post(':id/valutazioni')
  @Ruoli(...EQUIPE)
  @ApiOperation({
    summary: 'Registra una valutazione multidimensionale',
    description:
      'Con uno strumento versionato (ADL, IADL, SINA…): il punteggio è calcolato dal servizio con la versione in vigore alla data.',
  })
  @ApiParam(ID_CARTELLA)
  @ApiBody({ schema: ref('RegistraValutazioneBodyV1') })
  @ApiCreatedResponse({ description: 'Valutazione registrata', schema: ref('ValutazioneV1') })
  @ApiProblemi(404, 409, 422)
  valuta(@IdParam() id: string, @Body() body: RegistraValutazioneBodyV1): Promise<ValutazioneV1> {
    return this.rpc.request(PRESA_IN_CARICO_RPC.registraValutazione, { ...body, id });
  }

  @Post(':id/progetti')
  @Ruoli(...EQUIPE)
  @ApiOperation({
    summary: 'Propone il progetto personalizzato (o una sua revisione)',
    description: 'Una nuova versione in attesa della decisione del Comune di residenza.',
  })
  @ApiParam(ID_CARTELLA)
  @ApiBody({ schema: ref('ProponiProgettoBodyV1') })
  @ApiCreatedResponse({ description: 'Versione proposta', schema: ref('ProgettoV1') })
  @ApiProblemi(404, 409, 422)
  proponi(@IdParam() id: string, @Body() body: ProponiProgettoBodyV1): Promise<ProgettoV1> {
    return this.rpc.request(PRESA_IN_CARICO_RPC.proponiProgetto, { ...body, id });
  }

  @Post('progetti/:id/approvazione')
  @HttpCode(HttpStatus.OK)
  @Ruoli(...DECISORI)
  @ApiOperation({
    summary: 'Approva una versione del progetto',
    description:
      'Il responsabile del Comune di residenza; chi l’ha proposta non può approvarla (`APPROVAZIONE_DEL_PROPONENTE`).',
  })
  @ApiParam(ID_PROGETTO)
  @ApiBody({ schema: ref('ApprovaProgettoBodyV1') })
  @ApiOkResponse({ description: 'Versione approvata', schema: ref('ProgettoV1') })
  @ApiProblemi(404, 409)
  approva(@IdParam() id: string, @Body() body: ApprovaProgettoBodyV1): Promise<ProgettoV1> {
    return this.rpc.request(PRESA_IN_CARICO_RPC.approvaProgetto, { ...body, id });
  }

  @Post('progetti/:id/respingimento')
  @HttpCode(HttpStatus.OK)
  @Ruoli(...DECISORI)
  @ApiOperation({
    summary: 'Respinge una versione del progetto',
    description: 'Con motivazione obbligatoria.',
  })
  @ApiParam(ID_PROGETTO)
  @ApiBody({ schema: ref('RespingiProgettoBodyV1') })
  @ApiOkResponse({ description: 'Versione respinta', schema: ref('ProgettoV1') })
  @ApiProblemi(404, 409)
  respingi(@IdParam() id: string, @Body() body: RespingiProgettoBodyV1): Promise<ProgettoV1> {
    return this.rpc.request(PRESA_IN_CARICO_RPC.respingiProgetto, { ...body, id });
  }

  @Post('progetti/:id/verifiche')
  @Ruoli(...EQUIPE)
  @ApiOperation({
    summary: 'Registra una verifica del progetto approvato',
    description: 'Esito di ciascun obiettivo (raggiunto, parzialmente raggiunto, non raggiunto).',
  })
  @ApiParam(ID_PROGETTO)
  @ApiBody({ schema: ref('RegistraVerificaBodyV1') })
  @ApiCreatedResponse({ description: 'Verifica registrata', schema: ref('VerificaV1') })
  @ApiProblemi(404, 409, 422)
  verifica(@IdParam() id: string, @Body() body: RegistraVerificaBodyV1): Promise<VerificaV1> {
    return this.rpc.request(PRESA_IN_CARICO_RPC.registraVerifica, { ...body, id });
  }
}
