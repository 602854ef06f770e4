#include "server/open311/open311_routes.h"

#include <httplib.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <functional>
#include <iostream>
#include <set>
#include <variant>

#include "core/report/category.h"
#include "core/tracking/tracking_code.h"
#include "server/api/api_error.h"
#include "server/auth/crypto.h"
#include "server/http/api_handler.h"
#include "server/http/api_routes.h"
#include "server/json/json_body.h"
#include "server/open311/open311_errors.h"
#include "server/open311/open311_form.h"
#include "server/open311/open311_views.h"
#include "server/open311/w3c_datetime.h"
#include "server/storage/open311_rows.h"

namespace bhabin::server::open311 {

namespace {

constexpr const char* kBase = "/open311/v2";
constexpr const char* kFormat = R"((?:\.(json|xml))?)";  // always a route's last group
constexpr const char* kServiceCodePath = "([^/.]{1,64})";
constexpr const char* kRequestIdPath = "([0-9A-Za-z-]{1,40})";
constexpr std::int64_t kWindowMs = 90LL * 24 * 60 * 60 * 1000;  // the standard's default and widest range
constexpr std::size_t kIdempotencyKeyBytes = 18;                 // 24 URL-safe characters

struct Call {
  const httplib::Request& request;
  const httplib::Params& params;  // the query's, and for a POST the form's too
  i18n::Language language;
};

struct Answer {
  int httpStatus;
  Document document;
};

using Handler = std::function<Answer(const Call&)>;

// What every endpoint needs besides the API's services.
struct Settings {
  std::string apiKey;
  std::string fallbackHost;  // when a request's Host header is missing or not a host name
};

// Query and form parameters alike; empty when absent.
std::string param(const httplib::Params& params, const char* name) {
  const auto found = params.find(name);
  return found == params.end() ? std::string() : found->second;
}

std::string param(const Call& call, const char* name) { return param(call.params, name); }

// The API's rule (?lang=en, Accept-Language), after the locale parameter Open311 clients send.
i18n::Language open311Language(const httplib::Request& request, const httplib::Params& params) {
  if (params.count("locale") == 0) return http::requestLanguage(request);
  return param(params, "locale").rfind("en", 0) == 0 ? i18n::Language::English : i18n::Language::Indonesian;
}

Answer failure(const ErrorAnswer& error) { return {error.httpStatus, errorsDocument(error.entries)}; }

Answer answerOrFailure(const Handler& handler, const Call& call, httplib::Response& response) {
  try {
    return handler(call);
  } catch (const Open311Error& error) {
    return failure(errorAnswer(error, call.language));
  } catch (const api::ApiError& error) {
    if (error.retryAfterSeconds() > 0) response.set_header("Retry-After", std::to_string(error.retryAfterSeconds()));
    return failure(errorAnswer(error, call.language));
  } catch (const storage::DatabaseError& error) {
    const bool transient = error.kind() == storage::DatabaseErrorKind::Busy || error.kind() == storage::DatabaseErrorKind::Unavailable;
    std::clog << "error path=" << call.request.path << " database: " << error.what() << '\n';
    const api::ApiError answer = transient ? api::ApiError::serverBusy() : api::ApiError(500, "internal_error");
    if (transient) response.set_header("Retry-After", std::to_string(answer.retryAfterSeconds()));
    return failure(errorAnswer(answer, call.language));
  } catch (const std::exception& error) {
    std::clog << "error path=" << call.request.path << ": " << error.what() << '\n';
    return failure(errorAnswer(api::ApiError(500, "internal_error"), call.language));
  }
}

void respond(const Handler& handler, const httplib::Request& request, const httplib::Params& params,
             httplib::Response& response) {
  // The format is always the route's last group.
  const Format format = formatFromExtension(request.matches[request.matches.size() - 1].str());
  const Call call{request, params, open311Language(request, params)};
  response.set_header("Cache-Control", "no-store");
  const Answer answer = answerOrFailure(handler, call, response);
  response.status = answer.httpStatus;
  response.set_content(encode(answer.document.body, answer.document.rootName, format), contentType(format));
}

httplib::Server::Handler open311Endpoint(Handler handler) {
  return [handler = std::move(handler)](const httplib::Request& request, httplib::Response& response) {
    respond(handler, request, request.params, response);
  };
}

// httplib parses a form body itself only up to 8 KiB and answers a longer one with a bare 413, which a
// 4,000-character description in non-Latin letters exceeds; so the form is read here, within the server's
// payload limit.
httplib::Server::HandlerWithContentReader open311FormEndpoint(Handler handler) {
  return [handler = std::move(handler)](const httplib::Request& request, httplib::Response& response,
                                        const httplib::ContentReader& reader) {
    std::string body;
    const bool whole = reader([&body](const char* data, std::size_t length) {
      body.append(data, length);
      return true;
    });
    httplib::Params params = request.params;
    httplib::detail::parse_query_text(body, params);
    respond([&](const Call& call) {
      if (!whole) throw api::ApiError(413, "body_too_large");
      return handler(call);
    }, request, params, response);
  };
}

// Reports are about crime and carry positions, so unlike the standard's defaults even reading needs the key.
void requireApiKey(const Call& call, const Settings& settings) {
  if (settings.apiKey.empty() || !auth::constantTimeEquals(param(call, "api_key"), settings.apiKey)) {
    throw Open311Error(403, Problem::ApiKeyInvalid);
  }
}

// This endpoint's URL as the client reached it. A Host header with characters no host name has is replaced,
// so the document always holds a plain URL.
std::string baseUrl(const Call& call, const Settings& settings) {
  std::string host = call.request.get_header_value("Host");
  const bool plain = !host.empty() && std::all_of(host.begin(), host.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '-' || c == ':' || c == '[' || c == ']';
  });
  if (!plain) host = settings.fallbackHost;
  const std::string scheme = call.request.get_header_value("X-Forwarded-Proto") == "https" ? "https" : "http";
  return scheme + "://" + host + kBase;
}

double numberParam(const Call& call, const char* name) {
  const std::string text = param(call, name);
  char* end = nullptr;
  const double value = std::strtod(text.c_str(), &end);
  if (*end != '\0' || !std::isfinite(value)) throw Open311Error(400, Problem::NotANumber, name);
  return value;
}

// email and media_url are dropped because a report keeps only a name and a phone number; device_id and
// account_id identify the client's own users, whom we do not follow.
PostedRequest postedRequest(const Call& call) {
  if (param(call, "lat").empty() || param(call, "long").empty()) throw Open311Error(400, Problem::PositionRequired);
  return {param(call, "service_code"), numberParam(call, "lat"), numberParam(call, "long"), param(call, "description"),
          param(call, "first_name"),   param(call, "last_name"),  param(call, "phone")};
}

Answer postRequest(const Call& call, http::ApiServices& services, const Settings& settings) {
  requireApiKey(call, settings);
  service::Backend& backend = services.backend;
  const std::string body = reportFormJson(postedRequest(call), backend.now(), backend.settings().validation);
  // Open311 has no idempotency header, so every POST files one report, under a key of its own.
  const service::StoredAnswer created =
      services.reports.create({body, auth::randomToken(kIdempotencyKeyBytes), call.request.remote_addr});
  // Only the tracking code goes back, never the secret that opens the report at /api/v1/track: the Open311
  // client stands between us and the citizen, and the secret would show it the officers' notes. The
  // standard's `token` is for servers that cannot name a request at once, which we always can.
  return {200, createdDocument(json::JsonBody::parse(created.json).text("trackingCode").value(), call.language)};
}

std::vector<std::string> commaList(const std::string& text) {
  std::vector<std::string> items;
  std::size_t start = 0;
  while (start <= text.size()) {
    const std::size_t end = std::min(text.find(',', start), text.size());
    if (end > start) items.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  return items;
}

std::vector<std::string> trackingCodes(const std::string& ids) {
  std::set<std::string> codes;
  for (const std::string& typed : commaList(ids)) {
    const auto parsed = tracking::parseTrackingCode(typed);
    const auto* code = std::get_if<tracking::TrackingCode>(&parsed);
    if (!code) throw api::ApiError(400, "invalid_tracking_code", typed);
    codes.insert(code->text);
  }
  return {codes.begin(), codes.end()};
}

std::vector<std::string> categoryCodes(const std::string& serviceCodes) {
  std::set<std::string> codes;
  for (const std::string& typed : commaList(serviceCodes)) {
    const auto category = report::categoryFromCode(typed);
    if (!category) throw Open311Error(400, Problem::UnknownService, "service_code");
    codes.insert(std::string(report::categoryCode(*category)));
  }
  return {codes.begin(), codes.end()};
}

// Open311's open and closed as our statuses: resolved and rejected are closed, everything else is open.
std::vector<std::string> statusCodes(const std::string& statuses) {
  std::set<std::string> codes;
  for (const std::string& typed : commaList(statuses)) {
    if (typed != "open" && typed != "closed") throw Open311Error(400, Problem::InvalidStatus, "status");
    for (const report::Status status : report::kAllStatuses) {
      if (report::isFinal(status) == (typed == "closed")) codes.insert(std::string(report::statusCode(status)));
    }
  }
  return {codes.begin(), codes.end()};
}

std::optional<std::int64_t> dateParam(const Call& call, const char* name) {
  const std::string text = param(call, name);
  if (text.empty()) return std::nullopt;
  const auto parsed = parseW3cDateTime(text);
  if (!parsed) throw Open311Error(400, Problem::InvalidDate, name);
  return parsed;
}

// The standard's window: the latest 90 days unless given, and never wider.
void setWindow(const Call& call, std::int64_t nowUnixMs, storage::Open311Filter& filter) {
  const auto start = dateParam(call, "start_date");
  const auto end = dateParam(call, "end_date");
  const std::int64_t to = end ? *end : (start ? *start + kWindowMs : nowUnixMs);
  const std::int64_t from = start ? *start : to - kWindowMs;
  if (from > to || to - from > kWindowMs) throw Open311Error(400, Problem::InvalidDateRange);
  filter.createdFromUnixMs = from;
  filter.createdToUnixMs = to;
}

storage::Open311Filter listFilter(const Call& call, std::int64_t nowUnixMs) {
  storage::Open311Filter filter;
  const std::string ids = param(call, "service_request_id");
  if (!ids.empty()) {
    // The standard: service_request_id overrides every other argument.
    filter.trackingCodes = trackingCodes(ids);
    return filter;
  }
  filter.categories = categoryCodes(param(call, "service_code"));
  filter.statuses = statusCodes(param(call, "status"));
  setWindow(call, nowUnixMs, filter);
  return filter;
}

std::vector<storage::StoredReport> findReports(http::ApiServices& services, const storage::Open311Filter& filter) {
  return storage::inTransaction(services.backend.pool(), storage::Durability::Relaxed,
                                [&](storage::Connection& connection) { return storage::reportsForOpen311(connection, filter); });
}

Answer listRequests(const Call& call, http::ApiServices& services, const Settings& settings) {
  requireApiKey(call, settings);
  return {200, requestsDocument(findReports(services, listFilter(call, services.backend.now())), call.language)};
}

Answer oneRequest(const Call& call, http::ApiServices& services, const Settings& settings) {
  requireApiKey(call, settings);
  const auto parsed = tracking::parseTrackingCode(call.request.matches[1].str());
  const auto* code = std::get_if<tracking::TrackingCode>(&parsed);
  if (!code) throw Open311Error(404, Problem::UnknownRequest);
  storage::Open311Filter filter;
  filter.trackingCodes = {code->text};
  const auto reports = findReports(services, filter);
  if (reports.empty()) throw Open311Error(404, Problem::UnknownRequest);
  return {200, requestsDocument(reports, call.language)};
}

Answer serviceDefinition(const Call& call) {
  const std::string code = call.request.matches[1].str();
  if (!report::categoryFromCode(code)) throw Open311Error(404, Problem::UnknownService);
  return {200, serviceDefinitionDocument(code)};
}

}  // namespace

void registerOpen311Routes(httplib::Server& server, http::ApiServices& services, const ServerConfig& config) {
  const Settings settings{config.open311ApiKey, config.host + ":" + std::to_string(config.port)};
  const std::string base = kBase;
  server.Get(base + "/discovery" + kFormat, open311Endpoint([settings](const Call& call) {
               return Answer{200, discoveryDocument(baseUrl(call, settings), call.language)};
             }));
  server.Get(base + "/services" + kFormat,
             open311Endpoint([](const Call& call) { return Answer{200, servicesDocument(call.language)}; }));
  server.Get(base + "/services/" + kServiceCodePath + kFormat, open311Endpoint(serviceDefinition));
  server.Post(base + "/requests" + kFormat, open311FormEndpoint([&services, settings](const Call& call) {
                return postRequest(call, services, settings);
              }));
  server.Get(base + "/requests" + kFormat, open311Endpoint([&services, settings](const Call& call) {
               return listRequests(call, services, settings);
             }));
  server.Get(base + "/requests/" + kRequestIdPath + kFormat, open311Endpoint([&services, settings](const Call& call) {
               return oneRequest(call, services, settings);
             }));
}

}  // namespace bhabin::server::open311
