#include "server/storage/audit_rows.h"

#include "server/auth/crypto.h"

namespace bhabin::server::storage {

std::string newAuditEntryId() { return auth::toHex(auth::randomBytes(12)); }

void insertAuditEntry(Connection& connection, const AuditEntry& entry) {
  connection.query("INSERT INTO audit_log (regency_code, entry_id, at, actor_nrp, action, subject) VALUES ($1, $2, $3, $4, $5, $6)",
                   {entry.regencyCode, entry.entryId, entry.atUnixMs, entry.actorNrp, entry.action, entry.subject});
}

std::vector<AuditEntry> auditEntriesFor(Connection& connection, const std::string& subject) {
  std::vector<AuditEntry> entries;
  for (const Row& row : connection.query(
           "SELECT regency_code, entry_id, at, actor_nrp, action, subject FROM audit_log WHERE subject = $1 ORDER BY at, entry_id",
           {subject})) {
    entries.push_back({row.text(0), row.text(1), row.integer(2), row.text(3), row.text(4), row.text(5)});
  }
  return entries;
}

}  // namespace bhabin::server::storage
