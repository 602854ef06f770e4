// ui::Platform in the browser: fetch, the IndexedDB device store of web/device_store.js, crypto random
// bytes, navigator.geolocation, tel:/WhatsApp links, the clipboard, the photo chooser of web/photo_picker.js
// and downloads (fetched, then saved through an <a download> of a blob). JavaScript answers asynchronously
// through embind functions that find the waiting callback by number.
#pragma once

#include <functional>
#include <map>
#include <optional>
#include <string>

#include "core/i18n/catalog.h"
#include "ui/platform.h"

namespace bhabin::app {

class BrowserPlatform final : public ui::Platform {
 public:
  BrowserPlatform();
  ~BrowserPlatform() override;
  BrowserPlatform(const BrowserPlatform&) = delete;
  BrowserPlatform& operator=(const BrowserPlatform&) = delete;

  // Requests carry Accept-Language so the server's messages come in the user's language.
  void setLanguage(i18n::Language language) { language_ = language; }

  void send(const ui::HttpRequest& request, std::function<void(const ui::HttpResponse&)> done) override;
  void save(const std::string& key, const std::string& bytes, std::function<void(bool)> done) override;
  void load(const std::string& key, std::function<void(std::optional<std::string>)> done) override;
  void remove(const std::string& key, std::function<void(bool)> done) override;
  std::int64_t nowUnixMs() const override;
  int utcOffsetMinutes() const override;
  std::vector<std::uint8_t> randomBytes(std::size_t count) override;
  void locate(std::function<void(const ui::GeolocationResult&)> done) override;
  bool online() const override;
  void openExternal(const std::string& url) override;
  void copyText(const std::string& text) override;
  void pickPhoto(std::function<void(const ui::PickedPhoto&)> done) override;
  void download(const std::string& path, std::function<void(const ui::DownloadResult&)> done) override;

  // Entry points for the JavaScript side; not for other callers.
  static void fetchDone(int id, int status, const std::string& body, int retryAfterSeconds, const std::string& etag);
  static void storeSaved(int id, bool ok);
  static void storeLoaded(int id, bool found, const std::string& bytes);
  static void located(int id, bool ok, double latDeg, double lonDeg, int failure);
  static void photoPicked(int id, int outcome, const std::string& jpeg, int width, int height);
  static void downloaded(int id, int status, const std::string& body, const std::string& fileName, double rows);

 private:
  int nextId() { return ++lastId_; }

  i18n::Language language_ = i18n::Language::Indonesian;
  int lastId_ = 0;
  std::map<int, std::function<void(const ui::HttpResponse&)>> fetches_;
  std::map<int, std::function<void(bool)>> saves_;
  std::map<int, std::function<void(std::optional<std::string>)>> loads_;
  std::map<int, std::function<void(const ui::GeolocationResult&)>> locates_;
  std::map<int, std::function<void(const ui::PickedPhoto&)>> photoPicks_;
  std::map<int, std::function<void(const ui::DownloadResult&)>> downloads_;
};

}  // namespace bhabin::app
