import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { sampleCommand } from '../../src/cli/commands/sample.js';
import { parseGraph6 } from '../../src/io/parseGraph6.js';
import { runCliProcess, toyDatasetDir } from '../generators/cliHelpers.js';

describe('graphgen sample', () => {
  it('is a commander Command named sample', () => {
    expect(sampleCommand()).toBeInstanceOf(Command);
    expect(sampleCommand().name()).toBe('sample');
  });

  it('samples from a trained model into a graph6 file, deterministically for a seed', () => {
    const dir = toyDatasetDir();
    const model = join(dir, 'model');
    expect(runCliProcess(['train', '--dataset', join(dir, 'data'), '--model', 'digress', '--epochs', '1', '--layers', '1', '--hidden', '8', '--out', model, '--no-eval', '--no-progress']).status).toBe(0);
    const a = join(dir, 'a.g6');
    const r = runCliProcess(['sample', '--model', model, '--count', '5', '--steps', '3', '--out', a, '--seed', '4', '--no-progress']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/wrote 5 graphs/);
    const graphs = parseGraph6(readFileSync(a, 'utf8'));
    expect(graphs).toHaveLength(5);
    const b = join(dir, 'b.g6');
    runCliProcess(['sample', '--model', model, '--count', '5', '--steps', '3', '--out', b, '--seed', '4', '--no-progress']);
    expect(readFileSync(b, 'utf8')).toBe(readFileSync(a, 'utf8'));
  });

  it('rejects a missing model and bad counts with exit code 2', () => {
    const dir = toyDatasetDir();
    const r = runCliProcess(['sample', '--model', join(dir, 'none'), '--out', join(dir, 'x.g6')]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/cannot read/);
    const c = runCliProcess(['sample', '--model', join(dir, 'none'), '--count', 'many', '--out', join(dir, 'x.g6')]);
    expect(c.status).toBe(2);
    expect(c.stderr).toMatch(/--count/);
    expect(existsSync(join(dir, 'x.g6'))).toBe(false);
  });
});
