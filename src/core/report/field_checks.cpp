#include "core/report/field_checks.h"

#include <cmath>

namespace bhabin::report {

namespace {

void add(std::vector<ValidationError>& errors, const char* field, ErrorCode code) { errors.push_back({field, code}); }

bool inside(double value, double low, double high) { return value >= low && value <= high; }

}  // namespace

std::string checkText(std::string_view raw, const char* field, const TextRule& rule,
                      std::vector<ValidationError>& errors) {
  std::optional<std::string> cleaned = text::cleanText(raw, rule.lines);
  if (!cleaned) {
    add(errors, field, ErrorCode::InvalidUtf8);
    return {};
  }
  if (cleaned->empty()) {
    if (rule.required) add(errors, field, ErrorCode::Required);
    return {};
  }
  // cleanText returned valid UTF-8, so the count exists.
  const std::size_t chars = text::countCodePoints(*cleaned).value_or(0);
  if (chars < rule.minChars) add(errors, field, ErrorCode::TooShort);
  if (chars > rule.maxChars) add(errors, field, ErrorCode::TooLong);
  return *std::move(cleaned);
}

geo::LatLon checkPosition(std::optional<double> latDeg, std::optional<double> lonDeg, const ServiceArea& area,
                          std::vector<ValidationError>& errors) {
  const std::size_t before = errors.size();
  const auto checkOne = [&](std::optional<double> value, const char* field, double limit) {
    if (!value) {
      add(errors, field, ErrorCode::Required);
    } else if (!std::isfinite(*value)) {
      add(errors, field, ErrorCode::CoordinateNotFinite);
    } else if (!inside(*value, -limit, limit)) {
      add(errors, field, ErrorCode::CoordinateOutOfRange);
    }
  };
  checkOne(latDeg, "latDeg", 90.0);
  checkOne(lonDeg, "lonDeg", 180.0);
  if (errors.size() != before) return {};
  const geo::LatLon position{*latDeg, *lonDeg};
  if (!inside(position.latDeg, area.minLatDeg, area.maxLatDeg) ||
      !inside(position.lonDeg, area.minLonDeg, area.maxLonDeg)) {
    add(errors, "position", ErrorCode::OutsideServiceArea);
  }
  return position;
}

std::int64_t checkPastTime(std::optional<std::int64_t> atUnixMs, const char* field, std::int64_t nowUnixMs,
                           const ValidationSettings& settings, std::vector<ValidationError>& errors) {
  if (!atUnixMs) {
    add(errors, field, ErrorCode::Required);
    return 0;
  }
  // Hostile values near the int64 limits are refused before any arithmetic could overflow.
  constexpr std::int64_t kSaneLimitMs = std::int64_t{1} << 52;  // about 142,000 years
  const std::int64_t at = *atUnixMs;
  if (at > kSaneLimitMs || at > nowUnixMs + settings.clockSkewToleranceMs) {
    add(errors, field, ErrorCode::TimeInFuture);
  } else if (at < -kSaneLimitMs || at < nowUnixMs - settings.maxIncidentAgeMs) {
    add(errors, field, ErrorCode::TimeTooOld);
  }
  return *atUnixMs;
}

}  // namespace bhabin::report
