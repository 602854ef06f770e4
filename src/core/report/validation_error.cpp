#include "core/report/validation_error.h"

namespace bhabin::report {

namespace {

struct ErrorText {
  std::string_view name;
  std::string_view indonesian;
  std::string_view english;
};

// The one table of validation messages. Compiled in so browser and server show the same words without
// loading a file; tests check every code has both languages.
ErrorText textOf(ErrorCode code) {
  switch (code) {
    case ErrorCode::Required: return {"required", "Wajib diisi.", "This field is required."};
    case ErrorCode::TooShort: return {"too_short", "Terlalu pendek.", "Too short."};
    case ErrorCode::TooLong: return {"too_long", "Terlalu panjang.", "Too long."};
    case ErrorCode::InvalidUtf8:
      return {"invalid_utf8", "Teks berisi karakter yang tidak valid.", "The text contains invalid characters."};
    case ErrorCode::UnknownCategory:
      return {"unknown_category", "Pilih kategori laporan dari daftar.", "Choose a report category from the list."};
    case ErrorCode::InvalidVillageCode:
      return {"invalid_village_code", "Kode desa harus berbentuk 33.29.01.2001.",
              "The village code must look like 33.29.01.2001."};
    case ErrorCode::InvalidNrp: return {"invalid_nrp", "NRP harus 8 angka.", "The NRP must be 8 digits."};
    case ErrorCode::UnknownTopic:
      return {"unknown_topic", "Topik harus keamanan, ketertiban, lingkungan atau kesehatan.",
              "Topics must be keamanan, ketertiban, lingkungan or kesehatan."};
    case ErrorCode::PhoneInvalidCharacters:
      return {"phone_invalid_characters", "Nomor telepon hanya boleh berisi angka, spasi, tanda hubung dan +.",
              "A phone number may only contain digits, spaces, hyphens and +."};
    case ErrorCode::PhoneNotIndonesian:
      return {"phone_not_indonesian", "Gunakan nomor Indonesia (+62).", "Use an Indonesian number (+62)."};
    case ErrorCode::PhoneTooShort:
      return {"phone_too_short", "Nomor telepon terlalu pendek.", "The phone number is too short."};
    case ErrorCode::PhoneTooLong:
      return {"phone_too_long", "Nomor telepon terlalu panjang.", "The phone number is too long."};
    case ErrorCode::PhoneBadPrefix:
      return {"phone_bad_prefix", "Nomor telepon harus diawali 08, kode area (mis. 021), 62 atau +62.",
              "The phone number must start with 08, an area code (e.g. 021), 62 or +62."};
    case ErrorCode::CoordinateNotFinite:
      return {"coordinate_not_finite", "Koordinat tidak valid.", "The coordinate is not a number."};
    case ErrorCode::CoordinateOutOfRange:
      return {"coordinate_out_of_range", "Koordinat di luar jangkauan.", "The coordinate is out of range."};
    case ErrorCode::OutsideServiceArea:
      return {"outside_service_area", "Lokasi berada di luar wilayah layanan.",
              "The location is outside the service area."};
    case ErrorCode::TimeInFuture:
      return {"time_in_future", "Waktu tidak boleh di masa depan.", "The time cannot be in the future."};
    case ErrorCode::TimeTooOld: return {"time_too_old", "Waktu terlalu lama.", "The time is too long ago."};
    case ErrorCode::InvalidPhotoRef:
      return {"invalid_photo_ref", "Referensi foto tidak valid.", "The photo reference is not valid."};
    case ErrorCode::PhotoEmpty: return {"photo_empty", "Berkas foto kosong.", "The photo file is empty."};
    case ErrorCode::PhotoTooLarge:
      return {"photo_too_large", "Foto terlalu besar.", "The photo is too large."};
    case ErrorCode::PhotoDamaged:
      return {"photo_damaged", "Berkas foto rusak atau tidak lengkap.", "The photo file is damaged or incomplete."};
    case ErrorCode::PhotoUnsupportedType:
      return {"photo_unsupported_type", "Foto harus JPEG, PNG atau WebP.", "The photo must be JPEG, PNG or WebP."};
  }
  return {"required", "Wajib diisi.", "This field is required."};
}

}  // namespace

std::string_view errorCodeName(ErrorCode code) { return textOf(code).name; }

std::optional<ErrorCode> errorCodeFromName(std::string_view name) {
  for (ErrorCode code : kAllErrorCodes) {
    if (errorCodeName(code) == name) return code;
  }
  return std::nullopt;
}

std::string_view errorMessage(ErrorCode code, i18n::Language language) {
  const ErrorText text = textOf(code);
  return language == i18n::Language::English ? text.english : text.indonesian;
}

}  // namespace bhabin::report
