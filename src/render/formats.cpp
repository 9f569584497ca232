// SPDX-License-Identifier: MIT
// Mermaid timeline, TimelineJS 3 JSON and GraphML writers.
#include "chronograph/render/formats.hpp"

#include <map>
#include <set>

#include <nlohmann/json.hpp>

#include "chronograph/graph/event_graph.hpp"
#include "chronograph/graph/time_value.hpp"
#include "dot_text.hpp"
#include "timeline_model.hpp"

namespace chronograph::render {
namespace {

using graph::grain;

std::string sources_text(std::size_t n) { return std::to_string(n) + (n == 1 ? " source" : " sources"); }

/// Source name of a document id (its "source", else the id).
std::string source_name(const story& s, const std::string& doc) {
  for (const auto& d : s.documents)
    if (d.id == doc) return d.source.empty() ? d.id : d.source;
  return doc;
}

std::string number_text(double v) {
  nlohmann::json j = v;  // shortest round-trip form, as in the JSON output
  return j.dump();
}

}  // namespace

// ---- Mermaid -------------------------------------------------------------------------------

std::string to_mermaid(const story& s, const options& opts) {
  const auto m = detail::build_timeline(s, opts);
  std::string out = "timeline\n    title " + mermaid_escape("Timeline \u00b7 " + m.title) + "\n";
  std::string section;
  for (const auto& row : m.rows) {
    if (row.events.empty()) continue;
    std::string this_section;
    std::string period;
    if (row.place == detail::axis_row::kind::dated) {
      this_section = date::format("%Y", row.span->begin);
      period = graph::describe(*row.span);
    } else {
      this_section = row.place == detail::axis_row::kind::earlier ? "earlier"
                     : row.place == detail::axis_row::kind::later ? "later"
                                                                   : "date not stated";
      period = row.label;
    }
    if (this_section != section) {
      out += "    section " + mermaid_escape(this_section) + "\n";
      section = this_section;
    }
    out += "        " + mermaid_escape(period);
    for (std::size_t i : row.events) {
      const auto& shown = m.events[*m.shown(i)];
      const auto& e = s.events[i];
      std::string text = e.summary.empty() ? e.trigger : e.summary;
      if (shown.is_negated) text = "NOT: " + text;
      if (shown.is_future) text += " (planned)";
      text += " (" + sources_text(shown.sources) + ")";
      out += " : " + mermaid_escape(text);
    }
    out += "\n";
  }
  return out;
}

// ---- TimelineJS 3 --------------------------------------------------------------------------

std::string to_timelinejs(const story& s, const options& opts) {
  using json = nlohmann::ordered_json;
  const auto m = detail::build_timeline(s, opts);
  const auto date_json = [](date::sys_days day, grain size, bool is_end) {
    const date::year_month_day ymd{day};
    json d;
    d["year"] = static_cast<int>(ymd.year());
    if (size == grain::year || size == grain::decade || size == grain::century) return d;
    d["month"] = static_cast<unsigned>(ymd.month());
    if (size == grain::day || size == grain::week || is_end) d["day"] = static_cast<unsigned>(ymd.day());
    return d;
  };
  json root;
  json title;
  title["text"] = json{{"headline", "Timeline"}, {"text", "<p>" + xml_escape(m.title) + "</p>"}};
  root["title"] = std::move(title);
  json events = json::array();
  for (const auto& row : m.rows) {
    if (row.place != detail::axis_row::kind::dated) continue;
    const auto span = *row.span;
    for (std::size_t i : row.events) {
      const auto& e = s.events[i];
      const auto& shown = m.events[*m.shown(i)];
      json slide;
      slide["unique_id"] = e.id;
      slide["start_date"] = date_json(span.begin, span.size, false);
      if (span.size != grain::day || span.days() > 1)
        slide["end_date"] = date_json(span.end - date::days{1}, span.size, true);
      slide["display_date"] = graph::describe(span);
      std::string body;
      for (const auto& mention : e.mentions)
        body += "<p>\u201c" + xml_escape(mention.text) + "\u201d \u2014 " + xml_escape(source_name(s, mention.doc)) +
                "</p>";
      if (!e.actors.empty()) {
        std::string actors;
        for (const auto& a : e.actors) actors += (actors.empty() ? "" : ", ") + xml_escape(a);
        body += "<p>Actors: " + actors + "</p>";
      }
      body += "<p>" + xml_escape(sources_text(shown.sources)) + "</p>";
      slide["text"] = json{{"headline", xml_escape(e.summary.empty() ? e.trigger : e.summary)}, {"text", body}};
      slide["group"] = date::format("%Y", span.begin);
      events.push_back(std::move(slide));
    }
  }
  root["events"] = std::move(events);
  return root.dump(2, ' ', false, json::error_handler_t::replace) + "\n";
}

// ---- GraphML -------------------------------------------------------------------------------

std::string to_graphml(const story& s) {
  std::string out =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\" "
      "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
      "xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns "
      "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n";
  struct key { const char* id; const char* domain; const char* type; };
  static constexpr key keys[] = {
      {"label", "node", "string"},   {"kind", "node", "string"},     {"date", "node", "string"},
      {"first_day", "node", "string"}, {"last_day", "node", "string"}, {"salience", "node", "double"},
      {"confidence", "node", "double"}, {"sources", "node", "int"},   {"class", "node", "string"},
      {"actors", "node", "string"},  {"type", "edge", "string"},     {"link_kind", "edge", "string"},
      {"evidence", "edge", "string"}, {"rule", "edge", "string"},    {"link_confidence", "edge", "double"},
  };
  for (const auto& k : keys)
    out += std::string("  <key id=\"") + k.id + "\" for=\"" + k.domain + "\" attr.name=\"" +
           (std::string(k.id) == "link_confidence" ? "confidence" : std::string(k.id)) + "\" attr.type=\"" +
           k.type + "\"/>\n";
  out += "  <graph id=\"story\" edgedefault=\"directed\">\n";
  const auto data = [&](const char* k, const std::string& value) {
    out += std::string("      <data key=\"") + k + "\">" + xml_escape(value) + "</data>\n";
  };
  const auto days = [&](const std::string& value) {
    if (const auto span = graph::span_of(value)) {
      data("first_day", date::format("%F", span->begin));
      data("last_day", date::format("%F", span->end - date::days{1}));
    }
  };
  std::set<std::string> known;
  for (const auto& e : s.events) {
    if (!known.insert(e.id).second) continue;
    std::set<std::string> docs;
    for (const auto& mention : e.mentions) docs.insert(mention.doc);
    std::string actors;
    for (const auto& a : e.actors) actors += (actors.empty() ? "" : "; ") + a;
    out += "    <node id=\"" + xml_escape(e.id) + "\">\n";
    data("label", e.summary.empty() ? e.trigger : e.summary);
    data("kind", "event");
    data("date", e.when.value);
    days(e.when.value);
    data("salience", number_text(e.salience));
    data("confidence", number_text(e.confidence));
    data("sources", std::to_string(docs.size()));
    data("class", e.cls);
    data("actors", actors);
    out += "    </node>\n";
  }
  std::set<std::string> linked;
  for (const auto& l : s.links) {
    linked.insert(l.from);
    linked.insert(l.to);
  }
  for (const auto& t : s.timexes) {
    if (!linked.count(t.id) || !known.insert(t.id).second) continue;
    out += "    <node id=\"" + xml_escape(t.id) + "\">\n";
    data("label", t.text);
    data("kind", "time");
    data("date", t.value);
    days(t.value);
    out += "    </node>\n";
  }
  for (std::size_t i = 0; i < s.links.size(); ++i) {
    const auto& l = s.links[i];
    if (!known.count(l.from) || !known.count(l.to)) continue;
    out += "    <edge id=\"l" + std::to_string(i) + "\" source=\"" + xml_escape(l.from) + "\" target=\"" +
           xml_escape(l.to) + "\">\n";
    const auto kind = graph::kind_of(l.type);
    data("type", l.type);
    data("link_kind", kind == graph::link_kind::causal ? "causal" : kind == graph::link_kind::temporal ? "temporal"
                                                                                                        : "other");
    data("evidence", l.support.text);
    data("rule", l.rule);
    data("link_confidence", number_text(l.confidence));
    out += "    </edge>\n";
  }
  out += "  </graph>\n</graphml>\n";
  return out;
}

}  // namespace chronograph::render
