// What the CSV and GeoJSON imports share over HTTP (administrators' and supervisors'): the required media
// type, the dryRun parameter, and the answer listing every problem with its line (or feature) and column.
#pragma once

#include <initializer_list>
#include <string_view>

#include "server/http/api_handler.h"
#include "server/service/imports.h"

namespace bhabin::server::http {

// Throws unsupported_media_type (415) naming the first of `types` when the body is of none of them.
void requireMediaType(const Call& call, std::initializer_list<std::string_view> types);
// ?dryRun=1|true checks without writing; absent, 0 or false writes; anything else is invalid_parameter (400).
service::ImportMode importMode(const Call& call);
// 200 when the file was clean, 422 with its problems otherwise:
// {"dryRun","created","updated","unchanged","problems":[{"line"|"feature","field","message"}],"notes":[...],
//  "initialPasswords":[{"nrp","password"}]}
void sendImportResult(Call& call, const service::ImportResult& result);

}  // namespace bhabin::server::http
