/**
 * Example: a path in graph space between two graphs, through Gromov-Wasserstein barycenters
 * (`interpolate` from graphgen/generators), drawn as one SVG strip.
 *
 * Run: `npx tsx examples/ot-interpolate.ts [out.svg] [frames]` (default `ot-interpolate.svg`, 7 frames).
 *
 * Node positions: the first graph gets a spring layout, the last one too, and every node of an
 * intermediate graph is placed at the barycentric projection of its couplings to both ends,
 * `x_i = (1 − t) N Σ_k T1[i][k] x1_k + t N Σ_l T2[i][l] x2_l`, so the picture moves the way the
 * transport plan moves mass.
 */
import { writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { createRng } from '../src/core/rng.js';
import { Graph } from '../src/graph/Graph.js';
import { interpolationPoint } from '../src/generators/ot/interpolate.js';

/** Options of {@link main}. */
export interface InterpolateExampleOptions {
  /** First graph. @default a 3 x 4 grid */
  from?: Graph;
  /** Last graph. @default a wheel on 8 nodes */
  to?: Graph;
  /** Number of frames including both ends (>= 2). @default 7 */
  frames?: number;
  /** SVG file to write. @default none (only returned) */
  out?: string;
  /** Seed. @default 0 */
  seed?: number;
}

/** Result of {@link main}. */
export interface InterpolateExampleResult {
  /** The times of the frames. */
  ts: number[];
  /** The graph of every frame. */
  graphs: Graph[];
  /** The SVG document. */
  svg: string;
}

function grid(rows: number, cols: number): Graph {
  const edges: [number, number][] = [];
  for (let r = 0; r < rows; r++)
    for (let c = 0; c < cols; c++) {
      if (c + 1 < cols) edges.push([r * cols + c, r * cols + c + 1]);
      if (r + 1 < rows) edges.push([r * cols + c, (r + 1) * cols + c]);
    }
  return Graph.fromEdgeList(rows * cols, edges);
}

function wheel(n: number): Graph {
  const edges: [number, number][] = [];
  for (let i = 1; i < n; i++) edges.push([0, i], [i, i === n - 1 ? 1 : i + 1]);
  return Graph.fromEdgeList(n, edges);
}

/** Fruchterman-Reingold spring layout from a circle, deterministic, in the unit square. */
function springLayout(g: Graph, iterations = 200): Float64Array {
  const n = g.n;
  const pos = new Float64Array(2 * n);
  for (let i = 0; i < n; i++) {
    pos[2 * i] = 0.5 + 0.4 * Math.cos((2 * Math.PI * i) / n);
    pos[2 * i + 1] = 0.5 + 0.4 * Math.sin((2 * Math.PI * i) / n);
  }
  const k = Math.sqrt(1 / Math.max(1, n));
  const edges = g.edges();
  for (let it = 0; it < iterations; it++) {
    const temp = 0.1 * (1 - it / iterations);
    const disp = new Float64Array(2 * n);
    for (let i = 0; i < n; i++)
      for (let j = 0; j < n; j++) {
        if (i === j) continue;
        const dx = pos[2 * i] - pos[2 * j];
        const dy = pos[2 * i + 1] - pos[2 * j + 1];
        const d = Math.max(1e-4, Math.hypot(dx, dy));
        disp[2 * i] += ((dx / d) * k * k) / d;
        disp[2 * i + 1] += ((dy / d) * k * k) / d;
      }
    for (const [u, v] of edges) {
      const dx = pos[2 * u] - pos[2 * v];
      const dy = pos[2 * u + 1] - pos[2 * v + 1];
      const d = Math.max(1e-4, Math.hypot(dx, dy));
      const f = (d * d) / k;
      disp[2 * u] -= (dx / d) * f;
      disp[2 * u + 1] -= (dy / d) * f;
      disp[2 * v] += (dx / d) * f;
      disp[2 * v + 1] += (dy / d) * f;
    }
    for (let i = 0; i < n; i++) {
      const d = Math.max(1e-9, Math.hypot(disp[2 * i], disp[2 * i + 1]));
      pos[2 * i] += (disp[2 * i] / d) * Math.min(d, temp);
      pos[2 * i + 1] += (disp[2 * i + 1] / d) * Math.min(d, temp);
    }
  }
  // fit into [0.1, 0.9]^2
  let [x0, x1, y0, y1] = [Infinity, -Infinity, Infinity, -Infinity];
  for (let i = 0; i < n; i++) {
    x0 = Math.min(x0, pos[2 * i]);
    x1 = Math.max(x1, pos[2 * i]);
    y0 = Math.min(y0, pos[2 * i + 1]);
    y1 = Math.max(y1, pos[2 * i + 1]);
  }
  const s = 0.8 / Math.max(1e-9, x1 - x0, y1 - y0);
  for (let i = 0; i < n; i++) {
    pos[2 * i] = 0.1 + (pos[2 * i] - x0) * s;
    pos[2 * i + 1] = 0.1 + (pos[2 * i + 1] - y0) * s;
  }
  return pos;
}

/** Positions of the N nodes of a frame from its couplings (N x n1, N x n2) to both ends. */
function project(t: number, T1: { rows: number; cols: number; data: Float64Array }, p1: Float64Array, T2: { rows: number; cols: number; data: Float64Array }, p2: Float64Array): Float64Array {
  const N = T1.rows;
  const out = new Float64Array(2 * N);
  for (let i = 0; i < N; i++)
    for (let c = 0; c < 2; c++) {
      let a = 0;
      for (let k = 0; k < T1.cols; k++) a += T1.data[i * T1.cols + k] * p1[2 * k + c];
      let b = 0;
      for (let l = 0; l < T2.cols; l++) b += T2.data[i * T2.cols + l] * p2[2 * l + c];
      out[2 * i + c] = N * ((1 - t) * a + t * b);
    }
  return out;
}

/** Computes the path and its SVG; writes the file when `out` is given. */
export function main(options: InterpolateExampleOptions = {}): InterpolateExampleResult {
  const g1 = options.from ?? grid(3, 4);
  const g2 = options.to ?? wheel(8);
  const frames = Math.max(2, options.frames ?? 7);
  const rng = createRng(options.seed ?? 0);
  const p1 = springLayout(g1);
  const p2 = springLayout(g2);
  const size = 160;
  const ts: number[] = [];
  const graphs: Graph[] = [];
  const parts: string[] = [];
  for (let f = 0; f < frames; f++) {
    const t = f / (frames - 1);
    const point = interpolationPoint(g1, g2, t, { rng: rng.split() });
    const g = point.graph;
    const pos = t === 0 ? p1 : t === 1 ? p2 : project(t, point.toFirst, p1, point.toSecond, p2);
    ts.push(t);
    graphs.push(g);
    const ox = f * size;
    const X = (i: number) => (ox + pos[2 * i] * size).toFixed(1);
    const Y = (i: number) => (20 + pos[2 * i + 1] * size).toFixed(1);
    parts.push(`<g><text x="${ox + size / 2}" y="14" text-anchor="middle" font-family="sans-serif" font-size="11">t = ${t.toFixed(2)} (n=${g.n}, m=${g.numEdges})</text>`);
    for (const [u, v] of g.edges()) parts.push(`<line x1="${X(u)}" y1="${Y(u)}" x2="${X(v)}" y2="${Y(v)}" stroke="#555" stroke-width="1.2"/>`);
    for (let i = 0; i < g.n; i++) parts.push(`<circle cx="${X(i)}" cy="${Y(i)}" r="3.5" fill="#2b6cb0"/>`);
    parts.push('</g>');
  }
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${frames * size}" height="${size + 30}" viewBox="0 0 ${frames * size} ${size + 30}">\n<rect width="100%" height="100%" fill="white"/>\n${parts.join('\n')}\n</svg>\n`;
  if (options.out !== undefined) writeFileSync(options.out, svg);
  return { ts, graphs, svg };
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const out = process.argv[2] ?? 'ot-interpolate.svg';
  const r = main({ out, frames: Number(process.argv[3] ?? 7) });
  console.log(`wrote ${out}: ${r.graphs.map((g, i) => `t=${r.ts[i].toFixed(2)} n=${g.n} m=${g.numEdges}`).join('; ')}`);
}
