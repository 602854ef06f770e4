// Reads CSV files as administrators export them from spreadsheets: a header row, comma separated, fields
// optionally in double quotes (with "" for a quote), CRLF or LF line ends, a UTF-8 byte-order mark tolerated.
#pragma once

#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace bhabin::tools {

struct CsvError {
  std::string message;  // "FILE:LINE: what is wrong", ready to print
};

class CsvTable {
 public:
  CsvTable(std::string fileName, std::vector<std::string> header) : file_(std::move(fileName)), header_(std::move(header)) {}

  // The column named `name`, compared case-insensitively and ignoring surrounding spaces.
  std::optional<std::size_t> column(const std::string& name) const;
  const std::string& file() const { return file_; }
  std::size_t columnCount() const { return header_.size(); }

  struct Row {
    std::size_t line = 0;  // 1-based line number in the file, for error messages
    std::vector<std::string> fields;
  };
  std::vector<Row> rows;

 private:
  std::string file_;
  std::vector<std::string> header_;
};

// Reads and splits the whole file. Every row must have as many fields as the header.
std::variant<CsvTable, CsvError> readCsv(const std::string& path);

}  // namespace bhabin::tools
