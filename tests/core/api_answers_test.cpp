// The browser's decoders of the server's JSON answers (core/wire/api_answers.h). Every input is written by
// hand in the exact shape the server writes it (src/server/api/report_views.cpp, service/reports.cpp
// creationAnswer/moveAnswer, http/session_routes.cpp, http/officer_routes.cpp, http/api_handler.cpp sendError),
// so a change on either side of the contract fails here.
#include "core/wire/api_answers.h"

#include <gtest/gtest.h>

#include <string>

#include "core/report/status_machine.h"
#include "core/wire/visit_codec.h"
#include "core/wire/report_codec.h"
#include "report_fixtures.h"

namespace bhabin::wire {
namespace {

constexpr std::int64_t kSubmittedAt = testing::kNowUnixMs;
constexpr std::int64_t kReceivedAt = testing::kNowUnixMs + 60000;

// The message of a decoder's ParseError, or a test failure when it decoded.
template <typename T>
std::string errorOf(const std::variant<T, ParseError>& decoded) {
  if (const auto* error = std::get_if<ParseError>(&decoded)) return error->message;
  ADD_FAILURE() << "decoded although the input is damaged";
  return {};
}

// The decoded value; a refusal fails the test with the decoder's message (and std::get then throws, which
// ends the test).
template <typename T>
const T& valueOf(const std::variant<T, ParseError>& decoded) {
  if (const auto* error = std::get_if<ParseError>(&decoded)) ADD_FAILURE() << "refused: " << error->message;
  return std::get<T>(decoded);
}

// Replaces the first `from` in `text` (which must hold it) by `to`.
std::string replaced(std::string text, const std::string& from, const std::string& to) {
  const auto at = text.find(from);
  EXPECT_NE(at, std::string::npos) << "the fixture lacks " << from;
  if (at != std::string::npos) text.replace(at, from.size(), to);
  return text;
}

// ---- GET /api/v1/track/CODE (api::writePublicReport) ----

const std::string kCode = testing::trackingCodeFor(1);

std::string publicReportJson() {
  return R"({"trackingCode":")" + kCode +
         R"(","category":"traffic_accident","title":"Tabrakan di jalan pantura",)"
         R"("description":"Dua sepeda motor bertabrakan dekat pasar.","incidentAtUnixMs":1714528800000,)"
         R"("villageCode":"33.29.01.2001","status":"received","createdAtUnixMs":1714532400000,)"
         R"("updatedAtUnixMs":1714532460000,"position":{"latDeg":-6.8694,"lonDeg":109.0419},)"
         R"("assignedOfficer":{"nrp":"85010001","name":"Bripka Joko Santoso","phone":"+6281234567890","regencyCode":"33.29"},)"
         R"("timeline":[{"action":"submit","status":"submitted","atUnixMs":1714532400000,"actorRole":"citizen","note":"responsible_available"},)"
         R"({"action":"receive","status":"received","atUnixMs":1714532460000,"actorRole":"officer","note":""}]})";
}

TEST(PublicReportAnswer, DecodesEveryMemberTheServerWrites) {
  const auto decoded = decodePublicReport(publicReportJson());
  const PublicReportView& view = valueOf(decoded);
  EXPECT_EQ(view.trackingCode, kCode);
  EXPECT_EQ(view.category, report::Category::TrafficAccident);
  EXPECT_EQ(view.title, "Tabrakan di jalan pantura");
  EXPECT_EQ(view.description, "Dua sepeda motor bertabrakan dekat pasar.");
  EXPECT_EQ(view.status, report::Status::Received);
  EXPECT_EQ(view.incidentAtUnixMs, 1714528800000);
  EXPECT_DOUBLE_EQ(view.position.latDeg, -6.8694);
  EXPECT_DOUBLE_EQ(view.position.lonDeg, 109.0419);
  ASSERT_TRUE(view.assignedOfficer.has_value());
  EXPECT_EQ(view.assignedOfficer->nrp, "85010001");
  EXPECT_EQ(view.assignedOfficer->name, "Bripka Joko Santoso");
  EXPECT_EQ(view.assignedOfficer->phoneE164, "+6281234567890");
  ASSERT_EQ(view.timeline.size(), 2u);
  EXPECT_EQ(view.timeline[0].action, report::Action::Submit);
  EXPECT_EQ(view.timeline[0].status, report::Status::Submitted);
  EXPECT_EQ(view.timeline[0].actorRole, report::Role::Citizen);
  EXPECT_EQ(view.timeline[0].atUnixMs, 1714532400000);
  EXPECT_EQ(view.timeline[0].note, "responsible_available");
  EXPECT_EQ(view.timeline[1].action, report::Action::Receive);
  EXPECT_EQ(view.timeline[1].status, report::Status::Received);
  EXPECT_EQ(view.timeline[1].actorRole, report::Role::Officer);
  EXPECT_EQ(view.timeline[1].atUnixMs, 1714532460000);
  EXPECT_EQ(view.timeline[1].note, "");
}

// What a resolved report adds: until when the citizen may answer, and a confirm event's rating. Checked once
// that this bites: with the rating left out of the decoded event, it fails.
TEST(PublicReportAnswer, DecodesTheConfirmationWindowAndRatings) {
  EXPECT_FALSE(valueOf(decodePublicReport(publicReportJson())).confirmBeforeUnixMs) << "absent: no window";
  const std::string rated = replaced(replaced(publicReportJson(), R"("actorRole":"officer","note":"")",
                                              R"("actorRole":"officer","note":"","rating":4)"),
                                     R"("status":"received","createdAtUnixMs")",
                                     R"("status":"received","confirmBeforeUnixMs":1714791660000,"createdAtUnixMs")");
  const auto decoded = decodePublicReport(rated);
  const PublicReportView& view = valueOf(decoded);
  EXPECT_EQ(view.confirmBeforeUnixMs, 1714791660000);
  EXPECT_EQ(view.timeline[1].rating, 4u);
  EXPECT_EQ(view.timeline[0].rating, 0u);
  EXPECT_NE(errorOf(decodePublicReport(replaced(rated, R"("rating":4)", R"("rating":6)"))).find("rating"), std::string::npos);
  EXPECT_NE(errorOf(decodePublicReport(replaced(rated, "1714791660000", R"("soon")"))).find("confirmBeforeUnixMs"),
            std::string::npos);
}

TEST(PublicReportAnswer, ANullAssignedOfficerMeansNobodyIsAssigned) {
  const std::string json = replaced(publicReportJson(),
                                    R"({"nrp":"85010001","name":"Bripka Joko Santoso","phone":"+6281234567890","regencyCode":"33.29"})",
                                    "null");
  const auto decoded = decodePublicReport(json);
  EXPECT_FALSE(valueOf(decoded).assignedOfficer.has_value());
}

TEST(PublicReportAnswer, AnOfficerWithoutPhoneHasAnEmptyPhone) {
  const auto decoded = decodePublicReport(replaced(publicReportJson(), R"("phone":"+6281234567890")", R"("phone":"")"));
  ASSERT_TRUE(valueOf(decoded).assignedOfficer.has_value());
  EXPECT_EQ(valueOf(decoded).assignedOfficer->phoneE164, "");
}

TEST(PublicReportAnswer, EachMissingRequiredMemberIsAnErrorNamingIt) {
  for (const std::string member : {"trackingCode", "category", "title", "description", "status", "incidentAtUnixMs",
                                   "position", "timeline"}) {
    // Renaming the key removes the member and keeps the JSON valid.
    const std::string json = replaced(publicReportJson(), "\"" + member + "\":", "\"x" + member + "\":");
    const std::string message = errorOf(decodePublicReport(json));
    EXPECT_NE(message.find("\"" + member + "\""), std::string::npos) << member << ": " << message;
    EXPECT_NE(message.find("missing"), std::string::npos) << member << ": " << message;
  }
}

TEST(PublicReportAnswer, AMissingCoordinateOrTimelineMemberIsAnErrorNamingIt) {
  EXPECT_NE(errorOf(decodePublicReport(replaced(publicReportJson(), "\"lonDeg\":", "\"lon\":"))).find("\"lonDeg\""),
            std::string::npos);
  EXPECT_NE(errorOf(decodePublicReport(replaced(publicReportJson(), "\"actorRole\":\"officer\"", "\"role\":\"officer\"")))
                .find("\"actorRole\""),
            std::string::npos);
  EXPECT_NE(errorOf(decodePublicReport(replaced(publicReportJson(), "\"atUnixMs\":1714532460000", "\"at\":1714532460000")))
                .find("\"atUnixMs\""),
            std::string::npos);
}

TEST(PublicReportAnswer, AMemberOfTheWrongTypeIsAnErrorNamingIt) {
  struct Case {
    std::string from, to, member;
  };
  const Case cases[] = {
      {R"("title":"Tabrakan di jalan pantura")", R"("title":42)", "title"},
      {R"("incidentAtUnixMs":1714528800000)", R"("incidentAtUnixMs":"1714528800000")", "incidentAtUnixMs"},
      {R"("incidentAtUnixMs":1714528800000)", R"("incidentAtUnixMs":1714528800000.5)", "incidentAtUnixMs"},
      {R"("latDeg":-6.8694)", R"("latDeg":"-6.8694")", "latDeg"},
      {R"("lonDeg":109.0419)", R"("lonDeg":true)", "lonDeg"},
      {R"("status":"received")", R"("status":2)", "status"},
      {R"("category":"traffic_accident")", R"("category":["traffic_accident"])", "category"},
      {R"("timeline":[)", R"("timeline":{"x":[)", "timeline"},
      {R"("nrp":"85010001")", R"("nrp":85010001)", "nrp"},
      {R"("note":"responsible_available")", R"("note":7)", "note"},
  };
  for (const Case& c : cases) {
    std::string json = replaced(publicReportJson(), c.from, c.to);
    if (c.member == "timeline") json = replaced(json, "]}", "]}}");  // close the object the list now sits in
    const std::string message = errorOf(decodePublicReport(json));
    EXPECT_NE(message.find("\"" + c.member + "\""), std::string::npos) << c.to << ": " << message;
  }
}

TEST(PublicReportAnswer, APositionThatIsNotAnObjectIsAnError) {
  const std::string json = replaced(publicReportJson(), R"({"latDeg":-6.8694,"lonDeg":109.0419})", R"([-6.8694,109.0419])");
  EXPECT_NE(errorOf(decodePublicReport(json)).find("\"latDeg\""), std::string::npos);
}

TEST(PublicReportAnswer, UnknownStatusActionCategoryOrRoleCodesAreErrorsNamingMemberAndValue) {
  struct Case {
    std::string from, to, member, value;
  };
  const Case cases[] = {
      {R"("status":"received")", R"("status":"archived")", "status", "archived"},
      {R"("category":"traffic_accident")", R"("category":"pickpocketing")", "category", "pickpocketing"},
      {R"("action":"receive")", R"("action":"forward")", "action", "forward"},
      {R"("status":"submitted")", R"("status":"Submitted")", "status", "Submitted"},
      {R"("actorRole":"officer")", R"("actorRole":"admin")", "actorRole", "admin"},
      {R"("category":"traffic_accident")", R"("category":"")", "category", ""},
  };
  for (const Case& c : cases) {
    const std::string message = errorOf(decodePublicReport(replaced(publicReportJson(), c.from, c.to)));
    EXPECT_NE(message.find("\"" + c.member + "\""), std::string::npos) << c.to << ": " << message;
    EXPECT_NE(message.find("unknown value \"" + c.value + "\""), std::string::npos) << c.to << ": " << message;
  }
}

TEST(PublicReportAnswer, AnEmptyTimelineIsAnError) {
  const std::string json = publicReportJson().substr(0, publicReportJson().find("\"timeline\":[")) + "\"timeline\":[]}";
  const std::string message = errorOf(decodePublicReport(json));
  EXPECT_NE(message.find("\"timeline\" is empty"), std::string::npos) << message;
}

TEST(PublicReportAnswer, TimesThatAreNotWholeNumbersOfMillisecondsAreErrorsNamingTheMember) {
  for (const std::string bad : {"1e13", "9223372036854775808", "-9223372036854775809", "1.0"}) {
    const std::string message =
        errorOf(decodePublicReport(replaced(publicReportJson(), "\"incidentAtUnixMs\":1714528800000", "\"incidentAtUnixMs\":" + bad)));
    EXPECT_NE(message.find("\"incidentAtUnixMs\" must be a whole number"), std::string::npos) << bad << ": " << message;
  }
}

TEST(PublicReportAnswer, NanInfinityAndNumbersBeyondADoubleAreRefused) {
  for (const std::string bad : {"NaN", "Infinity", "-Infinity", "1e400", "-1e400", "nan"}) {
    const auto decoded = decodePublicReport(replaced(publicReportJson(), "\"latDeg\":-6.8694", "\"latDeg\":" + bad));
    EXPECT_TRUE(std::holds_alternative<ParseError>(decoded)) << bad;
    if (const auto* error = std::get_if<ParseError>(&decoded)) {
      EXPECT_FALSE(error->message.empty()) << bad;
    }
  }
}

TEST(PublicReportAnswer, InvalidUtf8InAStringIsRefused) {
  for (const std::string& bad : {std::string("Tabrakan \xC3"), std::string("\xFF\xFE"), std::string("\xED\xA0\x80"),
                                 std::string("\\uDC00 half a pair")}) {
    const auto decoded = decodePublicReport(replaced(publicReportJson(), "Tabrakan di jalan pantura", bad));
    EXPECT_TRUE(std::holds_alternative<ParseError>(decoded)) << bad;
  }
}

TEST(PublicReportAnswer, AnEscapedNulCharacterIsRefused) {
  const std::string message = errorOf(decodePublicReport(replaced(publicReportJson(), "Tabrakan di", "Tabrakan\\u0000di")));
  EXPECT_NE(message.find("NUL"), std::string::npos) << message;
}

TEST(PublicReportAnswer, NestingDeeperThanTheAnswerLimitIsRefusedBeforeParsing) {
  std::string deep;
  for (int i = 0; i < 20; ++i) deep += "{\"a\":";
  deep += "1";
  for (int i = 0; i < 20; ++i) deep += "}";
  const std::string json = replaced(publicReportJson(), R"("villageCode":"33.29.01.2001")", R"("villageCode":)" + deep);
  const std::string message = errorOf(decodePublicReport(json));
  EXPECT_NE(message.find("nesting deeper than"), std::string::npos) << message;
}

TEST(PublicReportAnswer, SomethingOtherThanOneObjectIsRefused) {
  for (const std::string bad : {"", "null", "[]", "\"text\"", "{", "{}{}", "<html>Bad gateway</html>"}) {
    EXPECT_TRUE(std::holds_alternative<ParseError>(decodePublicReport(bad))) << bad;
  }
}

// ---- POST /api/v1/reports (Reports::create's creationAnswer) and POST /reports/CODE/reporters (join) ----

std::string creationJson() {
  const std::string other = testing::trackingCodeFor(2);
  return R"({"trackingCode":")" + kCode +
         R"(","secret":"0a1b2c3d-4e5f6071-8293a4b5","status":"submitted","villageCode":"33.29.01.2001",)"
         R"("assignmentReason":"responsible_available",)"
         R"("assignedOfficer":{"nrp":"85010001","name":"Bripka Joko Santoso","phone":"+6281234567890","regencyCode":"33.29"},)"
         R"("duplicates":[{"trackingCode":")" +
         other +
         R"(","category":"traffic_accident","title":"Kecelakaan dekat pasar","status":"received","distanceKm":0.42,"createdAtUnixMs":1714530000000}]})";
}

TEST(CreationAnswerDecoding, DecodesTheCodeSecretAssignmentAndDuplicates) {
  const auto decoded = decodeCreationAnswer(creationJson());
  const CreationAnswer& answer = valueOf(decoded);
  EXPECT_EQ(answer.trackingCode, kCode);
  EXPECT_EQ(answer.secret, "0a1b2c3d-4e5f6071-8293a4b5");
  EXPECT_EQ(answer.assignmentReason, "responsible_available");
  ASSERT_TRUE(answer.assignedOfficer.has_value());
  EXPECT_EQ(answer.assignedOfficer->nrp, "85010001");
  EXPECT_EQ(answer.assignedOfficer->phoneE164, "+6281234567890");
  ASSERT_EQ(answer.duplicates.size(), 1u);
  EXPECT_EQ(answer.duplicates[0].trackingCode, testing::trackingCodeFor(2));
  EXPECT_EQ(answer.duplicates[0].title, "Kecelakaan dekat pasar");
  EXPECT_EQ(answer.duplicates[0].status, "received");
  EXPECT_DOUBLE_EQ(answer.duplicates[0].distanceKm, 0.42);
  EXPECT_EQ(answer.duplicates[0].createdAtUnixMs, 1714530000000);
}

TEST(OpenReportsNearbyDecoding, DecodesTheListNearestFirstAndNamesAMissingMember) {
  const std::string one = R"({"trackingCode":")" + testing::trackingCodeFor(2) +
                          R"(","category":"crime","title":"Maling motor","status":"submitted","distanceKm":0.12,"createdAtUnixMs":5},)";
  const std::string two = R"({"trackingCode":")" + testing::trackingCodeFor(3) +
                          R"(","category":"crime","title":"Maling ayam","status":"received","distanceKm":0.4,"createdAtUnixMs":7})";
  const auto decoded = decodeOpenReportsNearby(R"({"reports":[)" + one + two + "]}");
  const auto& reports = valueOf(decoded);
  ASSERT_EQ(reports.size(), 2u);
  EXPECT_EQ(reports[0].trackingCode, testing::trackingCodeFor(2));
  EXPECT_EQ(reports[0].title, "Maling motor");
  EXPECT_DOUBLE_EQ(reports[0].distanceKm, 0.12);
  EXPECT_EQ(reports[1].status, "received");
  EXPECT_EQ(reports[1].createdAtUnixMs, 7);
  EXPECT_TRUE(valueOf(decodeOpenReportsNearby(R"({"reports":[]})")).empty());

  const auto broken = decodeOpenReportsNearby(R"({"reports":[{"trackingCode":"x","title":"t","status":"s","distanceKm":1}]})");
  ASSERT_TRUE(std::holds_alternative<ParseError>(broken));
  EXPECT_NE(std::get<ParseError>(broken).message.find("createdAtUnixMs"), std::string::npos) << std::get<ParseError>(broken).message;
  EXPECT_TRUE(std::holds_alternative<ParseError>(decodeOpenReportsNearby(R"({"reports":{}})")));
}

TEST(CreationAnswerDecoding, NoOfficerAndNoDuplicatesAreEmpty) {
  std::string json = replaced(creationJson(),
                              R"({"nrp":"85010001","name":"Bripka Joko Santoso","phone":"+6281234567890","regencyCode":"33.29"})",
                              "null");
  json = json.substr(0, json.find("\"duplicates\":[")) + "\"duplicates\":[]}";
  const auto decoded = decodeCreationAnswer(json);
  EXPECT_FALSE(valueOf(decoded).assignedOfficer.has_value());
  EXPECT_TRUE(valueOf(decoded).duplicates.empty());
}

TEST(CreationAnswerDecoding, AJoinAnswerHasOnlyTheCodeAndSecret) {
  const auto decoded = decodeCreationAnswer(R"({"trackingCode":")" + kCode + R"(","secret":"0a1b2c3d-4e5f6071-8293a4b5"})");
  EXPECT_EQ(valueOf(decoded).trackingCode, kCode);
  EXPECT_EQ(valueOf(decoded).secret, "0a1b2c3d-4e5f6071-8293a4b5");
  EXPECT_EQ(valueOf(decoded).assignmentReason, "");
  EXPECT_FALSE(valueOf(decoded).assignedOfficer.has_value());
  EXPECT_TRUE(valueOf(decoded).duplicates.empty());
}

TEST(CreationAnswerDecoding, AMissingOrMistypedMemberIsAnErrorNamingIt) {
  struct Case {
    std::string from, to, member;
  };
  const Case cases[] = {
      {R"("secret":)", R"("key":)", "secret"},
      {R"("trackingCode":")" + kCode + "\"", R"("code":")" + kCode + "\"", "trackingCode"},
      {R"("secret":"0a1b2c3d-4e5f6071-8293a4b5")", R"("secret":12345)", "secret"},
      {R"("assignmentReason":"responsible_available")", R"("assignmentReason":1)", "assignmentReason"},
      {R"("duplicates":[)", R"("duplicates":{"x":[)", "duplicates"},
      {R"("distanceKm":0.42)", R"("distanceKm":"0.42")", "distanceKm"},
      {R"("title":"Kecelakaan dekat pasar")", R"("name":"Kecelakaan dekat pasar")", "title"},
      {R"("name":"Bripka Joko Santoso")", R"("fullName":"Bripka Joko Santoso")", "name"},
      {R"("phone":"+6281234567890")", R"("phone":6281234567890)", "phone"},
  };
  for (const Case& c : cases) {
    std::string json = replaced(creationJson(), c.from, c.to);
    if (c.member == "duplicates") json += "}";
    const std::string message = errorOf(decodeCreationAnswer(json));
    EXPECT_NE(message.find("\"" + c.member + "\""), std::string::npos) << c.to << ": " << message;
  }
}

TEST(CreationAnswerDecoding, AHugeDistanceIsRefused) {
  EXPECT_TRUE(std::holds_alternative<ParseError>(
      decodeCreationAnswer(replaced(creationJson(), "\"distanceKm\":0.42", "\"distanceKm\":1e999"))));
  EXPECT_TRUE(std::holds_alternative<ParseError>(
      decodeCreationAnswer(replaced(creationJson(), "\"distanceKm\":0.42", "\"distanceKm\":NaN"))));
}

// ---- any failure: http/api_handler.cpp sendError ----

TEST(ApiErrorDecoding, DecodesTheCodeTranslatedMessageAndFieldErrors) {
  const auto decoded = decodeApiError(
      R"({"error":{"code":"invalid_form","message":"Periksa kembali isian yang ditandai.","fields":[)"
      R"({"field":"title","code":"required","message":"Wajib diisi."},)"
      R"({"field":"reporterPhone","code":"invalid_phone","message":"Nomor telepon tidak sah."}]}})");
  const ApiErrorView& error = valueOf(decoded);
  EXPECT_EQ(error.code, "invalid_form");
  EXPECT_EQ(error.message, "Periksa kembali isian yang ditandai.");
  ASSERT_EQ(error.fields.size(), 2u);
  EXPECT_EQ(error.fields[0].field, "title");
  EXPECT_EQ(error.fields[0].code, "required");
  EXPECT_EQ(error.fields[0].message, "Wajib diisi.");
  EXPECT_EQ(error.fields[1].field, "reporterPhone");
}

TEST(ApiErrorDecoding, AnErrorWithADetailAndNoFieldsDecodes) {
  const auto decoded = decodeApiError(
      R"({"error":{"code":"invalid_parameter","message":"A request parameter is not valid.","detail":"since must be a cursor from an earlier pull","fields":[]}})");
  EXPECT_EQ(valueOf(decoded).code, "invalid_parameter");
  EXPECT_EQ(valueOf(decoded).message, "A request parameter is not valid.");
  EXPECT_TRUE(valueOf(decoded).fields.empty());
}

TEST(ApiErrorDecoding, AnythingButTheErrorShapeIsRefusedNamingWhatIsMissing) {
  EXPECT_NE(errorOf(decodeApiError(R"({"outcome":"refused","message":"not allowed","report":{}})")).find("\"error\""),
            std::string::npos);
  EXPECT_NE(errorOf(decodeApiError(R"({"error":{"code":"server_busy"}})")).find("\"message\""), std::string::npos);
  EXPECT_NE(errorOf(decodeApiError(R"({"error":{"message":"x"}})")).find("\"code\""), std::string::npos);
  EXPECT_NE(errorOf(decodeApiError(R"({"error":"server_busy"})")).find("\"code\""), std::string::npos);
  EXPECT_NE(errorOf(decodeApiError(R"({"error":{"code":"invalid_form","message":"x","fields":[{"field":"title","code":"required"}]}})"))
                .find("\"message\""),
            std::string::npos);
  EXPECT_TRUE(std::holds_alternative<ParseError>(decodeApiError("Bad Gateway")));
}

// ---- GET/POST /api/v1/session (session_routes.cpp accountJson) ----

TEST(SessionDecoding, DecodesTheAccount) {
  const auto decoded = decodeSession(R"({"nrp":"85010001","name":"Bripka Joko Santoso","role":"officer","areaCode":"33.29.01"})");
  EXPECT_EQ(valueOf(decoded).nrp, "85010001");
  EXPECT_EQ(valueOf(decoded).name, "Bripka Joko Santoso");
  EXPECT_EQ(valueOf(decoded).role, "officer");
  EXPECT_EQ(valueOf(decoded).areaCode, "33.29.01");
}

TEST(SessionDecoding, AnEmptyAreaCodeIsKeptEmpty) {
  const auto decoded = decodeSession(R"({"nrp":"00000001","name":"Admin","role":"admin","areaCode":""})");
  EXPECT_EQ(valueOf(decoded).role, "admin");
  EXPECT_EQ(valueOf(decoded).areaCode, "");
}

TEST(SessionDecoding, AMissingOrMistypedMemberIsAnErrorNamingIt) {
  EXPECT_NE(errorOf(decodeSession(R"({"nrp":"85010001","name":"Joko","areaCode":"33.29"})")).find("\"role\""), std::string::npos);
  EXPECT_NE(errorOf(decodeSession(R"({"nrp":85010001,"name":"Joko","role":"officer","areaCode":"33.29"})")).find("\"nrp\""),
            std::string::npos);
  EXPECT_NE(errorOf(decodeSession(R"({"nrp":"85010001","name":null,"role":"officer"})")).find("\"name\""), std::string::npos);
  EXPECT_NE(errorOf(decodeSession(R"({"nrp":"85010001","name":"Joko","role":"officer","areaCode":33})")).find("\"areaCode\""),
            std::string::npos);
}

// ---- staff views: api::writeStaffReport inside the worklist, GET /reports/CODE, a move's answer ----

report::Report receivedReport() {
  report::Report report = report::StatusMachine::submit(testing::validDetails(1), testing::citizen(), kSubmittedAt, "85010001",
                                                        "responsible_available");
  EXPECT_FALSE(report::StatusMachine::apply(report, {report::Action::Receive, testing::officer("85010001"), kReceivedAt, "", ""}));
  return report;
}

std::string staffReportJson(const report::Report& report = receivedReport()) {
  return R"({"report":)" + encodeReportJson(report) +
         R"(,"changeSeq":7,)"
         R"("assignedOfficer":{"nrp":"85010001","name":"Bripka Joko Santoso","phone":"+6281234567890","regencyCode":"33.29"},)"
         R"("reporters":[{"anonymous":false,"name":"Siti Aminah","phone":"+6281234567890","joinedAtUnixMs":1714532400000},)"
         R"({"anonymous":true,"name":"","phone":"","joinedAtUnixMs":1714532500000}],)"
         R"("allowedMoves":["start","reject","hand_over","note"]})";
}

TEST(StaffReportDecoding, DecodesTheReportItsOfficerReportersAndAllowedMoves) {
  const auto decoded = decodeStaffReport(staffReportJson());
  const StaffReportView& view = valueOf(decoded);
  EXPECT_EQ(view.report.details().trackingCode, testing::trackingCodeFor(1));
  EXPECT_EQ(view.report.details().title, "Tabrakan di jalan pantura");
  EXPECT_EQ(view.report.status(), report::Status::Received);
  ASSERT_EQ(view.report.timeline().size(), 2u);
  EXPECT_EQ(view.report.timeline()[1].atUnixMs, kReceivedAt);
  EXPECT_EQ(view.report.assignedOfficerNrp(), "85010001");
  ASSERT_TRUE(view.assignedOfficer.has_value());
  EXPECT_EQ(view.assignedOfficer->name, "Bripka Joko Santoso");
  ASSERT_EQ(view.reporters.size(), 2u);
  EXPECT_FALSE(view.reporters[0].anonymous);
  EXPECT_EQ(view.reporters[0].name, "Siti Aminah");
  EXPECT_EQ(view.reporters[0].phoneE164, "+6281234567890");
  EXPECT_TRUE(view.reporters[1].anonymous);
  EXPECT_EQ(view.reporters[1].name, "");
  const std::vector<report::Action> moves{report::Action::Start, report::Action::Reject, report::Action::HandOver,
                                          report::Action::Note};
  EXPECT_EQ(view.allowedMoves, moves);
}

// Checked once that this bites: with "deadlines" not read, it fails.
TEST(StaffReportDecoding, DecodesTheRunningDeadlinesWhenTheServerSendsThem) {
  EXPECT_TRUE(valueOf(decodeStaffReport(staffReportJson())).deadlines.empty()) << "an older server sends none";
  const std::string late = replaced(staffReportJson(), R"("allowedMoves")",
                                    R"("deadlines":[{"kind":"resolve","dueAtUnixMs":1714791600000,"lateByMs":5400000,)"
                                    R"("escalated":true}],"allowedMoves")");
  const auto decoded = decodeStaffReport(late);
  const StaffReportView& view = valueOf(decoded);
  ASSERT_EQ(view.deadlines.size(), 1u);
  EXPECT_EQ(view.deadlines[0].kind, report::DeadlineKind::Resolve);
  EXPECT_EQ(view.deadlines[0].dueAtUnixMs, 1714791600000);
  EXPECT_EQ(view.deadlines[0].lateByMs, 5400000);
  EXPECT_TRUE(view.deadlines[0].escalated);
  EXPECT_NE(errorOf(decodeStaffReport(replaced(late, R"("resolve")", R"("respond")"))).find("\"kind\""), std::string::npos);
}

TEST(StaffReportDecoding, AnUnknownAllowedMoveIsAnErrorNamingTheMember) {
  const std::string message = errorOf(decodeStaffReport(replaced(staffReportJson(), R"("hand_over")", R"("forward")")));
  EXPECT_NE(message.find("\"allowedMoves\""), std::string::npos) << message;
  EXPECT_NE(errorOf(decodeStaffReport(replaced(staffReportJson(), R"("hand_over")", "3"))).find("\"allowedMoves\""),
            std::string::npos);
  // The citizen's submit is never a move staff may make, but it is a known action code.
  EXPECT_TRUE(std::holds_alternative<StaffReportView>(decodeStaffReport(replaced(staffReportJson(), R"("hand_over")", R"("submit")"))));
}

TEST(StaffReportDecoding, AMissingOrMistypedMemberIsAnErrorNamingIt) {
  struct Case {
    std::string from, to, member;
  };
  const Case cases[] = {
      {R"("reporters":)", R"("people":)", "reporters"},
      {R"("allowedMoves":)", R"("moves":)", "allowedMoves"},
      {R"("allowedMoves":["start","reject","hand_over","note"])", R"("allowedMoves":"start")", "allowedMoves"},
      {R"("anonymous":false)", R"("anonymous":"no")", "anonymous"},
      {R"("anonymous":true)", R"("anon":true)", "anonymous"},
      {R"("name":"Siti Aminah")", R"("name":5)", "name"},
      {R"({"report":)", R"({"record":)", "report"},
  };
  for (const Case& c : cases) {
    const std::string message = errorOf(decodeStaffReport(replaced(staffReportJson(), c.from, c.to)));
    EXPECT_NE(message.find("\"" + c.member + "\""), std::string::npos) << c.to << ": " << message;
  }
}

TEST(StaffReportDecoding, AReportWhoseTimelineBreaksTheStatusRulesIsAnErrorAboutTheReport) {
  const std::string json = replaced(staffReportJson(), R"("status": "received")", R"("status": "resolved")");
  const std::string message = errorOf(decodeStaffReport(json));
  EXPECT_EQ(message.rfind("\"report\": ", 0), 0u) << message;
}

TEST(StaffReportDecoding, AReportThatIsNotAnObjectIsAnError) {
  const std::string json = R"({"report":"3329","assignedOfficer":null,"reporters":[],"allowedMoves":[]})";
  EXPECT_EQ(errorOf(decodeStaffReport(json)).rfind("\"report\": ", 0), 0u);
}

TEST(WorklistDecoding, DecodesEveryReportInOrder) {
  const report::Report second = report::StatusMachine::submit(testing::validDetails(2), testing::citizen(), kSubmittedAt, "85010001");
  const auto decoded = decodeWorklist(R"({"reports":[)" + staffReportJson() + "," + staffReportJson(second) + "]}");
  const auto& reports = valueOf(decoded);
  ASSERT_EQ(reports.size(), 2u);
  EXPECT_EQ(reports[0].report.details().trackingCode, testing::trackingCodeFor(1));
  EXPECT_EQ(reports[1].report.details().trackingCode, testing::trackingCodeFor(2));
  EXPECT_EQ(reports[1].report.status(), report::Status::Submitted);
}

TEST(WorklistDecoding, AnEmptyWorklistIsEmpty) {
  EXPECT_TRUE(valueOf(decodeWorklist(R"({"reports":[]})")).empty());
}

TEST(WorklistDecoding, OneDamagedItemRefusesTheWholeList) {
  EXPECT_NE(errorOf(decodeWorklist(R"({"reports":[)" + staffReportJson() + R"(,{"report":null}]})")).find("\"report\""),
            std::string::npos);
  EXPECT_NE(errorOf(decodeWorklist(R"({"items":[]})")).find("\"reports\""), std::string::npos);
  EXPECT_NE(errorOf(decodeWorklist(R"({"reports":{}})")).find("\"reports\" must be a list"), std::string::npos);
}

TEST(MoveAnswerDecoding, DecodesTheOutcomeAndTheReportAfterTheMove) {
  const auto decoded = decodeMoveAnswer(R"({"outcome":"applied","message":"","report":)" + staffReportJson() + "}");
  const MoveAnswer& answer = valueOf(decoded);
  EXPECT_EQ(answer.outcome, "applied");
  EXPECT_EQ(answer.report.report.status(), report::Status::Received);
  EXPECT_EQ(answer.report.allowedMoves.size(), 4u);
}

TEST(MoveAnswerDecoding, AMissingOutcomeOrReportIsAnErrorNamingIt) {
  EXPECT_NE(errorOf(decodeMoveAnswer(R"({"message":"","report":)" + staffReportJson() + "}")).find("\"outcome\""),
            std::string::npos);
  EXPECT_NE(errorOf(decodeMoveAnswer(R"({"outcome":"applied","message":""})")).find("\"report\""), std::string::npos);
  EXPECT_NE(errorOf(decodeMoveAnswer(R"({"outcome":1,"message":"","report":)" + staffReportJson() + "}")).find("\"outcome\""),
            std::string::npos);
}

// ---- officer status (officer_routes.cpp sendOfficerStatus) and hand-over candidates (writeNearbyOfficers) ----

TEST(OfficerStatusDecoding, DecodesDutyAndOpenReports) {
  const auto decoded = decodeOfficerStatus(
      R"({"nrp":"85010001","onDuty":true,"openReports":3,"positionAtUnixMs":1714532400000,)"
      R"("position":{"latDeg":-6.87,"lonDeg":109.04},"villageCodes":["33.29.01.2001","33.29.01.2002"]})");
  EXPECT_TRUE(valueOf(decoded).onDuty);
  EXPECT_EQ(valueOf(decoded).openReports, 3);
}

TEST(OfficerStatusDecoding, AMistypedDutyOrLoadIsAnErrorNamingIt) {
  EXPECT_NE(errorOf(decodeOfficerStatus(R"({"onDuty":1,"openReports":3})")).find("\"onDuty\""), std::string::npos);
  EXPECT_NE(errorOf(decodeOfficerStatus(R"({"onDuty":false,"openReports":"3"})")).find("\"openReports\""), std::string::npos);
  EXPECT_NE(errorOf(decodeOfficerStatus(R"({"onDuty":false,"openReports":2.5})")).find("\"openReports\""), std::string::npos);
  EXPECT_NE(errorOf(decodeOfficerStatus(R"({"openReports":3})")).find("\"onDuty\""), std::string::npos);
}

TEST(HandOverCandidatesDecoding, DecodesEachOfficerWithDistance) {
  const auto decoded = decodeHandOverCandidates(
      R"({"officers":[{"officer":{"nrp":"85010002","name":"Brigpol Ani","phone":"","regencyCode":"33.29"},"distanceKm":1.25},)"
      R"({"officer":{"nrp":"85010003","name":"Bripda Budi","phone":"+6281311112222","regencyCode":"33.29"},"distanceKm":3.5}]})");
  const auto& candidates = valueOf(decoded);
  ASSERT_EQ(candidates.size(), 2u);
  EXPECT_EQ(candidates[0].officer.nrp, "85010002");
  EXPECT_EQ(candidates[0].officer.phoneE164, "");
  EXPECT_DOUBLE_EQ(candidates[0].distanceKm, 1.25);
  EXPECT_EQ(candidates[1].officer.name, "Bripda Budi");
  EXPECT_DOUBLE_EQ(candidates[1].distanceKm, 3.5);
}

TEST(HandOverCandidatesDecoding, ANullOfficerOrMistypedDistanceIsAnErrorNamingIt) {
  EXPECT_NE(errorOf(decodeHandOverCandidates(R"({"officers":[{"officer":null,"distanceKm":1.0}]})")).find("\"officer\""),
            std::string::npos);
  EXPECT_NE(errorOf(decodeHandOverCandidates(R"({"officers":[{"officer":{"nrp":"85010002","name":"Ani"},"distanceKm":"1"}]})"))
                .find("\"distanceKm\""),
            std::string::npos);
  EXPECT_NE(errorOf(decodeHandOverCandidates(R"({"candidates":[]})")).find("\"officers\""), std::string::npos);
  EXPECT_TRUE(valueOf(decodeHandOverCandidates(R"({"officers":[]})")).empty());
}

// ---- GET /api/v1/visits ----

TEST(VisitListDecoding, ReadsEachVisitAsTheVisitCodecWroteIt) {
  const domain::SambangVisit visit{"85010001", 1795824900000, {-6.8936, 108.8081}, "Pos ronda RT 03",
                                   {domain::VisitTopic::Keamanan}, "Warga minta patroli malam."};
  const std::string json = R"({"visits":[{"visitId":"v1","visit":)" + encodeVisitJson(visit) + "}]}";
  const auto decoded = decodeVisitList(json);
  const auto& visits = valueOf(decoded);
  ASSERT_EQ(visits.size(), 1u);
  EXPECT_EQ(visits[0].place, "Pos ronda RT 03");
  EXPECT_EQ(visits[0].visitedAtUnixMs, 1795824900000);
  EXPECT_EQ(visits[0].topics, std::vector<domain::VisitTopic>{domain::VisitTopic::Keamanan});
  const auto none = decodeVisitList(R"({"visits":[]})");
  EXPECT_TRUE(valueOf(none).empty());

  const auto broken = decodeVisitList(R"({"visits":[{"visitId":"v1","visit":{"formatVersion":2}}]})");
  ASSERT_TRUE(std::holds_alternative<ParseError>(broken));
  EXPECT_EQ(std::get<ParseError>(broken).message.rfind("\"visit\": ", 0), 0u) << std::get<ParseError>(broken).message;
}

}  // namespace
}  // namespace bhabin::wire

namespace bhabin::wire {
namespace {

constexpr const char* kDashboard =
    R"({"areaCode":"33.29","timeZone":"WIB","from":"2026-11-01","to":"2026-11-02","submitted":3,"escalatedInPeriod":1,)"
    R"("byStatusAndCategory":[{"status":"received","category":"crime","count":2},{"status":"submitted","category":"other","count":1}],)"
    R"("days":[{"date":"2026-11-01","submitted":1,"resolved":0},{"date":"2026-11-02","submitted":2,"resolved":1}],)"
    R"("submittedToReceived":{"count":2,"medianMs":60000,"p90Ms":120000},"submittedToResolved":{"count":0,"medianMs":0,"p90Ms":0},)"
    R"("officers":[{"nrp":"85010001","name":"Bripka Siti","onDuty":true,"openNow":2,"assignedInPeriod":3,"resolvedInPeriod":1,)"
    R"("visitsInPeriod":4,"confirmedInPeriod":2,"reopenedByCitizensInPeriod":1,"ratingSum":9,"ratingCount":2,"escalatedInPeriod":1,"dutyMsInPeriod":7200000,"toReceive":{"count":2,"medianMs":60000,"p90Ms":120000}}],)"
    R"("overdueTotal":3,"overdue":[{"trackingCode":"3329-AAAA-BBBB-CCCC-DDDD","category":"crime","status":"received","assignedNrp":"85010001",)"
    R"("deadline":"resolve","dueAtUnixMs":1795824900000,"lateByMs":5400000,"escalated":true}],)"
    R"("reportPoints":{"latDeg":[-6.8712,-6.9],"lonDeg":[109.0401,109.1]}})";

TEST(AreaDashboardAnswer, DecodesEveryMemberTheServerWrites) {
  const auto decoded = decodeAreaDashboard(kDashboard);
  ASSERT_TRUE(std::holds_alternative<AreaDashboardView>(decoded)) << std::get<ParseError>(decoded).message;
  const auto& view = std::get<AreaDashboardView>(decoded);
  EXPECT_EQ(view.timeZone, "WIB");
  EXPECT_EQ(view.to, (domain::LocalDate{2026, 11, 2}));
  EXPECT_EQ(view.submitted, 3);
  ASSERT_EQ(view.byStatusAndCategory.size(), 2u);
  EXPECT_EQ(view.byStatusAndCategory[0].status, report::Status::Received);
  EXPECT_EQ(view.byStatusAndCategory[0].category, report::Category::Crime);
  ASSERT_EQ(view.days.size(), 2u);
  EXPECT_EQ(view.days[1].resolved, 1);
  EXPECT_EQ(view.submittedToReceived.p90Ms, 120000);
  ASSERT_EQ(view.officers.size(), 1u);
  EXPECT_EQ(view.officers[0].name, "Bripka Siti");
  EXPECT_TRUE(view.officers[0].onDuty);
  EXPECT_EQ(view.officers[0].figures.visitsInPeriod, 4);
  EXPECT_EQ(view.officers[0].figures.toReceive.medianMs, 60000);
  EXPECT_EQ(view.officers[0].figures.ratingSum, 9);
  EXPECT_EQ(view.officers[0].figures.reopenedByCitizensInPeriod, 1);
  EXPECT_EQ(view.escalatedInPeriod, 1);
  EXPECT_EQ(view.officers[0].figures.dutyMsInPeriod, 7200000);
  EXPECT_EQ(view.overdueTotal, 3);
  ASSERT_EQ(view.overdue.size(), 1u);
  EXPECT_EQ(view.overdue[0].trackingCode, "3329-AAAA-BBBB-CCCC-DDDD");
  EXPECT_EQ(view.overdue[0].status, report::Status::Received);
  EXPECT_EQ(view.overdue[0].deadline.kind, report::DeadlineKind::Resolve);
  EXPECT_EQ(view.overdue[0].deadline.lateByMs, 5400000);
  EXPECT_TRUE(view.overdue[0].deadline.escalated);
  ASSERT_EQ(view.reportPoints.size(), 2u);
  EXPECT_DOUBLE_EQ(view.reportPoints[1].latDeg, -6.9);
  EXPECT_DOUBLE_EQ(view.reportPoints[0].lonDeg, 109.0401);
}

TEST(AreaDashboardAnswer, ABadDateOrStatusOrAMissingMemberIsAnErrorNamingIt) {
  const std::string good = kDashboard;
  const auto errorOf = [](const std::string& json) {
    const auto decoded = decodeAreaDashboard(json);
    return std::holds_alternative<ParseError>(decoded) ? std::get<ParseError>(decoded).message : std::string("decoded");
  };
  std::string badDate = good;
  badDate.replace(badDate.find("2026-11-01"), 10, "2026-02-30");
  EXPECT_NE(errorOf(badDate).find("from"), std::string::npos) << errorOf(badDate);
  std::string badStatus = good;
  badStatus.replace(badStatus.find("\"received\""), 10, "\"lost\"");
  EXPECT_NE(errorOf(badStatus).find("lost"), std::string::npos) << errorOf(badStatus);
  std::string noVisits = good;
  noVisits.replace(noVisits.find("\"visitsInPeriod\":4,"), 19, "");
  EXPECT_NE(errorOf(noVisits).find("visitsInPeriod"), std::string::npos) << errorOf(noVisits);
  std::string badDeadline = good;
  badDeadline.replace(badDeadline.find("\"resolve\""), 9, "\"later\"");
  EXPECT_NE(errorOf(badDeadline).find("later"), std::string::npos) << errorOf(badDeadline);
  std::string unevenPoints = good;
  unevenPoints.replace(unevenPoints.find(",109.1]"), 7, "]");
  EXPECT_NE(errorOf(unevenPoints).find("reportPoints"), std::string::npos) << errorOf(unevenPoints);
}

}  // namespace
}  // namespace bhabin::wire
