// Builds the API's JSON answers without an intermediate document: a thin layer over rapidjson's writer.
#pragma once

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <cstdint>
#include <string>
#include <string_view>

namespace bhabin::server::json {

class JsonWriter {
 public:
  JsonWriter() : writer_(buffer_) {}

  JsonWriter& beginObject() { return check(writer_.StartObject()); }
  JsonWriter& endObject() { return check(writer_.EndObject()); }
  JsonWriter& beginArray() { return check(writer_.StartArray()); }
  JsonWriter& endArray() { return check(writer_.EndArray()); }
  JsonWriter& key(std::string_view name) {
    return check(writer_.Key(name.data(), static_cast<rapidjson::SizeType>(name.size())));
  }
  JsonWriter& value(std::string_view text) {
    return check(writer_.String(text.data(), static_cast<rapidjson::SizeType>(text.size())));
  }
  JsonWriter& value(const char* text) { return value(std::string_view(text)); }
  JsonWriter& value(const std::string& text) { return value(std::string_view(text)); }
  JsonWriter& value(std::int64_t number) { return check(writer_.Int64(number)); }
  JsonWriter& value(int number) { return check(writer_.Int(number)); }
  JsonWriter& value(std::size_t number) { return check(writer_.Uint64(number)); }
  JsonWriter& value(double number) { return check(writer_.Double(number)); }
  JsonWriter& value(bool flag) { return check(writer_.Bool(flag)); }
  JsonWriter& null() { return check(writer_.Null()); }
  template <class T>
  JsonWriter& member(std::string_view name, const T& v) {
    key(name);
    return value(v);
  }
  // Splices JSON that another encoder (the core's codecs) already produced.
  JsonWriter& raw(std::string_view json) {
    return check(writer_.RawValue(json.data(), json.size(), rapidjson::kObjectType));
  }

  std::string str() const { return std::string(buffer_.GetString(), buffer_.GetSize()); }

 private:
  JsonWriter& check(bool ok);

  rapidjson::StringBuffer buffer_;
  rapidjson::Writer<rapidjson::StringBuffer> writer_;
};

}  // namespace bhabin::server::json
