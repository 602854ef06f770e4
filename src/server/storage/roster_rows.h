// The rows of the public roster snapshot (GET /api/v1/roster): active officers with their duty, position and
// load, and villages with their centres, the names of their district, regency and province, and their
// responsible officer. Positions come back exact; what is published is decided by the caller.
#pragma once

#include <string>
#include <vector>

#include "core/wire/roster_codec.h"
#include "server/storage/database.h"

namespace bhabin::server::storage {

struct RosterRows {
  std::vector<wire::RosterOfficer> officers;  // NRP order, the order (and tie-break) of the server's roster
  std::vector<wire::RosterVillage> villages;  // code order; officer = index into officers, -1 = none or inactive
};

// Everything, or with `regencyCode` ("33.29") the regency's villages with a centre and the officers who
// belong to the regency or are responsible for one of its villages.
RosterRows rosterRows(Connection& connection, const std::string& regencyCode);

}  // namespace bhabin::server::storage
