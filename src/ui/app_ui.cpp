#include "ui/app_ui.h"

#include <imgui.h>

#include <algorithm>

#include "core/domain/region_code.h"
#include "ui/widget_tags.h"
#include "ui/widgets.h"

namespace bhabin::ui {

namespace {

// Clusters as map points: a group drawn as `group` with its count, a lone member as `single(its id)`.
template <typename Single>
std::vector<MapPoint> mapPointsOf(const cluster::Clusters& clusters, MapPoint::Kind group, Single single) {
  std::vector<MapPoint> points;
  points.reserve(clusters.size());
  for (std::size_t i = 0; i < clusters.size(); ++i) {
    const bool alone = clusters.count[i] == 1;
    points.push_back({alone ? single(clusters.id[i]) : group, {clusters.latDeg[i], clusters.lonDeg[i]}, clusters.count[i]});
  }
  return points;
}

constexpr float kWideLayoutMinWidth = 720.0f;  // below this the sheet sits at the bottom, full width
constexpr float kSideSheetWidth = 420.0f;
constexpr float kMargin = 10.0f;

// "track=CODE&s=SECRET" → the value of `name`.
std::string fragmentValue(const std::string& fragment, const std::string& name) {
  std::size_t at = 0;
  while (at < fragment.size()) {
    const std::size_t end = std::min(fragment.find('&', at), fragment.size());
    const std::string part = fragment.substr(at, end - at);
    if (part.rfind(name + "=", 0) == 0) return part.substr(name.size() + 1);
    at = end + 1;
  }
  return {};
}

}  // namespace

AppUi::AppUi(Platform& platform, MapView& map, std::array<i18n::Catalog, 2> catalogs)
    : platform_(platform),
      map_(map),
      catalogs_(std::move(catalogs)),
      outbox_(platform, OutboxListener{
                            [this](const sync::Change& change, const wire::CreationAnswer& answer) { citizen_.created(change, answer); },
                            [this](const sync::Change&, const std::string& outcome, const wire::StaffReportView& report) {
                              desk_.moveApplied(outcome, report);
                            },
                            [this](const RefusedChange& refused) { lastRefusal_ = refused; },
                            [this] { citizen_.adoptQueuedReports(); },
                            [this](const sync::Change&) { desk_.visitLogged(); }}),
      roster_(platform),
      outlines_(platform, map),
      citizen_(platform, outbox_),
      desk_(platform, outbox_),
      rosterAdmin_(platform) {}

void AppUi::start() {
  platform_.load(kLanguageKey, [this](std::optional<std::string> code) {
    if (code && *code == "en") language_ = i18n::Language::English;
  });
  outbox_.restore();
  citizen_.restore();
  roster_.refresh();
  outlines_.refresh();
  rosterCheckedAt_ = platform_.nowUnixMs();
  desk_.restoreSession();
}

void AppUi::openLink(const std::string& fragment) {
  const std::string code = fragmentValue(fragment, "track");
  if (code.empty()) return;
  track_.show(code, fragmentValue(fragment, "s"), citizen_);
  showTab(Tab::Track);
}

void AppUi::setLanguage(i18n::Language language) {
  if (language == language_) return;
  language_ = language;
  platform_.save(kLanguageKey, std::string(i18n::languageCode(language)), [](bool) {});
}

void AppUi::frame() {
  widgetTags().beginFrame();
  outbox_.pump();
  desk_.tick();
  if (!desk_.session() && rosterAdmin_.requested()) rosterAdmin_.clear();
  if (platform_.nowUnixMs() - rosterCheckedAt_ > kRosterRefreshMs) {
    roster_.refresh();
    outlines_.refresh();
    rosterCheckedAt_ = platform_.nowUnixMs();
  }
  if (const auto& village = locate_.answer().villageCode) outlines_.showRegency(domain::regencyOf(*village).value_or(""));
  updateMapLayers();

  const ImGuiViewport* viewport = ImGui::GetMainViewport();
  const bool wide = viewport->WorkSize.x >= kWideLayoutMinWidth;
  const float headerHeight = ImGui::GetFrameHeightWithSpacing() * 2 + ImGui::GetStyle().WindowPadding.y * 2;
  ImVec2 pos, size;
  if (wide) {
    pos = ImVec2(viewport->WorkPos.x + kMargin, viewport->WorkPos.y + kMargin);
    size = ImVec2(kSideSheetWidth, sheetOpen_ ? viewport->WorkSize.y - 2 * kMargin : headerHeight);
  } else {
    // A phone held upright: the map keeps the top 40 % of the screen, the sheet the rest.
    const float height = sheetOpen_ ? viewport->WorkSize.y * 0.6f : headerHeight;
    pos = ImVec2(viewport->WorkPos.x, viewport->WorkPos.y + viewport->WorkSize.y - height);
    size = ImVec2(viewport->WorkSize.x, height);
  }
  map_.setCoveredArea(wide ? pos.x + size.x : 0.0f, wide ? 0.0f : size.y);
  ImGui::SetNextWindowPos(pos, ImGuiCond_Always);
  ImGui::SetNextWindowSize(size, ImGuiCond_Always);
  const ImGuiWindowFlags flags = ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoMove |
                                 ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoSavedSettings;
  if (ImGui::Begin("###sheet", nullptr, flags)) {
    drawHeader();
    if (sheetOpen_) {
      drawSyncStatus();
      drawTabs();
    }
  }
  ImGui::End();
}

void AppUi::drawHeader() {
  ImGui::TextUnformatted(texts().text("app.title"));
  ImGui::SameLine();
  if (alarmButton(texts().text("emergency.call"), "emergency.call")) platform_.openExternal("tel:110");
  ImGui::SameLine();
  const bool indonesian = language_ == i18n::Language::Indonesian;
  if (button(indonesian ? "EN" : "ID", "language.toggle")) {
    setLanguage(indonesian ? i18n::Language::English : i18n::Language::Indonesian);
  }
  ImGui::SameLine();
  if (button(sheetOpen_ ? texts().text("sheet.hide") : texts().text("sheet.show"), "sheet.toggle")) sheetOpen_ = !sheetOpen_;
}

void AppUi::drawSyncStatus() {
  const SyncStatus status = outbox_.status();
  std::string line;
  switch (status.phase) {
    case SyncPhase::Loading: line = texts().text("sync.loading"); break;
    case SyncPhase::Idle: line = platform_.online() ? texts().text("sync.all_sent") : texts().text("sync.offline"); break;
    case SyncPhase::Sending: line = texts().text("sync.sending"); break;
    case SyncPhase::Blocked: line = texts().text("sync.login_again"); break;
    case SyncPhase::Waiting:
      line = std::to_string(status.waiting) + " " + texts().text("sync.waiting");
      if (!platform_.online()) line += " - " + std::string(texts().text("sync.offline"));
      break;
  }
  if (status.phase == SyncPhase::Waiting && !status.lastProblem.empty()) {
    errorText(line + ": " + status.lastProblem);
  } else {
    hintText(line);
  }
  tag("sync.status");
  if (status.phase == SyncPhase::Waiting && platform_.online()) {
    ImGui::SameLine();
    if (button(texts().text("sync.retry"), "sync.retry")) outbox_.retryNow();
  }
  drawRefusal();
}

// A change the server refused for good stays on screen until the user has seen it.
void AppUi::drawRefusal() {
  if (!lastRefusal_) return;
  const std::string& code = lastRefusal_->error.code;
  const std::string reason = code == "move_refused"    ? std::string(texts().text("sync.move_overtaken"))
                             : code == "photo_refused" ? texts().text("sync.photo_refused") + std::string(" ") + lastRefusal_->error.message
                                                       : lastRefusal_->error.message;
  errorText(std::string(texts().text("sync.refused")) + " " + lastRefusal_->change.reportId + ": " + reason);
  tag("sync.refusal");
  if (button(texts().text("sync.dismiss"), "sync.dismiss")) lastRefusal_.reset();
}

void AppUi::drawTabs() {
  if (!ImGui::BeginTabBar("tabs")) return;
  std::optional<Tab> next;
  // One tab: its label (translated; "###id" keeps its identity across languages), and its content in a
  // scrolling child a finger can drag.
  const auto tabItem = [this](const char* label, Tab tab, const char* id, const auto& drawContent) {
    const std::string title = std::string(label) + "###" + id;
    const bool open = ImGui::BeginTabItem(title.c_str(), nullptr, requestedTab_ == tab ? ImGuiTabItemFlags_SetSelected : 0);
    tag(std::string("tab.") + id);
    if (!open) return;
    tab_ = tab;
    ImGui::BeginChild(id);
    drawContent();
    scrollByDrag();
    ImGui::EndChild();
    tag("tab.content");
    ImGui::EndTabItem();
  };
  tabItem(texts().text("tab.my_officer"), Tab::MyOfficer, "my_officer", [&] { locate_.draw(texts(), platform_, roster_, map_); });
  tabItem(texts().text("tab.report"), Tab::Report, "report", [&] {
    if (auto follow = reportForm_.draw(texts(), language_, platform_, locate_, citizen_, outbox_)) {
      track_.show(*follow, "", citizen_);
      next = Tab::Track;
    }
  });
  tabItem(texts().text("tab.track"), Tab::Track, "track", [&] { track_.draw(texts(), language_, platform_, citizen_); });
  tabItem(texts().text("tab.officer"), Tab::Officer, "officer", [&] { officerPanel_.draw(texts(), language_, platform_, desk_, rosterAdmin_); });
  ImGui::EndTabBar();
  if (requestedTab_ == tab_) requestedTab_.reset();
  if (next) requestedTab_ = next;
}

// Officers (clustered by the core for the map's view and zoom) and, for staff, reports: a supervisor's
// dashboard period clustered the same way (where the area's reports were), otherwise an officer's worklist.
void AppUi::updateMapLayers() {
  const bool newPeriod = desk_.dashboardGeneration() != shownDashboardGeneration_;
  if (!mapDirty_ && !newPeriod && desk_.worklistGeneration() == shownWorklistGeneration_ &&
      roster_.generation() == shownRosterGeneration_) {
    return;
  }
  mapDirty_ = false;
  shownWorklistGeneration_ = desk_.worklistGeneration();
  shownRosterGeneration_ = roster_.generation();
  shownDashboardGeneration_ = desk_.dashboardGeneration();

  std::vector<MapPoint> officers;
  if (const wire::RosterSnapshot* snapshot = roster_.snapshot()) {
    cluster::Clusters clusters;
    roster_.officersOnMap(map_.viewport(), map_.zoom(), clusters);
    officers = mapPointsOf(clusters, MapPoint::Kind::Cluster, [snapshot](std::uint32_t id) {
      return snapshot->officers[id].onDuty ? MapPoint::Kind::OfficerOnDuty : MapPoint::Kind::OfficerOffDuty;
    });
  }
  map_.showPoints(MapLayer::Officers, officers);
  map_.showPoints(MapLayer::Reports, desk_.dashboard() ? periodReportsOnMap(newPeriod) : worklistOnMap());
}

std::vector<MapPoint> AppUi::periodReportsOnMap(bool newPeriod) {
  if (newPeriod) {
    const std::vector<geo::LatLon>& points = desk_.dashboard()->reportPoints;
    periodReports_.build(points.data(), nullptr, points.size());
  }
  cluster::Clusters clusters;
  periodReports_.query(map_.viewport(), map_.zoom(), clusters);
  return mapPointsOf(clusters, MapPoint::Kind::ReportCluster, [](std::uint32_t) { return MapPoint::Kind::Report; });
}

std::vector<MapPoint> AppUi::worklistOnMap() const {
  std::vector<MapPoint> reports;
  for (const wire::StaffReportView& item : desk_.worklist()) {
    reports.push_back({MapPoint::Kind::Report, item.report.details().position, 1});
  }
  return reports;
}

}  // namespace bhabin::ui
