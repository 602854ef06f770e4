// Internal to wire: one field-by-field description of each record (`describe(io, record)`) drives four
// adapters over cereal archives — JSON out/in for the wire, portable binary out/in for local storage — so the
// formats cannot drift apart. Readers bound every string and list and throw FieldError naming the field;
// decodeGuarded is the one place those exceptions (and cereal's and rapidjson's) become a ParseError.
#pragma once

// cereal's JSON header first: it configures rapidjson for every later include.
#include <cereal/archives/json.hpp>
#include <cereal/archives/portable_binary.hpp>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <sstream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "core/text/utf8.h"
#include "core/wire/flat_json.h"
#include "core/wire/format_version.h"
#include "core/wire/json_limits.h"

namespace bhabin::wire::detail {

inline constexpr std::size_t kMaxTextBytes = 64 * 1024;  // any one string field
inline constexpr std::size_t kMaxListItems = 100000;     // any one list (timeline events, queued changes)
inline constexpr std::size_t kMaxBinaryBytes = 64 << 20;  // a whole stored binary document

struct FieldError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

template <class E, std::size_t N>
std::size_t indexOf(const E (&all)[N], E value) {
  for (std::size_t i = 0; i < N; ++i) {
    if (all[i] == value) return i;
  }
  return 0;
}

class JsonWriter {
 public:
  explicit JsonWriter(cereal::JSONOutputArchive& archive) : ar_(archive) {}

  // The format version of the document: a reader learns it from the document, a writer writes the current one.
  std::uint32_t version = kFormatVersion;

  void text(const char* name, const std::string& value) { ar_(cereal::make_nvp(name, value)); }
  void integer(const char* name, const std::int64_t& value) { ar_(cereal::make_nvp(name, value)); }
  void count(const char* name, const std::uint32_t& value) { ar_(cereal::make_nvp(name, value)); }
  void real(const char* name, const double& value) { ar_(cereal::make_nvp(name, value)); }
  void boolean(const char* name, const bool& value) { ar_(cereal::make_nvp(name, value)); }
  template <class E, std::size_t N>
  void enumeration(const char* name, const E& value, const E (&)[N], std::string_view (*codeOf)(E)) {
    ar_(cereal::make_nvp(name, std::string(codeOf(value))));
  }
  template <class T>
  void object(const char* name, T& value) {
    ar_.setNextName(name);
    ar_.startNode();
    describe(*this, value);
    ar_.finishNode();
  }
  template <class T>
  void list(const char* name, std::vector<T>& items) {
    ar_.setNextName(name);
    ar_.startNode();
    ar_.makeArray();
    for (T& item : items) {
      ar_.startNode();
      describe(*this, item);
      ar_.finishNode();
    }
    ar_.finishNode();
  }
  template <class E, std::size_t N>
  void enumList(const char* name, std::vector<E>& items, const E (&)[N], std::string_view (*codeOf)(E)) {
    ar_.setNextName(name);
    ar_.startNode();
    ar_.makeArray();
    for (E item : items) ar_(std::string(codeOf(item)));
    ar_.finishNode();
  }

 private:
  cereal::JSONOutputArchive& ar_;
};

class JsonReader {
 public:
  explicit JsonReader(cereal::JSONInputArchive& archive) : ar_(archive) {}

  // The format version of the document: a reader learns it from the document, a writer writes the current one.
  std::uint32_t version = kFormatVersion;

  void text(const char* name, std::string& value) {
    load(name, "a string", [&] { ar_(cereal::make_nvp(name, value)); });
    checkText(name, value);
  }
  void integer(const char* name, std::int64_t& value) {
    load(name, "an integer", [&] { ar_(cereal::make_nvp(name, value)); });
  }
  void count(const char* name, std::uint32_t& value) {
    load(name, "a non-negative integer", [&] { ar_(cereal::make_nvp(name, value)); });
  }
  void real(const char* name, double& value) {
    load(name, "a number", [&] { ar_(cereal::make_nvp(name, value)); });
    if (!std::isfinite(value)) fail(name, "is not a finite number");
  }
  void boolean(const char* name, bool& value) {
    load(name, "true or false", [&] { ar_(cereal::make_nvp(name, value)); });
  }
  template <class E, std::size_t N>
  void enumeration(const char* name, E& value, const E (&all)[N], std::string_view (*codeOf)(E)) {
    std::string code;
    text(name, code);
    value = fromCode(name, code, all, codeOf);
  }
  template <class T>
  void object(const char* name, T& value) {
    load(name, "an object", [&] {
      ar_.setNextName(name);
      ar_.startNode();
    });
    path_.push_back(name);
    describe(*this, value);
    path_.pop_back();
    ar_.finishNode();
  }
  template <class T>
  void list(const char* name, std::vector<T>& items) {
    const std::size_t size = startList(name);
    for (std::size_t i = 0; i < size; ++i) {
      const std::string itemName = std::string(name) + "[" + std::to_string(i) + "]";
      load(itemName.c_str(), "an object", [&] { ar_.startNode(); });
      path_.push_back(itemName);
      T item;
      describe(*this, item);
      items.push_back(std::move(item));
      path_.pop_back();
      ar_.finishNode();
    }
    ar_.finishNode();
  }
  template <class E, std::size_t N>
  void enumList(const char* name, std::vector<E>& items, const E (&all)[N], std::string_view (*codeOf)(E)) {
    const std::size_t size = startList(name);
    for (std::size_t i = 0; i < size; ++i) {
      const std::string itemName = std::string(name) + "[" + std::to_string(i) + "]";
      std::string code;
      load(itemName.c_str(), "a string", [&] { ar_(code); });
      items.push_back(fromCode(itemName.c_str(), code, all, codeOf));
    }
    ar_.finishNode();
  }

 private:
  [[noreturn]] void fail(const char* name, const std::string& problem) const {
    std::string where;
    for (const std::string& part : path_) where += part + ".";
    throw FieldError("\"" + where + name + "\" " + problem);
  }
  template <class Load>
  void load(const char* name, const char* expected, Load&& doLoad) {
    try {
      doLoad();
    } catch (const cereal::Exception&) {
      fail(name, std::string("is missing or not ") + expected);
    }
  }
  void checkText(const char* name, const std::string& value) const {
    if (value.size() > kMaxTextBytes) fail(name, "is too long");
  }
  std::size_t startList(const char* name) {
    cereal::size_type size = 0;
    load(name, "a list", [&] {
      ar_.setNextName(name);
      ar_.startNode();
      ar_.loadSize(size);
    });
    if (size > kMaxListItems) fail(name, "has too many items");
    return static_cast<std::size_t>(size);
  }
  template <class E, std::size_t N>
  E fromCode(const char* name, const std::string& code, const E (&all)[N], std::string_view (*codeOf)(E)) const {
    for (E value : all) {
      if (codeOf(value) == code) return value;
    }
    fail(name, "has the unknown value \"" + code + "\"");
  }

  cereal::JSONInputArchive& ar_;
  std::vector<std::string> path_;
};

class BinaryWriter {
 public:
  explicit BinaryWriter(cereal::PortableBinaryOutputArchive& archive) : ar_(archive) {}

  // The format version of the document: a reader learns it from the document, a writer writes the current one.
  std::uint32_t version = kFormatVersion;

  void text(const char*, const std::string& value) {
    ar_(cereal::make_size_tag(static_cast<cereal::size_type>(value.size())));
    ar_(cereal::binary_data(value.data(), value.size()));
  }
  void integer(const char*, const std::int64_t& value) { ar_(value); }
  void count(const char*, const std::uint32_t& value) { ar_(value); }
  void real(const char*, const double& value) { ar_(value); }
  void boolean(const char*, const bool& value) { ar_(value); }
  template <class E, std::size_t N>
  void enumeration(const char*, const E& value, const E (&all)[N], std::string_view (*)(E)) {
    ar_(static_cast<std::uint8_t>(indexOf(all, value)));
  }
  template <class T>
  void object(const char*, T& value) {
    describe(*this, value);
  }
  template <class T>
  void list(const char*, std::vector<T>& items) {
    ar_(cereal::make_size_tag(static_cast<cereal::size_type>(items.size())));
    for (T& item : items) describe(*this, item);
  }
  template <class E, std::size_t N>
  void enumList(const char* name, std::vector<E>& items, const E (&all)[N], std::string_view (*codeOf)(E)) {
    ar_(cereal::make_size_tag(static_cast<cereal::size_type>(items.size())));
    for (E& item : items) enumeration(name, item, all, codeOf);
  }

 private:
  cereal::PortableBinaryOutputArchive& ar_;
};

class BinaryReader {
 public:
  explicit BinaryReader(cereal::PortableBinaryInputArchive& archive) : ar_(archive) {}

  // The format version of the document: a reader learns it from the document, a writer writes the current one.
  std::uint32_t version = kFormatVersion;

  void text(const char* name, std::string& value) {
    cereal::size_type size = 0;
    ar_(cereal::make_size_tag(size));
    // Checked before allocating: a hostile size must not reserve memory the input does not contain.
    if (size > kMaxTextBytes) fail(name, "is too long");
    value.resize(static_cast<std::size_t>(size));
    ar_(cereal::binary_data(value.data(), value.size()));
    if (!text::isValidUtf8(value) || value.find('\0') != std::string::npos) fail(name, "is not valid text");
  }
  void integer(const char*, std::int64_t& value) { ar_(value); }
  void count(const char*, std::uint32_t& value) { ar_(value); }
  void real(const char* name, double& value) {
    ar_(value);
    if (!std::isfinite(value)) fail(name, "is not a finite number");
  }
  void boolean(const char* name, bool& value) {
    std::uint8_t byte = 0;  // read as a byte: any value but 0 or 1 in a bool would be undefined behaviour
    ar_(byte);
    if (byte > 1) fail(name, "is not true or false");
    value = byte == 1;
  }
  template <class E, std::size_t N>
  void enumeration(const char* name, E& value, const E (&all)[N], std::string_view (*)(E)) {
    std::uint8_t index = 0;
    ar_(index);
    if (index >= N) fail(name, "has an unknown value");
    value = all[index];
  }
  template <class T>
  void object(const char*, T& value) {
    describe(*this, value);
  }
  template <class T>
  void list(const char* name, std::vector<T>& items) {
    const std::size_t size = listSize(name);
    for (std::size_t i = 0; i < size; ++i) {  // grows as items really arrive, never sized up front
      T item;
      describe(*this, item);
      items.push_back(std::move(item));
    }
  }
  template <class E, std::size_t N>
  void enumList(const char* name, std::vector<E>& items, const E (&all)[N], std::string_view (*codeOf)(E)) {
    const std::size_t size = listSize(name);
    for (std::size_t i = 0; i < size; ++i) {
      E item{};
      enumeration(name, item, all, codeOf);
      items.push_back(item);
    }
  }

 private:
  [[noreturn]] static void fail(const char* name, const std::string& problem) {
    throw FieldError("\"" + std::string(name) + "\" " + problem);
  }
  std::size_t listSize(const char* name) {
    cereal::size_type size = 0;
    ar_(cereal::make_size_tag(size));
    if (size > kMaxListItems) fail(name, "has too many items");
    return static_cast<std::size_t>(size);
  }

  cereal::PortableBinaryInputArchive& ar_;
};

// The decode boundary: runs `decode` (which returns std::variant<T, ParseError>) and turns any exception —
// a FieldError, cereal's, rapidjson's assertions, allocation failure — into a ParseError.
template <class T, class Decode>
std::variant<T, ParseError> decodeGuarded(Decode&& decode) {
  try {
    return decode();
  } catch (const std::exception& error) {
    return ParseError{error.what()};
  }
}

template <class Io>
void readVersion(Io& io) {
  std::uint32_t version = 0;
  io.count("formatVersion", version);
  if (version == 0 || version > kFormatVersion) {
    throw FieldError("format version " + std::to_string(version) + " is not one this app reads (1.." +
                     std::to_string(kFormatVersion) + "); a newer app wrote it");
  }
  io.version = version;
}

// cereal always pretty-prints; a raw line break can only be layout (inside strings it is escaped as \n),
// so dropping them gives the compact form that is stored and sent.
inline std::string compactJson(std::string json) {
  json.erase(std::remove(json.begin(), json.end(), '\n'), json.end());
  return json;
}

// A record as one JSON object: {"formatVersion": N, <the record's fields>}.
template <class Record>
std::string toJson(Record record) {
  std::ostringstream out;
  {
    cereal::JSONOutputArchive archive(out, cereal::JSONOutputArchive::Options::NoIndent());
    JsonWriter io(archive);
    const std::uint32_t version = kFormatVersion;
    io.count("formatVersion", version);
    describe(io, record);
  }  // the archive writes the closing brace when it goes out of scope
  return compactJson(out.str());
}

template <class Record>
std::variant<Record, ParseError> fromJson(std::string_view json, const JsonLimits& limits = {}) {
  if (auto error = checkJsonLimits(json, limits)) return *error;
  return decodeGuarded<Record>([&]() -> std::variant<Record, ParseError> {
    std::istringstream in{std::string(json)};
    cereal::JSONInputArchive archive(in);
    JsonReader io(archive);
    readVersion(io);
    Record record;
    describe(io, record);
    return record;
  });
}

// A record in portable binary: magic, format version, the record's fields in order.
template <class Record>
std::string toBinary(std::uint32_t magic, Record record) {
  std::ostringstream out;
  {
    cereal::PortableBinaryOutputArchive archive(out);
    BinaryWriter io(archive);
    const std::uint32_t version = kFormatVersion;
    io.count("magic", magic);
    io.count("formatVersion", version);
    describe(io, record);
  }
  return out.str();
}

template <class Record>
std::variant<Record, ParseError> fromBinary(std::uint32_t magic, std::string_view bytes) {
  if (bytes.size() > kMaxBinaryBytes) {
    return ParseError{"document larger than " + std::to_string(kMaxBinaryBytes) + " bytes"};
  }
  return decodeGuarded<Record>([&]() -> std::variant<Record, ParseError> {
    std::istringstream in{std::string(bytes)};
    cereal::PortableBinaryInputArchive archive(in);
    BinaryReader io(archive);
    std::uint32_t foundMagic = 0;
    io.count("magic", foundMagic);
    if (foundMagic != magic) return ParseError{"not the expected kind of document (wrong magic number)"};
    readVersion(io);
    Record record;
    describe(io, record);
    if (in.peek() != std::char_traits<char>::eof()) return ParseError{"unexpected bytes after the document"};
    return record;
  });
}

}  // namespace bhabin::wire::detail
