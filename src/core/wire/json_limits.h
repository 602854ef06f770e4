// The first gate for JSON from outside: size, nesting, string length and number checks done by a
// streaming, non-recursive pass before any document is built, so cereal's recursive parser (which also
// accepts NaN and Infinity) only ever sees small, shallow, strictly valid JSON.
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>

#include "core/wire/flat_json.h"

namespace bhabin::wire {

struct JsonLimits {
  std::size_t maxBytes = 1 << 20;          // whole document
  std::size_t maxDepth = 16;               // nested objects and arrays; the root object is depth 1
  std::size_t maxStringBytes = 64 * 1024;  // each key and string value
};

// Nothing when `json` is one object within the limits, strict UTF-8, without NaN/Infinity, numbers too big
// for a double or longer than 40 characters, zeros with an exponent (0e45), or NUL characters in strings;
// otherwise the first problem found.
std::optional<ParseError> checkJsonLimits(std::string_view json, const JsonLimits& limits = {});

}  // namespace bhabin::wire
