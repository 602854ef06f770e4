// Photo uploads: the type is decided by the file's first bytes, never by its name or declared MIME type.
#pragma once

#include <optional>
#include <string_view>
#include <variant>

#include "core/report/validation_error.h"
#include "core/report/validation_settings.h"

namespace bhabin::report {

enum class PhotoType { Jpeg, Png, Webp };

std::string_view photoMimeType(PhotoType type);  // "image/jpeg", "image/png", "image/webp"

// The type announced by the magic bytes (JPEG FF D8 FF; PNG 89 'PNG' CR LF 1A LF; WebP 'RIFF' size 'WEBP').
std::optional<PhotoType> detectPhotoType(std::string_view bytes);

// The photo's type, or why it is refused: PhotoEmpty, PhotoTooLarge (over settings.photoMaxBytes) or
// PhotoUnsupportedType.
std::variant<PhotoType, ErrorCode> checkPhoto(std::string_view bytes, const ValidationSettings& settings = {});

}  // namespace bhabin::report
