#include "tools/csv.h"

#include <fstream>
#include <sstream>

namespace bhabin::tools {

std::variant<CsvTable, CsvError> readCsv(const std::string& path) {
  std::ifstream file(path, std::ios::binary);
  if (!file) return CsvError{path + ": cannot open the file"};
  std::ostringstream content;
  content << file.rdbuf();
  auto parsed = wire::parseCsv(content.str());
  if (auto* error = std::get_if<wire::CsvError>(&parsed)) {
    return CsvError{path + ":" + std::to_string(error->line) + ": " + error->message};
  }
  return CsvTable(path, std::get<wire::CsvTable>(std::move(parsed)));
}

}  // namespace bhabin::tools
