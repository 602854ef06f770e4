// Writes and splits CSV. The writer's files open in spreadsheet apps as UTF-8 with every cell as written.
// The reader splits CSV text as administrators export it from spreadsheets and as idn-area-data ships it: a header row,
// comma separated, fields optionally in double quotes (with "" for a quote, line breaks allowed inside),
// CRLF or LF line ends, a UTF-8 byte-order mark tolerated. Text only: callers read the file and add its name.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace bhabin::wire {

struct CsvError {
  std::size_t line = 0;  // 1-based line where the offending record starts
  std::string message;   // what is wrong, without a file name or line: the caller prefixes "FILE:LINE: "
};

class CsvTable {
 public:
  explicit CsvTable(std::vector<std::string> header) : header_(std::move(header)) {}

  // The column named `name`, compared case-insensitively and ignoring spaces.
  std::optional<std::size_t> column(std::string_view name) const;
  std::size_t columnCount() const { return header_.size(); }
  const std::vector<std::string>& header() const { return header_; }

  struct Row {
    std::size_t line = 0;  // 1-based line where the record starts, for error messages
    std::vector<std::string> fields;
  };
  std::vector<Row> rows;

 private:
  std::vector<std::string> header_;
};

// The header and every non-blank record. Every record must have as many fields as the header; a quote must
// open a field to quote it (a quote inside an unquoted field is an ordinary character, as in "Soka"an").
std::variant<CsvTable, CsvError> parseCsv(std::string_view text);

// Builds a CSV file for spreadsheet apps: a UTF-8 byte-order mark (without it Excel reads the bytes as the
// local code page), CRLF line ends (RFC 4180), fields quoted when they hold a comma, quote or line break.
class CsvWriter {
 public:
  explicit CsvWriter(const std::vector<std::string>& header);

  // Text from people: a cell starting with = + - @, tab or carriage return gets a leading apostrophe, so a
  // spreadsheet shows it instead of running it as a formula (OWASP "CSV injection").
  CsvWriter& text(std::string_view value);
  // A number or code the server wrote itself: as is (a negative latitude must stay a number).
  CsvWriter& plain(std::string_view value);
  CsvWriter& number(double value);
  void endRow();

  std::size_t rows() const { return rows_; }
  const std::string& str() const { return out_; }

 private:
  void field(std::string_view value);

  std::string out_;
  bool rowStarted_ = false;
  std::size_t rows_ = 0;
};

}  // namespace bhabin::wire
