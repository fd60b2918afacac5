import { createMatrix, type Matrix } from '../../core/matrix.js';
import type { Graph } from '../../graph/Graph.js';
import { adjacencyTest, checkGraph } from '../internal/checks.js';

/** Number of node orbits of the graphlets with 2 to 4 nodes. */
export const NUM_ORBITS = 15;

/**
 * Per-node counts of the 15 orbits of the connected graphlets with 2, 3 and 4 nodes, in the
 * numbering of ORCA (Hočevar & Demšar 2014), which the graph-generation literature uses for its
 * orbit MMD (You et al. 2018, GraphRNN; Liao et al. 2019, GRAN; Martinkus et al. 2022, SPECTRE):
 *
 * | orbit | graphlet | node |
 * |---|---|---|
 * | 0 | edge | either end (so orbit 0 = degree) |
 * | 1, 2 | 3-node path | end, middle |
 * | 3 | triangle | any |
 * | 4, 5 | 4-node path | end, middle |
 * | 6, 7 | star | leaf, centre |
 * | 8 | 4-cycle | any |
 * | 9, 10, 11 | paw (tailed triangle) | tail end (degree 1), the two degree-2 triangle nodes, the degree-3 node |
 * | 12, 13 | diamond | degree-2 nodes, degree-3 nodes |
 * | 14 | K4 | any |
 *
 * Counts are of induced subgraphs (as ORCA counts them). Orbits 0-3 come from closed formulas
 * (degree, triangles, 2-paths); the 4-node orbits from an exact enumeration of the connected
 * induced 4-node subgraphs by the ESU algorithm (Wernicke 2006), each enumerated once and
 * classified by its edge count and internal degrees. Checked against a brute-force enumeration
 * of all 4-subsets (test/metrics/fixtures).
 *
 * @param graph - any graph (labels are ignored)
 * @returns an n x 15 matrix, row v = the orbit counts of node v
 * @throws `InputError` when `graph` is not a Graph
 *
 * @example
 * ```ts
 * const star = Graph.fromEdgeList(4, [[0, 1], [0, 2], [0, 3]]);
 * orbitCounts(star).data.slice(0, 15); // centre: degree 3, orbit 2 = 3 paths, orbit 7 = 1 star
 * ```
 */
export function orbitCounts(graph: Graph): Matrix {
  checkGraph(graph, 'graph');
  const n = graph.n;
  const out = createMatrix(n, NUM_ORBITS);
  const o = out.data;
  if (n === 0) return out;
  const { offsets, targets } = graph.csr();
  const adj = adjacencyTest(graph);
  const deg = graph.degrees();
  // orbits 0-3
  const tri = new Float64Array(n);
  for (let u = 0; u < n; u++) {
    for (let a = offsets[u]; a < offsets[u + 1]; a++) {
      const v = targets[a];
      if (v <= u) continue;
      for (let b = a + 1; b < offsets[u + 1]; b++) {
        const w = targets[b];
        if (adj(v, w)) {
          tri[u]++;
          tri[v]++;
          tri[w]++;
        }
      }
    }
  }
  for (let v = 0; v < n; v++) {
    const d = deg[v];
    let paths = 0;
    for (let k = offsets[v]; k < offsets[v + 1]; k++) paths += deg[targets[k]] - 1;
    const r = v * NUM_ORBITS;
    o[r] = d;
    o[r + 1] = paths - 2 * tri[v];
    o[r + 2] = d < 2 ? 0 : (d * (d - 1)) / 2 - tri[v];
    o[r + 3] = tri[v];
  }
  // 4-node orbits: ESU enumeration of connected induced 4-subgraphs.
  // mark[x] = number of subgraph nodes that are x or adjacent to x (x in closed neighbourhood of S)
  const mark = new Int32Array(n);
  const ext1 = new Int32Array(n);
  const ext2 = new Int32Array(2 * n + 8);
  const ext3 = new Int32Array(3 * n + 8);
  const s = new Int32Array(4);
  const addMarks = (x: number, delta: number): void => {
    mark[x] += delta;
    for (let k = offsets[x]; k < offsets[x + 1]; k++) mark[targets[k]] += delta;
  };
  const classify = (): void => {
    const a = s[0];
    const b = s[1];
    const c = s[2];
    const d = s[3];
    const eab = adj(a, b) ? 1 : 0;
    const eac = adj(a, c) ? 1 : 0;
    const ead = adj(a, d) ? 1 : 0;
    const ebc = adj(b, c) ? 1 : 0;
    const ebd = adj(b, d) ? 1 : 0;
    const ecd = adj(c, d) ? 1 : 0;
    const da = eab + eac + ead;
    const db = eab + ebc + ebd;
    const dc = eac + ebc + ecd;
    const dd = ead + ebd + ecd;
    const m = (da + db + dc + dd) >> 1;
    const put = (v: number, dv: number): void => {
      let orbit: number;
      switch (m) {
        case 3: {
          const star = da === 3 || db === 3 || dc === 3 || dd === 3;
          orbit = star ? (dv === 3 ? 7 : 6) : dv === 1 ? 4 : 5;
          break;
        }
        case 4: {
          const cycle = da === 2 && db === 2 && dc === 2 && dd === 2;
          orbit = cycle ? 8 : dv === 1 ? 9 : dv === 2 ? 10 : 11;
          break;
        }
        case 5:
          orbit = dv === 2 ? 12 : 13;
          break;
        default:
          orbit = 14;
      }
      o[v * NUM_ORBITS + orbit]++;
    };
    put(a, da);
    put(b, db);
    put(c, dc);
    put(d, dd);
  };
  for (let v = 0; v < n; v++) {
    // level 1: S = {v}; extension = neighbours > v
    s[0] = v;
    addMarks(v, 1);
    let n1 = 0;
    for (let k = offsets[v]; k < offsets[v + 1]; k++) if (targets[k] > v) ext1[n1++] = targets[k];
    for (let i1 = n1 - 1; i1 >= 0; i1--) {
      const w1 = ext1[i1];
      s[1] = w1;
      // new extension: remaining ext1[0..i1-1] plus exclusive neighbours of w1 (> v, not in N[S])
      let n2 = 0;
      for (let k = 0; k < i1; k++) ext2[n2++] = ext1[k];
      for (let k = offsets[w1]; k < offsets[w1 + 1]; k++) {
        const x = targets[k];
        if (x > v && mark[x] === 0) ext2[n2++] = x;
      }
      addMarks(w1, 1);
      for (let i2 = n2 - 1; i2 >= 0; i2--) {
        const w2 = ext2[i2];
        s[2] = w2;
        let n3 = 0;
        for (let k = 0; k < i2; k++) ext3[n3++] = ext2[k];
        for (let k = offsets[w2]; k < offsets[w2 + 1]; k++) {
          const x = targets[k];
          if (x > v && mark[x] === 0) ext3[n3++] = x;
        }
        for (let i3 = 0; i3 < n3; i3++) {
          s[3] = ext3[i3];
          classify();
        }
      }
      addMarks(w1, -1);
    }
    addMarks(v, -1);
  }
  return out;
}
