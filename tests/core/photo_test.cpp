#include "core/report/photo.h"

#include <gtest/gtest.h>

#include <string>

namespace bhabin::report {
namespace {

using namespace std::string_literals;

const std::string kJpeg = "\xFF\xD8\xFF\xE0\x00\x10JFIF\x00"s;
const std::string kPng = "\x89PNG\r\n\x1A\n\x00\x00\x00\rIHDR"s;
const std::string kWebp = "RIFF\x24\x00\x00\x00WEBPVP8 "s;

TEST(Photo, DetectsTypesByMagicBytes) {
  EXPECT_EQ(detectPhotoType(kJpeg), PhotoType::Jpeg);
  EXPECT_EQ(detectPhotoType(kPng), PhotoType::Png);
  EXPECT_EQ(detectPhotoType(kWebp), PhotoType::Webp);
  EXPECT_EQ(photoMimeType(PhotoType::Webp), "image/webp");
}

TEST(Photo, RefusesOtherTypesWhateverTheyClaim) {
  EXPECT_FALSE(detectPhotoType("GIF89a....").has_value());
  EXPECT_FALSE(detectPhotoType("<svg xmlns=").has_value());
  EXPECT_FALSE(detectPhotoType("RIFF\x24\x00\x00\x00WAVEfmt "s).has_value());  // RIFF but audio
  EXPECT_FALSE(detectPhotoType("RIFF\x24\x00\x00\x00WEB"s).has_value());       // cut short
  EXPECT_FALSE(detectPhotoType("\xFF\xD8"s).has_value());
  EXPECT_FALSE(detectPhotoType("\x89PNG\r\n"s).has_value());
}

TEST(Photo, ChecksEmptinessSizeAndType) {
  ValidationSettings settings;
  settings.photoMaxBytes = 32;
  EXPECT_EQ(std::get<ErrorCode>(checkPhoto("", settings)), ErrorCode::PhotoEmpty);
  EXPECT_EQ(std::get<ErrorCode>(checkPhoto(kJpeg + std::string(32, 'x'), settings)), ErrorCode::PhotoTooLarge);
  EXPECT_EQ(std::get<PhotoType>(checkPhoto(kJpeg + std::string(32 - kJpeg.size(), 'x'), settings)),
            PhotoType::Jpeg);  // exactly at the limit
  EXPECT_EQ(std::get<ErrorCode>(checkPhoto("hello world", settings)), ErrorCode::PhotoUnsupportedType);
  EXPECT_EQ(ValidationSettings{}.photoMaxBytes, 5u * 1024 * 1024);
}

}  // namespace
}  // namespace bhabin::report
