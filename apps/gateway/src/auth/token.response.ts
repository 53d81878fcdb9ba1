import { Equals, IsString } from 'class-validator';
import { Descrizione, Intero } from '@ambito/contracts';

/** Answer of the token endpoint (the shape of an OAuth 2.0 token response). */
export class TokenResponse {
  @IsString()
  @Descrizione('JWT da inviare come `Authorization: Bearer <token>`')
  access_token: string;

  @Equals('Bearer')
  token_type: 'Bearer';

  @Intero({ min: 1 })
  @Descrizione('Validità in secondi')
  expires_in: number;
}
