// Puts a generated demo area into an empty database: its regions, officers with their villages and duty,
// the supervisors and one administrator (the whole country), all sharing one password hash (the password is
// printed once in the log; hashing 300 accounts separately would delay the first start by half a minute and
// protect nothing).
#pragma once

#include <cstdint>
#include <string>

#include "server/areas/area_catalog.h"
#include "server/areas/demo_area.h"
#include "server/storage/database.h"

namespace bhabin::server::areas {

// The demo administrator. Generated NRPs begin with a birth year 75..99, so this one never collides.
inline constexpr const char* kDemoAdminNrp = "00000001";

// True when the database holds no accounts yet (a first start).
bool isEmptyDatabase(storage::ConnectionPool& pool);

// A demo database seeded before the demo stored its regency's outline gets it now, so the map can draw it;
// a database without that regency, or with an outline for it (say an imported one), is left alone.
void addDemoOutlineIfMissing(storage::Connection& connection, const std::string& regencyCode, const geo::MultiPolygon& outline);

// Stores the demo in one durable transaction: all of it or, on any error, nothing.
void seedDemo(storage::ConnectionPool& pool, const AreaCatalog& catalog, const DemoArea& demo, const std::string& passwordHash,
              std::int64_t nowUnixMs);

}  // namespace bhabin::server::areas
