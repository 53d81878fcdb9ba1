import { ValidationPipe } from '@nestjs/common';
import { campiInErrore, validazioneFallita } from '@ambito/contracts';

/**
 * Nest's pipe for the few hand-written HTTP routes (the token endpoint): the same rules and Italian
 * messages as `validaContratto`, which validates every declared message.
 */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    exceptionFactory: (errors) => validazioneFallita(campiInErrore(errors)),
  });
}
