#include "server/storage/visit_rows.h"

#include <set>
#include <variant>

#include "core/wire/visit_codec.h"

namespace bhabin::server::storage {

std::string insertVisit(Connection& connection, const StoredVisit& visit, const std::string& idempotencyKey,
                        std::int64_t nowUnixMs) {
  connection.query(
      "INSERT INTO visits (regency_code, visit_id, idempotency_key, officer_nrp, visited_at, lat, lon, record, created_at) "
      "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
      {visit.regencyCode, visit.visitId, idempotencyKey, visit.visit.officerNrp, visit.visit.visitedAtUnixMs,
       visit.visit.position.latDeg, visit.visit.position.lonDeg, wire::encodeVisitJson(visit.visit), nowUnixMs});
  return visit.visitId;
}

std::optional<std::string> findVisitByKey(Connection& connection, const std::string& regencyCode,
                                          const std::string& idempotencyKey) {
  const auto rows = connection.query("SELECT visit_id FROM visits WHERE regency_code = $1 AND idempotency_key = $2",
                                     {regencyCode, idempotencyKey});
  if (rows.empty()) return std::nullopt;
  return rows[0].text(0);
}

namespace {

// Rows of visit_id, regency_code, record.
std::vector<StoredVisit> decodeVisits(const std::vector<Row>& rows) {
  std::vector<StoredVisit> visits;
  for (const Row& row : rows) {
    auto decoded = wire::decodeVisitJson(row.text(2));
    if (auto* error = std::get_if<wire::ParseError>(&decoded)) {
      throw DatabaseError(DatabaseErrorKind::Other, "a stored visit cannot be read back: " + error->message);
    }
    visits.push_back({row.text(0), row.text(1), std::move(std::get<domain::SambangVisit>(decoded))});
  }
  return visits;
}

}  // namespace

std::vector<StoredVisit> visitsOf(Connection& connection, const std::string& officerNrp, std::size_t limit) {
  return decodeVisits(connection.query(
      "SELECT visit_id, regency_code, record FROM visits WHERE officer_nrp = $1 ORDER BY visited_at DESC LIMIT $2",
      {officerNrp, static_cast<std::int64_t>(limit)}));
}

std::vector<StoredVisit> visitsInArea(Connection& connection, const std::string& area, const TimeRange& range,
                                      std::size_t limit) {
  return decodeVisits(connection.query(
      "SELECT v.visit_id, v.regency_code, v.record FROM visits v WHERE v.visited_at >= $1 AND v.visited_at < $2 AND "
      "(v.regency_code = $3 OR v.regency_code LIKE $4 OR "
      "EXISTS (SELECT 1 FROM village_officers w WHERE w.nrp = v.officer_nrp AND w.village_code LIKE $4)) "
      "ORDER BY v.visited_at, v.visit_id LIMIT $5",
      {range.fromUnixMs, range.toUnixMs, area, area.empty() ? std::string("%") : area + ".%",
       static_cast<std::int64_t>(limit)}));
}

std::vector<stats::VisitEntry> visitTimes(Connection& connection, const std::vector<OfficerInArea>& officers,
                                        std::int64_t fromUnixMs, std::int64_t toUnixMs) {
  // Visits are stored under the visiting officer's regency: one query per regency the officers belong to.
  std::set<std::string> regencies;
  std::set<std::string> wanted;
  for (const OfficerInArea& officer : officers) {
    regencies.insert(officer.state.regencyCode);
    wanted.insert(officer.nrp);
  }
  std::vector<stats::VisitEntry> times;
  for (const std::string& regency : regencies) {
    for (const Row& row : connection.query(
             "SELECT officer_nrp, visited_at FROM visits WHERE regency_code = $1 AND visited_at >= $2 AND visited_at < $3",
             {regency, fromUnixMs, toUnixMs})) {
      if (wanted.count(row.text(0)) != 0) times.push_back({row.text(0), row.integer(1)});
    }
  }
  return times;
}

}  // namespace bhabin::server::storage
