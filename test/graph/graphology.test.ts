import { describe, expect, it } from 'vitest';
import { UndirectedGraph, DirectedGraph, MultiUndirectedGraph } from 'graphology';
import Graphology from 'graphology';
import type { AbstractGraph } from 'graphology-types';
import { Graph, fromGraphology, toGraphology } from '../../src/graph/index.js';
import { InputError, createRng } from '../../src/core/index.js';

describe('graphology interop', () => {
  it('round-trips labelled graphs exactly', () => {
    const rng = createRng(8);
    for (let t = 0; t < 10; t++) {
      const n = 1 + t * 2;
      const edges: [number, number][] = [];
      const el: number[] = [];
      for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) if (rng.uniform() < 0.3) { edges.push([i, j]); el.push(rng.int(1, 4)); }
      const g = Graph.fromEdgeList(n, edges, { nodeLabels: Array.from({ length: n }, () => rng.int(0, 3)), edgeLabels: el });
      const keys = Array.from({ length: n }, (_, i) => `node-${i}`);
      const h = toGraphology(g, { keys });
      expect(h.order).toBe(n);
      expect(h.size).toBe(g.numEdges);
      const back = fromGraphology(h, { nodeLabel: 'label', edgeLabel: 'label' });
      expect(back.keys).toEqual(keys);
      expect(back.graph.equals(g)).toBe(true);
    }
  });

  it('reads labels through functions, accepts mixed graphs without directed edges', () => {
    // NodeNext types graphology's default export as a CJS namespace (NOTES.md); at run time it is the mixed Graph class.
    const MixedGraph = Graphology as unknown as new (options: { type: string }) => AbstractGraph;
    const h = new MixedGraph({ type: 'mixed' });
    h.addNode('x', { atom: 'C' });
    h.addNode('y', { atom: 'O' });
    h.addUndirectedEdge('x', 'y', { order: 2 });
    const { graph } = fromGraphology(h, { nodeLabel: (_k, a) => (a.atom === 'C' ? 0 : 1), edgeLabel: 'order' });
    expect(Array.from(graph.nodeLabels())).toEqual([0, 1]);
    expect(graph.edgeLabel(0, 1)).toBe(2);
  });

  it('rejects directed, multi and self-loop graphs and bad labels', () => {
    const d = new DirectedGraph();
    d.addNode('a'); d.addNode('b'); d.addEdge('a', 'b');
    expect(() => fromGraphology(d)).toThrow(/undirected/);
    const m = new MultiUndirectedGraph();
    m.addNode('a'); m.addNode('b'); m.addEdge('a', 'b');
    expect(() => fromGraphology(m)).toThrow(/multi/);
    const s = new UndirectedGraph();
    s.addNode('a'); s.addEdge('a', 'a');
    expect(() => fromGraphology(s)).toThrow(/self-loop/);
    const l = new UndirectedGraph();
    l.addNode('a', { label: 'C' });
    expect(() => fromGraphology(l, { nodeLabel: 'label' })).toThrow(/node "a" attribute "label"/);
    expect(() => fromGraphology({} as never)).toThrow(InputError);
    expect(() => toGraphology(Graph.empty(2), { keys: ['a'] })).toThrow(InputError);
    expect(() => toGraphology(Graph.empty(2), { keys: ['a', 'a'] })).toThrow(/distinct/);
  });
});
