// Session: the user running the script, its locale and the script's time zone.

import { createHash } from 'node:crypto';
import type { RuntimeCore } from './core.ts';

export interface FakeUser {
  getEmail(): string;
  getUsername(): string;
}

export class FakeSession {
  constructor(
    private readonly core: RuntimeCore,
    private readonly s: { user(): string; locale(): string; timeZone(): string },
  ) {}
  private userObject(email: string): FakeUser {
    return this.core.instrument({ getEmail: () => email, getUsername: () => email.split('@')[0] ?? '' }, 'User');
  }
  getActiveUser(): FakeUser {
    return this.userObject(this.s.user());
  }
  /** Add-ons run as the user who runs them. */
  getEffectiveUser(): FakeUser {
    return this.userObject(this.s.user());
  }
  getScriptTimeZone(): string {
    return this.s.timeZone();
  }
  getActiveUserLocale(): string {
    return this.s.locale();
  }
  /** Stable per user and script, opaque, as Google's. */
  getTemporaryActiveUserKey(): string {
    return createHash('sha256').update(`tmpkey:${this.s.user()}`).digest('base64url').slice(0, 43);
  }
}

export function createSession(core: RuntimeCore, s: { user(): string; locale(): string; timeZone(): string }): FakeSession {
  return core.instrument(new FakeSession(core, s), 'Session');
}
