import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/core/errors.js';
import { Graph } from '../../src/graph/Graph.js';
import { formatEdgeList, parseEdgeList } from '../../src/io/index.js';
import { formatError } from '../helpers/expectFormatError.js';

describe('edge-list text', () => {
  const labelled = Graph.fromEdgeList(4, [[0, 1], [2, 3], [1, 2]], { nodeLabels: [0, 2, 1, 0], edgeLabels: [1, 3, 2] });
  const plain = Graph.fromEdgeList(3, [[0, 2]]);
  it('formats the documented grammar', () => {
    expect(formatEdgeList([plain, Graph.empty(0), labelled])).toBe(
      'graph 3\n0 2\ngraph 0\ngraph 4\nnodelabels 0 2 1 0\n0 1 1\n1 2 2\n2 3 3\n',
    );
    expect(formatEdgeList([])).toBe('');
  });
  it('round-trips labels and flags exactly', () => {
    const gs = [plain, Graph.empty(0), labelled, Graph.fromEdgeList(2, [[0, 1]], { nodeLabels: [0, 0] })];
    const back = parseEdgeList(formatEdgeList(gs));
    expect(back.length).toBe(4);
    back.forEach((g, i) => {
      expect(g.equals(gs[i])).toBe(true);
      expect(g.hasNodeLabels).toBe(gs[i].hasNodeLabels);
      expect(g.hasEdgeLabels).toBe(gs[i].hasEdgeLabels);
    });
  });
  it('comments, blank lines, CRLF and spacing are accepted', () => {
    const [g] = parseEdgeList('# two graphs\r\n\r\ngraph 3   # three nodes\r\n  0\t1 \r\n\n');
    expect(g.n).toBe(3);
    expect(g.edges()).toEqual([[0, 1]]);
    expect(parseEdgeList('')).toEqual([]);
    expect(parseEdgeList('# nothing\n\n')).toEqual([]);
  });
  it('plain edge lists (networkx write_edgelist style)', () => {
    const [g] = parseEdgeList('0 1 {}\n1 4 {}\n');
    expect(g.n).toBe(5);
    expect(g.edges()).toEqual([[0, 1], [1, 4]]);
    const [h] = parseEdgeList('0 1 2\n2 1 1\n');
    expect(h.edgeLabel(0, 1)).toBe(2);
  });
  it('bad arguments', () => {
    expect(() => parseEdgeList(undefined as unknown as string)).toThrow(InputError);
    expect(() => formatEdgeList([1] as unknown as Graph[])).toThrow(InputError);
    expect(() => formatEdgeList('x' as unknown as Graph[])).toThrow(InputError);
  });
});

describe('edge-list malformed input', () => {
  it('syntax', () => {
    formatError(() => parseEdgeList('graph 3\n0 1\nedge 1 2\n'), 3, /unknown keyword "edge"/);
    formatError(() => parseEdgeList('graph\n'), 1, /exactly one node count/);
    formatError(() => parseEdgeList('graph 3 4\n'), 1, /exactly one node count/);
    formatError(() => parseEdgeList('graph -3\n'), 1, /non-negative integer/);
    formatError(() => parseEdgeList('graph 3\n0 1.5\n'), 2, /non-negative integer, found "1.5"/);
    formatError(() => parseEdgeList('graph 3\n0 1 1 1\n'), 2, /"u v" or "u v class", found 4/);
    formatError(() => parseEdgeList('graph 3\n0\n'), 2, /found 1 values/);
    formatError(() => parseEdgeList('graph 99999999999\n'), 1, /too large/);
  });
  it('structure', () => {
    formatError(() => parseEdgeList('0 1\ngraph 3\n'), 1, /before the first "graph"/);
    formatError(() => parseEdgeList('nodelabels 0\ngraph 1\n'), 1, /before the first "graph"/);
    formatError(() => parseEdgeList('graph 2\nnodelabels 0\n'), 2, /needs 2 classes/);
    formatError(() => parseEdgeList('graph 2\nnodelabels 0 0\nnodelabels 0 0\n'), 3, /second "nodelabels"/);
    formatError(() => parseEdgeList('0 1\nnodelabels 0 0\n'), 2, /needs a "graph n" line/);
  });
  it('graph content', () => {
    formatError(() => parseEdgeList('graph 3\n0 3\n'), 2, /node id 3 out of range 0..2/);
    formatError(() => parseEdgeList('graph 3\n0 1\n1 1\n'), 3, /self-loop/);
    formatError(() => parseEdgeList('graph 3\n0 1\n1 2\n1 0\n'), 4, /more than once/);
    formatError(() => parseEdgeList('graph 3\n0 1 2\n1 2\n'), 3, /every edge has a class or none/);
    formatError(() => parseEdgeList('graph 3\n0 1 0\n'), 2, /edge class must be >= 1/);
    formatError(() => parseEdgeList('graph 3\n0 1 {}\n'), 2, /non-negative integer, found "\{\}"/);
  });
});
