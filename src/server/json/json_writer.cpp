#include "server/json/json_writer.h"

#include <stdexcept>

namespace bhabin::server::json {

JsonWriter& JsonWriter::check(bool ok) {
  // rapidjson refuses only misuse (a value without a key, unbalanced ends): a programming error.
  if (!ok) throw std::logic_error("malformed JSON answer (unbalanced object or array)");
  return *this;
}

}  // namespace bhabin::server::json
