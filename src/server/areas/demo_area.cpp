#include "server/areas/demo_area.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <numeric>

#include "core/geo/haversine.h"
#include "core/wire/geojson_boundaries.h"

namespace bhabin::server::areas {

namespace {

constexpr double kPi = 3.14159265358979323846;

// splitmix64: std::uniform_*_distribution may differ between standard libraries, this sequence does not.
class Random {
 public:
  Random(std::uint64_t seed, std::uint64_t stream) : state_(seed ^ (stream * 0xD1B54A32D192ED03ull)) {}

  std::uint64_t next() {
    std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
  }
  double unit() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }  // [0, 1)
  std::uint32_t below(std::uint32_t n) { return static_cast<std::uint32_t>(next() % n); }

 private:
  std::uint64_t state_;
};

struct Point {
  double x = 0.0, y = 0.0;  // km east and north of the frame's origin
};

// A flat map of one regency in kilometres: over a few tens of km its distortion is far below the precision
// of a hand-drawn outline.
class LocalFrame {
 public:
  explicit LocalFrame(const geo::BoundingBox& box)
      : origin_{(box.minLat + box.maxLat) / 2, (box.minLon + box.maxLon) / 2},
        kmPerLon_(kmPerLat_ * std::cos(origin_.latDeg * geo::kRadiansPerDegree)) {}

  Point toKm(const geo::LatLon& p) const {
    return {(p.lonDeg - origin_.lonDeg) * kmPerLon_, (p.latDeg - origin_.latDeg) * kmPerLat_};
  }
  geo::LatLon toLatLon(const Point& p) const {
    return {origin_.latDeg + p.y / kmPerLat_, origin_.lonDeg + p.x / kmPerLon_};
  }
  double squareKmPerSquareDegree() const { return kmPerLat_ * kmPerLon_; }

 private:
  static constexpr double kmPerLat_ = geo::kEarthRadiusKm * geo::kRadiansPerDegree;
  geo::LatLon origin_;
  double kmPerLon_;
};

double distanceKm(const Point& a, const Point& b) { return std::hypot(a.x - b.x, a.y - b.y); }

double segmentDistanceKm(const Point& p, const Point& a, const Point& b) {
  const double dx = b.x - a.x, dy = b.y - a.y;
  const double lengthSquared = dx * dx + dy * dy;
  const double t =
      lengthSquared > 0 ? std::clamp(((p.x - a.x) * dx + (p.y - a.y) * dy) / lengthSquared, 0.0, 1.0) : 0.0;
  return distanceKm(p, {a.x + t * dx, a.y + t * dy});
}

double ringDistanceKm(const geo::Ring& ring, const LocalFrame& frame, const Point& p) {
  double nearest = std::numeric_limits<double>::infinity();
  for (std::size_t i = 0; i < ring.size(); ++i) {
    const Point a = frame.toKm(ring[i]);
    const Point b = frame.toKm(ring[(i + 1) % ring.size()]);
    nearest = std::min(nearest, segmentDistanceKm(p, a, b));
  }
  return nearest;
}

double edgeDistanceKm(const geo::MultiPolygon& outline, const LocalFrame& frame, const Point& p) {
  double nearest = std::numeric_limits<double>::infinity();
  for (const geo::Polygon& polygon : outline.polygons()) {
    nearest = std::min(nearest, ringDistanceKm(polygon.outer, frame, p));
    for (const geo::Ring& hole : polygon.holes) nearest = std::min(nearest, ringDistanceKm(hole, frame, p));
  }
  return nearest;
}

// Uniform in the outline; it has an area, so a point in its box soon falls inside.
geo::LatLon randomPointIn(const geo::MultiPolygon& outline, Random& random) {
  const geo::BoundingBox& box = outline.box();
  for (;;) {
    const geo::LatLon p{box.minLat + random.unit() * (box.maxLat - box.minLat),
                        box.minLon + random.unit() * (box.maxLon - box.minLon)};
    if (outline.contains(p)) return p;
  }
}

// Uniform in the part of the disc around `centre` that lies in the outline. `centre` must be inside; should
// that part be a sliver the tries never hit, the centre itself is the answer.
geo::LatLon randomPointNear(const geo::LatLon& centre, double radiusKm, const geo::MultiPolygon& outline,
                            const LocalFrame& frame, Random& random) {
  constexpr int kTries = 64;
  const Point middle = frame.toKm(centre);
  for (int i = 0; i < kTries; ++i) {
    const double r = radiusKm * std::sqrt(random.unit());
    const double angle = 2 * kPi * random.unit();
    const geo::LatLon p = frame.toLatLon({middle.x + r * std::cos(angle), middle.y + r * std::sin(angle)});
    if (outline.contains(p)) return p;
  }
  return centre;
}

// Mitchell's best candidate: of a few random points, the one farthest from the anchors so far and from the
// outline's edge, so districts spread over the whole regency without piling up at its border.
std::vector<geo::LatLon> spreadAnchors(std::size_t count, const geo::MultiPolygon& outline, const LocalFrame& frame,
                                       Random& random) {
  constexpr int kCandidates = 32;
  std::vector<geo::LatLon> anchors;
  while (anchors.size() < count) {
    geo::LatLon best;
    double bestScore = -1;
    for (int i = 0; i < kCandidates; ++i) {
      const geo::LatLon candidate = randomPointIn(outline, random);
      const Point at = frame.toKm(candidate);
      double score = 2 * edgeDistanceKm(outline, frame, at);
      for (const geo::LatLon& anchor : anchors) score = std::min(score, distanceKm(at, frame.toKm(anchor)));
      if (score > bestScore) {
        best = candidate;
        bestScore = score;
      }
    }
    anchors.push_back(best);
  }
  return anchors;
}

constexpr std::array<const char*, 24> kGivenNames = {
    "Agus", "Ahmad", "Andi",   "Arif", "Bambang", "Budi", "Dedi",   "Dwi",   "Eko", "Hadi",  "Heri",  "Imam",
    "Joko", "Nur",   "Rahmat", "Rudi", "Slamet",  "Sri",  "Sugeng", "Teguh", "Tri", "Wahyu", "Yusuf", "Zainal"};
constexpr std::array<const char*, 20> kFamilyNames = {"Firmansyah", "Gunawan",  "Hartono",   "Hidayat", "Kurniawan",
                                                      "Maulana",    "Nugroho",  "Permana",   "Pratama", "Prasetyo",
                                                      "Purnomo",    "Ramadhan", "Santoso",   "Saputra", "Setiawan",
                                                      "Sulistyo",   "Susanto",  "Syahputra", "Wibowo",  "Wijaya"};
// Bhabinkamtibmas are non-commissioned officers; Kapolsek and Kapolres are inspectors and commissioners.
constexpr std::array<const char*, 4> kOfficerRanks = {"Brigpol", "Bripka", "Aipda", "Aiptu"};
constexpr std::array<const char*, 2> kPolsekRanks = {"Iptu", "AKP"};
constexpr const char* kPolresRank = "AKBP";
// Mobile prefixes of Indonesia's operators.
constexpr std::array<const char*, 16> kMobilePrefixes = {"811", "812", "813", "821", "822", "852", "853", "814",
                                                         "815", "857", "858", "817", "818", "877", "878", "896"};

// Serials are the last four digits of an NRP and of a phone number: a different one for every person.
constexpr std::uint32_t kSerials = 10000;

std::string digits(std::uint32_t value, std::size_t width) {
  std::string text = std::to_string(value);
  return std::string(width - std::min(width, text.size()), '0') + text;
}

struct Person {
  std::string nrp;
  std::string name;
  std::string phoneE164;
};

// Serials shuffled once, so each person gets a different one without them counting up visibly.
std::vector<std::uint32_t> shuffledSerials(Random& random) {
  std::vector<std::uint32_t> serials(kSerials);
  std::iota(serials.begin(), serials.end(), 0u);
  for (std::uint32_t i = kSerials - 1; i > 0; --i) std::swap(serials[i], serials[random.below(i + 1)]);
  return serials;
}

// Makes up people, at most kSerials of them.
class PersonMaker {
 public:
  explicit PersonMaker(Random random)
      : random_(random), nrpSerials_(shuffledSerials(random_)), phoneSerials_(shuffledSerials(random_)) {}

  Person next(const char* rank) {
    Person person;
    person.nrp = digits(75 + random_.below(25), 2) + digits(1 + random_.below(12), 2) + digits(nrpSerials_[made_], 4);
    person.name = std::string(rank) + " " + pick(kGivenNames) + " " + pick(kFamilyNames);
    person.phoneE164 = std::string("+62") + pick(kMobilePrefixes) + digits(random_.below(kSerials), 4) +
                       digits(phoneSerials_[made_], 4);
    ++made_;
    return person;
  }

  template <std::size_t N>
  const char* pick(const std::array<const char*, N>& list) {
    return list[random_.below(static_cast<std::uint32_t>(N))];
  }
  bool chance(double share) { return random_.unit() < share; }

 private:
  Random random_;
  std::vector<std::uint32_t> nrpSerials_;
  std::vector<std::uint32_t> phoneSerials_;
  std::size_t made_ = 0;
};

std::vector<DemoDistrict> placeDistricts(const Slice<District>& districts, const geo::MultiPolygon& outline,
                                         const LocalFrame& frame, Random& random) {
  const std::vector<geo::LatLon> anchors = spreadAnchors(districts.size(), outline, frame, random);
  std::vector<DemoDistrict> placed;
  for (std::size_t i = 0; i < districts.size(); ++i)
    placed.push_back({districts[i].code, districts[i].name, anchors[i]});
  return placed;
}

// Each district's villages share a disc around its anchor whose area is the district's share of the outline.
std::vector<domain::Village> placeVillages(const AreaCatalog& catalog, const Regency& regency,
                                           const std::vector<DemoDistrict>& districts, const geo::MultiPolygon& outline,
                                           const LocalFrame& frame, Random& random) {
  const double villageAreaKm2 = outline.areaSquareDegrees() * frame.squareKmPerSquareDegree() /
                                static_cast<double>(catalog.villagesOfRegency(regency.code).size());
  std::vector<domain::Village> placed;
  for (const DemoDistrict& district : districts) {
    const Slice<Village> villages = catalog.villagesOfDistrict(district.code);
    const double radiusKm = std::sqrt(villageAreaKm2 * static_cast<double>(villages.size()) / kPi);
    for (const Village& village : villages) {
      placed.push_back({village.code, village.name, district.code, regency.code, regency.provinceCode,
                        randomPointNear(district.anchor, radiusKm, outline, frame, random)});
    }
  }
  return placed;
}

std::vector<DemoSupervisor> makeSupervisors(const Regency& regency, const std::vector<DemoDistrict>& districts,
                                            PersonMaker& people) {
  std::vector<DemoSupervisor> supervisors;
  Person kapolres = people.next(kPolresRank);
  supervisors.push_back({kapolres.nrp, kapolres.name, kapolres.phoneE164, "Polres " + regency.shortName, regency.code});
  for (const DemoDistrict& district : districts) {
    Person kapolsek = people.next(people.pick(kPolsekRanks));
    supervisors.push_back({kapolsek.nrp, kapolsek.name, kapolsek.phoneE164, "Polsek " + district.name, district.code});
  }
  return supervisors;
}

std::vector<domain::Officer> makeOfficers(const std::vector<domain::Village>& villages,
                                          const geo::MultiPolygon& outline, const LocalFrame& frame,
                                          const DemoSettings& settings, PersonMaker& people, Random& places) {
  constexpr double kPostRadiusKm = 0.3;
  std::vector<domain::Officer> officers;
  for (const domain::Village& village : villages) {
    Person person = people.next(people.pick(kOfficerRanks));
    domain::Officer officer;
    officer.nrp = std::move(person.nrp);
    officer.name = std::move(person.name);
    officer.phoneE164 = std::move(person.phoneE164);
    officer.villageCodes = {village.code};
    officer.onDuty = people.chance(settings.onDutyShare);
    officer.lastPosition = randomPointNear(village.position, kPostRadiusKm, outline, frame, places);
    officer.lastPositionAtUnixMs = settings.positionsAtUnixMs;
    officers.push_back(std::move(officer));
  }
  return officers;
}

}  // namespace

std::string defaultDemoOutlinePath(const std::string& rootDir) {
  return rootDir + "/assets/demo/brebes_outline.geojson";
}

std::variant<geo::MultiPolygon, AreaError> parseDemoOutline(std::string_view geojson, std::string_view regencyCode,
                                                            const std::string& fileName) {
  auto parsed = wire::parseGeoJsonBoundaries(geojson);
  if (auto* error = std::get_if<wire::ParseError>(&parsed)) return AreaError{fileName + ": " + error->message};
  for (geo::Boundary& boundary : std::get<std::vector<geo::Boundary>>(parsed)) {
    if (boundary.code == regencyCode) return std::move(boundary.shape);
  }
  return AreaError{fileName + ": no feature with code \"" + std::string(regencyCode) + "\""};
}

std::variant<geo::MultiPolygon, AreaError> loadDemoOutline(const std::string& path, std::string_view regencyCode) {
  auto text = readDataFile(path);
  if (auto* error = std::get_if<AreaError>(&text)) return *error;
  return parseDemoOutline(std::get<std::string>(text), regencyCode, path);
}

std::variant<DemoArea, AreaError> generateDemoArea(const AreaCatalog& catalog, std::string_view regencyCode,
                                                   const geo::MultiPolygon& outline, const DemoSettings& settings) {
  const Regency* regency = catalog.regency(regencyCode);
  if (regency == nullptr) return AreaError{"regency \"" + std::string(regencyCode) + "\" is not in the area catalog"};
  const Slice<District> districts = catalog.districtsOfRegency(regency->code);
  const std::size_t villageCount = catalog.villagesOfRegency(regency->code).size();
  if (villageCount == 0) return AreaError{"regency " + regency->code + " has no villages"};
  if (!(outline.areaSquareDegrees() > 0)) return AreaError{"the demo outline of " + regency->code + " has no area"};
  if (villageCount + districts.size() + 1 > kSerials) {
    return AreaError{"regency " + regency->code + " needs more people than NRP serials (" + std::to_string(kSerials) +
                     ")"};
  }

  // Places and people draw from separate streams, so changing how people are made never moves a village.
  Random places(settings.seed, 1);
  PersonMaker people(Random(settings.seed, 2));
  const LocalFrame frame(outline.box());
  DemoArea area;
  area.regencyCode = regency->code;
  area.outline = outline;
  area.districts = placeDistricts(districts, outline, frame, places);
  area.villages = placeVillages(catalog, *regency, area.districts, outline, frame, places);
  area.supervisors = makeSupervisors(*regency, area.districts, people);
  area.officers = makeOfficers(area.villages, outline, frame, settings, people, places);
  return area;
}

}  // namespace bhabin::server::areas
