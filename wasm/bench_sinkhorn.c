/*
 * Native timing of the Sinkhorn kernels on the benchmark inputs (the reference for the WASM
 * build). Used by bench/ot.bench.ts:
 *   cc -O3 -march=native -o /tmp/bench_sinkhorn wasm/bench_sinkhorn.c wasm/sinkhorn.c -lm
 *   /tmp/bench_sinkhorn <n> <iterations> <log|stabilized|knopp> <reg>
 * Prints: seconds value
 * Inputs (identical in the TS and Python sides): x_i = i/(n-1), y_j = (j/(n-1))^2,
 * M_ij = (x_i - y_j)^2, a_i ~ 1 + 0.5 sin(i), b_j ~ 1 + 0.5 cos(j), normalized.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "sinkhorn.h"

static double now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return ts.tv_sec + ts.tv_nsec * 1e-9;
}

int main(int argc, char **argv) {
  if (argc < 5) {
    fprintf(stderr, "usage: %s n iterations log|knopp reg\n", argv[0]);
    return 2;
  }
  int n = atoi(argv[1]), iters = atoi(argv[2]);
  int knopp = strcmp(argv[3], "knopp") == 0, stab = strcmp(argv[3], "stabilized") == 0;
  double reg = atof(argv[4]);
  double *a = malloc(sizeof(double) * n), *b = malloc(sizeof(double) * n);
  double *M = malloc(sizeof(double) * n * n), *K = malloc(sizeof(double) * n * n);
  double *u = malloc(sizeof(double) * n), *v = malloc(sizeof(double) * n);
  double *work = malloc(sizeof(double) * 9 * n), out[3];
  double *Kt = malloc(sizeof(double) * n * n), *F = calloc(n, sizeof(double)), *G = calloc(n, sizeof(double));
  double sa = 0, sb = 0;
  for (int i = 0; i < n; i++) sa += (a[i] = 1 + 0.5 * sin(i)), sb += (b[i] = 1 + 0.5 * cos(i));
  for (int i = 0; i < n; i++) a[i] /= sa, b[i] /= sb;
  for (int i = 0; i < n; i++)
    for (int j = 0; j < n; j++) {
      double x = (double)i / (n - 1), y = (double)j / (n - 1);
      y = y * y;
      M[(long)i * n + j] = (x - y) * (x - y);
    }
  memcpy(K, M, sizeof(double) * n * n);
  for (int i = 0; i < n; i++) u[i] = knopp ? 1.0 : 0.0, v[i] = knopp ? 1.0 : 0.0;
  double t0 = now();
  if (stab) {
    gg_sinkhorn_stabilized(n, n, K, Kt, reg, a, b, F, G, u, v, work, iters, 0.0, 1, out);
    gg_sinkhorn_knopp_plan(n, n, Kt, u, v);
    memcpy(K, Kt, sizeof(double) * n * n);
  } else if (knopp) {
    gg_sinkhorn_knopp(n, n, K, reg, a, b, u, v, work, iters, 0.0, 1, out);
    gg_sinkhorn_knopp_plan(n, n, K, u, v);
  } else {
    gg_sinkhorn_log(n, n, K, reg, a, b, u, v, work, iters, 0.0, 1, out);
    gg_sinkhorn_log_plan(n, n, K, u, v);
  }
  double t1 = now();
  double value = 0;
  for (long k = 0; k < (long)n * n; k++) value += K[k] * M[k];
  printf("%.6f %.15g\n", t1 - t0, value);
  return 0;
}
