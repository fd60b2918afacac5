/*
 * 2-D transpose of a float32 matrix on the heap of tfjs's wasm backend (see filmAttention.c for
 * the conventions): dst [C,R] = src [R,C]^T. 4x4 blocks are transposed in registers with
 * shuffles, inside tiles of 128 rows x 4 columns; edges that do not fill a block are
 * copied one element at a time. tfjs's Transpose kernel on wasm computes an index per element
 * (a tall [12800,128] matrix: ~5 ms; this: ~1 ms).
 */
#include <wasm_simd128.h>

#define EXPORT(name) __attribute__((export_name(#name)))

typedef v128_t V;

/* Tiles of TR rows x TC columns: few destination rows are written at once (their stride is
 * often a multiple of 2 KiB, which maps them onto a handful of cache sets). */
#define TR 128
#define TC 4

EXPORT(gg_transpose2d)
void gg_transpose2d(int R, int C, const float *src, float *dst) {
  int R4 = R & ~3, C4 = C & ~3;
  for (int r0 = 0; r0 < R4; r0 += TR) {
    int r1 = r0 + TR < R4 ? r0 + TR : R4;
    for (int c0 = 0; c0 < C4; c0 += TC) {
      int c1 = c0 + TC < C4 ? c0 + TC : C4;
      for (int r = r0; r < r1; r += 4) {
        const float *s = src + (long)r * C;
        for (int c = c0; c < c1; c += 4) {
          V a0 = wasm_v128_load(s + c), a1 = wasm_v128_load(s + C + c), a2 = wasm_v128_load(s + 2L * C + c), a3 = wasm_v128_load(s + 3L * C + c);
          V t0 = wasm_i32x4_shuffle(a0, a1, 0, 4, 1, 5), t1 = wasm_i32x4_shuffle(a0, a1, 2, 6, 3, 7);
          V t2 = wasm_i32x4_shuffle(a2, a3, 0, 4, 1, 5), t3 = wasm_i32x4_shuffle(a2, a3, 2, 6, 3, 7);
          float *d = dst + (long)c * R + r;
          wasm_v128_store(d, wasm_i32x4_shuffle(t0, t2, 0, 1, 4, 5));
          wasm_v128_store(d + R, wasm_i32x4_shuffle(t0, t2, 2, 3, 6, 7));
          wasm_v128_store(d + 2L * R, wasm_i32x4_shuffle(t1, t3, 0, 1, 4, 5));
          wasm_v128_store(d + 3L * R, wasm_i32x4_shuffle(t1, t3, 2, 3, 6, 7));
        }
      }
    }
  }
  /* edges: columns C4..C-1 of every row, rows R4..R-1 of the first C4 columns */
  for (int r = 0; r < R; r++)
    for (int c = C4; c < C; c++) dst[(long)c * R + r] = src[(long)r * C + c];
  for (int r = R4; r < R; r++)
    for (int c = 0; c < C4; c++) dst[(long)c * R + r] = src[(long)r * C + c];
}
