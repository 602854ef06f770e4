#include "core/sync/protocol.h"

namespace bhabin::sync {

std::string_view outcomeCode(Outcome outcome) {
  switch (outcome) {
    case Outcome::Applied: return "applied";
    case Outcome::AppliedAsNote: return "applied_as_note";
    case Outcome::Refused: return "refused";
  }
  return "refused";
}

}  // namespace bhabin::sync
