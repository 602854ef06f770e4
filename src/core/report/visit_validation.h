// The officer's sambang (visit) form and its validator, shared by browser and server.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/domain/sambang_visit.h"
#include "core/report/validation_error.h"
#include "core/report/validation_settings.h"

namespace bhabin::report {

struct VisitForm {
  std::string officerNrp;
  std::optional<std::int64_t> visitedAtUnixMs;
  std::optional<double> latDeg;
  std::optional<double> lonDeg;
  std::string place;
  std::vector<std::string> topics;  // topic codes: "keamanan", "ketertiban", "lingkungan", "kesehatan"
  std::string notes;                // multi-line, optional
};

// Error fields: "officerNrp", "visitedAtUnixMs", "latDeg", "lonDeg", "position", "place", "topics", "notes".
// Topics come back de-duplicated in kAllVisitTopics order.
Validated<domain::SambangVisit> validateVisitForm(const VisitForm& form, std::int64_t nowUnixMs,
                                                  const ValidationSettings& settings = {});

}  // namespace bhabin::report
