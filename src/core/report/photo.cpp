#include "core/report/photo.h"

namespace bhabin::report {

namespace {

bool startsWith(std::string_view bytes, std::string_view prefix) { return bytes.substr(0, prefix.size()) == prefix; }

}  // namespace

std::string_view photoMimeType(PhotoType type) {
  switch (type) {
    case PhotoType::Jpeg: return "image/jpeg";
    case PhotoType::Png: return "image/png";
    case PhotoType::Webp: return "image/webp";
  }
  return "application/octet-stream";
}

std::optional<PhotoType> detectPhotoType(std::string_view bytes) {
  using namespace std::string_view_literals;
  if (startsWith(bytes, "\xFF\xD8\xFF"sv)) return PhotoType::Jpeg;
  if (startsWith(bytes, "\x89PNG\r\n\x1A\n"sv)) return PhotoType::Png;
  if (bytes.size() >= 12 && startsWith(bytes, "RIFF"sv) && bytes.substr(8, 4) == "WEBP"sv) return PhotoType::Webp;
  return std::nullopt;
}

std::variant<PhotoType, ErrorCode> checkPhoto(std::string_view bytes, const ValidationSettings& settings) {
  if (bytes.empty()) return ErrorCode::PhotoEmpty;
  if (bytes.size() > settings.photoMaxBytes) return ErrorCode::PhotoTooLarge;
  if (auto type = detectPhotoType(bytes)) return *type;
  return ErrorCode::PhotoUnsupportedType;
}

}  // namespace bhabin::report
