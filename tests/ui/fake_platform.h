// A ui::Platform for tests: every HTTP request is recorded and waits until the test answers it; device
// storage is a map that answers at once or when the test says (and can be told to fail); the clock, the
// time zone, the position and the network flag are set by the test; "random" bytes come from a counter;
// downloads are recorded and wait for the test's answer.
#pragma once

#include <cstdint>
#include <deque>
#include <functional>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "ui/platform.h"

namespace bhabin::testing {

class FakePlatform final : public ui::Platform {
 public:
  struct PendingRequest {
    ui::HttpRequest request;
    std::function<void(const ui::HttpResponse&)> done;
  };
  struct SaveCall {
    std::string key;
    std::string bytes;
    std::function<void(bool)> done;
  };
  struct LoadCall {
    std::string key;
    std::optional<std::string> value;  // what the store held when the load was asked for
    std::function<void(std::optional<std::string>)> done;
  };

  // ---- HTTP ----

  void send(const ui::HttpRequest& request, std::function<void(const ui::HttpResponse&)> done) override {
    requests.push_back(request);
    pending.push_back({request, std::move(done)});
  }

  // Answers the oldest request still waiting. The request leaves the queue before its callback runs, so the
  // callback may send new ones.
  void respond(const ui::HttpResponse& response) { respond(0, response); }
  void respond(std::size_t index, const ui::HttpResponse& response) {
    if (index >= pending.size()) throw std::out_of_range("no pending request " + std::to_string(index));
    PendingRequest answered = std::move(pending[index]);
    pending.erase(pending.begin() + static_cast<std::ptrdiff_t>(index));
    answered.done(response);
  }
  void respond(int status, std::string body, int retryAfterSeconds = 0) {
    respond(ui::HttpResponse{status, std::move(body), retryAfterSeconds, {}});
  }
  // Answers the oldest waiting request with this method and path; false when there is none.
  bool respondTo(const std::string& method, const std::string& path, const ui::HttpResponse& response) {
    for (std::size_t i = 0; i < pending.size(); ++i) {
      if (pending[i].request.method == method && pending[i].request.path == path) {
        respond(i, response);
        return true;
      }
    }
    return false;
  }
  // The waiting request with this method and path, if any.
  const ui::HttpRequest* pendingRequest(const std::string& method, const std::string& path) const {
    for (const PendingRequest& waiting : pending) {
      if (waiting.request.method == method && waiting.request.path == path) return &waiting.request;
    }
    return nullptr;
  }

  std::vector<ui::HttpRequest> requests;  // every request sent, answered or not, in order
  std::deque<PendingRequest> pending;     // requests not yet answered, oldest first

  // ---- device storage ----

  void save(const std::string& key, const std::string& bytes, std::function<void(bool)> done) override {
    saves.push_back({key, bytes, nullptr});
    if (saveImmediately) {
      finishSave(key, bytes, done);
    } else {
      pendingSaves.push_back({key, bytes, std::move(done)});
    }
  }
  // Completes the oldest waiting save (written unless saves fail).
  void completeSave() {
    if (pendingSaves.empty()) throw std::out_of_range("no pending save");
    SaveCall call = std::move(pendingSaves.front());
    pendingSaves.pop_front();
    finishSave(call.key, call.bytes, call.done);
  }
  void completeSaves() {
    while (!pendingSaves.empty()) completeSave();
  }

  void remove(const std::string& key, std::function<void(bool)> done) override {
    removed.push_back(key);
    stored.erase(key);
    if (done) done(true);
  }
  std::vector<std::string> removed;  // every key removed, in order

  void load(const std::string& key, std::function<void(std::optional<std::string>)> done) override {
    loads.push_back(key);
    if (loadImmediately) {
      done(storedValue(key));
    } else {
      // Like IndexedDB, a read sees the store as it was when asked, whatever is saved before it is answered.
      pendingLoads.push_back({key, storedValue(key), std::move(done)});
    }
  }
  // Answers the oldest waiting load.
  void completeLoad() {
    if (pendingLoads.empty()) throw std::out_of_range("no pending load");
    LoadCall call = std::move(pendingLoads.front());
    pendingLoads.pop_front();
    call.done(std::move(call.value));
  }
  void completeLoads() {
    while (!pendingLoads.empty()) completeLoad();
  }

  std::optional<std::string> storedValue(const std::string& key) const {
    const auto found = stored.find(key);
    if (found == stored.end()) return std::nullopt;
    return found->second;
  }
  std::size_t savesOf(const std::string& key) const {
    std::size_t count = 0;
    for (const SaveCall& call : saves) count += call.key == key;
    return count;
  }

  std::map<std::string, std::string> stored;  // what survived (as if durably written)
  std::vector<SaveCall> saves;                // every save asked for, in order (without callbacks)
  std::vector<std::string> loads;             // every key loaded, in order
  std::deque<SaveCall> pendingSaves;          // when !saveImmediately
  std::deque<LoadCall> pendingLoads;          // when !loadImmediately
  bool saveImmediately = true;
  bool loadImmediately = true;
  bool failSaves = false;  // saves answer false and write nothing

  // ---- clock, time zone, randomness ----

  std::int64_t nowUnixMs() const override { return now; }
  int utcOffsetMinutes() const override { return utcOffset; }
  void advance(std::int64_t ms) { now += ms; }

  // Deterministic and never repeating in a test's lifetime: splitmix64 over a counter.
  std::vector<std::uint8_t> randomBytes(std::size_t count) override {
    randomCalls.push_back(count);
    std::vector<std::uint8_t> bytes(count);
    for (std::uint8_t& byte : bytes) {
      std::uint64_t z = (randomCounter++ + 1) * 0x9E3779B97F4A7C15ull;
      z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
      z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
      byte = static_cast<std::uint8_t>(z ^ (z >> 31));
    }
    return bytes;
  }

  std::int64_t now = 1795829400000;  // 2026-11-28T01:30:00Z, 08:30 in Jakarta
  int utcOffset = 420;               // WIB
  std::uint64_t randomCounter = 0;
  std::vector<std::size_t> randomCalls;

  // ---- position, network, links ----

  void locate(std::function<void(const ui::GeolocationResult&)> done) override { pendingLocates.push_back(std::move(done)); }
  void answerLocate(const ui::GeolocationResult& result) {
    if (pendingLocates.empty()) throw std::out_of_range("no pending locate");
    auto done = std::move(pendingLocates.front());
    pendingLocates.pop_front();
    done(result);
  }
  std::deque<std::function<void(const ui::GeolocationResult&)>> pendingLocates;

  bool online() const override { return isOnline; }
  bool isOnline = true;

  void openExternal(const std::string& url) override { openedUrls.push_back(url); }
  void copyText(const std::string& text) override { copiedTexts.push_back(text); }
  std::vector<std::string> openedUrls;
  std::vector<std::string> copiedTexts;

  // ---- photos ----

  void pickPhoto(std::function<void(const ui::PickedPhoto&)> done) override { pendingPhotoPicks.push_back(std::move(done)); }
  void answerPhotoPick(const ui::PickedPhoto& photo) {
    if (pendingPhotoPicks.empty()) throw std::out_of_range("no pending photo pick");
    auto done = std::move(pendingPhotoPicks.front());
    pendingPhotoPicks.pop_front();
    done(photo);
  }
  std::deque<std::function<void(const ui::PickedPhoto&)>> pendingPhotoPicks;

  // ---- downloads ----

  void download(const std::string& path, std::function<void(const ui::DownloadResult&)> done) override {
    downloads.push_back(path);
    pendingDownloads.push_back(std::move(done));
  }
  void answerDownload(const ui::DownloadResult& result) {
    if (pendingDownloads.empty()) throw std::out_of_range("no pending download");
    auto done = std::move(pendingDownloads.front());
    pendingDownloads.pop_front();
    done(result);
  }
  std::vector<std::string> downloads;  // every path asked for, in order
  std::deque<std::function<void(const ui::DownloadResult&)>> pendingDownloads;

 private:
  void finishSave(const std::string& key, const std::string& bytes, const std::function<void(bool)>& done) {
    if (!failSaves) stored[key] = bytes;
    if (done) done(!failSaves);
  }
};

}  // namespace bhabin::testing
