#include "tools/csv.h"

#include <algorithm>
#include <cctype>
#include <fstream>
#include <sstream>

namespace bhabin::tools {

namespace {

std::string normalisedName(const std::string& name) {
  std::string out;
  for (char c : name) {
    if (!std::isspace(static_cast<unsigned char>(c))) out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return out;
}

// Splits the text into records; a quoted field may span lines. Fails on an unterminated quote.
class Splitter {
 public:
  explicit Splitter(const std::string& text) : text_(text) {
    if (text_.compare(0, 3, "\xEF\xBB\xBF") == 0) at_ = 3;
  }

  bool done() const { return at_ >= text_.size(); }
  std::size_t line() const { return line_; }

  // The next record's fields, or an error message for a broken quote.
  std::variant<std::vector<std::string>, std::string> next() {
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
    if (quoted) return "quote opened on line " + std::to_string(startLine) + " is never closed";
    ++line_;
    return fields;
  }

 private:
  const std::string& text_;
  std::size_t at_ = 0;
  std::size_t line_ = 1;
};

bool blank(const std::vector<std::string>& fields) {
  return std::all_of(fields.begin(), fields.end(), [](const std::string& f) {
    return std::all_of(f.begin(), f.end(), [](char c) { return std::isspace(static_cast<unsigned char>(c)); });
  });
}

}  // namespace

std::optional<std::size_t> CsvTable::column(const std::string& name) const {
  const std::string wanted = normalisedName(name);
  for (std::size_t i = 0; i < header_.size(); ++i) {
    if (normalisedName(header_[i]) == wanted) return i;
  }
  return std::nullopt;
}

std::variant<CsvTable, CsvError> readCsv(const std::string& path) {
  std::ifstream file(path, std::ios::binary);
  if (!file) return CsvError{path + ": cannot open the file"};
  std::ostringstream content;
  content << file.rdbuf();
  const std::string text = content.str();
  Splitter splitter(text);
  if (splitter.done()) return CsvError{path + ":1: the file is empty; expected a header row"};
  auto header = splitter.next();
  if (auto* error = std::get_if<std::string>(&header)) return CsvError{path + ":1: " + *error};
  CsvTable table(path, std::get<std::vector<std::string>>(std::move(header)));
  while (!splitter.done()) {
    const std::size_t line = splitter.line();
    auto record = splitter.next();
    if (auto* error = std::get_if<std::string>(&record)) return CsvError{path + ":" + std::to_string(line) + ": " + *error};
    auto& fields = std::get<std::vector<std::string>>(record);
    if (blank(fields)) continue;
    if (fields.size() != table.columnCount()) {
      return CsvError{path + ":" + std::to_string(line) + ": " + std::to_string(fields.size()) + " fields, but the header has " +
                      std::to_string(table.columnCount())};
    }
    table.rows.push_back({line, std::move(fields)});
  }
  return table;
}

}  // namespace bhabin::tools
