// Open311 GeoReport v2 at /open311/v2 over real HTTP, on SQLite and on PostgreSQL, driven by the standard's
// own example requests: discovery, services, filing a report, listing and reading requests in JSON and XML,
// and what must never leave the server (identities, exact positions, descriptions). Also the pieces below
// it: the XML encoder, the W3C date-times and the title cut from a description.
#include <gtest/gtest.h>
#include <rapidjson/document.h>

#include <cctype>
#include <map>
#include <set>
#include <vector>

#include "core/report/category.h"
#include "core/tracking/tracking_code.h"
#include "server/open311/open311_form.h"
#include "server/open311/open311_format.h"
#include "server/open311/w3c_datetime.h"
#include "support/api_server.h"
#include "support/test_databases.h"

namespace bhabin::server::testing {
namespace {

using storage::Dialect;
using Fields = std::map<std::string, std::string>;

constexpr std::int64_t kDayMs = 24LL * 60 * 60 * 1000;
constexpr const char* kSpecDescription = "A large sinkhole is destroying the street";

std::string percentEncode(const std::string& text) {
  static const char* kHex = "0123456789ABCDEF";
  std::string out;
  for (const char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if (std::isalnum(byte) || c == '-' || c == '_' || c == '.' || c == '~') {
      out += c;
    } else {
      out += '%';
      out += kHex[byte >> 4];
      out += kHex[byte & 15];
    }
  }
  return out;
}

std::string formBody(const Fields& fields) {
  std::string body;
  for (const auto& [name, value] : fields) body += (body.empty() ? "" : "&") + name + "=" + percentEncode(value);
  return body;
}

// The standard's POST example, moved to Brebes and to one of our categories; its phone 111111111 is no
// Indonesian number, so the good case uses one.
Fields specExample() {
  return {{"api_key", kOpen311ApiKey},
          {"jurisdiction_id", "city.gov"},
          {"service_code", "crime"},
          {"lat", "-6.87123456"},
          {"long", "109.04187654"},
          {"address_string", "1234 5th street"},
          {"email", "smit222@sfgov.edu"},
          {"device_id", "tt222111"},
          {"account_id", "123456"},
          {"first_name", "john"},
          {"last_name", "smith"},
          {"phone", "081234567890"},
          {"description", kSpecDescription},
          {"media_url", "http://city.gov/media/123.jpg"}};
}

Fields with(Fields fields, const Fields& changes) {
  for (const auto& [name, value] : changes) fields[name] = value;
  return fields;
}

Fields without(Fields fields, std::initializer_list<const char*> names) {
  for (const char* name : names) fields.erase(name);
  return fields;
}

// A strict reader for the documents we write: the declaration, then elements without attributes, text
// with only the five predefined entities, every element closed in order, one root.
bool isWellFormedXml(const std::string& xml, std::string& why) {
  const std::string declaration = R"(<?xml version="1.0" encoding="UTF-8"?>)";
  if (xml.rfind(declaration, 0) != 0) return why = "no XML declaration", false;
  std::vector<std::string> open;
  int roots = 0;
  for (std::size_t at = declaration.size(); at < xml.size();) {
    const char c = xml[at];
    if (c == '<') {
      const std::size_t close = xml.find('>', at);
      if (close == std::string::npos) return why = "unterminated tag", false;
      std::string tag = xml.substr(at + 1, close - at - 1);
      at = close + 1;
      const bool closing = !tag.empty() && tag.front() == '/';
      const bool empty = !tag.empty() && tag.back() == '/';
      const std::string name = tag.substr(closing ? 1 : 0, tag.size() - (closing || empty ? 1 : 0));
      const bool nameOk = !name.empty() && (std::isalpha(static_cast<unsigned char>(name[0])) || name[0] == '_') &&
                          name.find_first_not_of("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_.-") ==
                              std::string::npos;
      if (!nameOk) return why = "bad element name <" + tag + ">", false;
      if (closing) {
        if (open.empty() || open.back() != name) return why = "</" + name + "> closes nothing open", false;
        open.pop_back();
      } else {
        if (open.empty() && ++roots > 1) return why = "a second root <" + name + ">", false;
        if (!empty) open.push_back(name);
      }
    } else if (c == '&') {
      const std::size_t semicolon = xml.find(';', at);
      static const std::set<std::string> kEntities = {"amp", "lt", "gt", "quot", "apos"};
      if (semicolon == std::string::npos || kEntities.count(xml.substr(at + 1, semicolon - at - 1)) == 0) {
        return why = "bad entity at " + std::to_string(at), false;
      }
      at = semicolon + 1;
    } else {
      if (open.empty() && !std::isspace(static_cast<unsigned char>(c))) return why = "text outside the root", false;
      if (static_cast<unsigned char>(c) < 0x20 && c != '\t' && c != '\n' && c != '\r') return why = "control character", false;
      ++at;
    }
  }
  if (!open.empty()) return why = "<" + open.back() + "> never closed", false;
  if (roots != 1) return why = "no root", false;
  return true;
}

// The text of every <name>...</name>, entities resolved.
std::vector<std::string> xmlValues(const std::string& xml, const std::string& name) {
  std::vector<std::string> values;
  const std::string open = "<" + name + ">", close = "</" + name + ">";
  for (std::size_t at = xml.find(open); at != std::string::npos; at = xml.find(open, at + 1)) {
    const std::size_t start = at + open.size();
    std::string raw = xml.substr(start, xml.find(close, start) - start);
    std::string text;
    for (std::size_t i = 0; i < raw.size(); ++i) {
      static const std::map<std::string, char> kEntities = {{"amp", '&'}, {"lt", '<'}, {"gt", '>'}, {"quot", '"'}, {"apos", '\''}};
      const std::size_t semicolon = raw.find(';', i);
      if (raw[i] == '&' && semicolon != std::string::npos && kEntities.count(raw.substr(i + 1, semicolon - i - 1))) {
        text += kEntities.at(raw.substr(i + 1, semicolon - i - 1));
        i = semicolon;
      } else {
        text += raw[i];
      }
    }
    values.push_back(text);
  }
  return values;
}

std::vector<std::string> stringsAt(const rapidjson::Value& list, const char* member) {
  std::vector<std::string> values;
  for (const auto& item : list.GetArray()) values.emplace_back(item[member].GetString());
  return values;
}

class Open311Api : public ::testing::TestWithParam<Dialect> {
 protected:
  void SetUp() override {
    BHABIN_SKIP_POSTGRES_IF_ASKED(GetParam());
    server_ = std::make_unique<RunningServer>(GetParam());
    client_ = std::make_unique<ApiClient>(server_->port());
  }

  Reply post(const Fields& fields, const std::string& path = "/open311/v2/requests.json") {
    return client_->post(path, formBody(fields), "", "application/x-www-form-urlencoded");
  }

  // Files the standard's example and returns its service_request_id.
  std::string file(const Fields& changes = {}) {
    const Reply reply = post(with(specExample(), changes));
    EXPECT_EQ(reply.status, 200) << reply.body;
    return reply.text("/0/service_request_id");
  }

  Reply list(const std::string& query = "") {
    return client_->get("/open311/v2/requests.json?api_key=" + std::string(kOpen311ApiKey) + query);
  }

  std::vector<std::string> listedIds(const std::string& query) {
    const Reply reply = list(query);
    EXPECT_EQ(reply.status, 200) << query << ": " << reply.body;
    return reply.json.IsArray() ? stringsAt(reply.json, "service_request_id") : std::vector<std::string>{};
  }

  // The standard's error answer: a list of {code, description}; the descriptions, after checking the codes.
  static std::vector<std::string> errorDescriptions(const Reply& reply, int status) {
    EXPECT_EQ(reply.status, status) << reply.body;
    std::vector<std::string> descriptions;
    if (!reply.json.IsArray()) {
      ADD_FAILURE() << "not an error list: " << reply.body;
      return descriptions;
    }
    for (const auto& error : reply.json.GetArray()) {
      EXPECT_EQ(error["code"].GetInt(), status) << reply.body;
      descriptions.emplace_back(error["description"].GetString());
    }
    EXPECT_FALSE(descriptions.empty());
    return descriptions;
  }

  // The first description of an error answer ("" when there is none, which errorDescriptions reported).
  static std::string firstError(const Reply& reply, int status) {
    const auto descriptions = errorDescriptions(reply, status);
    return descriptions.empty() ? std::string() : descriptions.front();
  }

  ApiClient supervisor() {
    ApiClient client(server_->port());
    EXPECT_EQ(client.login(brebesDemo().supervisors.front().nrp).status, 200);
    return client;
  }

  std::unique_ptr<RunningServer> server_;
  std::unique_ptr<ApiClient> client_;
};

TEST_P(Open311Api, DiscoveryPointsAtThisServerInBothFormats) {
  const Reply reply = client_->get("/open311/v2/discovery.json");
  ASSERT_EQ(reply.status, 200) << reply.body;
  EXPECT_EQ(reply.header("Content-Type"), "application/json");
  const auto& endpoint = reply.json["endpoints"][0];
  EXPECT_STREQ(endpoint["specification"].GetString(), "http://wiki.open311.org/GeoReport_v2");
  EXPECT_EQ(std::string(endpoint["url"].GetString()), "http://127.0.0.1:" + std::to_string(server_->port()) + "/open311/v2");
  EXPECT_STREQ(endpoint["type"].GetString(), "production");
  std::set<std::string> formats;
  for (const auto& format : endpoint["formats"].GetArray()) formats.insert(format.GetString());
  EXPECT_EQ(formats, (std::set<std::string>{"application/json", "text/xml"}));
  EXPECT_TRUE(open311::parseW3cDateTime(reply.text("/changeset")).has_value()) << reply.text("/changeset");
  EXPECT_FALSE(reply.text("/contact").empty());
  EXPECT_FALSE(reply.text("/key_service").empty());

  const Reply xml = client_->get("/open311/v2/discovery.xml");
  ASSERT_EQ(xml.status, 200);
  EXPECT_EQ(xml.header("Content-Type"), "text/xml; charset=utf-8");
  std::string why;
  EXPECT_TRUE(isWellFormedXml(xml.body, why)) << why << "\n" << xml.body;
  EXPECT_NE(xml.body.find("\n<discovery><changeset>"), std::string::npos) << xml.body;
  EXPECT_EQ(xmlValues(xml.body, "format"), (std::vector<std::string>{"application/json", "text/xml"}));
  EXPECT_EQ(xmlValues(xml.body, "specification"), std::vector<std::string>{"http://wiki.open311.org/GeoReport_v2"});

  const Reply spoofed = client_->get("/open311/v2/discovery.json", {{"Host", "evil\"<host>"}});
  const std::string url = spoofed.json["endpoints"][0]["url"].GetString();
  EXPECT_EQ(url.rfind("http://127.0.0.1:", 0), 0u) << url;
  EXPECT_EQ(url.find("evil"), std::string::npos) << url;
}

TEST_P(Open311Api, EveryReportCategoryIsAServiceInJsonAndXml) {
  std::vector<std::string> codes;
  for (const report::Category category : report::kAllCategories) codes.emplace_back(report::categoryCode(category));

  const Reply json = client_->get("/open311/v2/services.json");
  ASSERT_EQ(json.status, 200) << json.body;
  ASSERT_TRUE(json.json.IsArray());
  EXPECT_EQ(stringsAt(json.json, "service_code"), codes);
  for (const auto& service : json.json.GetArray()) {
    const auto category = report::categoryFromCode(service["service_code"].GetString());
    EXPECT_EQ(std::string(service["service_name"].GetString()), report::categoryLabel(*category, i18n::Language::Indonesian));
    EXPECT_FALSE(service["metadata"].GetBool());
    EXPECT_STREQ(service["type"].GetString(), "realtime");
    EXPECT_STREQ(service["group"].GetString(), "kepolisian");
    EXPECT_GT(service["description"].GetStringLength(), 0u);
    EXPECT_GT(service["keywords"].GetStringLength(), 0u);
  }
  EXPECT_EQ(client_->get("/open311/v2/services").body, json.body) << "no extension means JSON";
  const Reply english = client_->get("/open311/v2/services.json?locale=en");
  EXPECT_EQ(english.text("/2/service_name"), report::categoryLabel(report::Category::TrafficAccident, i18n::Language::English));

  const Reply xml = client_->get("/open311/v2/services.xml");
  ASSERT_EQ(xml.status, 200);
  std::string why;
  EXPECT_TRUE(isWellFormedXml(xml.body, why)) << why << "\n" << xml.body;
  EXPECT_EQ(xmlValues(xml.body, "service_code"), codes);
  EXPECT_EQ(xmlValues(xml.body, "metadata"), std::vector<std::string>(codes.size(), "false"));
  EXPECT_NE(xml.body.find("\n<services><service><service_code>crime</service_code>"), std::string::npos) << xml.body;
}

TEST_P(Open311Api, AServiceDefinitionHasNoAttributesAndAnUnknownServiceIsAnErrorList) {
  const Reply json = client_->get("/open311/v2/services/traffic_accident.json");
  ASSERT_EQ(json.status, 200) << json.body;
  EXPECT_EQ(json.body, R"({"service_code":"traffic_accident","attributes":[]})");
  const Reply xml = client_->get("/open311/v2/services/traffic_accident.xml");
  EXPECT_NE(xml.body.find("<service_definition><service_code>traffic_accident</service_code><attributes></attributes></service_definition>"),
            std::string::npos)
      << xml.body;

  EXPECT_EQ(errorDescriptions(client_->get("/open311/v2/services/001.json"), 404).size(), 1u);
  const Reply unknownXml = client_->get("/open311/v2/services/001.xml");
  EXPECT_EQ(unknownXml.status, 404);
  EXPECT_EQ(xmlValues(unknownXml.body, "code"), std::vector<std::string>{"404"});
  EXPECT_NE(unknownXml.body.find("<errors><error><code>404</code><description>"), std::string::npos) << unknownXml.body;
}

TEST_P(Open311Api, PostingNeedsTheApiKey) {
  EXPECT_EQ(errorDescriptions(post(without(specExample(), {"api_key"})), 403).size(), 1u);
  EXPECT_EQ(errorDescriptions(post(with(specExample(), {{"api_key", "xyz"}})), 403).size(), 1u);
  EXPECT_EQ(errorDescriptions(post(with(specExample(), {{"api_key", std::string(kOpen311ApiKey) + "x"}})), 403).size(), 1u);
  const Reply xml = post(with(specExample(), {{"api_key", "xyz"}}), "/open311/v2/requests.xml");
  EXPECT_EQ(xml.status, 403);
  EXPECT_EQ(xmlValues(xml.body, "code"), std::vector<std::string>{"403"});
  // None of those filed anything.
  EXPECT_EQ(list().body, "[]");
}

TEST_P(Open311Api, APostedRequestBecomesAReportTheOfficersSee) {
  const Reply reply = post(specExample());
  ASSERT_EQ(reply.status, 200) << reply.body;
  ASSERT_TRUE(reply.json.IsArray());
  ASSERT_EQ(reply.json.Size(), 1u);
  const auto& created = reply.json[0];
  EXPECT_EQ(created.MemberCount(), 3u) << "no secret beside the id: " << reply.body;
  EXPECT_TRUE(created["account_id"].IsNull());
  EXPECT_GT(created["service_notice"].GetStringLength(), 0u);
  const std::string code = created["service_request_id"].GetString();
  EXPECT_EQ(code.substr(0, 5), "3329-") << code;

  ApiClient staff = supervisor();
  const Reply view = staff.get("/api/v1/reports/" + code);
  ASSERT_EQ(view.status, 200) << view.body;
  EXPECT_EQ(view.text("/report/category"), "crime");
  EXPECT_EQ(view.text("/report/title"), kSpecDescription);
  EXPECT_EQ(view.text("/report/description"), kSpecDescription);
  EXPECT_EQ(view.text("/reporters/0/name"), "john smith");
  EXPECT_EQ(view.text("/reporters/0/phone"), "+6281234567890");
  EXPECT_EQ(view.body.find("smit222"), std::string::npos) << "the e-mail address is not kept";

  // Open311 has no idempotency key: the same form again is a second report.
  EXPECT_NE(file(), code);
}

TEST_P(Open311Api, WithoutANameTheReportIsAnonymousAndALongDescriptionGivesAShortTitle) {
  const std::string description =
      "Sekelompok pemuda membawa senjata tajam berkumpul di dekat pos ronda setiap malam sejak hari Senin lalu dan "
      "membuat warga takut keluar rumah\nMohon segera ditindak.";
  const std::string code = file({{"first_name", ""}, {"last_name", ""}, {"description", description}});
  ApiClient staff = supervisor();
  const Reply view = staff.get("/api/v1/reports/" + code);
  ASSERT_EQ(view.status, 200) << view.body;
  EXPECT_TRUE(view.json["reporters"][0]["anonymous"].GetBool());
  EXPECT_EQ(view.text("/reporters/0/phone"), "");
  EXPECT_EQ(view.text("/report/description"), description);
  const std::string title = view.text("/report/title");
  EXPECT_EQ(title, open311::titleFromDescription(description, {}));
  EXPECT_EQ(title.substr(0, 40), description.substr(0, 40));
  EXPECT_LE(title.size(), 122u);
}

TEST_P(Open311Api, ALongDescriptionInJavaneseScriptFitsThoughItsFormIsLarge) {
  const std::string word = "\xEA\xA6\xA5\xEA\xA6\xBC\xEA\xA6\xA4\xEA\xA7\x80";  // 4 characters, 12 bytes
  std::string description = word;
  for (int i = 1; i < 700; ++i) description += " " + word;  // 3,499 characters, about 27 KB as a form
  const std::string code = file({{"description", description}});
  ASSERT_FALSE(code.empty());
  ApiClient staff = supervisor();
  const Reply view = staff.get("/api/v1/reports/" + code);
  EXPECT_EQ(view.text("/report/description"), description);

  const std::string huge(2 << 20, 'a');
  EXPECT_EQ(errorDescriptions(post(with(specExample(), {{"description", huge}})), 400).size(), 1u) << "over the server's 1 MiB";
}

TEST_P(Open311Api, FormProblemsAreErrorEntriesNamingTheOpen311Fields) {
  const auto tooShort = errorDescriptions(post(with(specExample(), {{"description", "Api"}})), 400);
  ASSERT_EQ(tooShort.size(), 1u) << "the title is cut from the description: one problem, told once";
  EXPECT_EQ(tooShort[0].rfind("description: ", 0), 0u) << tooShort[0];

  const std::string usPhone = firstError(post(with(specExample(), {{"phone", "111111111"}})), 400);
  EXPECT_EQ(usPhone.rfind("phone: ", 0), 0u) << usPhone;

  std::set<std::string> fields;
  for (const std::string& description :
       errorDescriptions(post(with(specExample(), {{"service_code", "001"}, {"description", ""}})), 400)) {
    fields.insert(description.substr(0, description.find(':')));
  }
  EXPECT_EQ(fields, (std::set<std::string>{"service_code", "description"}));

  const auto english = errorDescriptions(post(with(specExample(), {{"locale", "en"}, {"description", "Hilang"}})), 400);
  EXPECT_EQ(english, std::vector<std::string>{"description: Too short."}) << "a title-sized description is still too short";
  EXPECT_EQ(list().body, "[]");
}

TEST_P(Open311Api, APositionIsRequiredBecauseAnAddressCannotBePlaced) {
  const std::string missing = firstError(post(with(without(specExample(), {"lat", "long"}), {{"locale", "en"}})), 400);
  EXPECT_NE(missing.find("lat and long are required"), std::string::npos) << missing;
  EXPECT_EQ(errorDescriptions(post(without(specExample(), {"long"})), 400).size(), 1u);
  const std::string notNumber = firstError(post(with(specExample(), {{"lat", "south"}})), 400);
  EXPECT_EQ(notNumber.rfind("lat: ", 0), 0u) << notNumber;
  const std::string abroad = firstError(post(with(specExample(), {{"lat", "37.76524078"}, {"long", "-122.4212043"}})), 400);
  EXPECT_EQ(abroad.rfind("lat/long: ", 0), 0u) << abroad;
}

TEST_P(Open311Api, ListedRequestsShowOnlyPublicFacts) {
  const std::string description = "Jalan berlubang besar di depan pasar. Rumah saya nomor 12, telepon Siti 0857 1234 5678.";
  const std::string code = file({{"description", description}, {"first_name", "Siti"}, {"last_name", "Aminah"}});
  const Reply reply = list();
  ASSERT_EQ(reply.status, 200) << reply.body;
  ASSERT_EQ(reply.json.Size(), 1u) << reply.body;
  const auto& request = reply.json[0];
  EXPECT_EQ(std::string(request["service_request_id"].GetString()), code);
  EXPECT_STREQ(request["status"].GetString(), "open");
  EXPECT_STREQ(request["status_notes"].GetString(), "submitted");
  EXPECT_STREQ(request["service_code"].GetString(), "crime");
  EXPECT_EQ(std::string(request["service_name"].GetString()), report::categoryLabel(report::Category::Crime, i18n::Language::Indonesian));
  EXPECT_STREQ(request["description"].GetString(), "Jalan berlubang besar di depan pasar");
  EXPECT_STREQ(request["agency_responsible"].GetString(), "Kepolisian Negara Republik Indonesia");
  EXPECT_STREQ(request["requested_datetime"].GetString(), open311::formatW3cDateTime(server_->clock().now()).c_str());
  EXPECT_STREQ(request["updated_datetime"].GetString(), request["requested_datetime"].GetString());
  EXPECT_EQ(std::string(request["address"].GetString()).substr(0, 6), "33.29.");
  EXPECT_STREQ(request["zipcode"].GetString(), "");
  EXPECT_STREQ(request["media_url"].GetString(), "");
  EXPECT_DOUBLE_EQ(request["lat"].GetDouble(), -6.871);
  EXPECT_DOUBLE_EQ(request["long"].GetDouble(), 109.042);
  for (const char* secret : {"Siti", "Aminah", "0857", "62857", "nomor 12", "-6.8712", "109.0418", "smit222", "tt222111"}) {
    EXPECT_EQ(reply.body.find(secret), std::string::npos) << secret << " in " << reply.body;
  }
}

TEST_P(Open311Api, ListingNeedsTheApiKeyToo) {
  const std::string code = file();
  EXPECT_EQ(errorDescriptions(client_->get("/open311/v2/requests.json"), 403).size(), 1u);
  EXPECT_EQ(errorDescriptions(client_->get("/open311/v2/requests.json?api_key=xyz"), 403).size(), 1u);
  EXPECT_EQ(errorDescriptions(client_->get("/open311/v2/requests/" + code + ".json"), 403).size(), 1u);
}

TEST_P(Open311Api, FiltersByStatusServiceAndId) {
  const std::string theft = file();
  const std::string drugs = file({{"service_code", "drugs"}, {"lat", "-6.95"}, {"long", "109.0"}});
  EXPECT_EQ(listedIds("").size(), 2u);
  EXPECT_TRUE(listedIds("&status=closed").empty());
  EXPECT_EQ(listedIds("&status=open").size(), 2u);
  EXPECT_EQ(listedIds("&service_code=drugs"), std::vector<std::string>{drugs});
  EXPECT_EQ(listedIds("&service_code=crime,drugs").size(), 2u);
  EXPECT_TRUE(listedIds("&service_code=health").empty());
  EXPECT_EQ(listedIds("&service_request_id=" + theft), std::vector<std::string>{theft});
  std::string typed = drugs;
  for (char& c : typed) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  EXPECT_EQ(listedIds("&service_request_id=" + typed + "&service_code=crime"), std::vector<std::string>{drugs})
      << "ids override the other filters, and are read as people type them";
  EXPECT_EQ(errorDescriptions(list("&service_code=alien"), 400).size(), 1u);
  EXPECT_EQ(errorDescriptions(list("&status=pending"), 400).size(), 1u);
  EXPECT_EQ(errorDescriptions(list("&service_request_id=3329-0000"), 400).size(), 1u);

  ApiClient staff = supervisor();
  const std::string note = "Bukan tindak pidana; sudah dibicarakan dengan Pak Darto di rumahnya.";
  const Reply rejected = staff.post("/api/v1/reports/" + theft + "/moves", R"({"action":"reject","note":")" + note + R"("})", newKey());
  ASSERT_EQ(rejected.status, 200) << rejected.body;
  EXPECT_EQ(listedIds("&status=closed"), std::vector<std::string>{theft});
  EXPECT_EQ(listedIds("&status=open"), std::vector<std::string>{drugs});
  const Reply closed = list("&status=closed");
  EXPECT_EQ(closed.text("/0/status"), "closed");
  EXPECT_EQ(closed.text("/0/status_notes").rfind("rejected", 0), 0u) << closed.body;
  EXPECT_EQ(closed.body.find("Darto"), std::string::npos) << "officers' notes stay inside";
}

TEST_P(Open311Api, TheDateWindowDefaultsToNinetyDaysAndIsChecked) {
  const std::int64_t first = server_->clock().now();
  const std::string older = file();
  server_->clock().advance(10 * kDayMs);
  const std::string newer = file();
  const auto at = [](std::int64_t unixMs) { return percentEncode(open311::formatW3cDateTime(unixMs)); };

  EXPECT_EQ(listedIds("&start_date=" + at(first + kDayMs)), std::vector<std::string>{newer});
  EXPECT_EQ(listedIds("&start_date=" + at(first - kDayMs) + "&end_date=" + at(first + kDayMs)), std::vector<std::string>{older});
  EXPECT_EQ(listedIds("&end_date=" + at(first + 11 * kDayMs)), (std::vector<std::string>{newer, older})) << "newest first";
  EXPECT_EQ(listedIds("&end_date=" + at(first - kDayMs)), std::vector<std::string>{});
  EXPECT_EQ(listedIds("&start_date=" + at(first - kDayMs) + "&end_date=" + at(first + kDayMs) + "&status=closed"),
            std::vector<std::string>{});

  server_->clock().advance(85 * kDayMs);  // the older report is now 95 days old
  EXPECT_EQ(listedIds(""), std::vector<std::string>{newer});
  EXPECT_EQ(listedIds("&service_request_id=" + older), std::vector<std::string>{older}) << "ids ignore the window";

  const std::string badDate = firstError(list("&start_date=yesterday"), 400);
  EXPECT_EQ(badDate.rfind("start_date: ", 0), 0u) << badDate;
  EXPECT_EQ(errorDescriptions(list("&end_date=2026-11-27"), 400).size(), 1u);
  EXPECT_EQ(errorDescriptions(list("&start_date=" + at(first) + "&end_date=" + at(first + 91 * kDayMs)), 400).size(), 1u);
  EXPECT_EQ(errorDescriptions(list("&start_date=" + at(first) + "&end_date=" + at(first - 1000)), 400).size(), 1u);
}

TEST_P(Open311Api, OneRequestInXmlIsWellFormedAndComplete) {
  const std::string code = file();
  const Reply xml = client_->get("/open311/v2/requests/" + code + ".xml?api_key=" + std::string(kOpen311ApiKey));
  ASSERT_EQ(xml.status, 200) << xml.body;
  EXPECT_EQ(xml.header("Content-Type"), "text/xml; charset=utf-8");
  std::string why;
  EXPECT_TRUE(isWellFormedXml(xml.body, why)) << why << "\n" << xml.body;
  EXPECT_NE(xml.body.find("\n<service_requests><request><service_request_id>" + code + "</service_request_id>"), std::string::npos)
      << xml.body;
  const std::map<std::string, std::string> expected = {
      {"status", "open"},       {"status_notes", "submitted"}, {"service_code", "crime"}, {"description", kSpecDescription},
      {"lat", "-6.871"},        {"long", "109.042"},           {"zipcode", ""},           {"media_url", ""},
      {"requested_datetime", open311::formatW3cDateTime(server_->clock().now())}};
  for (const auto& [name, value] : expected) EXPECT_EQ(xmlValues(xml.body, name), std::vector<std::string>{value}) << name;
  for (const char* name : {"service_name", "agency_responsible", "updated_datetime", "address"}) {
    EXPECT_EQ(xmlValues(xml.body, name).size(), 1u) << name;
  }

  const Reply json = client_->get("/open311/v2/requests/" + code + ".json?api_key=" + std::string(kOpen311ApiKey));
  ASSERT_EQ(json.status, 200);
  ASSERT_EQ(json.json.Size(), 1u);
  EXPECT_EQ(json.text("/0/service_request_id"), code);

  const std::string unknown = tracking::makeTrackingCode("33.29", {1, 2, 3, 4, 5, 6, 7, 8, 9, 10})->text;
  EXPECT_EQ(errorDescriptions(client_->get("/open311/v2/requests/" + unknown + ".json?api_key=" + std::string(kOpen311ApiKey)), 404).size(), 1u);
  EXPECT_EQ(errorDescriptions(client_->get("/open311/v2/requests/nonsense.json?api_key=" + std::string(kOpen311ApiKey)), 404).size(), 1u);
}

TEST_P(Open311Api, MarkupInADescriptionIsEscapedInXml) {
  const std::string description = "Ada <script>alert(1)</script> & \"kabur\" lewat 'gang' belakang";
  const std::string code = file({{"description", description}});
  const Reply xml = client_->get("/open311/v2/requests/" + code + ".xml?api_key=" + std::string(kOpen311ApiKey));
  ASSERT_EQ(xml.status, 200) << xml.body;
  std::string why;
  EXPECT_TRUE(isWellFormedXml(xml.body, why)) << why << "\n" << xml.body;
  EXPECT_EQ(xml.body.find("<script>"), std::string::npos);
  EXPECT_NE(xml.body.find("Ada &lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;kabur&quot; lewat &apos;gang&apos; belakang"),
            std::string::npos)
      << xml.body;
  EXPECT_EQ(xmlValues(xml.body, "description"), std::vector<std::string>{description});
  const Reply json = client_->get("/open311/v2/requests/" + code + ".json?api_key=" + std::string(kOpen311ApiKey));
  EXPECT_EQ(json.text("/0/description"), description);
}

INSTANTIATE_TEST_SUITE_P(BothDialects, Open311Api, ::testing::ValuesIn(storage::kTestDialects), storage::dialectTestName);

TEST(Open311Format, XmlEscapesTheFiveSpecialCharactersAndReplacesForbiddenControls) {
  EXPECT_EQ(open311::escapeXml(R"(<a href="x">'&'</a>)"), "&lt;a href=&quot;x&quot;&gt;&apos;&amp;&apos;&lt;/a&gt;");
  EXPECT_EQ(open311::escapeXml("tab\there\nline\x01" "end"), "tab\there\nline\xEF\xBF\xBD" "end");
  EXPECT_EQ(open311::escapeXml("Jalan Kenari \xE2\x80\x94 Brebes"), "Jalan Kenari \xE2\x80\x94 Brebes");
}

TEST(Open311Format, OneTreeWritesTheSameAnswerAsJsonAndXml) {
  using open311::Node;
  Node item = Node::record();
  item.add("id", Node::text("a&b")).add("n", Node::integer(403)).add("ok", Node::boolean(true)).add("none", Node::null());
  item.add("at", Node::decimal(-6.87149, 3)).add("tags", Node::list("tag"));
  Node root = Node::list("item");
  root.push(std::move(item));
  EXPECT_EQ(open311::encode(root, "items", open311::Format::Json),
            R"([{"id":"a&b","n":403,"ok":true,"none":null,"at":-6.871,"tags":[]}])");
  EXPECT_EQ(open311::encode(root, "items", open311::Format::Xml),
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<items><item><id>a&amp;b</id><n>403</n><ok>true</ok><none/>"
            "<at>-6.871</at><tags></tags></item></items>");
  EXPECT_EQ(open311::formatFromExtension("xml"), open311::Format::Xml);
  EXPECT_EQ(open311::formatFromExtension(""), open311::Format::Json);
}

TEST(Open311Time, FormatsInUtcWithAnOffset) {
  EXPECT_EQ(open311::formatW3cDateTime(0), "1970-01-01T00:00:00+00:00");
  EXPECT_EQ(open311::formatW3cDateTime(1'790'000'000'999), "2026-09-21T14:13:20+00:00");
  EXPECT_EQ(open311::formatW3cDateTime(951'782'400'000), "2000-02-29T00:00:00+00:00");
  EXPECT_EQ(open311::formatW3cDateTime(-1), "1969-12-31T23:59:59+00:00");
}

TEST(Open311Time, ParsesTheW3cProfileWithItsZone) {
  EXPECT_EQ(open311::parseW3cDateTime("2026-09-21T14:13:20Z"), 1'790'000'000'000);
  EXPECT_EQ(open311::parseW3cDateTime("2026-09-21T21:13:20+07:00"), 1'790'000'000'000);
  EXPECT_EQ(open311::parseW3cDateTime("2026-09-21T21:13:20 07:00"), 1'790'000'000'000) << "an unencoded + in a query";
  EXPECT_EQ(open311::parseW3cDateTime("2026-09-21T09:43:20-04:30"), 1'790'000'000'000);
  EXPECT_EQ(open311::parseW3cDateTime("2026-09-21T14:13:20.25Z"), 1'790'000'000'250);
  EXPECT_EQ(open311::parseW3cDateTime("1994-11-05T08:15:30-05:00"), open311::parseW3cDateTime("1994-11-05T13:15:30Z"));
  EXPECT_EQ(open311::parseW3cDateTime("2024-02-29T00:00:00Z"), 1'709'164'800'000);
  for (const char* bad : {"", "2026-09-21", "2026-09-21T14:13:20", "2026-09-21T14:13Z", "2026-02-29T00:00:00Z",
                          "2026-13-01T00:00:00Z", "2026-09-21T24:00:00Z", "2026-09-21T14:13:20+7:00", "2026-09-21T14:13:20Zx",
                          "2026-09-21T14:13:20.Z", "2026-09-21 14:13:20Z", "yesterday"}) {
    EXPECT_FALSE(open311::parseW3cDateTime(bad).has_value()) << bad;
  }
}

TEST(Open311Form, TheTitleIsTheFirstSentenceOrAShortenedDescription) {
  const report::ValidationSettings settings;
  EXPECT_EQ(open311::titleFromDescription("Motor hilang di parkiran. Pelaku dua orang.", settings), "Motor hilang di parkiran");
  EXPECT_EQ(open311::titleFromDescription("  Pohon tumbang!\nJalan tertutup.", settings), "Pohon tumbang");
  EXPECT_EQ(open311::titleFromDescription("Api. Ada kebakaran di gudang", settings), "Api. Ada kebakaran di gudang")
      << "a first sentence too short for a title is not one";
  EXPECT_EQ(open311::titleFromDescription("Rp. 5.000 hilang", settings), "Rp. 5.000 hilang");

  const auto repeated = [](const std::string& word, int times) {
    std::string text;
    for (int i = 0; i < times; ++i) text += (i == 0 ? "" : " ") + word;
    return text;
  };
  const std::string ellipsis = "\xE2\x80\xA6";
  // 8 characters and a space per word: 119 characters end inside the 14th word, which is left out.
  EXPECT_EQ(open311::titleFromDescription(repeated("kalimat\xC3\xA9", 20), settings), repeated("kalimat\xC3\xA9", 13) + ellipsis);
  // 5 characters and a space: 119 characters end just after the 20th word, which stays.
  EXPECT_EQ(open311::titleFromDescription(repeated("abcd\xC3\xA9", 30), settings), repeated("abcd\xC3\xA9", 20) + ellipsis);
  const std::string oneWord(200, 'x');
  EXPECT_EQ(open311::titleFromDescription(oneWord, settings), std::string(119, 'x') + ellipsis);
}

}  // namespace
}  // namespace bhabin::server::testing
