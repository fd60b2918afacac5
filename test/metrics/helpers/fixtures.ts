import { readFileSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Graph } from '../../../src/graph/Graph.js';

const here = dirname(fileURLToPath(import.meta.url));

/** Parsed JSON fixture from test/metrics/fixtures. */
export function fixture<T>(name: string): T {
  return JSON.parse(readFileSync(join(here, '..', 'fixtures', name), 'utf8')) as T;
}

/** Edge-list record of the Python fixtures. */
export interface EdgeRecord {
  n: number;
  edges: [number, number][];
}

export function toGraph(r: EdgeRecord): Graph {
  return Graph.fromEdgeList(r.n, r.edges);
}

/** Path of a shared benchmark split, or null when ../shared/datasets is absent. */
export function sharedDataset(name: string, split: string): string | null {
  const p = join(here, '..', '..', '..', '..', 'shared', 'datasets', name, `${split}.g6`);
  return existsSync(p) ? p : null;
}

/** Minimal graph6 reader (n < 258048, no header), used until src/io lands. */
export function parseGraph6Lines(text: string): Graph[] {
  const out: Graph[] = [];
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line === '') continue;
    let pos = 0;
    let n = line.charCodeAt(0) - 63;
    pos = 1;
    if (n === 63) {
      n = 0;
      for (let i = 1; i <= 3; i++) n = n * 64 + (line.charCodeAt(i) - 63);
      pos = 4;
    }
    const edges: [number, number][] = [];
    let bit = 0;
    for (let j = 1; j < n; j++) {
      for (let i = 0; i < j; i++) {
        const c = line.charCodeAt(pos + Math.floor(bit / 6)) - 63;
        if ((c >> (5 - (bit % 6))) & 1) edges.push([i, j]);
        bit++;
      }
    }
    out.push(Graph.fromEdgeList(n, edges));
  }
  return out;
}

export function loadShared(name: string, split: string): Graph[] | null {
  const p = sharedDataset(name, split);
  return p === null ? null : parseGraph6Lines(readFileSync(p, 'utf8'));
}
