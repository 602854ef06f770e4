// Photos: citizens upload one before filing a report, with no login; logged-in staff view it.
#include <httplib.h>

#include <memory>

#include "server/http/api_handler.h"
#include "server/http/api_routes.h"
#include "server/json/json_writer.h"
#include "server/service/photos.h"

namespace bhabin::server::http {

namespace {

void upload(Call& call, service::Photos& photos) {
  const auto uploaded = photos.upload({call.request.body, call.request.get_header_value("Content-Type"), call.clientAddress});
  json::JsonWriter out;
  out.beginObject()
      .member("photoRef", uploaded.ref)
      .member("mediaType", uploaded.mediaType)
      .member("bytes", uploaded.bytes)
      .endObject();
  sendJson(call, 201, out.str());
}

void view(Call& call, ApiServices& services, service::Photos& photos) {
  // Any staff member: refs cannot be guessed, and staff learn them from the reports they may see.
  services.accounts.authenticate(sessionToken(call.request));
  const storage::PhotoRow photo = photos.find(call.request.matches[1]);
  // A photo never changes under its ref, so the browser may keep it for a day, but only for this user.
  call.response.headers.erase("Cache-Control");
  call.response.set_header("Cache-Control", "private, max-age=86400");
  call.response.set_header("Content-Disposition", "inline");
  call.response.status = 200;
  call.response.set_content(photo.bytes, photo.mediaType);
}

}  // namespace

void registerPhotoRoutes(httplib::Server& server, ApiServices& services) {
  auto photos = std::make_shared<service::Photos>(services.backend);
  // The body is the image itself, not JSON. That opens no door to cross-site requests: an HTML form cannot
  // send image/*, and a script on another site needs a CORS preflight, which this server never approves.
  server.Post("/api/v1/photos", apiEndpoint([photos](Call& call) { upload(call, *photos); }));
  server.Get("/api/v1/photos/([^/]{1,128})", apiEndpoint([&services, photos](Call& call) { view(call, services, *photos); }));
}

}  // namespace bhabin::server::http
