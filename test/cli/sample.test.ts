import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { sampleCommand } from '../../src/cli/commands/sample.js';
import { parseGraph6 } from '../../src/io/parseGraph6.js';
import type { Graph } from '../../src/graph/Graph.js';
import { runCliProcess, toyDatasetDir } from '../generators/cliHelpers.js';

/** Number of connected components (union-find). */
function connectedComponents(g: Graph): number {
  const parent = Array.from({ length: g.n }, (_, i) => i);
  const find = (v: number): number => (parent[v] === v ? v : (parent[v] = find(parent[v])));
  let comps = g.n;
  for (const [u, v] of g.edges()) {
    const a = find(u);
    const b = find(v);
    if (a !== b) {
      parent[a] = b;
      comps--;
    }
  }
  return comps;
}

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

  it('keeps every sample inside --constraint (here: forests), and rejects it for a baseline', () => {
    const dir = toyDatasetDir();
    const model = join(dir, 'abs');
    expect(runCliProcess(['train', '--dataset', join(dir, 'data'), '--model', 'defog', '--prior', 'absorbing', '--epochs', '1', '--layers', '1', '--hidden', '8', '--out', model, '--no-eval', '--no-progress']).status).toBe(0);
    const out = join(dir, 'forests.g6');
    const r = runCliProcess(['sample', '--model', model, '--count', '6', '--steps', '4', '--constraint', 'acyclic', '--eta', '20', '--out', out, '--no-progress']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const graphs = parseGraph6(readFileSync(out, 'utf8'));
    expect(graphs).toHaveLength(6);
    for (const g of graphs) expect(g.numEdges).toBe(g.n - connectedComponents(g)); // a forest
    const free = join(dir, 'free.g6');
    expect(runCliProcess(['sample', '--model', model, '--count', '6', '--steps', '4', '--eta', '20', '--out', free, '--no-progress']).status).toBe(0);
    expect(parseGraph6(readFileSync(free, 'utf8')).some((g) => g.numEdges > g.n - connectedComponents(g))).toBe(true);
    const er = join(dir, 'er');
    expect(runCliProcess(['train', '--dataset', join(dir, 'data'), '--model', 'er', '--out', er, '--no-progress']).status).toBe(0);
    const bad = runCliProcess(['sample', '--model', er, '--constraint', 'planar', '--out', join(dir, 'er.g6'), '--no-progress']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('--constraint');
    expect(existsSync(join(dir, 'er.g6'))).toBe(false);
    const badSorted = runCliProcess(['sample', '--model', er, '--size-sorted', '--out', join(dir, 'er.g6'), '--no-progress']);
    expect(badSorted.status).toBe(2);
    expect(badSorted.stderr).toContain('--size-sorted');
    // --size-sorted keeps the count and the draw order of node counts (here: the same multiset of sizes)
    const sorted = join(dir, 'sorted.g6');
    expect(runCliProcess(['sample', '--model', model, '--count', '6', '--steps', '4', '--eta', '20', '--size-sorted', '--out', sorted, '--no-progress']).status).toBe(0);
    const ns = (f: string) => parseGraph6(readFileSync(f, 'utf8')).map((g) => g.n);
    expect(ns(sorted)).toEqual(ns(free));
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
