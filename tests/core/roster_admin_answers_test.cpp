// The supervisor's roster administration answers and bodies (core/wire/roster_admin_answers.h), in the exact
// shapes src/server/http/area_admin_routes.cpp and import_answer.cpp write.
#include "core/wire/roster_admin_answers.h"

#include <gtest/gtest.h>

namespace bhabin::wire {
namespace {

const char* kRoster =
    R"({"areaCode":"33.29","officers":[{"nrp":"85010001","name":"Bripka Joko","phone":"+6281234567890","active":false,)"
    R"("regencyCode":"33.29","onDuty":false,"openReports":2,"villages":["33.29.01.2001"]}],)"
    R"("villages":[{"code":"33.29.01.2001","name":"Pasarbatang","officer":"85010001","covered":false},)"
    R"({"code":"33.29.01.2002","name":"Limbangan Wetan","officer":null,"covered":false}],)"
    R"("uncovered":["33.29.01.2001","33.29.01.2002"]})";

TEST(RosterAdminAnswers, TheAreaRosterKeepsInactiveOfficersAndWhoHoldsEachVillage) {
  auto decoded = decodeAreaRoster(kRoster);
  ASSERT_TRUE(std::holds_alternative<AreaRosterView>(decoded)) << std::get<ParseError>(decoded).message;
  const auto& roster = std::get<AreaRosterView>(decoded);
  EXPECT_EQ(roster.areaCode, "33.29");
  ASSERT_EQ(roster.officers.size(), 1u);
  EXPECT_FALSE(roster.officers[0].active);
  EXPECT_EQ(roster.officers[0].openReports, 2);
  EXPECT_EQ(roster.officers[0].villages, std::vector<std::string>{"33.29.01.2001"});
  ASSERT_EQ(roster.villages.size(), 2u);
  EXPECT_EQ(roster.villages[0].officerNrp, std::optional<std::string>("85010001"));
  EXPECT_FALSE(roster.villages[1].officerNrp.has_value());
  EXPECT_EQ(roster.uncovered, (std::vector<std::string>{"33.29.01.2001", "33.29.01.2002"}));
}

TEST(RosterAdminAnswers, AMalformedRosterIsRefusedWithTheMemberNamed) {
  auto decoded = decodeAreaRoster(R"({"areaCode":"33.29","officers":[],"villages":[{"code":"1","name":"x","covered":"yes"}],"uncovered":[]})");
  ASSERT_TRUE(std::holds_alternative<ParseError>(decoded));
  EXPECT_NE(std::get<ParseError>(decoded).message.find("covered"), std::string::npos);
  EXPECT_TRUE(std::holds_alternative<ParseError>(decodeAreaRoster("[]")));
}

TEST(RosterAdminAnswers, AnOfficerChangeCarriesTheOneTimePasswordAndTheVillagesMoved) {
  auto decoded = decodeOfficerChange(
      R"({"officer":{"nrp":"85010009","name":"Brigpol Sari","phone":"","active":true,"regencyCode":"33.29","onDuty":false,)"
      R"("openReports":0,"villages":["33.29.01.2002"]},"oneTimePassword":"k3-x9-qq","releasedVillages":["33.29.01.2003"],)"
      R"("takenFrom":[{"village":"33.29.01.2002","officer":"85010001"}]})");
  ASSERT_TRUE(std::holds_alternative<OfficerChangeView>(decoded)) << std::get<ParseError>(decoded).message;
  const auto& change = std::get<OfficerChangeView>(decoded);
  EXPECT_EQ(change.officer.nrp, "85010009");
  EXPECT_EQ(change.oneTimePassword, std::optional<std::string>("k3-x9-qq"));
  EXPECT_EQ(change.releasedVillages, std::vector<std::string>{"33.29.01.2003"});
  ASSERT_EQ(change.takenFrom.size(), 1u);
  EXPECT_EQ(change.takenFrom[0].officerNrp, "85010001");
  auto withoutPassword = decodeOfficerChange(
      R"({"officer":{"nrp":"1","name":"A","phone":"","active":false,"regencyCode":"33.29","onDuty":false,"openReports":0,"villages":[]},)"
      R"("releasedVillages":[],"takenFrom":[]})");
  ASSERT_TRUE(std::holds_alternative<OfficerChangeView>(withoutPassword));
  EXPECT_FALSE(std::get<OfficerChangeView>(withoutPassword).oneTimePassword.has_value());
}

TEST(RosterAdminAnswers, AnImportResultListsEachProblemByLineAndField) {
  auto decoded = decodeImportResult(
      R"({"dryRun":true,"created":1,"updated":0,"unchanged":0,"problems":[{"line":3,"field":"village_code","message":"Desa tidak dikenal"}],)"
      R"("notes":["1 baris"],"initialPasswords":[{"nrp":"85010010","password":"ab-cd"}]})");
  ASSERT_TRUE(std::holds_alternative<ImportResultView>(decoded)) << std::get<ParseError>(decoded).message;
  const auto& result = std::get<ImportResultView>(decoded);
  EXPECT_TRUE(result.dryRun);
  EXPECT_EQ(result.created, 1);
  ASSERT_EQ(result.problems.size(), 1u);
  EXPECT_EQ(result.problems[0].line, 3);
  EXPECT_EQ(result.problems[0].field, "village_code");
  EXPECT_EQ(result.notes, std::vector<std::string>{"1 baris"});
  ASSERT_EQ(result.initialPasswords.size(), 1u);
  EXPECT_EQ(result.initialPasswords[0].password, "ab-cd");
}

TEST(RosterAdminAnswers, TheWriteBodiesAreWhatTheServerReads) {
  NewOfficerForm form{"85010009", "Brigpol \"Sari\"", "0812", {"33.29.01.2002", "33.29.01.2003"}, true};
  EXPECT_EQ(encodeNewOfficerRequest(form),
            R"({"nrp":"85010009","name":"Brigpol \"Sari\"","phone":"0812","villages":["33.29.01.2002","33.29.01.2003"],"takeOver":true})");
  EXPECT_EQ(encodeVillagesRequest({"33.29.01.2001"}, false), R"({"villages":["33.29.01.2001"],"takeOver":false})");
}

}  // namespace
}  // namespace bhabin::wire
