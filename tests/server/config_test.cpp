#include "server/config.h"

#include <gtest/gtest.h>

#include <map>
#include <sstream>

namespace bhabin::server {
namespace {

std::map<std::string, std::string> environment;
const char* fakeGetenv(const char* name) {
  const auto it = environment.find(name);
  return it == environment.end() ? nullptr : it->second.c_str();
}

struct Parsed {
  ConfigResult result;
  std::string out, err;
};

Parsed parse(std::vector<std::string> args, std::map<std::string, std::string> env = {}) {
  environment = std::move(env);
  std::ostringstream out, err;
  Parsed parsed{parseConfig(args, fakeGetenv, out, err), "", ""};
  parsed.out = out.str();
  parsed.err = err.str();
  return parsed;
}

TEST(ServerConfig, DefaultsServeTheCheckoutOnLocalhost8080) {
  const Parsed p = parse({});
  ASSERT_TRUE(p.result.config);
  EXPECT_EQ(p.result.config->host, "127.0.0.1");
  EXPECT_EQ(p.result.config->port, 8080);
  EXPECT_EQ(p.result.config->appDir, "./build/wasm/src/app");
  EXPECT_EQ(p.result.config->leafletDir, "./node_modules/leaflet/dist");
  EXPECT_TRUE(p.result.config->tileUrl.empty());
}

TEST(ServerConfig, EnvironmentSetsAndCommandLineWins) {
  const Parsed p = parse({"--port", "9090"}, {{"BHABIN_PORT", "7070"}, {"BHABIN_ROOT", "/srv/bhabin"}});
  ASSERT_TRUE(p.result.config);
  EXPECT_EQ(p.result.config->port, 9090);
  EXPECT_EQ(p.result.config->rootDir, "/srv/bhabin");
  EXPECT_EQ(p.result.config->appDir, "/srv/bhabin/build/wasm/src/app");
}

TEST(ServerConfig, HelpListsEveryOptionWithItsVariable) {
  const Parsed p = parse({"--help"});
  EXPECT_FALSE(p.result.config);
  EXPECT_EQ(p.result.exitCode, 0);
  for (const char* text : {"--port", "BHABIN_PORT", "--tile-url", "BHABIN_TILE_URL", "--log-level"}) {
    EXPECT_NE(p.out.find(text), std::string::npos) << text;
  }
}

TEST(ServerConfig, BadValuesAreRefusedWithTheReason) {
  const Parsed badPort = parse({"--port", "80x"});
  EXPECT_FALSE(badPort.result.config);
  EXPECT_EQ(badPort.result.exitCode, 2);
  EXPECT_NE(badPort.err.find("invalid value \"80x\" for --port"), std::string::npos) << badPort.err;

  const Parsed tooHigh = parse({"--port", "65536"});
  EXPECT_FALSE(tooHigh.result.config);

  const Parsed badEnv = parse({}, {{"BHABIN_LOG_LEVEL", "loud"}});
  EXPECT_FALSE(badEnv.result.config);
  EXPECT_NE(badEnv.err.find("BHABIN_LOG_LEVEL"), std::string::npos);

  const Parsed missing = parse({"--port"});
  EXPECT_NE(missing.err.find("needs a value"), std::string::npos);

  const Parsed unknown = parse({"--colour", "red"});
  EXPECT_NE(unknown.err.find("unknown option \"--colour\""), std::string::npos);
}

TEST(ServerConfig, RetentionDaysDefaultToAYearAndAcceptOneDayToACentury) {
  EXPECT_EQ(parse({}).result.config->retentionDays, 365);
  EXPECT_EQ(parse({}, {{"BHABIN_RETENTION_DAYS", "30"}}).result.config->retentionDays, 30);
  EXPECT_EQ(parse({"--retention-days", "1"}).result.config->retentionDays, 1);
  const Parsed zero = parse({"--retention-days", "0"});
  EXPECT_FALSE(zero.result.config);
  EXPECT_NE(zero.err.find("--retention-days"), std::string::npos) << zero.err;
  EXPECT_FALSE(parse({"--retention-days", "36501"}).result.config);
}

TEST(ServerConfig, ConfirmationWindowSweepAndDeadlines) {
  const ServerConfig defaults = *parse({}).result.config;
  EXPECT_EQ(defaults.confirmWindowHours, 72);
  EXPECT_EQ(defaults.deadlineSweepMinutes, 5);
  EXPECT_EQ(defaults.deadlines.fallback.receiveWithinMs, 60 * 60 * 1000);
  EXPECT_EQ(parse({"--confirm-window-hours", "24"}).result.config->confirmWindowHours, 24);
  EXPECT_FALSE(parse({"--confirm-window-hours", "0"}).result.config);
  EXPECT_EQ(parse({}, {{"BHABIN_DEADLINE_SWEEP_MINUTES", "0"}}).result.config->deadlineSweepMinutes, 0);
  const ServerConfig set = *parse({"--deadlines", "default:resolve=5d;crime:receive=30m,working_days"}).result.config;
  EXPECT_EQ(set.deadlines.fallback.resolveWithinMs, 5LL * 24 * 60 * 60 * 1000);
  EXPECT_EQ(set.deadlines.forCategory(report::Category::Crime).receiveWithinMs, 30 * 60 * 1000);
  EXPECT_TRUE(set.deadlines.forCategory(report::Category::Crime).workingDaysOnly);
  const Parsed wrong = parse({"--deadlines", "crime:receive=soon"});
  EXPECT_FALSE(wrong.result.config);
  EXPECT_NE(wrong.err.find("--deadlines"), std::string::npos) << wrong.err;
}

}  // namespace
}  // namespace bhabin::server
