#include "core/wire/api_answers.h"

// cereal's JSON header first (through answer_fields.h): it configures rapidjson (assertions throw), and every
// translation unit must see rapidjson configured the same way.
#include "core/wire/answer_fields.h"

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <cmath>
#include <stdexcept>

#include "core/report/category.h"
#include "core/wire/json_limits.h"
#include "core/wire/report_codec.h"
#include "core/wire/visit_codec.h"

namespace bhabin::wire {

namespace {

// Answers hold whole worklists; individual strings stay small.
constexpr JsonLimits kAnswerLimits{8 << 20, 12, 64 * 1024};

using namespace fields;

std::optional<OfficerCardView> officerCard(const Value& object, const char* name) {
  const Value* card = optionalMember(object, name);
  if (!card) return std::nullopt;
  return OfficerCardView{text(*card, "nrp"), text(*card, "name"), textOrEmpty(*card, "phone")};
}

std::string serialized(const Value& value) {
  rapidjson::StringBuffer buffer;
  rapidjson::Writer<rapidjson::StringBuffer> writer(buffer);
  value.Accept(writer);
  return std::string(buffer.GetString(), buffer.GetSize());
}

StaffReportView staffReport(const Value& object) {
  auto decoded = decodeReportJson(serialized(member(object, "report")));
  if (auto* error = std::get_if<ParseError>(&decoded)) throw Malformed("\"report\": " + error->message);
  std::vector<ReporterView> reporters;
  for (const Value& reporter : array(object, "reporters").GetArray()) {
    reporters.push_back({boolean(reporter, "anonymous"), textOrEmpty(reporter, "name"), textOrEmpty(reporter, "phone")});
  }
  std::vector<report::Action> moves;
  for (const Value& move : array(object, "allowedMoves").GetArray()) {
    const auto action = move.IsString() ? report::actionFromCode(move.GetString()) : std::nullopt;
    if (!action) throw Malformed("\"allowedMoves\" holds an unknown move");
    moves.push_back(*action);
  }
  std::vector<DeadlineView> deadlines;
  if (const Value* running = optionalMember(object, "deadlines")) {
    if (!running->IsArray()) throw Malformed("\"deadlines\" must be a list");
    for (const Value& deadline : running->GetArray()) {
      deadlines.push_back({codeOf<report::DeadlineKind>(deadline, "kind", report::deadlineFromCode),
                           integer(deadline, "dueAtUnixMs"), integer(deadline, "lateByMs"), boolean(deadline, "escalated")});
    }
  }
  return StaffReportView{std::get<report::Report>(std::move(decoded)), officerCard(object, "assignedOfficer"),
                         std::move(reporters), std::move(moves), std::move(deadlines)};
}

template <typename Read>
auto decodeAnswer(std::string_view json, Read read) {
  return fields::decodeAnswer(json, kAnswerLimits, read);
}

DuplicateView duplicateOf(const Value& other) {
  return {text(other, "trackingCode"), text(other, "title"), text(other, "status"), number(other, "distanceKm"),
          integer(other, "createdAtUnixMs")};
}

}  // namespace

std::variant<ApiErrorView, ParseError> decodeApiError(std::string_view json) {
  return decodeAnswer(json, [](const Value& root) {
    const Value& error = member(root, "error");
    ApiErrorView view{text(error, "code"), text(error, "message"), {}};
    if (const Value* fields = optionalMember(error, "fields"); fields && fields->IsArray()) {
      for (const Value& field : fields->GetArray()) {
        view.fields.push_back({text(field, "field"), text(field, "code"), text(field, "message")});
      }
    }
    return view;
  });
}

std::variant<CreationAnswer, ParseError> decodeCreationAnswer(std::string_view json) {
  return decodeAnswer(json, [](const Value& root) {
    CreationAnswer answer{text(root, "trackingCode"), text(root, "secret"), textOrEmpty(root, "assignmentReason"),
                          officerCard(root, "assignedOfficer"), {}};
    if (const Value* duplicates = optionalMember(root, "duplicates")) {
      if (!duplicates->IsArray()) throw Malformed("\"duplicates\" must be a list");
      for (const Value& other : duplicates->GetArray()) answer.duplicates.push_back(duplicateOf(other));
    }
    return answer;
  });
}

std::variant<std::vector<domain::SambangVisit>, ParseError> decodeVisitList(std::string_view json) {
  return decodeAnswer(json, [](const Value& root) {
    std::vector<domain::SambangVisit> visits;
    for (const Value& entry : array(root, "visits").GetArray()) {
      auto visit = decodeVisitJson(serialized(member(entry, "visit")));
      if (auto* error = std::get_if<ParseError>(&visit)) throw Malformed("\"visit\": " + error->message);
      visits.push_back(std::get<domain::SambangVisit>(std::move(visit)));
    }
    return visits;
  });
}

std::variant<std::string, ParseError> decodePhotoRef(std::string_view json) {
  return decodeAnswer(json, [](const Value& root) { return text(root, "photoRef"); });
}

std::variant<std::vector<DuplicateView>, ParseError> decodeOpenReportsNearby(std::string_view json) {
  return decodeAnswer(json, [](const Value& root) {
    std::vector<DuplicateView> reports;
    for (const Value& other : array(root, "reports").GetArray()) reports.push_back(duplicateOf(other));
    return reports;
  });
}

std::variant<PublicReportView, ParseError> decodePublicReport(std::string_view json) {
  return decodeAnswer(json, [](const Value& root) {
    PublicReportView view;
    view.trackingCode = text(root, "trackingCode");
    view.category = codeOf<report::Category>(root, "category", report::categoryFromCode);
    view.title = text(root, "title");
    view.description = text(root, "description");
    view.status = codeOf<report::Status>(root, "status", report::statusFromCode);
    view.incidentAtUnixMs = integer(root, "incidentAtUnixMs");
    const Value& position = member(root, "position");
    view.position = {number(position, "latDeg"), number(position, "lonDeg")};
    view.assignedOfficer = officerCard(root, "assignedOfficer");
    view.confirmBeforeUnixMs = optionalInteger(root, "confirmBeforeUnixMs");
    for (const Value& event : array(root, "timeline").GetArray()) {
      const std::int64_t rating = optionalInteger(event, "rating").value_or(0);
      if (rating < 0 || rating > 5) throw Malformed("\"rating\" must be 0 to 5");
      view.timeline.push_back({codeOf<report::Action>(event, "action", report::actionFromCode),
                               codeOf<report::Status>(event, "status", report::statusFromCode),
                               codeOf<report::Role>(event, "actorRole", report::roleFromCode), integer(event, "atUnixMs"),
                               textOrEmpty(event, "note"), static_cast<std::uint32_t>(rating)});
    }
    if (view.timeline.empty()) throw Malformed("\"timeline\" is empty");
    return view;
  });
}

std::variant<SessionView, ParseError> decodeSession(std::string_view json) {
  return decodeAnswer(json, [](const Value& root) {
    return SessionView{text(root, "nrp"), text(root, "name"), text(root, "role"), textOrEmpty(root, "areaCode")};
  });
}

std::variant<std::vector<StaffReportView>, ParseError> decodeWorklist(std::string_view json) {
  return decodeAnswer(json, [](const Value& root) {
    std::vector<StaffReportView> reports;
    for (const Value& item : array(root, "reports").GetArray()) reports.push_back(staffReport(item));
    return reports;
  });
}

std::variant<StaffReportView, ParseError> decodeStaffReport(std::string_view json) {
  return decodeAnswer(json, [](const Value& root) { return staffReport(root); });
}

std::variant<MoveAnswer, ParseError> decodeMoveAnswer(std::string_view json) {
  return decodeAnswer(json, [](const Value& root) {
    return MoveAnswer{text(root, "outcome"), textOrEmpty(root, "message"), staffReport(member(root, "report"))};
  });
}

std::variant<OfficerStatusView, ParseError> decodeOfficerStatus(std::string_view json) {
  return decodeAnswer(json, [](const Value& root) { return OfficerStatusView{boolean(root, "onDuty"), integer(root, "openReports")}; });
}

std::variant<std::vector<HandOverCandidate>, ParseError> decodeHandOverCandidates(std::string_view json) {
  return decodeAnswer(json, [](const Value& root) {
    std::vector<HandOverCandidate> candidates;
    for (const Value& item : array(root, "officers").GetArray()) {
      auto card = officerCard(item, "officer");
      if (!card) throw Malformed("\"officer\" is missing");
      candidates.push_back({std::move(*card), number(item, "distanceKm")});
    }
    return candidates;
  });
}

namespace {

domain::LocalDate dateOf(const Value& object, const char* name) {
  const auto date = domain::parseIsoDate(text(object, name));
  if (!date) throw Malformed(std::string("\"") + name + "\" must be a date as YYYY-MM-DD");
  return *date;
}

stats::DurationSummary durationsOf(const Value& object, const char* name) {
  const Value& summary = member(object, name);
  return {integer(summary, "count"), integer(summary, "medianMs"), integer(summary, "p90Ms")};
}

DashboardOfficerView dashboardOfficer(const Value& item) {
  DashboardOfficerView officer;
  officer.figures.nrp = text(item, "nrp");
  officer.figures.openNow = integer(item, "openNow");
  officer.figures.assignedInPeriod = integer(item, "assignedInPeriod");
  officer.figures.resolvedInPeriod = integer(item, "resolvedInPeriod");
  officer.figures.visitsInPeriod = integer(item, "visitsInPeriod");
  officer.figures.toReceive = durationsOf(item, "toReceive");
  officer.figures.confirmedInPeriod = integer(item, "confirmedInPeriod");
  officer.figures.reopenedByCitizensInPeriod = integer(item, "reopenedByCitizensInPeriod");
  officer.figures.ratingSum = integer(item, "ratingSum");
  officer.figures.ratingCount = integer(item, "ratingCount");
  officer.figures.escalatedInPeriod = integer(item, "escalatedInPeriod");
  officer.figures.dutyMsInPeriod = integer(item, "dutyMsInPeriod");
  officer.name = text(item, "name");
  officer.onDuty = boolean(item, "onDuty");
  return officer;
}

stats::OverdueReport overdueReport(const Value& item) {
  stats::OverdueReport late;
  late.trackingCode = text(item, "trackingCode");
  late.category = codeOf<report::Category>(item, "category", report::categoryFromCode);
  late.status = codeOf<report::Status>(item, "status", report::statusFromCode);
  late.assignedNrp = text(item, "assignedNrp");
  late.deadline.kind = codeOf<report::DeadlineKind>(item, "deadline", report::deadlineFromCode);
  late.deadline.dueAtUnixMs = integer(item, "dueAtUnixMs");
  late.deadline.lateByMs = integer(item, "lateByMs");
  late.deadline.escalated = boolean(item, "escalated");
  return late;
}

std::vector<geo::LatLon> pointsOf(const Value& object, const char* name) {
  const Value& points = member(object, name);
  const auto& lats = array(points, "latDeg").GetArray();
  const auto& lons = array(points, "lonDeg").GetArray();
  if (lats.Size() != lons.Size()) throw Malformed(std::string("\"") + name + "\" needs as many longitudes as latitudes");
  std::vector<geo::LatLon> positions;
  positions.reserve(lats.Size());
  for (rapidjson::SizeType i = 0; i < lats.Size(); ++i) {
    if (!lats[i].IsNumber() || !lons[i].IsNumber()) throw Malformed(std::string("\"") + name + "\" must hold numbers");
    positions.push_back({lats[i].GetDouble(), lons[i].GetDouble()});
  }
  return positions;
}

}  // namespace

std::variant<AreaDashboardView, ParseError> decodeAreaDashboard(std::string_view json) {
  return decodeAnswer(json, [](const Value& root) {
    AreaDashboardView view;
    view.areaCode = text(root, "areaCode");
    view.timeZone = text(root, "timeZone");
    view.from = dateOf(root, "from");
    view.to = dateOf(root, "to");
    view.submitted = integer(root, "submitted");
    view.escalatedInPeriod = integer(root, "escalatedInPeriod");
    for (const Value& count : array(root, "byStatusAndCategory").GetArray()) {
      view.byStatusAndCategory.push_back({codeOf<report::Status>(count, "status", report::statusFromCode),
                                          codeOf<report::Category>(count, "category", report::categoryFromCode),
                                          integer(count, "count")});
    }
    for (const Value& day : array(root, "days").GetArray()) {
      view.days.push_back({dateOf(day, "date"), integer(day, "submitted"), integer(day, "resolved")});
    }
    view.submittedToReceived = durationsOf(root, "submittedToReceived");
    view.submittedToResolved = durationsOf(root, "submittedToResolved");
    for (const Value& officer : array(root, "officers").GetArray()) view.officers.push_back(dashboardOfficer(officer));
    view.overdueTotal = integer(root, "overdueTotal");
    for (const Value& late : array(root, "overdue").GetArray()) view.overdue.push_back(overdueReport(late));
    view.reportPoints = pointsOf(root, "reportPoints");
    return view;
  });
}

}  // namespace bhabin::wire
