#include "server/http/compressed_answer.h"

#include <zlib.h>

#include <functional>
#include <map>
#include <mutex>
#include <stdexcept>
#include <utility>

namespace bhabin::server::http {

namespace {

constexpr std::size_t kWorthCompressingBytes = 1024;  // below this a gzip header costs more than it saves
constexpr int kFreshLevel = 4;                        // API answers: made per request, so fast
constexpr int kStaticLevel = 9;                       // files: made once, so small

// Files worth gzipping that httplib leaves alone (see the header): compressing a type httplib compresses too
// would encode it twice.
bool weCompress(const std::string& contentType) {
  return contentType == kScriptType || contentType.rfind("application/wasm", 0) == 0 ||
         contentType.rfind("application/octet-stream", 0) == 0 || contentType.rfind("font/", 0) == 0 ||
         contentType.rfind("application/manifest+json", 0) == 0;
}

struct CachedGzip {
  std::size_t contentHash = 0;
  std::string gzipped;
};

}  // namespace

bool acceptsGzip(const httplib::Request& request) {
  const std::string accepted = request.get_header_value("Accept-Encoding");
  const std::size_t at = accepted.find("gzip");
  if (at == std::string::npos) return false;
  const std::size_t end = accepted.find(',', at);
  const std::string entry = accepted.substr(at, end == std::string::npos ? std::string::npos : end - at);
  return entry.find("q=0") == std::string::npos || entry.find("q=0.") != std::string::npos;
}

std::string gzipBytes(std::string_view bytes, int level) {
  z_stream stream{};
  // windowBits 15 + 16: a gzip wrapper rather than zlib's.
  if (deflateInit2(&stream, level, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK) {
    throw std::runtime_error("gzip: zlib could not start");
  }
  std::string out(deflateBound(&stream, static_cast<uLong>(bytes.size())), '\0');
  stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(bytes.data()));
  stream.avail_in = static_cast<uInt>(bytes.size());
  stream.next_out = reinterpret_cast<Bytef*>(out.data());
  stream.avail_out = static_cast<uInt>(out.size());
  const int result = deflate(&stream, Z_FINISH);
  out.resize(stream.total_out);
  deflateEnd(&stream);
  if (result != Z_STREAM_END) throw std::runtime_error("gzip: zlib could not finish");
  return out;
}

void sendFreshBody(const httplib::Request& request, httplib::Response& response, const std::string& contentType,
                   std::string body) {
  if (body.size() >= kWorthCompressingBytes && acceptsGzip(request)) {
    body = gzipBytes(body, kFreshLevel);
    response.set_header("Content-Encoding", "gzip");
  }
  response.set_header("Vary", "Accept-Encoding");
  response.set_content(std::move(body), contentType);
}

void compressStaticFile(const httplib::Request& request, httplib::Response& response) {
  static std::mutex mutex;
  static std::map<std::string, CachedGzip> cache;  // by URL path; a new build of a file replaces its entry
  const std::string contentType = response.get_header_value("Content-Type");
  response.set_header("Vary", "Accept-Encoding");
  if (!weCompress(contentType) || response.body.size() < kWorthCompressingBytes || !acceptsGzip(request)) return;
  const std::size_t hash = std::hash<std::string>{}(response.body);
  std::string gzipped;
  {
    std::lock_guard<std::mutex> lock(mutex);
    CachedGzip& cached = cache[request.path];
    if (cached.gzipped.empty() || cached.contentHash != hash) cached = {hash, gzipBytes(response.body, kStaticLevel)};
    gzipped = cached.gzipped;
  }
  response.body = std::move(gzipped);
  response.set_header("Content-Encoding", "gzip");
}

}  // namespace bhabin::server::http
