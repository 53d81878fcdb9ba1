import {
  ValidatorConstraint,
  type ValidationArguments,
  type ValidatorConstraintInterface,
} from 'class-validator';
import { indirizzoLoopback } from './loopback';

interface ConfigDemo {
  NODE_ENV?: string;
  HTTP_HOST?: string;
}

/**
 * The demo issuer (demo users, one shared password, a shared secret) is for a developer's own machine:
 * refused with NODE_ENV=production and unless the gateway listens on a loopback address, so that no
 * other machine can ever use it.
 */
@ValidatorConstraint({ name: 'authModeAmmesso' })
export class AuthModeAmmesso implements ValidatorConstraintInterface {
  validate(value: unknown, args: ValidationArguments): boolean {
    return value !== 'demo' || motivoRifiutoDemo(args.object as ConfigDemo) === undefined;
  }

  defaultMessage(args: ValidationArguments): string {
    return motivoRifiutoDemo(args.object as ConfigDemo) ?? '';
  }
}

/** Why AUTH_MODE=demo cannot run with this configuration; undefined when it may. */
export function motivoRifiutoDemo(config: ConfigDemo): string | undefined {
  if (config.NODE_ENV === 'production') {
    return 'AUTH_MODE=demo (emittente dimostrativo, password "demo") non è ammesso con NODE_ENV=production: usare AUTH_MODE=oidc con il fornitore di identità dell’Ambito';
  }
  if (!indirizzoLoopback(config.HTTP_HOST ?? '')) {
    return `AUTH_MODE=demo funziona solo in ascolto su un indirizzo di loopback, raggiungibile solo da questa macchina, non su HTTP_HOST=${config.HTTP_HOST}: impostare HTTP_HOST=127.0.0.1 (da un'altra macchina: ssh -L 3000:127.0.0.1:3000), oppure usare AUTH_MODE=oidc`;
  }
  return undefined;
}
