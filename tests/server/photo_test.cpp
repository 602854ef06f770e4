// Photo uploads over real HTTP, on SQLite and on PostgreSQL: what is stored has lost its GPS metadata, only
// logged-in staff see it, wrong or damaged files are refused with a field error, and a report names it.
#include <gtest/gtest.h>

#include <cstdint>
#include <string>

#include "support/api_server.h"
#include "support/test_databases.h"

namespace bhabin::server::testing {
namespace {

using namespace std::string_literals;
using storage::Dialect;

constexpr const char* kSecret = "GPS-SECRET";

std::string jpegSegment(unsigned char marker, const std::string& payload) {
  const std::size_t length = payload.size() + 2;
  return "\xFF"s + static_cast<char>(marker) + static_cast<char>(length >> 8) + static_cast<char>(length & 0xFF) + payload;
}

// A JPEG as a phone writes it, and the same file as it must be stored: without the Exif segment.
const std::string kJfif = jpegSegment(0xE0, "JFIF\0\x01\x02\x00\x00\x01\x00\x01\x00\x00"s);
const std::string kExif = jpegSegment(0xE1, "Exif\0\0MM\0*\0\0\0\x08"s + "GPSLatitude -6.87 " + kSecret);
const std::string kImage = jpegSegment(0xDB, "\x00"s + std::string(64, '\x01')) +
                           jpegSegment(0xC0, "\x08\x00\x10\x00\x10\x01\x01\x11\x00"s) +
                           jpegSegment(0xDA, "\x01\x01\x00\x00\x3F\x00"s) + "\x12\x34\xFF\x00\x56\x78"s;
const std::string kStrippedJpeg = "\xFF\xD8"s + kJfif + kImage + "\xFF\xD9"s;
const std::string kPhoneJpeg = "\xFF\xD8"s + kJfif + kExif + kImage + "\xFF\xD9"s;
const std::string kPng = "\x89PNG\r\n\x1A\n\0\0\0\x0DIHDR\0\0\0\x01\0\0\0\x01\x08\x02\0\0\0\0\0\0\0"s +
                         "\0\0\0\x01IDATx\0\0\0\0"s + "\0\0\0\0IEND\0\0\0\0"s;

class PhotoApi : public ::testing::TestWithParam<Dialect> {
 protected:
  void SetUp() override {
    BHABIN_SKIP_POSTGRES_IF_ASKED(GetParam());
    start({});
  }

  void start(const service::BackendSettings& settings) {
    api_.reset();
    server_ = std::make_unique<RunningServer>(GetParam(), "", settings);
    api_ = std::make_unique<ApiClient>(server_->port());
  }

  Reply upload(const std::string& bytes, const std::string& type = "image/jpeg") {
    return api_->post("/api/v1/photos", bytes, {}, type);
  }

  ApiClient supervisor() {
    ApiClient client(server_->port());
    EXPECT_EQ(client.login(brebesDemo().supervisors.front().nrp).status, 200);
    return client;
  }

  std::unique_ptr<RunningServer> server_;
  std::unique_ptr<ApiClient> api_;
};

TEST_P(PhotoApi, AnUploadedJpegIsStoredWithoutItsGpsAndStaffSeeTheRest) {
  const Reply uploaded = upload(kPhoneJpeg);
  ASSERT_EQ(uploaded.status, 201) << uploaded.body;
  const std::string ref = uploaded.text("/photoRef");
  EXPECT_EQ(ref.size(), 27u);
  EXPECT_EQ(ref.substr(0, 3), "ph_");
  EXPECT_EQ(uploaded.text("/mediaType"), "image/jpeg");
  EXPECT_EQ(uploaded.json["bytes"].GetUint64(), kStrippedJpeg.size());
  EXPECT_NE(upload(kPhoneJpeg).text("/photoRef"), ref) << "every upload gets its own random ref";

  const Reply photo = supervisor().get("/api/v1/photos/" + ref);
  ASSERT_EQ(photo.status, 200) << photo.body;
  EXPECT_EQ(photo.body.find(kSecret), std::string::npos);
  EXPECT_EQ(photo.body, kStrippedJpeg);
  EXPECT_EQ(photo.header("Content-Type"), "image/jpeg");
  EXPECT_EQ(photo.headers.count("Cache-Control"), 1u);
  EXPECT_EQ(photo.header("Cache-Control"), "private, max-age=86400");
  EXPECT_EQ(photo.header("Content-Disposition"), "inline");
  EXPECT_EQ(photo.header("X-Content-Type-Options"), "nosniff");
}

TEST_P(PhotoApi, PngAndWebpAreAcceptedToo) {
  const Reply png = upload(kPng, "image/png");
  ASSERT_EQ(png.status, 201) << png.body;
  EXPECT_EQ(png.text("/mediaType"), "image/png");
  const std::string vp8 = "VP8 \x06\0\0\0\x30\x01\x00\x9D\x01\x2A"s;
  const Reply webp = upload("RIFF\x12\0\0\0WEBP"s + vp8, "image/webp; charset=binary");
  ASSERT_EQ(webp.status, 201) << webp.body;
  const Reply stored = supervisor().get("/api/v1/photos/" + webp.text("/photoRef"));
  EXPECT_EQ(stored.header("Content-Type"), "image/webp");
  EXPECT_EQ(stored.body, "RIFF\x12\0\0\0WEBP"s + vp8);
}

TEST_P(PhotoApi, OnlyLoggedInStaffSeePhotos) {
  const std::string ref = upload(kPhoneJpeg).text("/photoRef");
  const Reply anonymous = api_->get("/api/v1/photos/" + ref);
  EXPECT_EQ(anonymous.status, 401);
  EXPECT_EQ(anonymous.errorCode(), "login_required");
  EXPECT_EQ(anonymous.body.find("JFIF"), std::string::npos);

  ApiClient staff = supervisor();
  const Reply unknown = staff.get("/api/v1/photos/ph_AAAAAAAAAAAAAAAAAAAAAAAA");
  EXPECT_EQ(unknown.status, 404);
  EXPECT_EQ(unknown.errorCode(), "not_found");
  EXPECT_EQ(staff.get("/api/v1/photos/..%2Fbhabin.sqlite3").status, 404);
}

TEST_P(PhotoApi, TheDeclaredTypeMustBeAPhotoTypeAndMatchTheBytes) {
  EXPECT_EQ(upload(kPhoneJpeg, "application/json").status, 415);
  EXPECT_EQ(upload(kPhoneJpeg, "image/gif").errorCode(), "unsupported_media_type");
  const Reply mismatch = upload(kPng, "image/jpeg");
  EXPECT_EQ(mismatch.status, 422);
  EXPECT_EQ(mismatch.fieldErrors(), std::vector<std::string>{"photo:photo_unsupported_type"});
}

TEST_P(PhotoApi, GarbageAndDamagedFilesAreRefusedWithAPhotoFieldError) {
  const Reply garbage = upload("<html><script>alert(1)</script></html>");
  EXPECT_EQ(garbage.status, 422);
  EXPECT_EQ(garbage.errorCode(), "invalid_form");
  EXPECT_EQ(garbage.fieldErrors(), std::vector<std::string>{"photo:photo_unsupported_type"});
  EXPECT_EQ(upload(kPhoneJpeg.substr(0, kPhoneJpeg.size() / 2)).fieldErrors(), std::vector<std::string>{"photo:photo_damaged"});
  EXPECT_EQ(upload("").fieldErrors(), std::vector<std::string>{"photo:photo_empty"});
}

TEST_P(PhotoApi, PhotosOverFiveMebibytesAreRefusedAndJsonStaysSmall) {
  const std::size_t limit = 5u << 20;
  const std::string tooLarge = kPhoneJpeg + std::string(limit + 1 - kPhoneJpeg.size(), '\0');
  EXPECT_EQ(upload(tooLarge).fieldErrors(), std::vector<std::string>{"photo:photo_too_large"});
  EXPECT_EQ(upload(std::string(7u << 20, '\xFF')).status, 413);  // refused by the server before any handler
  const Reply json = api_->post("/api/v1/reports", "{\"description\":\"" + std::string(limit, 'a') + "\"}", newKey());
  EXPECT_EQ(json.status, 413);
  EXPECT_EQ(json.errorCode(), "body_too_large");
}

TEST_P(PhotoApi, UploadsCountTowardsTheAnonymousWriteLimit) {
  service::BackendSettings settings;
  settings.anonymousWritesPerAddress = {2, 60 * 1000};
  start(settings);
  EXPECT_EQ(upload(kPhoneJpeg).status, 201);
  EXPECT_EQ(upload(kPhoneJpeg).status, 201);
  const Reply limited = upload(kPhoneJpeg);
  EXPECT_EQ(limited.status, 429);
  EXPECT_EQ(limited.header("Retry-After"), "60");
}

TEST_P(PhotoApi, AReportCarriesTheUploadedPhotoAndStaffFindItFromThere) {
  const std::string ref = upload(kPhoneJpeg).text("/photoRef");
  const geo::LatLon at = brebesDemo().villages.front().position;
  const Reply created = api_->post(
      "/api/v1/reports", reportForm(at.latDeg, at.lonDeg, server_->clock().now(), "crime", R"("anonymous":true,"photoRef":")" + ref + "\""),
      newKey());
  ASSERT_EQ(created.status, 201) << created.body;

  ApiClient staff = supervisor();
  const Reply view = staff.get("/api/v1/reports/" + created.text("/trackingCode"));
  ASSERT_EQ(view.status, 200) << view.body;
  EXPECT_EQ(view.text("/report/photoRef"), ref);
  EXPECT_EQ(staff.get("/api/v1/photos/" + view.text("/report/photoRef")).body, kStrippedJpeg);
}

INSTANTIATE_TEST_SUITE_P(BothDialects, PhotoApi, ::testing::ValuesIn(storage::kTestDialects), storage::dialectTestName);

}  // namespace
}  // namespace bhabin::server::testing
