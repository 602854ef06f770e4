#include "server/http/static_routes.h"

#include <httplib.h>

#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <mutex>
#include <optional>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "server/auth/crypto.h"
#include "server/http/compressed_answer.h"

namespace bhabin::server::http {

namespace {

// A URL prefix (no trailing slash) and the folder its files come from.
struct Mount {
  std::string urlPrefix;
  std::string folder;
};

std::vector<Mount> mountsFor(const ServerConfig& config) {
  return {
      {"/web", config.rootDir + "/web"},
      {"/assets", config.rootDir + "/assets"},
      {"/app", config.appDir},
      {"/vendor/leaflet", config.leafletDir},
  };
}

// Types for every extension we serve; browsers refuse to compile WebAssembly served as anything else.
void registerMimeTypes(httplib::Server& server) {
  server.set_file_extension_and_mimetype_mapping("html", "text/html; charset=utf-8");
  server.set_file_extension_and_mimetype_mapping("js", kScriptType);
  server.set_file_extension_and_mimetype_mapping("mjs", kScriptType);
  server.set_file_extension_and_mimetype_mapping("css", "text/css; charset=utf-8");
  server.set_file_extension_and_mimetype_mapping("json", "application/json");
  server.set_file_extension_and_mimetype_mapping("webmanifest", "application/manifest+json");
  server.set_file_extension_and_mimetype_mapping("wasm", "application/wasm");
  server.set_file_extension_and_mimetype_mapping("data", "application/octet-stream");
  server.set_file_extension_and_mimetype_mapping("png", "image/png");
  server.set_file_extension_and_mimetype_mapping("svg", "image/svg+xml");
  server.set_file_extension_and_mimetype_mapping("ttf", "font/ttf");
  server.set_file_extension_and_mimetype_mapping("map", "application/json");
}

std::optional<std::string> readWholeFile(const std::string& path) {
  std::ifstream file(path, std::ios::binary);
  if (!file) return std::nullopt;
  std::ostringstream body;
  body << file.rdbuf();
  return body.str();
}

void serveIndex(const std::string& path, httplib::Response& response) {
  const auto body = readWholeFile(path);
  if (!body) {
    response.status = 500;
    response.set_content("index.html is missing from the server's root folder", "text/plain; charset=utf-8");
    return;
  }
  response.set_content(*body, "text/html; charset=utf-8");
  response.set_header("Cache-Control", "no-cache");
}

// A missing folder (say, the WebAssembly build not made yet) leaves its URLs answering 404; say so at start.
void mountFolder(httplib::Server& server, const std::string& urlPrefix, const std::string& folder) {
  if (!server.set_mount_point(urlPrefix, folder)) {
    std::clog << "warning: " << folder << " does not exist; " << urlPrefix << "/ will answer 404\n";
  }
}

// The URLs between `const SHELL_URLS = [` and `];` in the worker's text: the first single-quoted string on each
// line, ignoring `//` comments.
std::vector<std::string> shellUrlsOf(const std::string& script) {
  std::vector<std::string> urls;
  const std::string opening = "const SHELL_URLS = [";
  const std::size_t begin = script.find(opening);
  if (begin == std::string::npos) return urls;
  const std::size_t end = script.find("];", begin);
  if (end == std::string::npos) return urls;
  std::istringstream lines(script.substr(begin + opening.size(), end - begin - opening.size()));
  std::string line;
  while (std::getline(lines, line)) {
    line = line.substr(0, line.find("//"));
    const std::size_t open = line.find('\'');
    if (open == std::string::npos) continue;
    const std::size_t close = line.find('\'', open + 1);
    if (close == std::string::npos) continue;
    urls.push_back(line.substr(open + 1, close - open - 1));
  }
  return urls;
}

// web/service_worker.js as served at /service_worker.js, so that its scope is the whole site. The worker lists
// the files it precaches in SHELL_URLS; the placeholder @BHABIN_SHELL_VERSION@ becomes a hash of exactly those
// files' contents. Browsers compare a worker's script byte for byte on every visit, so any change to the shell
// (a new app build, Leaflet update, edited page) installs a new worker, which fills a new cache and drops the old.
// The hash is recomputed only when the worker or one of the files changed size or modification time.
class ServiceWorkerScript {
 public:
  static constexpr const char* kPlaceholder = "@BHABIN_SHELL_VERSION@";

  ServiceWorkerScript(std::string scriptPath, std::string indexPath, std::vector<Mount> mounts)
      : scriptPath_(std::move(scriptPath)), indexPath_(std::move(indexPath)), mounts_(std::move(mounts)) {}

  // The worker's text with its version filled in; nothing if web/service_worker.js is missing.
  std::optional<std::string> render() {
    const auto script = readWholeFile(scriptPath_);
    if (!script) return std::nullopt;
    const std::vector<std::string> urls = shellUrlsOf(*script);
    std::vector<std::string> paths;
    std::string stamp = *script;
    for (const std::string& url : urls) {
      paths.push_back(fileFor(url));
      stamp += '\0' + url + '\0' + statStamp(paths.back());
    }
    const std::lock_guard<std::mutex> lock(mutex_);
    if (stamp != lastStamp_) {
      lastText_ = withVersion(*script, shellVersion(urls, paths));
      lastStamp_ = std::move(stamp);
    }
    return lastText_;
  }

 private:
  // The file behind a shell URL, as the mounts and the index route serve it; empty for anything else.
  std::string fileFor(const std::string& url) const {
    if (url == "/" || url == "/index.html") return indexPath_;
    if (url.find("..") != std::string::npos || url.find('\\') != std::string::npos) return {};
    for (const Mount& mount : mounts_) {
      const std::string prefix = mount.urlPrefix + "/";
      if (url.size() > prefix.size() && url.compare(0, prefix.size(), prefix) == 0) {
        return mount.folder + "/" + url.substr(prefix.size());
      }
    }
    return {};
  }

  static std::string statStamp(const std::string& path) {
    std::error_code error;
    const auto size = std::filesystem::file_size(path, error);
    if (error) return "missing";
    const auto modified = std::filesystem::last_write_time(path, error);
    if (error) return "missing";
    return std::to_string(size) + '@' + std::to_string(modified.time_since_epoch().count());
  }

  static std::string shellVersion(const std::vector<std::string>& urls, const std::vector<std::string>& paths) {
    std::string material;
    for (std::size_t i = 0; i < urls.size(); ++i) {
      const auto content = paths[i].empty() ? std::nullopt : readWholeFile(paths[i]);
      if (!content) {
        std::clog << "warning: the service worker precaches " << urls[i]
                  << ", which the server cannot find; browsers will not install it\n";
      }
      material += urls[i] + '\0' + (content ? std::to_string(content->size()) + '\0' + *content : "missing") + '\0';
    }
    return auth::sha256Hex(material).substr(0, 16);
  }

  static std::string withVersion(std::string script, const std::string& version) {
    const std::string placeholder = kPlaceholder;
    for (std::size_t at = script.find(placeholder); at != std::string::npos;
         at = script.find(placeholder, at + version.size())) {
      script.replace(at, placeholder.size(), version);
    }
    return script;
  }

  const std::string scriptPath_;
  const std::string indexPath_;
  const std::vector<Mount> mounts_;
  std::mutex mutex_;
  std::string lastStamp_;
  std::string lastText_;
};

}  // namespace

void registerStaticRoutes(httplib::Server& server, const ServerConfig& config) {
  registerMimeTypes(server);
  const std::string indexPath = config.rootDir + "/index.html";
  server.Get("/", [indexPath](const httplib::Request&, httplib::Response& response) {
    serveIndex(indexPath, response);
  });
  server.Get("/index.html", [indexPath](const httplib::Request&, httplib::Response& response) {
    serveIndex(indexPath, response);
  });
  const std::vector<Mount> mounts = mountsFor(config);
  auto worker = std::make_shared<ServiceWorkerScript>(config.rootDir + "/web/service_worker.js", indexPath, mounts);
  server.Get("/service_worker.js", [worker](const httplib::Request& request, httplib::Response& response) {
    const auto script = worker->render();
    if (!script) {
      response.status = 404;
      response.set_content("web/service_worker.js is missing from the server's root folder",
                           "text/plain; charset=utf-8");
      return;
    }
    sendFreshBody(request, response, kScriptType, *script);
    response.set_header("Cache-Control", "no-cache");
  });
  for (const Mount& mount : mounts) mountFolder(server, mount.urlPrefix, mount.folder);
  server.set_file_request_handler(compressStaticFile);
}

}  // namespace bhabin::server::http
