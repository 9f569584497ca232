// SPDX-License-Identifier: MIT
// The timeline and causal pictures as Graphviz graphs: built with cgraph, written as DOT with
// agwrite, laid out with dot and rendered with gvc, all in-process.
#include "chronograph/render/render.hpp"

#include <graphviz/cgraph.h>
#include <graphviz/gvc.h>

#include <memory>
#include <mutex>

#include "chronograph/error.hpp"
#include "dot_text.hpp"
#include "timeline_model.hpp"

namespace chronograph::render {
namespace {

// ---- Graphviz handles ---------------------------------------------------------------------

struct graph_closer {
  void operator()(Agraph_t* g) const noexcept { agclose(g); }
};
using graph_ptr = std::unique_ptr<Agraph_t, graph_closer>;

struct context_closer {
  void operator()(GVC_t* c) const noexcept { gvFreeContext(c); }
};
using context_ptr = std::unique_ptr<GVC_t, context_closer>;

/// One Graphviz context for the process, made on first use (call with graphviz_mutex held).
/// Not one per picture: Graphviz 2.42's pango text layout remembers the last font name it
/// measured in a static pointer into the context's font table, so freeing a context and making
/// another reads freed memory on the next render (AddressSanitizer: heap-use-after-free in
/// textspan_size). The context lives until exit and is freed then.
GVC_t* shared_context() {
  static context_ptr context{gvContext()};
  if (!context) throw render_error("Graphviz could not create a context");
  return context.get();
}

/// Frees a layout made by gvLayout before the graph is closed.
class layout_guard {
 public:
  layout_guard(GVC_t* gvc, Agraph_t* g) : gvc_(gvc), g_(g) {}
  layout_guard(const layout_guard&) = delete;
  layout_guard& operator=(const layout_guard&) = delete;
  ~layout_guard() { gvFreeLayout(gvc_, g_); }

 private:
  GVC_t* gvc_;
  Agraph_t* g_;
};

/// Frees what gvRenderData returned.
struct render_data_free {
  void operator()(char* p) const noexcept { gvFreeRenderData(p); }
};

// Graphviz keeps global state (error handler, plugin tables): one picture at a time.
std::mutex& graphviz_mutex() {
  static std::mutex m;
  return m;
}

// Graphviz reports problems through agerr; collect them for the exception instead of stderr.
std::string& graphviz_messages() {
  static std::string messages;
  return messages;
}

int collect_message(char* message) {
  if (message) graphviz_messages() += message;
  return 0;
}

/// Installs collect_message while alive and restores the previous handler.
class error_capture {
 public:
  error_capture() : previous_(agseterrf(&collect_message)) { graphviz_messages().clear(); }
  error_capture(const error_capture&) = delete;
  error_capture& operator=(const error_capture&) = delete;
  ~error_capture() { agseterrf(previous_); }
  [[nodiscard]] std::string text() const {
    std::string out = graphviz_messages();
    while (!out.empty() && (out.back() == '\n' || out.back() == ' ')) out.pop_back();
    for (char& c : out)
      if (c == '\n') c = ';';
    return out.empty() ? std::string("no message from Graphviz") : out;
  }

 private:
  agusererrf previous_;
};

// The 2.42 API takes char* for names and values it copies: pass our strings through this.
char* cs(const std::string& s) { return const_cast<char*>(s.c_str()); }
char* cs(const char* s) { return const_cast<char*>(s); }

void set(void* object, const char* name, const std::string& value) {
  agsafeset(object, cs(name), cs(value), cs(""));
}

void set_html(Agraph_t* g, void* object, const char* name, const std::string& html) {
  char* value = agstrdup_html(g, cs(html));
  agsafeset(object, cs(name), value, cs(""));
  agstrfree(g, value);
}

// ---- DOT output through cgraph's io discipline ------------------------------------------

int put_string(void* chan, const char* text) {
  static_cast<std::string*>(chan)->append(text);
  return 0;
}

int flush_string(void*) { return 0; }

Agiodisc_t string_io{nullptr, &put_string, &flush_string};

/// A graph whose agwrite appends to a std::string.
graph_ptr open_graph(const char* name) {
  static Agdisc_t disc{nullptr, nullptr, nullptr};
  disc.mem = &AgMemDisc;
  disc.id = &AgIdDisc;
  string_io.afread = AgIoDisc.afread;
  disc.io = &string_io;
  graph_ptr g{agopen(cs(name), Agdirected, &disc)};
  if (!g) throw render_error("Graphviz could not create a graph");
  return g;
}

// ---- styles ------------------------------------------------------------------------------

constexpr const char* font = "Helvetica,Arial,sans-serif";
constexpr const char* causal_colour = "#c0392b";
constexpr const char* temporal_colour = "#7f8c8d";
constexpr const char* conflict_colour = "#e67e22";
constexpr const char* axis_colour = "#34495e";
constexpr std::size_t events_per_rank = 4;

const char* fill_of(const story_event& e) {
  std::string cls = e.cls;
  for (char& c : cls) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  if (cls == "REPORTING") return "#eeeeee";
  if (cls == "I_ACTION" || cls == "I_STATE") return "#fff3c4";
  if (cls == "STATE") return "#e2f0d9";
  if (cls == "ASPECTUAL" || cls == "PERCEPTION") return "#ece1f5";
  return "#dbe9f6";  // OCCURRENCE and anything else
}

std::string event_label(const story& s, const detail::shown_event& shown) {
  const auto& e = s.events[shown.index];
  std::string summary = e.summary.empty() ? e.trigger : e.summary;
  if (shown.is_negated) summary = "NOT: " + summary;
  std::string label;
  for (const auto& line : detail::wrap(summary, 30, 4)) label += dot_escape(line) + "\\n";
  std::string meta = shown.date_text;
  meta += " \u00b7 " + std::to_string(shown.sources) + (shown.sources == 1 ? " source" : " sources");
  label += dot_escape(meta);
  return label;
}

std::string node_name(std::size_t event_index) { return "e" + std::to_string(event_index); }

Agnode_t* add_event(Agraph_t* g, const story& s, const detail::shown_event& shown) {
  const auto& e = s.events[shown.index];
  Agnode_t* n = agnode(g, cs(node_name(shown.index)), 1);
  set(n, "label", event_label(s, shown));
  set(n, "tooltip", dot_escape(e.id));
  set(n, "id", dot_escape(e.id));
  set(n, "fillcolor", fill_of(e));
  std::string style = "filled,rounded";
  if (shown.is_future) style += ",dashed";
  else if (shown.is_inferred) style += ",dotted";
  if (e.salience >= 0.8 && !shown.is_future && !shown.is_inferred) style += ",bold";
  set(n, "style", style);
  if (shown.is_negated) set(n, "fontcolor", "#555555");
  return n;
}

void add_link(Agraph_t* g, const std::vector<Agnode_t*>& nodes, const detail::timeline_model& m,
              const detail::drawn_link& l, bool constrain) {
  Agnode_t* tail = nodes[*m.shown(l.from)];
  Agnode_t* head = nodes[*m.shown(l.to)];
  Agedge_t* edge = agedge(g, tail, head, nullptr, 1);
  switch (l.style) {
    case detail::link_style::causal:
      set(edge, "color", causal_colour);
      set(edge, "fontcolor", causal_colour);
      set(edge, "penwidth", "2");
      break;
    case detail::link_style::temporal:
      set(edge, "color", temporal_colour);
      set(edge, "fontcolor", temporal_colour);
      set(edge, "style", "dashed");
      break;
    case detail::link_style::conflict:
      set(edge, "color", conflict_colour);
      set(edge, "fontcolor", conflict_colour);
      set(edge, "style", "bold,dashed");
      break;
  }
  // A link that does not shape the layout often joins two events of one row; dot turns the
  // label of such a flat edge into a virtual node, and Graphviz 2.43 double-frees that node's
  // lists in gvFreeLayout (seen under ASan on the samples). xlabel is placed after layout.
  if (!l.label.empty()) set(edge, constrain ? "label" : "xlabel", dot_escape(l.label));
  if (!constrain) set(edge, "constraint", "false");
}

/// Escapes our own text (titles made of dates and counts) for an HTML-like label.
std::string html_text(const std::string& text) {
  std::string out;
  for (char c : text) {
    if (c == '&') out += "&amp;";
    else if (c == '<') out += "&lt;";
    else if (c == '>') out += "&gt;";
    else if (c == '"') out += "&quot;";
    else out += c;
  }
  return out;
}

/// Legend rows (our own fixed words, so HTML-like labels are safe here).
std::string legend_rows(bool is_timeline) {
  // Fixed-size swatch cells: otherwise a wide title stretches the swatch column.
  const std::string swatch = "<TD FIXEDSIZE=\"TRUE\" WIDTH=\"56\" HEIGHT=\"20\"";
  std::string rows = swatch + "><FONT COLOR=\"" + causal_colour +
                     "\"><B>&#9473;&#9473;&#9654;</B></FONT></TD>"
                     "<TD ALIGN=\"LEFT\">causes (labelled when it enables or prevents)</TD></TR>";
  rows = "<TR>" + rows;
  if (is_timeline)
    rows += "<TR>" + swatch + "><FONT COLOR=\"" + temporal_colour + "\">- - &#9654;</FONT></TD>"
            "<TD ALIGN=\"LEFT\">stated order the date axis does not show</TD></TR>";
  rows += "<TR>" + swatch + "><FONT COLOR=\"" + conflict_colour + "\"><B>- - &#9654;</B></FONT></TD>"
          "<TD ALIGN=\"LEFT\">link that contradicts the dates</TD></TR>"
          "<TR>" + swatch + " BORDER=\"1\" STYLE=\"rounded\" BGCOLOR=\"#dbe9f6\">event</TD>"
          "<TD ALIGN=\"LEFT\">bold border: most salient; dotted: approximate or inferred date; "
          "dashed: planned or hypothetical</TD></TR>"
          "<TR>" + swatch + " BORDER=\"1\" STYLE=\"rounded\" BGCOLOR=\"#eeeeee\">report</TD>"
          "<TD ALIGN=\"LEFT\">grey: reporting; yellow: intention; green: state</TD></TR>";
  return rows;
}

/// The timeline's legend: a node below the last axis row.
void add_legend(Agraph_t* g, Agnode_t* below) {
  Agnode_t* legend = agnode(g, cs("legend"), 1);
  set(legend, "shape", "plaintext");
  set(legend, "style", "");
  set_html(g, legend, "label",
           "<TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"2\" CELLPADDING=\"2\">"
           "<TR><TD COLSPAN=\"2\" ALIGN=\"LEFT\"><B>Legend</B></TD></TR>" +
               legend_rows(true) + "</TABLE>");
  if (below) {
    Agedge_t* e = agedge(g, below, legend, nullptr, 1);
    set(e, "style", "invis");
  }
}

void set_defaults(Agraph_t* g, const std::string& title, const char* rankdir) {
  agattr(g, AGRAPH, cs("label"), cs(""));
  set(g, "rankdir", rankdir);
  set(g, "fontname", font);
  set(g, "fontsize", "16");
  set(g, "labelloc", "t");
  set(g, "label", dot_escape(title));
  set(g, "nodesep", "0.25");
  set(g, "ranksep", "0.35");
  set(g, "newrank", "true");
  set(g, "bgcolor", "white");
  agattr(g, AGNODE, cs("shape"), cs("box"));
  agattr(g, AGNODE, cs("style"), cs("filled,rounded"));
  agattr(g, AGNODE, cs("fontname"), cs(font));
  agattr(g, AGNODE, cs("fontsize"), cs("11"));
  agattr(g, AGNODE, cs("margin"), cs("0.12,0.06"));
  agattr(g, AGEDGE, cs("fontname"), cs(font));
  agattr(g, AGEDGE, cs("fontsize"), cs("9"));
  agattr(g, AGEDGE, cs("arrowsize"), cs("0.7"));
}

graph_ptr build_timeline_graph(const story& s, const options& opts) {
  const auto m = detail::build_timeline(s, opts);
  graph_ptr owner = open_graph("timeline");
  Agraph_t* g = owner.get();
  set_defaults(g, "Timeline \u00b7 " + m.title, "TB");

  std::vector<Agnode_t*> nodes(m.events.size(), nullptr);
  Agnode_t* previous_axis = nullptr;
  bool previous_is_point = false;
  for (std::size_t r = 0; r < m.rows.size(); ++r) {
    const auto& row = m.rows[r];
    // Anonymous subgraphs: cgraph orders named ones by the address of their name, anonymous ones
    // by creation, and DOT output must not depend on addresses.
    Agraph_t* rank = agsubg(g, nullptr, 1);
    set(rank, "rank", "same");
    Agnode_t* axis = agnode(rank, cs("d" + std::to_string(r)), 1);
    set(axis, "shape", "box");
    set(axis, "style", row.place == detail::axis_row::kind::dated ? "filled" : "filled,dashed");
    set(axis, "fillcolor", "#f4f6f7");
    set(axis, "color", axis_colour);
    set(axis, "fontcolor", axis_colour);
    set(axis, "width", "1.5");
    // Axis labels hold only dates we formatted, so HTML-like labels (bold month) are safe.
    std::string html;
    if (!row.heading.empty()) html += "<B>" + row.heading + "</B><BR/>";
    html += row.label;
    set_html(g, axis, "label", html);
    if (previous_axis) {
      Agedge_t* e = agedge(g, previous_axis, axis, nullptr, 1);
      set(e, "color", axis_colour);
      set(e, "penwidth", "2");
      set(e, "arrowhead", "none");
      set(e, "weight", "100");
      if (previous_is_point) set(e, "tailclip", "false");
      if (!row.gap.empty()) {
        set(e, "label", row.gap);
        set(e, "fontcolor", axis_colour);
        if (row.gap_days > 60) set(e, "minlen", "2");
      }
    }
    previous_axis = axis;
    previous_is_point = false;
    // A busy date wraps onto extra ranks below it, events_per_rank at a time, so the picture
    // grows down rather than very wide; a small point carries the axis line through them.
    Agraph_t* line = rank;
    Agnode_t* left = axis;  // the node an event is tied to on its right: the axis or the event before
    for (std::size_t j = 0; j < row.events.size(); ++j) {
      if (j > 0 && j % events_per_rank == 0) {
        line = agsubg(g, nullptr, 1);
        set(line, "rank", "same");
        Agnode_t* anchor = agnode(line, cs("d" + std::to_string(r) + "_" + std::to_string(j / events_per_rank)), 1);
        set(anchor, "shape", "point");
        set(anchor, "width", "0.04");
        set(anchor, "color", axis_colour);
        set(anchor, "fillcolor", axis_colour);
        set(anchor, "style", "filled");
        Agedge_t* e = agedge(g, previous_axis, anchor, nullptr, 1);
        set(e, "color", axis_colour);
        set(e, "penwidth", "2");
        set(e, "arrowhead", "none");
        set(e, "weight", "100");
        set(e, "headclip", "false");  // the line runs on through the point
        if (previous_axis != axis) set(e, "tailclip", "false");
        previous_axis = anchor;
        previous_is_point = true;
        left = anchor;
      }
      const std::size_t k = *m.shown(row.events[j]);
      nodes[k] = add_event(line, s, m.events[k]);
      // Invisible flat edges fix the order in the rank: axis, then events by salience.
      Agedge_t* tie = agedge(g, left, nodes[k], nullptr, 1);
      set(tie, "style", "invis");
      left = nodes[k];
    }
  }
  for (const auto& l : m.links) add_link(g, nodes, m, l, false);
  // dot's spline router dominates layout time when links cross many ranks (300 events with
  // long causal links: 20 s with splines, 0.3 s with straight lines): big pictures get lines.
  std::size_t crossed = 0;
  std::vector<std::size_t> row_of(s.events.size(), 0);
  for (std::size_t r = 0; r < m.rows.size(); ++r)
    for (std::size_t i : m.rows[r].events) row_of[i] = r;
  for (const auto& l : m.links)
    crossed += row_of[l.from] > row_of[l.to] ? row_of[l.from] - row_of[l.to] : row_of[l.to] - row_of[l.from];
  if (m.events.size() > 120 || crossed > 300) set(g, "splines", "false");
  add_legend(g, previous_axis);
  return owner;
}

graph_ptr build_causal_graph(const story& s, const options& opts) {
  const auto m = detail::build_causal(s, opts);
  graph_ptr owner = open_graph("causal");
  Agraph_t* g = owner.get();
  set_defaults(g, m.title, "LR");
  std::vector<Agnode_t*> nodes(m.events.size(), nullptr);
  for (std::size_t k = 0; k < m.events.size(); ++k) nodes[k] = add_event(g, s, m.events[k]);
  for (const auto& l : m.links) add_link(g, nodes, m, l, true);
  if (m.events.empty()) {
    Agnode_t* note = agnode(g, cs("none"), 1);
    set(note, "shape", "plaintext");
    set(note, "style", "");
    set(note, "label", "no causal links among the shown events");
  }
  // In a left-to-right layout a legend node would widen a rank: it goes in the graph label.
  // The legend is a table of its own inside the label, so the wide title does not stretch it.
  set_html(g, g, "label",
           "<TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"0\" CELLPADDING=\"2\">"
           "<TR><TD>" + html_text(m.title) + "</TD></TR><TR><TD><FONT POINT-SIZE=\"10\">"
           "<TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"1\" CELLPADDING=\"1\">" +
               legend_rows(false) + "</TABLE></FONT></TD></TR></TABLE>");
  return owner;
}

graph_ptr build_graph(const story& s, const options& opts) {
  return opts.layout == view::causal ? build_causal_graph(s, opts) : build_timeline_graph(s, opts);
}

// cairo stamps a PDF with the moment it was made, so the same story rendered twice gives other
// bytes. The date of the story's newest document is stamped instead ("D:20250605000000Z"; none:
// 1970-01-01), in place and with the same length, so the cross-reference offsets stay valid.
void stamp_creation_date(std::string& pdf, const story& s) {
  static constexpr std::string_view key = "/CreationDate (D:";
  const auto at = pdf.find(key);
  if (at == std::string::npos) return;
  const auto begin = at + key.size();
  constexpr std::size_t digits = 14;  // YYYYMMDDHHMMSS
  if (pdf.size() < begin + digits) return;
  for (std::size_t k = begin; k < begin + digits; ++k)
    if (pdf[k] < '0' || pdf[k] > '9') return;
  std::string newest = "1970-01-01";
  for (const auto& d : s.documents)
    if (d.dct && d.dct->size() >= 10 && d.dct->compare(0, 10, newest) > 0) newest = d.dct->substr(0, 10);
  const std::string stamp = newest.substr(0, 4) + newest.substr(5, 2) + newest.substr(8, 2) + "000000";
  if (stamp.size() == digits && stamp.find_first_not_of("0123456789") == std::string::npos)
    pdf.replace(begin, digits, stamp);
}

}  // namespace

std::string to_dot(const story& s, const options& opts) {
  const std::lock_guard<std::mutex> lock(graphviz_mutex());
  const error_capture errors;
  graph_ptr g = build_graph(s, opts);
  std::string out;
  if (agwrite(g.get(), &out) != 0) throw render_error("Graphviz could not write DOT: " + errors.text());
  return out;
}

std::string render(const story& s, std::string_view format, const options& opts) {
  if (format != "svg" && format != "png" && format != "pdf")
    throw render_error("unsupported image format \"" + std::string(format) + "\" (svg, png or pdf)");
  const std::lock_guard<std::mutex> lock(graphviz_mutex());
  const error_capture errors;
  graph_ptr g = build_graph(s, opts);
  GVC_t* gvc = shared_context();
  if (gvLayout(gvc, g.get(), "dot") != 0) throw render_error("Graphviz dot layout failed: " + errors.text());
  const layout_guard layout(gvc, g.get());
  char* data = nullptr;
  unsigned int length = 0;
  const std::string device(format);
  const int status = gvRenderData(gvc, g.get(), device.c_str(), &data, &length);
  const std::unique_ptr<char, render_data_free> owned(data);
  if (status != 0 || !data)
    throw render_error("Graphviz could not render " + device + ": " + errors.text());
  std::string out(data, length);
  if (format == "pdf") stamp_creation_date(out, s);
  return out;
}

}  // namespace chronograph::render
