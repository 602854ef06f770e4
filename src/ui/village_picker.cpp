#include "ui/village_picker.h"

#include <imgui.h>
#include <imgui_stdlib.h>

#include "core/search/search_text.h"
#include "ui/widget_tags.h"
#include "ui/widgets.h"

namespace bhabin::ui {

namespace {

// A regency has a few hundred villages: past this many matches, the filter narrows them.
constexpr std::size_t kShownUnchosen = 40;

std::string holderLabel(const i18n::Catalog& texts, const wire::AreaRosterView& roster, const wire::AreaVillageView& village) {
  if (!village.officerNrp) return texts.text("roster.nobody");
  for (const wire::ManagedOfficerView& officer : roster.officers) {
    if (officer.nrp == *village.officerNrp) return officer.name + (officer.active ? "" : std::string(" · ") + texts.text("roster.inactive"));
  }
  return *village.officerNrp;
}

}  // namespace

std::string foldedForSearch(std::string_view text) {
  std::vector<std::string> words;
  search::searchWords(text, words);
  std::string out;
  for (const std::string& word : words) out += (out.empty() ? "" : " ") + word;
  return out;
}

bool matchesFilter(std::string_view name, std::string_view code, const std::string& foldedFilter) {
  return foldedFilter.empty() || foldedForSearch(name).find(foldedFilter) != std::string::npos || code.rfind(foldedFilter, 0) == 0;
}

void VillagePicker::draw(const i18n::Catalog& texts, const wire::AreaRosterView& roster, const std::string& forNrp, const char* idPrefix) {
  ImGui::SetNextItemWidth(-1.0f);
  ImGui::InputTextWithHint((std::string("##filter_") + idPrefix).c_str(), texts.text("roster.village_filter"), &filter_);
  tag(std::string(idPrefix) + ".filter");
  const std::string wanted = foldedForSearch(filter_);
  std::size_t unchosenShown = 0;
  // Chosen villages first, whatever the filter, so what will be saved is always in sight.
  for (const bool chosenPass : {true, false}) {
    for (const wire::AreaVillageView& village : roster.villages) {
      bool chosen = chosen_.count(village.code) > 0;
      if (chosen != chosenPass) continue;
      if (!chosen) {
        if (!matchesFilter(village.name, village.code, wanted)) continue;
        if (++unchosenShown > kShownUnchosen) break;
      }
      std::string label = village.name + "  (" + holderLabel(texts, roster, village) + ")##" + village.code;
      if (village.officerNrp && *village.officerNrp == forNrp) label = village.name + "##" + village.code;
      if (ImGui::Checkbox(label.c_str(), &chosen)) {
        if (chosen) {
          chosen_.insert(village.code);
        } else {
          chosen_.erase(village.code);
        }
      }
      tag(std::string(idPrefix) + ".village." + village.code);
    }
  }
  if (unchosenShown > kShownUnchosen) hintText(texts.text("roster.village_more"));
}

}  // namespace bhabin::ui
