#include "server/open311/open311_views.h"

#include "core/report/category.h"
#include "server/open311/w3c_datetime.h"

namespace bhabin::server::open311 {

namespace {

// When the service list or a service definition last changed; clients refresh their cached copies when it
// moves, so bump it with every change to the categories or their texts.
constexpr const char* kChangeset = "2026-11-27T00:00:00Z";
constexpr const char* kAgency = "Kepolisian Negara Republik Indonesia";
constexpr const char* kGroup = "kepolisian";
// About 100 m: enough to see where things happen, too coarse to point at the reporter's house.
constexpr int kPositionDecimals = 3;

bool isIndonesian(i18n::Language language) { return language == i18n::Language::Indonesian; }

std::string pick(i18n::Language language, const char* indonesian, const char* english) {
  return isIndonesian(language) ? indonesian : english;
}

Node service(report::Category category, i18n::Language language) {
  const std::string label(report::categoryLabel(category, language));
  std::string words(report::categoryCode(category));
  for (char& c : words) c = c == '_' ? ' ' : c;
  const std::string keywords = words + ", " + std::string(report::categoryLabel(category, i18n::Language::Indonesian)) +
                               ", " + std::string(report::categoryLabel(category, i18n::Language::English));
  const std::string description =
      pick(language, "Laporan warga, kategori: ", "A citizen report, category: ") + label +
      pick(language, ". Diteruskan kepada Bhabinkamtibmas desa tempat kejadian.",
           ". It goes to the community police officer of the village where it happened.");
  Node node = Node::record();
  node.add("service_code", Node::text(std::string(report::categoryCode(category))))
      .add("service_name", Node::text(label))
      .add("description", Node::text(description))
      .add("metadata", Node::boolean(false))
      .add("type", Node::text("realtime"))
      .add("keywords", Node::text(keywords))
      .add("group", Node::text(kGroup));
  return node;
}

// Open311 knows only open and closed; our finer status stays readable here. Officers' notes may name
// people, so a rejection says only that it happened.
std::string statusNotes(report::Status status, i18n::Language language) {
  std::string notes(report::statusCode(status));
  if (status == report::Status::Rejected) {
    notes += pick(language, ": laporan ditolak; alasannya hanya disampaikan kepada pelapor.",
                  ": the report was rejected; the reason is told to the reporter only.");
  }
  return notes;
}

Node serviceRequest(const storage::StoredReport& stored, i18n::Language language) {
  const report::Report& report = stored.report;
  const report::ReportDetails& details = report.details();
  Node node = Node::record();
  node.add("service_request_id", Node::text(details.trackingCode))
      .add("status", Node::text(report::isFinal(report.status()) ? "closed" : "open"))
      .add("status_notes", Node::text(statusNotes(report.status(), language)))
      .add("service_name", Node::text(std::string(report::categoryLabel(details.category, language))))
      .add("service_code", Node::text(std::string(report::categoryCode(details.category))))
      // The title, not the description: citizens write names, addresses and phone numbers into descriptions.
      .add("description", Node::text(details.title))
      .add("agency_responsible", Node::text(kAgency))
      .add("requested_datetime", Node::text(formatW3cDateTime(stored.createdAtUnixMs)))
      .add("updated_datetime", Node::text(formatW3cDateTime(stored.updatedAtUnixMs)))
      .add("address", Node::text(details.villageCode))
      .add("zipcode", Node::text(""))
      .add("lat", Node::decimal(details.position.latDeg, kPositionDecimals))
      .add("long", Node::decimal(details.position.lonDeg, kPositionDecimals))
      .add("media_url", Node::text(""));
  return node;
}

}  // namespace

Document discoveryDocument(const std::string& baseUrl, i18n::Language language) {
  Node formats = Node::list("format");
  formats.push(Node::text("application/json")).push(Node::text("text/xml"));
  Node endpoint = Node::record();
  endpoint.add("specification", Node::text(kSpecification))
      .add("url", Node::text(baseUrl))
      .add("changeset", Node::text(kChangeset))
      .add("type", Node::text("production"))
      .add("formats", std::move(formats));
  Node endpoints = Node::list("endpoint");
  endpoints.push(std::move(endpoint));
  Node body = Node::record();
  body.add("changeset", Node::text(kChangeset))
      .add("contact", Node::text(pick(language, "Administrator e-Bhabinkamtibmas di Polres setempat. Keadaan darurat: telepon 110.",
                                      "The e-Bhabinkamtibmas administrator at the local Polres. Emergencies: call 110.")))
      .add("key_service", Node::text(pick(language,
                                          "api_key diberikan oleh administrator server ini; wajib untuk mengirim dan membaca laporan.",
                                          "The server's administrator issues the api_key; it is required to post and to read reports.")))
      .add("endpoints", std::move(endpoints));
  return {"discovery", std::move(body)};
}

Document servicesDocument(i18n::Language language) {
  Node list = Node::list("service");
  for (const report::Category category : report::kAllCategories) list.push(service(category, language));
  return {"services", std::move(list)};
}

Document serviceDefinitionDocument(std::string_view serviceCode) {
  Node body = Node::record();
  body.add("service_code", Node::text(std::string(serviceCode))).add("attributes", Node::list("attribute"));
  return {"service_definition", std::move(body)};
}

Document requestsDocument(const std::vector<storage::StoredReport>& reports, i18n::Language language) {
  Node list = Node::list("request");
  for (const storage::StoredReport& stored : reports) list.push(serviceRequest(stored, language));
  return {"service_requests", std::move(list)};
}

Document createdDocument(const std::string& trackingCode, i18n::Language language) {
  Node request = Node::record();
  request.add("service_request_id", Node::text(trackingCode))
      .add("service_notice", Node::text(pick(language,
                                             "Laporan diterima. Sebutkan kode pelacakan ini bila menanyakan laporan Anda "
                                             "kepada Bhabinkamtibmas atau Polsek setempat.",
                                             "Report received. Quote this tracking code when you ask your community police "
                                             "officer or the local police station about your report.")))
      .add("account_id", Node::null());
  Node list = Node::list("request");
  list.push(std::move(request));
  return {"service_requests", std::move(list)};
}

Document errorsDocument(const std::vector<ErrorEntry>& entries) {
  Node list = Node::list("error");
  for (const ErrorEntry& entry : entries) {
    Node error = Node::record();
    error.add("code", Node::integer(entry.code)).add("description", Node::text(entry.description));
    list.push(std::move(error));
  }
  return {"errors", std::move(list)};
}

}  // namespace bhabin::server::open311
