import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  ACCESSO_RPC,
  ElencaAuditCartelleV1,
  ElencaAuditV1,
  PRESA_IN_CARICO_RPC,
  type PaginaV1,
  type VoceAuditCartellaV1,
  type VoceAuditV1,
} from '@ambito/contracts';
import { RpcClient } from '@ambito/messaging';
import { REVISORI } from '../auth/gruppi-ruoli';
import { Ruoli } from '../auth/ruoli.decorator';
import { ApiProblemi } from '../openapi/api-problemi.decorator';
import { ApiQueryDa } from '../openapi/api-query-da.decorator';
import { ref } from '../openapi/schema-ref';

/** The append-only log of every read and write of personal data (who, when, what, why, outcome). */
@ApiTags('Audit')
@ApiBearerAuth()
@ApiProblemi(400, 401, 403, 503)
@Controller('audit')
export class AuditController {
  constructor(private readonly rpc: RpcClient) {}

  @Get()
  @Ruoli(...REVISORI)
  @ApiOperation({
    summary: 'Registro degli accessi ai dati personali',
    description: 'Filtri per persona, utente, esito (consentito/negato) e periodo.',
  })
  @ApiQueryDa(ElencaAuditV1)
  @ApiOkResponse({ description: 'Voci di audit', schema: ref('PaginaAuditV1') })
  elenca(@Query() query: ElencaAuditV1): Promise<PaginaV1<VoceAuditV1>> {
    return this.rpc.request(ACCESSO_RPC.elencaAudit, query);
  }

  @Get('cartelle')
  @Ruoli(...REVISORI)
  @ApiOperation({
    summary: 'Registro degli accessi alle cartelle sociali',
    description:
      'Ogni lettura, scrittura o tentativo rifiutato su una cartella; filtri per cartella, utente, esito.',
  })
  @ApiQueryDa(ElencaAuditCartelleV1)
  @ApiOkResponse({ description: 'Voci di audit', schema: ref('PaginaAuditCartelleV1') })
  cartelle(@Query() query: ElencaAuditCartelleV1): Promise<PaginaV1<VoceAuditCartellaV1>> {
    return this.rpc.request(PRESA_IN_CARICO_RPC.elencaAudit, query);
  }
}
