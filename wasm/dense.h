/*
 * graphgen dense kernels of the Gromov-Wasserstein solvers (wasm/dense.c), float64, row-major,
 * caller-owned memory. Built into sinkhorn.wasm together with sinkhorn.c.
 */
#ifndef GRAPHGEN_DENSE_H
#define GRAPHGEN_DENSE_H

/* C = A B with A n x k, B k x m, C n x m (C is overwritten; must not alias A or B). */
void gg_matmul(int n, int k, int m, const double *A, const double *B, double *C);

/*
 * Exact transport min <P, C> s.t. P 1 = a, P^T 1 = b by the primal network simplex (a, b > 0,
 * equal sums, C n x m). The basis is n + m - 1 cells rows[k], cols[k] with flow[k].
 *   warm     0: row-minimum start (rows/cols/flow are outputs only); 1: start from the given basis.
 *   pot      out: potentials, rows then columns (n + m doubles).
 *   iwork    scratch of 8 (n + m) + 6 (n + m - 1) ints.
 *   dwork    scratch of n + m - 1 doubles.
 *   out      out[0] = pivots.
 * Returns 1 when optimal, 0 when max_iter pivots were reached first.
 */
int gg_network_simplex(int n, int m, const double *a, const double *b, const double *C, int max_iter,
                       int warm, int *rows, int *cols, double *flow, double *pot, int *iwork,
                       double *dwork, double *out);

/* idx[0..k) = 0..k-1 sorted by key, ties by index (a total order); merge sort, scratch tmp[k]. */
void gg_argsort(const double *key, int *idx, int *tmp, int k);

#endif
