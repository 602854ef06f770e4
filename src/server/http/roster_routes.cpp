// The public roster snapshot, no login: GET /api/v1/roster[?regency=33.29] gives the browser everything the
// core's matching needs (wire::RosterSnapshot) so that "my officer" and the nearest officers work on the
// phone, offline too. Tagged with the 'officers' counter: the browser revalidates (If-None-Match → 304) and a
// service worker keeps the last copy.
#include <httplib.h>

#include <cmath>
#include <optional>
#include <string_view>
#include <vector>

#include "core/wire/roster_codec.h"
#include "server/http/api_handler.h"
#include "server/http/api_routes.h"
#include "server/http/public_snapshot.h"
#include "server/storage/counters.h"
#include "server/storage/roster_rows.h"

namespace bhabin::server::http {

namespace {

// An officer's exact live position is not public: it would let anyone follow an officer on patrol. Rounded
// to 3 decimals of a degree (a grid of about 110 m, so at most 79 m off), it still ranks officers as the
// server does, except two whose distances differ by less than about 160 m, who may trade places.
double roundedDegrees(double degrees) { return std::round(degrees * 1000.0) / 1000.0; }

void hideExactPositions(std::vector<wire::RosterOfficer>& officers) {
  for (wire::RosterOfficer& officer : officers) {
    officer.position = {roundedDegrees(officer.position.latDeg), roundedDegrees(officer.position.lonDeg)};
  }
}

wire::MatchingRules rulesOf(const matching::MatchingSettings& settings) {
  return {settings.openReportsCap, static_cast<std::uint32_t>(settings.nearestCount), settings.maxDistanceKm};
}

struct Answer {
  std::string tag;
  std::optional<wire::RosterSnapshot> snapshot;  // nothing when the client's copy is current
};

Answer readRoster(storage::Connection& connection, const std::string& regency, std::string_view ifNoneMatch,
                  const matching::MatchingSettings& settings) {
  requireKnownRegency(connection, regency);
  // The counter before the rows: the rows are then at least as new as the tag says, so a client holding the
  // tag never keeps data older than it (at worst it downloads the same rows again under the next tag).
  const std::int64_t version = storage::currentCounterValue(connection, storage::kOfficersCounter);
  Answer answer{entityTag("roster", version, regency), std::nullopt};
  if (clientHasCurrentCopy(ifNoneMatch, answer.tag)) return answer;
  storage::RosterRows rows = storage::rosterRows(connection, regency);
  hideExactPositions(rows.officers);
  answer.snapshot =
      wire::RosterSnapshot{version, rulesOf(settings), std::move(rows.officers), std::move(rows.villages)};
  return answer;
}

void roster(Call& call, ApiServices& services) {
  const std::string regency = regencyParam(call);
  const std::string ifNoneMatch = call.request.get_header_value("If-None-Match");
  const Answer answer =
      storage::inTransaction(services.backend.pool(), storage::Durability::ReadOnly, [&](storage::Connection& c) {
        return readRoster(c, regency, ifNoneMatch, services.backend.settings().matching);
      });
  if (answerRevalidated(call, answer.tag, !answer.snapshot)) return;
  sendJson(call, 200, wire::encodeRosterJson(*answer.snapshot));
}

}  // namespace

void registerRosterRoutes(httplib::Server& server, ApiServices& services) {
  server.Get("/api/v1/roster", apiEndpoint([&services](Call& call) { roster(call, services); }));
}

}  // namespace bhabin::server::http
