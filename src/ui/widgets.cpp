#include "ui/widgets.h"

#include <imgui.h>
#include <imgui_internal.h>

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "core/domain/local_time.h"
#include "ui/theme.h"
#include "ui/widget_tags.h"

namespace bhabin::ui {

namespace {

ImVec2 buttonSize(bool fullWidth) { return ImVec2(fullWidth ? ImGui::GetContentRegionAvail().x : 0.0f, 0.0f); }

std::int64_t floorDiv(std::int64_t a, std::int64_t b) { return a / b - ((a % b != 0) && ((a < 0) != (b < 0))); }

}  // namespace

ImFont* largeFontOrDefault() { return largeFont() != nullptr ? largeFont() : ImGui::GetFont(); }

bool button(const char* label, std::string_view id, bool fullWidth) {
  const bool pressed = ImGui::Button(label, buttonSize(fullWidth));
  tag(id);
  return pressed;
}

bool alarmButton(const char* label, std::string_view id, bool fullWidth) {
  ImGui::PushStyleColor(ImGuiCol_Button, ImVec4(0.75f, 0.11f, 0.11f, 1.0f));
  ImGui::PushStyleColor(ImGuiCol_ButtonHovered, ImVec4(0.85f, 0.16f, 0.16f, 1.0f));
  ImGui::PushStyleColor(ImGuiCol_ButtonActive, ImVec4(0.60f, 0.08f, 0.08f, 1.0f));
  ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(1, 1, 1, 1));
  const bool pressed = button(label, id, fullWidth);
  ImGui::PopStyleColor(4);
  return pressed;
}

void scrollByDrag() {
  constexpr float kDragThreshold = 10.0f;  // CSS pixels: a tap wobbles less than this
  ImGuiContext& g = *ImGui::GetCurrentContext();
  if (!ImGui::IsWindowHovered(ImGuiHoveredFlags_ChildWindows | ImGuiHoveredFlags_AllowWhenBlockedByActiveItem)) return;
  if (!ImGui::IsMouseDragging(ImGuiMouseButton_Left, kDragThreshold)) return;
  // A mostly sideways drag in a text field selects text; anything else scrolls.
  const ImVec2 drag = ImGui::GetMouseDragDelta(ImGuiMouseButton_Left, kDragThreshold);
  const bool editingText = g.ActiveId != 0 && g.ActiveId == g.InputTextState.ID;
  if (editingText && std::abs(drag.x) >= std::abs(drag.y)) return;
  if (g.ActiveId != 0) ImGui::ClearActiveID();
  ImGui::SetScrollY(ImGui::GetScrollY() - g.IO.MouseDelta.y);
}

void errorText(const std::string& text) {
  ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.72f, 0.08f, 0.08f, 1.0f));
  ImGui::TextWrapped("%s", text.c_str());
  ImGui::PopStyleColor();
}

void hintText(const std::string& text) {
  ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
  ImGui::TextWrapped("%s", text.c_str());
  ImGui::PopStyleColor();
}

std::string formatLocalTime(std::int64_t unixMs, int utcOffsetMinutes) {
  const std::int64_t localMinutes = floorDiv(unixMs, 60000) + utcOffsetMinutes;
  const std::int64_t days = floorDiv(localMinutes, 1440);
  const auto minuteOfDay = static_cast<int>(localMinutes - days * 1440);
  const domain::LocalDate date = domain::dateOfDayNumber(days);
  char text[64];
  std::snprintf(text, sizeof text, "%02d-%02d-%04d %02d:%02d", date.day, date.month, date.year, minuteOfDay / 60, minuteOfDay % 60);
  return text;
}

std::string formatAge(std::int64_t ageMs, const i18n::Catalog& texts) {
  const std::int64_t minutes = ageMs / 60000;
  if (minutes < 1) return texts.text("age.just_now");
  if (minutes < 60) return std::to_string(minutes) + " " + texts.text("age.minutes_ago");
  if (minutes < 48 * 60) return std::to_string(minutes / 60) + " " + texts.text("age.hours_ago");
  return std::to_string(minutes / 1440) + " " + texts.text("age.days_ago");
}

std::string formatKm(double km) {
  char text[32];
  if (km < 1.0) {
    // Tens of metres: a position rounded to ~110 m (the public roster) claims no more.
    std::snprintf(text, sizeof text, "%.0f m", std::max(10.0, std::round(km * 100.0) * 10.0));
  } else {
    std::snprintf(text, sizeof text, km < 10.0 ? "%.1f km" : "%.0f km", km);
  }
  return text;
}

std::string telUrl(std::string_view phoneE164) { return "tel:" + std::string(phoneE164); }

std::string whatsappUrl(std::string_view phoneE164) {
  std::string digits;
  for (char c : phoneE164) {
    if (c >= '0' && c <= '9') digits.push_back(c);
  }
  return "https://wa.me/" + digits;
}

const char* statusLabel(report::Status status, const i18n::Catalog& texts) {
  switch (status) {
    case report::Status::Submitted: return texts.text("status.submitted");
    case report::Status::Received: return texts.text("status.received");
    case report::Status::InProcess: return texts.text("status.in_process");
    case report::Status::HandedOver: return texts.text("status.handed_over");
    case report::Status::Resolved: return texts.text("status.resolved");
    case report::Status::Rejected: return texts.text("status.rejected");
    case report::Status::Closed: return texts.text("status.closed");
  }
  return texts.text("status.submitted");
}

const char* actionLabel(report::Action action, const i18n::Catalog& texts) {
  switch (action) {
    case report::Action::Submit: return texts.text("action.submit");
    case report::Action::Receive: return texts.text("action.receive");
    case report::Action::Start: return texts.text("action.start");
    case report::Action::Resolve: return texts.text("action.resolve");
    case report::Action::Reject: return texts.text("action.reject");
    case report::Action::HandOver: return texts.text("action.hand_over");
    case report::Action::Reopen: return texts.text("action.reopen");
    case report::Action::Note: return texts.text("action.note");
    case report::Action::Confirm: return texts.text("action.confirm");
    case report::Action::AutoClose: return texts.text("action.auto_close");
    case report::Action::Escalate: return texts.text("action.escalate");
  }
  return texts.text("action.note");
}

}  // namespace bhabin::ui
