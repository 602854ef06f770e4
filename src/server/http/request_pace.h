// How fast a client must deliver a request. httplib's read timeout applies to each read on its own, so a
// client sending one byte every few seconds (slowloris) would otherwise hold one of the few request threads
// for as long as it likes; a handful of such clients would stop the server answering anyone.
#pragma once

#include <cstdint>

namespace bhabin::server::http {

// A request (line, headers and body) must arrive within graceMs plus one second per minBytesPerSecond of
// it: a phone on a poor network uploading a 6 MiB photo at 500 B/s still makes it; a byte a second does not.
struct RequestPace {
  std::int64_t graceMs = 20'000;
  std::int64_t minBytesPerSecond = 500;
};

}  // namespace bhabin::server::http
