interface Interval {
  low: number; // edge id or -1
  high: number;
}
interface ConflictPair {
  L: Interval;
  R: Interval;
}

/**
 * The left-right planarity test (Brandes 2009) on a graph in CSR form: node v's neighbours are
 * `targets[offsets[v]..offsets[v+1])`, and `edgeIds` gives the undirected edge (0..m-1) of each
 * slot, both slots of an edge sharing its id. No checks: callers pass a simple graph.
 * Shared by {@link isPlanar} and the planarity constraint of constrained sampling.
 *
 * @internal
 */
export function lrPlanarity(n: number, m: number, offsets: ArrayLike<number>, targets: ArrayLike<number>, edgeIds: ArrayLike<number>): boolean {
  if (n > 2 && m > 3 * n - 6) return false;
  // orientation: edge k becomes src[k] -> dst[k]
  const src = new Int32Array(m).fill(-1);
  const dst = new Int32Array(m).fill(-1);
  const height = new Int32Array(n).fill(-1);
  const parentEdge = new Int32Array(n).fill(-1);
  const lowpt = new Int32Array(m);
  const lowpt2 = new Int32Array(m);
  const nesting = new Float64Array(m);
  const outEdges: number[][] = Array.from({ length: n }, () => []);
  const roots: number[] = [];

  const dfs1 = (v: number): void => {
    const e = parentEdge[v];
    for (let k = offsets[v]; k < offsets[v + 1]; k++) {
      const w = targets[k];
      const id = edgeIds[k];
      if (src[id] >= 0) continue;
      src[id] = v;
      dst[id] = w;
      outEdges[v].push(id);
      lowpt[id] = height[v];
      lowpt2[id] = height[v];
      if (height[w] < 0) {
        parentEdge[w] = id;
        height[w] = height[v] + 1;
        dfs1(w);
      } else {
        lowpt[id] = height[w];
      }
      nesting[id] = 2 * lowpt[id];
      if (lowpt2[id] < height[v]) nesting[id] += 1;
      if (e >= 0) {
        if (lowpt[id] < lowpt[e]) {
          lowpt2[e] = Math.min(lowpt[e], lowpt2[id]);
          lowpt[e] = lowpt[id];
        } else if (lowpt[id] > lowpt[e]) {
          lowpt2[e] = Math.min(lowpt2[e], lowpt[id]);
        } else {
          lowpt2[e] = Math.min(lowpt2[e], lowpt2[id]);
        }
      }
    }
  };
  for (let s = 0; s < n; s++) {
    if (height[s] >= 0) continue;
    height[s] = 0;
    roots.push(s);
    dfs1(s);
  }
  for (let v = 0; v < n; v++) outEdges[v].sort((x, y) => nesting[x] - nesting[y]);

  const S: ConflictPair[] = [];
  const stackBottom: (ConflictPair | null)[] = new Array(m).fill(null);
  const lowptEdge = new Int32Array(m).fill(-1);
  const ref = new Int32Array(m).fill(-1);
  const top = (): ConflictPair | null => (S.length > 0 ? S[S.length - 1] : null);
  const empty = (I: Interval): boolean => I.low < 0 && I.high < 0;
  const conflicting = (I: Interval, b: number): boolean => !empty(I) && lowpt[I.high] > lowpt[b];
  const lowest = (P: ConflictPair): number => {
    if (empty(P.L)) return lowpt[P.R.low];
    if (empty(P.R)) return lowpt[P.L.low];
    return Math.min(lowpt[P.L.low], lowpt[P.R.low]);
  };
  const swap = (P: ConflictPair): void => {
    const t = P.L;
    P.L = P.R;
    P.R = t;
  };

  const addConstraints = (ei: number, e: number): boolean => {
    const P: ConflictPair = { L: { low: -1, high: -1 }, R: { low: -1, high: -1 } };
    do {
      const Q = S.pop() as ConflictPair;
      if (!empty(Q.L)) swap(Q);
      if (!empty(Q.L)) return false;
      if (lowpt[Q.R.low] > lowpt[e]) {
        if (empty(P.R)) P.R = { low: Q.R.low, high: Q.R.high };
        else ref[P.R.low] = Q.R.high;
        P.R.low = Q.R.low;
      } else {
        ref[Q.R.low] = lowptEdge[e];
      }
    } while (top() !== stackBottom[ei]);
    while (S.length > 0 && (conflicting((top() as ConflictPair).L, ei) || conflicting((top() as ConflictPair).R, ei))) {
      const Q = S.pop() as ConflictPair;
      if (conflicting(Q.R, ei)) swap(Q);
      if (conflicting(Q.R, ei)) return false;
      ref[P.R.low] = Q.R.high;
      if (Q.R.low >= 0) P.R.low = Q.R.low;
      if (empty(P.L)) P.L = { low: Q.L.low, high: Q.L.high };
      else ref[P.L.low] = Q.L.high;
      P.L.low = Q.L.low;
    }
    if (!(empty(P.L) && empty(P.R))) S.push(P);
    return true;
  };

  const removeBackEdges = (e: number): void => {
    const u = src[e];
    while (S.length > 0 && lowest(top() as ConflictPair) === height[u]) S.pop();
    if (S.length > 0) {
      const P = S.pop() as ConflictPair;
      while (P.L.high >= 0 && dst[P.L.high] === u) P.L.high = ref[P.L.high];
      if (P.L.high < 0 && P.L.low >= 0) {
        ref[P.L.low] = P.R.low;
        P.L.low = -1;
      }
      while (P.R.high >= 0 && dst[P.R.high] === u) P.R.high = ref[P.R.high];
      if (P.R.high < 0 && P.R.low >= 0) {
        ref[P.R.low] = P.L.low;
        P.R.low = -1;
      }
      S.push(P);
    }
    if (lowpt[e] < height[u] && S.length > 0) {
      const t = top() as ConflictPair;
      const hl = t.L.high;
      const hr = t.R.high;
      ref[e] = hl >= 0 && (hr < 0 || lowpt[hl] > lowpt[hr]) ? hl : hr;
    }
  };

  const dfs2 = (v: number): boolean => {
    const e = parentEdge[v];
    const out = outEdges[v];
    for (let i = 0; i < out.length; i++) {
      const ei = out[i];
      const w = dst[ei];
      stackBottom[ei] = top();
      if (ei === parentEdge[w]) {
        if (!dfs2(w)) return false;
      } else {
        lowptEdge[ei] = ei;
        S.push({ L: { low: -1, high: -1 }, R: { low: ei, high: ei } });
      }
      if (lowpt[ei] < height[v]) {
        if (i === 0) lowptEdge[e] = lowptEdge[ei];
        else if (!addConstraints(ei, e)) return false;
      }
    }
    if (e >= 0) removeBackEdges(e);
    return true;
  };
  for (const r of roots) if (!dfs2(r)) return false;
  return true;
}
