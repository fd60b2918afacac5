/*
 * graphgen Sinkhorn kernels (see sinkhorn.h for the interface).
 *
 * Log-domain iteration (Peyre & Cuturi 2019, Sec. 4.4; Schmitzer 2019), with K = -M/reg and
 * scaled potentials u = f/reg, v = g/reg:
 *
 *   u_i <- log a_i - LSE_j (K_ij + v_j)          v_j <- log b_j - LSE_i (K_ij + u_i)
 *
 * Each log-sum-exp is taken in one streaming pass with the *previous* potential as the shift:
 * after a v-update the column sums of exp(K + u + v) are exactly b, so every term K_ij + v_j + u_i
 * is <= log b_j and the shifted sum cannot overflow (symmetrically for the v-update). When the
 * shifted sum leaves [GG_LSE_LOW, GG_LSE_HIGH] (first iterations, far from feasibility) the row or
 * column is recomputed with its exact maximum as the shift. Hence no NaN or infinity for any
 * reg > 0 and finite costs, with one pass over K per half-iteration in the common case.
 *
 * exp is a hand-written f64x2 SIMD routine (range reduction by ln 2, degree-12 Taylor polynomial,
 * |relative error| < 4e-16), because clang does not vectorize calls to libm's exp.
 */
#include <math.h>
#include <stdint.h>
#include <string.h>

#include "sinkhorn.h"

#ifdef __wasm_simd128__
#include <wasm_simd128.h>
#define GG_SIMD 1
#endif

#if defined(__wasm__)
#define GG_EXPORT(name) __attribute__((export_name(#name)))
#else
#define GG_EXPORT(name)
#endif

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

static inline double exp_scalar(double x) {
  if (!(x >= EXP_LO)) return x != x ? x : 0.0; /* NaN stays NaN; below range (and -inf) -> 0 */
  if (x > EXP_HI) x = EXP_HI;
  double t = x * LOG2E + SHIFT;
  double k = t - SHIFT;
  double r = x - k * LN2HI;
  r = r - k * LN2LO;
  double p = C12;
  p = p * r + C11;
  p = p * r + C10;
  p = p * r + C9;
  p = p * r + C8;
  p = p * r + C7;
  p = p * r + C6;
  p = p * r + C5;
  p = p * r + C4;
  p = p * r + C3;
  p = p * r + C2;
  p = p * r + 1.0;
  p = p * r + 1.0;
  int64_t tb, sb;
  double shift = SHIFT;
  memcpy(&tb, &t, 8);
  memcpy(&sb, &shift, 8);
  int64_t bits = (tb - sb + 1023) << 52;
  double scale;
  memcpy(&scale, &bits, 8);
  return p * scale;
}

GG_EXPORT(gg_exp) double gg_exp(double x) { return exp_scalar(x); }

#ifdef GG_SIMD
static inline v128_t exp_f64x2(v128_t x) {
  const v128_t lo = wasm_f64x2_splat(EXP_LO);
  v128_t under = wasm_f64x2_lt(x, lo); /* -inf included; NaN lanes are not under */
  x = wasm_f64x2_min(wasm_f64x2_max(x, lo), wasm_f64x2_splat(EXP_HI));
  const v128_t shift = wasm_f64x2_splat(SHIFT);
  v128_t t = wasm_f64x2_add(wasm_f64x2_mul(x, wasm_f64x2_splat(LOG2E)), shift);
  v128_t k = wasm_f64x2_sub(t, shift);
  v128_t r = wasm_f64x2_sub(x, wasm_f64x2_mul(k, wasm_f64x2_splat(LN2HI)));
  r = wasm_f64x2_sub(r, wasm_f64x2_mul(k, wasm_f64x2_splat(LN2LO)));
  v128_t p = wasm_f64x2_splat(C12);
  p = wasm_f64x2_add(wasm_f64x2_mul(p, r), wasm_f64x2_splat(C11));
  p = wasm_f64x2_add(wasm_f64x2_mul(p, r), wasm_f64x2_splat(C10));
  p = wasm_f64x2_add(wasm_f64x2_mul(p, r), wasm_f64x2_splat(C9));
  p = wasm_f64x2_add(wasm_f64x2_mul(p, r), wasm_f64x2_splat(C8));
  p = wasm_f64x2_add(wasm_f64x2_mul(p, r), wasm_f64x2_splat(C7));
  p = wasm_f64x2_add(wasm_f64x2_mul(p, r), wasm_f64x2_splat(C6));
  p = wasm_f64x2_add(wasm_f64x2_mul(p, r), wasm_f64x2_splat(C5));
  p = wasm_f64x2_add(wasm_f64x2_mul(p, r), wasm_f64x2_splat(C4));
  p = wasm_f64x2_add(wasm_f64x2_mul(p, r), wasm_f64x2_splat(C3));
  p = wasm_f64x2_add(wasm_f64x2_mul(p, r), wasm_f64x2_splat(C2));
  p = wasm_f64x2_add(wasm_f64x2_mul(p, r), wasm_f64x2_splat(1.0));
  p = wasm_f64x2_add(wasm_f64x2_mul(p, r), wasm_f64x2_splat(1.0));
  v128_t bits = wasm_i64x2_sub(t, shift);
  bits = wasm_i64x2_shl(wasm_i64x2_add(bits, wasm_i64x2_splat(1023)), 52);
  return wasm_v128_andnot(wasm_f64x2_mul(p, bits), under);
}
#endif

/* sum_j exp((K_j + v_j) + s) */
static double row_expsum(const double *K, const double *v, double s, int m) {
  int j = 0;
  double total = 0.0;
#ifdef GG_SIMD
  v128_t acc0 = wasm_f64x2_splat(0.0), acc1 = wasm_f64x2_splat(0.0);
  v128_t ss = wasm_f64x2_splat(s);
  for (; j + 4 <= m; j += 4) {
    v128_t x0 = wasm_f64x2_add(wasm_f64x2_add(wasm_v128_load(K + j), wasm_v128_load(v + j)), ss);
    v128_t x1 = wasm_f64x2_add(wasm_f64x2_add(wasm_v128_load(K + j + 2), wasm_v128_load(v + j + 2)), ss);
    acc0 = wasm_f64x2_add(acc0, exp_f64x2(x0));
    acc1 = wasm_f64x2_add(acc1, exp_f64x2(x1));
  }
  acc0 = wasm_f64x2_add(acc0, acc1);
  total = wasm_f64x2_extract_lane(acc0, 0) + wasm_f64x2_extract_lane(acc0, 1);
#endif
  for (; j < m; j++) total += exp_scalar((K[j] + v[j]) + s);
  return total;
}

/* acc_j += exp((K_j + v_j) + s) */
static void col_expacc(const double *K, const double *v, double s, double *acc, int m) {
  int j = 0;
#ifdef GG_SIMD
  v128_t ss = wasm_f64x2_splat(s);
  for (; j + 2 <= m; j += 2) {
    v128_t x = wasm_f64x2_add(wasm_f64x2_add(wasm_v128_load(K + j), wasm_v128_load(v + j)), ss);
    wasm_v128_store(acc + j, wasm_f64x2_add(wasm_v128_load(acc + j), exp_f64x2(x)));
  }
#endif
  for (; j < m; j++) acc[j] += exp_scalar((K[j] + v[j]) + s);
}

static inline int in_range(double s) { return s >= GG_LSE_LOW && s <= GG_LSE_HIGH; }

/* Exact log-sum-exp of x_j = K[j*stride] + w[j] over j < len with w[j] > -inf (fallback path). */
static double lse_exact(const double *K, int stride, const double *w, int len) {
  double mx = -INFINITY;
  for (int j = 0; j < len; j++) {
    double x = K[(long)j * stride] + w[j];
    if (x > mx) mx = x;
  }
  if (mx == -INFINITY) return -INFINITY;
  double s = 0.0;
  for (int j = 0; j < len; j++) s += exp_scalar((K[(long)j * stride] + w[j]) - mx);
  return mx + log(s);
}

GG_EXPORT(gg_sinkhorn_log)
int gg_sinkhorn_log(int n, int m, double *K, double reg, const double *a, const double *b,
                    double *u, double *v, double *work, int max_iter, double tol,
                    int check_every, double *out) {
  double *la = work, *lb = work + n, *lse = work + n + m, *cs = work + 2 * n + m;
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
  if (check_every < 1) check_every = 1;
  int status = GG_STATUS_MAX_ITER;
  double err = INFINITY;
  int it = 0;
  for (;; it++) {
    /* lse_i = LSE_j (K_ij + v_j), shifted by -u_i */
    for (int i = 0; i < n; i++) {
      if (!(a[i] > 0)) continue;
      const double *Ki = K + (long)i * m;
      double s = row_expsum(Ki, v, u[i], m);
      lse[i] = in_range(s) ? log(s) - u[i] : lse_exact(Ki, 1, v, m);
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
    /* v_j = log b_j - LSE_i (K_ij + u_i), shifted by -v_j */
    for (int j = 0; j < m; j++) cs[j] = 0.0;
    for (int i = 0; i < n; i++) {
      if (!(a[i] > 0)) continue;
      col_expacc(K + (long)i * m, v, u[i], cs, m);
    }
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

static void axpy(double s, const double *x, double *y, int m) {
  int j = 0;
#ifdef GG_SIMD
  v128_t ss = wasm_f64x2_splat(s);
  for (; j + 2 <= m; j += 2)
    wasm_v128_store(y + j, wasm_f64x2_add(wasm_v128_load(y + j), wasm_f64x2_mul(ss, wasm_v128_load(x + j))));
#endif
  for (; j < m; j++) y[j] += s * x[j];
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
    for (int i = 0; i < n; i++) kv[i] = dot(K + (long)i * m, v, m);
    if ((it > 0 && it % check_every == 0) || it == max_iter) {
      err = 0.0;
      for (int i = 0; i < n; i++) err += fabs(u[i] * kv[i] - a[i]);
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
    memcpy(uprev, u, sizeof(double) * n);
    memcpy(vprev, v, sizeof(double) * m);
    int bad = 0;
    for (int i = 0; i < n; i++) {
      u[i] = a[i] > 0 ? a[i] / kv[i] : 0.0;
      if (!(u[i] <= 1.79e308)) bad = 1; /* kv underflowed to 0, or NaN */
    }
    for (int j = 0; j < m; j++) ktu[j] = 0.0;
    if (!bad)
      for (int i = 0; i < n; i++)
        if (u[i] != 0.0) axpy(u[i], K + (long)i * m, ktu, m);
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

GG_EXPORT(gg_sinkhorn_knopp_plan)
void gg_sinkhorn_knopp_plan(int n, int m, double *K, const double *u, const double *v) {
  for (int i = 0; i < n; i++) {
    double *Ki = K + (long)i * m;
    double ui = u[i];
    for (int j = 0; j < m; j++) Ki[j] = ui * Ki[j] * v[j];
  }
}
