#include "core/wire/roster_admin_answers.h"

// cereal's JSON header first (through answer_fields.h): it configures rapidjson (assertions throw), and every
// translation unit must see rapidjson configured the same way.
#include "core/wire/answer_fields.h"

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <stdexcept>

#include "core/wire/json_limits.h"

namespace bhabin::wire {

namespace {

// A roster holds a regency's few hundred officers and villages; an import's problems at most a file's lines.
constexpr JsonLimits kRosterAdminLimits{8 << 20, 8, 64 * 1024};

using namespace fields;
using Writer = rapidjson::Writer<rapidjson::StringBuffer>;

ManagedOfficerView officerOf(const Value& object) {
  return {text(object, "nrp"),         text(object, "name"),        textOrEmpty(object, "phone"),
          boolean(object, "active"),   text(object, "regencyCode"), boolean(object, "onDuty"),
          integer(object, "openReports"), texts(object, "villages")};
}

template <typename Read>
auto decodeAnswer(std::string_view json, Read read) {
  return fields::decodeAnswer(json, kRosterAdminLimits, read);
}

void writeText(Writer& out, const char* key, std::string_view value) {
  out.Key(key);
  out.String(value.data(), static_cast<rapidjson::SizeType>(value.size()));
}

void writeTexts(Writer& out, const char* key, const std::vector<std::string>& values) {
  out.Key(key);
  out.StartArray();
  for (const std::string& value : values) out.String(value.data(), static_cast<rapidjson::SizeType>(value.size()));
  out.EndArray();
}

}  // namespace

std::variant<AreaRosterView, ParseError> decodeAreaRoster(std::string_view json) {
  return decodeAnswer(json, [](const Value& root) {
    AreaRosterView view;
    view.areaCode = text(root, "areaCode");
    for (const Value& officer : array(root, "officers").GetArray()) view.officers.push_back(officerOf(officer));
    for (const Value& village : array(root, "villages").GetArray()) {
      view.villages.push_back({text(village, "code"), text(village, "name"), optionalText(village, "officer"), boolean(village, "covered")});
    }
    view.uncovered = texts(root, "uncovered");
    return view;
  });
}

std::variant<OfficerChangeView, ParseError> decodeOfficerChange(std::string_view json) {
  return decodeAnswer(json, [](const Value& root) {
    OfficerChangeView change;
    change.officer = officerOf(member(root, "officer"));
    change.oneTimePassword = optionalText(root, "oneTimePassword");
    change.releasedVillages = texts(root, "releasedVillages");
    for (const Value& taken : array(root, "takenFrom").GetArray()) change.takenFrom.push_back({text(taken, "village"), text(taken, "officer")});
    return change;
  });
}

std::variant<ImportResultView, ParseError> decodeImportResult(std::string_view json) {
  return decodeAnswer(json, [](const Value& root) {
    ImportResultView result;
    result.dryRun = boolean(root, "dryRun");
    result.created = integer(root, "created");
    result.updated = integer(root, "updated");
    result.unchanged = integer(root, "unchanged");
    for (const Value& problem : array(root, "problems").GetArray()) {
      result.problems.push_back({integer(problem, "line"), text(problem, "field"), text(problem, "message")});
    }
    result.notes = texts(root, "notes");
    for (const Value& initial : array(root, "initialPasswords").GetArray()) {
      result.initialPasswords.push_back({text(initial, "nrp"), text(initial, "password")});
    }
    return result;
  });
}

std::string encodeNewOfficerRequest(const NewOfficerForm& form) {
  rapidjson::StringBuffer buffer;
  Writer out(buffer);
  out.StartObject();
  writeText(out, "nrp", form.nrp);
  writeText(out, "name", form.name);
  writeText(out, "phone", form.phone);
  writeTexts(out, "villages", form.villages);
  out.Key("takeOver");
  out.Bool(form.takeOver);
  out.EndObject();
  return std::string(buffer.GetString(), buffer.GetSize());
}

std::string encodeVillagesRequest(const std::vector<std::string>& villages, bool takeOver) {
  rapidjson::StringBuffer buffer;
  Writer out(buffer);
  out.StartObject();
  writeTexts(out, "villages", villages);
  out.Key("takeOver");
  out.Bool(takeOver);
  out.EndObject();
  return std::string(buffer.GetString(), buffer.GetSize());
}

}  // namespace bhabin::wire
