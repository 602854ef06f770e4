// Stripping photo metadata on hand-assembled JPEG, PNG and WebP files: what carries a place or a time is
// gone, everything else is byte for byte the same, and cut or inconsistent files are refused.
#include "core/report/photo_metadata.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <string>

namespace bhabin::report {
namespace {

using namespace std::string_literals;

constexpr const char* kSecret = "GPS-SECRET";

std::string bigEndian(std::uint32_t value, int bytes) {
  std::string out;
  for (int i = bytes - 1; i >= 0; --i) out += static_cast<char>(value >> (8 * i) & 0xFF);
  return out;
}

std::string littleEndian32(std::uint32_t value) {
  std::string out;
  for (int i = 0; i < 4; ++i) out += static_cast<char>(value >> (8 * i) & 0xFF);
  return out;
}

StrippedPhoto stripped(const std::string& bytes) {
  auto result = stripPhotoMetadata(bytes);
  if (const auto* error = std::get_if<ErrorCode>(&result)) {
    ADD_FAILURE() << "refused with " << errorCodeName(*error);
    return {};
  }
  return std::get<StrippedPhoto>(std::move(result));
}

std::string refusal(const std::string& bytes) {
  const auto result = stripPhotoMetadata(bytes);
  const auto* error = std::get_if<ErrorCode>(&result);
  return error ? std::string(errorCodeName(*error)) : "accepted";
}

// Every cut of a valid file that its magic bytes still announce is a damaged photo.
void expectEveryCutRefused(const std::string& file, std::size_t magicBytes) {
  for (std::size_t size = magicBytes; size < file.size(); ++size) {
    EXPECT_EQ(refusal(file.substr(0, size)), "photo_damaged") << "cut at " << size;
  }
}

// --- JPEG

std::string jpegSegment(unsigned char marker, const std::string& payload) {
  return "\xFF"s + static_cast<char>(marker) + bigEndian(static_cast<std::uint32_t>(payload.size() + 2), 2) + payload;
}

const std::string kSoi = "\xFF\xD8"s;
const std::string kEoi = "\xFF\xD9"s;
const std::string kJfif = jpegSegment(0xE0, "JFIF\0\x01\x02\x00\x00\x01\x00\x01\x00\x00"s);
const std::string kExif = jpegSegment(0xE1, "Exif\0\0MM\0*\0\0\0\x08"s + "GPSLatitude " + kSecret);
const std::string kXmp = jpegSegment(0xE1, "http://ns.adobe.com/xap/1.0/\0<x:xmpmeta>"s + kSecret + "</x:xmpmeta>");
const std::string kIptc = jpegSegment(0xED, "Photoshop 3.0\0008BIM\x04\x04"s + kSecret);
const std::string kComment = jpegSegment(0xFE, std::string("taken at ") + kSecret);
const std::string kJfxxThumbnail = jpegSegment(0xE0, "JFXX\0\x10"s + kSecret);
const std::string kIcc = jpegSegment(0xE2, "ICC_PROFILE\0\x01\x01 opaque profile bytes"s);
const std::string kAdobe = jpegSegment(0xEE, "Adobe\0\x64\x00\x00\x00\x00\x01"s);
const std::string kDqt = jpegSegment(0xDB, "\x00"s + std::string(64, '\x01'));
const std::string kSof0 = jpegSegment(0xC0, "\x08\x00\x10\x00\x10\x01\x01\x11\x00"s);
const std::string kDht = jpegSegment(0xC4, "\x00\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x05"s);
const std::string kSos = jpegSegment(0xDA, "\x01\x01\x00\x00\x3F\x00"s);
// Entropy-coded data with a stuffed FF 00 and a restart marker, both of which belong to the scan.
const std::string kScanData = "\x12\x34\xFF\x00\x56\xFF\xD0\x78\x9A"s;

const std::string kCleanJpeg = kSoi + kJfif + kIcc + kAdobe + kDqt + kSof0 + kDht + kSos + kScanData + kEoi;
const std::string kPhoneJpeg =
    kSoi + kJfif + kExif + kXmp + kIcc + kIptc + kAdobe + kDqt + kComment + kSof0 + kJfxxThumbnail + kDht + kSos + kScanData + kEoi;

TEST(PhotoMetadata, JpegLosesExifXmpIptcCommentsAndThumbnailsAndKeepsTheRestByteForByte) {
  const StrippedPhoto photo = stripped(kPhoneJpeg);
  EXPECT_EQ(photo.type, PhotoType::Jpeg);
  EXPECT_EQ(photo.bytes.find(kSecret), std::string::npos);
  EXPECT_EQ(photo.bytes, kCleanJpeg);
}

TEST(PhotoMetadata, AJpegWithoutMetadataComesBackUnchanged) { EXPECT_EQ(stripped(kCleanJpeg).bytes, kCleanJpeg); }

TEST(PhotoMetadata, ProgressiveJpegScansAndTheTablesBetweenThemAreKept) {
  const std::string secondScan = kDht + kSos + "\x01\x02\x03"s;
  const std::string progressive = kSoi + kJfif + kSof0 + kSos + kScanData + kExif + secondScan + kEoi;
  EXPECT_EQ(stripped(progressive).bytes, kSoi + kJfif + kSof0 + kSos + kScanData + secondScan + kEoi);
}

TEST(PhotoMetadata, JpegFillBytesBeforeAMarkerStayAndWhatFollowsEoiGoes) {
  const std::string filled = kSoi + kJfif + "\xFF\xFF"s + kDqt + kSof0 + kSos + kScanData + kEoi;
  EXPECT_EQ(stripped(filled).bytes, filled);
  const std::string trailer = "motion-photo video with "s + kSecret;
  EXPECT_EQ(stripped(kCleanJpeg + trailer).bytes, kCleanJpeg);
}

TEST(PhotoMetadata, CutOrInconsistentJpegsAreRefused) {
  expectEveryCutRefused(kPhoneJpeg, 3);
  EXPECT_EQ(refusal(kSoi + kJfif + kEoi), "photo_damaged");                                           // no scan
  EXPECT_EQ(refusal(kSoi + "\xFF\xE1\x00\x01"s + kSos + kScanData + kEoi), "photo_damaged");          // length below 2
  EXPECT_EQ(refusal(kSoi + "\xFF\xE1\xFF\xF0" "Exif"s + kSos + kScanData + kEoi), "photo_damaged");      // length past the end
  EXPECT_EQ(refusal(kSoi + kJfif + kSoi + kSos + kScanData + kEoi), "photo_damaged");                 // a second SOI
  EXPECT_EQ(refusal(kSoi + kJfif + "junk"s + kSos + kScanData + kEoi), "photo_damaged");              // not a marker
  EXPECT_EQ(refusal(kSoi + kJfif + "\xFF\x00"s + kSos + kScanData + kEoi), "photo_damaged");          // FF 00 is no marker
}

// --- PNG

const std::string kPngSignature = "\x89PNG\r\n\x1A\n"s;

std::string pngChunk(const std::string& type, const std::string& data) {
  return bigEndian(static_cast<std::uint32_t>(data.size()), 4) + type + data + "\0\0\0\0"s;  // CRCs are not checked
}

const std::string kIhdr = pngChunk("IHDR", "\x00\x00\x00\x01\x00\x00\x00\x01\x08\x02\x00\x00\x00"s);
const std::string kPhys = pngChunk("pHYs", "\x00\x00\x0B\x13\x00\x00\x0B\x13\x01"s);
const std::string kIdat = pngChunk("IDAT", "\x78\x9C\x63\x60\x60\x60\x00\x00\x00\x04\x00\x01"s);
const std::string kIend = pngChunk("IEND", "");

const std::string kCleanPng = kPngSignature + kIhdr + kPhys + kIdat + kIend;
const std::string kTaggedPng = kPngSignature + kIhdr + pngChunk("tEXt", "Location\0"s + kSecret) + kPhys +
                               pngChunk("eXIf", "MM\0*"s + kSecret) + pngChunk("iTXt", "XML:com.adobe.xmp\0\0\0\0\0"s + kSecret) +
                               pngChunk("zTXt", "Comment\0\0"s + kSecret) + pngChunk("tIME", "\x07\xEA\x0B\x1B\x0C\x00\x00"s) +
                               kIdat + kIend;

TEST(PhotoMetadata, PngLosesTextExifAndTimeChunksAndKeepsTheRest) {
  const StrippedPhoto photo = stripped(kTaggedPng);
  EXPECT_EQ(photo.type, PhotoType::Png);
  EXPECT_EQ(photo.bytes.find(kSecret), std::string::npos);
  EXPECT_EQ(photo.bytes, kCleanPng);
  EXPECT_EQ(stripped(kCleanPng).bytes, kCleanPng);
  EXPECT_EQ(stripped(kCleanPng + "trailing " + kSecret).bytes, kCleanPng);
}

TEST(PhotoMetadata, CutOrInconsistentPngsAreRefused) {
  expectEveryCutRefused(kTaggedPng, kPngSignature.size());
  EXPECT_EQ(refusal(kPngSignature + kPhys + kIhdr + kIdat + kIend), "photo_damaged");                 // IHDR not first
  EXPECT_EQ(refusal(kPngSignature + kIhdr + kIend), "photo_damaged");                                 // no image data
  EXPECT_EQ(refusal(kPngSignature + kIhdr + pngChunk("I D?", "x") + kIdat + kIend), "photo_damaged");  // not a chunk type
  EXPECT_EQ(refusal(kPngSignature + kIhdr + "\xFF\xFF\xFF\xF0IDAT"s + kIend), "photo_damaged");       // length past the end
}

// --- WebP

std::string riffChunk(const std::string& fourCc, const std::string& data) {
  return fourCc + littleEndian32(static_cast<std::uint32_t>(data.size())) + data + (data.size() % 2 ? "\0"s : ""s);
}

std::string webp(const std::string& chunks) {
  return "RIFF" + littleEndian32(static_cast<std::uint32_t>(chunks.size() + 4)) + "WEBP" + chunks;
}

std::string vp8x(unsigned char flags) { return riffChunk("VP8X", std::string(1, static_cast<char>(flags)) + "\0\0\0\x0F\0\0\x0F\0\0"s); }

constexpr unsigned char kIccFlag = 0x20, kAlphaFlag = 0x10, kExifFlag = 0x08, kXmpFlag = 0x04;

const std::string kIccp = riffChunk("ICCP", "opaque profile");
const std::string kVp8 = riffChunk("VP8 ", "\x30\x01\x00\x9D\x01\x2A\x10\x00\x10\x00 frame"s);
const std::string kWebpExif = riffChunk("EXIF", "MM\0*"s + kSecret + "!");  // odd: padded
const std::string kWebpXmp = riffChunk("XMP ", "<x:xmpmeta>"s + kSecret + "</x:xmpmeta>");

TEST(PhotoMetadata, WebpLosesExifAndXmpChunksAndTheirFlagsAndTheRiffSizeFollows) {
  const std::string tagged = webp(vp8x(kIccFlag | kAlphaFlag | kExifFlag | kXmpFlag) + kIccp + kVp8 + kWebpExif + kWebpXmp);
  const std::string clean = webp(vp8x(kIccFlag | kAlphaFlag) + kIccp + kVp8);
  const StrippedPhoto photo = stripped(tagged);
  EXPECT_EQ(photo.type, PhotoType::Webp);
  EXPECT_EQ(photo.bytes.find(kSecret), std::string::npos);
  EXPECT_EQ(photo.bytes, clean);  // includes the RIFF size, now 8 less than the file
  EXPECT_EQ(stripped(clean).bytes, clean);
  EXPECT_EQ(stripped(webp(kVp8)).bytes, webp(kVp8));
  EXPECT_EQ(stripped(webp(kVp8) + "trailing " + kSecret).bytes, webp(kVp8));
}

TEST(PhotoMetadata, CutOrInconsistentWebpsAreRefused) {
  const std::string tagged = webp(vp8x(kExifFlag) + kVp8 + kWebpExif);
  expectEveryCutRefused(tagged, 12);
  EXPECT_EQ(refusal(webp(kWebpExif + kVp8)), "photo_damaged");               // the first chunk is no image
  EXPECT_EQ(refusal(webp(vp8x(0))), "photo_damaged");                        // no image data
  EXPECT_EQ(refusal(webp(kVp8 + vp8x(0))), "photo_damaged");                 // VP8X not first
  EXPECT_EQ(refusal(webp(riffChunk("VP8X", "\x08\0\0"s) + kVp8)), "photo_damaged");  // VP8X too short
  EXPECT_EQ(refusal(webp("VP8 \xF0\xFF\xFF\xFF"s + kVp8)), "photo_damaged");          // chunk size past the end
  std::string lying = webp(kVp8);
  lying[4] = '\xF0';  // RIFF size past the end of the file
  EXPECT_EQ(refusal(lying), "photo_damaged");
}

// --- Whatever the type

TEST(PhotoMetadata, EmptyOversizedAndOtherFilesAreRefusedBeforeAnyParsing) {
  ValidationSettings settings;
  settings.photoMaxBytes = kCleanJpeg.size() - 1;
  EXPECT_EQ(std::get<ErrorCode>(stripPhotoMetadata(kCleanJpeg, settings)), ErrorCode::PhotoTooLarge);
  settings.photoMaxBytes = kCleanJpeg.size();
  EXPECT_EQ(std::get<StrippedPhoto>(stripPhotoMetadata(kCleanJpeg, settings)).bytes, kCleanJpeg);  // at the limit
  EXPECT_EQ(refusal(""), "photo_empty");
  EXPECT_EQ(refusal("GIF89a" + std::string(20, '\0')), "photo_unsupported_type");
  EXPECT_EQ(refusal("<svg xmlns=\"http://www.w3.org/2000/svg\"/>"), "photo_unsupported_type");
}

TEST(PhotoMetadata, AnyByteChangedGivesAnAnswerNotACrash) {
  for (const std::string& file : {kPhoneJpeg, kTaggedPng, webp(vp8x(kExifFlag) + kVp8 + kWebpExif)}) {
    for (std::size_t i = 0; i < file.size(); ++i) {
      for (char value : {'\x00', '\x01', '\x7F', '\xFF'}) {
        std::string changed = file;
        changed[i] = value;
        const auto result = stripPhotoMetadata(changed);
        if (const auto* photo = std::get_if<StrippedPhoto>(&result)) {
          EXPECT_LE(photo->bytes.size(), changed.size());
        }
      }
    }
  }
}

}  // namespace
}  // namespace bhabin::report
