#include "ui/dashboard_panel.h"

#include <imgui.h>

#include <algorithm>
#include <array>
#include <tuple>
#include <utility>
#include <vector>

#include "ui/widget_tags.h"
#include "ui/widgets.h"

namespace bhabin::ui {

namespace {

constexpr std::array<int, 3> kPeriodDays = {7, 30, 90};
constexpr std::size_t kOfficerRowsShown = 60;
constexpr std::size_t kOverdueRowsShown = 10;
constexpr ImU32 kSubmittedColour = IM_COL32(33, 99, 186, 255);
constexpr ImU32 kResolvedColour = IM_COL32(46, 139, 87, 255);
constexpr ImU32 kAxisColour = IM_COL32(160, 160, 160, 255);
constexpr ImU32 kCategoryColour = IM_COL32(217, 72, 15, 255);  // the map's report colour

// A chart's canvas: the next `height` pixels of the panel's width, claimed as one item.
struct ChartArea {
  ImVec2 min;
  ImVec2 max;
};

ChartArea claimChart(float height, std::string_view id) {
  const ImVec2 min = ImGui::GetCursorScreenPos();
  const float width = ImGui::GetContentRegionAvail().x;
  ImGui::Dummy(ImVec2(width, height));
  tag(id);
  return {min, ImVec2(min.x + width, min.y + height)};
}

// The y of `value` on an axis from 0 (bottom) to `top`.
float yOf(const ChartArea& area, std::int64_t value, std::int64_t top) {
  const float fraction = top > 0 ? static_cast<float>(value) / static_cast<float>(top) : 0.0f;
  return area.max.y - fraction * (area.max.y - area.min.y);
}

void drawSeries(ImDrawList& draw, const ChartArea& area, const std::vector<std::int64_t>& values, std::int64_t top, ImU32 colour) {
  if (values.empty()) return;
  const float step = values.size() > 1 ? (area.max.x - area.min.x) / static_cast<float>(values.size() - 1) : 0.0f;
  std::vector<ImVec2> points;
  points.reserve(values.size());
  for (std::size_t i = 0; i < values.size(); ++i) points.emplace_back(area.min.x + step * static_cast<float>(i), yOf(area, values[i], top));
  if (points.size() == 1) points.push_back(ImVec2(area.max.x, points.front().y));
  draw.AddPolyline(points.data(), static_cast<int>(points.size()), colour, ImDrawFlags_None, 2.0f);
}

void legend(const char* label, ImU32 colour) {
  const ImVec2 at = ImGui::GetCursorScreenPos();
  const float size = ImGui::GetTextLineHeight() * 0.7f;
  ImGui::GetWindowDrawList()->AddRectFilled(ImVec2(at.x, at.y + size * 0.2f), ImVec2(at.x + size, at.y + size * 1.2f), colour);
  ImGui::Dummy(ImVec2(size, size));
  ImGui::SameLine();
  ImGui::TextUnformatted(label);
}

// One labelled horizontal bar per value, scaled to the largest; each row tagged `idPrefix` + its code.
void drawBars(const std::vector<std::pair<std::string, std::int64_t>>& rows, const std::vector<std::string_view>& codes,
              const std::string& idPrefix, ImU32 colour) {
  std::int64_t top = 1;
  for (const auto& row : rows) top = std::max(top, row.second);
  const float labelWidth = ImGui::GetContentRegionAvail().x * 0.35f;
  for (std::size_t i = 0; i < rows.size(); ++i) {
    ImGui::TextUnformatted(rows[i].first.c_str());
    ImGui::SameLine(labelWidth);
    const float room = ImGui::GetContentRegionAvail().x - ImGui::CalcTextSize("0000").x;
    const float barWidth = std::max(room * static_cast<float>(rows[i].second) / static_cast<float>(top), 1.0f);
    const ImVec2 at = ImGui::GetCursorScreenPos();
    const float height = ImGui::GetTextLineHeight();
    ImGui::GetWindowDrawList()->AddRectFilled(at, ImVec2(at.x + barWidth, at.y + height), colour, 2.0f);
    ImGui::Dummy(ImVec2(barWidth, height));
    ImGui::SameLine();
    ImGui::Text("%lld", static_cast<long long>(rows[i].second));
    tag(idPrefix + std::string(codes[i]));
  }
}

}  // namespace

std::string formatDuration(std::int64_t ms, const i18n::Catalog& texts) {
  const std::int64_t minutes = std::max<std::int64_t>(0, ms / 60000);
  const std::string m = texts.text("duration.minutes");
  const std::string h = texts.text("duration.hours");
  const std::string d = texts.text("duration.days");
  if (minutes < 1) return "< 1 " + m;
  if (minutes < 60) return std::to_string(minutes) + " " + m;
  if (minutes < 24 * 60) return std::to_string(minutes / 60) + " " + h + " " + std::to_string(minutes % 60) + " " + m;
  return std::to_string(minutes / 1440) + " " + d + " " + std::to_string(minutes % 1440 / 60) + " " + h;
}

std::string overdueLine(const stats::OverdueReport& late, const i18n::Catalog& texts, i18n::Language language) {
  const char* deadline = texts.text(late.deadline.kind == report::DeadlineKind::Receive ? "dashboard.late_receive" : "dashboard.late_resolve");
  // The code's region and first group are enough to tell the reports of a list apart.
  std::string line = formatDuration(late.deadline.lateByMs, texts) + " · " + deadline + " · " +
                     std::string(report::categoryLabel(late.category, language)) + " · " + late.trackingCode.substr(0, 9);
  if (late.deadline.escalated) line += " · " + std::string(texts.text("dashboard.escalated_mark"));
  return line;
}

void DashboardPanel::draw(const i18n::Catalog& texts, i18n::Language language, OfficerDesk& desk) {
  if (!ImGui::CollapsingHeader(texts.text("dashboard.title"), ImGuiTreeNodeFlags_DefaultOpen)) return;
  tag("dashboard.title");
  drawPeriodChoice(texts, desk);
  const auto& view = desk.dashboard();
  if (!view) {
    hintText(texts.text("dashboard.loading"));
    return;
  }
  drawHeadline(texts, *view);
  drawOverdue(texts, language, *view, desk);
  drawStatusBars(texts, *view);
  drawCategoryBars(texts, language, *view);
  drawDays(texts, *view);
  drawOfficers(texts, *view);
  ImGui::Separator();
}

void DashboardPanel::drawPeriodChoice(const i18n::Catalog& texts, OfficerDesk& desk) {
  for (std::size_t i = 0; i < kPeriodDays.size(); ++i) {
    const int days = kPeriodDays[i];
    if (i > 0) ImGui::SameLine();
    const std::string label = std::to_string(days) + " " + texts.text("duration.days");
    const bool chosen = desk.dashboardDays() == days;
    if (chosen) ImGui::PushStyleColor(ImGuiCol_Button, ImGui::GetStyleColorVec4(ImGuiCol_ButtonActive));
    if (button(label.c_str(), "dashboard.period." + std::to_string(days)) && !chosen) desk.loadDashboard(days);
    if (chosen) ImGui::PopStyleColor();
  }
}

void DashboardPanel::drawHeadline(const i18n::Catalog& texts, const wire::AreaDashboardView& view) {
  ImGui::Text("%s %s – %s (%s)", texts.text("dashboard.period"), domain::isoDate(view.from).c_str(), domain::isoDate(view.to).c_str(),
              view.timeZone.c_str());
  ImGui::Text("%s: %lld", texts.text("dashboard.submitted"), static_cast<long long>(view.submitted));
  tag("dashboard.submitted");
  const auto wait = [&](const char* key, const stats::DurationSummary& summary, std::string_view id) {
    if (summary.count == 0) {
      ImGui::Text("%s: –", texts.text(key));
    } else {
      ImGui::Text("%s: %s %s · %s %s", texts.text(key), texts.text("dashboard.median"), formatDuration(summary.medianMs, texts).c_str(),
                  texts.text("dashboard.p90"), formatDuration(summary.p90Ms, texts).c_str());
    }
    tag(id);
  };
  wait("dashboard.to_received", view.submittedToReceived, "dashboard.to_received");
  wait("dashboard.to_resolved", view.submittedToResolved, "dashboard.to_resolved");
  ImGui::Text("%s: %lld", texts.text("dashboard.escalated"), static_cast<long long>(view.escalatedInPeriod));
  tag("dashboard.escalated");
}

// What is late now, the most late first; a tap opens the report, to see why and to act.
void DashboardPanel::drawOverdue(const i18n::Catalog& texts, i18n::Language language, const wire::AreaDashboardView& view,
                                 OfficerDesk& desk) {
  ImGui::Text("%s: %lld", texts.text("dashboard.overdue"), static_cast<long long>(view.overdueTotal));
  tag("dashboard.overdue");
  const std::size_t shown = std::min(view.overdue.size(), kOverdueRowsShown);
  for (std::size_t i = 0; i < shown; ++i) {
    const stats::OverdueReport& late = view.overdue[i];
    const std::string line = overdueLine(late, texts, language);
    ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.75f, 0.15f, 0.1f, 1.0f));
    const bool chosen = ImGui::Selectable((line + "##late" + std::to_string(i)).c_str());
    ImGui::PopStyleColor();
    tag("dashboard.late." + late.trackingCode);
    if (chosen) desk.open(late.trackingCode);
  }
  if (view.overdueTotal > static_cast<std::int64_t>(shown)) {
    hintText(std::to_string(view.overdueTotal - static_cast<std::int64_t>(shown)) + " " + texts.text("dashboard.overdue_more"));
  }
}

void DashboardPanel::drawStatusBars(const i18n::Catalog& texts, const wire::AreaDashboardView& view) {
  std::array<std::int64_t, std::size(report::kAllStatuses)> byStatus{};
  for (const auto& count : view.byStatusAndCategory) byStatus[static_cast<std::size_t>(count.status)] += count.count;
  std::vector<std::pair<std::string, std::int64_t>> rows;
  std::vector<std::string_view> codes;
  for (std::size_t i = 0; i < byStatus.size(); ++i) {
    rows.emplace_back(statusLabel(report::kAllStatuses[i], texts), byStatus[i]);
    codes.push_back(report::statusCode(report::kAllStatuses[i]));
  }
  drawBars(rows, codes, "dashboard.status.", kSubmittedColour);
}

// The period's reports by category, the most frequent first: what troubles the area.
void DashboardPanel::drawCategoryBars(const i18n::Catalog& texts, i18n::Language language, const wire::AreaDashboardView& view) {
  std::array<std::int64_t, std::size(report::kAllCategories)> byCategory{};
  for (const auto& count : view.byStatusAndCategory) byCategory[static_cast<std::size_t>(count.category)] += count.count;
  std::vector<std::size_t> order;
  for (std::size_t i = 0; i < byCategory.size(); ++i) {
    if (byCategory[i] > 0) order.push_back(i);
  }
  if (order.empty()) return;
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return byCategory[a] > byCategory[b]; });
  ImGui::TextUnformatted(texts.text("dashboard.by_category"));
  std::vector<std::pair<std::string, std::int64_t>> rows;
  std::vector<std::string_view> codes;
  for (std::size_t i : order) {
    rows.emplace_back(report::categoryLabel(report::kAllCategories[i], language), byCategory[i]);
    codes.push_back(report::categoryCode(report::kAllCategories[i]));
  }
  drawBars(rows, codes, "dashboard.category.", kCategoryColour);
}

void DashboardPanel::drawDays(const i18n::Catalog& texts, const wire::AreaDashboardView& view) {
  std::vector<std::int64_t> submitted;
  std::vector<std::int64_t> resolved;
  for (const auto& day : view.days) {
    submitted.push_back(day.submitted);
    resolved.push_back(day.resolved);
  }
  std::int64_t top = 1;
  for (std::size_t i = 0; i < submitted.size(); ++i) top = std::max({top, submitted[i], resolved[i]});
  legend(texts.text("dashboard.per_day_submitted"), kSubmittedColour);
  ImGui::SameLine();
  legend(texts.text("dashboard.per_day_resolved"), kResolvedColour);
  const ChartArea area = claimChart(ImGui::GetTextLineHeight() * 6, "dashboard.days_chart");
  ImDrawList& draw = *ImGui::GetWindowDrawList();
  draw.AddLine(ImVec2(area.min.x, area.max.y), area.max, kAxisColour);
  drawSeries(draw, area, submitted, top, kSubmittedColour);
  drawSeries(draw, area, resolved, top, kResolvedColour);
  draw.AddText(area.min, kAxisColour, std::to_string(top).c_str());
}

void DashboardPanel::drawOfficers(const i18n::Catalog& texts, const wire::AreaDashboardView& view) {
  std::vector<const wire::DashboardOfficerView*> rows;
  for (const auto& officer : view.officers) rows.push_back(&officer);
  // The busiest first: open load now, then what they resolved and were given in the period.
  std::stable_sort(rows.begin(), rows.end(), [](const auto* a, const auto* b) {
    const auto& x = a->figures;
    const auto& y = b->figures;
    return std::tie(x.openNow, x.resolvedInPeriod, x.assignedInPeriod) > std::tie(y.openNow, y.resolvedInPeriod, y.assignedInPeriod);
  });
  if (rows.size() > kOfficerRowsShown) rows.resize(kOfficerRowsShown);
  const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_SizingStretchProp;
  if (!ImGui::BeginTable("dashboard_officers", 7, flags)) return;
  ImGui::TableSetupColumn(texts.text("dashboard.col_officer"), ImGuiTableColumnFlags_WidthStretch, 3.0f);
  ImGui::TableSetupColumn(texts.text("dashboard.col_open"));
  ImGui::TableSetupColumn(texts.text("dashboard.col_resolved"));
  ImGui::TableSetupColumn(texts.text("dashboard.col_wait"), ImGuiTableColumnFlags_WidthStretch, 2.0f);
  ImGui::TableSetupColumn(texts.text("dashboard.col_visits"));
  ImGui::TableSetupColumn(texts.text("dashboard.col_rating"));
  ImGui::TableSetupColumn(texts.text("dashboard.col_duty"), ImGuiTableColumnFlags_WidthStretch, 2.0f);
  ImGui::TableHeadersRow();
  for (const auto* row : rows) {
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(row->name.empty() ? row->figures.nrp.c_str() : row->name.c_str());
    tag("dashboard.officer." + row->figures.nrp);
    ImGui::TableNextColumn();
    ImGui::Text("%lld", static_cast<long long>(row->figures.openNow));
    ImGui::TableNextColumn();
    ImGui::Text("%lld", static_cast<long long>(row->figures.resolvedInPeriod));
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(row->figures.toReceive.count == 0 ? "–" : formatDuration(row->figures.toReceive.medianMs, texts).c_str());
    ImGui::TableNextColumn();
    ImGui::Text("%lld", static_cast<long long>(row->figures.visitsInPeriod));
    ImGui::TableNextColumn();
    if (row->figures.ratingCount == 0) {
      ImGui::TextUnformatted("–");
    } else {
      ImGui::Text("%.1f (%lld)", static_cast<double>(row->figures.ratingSum) / static_cast<double>(row->figures.ratingCount),
                  static_cast<long long>(row->figures.ratingCount));
    }
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(row->figures.dutyMsInPeriod == 0 ? "–" : formatDuration(row->figures.dutyMsInPeriod, texts).c_str());
    tag("dashboard.duty." + row->figures.nrp);
  }
  ImGui::EndTable();
}

}  // namespace bhabin::ui
