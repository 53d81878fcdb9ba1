import { Controller, UseFilters, UseInterceptors, UsePipes, applyDecorators } from '@nestjs/common';
import { RpcContextInterceptor, RpcErrorFilter } from '@ambito/messaging';
import { createValidationPipe } from '../validation/validation-pipe';

/**
 * A controller of NATS request handlers: each runs in the context read from the message headers, its
 * payload is validated, and every failure becomes a typed error reply. Scoped to these controllers so
 * that the HTTP side (health, metrics) keeps Nest's own handling.
 */
export const RpcController = () =>
  applyDecorators(
    Controller(),
    UseInterceptors(RpcContextInterceptor),
    UsePipes(createValidationPipe()),
    UseFilters(RpcErrorFilter),
  );
