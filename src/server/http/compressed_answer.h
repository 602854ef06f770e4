// Answers compressed by us, never by httplib: httplib compresses every answer a browser may take compressed
// with brotli at its slowest setting (about 0.6 s of CPU for a 150 KB script, per request) and leaves
// WebAssembly uncompressed. We gzip instead (static files once, API answers at a fast level) and hand httplib
// the bytes as a sized content provider, which it sends unchanged.
#pragma once

#include <httplib.h>

#include <memory>
#include <string>
#include <string_view>

namespace bhabin::server::http {

// Whether the request's Accept-Encoding takes gzip (and does not refuse it with q=0).
bool acceptsGzip(const httplib::Request& request);

// `level` 1 (fastest) .. 9 (smallest).
std::string gzipBytes(std::string_view bytes, int level);

// Sends `identity`, or `gzipped` (when given, smaller, and taken by the client), as the answer's body.
void sendBody(const httplib::Request& request, httplib::Response& response, const std::string& contentType,
              std::shared_ptr<const std::string> identity, std::shared_ptr<const std::string> gzipped = nullptr);

// The same for an answer made now: gzipped at a fast level when it is worth it.
void sendFreshBody(const httplib::Request& request, httplib::Response& response, const std::string& contentType,
                   std::string body);

// For httplib's file request handler: the file it read into the answer goes out gzipped when taken, the gzip
// made once per file content and kept.
void compressStaticFile(const httplib::Request& request, httplib::Response& response);

}  // namespace bhabin::server::http
