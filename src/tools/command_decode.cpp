// `bhabin decode report|change [FILE]`: decodes a stored or sent document through the same guarded
// decoders as the app (a report as JSON or portable binary, a sync change as JSON) and prints it as JSON.
#include <iostream>

#include "core/wire/report_codec.h"
#include "core/wire/sync_codec.h"
#include "tools/commands.h"
#include "tools/read_input.h"

namespace bhabin::tools {

namespace {

constexpr const char* kDecodeUsage =
    "usage: bhabin decode report|change [FILE|-]\n"
    "  a report may be JSON or portable binary; exit 0 decoded, 1 refused, 2 usage error\n";

// JSON documents open with '{' (after white space); binary ones with cereal's endianness byte (0 or 1).
bool looksLikeJson(const std::string& bytes) {
  const auto first = bytes.find_first_not_of(" \t\r\n");
  return first != std::string::npos && bytes[first] == '{';
}

template <class T, class Encode>
int print(const std::variant<T, wire::ParseError>& decoded, Encode encode, std::ostream& out, std::ostream& err) {
  if (const auto* error = std::get_if<wire::ParseError>(&decoded)) {
    err << "bhabin decode: " << error->message << '\n';
    return 1;
  }
  out << encode(std::get<T>(decoded)) << '\n';
  return 0;
}

}  // namespace

int runDecode(const Arguments& args, std::ostream& out, std::ostream& err) {
  if (args.empty() || args.size() > 2 || (args[0] != "report" && args[0] != "change")) {
    err << kDecodeUsage;
    return 2;
  }
  const auto input = readInput(args.size() == 2 ? args[1] : "-", std::cin, err, "decode");
  if (!input) return 2;
  if (args[0] == "change") return print(wire::decodeChangeJson(*input), wire::encodeChangeJson, out, err);
  const auto decoded = looksLikeJson(*input) ? wire::decodeReportJson(*input) : wire::decodeReportBinary(*input);
  return print(decoded, wire::encodeReportJson, out, err);
}

}  // namespace bhabin::tools
