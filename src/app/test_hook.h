// What the browser tests can observe of the running app, published on `window.bhabinTest`:
// { ready, frames, mapClicks, lastMapClick: {lat, lng} | null, error: string | null }.
#pragma once

#include <string>

#include "core/geo/lat_lon.h"

namespace bhabin::app::test_hook {

void publishReady();
void publishMapClick(const geo::LatLon& position, int clickCount);
void publishFrameCount(int frames);
void publishError(const std::string& message);

}  // namespace bhabin::app::test_hook
