// httplib's server with the pace of every request enforced (request_pace.h), connections beyond the limits
// given one answer on a refusal thread (connection_queue.h), and a way to answer a request held in memory through the same
// parsing and routes, for the fuzz target.
#pragma once

#include <httplib.h>

#include "server/http/connection_queue.h"
#include "server/http/request_pace.h"

namespace bhabin::server::http {

class PacedHttpServer : public httplib::Server {
 public:
  PacedHttpServer(RequestPace pace, ConnectionLimits limits);

  // Answers the request at the start of `stream` as if it came on a connection closed after it.
  void answer(httplib::Stream& stream);

  // True while this thread answers a request that fell behind its pace: httplib then answers 400, which
  // the error handler turns into 408 so a client on a slow network knows to try again.
  static bool answeringARequestBehindPace();

 private:
  // httplib calls this for each accepted connection (a virtual hook meant for this, as its SSLServer uses).
  bool process_and_close_socket(socket_t socket) override;

  RequestPace pace_;
  ConnectionQueue* queue_ = nullptr;  // httplib owns it while listening
};

}  // namespace bhabin::server::http
