// Outlines for the map, no login: GET /api/v1/boundaries gives every regency's outline, ?regency=33.29 that
// regency's and its villages'. With no map tiles reachable (offline, or a network that blocks them) the map
// still shows where the regency and its villages are. Revalidated like the roster; the service worker keeps
// the last copy.
#include <httplib.h>

#include <string>
#include <vector>

#include "server/http/api_handler.h"
#include "server/http/api_routes.h"
#include "server/http/compressed_answer.h"
#include "server/http/public_snapshot.h"
#include "server/storage/boundary_rows.h"
#include "server/storage/counters.h"

namespace bhabin::server::http {

namespace {

// Each stored row is already one GeoJSON Feature, checked when it was imported.
std::string featureCollection(const std::vector<storage::StoredBoundary>& boundaries) {
  std::string json = R"({"type":"FeatureCollection","features":[)";
  for (std::size_t i = 0; i < boundaries.size(); ++i) {
    if (i > 0) json += ',';
    json += boundaries[i].geojson;
  }
  return json + "]}";
}

struct Answer {
  std::string tag;
  std::optional<std::string> geojson;  // nothing when the client's copy is current
};

Answer readBoundaries(storage::Connection& connection, const std::string& regency, std::string_view ifNoneMatch) {
  requireKnownRegency(connection, regency);
  // Boundary changes take the 'officers' counter (storage/boundary_rows.h); read before the rows.
  Answer answer{entityTag("boundaries", storage::currentCounterValue(connection, storage::kOfficersCounter), regency), {}};
  if (clientHasCurrentCopy(ifNoneMatch, answer.tag)) return answer;
  answer.geojson = featureCollection(regency.empty() ? storage::regencyBoundaries(connection)
                                                     : storage::boundariesOfRegency(connection, regency));
  return answer;
}

void boundaries(Call& call, ApiServices& services) {
  const std::string regency = regencyParam(call);
  const std::string ifNoneMatch = call.request.get_header_value("If-None-Match");
  const Answer answer = storage::inTransaction(services.backend.pool(), storage::Durability::ReadOnly,
                                               [&](storage::Connection& c) { return readBoundaries(c, regency, ifNoneMatch); });
  if (answerRevalidated(call, answer.tag, !answer.geojson)) return;
  call.response.status = 200;
  sendFreshBody(call.request, call.response, "application/geo+json", *answer.geojson);
}

}  // namespace

void registerBoundaryRoutes(httplib::Server& server, ApiServices& services) {
  server.Get("/api/v1/boundaries", apiEndpoint([&services](Call& call) { boundaries(call, services); }));
}

}  // namespace bhabin::server::http
