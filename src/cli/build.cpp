// SPDX-License-Identifier: MIT
// `chronograph build` and `chronograph extract --jsonl`.
#include <algorithm>
#include <iostream>
#include <sstream>
#include <thread>

#include <unistd.h>

#include <nlohmann/json.hpp>

#include "chronograph/error.hpp"
#include "chronograph/graph/time_value.hpp"
#include "chronograph/ingest/reader.hpp"
#include "chronograph/pipeline.hpp"
#include "chronograph/render/formats.hpp"
#include "chronograph/render/json.hpp"
#include "chronograph/render/render.hpp"
#include "chronograph/store/store.hpp"
#include "annotate.hpp"
#include "commands.hpp"
#include "output.hpp"

namespace chronograph::cli {
namespace fs = std::filesystem;

namespace {

bool show_progress(const common_options& c) { return !c.quiet && ::isatty(STDERR_FILENO); }

void report(const std::vector<diagnostic>& diags, const common_options& c) {
  if (c.quiet) return;
  for (const auto& d : diags)
    if (d.stage == "ingest") std::cerr << "chronograph: warning: " << d.message << '\n';
}

render::options render_options(const build_options& o) {
  render::options r;
  r.all_events = o.all_events;
  r.min_salience = o.min_salience;
  r.layout = o.view == "causal" ? render::view::causal : render::view::timeline;
  r.from = o.from;
  r.to = o.to;
  r.actor = o.actor;
  return r;
}

// Writes `s` in every requested format as DIR/<name>.<ext>.
std::vector<fs::path> write_story(const story& s, const fs::path& dir, const std::string& name,
                                  const std::vector<std::string>& formats, const render::options& ropts) {
  std::vector<fs::path> written;
  for (const auto& f : formats) {
    std::string bytes;
    std::string ext = "." + f;
    if (f == "json") bytes = render::to_json(s);
    else if (f == "dot") bytes = render::to_dot(s, ropts);
    else if (f == "svg" || f == "png" || f == "pdf") bytes = render::render(s, f, ropts);
    else if (f == "mermaid") bytes = render::to_mermaid(s, ropts), ext = ".mmd";
    else if (f == "timelinejs") bytes = render::to_timelinejs(s, ropts), ext = ".timeline.json";
    else if (f == "graphml") bytes = render::to_graphml(s);
    else if (f == "html") bytes = render::to_html(s, ropts);
    else continue;  // timeml is written per document
    const auto path = output_file(dir, name, ext);
    atomic_write(path, bytes);
    written.push_back(path);
  }
  return written;
}

// The story in every format, plus per-document files and TimeML when asked.
std::vector<fs::path> write_outputs(const story& s, const std::vector<merge::document_analysis>& analyses,
                                    const fs::path& out_dir, const std::vector<std::string>& formats,
                                    const render::options& ro, bool per_document) {
  auto written = write_story(s, out_dir, "story", formats, ro);
  if (per_document)
    for (const auto& a : analyses) {
      const auto one = merge::build_story({a});
      const auto w = write_story(one, out_dir, a.annotated.doc.id, formats, ro);
      written.insert(written.end(), w.begin(), w.end());
    }
  if (std::find(formats.begin(), formats.end(), "timeml") != formats.end())
    for (const auto& a : analyses) {
      const auto path = output_file(out_dir, a.annotated.doc.id, ".tml");
      ingest::write_timeml_file(annotate_timeml(timeml_shell(a.annotated.doc), a), path);
      written.push_back(path);
    }
  return written;
}

// `build --store FILE [INPUTS...]`: ingest the inputs (if any), then render the store's story.
int build_from_store(const build_options& opts, const std::vector<std::string>& formats) {
  int status = ok;
  if (!opts.inputs.empty()) {
    ingest_options iopts;
    iopts.common = opts.common;
    iopts.store = opts.store;
    iopts.inputs = opts.inputs;
    iopts.dct = opts.dct;
    status = run_ingest(iopts);
    if (status != ok && status != some_failed) return status;
  }
  const auto st = store::story_store::open(opts.store, store::story_store::open_mode::read_only);
  const auto analyses = st.analyses();
  const auto s = store::apply_corrections(merge::build_story(analyses), st.corrections());
  const fs::path out_dir(opts.out);
  ensure_directory(out_dir);
  const auto written = write_outputs(s, analyses, out_dir, formats, render_options(opts), opts.per_document);
  if (!opts.common.quiet) {
    std::cerr << "chronograph: " << opts.store << ": " << analyses.size() << " document(s), " << s.events.size()
              << " events, " << s.links.size() << " links; wrote";
    for (const auto& p : written) std::cerr << ' ' << p.string();
    std::cerr << '\n';
  }
  return status;
}

}  // namespace

std::vector<std::string> known_formats() {
  return {"json", "dot", "svg", "png", "pdf", "mermaid", "timelinejs", "graphml", "html", "timeml"};
}

int run_build(const build_options& opts) {
  for (const auto& [flag, value] : {std::pair{"--from", &opts.from}, std::pair{"--to", &opts.to}})
    if (!value->empty() && !graph::span_of(*value)) {
      std::cerr << "chronograph: " << flag << ": '" << *value << "' is not a date (2025, 2025-04, 2025-06-05, 2025-W22)\n";
      return usage;
    }
  ingest::read_options ropts;
  ropts.lenient = opts.common.lenient;
  if (!opts.dct.empty()) {
    ropts.dct = parse_creation_time(opts.dct);
    if (!ropts.dct) {
      std::cerr << "chronograph: --dct: '" << opts.dct << "' is not an ISO date (YYYY-MM-DD) or datetime\n";
      return usage;
    }
  }
  std::vector<std::string> formats;
  for (const auto& f : opts.formats) {
    if (f == "all") {
      const auto all = known_formats();
      formats.insert(formats.end(), all.begin(), all.end());
    } else if (const auto k = known_formats(); std::find(k.begin(), k.end(), f) != k.end()) {
      formats.push_back(f);
    } else {
      std::cerr << "chronograph: --format: unknown format '" << f << "' (known: json, dot, svg, png, pdf, mermaid, timelinejs, graphml, html, timeml, all)\n";
      return usage;
    }
  }
  std::sort(formats.begin(), formats.end());
  formats.erase(std::unique(formats.begin(), formats.end()), formats.end());
  if (!opts.store.empty()) return build_from_store(opts, formats);

  auto input = ingest::read_inputs(opts.inputs, ropts);
  for (const auto& f : input.failures) std::cerr << "chronograph: error: " << f.message << '\n';
  report(input.diagnostics, opts.common);
  if (input.documents.empty()) {
    std::cerr << "chronograph: nothing readable in the inputs\n";
    return io;
  }
  const fs::path out_dir(opts.out);
  ensure_directory(out_dir);

  const auto models = pipeline_models::load_default();
  const bool progress = show_progress(opts.common);
  auto batch = analyze_documents(std::move(input.documents), models, opts.common.jobs,
                                 [&](std::size_t done, std::size_t total) {
                                   if (progress) std::cerr << "\rchronograph: analyzed " << done << '/' << total << std::flush;
                                 });
  if (progress) std::cerr << '\n';
  for (const auto& f : batch.failures) std::cerr << "chronograph: error: " << f.message << '\n';

  auto s = merge::build_story(batch.analyses);
  for (const auto& f : input.failures) s.diagnostics.push_back({"error", "ingest", "", "unreadable", f.message, {}, {}});
  for (const auto& f : batch.failures) s.diagnostics.push_back({"error", "pipeline", f.id, "document-failed", f.message, {}, {}});
  for (const auto& d : input.diagnostics)
    s.diagnostics.push_back({to_string(d.level), d.stage, d.doc, d.rule, d.message, {}, {}});

  const auto written = write_outputs(s, batch.analyses, out_dir, formats, render_options(opts), opts.per_document);
  if (!opts.common.quiet) {
    std::cerr << "chronograph: " << batch.analyses.size() << " document(s), " << s.events.size() << " events, "
              << s.links.size() << " links; wrote";
    for (const auto& p : written) std::cerr << ' ' << p.string();
    std::cerr << '\n';
  }
  return input.failures.empty() && batch.failures.empty() ? ok : some_failed;
}

int run_extract(const extract_options& opts) {
  const auto models = pipeline_models::load_default();
  ingest::read_options ropts;
  ropts.lenient = opts.common.lenient;
  unsigned jobs = opts.common.jobs ? opts.common.jobs : std::max(1u, std::thread::hardware_concurrency());
  const std::size_t batch_size = std::size_t{jobs} * 4;  // bounded memory: a few documents per worker
  bool any_failed = false;
  std::size_t line_number = 0;

  std::string line;
  bool eof = false;
  while (!eof) {
    // Parse a batch of lines; each becomes a document or an error line, in order.
    std::vector<document> docs;
    std::vector<std::pair<std::string, std::string>> slots;  // (id, error) per line; docs fill the gaps
    while (docs.size() < batch_size) {
      if (!std::getline(std::cin, line)) {
        eof = true;
        break;
      }
      ++line_number;
      if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
      const std::string where = "stdin:" + std::to_string(line_number);
      std::string id = "line-" + std::to_string(line_number);
      try {
        const auto j = nlohmann::json::parse(line);
        if (!j.is_object()) throw input_error(where + ": expected a JSON object");
        if (j.contains("id") && j["id"].is_string()) id = j["id"].get<std::string>();
        else if (j.contains("id") && j["id"].is_number_integer()) id = std::to_string(j["id"].get<long long>());
        if (!j.contains("text") || !j["text"].is_string()) throw input_error(where + ": needs a \"text\" string");
        std::optional<creation_time> dct;
        if (j.contains("dct") && !j["dct"].is_null()) {
          if (!j["dct"].is_string() || !(dct = parse_creation_time(j["dct"].get<std::string>())))
            throw input_error(where + ": \"dct\" is not an ISO date or datetime");
        }
        auto doc = ingest::make_document(id, where, j["text"].get<std::string>(), ropts, dct, "record");
        doc.id = id;  // the record's id is echoed back as given
        docs.push_back(std::move(doc));
        slots.emplace_back(id, std::string());
      } catch (const nlohmann::json::exception& e) {
        slots.emplace_back(id, where + ": invalid JSON: " + e.what());
      } catch (const error& e) {
        slots.emplace_back(id, e.what());
      }
    }
    auto batch = analyze_documents(std::move(docs), models, jobs);
    std::size_t next_analysis = 0, next_failure = 0;
    for (const auto& [id, err] : slots) {
      std::string message = err;
      if (message.empty()) {
        if (next_failure < batch.failures.size() && batch.failures[next_failure].id == id &&
            (next_analysis >= batch.analyses.size() || batch.analyses[next_analysis].annotated.doc.id != id)) {
          message = batch.failures[next_failure++].message;
        } else {
          std::cout << render::to_json_line(id, merge::build_story({batch.analyses[next_analysis++]})) << '\n';
          continue;
        }
      }
      any_failed = true;
      std::cout << nlohmann::ordered_json{{"id", id}, {"error", message}}.dump() << '\n';
    }
    std::cout.flush();
  }
  return any_failed ? some_failed : ok;
}

}  // namespace chronograph::cli
