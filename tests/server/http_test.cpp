// The server over real HTTP on a loopback port, serving a small fixture checkout made by the test.
#include <gtest/gtest.h>
#include <httplib.h>

#include <zlib.h>

#include <filesystem>
#include <fstream>
#include <thread>

#include "core/wire/flat_json.h"
#include "server/server.h"
#include "support/api_server.h"

namespace bhabin::server {
namespace {

namespace fs = std::filesystem;

std::string gunzip(const std::string& bytes) {
  z_stream stream{};
  EXPECT_EQ(inflateInit2(&stream, 15 + 16), Z_OK);
  std::string out(64 << 20, '\0');
  stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(bytes.data()));
  stream.avail_in = static_cast<uInt>(bytes.size());
  stream.next_out = reinterpret_cast<Bytef*>(out.data());
  stream.avail_out = static_cast<uInt>(out.size());
  EXPECT_EQ(inflate(&stream, Z_FINISH), Z_STREAM_END);
  out.resize(stream.total_out);
  inflateEnd(&stream);
  return out;
}

// A script of realistic size: httplib alone would brotli-compress it at its slowest setting on every request.
std::string largeScript() {
  std::string script;
  for (int i = 0; script.size() < 150000; ++i) script += "function f" + std::to_string(i) + "(a) { return a * " + std::to_string(i) + "; }\n";
  return script;
}

void writeFile(const fs::path& path, const std::string& content) {
  fs::create_directories(path.parent_path());
  std::ofstream(path, std::ios::binary) << content;
}

class HttpTest : public ::testing::Test {
 protected:
  void SetUp() override {
    root_ = fs::temp_directory_path() / ("bhabin-http-test-" + std::to_string(::getpid()));
    fs::remove_all(root_);
    writeFile(root_ / "index.html", "<!doctype html><title>fixture</title>");
    writeFile(root_ / "web/boot.js", "'use strict';");
    writeFile(root_ / "app/bhabin-app.wasm", std::string("\0asm\1\0\0\0", 8));
    writeFile(root_ / "app/bhabin-app.js", largeScript());
    writeFile(root_ / "leaflet/leaflet.css", ".leaflet-container{}");
    writeFile(root_ / "secret.txt", "not for the web");

    ServerConfig config;
    config.port = 0;
    config.rootDir = root_.string();
    config.appDir = (root_ / "app").string();
    config.leafletDir = (root_ / "leaflet").string();
    config.logLevel = "error";
    config.tileUrl = "https://{s}.tile.example.org/{z}/{x}/{y}.png";
    config.areaDataDir = BHABIN_SOURCE_DIR "/node_modules/idn-area-data/data";
    config.demoRegency = "none";
    server_ = std::make_unique<Server>(config);
    port_ = server_->bind();
    thread_ = std::thread([this] { server_->run(); });
    client_ = std::make_unique<httplib::Client>("127.0.0.1", port_);
  }

  void TearDown() override {
    server_->stop();
    thread_.join();
    fs::remove_all(root_);
  }

  fs::path root_;
  std::unique_ptr<Server> server_;
  int port_ = 0;
  std::thread thread_;
  std::unique_ptr<httplib::Client> client_;
};

TEST_F(HttpTest, ServesTheIndexAtTheRoot) {
  const auto response = client_->Get("/");
  ASSERT_TRUE(response);
  EXPECT_EQ(response->status, 200);
  EXPECT_EQ(response->body, "<!doctype html><title>fixture</title>");
  EXPECT_EQ(response->get_header_value("Content-Type"), "text/html; charset=utf-8");
}

TEST_F(HttpTest, ServesWebAssemblyWithItsMimeType) {
  const auto response = client_->Get("/app/bhabin-app.wasm");
  ASSERT_TRUE(response);
  EXPECT_EQ(response->status, 200);
  EXPECT_EQ(response->get_header_value("Content-Type"), "application/wasm");
  EXPECT_EQ(response->body.size(), 8u);
}

TEST_F(HttpTest, ServesScriptsStylesAndLeaflet) {
  const auto script = client_->Get("/web/boot.js");
  ASSERT_TRUE(script);
  EXPECT_EQ(script->get_header_value("Content-Type"), "application/javascript; charset=utf-8");
  const auto style = client_->Get("/vendor/leaflet/leaflet.css");
  ASSERT_TRUE(style);
  EXPECT_EQ(style->status, 200);
  EXPECT_EQ(style->get_header_value("Content-Type"), "text/css; charset=utf-8");
}

// Checked to bite: with set_file_request_handler(compressStaticFile) removed, the script came back as
// "Content-Encoding: br" and this test failed.
TEST_F(HttpTest, FilesAndAnswersAreGzippedByUsAndNeverBrotliByHttplib) {
  client_->set_decompress(false);
  const httplib::Headers browser{{"Accept-Encoding", "gzip, deflate, br"}};
  const auto script = client_->Get("/app/bhabin-app.js", browser);
  ASSERT_TRUE(script);
  EXPECT_EQ(script->status, 200);
  EXPECT_EQ(script->get_header_value("Content-Encoding"), "gzip");
  EXPECT_EQ(script->get_header_value("Content-Type"), "application/javascript; charset=utf-8");
  EXPECT_EQ(script->get_header_value_count("Content-Type"), 1u);
  EXPECT_LT(script->body.size(), largeScript().size() / 4);
  EXPECT_TRUE(gunzip(script->body) == largeScript()) << "the script, byte for byte";
  EXPECT_TRUE(gunzip(client_->Get("/app/bhabin-app.js", browser)->body) == largeScript()) << "the kept gzip";

  const auto plain = client_->Get("/app/bhabin-app.js", {{"Accept-Encoding", "br"}});
  ASSERT_TRUE(plain);
  EXPECT_FALSE(plain->has_header("Content-Encoding")) << "no gzip taken: sent as is, not as brotli";
  EXPECT_TRUE(plain->body == largeScript());
  EXPECT_FALSE(client_->Get("/app/bhabin-app.js", {{"Accept-Encoding", "gzip;q=0"}})->has_header("Content-Encoding"));

  const auto config = client_->Get("/api/v1/config", browser);
  ASSERT_TRUE(config);
  EXPECT_NE(config->get_header_value("Content-Encoding"), "br");
  EXPECT_EQ(config->get_header_value("Content-Type"), "application/json; charset=utf-8");
}

TEST_F(HttpTest, NothingOutsideTheMountsIsReachable) {
  for (const char* path : {"/secret.txt", "/web/../secret.txt", "/app/../secret.txt", "/web/%2e%2e/secret.txt"}) {
    const auto response = client_->Get(path);
    ASSERT_TRUE(response) << path;
    EXPECT_EQ(response->status, 404) << path;
    EXPECT_EQ(response->body.find("not for the web"), std::string::npos) << path;
  }
}

TEST_F(HttpTest, EveryResponseCarriesTheSecurityHeaders) {
  for (const char* path : {"/", "/app/bhabin-app.wasm", "/api/v1/health", "/no-such-page"}) {
    const auto response = client_->Get(path);
    ASSERT_TRUE(response) << path;
    EXPECT_NE(response->get_header_value("Content-Security-Policy").find("'wasm-unsafe-eval'"), std::string::npos)
        << path;
    EXPECT_EQ(response->get_header_value("X-Content-Type-Options"), "nosniff") << path;
  }
}

TEST_F(HttpTest, HealthAndPublicConfigAreJson) {
  const auto health = client_->Get("/api/v1/health");
  ASSERT_TRUE(health);
  EXPECT_EQ(health->status, 200);
  EXPECT_EQ(health->get_header_value("Content-Type"), "application/json; charset=utf-8");
  EXPECT_EQ(health->body, std::string(R"({"status":"ok","version":")") + BHABIN_VERSION + "\"}");

  const auto config = client_->Get("/api/v1/config");
  ASSERT_TRUE(config);
  EXPECT_EQ(config->get_header_value("Content-Type"), "application/json; charset=utf-8");
  auto fields = wire::parseFlatStringObject(config->body);
  ASSERT_TRUE(std::holds_alternative<wire::StringMap>(fields)) << config->body;
  EXPECT_EQ(std::get<wire::StringMap>(fields).at("tileUrl"), "https://{s}.tile.example.org/{z}/{x}/{y}.png");
  EXPECT_EQ(std::get<wire::StringMap>(fields).at("version"), BHABIN_VERSION);
}

TEST(ServerBind, ATakenPortIsAClearError) {
  const fs::path dataDir = fs::temp_directory_path() / ("bhabin-bind-test-" + std::to_string(::getpid()));
  ServerConfig config = testing::testServerConfig(dataDir);
  config.demoRegency = "none";
  Server first(config);
  config.port = first.bind();
  Server second(config);
  try {
    second.bind();
    FAIL() << "second bind to port " << config.port << " succeeded";
  } catch (const std::runtime_error& error) {
    EXPECT_NE(std::string(error.what()).find("cannot listen on 127.0.0.1:" + std::to_string(config.port)),
              std::string::npos);
  }
  fs::remove_all(dataDir);
}

}  // namespace
}  // namespace bhabin::server
