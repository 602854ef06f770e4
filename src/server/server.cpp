#include "server/server.h"

#include <httplib.h>
#include <netinet/tcp.h>

#include <chrono>
#include <condition_variable>
#include <functional>
#include <iostream>
#include <map>
#include <mutex>
#include <stdexcept>
#include <thread>

#include "server/areas/area_catalog.h"
#include "server/areas/demo_area.h"
#include "server/areas/demo_seed.h"
#include "server/auth/crypto.h"
#include "server/http/api_routes.h"
#include "server/http/paced_http_server.h"
#include "server/http/security_headers.h"
#include "server/http/static_routes.h"
#include "server/areas/village_search.h"
#include "server/service/accounts.h"
#include "server/service/exports.h"
#include "server/service/imports.h"
#include "server/service/officer_work.h"
#include "server/service/reports.h"
#include "server/service/deadline_sweep.h"
#include "server/service/retention.h"
#include "server/service/roster_admin.h"
#include "server/storage/open_database.h"

namespace bhabin::server {

namespace {

// One line per request; the path is logged without its query string, which may carry personal data.
void logRequest(const httplib::Request& request, const httplib::Response& response) {
  std::clog << "access method=" << request.method << " path=" << request.path << " status=" << response.status
            << " bytes=" << response.body.size() << '\n';
}

struct LoadedAreas {
  areas::AreaCatalog catalog;
  areas::VillageSearch villages;
};

// The national catalog and its search index take most of a second to build and never change while the
// process runs; several servers in one process (tests) share them.
std::shared_ptr<const LoadedAreas> loadAreas(const std::string& dir) {
  static std::mutex mutex;
  static std::map<std::string, std::shared_ptr<const LoadedAreas>> loaded;
  std::lock_guard lock(mutex);
  if (auto found = loaded.find(dir); found != loaded.end()) return found->second;
  auto catalog = areas::loadAreaCatalog(dir);
  if (auto* error = std::get_if<areas::AreaError>(&catalog)) {
    throw std::runtime_error("cannot load the area data (run scripts/setup, or set --area-data-dir): " + error->message);
  }
  auto& ready = std::get<areas::AreaCatalog>(catalog);
  areas::VillageSearch villages(ready);
  auto areas = std::make_shared<const LoadedAreas>(LoadedAreas{std::move(ready), std::move(villages)});
  loaded.emplace(dir, areas);
  return areas;
}

void seedDemoOnFirstStart(const ServerConfig& config, storage::ConnectionPool& pool, const areas::AreaCatalog& catalog,
                          const ServerOptions& options) {
  if (config.demoRegency == "none") return;
  auto outline = areas::loadDemoOutline(areas::defaultDemoOutlinePath(config.rootDir), config.demoRegency);
  if (auto* error = std::get_if<areas::AreaError>(&outline)) throw std::runtime_error(error->message);
  if (!areas::isEmptyDatabase(pool)) {
    storage::inTransaction(pool, storage::Durability::Durable, [&](storage::Connection& connection) {
      areas::addDemoOutlineIfMissing(connection, config.demoRegency, std::get<geo::MultiPolygon>(outline));
    });
    return;
  }
  areas::DemoSettings demoSettings;
  demoSettings.positionsAtUnixMs = options.clock();
  auto demo = areas::generateDemoArea(catalog, config.demoRegency, std::get<geo::MultiPolygon>(outline), demoSettings);
  if (auto* error = std::get_if<areas::AreaError>(&demo)) throw std::runtime_error(error->message);
  const auto& area = std::get<areas::DemoArea>(demo);
  const std::string password = config.demoPassword.empty() ? auth::randomToken(9) : config.demoPassword;
  try {
    areas::seedDemo(pool, catalog, area, auth::hashPassword(password, options.settings.passwordHashing), options.clock());
  } catch (const storage::DatabaseError& error) {
    if (error.kind() == storage::DatabaseErrorKind::UniqueViolation) return;  // another server seeded it first
    throw;
  }
  std::clog << "bhabin-server: demo data for " << area.regencyCode << " created: " << area.officers.size()
            << " officers, " << area.supervisors.size() << " supervisors.\n"
            << "bhabin-server: demo logins (shown once): officer NRP " << area.officers.front().nrp << " ("
            << area.villages.front().name << "), supervisor NRP " << area.supervisors.front().nrp << " ("
            << area.supervisors.front().unit << "), admin NRP " << areas::kDemoAdminNrp << ", password " << password
            << '\n';
}

// Runs `work` at once and then every `periodMs` on a thread of its own, until destroyed.
class PeriodicTask {
 public:
  PeriodicTask(std::int64_t periodMs, std::function<void()> work)
      : thread_([this, periodMs, work = std::move(work)] { loop(periodMs, work); }) {}
  ~PeriodicTask() {
    {
      std::lock_guard lock(mutex_);
      stopping_ = true;
    }
    wake_.notify_all();
    thread_.join();
  }
  PeriodicTask(const PeriodicTask&) = delete;
  PeriodicTask& operator=(const PeriodicTask&) = delete;

 private:
  void loop(std::int64_t periodMs, const std::function<void()>& work) {
    std::unique_lock lock(mutex_);
    while (!stopping_) {
      lock.unlock();
      work();
      lock.lock();
      wake_.wait_for(lock, std::chrono::milliseconds(periodMs), [this] { return stopping_; });
    }
  }

  std::mutex mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;
  std::thread thread_;  // last: starts once everything it uses exists
};

// A failed purge is logged, not thrown: the server keeps serving and the next run tries again.
void purgeReporterIdentities(service::Retention& retention, const ServerConfig& config) {
  try {
    const service::PurgeCounts erased = retention.purgeReporterIdentities();
    if (erased.reports > 0 && (config.logLevel == "info" || config.logLevel == "debug")) {
      std::clog << "bhabin-server: erased the names and phones of " << erased.reporters << " reporter(s) of "
                << erased.reports << " report(s) closed over " << config.retentionDays << " days ago\n";
    }
  } catch (const std::exception& error) {
    std::clog << "bhabin-server: retention purge failed, retrying in the next period: " << error.what() << '\n';
  }
}

void sweepDeadlines(service::DeadlineSweep& sweep, const ServerConfig& config) {
  try {
    const service::SweepCounts swept = sweep.run();
    if (swept.escalated + swept.closed > 0 && (config.logLevel == "info" || config.logLevel == "debug")) {
      std::clog << "bhabin-server: escalated " << swept.escalated << " late deadline(s), closed " << swept.closed
                << " report(s) after the confirmation window\n";
    }
  } catch (const std::exception& error) {
    std::clog << "bhabin-server: deadline sweep failed, retrying in the next period: " << error.what() << '\n';
  }
}

}  // namespace

struct Server::Parts {
  std::unique_ptr<storage::ConnectionPool> pool;
  std::shared_ptr<const LoadedAreas> areas;
  std::unique_ptr<service::Backend> backend;
  std::unique_ptr<service::Accounts> accounts;
  std::unique_ptr<service::Reports> reports;
  std::unique_ptr<service::OfficerWork> officerWork;
  std::unique_ptr<service::Imports> imports;
  std::unique_ptr<service::RosterAdmin> rosterAdmin;
  std::unique_ptr<service::Exports> exports;
  std::unique_ptr<http::ApiServices> services;
  std::unique_ptr<service::Retention> retention;
  std::unique_ptr<service::DeadlineSweep> deadlineSweep;
  std::unique_ptr<PeriodicTask> retentionSchedule;  // last two: stopped before anything they use goes away
  std::unique_ptr<PeriodicTask> deadlineSchedule;
};

Server::Server(ServerConfig config, ServerOptions options)
    : config_(std::move(config)), parts_(std::make_unique<Parts>()), http_(std::make_unique<http::PacedHttpServer>(
          options.pace, http::ConnectionLimits{static_cast<std::size_t>(config_.threads), static_cast<std::size_t>(config_.maxWaiting)})) {
  auth::initCrypto();
  fillDerivedDefaults(config_);
  if (config_.open311ApiKey.empty()) {
    config_.open311ApiKey = auth::randomToken(18);
    std::clog << "bhabin-server: Open311 api_key for this run (shown once; set BHABIN_OPEN311_API_KEY to keep one): "
              << config_.open311ApiKey << '\n';
  }
  Parts& parts = *parts_;
  parts.pool = storage::openMigratedDatabase(config_, options.clock());
  parts.areas = loadAreas(config_.areaDataDir);
  seedDemoOnFirstStart(config_, *parts.pool, parts.areas->catalog, options);
  options.settings.anonymousWritesPerAddress.maxHits = config_.anonymousWritesPer10Min;
  options.settings.reporterIdentityRetentionMs = std::int64_t{config_.retentionDays} * 24 * 60 * 60 * 1000;
  options.settings.confirmWindowMs = std::int64_t{config_.confirmWindowHours} * 60 * 60 * 1000;
  options.settings.deadlines = config_.deadlines;
  options.settings.deadlineSweepEveryMs = std::int64_t{config_.deadlineSweepMinutes} * 60 * 1000;
  parts.backend = std::make_unique<service::Backend>(*parts.pool, options.settings, options.clock);
  parts.accounts = std::make_unique<service::Accounts>(*parts.backend);
  parts.reports = std::make_unique<service::Reports>(*parts.backend);
  parts.officerWork = std::make_unique<service::OfficerWork>(*parts.backend);
  parts.imports = std::make_unique<service::Imports>(*parts.backend, parts.areas->catalog);
  parts.rosterAdmin = std::make_unique<service::RosterAdmin>(*parts.backend, *parts.imports);
  parts.exports = std::make_unique<service::Exports>(*parts.backend);
  parts.services = std::make_unique<http::ApiServices>(http::ApiServices{*parts.backend, *parts.accounts, *parts.reports,
                                                                         *parts.officerWork, parts.areas->villages,
                                                                         *parts.imports, *parts.rosterAdmin, *parts.exports});
  parts.retention = std::make_unique<service::Retention>(*parts.backend);
  parts.retentionSchedule = std::make_unique<PeriodicTask>(
      parts.backend->settings().retentionPurgeEveryMs,
      [&retention = *parts.retention, &config = config_] { purgeReporterIdentities(retention, config); });
  parts.deadlineSweep = std::make_unique<service::DeadlineSweep>(*parts.backend);
  if (config_.deadlineSweepMinutes > 0) {
    parts.deadlineSchedule = std::make_unique<PeriodicTask>(
        parts.backend->settings().deadlineSweepEveryMs,
        [&sweep = *parts.deadlineSweep, &config = config_] { sweepDeadlines(sweep, config); });
  }

  http::registerStaticRoutes(*http_, config_);
  http::registerApiRoutes(*http_, config_, *parts.services);
  http::addSecurityHeaders(*http_, config_);
  if (config_.logLevel == "info" || config_.logLevel == "debug") http_->set_logger(logRequest);
  // Room for a photo (report::ValidationSettings::photoMaxBytes, 5 MiB); JSON bodies stop at 1 MiB in apiEndpoint.
  http_->set_payload_max_length(6 << 20);
  // httplib's default adds SO_REUSEPORT, which would let a second server silently share our port.
  http_->set_socket_options([](socket_t socket) {
    const int yes = 1;
    setsockopt(socket, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
    // httplib writes headers and body separately: with Nagle's algorithm the body then waits for the
    // client's delayed ACK (40 ms on Linux). Accepted connections inherit this from the listening socket.
    setsockopt(socket, IPPROTO_TCP, TCP_NODELAY, &yes, sizeof yes);
  });
}

Server::~Server() = default;

int Server::bind() {
  const int port = config_.port == 0 ? http_->bind_to_any_port(config_.host)
                                     : (http_->bind_to_port(config_.host, config_.port) ? config_.port : -1);
  if (port < 0) {
    throw std::runtime_error("cannot listen on " + config_.host + ":" + std::to_string(config_.port) +
                             " (in use, or not an address of this machine)");
  }
  return port;
}

void Server::run() { http_->listen_after_bind(); }

void Server::stop() { http_->stop(); }

void Server::answer(httplib::Stream& stream) { http_->answer(stream); }

}  // namespace bhabin::server
