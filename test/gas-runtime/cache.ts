// CacheService: script/user/document caches with expiry on the simulated clock and Google's
// limits (100 KB a value, 250-character keys, expiry at most 6 hours).

import { gasError, utf8Length, type RuntimeCore } from './core.ts';

export const CACHE_VALUE_LIMIT = 100 * 1024;
export const CACHE_KEY_LIMIT = 250;
export const CACHE_MAX_EXPIRY_S = 21600;
export const CACHE_DEFAULT_EXPIRY_S = 600;

interface Entry {
  value: string;
  expiresAt: number;
}

export class CacheStores {
  readonly script = new Map<string, Entry>();
  private readonly users = new Map<string, Map<string, Entry>>();
  private readonly documents = new Map<string, Map<string, Entry>>();
  constructor(readonly core: RuntimeCore) {}
  user(email: string): Map<string, Entry> {
    let m = this.users.get(email);
    if (!m) this.users.set(email, (m = new Map()));
    return m;
  }
  document(id: string): Map<string, Entry> {
    let m = this.documents.get(id);
    if (!m) this.documents.set(id, (m = new Map()));
    return m;
  }
}

export class FakeCache {
  constructor(
    private readonly core: RuntimeCore,
    private readonly map: Map<string, Entry>,
  ) {}
  private checkKey(key: string): void {
    if (key.length > CACHE_KEY_LIMIT) throw gasError('Argument too large: key');
  }
  get(key: string): string | null {
    const k = String(key);
    this.checkKey(k);
    const e = this.map.get(k);
    if (!e) return null;
    if (e.expiresAt <= this.core.nowMillis()) {
      this.map.delete(k);
      return null;
    }
    return e.value;
  }
  getAll(keys: string[]): Record<string, string> {
    const out: Record<string, string> = {};
    for (const k of keys) {
      const v = this.get(k);
      if (v !== null) out[k] = v;
    }
    return out;
  }
  put(key: string, value: unknown, expirationInSeconds = CACHE_DEFAULT_EXPIRY_S): void {
    const k = String(key);
    const v = String(value);
    this.checkKey(k);
    if (utf8Length(v) > CACHE_VALUE_LIMIT) throw gasError('Argument too large: value');
    // Google caps the expiry at 6 hours (and treats the whole cache as a hint).
    const seconds = Math.max(1, Math.min(CACHE_MAX_EXPIRY_S, Number(expirationInSeconds)));
    this.map.set(k, { value: v, expiresAt: this.core.nowMillis() + seconds * 1000 });
  }
  putAll(values: Record<string, unknown>, expirationInSeconds = CACHE_DEFAULT_EXPIRY_S): void {
    for (const [k, v] of Object.entries(values)) this.put(k, v, expirationInSeconds);
  }
  remove(key: string): void {
    this.map.delete(String(key));
  }
  removeAll(keys: string[]): void {
    for (const k of keys) this.map.delete(String(k));
  }
}

export class FakeCacheService {
  constructor(
    private readonly core: RuntimeCore,
    private readonly stores: CacheStores,
    private readonly user: () => string,
    private readonly activeId: () => string | null,
  ) {}
  getScriptCache(): FakeCache {
    return this.core.instrument(new FakeCache(this.core, this.stores.script), 'Cache');
  }
  getUserCache(): FakeCache {
    return this.core.instrument(new FakeCache(this.core, this.stores.user(this.user())), 'Cache');
  }
  getDocumentCache(): FakeCache | null {
    const id = this.activeId();
    return id === null ? null : this.core.instrument(new FakeCache(this.core, this.stores.document(id)), 'Cache');
  }
}

export function createCacheService(core: RuntimeCore, stores: CacheStores, user: () => string, activeId: () => string | null): FakeCacheService {
  return core.instrument(new FakeCacheService(core, stores, user, activeId), 'CacheService');
}
