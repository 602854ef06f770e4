// Small pieces every panel uses: tagged buttons sized for fingers, error and hint lines, and the formatting
// of times, ages, distances and contact links.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "core/i18n/catalog.h"
#include "core/report/category.h"
#include "core/report/status.h"

struct ImFont;

namespace bhabin::ui {

// The large face of the theme, or the current font where no fonts were loaded (headless tests).
ImFont* largeFontOrDefault();

// A button tagged `id` for the test hook; `fullWidth` stretches it across the panel.
bool button(const char* label, std::string_view id, bool fullWidth = false);
// The same, drawn in the alarm colour (the emergency call).
bool alarmButton(const char* label, std::string_view id, bool fullWidth = false);
void errorText(const std::string& text);
// Lets a finger drag scroll the current window, as touch users expect: once a press has moved far enough, the
// widget it began on lets go (so releasing does not press it) and the window follows the pointer. A sideways
// drag in a text field keeps selecting text. Call inside the window, after its content.
void scrollByDrag();
void hintText(const std::string& text);

// "28-11-2026 14:05" in the device's time zone.
std::string formatLocalTime(std::int64_t unixMs, int utcOffsetMinutes);
// "baru saja", "5 menit lalu", "3 jam lalu", "2 hari lalu" (and the English equivalents).
std::string formatAge(std::int64_t ageMs, const i18n::Catalog& texts);
std::string formatKm(double km);  // "40 m" (tens of metres) under 1 km, "2.4 km" under 10 km, then "37 km"

std::string telUrl(std::string_view phoneE164);       // "tel:+6281234567890"
std::string whatsappUrl(std::string_view phoneE164);  // "https://wa.me/6281234567890"

const char* statusLabel(report::Status status, const i18n::Catalog& texts);
const char* actionLabel(report::Action action, const i18n::Catalog& texts);

}  // namespace bhabin::ui
