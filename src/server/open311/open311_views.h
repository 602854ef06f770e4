// What the Open311 endpoints answer, field for field as GeoReport v2 names them: the discovery document,
// one service per report category, and the public face of a report. Reports about crime reach people who
// are not the police through these answers, so a report shows no identity, no officer's notes and only an
// approximate position.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/i18n/catalog.h"
#include "server/open311/open311_errors.h"
#include "server/open311/open311_format.h"
#include "server/storage/report_rows.h"

namespace bhabin::server::open311 {

inline constexpr const char* kSpecification = "http://wiki.open311.org/GeoReport_v2";

struct Document {
  std::string rootName;  // the XML root element
  Node body;
};

// `baseUrl`: this server's Open311 endpoint, e.g. "https://bhabin.example/open311/v2".
Document discoveryDocument(const std::string& baseUrl, i18n::Language language);
Document servicesDocument(i18n::Language language);
// Our services have no extra questions (metadata false), so a definition is the code and no attributes.
Document serviceDefinitionDocument(std::string_view serviceCode);
Document requestsDocument(const std::vector<storage::StoredReport>& reports, i18n::Language language);
// The answer to POST requests: the tracking code as service_request_id.
Document createdDocument(const std::string& trackingCode, i18n::Language language);
Document errorsDocument(const std::vector<ErrorEntry>& entries);

}  // namespace bhabin::server::open311
