import { readFileSync } from 'node:fs';

/** One networkx-made case, see test/io/fixtures/README.md. */
export interface NetworkxCase {
  name: string;
  n: number;
  edges: [number, number][];
  graph6?: string;
  sparse6: string;
}

/** The parsed fixture file. */
export interface NetworkxFixtures {
  generator: string;
  cases: NetworkxCase[];
  sizeFields: { n: number; data: number[] }[];
  multiWithHeaders: { text: string; n: number[]; edges: [number, number][][] };
}

export const fixtures: NetworkxFixtures = JSON.parse(readFileSync(new URL('./fixtures/networkx.json', import.meta.url), 'utf8'));
