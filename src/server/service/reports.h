// The life of a report on the server: creation (validated by the core, assigned by the core's matching,
// stored durably once per idempotency key), citizens following it with its tracking code and secret,
// officers and supervisors working it, and the pull of changes for offline devices.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/report/deadlines.h"
#include "core/report/report.h"
#include "core/sync/protocol.h"
#include "server/service/accounts.h"
#include "server/service/backend.h"
#include "server/storage/audit_rows.h"
#include "server/storage/report_rows.h"

namespace bhabin::server::service {

// An API answer that is stored and repeated verbatim to a retry with the same idempotency key.
struct StoredAnswer {
  int httpStatus = 200;
  std::string json;
  bool replayed = false;  // true when this is the stored answer to an earlier identical request
};

struct CreateReportRequest {
  std::string body;            // the report form as JSON (core wire::decodeReportForm), plus optional "trackingCode"
  std::string idempotencyKey;  // required
  std::string clientAddress;   // for the rate limit on anonymous writes
};

struct NewMove {
  report::Action action = report::Action::Note;
  std::string note;
  std::string handOverToNrp;
};

struct ReportForStaff {
  storage::StoredReport stored;
  std::vector<storage::ReporterRow> reporters;  // empty unless the caller may see identities (and that was audited)
  std::vector<report::Action> allowedMoves;
  std::vector<report::Deadline> deadlines;      // running now under the category's policy, with how late
};

// The citizen's answer to a resolved report, authenticated like tracking by the code and its secret.
struct CitizenAnswer {
  std::string trackingCode;
  std::string secret;
  report::Action action = report::Action::Confirm;  // confirm or reopen
  std::uint32_t rating = 0;                          // confirm: 1-5, 0 = none
  std::string reason;                                // reopen: required
  std::string idempotencyKey;
  std::string requestBody;
  std::string clientAddress;
};

struct PullAnswer {
  std::int64_t cursor = 0;
  bool more = false;  // the page was full: pull again with the new cursor
  std::vector<ReportForStaff> reports;
};

// The secret that, with the tracking code, lets a citizen read a report: derived from the database's key,
// so the same report always has the same secret on every server and nothing per report needs storing.
std::string reportSecret(const std::string& key, const std::string& trackingCode);

// Throws ApiError "idempotency_key_required" / "idempotency_key_invalid" unless the key is 16-64 characters
// of [A-Za-z0-9_-].
void checkIdempotencyKey(const std::string& key);

class Reports {
 public:
  explicit Reports(Backend& backend) : backend_(backend) {}

  StoredAnswer create(const CreateReportRequest& request);
  // "Ikut melapor": another citizen joins an open report; they get its code and secret to follow it.
  StoredAnswer join(const std::string& trackingCode, const std::string& body, const std::string& idempotencyKey,
                    const std::string& clientAddress);
  // "Ikut melapor" before filing: the open reports of the category within the duplicate radius, nearest
  // first, without reporters or descriptions. Counted per address so the country's reports cannot be swept.
  std::string openNearby(report::Category category, const geo::LatLon& at, const std::string& clientAddress);
  // The public view for whoever holds the code and secret; wrong pairs count towards a per-address limit.
  std::string track(const std::string& typedCode, const std::string& secret, const std::string& clientAddress);
  // Confirm (closing it, with an optional rating) or reopen (with a reason) a resolved report, within the
  // confirmation window; answers the public view like track. Wrong code and secret pairs count like track's.
  StoredAnswer answerResolution(const CitizenAnswer& answer);

  ReportForStaff forStaff(const Principal& principal, const std::string& trackingCode);
  // The report if the caller may work it, without reporters (so nothing to audit); else report_not_found.
  storage::StoredReport visible(const Principal& principal, const std::string& trackingCode);
  std::vector<ReportForStaff> worklist(const Principal& principal, bool openOnly);
  StoredAnswer move(const Principal& principal, const std::string& trackingCode, const NewMove& move,
                    const std::string& idempotencyKey, const std::string& requestBody);
  // Who was shown the reporters' identities of a report the supervisor may see, oldest first.
  std::vector<storage::AuditEntry> audit(const Principal& principal, const std::string& trackingCode);
  PullAnswer pull(const Principal& principal, std::int64_t sinceCursor, std::size_t limit);

 private:
  Backend& backend_;
};

}  // namespace bhabin::server::service
