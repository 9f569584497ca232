// SPDX-License-Identifier: MIT
// JSON schema v1 (docs/json-schema.md): a writer with a fixed key order and a validating reader.
#include "chronograph/render/json.hpp"

#include <array>
#include <charconv>
#include <cmath>

#include <nlohmann/json.hpp>

#include "chronograph/error.hpp"
#include "chronograph/utf8.hpp"

namespace chronograph::render {
namespace {

constexpr int schema_version = 1;

// ---- writing ------------------------------------------------------------------------------
// A direct writer: the bytes nlohmann::ordered_json::dump(indent, ' ', false, replace) gives for
// the same document (tests/render/json_writer_test.cpp compares them), without building a JSON
// tree first (the tree cost five times the writing). Numbers go through nlohmann's own
// shortest round-trip formatting; a string that is not valid UTF-8 is escaped by nlohmann (its
// replacement of invalid sequences is what the output promises).
class writer {
 public:
  /// indent < 0: one line; else pretty-printed with `indent` spaces per level.
  writer(std::string& out, int indent) : out_(out), indent_(indent) {}

  void begin_object() { open('{'); }
  void end_object() { close('}'); }
  void begin_array() { open('['); }
  void end_array() { close(']'); }

  /// The next member's key (inside an object).
  void key(std::string_view k) {
    separate();
    string_body(k);
    out_ += indent_ >= 0 ? ": " : ":";
    after_key_ = true;
  }

  void value(std::string_view s) {
    separate();
    string_body(s);
  }
  void value(const char* s) { value(std::string_view(s)); }
  void value(std::size_t n) {
    separate();
    char buffer[24];
    const auto end = std::to_chars(buffer, buffer + sizeof buffer, n).ptr;
    out_.append(buffer, static_cast<std::size_t>(end - buffer));
  }
  void value(int n) {
    separate();
    char buffer[16];
    const auto end = std::to_chars(buffer, buffer + sizeof buffer, n).ptr;
    out_.append(buffer, static_cast<std::size_t>(end - buffer));
  }
  void value(double x) {
    separate();
    if (!std::isfinite(x)) {
      out_ += "null";
      return;
    }
    std::array<char, 64> buffer{};
    const char* end = nlohmann::detail::to_chars(buffer.data(), buffer.data() + buffer.size(), x);
    out_.append(buffer.data(), static_cast<std::size_t>(end - buffer.data()));
  }
  void value(bool b) {
    separate();
    out_ += b ? "true" : "false";
  }
  void null() {
    separate();
    out_ += "null";
  }

  template <class T>
  void member(std::string_view k, const T& v) {
    key(k);
    value(v);
  }

 private:
  void open(char bracket) {
    separate();
    out_ += bracket;
    first_.push_back(true);
  }
  void close(char bracket) {
    const bool empty = first_.back();
    first_.pop_back();
    if (!empty && indent_ >= 0) newline();
    out_ += bracket;
  }
  // Before a key, or a value that is not a member's: the comma and line break it needs.
  void separate() {
    if (after_key_) {
      after_key_ = false;
      return;
    }
    if (first_.empty()) return;
    if (!first_.back()) out_ += ',';
    first_.back() = false;
    if (indent_ >= 0) newline();
  }
  void newline() {
    out_ += '\n';
    out_.append(first_.size() * static_cast<std::size_t>(indent_), ' ');
  }
  void string_body(std::string_view s) {
    bool plain = true;  // printable ASCII without '"' and '\\': copied as is
    for (const char c : s) {
      const auto u = static_cast<unsigned char>(c);
      if (u < 0x20 || u >= 0x80 || c == '"' || c == '\\') {
        plain = false;
        break;
      }
    }
    out_ += '"';
    if (plain) {
      out_.append(s.data(), s.size());
    } else if (find_invalid_utf8(s)) {
      // nlohmann's replacement of invalid sequences (error_handler_t::replace), exactly.
      const auto dumped = nlohmann::ordered_json(std::string(s)).dump(-1, ' ', false,
                                                                      nlohmann::ordered_json::error_handler_t::replace);
      out_.append(dumped, 1, dumped.size() - 2);
    } else {
      escape(s);
    }
    out_ += '"';
  }
  // Valid UTF-8: control characters and '"' '\\' escaped as nlohmann does, the rest as is.
  void escape(std::string_view s) {
    static constexpr char hex[] = "0123456789abcdef";
    std::size_t run = 0;  // start of the bytes not yet copied
    for (std::size_t i = 0; i < s.size(); ++i) {
      const auto u = static_cast<unsigned char>(s[i]);
      if (u >= 0x20 && u != '"' && u != '\\') continue;
      out_.append(s.data() + run, i - run);
      run = i + 1;
      out_ += '\\';
      switch (u) {
        case '\b': out_ += 'b'; break;
        case '\t': out_ += 't'; break;
        case '\n': out_ += 'n'; break;
        case '\f': out_ += 'f'; break;
        case '\r': out_ += 'r'; break;
        case '"': out_ += '"'; break;
        case '\\': out_ += '\\'; break;
        default:
          out_ += "u00";
          out_ += hex[u >> 4];
          out_ += hex[u & 0xF];
      }
    }
    out_.append(s.data() + run, s.size() - run);
  }

  std::string& out_;
  int indent_;
  std::vector<char> first_;  // per open container: nothing written in it yet
  bool after_key_ = false;
};

void write_evidence(writer& w, const evidence& e) {
  w.begin_object();
  w.member("doc", e.doc);
  w.member("start", e.start);
  w.member("end", e.end);
  w.member("text", e.text);
  w.end_object();
}

void write_document(writer& w, const story_document& d) {
  w.begin_object();
  w.member("id", d.id);
  w.member("path", d.path);
  w.member("source", d.source);
  w.key("dct");
  if (d.dct) w.value(*d.dct);
  else w.null();
  w.member("title", d.title);
  w.end_object();
}

void write_timex(writer& w, const story_timex& t) {
  w.begin_object();
  w.member("id", t.id);
  w.member("doc", t.doc);
  w.member("start", t.start);
  w.member("end", t.end);
  w.member("text", t.text);
  w.member("type", t.type);
  w.member("value", t.value);
  if (!t.mod.empty()) w.member("mod", t.mod);
  w.end_object();
}

void write_event(writer& w, const story_event& e) {
  w.begin_object();
  w.member("id", e.id);
  w.member("summary", e.summary);
  w.member("trigger", e.trigger);
  w.member("lemma", e.lemma);
  w.member("class", e.cls);
  w.member("tense", e.tense);
  w.member("aspect", e.aspect);
  w.member("polarity", e.polarity);
  w.member("modality", e.modality);
  w.key("when");
  w.begin_object();
  w.member("value", e.when.value);
  w.member("anchor", e.when.anchor);
  w.member("not_before", e.not_before);
  w.member("not_after", e.not_after);
  w.member("future", e.is_future);
  w.end_object();
  w.key("actors");
  w.begin_array();
  for (const auto& a : e.actors) w.value(a);
  w.end_array();
  w.key("quantities");
  w.begin_array();
  for (const auto& q : e.quantities) {
    w.begin_object();
    w.member("kind", q.kind);
    w.member("text", q.text);
    w.member("value", q.value);
    w.member("role", q.role);
    w.end_object();
  }
  w.end_array();
  w.member("confidence", e.confidence);
  w.member("salience", e.salience);
  w.key("mentions");
  w.begin_array();
  for (std::size_t i = 0; i < e.mentions.size(); ++i) {
    const auto& m = e.mentions[i];
    w.begin_object();
    if (i < e.mention_ids.size() && !e.mention_ids[i].empty()) w.member("id", e.mention_ids[i]);
    w.member("doc", m.doc);
    w.member("start", m.start);
    w.member("end", m.end);
    w.member("text", m.text);
    w.end_object();
  }
  w.end_array();
  w.end_object();
}

void write_link(writer& w, const story_link& l) {
  w.begin_object();
  w.member("from", l.from);
  w.member("to", l.to);
  w.member("type", l.type);
  w.key("evidence");
  write_evidence(w, l.support);
  w.member("rule", l.rule);
  w.member("confidence", l.confidence);
  w.end_object();
}

void write_diagnostic(writer& w, const story_diagnostic& d) {
  w.begin_object();
  w.member("level", d.level);
  w.member("stage", d.stage);
  w.member("doc", d.doc);
  w.member("rule", d.rule);
  w.member("message", d.message);
  if (d.start) w.member("start", *d.start);
  if (d.end) w.member("end", *d.end);
  w.end_object();
}

template <class T, class F>
void write_array(writer& w, std::string_view key, const std::vector<T>& items, F&& write_one) {
  w.key(key);
  w.begin_array();
  for (const auto& item : items) write_one(w, item);
  w.end_array();
}

// The members of a story, inside its object.
void write_members(writer& w, const story& s) {
  w.member("chronograph", schema_version);
  write_array(w, "documents", s.documents, write_document);
  write_array(w, "timexes", s.timexes, write_timex);
  write_array(w, "events", s.events, write_event);
  write_array(w, "links", s.links, write_link);
  write_array(w, "diagnostics", s.diagnostics, write_diagnostic);
}

/// Bytes a story's JSON will take, roughly (one reservation instead of repeated growth).
std::size_t size_estimate(const story& s) {
  std::size_t bytes = 256;
  for (const auto& e : s.events) {
    bytes += 400 + e.summary.size();
    for (const auto& m : e.mentions) bytes += 80 + m.text.size() + m.doc.size();
  }
  for (const auto& l : s.links) bytes += 200 + l.support.text.size();
  bytes += 200 * (s.timexes.size() + s.diagnostics.size() + s.documents.size());
  return bytes;
}

// ---- reading ------------------------------------------------------------------------------
// The reader uses nlohmann's default (std::map) objects: parsing into ordered_json's vector maps
// was slower, and order does not matter when reading.
using in_json = nlohmann::json;

/// Reads fields of one JSON object, naming its place ("events[3].when") in every error.
class reader {
 public:
  reader(const in_json& j, std::string where, const std::string& origin)
      : j_(j), where_(std::move(where)), origin_(origin) {
    if (!j_.is_object()) fail(where_, "expected an object");
  }

  [[noreturn]] void fail(const std::string& place, const std::string& what) const {
    throw input_error(origin_ + ": " + place + ": " + what);
  }

  [[nodiscard]] std::string place(const std::string& key) const {
    return where_.empty() ? key : where_ + "." + key;
  }

  [[nodiscard]] const in_json* get(const std::string& key, bool required) const {
    const auto it = j_.find(key);
    if (it == j_.end() || (it->is_null() && required)) {
      if (required) fail(place(key), "missing");
      return nullptr;
    }
    return &*it;
  }

  [[nodiscard]] std::string text(const std::string& key, bool required = false) const {
    const in_json* v = get(key, required);
    if (!v || v->is_null()) return {};
    if (!v->is_string()) fail(place(key), "expected a string");
    return v->get<std::string>();
  }

  [[nodiscard]] std::optional<std::string> optional_text(const std::string& key) const {
    const in_json* v = get(key, false);
    if (!v || v->is_null()) return std::nullopt;
    if (!v->is_string()) fail(place(key), "expected a string or null");
    return v->get<std::string>();
  }

  [[nodiscard]] std::size_t count(const std::string& key, bool required = false) const {
    const in_json* v = get(key, required);
    if (!v || v->is_null()) return 0;
    if (!v->is_number_unsigned() && !(v->is_number_integer() && v->get<long long>() >= 0))
      fail(place(key), "expected a non-negative integer");
    return v->get<std::size_t>();
  }

  [[nodiscard]] std::optional<std::size_t> optional_count(const std::string& key) const {
    const in_json* v = get(key, false);
    if (!v || v->is_null()) return std::nullopt;
    return count(key);
  }

  [[nodiscard]] double number(const std::string& key) const {
    const in_json* v = get(key, false);
    if (!v || v->is_null()) return 0;
    if (!v->is_number()) fail(place(key), "expected a number");
    return v->get<double>();
  }

  [[nodiscard]] bool flag(const std::string& key) const {
    const in_json* v = get(key, false);
    if (!v || v->is_null()) return false;
    if (!v->is_boolean()) fail(place(key), "expected true or false");
    return v->get<bool>();
  }

  [[nodiscard]] std::vector<std::string> texts(const std::string& key) const {
    std::vector<std::string> out;
    for (const auto& [i, v] : items(key)) {
      if (!v->is_string()) fail(place(key) + "[" + std::to_string(i) + "]", "expected a string");
      out.push_back(v->get<std::string>());
    }
    return out;
  }

  /// The elements of an array field (absent or null: none), with their indices.
  [[nodiscard]] std::vector<std::pair<std::size_t, const in_json*>> items(const std::string& key) const {
    std::vector<std::pair<std::size_t, const in_json*>> out;
    const in_json* v = get(key, false);
    if (!v || v->is_null()) return out;
    if (!v->is_array()) fail(place(key), "expected an array");
    for (std::size_t i = 0; i < v->size(); ++i) out.emplace_back(i, &(*v)[i]);
    return out;
  }

  [[nodiscard]] reader child(const in_json& j, const std::string& where) const { return reader(j, where, origin_); }
  [[nodiscard]] reader field(const std::string& key, bool required) const {
    const in_json* v = get(key, required);
    static const in_json empty = in_json::object();
    return reader(v && !v->is_null() ? *v : empty, place(key), origin_);
  }
  [[nodiscard]] const std::string& where() const noexcept { return where_; }

 private:
  const in_json& j_;
  std::string where_;
  const std::string& origin_;
};

evidence read_span(const reader& r) {
  return evidence{r.text("doc"), r.count("start"), r.count("end"), r.text("text")};
}

story read_story(const in_json& root, const std::string& origin) {
  const reader top(root, "", origin);
  const in_json* version = top.get("chronograph", true);
  if (!version->is_number_integer()) top.fail("chronograph", "expected the schema version number");
  if (version->get<long long>() != schema_version)
    top.fail("chronograph", "schema version " + version->dump() + " is not supported (expected 1)");

  story s;
  const auto at = [](const std::string& key, std::size_t i) { return key + "[" + std::to_string(i) + "]"; };
  for (const auto& [i, v] : top.items("documents")) {
    const reader r = top.child(*v, at("documents", i));
    s.documents.push_back(story_document{r.text("id", true), r.text("path"), r.text("source"),
                                         r.optional_text("dct"), r.text("title")});
  }
  for (const auto& [i, v] : top.items("timexes")) {
    const reader r = top.child(*v, at("timexes", i));
    s.timexes.push_back(story_timex{r.text("id", true), r.text("doc"), r.count("start"), r.count("end"),
                                    r.text("text"), r.text("type"), r.text("value"), r.text("mod")});
  }
  for (const auto& [i, v] : top.items("events")) {
    const reader r = top.child(*v, at("events", i));
    story_event e;
    e.id = r.text("id", true);
    e.summary = r.text("summary");
    e.trigger = r.text("trigger");
    e.lemma = r.text("lemma");
    e.cls = r.text("class");
    e.tense = r.text("tense");
    e.aspect = r.text("aspect");
    e.polarity = r.text("polarity");
    e.modality = r.text("modality");
    const reader when = r.field("when", false);
    e.when = event_time{when.text("value"), when.text("anchor")};
    e.not_before = when.text("not_before");
    e.not_after = when.text("not_after");
    e.is_future = when.flag("future");
    e.actors = r.texts("actors");
    for (const auto& [k, q] : r.items("quantities")) {
      const reader qr = r.child(*q, r.place(at("quantities", k)));
      e.quantities.push_back(story_quantity{qr.text("kind"), qr.text("text"), qr.text("role"), qr.number("value")});
    }
    e.confidence = r.number("confidence");
    e.salience = r.number("salience");
    bool any_id = false;
    std::vector<std::string> mention_ids;
    for (const auto& [k, m] : r.items("mentions")) {
      const reader mr = r.child(*m, r.place(at("mentions", k)));
      e.mentions.push_back(read_span(mr));
      mention_ids.push_back(mr.text("id"));
      any_id = any_id || !mention_ids.back().empty();
    }
    if (any_id) e.mention_ids = std::move(mention_ids);
    s.events.push_back(std::move(e));
  }
  for (const auto& [i, v] : top.items("links")) {
    const reader r = top.child(*v, at("links", i));
    s.links.push_back(story_link{r.text("from", true), r.text("to", true), r.text("type", true),
                                 read_span(r.field("evidence", false)), r.text("rule"), r.number("confidence")});
  }
  for (const auto& [i, v] : top.items("diagnostics")) {
    const reader r = top.child(*v, at("diagnostics", i));
    s.diagnostics.push_back(story_diagnostic{r.text("level"), r.text("stage"), r.text("doc"), r.text("rule"),
                                             r.text("message"), r.optional_count("start"),
                                             r.optional_count("end")});
  }
  return s;
}

}  // namespace

std::string to_json(const story& s) {
  std::string out;
  out.reserve(size_estimate(s) * 3 / 2);  // indentation
  writer w(out, 2);
  w.begin_object();
  write_members(w, s);
  w.end_object();
  out += '\n';
  return out;
}

std::string to_json_line(const std::string& id, const story& s) {
  std::string out;
  out.reserve(size_estimate(s));
  writer w(out, -1);
  w.begin_object();
  w.member("id", id);
  write_members(w, s);
  w.end_object();
  return out;
}

story story_from_json(std::string_view text, const std::string& origin) {
  in_json root;
  try {
    root = in_json::parse(text.begin(), text.end());
  } catch (const in_json::parse_error& e) {
    // e.byte is 1-based; report line and column, which is what an editor shows.
    std::size_t line = 1, column = 1;
    for (std::size_t k = 0; k + 1 < e.byte && k < text.size(); ++k) {
      if (text[k] == '\n') { ++line; column = 1; } else { ++column; }
    }
    std::string what = e.what();
    if (const auto colon = what.find(": "); colon != std::string::npos) what = what.substr(colon + 2);
    throw input_error(origin + ":" + std::to_string(line) + ":" + std::to_string(column) + ": invalid JSON: " + what);
  } catch (const in_json::exception& e) {  // e.g. a number too large for any type (found by fuzzing)
    throw input_error(origin + ": invalid JSON: " + e.what());
  }
  try {
    return read_story(root, origin);
  } catch (const in_json::exception& e) {  // a value out of range for its type
    throw input_error(origin + ": " + e.what());
  }
}

}  // namespace chronograph::render
