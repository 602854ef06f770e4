// `bhabin validate report|visit [FILE] [--now UNIX_MS] [--lang id|en]`: runs a form through the same
// validator the browser and the server use; prints the normalised object, or the errors, as JSON.
#include <chrono>
#include <cstdlib>
#include <iostream>
#include <optional>

#include "core/wire/form_json.h"
#include "core/wire/visit_codec.h"
#include "tools/commands.h"
#include "tools/read_input.h"

namespace bhabin::tools {

namespace {

constexpr const char* kValidateUsage =
    "usage: bhabin validate report|visit [FILE|-] [--now UNIX_MS] [--lang id|en]\n"
    "  reads the form as JSON (standard input without FILE); exit 0 valid, 1 invalid, 2 usage error\n";

struct ValidateOptions {
  std::string form;
  std::string path = "-";
  std::int64_t nowUnixMs = 0;
  i18n::Language language = i18n::Language::Indonesian;
};

std::int64_t clockNowUnixMs() {
  using namespace std::chrono;
  return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
}

std::optional<ValidateOptions> parseOptions(const Arguments& args) {
  if (args.empty() || (args[0] != "report" && args[0] != "visit")) return std::nullopt;
  ValidateOptions options;
  options.form = args[0];
  options.nowUnixMs = clockNowUnixMs();
  bool havePath = false;
  for (std::size_t i = 1; i < args.size(); ++i) {
    if (args[i] == "--now" && i + 1 < args.size()) {
      char* end = nullptr;
      options.nowUnixMs = std::strtoll(args[++i].c_str(), &end, 10);
      if (*end != '\0' || args[i].empty()) return std::nullopt;
    } else if (args[i] == "--lang" && i + 1 < args.size()) {
      const std::string& code = args[++i];
      if (code != "id" && code != "en") return std::nullopt;
      options.language = code == "en" ? i18n::Language::English : i18n::Language::Indonesian;
    } else if (!havePath && (args[i] == "-" || args[i].rfind("--", 0) != 0)) {
      options.path = args[i];
      havePath = true;
    } else {
      return std::nullopt;
    }
  }
  return options;
}

template <class T, class Encode>
int printResult(const report::Validated<T>& result, Encode encode, const ValidateOptions& options,
                std::ostream& out) {
  if (result.ok()) {
    out << encode(*result.value) << '\n';
    return 0;
  }
  out << wire::encodeValidationErrorsJson(result.errors, options.language) << '\n';
  return 1;
}

}  // namespace

int runValidate(const Arguments& args, std::ostream& out, std::ostream& err) {
  const auto options = parseOptions(args);
  if (!options) {
    err << kValidateUsage;
    return 2;
  }
  const auto input = readInput(options->path, std::cin, err, "validate");
  if (!input) return 2;
  if (options->form == "report") {
    auto form = wire::decodeReportForm(*input);
    if (auto* error = std::get_if<wire::ParseError>(&form)) {
      err << "bhabin validate: " << error->message << '\n';
      return 1;
    }
    return printResult(report::validateReportForm(std::get<report::ReportForm>(form), options->nowUnixMs),
                       wire::encodeReportDetailsJson, *options, out);
  }
  auto form = wire::decodeVisitForm(*input);
  if (auto* error = std::get_if<wire::ParseError>(&form)) {
    err << "bhabin validate: " << error->message << '\n';
    return 1;
  }
  return printResult(report::validateVisitForm(std::get<report::VisitForm>(form), options->nowUnixMs),
                     wire::encodeVisitJson, *options, out);
}

}  // namespace bhabin::tools
