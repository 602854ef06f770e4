#include "core/wire/api_requests.h"

// cereal's JSON header first: it configures rapidjson (assertions throw), and every translation unit must see
// rapidjson configured the same way.
#include <cereal/archives/json.hpp>
#include <rapidjson/document.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include "core/report/category.h"
#include "core/report/status.h"
#include "core/wire/json_limits.h"

namespace bhabin::wire {

namespace {

using Writer = rapidjson::Writer<rapidjson::StringBuffer>;

void writeTextValue(Writer& out, std::string_view value) {
  out.String(value.data(), static_cast<rapidjson::SizeType>(value.size()));
}

void writeText(Writer& out, const char* key, std::string_view value) {
  out.Key(key);
  writeTextValue(out, value);
}

template <typename Fill>
std::string object(Fill fill) {
  rapidjson::StringBuffer buffer;
  Writer out(buffer);
  out.StartObject();
  fill(out);
  out.EndObject();
  return std::string(buffer.GetString(), buffer.GetSize());
}

void writeReporter(Writer& out, const report::Reporter& reporter) {
  out.Key("anonymous");
  out.Bool(reporter.anonymous);
  writeText(out, "reporterName", reporter.name);
  writeText(out, "reporterPhone", reporter.phoneE164);
}

}  // namespace

std::string encodeCreateReportRequest(const report::ReportDetails& details) {
  return object([&](Writer& out) {
    writeText(out, "trackingCode", details.trackingCode);
    writeText(out, "category", report::categoryCode(details.category));
    writeText(out, "title", details.title);
    writeText(out, "description", details.description);
    out.Key("incidentAtUnixMs");
    out.Int64(details.incidentAtUnixMs);
    out.Key("latDeg");
    out.Double(details.position.latDeg);
    out.Key("lonDeg");
    out.Double(details.position.lonDeg);
    writeText(out, "villageCode", details.villageCode);
    writeText(out, "photoRef", details.photoRef);
    writeReporter(out, details.reporter);
  });
}

std::string encodeJoinRequest(const report::Reporter& reporter) {
  return object([&](Writer& out) { writeReporter(out, reporter); });
}

std::string encodeMoveRequest(report::Action action, std::string_view note, std::string_view handOverToNrp) {
  return object([&](Writer& out) {
    writeText(out, "action", report::actionCode(action));
    writeText(out, "note", note);
    if (!handOverToNrp.empty()) writeText(out, "handOverToNrp", handOverToNrp);
  });
}

std::string encodeConfirmRequest(std::uint32_t rating) {
  return object([&](Writer& out) {
    if (rating == 0) return;
    out.Key("rating");
    out.Uint(rating);
  });
}

std::string encodeReopenRequest(std::string_view reason) {
  return object([&](Writer& out) { writeText(out, "reason", reason); });
}

std::string encodeLoginRequest(std::string_view nrp, std::string_view password) {
  return object([&](Writer& out) {
    writeText(out, "nrp", nrp);
    writeText(out, "password", password);
  });
}

std::string encodeDutyRequest(bool onDuty) {
  return object([&](Writer& out) {
    out.Key("onDuty");
    out.Bool(onDuty);
  });
}

std::string encodePositionRequest(const geo::LatLon& position) {
  return object([&](Writer& out) {
    out.Key("latDeg");
    out.Double(position.latDeg);
    out.Key("lonDeg");
    out.Double(position.lonDeg);
  });
}

std::string encodeVisitRequest(const domain::SambangVisit& visit) {
  return object([&](Writer& out) {
    writeText(out, "place", visit.place);
    writeText(out, "notes", visit.notes);
    out.Key("visitedAtUnixMs");
    out.Int64(visit.visitedAtUnixMs);
    out.Key("latDeg");
    out.Double(visit.position.latDeg);
    out.Key("lonDeg");
    out.Double(visit.position.lonDeg);
    out.Key("topics");
    out.StartArray();
    for (domain::VisitTopic topic : visit.topics) writeTextValue(out, domain::topicCode(topic));
    out.EndArray();
  });
}

std::string encodeTrackedReports(const std::vector<TrackedReport>& reports) {
  return object([&](Writer& out) {
    out.Key("reports");
    out.StartArray();
    for (const TrackedReport& tracked : reports) {
      out.StartObject();
      writeText(out, "trackingCode", tracked.trackingCode);
      writeText(out, "secret", tracked.secret);
      writeText(out, "title", tracked.title);
      out.Key("createdAtUnixMs");
      out.Int64(tracked.createdAtUnixMs);
      out.EndObject();
    }
    out.EndArray();
  });
}

std::variant<std::vector<TrackedReport>, ParseError> decodeTrackedReports(std::string_view json) {
  if (auto error = checkJsonLimits(json)) return *error;
  rapidjson::Document document;
  document.Parse(json.data(), json.size());
  const auto list = document.IsObject() ? document.FindMember("reports") : rapidjson::Value::MemberIterator();
  if (document.HasParseError() || !document.IsObject() || list == document.MemberEnd() || !list->value.IsArray()) {
    return ParseError{"the device's list of reports is not {\"reports\":[…]}"};
  }
  std::vector<TrackedReport> reports;
  for (const auto& item : list->value.GetArray()) {
    const auto textOf = [&](const char* key) -> const rapidjson::Value* {
      const auto found = item.IsObject() ? item.FindMember(key) : rapidjson::Value::ConstMemberIterator();
      return item.IsObject() && found != item.MemberEnd() && found->value.IsString() ? &found->value : nullptr;
    };
    const auto* code = textOf("trackingCode");
    const auto* secret = textOf("secret");
    const auto* title = textOf("title");
    const auto created = item.IsObject() ? item.FindMember("createdAtUnixMs") : rapidjson::Value::ConstMemberIterator();
    if (!code || !secret || !title || created == item.MemberEnd() || !created->value.IsInt64()) {
      return ParseError{"report " + std::to_string(reports.size() + 1) + " of the device's list is incomplete"};
    }
    reports.push_back({code->GetString(), secret->GetString(), title->GetString(), created->value.GetInt64()});
  }
  return reports;
}

}  // namespace bhabin::wire
