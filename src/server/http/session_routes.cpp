// Logging in and out and changing the password. The session token travels only in a __Host- cookie
// (Secure, HttpOnly, SameSite=Strict): page scripts never see it.
#include <httplib.h>

#include "server/api/api_error.h"
#include "server/http/api_handler.h"
#include "server/http/api_routes.h"
#include "server/json/json_body.h"
#include "server/json/json_writer.h"

namespace bhabin::server::http {

namespace {

std::string accountJson(const storage::Account& account) {
  json::JsonWriter out;
  out.beginObject()
      .member("nrp", account.nrp)
      .member("name", account.name)
      .member("role", storage::accountRoleCode(account.role))
      .member("areaCode", account.areaCode)
      .endObject();
  return out.str();
}

void startSession(Call& call, const service::LoginResult& login, std::int64_t nowUnixMs) {
  call.response.set_header("Set-Cookie", sessionCookie(login.token, (login.expiresAtUnixMs - nowUnixMs) / 1000));
  sendJson(call, 200, accountJson(login.account));
}

std::string requiredText(const json::JsonBody& body, const char* member) {
  auto value = body.text(member);
  if (!value || value->empty()) throw api::ApiError::invalidForm({{member, report::ErrorCode::Required}});
  return *value;
}

}  // namespace

void registerSessionRoutes(httplib::Server& server, ApiServices& services) {
  server.Post("/api/v1/session", apiEndpoint([&services](Call& call) {
                const auto body = json::JsonBody::parse(call.request.body);
                const auto login = services.accounts.login(requiredText(body, "nrp"), requiredText(body, "password"),
                                                           call.clientAddress);
                startSession(call, login, services.backend.now());
              }, true));
  server.Delete("/api/v1/session", apiEndpoint([&services](Call& call) {
                  services.accounts.logout(services.accounts.authenticate(sessionToken(call.request)));
                  call.response.set_header("Set-Cookie", expiredSessionCookie());
                  sendJson(call, 200, R"({"loggedOut":true})");
                }));
  server.Get("/api/v1/session", apiEndpoint([&services](Call& call) {
               sendJson(call, 200, accountJson(services.accounts.authenticate(sessionToken(call.request)).account));
             }));
  server.Post("/api/v1/session/password", apiEndpoint([&services](Call& call) {
                const auto principal = services.accounts.authenticate(sessionToken(call.request));
                const auto body = json::JsonBody::parse(call.request.body);
                const auto login = services.accounts.changePassword(principal, requiredText(body, "currentPassword"),
                                                                    requiredText(body, "newPassword"));
                startSession(call, login, services.backend.now());
              }, true));
}

}  // namespace bhabin::server::http
