/*
 * graphgen dense kernels used by the Gromov-Wasserstein solvers (built into sinkhorn.wasm with
 * sinkhorn.c; see dense.h):
 *
 *   gg_matmul            C = A B, row-major, f64x2 SIMD; per entry the exact arithmetic of the
 *                        TypeScript twin (src/ot/internal/dense.ts matmul), hence identical bits.
 *   gg_network_simplex   exact transport by the primal network simplex; a port of
 *                        src/ot/internal/networkSimplex.ts (same start, same block-search pricing,
 *                        same ratio test and tie-breaking, same potentials arithmetic), so the
 *                        pivots and the returned flow and potentials are identical to the twin.
 *                        Faster than a literal port: arc costs and far endpoints are kept with
 *                        the tree (no lookups in C while relabelling), and pricing takes each
 *                        block row segment by row segment, the minimum first (SIMD) and its
 *                        position only when it improves, which is the scalar scan's choice.
 */
#include <math.h>
#include <stdint.h>

#include "dense.h"

/* Row-minimum start: after this many columns retired by one row, sort that row (see networkSimplex.ts). */
#define GG_SORT_ROW_AFTER 16

#include "gg_platform.h"

/* One row of C += A_i B over the columns l in [l0, k) (the scalar tail of gg_matmul). */
static void matmul_row(int i, int k, int m, int l0, const double *A, const double *B, double *C) {
  double *Ci = C + (long)i * m;
  const double *Ai = A + (long)i * k;
  int l = l0;
  int k4 = k - (k % 4);
  for (; l < k4; l += 4) {
    double x0 = Ai[l], x1 = Ai[l + 1], x2 = Ai[l + 2], x3 = Ai[l + 3];
    const double *B0 = B + (long)l * m, *B1 = B0 + m, *B2 = B1 + m, *B3 = B2 + m;
    int j = 0;
#ifdef GG_SIMD
    v128_t s0 = wasm_f64x2_splat(x0), s1 = wasm_f64x2_splat(x1), s2 = wasm_f64x2_splat(x2),
           s3 = wasm_f64x2_splat(x3);
    for (; j + 2 <= m; j += 2) {
      v128_t t = wasm_f64x2_mul(s0, wasm_v128_load(B0 + j));
      t = wasm_f64x2_add(t, wasm_f64x2_mul(s1, wasm_v128_load(B1 + j)));
      t = wasm_f64x2_add(t, wasm_f64x2_mul(s2, wasm_v128_load(B2 + j)));
      t = wasm_f64x2_add(t, wasm_f64x2_mul(s3, wasm_v128_load(B3 + j)));
      wasm_v128_store(Ci + j, wasm_f64x2_add(wasm_v128_load(Ci + j), t));
    }
#endif
    for (; j < m; j++) Ci[j] += ((x0 * B0[j] + x1 * B1[j]) + x2 * B2[j]) + x3 * B3[j];
  }
  for (; l < k; l++) {
    double x = Ai[l];
    const double *Bl = B + (long)l * m;
    for (int j = 0; j < m; j++) Ci[j] += x * Bl[j];
  }
}

GG_EXPORT(gg_matmul)
void gg_matmul(int n, int k, int m, const double *A, const double *B, double *C) {
  long nm = (long)n * m;
  for (long t = 0; t < nm; t++) C[t] = 0.0;
  int i = 0;
#ifdef GG_SIMD
  /* two rows of C per pass over B (each B vector loaded once for both); per entry the same
   * operations in the same order as matmul_row */
  int k4 = k - (k % 4);
  for (; i + 2 <= n; i += 2) {
    double *Ci = C + (long)i * m, *Cj = Ci + m;
    const double *Ai = A + (long)i * k, *Aj = Ai + k;
    for (int l = 0; l < k4; l += 4) {
      v128_t s0 = wasm_f64x2_splat(Ai[l]), s1 = wasm_f64x2_splat(Ai[l + 1]),
             s2 = wasm_f64x2_splat(Ai[l + 2]), s3 = wasm_f64x2_splat(Ai[l + 3]);
      v128_t r0 = wasm_f64x2_splat(Aj[l]), r1 = wasm_f64x2_splat(Aj[l + 1]),
             r2 = wasm_f64x2_splat(Aj[l + 2]), r3 = wasm_f64x2_splat(Aj[l + 3]);
      const double *B0 = B + (long)l * m, *B1 = B0 + m, *B2 = B1 + m, *B3 = B2 + m;
      int j = 0;
      for (; j + 2 <= m; j += 2) {
        v128_t b0 = wasm_v128_load(B0 + j), b1 = wasm_v128_load(B1 + j), b2 = wasm_v128_load(B2 + j),
               b3 = wasm_v128_load(B3 + j);
        v128_t t = wasm_f64x2_mul(s0, b0);
        v128_t u = wasm_f64x2_mul(r0, b0);
        t = wasm_f64x2_add(t, wasm_f64x2_mul(s1, b1));
        u = wasm_f64x2_add(u, wasm_f64x2_mul(r1, b1));
        t = wasm_f64x2_add(t, wasm_f64x2_mul(s2, b2));
        u = wasm_f64x2_add(u, wasm_f64x2_mul(r2, b2));
        t = wasm_f64x2_add(t, wasm_f64x2_mul(s3, b3));
        u = wasm_f64x2_add(u, wasm_f64x2_mul(r3, b3));
        wasm_v128_store(Ci + j, wasm_f64x2_add(wasm_v128_load(Ci + j), t));
        wasm_v128_store(Cj + j, wasm_f64x2_add(wasm_v128_load(Cj + j), u));
      }
      for (; j < m; j++) {
        Ci[j] += ((Ai[l] * B0[j] + Ai[l + 1] * B1[j]) + Ai[l + 2] * B2[j]) + Ai[l + 3] * B3[j];
        Cj[j] += ((Aj[l] * B0[j] + Aj[l + 1] * B1[j]) + Aj[l + 2] * B2[j]) + Aj[l + 3] * B3[j];
      }
    }
    matmul_row(i, k, m, k4, A, B, C);
    matmul_row(i + 1, k, m, k4, A, B, C);
  }
#endif
  for (; i < n; i++) matmul_row(i, k, m, 0, A, B, C);
}

void gg_argsort(const double *key, int *idx, int *tmp, int k) {
  for (int r = 0; r < k; r++) idx[r] = r;
  for (int w = 1; w < k; w *= 2) {
    for (int lo = 0; lo < k; lo += 2 * w) {
      int mid = lo + w < k ? lo + w : k, hi = lo + 2 * w < k ? lo + 2 * w : k;
      int s = lo, t = mid, o = lo;
      while (s < mid && t < hi) {
        int u = idx[s], v = idx[t];
        int take_t = key[v] < key[u] || (key[v] == key[u] && v < u);
        tmp[o++] = take_t ? idx[t++] : idx[s++];
      }
      while (s < mid) tmp[o++] = idx[s++];
      while (t < hi) tmp[o++] = idx[t++];
    }
    for (int r = 0; r < k; r++) idx[r] = tmp[r];
  }
}

/* Doubly linked adjacency of the spanning tree: half-edge 2k sits at node rows[k], 2k+1 at n+cols[k];
 * other[h] is the node at the far end of half-edge h. */
typedef struct {
  int *head, *nxt, *prv, *other;
} adj_t;

static void adj_insert(adj_t *A, int node, int h, int far) {
  int first = A->head[node];
  A->nxt[h] = first;
  A->prv[h] = -1;
  A->other[h] = far;
  if (first >= 0) A->prv[first] = h;
  A->head[node] = h;
}

static void adj_remove(adj_t *A, int node, int h) {
  int p = A->prv[h], q = A->nxt[h];
  if (p >= 0)
    A->nxt[p] = q;
  else
    A->head[node] = q;
  if (q >= 0) A->prv[q] = p;
}

typedef struct {
  const double *acost; /* acost[k] = C[rows[k] * m + cols[k]], kept with the basis */
  double *pot;
  int *parent, *parent_arc, *depth, *queue;
  adj_t adj;
} tree_t;

/* (Re)computes parent, depth and potentials of the subtree hanging from start (parent link set). */
static void relabel(tree_t *T, int start) {
  int head = 0, tail = 0;
  int *queue = T->queue, *parent = T->parent, *parent_arc = T->parent_arc, *depth = T->depth;
  const int *nxt = T->adj.nxt, *other = T->adj.other;
  double *pot = T->pot;
  queue[tail++] = start;
  while (head < tail) {
    int x = queue[head++];
    int px = parent_arc[x], dx = depth[x] + 1;
    double potx = pot[x];
    for (int h = T->adj.head[x]; h >= 0; h = nxt[h]) {
      int k = h >> 1;
      if (k == px) continue;
      int y = other[h];
      parent[y] = x;
      parent_arc[y] = k;
      depth[y] = dx;
      pot[y] = T->acost[k] - potx;
      queue[tail++] = y;
    }
  }
}

/* Minimum over j in [j0, j1) of the reduced cost (Ci[j] - pi) - potc[j]. */
static double segment_min(const double *Ci, double pi, const double *potc, int j0, int j1) {
  double mn = INFINITY;
  int j = j0;
#ifdef GG_SIMD
  if (j1 - j0 >= 4) {
    v128_t vp = wasm_f64x2_splat(pi);
    v128_t m0 = wasm_f64x2_splat(INFINITY), m1 = m0;
    for (; j + 4 <= j1; j += 4) {
      v128_t r0 = wasm_f64x2_sub(wasm_f64x2_sub(wasm_v128_load(Ci + j), vp), wasm_v128_load(potc + j));
      v128_t r1 = wasm_f64x2_sub(wasm_f64x2_sub(wasm_v128_load(Ci + j + 2), vp), wasm_v128_load(potc + j + 2));
      m0 = wasm_f64x2_pmin(m0, r0);
      m1 = wasm_f64x2_pmin(m1, r1);
    }
    m0 = wasm_f64x2_pmin(m0, m1);
    double x0 = wasm_f64x2_extract_lane(m0, 0), x1 = wasm_f64x2_extract_lane(m0, 1);
    mn = x1 < x0 ? x1 : x0;
  }
#endif
  for (; j < j1; j++) {
    double rc = (Ci[j] - pi) - potc[j];
    if (rc < mn) mn = rc;
  }
  return mn;
}

GG_EXPORT(gg_network_simplex)
int gg_network_simplex(int n, int m, const double *a, const double *b, const double *C, int max_iter,
                       int warm, int *rows, int *cols, double *flow, double *pot, int *iwork,
                       double *dwork, double *out) {
  int N = n + m, n_arcs = N - 1;
  int *parent = iwork, *parent_arc = iwork + N, *depth = iwork + 2 * N, *queue = iwork + 3 * N;
  int *head = iwork + 4 * N, *nxt = iwork + 5 * N, *prv = iwork + 5 * N + 2 * n_arcs;
  int *other = iwork + 5 * N + 4 * n_arcs;
  int *minus_arcs = iwork + 5 * N + 6 * n_arcs, *minus_side = minus_arcs + N, *plus_arcs = minus_side + N;
  double *acost = dwork;
  /* rb and active_col of the row-minimum start share the tail of the pot array's companion: use
   * queue (unused until relabel) for active_col and pot's column half for rb */
  if (!warm) {
    double *rb = pot + n; /* m doubles, overwritten by the potentials later */
    int *active = queue;
    for (int j = 0; j < m; j++) rb[j] = b[j], active[j] = 1;
    int cols_left = m, rows_left = n, i = 0;
    /* a row that retires many columns walks its columns in sorted order (same choices: the
     * cheapest active column, first by index on ties) instead of rescanning them all */
    int *order = nxt, *order_tmp = nxt + m; /* 2m <= 2 (n + m - 1) ints, free until the tree is built */
    int retired_in_row = 0, sorted = 0, pos = 0;
    double ra = a[0];
    for (int k = 0; k < n_arcs; k++) {
      const double *Ci = C + (long)i * m;
      int j = -1;
      if (!sorted && retired_in_row >= GG_SORT_ROW_AFTER) {
        gg_argsort(Ci, order, order_tmp, m);
        sorted = 1;
        pos = 0;
      }
      if (sorted) {
        while (!active[order[pos]]) pos++;
        j = order[pos];
      } else {
        double best = INFINITY;
        for (int c = 0; c < m; c++)
          if (active[c] && Ci[c] < best) {
            best = Ci[c];
            j = c;
          }
        if (j < 0)
          for (int c = 0; c < m && j < 0; c++)
            if (active[c]) j = c;
      }
      double t = ra < rb[j] ? ra : rb[j];
      rows[k] = i;
      cols[k] = j;
      flow[k] = t > 0 ? t : 0.0;
      ra -= t;
      rb[j] -= t;
      if (k == n_arcs - 1) break;
      if (cols_left == 1 || (rows_left > 1 && ra <= rb[j])) {
        rows_left--;
        i++;
        ra = a[i];
        retired_in_row = 0;
        sorted = 0;
      } else {
        active[j] = 0;
        cols_left--;
        retired_in_row++;
      }
    }
  }
  tree_t T = {acost, pot, parent, parent_arc, depth, queue, {head, nxt, prv, other}};
  for (int x = 0; x < N; x++) head[x] = -1;
  for (int k = n_arcs - 1; k >= 0; k--) {
    acost[k] = C[(long)rows[k] * m + cols[k]];
    adj_insert(&T.adj, rows[k], 2 * k, n + cols[k]);
    adj_insert(&T.adj, n + cols[k], 2 * k + 1, rows[k]);
  }
  parent[0] = -1;
  parent_arc[0] = -1;
  depth[0] = 0;
  pot[0] = 0.0;
  relabel(&T, 0);

  double scale = 0.0;
  long total = (long)n * m;
  for (long q = 0; q < total; q++) {
    double c = fabs(C[q]);
    if (c > scale) scale = c;
  }
  double eps = 1e-12 * (scale > 1e-300 ? scale : 1e-300);
  long block = (long)ceil(sqrt((double)total));
  long lo_block = total < 32 ? total : 32;
  if (block < lo_block) block = lo_block;
  int pivots = 0, optimal = 0;
  double *potc = pot + n;
  /* the pricing cursor (row qi, column qj) persists across pivots */
  int qi = 0, qj = 0;
  while (pivots < max_iter) {
    /* block search: the most negative reduced cost (first in scan order on ties) of the first
     * block that has one below -eps; each block is cut into row segments, a segment's minimum is
     * found first (SIMD) and its position only when it improves */
    double best = -eps;
    long enter = -1, scanned = 0;
    while (scanned < total) {
      long end = scanned + block < total ? scanned + block : total;
      long len = end - scanned;
      while (len > 0) {
        int seg = len < (long)(m - qj) ? (int)len : m - qj;
        const double *Ci = C + (long)qi * m;
        double pi = pot[qi];
        double mn = segment_min(Ci, pi, potc, qj, qj + seg);
        if (mn < best) {
          int j = qj;
          while ((Ci[j] - pi) - potc[j] != mn) j++;
          best = mn;
          enter = (long)qi * m + j;
        }
        len -= seg;
        qj += seg;
        if (qj == m) {
          qj = 0;
          if (++qi == n) qi = 0;
        }
      }
      scanned = end;
      if (enter >= 0) break;
    }
    if (enter < 0) {
      optimal = 1;
      break;
    }
    pivots++;
    int er = (int)(enter / m), ec = (int)(enter - (long)er * m);
    int nminus = 0, nplus = 0;
    int x = er, y = n + ec;
    while (x != y) {
      if (depth[x] >= depth[y]) {
        if (x < n) {
          minus_arcs[nminus] = parent_arc[x];
          minus_side[nminus++] = 0;
        } else
          plus_arcs[nplus++] = parent_arc[x];
        x = parent[x];
      } else {
        if (y >= n) {
          minus_arcs[nminus] = parent_arc[y];
          minus_side[nminus++] = 1;
        } else
          plus_arcs[nplus++] = parent_arc[y];
        y = parent[y];
      }
    }
    double theta = INFINITY;
    int leave = -1, leave_side = 0;
    for (int t = 0; t < nminus; t++) {
      int k = minus_arcs[t];
      if (flow[k] < theta) {
        theta = flow[k];
        leave = k;
        leave_side = minus_side[t];
      }
    }
    for (int t = 0; t < nminus; t++) flow[minus_arcs[t]] -= theta;
    for (int t = 0; t < nplus; t++) flow[plus_arcs[t]] += theta;
    adj_remove(&T.adj, rows[leave], 2 * leave);
    adj_remove(&T.adj, n + cols[leave], 2 * leave + 1);
    rows[leave] = er;
    cols[leave] = ec;
    flow[leave] = theta;
    acost[leave] = C[enter];
    adj_insert(&T.adj, er, 2 * leave, n + ec);
    adj_insert(&T.adj, n + ec, 2 * leave + 1, er);
    int q = leave_side == 0 ? er : n + ec;
    int p_node = leave_side == 0 ? n + ec : er;
    parent[q] = p_node;
    parent_arc[q] = leave;
    depth[q] = depth[p_node] + 1;
    pot[q] = C[enter] - pot[p_node];
    relabel(&T, q);
  }
  out[0] = pivots;
  return optimal;
}
