import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/core/errors.js';
import { Graph } from '../../src/graph/Graph.js';
import { formatGraphJson, formatGraphs, parseGraphJson, parseGraphs, GRAPH_FORMATS } from '../../src/io/index.js';
import { formatError } from '../helpers/expectFormatError.js';

describe('JSON graphs', () => {
  const labelled = Graph.fromEdgeList(3, [[0, 1], [1, 2]], { nodeLabels: [0, 1, 0], edgeLabels: [2, 1] });
  it('one graph per line, labels only when present', () => {
    expect(formatGraphJson([Graph.fromEdgeList(2, [[0, 1]]), labelled])).toBe(
      '[\n{"n":2,"edges":[[0,1]]},\n{"n":3,"edges":[[0,1],[1,2]],"nodeLabels":[0,1,0],"edgeLabels":[2,1]}\n]\n',
    );
    expect(formatGraphJson([])).toBe('[]\n');
    expect(parseGraphJson('[]')).toEqual([]);
    expect(parseGraphJson(' [ ] \n')).toEqual([]);
  });
  it('round-trips exactly and accepts any layout', () => {
    const gs = [labelled, Graph.empty(0), Graph.fromEdgeList(4, [[3, 0]])];
    const back = parseGraphJson(formatGraphJson(gs));
    back.forEach((g, i) => {
      expect(g.equals(gs[i])).toBe(true);
      expect(g.hasNodeLabels).toBe(gs[i].hasNodeLabels);
    });
    expect(parseGraphJson(JSON.stringify(gs.map((g) => g.toJSON()), null, 2)).length).toBe(3);
    expect(parseGraphJson('[{"n":1,"edges":[],"nodeLabels":[5]}]')[0].nodeLabel(0)).toBe(5);
    expect(parseGraphJson('[{"n":2,"edges":[["0","1"]]}, {"n":1,"edges":[]}]'.replace('["0","1"]', '[0,1]')).length).toBe(2);
  });
  it('strings with brackets and commas do not confuse the element scanner', () => {
    formatError(() => parseGraphJson('[\n{"n":1,"edges":[],"x,]":1}\n]'), 2, /unknown key "x,\]"/);
  });
  it('bad arguments', () => {
    expect(() => parseGraphJson(5 as unknown as string)).toThrow(InputError);
    expect(() => formatGraphJson({} as unknown as Graph[])).toThrow(InputError);
    expect(() => formatGraphJson([{}] as unknown as Graph[])).toThrow(InputError);
  });
});

describe('JSON malformed input', () => {
  it('syntax errors name the line', () => {
    formatError(() => parseGraphJson('[\n{"n":2,"edges":[[0,1]]},\n{"n":2,,"edges":[]}\n]'), 3, /graphs\[1\]/);
    formatError(() => parseGraphJson('{"n":1}'), 1, /top-level array/);
    formatError(() => parseGraphJson(''), 1, /top-level array.*end of text/);
    formatError(() => parseGraphJson('[\n{"n":1,"edges":[]}\n'), 3, /unterminated/);
    formatError(() => parseGraphJson('[{"n":1,"edges":[]}]\nxx'), 2, /trailing characters/);
    formatError(() => parseGraphJson('[{"n":1,"edges":[]},\n]'), 2, /missing array element/);
    formatError(() => parseGraphJson('[\n\n"abc"]'), 3, /expected a graph object/);
  });
  it('invalid graphs name the line of the graph', () => {
    const text = (g: string): string => `[\n{"n":1,"edges":[]},\n${g}\n]`;
    formatError(() => parseGraphJson(text('{"n":-1,"edges":[]}')), 3, /graphs\[1\]\.n: expected a non-negative integer/);
    formatError(() => parseGraphJson(text('{"n":2.5,"edges":[]}')), 3, /graphs\[1\]\.n/);
    formatError(() => parseGraphJson(text('{"n":2}')), 3, /graphs\[1\]\.edges/);
    formatError(() => parseGraphJson(text('{"n":2,"edges":[[0,2]]}')), 3, /node id in 0..1/);
    formatError(() => parseGraphJson(text('{"n":2,"edges":[[0,0]]}')), 3, /self-loop/);
    formatError(() => parseGraphJson(text('{"n":2,"edges":[[0,1],[1,0]]}')), 3, /more than once/);
    formatError(() => parseGraphJson(text('{"n":2,"edges":[[0,1]],"edgeLabels":[0]}')), 3, /edge class >= 1/);
    formatError(() => parseGraphJson(text('{"n":2,"edges":[],"nodeLabels":[0]}')), 3, /one per node/);
    formatError(() => parseGraphJson(text('{"n":2,"edges":[],"nodeLabels":"ab"}')), 3, /nodeLabels: expected an array/);
    formatError(() => parseGraphJson(text('{"n":2,"edges":[],"weights":[]}')), 3, /unknown key "weights"/);
  });
});

describe('format dispatch', () => {
  it('every format round-trips', () => {
    const gs = [Graph.fromEdgeList(5, [[0, 4], [1, 2]]), Graph.empty(1)];
    for (const f of GRAPH_FORMATS) {
      parseGraphs(formatGraphs(gs, f), f).forEach((g, i) => expect(g.equals(gs[i])).toBe(true));
    }
  });
  it('unknown formats and dropLabels', () => {
    expect(() => formatGraphs([], 'gml' as never)).toThrow(InputError);
    expect(() => parseGraphs('', 'gml' as never)).toThrow(/one of graph6, sparse6, edgelist, json/);
    const g = Graph.fromEdgeList(2, [[0, 1]], { nodeLabels: [1, 0] });
    expect(() => formatGraphs([g], 'graph6')).toThrow(InputError);
    expect(formatGraphs([g], 'sparse6', { dropLabels: true })).toBe(':An\n');
  });
});
