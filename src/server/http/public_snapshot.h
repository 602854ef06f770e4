// What the public documents a browser keeps and revalidates (the roster, the boundaries) share: the optional
// regency filter, and the conditional GET that answers 304 when the client's copy is current.
#pragma once

#include <string>
#include <string_view>

#include "server/http/api_handler.h"
#include "server/storage/database.h"

namespace bhabin::server::http {

// The ?regency= to limit a document to; "" for all. Throws ApiError invalid_parameter unless NN.NN.
std::string regencyParam(const Call& call);
// Throws ApiError unknown_regency (404) unless `code` is "" or a regency on this server.
void requireKnownRegency(storage::Connection& connection, const std::string& code);
// The tag of one version of a document: "roster-812" for everything, "roster-812-33.29" for one regency.
std::string entityTag(std::string_view document, std::int64_t version, const std::string& regency);
// Whether If-None-Match names `tag` (or is "*"): then the client's copy is current.
bool clientHasCurrentCopy(std::string_view ifNoneMatch, const std::string& tag);
// Headers for a document stored by the browser but revalidated before every use, and 304 when `current`.
// Returns true when the answer is complete (304).
bool answerRevalidated(Call& call, const std::string& tag, bool current);

}  // namespace bhabin::server::http
