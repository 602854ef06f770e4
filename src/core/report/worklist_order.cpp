#include "core/report/worklist_order.h"

#include <tuple>

namespace bhabin::report {

namespace {

// 0: the officer must acknowledge it; 1: being worked on; 2: closed.
int workGroup(Status status) {
  switch (status) {
    case Status::Submitted:
    case Status::HandedOver: return 0;
    case Status::Received:
    case Status::InProcess: return 1;
    case Status::Resolved:
    case Status::Rejected:
    case Status::Closed: return 2;
  }
  return 2;
}

}  // namespace

int categoryUrgency(Category category) {
  switch (category) {
    case Category::Crime:
    case Category::TrafficAccident:
    case Category::Disaster:
    case Category::SocialConflict: return 0;
    case Category::Drugs:
    case Category::PublicOrder:
    case Category::Health: return 1;
    case Category::Environment:
    case Category::Other: return 2;
  }
  return 2;
}

bool comesFirstInWorklist(const Report& a, const Report& b) {
  const auto key = [](const Report& report) {
    const int group = workGroup(report.status());
    // Closed reports are history: only their age matters.
    const int urgency = group == 2 ? 0 : categoryUrgency(report.details().category);
    return std::make_tuple(group, urgency, -report.timeline().front().atUnixMs);
  };
  const auto ka = key(a);
  const auto kb = key(b);
  if (ka != kb) return ka < kb;
  return a.details().trackingCode < b.details().trackingCode;
}

}  // namespace bhabin::report
