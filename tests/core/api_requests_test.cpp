// The bodies the browser app sends (core/wire/api_requests.h), read back the way the server reads them (the
// core's decodeReportForm, which Reports::create uses; flat string objects for the small bodies), and the
// device's list of reports it filed.
#include "core/wire/api_requests.h"

#include <gtest/gtest.h>

#include <cmath>
#include <string>

#include "core/report/report_validation.h"
#include "core/wire/form_json.h"
#include "core/wire/json_limits.h"
#include "report_fixtures.h"

namespace bhabin::wire {
namespace {

report::ReportForm formOf(const std::string& body) {
  auto decoded = decodeReportForm(body);
  if (const auto* error = std::get_if<ParseError>(&decoded)) ADD_FAILURE() << error->message << "\n" << body;
  return std::get<report::ReportForm>(decoded);
}

StringMap flatOf(const std::string& body) {
  auto decoded = parseFlatStringObject(body);
  if (const auto* error = std::get_if<ParseError>(&decoded)) ADD_FAILURE() << error->message << "\n" << body;
  return std::get<StringMap>(decoded);
}

// ---- POST /api/v1/reports ----

TEST(CreateReportRequest, TheServersFormDecoderReadsBackEveryField) {
  const report::ReportDetails details = testing::validDetails(1);
  const std::string body = encodeCreateReportRequest(details);
  EXPECT_FALSE(checkJsonLimits(body).has_value());
  const report::ReportForm form = formOf(body);
  EXPECT_EQ(form.category, "traffic_accident");
  EXPECT_EQ(form.title, details.title);
  EXPECT_EQ(form.description, details.description);
  ASSERT_TRUE(form.incidentAtUnixMs.has_value());
  EXPECT_EQ(*form.incidentAtUnixMs, details.incidentAtUnixMs);
  ASSERT_TRUE(form.latDeg.has_value());
  ASSERT_TRUE(form.lonDeg.has_value());
  EXPECT_DOUBLE_EQ(*form.latDeg, details.position.latDeg);
  EXPECT_DOUBLE_EQ(*form.lonDeg, details.position.lonDeg);
  EXPECT_EQ(form.villageCode, "33.29.01.2001");
  EXPECT_EQ(form.photoRef, "");
  EXPECT_FALSE(form.anonymous);
  EXPECT_EQ(form.reporterName, "Siti Aminah");
  EXPECT_EQ(form.reporterPhone, details.reporter.phoneE164);
  EXPECT_EQ(form.reporterPhone, "+6281234567890");
}

TEST(CreateReportRequest, CarriesTheDeviceMadeTrackingCodeAsTheServersTrackingCodeMember) {
  const report::ReportDetails details = testing::validDetails(3);
  const std::string body = encodeCreateReportRequest(details);
  EXPECT_EQ(body.rfind(R"({"trackingCode":")" + details.trackingCode + "\",", 0), 0u) << body;
  EXPECT_EQ(body.find("\"trackingCode\"", 2), std::string::npos) << "one trackingCode member only: " << body;
}

TEST(CreateReportRequest, TheDecodedFormValidatesToTheSameDetails) {
  report::ReportDetails details = testing::validDetails(2);
  details.category = report::Category::Disaster;
  details.photoRef = "ph_0123456789abcdefghijklmn";
  const report::ReportForm form = formOf(encodeCreateReportRequest(details));
  const auto validated = report::validateReportForm(form, testing::kNowUnixMs);
  ASSERT_TRUE(validated.ok()) << validated.errors.size() << " errors, first: " << validated.errors.front().field;
  const report::ReportDetails& back = *validated.value;
  EXPECT_EQ(back.category, report::Category::Disaster);
  EXPECT_EQ(back.title, details.title);
  EXPECT_EQ(back.description, details.description);
  EXPECT_EQ(back.incidentAtUnixMs, details.incidentAtUnixMs);
  EXPECT_DOUBLE_EQ(back.position.latDeg, details.position.latDeg);
  EXPECT_DOUBLE_EQ(back.position.lonDeg, details.position.lonDeg);
  EXPECT_EQ(back.villageCode, details.villageCode);
  EXPECT_EQ(back.photoRef, "ph_0123456789abcdefghijklmn");
  EXPECT_EQ(back.reporter.anonymous, details.reporter.anonymous);
  EXPECT_EQ(back.reporter.name, details.reporter.name);
  EXPECT_EQ(back.reporter.phoneE164, details.reporter.phoneE164);
}

TEST(CreateReportRequest, AnAnonymousReportSendsNoNameOrPhone) {
  report::ReportDetails details = testing::validDetails(1);
  details.reporter = report::Reporter{};
  const report::ReportForm form = formOf(encodeCreateReportRequest(details));
  EXPECT_TRUE(form.anonymous);
  EXPECT_EQ(form.reporterName, "");
  EXPECT_EQ(form.reporterPhone, "");
}

// ---- POST /api/v1/reports/CODE/reporters ("ikut melapor") ----

TEST(JoinRequest, TheServersReporterValidatorReadsBackTheJoiner) {
  const report::Reporter named{false, "Siti Aminah", "+6285712345678"};
  const auto validated = report::validateReporter(formOf(encodeJoinRequest(named)));
  ASSERT_TRUE(validated.ok());
  EXPECT_FALSE(validated.value->anonymous);
  EXPECT_EQ(validated.value->name, "Siti Aminah");
  EXPECT_EQ(validated.value->phoneE164, "+6285712345678");

  const auto anonymous = report::validateReporter(formOf(encodeJoinRequest(report::Reporter{})));
  ASSERT_TRUE(anonymous.ok());
  EXPECT_TRUE(anonymous.value->anonymous);
  EXPECT_EQ(anonymous.value->name, "");
}

TEST(CreateReportRequest, QuotesBackslashesLineBreaksAndNonAsciiTextSurviveTheTrip) {
  report::ReportDetails details = testing::validDetails(1);
  details.title = "Jalan \"rusak\" di RT 03\\04";
  details.description = "Baris satu\nBaris dua\tdengan tab — café ☕ 日本";
  details.reporter.name = "Ni Luh Putu Ayu Śrī";
  const report::ReportForm form = formOf(encodeCreateReportRequest(details));
  EXPECT_EQ(form.title, details.title);
  EXPECT_EQ(form.description, details.description);
  EXPECT_EQ(form.reporterName, details.reporter.name);
}

TEST(CreateReportRequest, CoordinatesAndTimesKeepTheirFullPrecisionAndSign) {
  report::ReportDetails details = testing::validDetails(1);
  details.position = {-8.123456789012, 115.98765432101};
  details.incidentAtUnixMs = 1798761599999;  // 2026-12-31T23:59:59.999Z
  const report::ReportForm form = formOf(encodeCreateReportRequest(details));
  EXPECT_DOUBLE_EQ(*form.latDeg, -8.123456789012);
  EXPECT_DOUBLE_EQ(*form.lonDeg, 115.98765432101);
  EXPECT_EQ(*form.incidentAtUnixMs, 1798761599999);
}

// ---- POST /api/v1/reports/CODE/moves ----

TEST(VisitRequest, TheServersVisitDecoderReadsBackEveryField) {
  const domain::SambangVisit visit{"85010001", 1795824900000, {-6.893588, 108.808072}, "Pos ronda \"RT 03\"",
                                   {domain::VisitTopic::Keamanan, domain::VisitTopic::Kesehatan}, "Warga minta\npatroli malam."};
  auto decoded = decodeVisitForm(encodeVisitRequest(visit));
  ASSERT_TRUE(std::holds_alternative<report::VisitForm>(decoded)) << std::get<ParseError>(decoded).message;
  const report::VisitForm& back = std::get<report::VisitForm>(decoded);
  EXPECT_EQ(back.officerNrp, "") << "not sent: the server takes the officer from the session";
  EXPECT_EQ(back.visitedAtUnixMs, std::optional<std::int64_t>(visit.visitedAtUnixMs));
  EXPECT_EQ(back.latDeg, std::optional<double>(visit.position.latDeg));
  EXPECT_EQ(back.lonDeg, std::optional<double>(visit.position.lonDeg));
  EXPECT_EQ(back.place, visit.place);
  EXPECT_EQ(back.topics, (std::vector<std::string>{"keamanan", "kesehatan"}));
  EXPECT_EQ(back.notes, visit.notes);
}

TEST(MoveRequest, IsAnObjectOfActionAndNote) {
  const std::string body = encodeMoveRequest(report::Action::Resolve, "Sudah ditangani", "");
  EXPECT_EQ(body, R"({"action":"resolve","note":"Sudah ditangani"})");
  const StringMap members = flatOf(body);
  EXPECT_EQ(members.size(), 2u);
  EXPECT_EQ(members.at("action"), "resolve");
  EXPECT_EQ(members.at("note"), "Sudah ditangani");
}

TEST(CitizenAnswerRequest, ConfirmCarriesTheRatingOnlyWhenGivenAndReopenItsReason) {
  EXPECT_EQ(encodeConfirmRequest(4), R"({"rating":4})");
  EXPECT_EQ(encodeConfirmRequest(0), "{}");
  const std::string reason = "Motor \"saya\"\nbelum kembali";
  EXPECT_EQ(flatOf(encodeReopenRequest(reason)).at("reason"), reason);
}

TEST(MoveRequest, AHandOverNamesTheNewOfficer) {
  const StringMap members = flatOf(encodeMoveRequest(report::Action::HandOver, "Di luar wilayah saya", "85010002"));
  EXPECT_EQ(members.at("action"), "hand_over");
  EXPECT_EQ(members.at("note"), "Di luar wilayah saya");
  EXPECT_EQ(members.at("handOverToNrp"), "85010002");
}

TEST(MoveRequest, EveryActionIsSentByItsStableCode) {
  for (report::Action action : report::kAllActions) {
    const StringMap members = flatOf(encodeMoveRequest(action, "", ""));
    EXPECT_EQ(members.at("action"), report::actionCode(action));
    EXPECT_EQ(members.at("note"), "");
    EXPECT_EQ(members.count("handOverToNrp"), 0u);
  }
}

TEST(MoveRequest, ANoteWithQuotesAndLineBreaksStaysValidJson) {
  const std::string note = "Pelaku \"kabur\"\nke arah timur \\ selatan";
  const std::string body = encodeMoveRequest(report::Action::Note, note, "");
  EXPECT_FALSE(checkJsonLimits(body).has_value());
  EXPECT_EQ(flatOf(body).at("note"), note);
}

// ---- POST /api/v1/session ----

TEST(LoginRequest, IsAnObjectOfNrpAndPassword) {
  const std::string body = encodeLoginRequest("85010001", "rahasia-sekali");
  EXPECT_EQ(body, R"({"nrp":"85010001","password":"rahasia-sekali"})");
  const StringMap members = flatOf(body);
  EXPECT_EQ(members.size(), 2u);
  EXPECT_EQ(members.at("nrp"), "85010001");
  EXPECT_EQ(members.at("password"), "rahasia-sekali");
}

TEST(LoginRequest, APasswordWithJsonSpecialCharactersIsEscaped) {
  const std::string password = "a\"b\\c/d\ne\x01" "f ké";
  const std::string body = encodeLoginRequest("85010001", password);
  EXPECT_FALSE(checkJsonLimits(body).has_value()) << body;
  EXPECT_EQ(flatOf(body).at("password"), password);
}

// ---- PUT /api/v1/officer/duty and /api/v1/officer/position ----

TEST(DutyRequest, IsAnObjectWithTheBooleanOnDuty) {
  EXPECT_EQ(encodeDutyRequest(true), R"({"onDuty":true})");
  EXPECT_EQ(encodeDutyRequest(false), R"({"onDuty":false})");
  EXPECT_FALSE(checkJsonLimits(encodeDutyRequest(true)).has_value());
}

TEST(PositionRequest, IsAnObjectOfLatDegAndLonDegAsNumbers) {
  const std::string body = encodePositionRequest({-6.87, 109.04});
  EXPECT_EQ(body, R"({"latDeg":-6.87,"lonDeg":109.04})");
  const report::ReportForm read = formOf(body);  // reads latDeg and lonDeg as numbers, as JsonBody::number does
  ASSERT_TRUE(read.latDeg && read.lonDeg);
  EXPECT_DOUBLE_EQ(*read.latDeg, -6.87);
  EXPECT_DOUBLE_EQ(*read.lonDeg, 109.04);
}

TEST(PositionRequest, WholeDegreesAreStillNumbers) {
  const report::ReportForm read = formOf(encodePositionRequest({-7.0, 110.0}));
  ASSERT_TRUE(read.latDeg && read.lonDeg);
  EXPECT_EQ(*read.latDeg, -7.0);
  EXPECT_EQ(*read.lonDeg, 110.0);
}

// ---- the device's list of reports it filed ----

std::vector<TrackedReport> twoTracked() {
  return {{testing::trackingCodeFor(2), "", "Banjir di \"Pasar\" Baru\nRT 03 — café", 1714532460000},
          {testing::trackingCodeFor(1), "0a1b2c3d-4e5f6071-8293a4b5", "Tabrakan di jalan pantura", 1714532400000}};
}

TEST(TrackedReports, RoundTripKeepsEveryFieldAndTheOrder) {
  const std::vector<TrackedReport> reports = twoTracked();
  auto decoded = decodeTrackedReports(encodeTrackedReports(reports));
  ASSERT_TRUE(std::holds_alternative<std::vector<TrackedReport>>(decoded)) << std::get<ParseError>(decoded).message;
  const auto& back = std::get<std::vector<TrackedReport>>(decoded);
  ASSERT_EQ(back.size(), 2u);
  for (std::size_t i = 0; i < 2; ++i) {
    EXPECT_EQ(back[i].trackingCode, reports[i].trackingCode);
    EXPECT_EQ(back[i].secret, reports[i].secret);
    EXPECT_EQ(back[i].title, reports[i].title);
    EXPECT_EQ(back[i].createdAtUnixMs, reports[i].createdAtUnixMs);
  }
}

TEST(TrackedReports, AnEmptyListRoundTrips) {
  EXPECT_EQ(encodeTrackedReports({}), R"({"reports":[]})");
  auto decoded = decodeTrackedReports(encodeTrackedReports({}));
  ASSERT_TRUE(std::holds_alternative<std::vector<TrackedReport>>(decoded));
  EXPECT_TRUE(std::get<std::vector<TrackedReport>>(decoded).empty());
}

TEST(TrackedReports, UnknownExtraMembersAreIgnored) {
  auto decoded = decodeTrackedReports(
      R"({"version":2,"reports":[{"trackingCode":"3329-AAAA","secret":"","title":"t","createdAtUnixMs":5,"photo":null}]})");
  ASSERT_TRUE(std::holds_alternative<std::vector<TrackedReport>>(decoded));
  ASSERT_EQ(std::get<std::vector<TrackedReport>>(decoded).size(), 1u);
  EXPECT_EQ(std::get<std::vector<TrackedReport>>(decoded)[0].createdAtUnixMs, 5);
}

TEST(TrackedReports, TextThatIsNotTheListShapeIsRefused) {
  for (const std::string bad : {"", "not json", "null", "[]", "{}", R"({"reports":{}})", R"({"reports":"x"})",
                                R"({"list":[]})", R"({"reports":[]}trailing)", "{\"reports\":["}) {
    const auto decoded = decodeTrackedReports(bad);
    ASSERT_TRUE(std::holds_alternative<ParseError>(decoded)) << bad;
    EXPECT_FALSE(std::get<ParseError>(decoded).message.empty()) << bad;
  }
}

TEST(TrackedReports, AnIncompleteOrMistypedItemIsRefusedNamingItsPosition) {
  const std::string good = R"({"trackingCode":"3329-AAAA","secret":"","title":"t","createdAtUnixMs":5})";
  const std::string bads[] = {
      R"({"secret":"","title":"t","createdAtUnixMs":5})",
      R"({"trackingCode":"3329-AAAA","title":"t","createdAtUnixMs":5})",
      R"({"trackingCode":"3329-AAAA","secret":"","createdAtUnixMs":5})",
      R"({"trackingCode":"3329-AAAA","secret":"","title":"t"})",
      R"({"trackingCode":3329,"secret":"","title":"t","createdAtUnixMs":5})",
      R"({"trackingCode":"3329-AAAA","secret":null,"title":"t","createdAtUnixMs":5})",
      R"({"trackingCode":"3329-AAAA","secret":"","title":["t"],"createdAtUnixMs":5})",
      R"({"trackingCode":"3329-AAAA","secret":"","title":"t","createdAtUnixMs":"5"})",
      R"({"trackingCode":"3329-AAAA","secret":"","title":"t","createdAtUnixMs":5.5})",
      R"({"trackingCode":"3329-AAAA","secret":"","title":"t","createdAtUnixMs":1e30})",
      R"({"trackingCode":"3329-AAAA","secret":"","title":"t","createdAtUnixMs":18446744073709551615})",
      R"("3329-AAAA")",
      "null",
      "[]",
      "7",
  };
  for (const std::string& bad : bads) {
    const auto decoded = decodeTrackedReports(R"({"reports":[)" + good + "," + bad + "]}");
    ASSERT_TRUE(std::holds_alternative<ParseError>(decoded)) << bad;
    EXPECT_EQ(std::get<ParseError>(decoded).message, "report 2 of the device's list is incomplete") << bad;
  }
}

TEST(TrackedReports, DamagedBytesOverDeepNestingAndNanAreRefused) {
  std::string deep = R"({"reports":[)";
  for (int i = 0; i < 30; ++i) deep += "[";
  for (int i = 0; i < 30; ++i) deep += "]";
  deep += "]}";
  const std::string bads[] = {
      deep,
      std::string(R"({"reports":[{"trackingCode":"3329)") + "\xFF\xFE" +
          R"(","secret":"","title":"t","createdAtUnixMs":5}]})",
      R"({"reports":[{"trackingCode":"3329","secret":"","title":"t\u0000","createdAtUnixMs":5}]})",
      R"({"reports":[{"trackingCode":"3329","secret":"","title":"t","createdAtUnixMs":NaN}]})",
      R"({"reports":[{"trackingCode":"3329","secret":"","title":"t","createdAtUnixMs":Infinity}]})",
  };
  for (const std::string& bad : bads) EXPECT_TRUE(std::holds_alternative<ParseError>(decodeTrackedReports(bad))) << bad;
}

TEST(TrackedReports, EveryTruncationOfAValidListIsRefusedNotCrashed) {
  const std::string whole = encodeTrackedReports(twoTracked());
  for (std::size_t length = 0; length < whole.size(); ++length) {
    EXPECT_TRUE(std::holds_alternative<ParseError>(decodeTrackedReports(whole.substr(0, length)))) << length;
  }
}

}  // namespace
}  // namespace bhabin::wire
