#include "server/http/security_headers.h"

#include <gtest/gtest.h>

namespace bhabin::server::http {
namespace {

TEST(TileSourceForCsp, KeepsSchemeAndHostAndWildcardsTheSubdomainPlaceholder) {
  EXPECT_EQ(tileSourceForCsp("https://{s}.tile.example.org/{z}/{x}/{y}.png"), "https://*.tile.example.org");
  EXPECT_EQ(tileSourceForCsp("https://tiles.example.id/{z}/{x}/{y}.png"), "https://tiles.example.id");
  EXPECT_EQ(tileSourceForCsp("http://127.0.0.1:8081/{z}/{x}/{y}.png"), "http://127.0.0.1:8081");
}

TEST(TileSourceForCsp, RefusesWhatCannotBeExpressedSafely) {
  EXPECT_EQ(tileSourceForCsp(""), "");
  EXPECT_EQ(tileSourceForCsp("/tiles/{z}/{x}/{y}.png"), "");
  EXPECT_EQ(tileSourceForCsp("https://{a}-tiles.example/{z}.png"), "");
  EXPECT_EQ(tileSourceForCsp("https://evil.example; script-src *"), "");
}

TEST(ContentSecurityPolicy, AllowsOwnScriptsAndWasmButNothingInline) {
  const std::string policy = contentSecurityPolicy(ServerConfig{});
  EXPECT_NE(policy.find("script-src 'self' 'wasm-unsafe-eval';"), std::string::npos);
  EXPECT_EQ(policy.find("unsafe-inline"), std::string::npos);
  EXPECT_EQ(policy.find("'unsafe-eval'"), std::string::npos);
  EXPECT_NE(policy.find("img-src 'self' data:;"), std::string::npos);
}

TEST(ContentSecurityPolicy, AddsTheTileHostToImages) {
  ServerConfig config;
  config.tileUrl = "https://{s}.tile.example.org/{z}/{x}/{y}.png";
  EXPECT_NE(contentSecurityPolicy(config).find("img-src 'self' data: https://*.tile.example.org;"),
            std::string::npos);
}

}  // namespace
}  // namespace bhabin::server::http
