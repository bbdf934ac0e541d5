// The shape of a message catalogue: a key, its Vietnamese and English side by side, and where a
// language words a count of one differently, that form under `one` (used when params.n is 1).
export interface Text2 {
  vi: string;
  en: string;
}

export interface Message extends Text2 {
  one?: Partial<Text2>;
}

export type Catalogue = Readonly<Record<string, Message>>;
