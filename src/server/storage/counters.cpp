#include "server/storage/counters.h"

#include <string>

namespace bhabin::server::storage {

std::int64_t nextCounterValue(Connection& connection, std::string_view name) {
  const auto rows =
      connection.query("UPDATE counters SET value = value + 1 WHERE name = $1 RETURNING value", {std::string(name)});
  if (rows.empty()) throw DatabaseError(DatabaseErrorKind::Other, "counter '" + std::string(name) + "' is missing");
  return rows[0].integer(0);
}

std::int64_t currentCounterValue(Connection& connection, std::string_view name) {
  const auto rows = connection.query("SELECT value FROM counters WHERE name = $1", {std::string(name)});
  if (rows.empty()) throw DatabaseError(DatabaseErrorKind::Other, "counter '" + std::string(name) + "' is missing");
  return rows[0].integer(0);
}

}  // namespace bhabin::server::storage
