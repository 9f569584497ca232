// SPDX-License-Identifier: MIT
// The embedding API (include/chronograph/chronograph.hpp): a thin layer over ingest::make_document,
// build_story and the renderers.
#include "chronograph/chronograph.hpp"

#include <set>
#include <utility>

#include "chronograph/ingest/reader.hpp"

namespace chronograph {

story_builder::story_builder() : models_(pipeline_models::load_default()) {}

story_builder::story_builder(pipeline_models models) : models_(std::move(models)) {}

story story_builder::build(const std::vector<input_text>& texts, const build_settings& settings) const {
  std::vector<document> docs;
  docs.reserve(texts.size());
  std::set<std::string> seen;
  for (std::size_t i = 0; i < texts.size(); ++i) {
    const auto& in = texts[i];
    const std::string n = std::to_string(i + 1);
    std::string id = in.id.empty() ? "text-" + n : in.id;
    if (!seen.insert(id).second) throw input_error("text " + n + ": duplicate id \"" + id + "\"");
    ingest::read_options options;
    options.lenient = settings.lenient_utf8;
    if (!in.dct.empty()) {
      options.dct = parse_creation_time(in.dct);
      if (!options.dct)
        throw input_error(id + ": unreadable DCT \"" + in.dct + "\" (want YYYY-MM-DD or an ISO datetime)");
    }
    std::string path = id;
    auto doc = ingest::make_document(std::move(id), std::move(path), in.text, options);
    doc.source = in.source.empty() ? "article " + n : in.source;
    docs.push_back(std::move(doc));
  }
  return build_story(std::move(docs), models_, settings.jobs);
}

story build(const std::vector<input_text>& texts, const build_settings& settings) {
  return story_builder{}.build(texts, settings);
}

std::string to_svg(const story& s, const render::options& opts) { return render::render(s, "svg", opts); }
std::string to_png(const story& s, const render::options& opts) { return render::render(s, "png", opts); }
std::string to_pdf(const story& s, const render::options& opts) { return render::render(s, "pdf", opts); }
std::string to_dot(const story& s, const render::options& opts) { return render::to_dot(s, opts); }
std::string to_json(const story& s) { return render::to_json(s); }
std::string to_html(const story& s, const render::options& opts) { return render::to_html(s, opts); }

}  // namespace chronograph
