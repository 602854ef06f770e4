// Photos lose their metadata before anything stores them: a phone writes where (GPS) and when a picture was
// taken, and which device took it, into the file, and a report's photo must not tell an officer, or anyone
// who later sees it, where the citizen lives. Only the structure is rewritten; the image data is copied
// byte for byte, so nothing is decoded or re-encoded here.
#pragma once

#include <string>
#include <string_view>
#include <variant>

#include "core/report/photo.h"

namespace bhabin::report {

struct StrippedPhoto {
  PhotoType type = PhotoType::Jpeg;
  std::string bytes;  // the same file without its metadata; unchanged when it had none
};

// JPEG: drops APP1 (Exif, XMP), COM and every APPn but APP0 JFIF/JFXX, APP2 ICC_PROFILE and APP14 Adobe (the
// colour information a viewer needs), and anything after EOI. PNG: drops eXIf, tEXt, zTXt, iTXt and tIME,
// and anything after IEND. WebP: drops EXIF and XMP chunks, clears their flags in VP8X, fixes the RIFF size.
// Refuses with PhotoEmpty, PhotoTooLarge (over settings.photoMaxBytes), PhotoUnsupportedType, or
// PhotoDamaged when the structure is cut short or inconsistent (a length past the end, no image data).
std::variant<StrippedPhoto, ErrorCode> stripPhotoMetadata(std::string_view bytes, const ValidationSettings& settings = {});

}  // namespace bhabin::report
