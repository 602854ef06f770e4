#include "app/browser_platform.h"

#include <emscripten.h>
#include <emscripten/bind.h>

#include "app/test_hook.h"

namespace bhabin::app {

namespace {

BrowserPlatform* instance = nullptr;  // JavaScript answers through free functions; one platform per page

std::string headersJson(const std::map<std::string, std::string>& headers) {
  std::string json = "{";
  const auto quoted = [](const std::string& text) {
    std::string out = "\"";
    for (char c : text) {
      if (c == '"' || c == '\\') out.push_back('\\');
      if (static_cast<unsigned char>(c) >= 0x20) out.push_back(c);  // header values never hold control characters
    }
    return out + "\"";
  };
  for (const auto& [name, value] : headers) {
    if (json.size() > 1) json += ",";
    json += quoted(name) + ":" + quoted(value);
  }
  return json + "}";
}

}  // namespace

// Every request goes to our own origin with the session cookie; the body is read as text even on errors,
// because the API's errors are JSON bodies with the message to show.
EM_JS(void, bhabin_fetch, (int id, const char* method, const char* url, const char* headers, const char* body, int bodyLength), {
  const init = {
    method : UTF8ToString(method),
    headers : JSON.parse(UTF8ToString(headers)),
    credentials : "same-origin",
    cache : "no-store",
  };
  if (bodyLength > 0) init.body = HEAPU8.slice(body, body + bodyLength);
  fetch(UTF8ToString(url), init)
      .then((response) => response.text().then((text) => {
        const retryAfter = parseInt(response.headers.get("Retry-After") || "0", 10) || 0;
        Module.bhabinFetchDone(id, response.status, text, retryAfter, response.headers.get("ETag") || "");
      }))
      .catch(() => Module.bhabinFetchDone(id, 0, "", 0, ""));
});

// A download is fetched first, so a refusal (its JSON error) can be shown in the app instead of being saved
// as a file; the file then goes to the browser's downloads through an anchor with `download` on a blob URL.
// The name comes from Content-Disposition; fetch has already undone the transfer's gzip. The link's id lets
// its click past the input listeners (src/app/browser_input.cpp), which cancel clicks after a press on ImGui.
EM_JS(void, bhabin_download, (int id, const char* url, const char* language), {
  const path = UTF8ToString(url);
  fetch(path, {credentials : "same-origin", cache : "no-store", headers : {"Accept-Language" : UTF8ToString(language)}})
      .then((response) => {
        if (!response.ok) {
          return response.text().then((text) => Module.bhabinDownloaded(id, response.status, text, "", -1));
        }
        const disposition = response.headers.get("Content-Disposition") || "";
        // The name between the quotes of filename="…", matched without quote characters: an EM_JS body
        // goes through the C preprocessor, where an unpaired quote breaks it.
        const named = /filename=.([^;]+)./.exec(disposition);
        const fileName = named ? named[1] : path.split("/").pop().split("?")[0];
        const rows = parseInt(response.headers.get("X-Export-Rows") || "-1", 10);
        return response.blob().then((blob) => {
          const link = document.createElement("a");
          link.id = "bhabin-download-link";
          link.href = URL.createObjectURL(blob);
          link.download = fileName;
          document.body.appendChild(link);
          link.click();
          link.remove();
          setTimeout(() => URL.revokeObjectURL(link.href), 60000);
          Module.bhabinDownloaded(id, response.status, "", fileName, isNaN(rows) ? -1 : rows);
        });
      })
      .catch(() => Module.bhabinDownloaded(id, 0, "", "", -1));
});

EM_JS(void, bhabin_store_save, (int id, const char* key, const char* bytes, int length), {
  const store = window.bhabinDeviceStore;
  if (!store) {
    Module.bhabinStoreSaved(id, false);
    return;
  }
  store.put(UTF8ToString(key), HEAPU8.slice(bytes, bytes + length))
      .then(() => Module.bhabinStoreSaved(id, true))
      .catch((error) => {
        console.warn("device storage: " + error.message);
        Module.bhabinStoreSaved(id, false);
      });
});

EM_JS(void, bhabin_store_load, (int id, const char* key), {
  const store = window.bhabinDeviceStore;
  if (!store) {
    Module.bhabinStoreLoaded(id, false, "");
    return;
  }
  store.get(UTF8ToString(key))
      .then((bytes) => Module.bhabinStoreLoaded(id, bytes !== null, bytes === null ? "" : bytes))
      .catch((error) => {
        console.warn("device storage: " + error.message);
        Module.bhabinStoreLoaded(id, false, "");
      });
});

EM_JS(void, bhabin_store_remove, (int id, const char* key), {
  const store = window.bhabinDeviceStore;
  if (!store) {
    Module.bhabinStoreSaved(id, false);
    return;
  }
  store.remove(UTF8ToString(key))
      .then(() => Module.bhabinStoreSaved(id, true))
      .catch((error) => {
        console.warn("device storage: " + error.message);
        Module.bhabinStoreSaved(id, false);
      });
});

// Outcome 0 picked, 1 cancelled, 2 unreadable (ui::PickedPhoto::Outcome).
EM_JS(void, bhabin_pick_photo, (int id, int maxEdge), {
  const none = new Uint8Array(0);
  if (!window.bhabinPhotoPicker) {
    Module.bhabinPhotoPicked(id, 2, none, 0, 0);
    return;
  }
  window.bhabinPhotoPicker.pick(maxEdge, 0.82)
      .then((photo) => photo ? Module.bhabinPhotoPicked(id, 0, photo.bytes, photo.width, photo.height)
                             : Module.bhabinPhotoPicked(id, 1, none, 0, 0))
      .catch((error) => {
        console.warn("photo: " + error.message);
        Module.bhabinPhotoPicked(id, 2, none, 0, 0);
      });
});

EM_JS(double, bhabin_now_ms, (), { return Date.now(); });
EM_JS(int, bhabin_utc_offset_minutes, (), { return -new Date().getTimezoneOffset(); });
EM_JS(int, bhabin_online, (), { return navigator.onLine ? 1 : 0; });

EM_JS(void, bhabin_random_bytes, (unsigned char* out, int count), {
  crypto.getRandomValues(HEAPU8.subarray(out, out + count));
});

EM_JS(void, bhabin_locate, (int id), {
  if (!navigator.geolocation) {
    Module.bhabinLocated(id, false, 0, 0, 4);
    return;
  }
  navigator.geolocation.getCurrentPosition(
      (position) => Module.bhabinLocated(id, true, position.coords.latitude, position.coords.longitude, 0),
      (error) => Module.bhabinLocated(id, false, 0, 0, error.code),
      {enableHighAccuracy : true, timeout : 20000, maximumAge : 60000});
});

EM_JS(void, bhabin_open_external, (const char* url), {
  const target = UTF8ToString(url);
  if (target.startsWith("tel:")) {
    window.location.href = target;
  } else {
    window.open(target, "_blank", "noopener");
  }
});

EM_JS(void, bhabin_copy_text, (const char* text), {
  const value = UTF8ToString(text);
  const fallback = () => {
    const area = document.createElement("textarea");
    area.value = value;
    area.setAttribute("readonly", "");
    area.style.position = "fixed";
    area.style.opacity = "0";
    document.body.appendChild(area);
    area.select();
    document.execCommand("copy");
    area.remove();
  };
  if (navigator.clipboard && navigator.clipboard.writeText) {
    navigator.clipboard.writeText(value).catch(fallback);
  } else {
    fallback();
  }
});

BrowserPlatform::BrowserPlatform() { instance = this; }

BrowserPlatform::~BrowserPlatform() {
  if (instance == this) instance = nullptr;
}

void BrowserPlatform::send(const ui::HttpRequest& request, std::function<void(const ui::HttpResponse&)> done) {
  const int id = nextId();
  fetches_[id] = std::move(done);
  std::map<std::string, std::string> headers = request.headers;
  headers["Accept"] = "application/json";
  headers["Accept-Language"] = std::string(i18n::languageCode(language_));
  bhabin_fetch(id, request.method.c_str(), request.path.c_str(), headersJson(headers).c_str(), request.body.data(),
               static_cast<int>(request.body.size()));
}

void BrowserPlatform::save(const std::string& key, const std::string& bytes, std::function<void(bool)> done) {
  const int id = nextId();
  saves_[id] = std::move(done);
  bhabin_store_save(id, key.c_str(), bytes.data(), static_cast<int>(bytes.size()));
}

void BrowserPlatform::load(const std::string& key, std::function<void(std::optional<std::string>)> done) {
  const int id = nextId();
  loads_[id] = std::move(done);
  bhabin_store_load(id, key.c_str());
}

void BrowserPlatform::remove(const std::string& key, std::function<void(bool)> done) {
  const int id = nextId();
  saves_[id] = std::move(done);
  bhabin_store_remove(id, key.c_str());
}

void BrowserPlatform::pickPhoto(std::function<void(const ui::PickedPhoto&)> done) {
  const int id = nextId();
  photoPicks_[id] = std::move(done);
  bhabin_pick_photo(id, ui::kPhotoMaxEdgePixels);
}

void BrowserPlatform::download(const std::string& path, std::function<void(const ui::DownloadResult&)> done) {
  const int id = nextId();
  downloads_[id] = std::move(done);
  test_hook::publishDownloadUrl(path);
  bhabin_download(id, path.c_str(), std::string(i18n::languageCode(language_)).c_str());
}

std::int64_t BrowserPlatform::nowUnixMs() const { return static_cast<std::int64_t>(bhabin_now_ms()); }
int BrowserPlatform::utcOffsetMinutes() const { return bhabin_utc_offset_minutes(); }
bool BrowserPlatform::online() const { return bhabin_online() != 0; }

std::vector<std::uint8_t> BrowserPlatform::randomBytes(std::size_t count) {
  std::vector<std::uint8_t> bytes(count);
  if (count > 0) bhabin_random_bytes(bytes.data(), static_cast<int>(count));
  return bytes;
}

void BrowserPlatform::locate(std::function<void(const ui::GeolocationResult&)> done) {
  const int id = nextId();
  locates_[id] = std::move(done);
  bhabin_locate(id);
}

void BrowserPlatform::openExternal(const std::string& url) {
  test_hook::publishExternalUrl(url);
  bhabin_open_external(url.c_str());
}

void BrowserPlatform::copyText(const std::string& text) {
  test_hook::publishCopiedText(text);
  bhabin_copy_text(text.c_str());
}

// Callbacks are taken out of their map before running: a callback may start the next request.
template <typename Map, typename... Args>
void finish(Map& waiting, int id, Args&&... args) {
  const auto found = waiting.find(id);
  if (found == waiting.end()) return;
  auto callback = std::move(found->second);
  waiting.erase(found);
  if (callback) callback(std::forward<Args>(args)...);
}

void BrowserPlatform::fetchDone(int id, int status, const std::string& body, int retryAfterSeconds, const std::string& etag) {
  if (instance) finish(instance->fetches_, id, ui::HttpResponse{status, body, retryAfterSeconds, etag});
}

void BrowserPlatform::storeSaved(int id, bool ok) {
  if (instance) finish(instance->saves_, id, ok);
}

void BrowserPlatform::storeLoaded(int id, bool found, const std::string& bytes) {
  if (instance) finish(instance->loads_, id, found ? std::optional<std::string>(bytes) : std::nullopt);
}

void BrowserPlatform::photoPicked(int id, int outcome, const std::string& jpeg, int width, int height) {
  if (!instance) return;
  using Outcome = ui::PickedPhoto::Outcome;
  const ui::PickedPhoto photo{outcome == 0 ? Outcome::Picked : outcome == 1 ? Outcome::Cancelled : Outcome::Unreadable,
                              jpeg, width, height};
  finish(instance->photoPicks_, id, photo);
}

void BrowserPlatform::downloaded(int id, int status, const std::string& body, const std::string& fileName, double rows) {
  if (!instance) return;
  finish(instance->downloads_, id, ui::DownloadResult{ui::HttpResponse{status, body, 0, {}}, fileName, static_cast<std::int64_t>(rows)});
}

// `failure` is the GeolocationPositionError code (1 denied, 2 unavailable, 3 timeout), or 4: no geolocation API.
void BrowserPlatform::located(int id, bool ok, double latDeg, double lonDeg, int failure) {
  if (!instance) return;
  ui::GeolocationResult result;
  if (ok) {
    result.position = geo::LatLon{latDeg, lonDeg};
  } else {
    using Failure = ui::GeolocationResult::Failure;
    result.failure = failure == 1 ? Failure::Denied : failure == 3 ? Failure::Timeout : failure == 4 ? Failure::Unsupported : Failure::Unavailable;
  }
  finish(instance->locates_, id, result);
}

EMSCRIPTEN_BINDINGS(bhabin_platform) {
  emscripten::function("bhabinFetchDone", &BrowserPlatform::fetchDone);
  emscripten::function("bhabinStoreSaved", &BrowserPlatform::storeSaved);
  emscripten::function("bhabinStoreLoaded", &BrowserPlatform::storeLoaded);
  emscripten::function("bhabinLocated", &BrowserPlatform::located);
  emscripten::function("bhabinPhotoPicked", &BrowserPlatform::photoPicked);
  emscripten::function("bhabinDownloaded", &BrowserPlatform::downloaded);
}

}  // namespace bhabin::app
