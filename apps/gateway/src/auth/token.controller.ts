import { Body, Controller, HttpCode, HttpStatus, Post, UseGuards } from '@nestjs/common';
import { DemoLoginService } from './demo-login.service';
import { Pubblico } from './pubblico.decorator';
import { RichiestaToken } from './richiesta-token.body';
import { TokenThrottlerGuard } from './token-throttler.guard';
import type { TokenResponse } from './token.response';

/**
 * Token endpoint of the demo issuer: mounted only with AUTH_MODE=demo (never in production, only on a
 * loopback address), limited per client address. Documented in openapi-document.ts.
 */
@Controller('auth')
export class TokenController {
  constructor(private readonly login: DemoLoginService) {}

  @Post('token')
  @Pubblico()
  @UseGuards(TokenThrottlerGuard)
  @HttpCode(HttpStatus.OK)
  token(@Body() body: RichiestaToken): Promise<TokenResponse> {
    return this.login.login(body.username, body.password);
  }
}
