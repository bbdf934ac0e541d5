// Errors the CLI turns into exit code 2 with one clear line on stderr (the CLI contract (README) "Exit codes").
export class InputError extends Error {
  override name = 'InputError';
}
export class UsageError extends Error {
  override name = 'UsageError';
}
