// The fuzz targets without libFuzzer, for the builds the test command makes with g++ (plain and under ASan +
// UBSan): every input of the seed corpus, then a fixed number of mutations of each (byte flips, inserts,
// erasures, repeats, splices with another seed) from a fixed seed, so a run is short, bounded and repeatable.
// Usage: <target> CORPUS_DIR [MUTATIONS_PER_SEED]. With BHABIN_FUZZ_SAVE=FILE each input is written to FILE
// before it runs, so after a failure FILE holds the input that failed.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <random>
#include <string>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);

namespace {

using Bytes = std::string;

std::vector<Bytes> readCorpus(const std::filesystem::path& dir) {
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    if (entry.is_regular_file()) files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());  // the same order, hence the same mutations, on every machine
  std::vector<Bytes> seeds;
  for (const auto& file : files) {
    std::ifstream in(file, std::ios::binary);
    seeds.emplace_back(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  }
  return seeds;
}

Bytes mutate(Bytes input, const std::vector<Bytes>& seeds, std::mt19937& random) {
  const auto pick = [&random](std::size_t bound) { return std::uniform_int_distribution<std::size_t>(0, bound)(random); };
  const std::size_t edits = 1 + pick(3);
  for (std::size_t edit = 0; edit < edits; ++edit) {
    const std::size_t at = pick(input.size());
    switch (pick(4)) {
      case 0:
        if (at < input.size()) input[at] = static_cast<char>(input[at] ^ (1 << pick(7)));
        break;
      case 1: input.insert(at, 1, static_cast<char>(pick(255))); break;
      case 2: input.erase(at, pick(16)); break;
      case 3: input.insert(at, input.substr(at, pick(64))); break;
      default: {
        const Bytes& other = seeds[pick(seeds.size() - 1)];
        input = input.substr(0, at) + other.substr(std::min(other.size(), pick(other.size())));
      }
    }
  }
  return input;
}

void run(const Bytes& input) {
  if (const char* saveTo = std::getenv("BHABIN_FUZZ_SAVE")) std::ofstream(saveTo, std::ios::binary) << input;
  LLVMFuzzerTestOneInput(reinterpret_cast<const std::uint8_t*>(input.data()), input.size());
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2 || argc > 3) {
    std::fprintf(stderr, "usage: %s CORPUS_DIR [MUTATIONS_PER_SEED]\n", argv[0]);
    return 2;
  }
  const std::vector<Bytes> seeds = readCorpus(argv[1]);
  if (seeds.empty()) {
    std::fprintf(stderr, "%s holds no seeds: the corpus folder is wrong or empty\n", argv[1]);
    return 2;
  }
  const long mutations = argc == 3 ? std::strtol(argv[2], nullptr, 10) : 0;
  std::mt19937 random(20261128);
  for (const Bytes& seed : seeds) {
    run(seed);
    for (long round = 0; round < mutations; ++round) run(mutate(seed, seeds, random));
  }
  std::printf("%zu seeds and %ld mutations of each passed\n", seeds.size(), mutations);
  return 0;
}
