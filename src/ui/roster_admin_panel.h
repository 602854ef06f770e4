// The supervisor's "Personel" view: villages left without an active officer at the top (each assignable in
// two taps), the area's officers (filterable), one officer's page (deactivate or activate after a
// confirmation, a one-time password, their villages), the form for a new officer with the server's field
// errors beside the fields, and the CSV import (a dry run listing every problem by line, then the import).
// Taking a village over from another active officer is always asked first.
#pragma once

#include <string>
#include <vector>

#include "core/i18n/catalog.h"
#include "core/wire/roster_admin_answers.h"
#include "ui/platform.h"
#include "ui/roster_admin.h"
#include "ui/village_picker.h"

namespace bhabin::ui {

class RosterAdminPanel {
 public:
  enum class View { List, Officer, Create, Import };

  void draw(const i18n::Catalog& texts, Platform& platform, RosterAdmin& admin);
  View view() const { return view_; }

 private:
  void drawUncovered(const i18n::Catalog& texts, RosterAdmin& admin);
  void drawOutcome(const i18n::Catalog& texts, Platform& platform, RosterAdmin& admin);
  void drawTakeOverQuestion(const i18n::Catalog& texts, RosterAdmin& admin);
  void drawList(const i18n::Catalog& texts, RosterAdmin& admin);
  void drawOfficer(const i18n::Catalog& texts, RosterAdmin& admin);
  void drawCreate(const i18n::Catalog& texts, RosterAdmin& admin);
  void drawImport(const i18n::Catalog& texts, RosterAdmin& admin);
  void show(View view, RosterAdmin& admin);
  void assignVillages(RosterAdmin& admin, const std::string& nrp, std::vector<std::string> villages, bool takeOver);

  View view_ = View::List;
  std::string filter_;
  std::string assigningVillage_;  // an uncovered village waiting for the officer it goes to
  std::string openedNrp_;
  bool confirmingDeactivate_ = false;
  bool confirmingPassword_ = false;
  VillagePicker villages_;
  wire::NewOfficerForm form_;
  // What a take-over question would repeat with takeOver: the last villages write.
  std::string lastVillagesNrp_;
  std::vector<std::string> lastVillages_;
  std::string csv_;
  std::string dryRunCsv_;  // the text of the last clean dry run: the import is offered for exactly this text
};

}  // namespace bhabin::ui
