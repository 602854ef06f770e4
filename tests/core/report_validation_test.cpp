#include "core/report/report_validation.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <limits>

#include "report_fixtures.h"

namespace bhabin::report {
namespace {

using testing::kHourMs;
using testing::kNowUnixMs;
using testing::validReportForm;

std::vector<ValidationError> errorsOf(const ReportForm& form, const ValidationSettings& settings = {}) {
  return validateReportForm(form, kNowUnixMs, settings).errors;
}

bool has(const std::vector<ValidationError>& errors, const char* field, ErrorCode code) {
  return std::find(errors.begin(), errors.end(), ValidationError{field, code}) != errors.end();
}

TEST(ReportValidation, AcceptsAndNormalisesAValidForm) {
  ReportForm form = validReportForm();
  form.title = "  Tabrakan\tdi jalan pantura \r\n";
  form.description = "Baris satu\r\nBaris dua\x07";
  const auto result = validateReportForm(form, kNowUnixMs);
  ASSERT_TRUE(result.ok()) << errorCodeName(result.errors.front().code);
  const ReportDetails& details = *result.value;
  EXPECT_EQ(details.category, Category::TrafficAccident);
  EXPECT_EQ(details.title, "Tabrakan di jalan pantura");
  EXPECT_EQ(details.description, "Baris satu\nBaris dua");
  EXPECT_EQ(details.reporter.phoneE164, "+6281234567890");
  EXPECT_EQ(details.reporter.name, "Siti Aminah");
  EXPECT_FALSE(details.reporter.anonymous);
  EXPECT_EQ(details.villageCode, "33.29.01.2001");
  EXPECT_TRUE(details.trackingCode.empty());
}

TEST(ReportValidation, ReportsEveryMissingFieldAtOnce) {
  const auto errors = errorsOf(ReportForm{});
  for (const char* field : {"category", "title", "description", "incidentAtUnixMs", "latDeg", "lonDeg",
                            "villageCode", "reporterName"}) {
    EXPECT_TRUE(has(errors, field, ErrorCode::Required)) << field;
  }
  EXPECT_EQ(errors.size(), 8u);
  EXPECT_FALSE(validateReportForm(ReportForm{}, kNowUnixMs).value.has_value());
}

TEST(ReportValidation, LengthsAreCountedInCharactersNotBytes) {
  ValidationSettings settings;
  settings.titleMaxChars = 10;
  ReportForm form = validReportForm();
  form.title = "\xF0\x9F\x9A\x93\xF0\x9F\x9A\x93\xF0\x9F\x9A\x93\xF0\x9F\x9A\x93\xF0\x9F\x9A\x93"
               "\xF0\x9F\x9A\x93\xF0\x9F\x9A\x93\xF0\x9F\x9A\x93\xF0\x9F\x9A\x93\xF0\x9F\x9A\x93";  // 10 🚓, 40 bytes
  EXPECT_TRUE(errorsOf(form, settings).empty());
  form.title += "a";
  EXPECT_TRUE(has(errorsOf(form, settings), "title", ErrorCode::TooLong));
  form.title = "abcd";  // below titleMinChars = 5
  EXPECT_TRUE(has(errorsOf(form, settings), "title", ErrorCode::TooShort));
  form = validReportForm();
  form.description = std::string(4001, 'x');
  EXPECT_TRUE(has(errorsOf(form), "description", ErrorCode::TooLong));
}

TEST(ReportValidation, ControlCharactersDoNotCountAndWhitespaceOnlyIsEmpty) {
  ReportForm form = validReportForm();
  form.title = std::string("\x01\x02\x03 \t ", 6);
  EXPECT_TRUE(has(errorsOf(form), "title", ErrorCode::Required));
  form.title = std::string("ab\0c\x1B", 5) + "d";  // 4 visible characters after stripping
  EXPECT_TRUE(has(errorsOf(form), "title", ErrorCode::TooShort));
}

TEST(ReportValidation, InvalidUtf8IsRefused) {
  ReportForm form = validReportForm();
  form.description = "Ada maling \xC0\xAF di sini";
  form.reporterName = "Siti \xED\xA0\x80";
  const auto errors = errorsOf(form);
  EXPECT_TRUE(has(errors, "description", ErrorCode::InvalidUtf8));
  EXPECT_TRUE(has(errors, "reporterName", ErrorCode::InvalidUtf8));
}

TEST(ReportValidation, CategoryMustBeAKnownCode) {
  ReportForm form = validReportForm();
  form.category = "pencurian";
  EXPECT_TRUE(has(errorsOf(form), "category", ErrorCode::UnknownCategory));
  form.category = " drugs ";
  EXPECT_TRUE(errorsOf(form).empty());
}

TEST(ReportValidation, CoordinatesFiniteInRangeAndInsideTheServiceArea) {
  ReportForm form = validReportForm();
  form.latDeg = std::numeric_limits<double>::quiet_NaN();
  form.lonDeg = std::numeric_limits<double>::infinity();
  auto errors = errorsOf(form);
  EXPECT_TRUE(has(errors, "latDeg", ErrorCode::CoordinateNotFinite));
  EXPECT_TRUE(has(errors, "lonDeg", ErrorCode::CoordinateNotFinite));
  form.latDeg = 91.0;
  form.lonDeg = -181.0;
  errors = errorsOf(form);
  EXPECT_TRUE(has(errors, "latDeg", ErrorCode::CoordinateOutOfRange));
  EXPECT_TRUE(has(errors, "lonDeg", ErrorCode::CoordinateOutOfRange));
  form.latDeg = 14.5995;  // Manila
  form.lonDeg = 120.9842;
  EXPECT_TRUE(has(errorsOf(form), "position", ErrorCode::OutsideServiceArea));
  form.latDeg = -8.4095;  // Denpasar
  form.lonDeg = 115.1889;
  EXPECT_TRUE(errorsOf(form).empty());
  ValidationSettings brebesOnly;
  brebesOnly.serviceArea = {-7.5, -6.7, 108.6, 109.2};
  EXPECT_TRUE(has(errorsOf(form, brebesOnly), "position", ErrorCode::OutsideServiceArea));
  form.latDeg = -6.8694;
  form.lonDeg = 109.0419;
  EXPECT_TRUE(errorsOf(form, brebesOnly).empty());
}

TEST(ReportValidation, IncidentTimeNotInTheFutureNorAbsurdlyOld) {
  ReportForm form = validReportForm();
  form.incidentAtUnixMs = kNowUnixMs + 4 * 60 * 1000;  // a phone clock 4 minutes fast is tolerated
  EXPECT_TRUE(errorsOf(form).empty());
  form.incidentAtUnixMs = kNowUnixMs + 6 * 60 * 1000;
  EXPECT_TRUE(has(errorsOf(form), "incidentAtUnixMs", ErrorCode::TimeInFuture));
  form.incidentAtUnixMs = kNowUnixMs - 365 * 24 * kHourMs;
  EXPECT_TRUE(errorsOf(form).empty());
  form.incidentAtUnixMs = kNowUnixMs - 367 * 24 * kHourMs;
  EXPECT_TRUE(has(errorsOf(form), "incidentAtUnixMs", ErrorCode::TimeTooOld));
  form.incidentAtUnixMs = std::numeric_limits<std::int64_t>::max();
  EXPECT_TRUE(has(errorsOf(form), "incidentAtUnixMs", ErrorCode::TimeInFuture));
  form.incidentAtUnixMs = std::numeric_limits<std::int64_t>::min();
  EXPECT_TRUE(has(errorsOf(form), "incidentAtUnixMs", ErrorCode::TimeTooOld));
}

TEST(ReportValidation, VillageCodeAndPhotoReference) {
  ReportForm form = validReportForm();
  form.villageCode = "33.29.01";
  form.photoRef = "../../etc/passwd";
  auto errors = errorsOf(form);
  EXPECT_TRUE(has(errors, "villageCode", ErrorCode::InvalidVillageCode));
  EXPECT_TRUE(has(errors, "photoRef", ErrorCode::InvalidPhotoRef));
  form = validReportForm();
  form.photoRef = "sha256:9f86d081884c7d659a2feaa0c55ad015";
  EXPECT_TRUE(errorsOf(form).empty());
  form.photoRef = std::string(129, 'a');
  EXPECT_TRUE(has(errorsOf(form), "photoRef", ErrorCode::InvalidPhotoRef));
}

TEST(ReportValidation, ReporterContactRules) {
  ReportForm form = validReportForm();
  form.reporterPhone = "";
  EXPECT_TRUE(errorsOf(form).empty());  // the phone is optional
  form.reporterPhone = "+1 202 555 0100";
  EXPECT_TRUE(has(errorsOf(form), "reporterPhone", ErrorCode::PhoneNotIndonesian));
  form.reporterName = " ";
  EXPECT_TRUE(has(errorsOf(form), "reporterName", ErrorCode::Required));
}

TEST(ReportValidation, AnonymousReportsKeepNothingIdentifying) {
  ReportForm form = validReportForm();
  form.anonymous = true;
  form.reporterName = "\xC0\xAF";  // not even looked at
  form.reporterPhone = "nonsense";
  const auto result = validateReportForm(form, kNowUnixMs);
  ASSERT_TRUE(result.ok());
  EXPECT_TRUE(result.value->reporter.anonymous);
  EXPECT_TRUE(result.value->reporter.name.empty());
  EXPECT_TRUE(result.value->reporter.phoneE164.empty());
}

TEST(NoteValidation, CleansAndLimitsNotes) {
  EXPECT_EQ(*validateNote("  sudah ditangani\r\n", true).value, "sudah ditangani");
  EXPECT_EQ(validateNote(" ", true).errors, (std::vector<ValidationError>{{"note", ErrorCode::Required}}));
  EXPECT_TRUE(validateNote("", false).ok());
  ValidationSettings settings;
  settings.noteMaxChars = 3;
  EXPECT_EQ(validateNote("abcd", true, settings).errors.front().code, ErrorCode::TooLong);
  EXPECT_EQ(validateNote("\xFF", true).errors.front().code, ErrorCode::InvalidUtf8);
}

}  // namespace
}  // namespace bhabin::report
