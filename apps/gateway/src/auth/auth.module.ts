import { Module, type DynamicModule, type Provider } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import type { GatewayConfig } from '../config/gateway-config';
import { AutenticazioneGuard } from './autenticazione.guard';
import { DemoLoginService } from './demo-login.service';
import { LocalTokenService } from './local-token.service';
import { OidcTokenVerifier } from './oidc-token.verifier';
import { RuoliGuard } from './ruoli.guard';
import { TokenController } from './token.controller';
import { TokenVerifier } from './token-verifier';

/**
 * Authentication and coarse authorisation. `local`: the gateway issues and verifies HS256 tokens for
 * the demo users; `oidc`: tokens of the ambito's identity provider, verified with its JWKS.
 */
@Module({})
export class AuthModule {
  static forRoot(config: GatewayConfig): DynamicModule {
    const guards: Provider[] = [
      // Order matters: who the user is, then what the role allows.
      { provide: APP_GUARD, useClass: AutenticazioneGuard },
      { provide: APP_GUARD, useClass: RuoliGuard },
    ];
    if (config.AUTH_MODE === 'local') {
      const tokens = new LocalTokenService({
        secret: config.JWT_LOCAL_SECRET!,
        ttlSeconds: config.JWT_TTL_SECONDS,
        ambito: config.AMBITO_CODICE,
      });
      return {
        module: AuthModule,
        controllers: [TokenController],
        providers: [
          { provide: TokenVerifier, useValue: tokens },
          { provide: DemoLoginService, useValue: new DemoLoginService(tokens) },
          ...guards,
        ],
      };
    }
    const verifier = new OidcTokenVerifier({
      issuer: config.OIDC_ISSUER!,
      jwksUrl: config.OIDC_JWKS_URL!,
      audience: config.OIDC_AUDIENCE!,
      ambito: config.AMBITO_CODICE,
    });
    return {
      module: AuthModule,
      providers: [{ provide: TokenVerifier, useValue: verifier }, ...guards],
    };
  }
}
