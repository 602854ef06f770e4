// The entry point shared by every *_bench.cpp file of the core benchmarks.
#include <benchmark/benchmark.h>

BENCHMARK_MAIN();
