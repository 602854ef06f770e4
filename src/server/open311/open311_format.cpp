#include "server/open311/open311_format.h"

#include <cstdio>

#include "server/json/json_writer.h"

namespace bhabin::server::open311 {

namespace {

void writeJson(json::JsonWriter& out, const Node& node) {
  switch (node.kind()) {
    case Node::Kind::Text: out.value(node.scalar()); return;
    case Node::Kind::Number: out.raw(node.scalar()); return;
    case Node::Kind::Boolean: out.value(node.scalar() == "true"); return;
    case Node::Kind::Null: out.null(); return;
    case Node::Kind::Record:
      out.beginObject();
      for (const Member& member : node.members()) {
        out.key(member.name);
        writeJson(out, member.value);
      }
      out.endObject();
      return;
    case Node::Kind::List:
      out.beginArray();
      for (const Node& item : node.items()) writeJson(out, item);
      out.endArray();
      return;
  }
}

void writeXml(std::string& out, std::string_view name, const Node& node) {
  if (node.kind() == Node::Kind::Null) {
    out.append("<").append(name).append("/>");
    return;
  }
  out.append("<").append(name).append(">");
  switch (node.kind()) {
    case Node::Kind::Text: out += escapeXml(node.scalar()); break;
    case Node::Kind::Number:
    case Node::Kind::Boolean: out += node.scalar(); break;
    case Node::Kind::Record:
      for (const Member& member : node.members()) writeXml(out, member.name, member.value);
      break;
    case Node::Kind::List:
      for (const Node& item : node.items()) writeXml(out, node.itemName(), item);
      break;
    case Node::Kind::Null: break;
  }
  out.append("</").append(name).append(">");
}

}  // namespace

Format formatFromExtension(std::string_view extension) { return extension == "xml" ? Format::Xml : Format::Json; }

const char* contentType(Format format) {
  return format == Format::Xml ? "text/xml; charset=utf-8" : "application/json";
}

Node Node::text(std::string value) { return Node(Kind::Text, std::move(value)); }

Node Node::integer(std::int64_t value) { return Node(Kind::Number, std::to_string(value)); }

Node Node::decimal(double value, int places) {
  char digits[64];
  std::snprintf(digits, sizeof digits, "%.*f", places, value);
  return Node(Kind::Number, digits);
}

Node Node::boolean(bool value) { return Node(Kind::Boolean, value ? "true" : "false"); }

Node Node::null() { return Node(Kind::Null, {}); }

Node Node::record() { return Node(Kind::Record, {}); }

Node Node::list(std::string itemName) {
  Node node(Kind::List, {});
  node.itemName_ = std::move(itemName);
  return node;
}

Node& Node::add(std::string name, Node value) {
  members_.push_back({std::move(name), std::move(value)});
  return *this;
}

Node& Node::push(Node item) {
  items_.push_back(std::move(item));
  return *this;
}

std::string encode(const Node& root, std::string_view rootName, Format format) {
  if (format == Format::Json) {
    json::JsonWriter out;
    writeJson(out, root);
    return out.str();
  }
  std::string out = R"(<?xml version="1.0" encoding="UTF-8"?>)";
  out += '\n';
  writeXml(out, rootName, root);
  return out;
}

std::string escapeXml(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (const char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&apos;"; break;
      default: {
        const bool forbidden = static_cast<unsigned char>(c) < 0x20 && c != '\t' && c != '\n' && c != '\r';
        out += forbidden ? std::string_view("\xEF\xBF\xBD") : std::string_view(&c, 1);
      }
    }
  }
  return out;
}

}  // namespace bhabin::server::open311
