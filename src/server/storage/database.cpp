// The driver-independent half of the SQL layer: reading result columns, the connection pool and the wait
// between retries of a conflicting transaction.
#include "server/storage/database.h"

#include <algorithm>
#include <charconv>
#include <chrono>
#include <cmath>
#include <random>
#include <thread>

namespace bhabin::server::storage {

namespace {

// A value quoted in an error message: enough to recognise it, not a whole stored document.
std::string quoted(const std::string& value) {
  constexpr std::size_t kShown = 40;
  return "'" + (value.size() <= kShown ? value : value.substr(0, kShown) + "...") + "'";
}

[[noreturn]] void throwBadColumn(std::size_t column, const std::string& problem) {
  throw DatabaseError(DatabaseErrorKind::Other, "result column " + std::to_string(column) + ": " + problem);
}

}  // namespace

const std::string& Row::text(std::size_t column) const {
  const auto& value = values_.at(column);
  if (!value) throwBadColumn(column, "is NULL where text was expected");
  return *value;
}

std::int64_t Row::integer(std::size_t column) const {
  const std::string& value = text(column);
  std::int64_t number = 0;
  const auto [end, error] = std::from_chars(value.data(), value.data() + value.size(), number);
  if (value.empty() || error != std::errc() || end != value.data() + value.size()) {
    throwBadColumn(column, "expected a whole number within 64 bits, got " + quoted(value));
  }
  return number;
}

double Row::real(std::size_t column) const {
  const std::string& value = text(column);
  double number = 0;
  const auto [end, error] = std::from_chars(value.data(), value.data() + value.size(), number);
  // from_chars also reads "inf" and "nan", which no stored position or amount may be.
  if (value.empty() || error != std::errc() || end != value.data() + value.size() || !std::isfinite(number)) {
    throwBadColumn(column, "expected a finite number, got " + quoted(value));
  }
  return number;
}

ConnectionPool::ConnectionPool(ConnectionFactory open, std::size_t size) : open_(std::move(open)), size_(size) {
  if (size_ == 0) throw std::invalid_argument("a connection pool needs at least one connection");
  // Room for every connection up front, so giving one back (in a destructor) never allocates.
  idle_.reserve(size_);
  auto first = open_();
  dialect_ = first->dialect();
  idle_.push_back(std::move(first));
  opened_ = 1;
}

ConnectionPool::Lease ConnectionPool::acquire() {
  std::unique_lock<std::mutex> lock(mutex_);
  available_.wait(lock, [this] { return !idle_.empty() || opened_ < size_; });
  if (!idle_.empty()) {
    auto connection = std::move(idle_.back());  // the most recently used: its caches are warm
    idle_.pop_back();
    return Lease(*this, std::move(connection));
  }
  // Open outside the lock: connecting may take a network round trip or more, and others may give back meanwhile.
  ++opened_;
  lock.unlock();
  try {
    return Lease(*this, open_());
  } catch (...) {
    lock.lock();
    --opened_;
    lock.unlock();
    available_.notify_one();
    throw;
  }
}

ConnectionPool::Lease::~Lease() {
  if (connection_) pool_->giveBack(std::move(connection_), discarded_);
}

void ConnectionPool::giveBack(std::unique_ptr<Connection> connection, bool discarded) noexcept {
  const bool reusable = !discarded && connection->resetForReuse();
  if (!reusable) connection.reset();  // closed before taking the lock: closing may wait on the network
  {
    std::lock_guard<std::mutex> lock(mutex_);
    if (reusable) {
      idle_.push_back(std::move(connection));
    } else {
      --opened_;
    }
  }
  available_.notify_one();
}

void sleepBeforeRetry(int attempt) {
  // Jitter keeps writers that collided once from colliding again in lockstep.
  thread_local std::minstd_rand random(std::random_device{}());
  const int exponent = std::clamp(attempt - 1, 0, 6);
  const int baseMs = 5 << exponent;
  std::uniform_int_distribution<int> jitterMs(0, baseMs / 2);
  std::this_thread::sleep_for(std::chrono::milliseconds(baseMs + jitterMs(random)));
}

}  // namespace bhabin::server::storage
