// Hostile bytes as a raw HTTP/1.1 request (request line, URL and query, headers, body) through the server's
// real parsing and routes: one bhabin::server::Server over a SQLite file in a temporary folder, with the
// Brebes demo seeded, answering each input from memory (Server::answer). Properties: an answer, if any, is
// one well-formed HTTP response (after any "100 Continue") with a status in 200..599 and a body of exactly
// its Content-Length; for a request line naming a path under /api/, the body is JSON.
//
// Bite checks, done by hand: with answerApiErrorsAsJson's registration removed, the first seed
// (huge_content_length.http) fails the JSON property at once on httplib's own empty 413. Before
// answerApisWhole existed, the 100-mutation run failed it too: a POST with a Range header got its JSON error
// cut into multipart/byteranges pieces (kept as the seed report_with_range.http); after that fix, 3,000
// mutations per seed found an unreadable Range (416) cutting the JSON error likewise
// (health_unreadable_range.http).
#include <httplib.h>
#include <rapidjson/document.h>
#include <unistd.h>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>

#include "fuzz_check.h"
#include "server/server.h"

namespace {

using namespace bhabin::server;

// The request comes from `input`; the answer goes to `output`. Reading past the end fails, as a client that
// closed its side would.
class MemoryStream final : public httplib::Stream {
 public:
  explicit MemoryStream(std::string_view input) : input_(input) {}
  const std::string& output() const { return output_; }

  bool is_readable() const override { return true; }
  bool is_writable() const override { return true; }
  ssize_t read(char* data, size_t size) override {
    const std::size_t count = std::min(size, input_.size());
    input_.copy(data, count);
    input_.remove_prefix(count);
    return static_cast<ssize_t>(count);
  }
  ssize_t write(const char* data, size_t size) override {
    output_.append(data, size);
    return static_cast<ssize_t>(size);
  }
  void get_remote_ip_and_port(std::string& ip, int& port) const override {
    ip = "192.0.2.7";  // a documentation address: every input counts as one client for the rate limits
    port = 40000;
  }
  void get_local_ip_and_port(std::string& ip, int& port) const override {
    ip = "127.0.0.1";
    port = 8080;
  }
  socket_t socket() const override { return INVALID_SOCKET; }

 private:
  std::string_view input_;
  std::string output_;
};

Server& fuzzedServer() {
  static const std::filesystem::path dataDir =
      std::filesystem::temp_directory_path() / ("bhabin-fuzz-http-" + std::to_string(::getpid()));
  static const std::unique_ptr<Server> server = [] {
    std::filesystem::remove_all(dataDir);
    std::atexit([] { std::filesystem::remove_all(dataDir); });
    ServerConfig config;
    config.rootDir = BHABIN_SOURCE_DIR;
    config.dataDir = dataDir.string();
    config.logLevel = "error";
    config.demoPassword = "demo-password-for-tests";  // the seeds' login uses it
    config.open311ApiKey = "open311-fuzz-key";
    config.threads = 1;
    config.anonymousWritesPer10Min = 1000000;  // the fuzzer is one client; limits would end most runs early
    fillDerivedDefaults(config);
    ServerOptions options;
    options.settings.passwordHashing = {1, 8192};  // libsodium's minimum: a login per input stays fast
    return std::make_unique<Server>(config, options);
  }();
  return *server;
}

std::string_view lineAt(std::string_view text, std::size_t& position) {
  const std::size_t end = text.find("\r\n", position);
  BHABIN_FUZZ_CHECK(end != std::string_view::npos);
  const std::string_view line = text.substr(position, end - position);
  position = end + 2;
  return line;
}

bool startsWith(std::string_view text, std::string_view prefix) { return text.substr(0, prefix.size()) == prefix; }

// The path of a request line httplib reads to the end ("METHOD /api/... HTTP/1.x" with a method it knows), so
// that whatever follows, the path is known when the answer is made; or "".
std::string_view apiRequestPath(std::string_view request) {
  const std::size_t lineEnd = request.find('\n');  // httplib ends a line at LF, CR or not
  if (lineEnd == std::string_view::npos || lineEnd == 0 || request[lineEnd - 1] != '\r') return {};
  if (lineEnd + 1 >= CPPHTTPLIB_REQUEST_URI_MAX_LENGTH) return {};  // httplib: 414 before it reads the path
  const std::string_view line = request.substr(0, lineEnd - 1);
  if (line.find('\0') != std::string_view::npos) return {};  // httplib parses the line as a C string
  const std::size_t first = line.find(' ');
  const std::size_t second = line.find(' ', first == std::string_view::npos ? first : first + 1);
  if (second == std::string_view::npos) return {};
  const std::string_view method = line.substr(0, first);
  static constexpr std::string_view kMethods[] = {"GET", "HEAD", "POST", "PUT", "DELETE", "CONNECT", "OPTIONS", "TRACE", "PATCH", "PRI"};
  if (std::find(std::begin(kMethods), std::end(kMethods), method) == std::end(kMethods)) return {};  // httplib: 400 at once
  const std::string_view target = line.substr(first + 1, second - first - 1);
  const std::string_view version = line.substr(second + 1);
  if (!startsWith(target, "/api/") || (version != "HTTP/1.1" && version != "HTTP/1.0")) return {};
  if (target.find_first_of("% \t") != std::string_view::npos) return {};
  return target;
}

// httplib splits the request line on spaces and skips empty pieces, so " HEAD /x HTTP/1.1" is a HEAD too
// (found by libFuzzer: the answer's Content-Length then rightly names a body that is not sent).
bool isHeadRequest(std::string_view request) {
  const std::size_t method = request.find_first_not_of(' ');
  return method != std::string_view::npos && startsWith(request.substr(method), "HEAD ");
}

void checkAnswer(std::string_view request, const std::string& answer) {
  if (answer.empty()) return;  // httplib closes without an answer when not even a request line arrived
  std::size_t position = 0;
  std::string_view statusLine = lineAt(answer, position);
  while (statusLine == "HTTP/1.1 100 Continue") {
    BHABIN_FUZZ_CHECK(lineAt(answer, position).empty());
    statusLine = lineAt(answer, position);
  }
  BHABIN_FUZZ_CHECK(startsWith(statusLine, "HTTP/1.1 ") && statusLine.size() >= 12);
  BHABIN_FUZZ_CHECK(statusLine.size() == 12 || statusLine[12] == ' ');
  const std::string statusDigits(statusLine.substr(9, 3));
  BHABIN_FUZZ_CHECK(statusDigits.find_first_not_of("0123456789") == std::string::npos);
  const int status = std::atoi(statusDigits.c_str());
  BHABIN_FUZZ_CHECK(status >= 200 && status <= 599);

  std::size_t contentLength = std::string::npos;
  bool contentType = false;
  bool encoded = false;
  for (std::string_view header = lineAt(answer, position); !header.empty(); header = lineAt(answer, position)) {
    const std::size_t colon = header.find(": ");
    BHABIN_FUZZ_CHECK(colon != std::string_view::npos && colon > 0);
    const std::string_view name = header.substr(0, colon);
    const std::string_view value = header.substr(colon + 2);
    if (name == "Content-Length") contentLength = std::strtoul(std::string(value).c_str(), nullptr, 10);
    if (name == "Content-Type") contentType = startsWith(value, "application/json");
    if (name == "Content-Encoding") encoded = true;  // gzip or brotli on request: the JSON is compressed
  }
  const std::string_view body = std::string_view(answer).substr(position);
  if (isHeadRequest(request)) return;  // a HEAD answer names the length of a body it does not send
  BHABIN_FUZZ_CHECK(contentLength == body.size() || (contentLength == std::string::npos && body.empty()));
  if (apiRequestPath(request).empty() || encoded) return;
  BHABIN_FUZZ_CHECK(contentType);
  rapidjson::Document json;
  json.Parse(body.data(), body.size());
  BHABIN_FUZZ_CHECK(!json.HasParseError() && json.IsObject());
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view request(reinterpret_cast<const char*>(data), size);
  MemoryStream stream(request);
  fuzzedServer().answer(stream);
  checkAnswer(request, stream.output());
  return 0;
}
