// SPDX-License-Identifier: MIT
// JSON schema v1 (docs/json-schema.md): a writer with a fixed key order and a validating reader.
#include "chronograph/render/json.hpp"

#include <nlohmann/json.hpp>

#include "chronograph/error.hpp"

namespace chronograph::render {
namespace {

using json = nlohmann::ordered_json;

constexpr int schema_version = 1;

json span_json(const evidence& e) {
  json j;
  j["doc"] = e.doc;
  j["start"] = e.start;
  j["end"] = e.end;
  j["text"] = e.text;
  return j;
}

json document_json(const story_document& d) {
  json j;
  j["id"] = d.id;
  j["path"] = d.path;
  j["source"] = d.source;
  j["dct"] = d.dct ? json(*d.dct) : json(nullptr);
  j["title"] = d.title;
  return j;
}

json timex_json(const story_timex& t) {
  json j;
  j["id"] = t.id;
  j["doc"] = t.doc;
  j["start"] = t.start;
  j["end"] = t.end;
  j["text"] = t.text;
  j["type"] = t.type;
  j["value"] = t.value;
  if (!t.mod.empty()) j["mod"] = t.mod;
  return j;
}

json event_json(const story_event& e) {
  json j;
  j["id"] = e.id;
  j["summary"] = e.summary;
  j["trigger"] = e.trigger;
  j["lemma"] = e.lemma;
  j["class"] = e.cls;
  j["tense"] = e.tense;
  j["aspect"] = e.aspect;
  j["polarity"] = e.polarity;
  j["modality"] = e.modality;
  j["when"] = json{{"value", e.when.value},
                   {"anchor", e.when.anchor},
                   {"not_before", e.not_before},
                   {"not_after", e.not_after},
                   {"future", e.is_future}};
  j["actors"] = e.actors;
  json quantities = json::array();
  for (const auto& q : e.quantities) {
    json qj;
    qj["kind"] = q.kind;
    qj["text"] = q.text;
    qj["value"] = q.value;
    qj["role"] = q.role;
    quantities.push_back(std::move(qj));
  }
  j["quantities"] = std::move(quantities);
  j["confidence"] = e.confidence;
  j["salience"] = e.salience;
  json mentions = json::array();
  for (std::size_t i = 0; i < e.mentions.size(); ++i) {
    json m;
    if (i < e.mention_ids.size() && !e.mention_ids[i].empty()) m["id"] = e.mention_ids[i];
    m["doc"] = e.mentions[i].doc;
    m["start"] = e.mentions[i].start;
    m["end"] = e.mentions[i].end;
    m["text"] = e.mentions[i].text;
    mentions.push_back(std::move(m));
  }
  j["mentions"] = std::move(mentions);
  return j;
}

json link_json(const story_link& l) {
  json j;
  j["from"] = l.from;
  j["to"] = l.to;
  j["type"] = l.type;
  j["evidence"] = span_json(l.support);
  j["rule"] = l.rule;
  j["confidence"] = l.confidence;
  return j;
}

json diagnostic_json(const story_diagnostic& d) {
  json j;
  j["level"] = d.level;
  j["stage"] = d.stage;
  j["doc"] = d.doc;
  j["rule"] = d.rule;
  j["message"] = d.message;
  if (d.start) j["start"] = *d.start;
  if (d.end) j["end"] = *d.end;
  return j;
}

template <class T, class F>
json array_of(const std::vector<T>& items, F&& convert) {
  json out = json::array();
  for (const auto& item : items) out.push_back(convert(item));
  return out;
}

void fill(json& j, const story& s) {
  j["chronograph"] = schema_version;
  j["documents"] = array_of(s.documents, document_json);
  j["timexes"] = array_of(s.timexes, timex_json);
  j["events"] = array_of(s.events, event_json);
  j["links"] = array_of(s.links, link_json);
  j["diagnostics"] = array_of(s.diagnostics, diagnostic_json);
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
  json j;
  fill(j, s);
  return j.dump(2, ' ', false, json::error_handler_t::replace) + "\n";
}

std::string to_json_line(const std::string& id, const story& s) {
  json j;
  j["id"] = id;
  fill(j, s);
  return j.dump(-1, ' ', false, json::error_handler_t::replace);
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
