// JavaScript API of core/cluster: Module.ClusterIndex, built from typed arrays and answering a viewport with
// typed-array views (no object per point). Call .delete() when done: embind objects are not garbage collected.
#include <emscripten/bind.h>
#include <emscripten/val.h>

#include <cstdint>
#include <vector>

#include "core/cluster/cluster_index.h"

namespace {

using emscripten::val;

// Copies a JavaScript array or typed array into wasm memory with one TypedArray.set (a memcpy for typed arrays).
template <typename T>
std::vector<T> copyArray(const val& array) {
  std::vector<T> out(array["length"].as<std::size_t>());
  val(emscripten::typed_memory_view(out.size(), out.data())).call<void>("set", array);
  return out;
}

class ClusterIndexJs {
 public:
  // Non-positive or NaN settings fall back to the defaults (60 px radius, 256-px tiles). clipToViewport picks
  // EdgeCells::Clip (clusters cut by the viewport's edge count only their points inside) over EdgeCells::Whole.
  ClusterIndexJs(double radiusPx, double tileSizePx, bool clipToViewport)
      : index_(settingsOf(radiusPx, tileSizePx, clipToViewport)) {}

  // Indexes point i at (lats[i], lons[i]) with id ids[i], or id i when ids is undefined or null. Returns the
  // number of points indexed (invalid positions are skipped), or -1 when the arrays differ in length (the
  // index is then unchanged).
  double build(const val& lats, const val& lons, const val& ids) {
    const std::vector<double> latDeg = copyArray<double>(lats);
    const std::vector<double> lonDeg = copyArray<double>(lons);
    const bool hasIds = !ids.isUndefined() && !ids.isNull();
    const std::vector<std::uint32_t> pointIds = hasIds ? copyArray<std::uint32_t>(ids) : std::vector<std::uint32_t>{};
    if (lonDeg.size() != latDeg.size() || (hasIds && pointIds.size() != latDeg.size())) return -1;
    std::vector<bhabin::geo::LatLon> positions(latDeg.size());
    for (std::size_t i = 0; i < positions.size(); ++i) positions[i] = {latDeg[i], lonDeg[i]};
    index_.build(positions.data(), hasIds ? pointIds.data() : nullptr, positions.size());
    return static_cast<double>(index_.size());
  }

  // {lat: Float64Array, lon: Float64Array, count: Uint32Array, id: Uint32Array}, one entry per cluster; id is
  // 4294967295 for clusters of two or more. The arrays are views into wasm memory, valid until the next
  // query or build on this index: copy (slice) them to keep them.
  val query(double southDeg, double westDeg, double northDeg, double eastDeg, double zoom) {
    index_.query({southDeg, westDeg, northDeg, eastDeg}, zoom, clusters_);
    const std::size_t n = clusters_.size();
    val result = val::object();
    result.set("lat", val(emscripten::typed_memory_view(n, clusters_.latDeg.data())));
    result.set("lon", val(emscripten::typed_memory_view(n, clusters_.lonDeg.data())));
    result.set("count", val(emscripten::typed_memory_view(n, clusters_.count.data())));
    result.set("id", val(emscripten::typed_memory_view(n, clusters_.id.data())));
    return result;
  }

  double size() const { return static_cast<double>(index_.size()); }
  int gridLevel(double zoom) const { return index_.gridLevel(zoom); }

 private:
  static bhabin::cluster::ClusterSettings settingsOf(double radiusPx, double tileSizePx, bool clipToViewport) {
    bhabin::cluster::ClusterSettings settings;
    settings.edgeCells = clipToViewport ? bhabin::cluster::EdgeCells::Clip : bhabin::cluster::EdgeCells::Whole;
    if (radiusPx > 0.0) settings.radiusPx = radiusPx;
    if (tileSizePx > 0.0) settings.tileSizePx = tileSizePx;
    return settings;
  }

  bhabin::cluster::ClusterIndex index_;
  bhabin::cluster::Clusters clusters_;
};

}  // namespace

EMSCRIPTEN_BINDINGS(bhabin_cluster) {
  emscripten::class_<ClusterIndexJs>("ClusterIndex")
      .constructor<double, double, bool>()
      .function("build", &ClusterIndexJs::build)
      .function("query", &ClusterIndexJs::query)
      .function("size", &ClusterIndexJs::size)
      .function("gridLevel", &ClusterIndexJs::gridLevel);
}
