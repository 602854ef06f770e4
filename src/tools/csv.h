// Reads a CSV file for the command-line tool and the benchmarks: the file's bytes go to the core's parser
// (core/wire/csv.h, which knows no files), and every problem comes back as "FILE:LINE: what is wrong".
#pragma once

#include <string>
#include <variant>

#include "core/wire/csv.h"

namespace bhabin::tools {

struct CsvError {
  std::string message;  // "FILE:LINE: what is wrong", ready to print
};

// A parsed table that remembers its file, so row problems found later can name it too.
class CsvTable : public wire::CsvTable {
 public:
  CsvTable(std::string fileName, wire::CsvTable table) : wire::CsvTable(std::move(table)), file_(std::move(fileName)) {}

  const std::string& file() const { return file_; }

 private:
  std::string file_;
};

// Reads and splits the whole file. Every row must have as many fields as the header.
std::variant<CsvTable, CsvError> readCsv(const std::string& path);

}  // namespace bhabin::tools
