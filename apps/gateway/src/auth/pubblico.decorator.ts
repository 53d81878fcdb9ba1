import { SetMetadata } from '@nestjs/common';

export const PUBBLICO_KEY = 'ambito:pubblico';

/** A route (or controller) reachable without a token. Everything else requires one. */
export const Pubblico = () => SetMetadata(PUBBLICO_KEY, true);

export const ROTTA_PUBBLICA_KEY = 'ambito:rotta-pubblica';

/**
 * A route of a route table reachable without a token (`rotta({ pubblica: true })`): it sends its message
 * as the anonymous actor `pubblico`, limited per client address (LimitePubblico).
 */
export const RottaPubblica = () => SetMetadata(ROTTA_PUBBLICA_KEY, true);
