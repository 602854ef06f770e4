#include "core/report/photo_metadata.h"

#include <cstdint>
#include <optional>

namespace bhabin::report {

namespace {

// Every length below is checked against what is left of the input (`length > size - pos`), never by adding
// it to a position, because size_t is 32 bits in WebAssembly and a hostile length would wrap around.

std::uint32_t byteAt(std::string_view bytes, std::size_t pos) { return static_cast<unsigned char>(bytes[pos]); }

std::uint32_t bigEndian16(std::string_view bytes, std::size_t pos) {
  return byteAt(bytes, pos) << 8 | byteAt(bytes, pos + 1);
}

std::uint32_t bigEndian32(std::string_view bytes, std::size_t pos) {
  return bigEndian16(bytes, pos) << 16 | bigEndian16(bytes, pos + 2);
}

std::uint32_t littleEndian32(std::string_view bytes, std::size_t pos) {
  return byteAt(bytes, pos) | byteAt(bytes, pos + 1) << 8 | byteAt(bytes, pos + 2) << 16 | byteAt(bytes, pos + 3) << 24;
}

void putLittleEndian32(std::string& bytes, std::size_t pos, std::uint32_t value) {
  for (std::size_t i = 0; i < 4; ++i) bytes[pos + i] = static_cast<char>(value >> (8 * i) & 0xFF);
}

bool startsWith(std::string_view bytes, std::string_view prefix) { return bytes.substr(0, prefix.size()) == prefix; }

// --- JPEG: a sequence of FF-marker segments from SOI; each scan (SOS) is followed by entropy-coded data.

constexpr std::uint32_t kJpegSoi = 0xD8;
constexpr std::uint32_t kJpegEoi = 0xD9;
constexpr std::uint32_t kJpegSos = 0xDA;
constexpr std::uint32_t kJpegApp0 = 0xE0;
constexpr std::uint32_t kJpegApp2 = 0xE2;
constexpr std::uint32_t kJpegApp14 = 0xEE;
constexpr std::uint32_t kJpegApp15 = 0xEF;
constexpr std::uint32_t kJpegCom = 0xFE;

bool isRestartMarker(std::uint32_t marker) { return marker >= 0xD0 && marker <= 0xD7; }

// TEM and the restart markers stand alone; every other marker but SOI and EOI is followed by a length.
bool hasLength(std::uint32_t marker) {
  return marker != 0x01 && !isRestartMarker(marker) && marker != kJpegSoi && marker != kJpegEoi;
}

struct JpegSegment {
  std::size_t start = 0;  // its first FF, including fill bytes before the marker
  std::size_t end = 0;    // just past its payload
  std::uint32_t marker = 0;
  std::string_view payload;  // after the length field
};

std::optional<JpegSegment> readJpegSegment(std::string_view in, std::size_t pos) {
  if (pos >= in.size() || byteAt(in, pos) != 0xFF) return std::nullopt;
  JpegSegment segment;
  segment.start = pos;
  while (pos < in.size() && byteAt(in, pos) == 0xFF) ++pos;
  if (pos >= in.size() || byteAt(in, pos) == 0x00) return std::nullopt;
  segment.marker = byteAt(in, pos++);
  if (hasLength(segment.marker)) {
    if (in.size() - pos < 2) return std::nullopt;
    const std::size_t length = bigEndian16(in, pos);
    if (length < 2 || length > in.size() - pos) return std::nullopt;
    segment.payload = in.substr(pos + 2, length - 2);
    pos += length;
  }
  segment.end = pos;
  return segment;
}

// Where a scan's entropy-coded data ends: at the first FF that is neither a stuffed FF 00 nor a restart marker.
std::optional<std::size_t> entropyCodedEnd(std::string_view in, std::size_t pos) {
  for (; pos + 1 < in.size(); ++pos) {
    if (byteAt(in, pos) != 0xFF) continue;
    const std::uint32_t next = byteAt(in, pos + 1);
    if (next != 0x00 && !isRestartMarker(next)) return pos;
    ++pos;
  }
  return std::nullopt;
}

// Kept from the application segments: APP0 JFIF (pixel density), APP2 ICC_PROFILE and APP14 Adobe (how to
// read the colour components), without which the picture would display differently. Everything else goes:
// APP1 holds Exif (GPS position, time, camera serial) and XMP, APP13 Photoshop's IPTC (places, names), COM
// free text, and an APP0 JFXX thumbnail may still show what a crop removed. Dropping Exif also drops its
// orientation tag, so a camera photo could show sideways; the app resizes and re-encodes every photo on the
// device before uploading it (issue 6), which applies the orientation to the pixels first.
bool keepJpegSegment(const JpegSegment& segment) {
  using namespace std::string_view_literals;
  if (segment.marker == kJpegCom) return false;
  if (segment.marker < kJpegApp0 || segment.marker > kJpegApp15) return true;
  switch (segment.marker) {
    case kJpegApp0: return startsWith(segment.payload, "JFIF\0"sv);
    case kJpegApp2: return startsWith(segment.payload, "ICC_PROFILE\0"sv);
    case kJpegApp14: return startsWith(segment.payload, "Adobe"sv);
    default: return false;
  }
}

std::optional<std::string> stripJpeg(std::string_view in) {
  std::string out(in.substr(0, 2));  // SOI, which detectPhotoType has seen
  bool scanned = false;
  for (std::size_t pos = 2;;) {
    const auto segment = readJpegSegment(in, pos);
    if (!segment || segment->marker == kJpegSoi) return std::nullopt;
    if (keepJpegSegment(*segment)) out.append(in.substr(segment->start, segment->end - segment->start));
    pos = segment->end;
    // Whatever follows EOI (a second picture, a phone's motion-photo video) is not kept.
    if (segment->marker == kJpegEoi) return scanned ? std::optional(std::move(out)) : std::nullopt;
    if (segment->marker == kJpegSos) {
      const auto dataEnd = entropyCodedEnd(in, pos);
      if (!dataEnd) return std::nullopt;
      out.append(in.substr(pos, *dataEnd - pos));
      pos = *dataEnd;
      scanned = true;
    }
  }
}

// --- PNG: the signature, then chunks of length (big-endian), type, data and CRC, up to IEND.

constexpr std::size_t kPngSignatureBytes = 8;
constexpr std::size_t kPngChunkOverhead = 12;
constexpr std::uint32_t kPngMaxChunkLength = 0x7FFFFFFF;

bool isPngChunkType(std::string_view type) {
  for (char c : type) {
    if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'))) return false;
  }
  return true;
}

// Exif (with GPS), free text (author, place, comments) and the time of last change.
bool isPngMetadata(std::string_view type) {
  return type == "eXIf" || type == "tEXt" || type == "zTXt" || type == "iTXt" || type == "tIME";
}

std::optional<std::string> stripPng(std::string_view in) {
  std::string out(in.substr(0, kPngSignatureBytes));
  bool sawData = false;
  for (std::size_t pos = kPngSignatureBytes;;) {
    if (in.size() - pos < kPngChunkOverhead) return std::nullopt;
    const std::uint32_t length = bigEndian32(in, pos);
    const std::string_view type = in.substr(pos + 4, 4);
    if (length > kPngMaxChunkLength || length > in.size() - pos - kPngChunkOverhead || !isPngChunkType(type)) {
      return std::nullopt;
    }
    if (pos == kPngSignatureBytes && type != "IHDR") return std::nullopt;
    const std::size_t end = pos + kPngChunkOverhead + length;
    if (!isPngMetadata(type)) out.append(in.substr(pos, end - pos));
    sawData = sawData || type == "IDAT";
    // Whatever follows IEND is not kept.
    if (type == "IEND") return sawData ? std::optional(std::move(out)) : std::nullopt;
    pos = end;
  }
}

// --- WebP: 'RIFF', size, 'WEBP', then chunks of FourCC, size (little-endian), data padded to an even length.

constexpr std::size_t kRiffHeaderBytes = 12;  // 'RIFF', size, 'WEBP'
constexpr std::size_t kRiffChunkHeaderBytes = 8;
constexpr std::uint32_t kVp8xHeaderBytes = 10;
constexpr std::uint32_t kVp8xExifFlag = 0x08;
constexpr std::uint32_t kVp8xXmpFlag = 0x04;

bool isWebpImage(std::string_view fourCc) { return fourCc == "VP8 " || fourCc == "VP8L" || fourCc == "ANMF"; }

std::optional<std::string> stripWebp(std::string_view in) {
  const std::uint32_t riffSize = littleEndian32(in, 4);  // counts from 'WEBP' on
  if (riffSize < 4 || riffSize > in.size() - 8) return std::nullopt;
  const std::string_view chunks = in.substr(kRiffHeaderBytes, riffSize - 4);  // anything after the RIFF is dropped
  std::string out(in.substr(0, kRiffHeaderBytes));
  bool sawImage = false;
  for (std::size_t pos = 0; pos < chunks.size();) {
    if (chunks.size() - pos < kRiffChunkHeaderBytes) return std::nullopt;
    const std::string_view fourCc = chunks.substr(pos, 4);
    const std::uint32_t size = littleEndian32(chunks, pos + 4);
    const std::uint64_t padded = std::uint64_t{size} + (size & 1);
    if (padded > chunks.size() - pos - kRiffChunkHeaderBytes) return std::nullopt;
    // VP8X (the extended format's flags) may only come first, and the first chunk says which format this is.
    if (fourCc == "VP8X" && (pos != 0 || size < kVp8xHeaderBytes)) return std::nullopt;
    if (pos == 0 && fourCc != "VP8X" && !isWebpImage(fourCc)) return std::nullopt;
    const std::size_t end = pos + kRiffChunkHeaderBytes + static_cast<std::size_t>(padded);
    if (fourCc != "EXIF" && fourCc != "XMP ") out.append(chunks.substr(pos, end - pos));
    if (fourCc == "VP8X") {
      const std::size_t flags = kRiffHeaderBytes + kRiffChunkHeaderBytes;
      out[flags] = static_cast<char>(byteAt(out, flags) & ~(kVp8xExifFlag | kVp8xXmpFlag));
    }
    sawImage = sawImage || isWebpImage(fourCc);
    pos = end;
  }
  if (!sawImage) return std::nullopt;
  putLittleEndian32(out, 4, static_cast<std::uint32_t>(out.size() - 8));
  return out;
}

std::optional<std::string> stripByType(PhotoType type, std::string_view bytes) {
  switch (type) {
    case PhotoType::Jpeg: return stripJpeg(bytes);
    case PhotoType::Png: return stripPng(bytes);
    case PhotoType::Webp: return stripWebp(bytes);
  }
  return std::nullopt;
}

}  // namespace

std::variant<StrippedPhoto, ErrorCode> stripPhotoMetadata(std::string_view bytes, const ValidationSettings& settings) {
  const auto checked = checkPhoto(bytes, settings);
  if (const auto* error = std::get_if<ErrorCode>(&checked)) return *error;
  const PhotoType type = std::get<PhotoType>(checked);
  auto stripped = stripByType(type, bytes);
  if (!stripped) return ErrorCode::PhotoDamaged;
  return StrippedPhoto{type, std::move(*stripped)};
}

}  // namespace bhabin::report
