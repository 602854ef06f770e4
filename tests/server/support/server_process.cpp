#include "server_process.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <stdexcept>

namespace bhabin::server::testing {

namespace {

using Clock = std::chrono::steady_clock;

// The port from the line "bhabin-server: serving http://127.0.0.1:PORT/", or 0 while it has not come yet.
int servedPort(const std::string& output) {
  const std::string marker = "serving http://127.0.0.1:";
  const auto at = output.find(marker);
  if (at == std::string::npos || output.find('/', at + marker.size()) == std::string::npos) return 0;
  return std::stoi(output.substr(at + marker.size()));
}

// Appends what `fd` has within the time left; false at end of file or when the time is up.
bool readMore(int fd, Clock::time_point deadline, std::string& output) {
  const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now()).count();
  pollfd waiting{fd, POLLIN, 0};
  if (left <= 0 || poll(&waiting, 1, static_cast<int>(left)) <= 0) return false;
  char buffer[512];
  const ssize_t got = read(fd, buffer, sizeof buffer);
  if (got <= 0) return false;
  output.append(buffer, static_cast<std::size_t>(got));
  return true;
}

}  // namespace

ServerProcess::ServerProcess(std::vector<std::string> args) : ServerProcess(std::move(args), 0) {}

ServerProcess::ServerProcess(std::vector<std::string> args, int port) {
  // A killed server's listening socket is gone once it is reaped, but its accepted connections may linger.
  const auto deadline = Clock::now() + std::chrono::seconds(10);
  std::string output;
  while (!start(args, port, output)) {
    const bool portTaken = output.find("cannot listen on") != std::string::npos;
    if (!portTaken || Clock::now() > deadline) throw std::runtime_error("bhabin-server did not start: " + output);
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
}

ServerProcess::~ServerProcess() { stop(SIGTERM); }

bool ServerProcess::kill() {
  const int status = stop(SIGKILL);
  return WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL;
}

bool ServerProcess::start(std::vector<std::string> args, int port, std::string& output) {
  args.insert(args.begin(), BHABIN_SERVER_BINARY);
  args.push_back("--port");
  args.push_back(std::to_string(port));
  int pipeEnds[2];
  // Close-on-exec: a later child must not inherit this pipe and keep it open after this server ends.
  if (pipe2(pipeEnds, O_CLOEXEC) != 0) throw std::runtime_error("pipe failed");
  pid_ = fork();
  if (pid_ < 0) {
    close(pipeEnds[0]);
    close(pipeEnds[1]);
    throw std::runtime_error("fork failed");
  }
  if (pid_ == 0) {
    dup2(pipeEnds[1], STDERR_FILENO);
    dup2(pipeEnds[1], STDOUT_FILENO);
    std::vector<char*> argv;
    for (std::string& arg : args) argv.push_back(arg.data());
    argv.push_back(nullptr);
    execv(argv[0], argv.data());
    _exit(127);
  }
  close(pipeEnds[1]);
  output_ = pipeEnds[0];
  output.clear();
  const auto deadline = Clock::now() + std::chrono::seconds(60);
  while ((port_ = servedPort(output)) == 0) {
    if (!readMore(output_, deadline, output)) {
      stop(SIGKILL);
      return false;
    }
  }
  drain_ = std::thread([fd = output_] {
    char buffer[4096];
    while (read(fd, buffer, sizeof buffer) > 0) {
    }
  });
  return true;
}

int ServerProcess::stop(int signal) {
  int status = 0;
  if (pid_ > 0) {
    ::kill(pid_, signal);
    waitpid(pid_, &status, 0);
    pid_ = -1;
  }
  if (drain_.joinable()) drain_.join();  // the pipe ends with the process
  if (output_ >= 0) close(output_);
  output_ = -1;
  return status;
}

}  // namespace bhabin::server::testing
