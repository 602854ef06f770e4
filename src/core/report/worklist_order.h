// The order of an officer's worklist, the same in the browser (offline) and in the server's lists: reports
// waiting for the officer's acknowledgement first, then open reports by how urgent their category is, then
// closed ones; within each group the newest first.
#pragma once

#include "core/report/report.h"

namespace bhabin::report {

// 0 is most urgent: danger to people now (crime, accident, disaster, conflict) before the rest.
int categoryUrgency(Category category);

// True when `a` belongs above `b` in the worklist; a strict weak order (ties broken by tracking code).
bool comesFirstInWorklist(const Report& a, const Report& b);

}  // namespace bhabin::report
