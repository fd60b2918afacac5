import { InputError, ShapeError, describeValue } from '../core/errors.js';
import { Graph } from './Graph.js';

/**
 * A dense, padded batch of graphs, the representation models consume (DiGress convention).
 *
 * - `x [B, N, dx]`: one-hot node classes (`dx = nodeClasses`); rows of padding nodes are all zero.
 * - `e [B, N, N, de]`: one-hot edge classes (`de = edgeClasses`) with class 0 = "no edge";
 *   symmetric in the two node axes; the diagonal and every entry touching a padding node are all zero.
 * - `nodeMask [B, N]`: 1 for real nodes (always the first `nodeCounts[b]`), 0 for padding.
 * - `nodeCounts [B]`: number of real nodes per graph.
 *
 * Arrays are row-major `Float32Array`s (ready for tfjs tensors).
 */
export interface DenseBatch {
  /** B, number of graphs. */
  batchSize: number;
  /** N, padded node count. */
  maxNodes: number;
  /** dx, number of node classes. */
  nodeClasses: number;
  /** de, number of edge classes including class 0 = no edge. */
  edgeClasses: number;
  /** One-hot node classes, `[B, N, dx]`. */
  x: Float32Array;
  /** One-hot edge classes, `[B, N, N, de]`. */
  e: Float32Array;
  /** 1 for real nodes, 0 for padding, `[B, N]`. */
  nodeMask: Float32Array;
  /** Real node count per graph, `[B]`. */
  nodeCounts: Int32Array;
}

/** Options of {@link collate}. */
export interface CollateOptions {
  /** Number of node classes dx (labels must be < dx). Unlabelled graphs: 1. */
  nodeClasses: number;
  /** Number of edge classes de including "no edge" (labels must be < de). Unlabelled graphs: 2. */
  edgeClasses: number;
  /** Padded size N. @default the largest node count in the batch */
  maxNodes?: number;
}

/**
 * Stacks graphs into a {@link DenseBatch}. Inverse: {@link uncollate}.
 *
 * @param graphs - B >= 1 graphs
 * @param options - class counts (declared, never inferred) and optional padding size
 * @returns `x [B,N,dx]`, `e [B,N,N,de]`, `nodeMask [B,N]`, `nodeCounts [B]`
 * @throws {@link InputError} for an empty list, a label outside the declared classes, or a graph larger than `maxNodes`
 *
 * @example
 * ```ts
 * const batch = collate([Graph.fromEdgeList(2, [[0, 1]])], { nodeClasses: 1, edgeClasses: 2 });
 * batch.e; // [B=1, N=2, N=2, de=2]: [0,0, 0,1,  0,1, 0,0]
 * ```
 */
export function collate(graphs: readonly Graph[], options: CollateOptions): DenseBatch {
  if (!Array.isArray(graphs) || graphs.length === 0) throw InputError.invalid('graphs', 'a non-empty array of Graph', describeValue(graphs));
  const dx = options?.nodeClasses;
  const de = options?.edgeClasses;
  if (!Number.isInteger(dx) || dx < 1) throw InputError.invalid('options.nodeClasses', 'an integer >= 1', describeValue(dx));
  if (!Number.isInteger(de) || de < 2) throw InputError.invalid('options.edgeClasses', 'an integer >= 2 (class 0 = no edge)', describeValue(de));
  let largest = 0;
  graphs.forEach((g, b) => {
    if (!(g instanceof Graph)) throw InputError.invalid(`graphs[${b}]`, 'a Graph', describeValue(g));
    largest = Math.max(largest, g.n);
  });
  const N = options.maxNodes ?? largest;
  if (!Number.isInteger(N) || N < 0) throw InputError.invalid('options.maxNodes', 'a non-negative integer', describeValue(N));
  const B = graphs.length;
  const x = new Float32Array(B * N * dx);
  const e = new Float32Array(B * N * N * de);
  const nodeMask = new Float32Array(B * N);
  const nodeCounts = new Int32Array(B);
  for (let b = 0; b < B; b++) {
    const g = graphs[b];
    const n = g.n;
    if (n > N) throw InputError.invalid(`graphs[${b}].n`, `at most options.maxNodes = ${N} nodes`, String(n));
    nodeCounts[b] = n;
    for (let i = 0; i < n; i++) {
      const c = g.nodeLabel(i);
      if (c >= dx) throw InputError.invalid(`graphs[${b}] node ${i} label`, `a class < nodeClasses = ${dx}`, String(c));
      nodeMask[b * N + i] = 1;
      x[(b * N + i) * dx + c] = 1;
    }
    const base = b * N * N;
    // No-edge class for every ordered pair of distinct real nodes, then overwrite edges.
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) if (i !== j) e[(base + i * N + j) * de] = 1;
    let bad = -1;
    g.forEachEdge((u: number, v: number, label: number) => {
      if (label >= de) bad = label;
      else {
        e[(base + u * N + v) * de] = 0;
        e[(base + v * N + u) * de] = 0;
        e[(base + u * N + v) * de + label] = 1;
        e[(base + v * N + u) * de + label] = 1;
      }
    });
    if (bad >= 0) throw InputError.invalid(`graphs[${b}] edge label`, `a class < edgeClasses = ${de}`, String(bad));
  }
  return { batchSize: B, maxNodes: N, nodeClasses: dx, edgeClasses: de, x, e, nodeMask, nodeCounts };
}

/**
 * Inverse of {@link collate}: turns an exact one-hot {@link DenseBatch} back into graphs. Node
 * labels are attached when `nodeClasses > 1`, edge labels when `edgeClasses > 2`.
 *
 * The batch is validated strictly (nothing is rounded or dropped): every real node row must be
 * one-hot, every real off-diagonal pair one-hot and symmetric, the diagonal and all padding zero,
 * and `nodeMask` must be 1 exactly on the first `nodeCounts[b]` nodes. For model outputs
 * (probabilities), take the argmax / sample classes first.
 *
 * @throws {@link ShapeError} when array lengths disagree with the declared sizes
 * @throws {@link InputError} naming the first offending entry otherwise
 */
export function uncollate(batch: DenseBatch): Graph[] {
  const { batchSize: B, maxNodes: N, nodeClasses: dx, edgeClasses: de, x, e, nodeMask, nodeCounts } = batch;
  for (const [name, v] of [['batchSize', B], ['maxNodes', N], ['nodeClasses', dx], ['edgeClasses', de]] as const) {
    if (!Number.isInteger(v) || v < 0) throw InputError.invalid(`batch.${name}`, 'a non-negative integer', describeValue(v));
  }
  if (x?.length !== B * N * dx) throw ShapeError.mismatch('batch.x', `[${B},${N},${dx}]`, `length ${x?.length}`);
  if (e?.length !== B * N * N * de) throw ShapeError.mismatch('batch.e', `[${B},${N},${N},${de}]`, `length ${e?.length}`);
  if (nodeMask?.length !== B * N) throw ShapeError.mismatch('batch.nodeMask', `[${B},${N}]`, `length ${nodeMask?.length}`);
  if (nodeCounts?.length !== B) throw ShapeError.mismatch('batch.nodeCounts', `[${B}]`, `length ${nodeCounts?.length}`);
  const graphs: Graph[] = [];
  for (let b = 0; b < B; b++) {
    const n = nodeCounts[b];
    if (!Number.isInteger(n) || n < 0 || n > N) throw InputError.invalid(`batch.nodeCounts[${b}]`, `an integer in 0..${N}`, describeValue(n));
    for (let i = 0; i < N; i++) {
      const m = nodeMask[b * N + i];
      if (m !== (i < n ? 1 : 0)) throw InputError.invalid(`batch.nodeMask[${b}][${i}]`, `${i < n ? 1 : 0} (nodeCounts[${b}] = ${n})`, describeValue(m));
    }
    const labels = new Int32Array(n);
    for (let i = 0; i < N; i++) {
      const row = x.subarray((b * N + i) * dx, (b * N + i + 1) * dx);
      if (i < n) labels[i] = oneHotClass(row, `batch.x[${b}][${i}]`);
      else assertZero(row, `batch.x[${b}][${i}] (padding)`);
    }
    const edges: [number, number][] = [];
    const edgeLabels: number[] = [];
    for (let i = 0; i < N; i++) {
      for (let j = 0; j < N; j++) {
        const off = ((b * N + i) * N + j) * de;
        const cell = e.subarray(off, off + de);
        if (i >= n || j >= n || i === j) {
          assertZero(cell, `batch.e[${b}][${i}][${j}] (${i === j ? 'diagonal' : 'padding'})`);
          continue;
        }
        const c = oneHotClass(cell, `batch.e[${b}][${i}][${j}]`);
        if (j > i) {
          const t = ((b * N + j) * N + i) * de;
          const cT = oneHotClass(e.subarray(t, t + de), `batch.e[${b}][${j}][${i}]`);
          if (cT !== c) throw InputError.invalid(`batch.e[${b}][${j}][${i}]`, `class ${c} (symmetric with e[${b}][${i}][${j}])`, `class ${cT}`);
          if (c > 0) {
            edges.push([i, j]);
            edgeLabels.push(c);
          }
        }
      }
    }
    graphs.push(
      Graph.fromEdgeList(n, edges, {
        nodeLabels: dx > 1 ? labels : undefined,
        edgeLabels: de > 2 ? edgeLabels : undefined,
      }),
    );
  }
  return graphs;
}

function oneHotClass(row: Float32Array, name: string): number {
  let cls = -1;
  for (let c = 0; c < row.length; c++) {
    const v = row[c];
    if (v === 1 && cls < 0) cls = c;
    else if (v !== 0) throw InputError.invalid(name, 'an exact one-hot vector', `[${Array.from(row).join(', ')}]`);
  }
  if (cls < 0) throw InputError.invalid(name, 'an exact one-hot vector', `[${Array.from(row).join(', ')}]`);
  return cls;
}

function assertZero(row: Float32Array, name: string): void {
  for (let c = 0; c < row.length; c++) {
    if (row[c] !== 0) throw InputError.invalid(name, 'all zeros', `[${Array.from(row).join(', ')}]`);
  }
}
