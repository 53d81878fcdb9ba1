import { Module, type DynamicModule, type Provider } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ThrottlerModule } from '@nestjs/throttler';
import { motivoRifiutoDemo } from '../config/auth-mode-ammesso.validator';
import type { GatewayConfig } from '../config/gateway-config';
import { AMBITO_GATEWAY, AutenticazioneGuard } from './autenticazione.guard';
import { LimitePubblico, OPZIONI_LIMITE_PUBBLICO } from './limite-pubblico';
import { DemoLoginService } from './demo-login.service';
import { LocalTokenService } from './local-token.service';
import { OidcTokenVerifier } from './oidc-token.verifier';
import { RuoliGuard } from './ruoli.guard';
import { TokenController } from './token.controller';
import { TokenThrottlerGuard } from './token-throttler.guard';
import { TokenVerifier } from './token-verifier';
import { TokenVerifierInCache } from './token-verifier-in-cache';

/**
 * A verified token is trusted again for at most a minute (never past its `exp`): the signature check runs
 * once per token and minute, not once per request. Bounded so that many clients cannot grow it without end.
 */
const CACHE_TOKEN = { durataMassimaMs: 60_000, massimoVoci: 10_000 };

/**
 * Authentication and coarse authorisation. `demo`: the gateway issues and verifies HS256 tokens for
 * the demo users (development on one's own machine only); `oidc`: tokens of the ambito's identity
 * provider, verified with its JWKS.
 */
@Module({})
export class AuthModule {
  static forRoot(config: GatewayConfig): DynamicModule {
    const guards: Provider[] = [
      { provide: AMBITO_GATEWAY, useValue: config.AMBITO_CODICE },
      {
        provide: OPZIONI_LIMITE_PUBBLICO,
        useValue: {
          limite: config.PUBBLICO_RATE_LIMIT,
          finestraMs: config.PUBBLICO_RATE_WINDOW_SECONDS * 1000,
        },
      },
      LimitePubblico,
      // Order matters: who the user is, then what the role allows.
      { provide: APP_GUARD, useClass: AutenticazioneGuard },
      { provide: APP_GUARD, useClass: RuoliGuard },
    ];
    if (config.AUTH_MODE === 'demo') {
      // Checked again here, not only by the configuration class: whoever builds the app with a
      // configuration of their own still cannot open the demo login in production or to the network.
      const rifiuto = motivoRifiutoDemo(config);
      if (rifiuto) throw new Error(rifiuto);
      const tokens = new LocalTokenService({
        secret: config.JWT_LOCAL_SECRET!,
        ttlSeconds: config.JWT_TTL_SECONDS,
        ambito: config.AMBITO_CODICE,
      });
      return {
        module: AuthModule,
        imports: [
          ThrottlerModule.forRoot([
            { ttl: config.TOKEN_RATE_WINDOW_SECONDS * 1000, limit: config.TOKEN_RATE_LIMIT },
          ]),
        ],
        controllers: [TokenController],
        providers: [
          { provide: TokenVerifier, useValue: new TokenVerifierInCache(tokens, CACHE_TOKEN) },
          { provide: DemoLoginService, useValue: new DemoLoginService(tokens) },
          TokenThrottlerGuard,
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
      providers: [
        { provide: TokenVerifier, useValue: new TokenVerifierInCache(verifier, CACHE_TOKEN) },
        ...guards,
      ],
    };
  }
}
