import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/core/errors.js';
import { createRng } from '../../src/core/rng.js';
import { Graph } from '../../src/graph/Graph.js';
import { formatGraph6, parseGraph6 } from '../../src/io/index.js';
import { decodeSizeField, encodeSizeField } from '../../src/io/internal/sizeField.js';
import { fixtures } from './fixtures.js';
import { formatError } from '../helpers/expectFormatError.js';

describe('graph6 against networkx 2.8.8', () => {
  const cases = fixtures.cases.filter((c) => c.graph6 !== undefined);
  it(`formats ${cases.length} fixture graphs byte-identically`, () => {
    for (const c of cases) {
      expect(formatGraph6([Graph.fromEdgeList(c.n, c.edges)]), c.name).toBe(c.graph6);
    }
  });
  it('parses every fixture string back to the same graph', () => {
    for (const c of cases) {
      const [g] = parseGraph6(c.graph6 as string);
      expect(g.n).toBe(c.n);
      expect(g.edges(), c.name).toEqual(c.edges);
    }
  });
  it('formats a whole list as the concatenation of the lines', () => {
    const graphs = cases.map((c) => Graph.fromEdgeList(c.n, c.edges));
    const text = formatGraph6(graphs);
    expect(text).toBe(cases.map((c) => c.graph6).join(''));
    const back = parseGraph6(text);
    back.forEach((g, i) => expect(g.equals(graphs[i])).toBe(true));
  });
  it('reads the networkx file with a header on every line', () => {
    const m = fixtures.multiWithHeaders;
    const graphs = parseGraph6(m.text);
    expect(graphs.map((g) => g.n)).toEqual(m.n);
    expect(graphs.map((g) => g.edges())).toEqual(m.edges);
  });
  it('size fields equal networkx n_to_data at the boundaries, and decode back', () => {
    for (const { n, data } of fixtures.sizeFields) {
      expect(encodeSizeField(n, 'n')).toEqual(data);
      const s = String.fromCharCode(...data.map((d) => d + 63));
      expect(decodeSizeField(s, 0, 1, 'graph6')).toEqual({ n, next: data.length });
    }
  });
});

describe('graph6 format/parse', () => {
  it('writes the header once at the top and reads it back', () => {
    const gs = [Graph.fromEdgeList(3, [[0, 1]]), Graph.empty(2)];
    const text = formatGraph6(gs, { header: true });
    expect(text).toBe('>>graph6<<B_\nA?\n');
    expect(parseGraph6(text).map((g) => g.numEdges)).toEqual([1, 0]);
    expect(formatGraph6([], { header: true })).toBe('');
    expect(parseGraph6('')).toEqual([]);
  });
  it('accepts CRLF line ends and no final newline', () => {
    expect(parseGraph6('Bw\r\nBg').map((g) => g.numEdges)).toEqual([3, 2]);
  });
  it('round-trips random graphs of up to 300 nodes (4-character size field)', () => {
    const rng = createRng(7);
    for (const n of [0, 1, 2, 5, 61, 62, 63, 64, 200, 300]) {
      const edges: [number, number][] = [];
      for (let v = 1; v < n; v++) for (let u = 0; u < v; u++) if (rng.bernoulli(0.1)) edges.push([u, v]);
      const g = Graph.fromEdgeList(n, edges);
      const [h] = parseGraph6(formatGraph6([g]));
      expect(h.equals(g)).toBe(true);
    }
  });
  it('decodes a non-minimal size field like nauty and networkx', () => {
    // n = 2 written in the 4-character form: ~ ? ? A then one data char.
    expect(parseGraph6('~??A_\n')[0].edges()).toEqual([[0, 1]]);
  });
  it('rejects labelled graphs unless dropLabels is set', () => {
    const g = Graph.fromEdgeList(2, [[0, 1]], { nodeLabels: [0, 3] });
    expect(() => formatGraph6([g])).toThrow(InputError);
    expect(() => formatGraph6([g])).toThrow(/dropLabels/);
    const e = Graph.fromEdgeList(2, [[0, 1]], { edgeLabels: [2] });
    expect(() => formatGraph6([e])).toThrow(/edge \{0, 1\} with class 2/);
    expect(formatGraph6([g], { dropLabels: true })).toBe('A_\n');
    // Explicit but default labels lose nothing.
    expect(formatGraph6([Graph.fromEdgeList(2, [[0, 1]], { nodeLabels: [0, 0], edgeLabels: [1] })])).toBe('A_\n');
  });
  it('rejects bad arguments with InputError', () => {
    expect(() => formatGraph6('Bw' as unknown as Graph[])).toThrow(InputError);
    expect(() => formatGraph6([{ n: 2 }] as unknown as Graph[])).toThrow(/graphs\[0\]: expected a Graph/);
    expect(() => parseGraph6(42 as unknown as string)).toThrow(InputError);
    expect(() => parseGraph6(null as unknown as string)).toThrow(InputError);
    expect(() => formatGraph6([Graph.empty(80001)])).toThrow(/use formatSparse6/);
  });
});

describe('graph6 malformed input', () => {
  it('bad characters name the line and column', () => {
    formatError(() => parseGraph6('Bw\nB w\n'), 2, /bad character " " \(code 32\) at column 2/);
    formatError(() => parseGraph6('Bw\nB\u00e9\n'), 2, /bad character/);
    formatError(() => parseGraph6('B>\n'), 1, /code 62/);
  });
  it('truncated lines and trailing garbage', () => {
    formatError(() => parseGraph6('Bw\nC\n'), 2, /needs 1 data characters but the line has 0 \(truncated line\)/);
    formatError(() => parseGraph6('Bww\n'), 1, /trailing characters/);
    formatError(() => parseGraph6('~?\n'), 1, /truncated size field/);
    formatError(() => parseGraph6('~~???\n'), 1, /truncated size field/);
  });
  it('size fields that do not match the data', () => {
    formatError(() => parseGraph6('Dw\n'), 1, /n = 5 needs 2 data characters but the line has 1/);
    // A 36-bit size field is decoded but far too large for the data.
    formatError(() => parseGraph6('~~~~~~~~\n'), 1, /exceeds the largest supported node count/);
    formatError(() => parseGraph6('~~??A????\n'), 1, /n = 524288 needs 22906448555 data characters/);
  });
  it('non-zero padding bits', () => {
    formatError(() => parseGraph6('B~\n'), 1, /padding bit 1 .* must be 0/);
  });
  it('blank lines (only one final line break is allowed)', () => {
    formatError(() => parseGraph6('Bw\n\nBw\n'), 2, /empty line/);
    formatError(() => parseGraph6('Bw\n\n'), 2, /empty line/);
    formatError(() => parseGraph6('\n'), 1, /empty line/);
  });
  it('sparse6, incremental sparse6, digraph6 and a bare header', () => {
    formatError(() => parseGraph6('Bw\n:Fa@x^\n'), 2, /sparse6.*parseSparse6/);
    formatError(() => parseGraph6(';Fa@x^\n'), 1, /incremental sparse6/);
    formatError(() => parseGraph6('&B?\n'), 1, /digraph6/);
    formatError(() => parseGraph6('>>graph6<<\n'), 1, /header but no graph/);
  });
});
