#include "core/wire/report_codec.h"

#include <gtest/gtest.h>

#include <string>

#include "core/report/status_machine.h"
#include "core/wire/flat_json.h"
#include "report_fixtures.h"

namespace bhabin::wire {
namespace {

using report::Action;
using report::Report;
using report::StatusMachine;

Report sampleReport() {
  report::ReportDetails details = testing::validDetails(7);
  details.title = "Pencurian \"motor\" — Desa Kaliwlingi";
  details.description = "Baris 1\nBaris 2 ✓";
  details.photoRef = "sha256:abc";
  Report report = StatusMachine::submit(details, testing::citizen(), testing::kNowUnixMs, "85010001");
  const auto t = testing::kNowUnixMs;
  EXPECT_FALSE(StatusMachine::apply(report, {Action::Receive, testing::officer(), t + 1000, "", ""}));
  EXPECT_FALSE(StatusMachine::apply(report, {Action::HandOver, testing::officer(), t + 2000, "luar desa", "85010002"}));
  return report;
}

Report decoded(const std::variant<Report, ParseError>& result) {
  if (const auto* error = std::get_if<ParseError>(&result)) ADD_FAILURE() << error->message;
  return std::get<Report>(result);
}

std::string errorOf(const std::variant<Report, ParseError>& result) {
  const auto* error = std::get_if<ParseError>(&result);
  return error ? error->message : "(decoded)";
}

void expectSame(const Report& a, const Report& b) {
  EXPECT_EQ(encodeReportJson(a), encodeReportJson(b));
  EXPECT_EQ(a.details().title, b.details().title);
  EXPECT_EQ(a.details().position.latDeg, b.details().position.latDeg);  // bit-exact, not approximately
  EXPECT_EQ(a.status(), b.status());
  EXPECT_EQ(a.timeline().size(), b.timeline().size());
}

std::string replaced(std::string text, const std::string& from, const std::string& to) {
  const auto at = text.find(from);
  EXPECT_NE(at, std::string::npos) << from;
  if (at != std::string::npos) text.replace(at, from.size(), to);
  return text;
}

TEST(ReportCodec, JsonRoundTripWithCleanNames) {
  const Report report = sampleReport();
  const std::string json = encodeReportJson(report);
  EXPECT_EQ(json.find("value0"), std::string::npos) << json;
  // One line: the description's line break travels escaped, layout line breaks are gone.
  EXPECT_EQ(json.find('\n'), std::string::npos) << json;
  EXPECT_NE(json.find("Baris 1\\nBaris 2"), std::string::npos) << json;
  for (const char* name : {"\"formatVersion\": 3", "\"trackingCode\"", "\"category\": \"traffic_accident\"",
                           "\"status\": \"handed_over\"", "\"action\": \"hand_over\"", "\"role\": \"citizen\"",
                           "\"latDeg\": -6.8694", "\"assignedNrp\": \"85010002\""}) {
    EXPECT_NE(json.find(name), std::string::npos) << name << " in " << json;
  }
  expectSame(decoded(decodeReportJson(json)), report);
}

TEST(ReportCodec, BinaryRoundTripIsCompact) {
  const Report report = sampleReport();
  const std::string bytes = encodeReportBinary(report);
  EXPECT_LT(bytes.size(), encodeReportJson(report).size() / 2);
  expectSame(decoded(decodeReportBinary(bytes)), report);
}

TEST(ReportCodec, JsonFieldsMayComeInAnyOrder) {
  const std::string json = encodeReportJson(sampleReport());
  const std::string withoutVersion = replaced(json, "\"formatVersion\": 3,", "");
  const std::string moved = replaced(withoutVersion, "{", "{\"formatVersion\": 3,\"extra\": 5,");
  EXPECT_EQ(errorOf(decodeReportJson(moved)), "(decoded)");
}

TEST(ReportCodec, JsonErrorsNameTheField) {
  const std::string json = encodeReportJson(sampleReport());
  EXPECT_EQ(errorOf(decodeReportJson(replaced(json, "\"title\"", "\"titel\""))),
            "\"title\" is missing or not a string");
  EXPECT_EQ(errorOf(decodeReportJson(replaced(json, "\"latDeg\": -6.8694", "\"latDeg\": \"-6.8\""))),
            "\"position.latDeg\" is missing or not a number");
  EXPECT_EQ(errorOf(decodeReportJson(replaced(json, "\"category\": \"traffic_accident\"", "\"category\": \"ufo\""))),
            "\"category\" has the unknown value \"ufo\"");
  EXPECT_EQ(errorOf(decodeReportJson(replaced(json, "\"action\": \"receive\"", "\"action\": 3"))),
            "\"timeline[1].action\" is missing or not a string");
  EXPECT_NE(errorOf(decodeReportJson(replaced(json, "\"incidentAtUnixMs\": ", "\"incidentAtUnixMs\": 0.5+"))),
            "(decoded)");
}

TEST(ReportCodec, RefusesHostileJson) {
  const std::string json = encodeReportJson(sampleReport());
  EXPECT_NE(errorOf(decodeReportJson(replaced(json, "-6.8694", "NaN"))), "(decoded)");
  EXPECT_NE(errorOf(decodeReportJson(replaced(json, "-6.8694", "-Infinity"))), "(decoded)");
  EXPECT_NE(errorOf(decodeReportJson(replaced(json, "-6.8694", "1e999"))).find("too big"), std::string::npos);
  EXPECT_EQ(errorOf(decodeReportJson(replaced(json, "-6.8694", "0e45"))), "a zero with an exponent (0e45)");
  EXPECT_EQ(errorOf(decodeReportJson(replaced(json, "-6.8694", "-96.8694"))), "\"position\" is out of range");
  const std::string hugeInt = replaced(json, "\"incidentAtUnixMs\": ", "\"incidentAtUnixMs\": 99999999999999999999");
  EXPECT_NE(errorOf(decodeReportJson(replaced(hugeInt, "99999999999999999999", "99999999999999999999"))), "(decoded)");
  EXPECT_NE(errorOf(decodeReportJson(json.substr(0, json.size() / 2))).find("at byte"), std::string::npos);
  const std::string deep = "{\"formatVersion\": 1, \"title\": " + std::string(100000, '[') + "}";
  EXPECT_NE(errorOf(decodeReportJson(deep)).find("nesting"), std::string::npos);
  const std::string big = replaced(json, "\"Baris 1", "\"" + std::string(10 << 20, 'x'));
  EXPECT_NE(errorOf(decodeReportJson(big)).find("larger than"), std::string::npos);
  EXPECT_EQ(errorOf(decodeReportJson("[]")), "top level is not an object");
  EXPECT_EQ(errorOf(decodeReportJson(replaced(json, "\"title\": \"", "\"title\": \"\\u0000"))),
            "a string contains a NUL character (\\u0000)");
}

TEST(ReportCodec, RefusesUnknownFormatVersions) {
  const std::string json = encodeReportJson(sampleReport());
  EXPECT_NE(errorOf(decodeReportJson(replaced(json, "\"formatVersion\": 3", "\"formatVersion\": 4")))
                .find("format version 4 is not one this app reads"),
            std::string::npos);
  EXPECT_NE(errorOf(decodeReportJson(replaced(json, "\"formatVersion\": 3", "\"formatVersion\": 0"))), "(decoded)");
  EXPECT_NE(errorOf(decodeReportJson(replaced(json, "\"formatVersion\": 3", "\"formatVersion\": -1"))), "(decoded)");
}

TEST(ReportCodec, RefusesReportsTheRulesForbid) {
  const std::string json = encodeReportJson(sampleReport());
  EXPECT_NE(errorOf(decodeReportJson(replaced(json, "\"status\": \"handed_over\",\"assignedNrp\"",
                                              "\"status\": \"resolved\",\"assignedNrp\"")))
                .find("disagrees with the timeline"),
            std::string::npos);
  EXPECT_NE(errorOf(decodeReportJson(replaced(json, "\"action\": \"receive\"", "\"action\": \"resolve\""))),
            "(decoded)");
  const std::string code = sampleReport().details().trackingCode;
  std::string typo = code;
  typo[6] = typo[6] == 'A' ? 'B' : 'A';
  EXPECT_EQ(errorOf(decodeReportJson(replaced(json, code, typo))), "\"trackingCode\" is not a canonical tracking code");
}

TEST(ReportCodec, RefusesDamagedBinary) {
  const std::string bytes = encodeReportBinary(sampleReport());
  for (std::size_t cut = 0; cut < bytes.size(); ++cut) {
    EXPECT_NE(errorOf(decodeReportBinary(bytes.substr(0, cut))), "(decoded)") << cut;
  }
  EXPECT_EQ(errorOf(decodeReportBinary(bytes + "x")), "unexpected bytes after the document");
  std::string wrongMagic = bytes;
  wrongMagic[1] ^= 0x01;
  EXPECT_NE(errorOf(decodeReportBinary(wrongMagic)).find("magic"), std::string::npos);
  // A string length of 2^62 must be refused before anything is allocated for it (trackingCode's size tag).
  std::string hugeString = bytes;
  const std::size_t sizeTag = 1 + 4 + 4;  // endianness byte, magic, version
  hugeString.replace(sizeTag, 8, std::string("\x00\x00\x00\x00\x00\x00\x00\x40", 8));
  EXPECT_EQ(errorOf(decodeReportBinary(hugeString)), "\"trackingCode\" is too long");
}

// Version-1 documents as the first release wrote them. They must keep decoding after every format change.
constexpr std::string_view kVersion1Binary =
    "0150524842010000001800000000000000333332392d563747452d4656514e2d5a4731472d4d34383802190000000000000054616272"
    "616b616e206469206a616c616e2070616e74757261290000000000000044756120736570656461206d6f746f722062657274616272"
    "616b616e2064656b61742070617361722e004de1318f010000d1915cfe437a1bc0f46c567dae425b400d0000000000000033332e32"
    "392e30312e323030310000000000000000000b000000000000005369746920416d696e61680e000000000000002b36323831323334"
    "353637383930000800000000000000383530313030303101000000000000000000000000000000000000803b18328f01000000000000"
    "0000000008000000000000003835303130303031";

constexpr std::string_view kVersion1Json = R"({"formatVersion": 1, "trackingCode": "3329-V7GE-FVQN-ZG1G-M488",
  "category": "traffic_accident", "title": "Tabrakan di jalan pantura",
  "description": "Dua sepeda motor bertabrakan dekat pasar.", "incidentAtUnixMs": 1714528800000,
  "position": {"latDeg": -6.8694, "lonDeg": 109.0419}, "villageCode": "33.29.01.2001", "photoRef": "",
  "reporter": {"anonymous": false, "name": "Siti Aminah", "phoneE164": "+6281234567890"},
  "status": "submitted", "assignedNrp": "85010001",
  "timeline": [{"action": "submit", "status": "submitted", "actor": {"role": "citizen", "id": ""},
                "atUnixMs": 1714532400000, "note": "", "assignedNrp": "85010001"}]})";

std::string fromHex(std::string_view hex) {
  std::string bytes;
  for (std::size_t i = 0; i + 1 < hex.size(); i += 2) {
    bytes += static_cast<char>(std::stoi(std::string(hex.substr(i, 2)), nullptr, 16));
  }
  return bytes;
}

void expectVersion1Report(const Report& report) {
  EXPECT_EQ(report.details().trackingCode, "3329-V7GE-FVQN-ZG1G-M488");
  EXPECT_EQ(report.details().category, report::Category::TrafficAccident);
  EXPECT_EQ(report.details().incidentAtUnixMs, 1714528800000);
  EXPECT_EQ(report.details().position.lonDeg, 109.0419);
  EXPECT_EQ(report.details().reporter.phoneE164, "+6281234567890");
  EXPECT_EQ(report.status(), report::Status::Submitted);
  EXPECT_EQ(report.assignedOfficerNrp(), "85010001");
  ASSERT_EQ(report.timeline().size(), 1u);
  EXPECT_EQ(report.timeline()[0].atUnixMs, 1714532400000);
}

TEST(ReportCodec, Version1DocumentsStillLoad) {
  const std::string golden = fromHex(kVersion1Binary);
  const Report fromBinary = decoded(decodeReportBinary(golden));
  expectVersion1Report(fromBinary);
  expectVersion1Report(decoded(decodeReportJson(kVersion1Json)));
  // Version 3 appended the rating to each timeline event, the last field of the last event here: the encoder
  // writes the same bytes after the version, plus that rating (0).
  constexpr std::size_t kHeaderBytes = 1 + 4 + 4;  // cereal's byte order flag, magic, format version
  const std::string encoded = encodeReportBinary(fromBinary);
  EXPECT_EQ(encoded.substr(kHeaderBytes), golden.substr(kHeaderBytes) + std::string(4, '\0'));
  EXPECT_EQ(encoded.substr(5, 4), std::string("\x03\0\0\0", 4)) << "written as the current version";
}

// A resolved report as version 2 wrote it: no ratings, and the actions it knew then.
constexpr std::string_view kVersion2ResolvedJson = R"({"formatVersion": 2, "trackingCode": "3329-V7GE-FVQN-ZG1G-M488",
  "category": "traffic_accident", "title": "Tabrakan di jalan pantura",
  "description": "Dua sepeda motor bertabrakan dekat pasar.", "incidentAtUnixMs": 1714528800000,
  "position": {"latDeg": -6.8694, "lonDeg": 109.0419}, "villageCode": "33.29.01.2001", "photoRef": "",
  "reporter": {"anonymous": true, "name": "", "phoneE164": ""},
  "status": "resolved", "assignedNrp": "85010001",
  "timeline": [{"action": "submit", "status": "submitted", "actor": {"role": "citizen", "id": ""},
                "atUnixMs": 1714532400000, "note": "", "assignedNrp": "85010001"},
               {"action": "receive", "status": "received", "actor": {"role": "officer", "id": "85010001"},
                "atUnixMs": 1714532500000, "note": "", "assignedNrp": "85010001"},
               {"action": "start", "status": "in_process", "actor": {"role": "officer", "id": "85010001"},
                "atUnixMs": 1714532600000, "note": "", "assignedNrp": "85010001"},
               {"action": "resolve", "status": "resolved", "actor": {"role": "officer", "id": "85010001"},
                "atUnixMs": 1714532700000, "note": "selesai", "assignedNrp": "85010001"}]})";

// Checked once that this bites: with "rating" read at every version (no `io.version >= 3` in report_fields.h),
// this test and Version1DocumentsStillLoad fail ("rating" is missing).
TEST(ReportCodec, Version2ResolvedReportLoadsAndCanBeConfirmed) {
  Report report = decoded(decodeReportJson(kVersion2ResolvedJson));
  ASSERT_EQ(report.status(), report::Status::Resolved);
  EXPECT_EQ(report.timeline().back().rating, 0u);
  EXPECT_FALSE(StatusMachine::apply(report, {Action::Confirm, testing::citizen(), 1714532800000, "", "", 4}));
  const Report again = decoded(decodeReportBinary(encodeReportBinary(report)));
  EXPECT_EQ(again.status(), report::Status::Closed);
  EXPECT_EQ(again.timeline().back().rating, 4u);
  EXPECT_NE(encodeReportJson(again).find("\"rating\": 4"), std::string::npos);
}

TEST(ReportCodec, ClosureAndEscalationRoundTrip) {
  Report report = sampleReport();
  const auto t = testing::kNowUnixMs;
  EXPECT_FALSE(StatusMachine::apply(report, {Action::Escalate, testing::server(), t + 3000, "receive: 60 min late", ""}));
  EXPECT_FALSE(StatusMachine::apply(report, {Action::Receive, testing::officer("85010002"), t + 4000, "", ""}));
  EXPECT_FALSE(StatusMachine::apply(report, {Action::Start, testing::officer("85010002"), t + 5000, "", ""}));
  EXPECT_FALSE(StatusMachine::apply(report, {Action::Resolve, testing::officer("85010002"), t + 6000, "", ""}));
  EXPECT_FALSE(StatusMachine::apply(report, {Action::AutoClose, testing::server(), t + 7000, "", ""}));
  expectSame(report, decoded(decodeReportJson(encodeReportJson(report))));
  expectSame(report, decoded(decodeReportBinary(encodeReportBinary(report))));
  const std::string json = encodeReportJson(report);
  EXPECT_NE(errorOf(decodeReportJson(replaced(json, "\"rating\": 0}]", "\"rating\": 9}]"))).find("rating"),
            std::string::npos);
}

}  // namespace
}  // namespace bhabin::wire
