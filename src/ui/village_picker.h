// Choosing villages of the supervisor's area by name: a filter line and a checkbox per village (the chosen
// ones first), each marked with whoever holds it now. Used to create an officer and to change their villages.
#pragma once

#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "core/i18n/catalog.h"
#include "core/wire/roster_admin_answers.h"

namespace bhabin::ui {

// Names as the village search compares them (accents folded, lower case, words joined by one space), so a
// filter typed either way finds them; a code matches from its start.
std::string foldedForSearch(std::string_view text);
bool matchesFilter(std::string_view name, std::string_view code, const std::string& foldedFilter);

class VillagePicker {
 public:
  void choose(const std::vector<std::string>& codes) { chosen_ = {codes.begin(), codes.end()}; filter_.clear(); }
  std::vector<std::string> chosen() const { return {chosen_.begin(), chosen_.end()}; }
  // `forNrp` is the officer being edited: their own villages are not "held by another".
  void draw(const i18n::Catalog& texts, const wire::AreaRosterView& roster, const std::string& forNrp, const char* idPrefix);

 private:
  std::set<std::string> chosen_;
  std::string filter_;
};

}  // namespace bhabin::ui
