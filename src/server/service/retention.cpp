#include "server/service/retention.h"

#include "server/storage/audit_rows.h"
#include "server/storage/report_rows.h"

namespace bhabin::server::service {

namespace {

// The audit log's actor for what the server does on its own schedule: not an NRP, so never a person.
constexpr const char* kServerActor = "server";
constexpr const char* kPurgeAction = "purge_reporter_identity";

std::string countsText(const storage::ErasedIdentities& erased) {
  return "reports=" + std::to_string(erased.reports) + " reporters=" + std::to_string(erased.reporters);
}

}  // namespace

PurgeCounts Retention::purgeReporterIdentities() {
  const std::int64_t now = backend_.now();
  const std::int64_t closedBefore = now - backend_.settings().reporterIdentityRetentionMs;
  return storage::inTransaction(backend_.pool(), storage::Durability::Durable, [&](storage::Connection& connection) {
    PurgeCounts total;
    for (const storage::ErasedIdentities& erased : storage::eraseReporterIdentities(connection, closedBefore)) {
      storage::insertAuditEntry(connection, {erased.regencyCode, storage::newAuditEntryId(), now, kServerActor,
                                             kPurgeAction, countsText(erased)});
      total.reports += erased.reports;
      total.reporters += erased.reporters;
    }
    return total;
  });
}

}  // namespace bhabin::server::service
