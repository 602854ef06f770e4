#include "core/wire/csv.h"

#include <algorithm>
#include <cctype>
#include <cstdio>

namespace bhabin::wire {

namespace {

bool isSpace(char c) { return std::isspace(static_cast<unsigned char>(c)) != 0; }

std::string normalisedName(std::string_view name) {
  std::string out;
  for (char c : name) {
    if (!isSpace(c)) out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return out;
}

// Splits the text into records; a quoted field may span lines. Fails on an unterminated quote.
class Splitter {
 public:
  explicit Splitter(std::string_view text) : text_(text) {
    if (text_.substr(0, 3) == "\xEF\xBB\xBF") at_ = 3;
  }

  bool done() const { return at_ >= text_.size(); }
  std::size_t line() const { return line_; }

  // The next record's fields, or an error for a broken quote.
  std::variant<std::vector<std::string>, CsvError> next() {
    std::vector<std::string> fields(1);
    bool quoted = false;
    const std::size_t startLine = line_;
    while (at_ < text_.size()) {
      const char c = text_[at_++];
      if (quoted) {
        if (c == '"' && at_ < text_.size() && text_[at_] == '"') {
          fields.back() += '"';
          ++at_;
        } else if (c == '"') {
          quoted = false;
        } else {
          if (c == '\n') ++line_;
          fields.back() += c;
        }
      } else if (c == '"' && fields.back().empty()) {
        quoted = true;
      } else if (c == ',') {
        fields.emplace_back();
      } else if (c == '\n') {
        ++line_;
        return fields;
      } else if (c != '\r') {
        fields.back() += c;
      }
    }
    if (quoted) return CsvError{startLine, "quote opened on line " + std::to_string(startLine) + " is never closed"};
    ++line_;
    return fields;
  }

 private:
  std::string_view text_;
  std::size_t at_ = 0;
  std::size_t line_ = 1;
};

bool blank(const std::vector<std::string>& fields) {
  return std::all_of(fields.begin(), fields.end(),
                     [](const std::string& f) { return std::all_of(f.begin(), f.end(), isSpace); });
}

}  // namespace

std::optional<std::size_t> CsvTable::column(std::string_view name) const {
  const std::string wanted = normalisedName(name);
  for (std::size_t i = 0; i < header_.size(); ++i) {
    if (normalisedName(header_[i]) == wanted) return i;
  }
  return std::nullopt;
}

std::variant<CsvTable, CsvError> parseCsv(std::string_view text) {
  Splitter splitter(text);
  if (splitter.done()) return CsvError{1, "the file is empty; expected a header row"};
  auto header = splitter.next();
  if (auto* error = std::get_if<CsvError>(&header)) return *error;
  CsvTable table(std::get<std::vector<std::string>>(std::move(header)));
  while (!splitter.done()) {
    const std::size_t line = splitter.line();
    auto record = splitter.next();
    if (auto* error = std::get_if<CsvError>(&record)) return *error;
    auto& fields = std::get<std::vector<std::string>>(record);
    if (blank(fields)) continue;
    if (fields.size() != table.columnCount()) {
      return CsvError{
          line, std::to_string(fields.size()) + " fields, but the header has " + std::to_string(table.columnCount())};
    }
    table.rows.push_back({line, std::move(fields)});
  }
  return table;
}

namespace {

bool needsQuotes(std::string_view value) { return value.find_first_of(",\"\r\n") != std::string_view::npos; }

bool startsLikeFormula(std::string_view value) {
  return !value.empty() && std::string_view("=+-@\t\r").find(value.front()) != std::string_view::npos;
}

}  // namespace

CsvWriter::CsvWriter(const std::vector<std::string>& header) : out_("\xEF\xBB\xBF") {
  for (const std::string& name : header) plain(name);
  endRow();
  rows_ = 0;
}

void CsvWriter::field(std::string_view value) {
  if (rowStarted_) out_ += ',';
  rowStarted_ = true;
  if (!needsQuotes(value)) {
    out_ += value;
    return;
  }
  out_ += '"';
  for (char c : value) {
    if (c == '"') out_ += '"';
    out_ += c;
  }
  out_ += '"';
}

CsvWriter& CsvWriter::text(std::string_view value) {
  if (startsLikeFormula(value)) {
    field("'" + std::string(value));
  } else {
    field(value);
  }
  return *this;
}

CsvWriter& CsvWriter::plain(std::string_view value) {
  field(value);
  return *this;
}

CsvWriter& CsvWriter::number(double value) {
  char text[32];
  std::snprintf(text, sizeof text, "%.7f", value);  // 7 decimals of a degree: about 1 cm
  field(text);
  return *this;
}

void CsvWriter::endRow() {
  out_ += "\r\n";
  rowStarted_ = false;
  ++rows_;
}

}  // namespace bhabin::wire
