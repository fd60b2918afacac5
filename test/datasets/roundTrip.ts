import { expect } from 'vitest';
import { Graph } from '../../src/graph/Graph.js';
import { collate, uncollate } from '../../src/graph/collate.js';
import { fromGraphology, toGraphology } from '../../src/graph/graphology.js';
import { formatEdgeList, formatGraph6, formatGraphJson, formatSparse6, parseEdgeList, parseGraph6, parseGraphJson, parseSparse6 } from '../../src/io/index.js';

function sameList(label: string, a: Graph[], b: Graph[]): void {
  expect(b.length, label).toBe(a.length);
  for (let i = 0; i < a.length; i++) if (!a[i].equals(b[i])) expect.fail(`${label}: graph ${i} differs after the round trip`);
}

/** Exact round trips of a list of unlabelled graphs through every format and representation. */
export function checkRoundTrips(label: string, graphs: Graph[]): void {
  sameList(`${label} graph6`, graphs, parseGraph6(formatGraph6(graphs)));
  sameList(`${label} sparse6`, graphs, parseSparse6(formatSparse6(graphs)));
  sameList(`${label} json`, graphs, parseGraphJson(formatGraphJson(graphs)));
  sameList(`${label} edgelist`, graphs, parseEdgeList(formatEdgeList(graphs)));
  sameList(`${label} graphology`, graphs, graphs.map((g) => fromGraphology(toGraphology(g)).graph));
  // Batches of similar sizes (sorted by n) keep the padding, and so the dense work, small.
  const order = graphs.map((_, i) => i).sort((a, b) => graphs[a].n - graphs[b].n);
  const back: Graph[] = new Array(graphs.length);
  for (let i = 0; i < order.length; i += 16) {
    const idx = order.slice(i, i + 16);
    uncollate(collate(idx.map((k) => graphs[k]), { nodeClasses: 1, edgeClasses: 2 })).forEach((g, j) => (back[idx[j]] = g));
  }
  sameList(`${label} collate/uncollate`, graphs, back);
}
