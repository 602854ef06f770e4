// Per-subject request limits ('write-ip:<address>', 'track-ip:<address>') counted in the database, so every
// server process behind a load balancer sees the same count.
#pragma once

#include <string>

#include "server/service/backend.h"

namespace bhabin::server::service {

// Counts one hit for `subject`; throws ApiError too_many_requests (429, Retry-After: the window) once the
// window holds more than limit.maxHits.
void limitHits(Backend& backend, const std::string& subject, const RateLimit& limit);

// The same inside the caller's transaction, so the hit is counted together with what it limits: a retry that
// only replays a stored answer is not counted, and a refusal rolls its hit back with the rest.
void refuseOverLimit(storage::Connection& connection, Backend& backend, const std::string& subject, const RateLimit& limit);

}  // namespace bhabin::server::service
