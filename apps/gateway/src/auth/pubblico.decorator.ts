import { SetMetadata } from '@nestjs/common';

export const PUBBLICO_KEY = 'ambito:pubblico';

/** A route (or controller) reachable without a token. Everything else requires one. */
export const Pubblico = () => SetMetadata(PUBBLICO_KEY, true);
