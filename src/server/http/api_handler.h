// The frame around every API endpoint: the caller's language, the session cookie, JSON-only writes (a form
// on another site cannot post JSON, which with SameSite=Strict cookies closes cross-site request forgery),
// and errors turned into {"error":{code,message,fields}} answers with the right status and Retry-After.
#pragma once

#include <functional>
#include <string>

#include "core/i18n/catalog.h"
#include "server/service/accounts.h"

namespace httplib {
struct Request;
struct Response;
class Server;
}  // namespace httplib

namespace bhabin::server::http {

inline constexpr const char* kSessionCookie = "__Host-bhabin_session";
inline constexpr const char* kJsonType = "application/json";
// A tracking code in a route, as people may type it (the service parses and checks it).
inline constexpr const char* kTrackingCodePath = "([0-9A-Za-z-]{1,40})";

struct Call {
  const httplib::Request& request;
  httplib::Response& response;
  i18n::Language language;
  std::string clientAddress;
};

// Indonesian unless ?lang=en or Accept-Language prefers English.
i18n::Language requestLanguage(const httplib::Request& request);
// The session token from the Cookie header; empty when there is none.
std::string sessionToken(const httplib::Request& request);
std::string sessionCookie(const std::string& token, std::int64_t maxAgeSeconds);
std::string expiredSessionCookie();

using Endpoint = std::function<void(Call&)>;

// Wraps `endpoint` so that every answer is JSON, never cached, and every failure is an error answer.
// `jsonBody`: the request must declare Content-Type application/json (415 otherwise).
std::function<void(const httplib::Request&, httplib::Response&)> apiEndpoint(Endpoint endpoint, bool jsonBody = false);

void sendJson(Call& call, int status, const std::string& json);

// Errors httplib answers by itself under /api/ (no such route, an unreadable request, a body over its limit)
// become the same JSON error answers as an endpoint's, so API clients always get JSON.
void answerApiErrorsAsJson(httplib::Server& server);

// A connection over the server's limits (ConnectionQueue) gets 503 server_busy with Retry-After before any
// route or database work: JSON under /api/, an empty body elsewhere.
void refuseConnectionsOverTheLimits(httplib::Server& server);

// The query parameter `name`, or nothing; a value over 256 bytes is an invalid_parameter error.
std::optional<std::string> queryParam(const Call& call, const char* name);
double requiredNumberParam(const Call& call, const char* name);

}  // namespace bhabin::server::http
