#include "server/areas/demo_seed.h"

#include "server/storage/account_rows.h"
#include "server/storage/boundary_rows.h"
#include "server/storage/officer_rows.h"
#include "server/storage/region_rows.h"

namespace bhabin::server::areas {

namespace {

void storeRegions(storage::Connection& connection, const AreaCatalog& catalog, const DemoArea& demo) {
  const Regency* regency = catalog.regency(demo.regencyCode);
  const Province* province = catalog.province(regency->provinceCode);
  storage::upsertRegion(connection, {province->code, domain::RegionLevel::Province, "", province->name, std::nullopt});
  storage::upsertRegion(connection, {regency->code, domain::RegionLevel::Regency, province->code, regency->name, std::nullopt});
  for (const DemoDistrict& district : demo.districts) {
    storage::upsertRegion(connection, {district.code, domain::RegionLevel::District, regency->code, district.name, std::nullopt});
  }
  for (const domain::Village& village : demo.villages) {
    storage::upsertRegion(connection, {village.code, domain::RegionLevel::Village, village.districtCode, village.name, village.position});
  }
}

void storeOfficers(storage::Connection& connection, const DemoArea& demo, const std::string& passwordHash, std::int64_t now) {
  for (const domain::Officer& officer : demo.officers) {
    storage::insertAccount(connection, {officer.nrp, storage::AccountRole::Officer, officer.name, officer.phoneE164,
                                        demo.regencyCode, passwordHash, true, now, now});
    storage::insertOfficerState(connection, {officer.nrp, demo.regencyCode, officer.onDuty, officer.lastPosition,
                                             officer.lastPositionAtUnixMs, 0, 0});
    for (const std::string& village : officer.villageCodes) storage::assignVillage(connection, village, officer.nrp);
  }
  for (const DemoSupervisor& supervisor : demo.supervisors) {
    storage::insertAccount(connection, {supervisor.nrp, storage::AccountRole::Supervisor, supervisor.name + " (" + supervisor.unit + ")",
                                        supervisor.phoneE164, supervisor.areaCode, passwordHash, true, now, now});
  }
  // Area '' is the whole country; an administrator has no phone of their own in the demo.
  storage::insertAccount(connection, {kDemoAdminNrp, storage::AccountRole::Admin, "Admin e-Bhabinkamtibmas", "", "",
                                      passwordHash, true, now, now});
}

}  // namespace

bool isEmptyDatabase(storage::ConnectionPool& pool) {
  return storage::inTransaction(pool, storage::Durability::ReadOnly,
                                [](storage::Connection& c) { return storage::countAccounts(c) == 0; });
}

void addDemoOutlineIfMissing(storage::Connection& connection, const std::string& regencyCode, const geo::MultiPolygon& outline) {
  if (storage::findBoundaryGeoJson(connection, regencyCode) || !storage::findRegion(connection, regencyCode)) return;
  storage::upsertBoundary(connection, storage::storedBoundary({regencyCode, outline}));
}

void seedDemo(storage::ConnectionPool& pool, const AreaCatalog& catalog, const DemoArea& demo, const std::string& passwordHash,
              std::int64_t nowUnixMs) {
  storage::inTransaction(pool, storage::Durability::Durable, [&](storage::Connection& connection) {
    storeRegions(connection, catalog, demo);
    storage::upsertBoundary(connection, storage::storedBoundary({demo.regencyCode, demo.outline}));
    storeOfficers(connection, demo, passwordHash, nowUnixMs);
  });
}

}  // namespace bhabin::server::areas
