import { createHash, timingSafeEqual } from 'node:crypto';
import { DomainError } from '@ambito/contracts';
import { DEMO_PASSWORD, DEMO_USERS, type DemoUser } from './demo-users';
import type { LocalTokenService } from './local-token.service';
import type { TokenResponse } from './token.response';

/** Logs the demo users in (AUTH_MODE=demo only): same answer and same work for a wrong user or password. */
export class DemoLoginService {
  private readonly passwordDigest = digest(DEMO_PASSWORD);

  constructor(
    private readonly tokens: LocalTokenService,
    private readonly users: readonly DemoUser[] = DEMO_USERS,
  ) {}

  async login(username: string, password: string): Promise<TokenResponse> {
    const user = this.users.find((u) => u.username === username);
    const passwordOk = timingSafeEqual(digest(password), this.passwordDigest);
    if (!user || !passwordOk) {
      throw new DomainError('NON_AUTENTICATO', 'Credenziali non valide.');
    }
    return this.tokens.issue(user);
  }
}

// Hashing first gives equal lengths, as timingSafeEqual requires, whatever the input.
function digest(value: string): Buffer {
  return createHash('sha256').update(value, 'utf8').digest();
}
