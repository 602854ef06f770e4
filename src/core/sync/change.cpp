#include "core/sync/change.h"

namespace bhabin::sync {

std::string_view changeKindCode(ChangeKind kind) {
  switch (kind) {
    case ChangeKind::SubmitReport: return "submit_report";
    case ChangeKind::ApplyMove: return "apply_move";
    case ChangeKind::JoinReport: return "join_report";
    case ChangeKind::LogVisit: return "log_visit";
  }
  return "submit_report";
}

std::string makeIdempotencyKey(const std::array<std::uint8_t, kIdempotencyKeyBytes>& random) {
  constexpr char kHex[] = "0123456789abcdef";
  std::string key;
  for (std::uint8_t byte : random) {
    key += kHex[byte >> 4];
    key += kHex[byte & 0x0F];
  }
  return key;
}

}  // namespace bhabin::sync
