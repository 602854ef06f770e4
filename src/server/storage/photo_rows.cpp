#include "server/storage/photo_rows.h"

#include <sodium.h>

namespace bhabin::server::storage {

namespace {

std::string toBase64(const std::string& bytes) {
  std::string text(sodium_base64_ENCODED_LEN(bytes.size(), sodium_base64_VARIANT_ORIGINAL), '\0');
  sodium_bin2base64(text.data(), text.size(), reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size(),
                    sodium_base64_VARIANT_ORIGINAL);
  text.pop_back();  // the terminating NUL
  return text;
}

std::string fromBase64(const std::string& text) {
  std::string bytes(text.size() / 4 * 3, '\0');
  std::size_t length = 0;
  const char* end = nullptr;
  if (sodium_base642bin(reinterpret_cast<unsigned char*>(bytes.data()), bytes.size(), text.data(), text.size(), nullptr,
                        &length, &end, sodium_base64_VARIANT_ORIGINAL) != 0 ||
      end != text.data() + text.size()) {
    throw DatabaseError(DatabaseErrorKind::Other, "a stored photo cannot be read back: its text is not base64");
  }
  bytes.resize(length);
  return bytes;
}

}  // namespace

void insertPhoto(Connection& connection, const PhotoRow& photo) {
  connection.query("INSERT INTO photos (ref, media_type, data_base64, created_at) VALUES ($1, $2, $3, $4)",
                   {photo.ref, photo.mediaType, toBase64(photo.bytes), photo.createdAtUnixMs});
}

std::optional<PhotoRow> findPhoto(Connection& connection, const std::string& ref) {
  const auto rows = connection.query("SELECT media_type, data_base64, created_at FROM photos WHERE ref = $1", {ref});
  if (rows.empty()) return std::nullopt;
  return PhotoRow{ref, rows[0].text(0), fromBase64(rows[0].text(1)), rows[0].integer(2)};
}

}  // namespace bhabin::server::storage
