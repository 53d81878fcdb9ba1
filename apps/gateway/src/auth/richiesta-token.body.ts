import { IsString, MaxLength, MinLength } from 'class-validator';

/** Credentials of a demo user (local issuer only). */
export class RichiestaToken {
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  username: string;

  @IsString()
  @MinLength(1)
  @MaxLength(200)
  password: string;
}
