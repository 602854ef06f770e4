// What went wrong with an HTTP answer, in words for the user: the server's translated message when it sent
// its JSON error, else the status; empty when there was no answer at all (the caller says "offline").
#pragma once

#include <string>

#include "core/wire/api_answers.h"
#include "ui/platform.h"

namespace bhabin::ui {

wire::ApiErrorView apiErrorOf(const HttpResponse& response);
std::string problemOf(const HttpResponse& response);

}  // namespace bhabin::ui
