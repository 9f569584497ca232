// SPDX-License-Identifier: MIT
// The binary encoding of document_analysis (docs/store.md, "Analysis encoding").
#include "chronograph/store/serialize.hpp"

#include <cstring>
#include <type_traits>

#include "chronograph/error.hpp"
#include "story_rows.hpp"

namespace chronograph::store {

namespace {

constexpr char magic[3] = {'C', 'G', 'A'};

class writer {
 public:
  void raw(const char* p, std::size_t n) { out_.append(p, n); }
  void u(std::uint64_t v) {
    while (v >= 0x80) {
      out_.push_back(static_cast<char>((v & 0x7f) | 0x80));
      v >>= 7;
    }
    out_.push_back(static_cast<char>(v));
  }
  void s(std::int64_t v) { u((static_cast<std::uint64_t>(v) << 1) ^ static_cast<std::uint64_t>(v >> 63)); }
  void b(bool v) { out_.push_back(v ? '\1' : '\0'); }
  void str(std::string_view v) {
    u(v.size());
    out_.append(v.data(), v.size());
  }
  void f64(double v) {
    std::uint64_t bits = 0;
    std::memcpy(&bits, &v, sizeof bits);
    for (int i = 0; i < 8; ++i) out_.push_back(static_cast<char>((bits >> (8 * i)) & 0xff));
  }
  void span(const byte_span& v) {
    u(v.begin);
    u(v.end);
  }
  template <class E>
  void e(E v) {
    u(static_cast<std::uint64_t>(static_cast<std::underlying_type_t<E>>(v)));
  }
  std::string take() { return std::move(out_); }

 private:
  std::string out_;
};

class reader {
 public:
  reader(std::string_view in, const std::string& origin) : in_(in), origin_(origin) {}
  [[noreturn]] void fail(const std::string& what) const {
    throw input_error(origin_ + ": corrupt data at byte " + std::to_string(pos_) + ": " + what);
  }
  std::uint64_t u() {
    std::uint64_t v = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      if (pos_ >= in_.size()) fail("truncated integer");
      const auto byte = static_cast<unsigned char>(in_[pos_++]);
      v |= std::uint64_t{byte & 0x7fu} << shift;
      if (!(byte & 0x80)) return v;
    }
    fail("integer too long");
  }
  std::int64_t s() {
    const auto v = u();
    return static_cast<std::int64_t>(v >> 1) ^ -static_cast<std::int64_t>(v & 1);
  }
  std::size_t size() {
    const auto v = u();
    if (v > in_.size()) fail("count larger than the data");  // every element takes >= 1 byte
    return static_cast<std::size_t>(v);
  }
  bool b() {
    if (pos_ >= in_.size()) fail("truncated flag");
    const char c = in_[pos_++];
    if (c != '\0' && c != '\1') fail("bad flag");
    return c == '\1';
  }
  std::string str() {
    const auto n = size();
    if (in_.size() - pos_ < n) fail("truncated string");
    std::string v(in_.substr(pos_, n));
    pos_ += n;
    return v;
  }
  double f64() {
    if (in_.size() - pos_ < 8) fail("truncated number");
    std::uint64_t bits = 0;
    for (int i = 0; i < 8; ++i) bits |= std::uint64_t{static_cast<unsigned char>(in_[pos_ + static_cast<std::size_t>(i)])} << (8 * i);
    pos_ += 8;
    double v = 0;
    std::memcpy(&v, &bits, sizeof v);
    return v;
  }
  byte_span span() {
    byte_span v;
    v.begin = static_cast<std::size_t>(u());
    v.end = static_cast<std::size_t>(u());
    return v;
  }
  /// An enumerator no larger than `last`.
  template <class E>
  E e(E last) {
    const auto v = u();
    if (v > static_cast<std::uint64_t>(static_cast<std::underlying_type_t<E>>(last))) fail("enumerator out of range");
    return static_cast<E>(static_cast<std::underlying_type_t<E>>(v));
  }
  void expect_magic(const char (&m)[3]) {
    if (in_.size() < sizeof m || std::memcmp(in_.data(), m, sizeof m) != 0) fail("bad magic");
    pos_ = sizeof m;
  }
  bool at_end() const noexcept { return pos_ == in_.size(); }

 private:
  std::string_view in_;
  const std::string& origin_;
  std::size_t pos_ = 0;
};

void write_document(writer& w, const document& d) {
  w.str(d.id);
  w.str(d.path);
  w.str(d.source);
  w.str(d.text);
  w.b(d.dct.has_value());
  if (d.dct) {
    w.s(d.dct->day.time_since_epoch().count());
    w.b(d.dct->time_of_day.has_value());
    if (d.dct->time_of_day) w.s(d.dct->time_of_day->count());
  }
  w.str(d.dct_origin);
  w.e(d.kind);
}

document read_document(reader& r) {
  document d;
  d.id = r.str();
  d.path = r.str();
  d.source = r.str();
  d.text = r.str();
  if (r.b()) {
    creation_time ct;
    ct.day = date::sys_days{date::days{r.s()}};
    if (r.b()) ct.time_of_day = std::chrono::seconds{r.s()};
    d.dct = ct;
  }
  d.dct_origin = r.str();
  d.kind = r.e(genre::narrative);
  return d;
}

}  // namespace

std::string serialize_analysis(const merge::document_analysis& a) {
  writer w;
  w.raw(magic, sizeof magic);
  w.u(analysis_format_version);
  write_document(w, a.annotated.doc);

  w.u(a.annotated.sentences.size());
  for (const auto& s : a.annotated.sentences) {
    w.span(s.span);
    w.u(s.first_token);
    w.u(s.end_token);
  }
  w.u(a.annotated.tokens.size());
  for (const auto& t : a.annotated.tokens) {
    w.span(t.span);
    w.str(t.form);
    w.e(t.tag);
    w.str(t.xpos);
    w.str(t.lemma);
    w.s(t.head);
    w.str(t.deprel);
  }

  w.u(a.timexes.size());
  for (const auto& t : a.timexes) {
    w.str(t.id);
    w.span(t.span);
    w.str(t.text);
    w.e(t.type);
    w.str(t.value);
    w.str(t.mod);
    w.str(t.quant);
    w.str(t.freq);
    w.str(t.rule);
    w.b(t.is_relative);
  }

  w.u(a.events.size());
  for (const auto& ev : a.events) {
    w.str(ev.id);
    w.span(ev.span);
    w.str(ev.trigger);
    w.str(ev.lemma);
    w.u(ev.sentence);
    w.e(ev.cls);
    w.e(ev.tns);
    w.e(ev.asp);
    w.e(ev.pol);
    w.str(ev.modality);
    w.str(ev.summary);
    w.u(ev.actors.size());
    for (const auto& actor : ev.actors) w.str(actor);
    w.u(ev.quantities.size());
    for (const auto& q : ev.quantities) {
      w.str(q.kind);
      w.str(q.text);
      w.f64(q.value);
      w.str(q.role);
    }
    w.f64(ev.salience);
    w.f64(ev.confidence);
    w.str(ev.frame);
    w.e(ev.pos);
    w.u(ev.actor_spans.size());
    for (const auto& sp : ev.actor_spans) w.span(sp);
    w.u(ev.subject_count);
    w.str(ev.mention_of);
    w.str(ev.when_value);
    w.str(ev.when_anchor);
    w.str(ev.when_not_before);
    w.str(ev.when_not_after);
    w.b(ev.is_future);
    w.b(ev.presupposed);
  }

  w.u(a.links.size());
  for (const auto& l : a.links) {
    w.str(l.from);
    w.str(l.to);
    w.e(l.rel);
    w.span(l.evidence);
    w.str(l.rule);
    w.f64(l.confidence);
  }

  w.u(a.diagnostics.size());
  for (const auto& d : a.diagnostics) {
    w.e(d.level);
    w.str(d.stage);
    w.str(d.doc);
    w.span(d.span);
    w.str(d.rule);
    w.str(d.message);
  }
  return w.take();
}

merge::document_analysis deserialize_analysis(std::string_view bytes, const std::string& origin) {
  reader r(bytes, origin);
  r.expect_magic(magic);
  if (const auto version = r.u(); version != analysis_format_version)
    r.fail("analysis format " + std::to_string(version) + " is not supported (this build reads format " +
           std::to_string(analysis_format_version) + ")");
  merge::document_analysis a;
  a.annotated.doc = read_document(r);

  a.annotated.sentences.resize(r.size());
  for (auto& s : a.annotated.sentences) {
    s.span = r.span();
    s.first_token = static_cast<std::size_t>(r.u());
    s.end_token = static_cast<std::size_t>(r.u());
  }
  a.annotated.tokens.resize(r.size());
  for (auto& t : a.annotated.tokens) {
    t.span = r.span();
    t.form = r.str();
    t.tag = r.e(text::upos::x);
    t.xpos = r.str();
    t.lemma = r.str();
    t.head = static_cast<int>(r.s());
    t.deprel = r.str();
  }
  for (const auto& s : a.annotated.sentences)
    if (s.first_token > s.end_token || s.end_token > a.annotated.tokens.size()) r.fail("sentence token range out of bounds");

  a.timexes.resize(r.size());
  for (auto& t : a.timexes) {
    t.id = r.str();
    t.span = r.span();
    t.text = r.str();
    t.type = r.e(timex::timex_type::set);
    t.value = r.str();
    t.mod = r.str();
    t.quant = r.str();
    t.freq = r.str();
    t.rule = r.str();
    t.is_relative = r.b();
  }

  a.events.resize(r.size());
  for (auto& ev : a.events) {
    ev.id = r.str();
    ev.span = r.span();
    ev.trigger = r.str();
    ev.lemma = r.str();
    ev.sentence = static_cast<std::size_t>(r.u());
    ev.cls = r.e(events::event_class::perception);
    ev.tns = r.e(events::tense::pastpart);
    ev.asp = r.e(events::aspect::perfective_progressive);
    ev.pol = r.e(events::polarity::neg);
    ev.modality = r.str();
    ev.summary = r.str();
    ev.actors.resize(r.size());
    for (auto& actor : ev.actors) actor = r.str();
    ev.quantities.resize(r.size());
    for (auto& q : ev.quantities) {
      q.kind = r.str();
      q.text = r.str();
      q.value = r.f64();
      q.role = r.str();
    }
    ev.salience = r.f64();
    ev.confidence = r.f64();
    ev.frame = r.str();
    ev.pos = r.e(text::upos::x);
    ev.actor_spans.resize(r.size());
    for (auto& sp : ev.actor_spans) sp = r.span();
    ev.subject_count = static_cast<std::size_t>(r.u());
    ev.mention_of = r.str();
    ev.when_value = r.str();
    ev.when_anchor = r.str();
    ev.when_not_before = r.str();
    ev.when_not_after = r.str();
    ev.is_future = r.b();
    ev.presupposed = r.b();
  }

  a.links.resize(r.size());
  for (auto& l : a.links) {
    l.from = r.str();
    l.to = r.str();
    l.rel = r.e(relations::relation::prevents);
    l.evidence = r.span();
    l.rule = r.str();
    l.confidence = r.f64();
  }

  a.diagnostics.resize(r.size());
  for (auto& d : a.diagnostics) {
    d.level = r.e(severity::error);
    d.stage = r.str();
    d.doc = r.str();
    d.span = r.span();
    d.rule = r.str();
    d.message = r.str();
  }
  if (!r.at_end()) r.fail("trailing bytes");
  return a;
}

namespace {

constexpr char story_magic[3] = {'C', 'G', 'S'};

void write_evidence(writer& w, const evidence& e) {
  w.str(e.doc);
  w.u(e.start);
  w.u(e.end);
  w.str(e.text);
}

evidence read_evidence(reader& r) {
  evidence e;
  e.doc = r.str();
  e.start = static_cast<std::size_t>(r.u());
  e.end = static_cast<std::size_t>(r.u());
  e.text = r.str();
  return e;
}

void write_optional(writer& w, const std::optional<std::string>& v) {
  w.b(v.has_value());
  if (v) w.str(*v);
}

std::optional<std::string> read_optional(reader& r) {
  if (!r.b()) return std::nullopt;
  return r.str();
}

void write_optional(writer& w, const std::optional<std::size_t>& v) {
  w.b(v.has_value());
  if (v) w.u(*v);
}

std::optional<std::size_t> read_optional_size(reader& r) {
  if (!r.b()) return std::nullopt;
  return static_cast<std::size_t>(r.u());
}

void write_strings(writer& w, const std::vector<std::string>& v) {
  w.u(v.size());
  for (const auto& x : v) w.str(x);
}

std::vector<std::string> read_strings(reader& r) {
  std::vector<std::string> v(r.size());
  for (auto& x : v) x = r.str();
  return v;
}

void write_story_document(writer& w, const story_document& d) {
  w.str(d.id);
  w.str(d.path);
  w.str(d.source);
  write_optional(w, d.dct);
  w.str(d.title);
}

void read_story_document(reader& r, story_document& d) {
  d.id = r.str();
  d.path = r.str();
  d.source = r.str();
  d.dct = read_optional(r);
  d.title = r.str();
}

void write_timex(writer& w, const story_timex& t) {
  w.str(t.id);
  w.str(t.doc);
  w.u(t.start);
  w.u(t.end);
  w.str(t.text);
  w.str(t.type);
  w.str(t.value);
  w.str(t.mod);
}

void read_timex(reader& r, story_timex& t) {
  t.id = r.str();
  t.doc = r.str();
  t.start = static_cast<std::size_t>(r.u());
  t.end = static_cast<std::size_t>(r.u());
  t.text = r.str();
  t.type = r.str();
  t.value = r.str();
  t.mod = r.str();
}

void write_event(writer& w, const story_event& e) {
  w.str(e.id);
  w.str(e.summary);
  w.str(e.trigger);
  w.str(e.lemma);
  w.str(e.cls);
  w.str(e.tense);
  w.str(e.aspect);
  w.str(e.polarity);
  w.str(e.modality);
  w.str(e.when.value);
  w.str(e.when.anchor);
  w.str(e.not_before);
  w.str(e.not_after);
  w.b(e.is_future);
  write_strings(w, e.actors);
  w.u(e.quantities.size());
  for (const auto& q : e.quantities) {
    w.str(q.kind);
    w.str(q.text);
    w.str(q.role);
    w.f64(q.value);
  }
  w.f64(e.confidence);
  w.f64(e.salience);
  w.u(e.mentions.size());
  for (const auto& m : e.mentions) write_evidence(w, m);
  write_strings(w, e.mention_ids);
}

void read_event(reader& r, story_event& e) {
  e.id = r.str();
  e.summary = r.str();
  e.trigger = r.str();
  e.lemma = r.str();
  e.cls = r.str();
  e.tense = r.str();
  e.aspect = r.str();
  e.polarity = r.str();
  e.modality = r.str();
  e.when.value = r.str();
  e.when.anchor = r.str();
  e.not_before = r.str();
  e.not_after = r.str();
  e.is_future = r.b();
  e.actors = read_strings(r);
  e.quantities.resize(r.size());
  for (auto& q : e.quantities) {
    q.kind = r.str();
    q.text = r.str();
    q.role = r.str();
    q.value = r.f64();
  }
  e.confidence = r.f64();
  e.salience = r.f64();
  e.mentions.resize(r.size());
  for (auto& m : e.mentions) m = read_evidence(r);
  e.mention_ids = read_strings(r);
}

void write_link(writer& w, const story_link& l) {
  w.str(l.from);
  w.str(l.to);
  w.str(l.type);
  write_evidence(w, l.support);
  w.str(l.rule);
  w.f64(l.confidence);
}

void read_link(reader& r, story_link& l) {
  l.from = r.str();
  l.to = r.str();
  l.type = r.str();
  l.support = read_evidence(r);
  l.rule = r.str();
  l.confidence = r.f64();
}

void write_diagnostic(writer& w, const story_diagnostic& d) {
  w.str(d.level);
  w.str(d.stage);
  w.str(d.doc);
  w.str(d.rule);
  w.str(d.message);
  write_optional(w, d.start);
  write_optional(w, d.end);
}

void read_diagnostic(reader& r, story_diagnostic& d) {
  d.level = r.str();
  d.stage = r.str();
  d.doc = r.str();
  d.rule = r.str();
  d.message = r.str();
  d.start = read_optional_size(r);
  d.end = read_optional_size(r);
}

}  // namespace

std::string serialize_story(const story& s) {
  writer w;
  w.raw(story_magic, sizeof story_magic);
  w.u(story_format_version);
  w.u(s.documents.size());
  for (const auto& d : s.documents) write_story_document(w, d);
  w.u(s.timexes.size());
  for (const auto& t : s.timexes) write_timex(w, t);
  w.u(s.events.size());
  for (const auto& e : s.events) write_event(w, e);
  w.u(s.links.size());
  for (const auto& l : s.links) write_link(w, l);
  w.u(s.diagnostics.size());
  for (const auto& d : s.diagnostics) write_diagnostic(w, d);
  return w.take();
}

story deserialize_story(std::string_view bytes, const std::string& origin) {
  reader r(bytes, origin);
  r.expect_magic(story_magic);
  if (const auto version = r.u(); version != story_format_version)
    r.fail("story format " + std::to_string(version) + " is not supported (this build reads format " +
           std::to_string(story_format_version) + ")");
  story s;
  s.documents.resize(r.size());
  for (auto& d : s.documents) read_story_document(r, d);
  s.timexes.resize(r.size());
  for (auto& t : s.timexes) read_timex(r, t);
  s.events.resize(r.size());
  for (auto& e : s.events) read_event(r, e);
  s.links.resize(r.size());
  for (auto& l : s.links) read_link(r, l);
  s.diagnostics.resize(r.size());
  for (auto& d : s.diagnostics) read_diagnostic(r, d);
  if (!r.at_end()) r.fail("trailing bytes");
  return s;
}

namespace detail {

namespace {
template <class T, class Write>
std::string encode_one(const T& value, Write write) {
  writer w;
  write(w, value);
  return w.take();
}

template <class T, class Read>
T decode_one(std::string_view bytes, const std::string& origin, Read read) {
  reader r(bytes, origin);
  T value;
  read(r, value);
  if (!r.at_end()) r.fail("trailing bytes");
  return value;
}
}  // namespace

std::string encode(const story_document& d) { return encode_one(d, write_story_document); }
std::string encode(const story_timex& t) { return encode_one(t, write_timex); }
std::string encode(const story_event& e) { return encode_one(e, write_event); }
std::string encode(const story_link& l) { return encode_one(l, write_link); }
std::string encode(const story_diagnostic& d) { return encode_one(d, write_diagnostic); }

story_document decode_document(std::string_view bytes, const std::string& origin) {
  return decode_one<story_document>(bytes, origin, read_story_document);
}
story_timex decode_timex(std::string_view bytes, const std::string& origin) {
  return decode_one<story_timex>(bytes, origin, read_timex);
}
story_event decode_event(std::string_view bytes, const std::string& origin) {
  return decode_one<story_event>(bytes, origin, read_event);
}
story_link decode_link(std::string_view bytes, const std::string& origin) {
  return decode_one<story_link>(bytes, origin, read_link);
}
story_diagnostic decode_diagnostic(std::string_view bytes, const std::string& origin) {
  return decode_one<story_diagnostic>(bytes, origin, read_diagnostic);
}

}  // namespace detail

namespace {

// Two independent 64-bit FNV-1a style hashes (different offset bases and a final mix), joined.
std::uint64_t fnv1a(std::string_view s, std::uint64_t h) {
  for (const unsigned char c : s) {
    h ^= c;
    h *= 0x100000001b3ULL;
  }
  return h;
}

std::uint64_t mix(std::uint64_t h) {  // splitmix64 finaliser
  h ^= h >> 30;
  h *= 0xbf58476d1ce4e5b9ULL;
  h ^= h >> 27;
  h *= 0x94d049bb133111ebULL;
  h ^= h >> 31;
  return h;
}

void append_hex(std::string& out, std::uint64_t v) {
  static constexpr char digits[] = "0123456789abcdef";
  for (int i = 15; i >= 0; --i) out.push_back(digits[(v >> (4 * i)) & 0xf]);
}

}  // namespace

std::string content_hash(const document& doc) {
  writer w;  // length-prefixed fields, so "ab"+"c" and "a"+"bc" differ
  w.str(doc.text);
  w.str(doc.dct ? doc.dct->iso() : std::string());
  w.str(doc.source);
  w.e(doc.kind);
  const auto bytes = w.take();
  std::string out;
  append_hex(out, mix(fnv1a(bytes, 0xcbf29ce484222325ULL)));
  std::string reversed(bytes.rbegin(), bytes.rend());
  append_hex(out, mix(fnv1a(reversed, 0x84222325cbf29ce4ULL)));
  return out;
}

}  // namespace chronograph::store
