#include "server/http/api_handler.h"

#include "server/http/compressed_answer.h"
#include "server/http/connection_queue.h"
#include "server/http/paced_http_server.h"

#include <httplib.h>

#include <cmath>
#include <iostream>

#include "server/api/api_error.h"
#include "server/json/json_writer.h"
#include "server/storage/database.h"

namespace bhabin::server::http {

namespace {

constexpr std::size_t kMaxParamBytes = 256;
constexpr std::size_t kMaxJsonBodyBytes = 1 << 20;  // the server takes up to 6 MiB, for photos

std::string errorJson(const Call& call, const api::ApiError& error) {
  json::JsonWriter out;
  out.beginObject().key("error").beginObject();
  out.member("code", error.code()).member("message", api::errorMessage(error.code(), call.language));
  if (!error.detail().empty()) out.member("detail", error.detail());
  out.key("fields").beginArray();
  for (const report::ValidationError& field : error.fields()) {
    out.beginObject()
        .member("field", field.field)
        .member("code", report::errorCodeName(field.code))
        .member("message", field.message(call.language))
        .endObject();
  }
  out.endArray().endObject().endObject();
  return out.str();
}

void sendError(Call& call, const api::ApiError& error) {
  if (error.retryAfterSeconds() > 0) call.response.set_header("Retry-After", std::to_string(error.retryAfterSeconds()));
  sendJson(call, error.httpStatus(), errorJson(call, error));
}

std::string errorCodeForStatus(int status) {
  switch (status) {
    case 404: return "not_found";
    case 408: return "request_timeout";
    case 413: return "body_too_large";
    case 415: return "unsupported_media_type";
    case 503: return "server_busy";
    default: return status >= 500 ? "internal_error" : "bad_request";
  }
}

bool isJsonContentType(const httplib::Request& request) {
  const std::string type = request.get_header_value("Content-Type");
  return type == kJsonType || type.rfind(std::string(kJsonType) + ";", 0) == 0;
}

}  // namespace

i18n::Language requestLanguage(const httplib::Request& request) {
  if (request.has_param("lang")) {
    return request.get_param_value("lang") == "en" ? i18n::Language::English : i18n::Language::Indonesian;
  }
  const std::string accept = request.get_header_value("Accept-Language");
  return accept.rfind("en", 0) == 0 ? i18n::Language::English : i18n::Language::Indonesian;
}

std::string sessionToken(const httplib::Request& request) {
  const std::string cookies = request.get_header_value("Cookie");
  const std::string prefix = std::string(kSessionCookie) + "=";
  std::size_t start = 0;
  while (start < cookies.size()) {
    std::size_t end = cookies.find(';', start);
    if (end == std::string::npos) end = cookies.size();
    std::size_t first = start;
    while (first < end && cookies[first] == ' ') ++first;
    if (cookies.compare(first, prefix.size(), prefix) == 0) return cookies.substr(first + prefix.size(), end - first - prefix.size());
    start = end + 1;
  }
  return {};
}

std::string sessionCookie(const std::string& token, std::int64_t maxAgeSeconds) {
  return std::string(kSessionCookie) + "=" + token + "; Path=/; Secure; HttpOnly; SameSite=Strict; Max-Age=" +
         std::to_string(maxAgeSeconds);
}

std::string expiredSessionCookie() { return sessionCookie("", 0); }

void sendJson(Call& call, int status, const std::string& json) {
  call.response.status = status;
  sendFreshBody(call.request, call.response, kJsonAnswerType, json);
}

void answerApiErrorsAsJson(httplib::Server& server) {
  server.set_error_handler(httplib::Server::HandlerWithResponse([](const httplib::Request& request, httplib::Response& response) {
    if (response.status == 400 && PacedHttpServer::answeringARequestBehindPace()) response.status = 408;
    if (!response.body.empty() || request.path.rfind("/api/", 0) != 0) return httplib::Server::HandlerResponse::Unhandled;
    Call call{request, response, requestLanguage(request), request.remote_addr};
    response.set_header("Cache-Control", "no-store");
    response.set_content(errorJson(call, api::ApiError(response.status, errorCodeForStatus(response.status))), kJsonAnswerType);
    // Not "Handled": httplib 0.11 applies the request's Range header to answers its error handler handled,
    // and an unreadable Range (416) would cut this JSON into pieces. Unhandled, the answer goes out whole,
    // but httplib then leaves its length to us (it sets Content-Length while applying ranges).
    response.set_header("Content-Length", std::to_string(response.body.size()));
    return httplib::Server::HandlerResponse::Unhandled;
  }));
}

void refuseConnectionsOverTheLimits(httplib::Server& server) {
  server.set_pre_routing_handler([](const httplib::Request& request, httplib::Response& response) {
    if (!ConnectionQueue::refusingThisConnection()) return httplib::Server::HandlerResponse::Unhandled;
    Call call{request, response, requestLanguage(request), request.remote_addr};
    const api::ApiError busy = api::ApiError::serverBusy();
    if (request.path.rfind("/api/", 0) == 0) {
      response.set_header("Cache-Control", "no-store");
      sendError(call, busy);
    } else {
      response.status = busy.httpStatus();
      response.set_header("Retry-After", std::to_string(busy.retryAfterSeconds()));
    }
    return httplib::Server::HandlerResponse::Handled;
  });
}

std::optional<std::string> queryParam(const Call& call, const char* name) {
  if (!call.request.has_param(name)) return std::nullopt;
  std::string value = call.request.get_param_value(name);
  if (value.size() > kMaxParamBytes) throw api::ApiError(400, "invalid_parameter", std::string(name) + " is too long");
  return value;
}

double requiredNumberParam(const Call& call, const char* name) {
  const auto text = queryParam(call, name);
  if (!text) throw api::ApiError(400, "invalid_parameter", std::string(name) + " is required");
  char* end = nullptr;
  const double value = std::strtod(text->c_str(), &end);
  if (text->empty() || *end != '\0' || !std::isfinite(value)) {
    throw api::ApiError(400, "invalid_parameter", std::string(name) + " must be a finite number");
  }
  return value;
}

std::function<void(const httplib::Request&, httplib::Response&)> apiEndpoint(Endpoint endpoint, bool jsonBody) {
  return [endpoint = std::move(endpoint), jsonBody](const httplib::Request& request, httplib::Response& response) {
    Call call{request, response, requestLanguage(request), request.remote_addr};
    response.set_header("Cache-Control", "no-store");
    try {
      if (jsonBody && !isJsonContentType(request)) throw api::ApiError(415, "unsupported_media_type", "send application/json");
      if (jsonBody && request.body.size() > kMaxJsonBodyBytes) throw api::ApiError(413, "body_too_large");
      endpoint(call);
    } catch (const api::ApiError& error) {
      sendError(call, error);
    } catch (const storage::DatabaseError& error) {
      const bool transient = error.kind() == storage::DatabaseErrorKind::Busy || error.kind() == storage::DatabaseErrorKind::Unavailable;
      std::clog << "error path=" << request.path << " database: " << error.what() << '\n';
      sendError(call, transient ? api::ApiError::serverBusy() : api::ApiError(500, "internal_error"));
    } catch (const std::exception& error) {
      std::clog << "error path=" << request.path << ": " << error.what() << '\n';
      sendError(call, api::ApiError(500, "internal_error"));
    }
  };
}

}  // namespace bhabin::server::http
