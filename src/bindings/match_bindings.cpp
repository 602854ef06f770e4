// JavaScript API of core/match (documented in ARCHITECTURE.md, "Matching from JavaScript"):
//
//   const index = new Module.PostIndex(ids /*Uint32Array*/, lat /*Float64Array*/, lon /*Float64Array*/);
//   if (!index.ok()) throw new Error(index.error());
//   const n = index.nearest(lat, lon, k, maxKm, onDutyOnly, loadCap);  // one query
//   index.resultIds(), index.resultDistances()                        // views; the first n are the results
//   index.queryBuffer(count).set(latLonPairs);                        // batch: fill [lat0, lon0, lat1, ...]
//   index.nearestBatch(count, k, maxKm, onDutyOnly, loadCap);          // answers all of them
//   index.batchIds(), index.batchDistances(), index.batchCounts()      // k slots per query, counts per query
//   index.move(id, lat, lon), index.setOnDuty(id, bool), index.setOpenReports(id, n)
//   if (index.worthRebuilding()) index.rebuild();                      // after many moves (milliseconds)
//   index.delete()                                                    // embind objects are freed by hand
//
// Results come back as typed-array views of WebAssembly memory, never as per-point objects. Views of single
// results stay valid until k grows or the module's memory grows (view.buffer !== Module.HEAPU8.buffer);
// batch views until the next batch. Copy what must be kept.
#include <emscripten/bind.h>
#include <emscripten/val.h>

#include <limits>
#include <string>
#include <vector>

#include "core/match/post_index.h"

namespace {

using bhabin::match::Neighbor;
using bhabin::match::NearestQuery;
using bhabin::match::Post;
using bhabin::match::PostIndex;
using emscripten::val;

class JsPostIndex {
 public:
  JsPostIndex(const val& ids, const val& lat, const val& lon) {
    const auto idList = emscripten::convertJSArrayToNumberVector<std::uint32_t>(ids);
    const auto latList = emscripten::convertJSArrayToNumberVector<double>(lat);
    const auto lonList = emscripten::convertJSArrayToNumberVector<double>(lon);
    if (idList.size() != latList.size() || idList.size() != lonList.size()) {
      error_ = "ids, lat and lon must have the same length";
      return;
    }
    std::vector<Post> posts(idList.size());
    for (std::size_t i = 0; i < posts.size(); ++i) posts[i] = {idList[i], {latList[i], lonList[i]}};
    auto built = PostIndex::build(posts);
    if (auto* failure = std::get_if<bhabin::match::BuildError>(&built)) {
      error_ = failure->message;
      return;
    }
    index_ = std::get<PostIndex>(std::move(built));
  }

  bool ok() const { return error_.empty(); }
  std::string error() const { return error_; }
  std::size_t size() const { return index_.size(); }

  std::size_t nearest(double lat, double lon, std::size_t k, double maxKm, bool onDutyOnly, std::int32_t loadCap) {
    index_.nearest(settings({lat, lon}, k, maxKm, onDutyOnly, loadCap), neighbors_);
    // The result buffers only ever grow, so views taken earlier stay valid while k does not grow.
    if (resultIds_.size() < k) {
      resultIds_.resize(k);
      resultKm_.resize(k);
    }
    for (std::size_t i = 0; i < neighbors_.size(); ++i) {
      resultIds_[i] = neighbors_[i].id;
      resultKm_[i] = neighbors_[i].distanceKm;
    }
    return neighbors_.size();
  }
  val resultIds() const { return val(emscripten::typed_memory_view(resultIds_.size(), resultIds_.data())); }
  val resultDistances() const { return val(emscripten::typed_memory_view(resultKm_.size(), resultKm_.data())); }

  val queryBuffer(std::size_t count) {
    queries_.resize(2 * count);
    return val(emscripten::typed_memory_view(queries_.size(), queries_.data()));
  }

  std::size_t nearestBatch(std::size_t count, std::size_t k, double maxKm, bool onDutyOnly, std::int32_t loadCap) {
    count = std::min(count, queries_.size() / 2);
    positions_.resize(count);
    for (std::size_t i = 0; i < count; ++i) positions_[i] = {queries_[2 * i], queries_[2 * i + 1]};
    index_.nearestBatch(positions_, settings({}, k, maxKm, onDutyOnly, loadCap), batch_, batchCounts_);
    batchIds_.resize(batch_.size());
    batchKm_.resize(batch_.size());
    std::size_t total = 0;
    for (std::size_t q = 0; q < count; ++q) {
      for (std::size_t r = 0; r < k; ++r) {
        const std::size_t at = q * k + r;
        const bool present = r < batchCounts_[q];
        batchIds_[at] = present ? batch_[at].id : std::numeric_limits<std::uint32_t>::max();
        batchKm_[at] = present ? batch_[at].distanceKm : std::numeric_limits<double>::quiet_NaN();
      }
      total += batchCounts_[q];
    }
    return total;
  }
  val batchIds() const { return val(emscripten::typed_memory_view(batchIds_.size(), batchIds_.data())); }
  val batchDistances() const { return val(emscripten::typed_memory_view(batchKm_.size(), batchKm_.data())); }
  val batchCounts() const { return val(emscripten::typed_memory_view(batchCounts_.size(), batchCounts_.data())); }

  bool move(std::uint32_t id, double lat, double lon) { return index_.move(id, {lat, lon}); }
  bool setOnDuty(std::uint32_t id, bool onDuty) { return index_.setOnDuty(id, onDuty); }
  bool setOpenReports(std::uint32_t id, std::int32_t openReports) { return index_.setOpenReports(id, openReports); }
  bool worthRebuilding() const { return index_.worthRebuilding(); }
  void rebuild() { index_.rebuild(); }

 private:
  static NearestQuery settings(bhabin::geo::LatLon position, std::size_t k, double maxKm, bool onDutyOnly,
                               std::int32_t loadCap) {
    NearestQuery query;
    query.position = position;
    query.k = k;
    query.maxDistanceKm = maxKm;
    query.onDutyOnly = onDutyOnly;
    query.openReportsCap = loadCap;
    return query;
  }

  PostIndex index_;
  std::string error_;
  std::vector<Neighbor> neighbors_;
  std::vector<std::uint32_t> resultIds_;
  std::vector<double> resultKm_;
  std::vector<double> queries_;
  std::vector<bhabin::geo::LatLon> positions_;
  std::vector<Neighbor> batch_;
  std::vector<std::uint32_t> batchCounts_;
  std::vector<std::uint32_t> batchIds_;
  std::vector<double> batchKm_;
};

}  // namespace

EMSCRIPTEN_BINDINGS(bhabin_match) {
  emscripten::class_<JsPostIndex>("PostIndex")
      .constructor<const val&, const val&, const val&>()
      .function("ok", &JsPostIndex::ok)
      .function("error", &JsPostIndex::error)
      .function("size", &JsPostIndex::size)
      .function("nearest", &JsPostIndex::nearest)
      .function("resultIds", &JsPostIndex::resultIds)
      .function("resultDistances", &JsPostIndex::resultDistances)
      .function("queryBuffer", &JsPostIndex::queryBuffer)
      .function("nearestBatch", &JsPostIndex::nearestBatch)
      .function("batchIds", &JsPostIndex::batchIds)
      .function("batchDistances", &JsPostIndex::batchDistances)
      .function("batchCounts", &JsPostIndex::batchCounts)
      .function("move", &JsPostIndex::move)
      .function("setOnDuty", &JsPostIndex::setOnDuty)
      .function("setOpenReports", &JsPostIndex::setOpenReports)
      .function("worthRebuilding", &JsPostIndex::worthRebuilding)
      .function("rebuild", &JsPostIndex::rebuild);
}
