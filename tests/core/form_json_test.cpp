#include "core/wire/form_json.h"

#include <gtest/gtest.h>

#include "core/wire/visit_codec.h"
#include "report_fixtures.h"

namespace bhabin::wire {
namespace {

std::string errorOf(std::string_view json) {
  auto form = decodeReportForm(json);
  const auto* error = std::get_if<ParseError>(&form);
  return error ? error->message : "(decoded)";
}

TEST(FormJson, ReadsEveryReportFormMember) {
  auto decoded = decodeReportForm(R"({"category": "crime", "title": "Maling", "description": "Dua orang",
      "incidentAtUnixMs": 1714528800000, "latDeg": -6.87, "lonDeg": 109, "villageCode": "33.29.01.2001",
      "photoRef": "p1", "anonymous": true, "reporterName": "Budi", "reporterPhone": "0812", "unknown": [1]})");
  ASSERT_TRUE(std::holds_alternative<report::ReportForm>(decoded)) << std::get<ParseError>(decoded).message;
  const auto& form = std::get<report::ReportForm>(decoded);
  EXPECT_EQ(form.category, "crime");
  EXPECT_EQ(form.description, "Dua orang");
  EXPECT_EQ(form.incidentAtUnixMs, 1714528800000);
  EXPECT_EQ(form.latDeg, -6.87);
  EXPECT_EQ(form.lonDeg, 109.0);  // an integer is a number too
  EXPECT_TRUE(form.anonymous);
  EXPECT_EQ(form.reporterPhone, "0812");
}

TEST(FormJson, MissingAndNullMembersStayEmptyForTheValidator) {
  auto decoded = decodeReportForm(R"({"title": null})");
  ASSERT_TRUE(std::holds_alternative<report::ReportForm>(decoded));
  const auto& form = std::get<report::ReportForm>(decoded);
  EXPECT_TRUE(form.title.empty());
  EXPECT_FALSE(form.latDeg.has_value());
  EXPECT_FALSE(form.incidentAtUnixMs.has_value());
  EXPECT_FALSE(report::validateReportForm(form, testing::kNowUnixMs).ok());
}

TEST(FormJson, WrongTypesNameTheMember) {
  EXPECT_EQ(errorOf(R"({"title": 5})"), "\"title\" must be a string");
  EXPECT_EQ(errorOf(R"({"latDeg": "-6.8"})"), "\"latDeg\" must be a number");
  EXPECT_EQ(errorOf(R"({"incidentAtUnixMs": 1.5})"), "\"incidentAtUnixMs\" must be an integer");
  EXPECT_EQ(errorOf(R"({"incidentAtUnixMs": 1e30})"), "\"incidentAtUnixMs\" must be an integer");
  EXPECT_EQ(errorOf(R"({"anonymous": "yes"})"), "\"anonymous\" must be true or false");
  EXPECT_EQ(errorOf(R"({"latDeg": NaN})").find("\"latDeg\""), std::string::npos);
  EXPECT_NE(errorOf(R"({"latDeg": NaN})"), "(decoded)");
  EXPECT_EQ(errorOf("[]"), "top level is not an object");
}

TEST(FormJson, ReadsVisitForms) {
  auto decoded = decodeVisitForm(R"({"officerNrp": "85010001", "visitedAtUnixMs": 1714528800000,
      "latDeg": -6.87, "lonDeg": 109.04, "place": "Balai desa", "topics": ["keamanan", "kesehatan"]})");
  ASSERT_TRUE(std::holds_alternative<report::VisitForm>(decoded));
  const auto& form = std::get<report::VisitForm>(decoded);
  EXPECT_EQ(form.topics, (std::vector<std::string>{"keamanan", "kesehatan"}));
  EXPECT_TRUE(form.notes.empty());
  auto wrong = decodeVisitForm(R"({"topics": ["keamanan", 3]})");
  ASSERT_TRUE(std::holds_alternative<ParseError>(wrong));
  EXPECT_EQ(std::get<ParseError>(wrong).message, "\"topics\" must be a list of strings");
}

TEST(VisitCodec, JsonRoundTrip) {
  domain::SambangVisit visit;
  visit.officerNrp = "85010001";
  visit.visitedAtUnixMs = testing::kNowUnixMs;
  visit.position = {-6.87, 109.04};
  visit.place = "Balai desa";
  visit.topics = {domain::VisitTopic::Ketertiban, domain::VisitTopic::Lingkungan};
  visit.notes = "Catatan";
  const std::string json = encodeVisitJson(visit);
  EXPECT_NE(json.find("\"topics\": [\"ketertiban\",\"lingkungan\"]"), std::string::npos) << json;
  auto decoded = decodeVisitJson(json);
  ASSERT_TRUE(std::holds_alternative<domain::SambangVisit>(decoded)) << std::get<ParseError>(decoded).message;
  const auto& back = std::get<domain::SambangVisit>(decoded);
  EXPECT_EQ(back.topics, visit.topics);
  EXPECT_EQ(back.place, "Balai desa");
  EXPECT_EQ(back.position, visit.position);
  auto bad = decodeVisitJson(json.substr(0, json.find("\"topics\"")) + "\"topics\": [\"politik\"], \"notes\": \"\"}");
  ASSERT_TRUE(std::holds_alternative<ParseError>(bad));
  EXPECT_EQ(std::get<ParseError>(bad).message, "\"topics[0]\" has the unknown value \"politik\"");
}

}  // namespace
}  // namespace bhabin::wire
