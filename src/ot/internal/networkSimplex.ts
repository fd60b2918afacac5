/**
 * Exact transportation solver: the primal network simplex on the bipartite transport graph
 * (internal; see `emd`). Dense costs, real-valued masses.
 *
 * The basis is a spanning tree of n + m - 1 cells (row-minimum start, or a given basis). Each pivot prices
 * cells in blocks of ~sqrt(nm) (block search pivot rule, as LEMON / POT), enters the most
 * negative reduced cost of the first block that has one, pushes flow around the tree cycle,
 * drops the blocking cell, then re-hangs the subtree cut off by the leaving cell from the
 * entering cell and recomputes parents, depths and potentials in that subtree only.
 *
 * @module
 * @internal
 */

/** A spanning-tree basis (n + m - 1 cells) with a feasible flow, e.g. a previous output. */
export interface NetworkSimplexBasis {
  readonly rows: Int32Array;
  readonly cols: Int32Array;
  readonly flow: Float64Array;
}

/** Output of {@link networkSimplex}. */
export interface NetworkSimplexOutput {
  /** Basic cells: row, column, flow (length n + m - 1). */
  readonly rows: Int32Array;
  readonly cols: Int32Array;
  readonly flow: Float64Array;
  /** Potentials u (rows) and v (cols): u_i + v_j <= C_ij, equality on basic cells. */
  readonly u: Float64Array;
  readonly v: Float64Array;
  readonly optimal: boolean;
  readonly pivots: number;
}

/**
 * Solves min <P, C> s.t. P 1 = a, P^T 1 = b, P >= 0 with a, b > 0 (no zero entries), equal sums.
 * C is n x m row-major.
 */
export function networkSimplex(a: Float64Array, b: Float64Array, C: Float64Array, maxIter: number, init?: NetworkSimplexBasis): NetworkSimplexOutput {
  const n = a.length;
  const m = b.length;
  const N = n + m;
  const nArcs = N - 1;
  const rows = new Int32Array(nArcs);
  const cols = new Int32Array(nArcs);
  const flow = new Float64Array(nArcs);
  if (init) {
    // warm start: a previous optimal basis for the same marginals is primal feasible
    rows.set(init.rows);
    cols.set(init.cols);
    flow.set(init.flow);
  } else {
    // row-minimum rule: walk the rows in order, each time allocating to the cheapest active
    // column and retiring exactly one line (the exhausted one); n + m - 1 allocations between
    // active lines always form a spanning tree (a basic feasible solution), usually far
    // cheaper than the north-west corner.
    const rb = b.slice();
    const activeCol = new Uint8Array(m).fill(1);
    let colsLeft = m;
    let rowsLeft = n;
    let i = 0;
    let ra = a[0];
    // a row that retires many columns walks its columns in sorted order (the same choices: the
    // cheapest active column, first by index on ties) instead of rescanning them all
    let retiredInRow = 0;
    let order: Int32Array | null = null;
    let pos = 0;
    for (let k = 0; k < nArcs; k++) {
      const off = i * m;
      let j = -1;
      if (order === null && retiredInRow >= SORT_ROW_AFTER) {
        order = argsortRow(C, off, m);
        pos = 0;
      }
      if (order !== null) {
        while (!activeCol[order[pos]]) pos++;
        j = order[pos];
      } else {
        let best = Infinity;
        for (let c = 0; c < m; c++) {
          if (activeCol[c] && C[off + c] < best) {
            best = C[off + c];
            j = c;
          }
        }
        if (j < 0) for (let c = 0; c < m && j < 0; c++) if (activeCol[c]) j = c;
      }
      const t = Math.min(ra, rb[j]);
      rows[k] = i;
      cols[k] = j;
      flow[k] = Math.max(t, 0);
      ra -= t;
      rb[j] -= t;
      if (k === nArcs - 1) break;
      if (colsLeft === 1 || (rowsLeft > 1 && ra <= rb[j])) {
        rowsLeft--;
        i++;
        ra = a[i];
        retiredInRow = 0;
        order = null;
      } else {
        activeCol[j] = 0;
        colsLeft--;
        retiredInRow++;
      }
    }
  }
  // adjacency of the tree: node -> arc ids (rows are nodes 0..n-1, cols n..n+m-1)
  const adj: number[][] = Array.from({ length: N }, () => []);
  for (let k = 0; k < nArcs; k++) {
    adj[rows[k]].push(k);
    adj[n + cols[k]].push(k);
  }
  const pot = new Float64Array(N);
  const parent = new Int32Array(N);
  const parentArc = new Int32Array(N);
  const depth = new Int32Array(N);
  const queue = new Int32Array(N);

  /** (Re)computes parent, depth and potentials of the subtree hanging from `start` (whose parent link is already set). */
  const relabel = (start: number): void => {
    let head = 0;
    let tail = 0;
    queue[tail++] = start;
    while (head < tail) {
      const x = queue[head++];
      const list = adj[x];
      for (let t = 0; t < list.length; t++) {
        const k = list[t];
        if (k === parentArc[x]) continue;
        const y = x < n ? n + cols[k] : rows[k];
        parent[y] = x;
        parentArc[y] = k;
        depth[y] = depth[x] + 1;
        pot[y] = C[rows[k] * m + cols[k]] - pot[x];
        queue[tail++] = y;
      }
    }
  };
  const rebuild = (): void => {
    parent[0] = -1;
    parentArc[0] = -1;
    depth[0] = 0;
    pot[0] = 0;
    relabel(0);
  };
  rebuild();

  let scale = 0;
  for (let k = 0; k < C.length; k++) scale = Math.max(scale, Math.abs(C[k]));
  const eps = 1e-12 * Math.max(scale, 1e-300);
  const total = n * m;
  const block = Math.max(Math.min(total, 32), Math.ceil(Math.sqrt(total)));
  let next = 0;
  let pivots = 0;
  let optimal = false;
  const minusArcs: number[] = [];
  const plusArcs: number[] = [];
  const minusSide: number[] = [];

  while (pivots < maxIter) {
    // block search pricing
    let best = -eps;
    let enter = -1;
    let scanned = 0;
    while (scanned < total) {
      const end = Math.min(scanned + block, total);
      for (; scanned < end; scanned++) {
        const q = next;
        next = next + 1 === total ? 0 : next + 1;
        const i = (q / m) | 0;
        const j = q - i * m;
        const rc = C[q] - pot[i] - pot[n + j];
        if (rc < best) {
          best = rc;
          enter = q;
        }
      }
      if (enter >= 0) break;
    }
    if (enter < 0) {
      optimal = true;
      break;
    }
    pivots++;
    const er = (enter / m) | 0;
    const ec = enter - er * m;
    // cycle: walk from both ends up to the common ancestor
    minusArcs.length = 0;
    plusArcs.length = 0;
    minusSide.length = 0;
    let x = er;
    let y = n + ec;
    while (x !== y) {
      if (depth[x] >= depth[y]) {
        // r-side: child x traversed parent -> x; minus when x is a row
        if (x < n) {
          minusArcs.push(parentArc[x]);
          minusSide.push(0);
        } else plusArcs.push(parentArc[x]);
        x = parent[x];
      } else {
        // c-side: child y traversed y -> parent; minus when y is a column
        if (y >= n) {
          minusArcs.push(parentArc[y]);
          minusSide.push(1);
        } else plusArcs.push(parentArc[y]);
        y = parent[y];
      }
    }
    let theta = Infinity;
    let leave = -1;
    let leaveSide = 0;
    for (let t = 0; t < minusArcs.length; t++) {
      const k = minusArcs[t];
      if (flow[k] < theta) {
        theta = flow[k];
        leave = k;
        leaveSide = minusSide[t];
      }
    }
    for (const k of minusArcs) flow[k] -= theta;
    for (const k of plusArcs) flow[k] += theta;
    // replace the leaving arc by the entering one
    const lr = rows[leave];
    const lc = n + cols[leave];
    removeArc(adj[lr], leave);
    removeArc(adj[lc], leave);
    rows[leave] = er;
    cols[leave] = ec;
    flow[leave] = theta;
    adj[er].push(leave);
    adj[n + ec].push(leave);
    // the endpoint of the entering arc on the leaving arc's side is cut off from the root:
    // hang its subtree from the other endpoint and relabel only that subtree
    const q = leaveSide === 0 ? er : n + ec;
    const pNode = leaveSide === 0 ? n + ec : er;
    parent[q] = pNode;
    parentArc[q] = leave;
    depth[q] = depth[pNode] + 1;
    pot[q] = C[er * m + ec] - pot[pNode];
    relabel(q);
  }
  return { rows, cols, flow, u: pot.slice(0, n), v: pot.slice(n), optimal, pivots };
}

/** Row-minimum start: after this many columns retired by one row, that row is sorted (as in wasm/dense.c). */
const SORT_ROW_AFTER = 16;

/** Columns 0..m-1 of the row at `off` sorted by cost, ties by index. */
function argsortRow(C: Float64Array, off: number, m: number): Int32Array {
  const idx = Array.from({ length: m }, (_, c) => c);
  idx.sort((s, t) => (C[off + s] < C[off + t] ? -1 : C[off + s] > C[off + t] ? 1 : s - t));
  return Int32Array.from(idx);
}

function removeArc(list: number[], k: number): void {
  const idx = list.indexOf(k);
  list[idx] = list[list.length - 1];
  list.pop();
}
