#include "server/config.h"

#include <cstdlib>
#include <functional>
#include <ostream>

namespace bhabin::server {

namespace {

struct Option {
  const char* flag;
  const char* env;
  const char* help;
  std::function<bool(ServerConfig&, const std::string&)> set;
};

bool setString(std::string& field, const std::string& value) {
  field = value;
  return true;
}

bool setPort(int& field, const std::string& value) {
  char* end = nullptr;
  const long port = std::strtol(value.c_str(), &end, 10);
  if (value.empty() || *end != '\0' || port < 0 || port > 65535) return false;
  field = static_cast<int>(port);
  return true;
}

bool setCount(int& field, const std::string& value, long min, long max) {
  char* end = nullptr;
  const long count = std::strtol(value.c_str(), &end, 10);
  if (value.empty() || *end != '\0' || count < min || count > max) return false;
  field = static_cast<int>(count);
  return true;
}

bool setDatabaseUrl(std::string& field, const std::string& value) {
  if (value.rfind("postgresql://", 0) != 0 && value.rfind("postgres://", 0) != 0) return false;
  field = value;
  return true;
}

bool setLogLevel(std::string& field, const std::string& value) {
  if (value != "error" && value != "warn" && value != "info" && value != "debug") return false;
  field = value;
  return true;
}

bool setDeadlines(report::DeadlinePolicies& field, const std::string& value) {
  report::DeadlinePolicies policies = field;
  if (report::applyDeadlineSettings(value, policies)) return false;
  field = std::move(policies);
  return true;
}

const std::vector<Option>& options() {
  static const std::vector<Option> all = {
      {"--host", "BHABIN_HOST", "address to listen on (default 127.0.0.1)",
       [](ServerConfig& c, const std::string& v) { return setString(c.host, v); }},
      {"--port", "BHABIN_PORT", "TCP port, 0-65535 (default 8080; 0 = any free port)",
       [](ServerConfig& c, const std::string& v) { return setPort(c.port, v); }},
      {"--root", "BHABIN_ROOT", "folder holding index.html and web/ (default .)",
       [](ServerConfig& c, const std::string& v) { return setString(c.rootDir, v); }},
      {"--app-dir", "BHABIN_APP_DIR", "WebAssembly build of the app (default ROOT/build/wasm/src/app)",
       [](ServerConfig& c, const std::string& v) { return setString(c.appDir, v); }},
      {"--leaflet-dir", "BHABIN_LEAFLET_DIR", "Leaflet's dist folder (default ROOT/node_modules/leaflet/dist)",
       [](ServerConfig& c, const std::string& v) { return setString(c.leafletDir, v); }},
      {"--tile-url", "BHABIN_TILE_URL", "map tile URL template with {z}/{x}/{y} (default: none)",
       [](ServerConfig& c, const std::string& v) { return setString(c.tileUrl, v); }},
      {"--tile-attribution", "BHABIN_TILE_ATTRIBUTION", "attribution text for the tiles",
       [](ServerConfig& c, const std::string& v) { return setString(c.tileAttribution, v); }},
      {"--log-level", "BHABIN_LOG_LEVEL", "error, warn, info or debug (default info)",
       [](ServerConfig& c, const std::string& v) { return setLogLevel(c.logLevel, v); }},
      {"--data-dir", "BHABIN_DATA_DIR", "folder for the SQLite database file (default ROOT/data)",
       [](ServerConfig& c, const std::string& v) { return setString(c.dataDir, v); }},
      {"--database-url", "BHABIN_DATABASE_URL", "postgresql://USER@HOST:PORT/DB to use PostgreSQL instead of SQLite",
       [](ServerConfig& c, const std::string& v) { return setDatabaseUrl(c.databaseUrl, v); }},
      {"--area-data-dir", "BHABIN_AREA_DATA_DIR",
       "idn-area-data's CSV folder (default ROOT/node_modules/idn-area-data/data)",
       [](ServerConfig& c, const std::string& v) { return setString(c.areaDataDir, v); }},
      {"--demo-regency", "BHABIN_DEMO_REGENCY", "regency code seeded into an empty database (default 33.29; none = no demo)",
       [](ServerConfig& c, const std::string& v) { return setString(c.demoRegency, v); }},
      {"--demo-password", "BHABIN_DEMO_PASSWORD", "password of the demo accounts (default: random, printed once)",
       [](ServerConfig& c, const std::string& v) { return setString(c.demoPassword, v); }},
      {"--open311-api-key", "BHABIN_OPEN311_API_KEY", "api_key Open311 clients must send (default: random, printed)",
       [](ServerConfig& c, const std::string& v) { return setString(c.open311ApiKey, v); }},
      {"--threads", "BHABIN_THREADS", "request threads and database connections, 1-256 (default 8)",
       [](ServerConfig& c, const std::string& v) { return setCount(c.threads, v, 1, 256); }},
      {"--max-waiting", "BHABIN_MAX_WAITING",
       "connections that may wait for a request thread; more are answered 503 with Retry-After, 1-100000 (default 64)",
       [](ServerConfig& c, const std::string& v) { return setCount(c.maxWaiting, v, 1, 100000); }},
      {"--write-limit", "BHABIN_WRITE_LIMIT",
       "reports, joins and photo uploads one address may send per 10 minutes, 1-1000000 (default 30)",
       [](ServerConfig& c, const std::string& v) { return setCount(c.anonymousWritesPer10Min, v, 1, 1000000); }},
      {"--retention-days", "BHABIN_RETENTION_DAYS",
       "days a resolved or rejected report keeps its reporters' names and phones, 1-36500 (default 365)",
       [](ServerConfig& c, const std::string& v) { return setCount(c.retentionDays, v, 1, 36500); }},
      {"--confirm-window-hours", "BHABIN_CONFIRM_WINDOW_HOURS",
       "hours a citizen may confirm or reopen a resolved report before it closes by itself, 1-8760 (default 72)",
       [](ServerConfig& c, const std::string& v) { return setCount(c.confirmWindowHours, v, 1, 8760); }},
      {"--deadline-sweep-minutes", "BHABIN_DEADLINE_SWEEP_MINUTES",
       "minutes between this server's runs of escalation and auto-close, 0-1440 (default 5; 0 = leave them to other servers)",
       [](ServerConfig& c, const std::string& v) { return setCount(c.deadlineSweepMinutes, v, 0, 1440); }},
      {"--deadlines", "BHABIN_DEADLINES",
       "deadlines per category, e.g. \"default:receive=1h,resolve=3d,escalate=1h;crime:receive=30m;"
       "environment:resolve=5d,working_days\" (durations in m, h or d; see README)",
       [](ServerConfig& c, const std::string& v) { return setDeadlines(c.deadlines, v); }},
  };
  return all;
}

void printHelp(std::ostream& out) {
  out << "usage: bhabin-server [OPTION VALUE]...\n"
         "Serves the e-Bhabinkamtibmas app and its API. Every option can also be set by the environment\n"
         "variable named after it; the command line wins.\n\n";
  for (const Option& option : options()) {
    out << "  " << option.flag << " VALUE  (" << option.env << ")\n      " << option.help << '\n';
  }
}

const Option* findOption(const std::string& flag) {
  for (const Option& option : options()) {
    if (flag == option.flag) return &option;
  }
  return nullptr;
}

// A database URL may carry a password: never echo it.
std::string shown(const Option& option, const std::string& value) {
  return std::string(option.flag) == "--database-url" ? "(not shown: it may hold a password)" : "\"" + value + "\"";
}

}  // namespace

void fillDerivedDefaults(ServerConfig& config) {
  if (config.appDir.empty()) config.appDir = config.rootDir + "/build/wasm/src/app";
  if (config.leafletDir.empty()) config.leafletDir = config.rootDir + "/node_modules/leaflet/dist";
  if (config.dataDir.empty()) config.dataDir = config.rootDir + "/data";
  if (config.areaDataDir.empty()) config.areaDataDir = config.rootDir + "/node_modules/idn-area-data/data";
}

ConfigResult parseConfig(const std::vector<std::string>& args, const char* (*getenv)(const char*),
                         std::ostream& out, std::ostream& err) {
  ServerConfig config;
  for (const Option& option : options()) {
    const char* value = getenv(option.env);
    if (value == nullptr) continue;
    if (!option.set(config, value)) {
      err << "bhabin-server: environment variable " << option.env << " has an invalid value " << shown(option, value)
          << ": " << option.help << '\n';
      return {std::nullopt, 2};
    }
  }
  for (std::size_t i = 0; i < args.size(); ++i) {
    if (args[i] == "--help" || args[i] == "-h") {
      printHelp(out);
      return {std::nullopt, 0};
    }
    const Option* option = findOption(args[i]);
    if (option == nullptr) {
      err << "bhabin-server: unknown option \"" << args[i] << "\" (see --help)\n";
      return {std::nullopt, 2};
    }
    if (i + 1 >= args.size()) {
      err << "bhabin-server: option " << args[i] << " needs a value: " << option->help << '\n';
      return {std::nullopt, 2};
    }
    const std::string& value = args[++i];
    if (!option->set(config, value)) {
      err << "bhabin-server: invalid value " << shown(*option, value) << " for " << option->flag << ": " << option->help << '\n';
      return {std::nullopt, 2};
    }
  }
  fillDerivedDefaults(config);
  return {config, 0};
}

}  // namespace bhabin::server
