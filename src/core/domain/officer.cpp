#include "core/domain/officer.h"

namespace bhabin::domain {

bool isValidNrp(const std::string& nrp) {
  if (nrp.size() != 8) return false;
  for (char c : nrp) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

}  // namespace bhabin::domain
