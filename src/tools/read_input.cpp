#include "tools/read_input.h"

#include <fstream>
#include <istream>
#include <ostream>

namespace bhabin::tools {

namespace {

std::optional<std::string> readCapped(std::istream& stream) {
  std::string bytes;
  char buffer[1 << 16];
  while (stream.read(buffer, sizeof buffer) || stream.gcount() > 0) {
    bytes.append(buffer, static_cast<std::size_t>(stream.gcount()));
    if (bytes.size() > kMaxInputBytes) return std::nullopt;
  }
  return bytes;
}

}  // namespace

std::optional<std::string> readInput(const std::string& path, std::istream& in, std::ostream& err,
                                     const char* command) {
  std::ifstream file;
  if (path != "-") {
    file.open(path, std::ios::binary);
    if (!file) {
      err << "bhabin " << command << ": cannot open \"" << path << "\"\n";
      return std::nullopt;
    }
  }
  auto bytes = readCapped(path == "-" ? in : file);
  if (!bytes) err << "bhabin " << command << ": input larger than " << kMaxInputBytes << " bytes\n";
  return bytes;
}

}  // namespace bhabin::tools
