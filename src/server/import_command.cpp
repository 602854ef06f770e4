// The import command: its arguments, the file, the same service the API uses, and the answer as text.
#include "server/import_command.h"

#include <algorithm>
#include <ostream>
#include <variant>

#include "server/areas/area_catalog.h"
#include "server/auth/crypto.h"
#include "server/config.h"
#include "server/service/imports.h"
#include "server/storage/open_database.h"

namespace bhabin::server {

namespace {

constexpr const char* kUsage =
    "usage: bhabin-server import villages|officers|boundaries FILE [--dry-run] [OPTION VALUE]...\n"
    "  villages:   CSV with columns code,name[,lat,lon]\n"
    "  officers:   CSV with columns nrp,name,phone,villages (codes separated by ';')[,on_duty][,lat,lon]\n"
    "  boundaries: GeoJSON FeatureCollection of village or regency (Multi)Polygons with property \"code\"\n"
    "The options are the server's (see bhabin-server --help), e.g. --database-url or --data-dir.\n";

using ImportRun = service::ImportResult (service::Imports::*)(std::string_view, service::ImportMode);

ImportRun importOf(const std::string& kind) {
  if (kind == "villages") return &service::Imports::villages;
  if (kind == "officers") return &service::Imports::officers;
  if (kind == "boundaries") return &service::Imports::boundaries;
  return nullptr;
}

void printProblems(const std::string& file, const service::ImportResult& result, std::ostream& err) {
  for (const service::ImportProblem& problem : result.problems) {
    err << file;
    if (problem.feature) {
      err << ": feature " << *problem.feature;
    } else if (problem.line > 0) {
      err << ':' << problem.line;
    }
    err << ": " << (problem.field.empty() ? "" : problem.field + ": ") << problem.message << '\n';
  }
}

void printSummary(const std::string& kind, const service::ImportResult& result, std::ostream& out) {
  if (!result.clean()) {
    out << kind << ": nothing imported, the file has " << result.problems.size() << " problem(s)\n";
    return;
  }
  for (const std::string& note : result.notes) out << "note: " << note << '\n';
  out << kind << ": " << result.created << " created, " << result.updated << " updated, " << result.unchanged
      << " unchanged" << (result.dryRun ? " (dry run: nothing written)" : "") << '\n';
  for (const service::InitialPassword& initial : result.initialPasswords) {
    out << "initial password for " << initial.nrp << ": " << initial.password << '\n';
  }
  if (!result.initialPasswords.empty()) out << "(shown once: only their hashes are stored)\n";
}

int runImport(const ServerConfig& config, const std::string& kind, const std::string& file, service::ImportMode mode,
              std::ostream& out, std::ostream& err) {
  auto content = areas::readDataFile(file);
  if (auto* error = std::get_if<areas::AreaError>(&content)) {
    err << "bhabin-server import: " << error->message << '\n';
    return 2;
  }
  auto catalog = areas::loadAreaCatalog(config.areaDataDir);
  if (auto* error = std::get_if<areas::AreaError>(&catalog)) {
    err << "bhabin-server import: cannot load the area data (run scripts/setup, or set --area-data-dir): "
        << error->message << '\n';
    return 1;
  }
  auth::initCrypto();
  const auto pool = storage::openMigratedDatabase(config, service::systemClockMs());
  service::Backend backend(*pool, {});
  service::Imports imports(backend, std::get<areas::AreaCatalog>(catalog));
  const service::ImportResult result = (imports.*importOf(kind))(std::get<std::string>(content), mode);
  printProblems(file, result, err);
  printSummary(kind, result, out);
  return result.clean() ? 0 : 1;
}

}  // namespace

int runImportCommand(const std::vector<std::string>& args, const char* (*getenv)(const char*), std::ostream& out,
                     std::ostream& err) {
  if (!args.empty() && (args[0] == "--help" || args[0] == "-h")) {
    out << kUsage;
    return 0;
  }
  if (args.size() < 2 || importOf(args[0]) == nullptr) {
    err << kUsage;
    return 2;
  }
  std::vector<std::string> options(args.begin() + 2, args.end());
  const auto dryRun = std::find(options.begin(), options.end(), "--dry-run");
  const auto mode = dryRun == options.end() ? service::ImportMode::Write : service::ImportMode::DryRun;
  if (dryRun != options.end()) options.erase(dryRun);
  const auto parsed = parseConfig(options, getenv, out, err);
  if (!parsed.config) return parsed.exitCode == 0 ? 0 : 2;
  try {
    return runImport(*parsed.config, args[0], args[1], mode, out, err);
  } catch (const std::exception& error) {
    err << "bhabin-server import: " << error.what() << '\n';
    return 1;
  }
}

}  // namespace bhabin::server
