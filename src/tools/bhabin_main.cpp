// `bhabin`: administrators' and developers' tool over the core library. Dispatches to one subcommand.
#include <iostream>
#include <string_view>

#include "tools/commands.h"

namespace {

constexpr std::string_view kUsage =
    "usage: bhabin COMMAND [ARGS]\n"
    "commands:\n"
    "  distance LAT1 LON1 LAT2 LON2   great-circle distance in km (haversine, R = 6371.0088 km)\n"
    "  nearest --posts P --queries Q --k K [--max-km D] [--timing]   k nearest posts per query (CSV)\n"
    "  validate report|visit [FILE]   check a form as browser and server do; print it normalised or its errors\n"
    "  decode report|change [FILE]    decode a stored or sent document (JSON or binary) and print it as JSON\n"
    "  version                        print the version\n";

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << kUsage;
    return 2;
  }
  const std::string_view command = argv[1];
  const bhabin::tools::Arguments args(argv + 2, argv + argc);
  if (command == "distance") return bhabin::tools::runDistance(args, std::cout, std::cerr);
  if (command == "nearest") return bhabin::tools::runNearest(args, std::cout, std::cerr);
  if (command == "validate") return bhabin::tools::runValidate(args, std::cout, std::cerr);
  if (command == "decode") return bhabin::tools::runDecode(args, std::cout, std::cerr);
  if (command == "version") {
    std::cout << "bhabin " << BHABIN_VERSION << '\n';
    return 0;
  }
  if (command == "help" || command == "--help" || command == "-h") {
    std::cout << kUsage;
    return 0;
  }
  std::cerr << "bhabin: unknown command \"" << command << "\"\n" << kUsage;
  return 2;
}
