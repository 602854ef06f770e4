#include "api_server.h"

#include <rapidjson/pointer.h>

#include <unistd.h>

#include <stdexcept>
#include <variant>

#include "test_databases.h"

namespace bhabin::server::testing {

namespace fs = std::filesystem;

ServerConfig testServerConfig(const fs::path& dataDir) {
  ServerConfig config;
  config.port = 0;
  config.rootDir = BHABIN_SOURCE_DIR;
  config.dataDir = dataDir.string();
  config.logLevel = "error";
  config.demoPassword = kDemoPassword;
  config.open311ApiKey = kOpen311ApiKey;
  config.threads = 4;
  fillDerivedDefaults(config);
  return config;
}

const areas::DemoArea& brebesDemo() {
  static const areas::DemoArea demo = [] {
    auto catalog = areas::loadAreaCatalog(areas::defaultAreaDataDir(BHABIN_SOURCE_DIR));
    auto outline = areas::loadDemoOutline(areas::defaultDemoOutlinePath(BHABIN_SOURCE_DIR), areas::kDemoRegencyCode);
    auto generated = areas::generateDemoArea(std::get<areas::AreaCatalog>(catalog), areas::kDemoRegencyCode,
                                             std::get<geo::MultiPolygon>(outline));
    return std::get<areas::DemoArea>(std::move(generated));
  }();
  return demo;
}

RunningServer::RunningServer(storage::Dialect dialect, std::string databaseUrl, service::BackendSettings settings) {
  static std::atomic<int> serial{0};
  dataDir_ = fs::temp_directory_path() / ("bhabin-api-test-" + std::to_string(::getpid()) + "-" + std::to_string(serial++));
  fs::remove_all(dataDir_);
  ServerConfig config = testServerConfig(dataDir_);
  if (dialect == storage::Dialect::Postgres) {
    databaseUrl_ = databaseUrl.empty() ? storage::freshPostgresUrl() : databaseUrl;
    config.databaseUrl = databaseUrl_;
  }
  config.anonymousWritesPer10Min = static_cast<int>(settings.anonymousWritesPerAddress.maxHits);
  config.retentionDays = static_cast<int>(settings.reporterIdentityRetentionMs / (24 * 60 * 60 * 1000));
  config.confirmWindowHours = static_cast<int>(settings.confirmWindowMs / (60 * 60 * 1000));
  config.deadlines = settings.deadlines;
  config.deadlineSweepMinutes = static_cast<int>(settings.deadlineSweepEveryMs / (60 * 1000));
  ServerOptions options;
  options.settings = std::move(settings);
  auto clock = clock_;
  options.clock = [clock] { return clock->now(); };
  server_ = std::make_unique<Server>(config, options);
  port_ = server_->bind();
  thread_ = std::thread([this] { server_->run(); });
}

RunningServer::~RunningServer() {
  stop();
  fs::remove_all(dataDir_);
}

std::unique_ptr<storage::Connection> RunningServer::connect() const {
  return databaseUrl_.empty() ? storage::openSqlite((dataDir_ / "bhabin.sqlite3").string()) : storage::openPostgres(databaseUrl_);
}

void RunningServer::stop() {
  if (!thread_.joinable()) return;
  server_->stop();
  thread_.join();
}

std::string Reply::header(const std::string& name) const {
  const auto found = headers.find(name);
  return found == headers.end() ? std::string() : found->second;
}

std::string Reply::errorCode() const { return text("/error/code"); }

std::vector<std::string> Reply::fieldErrors() const {
  std::vector<std::string> fields;
  const rapidjson::Value* list = rapidjson::Pointer("/error/fields").Get(json);
  if (!list || !list->IsArray()) return fields;
  for (const auto& field : list->GetArray()) {
    fields.push_back(std::string(field["field"].GetString()) + ":" + field["code"].GetString());
  }
  return fields;
}

std::string Reply::text(const char* pointer) const {
  const rapidjson::Value* value = rapidjson::Pointer(pointer).Get(json);
  return value && value->IsString() ? std::string(value->GetString(), value->GetStringLength()) : std::string();
}

ApiClient::ApiClient(int port) : client_("127.0.0.1", port) {
  client_.set_read_timeout(30, 0);
}

httplib::Headers ApiClient::withSession(httplib::Headers headers) const {
  if (!token_.empty()) headers.emplace("Cookie", std::string("__Host-bhabin_session=") + token_);
  return headers;
}

Reply ApiClient::reply(const httplib::Result& result) {
  Reply answer;
  if (!result) {
    answer.status = -1;
    answer.body = "no answer: " + httplib::to_string(result.error());
    return answer;
  }
  answer.status = result->status;
  answer.body = result->body;
  answer.headers = result->headers;
  answer.json.Parse(answer.body.c_str());
  if (answer.json.HasParseError()) answer.json.SetNull();
  return answer;
}

Reply ApiClient::get(const std::string& path, const httplib::Headers& headers) {
  return reply(client_.Get(path.c_str(), withSession(headers)));
}

Reply ApiClient::post(const std::string& path, const std::string& json, const std::string& idempotencyKey,
                      const std::string& contentType) {
  httplib::Headers headers;
  if (!idempotencyKey.empty()) headers.emplace("Idempotency-Key", idempotencyKey);
  return reply(client_.Post(path.c_str(), withSession(headers), json, contentType.c_str()));
}

Reply ApiClient::post(const std::string& path, const std::string& json, httplib::Headers headers) {
  return reply(client_.Post(path.c_str(), withSession(std::move(headers)), json, "application/json"));
}

Reply ApiClient::put(const std::string& path, const std::string& json) {
  return reply(client_.Put(path.c_str(), withSession({}), json, "application/json"));
}

Reply ApiClient::del(const std::string& path) { return reply(client_.Delete(path.c_str(), withSession({}))); }

Reply ApiClient::login(const std::string& nrp, const std::string& password) {
  Reply answer = post("/api/v1/session", R"({"nrp":")" + nrp + R"(","password":")" + password + R"("})");
  const std::string cookie = answer.header("Set-Cookie");
  const std::string prefix = "__Host-bhabin_session=";
  if (answer.status == 200 && cookie.rfind(prefix, 0) == 0) token_ = cookie.substr(prefix.size(), cookie.find(';') - prefix.size());
  return answer;
}

std::string newKey() {
  static std::atomic<int> serial{0};
  return "test-key-" + std::to_string(::getpid()) + "-" + std::to_string(serial++) + "-padding";
}

std::size_t onDutyDemoOfficer() {
  const auto& officers = brebesDemo().officers;
  for (std::size_t i = 0; i < officers.size(); ++i) {
    if (officers[i].onDuty) return i;
  }
  return 0;
}

FiledReport fileReportForOnDutyOfficer(ApiClient& citizen, RunningServer& server) {
  const geo::LatLon at = brebesDemo().villages.at(onDutyDemoOfficer()).position;
  const std::string form = reportForm(at.latDeg, at.lonDeg, server.clock().now());
  const std::string key = newKey();
  const Reply created = citizen.post("/api/v1/reports", form, key);
  if (created.status != 201) throw std::runtime_error("filing a report answered " + std::to_string(created.status) + ": " + created.body);
  return {created.text("/trackingCode"), created.text("/secret"), form, key};
}

std::string reportForm(double latDeg, double lonDeg, std::int64_t nowMs, const std::string& category, const std::string& extra) {
  char position[96];
  std::snprintf(position, sizeof position, R"("latDeg":%.9f,"lonDeg":%.9f)", latDeg, lonDeg);
  return R"({"category":")" + category + R"(","title":"Pencurian sepeda motor","description":"Sepeda motor hilang dari depan rumah tadi malam.",)" +
         R"("incidentAtUnixMs":)" + std::to_string(nowMs - 30 * 60 * 1000) + "," + position + (extra.empty() ? "" : "," + extra) + "}";
}

}  // namespace bhabin::server::testing
