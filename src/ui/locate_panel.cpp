#include "ui/locate_panel.h"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <cstdio>

#include "ui/widget_tags.h"
#include "ui/widgets.h"

namespace bhabin::ui {

void LocatePanel::choose(const geo::LatLon& position, const RosterData& roster, MapView& map,
                         std::optional<std::string> villageCode) {
  if (!geo::isValid(position)) return;
  position_ = position;
  village_ = std::move(villageCode);
  map.placeMarker(position);
  answerGeneration_ = 0;
  refreshAnswer(roster);
}

void LocatePanel::refreshAnswer(const RosterData& roster) {
  if (!position_ || roster.state() != RosterData::State::Ready) return;
  if (answerGeneration_ == roster.generation()) return;
  answer_ = roster.myOfficer(*position_, village_);
  answerGeneration_ = roster.generation();
}

void LocatePanel::draw(const i18n::Catalog& texts, Platform& platform, const RosterData& roster, MapView& map) {
  refreshAnswer(roster);
  drawLocating(texts, platform, roster, map);
  drawSearch(texts, roster, map);
  ImGui::Separator();
  if (roster.state() == RosterData::State::Loading) hintText(texts.text("roster.loading"));
  if (roster.state() == RosterData::State::Failed) {
    errorText(std::string(texts.text("roster.failed")) + (roster.problem().empty() ? "" : " (" + roster.problem() + ")"));
  }
  if (!position_) {
    hintText(texts.text("locate.tap_map"));
    return;
  }
  drawAnswer(texts, platform);
}

void LocatePanel::drawLocating(const i18n::Catalog& texts, Platform& platform, const RosterData& roster, MapView& map) {
  if (button(locating_ ? texts.text("locate.locating") : texts.text("locate.use_my_position"), "locate.geolocation", true) &&
      !locating_) {
    locating_ = true;
    locateFailure_ = GeolocationResult::Failure::None;
    platform.locate([this, &roster, &map](const GeolocationResult& result) {
      locating_ = false;
      locateFailure_ = result.failure;
      if (!result.position) return;
      choose(*result.position, roster, map);
      map.flyTo(*result.position, kChosenZoom);
    });
  }
  switch (locateFailure_) {
    case GeolocationResult::Failure::None: break;
    case GeolocationResult::Failure::Denied: errorText(texts.text("locate.denied")); break;
    case GeolocationResult::Failure::Unsupported: errorText(texts.text("locate.unsupported")); break;
    case GeolocationResult::Failure::Unavailable:
    case GeolocationResult::Failure::Timeout: errorText(texts.text("locate.unavailable")); break;
  }
}

void LocatePanel::drawSearch(const i18n::Catalog& texts, const RosterData& roster, MapView& map) {
  ImGui::SetNextItemWidth(-1.0f);
  ImGui::InputTextWithHint("##village_search", texts.text("locate.search_hint"), &query_);
  tag("locate.search");
  if (query_ != searchedFor_) {
    results_ = roster.searchVillages(query_, kSearchResults);
    searchedFor_ = query_;
  }
  if (query_.empty()) return;
  if (results_.empty()) hintText(texts.text("locate.no_village"));
  for (std::size_t i = 0; i < results_.size(); ++i) {
    const VillageChoice& choice = results_[i];
    ImGui::PushID(static_cast<int>(i));
    if (ImGui::Selectable(choice.label.c_str())) {
      choose(choice.center, roster, map, choice.code);
      map.flyTo(choice.center, kChosenZoom);
      query_.clear();
      searchedFor_.clear();
      results_.clear();
      ImGui::PopID();
      tag("locate.result." + std::to_string(i));
      break;
    }
    tag("locate.result." + std::to_string(i));
    ImGui::PopID();
  }
}

void LocatePanel::drawContact(const i18n::Catalog& texts, Platform& platform, const wire::RosterOfficer& officer,
                              const std::string& idPrefix) {
  if (officer.phoneE164.empty()) {
    hintText(texts.text("officer.no_phone"));
    return;
  }
  ImGui::PushID(idPrefix.c_str());
  if (button(texts.text("officer.call"), idPrefix + ".call")) platform.openExternal(telUrl(officer.phoneE164));
  ImGui::SameLine();
  if (button(texts.text("officer.whatsapp"), idPrefix + ".whatsapp")) platform.openExternal(whatsappUrl(officer.phoneE164));
  ImGui::PopID();
}

void LocatePanel::drawAnswer(const i18n::Catalog& texts, Platform& platform) {
  char coordinates[48];
  std::snprintf(coordinates, sizeof coordinates, "%.5f, %.5f", position_->latDeg, position_->lonDeg);
  ImGui::TextWrapped("%s %s", texts.text("locate.position"),
                     answer_.villageLabel.empty() ? coordinates : answer_.villageLabel.c_str());
  tag("locate.position");

  ImGui::Spacing();
  ImGui::TextUnformatted(texts.text("officer.responsible"));
  if (answer_.responsible) {
    const wire::RosterOfficer& officer = *answer_.responsible;
    ImGui::TextWrapped("%s", officer.name.c_str());
    tag("myofficer.responsible");
    switch (answer_.status) {
      case match::ResponsibleStatus::Available: hintText(texts.text("officer.on_duty")); break;
      case match::ResponsibleStatus::OffDuty: hintText(texts.text("officer.off_duty")); break;
      case match::ResponsibleStatus::AtLoadCap: hintText(texts.text("officer.at_cap")); break;
      default: break;
    }
    drawContact(texts, platform, officer, "myofficer");
  } else {
    hintText(answer_.status == match::ResponsibleStatus::UnknownVillage ? texts.text("officer.unknown_village")
                                                                         : texts.text("officer.none_assigned"));
  }

  ImGui::Spacing();
  ImGui::TextUnformatted(texts.text("officer.nearest"));
  if (answer_.nearestOnDuty.empty()) hintText(texts.text("officer.nobody_near"));
  for (std::size_t i = 0; i < answer_.nearestOnDuty.size(); ++i) {
    const NearbyOfficerView& nearby = answer_.nearestOnDuty[i];
    ImGui::TextWrapped("%s  (%s)", nearby.officer->name.c_str(), formatKm(nearby.distanceKm).c_str());
    tag("nearest." + std::to_string(i));
    drawContact(texts, platform, *nearby.officer, "nearest." + std::to_string(i));
  }
}

}  // namespace bhabin::ui
