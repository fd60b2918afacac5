import { InputError, ShapeError, describeValue } from '../core/errors.js';
import { isMatrix, type Matrix, type MatrixLike } from '../core/matrix.js';

/** Options of {@link Graph.fromEdgeList}. */
export interface GraphOptions {
  /**
   * Categorical node labels, one integer >= 0 per node (`nodeLabels[v]` is the class of node v).
   * @default all nodes in class 0 (unlabelled)
   */
  nodeLabels?: ArrayLike<number>;
  /**
   * Categorical edge labels, one integer >= 1 per edge, aligned with `edges`. Class 0 is reserved
   * for "no edge" (the convention of dense batches).
   * @default all edges in class 1 (unlabelled)
   */
  edgeLabels?: ArrayLike<number>;
}

/** Options of {@link Graph.fromAdjacency}. */
export interface FromAdjacencyOptions {
  /** Node labels, as in {@link GraphOptions.nodeLabels}. */
  nodeLabels?: ArrayLike<number>;
  /**
   * `'binary'`: any non-zero entry is an edge of class 1 (the matrix must still be symmetric).
   * `'labels'`: entries are edge classes (0 = no edge, integers >= 1).
   * @default 'binary'
   */
  values?: 'binary' | 'labels';
}

/** The compressed sparse row view of a graph's adjacency (both directions of every edge). */
export interface CsrView {
  /** `offsets[v] .. offsets[v+1]` indexes the neighbours of v in `targets`; length n + 1. */
  readonly offsets: ArrayLike<number>;
  /** Neighbour ids, sorted ascending within each node; length 2m. */
  readonly targets: ArrayLike<number>;
  /** Edge index (position in {@link Graph.edges}) of each slot of `targets`; length 2m. */
  readonly edgeIds: ArrayLike<number>;
}

/** Plain-object form of a graph, see {@link Graph.toJSON}. */
export interface GraphJSON {
  n: number;
  edges: [number, number][];
  nodeLabels?: number[];
  edgeLabels?: number[];
}

const MAX_LABEL = 0x7fffffff;

/**
 * A simple undirected graph on nodes `0..n-1` with optional categorical node and edge labels.
 *
 * - Simple: no self-loops, no multi-edges. Constructors reject them with an {@link InputError};
 *   use {@link sanitizeEdgeList} to drop them explicitly and get a report of what was dropped.
 * - Labels are small non-negative integers. Node classes start at 0; edge classes start at 1
 *   because class 0 means "no edge" in dense batches (see `collate`). An unlabelled graph has every
 *   node in class 0 and every edge in class 1.
 * - Immutable: every accessor returns either a copy or a read-only view (`ArrayLike`).
 * - Storage is CSR (`offsets`, sorted `targets`) plus an edge table with `u < v` sorted
 *   lexicographically, so `neighbors(v)` is O(1), `hasEdge` is O(log deg), and equality of two
 *   graphs with the same node order is a linear scan.
 *
 * @example
 * ```ts
 * const triangle = Graph.fromEdgeList(3, [[0, 1], [1, 2], [2, 0]]);
 * triangle.degree(0);          // 2
 * triangle.hasEdge(2, 1);      // true
 * triangle.adjacency().data;   // Float64Array [0,1,1, 1,0,1, 1,1,0]
 * ```
 */
export class Graph {
  /** Number of nodes. */
  readonly n: number;
  /** Number of undirected edges. */
  readonly numEdges: number;
  readonly #u: Int32Array;
  readonly #v: Int32Array;
  readonly #edgeLabels: Int32Array | null;
  readonly #nodeLabels: Int32Array | null;
  readonly #offsets: Int32Array;
  readonly #targets: Int32Array;
  readonly #slotEdge: Int32Array;

  private constructor(n: number, u: Int32Array, v: Int32Array, edgeLabels: Int32Array | null, nodeLabels: Int32Array | null) {
    this.n = n;
    this.numEdges = u.length;
    this.#u = u;
    this.#v = v;
    this.#edgeLabels = edgeLabels;
    this.#nodeLabels = nodeLabels;
    const m = u.length;
    const offsets = new Int32Array(n + 1);
    for (let k = 0; k < m; k++) {
      offsets[u[k] + 1]++;
      offsets[v[k] + 1]++;
    }
    for (let i = 0; i < n; i++) offsets[i + 1] += offsets[i];
    const fill = offsets.slice(0, n);
    const targets = new Int32Array(2 * m);
    const slotEdge = new Int32Array(2 * m);
    // Edges are sorted by (u, v) with u < v. Pass 1 writes, for every node b, its smaller
    // neighbours a (edges (a, b) arrive with a ascending); pass 2 appends its larger neighbours
    // (edges (b, c) arrive with c ascending). Each neighbour list therefore ends up sorted.
    for (let k = 0; k < m; k++) {
      const a = u[k];
      const b = v[k];
      targets[fill[b]] = a;
      slotEdge[fill[b]++] = k;
    }
    for (let k = 0; k < m; k++) {
      const a = u[k];
      const b = v[k];
      targets[fill[a]] = b;
      slotEdge[fill[a]++] = k;
    }
    this.#offsets = offsets;
    this.#targets = targets;
    this.#slotEdge = slotEdge;
  }

  /**
   * Builds a graph from an edge list.
   *
   * @param n - number of nodes (integer >= 0)
   * @param edges - pairs `[u, v]` of distinct node ids in `0..n-1`, each unordered pair at most once
   * @param options - node labels (length n, integers >= 0) and edge labels (aligned with `edges`, integers >= 1)
   * @throws {@link InputError} for a node id out of range, a self-loop, a repeated edge, or an invalid label
   * @throws {@link ShapeError} when a label array has the wrong length
   */
  static fromEdgeList(n: number, edges: ArrayLike<readonly [number, number]>, options: GraphOptions = {}): Graph {
    checkNodeCount(n);
    if (edges === null || typeof edges !== 'object' || typeof edges.length !== 'number') {
      throw InputError.invalid('edges', 'an array of [u, v] pairs', describeValue(edges));
    }
    const m = edges.length;
    if (options.edgeLabels !== undefined && options.edgeLabels.length !== m) {
      throw ShapeError.mismatch('options.edgeLabels', `[${m}] (one per edge)`, `length ${options.edgeLabels.length}`);
    }
    const nodeLabels = checkNodeLabels(n, options.nodeLabels);
    const uu = new Int32Array(m);
    const vv = new Int32Array(m);
    for (let k = 0; k < m; k++) {
      const e = edges[k];
      if (!e || typeof e !== 'object' || e.length !== 2) {
        throw InputError.invalid(`edges[${k}]`, 'a pair [u, v]', describeValue(e));
      }
      const a = e[0];
      const b = e[1];
      if (!Number.isInteger(a) || a < 0 || a >= n) throw InputError.invalid(`edges[${k}][0]`, `a node id in 0..${n - 1}`, describeValue(a));
      if (!Number.isInteger(b) || b < 0 || b >= n) throw InputError.invalid(`edges[${k}][1]`, `a node id in 0..${n - 1}`, describeValue(b));
      if (a === b) {
        throw new InputError(`edges[${k}]: self-loop on node ${a} is not allowed in a simple graph (use sanitizeEdgeList to drop it explicitly)`, {
          argument: `edges[${k}]`, expected: 'two distinct nodes', actual: `[${a}, ${b}]`,
        });
      }
      uu[k] = a < b ? a : b;
      vv[k] = a < b ? b : a;
    }
    const order = sortEdgeOrder(uu, vv, n);
    const u = new Int32Array(m);
    const v = new Int32Array(m);
    const labels = options.edgeLabels === undefined ? null : new Int32Array(m);
    for (let r = 0; r < m; r++) {
      const k = order[r];
      u[r] = uu[k];
      v[r] = vv[k];
      if (r > 0 && u[r] === u[r - 1] && v[r] === v[r - 1]) {
        throw new InputError(
          `edges[${k}]: edge {${u[r]}, ${v[r]}} appears more than once (edges[${order[r - 1]}]); multi-edges are not allowed (use sanitizeEdgeList to drop duplicates explicitly)`,
          { argument: `edges[${k}]`, expected: 'each unordered pair at most once', actual: `duplicate of edges[${order[r - 1]}]` },
        );
      }
      if (labels !== null) {
        const l = (options.edgeLabels as ArrayLike<number>)[k];
        if (!Number.isInteger(l) || l < 1 || l > MAX_LABEL) {
          throw InputError.invalid(`options.edgeLabels[${k}]`, 'an integer edge class >= 1 (0 means "no edge")', describeValue(l));
        }
        labels[r] = l;
      }
    }
    return new Graph(n, u, v, labels, nodeLabels);
  }

  /**
   * Builds a graph from a symmetric adjacency matrix with a zero diagonal.
   *
   * @param matrix - n x n nested arrays or a {@link Matrix}; entries 0 = no edge
   * @param options - node labels, and whether entries are binary or edge classes
   * @throws {@link ShapeError} when the matrix is not square
   * @throws {@link InputError} when it is not symmetric, has a non-zero diagonal, or (with `values: 'labels'`) a non-integer entry
   */
  static fromAdjacency(matrix: MatrixLike, options: FromAdjacencyOptions = {}): Graph {
    const values = options.values ?? 'binary';
    let n: number;
    let at: (i: number, j: number) => number;
    if (isMatrix(matrix)) {
      if (matrix.rows !== matrix.cols) throw ShapeError.mismatch('matrix', 'n x n (square)', `${matrix.rows} x ${matrix.cols}`);
      if (matrix.data.length !== matrix.rows * matrix.cols) throw ShapeError.mismatch('matrix.data', `${matrix.rows * matrix.cols} entries`, `${matrix.data.length}`);
      n = matrix.rows;
      const d = matrix.data;
      at = (i, j) => d[i * n + j];
    } else if (Array.isArray(matrix)) {
      n = matrix.length;
      for (let i = 0; i < n; i++) {
        const row = matrix[i] as unknown as ArrayLike<number>;
        if (!row || typeof row.length !== 'number' || row.length !== n) {
          throw ShapeError.mismatch(`matrix[${i}]`, `${n} columns (square)`, row && typeof row.length === 'number' ? `${row.length}` : describeValue(row));
        }
      }
      at = (i, j) => (matrix as readonly (readonly number[])[])[i][j];
    } else {
      throw InputError.invalid('matrix', 'an n x n adjacency matrix (number[][] or Matrix)', describeValue(matrix));
    }
    const edges: [number, number][] = [];
    const labels: number[] = [];
    for (let i = 0; i < n; i++) {
      const d = at(i, i);
      if (d !== 0) throw InputError.invalid(`matrix[${i}][${i}]`, '0 on the diagonal (no self-loops)', describeValue(d));
      for (let j = i + 1; j < n; j++) {
        const a = at(i, j);
        const b = at(j, i);
        if (a !== b) throw InputError.invalid(`matrix[${j}][${i}]`, `a symmetric matrix (matrix[${i}][${j}] = ${a})`, describeValue(b));
        if (a !== 0) {
          if (!Number.isFinite(a)) throw InputError.invalid(`matrix[${i}][${j}]`, 'a finite entry', describeValue(a));
          if (values === 'labels' && (!Number.isInteger(a) || a < 0)) {
            throw InputError.invalid(`matrix[${i}][${j}]`, 'an integer edge class >= 0', describeValue(a));
          }
          edges.push([i, j]);
          labels.push(values === 'labels' ? a : 1);
        }
      }
    }
    return Graph.fromEdgeList(n, edges, {
      nodeLabels: options.nodeLabels,
      edgeLabels: values === 'labels' ? labels : undefined,
    });
  }

  /** The graph with `n` nodes and no edges. */
  static empty(n: number, options: Pick<GraphOptions, 'nodeLabels'> = {}): Graph {
    return Graph.fromEdgeList(n, [], options);
  }

  /**
   * Rebuilds a graph from {@link Graph.toJSON} output (validated like {@link Graph.fromEdgeList}).
   * @throws {@link InputError} when `json` is not an object with an integer `n` and an `edges` array
   */
  static fromJSON(json: GraphJSON): Graph {
    if (!json || typeof json !== 'object' || !Array.isArray(json.edges)) {
      throw InputError.invalid('json', 'an object {n, edges, nodeLabels?, edgeLabels?}', describeValue(json));
    }
    return Graph.fromEdgeList(json.n, json.edges, { nodeLabels: json.nodeLabels, edgeLabels: json.edgeLabels });
  }

  /** True when node labels were given (even if all are 0). */
  get hasNodeLabels(): boolean {
    return this.#nodeLabels !== null;
  }

  /** True when edge labels were given (even if all are 1). */
  get hasEdgeLabels(): boolean {
    return this.#edgeLabels !== null;
  }

  /** Degree of node `v`. */
  degree(v: number): number {
    this.#checkNode(v, 'v');
    return this.#offsets[v + 1] - this.#offsets[v];
  }

  /** Degrees of all nodes, as a new array of length n. */
  degrees(): Int32Array {
    const d = new Int32Array(this.n);
    for (let i = 0; i < this.n; i++) d[i] = this.#offsets[i + 1] - this.#offsets[i];
    return d;
  }

  /** Neighbours of `v`, sorted ascending (a read-only view; do not cast it to mutate). */
  neighbors(v: number): ArrayLike<number> {
    this.#checkNode(v, 'v');
    return this.#targets.subarray(this.#offsets[v], this.#offsets[v + 1]);
  }

  /** The CSR index (read-only views), the array boundary for hot loops. */
  csr(): CsrView {
    return { offsets: this.#offsets, targets: this.#targets, edgeIds: this.#slotEdge };
  }

  /** Whether `{u, v}` is an edge. */
  hasEdge(u: number, v: number): boolean {
    return this.#edgeIndex(u, v) >= 0;
  }

  /** Class of edge `{u, v}`: 0 when there is no edge, 1 for an unlabelled edge. */
  edgeLabel(u: number, v: number): number {
    const k = this.#edgeIndex(u, v);
    if (k < 0) return 0;
    return this.#edgeLabels === null ? 1 : this.#edgeLabels[k];
  }

  /** Class of node `v` (0 when unlabelled). */
  nodeLabel(v: number): number {
    this.#checkNode(v, 'v');
    return this.#nodeLabels === null ? 0 : this.#nodeLabels[v];
  }

  /** Node classes as a new array of length n (zeros when unlabelled). */
  nodeLabels(): Int32Array {
    return this.#nodeLabels === null ? new Int32Array(this.n) : this.#nodeLabels.slice();
  }

  /** Edge classes aligned with {@link Graph.edges} as a new array (ones when unlabelled). */
  edgeLabels(): Int32Array {
    return this.#edgeLabels === null ? new Int32Array(this.numEdges).fill(1) : this.#edgeLabels.slice();
  }

  /** The edges as `[u, v]` pairs with `u < v`, sorted lexicographically (a new array). */
  edges(): [number, number][] {
    const out: [number, number][] = new Array(this.numEdges);
    for (let k = 0; k < this.numEdges; k++) out[k] = [this.#u[k], this.#v[k]];
    return out;
  }

  /** The edge table as columns (new arrays): endpoints `u < v` sorted lexicographically and classes. */
  edgeArrays(): { u: Int32Array; v: Int32Array; labels: Int32Array } {
    return { u: this.#u.slice(), v: this.#v.slice(), labels: this.edgeLabels() };
  }

  /** Calls `fn(u, v, label, index)` for each edge with `u < v`, in the order of {@link Graph.edges}. */
  forEachEdge(fn: (u: number, v: number, label: number, index: number) => void): void {
    for (let k = 0; k < this.numEdges; k++) fn(this.#u[k], this.#v[k], this.#edgeLabels === null ? 1 : this.#edgeLabels[k], k);
  }

  /**
   * Dense adjacency, n x n, symmetric with a zero diagonal.
   * @param values - `'binary'` (1 per edge) or `'labels'` (the edge class). @default 'binary'
   */
  adjacency(values: 'binary' | 'labels' = 'binary'): Matrix {
    const n = this.n;
    const data = new Float64Array(n * n);
    for (let k = 0; k < this.numEdges; k++) {
      const w = values === 'labels' && this.#edgeLabels !== null ? this.#edgeLabels[k] : 1;
      data[this.#u[k] * n + this.#v[k]] = w;
      data[this.#v[k] * n + this.#u[k]] = w;
    }
    return { rows: n, cols: n, data };
  }

  /**
   * Exact equality: same n, same edges on the same node ids, same labels. Labels are compared
   * by value, so an unlabelled graph equals one with all-0 node labels and all-1 edge labels.
   * (For equality up to relabelling use an isomorphism test.)
   */
  equals(other: Graph): boolean {
    if (!(other instanceof Graph) || other.n !== this.n || other.numEdges !== this.numEdges) return false;
    const b = other.#u;
    const c = other.#v;
    for (let k = 0; k < this.numEdges; k++) {
      if (this.#u[k] !== b[k] || this.#v[k] !== c[k]) return false;
      if ((this.#edgeLabels?.[k] ?? 1) !== (other.#edgeLabels?.[k] ?? 1)) return false;
    }
    for (let i = 0; i < this.n; i++) if ((this.#nodeLabels?.[i] ?? 0) !== (other.#nodeLabels?.[i] ?? 0)) return false;
    return true;
  }

  /** Plain-object form (edges sorted, labels only when present); inverse of {@link Graph.fromJSON}. */
  toJSON(): GraphJSON {
    const json: GraphJSON = { n: this.n, edges: this.edges() };
    if (this.#nodeLabels !== null) json.nodeLabels = Array.from(this.#nodeLabels);
    if (this.#edgeLabels !== null) json.edgeLabels = Array.from(this.#edgeLabels);
    return json;
  }

  /** Short description, e.g. `Graph(n=3, m=3)`. */
  toString(): string {
    return `Graph(n=${this.n}, m=${this.numEdges}${this.hasNodeLabels ? ', node labels' : ''}${this.hasEdgeLabels ? ', edge labels' : ''})`;
  }

  #checkNode(v: number, name: string): void {
    if (!Number.isInteger(v) || v < 0 || v >= this.n) throw InputError.invalid(name, `a node id in 0..${this.n - 1}`, describeValue(v));
  }

  #edgeIndex(u: number, v: number): number {
    this.#checkNode(u, 'u');
    this.#checkNode(v, 'v');
    let lo = this.#offsets[u];
    let hi = this.#offsets[u + 1] - 1;
    const t = this.#targets;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (t[mid] === v) return this.#slotEdge[mid];
      if (t[mid] < v) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  }
}

function checkNodeCount(n: number): void {
  if (!Number.isInteger(n) || n < 0 || n > 0x3fffffff) throw InputError.invalid('n', 'a non-negative integer node count', describeValue(n));
}

function checkNodeLabels(n: number, labels: ArrayLike<number> | undefined): Int32Array | null {
  if (labels === undefined) return null;
  if (labels === null || typeof labels.length !== 'number') throw InputError.invalid('options.nodeLabels', 'an array of node classes', describeValue(labels));
  if (labels.length !== n) throw ShapeError.mismatch('options.nodeLabels', `[${n}] (one per node)`, `length ${labels.length}`);
  const out = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const l = labels[i];
    if (!Number.isInteger(l) || l < 0 || l > MAX_LABEL) throw InputError.invalid(`options.nodeLabels[${i}]`, 'an integer node class >= 0', describeValue(l));
    out[i] = l;
  }
  return out;
}

/** Indices 0..m-1 ordered by (u, v). Uses a key sort, exact for n up to 2^26. */
function sortEdgeOrder(u: Int32Array, v: Int32Array, n: number): Int32Array {
  const m = u.length;
  const order = new Int32Array(m);
  for (let k = 0; k < m; k++) order[k] = k;
  let sorted = true;
  for (let k = 1; k < m && sorted; k++) if (u[k] < u[k - 1] || (u[k] === u[k - 1] && v[k] < v[k - 1])) sorted = false;
  if (sorted) return order;
  const keys = new Float64Array(m);
  for (let k = 0; k < m; k++) keys[k] = u[k] * n + v[k];
  return order.sort((a, b) => keys[a] - keys[b] || a - b);
}
