#include "server/service/rate_limits.h"

#include "server/api/api_error.h"
#include "server/storage/account_rows.h"

namespace bhabin::server::service {

void limitHits(Backend& backend, const std::string& subject, const RateLimit& limit) {
  const std::int64_t hits = storage::inTransaction(backend.pool(), storage::Durability::Relaxed, [&](storage::Connection& c) {
    return storage::countHit(c, subject, backend.now(), limit.windowMs);
  });
  if (hits > limit.maxHits) throw api::ApiError::tooManyRequests(static_cast<int>(limit.windowMs / 1000));
}

void refuseOverLimit(storage::Connection& connection, Backend& backend, const std::string& subject, const RateLimit& limit) {
  if (storage::countHit(connection, subject, backend.now(), limit.windowMs) > limit.maxHits) {
    throw api::ApiError::tooManyRequests(static_cast<int>(limit.windowMs / 1000));
  }
}

}  // namespace bhabin::server::service
