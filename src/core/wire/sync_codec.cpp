#include "core/wire/sync_codec.h"

#include <vector>

#include "core/wire/record_io.h"
#include "core/wire/report_fields.h"
#include "core/wire/report_record.h"
#include "core/wire/visit_fields.h"

namespace bhabin::wire {

namespace detail {

struct OutboxRecord {
  std::vector<sync::Change> changes;
};

template <class Io>
void describe(Io& io, sync::Change& change) {
  io.text("idempotencyKey", change.idempotencyKey);
  io.enumeration("kind", change.kind, sync::kAllChangeKinds, sync::changeKindCode);
  io.object("actor", change.actor);
  io.integer("createdAtUnixMs", change.createdAtUnixMs);
  io.text("reportId", change.reportId);
  io.object("details", change.details);
  io.enumeration("action", change.action, report::kAllActions, report::actionCode);
  io.text("note", change.note);
  io.text("handOverToNrp", change.handOverToNrp);
  if (io.version >= 2) io.object("visit", change.visit);
}

template <class Io>
void describe(Io& io, OutboxRecord& outbox) {
  io.list("changes", outbox.changes);
}

// A change must name itself and, when it carries a new report, carry one that could be stored.
std::optional<ParseError> checkChange(const sync::Change& change) {
  if (change.idempotencyKey.empty()) return ParseError{"\"idempotencyKey\" is empty"};
  if (change.kind == sync::ChangeKind::LogVisit && !geo::isValid(change.visit.position)) {
    return ParseError{"\"visit.position\" is out of range"};
  }
  if (change.kind == sync::ChangeKind::SubmitReport) {
    if (change.details.trackingCode != change.reportId) {
      return ParseError{"\"details.trackingCode\" differs from \"reportId\""};
    }
    return checkDetails(change.details);
  }
  return std::nullopt;
}

}  // namespace detail

std::string encodeChangeJson(const sync::Change& change) { return detail::toJson(change); }

std::variant<sync::Change, ParseError> decodeChangeJson(std::string_view json) {
  auto change = detail::fromJson<sync::Change>(json);
  if (auto* decoded = std::get_if<sync::Change>(&change)) {
    if (auto error = detail::checkChange(*decoded)) return *error;
  }
  return change;
}

std::string encodeOutboxBinary(const sync::Outbox& outbox) {
  detail::OutboxRecord record;
  record.changes.assign(outbox.pending().begin(), outbox.pending().end());
  return detail::toBinary(kOutboxMagic, std::move(record));
}

std::variant<sync::Outbox, ParseError> decodeOutboxBinary(std::string_view bytes) {
  auto record = detail::fromBinary<detail::OutboxRecord>(kOutboxMagic, bytes);
  if (auto* error = std::get_if<ParseError>(&record)) return *error;
  sync::Outbox outbox;
  for (sync::Change& change : std::get<detail::OutboxRecord>(record).changes) {
    if (auto error = detail::checkChange(change)) return *error;
    if (!outbox.enqueue(std::move(change))) return ParseError{"two queued changes share an idempotency key"};
  }
  return outbox;
}

}  // namespace bhabin::wire
