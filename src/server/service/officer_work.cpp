#include "server/service/officer_work.h"

#include <variant>

#include "core/report/field_checks.h"
#include "core/report/visit_validation.h"
#include "core/wire/form_json.h"
#include "core/wire/visit_codec.h"
#include "server/api/api_error.h"
#include "server/storage/region_rows.h"

namespace bhabin::server::service {

namespace {

void requireOfficer(const Principal& principal) {
  if (principal.account.role != storage::AccountRole::Officer) throw api::ApiError(403, "forbidden", "only officers have a duty status");
}

OfficerStatus readStatus(storage::Connection& connection, const std::string& nrp) {
  auto state = storage::findOfficerState(connection, nrp);
  if (!state) throw api::ApiError(404, "not_found", "no duty record for this officer");
  return {std::move(*state), storage::villagesOf(connection, nrp)};
}

}  // namespace

OfficerStatus OfficerWork::status(const Principal& principal) {
  requireOfficer(principal);
  return storage::inTransaction(backend_.pool(), storage::Durability::ReadOnly,
                                [&](storage::Connection& c) { return readStatus(c, principal.account.nrp); });
}

OfficerStatus OfficerWork::setOnDuty(const Principal& principal, bool onDuty) {
  requireOfficer(principal);
  return storage::inTransaction(backend_.pool(), storage::Durability::Durable, [&](storage::Connection& c) {
    storage::setOnDuty(c, principal.account.nrp, onDuty, backend_.now());
    return readStatus(c, principal.account.nrp);
  });
}

OfficerStatus OfficerWork::sharePosition(const Principal& principal, std::optional<double> latDeg, std::optional<double> lonDeg) {
  requireOfficer(principal);
  std::vector<report::ValidationError> errors;
  const geo::LatLon position = report::checkPosition(latDeg, lonDeg, backend_.settings().validation.serviceArea, errors);
  if (!errors.empty()) throw api::ApiError::invalidForm(errors);
  return storage::inTransaction(backend_.pool(), storage::Durability::Relaxed, [&](storage::Connection& c) {
    OfficerStatus current = readStatus(c, principal.account.nrp);
    if (!current.state.onDuty) throw api::ApiError(409, "forbidden", "position is shared only while on duty");
    storage::setPosition(c, principal.account.nrp, position, backend_.now());
    return readStatus(c, principal.account.nrp);
  });
}

StoredAnswer OfficerWork::logVisit(const Principal& principal, const std::string& body, const std::string& idempotencyKey) {
  requireOfficer(principal);
  checkIdempotencyKey(idempotencyKey);
  auto decoded = wire::decodeVisitForm(body);
  if (auto* error = std::get_if<wire::ParseError>(&decoded)) throw api::ApiError(400, "invalid_json", error->message);
  report::VisitForm form = std::get<report::VisitForm>(std::move(decoded));
  form.officerNrp = principal.account.nrp;
  const std::int64_t now = backend_.now();
  auto validated = report::validateVisitForm(form, now, backend_.settings().validation);
  if (!validated.ok()) throw api::ApiError::invalidForm(validated.errors);
  const std::string regency = principal.account.areaCode;
  return storage::inTransaction(backend_.pool(), storage::Durability::Durable, [&](storage::Connection& c) {
    if (auto seen = storage::findVisitByKey(c, regency, idempotencyKey)) {
      return StoredAnswer{201, "{\"visitId\":\"" + *seen + "\"}", true};
    }
    const std::string id = storage::insertVisit(c, {auth::toHex(auth::randomBytes(12)), regency, *validated.value},
                                                idempotencyKey, now);
    return StoredAnswer{201, "{\"visitId\":\"" + id + "\"}", false};
  });
}

std::vector<storage::StoredVisit> OfficerWork::visits(const Principal& principal, std::size_t limit) {
  requireOfficer(principal);
  return storage::inTransaction(backend_.pool(), storage::Durability::ReadOnly,
                                [&](storage::Connection& c) { return storage::visitsOf(c, principal.account.nrp, limit); });
}

}  // namespace bhabin::server::service
