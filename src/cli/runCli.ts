import { Command, CommanderError } from 'commander';
import { GraphgenError } from '../core/errors.js';

/**
 * Makes every command of the tree throw on usage errors instead of calling `process.exit`
 * (commander does not propagate `exitOverride` to commands added with `addCommand`), and show
 * the help hint after an error. {@link runCli} applies it; tests running commands in-process too.
 */
export function configureCommandTree(cmd: Command): Command {
  cmd.exitOverride().showHelpAfterError('(add --help for usage)');
  cmd.commands.forEach((c) => configureCommandTree(c as Command));
  return cmd;
}

/**
 * Parses argv and runs the matching subcommand. Errors become one clear line on stderr and exit
 * code 2 (usage errors and graphgen errors alike); `--verbose` adds the stack trace. Unexpected
 * internal errors exit with code 1.
 */
export async function runCli(program: Command, argv: string[]): Promise<void> {
  configureCommandTree(program);
  const verbose = argv.includes('--verbose');
  try {
    await program.parseAsync(argv);
  } catch (err) {
    if (err instanceof CommanderError) {
      // help and version "errors" exit 0; usage errors were already printed by commander.
      process.exitCode = err.exitCode === 0 ? 0 : 2;
      return;
    }
    if (err instanceof GraphgenError) {
      process.stderr.write(`graphgen: error [${err.code}]: ${err.message}\n`);
      if (verbose && err.stack) process.stderr.write(`${err.stack}\n`);
      process.exitCode = 2;
      return;
    }
    const e = err as Error;
    process.stderr.write(`graphgen: internal error: ${e?.message ?? String(err)}\n`);
    if (verbose && e?.stack) process.stderr.write(`${e.stack}\n`);
    process.exitCode = 1;
  }
}
