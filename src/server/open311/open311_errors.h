// Open311's errors: the standard answers every failure with a list of {code, description}. This file holds
// the problems only Open311 has (its api_key, its parameters) and turns the API's own errors into entries,
// with descriptions in the caller's language.
#pragma once

#include <stdexcept>
#include <string>
#include <vector>

#include "core/i18n/catalog.h"
#include "server/api/api_error.h"

namespace bhabin::server::open311 {

enum class Problem {
  ApiKeyInvalid,     // api_key missing or wrong
  PositionRequired,  // lat/long missing: we cannot place an address_string
  NotANumber,        // lat or long is not a finite number
  UnknownService,
  UnknownRequest,
  InvalidDate,       // start_date or end_date not in the W3C format
  InvalidDateRange,  // end before start, or more than the standard's 90 days
  InvalidStatus,     // a status other than open/closed
};

class Open311Error : public std::runtime_error {
 public:
  // `subject`, when given, names the parameter at fault and starts the description ("start_date: ...").
  Open311Error(int httpStatus, Problem problem, std::string subject = {})
      : std::runtime_error("open311 error"), httpStatus_(httpStatus), problem_(problem), subject_(std::move(subject)) {}

  int httpStatus() const { return httpStatus_; }
  std::string description(i18n::Language language) const;

 private:
  int httpStatus_;
  Problem problem_;
  std::string subject_;
};

struct ErrorEntry {
  int code = 400;
  std::string description;
};

struct ErrorAnswer {
  int httpStatus = 400;
  std::vector<ErrorEntry> entries;
};

ErrorAnswer errorAnswer(const Open311Error& error, i18n::Language language);
// invalid_form becomes 400 with one entry per field, named as the Open311 client named it ("lat: ...");
// other errors keep their status where the standard knows it (403, 404, 429, 5xx) and are 400 otherwise.
ErrorAnswer errorAnswer(const api::ApiError& error, i18n::Language language);

}  // namespace bhabin::server::open311
