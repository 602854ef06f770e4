// A real bhabin-server in the test process, on a loopback port, over a fresh SQLite file or PostgreSQL
// database, with the Brebes demo seeded and a clock the test moves; and a small client that keeps the
// session cookie and speaks JSON.
#pragma once

#include <httplib.h>
#include <rapidjson/document.h>

#include <atomic>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <thread>

#include "server/areas/demo_area.h"
#include "server/server.h"
#include "server/storage/database.h"

namespace bhabin::server::testing {

inline constexpr const char* kDemoPassword = "demo-password-for-tests";
inline constexpr const char* kOpen311ApiKey = "open311-test-key";

// The configuration every API test starts from: the checkout's area data and demo outline, a temporary
// data folder, port 0, quiet logs.
ServerConfig testServerConfig(const std::filesystem::path& dataDir);

// The demo the server seeds (generated the same way), so tests know NRPs and village centres.
const areas::DemoArea& brebesDemo();

class TestClock {
 public:
  std::int64_t now() const { return now_.load(); }
  void advance(std::int64_t ms) { now_ += ms; }

 private:
  std::atomic<std::int64_t> now_{1'790'000'000'000};  // late 2026
};

class RunningServer {
 public:
  // `databaseUrl` empty: a fresh database of `dialect`; otherwise that PostgreSQL database (a second server).
  explicit RunningServer(storage::Dialect dialect, std::string databaseUrl = {}, service::BackendSettings settings = {});
  ~RunningServer();

  int port() const { return port_; }
  const std::string& databaseUrl() const { return databaseUrl_; }
  const std::filesystem::path& dataDir() const { return dataDir_; }  // holds bhabin.sqlite3 when on SQLite
  // A new connection to this server's database, for what the API does not show.
  std::unique_ptr<storage::Connection> connect() const;
  TestClock& clock() { return *clock_; }
  void stop();

 private:
  std::filesystem::path dataDir_;
  std::string databaseUrl_;
  std::shared_ptr<TestClock> clock_ = std::make_shared<TestClock>();
  std::unique_ptr<Server> server_;
  std::thread thread_;
  int port_ = 0;
};

struct Reply {
  int status = 0;
  std::string body;
  httplib::Headers headers;
  rapidjson::Document json;  // parsed body (Null when the body is not JSON)

  std::string header(const std::string& name) const;
  std::string errorCode() const;                   // error.code, or ""
  std::vector<std::string> fieldErrors() const;    // "field:code" for each error.fields entry
  std::string text(const char* pointer) const;     // a string at a JSON pointer such as "/report/status"; "" if absent
};

class ApiClient {
 public:
  explicit ApiClient(int port);

  Reply get(const std::string& path, const httplib::Headers& headers = {});
  Reply post(const std::string& path, const std::string& json, const std::string& idempotencyKey = {},
             const std::string& contentType = "application/json");
  // With headers of the caller's own, e.g. a report's X-Report-Secret.
  Reply post(const std::string& path, const std::string& json, httplib::Headers headers);
  Reply put(const std::string& path, const std::string& json);
  Reply del(const std::string& path);

  // Logs in and keeps the session cookie for later calls.
  Reply login(const std::string& nrp, const std::string& password = kDemoPassword);
  void setSessionToken(std::string token) { token_ = std::move(token); }
  const std::string& sessionToken() const { return token_; }

 private:
  httplib::Headers withSession(httplib::Headers headers) const;
  Reply reply(const httplib::Result& result);

  httplib::Client client_;
  std::string token_;
};

// The first demo officer on duty, as an index into brebesDemo().officers: a report filed at the centre of the
// village with the same index is assigned to them.
std::size_t onDutyDemoOfficer();

struct FiledReport {
  std::string code;
  std::string secret;
  std::string form;  // the body and idempotency key it was filed with, for a retry
  std::string key;
};
// Files a report (Siti Aminah's, with name and phone) at that officer's village at the server's time; throws
// std::runtime_error with the answer unless it is created.
FiledReport fileReportForOnDutyOfficer(ApiClient& citizen, RunningServer& server);

// A fresh idempotency key per call.
std::string newKey();

// A valid report form as JSON at `position`, filed `minutesAgo` before `nowMs`; `extra` members are
// appended verbatim (e.g. R"("anonymous":true)").
std::string reportForm(double latDeg, double lonDeg, std::int64_t nowMs, const std::string& category = "crime",
                       const std::string& extra = R"("anonymous":false,"reporterName":"Siti Aminah","reporterPhone":"0812-3456-7890")");

}  // namespace bhabin::server::testing
