#include "server/storage/open311_rows.h"

#include <set>


namespace bhabin::server::storage {

namespace {

// A WHERE clause grown one condition at a time, with its $1.. parameters in step.
class Conditions {
 public:
  // Built in place: GCC 12 warns about moving a temporary variant that holds a number.
  template <class Value>
  std::string placeholder(const Value& value) {
    params_.emplace_back(value);
    return "$" + std::to_string(params_.size());
  }

  void add(const std::string& condition) { sql_ += (sql_.empty() ? " WHERE " : " AND ") + condition; }

  template <class Values>
  void addIn(std::string_view column, const Values& values) {
    if (values.empty()) return;
    std::string list;
    for (const std::string& value : values) list += (list.empty() ? "" : ", ") + placeholder(value);
    add(std::string(column) + " IN (" + list + ")");
  }

  const std::string& sql() const { return sql_; }
  const std::vector<Param>& params() const { return params_; }

 private:
  std::string sql_;
  std::vector<Param> params_;
};

}  // namespace

std::vector<StoredReport> reportsForOpen311(Connection& connection, const Open311Filter& filter) {
  Conditions where;
  // The regencies too, so the primary key (regency_code, tracking_code) finds the rows.
  std::set<std::string> regencies;
  for (const std::string& code : filter.trackingCodes) regencies.insert(regencyOfTrackingCode(code));
  where.addIn("regency_code", regencies);
  where.addIn("tracking_code", filter.trackingCodes);
  where.addIn("category", filter.categories);
  where.addIn("status", filter.statuses);
  if (filter.createdFromUnixMs) where.add("created_at >= " + where.placeholder(*filter.createdFromUnixMs));
  if (filter.createdToUnixMs) where.add("created_at <= " + where.placeholder(*filter.createdToUnixMs));
  const std::string limit = where.placeholder(static_cast<std::int64_t>(filter.limit));
  const std::string sql = "SELECT " + std::string(kStoredReportColumns) + " FROM reports" + where.sql() +
                          " ORDER BY created_at DESC, tracking_code LIMIT " + limit;
  std::vector<StoredReport> reports;
  for (const Row& row : connection.query(sql, where.params())) reports.push_back(decodeStoredReport(row));
  return reports;
}

}  // namespace bhabin::server::storage
