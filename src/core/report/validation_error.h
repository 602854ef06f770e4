// What a form validator reports: a list of {field, code} with stable codes for programs and tests, and the
// message for people looked up by code, in Indonesian or English.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/i18n/catalog.h"

namespace bhabin::report {

enum class ErrorCode {
  Required,
  TooShort,
  TooLong,
  InvalidUtf8,
  UnknownCategory,
  InvalidVillageCode,
  InvalidNrp,
  UnknownTopic,
  PhoneInvalidCharacters,
  PhoneNotIndonesian,
  PhoneTooShort,
  PhoneTooLong,
  PhoneBadPrefix,
  CoordinateNotFinite,
  CoordinateOutOfRange,
  OutsideServiceArea,
  TimeInFuture,
  TimeTooOld,
  InvalidPhotoRef,
  PhotoEmpty,
  PhotoTooLarge,
  PhotoDamaged,
  PhotoUnsupportedType,  // stays last: tests count the codes by it
};

inline constexpr ErrorCode kAllErrorCodes[] = {
    ErrorCode::Required,           ErrorCode::TooShort,
    ErrorCode::TooLong,            ErrorCode::InvalidUtf8,
    ErrorCode::UnknownCategory,    ErrorCode::InvalidVillageCode,
    ErrorCode::InvalidNrp,         ErrorCode::UnknownTopic,
    ErrorCode::PhoneInvalidCharacters, ErrorCode::PhoneNotIndonesian,
    ErrorCode::PhoneTooShort,      ErrorCode::PhoneTooLong,
    ErrorCode::PhoneBadPrefix,     ErrorCode::CoordinateNotFinite,
    ErrorCode::CoordinateOutOfRange, ErrorCode::OutsideServiceArea,
    ErrorCode::TimeInFuture,       ErrorCode::TimeTooOld,
    ErrorCode::InvalidPhotoRef,    ErrorCode::PhotoEmpty,
    ErrorCode::PhotoTooLarge,      ErrorCode::PhotoDamaged,
    ErrorCode::PhotoUnsupportedType};

// Stable snake_case code, e.g. "phone_bad_prefix"; never changes once shipped.
std::string_view errorCodeName(ErrorCode code);
std::optional<ErrorCode> errorCodeFromName(std::string_view name);

// The sentence shown next to the field, e.g. "Nomor telepon harus diawali 08, 62 atau +62."
std::string_view errorMessage(ErrorCode code, i18n::Language language);

struct ValidationError {
  std::string field;  // the form field's wire name, e.g. "reporterPhone"
  ErrorCode code = ErrorCode::Required;

  std::string_view message(i18n::Language language) const { return errorMessage(code, language); }
};

inline bool operator==(const ValidationError& a, const ValidationError& b) {
  return a.field == b.field && a.code == b.code;
}

// A validator's answer: the normalised value when there are no errors, otherwise the errors (all of them,
// so a form can mark every field at once).
template <class T>
struct Validated {
  std::optional<T> value;
  std::vector<ValidationError> errors;

  bool ok() const { return errors.empty(); }
};

}  // namespace bhabin::report
