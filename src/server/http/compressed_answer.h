// Answers compressed by us, not by httplib. httplib 0.11 compresses every answer whose Content-Type is exactly
// one of a few types (application/json, application/javascript, …) or starts with text/, with brotli at its
// slowest setting when the browser takes it (about 0.6 s of CPU for a 150 KB script, on every request), and
// leaves WebAssembly uncompressed. So the API answers "application/json; charset=utf-8" and scripts go out as
// "application/javascript; charset=utf-8" (both outside httplib's list), gzipped here: files once per content,
// answers at a fast level. Styles and pages keep text/ types, which browsers insist on; they are small.
#pragma once

#include <httplib.h>

#include <string>
#include <string_view>

namespace bhabin::server::http {

inline constexpr const char* kJsonAnswerType = "application/json; charset=utf-8";
inline constexpr const char* kScriptType = "application/javascript; charset=utf-8";

// Whether the request's Accept-Encoding takes gzip (and does not refuse it with q=0).
bool acceptsGzip(const httplib::Request& request);

// `level` 1 (fastest) .. 9 (smallest).
std::string gzipBytes(std::string_view bytes, int level);

// Sets the answer's body, gzipped at a fast level when the client takes it and it is worth it. `contentType`
// must be one httplib does not compress itself (kJsonAnswerType, kScriptType, application/geo+json, …).
void sendFreshBody(const httplib::Request& request, httplib::Response& response, const std::string& contentType,
                   std::string body);

// For httplib's file request handler: a file of a type httplib does not compress goes out gzipped when taken,
// the gzip made once per file content and kept.
void compressStaticFile(const httplib::Request& request, httplib::Response& response);

}  // namespace bhabin::server::http
