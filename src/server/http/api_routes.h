// The JSON API under /api/v1: every citizen, officer, supervisor and administrator flow. The endpoints
// themselves live in one file per audience (citizen_, session_, officer_, supervisor_, area_admin_, export_, admin_routes) or
// resource (photo_, roster_routes).
#pragma once

#include "server/config.h"
#include "server/service/accounts.h"
#include "server/service/exports.h"
#include "server/service/imports.h"
#include "server/service/officer_work.h"
#include "server/service/reports.h"
#include "server/service/roster_admin.h"

namespace httplib {
class Server;
}

namespace bhabin::server::areas {
class VillageSearch;
}

namespace bhabin::server::http {

struct ApiServices {
  service::Backend& backend;
  service::Accounts& accounts;
  service::Reports& reports;
  service::OfficerWork& officerWork;
  const areas::VillageSearch& villages;
  service::Imports& imports;
  service::RosterAdmin& rosterAdmin;
  service::Exports& exports;
};

// GET /api/v1/health -> {"status":"ok","version":...}; GET /api/v1/config -> wire::PublicConfig; and the rest.
void registerApiRoutes(httplib::Server& server, const ServerConfig& config, ApiServices& services);

void registerCitizenRoutes(httplib::Server& server, ApiServices& services);
void registerSessionRoutes(httplib::Server& server, ApiServices& services);
void registerOfficerRoutes(httplib::Server& server, ApiServices& services);
void registerSupervisorRoutes(httplib::Server& server, ApiServices& services);
void registerPhotoRoutes(httplib::Server& server, ApiServices& services);
void registerAdminRoutes(httplib::Server& server, ApiServices& services);
void registerAreaAdminRoutes(httplib::Server& server, ApiServices& services);
void registerExportRoutes(httplib::Server& server, ApiServices& services);
void registerRosterRoutes(httplib::Server& server, ApiServices& services);
void registerBoundaryRoutes(httplib::Server& server, ApiServices& services);

}  // namespace bhabin::server::http
