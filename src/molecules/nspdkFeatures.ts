import { InputError, describeValue } from '../core/errors.js';
import { Graph } from '../graph/Graph.js';

/** Options of {@link nspdkFeatures} and {@link nspdkMmd}. */
export interface NspdkOptions {
  /** Sets both the largest radius and the largest distance, as EDeN's `complexity`. @default 4 */
  complexity?: number;
  /** Largest neighbourhood radius r (0..r are used). @default complexity */
  radius?: number;
  /** Largest distance d between the two roots (0..d are used). @default complexity */
  distance?: number;
  /** Features are hashed into `2^nbits` buckets, as EDeN's `nbits` (GDSS uses EDeN's default, 16). Integer in 8..30. @default 16 */
  nbits?: number;
}

/** A sparse NSPDK feature vector of unit Euclidean norm. */
export interface NspdkFeatures {
  /** Bucket indices in `0..2^nbits - 1`, ascending. */
  indices: Int32Array;
  /** Values aligned with `indices`. */
  values: Float64Array;
}

// 32-bit hashing of integer tuples (MurmurHash3 body and finaliser).
function mix(h: number, x: number): number {
  let k = Math.imul(x | 0, 0xcc9e2d51);
  k = (k << 15) | (k >>> 17);
  k = Math.imul(k, 0x1b873593);
  h ^= k;
  h = (h << 13) | (h >>> 19);
  return (Math.imul(h, 5) + 0xe6546b64) | 0;
}
function fin(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Resolved radius, distance and bucket count of {@link NspdkOptions}. @internal */
export function nspdkParams(options: NspdkOptions): { r: number; d: number; nbits: number } {
  const complexity = options.complexity ?? 4;
  const r = options.radius ?? complexity;
  const d = options.distance ?? complexity;
  const nbits = options.nbits ?? 16;
  for (const [name, x] of [['options.complexity', complexity], ['options.radius', r], ['options.distance', d]] as const) {
    if (!Number.isInteger(x) || x < 0 || x > 10) throw InputError.invalid(name, 'an integer in 0..10', describeValue(x));
  }
  if (!Number.isInteger(nbits) || nbits < 8 || nbits > 30) throw InputError.invalid('options.nbits', 'an integer in 8..30', describeValue(nbits));
  return { r, d, nbits };
}

/**
 * Neighbourhood subgraph pairwise distance kernel features of a labelled graph (Costa & De Grave,
 * "Fast neighborhood subgraph pairwise distance kernel", ICML 2010), computed as EDeN's
 * `Vectorizer(complexity, discrete=True)` does, which is what GDSS and MoFlow's NSPDK MMD use.
 *
 * - Edges become vertices (the "edge-to-vertex" graph): edge `{u, v}` with class `c` becomes a
 *   vertex labelled `c` joined to `u` and `v`; distances below are in this graph, where the
 *   original distance `k` is `2k`. Node classes and edge classes are the discrete labels.
 * - Each vertex gets a hashed label from its label and its degree. A root's neighbourhood of
 *   radius `R` is hashed from the sorted multisets of vertex hashes at each distance `0..2R`
 *   (a running hash over the distance shells).
 * - For every ordered pair of nodes `(v, u)` at distance `D <= d` and every radius `R <= r` that
 *   both neighbourhoods reach, two features are counted in block `(R, D)`: the pair
 *   `(min(hv, hu), max(hv, hu), R, D)` and the half feature `(hu, R, D)`.
 * - Each block is scaled to unit norm, then the whole vector is (EDeN's `inner_normalization`
 *   and `normalization`), so every graph has `phi . phi = 1` and the linear kernel is a cosine.
 *
 * Features are hashed into `2^nbits` buckets with graphgen's own 32-bit hash (EDeN's depends on
 * Python's per-process string hashing, so its exact buckets cannot be reproduced); colliding
 * features add. The vector is invariant to node order.
 *
 * @param graph - a labelled graph with at least one node (node classes and edge classes are the labels)
 * @param options - see {@link NspdkOptions}
 * @returns the sparse unit-norm feature vector
 * @throws `InputError` for an empty graph, a non-Graph, or an option out of range
 *
 * @example
 * ```ts
 * const f = nspdkFeatures(Graph.fromEdgeList(2, [[0, 1]], { nodeLabels: [6, 8], edgeLabels: [2] }));
 * f.values.reduce((s, x) => s + x * x, 0); // 1
 * ```
 */
export function nspdkFeatures(graph: Graph, options: NspdkOptions = {}): NspdkFeatures {
  const { r, d, nbits } = nspdkParams(options);
  return featuresOf(graph, r, d, nbits, 'graph');
}

/** Body of {@link nspdkFeatures} with resolved options. @internal */
export function featuresOf(graph: Graph, r: number, d: number, nbits: number, name: string): NspdkFeatures {
  if (!(graph instanceof Graph)) throw InputError.invalid(name, 'a Graph', describeValue(graph));
  const n = graph.n;
  if (n === 0) throw InputError.invalid(name, 'a graph with at least one node', 'an empty graph');
  const m = graph.numEdges;
  const total = n + m;
  const { offsets, edgeIds } = graph.csr();
  const { u, v, labels: edgeLabels } = graph.edgeArrays();
  const nodeLabels = graph.nodeLabels();
  // Hashed vertex labels (label and degree) in the edge-to-vertex graph.
  const vh = new Int32Array(total);
  for (let i = 0; i < n; i++) vh[i] = fin(mix(mix(mix(0x5eed, 1), nodeLabels[i]), offsets[i + 1] - offsets[i]));
  for (let e = 0; e < m; e++) vh[n + e] = fin(mix(mix(mix(0x5eed, 2), edgeLabels[e]), 2));
  const maxDepth = 2 * Math.max(r, d);
  // Per node: running neighbourhood hashes per shell, and nodes at each even distance.
  const hashes: Int32Array[] = new Array(n);
  const atDistance: number[][][] = new Array(n);
  const dist = new Int32Array(total);
  const queue = new Int32Array(total);
  for (let root = 0; root < n; root++) {
    dist.fill(-1);
    dist[root] = 0;
    let head = 0;
    let tail = 0;
    queue[tail++] = root;
    const shells: number[][] = [[vh[root]]];
    const nodesAt: number[][] = Array.from({ length: d + 1 }, () => []);
    nodesAt[0].push(root);
    while (head < tail) {
      const x = queue[head++];
      const dx = dist[x];
      if (dx + 1 > maxDepth) continue;
      const visit = (y: number): void => {
        if (dist[y] >= 0) return;
        dist[y] = dx + 1;
        queue[tail++] = y;
        (shells[dx + 1] ??= []).push(vh[y]);
        if (y < n && (dx + 1) % 2 === 0 && (dx + 1) / 2 <= d) nodesAt[(dx + 1) / 2].push(y);
      };
      if (x < n) {
        for (let s = offsets[x]; s < offsets[x + 1]; s++) visit(n + edgeIds[s]);
      } else {
        visit(u[x - n]);
        visit(v[x - n]);
      }
    }
    const h = new Int32Array(shells.length);
    let running = 0xaaaaaaaa | 0;
    for (let k = 0; k < shells.length; k++) {
      const shell = shells[k].sort((a, b) => a - b);
      let sh = mix(0x51e11, shell.length);
      for (const x of shell) sh = mix(sh, x);
      running = fin(mix(mix(mix(0x7a11, running), fin(sh)), k)) | 0;
      h[k] = running;
    }
    hashes[root] = h;
    atDistance[root] = nodesAt;
  }
  const mask = 2 ** nbits - 1;
  const blocks: Map<number, number>[] = Array.from({ length: (r + 1) * (d + 1) }, () => new Map());
  for (let root = 0; root < n; root++) {
    const hv = hashes[root];
    for (let D = 0; D <= d; D++) {
      for (const other of atDistance[root][D]) {
        const hu = hashes[other];
        for (let R = 0; R <= r; R++) {
          if (2 * R >= hv.length || 2 * R >= hu.length) break;
          const a = hv[2 * R];
          const b = hu[2 * R];
          const lo = a < b ? a : b;
          const hi = a < b ? b : a;
          const block = blocks[R * (d + 1) + D];
          const full = fin(mix(mix(mix(mix(0xf00d, lo), hi), R), D)) & mask;
          const half = fin(mix(mix(mix(0xba1f, b), R), D)) & mask;
          block.set(full, (block.get(full) ?? 0) + 1);
          block.set(half, (block.get(half) ?? 0) + 1);
        }
      }
    }
  }
  const merged = new Map<number, number>();
  for (const block of blocks) {
    let norm = 0;
    for (const c of block.values()) norm += c * c;
    if (norm === 0) continue;
    const s = 1 / Math.sqrt(norm);
    for (const [k, c] of block) merged.set(k, (merged.get(k) ?? 0) + c * s);
  }
  const indices = Int32Array.from(merged.keys()).sort();
  const values = new Float64Array(indices.length);
  let norm = 0;
  indices.forEach((k, i) => {
    values[i] = merged.get(k) as number;
    norm += values[i] * values[i];
  });
  const s = 1 / Math.sqrt(norm);
  for (let i = 0; i < values.length; i++) values[i] *= s;
  return { indices, values };
}
