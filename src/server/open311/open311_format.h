// Open311 answers are built once as a small tree and written as JSON or XML, because the standard offers
// both and names each XML element after its JSON member (lists name their items: <services><service>...).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace bhabin::server::open311 {

enum class Format { Json, Xml };

// "xml" -> Xml; anything else (including no extension) -> Json.
Format formatFromExtension(std::string_view extension);
const char* contentType(Format format);

struct Member;

class Node {
 public:
  static Node text(std::string value);
  static Node integer(std::int64_t value);
  // A number with exactly `places` decimals, e.g. decimal(-6.87123, 3) -> -6.871.
  static Node decimal(double value, int places);
  static Node boolean(bool value);
  static Node null();
  static Node record();
  // `itemName` is the XML element of each item; JSON writes a plain array.
  static Node list(std::string itemName);

  Node& add(std::string name, Node value);  // a record's next member
  Node& push(Node item);                    // a list's next item

  enum class Kind { Text, Number, Boolean, Null, Record, List };
  Kind kind() const { return kind_; }
  const std::string& scalar() const { return scalar_; }  // the text, the number's digits, "true"/"false"
  const std::vector<Member>& members() const { return members_; }
  const std::string& itemName() const { return itemName_; }
  const std::vector<Node>& items() const { return items_; }

 private:
  Node(Kind kind, std::string scalar) : kind_(kind), scalar_(std::move(scalar)) {}

  Kind kind_;
  std::string scalar_;
  std::vector<Member> members_;
  std::string itemName_;
  std::vector<Node> items_;
};

struct Member {
  std::string name;
  Node value;
};

// The whole document; `rootName` is the XML root element (JSON has no root name).
std::string encode(const Node& root, std::string_view rootName, Format format);

// Text as XML character data: the five special characters as entities, and characters XML 1.0 forbids
// (C0 controls other than tab, LF, CR) as U+FFFD, so any stored text still yields a well-formed document.
std::string escapeXml(std::string_view text);

}  // namespace bhabin::server::open311
