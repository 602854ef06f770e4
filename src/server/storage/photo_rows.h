// Uploaded photos as stored: already stripped of their metadata, as base64 text so one TEXT column works the
// same in SQLite and PostgreSQL.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "server/storage/database.h"

namespace bhabin::server::storage {

struct PhotoRow {
  std::string ref;        // random; what a report's photoRef names
  std::string mediaType;  // "image/jpeg", "image/png" or "image/webp", as detected from the bytes
  std::string bytes;      // the file itself (binary)
  std::int64_t createdAtUnixMs = 0;
};

void insertPhoto(Connection& connection, const PhotoRow& photo);
// Throws DatabaseError when the stored text is not base64.
std::optional<PhotoRow> findPhoto(Connection& connection, const std::string& ref);

}  // namespace bhabin::server::storage
