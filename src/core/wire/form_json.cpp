#include "core/wire/form_json.h"

// cereal's JSON header first: it configures rapidjson (assertions throw), and every translation unit must see
// rapidjson configured the same way.
#include <cereal/archives/json.hpp>
#include <rapidjson/document.h>

#include <optional>
#include <string>

#include "core/wire/json_limits.h"
#include "core/wire/record_io.h"
#include "core/wire/report_fields.h"

namespace bhabin::wire {

namespace detail {

struct ErrorRecord {
  std::string field;
  std::string code;
  std::string message;
};

struct ErrorList {
  std::vector<ErrorRecord> errors;
};

template <class Io>
void describe(Io& io, ErrorRecord& error) {
  io.text("field", error.field);
  io.text("code", error.code);
  io.text("message", error.message);
}

template <class Io>
void describe(Io& io, ErrorList& list) {
  io.list("errors", list.errors);
}

}  // namespace detail

namespace {

namespace rj = RAPIDJSON_NAMESPACE;

// Reads optional members of one object; the first wrong type is kept as the error.
class FormReader {
 public:
  explicit FormReader(const rj::Value& object) : object_(object) {}

  void text(const char* name, std::string& out) {
    if (const rj::Value* value = find(name, &rj::Value::IsString, "a string")) {
      out.assign(value->GetString(), value->GetStringLength());
    }
  }
  void integer(const char* name, std::optional<std::int64_t>& out) {
    if (const rj::Value* value = find(name, &rj::Value::IsInt64, "an integer")) out = value->GetInt64();
  }
  void number(const char* name, std::optional<double>& out) {
    if (const rj::Value* value = find(name, &rj::Value::IsNumber, "a number")) out = value->GetDouble();
  }
  void boolean(const char* name, bool& out) {
    if (const rj::Value* value = find(name, &rj::Value::IsBool, "true or false")) out = value->GetBool();
  }
  void textList(const char* name, std::vector<std::string>& out) {
    const rj::Value* value = find(name, &rj::Value::IsArray, "a list of strings");
    if (!value) return;
    for (const rj::Value& item : value->GetArray()) {
      if (!item.IsString()) {
        fail(name, "a list of strings");
        return;
      }
      out.emplace_back(item.GetString(), item.GetStringLength());
    }
  }

  const std::optional<ParseError>& error() const { return error_; }

 private:
  const rj::Value* find(const char* name, bool (rj::Value::*is)() const, const char* expected) {
    const auto member = object_.FindMember(name);
    if (member == object_.MemberEnd() || member->value.IsNull()) return nullptr;
    if (!(member->value.*is)()) {
      fail(name, expected);
      return nullptr;
    }
    return &member->value;
  }
  void fail(const char* name, const char* expected) {
    if (!error_) error_ = ParseError{"\"" + std::string(name) + "\" must be " + expected};
  }

  const rj::Value& object_;
  std::optional<ParseError> error_;
};

template <class Form, class Read>
std::variant<Form, ParseError> decodeForm(std::string_view json, Read read) {
  if (auto error = checkJsonLimits(json)) return *error;
  try {
    rj::Document document;
    document.Parse<rj::kParseIterativeFlag | rj::kParseValidateEncodingFlag>(json.data(), json.size());
    if (document.HasParseError() || !document.IsObject()) return ParseError{"not a JSON object"};
    FormReader reader(document);
    Form form;
    read(reader, form);
    if (reader.error()) return *reader.error();
    return form;
  } catch (const std::exception& error) {  // rapidjson assertions (cereal makes them throw), allocation
    return ParseError{error.what()};
  }
}

}  // namespace

std::variant<report::ReportForm, ParseError> decodeReportForm(std::string_view json) {
  return decodeForm<report::ReportForm>(json, [](FormReader& in, report::ReportForm& form) {
    in.text("category", form.category);
    in.text("title", form.title);
    in.text("description", form.description);
    in.integer("incidentAtUnixMs", form.incidentAtUnixMs);
    in.number("latDeg", form.latDeg);
    in.number("lonDeg", form.lonDeg);
    in.text("villageCode", form.villageCode);
    in.text("photoRef", form.photoRef);
    in.boolean("anonymous", form.anonymous);
    in.text("reporterName", form.reporterName);
    in.text("reporterPhone", form.reporterPhone);
  });
}

std::variant<report::VisitForm, ParseError> decodeVisitForm(std::string_view json) {
  return decodeForm<report::VisitForm>(json, [](FormReader& in, report::VisitForm& form) {
    in.text("officerNrp", form.officerNrp);
    in.integer("visitedAtUnixMs", form.visitedAtUnixMs);
    in.number("latDeg", form.latDeg);
    in.number("lonDeg", form.lonDeg);
    in.text("place", form.place);
    in.textList("topics", form.topics);
    in.text("notes", form.notes);
  });
}

}  // namespace bhabin::wire

namespace bhabin::wire {

std::string encodeReportDetailsJson(const report::ReportDetails& details) { return detail::toJson(details); }

std::string encodeValidationErrorsJson(const std::vector<report::ValidationError>& errors, i18n::Language language) {
  detail::ErrorList list;
  for (const auto& error : errors) {
    list.errors.push_back({error.field, std::string(report::errorCodeName(error.code)),
                           std::string(error.message(language))});
  }
  return detail::toJson(std::move(list));
}

}  // namespace bhabin::wire
