import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/core/errors.js';
import { createRng } from '../../src/core/rng.js';
import { Graph } from '../../src/graph/Graph.js';
import { formatSparse6, parseSparse6 } from '../../src/io/index.js';
import { fixtures } from './fixtures.js';
import { formatError } from '../helpers/expectFormatError.js';

describe('sparse6 against networkx 2.8.8', () => {
  it(`formats ${fixtures.cases.length} fixture graphs byte-identically (padding special case included)`, () => {
    for (const c of fixtures.cases) {
      expect(formatSparse6([Graph.fromEdgeList(c.n, c.edges)]), c.name).toBe(c.sparse6);
    }
  });
  it('parses every fixture string back to the same graph, n up to 10^6 (8-character size field)', () => {
    for (const c of fixtures.cases) {
      const [g] = parseSparse6(c.sparse6);
      expect(g.n, c.name).toBe(c.n);
      expect(g.edges(), c.name).toEqual(c.edges);
    }
    expect(fixtures.cases.some((c) => c.n === 258047) && fixtures.cases.some((c) => c.n === 258048)).toBe(true);
  });
  it('the n = 2^k padding case: a 0 bit before the 1s (networkx writes :Cb for n = 4, edge {0, 1})', () => {
    // bits: unit (1, 00) = edge {0, 1}, then padding 0 11 (not 111, which would read as a move to v = 3).
    expect(formatSparse6([Graph.fromEdgeList(4, [[0, 1]])])).toBe(':Cb\n');
    expect(parseSparse6(':Cb\n')[0].edges()).toEqual([[0, 1]]);
    expect(fixtures.cases.filter((c) => c.name.startsWith('k4-subset-')).length).toBe(63);
  });
});

describe('sparse6 format/parse', () => {
  it('round-trips random sparse graphs and the header', () => {
    const rng = createRng(11);
    const graphs: Graph[] = [];
    for (const n of [0, 1, 2, 3, 4, 7, 8, 9, 16, 17, 31, 32, 33, 64, 65, 500]) {
      const edges: [number, number][] = [];
      for (let v = 1; v < n; v++) for (let u = 0; u < v; u++) if (rng.bernoulli(Math.min(1, 3 / n))) edges.push([u, v]);
      graphs.push(Graph.fromEdgeList(n, edges));
    }
    const text = formatSparse6(graphs, { header: true });
    expect(text.startsWith('>>sparse6<<:')).toBe(true);
    parseSparse6(text).forEach((g, i) => expect(g.equals(graphs[i])).toBe(true));
    expect(parseSparse6('')).toEqual([]);
    expect(formatSparse6([])).toBe('');
  });
  it('labels need dropLabels', () => {
    const g = Graph.fromEdgeList(2, [[0, 1]], { edgeLabels: [3] });
    expect(() => formatSparse6([g])).toThrow(InputError);
    expect(formatSparse6([g], { dropLabels: true })).toBe(formatSparse6([Graph.fromEdgeList(2, [[0, 1]])]));
  });
  it('bad arguments', () => {
    expect(() => formatSparse6(undefined as unknown as Graph[])).toThrow(InputError);
    expect(() => formatSparse6([null] as unknown as Graph[])).toThrow(InputError);
    expect(() => parseSparse6({} as unknown as string)).toThrow(InputError);
  });
});

describe('sparse6 malformed input', () => {
  it('lines that are not sparse6', () => {
    formatError(() => parseSparse6(':Fa@x^\nBw\n'), 2, /must start with ":"/);
    formatError(() => parseSparse6(';Fa@x^\n'), 1, /incremental sparse6 .* not supported/);
    formatError(() => parseSparse6('>>sparse6<<\n'), 1, /header but no graph/);
  });
  it('bad characters, truncated size fields, blank lines', () => {
    formatError(() => parseSparse6(':Fa@ x^\n'), 1, /bad character " "/);
    formatError(() => parseSparse6(':~?\n'), 1, /truncated size field/);
    formatError(() => parseSparse6(':Fa@x^\n\n:Fa@x^\n'), 2, /empty line/);
    formatError(() => parseSparse6(':\n'), 1, /truncated size field/);
  });
  it('trailing garbage after the padding', () => {
    formatError(() => parseSparse6(':Fa@x^~~\n'), 1, /trailing character/);
    formatError(() => parseSparse6(':Fa@x^a\n'), 1, /trailing character|padding/);
  });
  it('malformed padding', () => {
    // n = 7, k = 3: ':Fa@x^' ends with 1-bit padding; replace the last char by one with a 0 in the padding.
    formatError(() => parseSparse6(':Fa@x]\n'), 1, /padding/);
  });
  it('self-loops and repeated edges', () => {
    // n = 2, k = 1: units (b, x). (0,0) = edge {0,0}: self-loop.
    formatError(() => parseSparse6(':A?\n'), 1, /self-loop on node 0/);
    // (1,0) -> v=1, edge {0,1}; (0,0) -> edge {0,1} again; then padding 11.
    formatError(() => parseSparse6(':AO\n'), 1, /appears more than once/);
  });
});
