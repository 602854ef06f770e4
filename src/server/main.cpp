// bhabin-server: parses its settings, serves until SIGINT or SIGTERM, then finishes in-flight requests.
// `bhabin-server import ...` imports villages, officers or boundaries instead (server/import_command.h);
// `bhabin-server backup --to FILE` copies the SQLite database (server/backup_command.h).
#include <csignal>
#include <cstdlib>
#include <iostream>
#include <thread>

#include "server/backup_command.h"
#include "server/import_command.h"
#include "server/server.h"

namespace {

// Signals are turned into a normal stop by a thread waiting in sigwait, so no work happens in a handler.
void stopOnSignals(bhabin::server::Server& server, sigset_t signals) {
  std::thread([&server, signals] {
    int received = 0;
    sigwait(&signals, &received);
    std::clog << "bhabin-server: stopping (signal " << received << ")\n";
    server.stop();
  }).detach();
}

const char* environment(const char* name) { return std::getenv(name); }

}  // namespace

int main(int argc, char** argv) {
  if (argc > 1 && std::string(argv[1]) == "import") {
    return bhabin::server::runImportCommand({argv + 2, argv + argc}, environment, std::cout, std::cerr);
  }
  if (argc > 1 && std::string(argv[1]) == "backup") {
    return bhabin::server::runBackupCommand({argv + 2, argv + argc}, environment, std::cout, std::cerr);
  }
  auto parsed = bhabin::server::parseConfig({argv + 1, argv + argc}, environment, std::cout, std::cerr);
  if (!parsed.config) return parsed.exitCode;

  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);  // before any thread starts, so all inherit the mask

  try {
    bhabin::server::Server server(*parsed.config);
    const int port = server.bind();
    std::clog << "bhabin-server: serving http://" << parsed.config->host << ':' << port << "/\n";
    stopOnSignals(server, signals);
    server.run();
  } catch (const std::exception& error) {
    std::cerr << "bhabin-server: " << error.what() << '\n';
    return 1;
  }
  return 0;
}
