// The national area catalog: the real idn-area-data (node_modules, installed by scripts/setup), and the checks
// that name file and line of a bad row, on small fixture files.
#include "server/areas/area_catalog.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>

#include "core/search/village_index.h"

namespace bhabin::server::areas {
namespace {

// Loaded once for all tests: reading 83,763 villages takes a moment.
class NationalAreaCatalog : public ::testing::Test {
 protected:
  void SetUp() override {
    static const auto loaded = loadAreaCatalog(defaultAreaDataDir(BHABIN_SOURCE_DIR));
    if (auto* error = std::get_if<AreaError>(&loaded)) FAIL() << error->message;
    catalog_ = &std::get<AreaCatalog>(loaded);
  }
  const AreaCatalog& catalog() const { return *catalog_; }

 private:
  const AreaCatalog* catalog_ = nullptr;
};

TEST_F(NationalAreaCatalog, LoadsAllOfIndonesia) {
  const AreaCatalog& catalog = this->catalog();
  EXPECT_EQ(catalog.provinces().size(), 38u);
  EXPECT_EQ(catalog.regencies().size(), 514u);
  EXPECT_EQ(catalog.districts().size(), 7277u);
  EXPECT_EQ(catalog.villages().size(), 83763u);
}

TEST_F(NationalAreaCatalog, BrebesHas17DistrictsAnd297Villages) {
  const AreaCatalog& catalog = this->catalog();
  const Regency* brebes = catalog.regency("33.29");
  ASSERT_NE(brebes, nullptr);
  EXPECT_EQ(brebes->name, "Kabupaten Brebes");
  EXPECT_EQ(brebes->shortName, "Brebes");
  EXPECT_EQ(brebes->provinceCode, "33");
  EXPECT_EQ(catalog.province("33")->name, "Jawa Tengah");

  const Slice<District> districts = catalog.districtsOfRegency("33.29");
  ASSERT_EQ(districts.size(), 17u);
  EXPECT_EQ(districts[0].code, "33.29.01");
  EXPECT_EQ(districts[0].name, "Salem");
  EXPECT_EQ(districts[16].name, "Banjarharjo");
  EXPECT_EQ(catalog.villagesOfRegency("33.29").size(), 297u);
  EXPECT_EQ(catalog.villagesOfDistrict("33.29.01").size(), 21u);
  EXPECT_EQ(catalog.villagesOfDistrict("33.29.17").size(), 25u);

  const Village* banjaran = catalog.village("33.29.01.2001");
  ASSERT_NE(banjaran, nullptr);
  EXPECT_EQ(banjaran->name, "Banjaran");
  EXPECT_EQ(banjaran->districtCode, "33.29.01");
  EXPECT_EQ(catalog.district("33.29.01")->regencyCode, "33.29");
}

TEST_F(NationalAreaCatalog, NamesRegionsInTitleCase) {
  const AreaCatalog& catalog = this->catalog();
  EXPECT_EQ(catalog.regency("33.28")->name, "Kabupaten Tegal");
  EXPECT_EQ(catalog.regency("33.28")->shortName, "Tegal");
  EXPECT_EQ(catalog.regency("33.76")->name, "Kota Tegal");
  EXPECT_EQ(catalog.regency("33.76")->shortName, "Kota Tegal");
  EXPECT_EQ(catalog.regency("73.10")->name, "Kabupaten Pangkajene dan Kepulauan");
  EXPECT_EQ(catalog.regency("31.71")->name, "Kota Administrasi Jakarta Pusat");
  EXPECT_EQ(catalog.regency("31.71")->shortName, "Kota Jakarta Pusat");
  EXPECT_EQ(catalog.regency("31.01")->shortName, "Kepulauan Seribu");
  EXPECT_EQ(catalog.province("31")->name, "DKI Jakarta");
  EXPECT_EQ(catalog.province("34")->name, "Daerah Istimewa Yogyakarta");
  // District and village names are already written as people write them, quotes included.
  EXPECT_EQ(catalog.village("35.13.15.2017")->name, "Soka\"an");
}

TEST_F(NationalAreaCatalog, UnknownCodesFindNothing) {
  const AreaCatalog& catalog = this->catalog();
  EXPECT_EQ(catalog.province("99"), nullptr);
  EXPECT_EQ(catalog.regency("33.99"), nullptr);
  EXPECT_EQ(catalog.district("33.29"), nullptr);
  EXPECT_EQ(catalog.village("33.29.01.9999"), nullptr);
  EXPECT_TRUE(catalog.villagesOfRegency("33.2").empty());
  EXPECT_TRUE(catalog.districtsOfRegency("99.99").empty());
  EXPECT_TRUE(catalog.villagesOfDistrict("").empty());
}

TEST_F(NationalAreaCatalog, FeedsTheVillageSearch) {
  const AreaCatalog& catalog = this->catalog();
  const std::vector<search::VillageRecord> records = catalog.villageRecords();
  ASSERT_EQ(records.size(), 83763u);
  search::VillageIndex index;
  index.build(records);
  std::vector<search::SearchHit> hits;
  index.search("banjaran salem", {}, hits);
  ASSERT_FALSE(hits.empty());
  EXPECT_EQ(index.code(hits[0].village), "33.29.01.2001");
  EXPECT_EQ(index.label(hits[0].village), "Banjaran, Salem, Kabupaten Brebes");
  const auto brebes = std::find_if(records.begin(), records.end(),
                                   [](const search::VillageRecord& r) { return r.code == "33.29.01.2001"; });
  ASSERT_NE(brebes, records.end());
  EXPECT_EQ(brebes->provinceName, "Jawa Tengah");
}

// Small idn-area-data look-alikes in a fresh folder per test.
class AreaCatalogFiles : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::path(::testing::TempDir()) /
           (std::string("area_catalog_") + ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
    write("provinces.csv", "code,name\n33,JAWA TENGAH\n");
    write("regencies.csv", "code,province_code,name\n33.29,33,KABUPATEN BREBES\n");
    write("districts.csv", "code,regency_code,name\n33.29.01,33.29,Salem\n");
    write("villages.csv", "code,district_code,name\n33.29.01.2001,33.29.01,Banjaran\n33.29.01.2002,33.29.01,Bentar\n");
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  void write(const std::string& name, const std::string& text) { std::ofstream(dir_ / name, std::ios::binary) << text; }
  std::string path(const std::string& name) const { return (dir_ / name).string(); }

  std::string loadError() const {
    auto loaded = loadAreaCatalog(dir_.string());
    if (auto* error = std::get_if<AreaError>(&loaded)) return error->message;
    return "(loaded)";
  }

  std::filesystem::path dir_;
};

TEST_F(AreaCatalogFiles, LoadsAWellFormedSet) {
  auto loaded = loadAreaCatalog(dir_.string());
  ASSERT_TRUE(std::holds_alternative<AreaCatalog>(loaded)) << std::get<AreaError>(loaded).message;
  const AreaCatalog& catalog = std::get<AreaCatalog>(loaded);
  EXPECT_EQ(catalog.villagesOfRegency("33.29").size(), 2u);
  EXPECT_EQ(catalog.province("33")->name, "Jawa Tengah");
}

TEST_F(AreaCatalogFiles, SortsRowsGivenOutOfOrder) {
  write("villages.csv", "code,district_code,name\n33.29.01.2002,33.29.01,Bentar\n33.29.01.2001,33.29.01,Banjaran\n");
  auto loaded = loadAreaCatalog(dir_.string());
  ASSERT_TRUE(std::holds_alternative<AreaCatalog>(loaded)) << std::get<AreaError>(loaded).message;
  const Slice<Village> villages = std::get<AreaCatalog>(loaded).villagesOfDistrict("33.29.01");
  ASSERT_EQ(villages.size(), 2u);
  EXPECT_EQ(villages[0].name, "Banjaran");
}

TEST_F(AreaCatalogFiles, NamesFileAndLineOfABadCode) {
  write("regencies.csv", "code,province_code,name\n33.29,33,KABUPATEN BREBES\n33.2,33,KABUPATEN X\n");
  EXPECT_EQ(loadError(), path("regencies.csv") + ":3: \"33.2\" is not a regency code (NN.NN)");
}

TEST_F(AreaCatalogFiles, NamesAParentColumnThatDisagreesWithTheCode) {
  write("villages.csv", "code,district_code,name\n33.29.01.2001,33.29.01,Banjaran\n33.29.01.2002,33.29.02,Bentar\n");
  EXPECT_EQ(loadError(),
            path("villages.csv") +
                ":3: village 33.29.01.2002 has district_code \"33.29.02\", but its code belongs to 33.29.01");
}

TEST_F(AreaCatalogFiles, NamesAParentThatDoesNotExist) {
  write("districts.csv", "code,regency_code,name\n33.29.01,33.29,Salem\n33.30.01,33.30,Nowhere\n");
  EXPECT_EQ(loadError(), path("districts.csv") + ":3: regency 33.30 of district 33.30.01 is not in regencies.csv");
}

TEST_F(AreaCatalogFiles, NamesBothLinesOfARepeatedCode) {
  write("villages.csv",
        "code,district_code,name\n33.29.01.2001,33.29.01,Banjaran\n33.29.01.2002,33.29.01,Bentar\n"
        "33.29.01.2001,33.29.01,Banjaran Lagi\n");
  EXPECT_EQ(loadError(), path("villages.csv") + ":4: code 33.29.01.2001 is already on line 2");
}

TEST_F(AreaCatalogFiles, RefusesAnEmptyName) {
  write("provinces.csv", "code,name\n33,  \n");
  EXPECT_EQ(loadError(), path("provinces.csv") + ":2: the name of province 33 is empty");
}

TEST_F(AreaCatalogFiles, NamesAMissingColumn) {
  write("districts.csv", "code,regency,name\n33.29.01,33.29,Salem\n");
  EXPECT_EQ(loadError(), path("districts.csv") + ":1: no \"regency_code\" column in the header");
}

TEST_F(AreaCatalogFiles, PassesOnCsvProblemsWithTheirLine) {
  write("villages.csv", "code,district_code,name\n33.29.01.2001,33.29.01,Banjaran\n33.29.01.2002,Bentar\n");
  EXPECT_EQ(loadError(), path("villages.csv") + ":3: 2 fields, but the header has 3");
}

TEST_F(AreaCatalogFiles, NamesAMissingFile) {
  std::filesystem::remove(dir_ / "districts.csv");
  EXPECT_EQ(loadError(), path("districts.csv") + ": cannot open the file");
}

}  // namespace
}  // namespace bhabin::server::areas
