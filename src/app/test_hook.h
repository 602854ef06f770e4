// What browser tests can observe of the running app, published on `window.bhabinTest`:
//   ready, firstFrameMs (milliseconds from navigation to the first frame), frames, error (string | null),
//   mapClicks, lastMapClick {lat, lng} | null,
//   lastExternalUrl (the last tel:/WhatsApp link opened), lastCopiedText (the last text put on the clipboard),
//   lastDownloadUrl (the last file asked for through Platform::download),
//   widgets() → [{id, x, y, width, height}] — the tagged widgets of the last frame (src/ui/widget_tags.h),
//               in CSS pixels of the page, for pressing real pointer and keyboard events at them,
//   state()   → the app's state as JSON (see src/app/main.cpp, appState), for asserting what the user sees.
// Tests read; they never call into the app.
#pragma once

#include <functional>
#include <string>

#include "core/geo/lat_lon.h"

namespace bhabin::app::test_hook {

void install(std::function<std::string()> stateJson);
void publishReady();
void publishMapClick(const geo::LatLon& position, int clickCount);
void publishFrameCount(int frames);
void publishError(const std::string& message);
void publishExternalUrl(const std::string& url);
void publishCopiedText(const std::string& text);
void publishDownloadUrl(const std::string& url);

}  // namespace bhabin::app::test_hook
