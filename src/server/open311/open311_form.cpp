#include "server/open311/open311_form.h"

#include "core/text/utf8.h"
#include "server/json/json_writer.h"

namespace bhabin::server::open311 {

namespace {

constexpr std::string_view kEllipsis = "\xE2\x80\xA6";  // U+2026, one character

bool isContinuationByte(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

// Counted without validation: the validator refuses bad UTF-8 later, naming the field.
std::size_t characters(std::string_view text) {
  std::size_t count = 0;
  for (const char c : text) count += isContinuationByte(c) ? 0 : 1;
  return count;
}

bool isSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// Up to the first line break, or the first '.', '!' or '?' that ends a word.
std::string_view firstSentence(std::string_view text) {
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    const bool stop = c == '.' || c == '!' || c == '?';
    if (c == '\n' || c == '\r' || (stop && (i + 1 == text.size() || isSpace(text[i + 1])))) return text.substr(0, i);
  }
  return text;
}

// The first maxChars - 1 characters, back to the start of a word cut in two when that keeps at least
// minChars, and the ellipsis.
std::string shortened(std::string_view text, std::size_t maxChars, std::size_t minChars) {
  std::size_t end = 0;
  for (std::size_t count = 0; end < text.size(); ++end) {
    if (isContinuationByte(text[end])) continue;
    if (count == maxChars - 1) break;
    ++count;
  }
  std::string_view head = text.substr(0, end);
  const bool midWord = end < text.size() && !isSpace(text[end]);
  for (std::size_t space = midWord ? head.size() : 0; space-- > 0;) {
    if (isSpace(head[space]) && characters(text::trimWhitespace(head.substr(0, space))) >= minChars) {
      head = head.substr(0, space);
      break;
    }
  }
  return std::string(text::trimWhitespace(head)) + std::string(kEllipsis);
}

}  // namespace

std::string titleFromDescription(std::string_view description, const report::ValidationSettings& settings) {
  const std::string_view text = text::trimWhitespace(description);
  const std::string_view sentence = text::trimWhitespace(firstSentence(text));
  const std::size_t length = characters(sentence);
  if (length >= settings.titleMinChars && length <= settings.titleMaxChars) return std::string(sentence);
  if (characters(text) <= settings.titleMaxChars) return std::string(text);
  return shortened(text, settings.titleMaxChars, settings.titleMinChars);
}

std::string reportFormJson(const PostedRequest& posted, std::int64_t nowUnixMs, const report::ValidationSettings& settings) {
  const std::string fullName = posted.firstName + " " + posted.lastName;
  const std::string name(text::trimWhitespace(fullName));
  json::JsonWriter out;
  out.beginObject()
      .member("category", posted.serviceCode)
      .member("title", titleFromDescription(posted.description, settings))
      .member("description", posted.description)
      .member("incidentAtUnixMs", nowUnixMs)
      .member("latDeg", posted.latDeg)
      .member("lonDeg", posted.lonDeg)
      .member("anonymous", name.empty())
      .member("reporterName", name)
      .member("reporterPhone", posted.phone)
      .endObject();
  return out.str();
}

}  // namespace bhabin::server::open311
