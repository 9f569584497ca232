// SPDX-License-Identifier: MIT
#include <catch2/catch.hpp>

#include <graphviz/cgraph.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <memory>

#include "chronograph/error.hpp"
#include "chronograph/render/render.hpp"
#include "dot_text.hpp"
#include "golden.hpp"
#include "test_options.hpp"
#include "graph/story_fixture.hpp"

using namespace chronograph;

namespace {

const std::string hostile =
    "<script>alert(\"x\")</script> \\N \\G \\L \\n \\l \"quoted\" back\\slash & &lt; &amp; &bogus; "
    "}; digraph { a -> b } // \\";

story hostile_story() {
  auto s = test::tariff_story();
  s.events[1].summary = hostile;  // ev-call
  s.events[1].id = "ev-call\"<x>";
  for (auto& l : s.links) {
    if (l.from == "ev-call") l.from = s.events[1].id;
    if (l.to == "ev-call") l.to = s.events[1].id;
  }
  return s;
}

/// True when xmllint accepts the text as well-formed XML.
bool well_formed(const std::string& xml, const std::string& name) {
  const std::string path = std::string(CHRONOGRAPH_TEST_DIR) + "/../build-render-" + name + ".svg";
  const std::string tmp = (std::getenv("TMPDIR") ? std::string(std::getenv("TMPDIR")) : std::string("/tmp")) +
                          "/chronograph-" + name + ".svg";
  (void)path;
  std::ofstream(tmp, std::ios::binary) << xml;
  const int status = std::system(("xmllint --noout '" + tmp + "' 2>/dev/null").c_str());
  std::remove(tmp.c_str());
  return status == 0;
}

struct graph_closer {
  void operator()(Agraph_t* g) const noexcept { agclose(g); }
};

}  // namespace

TEST_CASE("dot_escape keeps article text literal in Graphviz labels", "[render][dot]") {
  CHECK(render::dot_escape("plain") == "plain");
  CHECK(render::dot_escape("a\\Nb") == "a\\\\Nb");
  CHECK(render::dot_escape("x & y") == "x &amp; y");
  CHECK(render::dot_escape("two\nlines\t") == "two lines ");
  CHECK(render::dot_escape("\"q\" <b>") == "\"q\" <b>");
}

TEST_CASE("to_dot matches the golden files", "[render][dot]") {
  const auto s = test::tariff_story();
  test::check_golden("timeline.dot", render::to_dot(s, render::options{}));
  test::check_golden("causal.dot", render::to_dot(s, test::causal_view()));
}

TEST_CASE("to_dot is deterministic", "[render][dot]") {
  const auto s = test::tariff_story();
  render::options all;
  all.all_events = true;
  CHECK(render::to_dot(s, all) == render::to_dot(s, all));
  CHECK(render::to_dot(s, all) != render::to_dot(s, render::options{}));
}

TEST_CASE("hostile article text survives DOT unchanged", "[render][dot][escaping]") {
  const auto dot = render::to_dot(hostile_story(), render::options{});
  std::unique_ptr<Agraph_t, graph_closer> g{agmemread(dot.c_str())};
  REQUIRE(g);
  Agnode_t* n = agnode(g.get(), const_cast<char*>("e1"), 0);
  REQUIRE(n);
  const std::string label = agget(n, const_cast<char*>("label"));
  CHECK(label.find(render::dot_escape("<script>alert(\"x\")</script> \\N")) == 0);
  CHECK(std::string(agget(n, const_cast<char*>("id"))) == "ev-call\"<x>");
  CHECK(agnnodes(g.get()) == agnnodes(agmemread(render::to_dot(test::tariff_story(), render::options{}).c_str())));
}

TEST_CASE("render makes well-formed SVG that shows hostile text as text", "[render][svg][escaping]") {
  const auto svg = render::render(hostile_story(), "svg", render::options{});
  CHECK(svg.rfind("<?xml", 0) == 0);
  CHECK(svg.find("</svg>") != std::string::npos);
  CHECK(well_formed(svg, "hostile"));
  CHECK(svg.find("<script") == std::string::npos);
  CHECK(svg.find("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;") != std::string::npos);
  CHECK(svg.find("&lt;/script&gt; \\N</text>") != std::string::npos);  // Graphviz escapes not expanded
  CHECK(svg.find(">\\G \\L \\n \\l &quot;quoted&quot;</text>") != std::string::npos);
  CHECK(svg.find(">back\\slash &amp; &amp;lt; &amp;amp;</text>") != std::string::npos);  // entities literal
  CHECK(svg.find(">&amp;bogus; }; digraph") != std::string::npos);
  CHECK(svg.find("id=\"ev&#45;call&quot;&lt;x&gt;\"") != std::string::npos);
  CHECK(well_formed(render::render(test::tariff_story(), "svg", test::causal_view()), "causal"));
}

TEST_CASE("render makes PNG and PDF", "[render][png]") {
  const auto s = test::tariff_story();
  const auto png = render::render(s, "png", render::options{});
  REQUIRE(png.size() > 1000);
  CHECK(png.compare(0, 8, "\x89PNG\r\n\x1a\n") == 0);
  const auto pdf = render::render(s, "pdf", render::options{});
  CHECK(pdf.rfind("%PDF", 0) == 0);
  // Dated by the story's newest document, not by the clock: the same story, the same bytes.
  std::string newest;
  for (const auto& d : s.documents)
    if (d.dct) newest = std::max(newest, d.dct->substr(0, 10));
  REQUIRE(newest.size() == 10);
  const auto stamp = "/CreationDate (D:" + newest.substr(0, 4) + newest.substr(5, 2) + newest.substr(8, 2) + "000000Z)";
  CHECK(pdf.find(stamp) != std::string::npos);
  CHECK(render::render(s, "pdf", render::options{}) == pdf);
  CHECK_THROWS_AS(render::render(s, "gif", render::options{}), render_error);
  const char* out = std::getenv("CHRONOGRAPH_RENDER_OUT");  // for looking at the picture
  if (out) {
    std::ofstream(std::string(out) + "/timeline.png", std::ios::binary) << png;
    std::ofstream(std::string(out) + "/causal.png", std::ios::binary)
        << render::render(s, "png", test::causal_view());
  }
}

TEST_CASE("an empty story still renders", "[render][svg]") {
  const auto svg = render::render(story{}, "svg", render::options{});
  CHECK(well_formed(svg, "empty"));
  CHECK(well_formed(render::render(story{}, "svg", test::causal_view()), "empty-causal"));
}

TEST_CASE("a busy date wraps onto extra ranks with the axis running through", "[render][dot]") {
  auto s = test::tariff_story();
  for (int i = 0; i < 8; ++i)
    s.events.push_back(test::make_event("ev-z" + std::to_string(i), "Another thing said on the day", "said",
                                        "2025-06-05", 0.6, {test::quote("a1", 0, "x")}));
  const auto dot = render::to_dot(s, render::options{});
  // Row 5 (Thu 5 Jun) holds nine events: four beside the date, then two more ranks.
  CHECK(dot.find("d5_1") != std::string::npos);
  CHECK(dot.find("d5_2") != std::string::npos);
  CHECK(dot.find("d5_3") == std::string::npos);
  CHECK(dot.find("d4_1") == std::string::npos);
  CHECK(render::render(s, "svg", render::options{}).find("</svg>") != std::string::npos);
}

TEST_CASE("SVG output is byte-identical from run to run", "[render][svg]") {
  const auto s = test::tariff_story();
  CHECK(render::render(s, "svg", render::options{}) == render::render(s, "svg", render::options{}));
  render::options causal;
  causal.layout = render::view::causal;
  CHECK(render::render(s, "svg", causal) == render::render(s, "svg", causal));
}
