// The settings the server hands every browser at start (GET /api/v1/config): nothing secret, nothing personal.
#pragma once

#include <string>

namespace bhabin::wire {

struct PublicConfig {
  std::string version;          // server version, e.g. "0.1.0"
  std::string tileUrl;          // XYZ map tile template; empty = no tiles
  std::string tileAttribution;  // credit line for the tiles
};

// {"version": ..., "tileUrl": ..., "tileAttribution": ...}
std::string encodeJson(const PublicConfig& config);

}  // namespace bhabin::wire
