// The server's own moves on reports, on a schedule: an escalate event when a deadline of the report's category
// has passed by its grace (core/report/deadlines.h), and auto_close when a resolved report's confirmation window
// is over. Each report is changed in its own transaction after locking and re-reading it, so a move happens once
// even when several servers sweep at the same time.
#pragma once

#include <cstdint>

#include "server/service/backend.h"

namespace bhabin::server::service {

struct SweepCounts {
  std::int64_t escalated = 0;  // escalate events appended
  std::int64_t closed = 0;     // reports auto-closed
};

class DeadlineSweep {
 public:
  explicit DeadlineSweep(Backend& backend) : backend_(backend) {}

  // Looks at every candidate report once, at the backend's time now; a second run at the same time does nothing.
  SweepCounts run();

 private:
  Backend& backend_;
};

}  // namespace bhabin::server::service
