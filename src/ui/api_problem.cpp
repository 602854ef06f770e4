#include "ui/api_problem.h"

namespace bhabin::ui {

wire::ApiErrorView apiErrorOf(const HttpResponse& response) {
  auto decoded = wire::decodeApiError(response.body);
  if (auto* error = std::get_if<wire::ApiErrorView>(&decoded)) return *error;
  return {"http_" + std::to_string(response.status), "HTTP " + std::to_string(response.status), {}};
}

std::string problemOf(const HttpResponse& response) { return response.status == 0 ? std::string() : apiErrorOf(response).message; }

}  // namespace bhabin::ui
