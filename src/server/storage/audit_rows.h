// The audit log: who was shown personal data (a reporter's name and phone), when, and for which report.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "server/storage/database.h"

namespace bhabin::server::storage {

struct AuditEntry {
  std::string regencyCode;
  std::string entryId;  // random, so entries from several servers never collide
  std::int64_t atUnixMs = 0;
  std::string actorNrp;
  std::string action;   // "view_reporter"
  std::string subject;  // the tracking code
};

// Random, so entries from several servers never collide.
std::string newAuditEntryId();
void insertAuditEntry(Connection& connection, const AuditEntry& entry);
std::vector<AuditEntry> auditEntriesFor(Connection& connection, const std::string& subject);

}  // namespace bhabin::server::storage
