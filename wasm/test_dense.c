/*
 * Native test of the GW kernels (dense.c, gromov.c; same sources as the WebAssembly build, scalar
 * path):
 *   cc -O2 -o /tmp/test_dense wasm/test_dense.c wasm/dense.c wasm/gromov.c -lm && /tmp/test_dense
 * Run from test/ot/denseKernel.test.ts when a C compiler exists. Exit status 0 = all passed.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "dense.h"
#include "gromov.h"
#include "test_util.h"


static double *histogram(int n) {
  double *h = malloc(sizeof(double) * n), s = 0;
  for (int i = 0; i < n; i++) s += h[i] = 0.1 + urand();
  for (int i = 0; i < n; i++) h[i] /= s;
  return h;
}

typedef struct {
  int *rows, *cols, *iwork;
  double *flow, *pot, *dwork;
} ns_buf;

static ns_buf ns_alloc(int n, int m) {
  int N = n + m, A = N - 1;
  ns_buf b = {malloc(sizeof(int) * A), malloc(sizeof(int) * A), malloc(sizeof(int) * (8 * N + 6 * A)),
              malloc(sizeof(double) * A), malloc(sizeof(double) * N), malloc(sizeof(double) * A)};
  return b;
}

static void ns_free(ns_buf *b) {
  free(b->rows), free(b->cols), free(b->iwork), free(b->flow), free(b->pot), free(b->dwork);
}

/* The optimality certificate of a transport solution: exact marginals, non-negative flow, dual
 * feasibility u_i + v_j <= C_ij and equality on the basic cells. */
static void check_optimal(int n, int m, const double *a, const double *b, const double *C, ns_buf *s,
                          const char *what) {
  int A = n + m - 1;
  double *rs = calloc(n, sizeof(double)), *cs = calloc(m, sizeof(double)), worst = 0, slack = 0;
  for (int k = 0; k < A; k++) {
    CHECK(s->flow[k] >= 0, "%s: negative flow %g", what, s->flow[k]);
    rs[s->rows[k]] += s->flow[k];
    cs[s->cols[k]] += s->flow[k];
    double r = C[(long)s->rows[k] * m + s->cols[k]] - s->pot[s->rows[k]] - s->pot[n + s->cols[k]];
    if (fabs(r) > slack) slack = fabs(r);
  }
  for (int i = 0; i < n; i++)
    if (fabs(rs[i] - a[i]) > worst) worst = fabs(rs[i] - a[i]);
  for (int j = 0; j < m; j++)
    if (fabs(cs[j] - b[j]) > worst) worst = fabs(cs[j] - b[j]);
  double infeasible = 0;
  for (int i = 0; i < n; i++)
    for (int j = 0; j < m; j++) {
      double r = C[(long)i * m + j] - s->pot[i] - s->pot[n + j];
      if (-r > infeasible) infeasible = -r;
    }
  CHECK(worst < 1e-14, "%s: marginal error %g", what, worst);
  CHECK(slack < 1e-12, "%s: basic reduced cost %g", what, slack);
  CHECK(infeasible < 1e-10, "%s: dual infeasibility %g", what, infeasible);
  free(rs), free(cs);
}

static void test_matmul(void) {
  int n = 13, k = 7, m = 9;
  double *A = malloc(sizeof(double) * n * k), *B = malloc(sizeof(double) * k * m), *C = malloc(sizeof(double) * n * m);
  for (int t = 0; t < n * k; t++) A[t] = urand() - 0.5;
  for (int t = 0; t < k * m; t++) B[t] = urand();
  gg_matmul(n, k, m, A, B, C);
  double worst = 0;
  for (int i = 0; i < n; i++)
    for (int j = 0; j < m; j++) {
      double s = 0;
      for (int l = 0; l < k; l++) s += A[i * k + l] * B[l * m + j];
      if (fabs(s - C[i * m + j]) > worst) worst = fabs(s - C[i * m + j]);
    }
  CHECK(worst < 1e-14, "matmul error %g", worst);
  free(A), free(B), free(C);
}

static void test_network_simplex(void) {
  int sizes[][2] = {{1, 1}, {1, 7}, {7, 1}, {30, 40}, {80, 60}, {1, 5000}, {5000, 1}};
  for (int t = 0; t < 7; t++) {
    int n = sizes[t][0], m = sizes[t][1];
    double *a = histogram(n), *b = histogram(m), *C = malloc(sizeof(double) * n * m), out[1];
    for (long q = 0; q < (long)n * m; q++) C[q] = urand();
    ns_buf s = ns_alloc(n, m);
    int ok = gg_network_simplex(n, m, a, b, C, 1000000, 0, s.rows, s.cols, s.flow, s.pot, s.iwork, s.dwork, out);
    CHECK(ok == 1, "%d x %d: not optimal after %g pivots", n, m, out[0]);
    check_optimal(n, m, a, b, C, &s, "cold");
    /* warm start on a perturbed cost */
    for (long q = 0; q < (long)n * m; q++) C[q] += 0.1 * urand();
    ok = gg_network_simplex(n, m, a, b, C, 1000000, 1, s.rows, s.cols, s.flow, s.pot, s.iwork, s.dwork, out);
    CHECK(ok == 1, "%d x %d warm: not optimal", n, m);
    check_optimal(n, m, a, b, C, &s, "warm");
    ns_free(&s);
    free(a), free(b), free(C);
  }
}

/* GW of a point cloud and a permuted copy: 0 from the permutation, and from p q^T a coupling
 * with exact marginals whose loss is below that of p q^T. */
static void test_gromov_cg(void) {
  int n = 12;
  long nn = (long)n * n;
  double *X = malloc(sizeof(double) * 2 * n), *C1 = malloc(sizeof(double) * nn), *C2 = malloc(sizeof(double) * nn);
  int perm[12];
  for (int i = 0; i < n; i++) X[2 * i] = urand(), X[2 * i + 1] = urand(), perm[i] = (i * 5) % n;
  for (int i = 0; i < n; i++)
    for (int j = 0; j < n; j++) C1[i * n + j] = hypot(X[2 * i] - X[2 * j], X[2 * i + 1] - X[2 * j + 1]);
  for (int i = 0; i < n; i++)
    for (int j = 0; j < n; j++) C2[i * n + j] = C1[perm[i] * n + perm[j]];
  double *p = malloc(sizeof(double) * n), *constC = malloc(sizeof(double) * nn), r[12];
  for (int i = 0; i < n; i++) p[i] = 1.0 / n;
  for (int i = 0; i < n; i++) {
    r[i] = 0;
    for (int k = 0; k < n; k++) r[i] += C1[i * n + k] * C1[i * n + k] * p[k];
  }
  /* C2 is a permutation of C1: its row terms are r[perm[j]]; C2 is symmetric, so C2t = C2 */
  for (int i = 0; i < n; i++)
    for (int j = 0; j < n; j++) constC[i * n + j] = r[i] + r[perm[j]];
  double *G = malloc(sizeof(double) * nn), *cross = malloc(sizeof(double) * nn), *Z = malloc(sizeof(double) * nn);
  double f[12], g[12], out[1];
  int N = 2 * n;
  double *dwork = malloc(sizeof(double) * (5 * nn + 4 * N));
  int *iwork = malloc(sizeof(int) * (9 * N + 8 * (N - 1)));
  for (int start = 0; start < 2; start++) {
    for (int i = 0; i < n; i++)
      for (int j = 0; j < n; j++) G[i * n + j] = start == 0 ? (perm[j] == i ? 1.0 / n : 0.0) : 1.0 / (n * n);
    gg_matmul(n, n, n, C1, G, Z);
    gg_matmul(n, n, n, Z, C2, cross);
    double loss0 = 0;
    for (long k = 0; k < nn; k++) loss0 += constC[k] * G[k] - 2 * cross[k] * G[k];
    int conv = gg_gromov_cg(n, n, C1, C2, constC, 0, p, p, 1.0, loss0, 1000, 1e-12, 0, 0, G, cross, f, g, dwork, iwork, out);
    CHECK(conv == 1, "gromov_cg start %d: not converged after %g iterations", start, out[0]);
    double loss = 0, worst = 0;
    for (long k = 0; k < nn; k++) loss += constC[k] * G[k] - 2 * cross[k] * G[k];
    for (int i = 0; i < n; i++) {
      double rs = 0, cs = 0;
      for (int j = 0; j < n; j++) rs += G[i * n + j], cs += G[j * n + i];
      if (fabs(rs - p[i]) > worst) worst = fabs(rs - p[i]);
      if (fabs(cs - p[i]) > worst) worst = fabs(cs - p[i]);
    }
    CHECK(worst < 1e-14, "gromov_cg start %d: marginal error %g", start, worst);
    if (start == 0) CHECK(fabs(loss) < 1e-14, "gromov_cg from the permutation: loss %g", loss);
    else CHECK(loss <= loss0 + 1e-15, "gromov_cg from p q^T: loss %g > initial %g", loss, loss0);
  }
  free(X), free(C1), free(C2), free(p), free(constC), free(G), free(cross), free(Z), free(dwork), free(iwork);
}

int main(void) {
  test_matmul();
  test_network_simplex();
  test_gromov_cg();
  if (failures) {
    fprintf(stderr, "%d failures\n", failures);
    return 1;
  }
  printf("all native dense kernel tests passed\n");
  return 0;
}
