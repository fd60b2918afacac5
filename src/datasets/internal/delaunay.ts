/**
 * Delaunay triangulation of points in general position, with exact predicates.
 *
 * Algorithm: a sweep triangulation (points sorted by x then y; each new point is joined to the
 * hull edges it sees) followed by Lawson edge flips until every interior edge is locally Delaunay,
 * which yields the Delaunay triangulation (Lawson 1977; de Berg et al., "Computational Geometry",
 * ch. 9). Orientation and in-circle tests are evaluated in floating point with a conservative
 * error filter and recomputed exactly with BigInt when the filter cannot decide (Shewchuk 1997's
 * adaptive idea, simplified), so the combinatorial result never depends on rounding.
 *
 * Degenerate input (three collinear points on the sweep front or hull, or four cocircular points
 * across an edge) throws {@link DegenerateInputError}; for points drawn uniformly at random this
 * has probability ~0, and the planar recipe simply redraws.
 */

/** Thrown on collinear or cocircular configurations the algorithm does not resolve. */
export class DegenerateInputError extends Error {}

const FILTER = 1e-12;

interface Exact {
  x: bigint[];
  y: bigint[];
}

function scaleShift(values: Float64Array): number {
  let shift = 0;
  for (const v of values) {
    let s = 0;
    while (!Number.isInteger(v * 2 ** s)) {
      s++;
      if (s > 1000) throw new DegenerateInputError('coordinates too small for exact arithmetic');
    }
    if (s > shift) shift = s;
  }
  return shift;
}

/** Result of {@link delaunayEdges}. */
export interface DelaunayResult {
  /** Undirected edges `[u, v]`, `u < v`, sorted. */
  edges: [number, number][];
  /** Number of triangles. */
  triangles: number;
  /** Number of convex-hull vertices. */
  hullSize: number;
}

/** Delaunay triangulation of the points `(xs[i], ys[i])`, at least 3 and in general position. */
export function delaunayEdges(xs: Float64Array, ys: Float64Array): DelaunayResult {
  const n = xs.length;
  if (n < 3 || ys.length !== n) throw new DegenerateInputError('need at least 3 points');
  let exact: Exact | null = null;
  const getExact = (): Exact => {
    if (exact === null) {
      const shift = Math.max(scaleShift(xs), scaleShift(ys));
      const f = 2 ** shift;
      exact = { x: Array.from(xs, (v) => BigInt(v * f)), y: Array.from(ys, (v) => BigInt(v * f)) };
    }
    return exact;
  };
  const orient = (a: number, b: number, c: number): number => {
    const l = (xs[b] - xs[a]) * (ys[c] - ys[a]);
    const r = (ys[b] - ys[a]) * (xs[c] - xs[a]);
    const det = l - r;
    if (Math.abs(det) > FILTER * (Math.abs(l) + Math.abs(r))) return Math.sign(det);
    const { x, y } = getExact();
    const d = (x[b] - x[a]) * (y[c] - y[a]) - (y[b] - y[a]) * (x[c] - x[a]);
    return d > 0n ? 1 : d < 0n ? -1 : 0;
  };
  const inCircle = (a: number, b: number, c: number, d: number): number => {
    const adx = xs[a] - xs[d], ady = ys[a] - ys[d];
    const bdx = xs[b] - xs[d], bdy = ys[b] - ys[d];
    const cdx = xs[c] - xs[d], cdy = ys[c] - ys[d];
    const alift = adx * adx + ady * ady;
    const blift = bdx * bdx + bdy * bdy;
    const clift = cdx * cdx + cdy * cdy;
    const det = alift * (bdx * cdy - cdx * bdy) + blift * (cdx * ady - adx * cdy) + clift * (adx * bdy - bdx * ady);
    const perm =
      alift * (Math.abs(bdx * cdy) + Math.abs(cdx * bdy)) +
      blift * (Math.abs(cdx * ady) + Math.abs(adx * cdy)) +
      clift * (Math.abs(adx * bdy) + Math.abs(bdx * ady));
    if (Math.abs(det) > FILTER * perm) return Math.sign(det);
    const { x, y } = getExact();
    const ax = x[a] - x[d], ay = y[a] - y[d];
    const bx = x[b] - x[d], by = y[b] - y[d];
    const cx = x[c] - x[d], cy = y[c] - y[d];
    const e = (ax * ax + ay * ay) * (bx * cy - cx * by) + (bx * bx + by * by) * (cx * ay - ax * cy) + (cx * cx + cy * cy) * (ax * by - bx * ay);
    return e > 0n ? 1 : e < 0n ? -1 : 0;
  };

  const order = Array.from({ length: n }, (_, i) => i).sort((i, j) => xs[i] - xs[j] || ys[i] - ys[j]);
  for (let k = 1; k < n; k++) {
    if (xs[order[k]] === xs[order[k - 1]] && ys[order[k]] === ys[order[k - 1]]) throw new DegenerateInputError('duplicate points');
  }
  const tris: [number, number, number][] = [];
  const edgeTris = new Map<number, number[]>();
  const key = (u: number, v: number): number => (u < v ? u * n + v : v * n + u);
  const link = (u: number, v: number, t: number): void => {
    const k = key(u, v);
    const list = edgeTris.get(k);
    if (list === undefined) edgeTris.set(k, [t]);
    else list.push(t);
  };
  const addTri = (a: number, b: number, c: number): void => {
    const t = tris.length;
    tris.push([a, b, c]);
    link(a, b, t);
    link(b, c, t);
    link(c, a, t);
  };

  const [p0, p1, p2] = order;
  const o = orient(p0, p1, p2);
  if (o === 0) throw new DegenerateInputError('first three points collinear');
  let hull = o > 0 ? [p0, p1, p2] : [p0, p2, p1];
  addTri(hull[0], hull[1], hull[2]);
  for (let k = 3; k < n; k++) {
    const p = order[k];
    const H = hull.length;
    const visible = new Array<boolean>(H);
    for (let i = 0; i < H; i++) {
      const s = orient(hull[i], hull[(i + 1) % H], p);
      if (s === 0) throw new DegenerateInputError('point collinear with a hull edge');
      visible[i] = s < 0;
    }
    let start = -1;
    for (let i = 0; i < H; i++) if (visible[i] && !visible[(i - 1 + H) % H]) start = i;
    if (start < 0) throw new DegenerateInputError('no visible hull edge');
    let end = start;
    while (visible[(end + 1) % H]) end = (end + 1) % H;
    for (let i = start; ; i = (i + 1) % H) {
      addTri(hull[(i + 1) % H], hull[i], p);
      if (i === end) break;
    }
    // New hull: hull[start], p, hull[end + 1], and the vertices not strictly inside the chain.
    const next: number[] = [];
    for (let i = (end + 1) % H; ; i = (i + 1) % H) {
      next.push(hull[i]);
      if (i === start) break;
    }
    next.push(p);
    hull = next;
  }

  // Lawson flips.
  const stack: number[] = Array.from(edgeTris.keys());
  let guard = 0;
  const limit = 50 * n * n + 1000;
  while (stack.length > 0) {
    if (++guard > limit) throw new DegenerateInputError('flip limit exceeded');
    const k = stack.pop() as number;
    const list = edgeTris.get(k);
    if (list === undefined || list.length < 2) continue;
    const [t1, t2] = list;
    const u = Math.floor(k / n);
    const v = k % n;
    // Rotate t1 to (a, b, c) with {a, b} = {u, v} in t1's CCW order.
    const T1 = tris[t1];
    const r = T1.findIndex((w) => w !== u && w !== v);
    const c = T1[r];
    const a = T1[(r + 1) % 3];
    const b = T1[(r + 2) % 3];
    const T2 = tris[t2];
    const d = T2.find((w) => w !== u && w !== v) as number;
    const s = inCircle(a, b, c, d);
    if (s === 0) throw new DegenerateInputError('four cocircular points');
    if (s < 0) continue;
    edgeTris.delete(k);
    tris[t1] = [a, d, c];
    tris[t2] = [d, b, c];
    edgeTris.set(key(c, d), [t1, t2]);
    const replace = (x: number, y: number, from: number, to: number): void => {
      const l = edgeTris.get(key(x, y)) as number[];
      l[l.indexOf(from)] = to;
    };
    replace(b, c, t1, t2);
    replace(a, d, t2, t1);
    stack.push(key(a, d), key(d, b), key(b, c), key(c, a));
  }
  const edges: [number, number][] = Array.from(edgeTris.keys())
    .sort((p, q) => p - q)
    .map((e) => [Math.floor(e / n), e % n]);
  return { edges, triangles: tris.length, hullSize: hull.length };
}
