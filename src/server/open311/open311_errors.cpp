#include "server/open311/open311_errors.h"

#include <algorithm>
#include <string_view>

namespace bhabin::server::open311 {

namespace {

struct Message {
  std::string_view indonesian;
  std::string_view english;
};

// A switch, so a new problem without a message does not compile quietly (-Wswitch).
Message messageFor(Problem problem) {
  switch (problem) {
    case Problem::ApiKeyInvalid: return {"api_key tidak ada atau salah.", "The api_key is missing or wrong."};
    case Problem::PositionRequired:
      return {"lat dan long wajib diisi; alamat saja tidak cukup untuk menentukan petugas.",
              "lat and long are required; an address alone cannot tell which officer is responsible."};
    case Problem::NotANumber: return {"Harus berupa angka.", "Must be a number."};
    case Problem::UnknownService: return {"Jenis layanan (service_code) tidak dikenal.", "Unknown service_code."};
    case Problem::UnknownRequest: return {"Permintaan layanan tidak ditemukan.", "No such service request."};
    case Problem::InvalidDate:
      return {"Tanggal harus berformat W3C, misalnya 2026-11-27T10:00:00Z.",
              "The date must be in W3C format, e.g. 2026-11-27T10:00:00Z."};
    case Problem::InvalidDateRange:
      return {"end_date harus setelah start_date, paling lama 90 hari.", "end_date must follow start_date, at most 90 days later."};
    case Problem::InvalidStatus: return {"Status harus open atau closed.", "The status must be open or closed."};
  }
  return {"Permintaan tidak sah.", "Invalid request."};
}

// Our report form's fields under the names the Open311 client used; the title is cut from its description.
std::string_view clientFieldName(std::string_view field) {
  if (field == "category") return "service_code";
  if (field == "title") return "description";
  if (field == "latDeg") return "lat";
  if (field == "lonDeg") return "long";
  if (field == "position" || field == "villageCode") return "lat/long";
  if (field == "reporterName") return "first_name/last_name";
  if (field == "reporterPhone") return "phone";
  return field;
}

int standardStatus(int httpStatus) {
  if (httpStatus >= 500 || httpStatus == 403 || httpStatus == 404 || httpStatus == 429) return httpStatus;
  return 400;
}

}  // namespace

std::string Open311Error::description(i18n::Language language) const {
  const Message message = messageFor(problem_);
  const std::string text(language == i18n::Language::Indonesian ? message.indonesian : message.english);
  return subject_.empty() ? text : subject_ + ": " + text;
}

ErrorAnswer errorAnswer(const Open311Error& error, i18n::Language language) {
  return {error.httpStatus(), {{error.httpStatus(), error.description(language)}}};
}

ErrorAnswer errorAnswer(const api::ApiError& error, i18n::Language language) {
  if (error.code() == "invalid_form") {
    ErrorAnswer answer{400, {}};
    for (const report::ValidationError& field : error.fields()) {
      const std::string description = std::string(clientFieldName(field.field)) + ": " + std::string(field.message(language));
      // The title and the description both come from `description`: one problem, told once.
      const bool told = std::any_of(answer.entries.begin(), answer.entries.end(),
                                    [&](const ErrorEntry& entry) { return entry.description == description; });
      if (!told) answer.entries.push_back({400, description});
    }
    return answer;
  }
  const int status = standardStatus(error.httpStatus());
  std::string description(api::errorMessage(error.code(), language));
  if (!error.detail().empty()) description += " (" + error.detail() + ")";
  return {status, {{status, description}}};
}

}  // namespace bhabin::server::open311
