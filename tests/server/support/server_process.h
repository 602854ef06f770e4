// The real bhabin-server program as a child process on a loopback port, for tests that need separate
// processes (nothing shared in memory) or a process that dies without warning. Stopped with SIGTERM when
// the object goes away.
#pragma once

#include <sys/types.h>

#include <string>
#include <thread>
#include <vector>

namespace bhabin::server::testing {

class ServerProcess {
 public:
  // Starts BHABIN_SERVER_BINARY with `args` plus --port 0 and waits until it says where it serves; throws
  // std::runtime_error with its output when it exits first.
  explicit ServerProcess(std::vector<std::string> args);
  // The same on a chosen `port`, as a restarted server must be found where clients knew it. A start that
  // finds the port still taken is retried for a few seconds.
  ServerProcess(std::vector<std::string> args, int port);
  ~ServerProcess();
  ServerProcess(const ServerProcess&) = delete;
  ServerProcess& operator=(const ServerProcess&) = delete;

  int port() const { return port_; }

  // SIGKILL, like a crash: no shutdown code runs, requests in flight are cut off. Returns once the process
  // is gone, so its port and database locks are free; true when this signal ended it (false: it had
  // already exited on its own).
  bool kill();

 private:
  // One attempt; false with `output` when the server exited before serving.
  bool start(std::vector<std::string> args, int port, std::string& output);
  int stop(int signal);  // the wait status

  pid_t pid_ = -1;
  int output_ = -1;
  int port_ = 0;
  std::thread drain_;  // reads the output after start-up, so a chatty server never blocks on a full pipe
};

}  // namespace bhabin::server::testing
