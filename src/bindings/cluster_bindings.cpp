// JavaScript API of core/cluster (documented in ARCHITECTURE.md, "Map clustering from JavaScript"):
//
//   const index = new Module.ClusterIndex(radiusPx, tileSizePx, clipToViewport);
//   index.build(lats /*Float64Array*/, lons /*Float64Array*/, ids /*Uint32Array, optional*/);  // count or -1
//   const n = index.query(south, west, north, east, zoom);  // the number of clusters
//   index.lat(), index.lon() /*Float64Array*/, index.count(), index.id() /*Uint32Array*/  // views; first n
//   index.gridLevel(zoom), index.size()
//   index.delete()                                          // embind objects are freed by hand
//
// A query answers with a number only: the clusters are in four columns of WebAssembly memory, read through
// typed-array views that stay valid across queries, so a query creates no JavaScript object. The columns have
// room for one cluster per indexed point (the most a query can return), reserved by build, so they never move
// between builds. Take the views again after a build, and when the module's memory grew (then
// view.buffer !== Module.HEAPU8.buffer and the old views are empty). Entries from n on are stale. id is
// 4294967295 for clusters of two or more. Copy (slice) what must be kept past the next query.
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

// A view of a column's whole reserved room, so it stays the same view whatever a query returns.
template <typename T>
val columnView(const std::vector<T>& column) {
  return val(emscripten::typed_memory_view(column.capacity(), column.data()));
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
    reserveColumns();
    return static_cast<double>(index_.size());
  }

  // Fills the columns; they never grow past the room build reserved, so views taken before stay valid.
  double query(double southDeg, double westDeg, double northDeg, double eastDeg, double zoom) {
    index_.query({southDeg, westDeg, northDeg, eastDeg}, zoom, clusters_);
    return static_cast<double>(clusters_.size());
  }

  val lat() const { return columnView(clusters_.latDeg); }
  val lon() const { return columnView(clusters_.lonDeg); }
  val count() const { return columnView(clusters_.count); }
  val id() const { return columnView(clusters_.id); }

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

  // Every cluster holds at least one point, so room for one per point is room for any query's answer. The
  // room only grows: rebuilding with as many points or fewer allocates nothing.
  void reserveColumns() {
    const std::size_t room = index_.size();
    clusters_.latDeg.reserve(room);
    clusters_.lonDeg.reserve(room);
    clusters_.count.reserve(room);
    clusters_.id.reserve(room);
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
      .function("lat", &ClusterIndexJs::lat)
      .function("lon", &ClusterIndexJs::lon)
      .function("count", &ClusterIndexJs::count)
      .function("id", &ClusterIndexJs::id)
      .function("size", &ClusterIndexJs::size)
      .function("gridLevel", &ClusterIndexJs::gridLevel);
}
