// The report form's draft as the validator reads it (formFromDraft in ui/report_form_panel.h): the incident
// time from "HH:MM" and "days ago" in the device's time zone, and what an anonymous report leaves out.
#include "ui/report_form_panel.h"

#include <gtest/gtest.h>

#include "core/report/report_validation.h"

namespace bhabin::ui {
namespace {

constexpr std::int64_t kMinuteMs = 60 * 1000;
constexpr std::int64_t kHourMs = 60 * kMinuteMs;
constexpr std::int64_t kDayMs = 86400000;
constexpr std::int64_t kNow = 1795829400000;  // 2026-11-28T01:30:00Z: 08:30 WIB, 09:30 WITA, 10:30 WIT on 28 Nov
constexpr int kWib = 420;
constexpr int kWita = 480;
constexpr int kWit = 540;
const geo::LatLon kPosition{-6.8694, 109.0419};
const std::string kVillage = "33.29.01.2001";

ReportDraft validDraft() {
  ReportDraft draft;
  draft.category = 2;  // traffic_accident
  draft.title = "Tabrakan di jalan pantura";
  draft.description = "Dua sepeda motor bertabrakan dekat pasar.";
  draft.daysAgo = 0;
  draft.time = "07:15";
  draft.name = "Siti Aminah";
  draft.phone = "0812-3456-7890";
  draft.consent = true;
  return draft;
}

std::optional<std::int64_t> incidentAt(const std::string& time, int daysAgo, std::int64_t now, int utcOffsetMinutes) {
  ReportDraft draft = validDraft();
  draft.time = time;
  draft.daysAgo = daysAgo;
  return formFromDraft(draft, &kPosition, kVillage, now, utcOffsetMinutes).incidentAtUnixMs;
}

TEST(FormFromDraft, ATimeTodayInJakartaIsThatLocalTimeInUtc) {
  // 07:15 WIB on 28 Nov is 00:15 UTC on 28 Nov.
  EXPECT_EQ(incidentAt("07:15", 0, kNow, kWib), std::optional<std::int64_t>(1795824900000));
}

TEST(FormFromDraft, YesterdayAndTheDayBeforeAreWholeDaysEarlier) {
  EXPECT_EQ(incidentAt("07:15", 1, kNow, kWib), std::optional<std::int64_t>(1795824900000 - kDayMs));
  EXPECT_EQ(incidentAt("07:15", 2, kNow, kWib), std::optional<std::int64_t>(1795824900000 - 2 * kDayMs));
}

TEST(FormFromDraft, AnEarlyMorningLocalTimeFallsOnThePreviousUtcDay) {
  // 06:30 WIB on 28 Nov is 23:30 UTC on 27 Nov.
  EXPECT_EQ(incidentAt("06:30", 0, kNow, kWib), std::optional<std::int64_t>(1795822200000));
  // Local midnight of 28 Nov is 17:00 UTC on 27 Nov.
  EXPECT_EQ(incidentAt("00:00", 0, kNow, kWib), std::optional<std::int64_t>(1795798800000));
  EXPECT_EQ(incidentAt("23:59", 1, kNow, kWib), std::optional<std::int64_t>(1795798800000 - kMinuteMs));
}

TEST(FormFromDraft, TodayIsTheLocalDateEvenWhileItIsStillYesterdayInUtc) {
  const std::int64_t now = 1795809600000;  // 2026-11-27T20:00:00Z = 03:00 WIB on 28 Nov
  // 02:00 WIB on 28 Nov = 19:00 UTC on 27 Nov.
  EXPECT_EQ(incidentAt("02:00", 0, now, kWib), std::optional<std::int64_t>(1795806000000));
  // 23:00 WIB "yesterday" (27 Nov) = 16:00 UTC on 27 Nov.
  EXPECT_EQ(incidentAt("23:00", 1, now, kWib), std::optional<std::int64_t>(1795806000000 - 3 * kHourMs));
}

TEST(FormFromDraft, EachIndonesianTimeZoneShiftsTheSameClockTime) {
  // 07:15 on 28 Nov local: WIB 00:15Z, WITA 23:15Z (27 Nov), WIT 22:15Z (27 Nov).
  EXPECT_EQ(incidentAt("07:15", 0, kNow, kWib), std::optional<std::int64_t>(1795824900000));
  EXPECT_EQ(incidentAt("07:15", 0, kNow, kWita), std::optional<std::int64_t>(1795824900000 - kHourMs));
  EXPECT_EQ(incidentAt("07:15", 0, kNow, kWit), std::optional<std::int64_t>(1795824900000 - 2 * kHourMs));
  // 08:00 WIT on 28 Nov = 23:00 UTC on 27 Nov.
  EXPECT_EQ(incidentAt("08:00", 0, kNow, kWit), std::optional<std::int64_t>(1795820400000));
}

TEST(FormFromDraft, AZoneWestOfUtcUsesItsOwnLocalDate) {
  // At 01:30Z it is 20:30 on 27 Nov at UTC-5, so "today 07:15" is 12:15Z on 27 Nov.
  EXPECT_EQ(incidentAt("07:15", 0, kNow, -300), std::optional<std::int64_t>(1795781700000));
}

TEST(FormFromDraft, ATimeThatIsNotHoursAndMinutesLeavesTheIncidentTimeEmpty) {
  for (const std::string bad : {"7,15", "25:00", "", "07:60", "24:00", "ab:cd", "07:15 ", "0715", "7", "-1:30", "07:15:00",
                                "07:15pm", ":15"}) {
    EXPECT_EQ(incidentAt(bad, 0, kNow, kWib), std::nullopt) << '"' << bad << '"';
  }
}

TEST(FormFromDraft, OneDigitHoursAndTheEdgesOfTheDayAreAccepted) {
  EXPECT_EQ(incidentAt("7:15", 0, kNow, kWib), incidentAt("07:15", 0, kNow, kWib));
  EXPECT_EQ(incidentAt("07.15", 0, kNow, kWib), incidentAt("07:15", 0, kNow, kWib)) << "the Indonesian way of writing it";
  EXPECT_TRUE(incidentAt("00:00", 0, kNow, kWib).has_value());
  EXPECT_TRUE(incidentAt("23:59", 0, kNow, kWib).has_value());
}

TEST(FormFromDraft, TheDraftsFieldsBecomeTheForm) {
  const report::ReportForm form = formFromDraft(validDraft(), &kPosition, kVillage, kNow, kWib);
  EXPECT_EQ(form.category, "traffic_accident");
  EXPECT_EQ(form.title, "Tabrakan di jalan pantura");
  EXPECT_EQ(form.description, "Dua sepeda motor bertabrakan dekat pasar.");
  ASSERT_TRUE(form.latDeg && form.lonDeg);
  EXPECT_EQ(*form.latDeg, -6.8694);
  EXPECT_EQ(*form.lonDeg, 109.0419);
  EXPECT_EQ(form.villageCode, kVillage);
  EXPECT_FALSE(form.anonymous);
  EXPECT_EQ(form.reporterName, "Siti Aminah");
  EXPECT_EQ(form.reporterPhone, "0812-3456-7890");
  EXPECT_EQ(form.photoRef, "");
}

TEST(FormFromDraft, EachCategoryIndexBecomesItsCodeAndNoChoiceStaysEmpty) {
  ReportDraft draft = validDraft();
  for (std::size_t i = 0; i < std::size(report::kAllCategories); ++i) {
    draft.category = static_cast<int>(i);
    EXPECT_EQ(formFromDraft(draft, &kPosition, kVillage, kNow, kWib).category, report::categoryCode(report::kAllCategories[i]));
  }
  for (int none : {-1, static_cast<int>(std::size(report::kAllCategories)), 99}) {
    draft.category = none;
    EXPECT_EQ(formFromDraft(draft, &kPosition, kVillage, kNow, kWib).category, "") << none;
  }
}

TEST(FormFromDraft, AnAnonymousReportDropsTheNameAndPhone) {
  ReportDraft draft = validDraft();
  draft.anonymous = true;
  const report::ReportForm form = formFromDraft(draft, &kPosition, kVillage, kNow, kWib);
  EXPECT_TRUE(form.anonymous);
  EXPECT_EQ(form.reporterName, "");
  EXPECT_EQ(form.reporterPhone, "");
}

TEST(FormFromDraft, NoPositionLeavesLatitudeAndLongitudeEmpty) {
  const report::ReportForm form = formFromDraft(validDraft(), nullptr, "", kNow, kWib);
  EXPECT_FALSE(form.latDeg.has_value());
  EXPECT_FALSE(form.lonDeg.has_value());
  EXPECT_EQ(form.villageCode, "");
}

TEST(FormFromDraft, AValidDraftPassesTheCoreValidator) {
  const auto validated = report::validateReportForm(formFromDraft(validDraft(), &kPosition, kVillage, kNow, kWib), kNow);
  EXPECT_TRUE(validated.ok()) << (validated.errors.empty() ? "" : validated.errors.front().field);
  ASSERT_TRUE(validated.value.has_value());
  EXPECT_EQ(validated.value->incidentAtUnixMs, 1795824900000);
  EXPECT_EQ(validated.value->reporter.phoneE164, "+6281234567890");
}

TEST(FormFromDraft, TheValidatorReportsTheIncidentTimeRequiredForAnUnreadableTime) {
  for (const std::string bad : {"7,15", "25:00", ""}) {
    ReportDraft draft = validDraft();
    draft.time = bad;
    const auto validated = report::validateReportForm(formFromDraft(draft, &kPosition, kVillage, kNow, kWib), kNow);
    EXPECT_FALSE(validated.ok()) << bad;
    ASSERT_EQ(validated.errors.size(), 1u) << bad;
    EXPECT_EQ(validated.errors[0].field, "incidentAtUnixMs") << bad;
    EXPECT_EQ(validated.errors[0].code, report::ErrorCode::Required) << bad;
  }
}

TEST(FormFromDraft, TheValidatorRefusesALaterTimeToday) {
  // 23:59 WIB today has not happened yet at 08:30.
  ReportDraft draft = validDraft();
  draft.time = "23:59";
  const auto validated = report::validateReportForm(formFromDraft(draft, &kPosition, kVillage, kNow, kWib), kNow);
  ASSERT_FALSE(validated.ok());
  EXPECT_EQ(validated.errors[0].field, "incidentAtUnixMs");
}

}  // namespace
}  // namespace bhabin::ui
