#include "server/http/static_routes.h"

#include <httplib.h>

#include <fstream>
#include <iostream>
#include <sstream>

namespace bhabin::server::http {

namespace {

// Types for every extension we serve; browsers refuse to compile WebAssembly served as anything else.
void registerMimeTypes(httplib::Server& server) {
  server.set_file_extension_and_mimetype_mapping("html", "text/html; charset=utf-8");
  server.set_file_extension_and_mimetype_mapping("js", "text/javascript; charset=utf-8");
  server.set_file_extension_and_mimetype_mapping("mjs", "text/javascript; charset=utf-8");
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

void serveIndex(const std::string& path, httplib::Response& response) {
  std::ifstream file(path, std::ios::binary);
  if (!file) {
    response.status = 500;
    response.set_content("index.html is missing from the server's root folder", "text/plain; charset=utf-8");
    return;
  }
  std::ostringstream body;
  body << file.rdbuf();
  response.set_content(body.str(), "text/html; charset=utf-8");
  response.set_header("Cache-Control", "no-cache");
}

// A missing folder (say, the WebAssembly build not made yet) leaves its URLs answering 404; say so at start.
void mountFolder(httplib::Server& server, const std::string& urlPrefix, const std::string& folder) {
  if (!server.set_mount_point(urlPrefix, folder)) {
    std::clog << "warning: " << folder << " does not exist; " << urlPrefix << "/ will answer 404\n";
  }
}

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
  mountFolder(server, "/web", config.rootDir + "/web");
  mountFolder(server, "/assets", config.rootDir + "/assets");
  mountFolder(server, "/app", config.appDir);
  mountFolder(server, "/vendor/leaflet", config.leafletDir);
}

}  // namespace bhabin::server::http
