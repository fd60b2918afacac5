import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Command } from 'commander';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { datasetsCommand } from '../../src/cli/commands/datasets.js';
import { configureCommandTree } from '../../src/cli/runCli.js';
import { InputError, IoError } from '../../src/core/errors.js';
import { loadDataset } from '../../src/datasets/index.js';
import { formatGraph6, parseEdgeList, parseGraph6, parseGraphJson, parseSparse6 } from '../../src/io/index.js';

const repo = fileURLToPath(new URL('../../', import.meta.url));
const sharedRoot = fileURLToPath(new URL('../../../shared/datasets', import.meta.url));
const sharedPresent = existsSync(`${sharedRoot}/README.md`);
const tmp = mkdtempSync(join(tmpdir(), 'graphgen-cli-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** Runs `graphgen datasets ...` in-process and returns what it wrote to stdout. */
async function run(...args: string[]): Promise<string> {
  const program = new Command('graphgen');
  program.addCommand(datasetsCommand());
  configureCommandTree(program);
  const out: string[] = [];
  const spy = vi.spyOn(process.stdout, 'write').mockImplementation((s: string | Uint8Array) => (out.push(String(s)), true));
  const spyErr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
  try {
    await program.parseAsync(['node', 'graphgen', 'datasets', ...args]);
  } finally {
    spy.mockRestore();
    spyErr.mockRestore();
  }
  return out.join('');
}

/** Spawns the real CLI (for exit codes and the one-line error contract). */
function spawn(...args: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], { cwd: repo, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('graphgen datasets (in-process)', () => {
  it('list names every recipe and benchmark', async () => {
    const out = await run('list', '--root', sharedRoot);
    for (const name of ['planar', 'sbm', 'community-small', 'tree', 'grid', 'lobster', 'ego-like', 'shared:planar', 'shared:enzymes']) expect(out).toContain(name);
    expect(out).toMatch(/NOT Citeseer/);
  });
  it('show prints per-split stats', async () => {
    const out = await run('show', 'tree');
    expect(out).toMatch(/train\s+128\s+64 \/ 64 \/ 64\.00\s+63 \/ 63 \/ 63\.00\s+128\/128/);
    expect(out).toMatch(/all\s+200/);
    expect(out).toMatch(/recipe, seed 0/);
  });
  it('show --markdown prints one row per dataset', async () => {
    const out = await run('show', 'tree', 'grid', '--markdown');
    const lines = out.trim().split('\n');
    expect(lines.length).toBe(4);
    expect(lines[0]).toMatch(/^\| dataset \| source \|/);
    expect(lines[2]).toBe('| tree | recipe (seed 0) | 200 (128/32/40) | 64-64 (64.00) | 63-63 (63.00) | 200/200 |');
    expect(lines[3]).toBe('| grid | recipe (seed 0) | 100 (64/16/20) | 100-361 (210.25) | 180-684 (391.50) | 100/100 |');
  });
  it('export writes each format to a file, equal to the loaded split', async () => {
    const data = loadDataset('community-small', { seed: 3 });
    const file = join(tmp, 'out.txt');
    const parsers = { g6: parseGraph6, s6: parseSparse6, json: parseGraphJson, edgelist: parseEdgeList };
    for (const [format, parse] of Object.entries(parsers)) {
      await run('export', 'community-small', '--seed', '3', '--split', 'val', '--format', format, '--out', file);
      const back = parse(readFileSync(file, 'utf8'));
      expect(back.length).toBe(16);
      back.forEach((g, i) => expect(g.equals(data.val[i])).toBe(true));
    }
    expect(await run('export', 'tree')).toBe(formatGraph6(loadDataset('tree').test));
    expect(parseGraph6(await run('export', 'tree', '--split', 'all')).length).toBe(200);
  });
  it.skipIf(!sharedPresent)('show and export read the benchmark files with shared:<name>', async () => {
    const out = await run('show', 'shared:enzymes', '--root', sharedRoot);
    expect(out).toMatch(/train\s+470\s+10 \/ 125 \/ 32\.92\s+17 \/ 149 \/ 62\.90\s+449\/470/);
    expect(out).toMatch(/val\s+0\s/);
    const g6 = await run('export', 'shared:planar', '--root', sharedRoot);
    expect(g6).toBe(readFileSync(`${sharedRoot}/planar/test.g6`, 'latin1'));
  });
  it('bad input raises typed errors', async () => {
    await expect(run('show', 'citeseer')).rejects.toThrow(InputError);
    await expect(run('show', 'shared:qm9', '--root', sharedRoot)).rejects.toThrow(/benchmark name after "shared:"/);
    await expect(run('show')).rejects.toThrow(/at least one dataset name/);
    await expect(run('show', 'tree', '--seed', 'abc')).rejects.toThrow(/--seed: expected an integer/);
    await expect(run('show', 'shared:planar', '--root', join(tmp, 'none'))).rejects.toThrow(IoError);
    await expect(run('export', 'tree', '--out', join(tmp, 'no', 'such', 'dir', 'x.g6'))).rejects.toThrow(/--out: cannot write/);
    await expect(run('export', 'tree', '--format', 'xml')).rejects.toThrow(/Allowed choices/);
    await expect(run('export', 'tree', '--split', 'dev')).rejects.toThrow(/Allowed choices/);
  });
});

describe('graphgen datasets (spawned CLI)', () => {
  it('--help exits 0; bad input exits 2 with one line and no stack trace', () => {
    const help = spawn('datasets', '--help');
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/list[\s\S]*show[\s\S]*export/);
    const bad = spawn('datasets', 'show', 'citeseer');
    expect(bad.code).toBe(2);
    const lines = bad.stderr.split('\n').filter((l) => l.startsWith('graphgen:'));
    expect(lines).toEqual([expect.stringMatching(/^graphgen: error \[E_INPUT\]: <name>: expected a recipe/)]);
    expect(bad.stderr).not.toMatch(/\n\s+at /);
    const verbose = spawn('--verbose', 'datasets', 'show', 'citeseer');
    expect(verbose.code).toBe(2);
    expect(verbose.stderr).toMatch(/\n\s+at /);
    const usage = spawn('datasets', 'export', 'tree', '--format', 'xml');
    expect(usage.code).toBe(2);
  });
});
