import { Body, Controller, Header, HttpCode, HttpStatus, Post } from '@nestjs/common';
import { DemoLoginService } from './demo-login.service';
import { Pubblico } from './pubblico.decorator';
import { RichiestaToken } from './richiesta-token.body';
import type { TokenResponse } from './token.response';

/** Token endpoint of the local issuer: mounted only with AUTH_MODE=local (never in production). Documented in openapi-document.ts. */
@Controller('auth')
export class TokenController {
  constructor(private readonly login: DemoLoginService) {}

  @Post('token')
  @Pubblico()
  @HttpCode(HttpStatus.OK)
  @Header('Cache-Control', 'no-store')
  token(@Body() body: RichiestaToken): Promise<TokenResponse> {
    return this.login.login(body.username, body.password);
  }
}
