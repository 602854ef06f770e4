#include "server/http/compressed_answer.h"

#include <zlib.h>

#include <functional>
#include <map>
#include <mutex>
#include <stdexcept>

namespace bhabin::server::http {

namespace {

constexpr std::size_t kWorthCompressingBytes = 1024;  // below this a gzip header costs more than it saves
constexpr int kFreshLevel = 4;                        // API answers: made per request, so fast
constexpr int kStaticLevel = 9;                       // files: made once, so small

bool isCompressibleType(const std::string& contentType) {
  return contentType.rfind("text/", 0) == 0 || contentType.rfind("application/json", 0) == 0 ||
         contentType.rfind("application/geo+json", 0) == 0 || contentType.rfind("application/wasm", 0) == 0 ||
         contentType.rfind("application/manifest+json", 0) == 0 || contentType.rfind("image/svg+xml", 0) == 0 ||
         contentType.rfind("application/octet-stream", 0) == 0 || contentType.rfind("font/", 0) == 0;
}

struct CachedGzip {
  std::size_t contentHash = 0;
  std::shared_ptr<const std::string> gzipped;
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

void sendBody(const httplib::Request& request, httplib::Response& response, const std::string& contentType,
              std::shared_ptr<const std::string> identity, std::shared_ptr<const std::string> gzipped) {
  const bool useGzip = gzipped && gzipped->size() < identity->size() && acceptsGzip(request);
  std::shared_ptr<const std::string> body = useGzip ? std::move(gzipped) : std::move(identity);
  response.body.clear();
  response.headers.erase("Content-Type");  // set again with the provider; httplib keeps duplicates otherwise
  if (useGzip) response.set_header("Content-Encoding", "gzip");
  response.set_header("Vary", "Accept-Encoding");
  response.set_content_provider(body->size(), contentType, [body](std::size_t offset, std::size_t length, httplib::DataSink& sink) {
    return sink.write(body->data() + offset, length);
  });
}

void sendFreshBody(const httplib::Request& request, httplib::Response& response, const std::string& contentType,
                   std::string body) {
  auto identity = std::make_shared<const std::string>(std::move(body));
  std::shared_ptr<const std::string> gzipped;
  if (identity->size() >= kWorthCompressingBytes && isCompressibleType(contentType) && acceptsGzip(request)) {
    gzipped = std::make_shared<const std::string>(gzipBytes(*identity, kFreshLevel));
  }
  sendBody(request, response, contentType, std::move(identity), std::move(gzipped));
}

void compressStaticFile(const httplib::Request& request, httplib::Response& response) {
  static std::mutex mutex;
  static std::map<std::string, CachedGzip> cache;  // by URL path; a new build of a file replaces its entry
  const std::string contentType = response.get_header_value("Content-Type");
  auto identity = std::make_shared<const std::string>(std::move(response.body));
  std::shared_ptr<const std::string> gzipped;
  if (identity->size() >= kWorthCompressingBytes && isCompressibleType(contentType)) {
    const std::size_t hash = std::hash<std::string>{}(*identity);
    std::lock_guard<std::mutex> lock(mutex);
    CachedGzip& cached = cache[request.path];
    if (!cached.gzipped || cached.contentHash != hash) cached = {hash, std::make_shared<const std::string>(gzipBytes(*identity, kStaticLevel))};
    gzipped = cached.gzipped;
  }
  sendBody(request, response, contentType, std::move(identity), std::move(gzipped));
}

}  // namespace bhabin::server::http
