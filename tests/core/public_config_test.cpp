#include "core/wire/public_config.h"

#include <gtest/gtest.h>

#include "core/wire/flat_json.h"

namespace bhabin::wire {
namespace {

TEST(PublicConfig, EncodesNamedFieldsThatReadBack) {
  const std::string json = encodeJson({"0.1.0", "https://{s}.tiles.example/{z}/{x}/{y}.png", "© \"Peta\""});
  EXPECT_EQ(json.find("value0"), std::string::npos);
  auto parsed = parseFlatStringObject(json);
  ASSERT_TRUE(std::holds_alternative<StringMap>(parsed)) << json;
  const auto& map = std::get<StringMap>(parsed);
  EXPECT_EQ(map.at("version"), "0.1.0");
  EXPECT_EQ(map.at("tileUrl"), "https://{s}.tiles.example/{z}/{x}/{y}.png");
  EXPECT_EQ(map.at("tileAttribution"), "© \"Peta\"");
}

}  // namespace
}  // namespace bhabin::wire
