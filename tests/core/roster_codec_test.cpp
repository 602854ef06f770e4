#include "core/wire/roster_codec.h"

#include <gtest/gtest.h>

#include <string>

namespace bhabin::wire {
namespace {

// A valid document in pieces, so that each hostile case changes exactly one of them.
const std::string kHead =
    R"("format":1,"version":42,"rules":{"openReportsCap":15,"nearestCount":3,"maxDistanceKm":50})";
const std::string kOfficers =
    R"([["87050001","Bripka Andi","+6281200000001",-6.873,109.042,1,3],["87050002","Brigpol Sari","",-6.9,109.1,0,0]])";
const std::string kVillages =
    R"([["33.29.01.2001","Banjaran","Salem","Kabupaten Brebes","Jawa Tengah",-7.18,108.77,0],)"
    R"(["33.29.01.2002","Bentarsari","Salem","Kabupaten Brebes","Jawa Tengah",-7.17,108.8,-1]])";

std::string document(const std::string& officers = kOfficers, const std::string& villages = kVillages,
                     const std::string& head = kHead) {
  return "{" + head + R"(,"officers":)" + officers + R"(,"villages":)" + villages + "}";
}

// The document with one officer (or village) item replaced.
std::string withOfficer(const std::string& item) { return document("[" + item + "]"); }
std::string withVillage(const std::string& item) { return document(kOfficers, "[" + item + "]"); }

std::string errorOf(const std::string& json) {
  auto parsed = parseRosterJson(json);
  auto* error = std::get_if<ParseError>(&parsed);
  return error ? error->message : "(parsed)";
}

RosterSnapshot sample() {
  RosterSnapshot snapshot;
  snapshot.version = 9876543210;
  snapshot.rules = {7, 5, 12.5};
  snapshot.officers = {{"87050001", "Bripka Andi \"Gus\" Wijaya", "+6281200000001", {-6.873, 109.042}, true, 3},
                       {"87050002", "Brigpol Sari Dewi", "", {-6.9, 109.1}, false, 0}};
  snapshot.villages = {
      {"33.29.01.2001", "Banjaran", "Salem", "Kabupaten Brebes", "Jawa Tengah", {-7.18, 108.77}, 1},
      {"33.29.09.1015", "Pasarbatang", "Brebes", "Kabupaten Brebes", "Jawa Tengah", {-6.87, 109.03}, -1}};
  return snapshot;
}

TEST(RosterCodec, RoundTripsEveryField) {
  const RosterSnapshot original = sample();
  auto parsed = parseRosterJson(encodeRosterJson(original));
  ASSERT_TRUE(std::holds_alternative<RosterSnapshot>(parsed)) << std::get<ParseError>(parsed).message;
  const RosterSnapshot& read = std::get<RosterSnapshot>(parsed);
  EXPECT_EQ(read.version, original.version);
  EXPECT_EQ(read.rules.openReportsCap, 7);
  EXPECT_EQ(read.rules.nearestCount, 5u);
  EXPECT_EQ(read.rules.maxDistanceKm, 12.5);
  ASSERT_EQ(read.officers.size(), 2u);
  for (std::size_t i = 0; i < read.officers.size(); ++i) {
    EXPECT_EQ(read.officers[i].nrp, original.officers[i].nrp);
    EXPECT_EQ(read.officers[i].name, original.officers[i].name);
    EXPECT_EQ(read.officers[i].phoneE164, original.officers[i].phoneE164);
    EXPECT_EQ(read.officers[i].position, original.officers[i].position);
    EXPECT_EQ(read.officers[i].onDuty, original.officers[i].onDuty);
    EXPECT_EQ(read.officers[i].openReports, original.officers[i].openReports);
  }
  ASSERT_EQ(read.villages.size(), 2u);
  for (std::size_t i = 0; i < read.villages.size(); ++i) {
    EXPECT_EQ(read.villages[i].code, original.villages[i].code);
    EXPECT_EQ(read.villages[i].name, original.villages[i].name);
    EXPECT_EQ(read.villages[i].district, original.villages[i].district);
    EXPECT_EQ(read.villages[i].regency, original.villages[i].regency);
    EXPECT_EQ(read.villages[i].province, original.villages[i].province);
    EXPECT_EQ(read.villages[i].center, original.villages[i].center);
    EXPECT_EQ(read.villages[i].officer, original.villages[i].officer);
  }
}

TEST(RosterCodec, WritesCompactArraysOfArrays) {
  RosterSnapshot snapshot = sample();
  snapshot.officers.resize(1);
  snapshot.villages.resize(1);
  snapshot.villages[0].officer = 0;
  EXPECT_EQ(encodeRosterJson(snapshot),
            R"({"format":1,"version":9876543210,"rules":{"openReportsCap":7,"nearestCount":5,"maxDistanceKm":12.5},)"
            R"("officers":[["87050001","Bripka Andi \"Gus\" Wijaya","+6281200000001",-6.873,109.042,1,3]],)"
            R"("villages":[["33.29.01.2001","Banjaran","Salem","Kabupaten Brebes","Jawa Tengah",-7.18,108.77,0]]})");
}

TEST(RosterCodec, ReadsAHandWrittenFormatOneDocumentAndIgnoresUnknownMembers) {
  auto parsed = parseRosterJson(document(kOfficers, kVillages, kHead + R"(,"generatedBy":"a later server")"));
  ASSERT_TRUE(std::holds_alternative<RosterSnapshot>(parsed)) << std::get<ParseError>(parsed).message;
  const RosterSnapshot& read = std::get<RosterSnapshot>(parsed);
  EXPECT_EQ(read.version, 42);
  EXPECT_EQ(read.officers[0].position, (geo::LatLon{-6.873, 109.042}));
  EXPECT_TRUE(read.officers[0].onDuty);
  EXPECT_FALSE(read.officers[1].onDuty);
  EXPECT_EQ(read.villages[0].officer, 0);
  EXPECT_EQ(read.villages[1].officer, -1);
  EXPECT_EQ(errorOf(document("[]", "[]")), "(parsed)") << "an empty roster is a roster";
}

TEST(RosterCodec, RefusesBrokenOrOverLimitJsonBeforeReadingIt) {
  EXPECT_NE(errorOf(document().substr(0, 100)).find("at byte"), std::string::npos);
  EXPECT_EQ(errorOf("[1]"), "top level is not an object");
  EXPECT_NE(errorOf(withOfficer(R"(["87050001","A","",NaN,109,1,0])")).find("at byte"), std::string::npos);
  EXPECT_NE(errorOf(withOfficer(R"(["87050001","A","",1e999,109,1,0])")).find("too big"), std::string::npos);
  EXPECT_EQ(errorOf(withOfficer(R"(["87050001","A\uDC00","",-7,109,1,0])")),
            "a string escapes half of a UTF-16 surrogate pair");
  EXPECT_NE(errorOf(withOfficer("[\"87050001\",\"A\xC3\x28\",\"\",-7,109,1,0]")).find("Invalid encoding"),
            std::string::npos);
  EXPECT_EQ(errorOf(withOfficer(R"(["87050001","A","",-7,109,[1],0])")), "nesting deeper than 3 levels");
  EXPECT_EQ(errorOf(withOfficer("[\"87050001\",\"" + std::string(5000, 'a') + "\",\"\",-7,109,1,0]")),
            "a string is longer than 4096 bytes");
  EXPECT_EQ(errorOf(std::string(kMaxRosterBytes + 1, ' ')), "document larger than 33554432 bytes");
}

TEST(RosterCodec, NamesTheMissingOrMistypedMember) {
  EXPECT_EQ(errorOf(R"({"version":1})"), R"("format" is missing)");
  EXPECT_EQ(errorOf(document(kOfficers, kVillages, R"("format":"1")")),
            R"("format" is not a format number (1 or more))");
  EXPECT_EQ(errorOf(document(kOfficers, kVillages, R"("format":2)")),
            R"("format" 2 is newer than this app reads (1..1): reload the app to update it)");
  EXPECT_EQ(errorOf(document(kOfficers, kVillages, R"("format":1,"version":-1)")),
            R"("version" is not an integer in 0..9223372036854775807)");
  EXPECT_EQ(errorOf(document(kOfficers, kVillages, R"("format":1,"version":1.5)")),
            R"("version" is not an integer in 0..9223372036854775807)");
  EXPECT_EQ(errorOf(document(kOfficers, kVillages, R"("format":1,"version":1,"rules":[])")),
            R"("rules" is not an object)");
  EXPECT_EQ(
      errorOf(document(kOfficers, kVillages, R"("format":1,"version":1,"rules":{"nearestCount":3,"maxDistanceKm":5})")),
      R"("rules.openReportsCap" is missing)");
  EXPECT_EQ(
      errorOf(document(kOfficers, kVillages,
                       R"("format":1,"version":1,"rules":{"openReportsCap":-1,"nearestCount":3,"maxDistanceKm":5})")),
      R"("rules.openReportsCap" is not an integer in 0..2147483647)");
  EXPECT_EQ(
      errorOf(document(kOfficers, kVillages,
                       R"("format":1,"version":1,"rules":{"openReportsCap":1,"nearestCount":101,"maxDistanceKm":5})")),
      R"("rules.nearestCount" is not an integer in 0..100)");
  EXPECT_EQ(
      errorOf(document(kOfficers, kVillages,
                       R"("format":1,"version":1,"rules":{"openReportsCap":1,"nearestCount":3,"maxDistanceKm":0})")),
      R"("rules.maxDistanceKm" is not a positive number)");
  EXPECT_EQ(
      errorOf(document(kOfficers, kVillages,
                       R"("format":1,"version":1,"rules":{"openReportsCap":1,"nearestCount":3,"maxDistanceKm":"5"})")),
      R"("rules.maxDistanceKm" is not a positive number)");
  EXPECT_EQ(errorOf("{" + kHead + R"(,"villages":[]})"), R"("officers" is missing)");
  EXPECT_EQ(errorOf(document("{}")), R"("officers" is not a list)");
  EXPECT_EQ(errorOf(document(kOfficers, "null")), R"("villages" is not a list)");
}

TEST(RosterCodec, NamesTheOfficerColumnThatIsWrong) {
  EXPECT_EQ(errorOf(withOfficer(R"(["87050001","A","",-7,109,1])")),
            R"("officers[0]" is not a list of 7 items [nrp, name, phone, lat, lon, onDuty, openReports])");
  EXPECT_EQ(errorOf(withOfficer(R"({"nrp":"87050001"})")),
            R"("officers[0]" is not a list of 7 items [nrp, name, phone, lat, lon, onDuty, openReports])");
  EXPECT_EQ(errorOf(withOfficer(R"([87050001,"A","",-7,109,1,0])")), R"("officers[0][0]" (nrp) is not a string)");
  EXPECT_EQ(errorOf(withOfficer(R"(["8705-001","A","",-7,109,1,0])")),
            R"("officers[0][0]" (nrp) is not an NRP of 8 digits)");
  EXPECT_EQ(errorOf(withOfficer("[\"87050001\",\"" + std::string(513, 'a') + "\",\"\",-7,109,1,0]")),
            R"("officers[0][1]" (name) is longer than 512 bytes)");
  EXPECT_EQ(errorOf(withOfficer(R"(["87050001","A",null,-7,109,1,0])")), R"("officers[0][2]" (phone) is not a string)");
  EXPECT_EQ(errorOf(withOfficer(R"(["87050001","A","","-7",109,1,0])")), R"("officers[0][3]" (lat) is not a number)");
  EXPECT_EQ(errorOf(withOfficer(R"(["87050001","A","",90.5,109,1,0])")),
            R"("officers[0][3]" (lat) is outside -90..90)");
  EXPECT_EQ(errorOf(withOfficer(R"(["87050001","A","",-7,-180.01,1,0])")),
            R"("officers[0][4]" (lon) is outside -180..180)");
  EXPECT_EQ(errorOf(withOfficer(R"(["87050001","A","",-7,109,true,0])")),
            R"("officers[0][5]" (onDuty) is not an integer in 0..1)");
  EXPECT_EQ(errorOf(withOfficer(R"(["87050001","A","",-7,109,2,0])")),
            R"("officers[0][5]" (onDuty) is not an integer in 0..1)");
  EXPECT_EQ(errorOf(withOfficer(R"(["87050001","A","",-7,109,1,-1])")),
            R"("officers[0][6]" (openReports) is not an integer in 0..2147483646)");
  EXPECT_EQ(errorOf(withOfficer(R"(["87050001","A","",-7,109,1,2147483647])")),
            R"("officers[0][6]" (openReports) is not an integer in 0..2147483646)");
  EXPECT_EQ(
      errorOf(document(
          R"([["87050001","A","",-7,109,1,0],["87050002","B","",-7,109,1,0],["87050001","C","",-7,109,1,0]])", "[]")),
      R"("officers[2][0]" (nrp) repeats officers[0])");
}

TEST(RosterCodec, NamesTheVillageColumnThatIsWrong) {
  EXPECT_EQ(errorOf(withVillage(R"(["33.29.01.2001","A","B","C","D",-7,109])")),
            R"("villages[0]" is not a list of 8 items [code, name, district, regency, province, lat, lon, officer])");
  EXPECT_EQ(errorOf(withVillage(R"(["33.29.01","A","B","C","D",-7,109,0])")),
            R"("villages[0][0]" (code) is not a village code such as 33.29.01.2001)");
  EXPECT_EQ(errorOf(withVillage(R"(["33.29.01.2001","A","B",3329,"D",-7,109,0])")),
            R"("villages[0][3]" (regency) is not a string)");
  EXPECT_EQ(errorOf(withVillage(R"(["33.29.01.2001","A","B","C","D",-97,109,0])")),
            R"("villages[0][5]" (lat) is outside -90..90)");
  EXPECT_EQ(errorOf(withVillage(R"(["33.29.01.2001","A","B","C","D",-7,109,2])")),
            R"("villages[0][7]" (officer) is not an integer in -1..1)")
      << "two officers: indices 0 and 1";
  EXPECT_EQ(errorOf(withVillage(R"(["33.29.01.2001","A","B","C","D",-7,109,-2])")),
            R"("villages[0][7]" (officer) is not an integer in -1..1)");
  EXPECT_EQ(errorOf(document("[]", R"([["33.29.01.2001","A","B","C","D",-7,109,0]])")),
            R"("villages[0][7]" (officer) is not an integer in -1..-1)")
      << "no officers: only -1";
  EXPECT_EQ(
      errorOf(withVillage(R"(["33.29.01.2001","A","B","C","D",-7,109,0],["33.29.01.2001","E","B","C","D",-7,109,1])")),
      R"("villages[1][0]" (code) repeats villages[0])");
}

TEST(RosterCodec, RefusesMoreItemsThanTheCountryHasBeforeReadingThem) {
  std::string items = "[";
  for (std::size_t i = 0; i <= kMaxRosterItems; ++i) items += i ? ",0" : "0";
  items += "]";
  EXPECT_EQ(errorOf(document(items)), R"("officers" has more than 200000 items)");
}

}  // namespace
}  // namespace bhabin::wire
