// SPDX-License-Identifier: MIT
// User corrections over a merged story: pin a date, merge two events, split a mention out of an
// event, hide an event. Corrections name events by mention ids, so they find their events again
// after the story is rebuilt with more documents (docs/store.md, "Corrections").
#include <algorithm>
#include <cstdint>
#include <map>
#include <set>
#include <tuple>

#include "chronograph/error.hpp"
#include "chronograph/relations/dates.hpp"
#include "chronograph/store/store.hpp"

namespace chronograph::store {

namespace {

std::uint64_t fnv1a(std::string_view s) {
  std::uint64_t h = 0xcbf29ce484222325ULL;
  for (const unsigned char c : s) {
    h ^= c;
    h *= 0x100000001b3ULL;
  }
  return h;
}

std::string hex8(std::uint64_t v) {
  static constexpr char digits[] = "0123456789abcdef";
  std::string out(8, '0');
  for (int i = 7; i >= 0; --i, v >>= 4) out[static_cast<std::size_t>(i)] = digits[v & 0xf];
  return out;
}

// The event holding the most of `mentions` (ties: the smallest id); nullopt when none does.
std::optional<std::size_t> best_event(const story& s, const std::vector<std::string>& mentions) {
  const std::set<std::string> wanted(mentions.begin(), mentions.end());
  std::optional<std::size_t> best;
  std::size_t best_count = 0;
  for (std::size_t i = 0; i < s.events.size(); ++i) {
    std::size_t count = 0;
    for (const auto& m : s.events[i].mention_ids) count += wanted.count(m);
    if (count == 0) continue;
    if (!best || count > best_count || (count == best_count && s.events[i].id < s.events[*best].id)) {
      best = i;
      best_count = count;
    }
  }
  return best;
}

void sort_mentions(story_event& e) {
  std::vector<std::size_t> order(e.mentions.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    const auto& x = e.mentions[a];
    const auto& y = e.mentions[b];
    return std::tie(x.doc, x.start, x.end, e.mention_ids[a]) < std::tie(y.doc, y.start, y.end, e.mention_ids[b]);
  });
  std::vector<evidence> ms;
  std::vector<std::string> ids;
  for (const auto i : order) {
    ms.push_back(e.mentions[i]);
    ids.push_back(e.mention_ids[i]);
  }
  e.mentions = std::move(ms);
  e.mention_ids = std::move(ids);
}

// The order merge::build_story gives events and links, restored after corrections.
void sort_story(story& s) {
  std::sort(s.events.begin(), s.events.end(), [](const story_event& a, const story_event& b) {
    const auto da = relations::days_of(a.when.value), db = relations::days_of(b.when.value);
    if (da.has_value() != db.has_value()) return da.has_value();
    if (da && db && da->begin != db->begin) return da->begin < db->begin;
    if (da && db && da->end != db->end) return da->end < db->end;
    if (a.salience != b.salience) return a.salience > b.salience;
    return a.id < b.id;
  });
  // Links: one per (from, to, type), the most confident kept; sorted by that key.
  std::map<std::tuple<std::string, std::string, std::string>, story_link> links;
  for (auto& l : s.links) {
    if (l.from == l.to) continue;
    const auto key = std::make_tuple(l.from, l.to, l.type);
    auto it = links.find(key);
    if (it == links.end()) links.emplace(key, std::move(l));
    else if (l.confidence > it->second.confidence) it->second = std::move(l);
  }
  s.links.clear();
  for (auto& [key, l] : links) s.links.push_back(std::move(l));
  std::sort(s.diagnostics.begin(), s.diagnostics.end(), [](const story_diagnostic& a, const story_diagnostic& b) {
    return std::tie(a.doc, a.start, a.stage, a.rule, a.message, a.level) <
           std::tie(b.doc, b.start, b.stage, b.rule, b.message, b.level);
  });
}

void rename_in_links(story& s, const std::string& from_id, const std::string& to_id) {
  for (auto& l : s.links) {
    if (l.from == from_id) l.from = to_id;
    if (l.to == from_id) l.to = to_id;
  }
}

std::string describe(const correction& c) {
  std::string out = "correction " + std::to_string(c.id) + " (" + to_string(c.kind);
  if (!c.label.empty()) out += " " + c.label;
  return out + ")";
}

void skipped(story& s, const correction& c, const std::string& why) {
  story_diagnostic d;
  d.level = "warning";
  d.stage = "store";
  d.rule = std::string("correction.") + to_string(c.kind);
  d.message = describe(c) + ": " + why + "; skipped";
  s.diagnostics.push_back(std::move(d));
}

std::string mention_list(const std::vector<std::string>& ids) {
  std::string out;
  for (const auto& id : ids) out += (out.empty() ? "" : ", ") + id;
  return out;
}

void merge_into(story& s, std::size_t keep, std::size_t drop) {
  auto& k = s.events[keep];
  auto& d = s.events[drop];
  k.mentions.insert(k.mentions.end(), d.mentions.begin(), d.mentions.end());
  k.mention_ids.insert(k.mention_ids.end(), d.mention_ids.begin(), d.mention_ids.end());
  sort_mentions(k);
  for (const auto& a : d.actors)
    if (std::find(k.actors.begin(), k.actors.end(), a) == k.actors.end()) k.actors.push_back(a);
  for (const auto& q : d.quantities)
    if (std::none_of(k.quantities.begin(), k.quantities.end(), [&](const story_quantity& x) {
          return x.kind == q.kind && x.text == q.text && x.role == q.role;
        }))
      k.quantities.push_back(q);
  if (k.when.value.empty()) k.when = d.when;
  k.confidence = std::max(k.confidence, d.confidence);
  k.salience = std::max(k.salience, d.salience);
  rename_in_links(s, d.id, k.id);
  s.events.erase(s.events.begin() + static_cast<std::ptrdiff_t>(drop));
}

}  // namespace

const char* to_string(correction_kind k) noexcept {
  switch (k) {
    case correction_kind::pin: return "pin";
    case correction_kind::merge: return "merge";
    case correction_kind::split: return "split";
    case correction_kind::hide: return "hide";
  }
  return "pin";
}

std::optional<correction_kind> correction_kind_from_string(std::string_view name) noexcept {
  if (name == "pin") return correction_kind::pin;
  if (name == "merge") return correction_kind::merge;
  if (name == "split") return correction_kind::split;
  if (name == "hide") return correction_kind::hide;
  return std::nullopt;
}

story apply_corrections(story s, const std::vector<correction>& corrections) {
  for (const auto& c : corrections) {
    switch (c.kind) {
      case correction_kind::pin: {
        const auto i = best_event(s, c.mentions);
        if (!i) {
          skipped(s, c, "no event holds " + mention_list(c.mentions) + " any more");
          break;
        }
        s.events[*i].when = event_time{c.value, "pinned"};
        break;
      }
      case correction_kind::hide: {
        const auto i = best_event(s, c.mentions);
        if (!i) {
          skipped(s, c, "no event holds " + mention_list(c.mentions) + " any more");
          break;
        }
        const auto id = s.events[*i].id;
        s.events.erase(s.events.begin() + static_cast<std::ptrdiff_t>(*i));
        s.links.erase(std::remove_if(s.links.begin(), s.links.end(),
                                     [&](const story_link& l) { return l.from == id || l.to == id; }),
                      s.links.end());
        break;
      }
      case correction_kind::merge: {
        const auto a = best_event(s, c.mentions), b = best_event(s, c.other);
        if (!a || !b) {
          skipped(s, c, "no event holds " + mention_list(a ? c.other : c.mentions) + " any more");
          break;
        }
        if (*a == *b) break;  // the merge stage already joined them
        // The smaller id survives, so naming the events in either order gives the same story.
        const bool a_first = s.events[*a].id < s.events[*b].id;
        merge_into(s, a_first ? *a : *b, a_first ? *b : *a);
        break;
      }
      case correction_kind::split: {
        if (c.other.size() != 1) {
          skipped(s, c, "a split names exactly one mention");
          break;
        }
        const auto& m = c.other.front();
        const auto i = best_event(s, c.other);
        if (!i) {
          skipped(s, c, "no event holds " + m + " any more");
          break;
        }
        auto& e = s.events[*i];
        if (e.mention_ids.size() < 2) break;  // already on its own
        const auto at = static_cast<std::size_t>(std::find(e.mention_ids.begin(), e.mention_ids.end(), m) - e.mention_ids.begin());
        story_event part = e;
        part.mentions = {e.mentions[at]};
        part.mention_ids = {m};
        part.trigger = e.mentions[at].text;
        e.mentions.erase(e.mentions.begin() + static_cast<std::ptrdiff_t>(at));
        e.mention_ids.erase(e.mention_ids.begin() + static_cast<std::ptrdiff_t>(at));
        std::set<std::string> ids;
        for (const auto& ev : s.events) ids.insert(ev.id);
        part.id = "ev-" + hex8(fnv1a("split|" + m));
        for (int salt = 1; ids.count(part.id); ++salt) part.id = "ev-" + hex8(fnv1a("split|" + m + "#" + std::to_string(salt)));
        // Links supported by the split mention's document follow it, unless the event keeps
        // another mention from that document.
        const auto& doc = part.mentions.front().doc;
        const bool doc_still_there =
            std::any_of(e.mentions.begin(), e.mentions.end(), [&](const evidence& x) { return x.doc == doc; });
        if (!doc_still_there)
          for (auto& l : s.links) {
            if (l.support.doc != doc) continue;
            if (l.from == e.id) l.from = part.id;
            if (l.to == e.id) l.to = part.id;
          }
        s.events.push_back(std::move(part));
        break;
      }
    }
  }
  sort_story(s);
  return s;
}

correction make_correction(const story& s, correction_kind kind, const std::vector<std::string>& arguments) {
  const auto find = [&](const std::string& arg) -> const story_event& {
    for (const auto& e : s.events)
      if (e.id == arg) return e;
    for (const auto& e : s.events)
      if (std::find(e.mention_ids.begin(), e.mention_ids.end(), arg) != e.mention_ids.end()) return e;
    throw input_error("no event '" + arg + "' in the story (give an event id such as ev-1a2b3c4d or a mention id such as doc:e5)");
  };
  const auto sorted = [](std::vector<std::string> v) {
    std::sort(v.begin(), v.end());
    return v;
  };
  const std::size_t expected = kind == correction_kind::hide ? 1 : 2;
  if (arguments.size() != expected)
    throw input_error(std::string(to_string(kind)) + " takes " + (expected == 1 ? "one argument (EVENT)" :
                      kind == correction_kind::pin ? "two arguments (EVENT DATE)" :
                      kind == correction_kind::merge ? "two arguments (EVENT EVENT)" : "two arguments (EVENT MENTION)"));
  correction c;
  c.kind = kind;
  const auto& event = find(arguments[0]);
  c.mentions = sorted(event.mention_ids);
  c.label = event.id + " \"" + event.summary + "\"";
  switch (kind) {
    case correction_kind::pin:
      if (!relations::days_of(arguments[1]))
        throw input_error("'" + arguments[1] + "' is not a TIMEX3 date (2025-06-05, 2025-06, 2025-W23, 2025-Q2, 2025)");
      c.value = arguments[1];
      c.label += " -> " + c.value;
      break;
    case correction_kind::merge: {
      const auto& other = find(arguments[1]);
      if (other.id == event.id) throw input_error("'" + arguments[0] + "' and '" + arguments[1] + "' are already one event");
      c.other = sorted(other.mention_ids);
      c.label += " + " + other.id + " \"" + other.summary + "\"";
      break;
    }
    case correction_kind::split:
      if (std::find(event.mention_ids.begin(), event.mention_ids.end(), arguments[1]) == event.mention_ids.end())
        throw input_error("'" + arguments[1] + "' is not a mention of " + event.id + " (its mentions: " +
                          mention_list(event.mention_ids) + ")");
      if (event.mention_ids.size() < 2) throw input_error(event.id + " has a single mention; there is nothing to split");
      c.other = {arguments[1]};
      c.label += " - " + arguments[1];
      break;
    case correction_kind::hide:
      break;
  }
  return c;
}

}  // namespace chronograph::store
