#include "core/report/visit_validation.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "report_fixtures.h"

namespace bhabin::report {
namespace {

using testing::kNowUnixMs;

VisitForm validVisit() {
  VisitForm form;
  form.officerNrp = "85010001";
  form.visitedAtUnixMs = kNowUnixMs - testing::kHourMs;
  form.latDeg = -6.8694;
  form.lonDeg = 109.0419;
  form.place = "Balai Desa Kaliwlingi";
  form.topics = {"kesehatan", "keamanan", "kesehatan"};
  form.notes = "Warga minta ronda malam diaktifkan.\r\nPosyandu berjalan.";
  return form;
}

bool has(const std::vector<ValidationError>& errors, const char* field, ErrorCode code) {
  return std::find(errors.begin(), errors.end(), ValidationError{field, code}) != errors.end();
}

TEST(VisitValidation, AcceptsAndNormalises) {
  const auto result = validateVisitForm(validVisit(), kNowUnixMs);
  ASSERT_TRUE(result.ok());
  const auto& visit = *result.value;
  EXPECT_EQ(visit.officerNrp, "85010001");
  EXPECT_EQ(visit.topics, (std::vector<domain::VisitTopic>{domain::VisitTopic::Keamanan,
                                                            domain::VisitTopic::Kesehatan}));
  EXPECT_EQ(visit.notes, "Warga minta ronda malam diaktifkan.\nPosyandu berjalan.");
}

TEST(VisitValidation, RequiredFields) {
  const auto errors = validateVisitForm(VisitForm{}, kNowUnixMs).errors;
  for (const char* field : {"officerNrp", "visitedAtUnixMs", "latDeg", "lonDeg", "place", "topics"}) {
    EXPECT_TRUE(has(errors, field, ErrorCode::Required)) << field;
  }
  EXPECT_EQ(errors.size(), 6u);  // notes are optional
}

TEST(VisitValidation, RejectsBadNrpTopicsTimesAndPlaces) {
  VisitForm form = validVisit();
  form.officerNrp = "NRP-1";
  form.topics = {"keamanan", "politik"};
  form.visitedAtUnixMs = kNowUnixMs + testing::kHourMs;
  form.place = std::string(201, 'p');
  form.latDeg = 35.68;  // Tokyo
  form.lonDeg = 139.69;
  const auto errors = validateVisitForm(form, kNowUnixMs).errors;
  EXPECT_TRUE(has(errors, "officerNrp", ErrorCode::InvalidNrp));
  EXPECT_TRUE(has(errors, "topics", ErrorCode::UnknownTopic));
  EXPECT_TRUE(has(errors, "visitedAtUnixMs", ErrorCode::TimeInFuture));
  EXPECT_TRUE(has(errors, "place", ErrorCode::TooLong));
  EXPECT_TRUE(has(errors, "position", ErrorCode::OutsideServiceArea));
  EXPECT_EQ(errors.size(), 5u);
}

}  // namespace
}  // namespace bhabin::report
