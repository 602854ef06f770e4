// httplib's server with the pace of every request enforced (request_pace.h), and a way to answer a request
// held in memory through the same parsing and routes, for the fuzz target.
#pragma once

#include <httplib.h>

#include "server/http/request_pace.h"

namespace bhabin::server::http {

class PacedHttpServer : public httplib::Server {
 public:
  explicit PacedHttpServer(RequestPace pace) : pace_(pace) {}

  // Answers the request at the start of `stream` as if it came on a connection closed after it.
  void answer(httplib::Stream& stream);

 private:
  // httplib calls this for each accepted connection (a virtual hook meant for this, as its SSLServer uses).
  bool process_and_close_socket(socket_t socket) override;

  RequestPace pace_;
};

}  // namespace bhabin::server::http
