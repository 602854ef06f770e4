#include "core/domain/sambang_visit.h"

namespace bhabin::domain {

std::string_view topicCode(VisitTopic topic) {
  switch (topic) {
    case VisitTopic::Keamanan: return "keamanan";
    case VisitTopic::Ketertiban: return "ketertiban";
    case VisitTopic::Lingkungan: return "lingkungan";
    case VisitTopic::Kesehatan: return "kesehatan";
  }
  return "keamanan";
}

std::optional<VisitTopic> topicFromCode(std::string_view code) {
  for (VisitTopic topic : kAllVisitTopics) {
    if (topicCode(topic) == code) return topic;
  }
  return std::nullopt;
}

}  // namespace bhabin::domain
