import {
  ValidatorConstraint,
  type ValidationArguments,
  type ValidatorConstraintInterface,
} from 'class-validator';

/** The local issuer (demo users, shared secret) is for development only: refused in production. */
@ValidatorConstraint({ name: 'authModeAmmesso' })
export class AuthModeAmmesso implements ValidatorConstraintInterface {
  validate(value: unknown, args: ValidationArguments): boolean {
    const nodeEnv = (args.object as { NODE_ENV?: string }).NODE_ENV;
    return !(nodeEnv === 'production' && value === 'local');
  }

  defaultMessage(): string {
    return 'AUTH_MODE=local (emittente locale con utenti dimostrativi) non è ammesso con NODE_ENV=production: usare AUTH_MODE=oidc';
  }
}
