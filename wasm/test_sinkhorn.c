/*
 * Native test of the Sinkhorn kernels (same source as the WebAssembly build, scalar path).
 *   cc -O2 -o /tmp/test_sinkhorn wasm/test_sinkhorn.c wasm/sinkhorn.c -lm && /tmp/test_sinkhorn
 * Run from test/ot/nativeKernel.test.ts when a C compiler exists. Exit status 0 = all passed.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sinkhorn.h"
#include "test_util.h"


static void problem(int n, int m, double *a, double *b, double *M, int zeros) {
  double sa = 0, sb = 0;
  for (int i = 0; i < n; i++) sa += (a[i] = (i < zeros ? 0.0 : 0.1 + urand()));
  for (int j = 0; j < m; j++) sb += (b[j] = (j < zeros ? 0.0 : 0.1 + urand()));
  for (int i = 0; i < n; i++) a[i] /= sa;
  for (int j = 0; j < m; j++) b[j] /= sb;
  for (int i = 0; i < n; i++)
    for (int j = 0; j < m; j++) {
      double d = (double)i / n - (double)j / m;
      M[(long)i * m + j] = d * d + 0.01 * urand();
    }
}

static void run(const char *label, int knopp, int n, int m, double reg, int zeros, double scale, int expect_converged) {
  double *a = malloc(sizeof(double) * n), *b = malloc(sizeof(double) * m);
  double *M = malloc(sizeof(double) * n * m), *K = malloc(sizeof(double) * n * m);
  double *u = calloc(n, sizeof(double)), *v = calloc(m, sizeof(double));
  double *work = malloc(sizeof(double) * (5 * n + 4 * m)), out[3];
  double *Kt = malloc(sizeof(double) * n * m), *F = calloc(n, sizeof(double)), *G = calloc(m, sizeof(double));
  problem(n, m, a, b, M, zeros);
  for (long k = 0; k < (long)n * m; k++) K[k] = (M[k] *= scale);
  int stab = knopp == 2;
  if (stab) knopp = 0;
  if (knopp)
    for (int i = 0; i < n; i++) u[i] = 1.0;
  if (knopp)
    for (int j = 0; j < m; j++) v[j] = 1.0;
  int status = stab    ? gg_sinkhorn_stabilized(n, m, K, Kt, reg, a, b, F, G, u, v, work, 5000, 1e-9, 1, out)
               : knopp ? gg_sinkhorn_knopp(n, m, K, reg, a, b, u, v, work, 5000, 1e-9, 1, out)
                       : gg_sinkhorn_log(n, m, K, reg, a, b, u, v, work, 5000, 1e-9, 1, out);
  if (stab) {
    gg_sinkhorn_knopp_plan(n, m, Kt, u, v);
    memcpy(K, Kt, sizeof(double) * n * m);
    for (int i = 0; i < n; i++) u[i] = F[i] + log(u[i]);
  }
  if (knopp && expect_converged) CHECK(status == GG_STATUS_CONVERGED, "%s: status %d", label, status);
  if (knopp && !expect_converged) CHECK(status == GG_STATUS_NUMERICAL_ERROR, "%s: expected a numerical error, status %d", label, status);
  if (knopp) gg_sinkhorn_knopp_plan(n, m, K, u, v);
  else if (!stab) gg_sinkhorn_log_plan(n, m, K, u, v);
  int finite = 1;
  double rowerr = 0, colerr = 0;
  for (int i = 0; i < n; i++) {
    double s = 0;
    for (int j = 0; j < m; j++) {
      double p = K[(long)i * m + j];
      if (!(p >= 0 && p <= 1)) finite = 0;
      s += p;
    }
    rowerr += fabs(s - a[i]);
  }
  for (int j = 0; j < m; j++) {
    double s = 0;
    for (int i = 0; i < n; i++) s += K[(long)i * m + j];
    colerr += fabs(s - b[j]);
  }
  printf("%-28s status=%d iters=%d rowerr=%.2e colerr=%.2e%s\n", label, status, (int)out[0], rowerr, colerr, stab ? " (stabilized)" : "");
  CHECK(finite, "%s: plan has NaN/negative entries", label);
  if (!knopp) {
    CHECK(status != GG_STATUS_NUMERICAL_ERROR, "%s: numerical error", label);
    CHECK(colerr < 1e-8, "%s: column marginal error %g", label, colerr);
    if (expect_converged) {
      CHECK(status == GG_STATUS_CONVERGED, "%s: status %d", label, status);
      CHECK(rowerr < 1e-8, "%s: row marginal error %g", label, rowerr);
    }
    for (int i = 0; i < zeros && i < n; i++) CHECK(u[i] == -INFINITY, "%s: zero-mass row potential", label);
  }
  free(a), free(b), free(M), free(K), free(u), free(v), free(work), free(Kt), free(F), free(G);
}

int main(void) {
  /* exp accuracy against libm over the range used */
  double worst = 0;
  for (int k = 0; k <= 200000; k++) {
    double x = -708.0 + 1417.0 * k / 200000.0;
    double r = fabs(gg_exp(x) / exp(x) - 1.0);
    if (r > worst) worst = r;
  }
  printf("gg_exp max relative error vs libm: %.2e\n", worst);
  CHECK(worst < 1e-15, "exp relative error %g", worst);
  CHECK(gg_exp(-INFINITY) == 0.0 && gg_exp(-800.0) == 0.0, "exp underflow to 0");
  CHECK(gg_exp(0.0) == 1.0, "exp(0) = %g", gg_exp(0.0));

  /* float32 exp of the float32 path */
  double worstf = 0;
  for (int k = 0; k <= 200000; k++) {
    float x = -87.3f + 175.6f * (float)k / 200000.0f;
    double r = fabs((double)gg_expf(x) / exp((double)x) - 1.0);
    if (r > worstf) worstf = r;
  }
  printf("gg_expf max relative error vs libm: %.2e\n", worstf);
  CHECK(worstf < 3e-7, "expf relative error %g", worstf);
  CHECK(gg_expf(-INFINITY) == 0.0f && gg_expf(-100.0f) == 0.0f && gg_expf(0.0f) == 1.0f, "expf limits");
  CHECK(isfinite(gg_expf(1000.0f)), "expf clamps large arguments");

  run("log 5x7 reg=0.1", 0, 5, 7, 0.1, 0, 1.0, 1);
  run("log 64x33 reg=0.01", 0, 64, 33, 0.01, 0, 1.0, 1);
  run("log 50x50 reg=1e-3 zeros", 0, 50, 50, 1e-3, 3, 1.0, 1);
  run("log 40x30 reg=1e-4 M*1e3", 0, 40, 30, 1e-4, 0, 1e3, 0);
  run("log 1x1", 0, 1, 1, 0.5, 0, 1.0, 1);
  run("log 3x1", 0, 3, 1, 0.5, 0, 1.0, 1);
  run("stab 64x33 reg=0.01", 2, 64, 33, 0.01, 0, 1.0, 1);
  run("stab 50x50 reg=1e-3 zeros", 2, 50, 50, 1e-3, 3, 1.0, 1);
  run("stab 40x30 reg=1e-4 M*1e3", 2, 40, 30, 1e-4, 0, 1e3, 0);
  run("stab 1x1", 2, 1, 1, 0.5, 0, 1.0, 1);
  run("knopp 64x33 reg=0.05", 1, 64, 33, 0.05, 0, 1.0, 1);
  run("knopp 40x30 reg=1e-4 M*1e3", 1, 40, 30, 1e-4, 0, 1e3, 0);

  if (failures) {
    fprintf(stderr, "%d failure(s)\n", failures);
    return 1;
  }
  printf("all native kernel tests passed\n");
  return 0;
}
