/*
 * Shared by the native C tests (test_sinkhorn.c, test_dense.c): a CHECK macro that counts
 * failures and a seeded xorshift64 uniform generator. Header-only; not part of the wasm build.
 */
#ifndef GRAPHGEN_TEST_UTIL_H
#define GRAPHGEN_TEST_UTIL_H

#include <stdio.h>

static int failures = 0;
#define CHECK(cond, ...)                                   \
  do {                                                     \
    if (!(cond)) {                                         \
      failures++;                                          \
      fprintf(stderr, "FAIL %s:%d: ", __FILE__, __LINE__); \
      fprintf(stderr, __VA_ARGS__);                        \
      fprintf(stderr, "\n");                               \
    }                                                      \
  } while (0)

static unsigned long long state = 88172645463325252ULL;
/* Uniform double in [0, 1) from xorshift64 (53 bits). */
static double urand(void) {
  state ^= state << 13;
  state ^= state >> 7;
  state ^= state << 17;
  return (double)(state >> 11) / 9007199254740992.0;
}

#endif
