// SPDX-License-Identifier: MIT
// The store's query index: writing it from a story, and answering questions from it.
#include "query_index.hpp"

#include <algorithm>
#include <cstring>
#include <deque>
#include <map>
#include <unordered_map>
#include <unordered_set>

#include "chronograph/detail/string_map.hpp"
#include "chronograph/error.hpp"
#include "chronograph/graph/event_graph.hpp"
#include "chronograph/graph/walk.hpp"
#include "chronograph/graph/word_index.hpp"
#include "sqlite.hpp"
#include "story_rows.hpp"

namespace chronograph::store::detail {

const char* const query_index_schema_v3 =
    "CREATE TABLE story_index ("
    "  id INTEGER PRIMARY KEY CHECK (id = 1),"
    "  program TEXT NOT NULL,"
    "  graph BLOB NOT NULL);"
    "CREATE TABLE story_events (seq INTEGER PRIMARY KEY, id TEXT NOT NULL, summary TEXT NOT NULL, event BLOB NOT NULL);"
    "CREATE TABLE story_timexes (seq INTEGER PRIMARY KEY, timex BLOB NOT NULL);"
    "CREATE TABLE story_links (seq INTEGER PRIMARY KEY, link BLOB NOT NULL);"
    "CREATE TABLE story_documents (seq INTEGER PRIMARY KEY, id TEXT NOT NULL, document BLOB NOT NULL);"
    "CREATE INDEX story_documents_by_id ON story_documents (id);"
    "CREATE TABLE story_diagnostics (seq INTEGER PRIMARY KEY, doc TEXT NOT NULL, diagnostic BLOB NOT NULL);"
    "CREATE INDEX story_diagnostics_by_doc ON story_diagnostics (doc);"
    "CREATE TABLE story_ids (id BLOB PRIMARY KEY, vertex INTEGER NOT NULL) WITHOUT ROWID;"
    "CREATE TABLE story_words (word BLOB PRIMARY KEY, events BLOB NOT NULL) WITHOUT ROWID;";

// Version 4: what printing reads of each event gets a table of small rows (story_events keeps
// the encoded event only), so that printing an answer of thousands of events reads a few
// hundred kilobytes instead of the events' overflow pages.
const char* const query_index_changes_v4 =
    "DROP TABLE story_events;"
    "CREATE TABLE story_events (seq INTEGER PRIMARY KEY, event BLOB NOT NULL);"
    "CREATE TABLE story_event_labels (seq INTEGER PRIMARY KEY, id TEXT NOT NULL, summary TEXT NOT NULL,"
    "  trigger TEXT NOT NULL, value TEXT NOT NULL);";

namespace {

constexpr char image_magic[3] = {'C', 'G', 'Q'};
constexpr std::uint32_t image_version = 2;
constexpr bool little_endian = __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__;

// Link flags in the image: bits 0-1 the link kind (graph::link_kind), bits 2-3 its order
// (graph::detail::link_order: 0 none, 1 `from` precedes `to`: BEFORE, IBEFORE, CAUSES, ENABLES;
// 2 `to` precedes `from`: AFTER, IAFTER), bit 4 / bit 5: `from` / `to` is the id of its vertex
// (not a mention id).
constexpr std::uint8_t from_is_vertex_id = 0x10, to_is_vertex_id = 0x20;

std::uint8_t kind_bits(std::uint8_t flags) { return flags & 3; }
std::uint8_t order_bits(std::uint8_t flags) { return (flags >> 2) & 3; }

// Fixed-width little-endian writing and reading of the image.
class image_writer {
 public:
  void bytes(const void* p, std::size_t n) { out_.append(static_cast<const char*>(p), n); }
  template <class T>
  void put(T v) {
    unsigned char b[sizeof(T)];
    std::uint64_t bits = 0;
    if constexpr (std::is_same_v<T, double>) std::memcpy(&bits, &v, sizeof v);
    else bits = static_cast<std::uint64_t>(v);
    for (std::size_t i = 0; i < sizeof(T); ++i) b[i] = static_cast<unsigned char>(bits >> (8 * i));
    bytes(b, sizeof b);
  }
  std::string take() { return std::move(out_); }

 private:
  std::string out_;
};

class image_reader {
 public:
  image_reader(std::string_view in, const std::string& origin) : in_(in), origin_(origin) {}
  template <class T>
  T get() {
    if (in_.size() - at_ < sizeof(T)) fail("truncated");
    std::uint64_t bits = 0;
    for (std::size_t i = 0; i < sizeof(T); ++i) bits |= std::uint64_t{static_cast<unsigned char>(in_[at_ + i])} << (8 * i);
    at_ += sizeof(T);
    if constexpr (std::is_same_v<T, double>) {
      double v;
      std::memcpy(&v, &bits, sizeof v);
      return v;
    } else {
      return static_cast<T>(bits);
    }
  }
  /// n values of T (fixed-width little-endian) into out.
  template <class T>
  void get_array(std::size_t n, std::vector<T>& out) {
    if ((in_.size() - at_) / sizeof(T) < n) fail("truncated");
    out.resize(n);
    if constexpr (little_endian) {
      if (n > 0) std::memcpy(out.data(), in_.data() + at_, n * sizeof(T));
      at_ += n * sizeof(T);
    } else {
      for (auto& v : out) v = get<T>();
    }
  }
  std::size_t count(std::size_t at_most) {
    const auto n = get<std::uint64_t>();
    if (n > at_most) fail("count out of range");
    return static_cast<std::size_t>(n);
  }
  void expect_magic() {
    if (in_.size() < sizeof image_magic || std::memcmp(in_.data(), image_magic, sizeof image_magic) != 0) fail("bad magic");
    at_ = sizeof image_magic;
  }
  [[nodiscard]] bool at_end() const noexcept { return at_ == in_.size(); }
  [[noreturn]] void fail(const std::string& what) const {
    throw input_error(origin_ + ": corrupt query index at byte " + std::to_string(at_) + ": " + what);
  }

 private:
  std::string_view in_;
  const std::string& origin_;
  std::size_t at_ = 0;
};

std::string encode_postings(const graph::vertex_type* first, const graph::vertex_type* last) {
  std::string out;
  out.reserve(static_cast<std::size_t>(last - first) * 4);
  for (; first != last; ++first) {
    const auto v = static_cast<std::uint32_t>(*first);
    const char b[4] = {static_cast<char>(v & 0xff), static_cast<char>((v >> 8) & 0xff), static_cast<char>((v >> 16) & 0xff),
                       static_cast<char>(v >> 24)};
    out.append(b, 4);
  }
  return out;
}

// The vertices of a postings blob (4 bytes each, little-endian), checked against `vertices`.
std::vector<std::uint32_t> decode_postings(std::string_view bytes, std::size_t vertices, const std::string& file) {
  if (bytes.size() % 4 != 0) throw input_error(file + ": corrupt query index: word postings");
  std::vector<std::uint32_t> out(bytes.size() / 4);
  for (std::size_t i = 0; i < out.size(); ++i) {
    const auto* p = reinterpret_cast<const unsigned char*>(bytes.data()) + 4 * i;
    out[i] = std::uint32_t{p[0]} | std::uint32_t{p[1]} << 8 | std::uint32_t{p[2]} << 16 | std::uint32_t{p[3]} << 24;
    if (out[i] >= vertices) throw input_error(file + ": corrupt query index: word postings");
  }
  return out;
}

}  // namespace

void clear_query_index(sqlite3* db, const std::string& file) {
  exec(db, file,
       "DELETE FROM story_index; DELETE FROM story_events; DELETE FROM story_event_labels; DELETE FROM story_timexes;"
       "DELETE FROM story_links;"
       "DELETE FROM story_documents; DELETE FROM story_diagnostics; DELETE FROM story_ids; DELETE FROM story_words;");
}

void write_query_index(sqlite3* db, const std::string& file, const story& s, std::string_view program) {
  clear_query_index(db, file);
  const auto g = graph::event_graph::from_story(s);
  const auto& bg = g.graph();
  const std::size_t vertices = boost::num_vertices(bg), event_vertices = g.event_count();

  // Exact when every id names one vertex only: then event vertex v is story event v and timex
  // vertex v is timex v - events, and a story made of some of the rows has the same graph there.
  std::size_t ids = 0, id_count = s.events.size() + s.timexes.size();
  for (const auto& e : s.events) id_count += e.mention_ids.size();
  g.for_each_id([&](std::string_view, graph::vertex_type) { ++ids; });
  const bool exact = ids == id_count && event_vertices == s.events.size() && vertices == s.events.size() + s.timexes.size();

  image_writer w;
  w.bytes(image_magic, sizeof image_magic);
  w.put(image_version);
  for (const std::size_t n : {s.documents.size(), s.timexes.size(), s.events.size(), s.links.size(), s.diagnostics.size(),
                              vertices, event_vertices, g.dated_events().size()})
    w.put(static_cast<std::uint64_t>(n));
  w.put(static_cast<std::uint8_t>(exact));
  // Arrays of fixed-width little-endian values: per event vertex its salience, first and last
  // day + 1 and a byte (bit 0: dated, bits 1-4: grain); per link its ends and flags; the dated
  // events in timeline order.
  for (std::size_t v = 0; v < event_vertices; ++v) w.put(bg[v].salience);
  for (std::size_t v = 0; v < event_vertices; ++v)
    w.put(static_cast<std::int32_t>(bg[v].span ? bg[v].span->begin.time_since_epoch().count() : 0));
  for (std::size_t v = 0; v < event_vertices; ++v)
    w.put(static_cast<std::int32_t>(bg[v].span ? bg[v].span->end.time_since_epoch().count() : 0));
  for (std::size_t v = 0; v < event_vertices; ++v)
    w.put(static_cast<std::uint8_t>(bg[v].span ? 1 | static_cast<unsigned>(bg[v].span->size) << 1 : 0));
  std::vector<std::uint32_t> froms, tos;
  std::vector<std::uint8_t> link_flags;
  for (const auto& l : s.links) {
    const auto from = g.find_vertex(l.from), to = g.find_vertex(l.to);
    std::string type = l.type;
    for (char& c : type) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    std::uint8_t flags = static_cast<std::uint8_t>(static_cast<unsigned>(graph::kind_of(type)) |
                                                   static_cast<unsigned>(graph::detail::order_of(type)) << 2);
    if (from && bg[*from].id == l.from) flags |= from_is_vertex_id;
    if (to && bg[*to].id == l.to) flags |= to_is_vertex_id;
    // A link names a vertex only when both ends do (as the graph adds edges).
    const bool edge = from && to;
    froms.push_back(static_cast<std::uint32_t>(edge ? *from : query_index::none));
    tos.push_back(static_cast<std::uint32_t>(edge ? *to : query_index::none));
    link_flags.push_back(flags);
  }
  for (const auto v : froms) w.put(v);
  for (const auto v : tos) w.put(v);
  for (const auto f : link_flags) w.put(f);
  for (const auto v : g.dated_events()) w.put(static_cast<std::uint32_t>(v));

  statement index(db, file, "INSERT INTO story_index (id, program, graph) VALUES (1, ?1, ?2)");
  index.bind(1, program).bind_blob(2, w.take());
  index.step();

  statement ev(db, file, "INSERT INTO story_events (seq, event) VALUES (?1, ?2)");
  for (std::size_t i = 0; i < s.events.size(); ++i) {
    ev.reset();
    ev.bind(1, static_cast<std::int64_t>(i)).bind_blob(2, encode(s.events[i]));
    ev.step();
  }
  statement label(db, file, "INSERT INTO story_event_labels (seq, id, summary, trigger, value) VALUES (?1, ?2, ?3, ?4, ?5)");
  for (std::size_t i = 0; i < s.events.size(); ++i) {
    const auto& e = s.events[i];
    label.reset();
    label.bind(1, static_cast<std::int64_t>(i)).bind(2, e.id).bind(3, e.summary).bind(4, e.trigger).bind(5, e.when.value);
    label.step();
  }
  statement tx(db, file, "INSERT INTO story_timexes (seq, timex) VALUES (?1, ?2)");
  for (std::size_t i = 0; i < s.timexes.size(); ++i) {
    tx.reset();
    tx.bind(1, static_cast<std::int64_t>(i)).bind_blob(2, encode(s.timexes[i]));
    tx.step();
  }
  statement lk(db, file, "INSERT INTO story_links (seq, link) VALUES (?1, ?2)");
  for (std::size_t i = 0; i < s.links.size(); ++i) {
    lk.reset();
    lk.bind(1, static_cast<std::int64_t>(i)).bind_blob(2, encode(s.links[i]));
    lk.step();
  }
  statement doc(db, file, "INSERT INTO story_documents (seq, id, document) VALUES (?1, ?2, ?3)");
  for (std::size_t i = 0; i < s.documents.size(); ++i) {
    doc.reset();
    doc.bind(1, static_cast<std::int64_t>(i)).bind(2, s.documents[i].id).bind_blob(3, encode(s.documents[i]));
    doc.step();
  }
  statement diag(db, file, "INSERT INTO story_diagnostics (seq, doc, diagnostic) VALUES (?1, ?2, ?3)");
  for (std::size_t i = 0; i < s.diagnostics.size(); ++i) {
    diag.reset();
    diag.bind(1, static_cast<std::int64_t>(i)).bind(2, s.diagnostics[i].doc).bind_blob(3, encode(s.diagnostics[i]));
    diag.step();
  }
  // Ids in key order: appending to the B-tree is much faster than inserting all over it.
  std::vector<std::pair<std::string_view, graph::vertex_type>> id_rows;
  g.for_each_id([&](std::string_view name, graph::vertex_type v) { id_rows.emplace_back(name, v); });
  std::sort(id_rows.begin(), id_rows.end());
  statement id(db, file, "INSERT INTO story_ids (id, vertex) VALUES (?1, ?2)");
  for (const auto& [name, v] : id_rows) {
    id.reset();
    id.bind_blob(1, name).bind(2, static_cast<std::int64_t>(v));
    id.step();
  }
  statement word(db, file, "INSERT INTO story_words (word, events) VALUES (?1, ?2)");
  g.for_each_word([&](std::string_view text, const graph::vertex_type* first, const graph::vertex_type* last) {
    word.reset();
    word.bind_blob(1, text).bind_blob(2, encode_postings(first, last));
    word.step();
  });
}

std::optional<query_index> query_index::open(sqlite3* db, const std::string& file, std::string_view program) {
  statement q(db, file, "SELECT graph FROM story_index WHERE id = 1 AND program = ?1");
  q.bind(1, program);
  if (!q.step()) return std::nullopt;
  query_index ix(db, file);
  image_reader r(q.blob(0), file);
  r.expect_magic();
  if (const auto version = r.get<std::uint32_t>(); version != image_version) r.fail("unknown version");
  constexpr std::size_t huge = std::size_t{1} << 40;
  ix.documents_ = r.count(huge);
  ix.timexes_ = r.count(huge);
  ix.events_ = r.count(huge);
  ix.links_ = r.count(huge);
  ix.diagnostics_ = r.count(huge);
  ix.vertices_ = r.count(0xfffffffeu);
  ix.event_vertices_ = r.count(ix.vertices_);
  const std::size_t dated = r.count(ix.event_vertices_);
  ix.exact_ = r.get<std::uint8_t>() != 0;
  // The counts must be those of the rows (a corrupt image must not make us allocate for more).
  const auto rows = [&](const char* sql) {
    statement count(db, file, sql);
    return count.step() && count.optional_text(0) ? static_cast<std::size_t>(count.integer(0)) + 1 : std::size_t{0};
  };
  if (rows("SELECT max(seq) FROM story_documents") != ix.documents_ || rows("SELECT max(seq) FROM story_timexes") != ix.timexes_ ||
      rows("SELECT max(seq) FROM story_events") != ix.events_ ||
      rows("SELECT max(seq) FROM story_event_labels") != ix.events_ || rows("SELECT max(seq) FROM story_links") != ix.links_ ||
      rows("SELECT max(seq) FROM story_diagnostics") != ix.diagnostics_)
    r.fail("counts differ from the rows");
  if (ix.vertices_ > ix.events_ + ix.timexes_ || ix.event_vertices_ > ix.events_ ||
      (ix.exact_ && (ix.event_vertices_ != ix.events_ || ix.vertices_ != ix.events_ + ix.timexes_)))
    r.fail("vertex counts out of range");
  r.get_array(ix.event_vertices_, ix.salience_);
  std::vector<std::int32_t> begins, ends;
  std::vector<std::uint8_t> span_flags;
  r.get_array(ix.event_vertices_, begins);
  r.get_array(ix.event_vertices_, ends);
  r.get_array(ix.event_vertices_, span_flags);
  ix.span_.resize(ix.event_vertices_);
  for (std::size_t v = 0; v < ix.event_vertices_; ++v) {
    if (!(span_flags[v] & 1)) continue;
    const auto size = span_flags[v] >> 1;
    if (size > static_cast<int>(graph::grain::century) || begins[v] >= ends[v]) r.fail("bad span");
    ix.span_[v] = graph::time_span{date::sys_days{date::days{begins[v]}}, date::sys_days{date::days{ends[v]}},
                                   static_cast<graph::grain>(size)};
  }
  std::vector<std::uint32_t> froms, tos;
  std::vector<std::uint8_t> link_flags;
  r.get_array(ix.links_, froms);
  r.get_array(ix.links_, tos);
  r.get_array(ix.links_, link_flags);
  ix.ends_.resize(ix.links_);
  for (std::size_t l = 0; l < ix.links_; ++l) {
    auto& e = ix.ends_[l];
    e.from = froms[l];
    e.to = tos[l];
    e.flags = link_flags[l];
    if ((e.from == none) != (e.to == none) || (e.from != none && (e.from >= ix.vertices_ || e.to >= ix.vertices_)))
      r.fail("link end out of range");
    if (kind_bits(e.flags) > static_cast<std::uint8_t>(graph::link_kind::other) ||
        order_bits(e.flags) > static_cast<std::uint8_t>(graph::detail::link_order::reversed))
      r.fail("bad link flags");
  }
  r.get_array(dated, ix.by_date_);
  for (const auto v : ix.by_date_) {
    if (v >= ix.event_vertices_ || !ix.span_[v]) r.fail("dated event out of range");
    ix.longest_days_ = std::max(ix.longest_days_, ix.span_[v]->days());
  }
  if (!r.at_end()) r.fail("trailing bytes");
  // Adjacency in link order (as the graph's edge lists are).
  ix.out_start_.assign(ix.vertices_ + 1, 0);
  ix.in_start_.assign(ix.vertices_ + 1, 0);
  for (const auto& e : ix.ends_)
    if (e.from != none) {
      ++ix.out_start_[e.from + 1];
      ++ix.in_start_[e.to + 1];
    }
  for (std::size_t v = 0; v < ix.vertices_; ++v) {
    ix.out_start_[v + 1] += ix.out_start_[v];
    ix.in_start_[v + 1] += ix.in_start_[v];
  }
  ix.out_.resize(ix.out_start_.back());
  ix.in_.resize(ix.in_start_.back());
  {
    std::vector<std::uint32_t> out_next(ix.out_start_.begin(), ix.out_start_.end() - 1),
        in_next(ix.in_start_.begin(), ix.in_start_.end() - 1);
    for (std::uint32_t l = 0; l < ix.ends_.size(); ++l) {
      const auto& e = ix.ends_[l];
      if (e.from == none) continue;
      ix.out_[out_next[e.from]++] = l;
      ix.in_[in_next[e.to]++] = l;
    }
  }
  return ix;
}

namespace {

// Rows of one table by ascending seq, through a statement selecting `seq, ...` of the rows with
// seq >= ?1 in seq order: a row near the last one read is reached by stepping to it (a fraction
// of a microsecond per row passed), a far one by searching the table again (a microsecond or
// two), so that the thousands of rows of a big answer, which lie close together, cost little.
class row_reader {
 public:
  row_reader(sqlite3* db, const std::string& file, const char* sql) : q_(db, file, sql), file_(file) {}
  /// Calls take(k, row) for each seqs[k] (ascending, distinct), in order. Throws input_error
  /// when a row is missing.
  template <class Seqs, class Take>
  void read(const Seqs& seqs, Take&& take) {
    constexpr std::int64_t step_at_most = 8;  // rows to pass rather than search again (measured)
    bool positioned = false;
    std::int64_t at = 0;
    for (std::size_t k = 0; k < seqs.size(); ++k) {
      const auto want = static_cast<std::int64_t>(seqs[k]);
      if (!positioned || want - at > step_at_most) {
        q_.reset();
        q_.bind(1, want);
        positioned = true;
      }
      do {
        if (!q_.step()) missing();
        at = q_.integer(0);
      } while (at < want);
      if (at != want) missing();
      take(k, static_cast<const statement&>(q_));
    }
    q_.reset();
  }

 private:
  [[noreturn]] void missing() const { throw input_error(file_ + ": corrupt query index: a row is missing"); }
  statement q_;
  const std::string& file_;
};

// The rows `seqs` (ascending, distinct) of a table, decoded; `sql` as for row_reader, the
// encoded part in column 1.
template <class T, class Decode>
std::vector<T> read_rows(sqlite3* db, const std::string& file, const char* sql, const std::vector<std::uint32_t>& seqs,
                         Decode decode) {
  std::vector<T> out;
  out.reserve(seqs.size());
  const std::string origin = file + ": query index";
  row_reader(db, file, sql).read(seqs, [&](std::size_t, const statement& row) { out.push_back(decode(row.blob(1), origin)); });
  return out;
}

template <class T, class Decode>
std::vector<T> read_all(sqlite3* db, const std::string& file, const char* sql, std::size_t count, Decode decode) {
  std::vector<T> out;
  out.reserve(count);
  statement q(db, file, sql);
  while (q.step()) out.push_back(decode(q.blob(0), file + ": query index"));
  if (out.size() != count) throw input_error(file + ": corrupt query index: rows missing");
  return out;
}

void sort_unique(std::vector<std::uint32_t>& v) {
  std::sort(v.begin(), v.end());
  v.erase(std::unique(v.begin(), v.end()), v.end());
}

// The position of `x` in the sorted `v`, which holds it.
std::size_t position(const std::vector<std::uint32_t>& v, std::uint32_t x) {
  return static_cast<std::size_t>(std::lower_bound(v.begin(), v.end(), x) - v.begin());
}

}  // namespace

void event_labels::read(sqlite3* db, const std::string& file, std::size_t events, std::vector<std::uint32_t> vertices) {
  if (slot_.size() != events) slot_.assign(events, 0);
  vertices.erase(std::remove_if(vertices.begin(), vertices.end(), [&](std::uint32_t v) { return slot_[v] != 0; }),
                 vertices.end());
  if (vertices.empty()) return;
  sort_unique(vertices);
  chars_.reserve(chars_.size() + 64 * vertices.size());
  ends_.reserve(ends_.size() + 4 * vertices.size());
  row_reader rows(db, file, "SELECT seq, id, summary, trigger, value FROM story_event_labels WHERE seq >= ?1 ORDER BY seq");
  rows.read(vertices, [&](std::size_t k, const statement& row) {
    for (int column = 1; column <= 4; ++column) {
      chars_.append(row.blob(column));
      ends_.push_back(chars_.size());
    }
    slot_[vertices[k]] = static_cast<std::uint32_t>(ends_.size() / 4);
  });
}

// The image as a graph for graph/walk.hpp: vertices, the spans of events, and each vertex's
// links in link order (as the event graph's edge lists are).
struct query_index::image_view {
  using link = std::uint32_t;
  const query_index& ix;
  [[nodiscard]] std::size_t vertex_count() const noexcept { return ix.vertices_; }
  [[nodiscard]] bool is_event(std::size_t v) const noexcept { return v < ix.event_vertices_; }
  [[nodiscard]] const std::optional<graph::time_span>& span(std::size_t v) const noexcept {
    static const std::optional<graph::time_span> no_span;
    return v < ix.event_vertices_ ? ix.span_[v] : no_span;
  }
  template <class F>
  void out_links(std::size_t v, F&& f) const {
    for (auto k = ix.out_start_[v]; k < ix.out_start_[v + 1]; ++k) f(ix.out_[k], static_cast<std::size_t>(ix.ends_[ix.out_[k]].to));
  }
  template <class F>
  void in_links(std::size_t v, F&& f) const {
    for (auto k = ix.in_start_[v]; k < ix.in_start_[v + 1]; ++k) f(ix.in_[k], static_cast<std::size_t>(ix.ends_[ix.in_[k]].from));
  }
  [[nodiscard]] graph::link_kind kind(link l) const noexcept { return static_cast<graph::link_kind>(kind_bits(ix.ends_[l].flags)); }
  [[nodiscard]] graph::detail::link_order order(link l) const noexcept {
    return static_cast<graph::detail::link_order>(order_bits(ix.ends_[l].flags));
  }
};

story query_index::whole_story() const {
  story s;
  s.documents = read_all<story_document>(db_, file_, "SELECT document FROM story_documents ORDER BY seq", documents_, decode_document);
  s.timexes = read_all<story_timex>(db_, file_, "SELECT timex FROM story_timexes ORDER BY seq", timexes_, decode_timex);
  s.events = read_all<story_event>(db_, file_, "SELECT event FROM story_events ORDER BY seq", events_, decode_event);
  s.links = read_all<story_link>(db_, file_, "SELECT link FROM story_links ORDER BY seq", links_, decode_link);
  s.diagnostics =
      read_all<story_diagnostic>(db_, file_, "SELECT diagnostic FROM story_diagnostics ORDER BY seq", diagnostics_, decode_diagnostic);
  return s;
}

std::optional<std::uint32_t> query_index::vertex_of(std::string_view id) const {
  if (!id_lookup_) id_lookup_.emplace(db_, file_, "SELECT vertex FROM story_ids WHERE id = ?1");
  auto& q = *id_lookup_;
  q.reset();
  q.bind_blob(1, id);
  if (!q.step()) return std::nullopt;
  const auto v = q.integer(0);
  q.reset();
  if (v < 0 || static_cast<std::uint64_t>(v) >= vertices_) throw input_error(file_ + ": corrupt query index: id table");
  return static_cast<std::uint32_t>(v);
}

graph::resolution query_index::resolve(const std::string& reference) const {
  // An event id or mention id names its event (a timex id is matched as words, as resolve() does).
  if (const auto v = vertex_of(reference); v && is_event(*v)) {
    labels_.read(db_, file_, events_, {*v});
    graph::resolution out;
    out.best = std::string(labels_.id(*v));
    out.is_exact = true;
    out.candidates.push_back(graph::candidate{*out.best, std::string(labels_.summary(*v)), 1.0});
    return out;
  }
  statement range(db_, file_, "SELECT word, events FROM story_words WHERE word >= ?1 ORDER BY word");
  statement exact(db_, file_, "SELECT events FROM story_words WHERE word = ?1");
  const auto lookup = [&](const std::string& q, const auto& take) {
    range.reset();
    range.bind_blob(1, q);
    while (range.step()) {
      const auto word = range.blob(0);
      if (word.compare(0, q.size(), q) != 0) break;
      const std::string text(word);
      take(text, decode_postings(range.blob(1), event_vertices_, file_));
    }
    range.reset();
    for (std::size_t len = 4; len < q.size(); ++len) {
      const auto prefix = q.substr(0, len);
      exact.reset();
      exact.bind_blob(1, prefix);
      if (exact.step()) take(prefix, decode_postings(exact.blob(0), event_vertices_, file_));
    }
    exact.reset();
  };
  return graph::detail::resolve_words(
      graph::detail::query_words(reference), event_vertices_, vertices_, lookup,
      [&](const std::vector<std::size_t>& found) {  // their ids and summaries, in one pass over the rows
        labels_.read(db_, file_, events_, std::vector<std::uint32_t>(found.begin(), found.end()));
      },
      [&](std::size_t v) { return salience_[v]; }, [&](std::size_t v) { return labels_.id(v); },
      [&](std::size_t v) { return labels_.summary(v); });
}

query_result query_index::ask(graph::question q, const std::vector<std::string>& arguments, long days,
                                excerpt_use use) const {
  query_result result;
  auto& a = result.answer;
  a = graph::begin_answer(q, arguments, days);
  if (!exact_) {  // ids shared by several vertices: the graph of part of the story could differ
    result.excerpt = whole_story();
    const auto g = graph::event_graph::from_story(result.excerpt);
    if (graph::names_events(q))
      for (const auto& reference : arguments) a.subjects.push_back(graph::require_match(g.resolve(reference), reference));
    graph::finish_answer(g, a);
    return result;
  }
  if (graph::names_events(q))
    for (const auto& reference : arguments) a.subjects.push_back(graph::require_match(resolve(reference), reference));
  std::vector<std::uint32_t> subjects;
  for (const auto& r : a.subjects) {
    const auto v = vertex_of(*r.best);
    if (!v || !is_event(*v)) throw input_error(file_ + ": corrupt query index: an event id is missing");
    subjects.push_back(*v);
  }

  // The answer on the image, as event_graph finds it on the graph: the events (vertices) and the
  // walk whose chains of links (link numbers) connect them with the subject.
  namespace walks = graph::detail;
  const image_view view{*this};
  std::vector<walks::walk_hit> hits;
  std::optional<walks::walk<std::uint32_t>> walked;
  switch (q) {
    case graph::question::between:
      hits = walks::between_hits(view, by_date_, longest_days_, a.dates[0], a.dates[1]);
      break;
    case graph::question::around:
      hits = walks::around_hits(view, by_date_, longest_days_, a.dates[0], a.days);
      break;
    case graph::question::causes:
    case graph::question::effects: {
      auto found = walks::causal_walk(view, subjects[0], q == graph::question::causes);
      walked.emplace(std::move(found.first));
      hits = std::move(found.second);
      break;
    }
    case graph::question::before:
    case graph::question::after: {
      auto found = walks::order_walk(view, subjects[0], q == graph::question::before);
      walked.emplace(std::move(found.first));
      hits = std::move(found.second);
      std::vector<std::uint32_t> found_events;
      found_events.reserve(hits.size());
      for (const auto& h : hits) found_events.push_back(static_cast<std::uint32_t>(h.v));
      labels_.read(db_, file_, events_, std::move(found_events));  // ties are ordered by id
      walks::sort_order_hits(hits, [&](std::size_t x, std::size_t y) { return labels_.id(x) < labels_.id(y); });
      break;
    }
    case graph::question::path:
      walked = walks::path_walk(view, subjects[0], subjects[1]);
      break;
  }
  std::vector<std::vector<std::uint32_t>> chains(hits.size());
  std::optional<std::vector<std::uint32_t>> path;
  std::vector<std::uint32_t> steps;  // the links of all chains
  if (walked) {
    for (std::size_t i = 0; i < hits.size(); ++i)
      if (hits[i].basis & walks::by_link) {
        chains[i] = walked->chain(hits[i].v);
        steps.insert(steps.end(), chains[i].begin(), chains[i].end());
      }
    if (q == graph::question::path) {
      path = walked->chain(subjects[1]);
      steps.insert(steps.end(), path->begin(), path->end());
    }
  }
  sort_unique(steps);

  // The rows the output reads. Printing: the labels of the answer's events, the events and
  // time expressions named by label (subjects, ends of links), the links and their documents.
  // Drawing besides (graph::substory): the answer's events whole, the links substory keeps
  // (between them, or between one of them and a time expression), the time expressions those
  // and the events' anchors name, every document of all these, and their diagnostics.
  const bool drawing = use == excerpt_use::drawing;
  std::vector<std::uint32_t> named(subjects), step_timexes;  // vertices
  for (const auto l : steps)
    for (const auto v : {ends_[l].from, ends_[l].to}) (is_event(v) ? named : step_timexes).push_back(v);
  sort_unique(named);
  std::vector<std::uint32_t> answer_events(named);
  for (const auto& h : hits) answer_events.push_back(static_cast<std::uint32_t>(h.v));
  sort_unique(answer_events);
  labels_.read(db_, file_, events_, answer_events);

  auto& x = result.excerpt;
  std::vector<std::uint32_t> links(steps), timexes(step_timexes);
  if (drawing) {
    x.events = read_rows<story_event>(db_, file_, "SELECT seq, event FROM story_events WHERE seq >= ?1 ORDER BY seq",
                                      answer_events, decode_event);
    std::vector<char> answer_event(event_vertices_, 0);
    for (const auto v : answer_events) answer_event[v] = 1;
    add_drawn_links(answer_event, links, timexes);
    for (const auto& e : x.events)
      if (!e.when.anchor.empty())
        if (const auto t = vertex_of(e.when.anchor); t && !is_event(*t)) timexes.push_back(*t);
    sort_unique(links);
  } else {
    for (const auto v : named) {
      story_event e;
      e.id = labels_.id(v);
      e.summary = labels_.summary(v);
      e.trigger = labels_.trigger(v);
      e.when.value = labels_.value(v);
      x.events.push_back(std::move(e));
    }
  }
  sort_unique(timexes);
  std::vector<std::uint32_t> timex_rows;
  for (const auto v : timexes) timex_rows.push_back(v - static_cast<std::uint32_t>(event_vertices_));
  x.timexes = read_rows<story_timex>(db_, file_, "SELECT seq, timex FROM story_timexes WHERE seq >= ?1 ORDER BY seq",
                                     timex_rows, decode_timex);
  x.links = read_rows<story_link>(db_, file_, "SELECT seq, link FROM story_links WHERE seq >= ?1 ORDER BY seq", links,
                                  decode_link);

  // The answer's strings, as event_graph makes them: a hit's id, summary and date are its
  // event's; a link step names the ids of the vertices at its ends.
  const auto id_of = [&](std::uint32_t v) -> std::string {
    if (is_event(v)) return std::string(labels_.id(v));
    return x.timexes[position(timexes, v)].id;
  };
  const auto step_of = [&](std::uint32_t l) {
    const auto& link = x.links[position(links, l)];
    graph::link_step step{id_of(ends_[l].from), id_of(ends_[l].to), link.type, link.support, link.rule, link.confidence};
    for (char& c : step.type) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return step;
  };
  a.events.reserve(hits.size());
  for (std::size_t i = 0; i < hits.size(); ++i) {
    const auto v = hits[i].v;
    graph::event_hit h;
    h.id = labels_.id(v);
    h.summary = labels_.summary(v);
    h.value = labels_.value(v);
    h.distance = hits[i].distance;
    h.gap_days = hits[i].gap;
    h.basis = walks::basis_name(hits[i].basis);
    h.via.reserve(chains[i].size());
    for (const auto l : chains[i]) h.via.push_back(step_of(l));
    a.events.push_back(std::move(h));
  }
  if (path) {
    a.path.emplace();
    for (const auto l : *path) a.path->push_back(step_of(l));
  }

  std::vector<std::string> docs;
  for (const auto& l : x.links) docs.push_back(l.support.doc);
  if (drawing) {
    for (const auto& e : x.events)
      for (const auto& m : e.mentions) docs.push_back(m.doc);
    for (const auto& t : x.timexes) docs.push_back(t.doc);
  }
  add_documents(std::move(docs), drawing, x);
  return result;
}

void query_index::add_drawn_links(const std::vector<char>& answer_event, std::vector<std::uint32_t>& links,
                                  std::vector<std::uint32_t>& timexes) const {
  for (std::uint32_t l = 0; l < ends_.size(); ++l) {
    const auto& e = ends_[l];
    if (e.from == none) continue;
    // As substory compares the link's own ends with the ids of the events and time expressions.
    const bool from_event = (e.flags & from_is_vertex_id) && is_event(e.from) && answer_event[e.from];
    const bool to_event = (e.flags & to_is_vertex_id) && is_event(e.to) && answer_event[e.to];
    const bool from_timex = (e.flags & from_is_vertex_id) && !is_event(e.from);
    const bool to_timex = (e.flags & to_is_vertex_id) && !is_event(e.to);
    if (!((from_event || (from_timex && to_event)) && (to_event || (to_timex && from_event)))) continue;
    links.push_back(l);
    if (from_timex) timexes.push_back(e.from);
    if (to_timex) timexes.push_back(e.to);
  }
}

void query_index::add_documents(std::vector<std::string> docs, bool diagnostics, story& x) const {
  std::sort(docs.begin(), docs.end());
  docs.erase(std::unique(docs.begin(), docs.end()), docs.end());
  std::vector<std::pair<std::size_t, story_document>> documents;
  std::vector<std::pair<std::size_t, story_diagnostic>> found;
  statement by_id(db_, file_, "SELECT seq, document FROM story_documents WHERE id = ?1");
  statement by_doc(db_, file_, "SELECT seq, diagnostic FROM story_diagnostics WHERE doc = ?1");
  for (const auto& d : docs) {
    by_id.reset();
    by_id.bind(1, d);
    while (by_id.step())
      documents.emplace_back(static_cast<std::size_t>(by_id.integer(0)), decode_document(by_id.blob(1), file_ + ": query index"));
    if (!diagnostics) continue;
    by_doc.reset();
    by_doc.bind(1, d);
    while (by_doc.step())
      found.emplace_back(static_cast<std::size_t>(by_doc.integer(0)), decode_diagnostic(by_doc.blob(1), file_ + ": query index"));
  }
  const auto by_seq = [](const auto& p, const auto& r) { return p.first < r.first; };
  std::sort(documents.begin(), documents.end(), by_seq);
  std::sort(found.begin(), found.end(), by_seq);
  for (auto& p : documents) x.documents.push_back(std::move(p.second));
  for (auto& p : found) x.diagnostics.push_back(std::move(p.second));
}

}  // namespace chronograph::store::detail
