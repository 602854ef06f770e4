// Strict number parsing for command-line arguments and CSV fields: the whole text must be the number.
#pragma once

#include <cmath>
#include <cstdlib>
#include <optional>
#include <string>

namespace bhabin::tools {

// The value of `text` when all of it is a finite decimal number ("12.5", "-7e-3"); nothing otherwise
// (empty, trailing characters, "nan", "inf", out of double range).
inline std::optional<double> parseFiniteDouble(const std::string& text) {
  if (text.empty()) return std::nullopt;
  char* end = nullptr;
  const double value = std::strtod(text.c_str(), &end);
  if (end != text.c_str() + text.size() || !std::isfinite(value)) return std::nullopt;
  return value;
}

}  // namespace bhabin::tools
