#include "core/wire/roster_codec.h"

// record_io.h includes cereal's JSON header first: it configures rapidjson (assertions throw), identically in
// every file. It also brings FieldError and decodeGuarded, the one place exceptions become a ParseError.
#include "core/wire/record_io.h"

#include <rapidjson/document.h>
#include <rapidjson/error/en.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <array>
#include <limits>
#include <map>

#include "core/domain/officer.h"
#include "core/domain/region_code.h"

namespace bhabin::wire {

namespace {

namespace rj = RAPIDJSON_NAMESPACE;
using detail::FieldError;

// Root object → "officers" → one officer: three levels. Strings get a generous bound here; each column's
// own, tighter bound below names the column.
constexpr JsonLimits kRosterLimits{kMaxRosterBytes, 3, 4096};

constexpr std::int64_t kInt32Max = std::numeric_limits<std::int32_t>::max();

// The columns of each item, in order; they name the column in errors.
constexpr std::array<const char*, 7> kOfficerColumns = {"nrp", "name", "phone", "lat", "lon", "onDuty", "openReports"};
constexpr std::array<const char*, 8> kVillageColumns = {"code",     "name", "district", "regency",
                                                        "province", "lat",  "lon",      "officer"};

// ---- encoding ----

using Writer = rj::Writer<rj::StringBuffer>;

void writeText(Writer& out, const std::string& text) {
  out.String(text.data(), static_cast<rj::SizeType>(text.size()));
}

void writeRules(Writer& out, const MatchingRules& rules) {
  out.Key("rules");
  out.StartObject();
  out.Key("openReportsCap");
  out.Int(rules.openReportsCap);
  out.Key("nearestCount");
  out.Uint(rules.nearestCount);
  out.Key("maxDistanceKm");
  out.Double(rules.maxDistanceKm);
  out.EndObject();
}

void writeOfficer(Writer& out, const RosterOfficer& officer) {
  out.StartArray();
  writeText(out, officer.nrp);
  writeText(out, officer.name);
  writeText(out, officer.phoneE164);
  out.Double(officer.position.latDeg);
  out.Double(officer.position.lonDeg);
  out.Int(officer.onDuty ? 1 : 0);  // 0/1 rather than false/true: a few bytes less per officer
  out.Int(officer.openReports);
  out.EndArray();
}

void writeVillage(Writer& out, const RosterVillage& village) {
  out.StartArray();
  for (const std::string* text :
       {&village.code, &village.name, &village.district, &village.regency, &village.province}) {
    writeText(out, *text);
  }
  out.Double(village.center.latDeg);
  out.Double(village.center.lonDeg);
  out.Int(village.officer);
  out.EndArray();
}

// ---- decoding ----

[[noreturn]] void fail(const std::string& where, const std::string& problem) {
  throw FieldError("\"" + where + "\" " + problem);
}

std::string range(std::int64_t min, std::int64_t max) { return std::to_string(min) + ".." + std::to_string(max); }

const rj::Value& member(const rj::Value& object, const char* name, const std::string& where) {
  const auto found = object.FindMember(name);
  if (found == object.MemberEnd()) fail(where, "is missing");
  return found->value;
}

bool isIntegerIn(const rj::Value& value, std::int64_t min, std::int64_t max) {
  return value.IsInt64() && value.GetInt64() >= min && value.GetInt64() <= max;
}

// The member `name` of `object`, an integer in min..max; `where` names it in errors.
std::int64_t integerMember(const rj::Value& object, const char* name, const std::string& where, std::int64_t min,
                           std::int64_t max) {
  const rj::Value& value = member(object, name, where);
  if (!isIntegerIn(value, min, max)) fail(where, "is not an integer in " + range(min, max));
  return value.GetInt64();
}

const rj::Value& list(const rj::Value& root, const char* name) {
  const rj::Value& value = member(root, name, name);
  if (!value.IsArray()) fail(name, "is not a list");
  if (value.Size() > kMaxRosterItems) fail(name, "has more than " + std::to_string(kMaxRosterItems) + " items");
  return value;
}

// One item of "officers" or "villages": an array holding exactly `columns`, read by column number. Errors
// name the item, the column and its meaning: "officers[3][1]" (name) is longer than 512 bytes.
template <std::size_t N>
class Item {
 public:
  Item(const rj::Value& value, std::string where, const std::array<const char*, N>& columns)
      : where_(std::move(where)), columns_(columns), value_(value) {
    if (!value.IsArray() || value.Size() != N)
      fail(where_, "is not a list of " + std::to_string(N) + " items " + layout());
  }

  std::string text(std::size_t column) const {
    const rj::Value& value = at(column);
    if (!value.IsString()) failAt(column, "is not a string");
    if (value.GetStringLength() > kMaxRosterTextBytes) {
      failAt(column, "is longer than " + std::to_string(kMaxRosterTextBytes) + " bytes");
    }
    return std::string(value.GetString(), value.GetStringLength());
  }
  std::int64_t integer(std::size_t column, std::int64_t min, std::int64_t max) const {
    const rj::Value& value = at(column);
    if (!isIntegerIn(value, min, max)) failAt(column, "is not an integer in " + range(min, max));
    return value.GetInt64();
  }
  // Two columns, latitude then longitude, each in range (JSON itself cannot carry NaN or Infinity).
  geo::LatLon position(std::size_t latColumn) const { return {number(latColumn, 90.0), number(latColumn + 1, 180.0)}; }
  [[noreturn]] void failAt(std::size_t column, const std::string& problem) const {
    throw FieldError("\"" + where_ + "[" + std::to_string(column) + "]\" (" + columns_[column] + ") " + problem);
  }

 private:
  const rj::Value& at(std::size_t column) const { return value_[static_cast<rj::SizeType>(column)]; }
  double number(std::size_t column, double limit) const {
    const rj::Value& value = at(column);
    if (!value.IsNumber()) failAt(column, "is not a number");
    const double degrees = value.GetDouble();
    if (!(degrees >= -limit && degrees <= limit)) {
      const auto bound = static_cast<std::int64_t>(limit);
      failAt(column, "is outside " + range(-bound, bound));
    }
    return degrees;
  }
  std::string layout() const {
    std::string names = "[";
    for (std::size_t i = 0; i < N; ++i) names += std::string(i ? ", " : "") + columns_[i];
    return names + "]";
  }

  std::string where_;
  const std::array<const char*, N>& columns_;
  const rj::Value& value_;
};

std::string itemName(const char* list, rj::SizeType index) {
  return std::string(list) + "[" + std::to_string(index) + "]";
}

// A key seen before in the same list: names its first item, so the repeat can be found in the file.
template <std::size_t N>
void checkUnique(std::map<std::string, rj::SizeType>& seen, const std::string& key, const char* list,
                 rj::SizeType index, const Item<N>& item) {
  const auto [first, inserted] = seen.emplace(key, index);
  if (!inserted) item.failAt(0, "repeats " + itemName(list, first->second));
}

void readFormat(const rj::Value& root) {
  const rj::Value& format = member(root, "format", "format");
  if (!format.IsInt64() || format.GetInt64() < 1) fail("format", "is not a format number (1 or more)");
  if (format.GetInt64() > kRosterFormat) {
    fail("format", std::to_string(format.GetInt64()) + " is newer than this app reads (" + range(1, kRosterFormat) +
                       "): reload the app to update it");
  }
}

MatchingRules readRules(const rj::Value& root) {
  const rj::Value& rules = member(root, "rules", "rules");
  if (!rules.IsObject()) fail("rules", "is not an object");
  MatchingRules read;
  read.openReportsCap =
      static_cast<std::int32_t>(integerMember(rules, "openReportsCap", "rules.openReportsCap", 0, kInt32Max));
  read.nearestCount =
      static_cast<std::uint32_t>(integerMember(rules, "nearestCount", "rules.nearestCount", 0, kMaxRosterNearestCount));
  const rj::Value& distance = member(rules, "maxDistanceKm", "rules.maxDistanceKm");
  if (!distance.IsNumber() || !(distance.GetDouble() > 0.0)) fail("rules.maxDistanceKm", "is not a positive number");
  read.maxDistanceKm = distance.GetDouble();
  return read;
}

std::vector<RosterOfficer> readOfficers(const rj::Value& root) {
  const rj::Value& items = list(root, "officers");
  std::vector<RosterOfficer> officers;
  officers.reserve(items.Size());  // bounded by kMaxRosterItems and by items the document really holds
  std::map<std::string, rj::SizeType> seen;
  for (rj::SizeType i = 0; i < items.Size(); ++i) {
    const Item item(items[i], itemName("officers", i), kOfficerColumns);
    RosterOfficer officer;
    officer.nrp = item.text(0);
    if (!domain::isValidNrp(officer.nrp)) item.failAt(0, "is not an NRP of 8 digits");
    checkUnique(seen, officer.nrp, "officers", i, item);
    officer.name = item.text(1);
    officer.phoneE164 = item.text(2);
    officer.position = item.position(3);
    officer.onDuty = item.integer(5, 0, 1) == 1;
    // The index keeps INT32_MAX for "no load below here", so a load stops one short of it.
    officer.openReports = static_cast<std::int32_t>(item.integer(6, 0, kInt32Max - 1));
    officers.push_back(std::move(officer));
  }
  return officers;
}

std::vector<RosterVillage> readVillages(const rj::Value& root, std::size_t officerCount) {
  const rj::Value& items = list(root, "villages");
  std::vector<RosterVillage> villages;
  villages.reserve(items.Size());
  std::map<std::string, rj::SizeType> seen;
  for (rj::SizeType i = 0; i < items.Size(); ++i) {
    const Item item(items[i], itemName("villages", i), kVillageColumns);
    RosterVillage village;
    village.code = item.text(0);
    if (!domain::isVillageCode(village.code)) item.failAt(0, "is not a village code such as 33.29.01.2001");
    checkUnique(seen, village.code, "villages", i, item);
    village.name = item.text(1);
    village.district = item.text(2);
    village.regency = item.text(3);
    village.province = item.text(4);
    village.center = item.position(5);
    village.officer = static_cast<std::int32_t>(item.integer(7, -1, static_cast<std::int64_t>(officerCount) - 1));
    villages.push_back(std::move(village));
  }
  return villages;
}

std::variant<RosterSnapshot, ParseError> readSnapshot(std::string_view json) {
  rj::Document doc;
  // Explicit flags: no NaN/Infinity, strict UTF-8, and the iterative parser (the limits were checked already,
  // but the same flags as every other reader keep the two passes in agreement).
  doc.Parse<rj::kParseIterativeFlag | rj::kParseValidateEncodingFlag>(json.data(), json.size());
  if (doc.HasParseError()) {
    return ParseError{std::string(rj::GetParseError_En(doc.GetParseError())) + " at byte " +
                      std::to_string(doc.GetErrorOffset())};
  }
  readFormat(doc);
  RosterSnapshot snapshot;
  snapshot.version = integerMember(doc, "version", "version", 0, std::numeric_limits<std::int64_t>::max());
  snapshot.rules = readRules(doc);
  snapshot.officers = readOfficers(doc);
  snapshot.villages = readVillages(doc, snapshot.officers.size());
  return snapshot;
}

}  // namespace

std::string encodeRosterJson(const RosterSnapshot& snapshot) {
  rj::StringBuffer buffer;
  Writer out(buffer);
  out.StartObject();
  out.Key("format");
  out.Int64(kRosterFormat);
  out.Key("version");
  out.Int64(snapshot.version);
  writeRules(out, snapshot.rules);
  out.Key("officers");
  out.StartArray();
  for (const RosterOfficer& officer : snapshot.officers) writeOfficer(out, officer);
  out.EndArray();
  out.Key("villages");
  out.StartArray();
  for (const RosterVillage& village : snapshot.villages) writeVillage(out, village);
  out.EndArray();
  out.EndObject();
  return std::string(buffer.GetString(), buffer.GetSize());
}

std::variant<RosterSnapshot, ParseError> parseRosterJson(std::string_view json) {
  if (auto error = checkJsonLimits(json, kRosterLimits)) return *error;
  return detail::decodeGuarded<RosterSnapshot>([&] { return readSnapshot(json); });
}

}  // namespace bhabin::wire
