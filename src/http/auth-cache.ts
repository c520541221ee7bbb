/**
 * Who a session or API token belongs to, remembered for a short while: every API request is
 * authenticated, and at 200 requests a second the session lookup would otherwise be the
 * largest part of a cheap GET. An entry lives at most `ttlMs` (and never past the session's
 * own expiry); signing out forgets it at once, so a revoked session stops working immediately
 * in this process and within `ttlMs` in any other.
 */
import type { Caller } from "./route.ts";

export class AuthCache {
  private readonly entries = new Map<string, { caller: Caller; until: number }>();

  constructor(
    private readonly ttlMs = 30_000,
    private readonly maxEntries = 10_000,
  ) {}

  get(key: string): Caller | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.until <= Date.now()) {
      this.entries.delete(key);
      return undefined;
    }
    return entry.caller;
  }

  set(key: string, caller: Caller, expiresAt: number = Number.POSITIVE_INFINITY): void {
    if (this.entries.size >= this.maxEntries) this.entries.clear();
    this.entries.set(key, { caller, until: Math.min(expiresAt, Date.now() + this.ttlMs) });
  }

  forget(key: string): void {
    this.entries.delete(key);
  }

  /** Forgets everyone: a user's role or password changed, or a user was removed. */
  clear(): void {
    this.entries.clear();
  }
}
