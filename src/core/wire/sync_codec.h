// Sync changes on the wire (JSON, POSTed to the server) and the outbox in local storage (portable binary),
// with the same guarantees as report_codec: versioned, bounded, and never throwing on bad input.
#pragma once

#include <string>
#include <string_view>
#include <variant>

#include "core/sync/change.h"
#include "core/sync/outbox.h"
#include "core/wire/flat_json.h"

namespace bhabin::wire {

// {"formatVersion":2,"idempotencyKey":...,"kind":"apply_move","actor":{...},"createdAtUnixMs":...,
//  "reportId":...,"details":{...},"action":"note","note":...,"handOverToNrp":...,"visit":{...}}
// ("visit" from version 2 on; a version-1 change has none)
std::string encodeChangeJson(const sync::Change& change);
std::variant<sync::Change, ParseError> decodeChangeJson(std::string_view json);

// Every queued change in order; decoding refuses a damaged outbox as a whole rather than silently dropping
// a change in the middle.
std::string encodeOutboxBinary(const sync::Outbox& outbox);
std::variant<sync::Outbox, ParseError> decodeOutboxBinary(std::string_view bytes);

}  // namespace bhabin::wire
