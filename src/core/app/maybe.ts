// Apps Script runs every server function synchronously (a returned Promise never settles for
// google.script.run), while Node's .docx packer is asynchronous. Operations therefore chain with
// `thenMaybe`: synchronous when the port answered synchronously, a Promise only when it did not.
export type MaybePromise<T> = T | Promise<T>;

export const isThenable = <T>(v: MaybePromise<T>): v is Promise<T> =>
  typeof v === 'object' && v !== null && typeof (v as Promise<T>).then === 'function';

export function thenMaybe<T, U>(value: MaybePromise<T>, next: (v: T) => MaybePromise<U>): MaybePromise<U> {
  return isThenable(value) ? value.then(next) : next(value);
}
