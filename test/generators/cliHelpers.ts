import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRng } from '../../src/core/rng.js';
import { formatGraph6 } from '../../src/io/formatGraph6.js';
import { toyGraphs } from './helpers.js';

/** Repository root. */
export const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const tsx = join(root, 'node_modules', '.bin', 'tsx');
const main = join(root, 'src', 'cli', 'main.ts');

export function runCliProcess(args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(tsx, [main, ...args], { cwd: root, encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A dataset folder with train.g6 and test.g6 of toy graphs. */
export function toyDatasetDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'graphgen-cli-'));
  mkdirSync(join(dir, 'data'));
  writeFileSync(join(dir, 'data', 'train.g6'), formatGraph6(toyGraphs(12, createRng(1))));
  writeFileSync(join(dir, 'data', 'test.g6'), formatGraph6(toyGraphs(4, createRng(2))));
  return dir;
}

