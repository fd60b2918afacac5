import { readFileSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Graph } from '../../../src/graph/Graph.js';
import { parseGraph6 } from '../../../src/io/parseGraph6.js';

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

export function loadShared(name: string, split: string): Graph[] | null {
  const p = sharedDataset(name, split);
  return p === null ? null : parseGraph6(readFileSync(p, 'utf8'));
}
