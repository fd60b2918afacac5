import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { demoCommand } from '../../src/cli/commands/demo.js';
import { parseGraph6 } from '../../src/io/parseGraph6.js';
import { runCliProcess } from '../generators/cliHelpers.js';

describe('graphgen demo', () => {
  it('is a commander Command named demo', () => {
    expect(demoCommand()).toBeInstanceOf(Command);
    expect(demoCommand().name()).toBe('demo');
  });

  it('trains briefly, prints the comparison table and writes samples.g6 and report.json', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'graphgen-demo-')), 'demo');
    const r = runCliProcess(['demo', '--out', out, '--seconds', '1', '--epochs', '1', '--steps', '2', '--no-progress']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/erdos-renyi/);
    expect(r.stdout).toMatch(/sbm/);
    expect(r.stdout).toMatch(/orbit/);
    const samples = parseGraph6(readFileSync(join(out, 'samples.g6'), 'utf8'));
    const report = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8'));
    expect(samples.length).toBe(report.sampling.count);
    expect(Object.keys(report.results)).toEqual(['defog', 'erdos-renyi', 'sbm', 'train (ref.)']);
    expect(report.results.defog.preset).toBe('gdss');
    expect(existsSync(join(out, 'report.json'))).toBe(true);
  });
});
