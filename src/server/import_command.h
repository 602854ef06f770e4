// `bhabin-server import villages|officers|boundaries FILE [--dry-run] [OPTION VALUE]...`: the
// administrators' imports from a shell, on the configured database, with the checks of the API.
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

namespace bhabin::server {

// `args` follow the word "import". Problems go to `err` as FILE:LINE: field: message, the summary and new
// officers' initial passwords to `out`. Returns 0 when imported (or a clean dry run), 1 when the file has
// problems or the database fails, 2 for a usage error or an unreadable file.
int runImportCommand(const std::vector<std::string>& args, const char* (*getenv)(const char*), std::ostream& out,
                     std::ostream& err);

}  // namespace bhabin::server
