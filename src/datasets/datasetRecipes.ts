import type { Rng } from '../core/rng.js';
import type { Graph } from '../graph/Graph.js';
import { citationLikeGraph } from './recipes/citationLikeGraph.js';
import { communitySmallGraph } from './recipes/communitySmallGraph.js';
import { egoGraph } from './recipes/egoGraph.js';
import { gridGraph } from './recipes/gridGraph.js';
import { lobsterGraph } from './recipes/lobsterGraph.js';
import { planarGraph } from './recipes/planarGraph.js';
import { randomTree } from './recipes/randomTree.js';
import { sbmGraph } from './recipes/sbmGraph.js';

/** Names of the built-in seeded dataset recipes. */
export type RecipeName = 'planar' | 'sbm' | 'community-small' | 'tree' | 'grid' | 'lobster' | 'ego-like';

/** A seeded synthetic dataset recipe. */
export interface DatasetRecipe {
  /** Registry name. */
  readonly name: RecipeName;
  /** One-line description with the protocol's parameters. */
  readonly description: string;
  /** Number of graphs generated. */
  readonly numGraphs: number;
  /** Papers whose protocol this follows. */
  readonly references: readonly string[];
  /** Generates the `numGraphs` graphs, in order, from `rng` (pure: no I/O). */
  generate(rng: Rng): Graph[];
}

const SPECTRE = 'Martinkus et al., SPECTRE, ICML 2022';
const GRAPHRNN = 'You et al., GraphRNN, ICML 2018';
const GRAN = 'Liao et al., GRAN, NeurIPS 2019';
const GDSS = 'Jo et al., GDSS, ICML 2022';

function repeat(rng: Rng, count: number, one: (child: Rng) => Graph): Graph[] {
  return Array.from({ length: count }, () => one(rng.split()));
}

/**
 * The built-in recipes, following the published protocols (see `PROTOCOL.md`). Each graph is
 * drawn from its own child stream (`rng.split()`), in order. All are split SPECTRE-style by
 * `loadDataset`.
 *
 * | name | graphs | recipe |
 * |---|---|---|
 * | `planar` | 200 | Delaunay triangulation of 64 uniform points in the unit square (SPECTRE) |
 * | `sbm` | 200 | 2-5 blocks of 20-40 nodes, p_intra 0.3, p_inter 0.005 (SPECTRE) |
 * | `community-small` | 100 | n uniform in 12..20, two G(n/2, 0.7) communities, bridges with probability 0.05*2/((2-1) n), at least one (GraphRNN/GDSS) |
 * | `tree` | 200 | uniform random labelled trees on 64 nodes, Prüfer sequences (HSpectre/DeFoG) |
 * | `grid` | 100 | the i x j grids for i, j in 10..19 (GraphRNN/GDSS; deterministic, only the split is random) |
 * | `lobster` | 100 | random lobsters, mean backbone 80, p1 = p2 = 0.7, kept when 10 <= n <= 100 (GRAN) |
 * | `ego-like` | 200 | radius-1 ego graphs with 4-18 nodes of a seeded citation-like graph: a substitute for ego-small, **not Citeseer** |
 *
 * @example
 * ```ts
 * Object.keys(DATASET_RECIPES); // ['planar', 'sbm', 'community-small', 'tree', 'grid', 'lobster', 'ego-like']
 * DATASET_RECIPES.tree.generate(createRng(0)).length; // 200
 * ```
 */
export const DATASET_RECIPES: Readonly<Record<RecipeName, DatasetRecipe>> = Object.freeze({
  planar: {
    name: 'planar',
    description: 'Delaunay triangulations of 64 uniform points in [0,1]^2 (SPECTRE planar_64_200)',
    numGraphs: 200,
    references: [SPECTRE],
    generate: (rng: Rng) => repeat(rng, 200, (r) => planarGraph(r, { numNodes: 64 })),
  },
  sbm: {
    name: 'sbm',
    description: 'stochastic block models, 2-5 blocks of 20-40 nodes, p_intra 0.3, p_inter 0.005 (SPECTRE sbm_200)',
    numGraphs: 200,
    references: [SPECTRE],
    generate: (rng: Rng) => repeat(rng, 200, (r) => sbmGraph(r).graph),
  },
  'community-small': {
    name: 'community-small',
    description: 'two G(n/2, 0.7) communities, n uniform in 12..20, >= 1 bridge (GraphRNN/GDSS community_small)',
    numGraphs: 100,
    references: [GRAPHRNN, GDSS],
    generate: (rng: Rng) => repeat(rng, 100, (r) => communitySmallGraph(r).graph),
  },
  tree: {
    name: 'tree',
    description: 'uniform random labelled trees on 64 nodes via Prüfer sequences (HSpectre/DeFoG tree)',
    numGraphs: 200,
    references: [SPECTRE],
    generate: (rng: Rng) => repeat(rng, 200, (r) => randomTree(r, 64)),
  },
  grid: {
    name: 'grid',
    description: '2-D grids i x j for i, j in 10..19 (GraphRNN/GDSS grid; deterministic graphs)',
    numGraphs: 100,
    references: [GRAPHRNN, GDSS],
    generate: () => {
      const out: Graph[] = [];
      for (let i = 10; i < 20; i++) for (let j = 10; j < 20; j++) out.push(gridGraph(i, j));
      return out;
    },
  },
  lobster: {
    name: 'lobster',
    description: 'random lobsters, mean backbone 80, p1 = p2 = 0.7, kept when 10 <= n <= 100 (GRAN lobster)',
    numGraphs: 100,
    references: [GRAN],
    generate: (rng: Rng) => {
      const out: Graph[] = [];
      while (out.length < 100) {
        const g = lobsterGraph(rng.split(), { meanBackbone: 80, p1: 0.7, p2: 0.7 });
        if (g.n >= 10 && g.n <= 100) out.push(g);
      }
      return out;
    },
  },
  'ego-like': {
    name: 'ego-like',
    description: 'radius-1 ego graphs (4-18 nodes) of a seeded citation-like graph; a substitute for ego-small, NOT Citeseer',
    numGraphs: 200,
    references: [GRAPHRNN, GDSS],
    generate: (rng: Rng) => {
      const host = citationLikeGraph(rng.split(), { numNodes: 3000 });
      const centers: number[] = [];
      for (let v = 0; v < host.n; v++) {
        const size = host.degree(v) + 1;
        if (size >= 4 && size <= 18) centers.push(v);
      }
      return rng.shuffled(centers).slice(0, 200).map((v) => egoGraph(host, v));
    },
  },
});

/** The recipe names, in registry order. */
export const RECIPE_NAMES: readonly RecipeName[] = Object.freeze(Object.keys(DATASET_RECIPES) as RecipeName[]);
