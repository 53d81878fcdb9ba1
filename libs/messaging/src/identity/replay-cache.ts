/**
 * The token ids seen by this replica, each kept until its token expires: a token seen again before
 * then is a replay. Expired entries are dropped as new ones arrive, so the size is bounded by the
 * request rate times the longest token lifetime (a few seconds to minutes), never by uptime.
 */
export class ReplayCache {
  /** id → expiry (epoch ms), in insertion order: with similar lifetimes, oldest expire first. */
  private readonly seen = new Map<string, number>();

  constructor(private readonly now: () => number = Date.now) {}

  /** Records the id; false when it was already there and has not expired (a replay). */
  remember(id: string, expiresAtMs: number): boolean {
    const now = this.now();
    this.purge(now);
    const known = this.seen.get(id);
    if (known !== undefined && known >= now) return false;
    this.seen.set(id, expiresAtMs);
    return true;
  }

  get size(): number {
    return this.seen.size;
  }

  private purge(now: number): void {
    for (const [id, expiresAt] of this.seen) {
      if (expiresAt >= now) break;
      this.seen.delete(id);
    }
  }
}
