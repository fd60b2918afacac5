/*
 * graphgen Sinkhorn kernels (see sinkhorn.h for the interface).
 *
 * Log-domain iteration (Peyre & Cuturi 2019, Sec. 4.4; Schmitzer 2019), with K = -M/reg and
 * scaled potentials u = f/reg, v = g/reg:
 *
 *   u_i <- log a_i - LSE_j (K_ij + v_j)          v_j <- log b_j - LSE_i (K_ij + u_i)
 *
 * Both log-sum-exps of an iteration come from one pass over K with one exponential per entry
 * (log_sweep): the row LSE uses the *previous* u as the shift (after a v-update the column sums of
 * exp(K + u + v) are exactly b, so every term K_ij + v_j + u_i is <= log b_j and the shifted sum
 * cannot overflow), and the row's exponentials, rescaled by a_i / (row sum), are the entries of
 * the plan after the u-update, whose column sums give the v-update's LSE. When a shifted sum leaves
 * [GG_LSE_LOW, GG_LSE_HIGH] (first iterations, far from feasibility) the row or column is
 * recomputed with its exact maximum as the shift. Hence no NaN or infinity for any reg > 0 and
 * finite costs.
 *
 * exp is a hand-written f64x2 SIMD routine (range reduction by ln 2, degree-12 Taylor polynomial,
 * |relative error| < 4e-16), because clang does not vectorize calls to libm's exp.
 */
#include <math.h>
#include <stdint.h>
#include <string.h>

#include "sinkhorn.h"

#include "gg_platform.h"

#define EXP_LO (-708.0)
#define EXP_HI 709.0
#define LOG2E 1.44269504088896338700e+00
#define LN2HI 6.93147180369123816490e-01
#define LN2LO 1.90821492927058770002e-10
#define SHIFT 6755399441055744.0 /* 1.5 * 2^52 */

#define C2 (1.0 / 2.0)
#define C3 (1.0 / 6.0)
#define C4 (1.0 / 24.0)
#define C5 (1.0 / 120.0)
#define C6 (1.0 / 720.0)
#define C7 (1.0 / 5040.0)
#define C8 (1.0 / 40320.0)
#define C9 (1.0 / 362880.0)
#define C10 (1.0 / 3628800.0)
#define C11 (1.0 / 39916800.0)
#define C12 (1.0 / 479001600.0)

/* Estrin evaluation of sum_{k<=12} r^k / k!: depth 8 instead of 24 for Horner. */
#define ESTRIN(MUL, ADD, SPLAT, r)                                             \
  do {                                                                         \
    r2 = MUL(r, r);                                                            \
    r4 = MUL(r2, r2);                                                          \
    r8 = MUL(r4, r4);                                                          \
    p01 = ADD(SPLAT(1.0), r);                                                  \
    p23 = ADD(SPLAT(C2), MUL(SPLAT(C3), r));                                   \
    p45 = ADD(SPLAT(C4), MUL(SPLAT(C5), r));                                   \
    p67 = ADD(SPLAT(C6), MUL(SPLAT(C7), r));                                   \
    p89 = ADD(SPLAT(C8), MUL(SPLAT(C9), r));                                   \
    pab = ADD(SPLAT(C10), MUL(SPLAT(C11), r));                                 \
    q0 = ADD(p01, MUL(p23, r2));                                               \
    q1 = ADD(p45, MUL(p67, r2));                                               \
    q2 = ADD(p89, MUL(pab, r2));                                               \
    s0 = ADD(q0, MUL(q1, r4));                                                 \
    s1 = ADD(q2, MUL(SPLAT(C12), r4));                                         \
    poly = ADD(s0, MUL(s1, r8));                                               \
  } while (0)

#define SMUL(x, y) ((x) * (y))
#define SADD(x, y) ((x) + (y))
#define SSPLAT(x) (x)

/* Branch-free so that compilers can vectorize loops calling it (native build). */
static inline double exp_scalar(double x) {
  double xc = x < EXP_LO ? EXP_LO : x; /* NaN passes through */
  xc = xc > EXP_HI ? EXP_HI : xc;
  double t = xc * LOG2E + SHIFT;
  double k = t - SHIFT;
  double r = xc - k * LN2HI;
  r = r - k * LN2LO;
  double r2, r4, r8, p01, p23, p45, p67, p89, pab, q0, q1, q2, s0, s1, poly;
  ESTRIN(SMUL, SADD, SSPLAT, r);
  int64_t tb, sb;
  double shift = SHIFT;
  memcpy(&tb, &t, 8);
  memcpy(&sb, &shift, 8);
  int64_t bits = (int64_t)((uint64_t)(tb - sb + 1023) << 52);
  double scale;
  memcpy(&scale, &bits, 8);
  double res = poly * scale;
  return x < EXP_LO ? 0.0 : res;
}

GG_EXPORT(gg_exp) double gg_exp(double x) { return exp_scalar(x); }

#ifdef GG_SIMD
static inline v128_t exp_f64x2(v128_t x) {
  const v128_t lo = wasm_f64x2_splat(EXP_LO);
  v128_t under = wasm_f64x2_lt(x, lo); /* -inf included; NaN lanes are not under */
  /* pmin/pmax map to single minpd/maxpd; NaN lanes stay NaN through pmax(lo, x) */
  x = wasm_f64x2_pmin(wasm_f64x2_pmax(lo, x), wasm_f64x2_splat(EXP_HI));
  const v128_t shift = wasm_f64x2_splat(SHIFT);
  v128_t t = wasm_f64x2_add(wasm_f64x2_mul(x, wasm_f64x2_splat(LOG2E)), shift);
  v128_t k = wasm_f64x2_sub(t, shift);
  v128_t r = wasm_f64x2_sub(x, wasm_f64x2_mul(k, wasm_f64x2_splat(LN2HI)));
  r = wasm_f64x2_sub(r, wasm_f64x2_mul(k, wasm_f64x2_splat(LN2LO)));
  v128_t r2, r4, r8, p01, p23, p45, p67, p89, pab, q0, q1, q2, s0, s1, poly;
  ESTRIN(wasm_f64x2_mul, wasm_f64x2_add, wasm_f64x2_splat, r);
  v128_t bits = wasm_i64x2_sub(t, shift);
  bits = wasm_i64x2_shl(wasm_i64x2_add(bits, wasm_i64x2_splat(1023)), 52);
  return wasm_v128_andnot(wasm_f64x2_mul(poly, bits), under);
}
#endif

/* buf_j = exp((K_j + v_j) + s); returns sum_j buf_j. */
static double row_exp_store(const double *K, const double *v, double s, double *buf, int m) {
  int j = 0;
  double total = 0.0;
#ifdef GG_SIMD
  v128_t acc0 = wasm_f64x2_splat(0.0), acc1 = acc0, acc2 = acc0, acc3 = acc0;
  v128_t ss = wasm_f64x2_splat(s);
  for (; j + 8 <= m; j += 8) {
    v128_t e0 = exp_f64x2(wasm_f64x2_add(wasm_f64x2_add(wasm_v128_load(K + j), wasm_v128_load(v + j)), ss));
    v128_t e1 = exp_f64x2(wasm_f64x2_add(wasm_f64x2_add(wasm_v128_load(K + j + 2), wasm_v128_load(v + j + 2)), ss));
    v128_t e2 = exp_f64x2(wasm_f64x2_add(wasm_f64x2_add(wasm_v128_load(K + j + 4), wasm_v128_load(v + j + 4)), ss));
    v128_t e3 = exp_f64x2(wasm_f64x2_add(wasm_f64x2_add(wasm_v128_load(K + j + 6), wasm_v128_load(v + j + 6)), ss));
    wasm_v128_store(buf + j, e0);
    wasm_v128_store(buf + j + 2, e1);
    wasm_v128_store(buf + j + 4, e2);
    wasm_v128_store(buf + j + 6, e3);
    acc0 = wasm_f64x2_add(acc0, e0);
    acc1 = wasm_f64x2_add(acc1, e1);
    acc2 = wasm_f64x2_add(acc2, e2);
    acc3 = wasm_f64x2_add(acc3, e3);
  }
  for (; j + 2 <= m; j += 2) {
    v128_t e0 = exp_f64x2(wasm_f64x2_add(wasm_f64x2_add(wasm_v128_load(K + j), wasm_v128_load(v + j)), ss));
    wasm_v128_store(buf + j, e0);
    acc0 = wasm_f64x2_add(acc0, e0);
  }
  acc0 = wasm_f64x2_add(wasm_f64x2_add(acc0, acc1), wasm_f64x2_add(acc2, acc3));
  total = wasm_f64x2_extract_lane(acc0, 0) + wasm_f64x2_extract_lane(acc0, 1);
#else
  double t0 = 0.0, t1 = 0.0, t2 = 0.0, t3 = 0.0;
  for (; j + 4 <= m; j += 4) {
    buf[j] = exp_scalar((K[j] + v[j]) + s);
    buf[j + 1] = exp_scalar((K[j + 1] + v[j + 1]) + s);
    buf[j + 2] = exp_scalar((K[j + 2] + v[j + 2]) + s);
    buf[j + 3] = exp_scalar((K[j + 3] + v[j + 3]) + s);
    t0 += buf[j];
    t1 += buf[j + 1];
    t2 += buf[j + 2];
    t3 += buf[j + 3];
  }
  total = (t0 + t1) + (t2 + t3);
#endif
  for (; j < m; j++) {
    buf[j] = exp_scalar((K[j] + v[j]) + s);
    total += buf[j];
  }
  return total;
}

static void axpy(double s, const double *x, double *y, int m) {
  int j = 0;
#ifdef GG_SIMD
  v128_t ss = wasm_f64x2_splat(s);
  for (; j + 2 <= m; j += 2)
    wasm_v128_store(y + j, wasm_f64x2_add(wasm_v128_load(y + j), wasm_f64x2_mul(ss, wasm_v128_load(x + j))));
#endif
  for (; j < m; j++) y[j] += s * x[j];
}

static inline int in_range(double s) { return s >= GG_LSE_LOW && s <= GG_LSE_HIGH; }

/*
 * The fused log-domain sweep: one exponential per entry per iteration. For each row with a_i > 0,
 * e_j = exp(K_ij + v_j + u_i) is stored in buf (m doubles, in cache) and lse_i = LSE_j (K_ij + v_j)
 * = log(sum_j e_j) - u_i, with the row's exact maximum as the shift when the shifted sum leaves
 * [GG_LSE_LOW, GG_LSE_HIGH]. After the u-update u_i' = log a_i - lse_i the plan is
 * exp(K_ij + v_j + u_i') = e_j * a_i / sum(e), whichever shift e was taken with, so the column sums
 * that the v-update needs are accumulated from the same exponentials: cs_j += e_j * a_i / sum(e).
 * Every term is at most a_i (e_j <= sum(e)), so cs cannot overflow; a column whose sum underflows
 * below GG_LSE_LOW is recomputed exactly in col_finish.
 */
static void log_sweep(int n, int m, const double *K, const double *a, const double *u, const double *v,
                      double *lse, double *cs, double *buf) {
  for (int j = 0; j < m; j++) cs[j] = 0.0;
  for (int i = 0; i < n; i++) {
    if (!(a[i] > 0)) continue;
    const double *Ki = K + (long)i * m;
    double s = row_exp_store(Ki, v, u[i], buf, m);
    if (in_range(s)) {
      lse[i] = log(s) - u[i];
    } else {
      double mx = -INFINITY;
      for (int j = 0; j < m; j++) {
        double x = Ki[j] + v[j];
        if (x > mx) mx = x;
      }
      if (mx == -INFINITY) {
        lse[i] = -INFINITY;
        continue;
      }
      s = row_exp_store(Ki, v, -mx, buf, m);
      lse[i] = mx + log(s);
    }
    axpy(a[i] / s, buf, cs, m);
  }
}

/* v_j <- log b_j - LSE_i (K_ij + u_i) from the column sums cs of log_sweep (exact max on fallback). */
static void col_finish(int n, int m, const double *K, const double *b, const double *lb, const double *u,
                       double *v, const double *cs) {
  for (int j = 0; j < m; j++) {
    if (!(b[j] > 0)) continue;
    if (in_range(cs[j])) {
      v[j] = lb[j] + v[j] - log(cs[j]);
    } else {
      /* exact column LSE over rows with positive mass (u_i = -inf rows contribute 0) */
      double mx = -INFINITY;
      for (int i = 0; i < n; i++) {
        double x = K[(long)i * m + j] + u[i];
        if (x > mx) mx = x;
      }
      double s = 0.0;
      for (int i = 0; i < n; i++) s += exp_scalar((K[(long)i * m + j] + u[i]) - mx);
      v[j] = lb[j] - (mx + log(s));
    }
  }
}

/* K <- -M/reg; logs of the masses; -inf potentials on zero-mass bins. */
static void log_setup(int n, int m, double *K, double reg, const double *a, const double *b, double *la,
                      double *lb, double *u, double *v) {
  long nm = (long)n * m;
  for (long k = 0; k < nm; k++) K[k] = -K[k] / reg;
  for (int i = 0; i < n; i++) {
    la[i] = a[i] > 0 ? log(a[i]) : -INFINITY;
    if (!(a[i] > 0)) u[i] = -INFINITY;
  }
  for (int j = 0; j < m; j++) {
    lb[j] = b[j] > 0 ? log(b[j]) : -INFINITY;
    if (!(b[j] > 0)) v[j] = -INFINITY;
  }
}

GG_EXPORT(gg_sinkhorn_log)
int gg_sinkhorn_log(int n, int m, double *K, double reg, const double *a, const double *b,
                    double *u, double *v, double *work, int max_iter, double tol,
                    int check_every, double *out) {
  double *la = work, *lb = work + n, *lse = work + n + m, *cs = work + 2 * n + m, *buf = work + 2 * n + 2 * m;
  log_setup(n, m, K, reg, a, b, la, lb, u, v);
  if (check_every < 1) check_every = 1;
  int status = GG_STATUS_MAX_ITER;
  double err = INFINITY;
  int it = 0;
  for (;; it++) {
    log_sweep(n, m, K, a, u, v, lse, cs, buf);
    if ((it > 0 && it % check_every == 0) || it == max_iter) {
      err = 0.0;
      for (int i = 0; i < n; i++)
        if (a[i] > 0) err += fabs(exp_scalar(u[i] + lse[i]) - a[i]);
      if (!(err == err) || err == INFINITY) {
        status = GG_STATUS_NUMERICAL_ERROR;
        break;
      }
      if (err < tol) {
        status = GG_STATUS_CONVERGED;
        break;
      }
    }
    if (it == max_iter) break;
    for (int i = 0; i < n; i++)
      if (a[i] > 0) u[i] = la[i] - lse[i];
    col_finish(n, m, K, b, lb, u, v, cs);
  }
  out[0] = it;
  out[1] = err;
  return status;
}

GG_EXPORT(gg_sinkhorn_log_plan)
void gg_sinkhorn_log_plan(int n, int m, double *K, const double *u, const double *v) {
  for (int i = 0; i < n; i++) {
    double *Ki = K + (long)i * m;
    double ui = u[i];
    int j = 0;
#ifdef GG_SIMD
    v128_t uu = wasm_f64x2_splat(ui);
    for (; j + 2 <= m; j += 2) {
      v128_t x = wasm_f64x2_add(wasm_f64x2_add(wasm_v128_load(Ki + j), wasm_v128_load(v + j)), uu);
      wasm_v128_store(Ki + j, exp_f64x2(x));
    }
#endif
    for (; j < m; j++) Ki[j] = exp_scalar((Ki[j] + v[j]) + ui);
  }
}

static double dot(const double *x, const double *y, int m) {
  int j = 0;
  double total = 0.0;
#ifdef GG_SIMD
  v128_t acc0 = wasm_f64x2_splat(0.0), acc1 = wasm_f64x2_splat(0.0);
  for (; j + 4 <= m; j += 4) {
    acc0 = wasm_f64x2_add(acc0, wasm_f64x2_mul(wasm_v128_load(x + j), wasm_v128_load(y + j)));
    acc1 = wasm_f64x2_add(acc1, wasm_f64x2_mul(wasm_v128_load(x + j + 2), wasm_v128_load(y + j + 2)));
  }
  acc0 = wasm_f64x2_add(acc0, acc1);
  total = wasm_f64x2_extract_lane(acc0, 0) + wasm_f64x2_extract_lane(acc0, 1);
#endif
  for (; j < m; j++) total += x[j] * y[j];
  return total;
}


/* Two dot products K0 . v and K1 . v in one pass over v, each with exactly the accumulation
 * order of dot() (so the results are bitwise those of two dot() calls). */
static void dot2(const double *K0, const double *K1, const double *v, int m, double *d0, double *d1) {
  int j = 0;
  double t0 = 0.0, t1 = 0.0;
#ifdef GG_SIMD
  v128_t a0 = wasm_f64x2_splat(0.0), a1 = a0, b0 = a0, b1 = a0;
  for (; j + 4 <= m; j += 4) {
    v128_t v0 = wasm_v128_load(v + j), v1 = wasm_v128_load(v + j + 2);
    a0 = wasm_f64x2_add(a0, wasm_f64x2_mul(wasm_v128_load(K0 + j), v0));
    a1 = wasm_f64x2_add(a1, wasm_f64x2_mul(wasm_v128_load(K0 + j + 2), v1));
    b0 = wasm_f64x2_add(b0, wasm_f64x2_mul(wasm_v128_load(K1 + j), v0));
    b1 = wasm_f64x2_add(b1, wasm_f64x2_mul(wasm_v128_load(K1 + j + 2), v1));
  }
  a0 = wasm_f64x2_add(a0, a1);
  b0 = wasm_f64x2_add(b0, b1);
  t0 = wasm_f64x2_extract_lane(a0, 0) + wasm_f64x2_extract_lane(a0, 1);
  t1 = wasm_f64x2_extract_lane(b0, 0) + wasm_f64x2_extract_lane(b0, 1);
#endif
  for (; j < m; j++) {
    t0 += K0[j] * v[j];
    t1 += K1[j] * v[j];
  }
  *d0 = t0;
  *d1 = t1;
}

/* y <- (y + s0 x0) + s1 x1, elementwise: bitwise two axpy() calls, one pass over y. */
static void axpy2(double s0, const double *x0, double s1, const double *x1, double *y, int m) {
  int j = 0;
#ifdef GG_SIMD
  v128_t ss0 = wasm_f64x2_splat(s0), ss1 = wasm_f64x2_splat(s1);
  for (; j + 4 <= m; j += 4) {
    v128_t y0 = wasm_f64x2_add(wasm_v128_load(y + j), wasm_f64x2_mul(ss0, wasm_v128_load(x0 + j)));
    v128_t y1 = wasm_f64x2_add(wasm_v128_load(y + j + 2), wasm_f64x2_mul(ss0, wasm_v128_load(x0 + j + 2)));
    y0 = wasm_f64x2_add(y0, wasm_f64x2_mul(ss1, wasm_v128_load(x1 + j)));
    y1 = wasm_f64x2_add(y1, wasm_f64x2_mul(ss1, wasm_v128_load(x1 + j + 2)));
    wasm_v128_store(y + j, y0);
    wasm_v128_store(y + j + 2, y1);
  }
#endif
  for (; j < m; j++) y[j] = (y[j] + s0 * x0[j]) + s1 * x1[j];
}

/*
 * One fused sweep of the scaling iteration  u <- a ./ (K v),  acc <- K^T u  over the rows of K
 * (two rows at a time): each row's K v entry is computed, u_i is updated, and the row is added
 * into acc while it is still in cache, so K is streamed from memory once per iteration instead
 * of twice. The arithmetic (dot, axpy, row order) is that of the unfused sequence
 * "kv = K v; u = a ./ kv; acc = sum_i u_i K_i", hence the same iterates bit for bit.
 *
 *   kv       out: K v (n).
 *   err      out when check: sum over rows (all rows if all_rows, else rows with a_i > 0) of
 *            |u_i kv_i - a_i| with the *incoming* u.
 *   update   when 0, only kv and err are computed (u and acc untouched).
 *   u_i      <- a_i / kv_i for a_i > 0; else 0 when all_rows (knopp), else unchanged.
 *            A new u_i outside [lo, hi] (or NaN) sets *bad; from then on acc is left alone.
 *   acc      (m) zeroed here when update, then += u_i K_i for u_i != 0.
 */
static void scaling_sweep(int n, int m, const double *K, const double *a, double *u, const double *v,
                          double *kv, double *acc, int update, int check, int all_rows, double lo,
                          double hi, double *err, int *bad) {
  double e = 0.0;
  int isbad = 0;
  if (update)
    for (int j = 0; j < m; j++) acc[j] = 0.0;
  for (int i = 0; i < n; i += 2) {
    int two = i + 1 < n;
    const double *K0 = K + (long)i * m, *K1 = two ? K0 + m : K0;
    if (two)
      dot2(K0, K1, v, m, &kv[i], &kv[i + 1]);
    else
      kv[i] = dot(K0, v, m);
    double s[2] = {0.0, 0.0};
    for (int r = 0; r < 1 + two; r++) {
      int k = i + r;
      if (check && (all_rows || a[k] > 0)) e += fabs(u[k] * kv[k] - a[k]);
      if (!update) continue;
      if (a[k] > 0) {
        u[k] = a[k] / kv[k];
        if (!(u[k] >= lo && u[k] <= hi)) isbad = 1;
      } else if (all_rows) {
        u[k] = 0.0;
      }
      s[r] = u[k];
    }
    if (!update || isbad) continue;
    if (s[0] != 0.0 && s[1] != 0.0)
      axpy2(s[0], K0, s[1], K1, acc, m);
    else if (s[0] != 0.0)
      axpy(s[0], K0, acc, m);
    else if (s[1] != 0.0)
      axpy(s[1], K1, acc, m);
  }
  *err = e;
  *bad = isbad;
}

GG_EXPORT(gg_sinkhorn_knopp)
int gg_sinkhorn_knopp(int n, int m, double *K, double reg, const double *a, const double *b,
                      double *u, double *v, double *work, int max_iter, double tol,
                      int check_every, double *out) {
  double *kv = work, *ktu = work + n, *uprev = work + n + m, *vprev = work + 2 * n + m;
  long nm = (long)n * m;
  for (long k = 0; k < nm; k++) K[k] = exp_scalar(-K[k] / reg);
  if (check_every < 1) check_every = 1;
  int status = GG_STATUS_MAX_ITER;
  double err = INFINITY;
  int it = 0;
  for (;; it++) {
    int checked = (it > 0 && it % check_every == 0) || it == max_iter;
    int update = it < max_iter;
    if (update) {
      memcpy(uprev, u, sizeof(double) * n);
      memcpy(vprev, v, sizeof(double) * m);
    }
    double e;
    int bad;
    scaling_sweep(n, m, K, a, u, v, kv, ktu, update, checked, 1, 0.0, 1.79e308, &e, &bad);
    if (checked) {
      err = e;
      if (!(err == err) || err == INFINITY) {
        status = GG_STATUS_NUMERICAL_ERROR;
        if (update) memcpy(u, uprev, sizeof(double) * n);
        break;
      }
      if (err < tol) {
        status = GG_STATUS_CONVERGED;
        if (update) memcpy(u, uprev, sizeof(double) * n);
        break;
      }
    }
    if (!update) break;
    /* u is never 0 where a > 0 (a / kv with kv finite), so the lower bound 0 flags only NaN */
    if (!bad)
      for (int j = 0; j < m; j++) {
        v[j] = b[j] > 0 ? b[j] / ktu[j] : 0.0;
        if (!(v[j] <= 1.79e308)) bad = 1;
      }
    if (bad) {
      memcpy(u, uprev, sizeof(double) * n);
      memcpy(v, vprev, sizeof(double) * m);
      status = GG_STATUS_NUMERICAL_ERROR;
      break;
    }
  }
  out[0] = it;
  out[1] = err;
  return status;
}

/* Kt_ij <- exp((K_ij + G_j) + F_i) */
static void stab_rebuild(int n, int m, const double *K, const double *F, const double *G, double *Kt) {
  for (int i = 0; i < n; i++) {
    const double *Ki = K + (long)i * m;
    double *Ti = Kt + (long)i * m;
    double fi = F[i];
    int j = 0;
#ifdef GG_SIMD
    v128_t ff = wasm_f64x2_splat(fi);
    for (; j + 2 <= m; j += 2) {
      v128_t x = wasm_f64x2_add(wasm_f64x2_add(wasm_v128_load(Ki + j), wasm_v128_load(G + j)), ff);
      wasm_v128_store(Ti + j, exp_f64x2(x));
    }
#endif
    for (; j < m; j++) Ti[j] = exp_scalar((Ki[j] + G[j]) + fi);
  }
}

#define STAB_LOW 1e-100
#define STAB_HIGH 1e100

GG_EXPORT(gg_sinkhorn_stabilized)
int gg_sinkhorn_stabilized(int n, int m, double *K, double *Kt, double reg, const double *a, const double *b,
                           double *F, double *G, double *u, double *v, double *work, int max_iter,
                           double tol, int check_every, double *out) {
  double *la = work, *lb = work + n, *lse = work + n + m, *cs = work + 2 * n + m;
  double *kv = work + 2 * n + 2 * m, *ktu = work + 3 * n + 2 * m, *uprev = work + 3 * n + 3 * m,
         *vprev = work + 4 * n + 3 * m;
  log_setup(n, m, K, reg, a, b, la, lb, F, G);
  if (check_every < 1) check_every = 1;
  for (int i = 0; i < n; i++) u[i] = a[i] > 0 ? 1.0 : 0.0;
  for (int j = 0; j < m; j++) v[j] = b[j] > 0 ? 1.0 : 0.0;
  stab_rebuild(n, m, K, F, G, Kt);
  int status = GG_STATUS_MAX_ITER;
  double err = INFINITY;
  int it = 0, absorptions = 0;
  for (;; it++) {
    int checked = (it > 0 && it % check_every == 0) || it == max_iter;
    int update = it < max_iter;
    if (update) {
      memcpy(uprev, u, sizeof(double) * n);
      memcpy(vprev, v, sizeof(double) * m);
    }
    double e;
    int bad;
    scaling_sweep(n, m, Kt, a, u, v, kv, ktu, update, checked, 0, STAB_LOW, STAB_HIGH, &e, &bad);
    if (checked) {
      err = e;
      if (err < tol) {
        status = GG_STATUS_CONVERGED;
        if (update) memcpy(u, uprev, sizeof(double) * n);
        break;
      }
    }
    if (!update) {
      if (!(err < INFINITY)) status = GG_STATUS_NUMERICAL_ERROR;
      break;
    }
    if (checked && !(err < INFINITY)) bad = 1;
    if (!bad) {
      for (int j = 0; j < m; j++) {
        if (!(b[j] > 0)) continue;
        v[j] = b[j] / ktu[j];
        if (!(v[j] >= STAB_LOW && v[j] <= STAB_HIGH)) bad = 1;
      }
    }
    if (bad) {
      /* absorb the last good scalings, take one exact log-domain iteration, rebuild the kernel */
      for (int i = 0; i < n; i++)
        if (a[i] > 0) F[i] += log(uprev[i]);
      for (int j = 0; j < m; j++)
        if (b[j] > 0) G[j] += log(vprev[j]);
      log_sweep(n, m, K, a, F, G, lse, cs, ktu); /* ktu is dead here: scratch row buffer */
      for (int i = 0; i < n; i++)
        if (a[i] > 0) F[i] = la[i] - lse[i];
      col_finish(n, m, K, b, lb, F, G, cs);
      for (int i = 0; i < n; i++) u[i] = a[i] > 0 ? 1.0 : 0.0;
      for (int j = 0; j < m; j++) v[j] = b[j] > 0 ? 1.0 : 0.0;
      stab_rebuild(n, m, K, F, G, Kt);
      absorptions++;
    }
  }
  out[0] = it;
  out[1] = err;
  out[2] = absorptions;
  return status;
}

GG_EXPORT(gg_sinkhorn_knopp_plan)
void gg_sinkhorn_knopp_plan(int n, int m, double *K, const double *u, const double *v) {
  for (int i = 0; i < n; i++) {
    double *Ki = K + (long)i * m;
    double ui = u[i];
    for (int j = 0; j < m; j++) Ki[j] = ui * Ki[j] * v[j];
  }
}

/* ------------------------------------------------------------------------------------------ */
/*
 * float32 path of the log-domain and Knopp kernels: the kernel matrix K is stored in float32 and
 * every pass over it runs on f32x4 lanes (half the memory traffic and twice the lanes of the
 * float64 path); potentials, scalings, marginals and the stopping test stay in float64 at the
 * interface. Exponentials use exp_f32 below (|relative error| < 3e-7). Same iteration, same
 * fallbacks and status codes as the float64 kernels, with float32 fallback thresholds.
 */
#define F32_LSE_LOW 1e-30
#define F32_LSE_HIGH 1e30
#define F32_MAX 3.4028234663852886e38

#define EXPF_LO (-87.33654f)
#define EXPF_HI 88.37626f /* largest x with round(x / ln 2) <= 127: 2^k stays finite */
#define LOG2EF 1.44269504f
#define LN2HIF 0.693145751953125f
#define LN2LOF 1.428606765330187e-06f
#define SHIFTF 12582912.0f /* 1.5 * 2^23 */
/* Taylor coefficients 1/k!, degree 7 (|r| <= ln2/2: truncation < 2e-8) */
#define F2 0.5f
#define F3 0.16666667f
#define F4 0.041666668f
#define F5 0.008333334f
#define F6 0.0013888889f
#define F7 0.0001984127f

static inline float expf_scalar(float x) {
  if (!(x >= EXPF_LO)) return x != x ? x : 0.0f;
  if (x > EXPF_HI) x = EXPF_HI;
  float t = x * LOG2EF + SHIFTF;
  float k = t - SHIFTF;
  float r = (x - k * LN2HIF) - k * LN2LOF;
  float r2 = r * r;
  float p = ((1.0f + r) + r2 * (F2 + F3 * r)) + (r2 * r2) * ((F4 + F5 * r) + r2 * (F6 + F7 * r));
  int32_t tb, sb;
  float shift = SHIFTF;
  memcpy(&tb, &t, 4);
  memcpy(&sb, &shift, 4);
  int32_t bits = (int32_t)((uint32_t)(tb - sb + 127) << 23);
  float scale;
  memcpy(&scale, &bits, 4);
  return p * scale;
}

GG_EXPORT(gg_expf)
float gg_expf(float x) { return expf_scalar(x); }

#ifdef GG_SIMD
static inline v128_t exp_f32x4(v128_t x) {
  const v128_t lo = wasm_f32x4_splat(EXPF_LO);
  v128_t under = wasm_f32x4_lt(x, lo); /* -inf included */
  x = wasm_f32x4_pmin(wasm_f32x4_pmax(lo, x), wasm_f32x4_splat(EXPF_HI));
  const v128_t shift = wasm_f32x4_splat(SHIFTF);
  v128_t t = wasm_f32x4_add(wasm_f32x4_mul(x, wasm_f32x4_splat(LOG2EF)), shift);
  v128_t k = wasm_f32x4_sub(t, shift);
  v128_t r = wasm_f32x4_sub(x, wasm_f32x4_mul(k, wasm_f32x4_splat(LN2HIF)));
  r = wasm_f32x4_sub(r, wasm_f32x4_mul(k, wasm_f32x4_splat(LN2LOF)));
  v128_t r2 = wasm_f32x4_mul(r, r);
  v128_t p01 = wasm_f32x4_add(wasm_f32x4_splat(1.0f), r);
  v128_t p23 = wasm_f32x4_add(wasm_f32x4_splat(F2), wasm_f32x4_mul(wasm_f32x4_splat(F3), r));
  v128_t p45 = wasm_f32x4_add(wasm_f32x4_splat(F4), wasm_f32x4_mul(wasm_f32x4_splat(F5), r));
  v128_t p67 = wasm_f32x4_add(wasm_f32x4_splat(F6), wasm_f32x4_mul(wasm_f32x4_splat(F7), r));
  v128_t q0 = wasm_f32x4_add(p01, wasm_f32x4_mul(r2, p23));
  v128_t q1 = wasm_f32x4_add(p45, wasm_f32x4_mul(r2, p67));
  v128_t p = wasm_f32x4_add(q0, wasm_f32x4_mul(wasm_f32x4_mul(r2, r2), q1));
  v128_t bits = wasm_i32x4_sub(t, shift);
  bits = wasm_i32x4_shl(wasm_i32x4_add(bits, wasm_i32x4_splat(127)), 23);
  return wasm_v128_andnot(wasm_f32x4_mul(p, bits), under);
}
#endif

/* sum_j exp((K_j + v_j) + s) in float32 lanes, returned as double */
static double row_expsum_f32(const float *K, const float *v, float s, int m) {
  int j = 0;
  float total = 0.0f;
#ifdef GG_SIMD
  v128_t acc0 = wasm_f32x4_splat(0.0f), acc1 = acc0;
  v128_t ss = wasm_f32x4_splat(s);
  for (; j + 8 <= m; j += 8) {
    v128_t x0 = wasm_f32x4_add(wasm_f32x4_add(wasm_v128_load(K + j), wasm_v128_load(v + j)), ss);
    v128_t x1 = wasm_f32x4_add(wasm_f32x4_add(wasm_v128_load(K + j + 4), wasm_v128_load(v + j + 4)), ss);
    acc0 = wasm_f32x4_add(acc0, exp_f32x4(x0));
    acc1 = wasm_f32x4_add(acc1, exp_f32x4(x1));
  }
  acc0 = wasm_f32x4_add(acc0, acc1);
  total = (wasm_f32x4_extract_lane(acc0, 0) + wasm_f32x4_extract_lane(acc0, 1)) +
          (wasm_f32x4_extract_lane(acc0, 2) + wasm_f32x4_extract_lane(acc0, 3));
#endif
  for (; j < m; j++) total += expf_scalar((K[j] + v[j]) + s);
  return total;
}

/* acc_j += exp((K_j + v_j) + s), float32 */
static void col_expacc_f32(const float *K, const float *v, float s, float *acc, int m) {
  int j = 0;
#ifdef GG_SIMD
  v128_t ss = wasm_f32x4_splat(s);
  for (; j + 4 <= m; j += 4) {
    v128_t x = wasm_f32x4_add(wasm_f32x4_add(wasm_v128_load(K + j), wasm_v128_load(v + j)), ss);
    wasm_v128_store(acc + j, wasm_f32x4_add(wasm_v128_load(acc + j), exp_f32x4(x)));
  }
#endif
  for (; j < m; j++) acc[j] += expf_scalar((K[j] + v[j]) + s);
}

static int in_range_f32(double s) { return s >= F32_LSE_LOW && s <= F32_LSE_HIGH; }

/* exact LSE_t (K[t*stride] + w[t]) in double over float32 K (fallback path) */
static double lse_exact_f32(const float *K, long stride, const double *w, int len) {
  double mx = -INFINITY;
  for (int t = 0; t < len; t++) {
    double x = (double)K[t * stride] + w[t];
    if (x > mx) mx = x;
  }
  if (mx == -INFINITY) return -INFINITY;
  double s = 0.0;
  for (int t = 0; t < len; t++) s += exp_scalar(((double)K[t * stride] + w[t]) - mx);
  return mx + log(s);
}

GG_EXPORT(gg_sinkhorn_log_f32)
int gg_sinkhorn_log_f32(int n, int m, float *K, double reg, const double *a, const double *b,
                        double *u, double *v, double *work, int max_iter, double tol,
                        int check_every, double *out) {
  double *la = work, *lb = work + n, *lse = work + n + m;
  float *v32 = (float *)(work + 2 * n + m), *cs = v32 + m + (m & 1);
  long nm = (long)n * m;
  for (long k = 0; k < nm; k++) K[k] = (float)(-(double)K[k] / reg);
  for (int i = 0; i < n; i++) {
    la[i] = a[i] > 0 ? log(a[i]) : -INFINITY;
    if (!(a[i] > 0)) u[i] = -INFINITY;
  }
  for (int j = 0; j < m; j++) {
    lb[j] = b[j] > 0 ? log(b[j]) : -INFINITY;
    if (!(b[j] > 0)) v[j] = -INFINITY;
    v32[j] = (float)v[j];
  }
  if (check_every < 1) check_every = 1;
  int status = GG_STATUS_MAX_ITER;
  double err = INFINITY;
  int it = 0;
  for (;; it++) {
    for (int i = 0; i < n; i++) {
      if (!(a[i] > 0)) continue;
      const float *Ki = K + (long)i * m;
      float ui = (float)u[i];
      double s = row_expsum_f32(Ki, v32, ui, m);
      lse[i] = in_range_f32(s) ? log(s) - (double)ui : lse_exact_f32(Ki, 1, v, m);
    }
    if ((it > 0 && it % check_every == 0) || it == max_iter) {
      err = 0.0;
      for (int i = 0; i < n; i++)
        if (a[i] > 0) err += fabs(exp_scalar(u[i] + lse[i]) - a[i]);
      if (!(err == err) || err == INFINITY) {
        status = GG_STATUS_NUMERICAL_ERROR;
        break;
      }
      if (err < tol) {
        status = GG_STATUS_CONVERGED;
        break;
      }
    }
    if (it == max_iter) break;
    for (int i = 0; i < n; i++)
      if (a[i] > 0) u[i] = la[i] - lse[i];
    for (int j = 0; j < m; j++) cs[j] = 0.0f;
    for (int i = 0; i < n; i++)
      if (a[i] > 0) col_expacc_f32(K + (long)i * m, v32, (float)u[i], cs, m);
    for (int j = 0; j < m; j++) {
      if (!(b[j] > 0)) continue;
      if (in_range_f32(cs[j]))
        v[j] = lb[j] + (double)v32[j] - log((double)cs[j]);
      else
        v[j] = lb[j] - lse_exact_f32(K + j, m, u, n);
      v32[j] = (float)v[j];
    }
  }
  out[0] = it;
  out[1] = err;
  return status;
}

GG_EXPORT(gg_sinkhorn_log_plan_f32)
void gg_sinkhorn_log_plan_f32(int n, int m, float *K, const double *u, const double *v) {
  for (int i = 0; i < n; i++) {
    float *Ki = K + (long)i * m;
    double ui = u[i];
    for (int j = 0; j < m; j++) Ki[j] = (float)exp_scalar(((double)Ki[j] + v[j]) + ui);
  }
}

/* f32 dot with four lanes and two accumulators, returned as double */
static double dot_f32(const float *x, const float *y, int m) {
  int j = 0;
  float total = 0.0f;
#ifdef GG_SIMD
  v128_t acc0 = wasm_f32x4_splat(0.0f), acc1 = acc0;
  for (; j + 8 <= m; j += 8) {
    acc0 = wasm_f32x4_add(acc0, wasm_f32x4_mul(wasm_v128_load(x + j), wasm_v128_load(y + j)));
    acc1 = wasm_f32x4_add(acc1, wasm_f32x4_mul(wasm_v128_load(x + j + 4), wasm_v128_load(y + j + 4)));
  }
  acc0 = wasm_f32x4_add(acc0, acc1);
  total = (wasm_f32x4_extract_lane(acc0, 0) + wasm_f32x4_extract_lane(acc0, 1)) +
          (wasm_f32x4_extract_lane(acc0, 2) + wasm_f32x4_extract_lane(acc0, 3));
#endif
  for (; j < m; j++) total += x[j] * y[j];
  return total;
}

static void axpy_f32(float s, const float *x, float *y, int m) {
  int j = 0;
#ifdef GG_SIMD
  v128_t ss = wasm_f32x4_splat(s);
  for (; j + 4 <= m; j += 4)
    wasm_v128_store(y + j, wasm_f32x4_add(wasm_v128_load(y + j), wasm_f32x4_mul(ss, wasm_v128_load(x + j))));
#endif
  for (; j < m; j++) y[j] += s * x[j];
}

GG_EXPORT(gg_sinkhorn_knopp_f32)
int gg_sinkhorn_knopp_f32(int n, int m, float *K, double reg, const double *a, const double *b,
                          double *u, double *v, double *work, int max_iter, double tol,
                          int check_every, double *out) {
  double *uprev = work, *vprev = work + n;
  float *v32 = (float *)(work + n + m), *ktu = v32 + m + (m & 1);
  long nm = (long)n * m;
  for (long k = 0; k < nm; k++) K[k] = (float)exp_scalar(-(double)K[k] / reg);
  for (int j = 0; j < m; j++) v32[j] = (float)v[j];
  if (check_every < 1) check_every = 1;
  int status = GG_STATUS_MAX_ITER;
  double err = INFINITY;
  int it = 0;
  for (;; it++) {
    int checked = (it > 0 && it % check_every == 0) || it == max_iter;
    int update = it < max_iter;
    if (update) {
      memcpy(uprev, u, sizeof(double) * n);
      memcpy(vprev, v, sizeof(double) * m);
      for (int j = 0; j < m; j++) ktu[j] = 0.0f;
    }
    /* fused sweep (as scaling_sweep): K v, u update and K^T u in one pass over K */
    double e = 0.0;
    int bad = 0;
    for (int i = 0; i < n; i++) {
      const float *Ki = K + (long)i * m;
      double kvi = dot_f32(Ki, v32, m);
      if (checked) e += fabs(u[i] * kvi - a[i]);
      if (!update) continue;
      u[i] = a[i] > 0 ? a[i] / kvi : 0.0;
      if (!(u[i] <= F32_MAX)) bad = 1;
      if (!bad && u[i] != 0.0) axpy_f32((float)u[i], Ki, ktu, m);
    }
    if (checked) {
      err = e;
      if (!(err == err) || err == INFINITY) {
        status = GG_STATUS_NUMERICAL_ERROR;
        if (update) memcpy(u, uprev, sizeof(double) * n);
        break;
      }
      if (err < tol) {
        status = GG_STATUS_CONVERGED;
        if (update) memcpy(u, uprev, sizeof(double) * n);
        break;
      }
    }
    if (!update) break;
    if (!bad)
      for (int j = 0; j < m; j++) {
        v[j] = b[j] > 0 ? b[j] / (double)ktu[j] : 0.0;
        if (!(v[j] <= F32_MAX)) bad = 1;
        v32[j] = (float)v[j];
      }
    if (bad) {
      memcpy(u, uprev, sizeof(double) * n);
      memcpy(v, vprev, sizeof(double) * m);
      status = GG_STATUS_NUMERICAL_ERROR;
      break;
    }
  }
  out[0] = it;
  out[1] = err;
  return status;
}

GG_EXPORT(gg_sinkhorn_knopp_plan_f32)
void gg_sinkhorn_knopp_plan_f32(int n, int m, float *K, const double *u, const double *v) {
  for (int i = 0; i < n; i++) {
    float *Ki = K + (long)i * m;
    double ui = u[i];
    for (int j = 0; j < m; j++) Ki[j] = (float)(ui * (double)Ki[j] * v[j]);
  }
}
