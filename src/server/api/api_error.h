// What an API call answers when it cannot do what was asked: an HTTP status, a stable code for programs,
// a message for people in the caller's language, and for forms the field errors from the core's validators.
#pragma once

#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "core/i18n/catalog.h"
#include "core/report/validation_error.h"

namespace bhabin::server::api {

// How long a client is asked to wait after 503 server_busy: long enough for a queue of requests to drain,
// short enough that a citizen's report still goes out within seconds.
inline constexpr int kBusyRetryAfterSeconds = 2;

class ApiError : public std::runtime_error {
 public:
  // `code` must be one of the codes in errorMessage(); `detail` (English) adds specifics for developers.
  ApiError(int httpStatus, std::string code, std::string detail = {})
      : std::runtime_error(code + (detail.empty() ? "" : ": " + detail)),
        httpStatus_(httpStatus),
        code_(std::move(code)),
        detail_(std::move(detail)) {}

  static ApiError invalidForm(std::vector<report::ValidationError> fields) {
    ApiError error(422, "invalid_form");
    error.fields_ = std::move(fields);
    return error;
  }
  static ApiError serverBusy() {
    ApiError error(503, "server_busy");
    error.retryAfterSeconds_ = kBusyRetryAfterSeconds;
    return error;
  }
  static ApiError tooManyRequests(int retryAfterSeconds) {
    ApiError error(429, "too_many_requests");
    error.retryAfterSeconds_ = retryAfterSeconds;
    return error;
  }

  int httpStatus() const { return httpStatus_; }
  const std::string& code() const { return code_; }
  const std::string& detail() const { return detail_; }
  const std::vector<report::ValidationError>& fields() const { return fields_; }
  int retryAfterSeconds() const { return retryAfterSeconds_; }

 private:
  int httpStatus_;
  std::string code_;
  std::string detail_;
  std::vector<report::ValidationError> fields_;
  int retryAfterSeconds_ = 0;
};

// The sentence for an error code, in Indonesian or English; every code the API uses has both.
std::string_view errorMessage(std::string_view code, i18n::Language language);
// Every code errorMessage() knows, for the test that checks both languages are complete.
std::vector<std::string_view> knownErrorCodes();

}  // namespace bhabin::server::api
