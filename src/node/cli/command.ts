// What one `cchc` command is: its usage line, options and a run function.
import type { Lang } from '../../core/model.ts';

export interface CommandIO {
  stdout(text: string): void;
  stderr(text: string): void;
  /** stdout is a terminal: progress bars allowed. */
  isTTY: boolean;
  env: NodeJS.ProcessEnv;
}

export interface CommandArgs {
  positionals: string[];
  values: Record<string, string | boolean | undefined>;
  lang: Lang;
}

export interface OptionSpec {
  type: 'string' | 'boolean';
  hint?: string;
  help: Record<Lang, string>;
}

export interface Command {
  name: string;
  usage: string;
  summary: Record<Lang, string>;
  options: Record<string, OptionSpec>;
  /** Returns the exit code. Throws InputError/UsageError for exit code 2. */
  run(args: CommandArgs, io: CommandIO): Promise<number>;
}

/**
 * A command's run, loaded when the command runs: `cchc --help` and every other command load
 * none of its code (each worker of `cchc aggregate` pays the start too).
 */
export function lazyRun(load: () => Promise<{ run: Command['run'] }>): Command['run'] {
  return async (args, io) => (await load()).run(args, io);
}
