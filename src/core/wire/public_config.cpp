#include "core/wire/public_config.h"

#include <cereal/archives/json.hpp>
#include <cereal/types/string.hpp>

#include <sstream>

#include "core/wire/record_io.h"

namespace bhabin::wire {

std::string encodeJson(const PublicConfig& config) {
  std::ostringstream out;
  {
    cereal::JSONOutputArchive archive(out, cereal::JSONOutputArchive::Options::NoIndent());
    archive(cereal::make_nvp("version", config.version), cereal::make_nvp("tileUrl", config.tileUrl),
            cereal::make_nvp("tileAttribution", config.tileAttribution));
  }  // the archive writes the closing brace when it goes out of scope
  return detail::compactJson(out.str());
}

}  // namespace bhabin::wire
