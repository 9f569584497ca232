// SPDX-License-Identifier: MIT
// The self-contained HTML report: inline SVG timeline, events table, causal chains, conflicts.
#include <functional>
#include <map>
#include <set>

#include "chronograph/graph/event_graph.hpp"
#include "chronograph/render/formats.hpp"
#include "dot_text.hpp"
#include "timeline_model.hpp"

namespace chronograph::render {
namespace {

constexpr std::size_t max_chains = 100;

const char* style_sheet =
    "body{font-family:Helvetica,Arial,sans-serif;margin:2em auto;max-width:72em;color:#222;padding:0 1em}"
    "h1{font-size:1.6em}h2{font-size:1.25em;margin-top:2em;border-bottom:1px solid #ddd}"
    "figure{margin:0;overflow-x:auto}figure svg{max-width:100%;height:auto}"
    "table{border-collapse:collapse;width:100%}th,td{border-bottom:1px solid #e5e5e5;padding:.4em;"
    "vertical-align:top;text-align:left}th{background:#f4f6f7}td.date{white-space:nowrap}"
    "blockquote{margin:.2em 0;padding-left:.6em;border-left:3px solid #dbe9f6;color:#444}"
    ".src{color:#777;font-size:.9em}.causal{color:#c0392b}.conflict{color:#e67e22}"
    "li{margin:.4em 0}.muted{color:#777}";

std::string source_name(const story& s, const std::string& doc) {
  for (const auto& d : s.documents)
    if (d.id == doc) return d.source.empty() ? d.id : d.source;
  return doc;
}

std::string summary_of(const story_event& e) { return e.summary.empty() ? e.trigger : e.summary; }

/// The SVG element alone (no XML prolog or DOCTYPE), for inlining in HTML.
std::string inline_svg(const std::string& svg) {
  const auto at = svg.find("<svg");
  return at == std::string::npos ? std::string() : svg.substr(at);
}

std::string quote_html(const story& s, const evidence& e) {
  if (e.text.empty()) return "";
  return "<blockquote>\u201c" + xml_escape(e.text) + "\u201d <span class=\"src\">\u2014 " +
         xml_escape(source_name(s, e.doc)) + "</span></blockquote>";
}

}  // namespace

std::string to_html(const story& s, const options& opts) {
  const auto m = detail::build_timeline(s, opts);
  options picture = opts;
  picture.layout = view::timeline;
  const std::string svg = inline_svg(render(s, "svg", picture));

  std::string out = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n"
                    "<meta name=\"generator\" content=\"chronograph\"/>\n<title>" +
                    xml_escape("Timeline \u00b7 " + m.title) + "</title>\n<style>" + style_sheet +
                    "</style>\n</head>\n<body>\n";
  out += "<h1>Timeline</h1>\n<p class=\"muted\">" + xml_escape(m.title) + "</p>\n";
  if (!s.documents.empty()) {
    out += "<p class=\"muted\">Sources: ";
    for (std::size_t k = 0; k < s.documents.size(); ++k) {
      const auto& d = s.documents[k];
      out += (k ? "; " : "") + xml_escape(d.source.empty() ? d.id : d.source);
      if (!d.title.empty()) out += " (\u201c" + xml_escape(d.title) + "\u201d)";
    }
    out += "</p>\n";
  }
  out += "<figure id=\"timeline\">\n" + svg + "</figure>\n";

  // Events in timeline order.
  out += "<h2 id=\"events\">Events</h2>\n<table id=\"events-table\">\n<thead><tr><th>Date</th><th>Event</th>"
         "<th>Actors</th><th>Sources and evidence</th></tr></thead>\n<tbody>\n";
  for (const auto& row : m.rows) {
    for (std::size_t i : row.events) {
      const auto& e = s.events[i];
      const auto& shown = m.events[*m.shown(i)];
      std::string actors;
      for (const auto& a : e.actors) actors += (actors.empty() ? "" : ", ") + xml_escape(a);
      std::string quotes;
      for (const auto& mention : e.mentions) quotes += quote_html(s, mention);
      std::string label = xml_escape(summary_of(e));
      if (shown.is_negated) label = "<em>not:</em> " + label;
      if (shown.is_future) label += " <span class=\"muted\">(planned or hypothetical)</span>";
      out += "<tr id=\"" + xml_escape(e.id) + "\"><td class=\"date\">" + xml_escape(shown.date_text) + "</td><td>" +
             label + "</td><td>" + actors + "</td><td><span class=\"src\">" +
             std::to_string(shown.sources) + (shown.sources == 1 ? " source" : " sources") + "</span>" + quotes +
             "</td></tr>\n";
    }
  }
  out += "</tbody>\n</table>\n";

  // Causal chains (the causal view's links: at least one salient end): from each cause that
  // nothing shown causes, every path to an end effect.
  const auto cm = detail::build_causal(s, opts);
  std::map<std::size_t, std::vector<const detail::drawn_link*>> out_links;
  std::set<std::size_t> caused;
  for (const auto& l : cm.links) {
    out_links[l.from].push_back(&l);
    caused.insert(l.to);
  }
  std::vector<std::vector<const detail::drawn_link*>> chains;
  std::vector<const detail::drawn_link*> path;
  std::set<std::size_t> on_path;
  std::function<void(std::size_t)> walk = [&](std::size_t v) {
    if (chains.size() >= max_chains) return;
    const auto it = out_links.find(v);
    if (it == out_links.end()) {
      if (!path.empty()) chains.push_back(path);
      return;
    }
    bool extended = false;
    for (const auto* l : it->second) {
      if (on_path.count(l->to)) continue;  // a cycle: stop here
      extended = true;
      path.push_back(l);
      on_path.insert(l->to);
      walk(l->to);
      on_path.erase(l->to);
      path.pop_back();
    }
    if (!extended && !path.empty() && chains.size() < max_chains) chains.push_back(path);
  };
  for (const auto& [from, links] : out_links) {
    if (caused.count(from)) continue;
    on_path = {from};
    walk(from);
  }
  out += "<h2 id=\"causes\">Causal chains</h2>\n";
  if (chains.empty()) out += "<p class=\"muted\">No causal links among the shown events.</p>\n";
  else out += "<ol id=\"causal-chains\">\n";
  for (const auto& chain : chains) {
    const auto& first = s.events[chain.front()->from];
    out += "<li>" + xml_escape(summary_of(first)) + " <span class=\"src\">(" +
           xml_escape(cm.events[*cm.shown(chain.front()->from)].date_text) + ")</span>";
    for (const auto* l : chain) {
      const auto& link = s.links[l->link];
      const auto& to = s.events[l->to];
      std::string type = l->label.empty() ? std::string("causes") : l->label;
      out += " <span class=\"" + std::string(l->style == detail::link_style::conflict ? "conflict" : "causal") +
             "\">\u2192 " + xml_escape(type) + " \u2192</span> " + xml_escape(summary_of(to)) + " <span class=\"src\">(" +
             xml_escape(cm.events[*cm.shown(l->to)].date_text) + ")</span>" + quote_html(s, link.support);
    }
    out += "</li>\n";
  }
  if (!chains.empty()) out += "</ol>\n";

  // Conflicts: links that contradict the dates, then the diagnostics.
  out += "<h2 id=\"conflicts\">Conflicts and diagnostics</h2>\n";
  std::string items;
  for (const auto& l : m.links) {
    if (l.style != detail::link_style::conflict) continue;
    const auto& link = s.links[l.link];
    items += "<li class=\"conflict\">" + xml_escape(summary_of(s.events[l.from])) + " \u2014 " + xml_escape(l.label) +
             " \u2014 " + xml_escape(summary_of(s.events[l.to])) + quote_html(s, link.support) + "</li>\n";
  }
  for (const auto& d : s.diagnostics)
    items += "<li>" + xml_escape(d.level) + " (" + xml_escape(d.stage) + (d.doc.empty() ? "" : ", " + xml_escape(d.doc)) +
             "): " + xml_escape(d.message) + (d.rule.empty() ? "" : " <span class=\"src\">[" + xml_escape(d.rule) + "]</span>") +
             "</li>\n";
  out += items.empty() ? "<p class=\"muted\">None.</p>\n" : "<ul id=\"diagnostics\">\n" + items + "</ul>\n";
  out += "</body>\n</html>\n";
  return out;
}

}  // namespace chronograph::render
