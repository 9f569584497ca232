// SPDX-License-Identifier: MIT
#include <catch2/catch.hpp>

#include <cstdio>
#include <cstdlib>
#include <fstream>

#include <nlohmann/json.hpp>

#include "chronograph/render/formats.hpp"
#include "golden.hpp"
#include "graph/story_fixture.hpp"

using namespace chronograph;

namespace {

const std::string hostile =
    "<script>alert('x')</script> \"q\" a: b #58; %% comment & &amp; back\\slash ]]> <!-- x";

story hostile_story() {
  auto s = test::tariff_story();
  s.events[1].summary = hostile;
  s.events[1].mentions[0].text = hostile;
  s.events[1].actors = {hostile};
  s.links[0].support.text = hostile;
  s.diagnostics[0].message = hostile;
  return s;
}

bool well_formed_xml(const std::string& xml, const std::string& name) {
  const std::string tmp = (std::getenv("TMPDIR") ? std::string(std::getenv("TMPDIR")) : std::string("/tmp")) +
                          "/chronograph-formats-" + name + ".xml";
  std::ofstream(tmp, std::ios::binary) << xml;
  const int status = std::system(("xmllint --noout '" + tmp + "' 2>/dev/null").c_str());
  std::remove(tmp.c_str());
  return status == 0;
}

std::size_t count(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + what.size())) ++n;
  return n;
}

}  // namespace

TEST_CASE("Mermaid timeline matches its golden file", "[render][mermaid]") {
  const auto text = render::to_mermaid(test::tariff_story(), render::options{});
  CHECK(text.rfind("timeline\n    title ", 0) == 0);
  CHECK(count(text, "    section ") == 2);  // 2025, later (the PAST_REF event is not salient enough)
  CHECK(text.find("to 145% (1 source)") != std::string::npos);
  test::check_golden("story.mmd", text);
}

TEST_CASE("Mermaid escapes what would end an event or open a comment", "[render][mermaid][escaping]") {
  const auto text = render::to_mermaid(hostile_story(), render::options{});
  const auto line_at = text.find("alert");
  REQUIRE(line_at != std::string::npos);
  const auto line = text.substr(text.rfind('\n', line_at) + 1, text.find('\n', line_at) - text.rfind('\n', line_at) - 1);
  CHECK(line == "        Thu 5 Jun 2025 : #60;script#62;alert('x')#60;/script#62; \"q\" a#58; b #35;58; #37;% "
                "comment & &amp; back\\slash ]]#62; #60;!-- x (2 sources)");
  CHECK(count(text, "%%") == 0);
}

TEST_CASE("TimelineJS JSON matches its golden file and parses", "[render][timelinejs]") {
  const auto text = render::to_timelinejs(test::tariff_story(), render::options{});
  test::check_golden("story.timeline.json", text);
  const auto j = nlohmann::json::parse(text);
  REQUIRE(j["events"].size() == 7);  // the nine shown events less two undated ones
  CHECK(j["events"][0]["start_date"] == nlohmann::json{{"year", 2025}, {"month", 1}, {"day", 17}});
  CHECK(j["events"][1]["end_date"] == nlohmann::json{{"year", 2025}, {"month", 4}, {"day", 30}});
  CHECK(j["events"][1]["start_date"] == nlohmann::json{{"year", 2025}, {"month", 4}});
}

TEST_CASE("TimelineJS text is HTML-escaped", "[render][timelinejs][escaping]") {
  const auto j = nlohmann::json::parse(render::to_timelinejs(hostile_story(), render::options{}));
  std::string headline;
  for (const auto& e : j["events"])
    if (e["unique_id"] == "ev-call") headline = e["text"]["headline"];
  CHECK(headline.find("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &quot;q&quot;") == 0);
  CHECK(j.dump().find("<script") == std::string::npos);
}

TEST_CASE("GraphML matches its golden file and is well-formed", "[render][graphml]") {
  const auto text = render::to_graphml(test::tariff_story());
  test::check_golden("story.graphml", text);
  CHECK(well_formed_xml(text, "graphml"));
  CHECK(count(text, "<node id=") == 11);  // 10 events and the one timex a link names
  CHECK(count(text, "<edge id=") == 8);
  const auto hostile_text = render::to_graphml(hostile_story());
  CHECK(well_formed_xml(hostile_text, "graphml-hostile"));
  CHECK(hostile_text.find("<script") == std::string::npos);
}

TEST_CASE("the HTML report holds the picture, the events, the chains and the conflicts", "[render][html]") {
  auto s = test::tariff_story();
  s.links.push_back(test::make_link("ev-call", "ev-jan17", "BEFORE", test::quote("a1", 5, "before that")));
  const auto html = render::to_html(s, render::options{});
  CHECK(html.rfind("<!DOCTYPE html>\n<html lang=\"en\">", 0) == 0);
  CHECK(well_formed_xml(html, "report"));
  CHECK(count(html, "<svg") == 1);
  CHECK(html.find("<?xml") == std::string::npos);
  CHECK(count(html, "<tr id=") == 8);
  CHECK(count(html, "<script") == 0);
  CHECK(count(html, "<ol id=\"causal-chains\">") == 1);
  CHECK(count(html, "prompting the talks in Geneva") == 1);
  CHECK(html.find("stated BEFORE, dates disagree") != std::string::npos);
  CHECK(html.find("no creation time in the text") != std::string::npos);
  // Two chains: the US tariffs -> China's tariffs -> Geneva; accusations -> the June 5 call.
  CHECK(count(html, "<li>") == 2 + 2);  // chains and the two diagnostics
}

TEST_CASE("the HTML report escapes article text everywhere", "[render][html][escaping]") {
  const auto html = render::to_html(hostile_story(), render::options{});
  CHECK(well_formed_xml(html, "report-hostile"));
  CHECK(count(html, "<script") == 0);
  CHECK(count(html, "<!-- x") == 0);
  CHECK(html.find("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;") != std::string::npos);
}
