// A supervisor's roster administration (README "Roster administration"): the area's officers and villages,
// and each write — create, deactivate, activate, reset a password, assign villages, import a CSV — as one
// online request whose answer or refusal is kept for the panel to show. Not queued in the outbox: these are
// decisions taken while looking at the answer. After every successful write the roster is read again.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/wire/api_answers.h"
#include "core/wire/roster_admin_answers.h"
#include "ui/platform.h"

namespace bhabin::ui {

class RosterAdmin {
 public:
  explicit RosterAdmin(Platform& platform) : platform_(platform) {}

  void load();  // GET /area/roster
  void ensureLoaded() { if (!requested_) load(); }  // once after sign-in (and after clear())
  bool requested() const { return requested_; }
  void clear();  // the supervisor signed out: nothing of their area stays in memory
  const std::optional<wire::AreaRosterView>& roster() const { return roster_; }
  const wire::ManagedOfficerView* officer(const std::string& nrp) const;
  const wire::AreaVillageView* village(const std::string& code) const;
  bool busy() const { return pending_ > 0; }
  const std::string& problem() const { return problem_; }  // the roster's last failed load, translated

  // The last write's outcome: what was asked, then its answer or the server's refusal (with field errors).
  enum class Write { None, Create, Deactivate, Activate, Password, Villages, Import };
  struct WriteOutcome {
    Write write = Write::None;
    std::string nrp;  // the officer written to
    bool sending = false;
    std::optional<wire::OfficerChangeView> change;  // 2xx
    std::optional<wire::ApiErrorView> refusal;      // otherwise (status 0: no answer)
  };
  const WriteOutcome& outcome() const { return outcome_; }
  void forgetOutcome() { outcome_ = {}; }

  void create(const wire::NewOfficerForm& form);
  void deactivate(const std::string& nrp);
  void activate(const std::string& nrp);
  void resetPassword(const std::string& nrp);  // the server answers a one-time password
  void assignVillages(const std::string& nrp, const std::vector<std::string>& villages, bool takeOver);

  // The villages among `codes` another officer holds now (the question before taking them over).
  std::vector<std::string> heldByOthers(const std::vector<std::string>& codes, const std::string& nrp) const;

  // POST /area/officers/import: a dry run first, then the real import; the result (clean or with problems)
  // replaces the last one.
  void importCsv(const std::string& csv, bool dryRun);
  const std::optional<wire::ImportResultView>& importResult() const { return import_; }

 private:
  void write(Write kind, const std::string& nrp, HttpRequest request);

  Platform& platform_;
  int pending_ = 0;
  bool requested_ = false;
  std::uint64_t session_ = 0;  // answers to requests sent before clear() are dropped
  std::optional<wire::AreaRosterView> roster_;
  std::string problem_;
  WriteOutcome outcome_;
  std::optional<wire::ImportResultView> import_;
};

}  // namespace bhabin::ui
