import { Body, Controller, Header, HttpCode, HttpStatus, Post } from '@nestjs/common';
import { ApiBody, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblemi } from '../openapi/api-problemi.decorator';
import { ref } from '../openapi/schema-ref';
import { DemoLoginService } from './demo-login.service';
import { Pubblico } from './pubblico.decorator';
import { RichiestaToken } from './richiesta-token.body';
import type { TokenResponse } from './token.response';

/** Token endpoint of the local issuer: mounted only with AUTH_MODE=local (never in production). */
@ApiTags('Autenticazione')
@Controller('auth')
export class TokenController {
  constructor(private readonly login: DemoLoginService) {}

  @Post('token')
  @Pubblico()
  @HttpCode(HttpStatus.OK)
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    summary: 'Token per un utente dimostrativo',
    description:
      'Solo in modalità `local` (sviluppo): utenti dimostrativi con password `demo`, elencati in apps/gateway/README.md. In produzione i token sono emessi dal fornitore di identità dell’Ambito (OpenID Connect).',
  })
  @ApiBody({ schema: ref('RichiestaToken') })
  @ApiOkResponse({ description: 'Token emesso', schema: ref('Token') })
  @ApiProblemi(400, 401)
  token(@Body() body: RichiestaToken): Promise<TokenResponse> {
    return this.login.login(body.username, body.password);
  }
}
