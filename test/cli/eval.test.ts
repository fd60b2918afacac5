import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { Command } from 'commander';
import { evalCommand } from '../../src/cli/commands/eval.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const tsx = join(root, 'node_modules', '.bin', 'tsx');
const main = join(root, 'src', 'cli', 'main.ts');
const shared = join(root, '..', 'shared', 'datasets');

function run(args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(tsx, [main, ...args], { cwd: root, encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const dir = mkdtempSync(join(tmpdir(), 'graphgen-eval-'));
// three small graphs in graph6: P3 ("Bg"), triangle ("Bw"), K4 ("C~")
const gen = join(dir, 'gen.g6');
writeFileSync(gen, 'Bg\nBw\nC~\n');
const ref = join(dir, 'ref.g6');
writeFileSync(ref, 'Bw\nBg\nBg\n');

describe('graphgen eval', () => {
  it('is a commander Command named eval', () => {
    expect(evalCommand()).toBeInstanceOf(Command);
    expect(evalCommand().name()).toBe('eval');
  });

  it('prints JSON for files, with the gdss preset', () => {
    const r = run(['eval', '--generated', gen, '--reference', ref, '--train', ref, '--preset', 'gdss', '--json']);
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.preset).toBe('gdss');
    expect(Object.keys(out.mmd).sort()).toEqual(['clustering', 'degree', 'orbit', 'spectral']);
    expect(out.sample.unique).toBe(1);
    expect(out.sample.uniqueNovel).toBeCloseTo(1 / 3, 12);
    expect(out.validity).toBe('none');
  });

  it('prints a table', () => {
    const r = run(['eval', '--generated', gen, '--reference', ref, '--validity', 'tree']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/degree/);
    expect(r.stdout).toMatch(/V\.U\.N\. 33\.3 %/);
  });

  it.skipIf(!existsSync(join(shared, 'planar')))('reads shared:planar:test and defaults validity to planar', () => {
    const r = run(['eval', '--generated', gen, '--reference', 'shared:planar:test', '--root', shared, '--json']);
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).validity).toBe('planar');
  });

  it('one-line typed errors with exit code 2', () => {
    const missing = run(['eval', '--generated', join(dir, 'nope.g6'), '--reference', ref]);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/--generated: cannot read/);
    const folds = run(['eval', '--generated', gen, '--reference', ref, '--folds', 'x']);
    expect(folds.status).toBe(2);
    expect(folds.stderr).toMatch(/--folds/);
    const preset = run(['eval', '--generated', gen, '--reference', ref, '--preset', 'nope']);
    expect(preset.status).toBe(2);
    expect(preset.stderr).toMatch(/--preset/);
    void execFileSync;
  });
});
