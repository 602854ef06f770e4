#include "server/service/photos.h"

#include <algorithm>
#include <cctype>
#include <variant>

#include "core/report/photo_metadata.h"
#include "server/api/api_error.h"
#include "server/service/rate_limits.h"

namespace bhabin::server::service {

namespace {

// "ph_" and 24 URL-safe characters (144 random bits): unguessable, and a valid report::ReportForm photoRef.
constexpr const char* kRefPrefix = "ph_";
constexpr std::size_t kRefRandomBytes = 18;

// "Image/JPEG; charset=x" -> "image/jpeg".
std::string mediaTypeOf(const std::string& contentType) {
  std::string type = contentType.substr(0, contentType.find(';'));
  type.erase(std::remove(type.begin(), type.end(), ' '), type.end());
  std::transform(type.begin(), type.end(), type.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return type;
}

bool isPhotoMediaType(const std::string& type) {
  for (report::PhotoType photoType : {report::PhotoType::Jpeg, report::PhotoType::Png, report::PhotoType::Webp}) {
    if (report::photoMimeType(photoType) == type) return true;
  }
  return false;
}

}  // namespace

UploadedPhoto Photos::upload(const PhotoUpload& upload) {
  const std::string declared = mediaTypeOf(upload.declaredType);
  if (!isPhotoMediaType(declared)) throw api::ApiError(415, "unsupported_media_type", "send image/jpeg, image/png or image/webp");
  const BackendSettings& settings = backend_.settings();
  limitHits(backend_, "write-ip:" + upload.clientAddress, settings.anonymousWritesPerAddress);
  auto stripped = report::stripPhotoMetadata(upload.bytes, settings.validation);
  if (const auto* error = std::get_if<report::ErrorCode>(&stripped)) throw api::ApiError::invalidForm({{"photo", *error}});
  auto& photo = std::get<report::StrippedPhoto>(stripped);
  // The bytes decide the type; another declared type means a confused or lying client, refused rather than guessed at.
  if (report::photoMimeType(photo.type) != declared) {
    throw api::ApiError::invalidForm({{"photo", report::ErrorCode::PhotoUnsupportedType}});
  }
  const storage::PhotoRow row{kRefPrefix + auth::randomToken(kRefRandomBytes), declared, std::move(photo.bytes), backend_.now()};
  storage::inTransaction(backend_.pool(), storage::Durability::Durable,
                         [&](storage::Connection& connection) { storage::insertPhoto(connection, row); });
  return {row.ref, row.mediaType, row.bytes.size()};
}

storage::PhotoRow Photos::find(const std::string& ref) {
  auto photo = storage::inTransaction(backend_.pool(), storage::Durability::Relaxed,
                                      [&](storage::Connection& connection) { return storage::findPhoto(connection, ref); });
  if (!photo) throw api::ApiError(404, "not_found", "no photo has this ref");
  return std::move(*photo);
}

}  // namespace bhabin::server::service
