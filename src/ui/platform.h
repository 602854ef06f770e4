// What the panels and flows need from the device, without knowing it is a browser: HTTP, storage that
// survives closing the tab, the clock, randomness, the position, and links that leave the app. The browser
// implements it with fetch, IndexedDB and navigator APIs (src/app/browser_platform); tests with a fake.
#pragma once

#include <algorithm>
#include <array>
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/geo/lat_lon.h"

namespace bhabin::ui {

struct HttpRequest {
  std::string method = "GET";
  std::string path;  // "/api/v1/…", on the app's own server
  std::map<std::string, std::string> headers;
  std::string body;
};

// A request with a body of `contentType` (JSON unless said otherwise).
inline HttpRequest bodyRequest(const char* method, std::string path, std::string body,
                               const char* contentType = "application/json") {
  HttpRequest request;
  request.method = method;
  request.path = std::move(path);
  request.headers["Content-Type"] = contentType;
  request.body = std::move(body);
  return request;
}

inline HttpRequest getRequest(std::string path) {
  HttpRequest request;
  request.path = std::move(path);
  return request;
}

struct HttpResponse {
  int status = 0;             // 0 = no answer (offline, connection refused, aborted)
  std::string body;
  int retryAfterSeconds = 0;  // from Retry-After, when the server sent one
  std::string etag;           // from ETag, for conditional requests
};

struct GeolocationResult {
  std::optional<geo::LatLon> position;
  enum class Failure { None, Denied, Unavailable, Timeout, Unsupported } failure = Failure::None;
};

// A picture the person chose for a report, already made small and stripped on the device: drawn upright, at
// most kPhotoMaxEdgePixels on its longer side, re-encoded as JPEG from its pixels (so none of the file's
// metadata survives: no GPS position, time or device).
struct PickedPhoto {
  enum class Outcome { Picked, Cancelled, Unreadable } outcome = Outcome::Cancelled;
  std::string jpeg;
  int width = 0;
  int height = 0;
};

inline constexpr int kPhotoMaxEdgePixels = 1280;

// How a download ended: a 2xx once the browser holds the file, else the server's answer (its JSON error).
struct DownloadResult {
  HttpResponse response;      // the body only on a refusal: the file itself went to the browser
  std::string fileName;       // from Content-Disposition
  std::int64_t rows = -1;     // X-Export-Rows, when the server sent it
};
// The widget that asks for a photo. Browsers open a file chooser only while handling the tap itself, and
// ImGui sees the tap a frame later, so the browser opens the chooser as a tap on this widget ends and
// pickPhoto then takes that chooser's answer.
inline constexpr const char* kPhotoButtonTag = "report.photo.add";

class Platform {
 public:
  virtual ~Platform() = default;

  virtual void send(const HttpRequest& request, std::function<void(const HttpResponse&)> done) = 0;

  // Device storage (IndexedDB in the browser). `done(true)` only once the bytes are durably written.
  virtual void save(const std::string& key, const std::string& bytes, std::function<void(bool)> done) = 0;
  // `done(nullopt)` for a key never saved (or storage unavailable).
  virtual void load(const std::string& key, std::function<void(std::optional<std::string>)> done) = 0;
  virtual void remove(const std::string& key, std::function<void(bool)> done) = 0;

  virtual std::int64_t nowUnixMs() const = 0;
  virtual int utcOffsetMinutes() const = 0;  // the device's time zone now: WIB +420, WITA +480, WIT +540
  virtual std::vector<std::uint8_t> randomBytes(std::size_t count) = 0;  // cryptographically random
  virtual void locate(std::function<void(const GeolocationResult&)> done) = 0;
  virtual bool online() const = 0;

  virtual void openExternal(const std::string& url) = 0;  // tel:, https://wa.me/…
  virtual void copyText(const std::string& text) = 0;
  // Opens the device's camera or gallery; call while handling the person's tap (browsers require it).
  virtual void pickPhoto(std::function<void(const PickedPhoto&)> done) = 0;
  // Fetches a file from the app's own server (`path` "/api/v1/…", with the session cookie and the language)
  // and hands it to the browser as a download, named as the server says.
  virtual void download(const std::string& path, std::function<void(const DownloadResult&)> done) = 0;
};

// N cryptographically random bytes from the platform, in the fixed-size form the core's code makers take.
template <std::size_t N>
std::array<std::uint8_t, N> randomArray(Platform& platform) {
  const std::vector<std::uint8_t> bytes = platform.randomBytes(N);
  std::array<std::uint8_t, N> out{};
  std::copy_n(bytes.begin(), std::min(N, bytes.size()), out.begin());
  return out;
}

}  // namespace bhabin::ui
