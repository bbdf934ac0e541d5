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
