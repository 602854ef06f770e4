#include "core/report/phone.h"

#include "core/text/utf8.h"

namespace bhabin::report {

namespace {

constexpr std::size_t kMobileMinDigits = 9;  // 0811-2345-678 has been issued; national number = 9 digits
constexpr std::size_t kMobileMaxDigits = 12;
constexpr std::size_t kLandlineMinDigits = 8;  // area code + subscriber, e.g. 283 67123
constexpr std::size_t kLandlineMaxDigits = 11;

bool isSeparator(char c) { return c == ' ' || c == '-' || c == '.' || c == '/' || c == '(' || c == ')'; }

// Mobile prefixes in use: 811-819 (Telkomsel), 821-823, 831-838, 851-859, 877-878, 881-889, 895-899.
bool isMobilePrefix(char second) { return std::string_view("1235789").find(second) != std::string_view::npos; }

}  // namespace

std::variant<std::string, ErrorCode> normalizeIndonesianPhone(std::string_view text) {
  text = text::trimWhitespace(text);
  if (text.empty()) return ErrorCode::Required;
  bool international = false;
  std::string digits;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c >= '0' && c <= '9') {
      digits += c;
    } else if (c == '+' && i == 0) {
      international = true;
    } else if (!isSeparator(c)) {
      return ErrorCode::PhoneInvalidCharacters;
    }
  }
  if (!international && digits.compare(0, 2, "00") == 0) {  // "00" is how many phones dial abroad
    international = true;
    digits.erase(0, 2);
  }
  std::string national;
  if (international || digits.compare(0, 2, "62") == 0) {
    if (digits.compare(0, 2, "62") != 0) return ErrorCode::PhoneNotIndonesian;
    national = digits.substr(2);
    if (!national.empty() && national[0] == '0') national.erase(0, 1);  // "+62 (0)812..."
  } else if (!digits.empty() && digits[0] == '0') {
    national = digits.substr(1);
  } else if (!digits.empty() && digits[0] == '8') {
    national = digits;
  } else {
    return digits.empty() ? ErrorCode::PhoneTooShort : ErrorCode::PhoneBadPrefix;
  }
  if (national.empty()) return ErrorCode::PhoneTooShort;
  const char first = national[0];
  std::size_t minDigits = kLandlineMinDigits;
  std::size_t maxDigits = kLandlineMaxDigits;
  if (first == '8') {
    if (national.size() < 2 || !isMobilePrefix(national[1])) return ErrorCode::PhoneBadPrefix;
    minDigits = kMobileMinDigits;
    maxDigits = kMobileMaxDigits;
  } else if (first == '0' || first == '1') {  // trunk prefix twice, or service numbers such as 110 and 112
    return ErrorCode::PhoneBadPrefix;
  }
  if (national.size() < minDigits) return ErrorCode::PhoneTooShort;
  if (national.size() > maxDigits) return ErrorCode::PhoneTooLong;
  return "+62" + national;
}

}  // namespace bhabin::report
