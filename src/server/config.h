// bhabin-server's settings: each has a default, a command-line option and an environment variable.
#pragma once

#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

#include "core/report/deadlines.h"

namespace bhabin::server {

struct ServerConfig {
  std::string host = "127.0.0.1";  // BHABIN_HOST; 0.0.0.0 to serve other machines
  int port = 8080;                 // BHABIN_PORT; 0 picks a free port (tests)
  std::string rootDir = ".";       // BHABIN_ROOT: the checkout holding index.html and web/
  std::string appDir;              // BHABIN_APP_DIR: the WebAssembly build of src/app; default ROOT/build/wasm/src/app
  std::string leafletDir;          // BHABIN_LEAFLET_DIR: Leaflet's dist folder; default ROOT/node_modules/leaflet/dist
  std::string tileUrl;             // BHABIN_TILE_URL: XYZ tile template for the map; empty = no tiles
  std::string tileAttribution;     // BHABIN_TILE_ATTRIBUTION: credit line the tile provider requires
  std::string logLevel = "info";   // BHABIN_LOG_LEVEL: error, warn, info or debug
  std::string dataDir;             // BHABIN_DATA_DIR: folder of the SQLite database; default ROOT/data
  std::string databaseUrl;         // BHABIN_DATABASE_URL: postgresql://... to use PostgreSQL instead of SQLite
  std::string areaDataDir;         // BHABIN_AREA_DATA_DIR: idn-area-data's CSVs; default ROOT/node_modules/idn-area-data/data
  std::string demoRegency = "33.29";  // BHABIN_DEMO_REGENCY: regency seeded into an empty database; "none" = no demo
  std::string demoPassword;        // BHABIN_DEMO_PASSWORD: demo accounts' password; default random, printed once
  std::string open311ApiKey;       // BHABIN_OPEN311_API_KEY: the key Open311 clients send; default random, printed
  int threads = 8;                 // BHABIN_THREADS: request threads (and database connections)
  int maxWaiting = 64;             // BHABIN_MAX_WAITING: connections that may wait for a thread; more get 503
  int anonymousWritesPer10Min = 30;  // BHABIN_WRITE_LIMIT: report creations, joins and uploads per client address
  int retentionDays = 365;         // BHABIN_RETENTION_DAYS: closed reports keep their reporters' names and phones this long
  int confirmWindowHours = 72;     // BHABIN_CONFIRM_WINDOW_HOURS: a citizen may confirm or reopen a resolved report this long
  int deadlineSweepMinutes = 5;    // BHABIN_DEADLINE_SWEEP_MINUTES: how often to escalate and auto-close; 0 = never here
  report::DeadlinePolicies deadlines;  // BHABIN_DEADLINES: "CATEGORY:receive=1h,resolve=3d,escalate=1h,working_days;..."
};

struct ConfigResult {
  std::optional<ServerConfig> config;  // empty when the program should exit (help shown, or an error)
  int exitCode = 0;
};

// Fills the folders left empty with their defaults under rootDir; parseConfig does this itself.
void fillDerivedDefaults(ServerConfig& config);

// Reads the environment (through `getenv`, injectable for tests) and then the command line, which wins.
// Prints --help to `out` and problems to `err`.
ConfigResult parseConfig(const std::vector<std::string>& args, const char* (*getenv)(const char*),
                         std::ostream& out, std::ostream& err);

}  // namespace bhabin::server
