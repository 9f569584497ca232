// SPDX-License-Identifier: MIT
// JSON schema v1 (docs/json-schema.md): a writer with a fixed key order and a validating reader.
#include "chronograph/render/json.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cerrno>
#include <cstdlib>
#include <cstring>

#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include <nlohmann/json.hpp>

#include "chronograph/error.hpp"
#include "chronograph/utf8.hpp"
#include "json_writer.hpp"

namespace chronograph::render {
namespace {

constexpr int schema_version = 1;

// ---- writing ------------------------------------------------------------------------------
using detail::json_writer;
using writer = json_writer;

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

// ---- fast reading ---------------------------------------------------------------------------
// A story.json of 100,000 events is 120 MB; nlohmann's parser takes seconds on it. The fast
// reader parses into a flat tree (nodes in one vector, strings in one buffer) and reads the
// story from it with the rules of read_story above. It accepts only what it is sure to read as
// nlohmann does: any syntax it does not handle, and any input read_story would reject, makes it
// give up (nullopt), and the nlohmann reader runs instead, so results and error messages are
// those of read_story in every case (tests/render/json_reader_test.cpp).
namespace fast {

struct give_up {};  // thrown inside the fast reader only

struct node {
  enum kind : std::uint8_t { null, boolean, unsigned_number, signed_number, real_number, string, array, object };
  kind type = null;
  bool truth = false;
  std::uint32_t first = 0, count = 0;  // array: items_[first, first + count); object: members_ likewise
  std::uint64_t unsigned_value = 0;
  std::int64_t signed_value = 0;
  double real_value = 0;
  std::size_t text_begin = 0, text_size = 0;  // string: into buffer_
};

class tree {
 public:
  explicit tree(std::string_view in) : in_(in) {
    nodes_.reserve(in.size() / 16);
    buffer_.reserve(in.size() / 2);
    items_.reserve(in.size() / 64);
    members_.reserve(in.size() / 32);
    if (!in_.empty() && static_cast<unsigned char>(in_[0]) == 0xEF) throw give_up{};  // a byte order mark
    skip_space();
    root_ = value(0);
    skip_space();
    if (at_ != in_.size()) throw give_up{};
  }

  [[nodiscard]] const node& root() const { return nodes_[root_]; }
  [[nodiscard]] std::string_view text(const node& n) const { return std::string_view(buffer_).substr(n.text_begin, n.text_size); }
  [[nodiscard]] const node& item(const node& array, std::size_t k) const { return nodes_[items_[array.first + k]]; }
  /// The member `key` of an object (the last one when repeated, as nlohmann keeps), or nullptr.
  [[nodiscard]] const node* find(const node& object, std::string_view key) const {
    for (std::size_t k = object.count; k-- > 0;) {
      const auto& m = members_[object.first + k];
      if (std::string_view(buffer_).substr(m.key_begin, m.key_size) == key) return &nodes_[m.value];
    }
    return nullptr;
  }

 private:
  struct member {
    std::size_t key_begin, key_size;
    std::uint32_t value;
  };

  void skip_space() {
    while (at_ < in_.size() && (in_[at_] == ' ' || in_[at_] == '\n' || in_[at_] == '\r' || in_[at_] == '\t')) ++at_;
  }
  bool literal(std::string_view word) {
    if (in_.compare(at_, word.size(), word) != 0) return false;
    at_ += word.size();
    return true;
  }
  std::uint32_t add(node n) {
    if (nodes_.size() >= 0xffffffffu) throw give_up{};
    nodes_.push_back(n);
    return static_cast<std::uint32_t>(nodes_.size() - 1);
  }

  std::uint32_t value(int depth) {
    if (depth > 32 || at_ >= in_.size()) throw give_up{};
    node n;
    switch (in_[at_]) {
      case '{': return object(depth);
      case '[': return array(depth);
      case '"':
        n.type = node::string;
        ++at_;
        n.text_begin = buffer_.size();
        string_body();
        n.text_size = buffer_.size() - n.text_begin;
        return add(n);
      case 't':
        if (!literal("true")) throw give_up{};
        n.type = node::boolean;
        n.truth = true;
        return add(n);
      case 'f':
        if (!literal("false")) throw give_up{};
        n.type = node::boolean;
        return add(n);
      case 'n':
        if (!literal("null")) throw give_up{};
        return add(n);
      default:
        return number();
    }
  }

  std::uint32_t array(int depth) {
    ++at_;
    std::vector<std::uint32_t> children;
    skip_space();
    if (at_ < in_.size() && in_[at_] == ']') {
      ++at_;
    } else {
      for (;;) {
        skip_space();
        children.push_back(value(depth + 1));
        skip_space();
        if (at_ < in_.size() && in_[at_] == ',') {
          ++at_;
          continue;
        }
        if (at_ < in_.size() && in_[at_] == ']') {
          ++at_;
          break;
        }
        throw give_up{};
      }
    }
    node n;
    n.type = node::array;
    n.first = static_cast<std::uint32_t>(items_.size());
    n.count = static_cast<std::uint32_t>(children.size());
    items_.insert(items_.end(), children.begin(), children.end());
    return add(n);
  }

  std::uint32_t object(int depth) {
    ++at_;
    std::vector<member> children;
    skip_space();
    if (at_ < in_.size() && in_[at_] == '}') {
      ++at_;
    } else {
      for (;;) {
        skip_space();
        if (at_ >= in_.size() || in_[at_] != '"') throw give_up{};
        ++at_;
        member m{buffer_.size(), 0, 0};
        string_body();
        m.key_size = buffer_.size() - m.key_begin;
        skip_space();
        if (at_ >= in_.size() || in_[at_] != ':') throw give_up{};
        ++at_;
        skip_space();
        m.value = value(depth + 1);
        children.push_back(m);
        skip_space();
        if (at_ < in_.size() && in_[at_] == ',') {
          ++at_;
          continue;
        }
        if (at_ < in_.size() && in_[at_] == '}') {
          ++at_;
          break;
        }
        throw give_up{};
      }
    }
    node n;
    n.type = node::object;
    n.first = static_cast<std::uint32_t>(members_.size());
    n.count = static_cast<std::uint32_t>(children.size());
    members_.insert(members_.end(), children.begin(), children.end());
    return add(n);
  }

  // The characters of a string after its opening quote, decoded into buffer_ (nlohmann's
  // escapes but \u, which is left to nlohmann with the rest).
  void string_body() {
    for (;;) {
      const std::size_t start = at_;
#ifdef __SSE2__
      const __m128i space = _mm_set1_epi8(0x20), quote = _mm_set1_epi8('"'), backslash = _mm_set1_epi8('\\');
      while (at_ + 16 <= in_.size()) {
        const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(in_.data() + at_));
        const __m128i special = _mm_or_si128(_mm_cmplt_epi8(v, space),
                                             _mm_or_si128(_mm_cmpeq_epi8(v, quote), _mm_cmpeq_epi8(v, backslash)));
        const int mask = _mm_movemask_epi8(special);
        if (mask != 0) {
          at_ += static_cast<std::size_t>(__builtin_ctz(static_cast<unsigned>(mask)));
          break;
        }
        at_ += 16;
      }
#endif
      while (at_ < in_.size()) {
        const auto u = static_cast<unsigned char>(in_[at_]);
        if (u < 0x20 || u >= 0x80 || u == '"' || u == '\\') break;
        ++at_;
      }
      buffer_.append(in_.data() + start, at_ - start);
      if (at_ >= in_.size()) throw give_up{};
      const auto u = static_cast<unsigned char>(in_[at_]);
      if (u == '"') {
        ++at_;
        return;
      }
      if (u == '\\') {
        if (at_ + 1 >= in_.size()) throw give_up{};
        switch (in_[at_ + 1]) {
          case '"': buffer_ += '"'; break;
          case '\\': buffer_ += '\\'; break;
          case '/': buffer_ += '/'; break;
          case 'b': buffer_ += '\b'; break;
          case 'f': buffer_ += '\f'; break;
          case 'n': buffer_ += '\n'; break;
          case 'r': buffer_ += '\r'; break;
          case 't': buffer_ += '\t'; break;
          default: throw give_up{};  // \u and invalid escapes
        }
        at_ += 2;
        continue;
      }
      if (u < 0x80) throw give_up{};  // a control character
      const auto bad = find_invalid_utf8(in_.substr(at_, std::min<std::size_t>(4, in_.size() - at_)));
      if (bad && *bad == 0) throw give_up{};
      const std::size_t n = u >= 0xF0 ? 4 : u >= 0xE0 ? 3 : 2;
      buffer_.append(in_.data() + at_, n);
      at_ += n;
    }
  }

  // A number as nlohmann reads it: integers without fraction or exponent as unsigned (or signed
  // when negative) 64-bit values, anything else (and integers out of range) as double by strtod.
  std::uint32_t number() {
    const std::size_t start = at_;
    bool integer = true;
    if (at_ < in_.size() && in_[at_] == '-') ++at_;
    const auto digits = [&] {
      const std::size_t from = at_;
      while (at_ < in_.size() && in_[at_] >= '0' && in_[at_] <= '9') ++at_;
      return at_ - from;
    };
    const std::size_t int_digits = digits();
    if (int_digits == 0 || (int_digits > 1 && in_[at_ - int_digits] == '0')) throw give_up{};
    if (at_ < in_.size() && in_[at_] == '.') {
      ++at_;
      integer = false;
      if (digits() == 0) throw give_up{};
    }
    if (at_ < in_.size() && (in_[at_] == 'e' || in_[at_] == 'E')) {
      ++at_;
      integer = false;
      if (at_ < in_.size() && (in_[at_] == '+' || in_[at_] == '-')) ++at_;
      if (digits() == 0) throw give_up{};
    }
    const std::string literal(in_.substr(start, at_ - start));
    node n;
    if (integer) {
      errno = 0;
      char* end = nullptr;
      if (literal[0] == '-') {
        const long long v = std::strtoll(literal.c_str(), &end, 10);
        if (errno == 0) {
          n.type = node::signed_number;
          n.signed_value = v;
          return add(n);
        }
      } else {
        const unsigned long long v = std::strtoull(literal.c_str(), &end, 10);
        if (errno == 0) {
          n.type = node::unsigned_number;
          n.unsigned_value = v;
          return add(n);
        }
      }
    }
    n.type = node::real_number;
    n.real_value = std::strtod(literal.c_str(), nullptr);
    if (!std::isfinite(n.real_value)) throw give_up{};  // nlohmann refuses it ("number overflow")
    return add(n);
  }

  std::string_view in_;
  std::size_t at_ = 0;
  std::vector<node> nodes_;
  std::string buffer_;
  std::vector<std::uint32_t> items_;
  std::vector<member> members_;
  std::uint32_t root_ = 0;
};

// read_story's rules over the flat tree; anything read_story would reject gives up.
class reader {
 public:
  reader(const tree& t, const node* n) : t_(t), n_(n) {
    if (n_ && n_->type != node::object) throw give_up{};
  }
  [[nodiscard]] const node* get(std::string_view key, bool required) const {
    const node* v = n_ ? t_.find(*n_, key) : nullptr;
    if (!v || (v->type == node::null && required)) {
      if (required) throw give_up{};
      return nullptr;
    }
    return v;
  }
  [[nodiscard]] std::string text(std::string_view key, bool required = false) const {
    const node* v = get(key, required);
    if (!v || v->type == node::null) return {};
    if (v->type != node::string) throw give_up{};
    return std::string(t_.text(*v));
  }
  [[nodiscard]] std::optional<std::string> optional_text(std::string_view key) const {
    const node* v = get(key, false);
    if (!v || v->type == node::null) return std::nullopt;
    if (v->type != node::string) throw give_up{};
    return std::string(t_.text(*v));
  }
  [[nodiscard]] std::size_t count(std::string_view key) const {
    const node* v = get(key, false);
    if (!v || v->type == node::null) return 0;
    if (v->type == node::unsigned_number) return static_cast<std::size_t>(v->unsigned_value);
    throw give_up{};  // negative, fractional or not a number: read_story decides what it says
  }
  [[nodiscard]] std::optional<std::size_t> optional_count(std::string_view key) const {
    const node* v = get(key, false);
    if (!v || v->type == node::null) return std::nullopt;
    return count(key);
  }
  [[nodiscard]] double number(std::string_view key) const {
    const node* v = get(key, false);
    if (!v || v->type == node::null) return 0;
    switch (v->type) {
      case node::unsigned_number: return static_cast<double>(v->unsigned_value);
      case node::signed_number: return static_cast<double>(v->signed_value);
      case node::real_number: return v->real_value;
      default: throw give_up{};
    }
  }
  [[nodiscard]] bool flag(std::string_view key) const {
    const node* v = get(key, false);
    if (!v || v->type == node::null) return false;
    if (v->type != node::boolean) throw give_up{};
    return v->truth;
  }
  /// The items of an array member (absent or null: none).
  template <class F>
  void each(std::string_view key, F&& f) const {
    const node* v = get(key, false);
    if (!v || v->type == node::null) return;
    if (v->type != node::array) throw give_up{};
    for (std::size_t k = 0; k < v->count; ++k) f(t_.item(*v, k));
  }
  [[nodiscard]] std::size_t size_of(std::string_view key) const {
    const node* v = get(key, false);
    return v && v->type == node::array ? v->count : 0;
  }
  [[nodiscard]] reader child(const node& n) const { return reader(t_, &n); }
  [[nodiscard]] reader field(std::string_view key) const {
    const node* v = get(key, false);
    return reader(t_, v && v->type != node::null ? v : nullptr);  // absent: an empty object
  }

 private:
  const tree& t_;
  const node* n_;  // nullptr: an empty object
};

evidence read_span(const reader& r) { return evidence{r.text("doc"), r.count("start"), r.count("end"), r.text("text")}; }

std::optional<story> read(std::string_view text) {
  try {
    const tree t(text);
    const reader top(t, &t.root());
    const node* version = top.get("chronograph", true);
    if (!((version->type == node::unsigned_number && version->unsigned_value == schema_version) ||
          (version->type == node::signed_number && version->signed_value == schema_version)))
      throw give_up{};
    story s;
    s.documents.reserve(top.size_of("documents"));
    top.each("documents", [&](const node& n) {
      const auto r = top.child(n);
      s.documents.push_back(story_document{r.text("id", true), r.text("path"), r.text("source"), r.optional_text("dct"),
                                           r.text("title")});
    });
    s.timexes.reserve(top.size_of("timexes"));
    top.each("timexes", [&](const node& n) {
      const auto r = top.child(n);
      s.timexes.push_back(story_timex{r.text("id", true), r.text("doc"), r.count("start"), r.count("end"), r.text("text"),
                                      r.text("type"), r.text("value"), r.text("mod")});
    });
    s.events.reserve(top.size_of("events"));
    top.each("events", [&](const node& n) {
      const auto r = top.child(n);
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
      const auto when = r.field("when");
      e.when = event_time{when.text("value"), when.text("anchor")};
      e.not_before = when.text("not_before");
      e.not_after = when.text("not_after");
      e.is_future = when.flag("future");
      r.each("actors", [&](const node& a) {
        if (a.type != node::string) throw give_up{};
        e.actors.emplace_back(t.text(a));
      });
      r.each("quantities", [&](const node& q) {
        const auto qr = r.child(q);
        e.quantities.push_back(story_quantity{qr.text("kind"), qr.text("text"), qr.text("role"), qr.number("value")});
      });
      e.confidence = r.number("confidence");
      e.salience = r.number("salience");
      bool any_id = false;
      std::vector<std::string> mention_ids;
      r.each("mentions", [&](const node& m) {
        const auto mr = r.child(m);
        e.mentions.push_back(read_span(mr));
        mention_ids.push_back(mr.text("id"));
        any_id = any_id || !mention_ids.back().empty();
      });
      if (any_id) e.mention_ids = std::move(mention_ids);
      s.events.push_back(std::move(e));
    });
    s.links.reserve(top.size_of("links"));
    top.each("links", [&](const node& n) {
      const auto r = top.child(n);
      s.links.push_back(story_link{r.text("from", true), r.text("to", true), r.text("type", true),
                                   read_span(r.field("evidence")), r.text("rule"), r.number("confidence")});
    });
    s.diagnostics.reserve(top.size_of("diagnostics"));
    top.each("diagnostics", [&](const node& n) {
      const auto r = top.child(n);
      s.diagnostics.push_back(story_diagnostic{r.text("level"), r.text("stage"), r.text("doc"), r.text("rule"),
                                               r.text("message"), r.optional_count("start"), r.optional_count("end")});
    });
    return s;
  } catch (const give_up&) {
    return std::nullopt;
  }
}

}  // namespace fast

}  // namespace

std::string to_json(const story& s) {
  writer w(2, size_estimate(s) * 3 / 2);  // with indentation
  w.begin_object();
  write_members(w, s);
  w.end_object();
  auto out = w.take();
  out += '\n';
  return out;
}

std::string to_json_line(const std::string& id, const story& s) {
  writer w(-1, size_estimate(s) + id.size());
  w.begin_object();
  w.member("id", id);
  write_members(w, s);
  w.end_object();
  return w.take();
}

namespace detail {

story story_from_json_tree(std::string_view text, const std::string& origin) {
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

}  // namespace detail

story story_from_json(std::string_view text, const std::string& origin) {
  if (auto s = fast::read(text)) return std::move(*s);
  return detail::story_from_json_tree(text, origin);
}

}  // namespace chronograph::render
