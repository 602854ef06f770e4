// What every fuzz target asserts beyond "no crash": a property that must hold for whatever was accepted.
#pragma once

#include <cstdio>
#include <cstdlib>

#define BHABIN_FUZZ_CHECK(condition)                                              \
  do {                                                                            \
    if (!(condition)) {                                                           \
      std::fprintf(stderr, "%s:%d: property failed: %s\n", __FILE__, __LINE__, #condition); \
      std::abort();                                                               \
    }                                                                             \
  } while (false)
