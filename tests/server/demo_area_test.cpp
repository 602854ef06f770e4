// The Brebes demo data: complete, deterministic, with valid distinct officers, and every position inside the
// real Brebes boundary (../shared/data/regencies.geojson, read only here; those checks are skipped without it).
#include "server/areas/demo_area.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <optional>
#include <set>
#include <sstream>

#include "core/geo/haversine.h"
#include "core/report/phone.h"
#include "core/wire/geojson_boundaries.h"

namespace bhabin::server::areas {
namespace {

std::string sharedDataDir() {
  const char* configured = std::getenv("BHABIN_DATA_DIR");
  return configured != nullptr ? configured : std::string(BHABIN_SOURCE_DIR) + "/../shared/data";
}

// The published Brebes boundary, or nothing when the shared data is not there.
std::optional<geo::MultiPolygon> realBrebes() {
  std::ifstream file(sharedDataDir() + "/regencies.geojson", std::ios::binary);
  if (!file) return std::nullopt;
  std::ostringstream text;
  text << file.rdbuf();
  auto parsed = wire::parseGeoJsonBoundaries(text.str());
  if (auto* error = std::get_if<wire::ParseError>(&parsed)) {
    ADD_FAILURE() << error->message;
    return std::nullopt;
  }
  for (geo::Boundary& boundary : std::get<std::vector<geo::Boundary>>(parsed)) {
    if (boundary.code == "33.29") return std::move(boundary.shape);
  }
  ADD_FAILURE() << "no feature 33.29 in regencies.geojson";
  return std::nullopt;
}

struct Inputs {
  std::optional<AreaCatalog> catalog;
  geo::MultiPolygon outline;
  std::string error;
};

const Inputs& inputs() {
  static const Inputs loaded = [] {
    Inputs in;
    auto catalog = loadAreaCatalog(defaultAreaDataDir(BHABIN_SOURCE_DIR));
    if (auto* error = std::get_if<AreaError>(&catalog)) {
      in.error = error->message;
      return in;
    }
    in.catalog.emplace(std::get<AreaCatalog>(std::move(catalog)));
    auto outline = loadDemoOutline(defaultDemoOutlinePath(BHABIN_SOURCE_DIR), kDemoRegencyCode);
    if (auto* error = std::get_if<AreaError>(&outline)) {
      in.error = error->message;
    } else {
      in.outline = std::get<geo::MultiPolygon>(std::move(outline));
    }
    return in;
  }();
  return loaded;
}

class BrebesDemo : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!inputs().error.empty()) FAIL() << inputs().error;
  }

  static DemoArea generate(const DemoSettings& settings = {}) {
    auto area = generateDemoArea(*inputs().catalog, kDemoRegencyCode, inputs().outline, settings);
    if (auto* error = std::get_if<AreaError>(&area)) ADD_FAILURE() << error->message;
    return std::get_if<DemoArea>(&area) ? std::get<DemoArea>(std::move(area)) : DemoArea{};
  }
};

bool sameOfficer(const domain::Officer& a, const domain::Officer& b) {
  return a.nrp == b.nrp && a.name == b.name && a.phoneE164 == b.phoneE164 && a.villageCodes == b.villageCodes &&
         a.onDuty == b.onDuty && a.lastPosition == b.lastPosition && a.lastPositionAtUnixMs == b.lastPositionAtUnixMs;
}

TEST_F(BrebesDemo, TheSameSeedGivesTheSameData) {
  const DemoArea first = generate({7, 0.7, 1714532400000});
  const DemoArea second = generate({7, 0.7, 1714532400000});
  ASSERT_EQ(first.villages.size(), second.villages.size());
  for (std::size_t i = 0; i < first.villages.size(); ++i) {
    EXPECT_EQ(first.villages[i].position, second.villages[i].position) << first.villages[i].code;
    EXPECT_TRUE(sameOfficer(first.officers[i], second.officers[i])) << first.officers[i].nrp;
  }
  for (std::size_t i = 0; i < first.districts.size(); ++i)
    EXPECT_EQ(first.districts[i].anchor, second.districts[i].anchor);
  for (std::size_t i = 0; i < first.supervisors.size(); ++i)
    EXPECT_EQ(first.supervisors[i].nrp, second.supervisors[i].nrp);

  const DemoArea other = generate({8, 0.7, 1714532400000});
  EXPECT_FALSE(other.villages[0].position == first.villages[0].position);
  EXPECT_NE(other.officers[0].nrp, first.officers[0].nrp);
}

TEST_F(BrebesDemo, EveryVillageOfBrebesHasExactlyOneOfficer) {
  const DemoArea area = generate();
  EXPECT_EQ(area.regencyCode, "33.29");
  ASSERT_EQ(area.districts.size(), 17u);
  EXPECT_EQ(area.districts[0].name, "Salem");
  const Slice<Village> villages = inputs().catalog->villagesOfRegency("33.29");
  ASSERT_EQ(area.villages.size(), 297u);
  ASSERT_EQ(area.officers.size(), 297u);
  std::multiset<std::string> covered;
  for (std::size_t i = 0; i < area.villages.size(); ++i) {
    EXPECT_EQ(area.villages[i].code, villages[i].code);
    EXPECT_EQ(area.villages[i].name, villages[i].name);
    EXPECT_EQ(area.villages[i].districtCode, villages[i].districtCode);
    EXPECT_EQ(area.villages[i].regencyCode, "33.29");
    EXPECT_EQ(area.villages[i].provinceCode, "33");
    ASSERT_EQ(area.officers[i].villageCodes.size(), 1u);
    EXPECT_EQ(area.officers[i].villageCodes[0], villages[i].code);
    covered.insert(area.officers[i].villageCodes[0]);
  }
  for (const Village& village : villages) EXPECT_EQ(covered.count(village.code), 1u) << village.code;
}

TEST_F(BrebesDemo, OnePolresAndOnePolsekPerDistrict) {
  const DemoArea area = generate();
  ASSERT_EQ(area.supervisors.size(), 18u);
  EXPECT_EQ(area.supervisors[0].unit, "Polres Brebes");
  EXPECT_EQ(area.supervisors[0].areaCode, "33.29");
  EXPECT_EQ(area.supervisors[0].name.rfind("AKBP ", 0), 0u);
  EXPECT_EQ(area.supervisors[1].unit, "Polsek Salem");
  EXPECT_EQ(area.supervisors[1].areaCode, "33.29.01");
  EXPECT_EQ(area.supervisors[17].unit, "Polsek Banjarharjo");
}

TEST_F(BrebesDemo, NrpsAndPhonesAreValidAndDistinct) {
  const DemoArea area = generate();
  std::set<std::string> nrps, phones;
  const auto check = [&](const std::string& nrp, const std::string& phone, const std::string& name) {
    EXPECT_TRUE(domain::isValidNrp(nrp)) << nrp;
    EXPECT_TRUE(nrps.insert(nrp).second) << "repeated NRP " << nrp;
    const auto normalised = report::normalizeIndonesianPhone(phone);
    ASSERT_TRUE(std::holds_alternative<std::string>(normalised)) << phone;
    EXPECT_EQ(std::get<std::string>(normalised), phone);
    EXPECT_EQ(phone.rfind("+628", 0), 0u) << phone;
    EXPECT_TRUE(phones.insert(phone).second) << "repeated phone " << phone;
    EXPECT_EQ(std::count(name.begin(), name.end(), ' '), 2) << "rank, given name, family name: " << name;
  };
  for (const domain::Officer& officer : area.officers) check(officer.nrp, officer.phoneE164, officer.name);
  for (const DemoSupervisor& supervisor : area.supervisors)
    check(supervisor.nrp, supervisor.phoneE164, supervisor.name);
  EXPECT_EQ(nrps.size(), 297u + 18u);
}

TEST_F(BrebesDemo, AboutSevenInTenOfficersStartOnDuty) {
  const DemoArea area = generate();
  const auto onDuty =
      std::count_if(area.officers.begin(), area.officers.end(), [](const domain::Officer& o) { return o.onDuty; });
  EXPECT_GT(onDuty, 297 * 6 / 10);
  EXPECT_LT(onDuty, 297 * 8 / 10);
  const DemoArea nobody = generate({2017, 0.0, 0});
  EXPECT_TRUE(
      std::none_of(nobody.officers.begin(), nobody.officers.end(), [](const domain::Officer& o) { return o.onDuty; }));
}

TEST_F(BrebesDemo, VillagesClusterByDistrictAndOfficersStartNearTheirVillage) {
  const DemoArea area = generate({2017, 0.7, 1714532400000});
  std::size_t district = 0;
  for (std::size_t i = 0; i < area.villages.size(); ++i) {
    while (area.districts[district].code != area.villages[i].districtCode) ++district;
    // The largest district (25 of 297 villages) gets a disc of about 6 km radius.
    EXPECT_LT(geo::haversineKm(area.villages[i].position, area.districts[district].anchor), 7.0)
        << area.villages[i].code;
    EXPECT_LE(geo::haversineKm(area.officers[i].lastPosition, area.villages[i].position), 0.31) << area.officers[i].nrp;
    EXPECT_EQ(area.officers[i].lastPositionAtUnixMs, 1714532400000);
  }
}

TEST_F(BrebesDemo, EverythingLiesInsideTheOutline) {
  const DemoArea area = generate();
  const geo::MultiPolygon& outline = inputs().outline;
  for (const DemoDistrict& district : area.districts) EXPECT_TRUE(outline.contains(district.anchor)) << district.code;
  for (const domain::Village& village : area.villages) EXPECT_TRUE(outline.contains(village.position)) << village.code;
  for (const domain::Officer& officer : area.officers)
    EXPECT_TRUE(outline.contains(officer.lastPosition)) << officer.nrp;
}

TEST_F(BrebesDemo, EverythingLiesInsideTheRealBrebes) {
  const std::optional<geo::MultiPolygon> brebes = realBrebes();
  if (!brebes) GTEST_SKIP() << "no regencies.geojson in " << sharedDataDir();
  // The outline itself, along every edge in steps of about 100 m.
  for (const geo::Polygon& polygon : inputs().outline.polygons()) {
    const geo::Ring& ring = polygon.outer;
    for (std::size_t i = 0; i < ring.size(); ++i) {
      const geo::LatLon a = ring[i], b = ring[(i + 1) % ring.size()];
      const int steps = 1 + static_cast<int>(geo::haversineKm(a, b) / 0.1);
      for (int s = 0; s <= steps; ++s) {
        const double t = static_cast<double>(s) / steps;
        const geo::LatLon p{a.latDeg + t * (b.latDeg - a.latDeg), a.lonDeg + t * (b.lonDeg - a.lonDeg)};
        EXPECT_TRUE(brebes->contains(p)) << "outline edge " << i << " at " << p.latDeg << ", " << p.lonDeg;
      }
    }
  }
  for (std::uint64_t seed : {2017u, 1u, 42u}) {
    const DemoArea area = generate({seed, 0.7, 0});
    for (const domain::Village& village : area.villages)
      EXPECT_TRUE(brebes->contains(village.position)) << village.code;
    for (const domain::Officer& officer : area.officers)
      EXPECT_TRUE(brebes->contains(officer.lastPosition)) << officer.nrp;
  }
}

TEST_F(BrebesDemo, RefusesAnUnknownRegencyAndAnEmptyOutline) {
  auto unknown = generateDemoArea(*inputs().catalog, "33.99", inputs().outline);
  ASSERT_TRUE(std::holds_alternative<AreaError>(unknown));
  EXPECT_EQ(std::get<AreaError>(unknown).message, "regency \"33.99\" is not in the area catalog");
  auto empty = generateDemoArea(*inputs().catalog, "33.29", geo::MultiPolygon{});
  ASSERT_TRUE(std::holds_alternative<AreaError>(empty));
  EXPECT_EQ(std::get<AreaError>(empty).message, "the demo outline of 33.29 has no area");
}

TEST_F(BrebesDemo, OutlineErrorsNameTheFile) {
  auto missing = parseDemoOutline(R"({"type":"FeatureCollection","features":[]})", "33.29", "outline.geojson");
  ASSERT_TRUE(std::holds_alternative<AreaError>(missing));
  EXPECT_EQ(std::get<AreaError>(missing).message, "outline.geojson: no feature with code \"33.29\"");
  auto broken = parseDemoOutline("{", "33.29", "outline.geojson");
  ASSERT_TRUE(std::holds_alternative<AreaError>(broken));
  EXPECT_EQ(std::get<AreaError>(broken).message.rfind("outline.geojson: ", 0), 0u);
  auto unreadable = loadDemoOutline("/nonexistent/outline.geojson", "33.29");
  ASSERT_TRUE(std::holds_alternative<AreaError>(unreadable));
  EXPECT_EQ(std::get<AreaError>(unreadable).message, "/nonexistent/outline.geojson: cannot open the file");
}

}  // namespace
}  // namespace bhabin::server::areas
