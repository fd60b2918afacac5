#!/usr/bin/env node
/**
 * The `graphgen` command line. This is the only part of graphgen that touches `process`, the
 * file system for user paths, and the console. Each subcommand lives in `commands/<name>.ts`
 * and exports a function returning a commander `Command`.
 *
 * @module cli
 */
import { Command } from 'commander';
import { readFileSync } from 'node:fs';
import { runCli } from './runCli.js';
import { datasetsCommand } from './commands/datasets.js';
import { evalCommand } from './commands/eval.js';
import { trainCommand } from './commands/train.js';
import { sampleCommand } from './commands/sample.js';
import { demoCommand } from './commands/demo.js';

const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };

const program = new Command('graphgen')
  .description('Generative modeling on graph space: datasets, training, sampling, evaluation.')
  .version(pkg.version)
  .option('--verbose', 'print stack traces on errors')
  .showHelpAfterError('(add --help for usage)');

// Subcommands (one file each under ./commands):
program.addCommand(datasetsCommand());
program.addCommand(evalCommand());
program.addCommand(trainCommand());
program.addCommand(sampleCommand());
program.addCommand(demoCommand());

await runCli(program, process.argv);
