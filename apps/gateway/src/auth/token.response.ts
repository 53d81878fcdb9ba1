/** Answer of the token endpoint (the shape of an OAuth 2.0 token response). */
export interface TokenResponse {
  access_token: string;
  token_type: 'Bearer';
  /** Seconds. */
  expires_in: number;
}
