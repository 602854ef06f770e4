// The subcommands of `bhabin`. Each takes its own arguments (without the subcommand name), writes results
// to `out` and problems to `err`, and returns the process exit code.
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

namespace bhabin::tools {

using Arguments = std::vector<std::string>;

int runDistance(const Arguments& args, std::ostream& out, std::ostream& err);
int runNearest(const Arguments& args, std::ostream& out, std::ostream& err);
int runValidate(const Arguments& args, std::ostream& out, std::ostream& err);
int runDecode(const Arguments& args, std::ostream& out, std::ostream& err);

}  // namespace bhabin::tools
