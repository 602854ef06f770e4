// Photos for reports: a citizen uploads one before filing (the form then names it by its photoRef), and
// staff view it. Every photo is stripped of its metadata (GPS position, time, device) by the core before it
// is stored, so no stored copy can tell where the citizen was.
#pragma once

#include <cstddef>
#include <string>

#include "server/service/backend.h"
#include "server/storage/photo_rows.h"

namespace bhabin::server::service {

struct PhotoUpload {
  std::string bytes;          // the request body: the file itself
  std::string declaredType;   // the request's Content-Type
  std::string clientAddress;  // for the rate limit on anonymous writes, shared with report creation
};

struct UploadedPhoto {
  std::string ref;
  std::string mediaType;
  std::size_t bytes = 0;  // as stored, after stripping
};

class Photos {
 public:
  explicit Photos(Backend& backend) : backend_(backend) {}

  // Throws ApiError: unsupported_media_type (415) unless image/jpeg, image/png or image/webp is declared;
  // too_many_requests (429); invalid_form (422, field "photo") when the core refuses the file or its bytes
  // are another type than declared.
  UploadedPhoto upload(const PhotoUpload& upload);
  // Throws ApiError not_found (404). Callers check that a staff member is logged in.
  storage::PhotoRow find(const std::string& ref);

 private:
  Backend& backend_;
};

}  // namespace bhabin::server::service
