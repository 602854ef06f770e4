#include "ui/export_panel.h"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <array>

#include "core/domain/local_time.h"
#include "core/stats/period.h"
#include "ui/api_problem.h"
#include "ui/widget_tags.h"
#include "ui/widgets.h"

namespace bhabin::ui {

namespace {

constexpr std::array<int, 3> kPeriodDays = {7, 30, 90};

// RFC 3986: everything but the unreserved characters is percent-encoded (UTF-8 bytes one by one).
std::string queryEscaped(const std::string& text) {
  static const char* kHex = "0123456789ABCDEF";
  std::string out;
  for (char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if ((byte >= 'A' && byte <= 'Z') || (byte >= 'a' && byte <= 'z') || (byte >= '0' && byte <= '9') || c == '-' || c == '.' ||
        c == '_' || c == '~') {
      out.push_back(c);
    } else {
      out += {'%', kHex[byte >> 4], kHex[byte & 15]};
    }
  }
  return out;
}

// A row of buttons where the chosen one looks pressed.
bool choiceButton(const char* label, std::string_view id, bool chosen) {
  if (chosen) ImGui::PushStyleColor(ImGuiCol_Button, ImGui::GetStyleColorVec4(ImGuiCol_ButtonActive));
  const bool pressed = button(label, id);
  if (chosen) ImGui::PopStyleColor();
  return pressed;
}

}  // namespace

std::string exportPath(const ExportChoice& choice, const std::string& areaCode, std::int64_t nowUnixMs) {
  const stats::Period period = stats::lastDays(choice.days, domain::zoneOfArea(areaCode), nowUnixMs);
  std::string path = "/api/v1/area/export/";
  path += choice.data == ExportChoice::Data::Reports ? "reports" : "visits";
  path += choice.format == ExportChoice::Format::Csv ? ".csv" : ".geojson";
  path += "?from=" + domain::isoDate(period.firstDay) + "&to=" + domain::isoDate(period.lastDay);
  if (choice.includePersonalData) path += "&includePersonalData=1&reason=" + queryEscaped(choice.reason);
  return path;
}

void ExportPanel::draw(const i18n::Catalog& texts, Platform& platform, const OfficerDesk& desk) {
  ImGui::TextWrapped("%s", texts.text("export.intro"));
  drawChoice(texts);
  const char* label = state_.downloading ? texts.text("export.busy") : texts.text("export.download");
  if (button(label, "export.download", true) && !state_.downloading) start(platform, desk);
  if (!state_.refusal.empty() || state_.noAnswer) {
    errorText(state_.noAnswer ? std::string(texts.text("sync.offline")) : state_.refusal);
    tag("export.refusal");
  }
  if (!state_.downloading && !state_.fileName.empty()) {
    std::string done = std::string(texts.text("export.done")) + " " + state_.fileName;
    if (state_.rows >= 0) done += " (" + std::to_string(state_.rows) + " " + texts.text("export.rows") + ")";
    hintText(done);
    tag("export.done");
  }
}

void ExportPanel::drawChoice(const i18n::Catalog& texts) {
  using Data = ExportChoice::Data;
  using Format = ExportChoice::Format;
  ImGui::TextUnformatted(texts.text("export.what"));
  if (choiceButton(texts.text("export.reports"), "export.data.reports", choice_.data == Data::Reports)) choice_.data = Data::Reports;
  ImGui::SameLine();
  if (choiceButton(texts.text("export.visits"), "export.data.visits", choice_.data == Data::Visits)) choice_.data = Data::Visits;
  ImGui::TextUnformatted(texts.text("export.format"));
  if (choiceButton("CSV", "export.format.csv", choice_.format == Format::Csv)) choice_.format = Format::Csv;
  ImGui::SameLine();
  if (choiceButton("GeoJSON", "export.format.geojson", choice_.format == Format::GeoJson)) choice_.format = Format::GeoJson;
  ImGui::TextUnformatted(texts.text("dashboard.period"));
  for (std::size_t i = 0; i < kPeriodDays.size(); ++i) {
    if (i > 0) ImGui::SameLine();
    const int days = kPeriodDays[i];
    const std::string label = std::to_string(days) + " " + texts.text("duration.days");
    if (choiceButton(label.c_str(), "export.period." + std::to_string(days), choice_.days == days)) choice_.days = days;
  }
  ImGui::Checkbox(texts.text("export.personal"), &choice_.includePersonalData);
  tag("export.personal");
  if (!choice_.includePersonalData) return;
  hintText(texts.text("export.personal_hint"));
  ImGui::SetNextItemWidth(-1.0f);
  ImGui::InputTextWithHint("##export_reason", texts.text("export.reason"), &choice_.reason);
  tag("export.reason");
}

void ExportPanel::start(Platform& platform, const OfficerDesk& desk) {
  if (!desk.session()) return;
  const std::string path = exportPath(choice_, desk.session()->areaCode, platform.nowUnixMs());
  state_ = {true, {}, -1, {}, false};
  platform.download(path, [this, generation = ++generation_](const DownloadResult& result) {
    if (generation != generation_) return;
    state_.downloading = false;
    const int status = result.response.status;
    if (status >= 200 && status < 300) {
      state_.fileName = result.fileName;
      state_.rows = result.rows;
      return;
    }
    state_.noAnswer = status == 0;
    state_.refusal = problemOf(result.response);
  });
}

}  // namespace bhabin::ui
