// PropertiesService: script (shared by every user), user (per simulated user) and document
// (per active spreadsheet) stores, with Google's limits: 9 KB a value, 500 KB a store.

import { gasError, utf8Length, type RuntimeCore } from './core.ts';

// Messages as Apps Script reports them (seen in public reports of the real exceptions).
export const PROPERTY_MSG = {
  valueTooLarge: 'Argument too large: value',
  keyTooLarge: 'Argument too large: key',
  quota: 'You have exceeded the property storage quota. Please remove some properties and try again.',
} as const;

export const PROPERTY_VALUE_LIMIT = 9 * 1024;
export const PROPERTY_STORE_LIMIT = 500 * 1024;

export class PropertyStores {
  readonly script = new Map<string, string>();
  private readonly users = new Map<string, Map<string, string>>();
  private readonly documents = new Map<string, Map<string, string>>();
  constructor(readonly core: RuntimeCore) {}
  user(email: string): Map<string, string> {
    let m = this.users.get(email);
    if (!m) this.users.set(email, (m = new Map()));
    return m;
  }
  document(id: string): Map<string, string> {
    let m = this.documents.get(id);
    if (!m) this.documents.set(id, (m = new Map()));
    return m;
  }
}

function storeSize(map: Map<string, string>): number {
  let n = 0;
  for (const [k, v] of map) n += utf8Length(k) + utf8Length(v);
  return n;
}

export class FakeProperties {
  constructor(private readonly map: Map<string, string>) {}
  private check(next: Map<string, string>, changed: [string, string][]): void {
    for (const [k, v] of changed) {
      if (utf8Length(k) > PROPERTY_VALUE_LIMIT) throw gasError(PROPERTY_MSG.keyTooLarge);
      if (utf8Length(v) > PROPERTY_VALUE_LIMIT) throw gasError(PROPERTY_MSG.valueTooLarge);
    }
    if (storeSize(next) > PROPERTY_STORE_LIMIT) throw gasError(PROPERTY_MSG.quota);
  }
  getProperty(key: string): string | null {
    return this.map.get(String(key)) ?? null;
  }
  /** Values are stored as strings (String(value)), as Google does. */
  setProperty(key: string, value: unknown): this {
    const k = String(key);
    const v = String(value);
    const next = new Map(this.map).set(k, v);
    this.check(next, [[k, v]]);
    this.map.set(k, v);
    return this;
  }
  setProperties(properties: Record<string, unknown>, deleteAllOthers = false): this {
    const changed = Object.entries(properties).map(([k, v]) => [k, String(v)] as [string, string]);
    const next = deleteAllOthers ? new Map(changed) : new Map([...this.map, ...changed]);
    this.check(next, changed);
    if (deleteAllOthers) this.map.clear();
    for (const [k, v] of changed) this.map.set(k, v);
    return this;
  }
  getProperties(): Record<string, string> {
    return Object.fromEntries(this.map);
  }
  getKeys(): string[] {
    return [...this.map.keys()];
  }
  deleteProperty(key: string): this {
    this.map.delete(String(key));
    return this;
  }
  deleteAllProperties(): this {
    this.map.clear();
    return this;
  }
}

export class FakePropertiesService {
  constructor(
    private readonly core: RuntimeCore,
    private readonly stores: PropertyStores,
    private readonly user: () => string,
    private readonly activeId: () => string | null,
  ) {}
  getScriptProperties(): FakeProperties {
    return this.core.instrument(new FakeProperties(this.stores.script), 'Properties');
  }
  getUserProperties(): FakeProperties {
    return this.core.instrument(new FakeProperties(this.stores.user(this.user())), 'Properties');
  }
  /** null when the script is not bound to / running in a document. */
  getDocumentProperties(): FakeProperties | null {
    const id = this.activeId();
    return id === null ? null : this.core.instrument(new FakeProperties(this.stores.document(id)), 'Properties');
  }
}

export function createPropertiesService(core: RuntimeCore, stores: PropertyStores, user: () => string, activeId: () => string | null): FakePropertiesService {
  return core.instrument(new FakePropertiesService(core, stores, user, activeId), 'PropertiesService');
}
