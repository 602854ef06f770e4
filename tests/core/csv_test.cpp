// The CSV splitter shared by the command-line tool and the server's area catalog.
#include "core/wire/csv.h"

#include <gtest/gtest.h>

namespace bhabin::wire {
namespace {

using Fields = std::vector<std::string>;

CsvTable parsed(std::string_view text) {
  auto result = parseCsv(text);
  if (auto* table = std::get_if<CsvTable>(&result)) return std::move(*table);
  const CsvError& error = std::get<CsvError>(result);
  ADD_FAILURE() << error.line << ": " << error.message;
  return CsvTable(std::vector<std::string>{});
}

CsvError failure(std::string_view text) {
  auto result = parseCsv(text);
  if (auto* error = std::get_if<CsvError>(&result)) return *error;
  ADD_FAILURE() << "parsed without an error";
  return {};
}

TEST(Csv, SplitsHeaderAndRowsWithTheirLines) {
  const CsvTable table = parsed("code,name\n33.29,Brebes\n33.28,Tegal\n");
  EXPECT_EQ(table.header(), (Fields{"code", "name"}));
  ASSERT_EQ(table.rows.size(), 2u);
  EXPECT_EQ(table.rows[0].line, 2u);
  EXPECT_EQ(table.rows[0].fields, (Fields{"33.29", "Brebes"}));
  EXPECT_EQ(table.rows[1].line, 3u);
  EXPECT_EQ(table.rows[1].fields, (Fields{"33.28", "Tegal"}));
}

TEST(Csv, QuotedFieldsKeepCommasAndDoubledQuotes) {
  const CsvTable table = parsed("name,note\n\"Brebes, Jawa Tengah\",\"kata \"\"aman\"\"\"\n");
  ASSERT_EQ(table.rows.size(), 1u);
  EXPECT_EQ(table.rows[0].fields, (Fields{"Brebes, Jawa Tengah", "kata \"aman\""}));
}

TEST(Csv, AQuoteInsideAnUnquotedFieldIsAnOrdinaryCharacter) {
  // idn-area-data spells some Madurese names this way.
  const CsvTable table = parsed("code,district_code,name\n35.13.15.2017,35.13.15,Soka\"an\n");
  ASSERT_EQ(table.rows.size(), 1u);
  EXPECT_EQ(table.rows[0].fields[2], "Soka\"an");
}

TEST(Csv, LineBreaksInsideQuotesStayInTheFieldAndAdvanceTheLineCount) {
  const CsvTable table = parsed("id,note\n1,\"first\nsecond\"\n2,plain\n");
  ASSERT_EQ(table.rows.size(), 2u);
  EXPECT_EQ(table.rows[0].fields[1], "first\nsecond");
  EXPECT_EQ(table.rows[0].line, 2u);
  EXPECT_EQ(table.rows[1].line, 4u);
}

TEST(Csv, AcceptsCrLfAByteOrderMarkAndNoFinalLineBreak) {
  const CsvTable table = parsed("\xEF\xBB\xBFid,lat\r\n7,-6.87\r\n8,-6.9");
  EXPECT_EQ(table.header(), (Fields{"id", "lat"}));
  ASSERT_EQ(table.rows.size(), 2u);
  EXPECT_EQ(table.rows[0].fields, (Fields{"7", "-6.87"}));
  EXPECT_EQ(table.rows[1].fields, (Fields{"8", "-6.9"}));
  EXPECT_EQ(table.rows[1].line, 3u);
}

TEST(Csv, SkipsBlankLinesButCountsThem) {
  const CsvTable table = parsed("id,lat\n\n1,2\n  , \n3,4\n");
  ASSERT_EQ(table.rows.size(), 2u);
  EXPECT_EQ(table.rows[0].line, 3u);
  EXPECT_EQ(table.rows[1].line, 5u);
}

TEST(Csv, FindsColumnsIgnoringCaseAndSpaces) {
  const CsvTable table = parsed(" Village Code ,LAT\n");
  EXPECT_EQ(table.column("villagecode"), 0u);
  EXPECT_EQ(table.column("lat"), 1u);
  EXPECT_EQ(table.column("lon"), std::nullopt);
  EXPECT_EQ(table.columnCount(), 2u);
}

TEST(Csv, NamesTheLineOfAWrongFieldCount) {
  const CsvError error = failure("id,lat,lon\n1,2,3\n\"x\ny\",2\n");
  EXPECT_EQ(error.line, 3u);
  EXPECT_EQ(error.message, "2 fields, but the header has 3");
}

TEST(Csv, NamesTheLineWhereAnUnclosedQuoteOpened) {
  const CsvError error = failure("id,name\n1,ok\n2,\"never\nclosed\n");
  EXPECT_EQ(error.line, 3u);
  EXPECT_EQ(error.message, "quote opened on line 3 is never closed");
}

TEST(Csv, RefusesEmptyText) {
  for (std::string_view text : {"", "\xEF\xBB\xBF"}) {
    const CsvError error = failure(text);
    EXPECT_EQ(error.line, 1u);
    EXPECT_EQ(error.message, "the file is empty; expected a header row");
  }
}

TEST(Csv, AHeaderOnlyTableHasNoRows) {
  const CsvTable table = parsed("code,name\n");
  EXPECT_EQ(table.columnCount(), 2u);
  EXPECT_TRUE(table.rows.empty());
}

// Bite, tried by hand: startsLikeFormula answering false failed NeutralisesFormulasInText.
TEST(CsvWriter, QuotesWhatSpreadsheetsWouldSplitAndReadsBack) {
  CsvWriter out({"name", "note"});
  out.text("Siti, \"Bu RT\"").text("baris satu\nbaris dua").endRow();
  out.text("Désa Kaliwlingi ✓").plain("").endRow();
  EXPECT_EQ(out.rows(), 2u);
  EXPECT_EQ(out.str().substr(0, 3), "\xEF\xBB\xBF") << "a byte-order mark for spreadsheet apps";
  EXPECT_NE(out.str().find("name,note\r\n"), std::string::npos);
  const CsvTable table = parsed(out.str());
  ASSERT_EQ(table.rows.size(), 2u);
  EXPECT_EQ(table.rows[0].fields, (Fields{"Siti, \"Bu RT\"", "baris satu\nbaris dua"}));
  EXPECT_EQ(table.rows[1].fields, (Fields{"Désa Kaliwlingi ✓", ""}));
}

TEST(CsvWriter, NeutralisesFormulasInText) {
  CsvWriter out({"a", "b", "c", "d", "e", "f"});
  out.text("=HYPERLINK(\"http://x\")").text("+1").text("-2").text("@SUM(A1)").text("\tTab").text("Aman=").endRow();
  out.plain("-6.5").number(-6.8791234).text("").text("'kutip").plain("x").plain("y").endRow();
  const CsvTable table = parsed(out.str());
  EXPECT_EQ(table.rows[0].fields, (Fields{"'=HYPERLINK(\"http://x\")", "'+1", "'-2", "'@SUM(A1)", "'\tTab", "Aman="}));
  EXPECT_EQ(table.rows[1].fields, (Fields{"-6.5", "-6.8791234", "", "'kutip", "x", "y"})) << "numbers stay numbers";
}

}  // namespace
}  // namespace bhabin::wire
