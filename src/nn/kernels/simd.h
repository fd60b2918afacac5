/* Shared prologue of graphgen/nn's wasm SIMD kernels (included by every kernel source): the
 * export attribute, forced inlining, and float32x4 shorthands. Header only, no data. */
#ifndef GG_NN_SIMD_H
#define GG_NN_SIMD_H

#include <wasm_simd128.h>

#define EXPORT(name) __attribute__((export_name(#name)))
#define INLINE static inline __attribute__((always_inline))

typedef v128_t V;

INLINE V ld(const float *p) { return wasm_v128_load(p); }
INLINE void st(float *p, V x) { wasm_v128_store(p, x); }
INLINE V add(V a, V b) { return wasm_f32x4_add(a, b); }
INLINE V sub(V a, V b) { return wasm_f32x4_sub(a, b); }
INLINE V mul(V a, V b) { return wasm_f32x4_mul(a, b); }
INLINE V splat(float x) { return wasm_f32x4_splat(x); }

#endif
