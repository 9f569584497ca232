// SPDX-License-Identifier: MIT
// `chronograph build` and `chronograph extract --jsonl`.
#include <algorithm>
#include <atomic>
#include <fstream>
#include <iostream>
#include <map>
#include <mutex>
#include <set>

#include <nlohmann/json.hpp>

#include "chronograph/error.hpp"
#include "chronograph/graph/time_value.hpp"
#include "chronograph/ingest/reader.hpp"
#include "chronograph/pipeline.hpp"
#include "chronograph/render/formats.hpp"
#include "chronograph/render/json.hpp"
#include "chronograph/render/render.hpp"
#include "chronograph/store/serialize.hpp"
#include "chronograph/store/store.hpp"
#include "annotate.hpp"
#include "commands.hpp"
#include "output.hpp"
#include "records.hpp"

namespace chronograph::cli {
namespace fs = std::filesystem;

namespace {

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

// The formats of --format, "all" expanded, sorted and unique; nullopt (after saying why) when
// one is unknown.
std::optional<std::vector<std::string>> expand_formats(const std::vector<std::string>& requested) {
  std::vector<std::string> formats;
  for (const auto& f : requested) {
    if (f == "all") {
      const auto all = known_formats();
      formats.insert(formats.end(), all.begin(), all.end());
    } else if (const auto k = known_formats(); std::find(k.begin(), k.end(), f) != k.end()) {
      formats.push_back(f);
    } else {
      std::cerr << "chronograph: --format: unknown format '" << f << "' (known: json, dot, svg, png, pdf, mermaid, timelinejs, graphml, html, timeml, all)\n";
      return std::nullopt;
    }
  }
  std::sort(formats.begin(), formats.end());
  formats.erase(std::unique(formats.begin(), formats.end()), formats.end());
  return formats;
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
  if (!make_read_options(opts.common, opts.dct)) return usage;  // a bad --dct, said before anything is read
  const auto formats = expand_formats(opts.formats);
  if (!formats) return usage;
  if (!opts.store.empty()) return build_from_store(opts, *formats);
  ingest::read_result input;
  if (const auto stop = read_reported(opts.inputs, opts.common, opts.dct, input)) return *stop;
  const fs::path out_dir(opts.out);
  ensure_directory(out_dir);

  const auto models = load_models(opts.common);
  const bool progress = opts.common.show_progress();
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

  const auto written = write_outputs(s, batch.analyses, out_dir, *formats, render_options(opts), opts.per_document);
  if (!opts.common.quiet) {
    std::cerr << "chronograph: " << batch.analyses.size() << " document(s), " << s.events.size() << " events, "
              << s.links.size() << " links; wrote";
    for (const auto& p : written) std::cerr << ' ' << p.string();
    std::cerr << '\n';
  }
  return input.failures.empty() && batch.failures.empty() ? ok : some_failed;
}

namespace {

// Reads one line (without its '\n') into `line`; false at the end of input. A line longer than
// `cap` bytes is read to its end but only its first `cap` bytes are kept, and `too_long` is
// set, so a huge line never has to fit in memory.
bool read_line(std::istream& in, std::string& line, std::size_t cap, bool& too_long) {
  line.clear();
  too_long = false;
  auto* buffer = in.rdbuf();
  bool any = false;
  for (int c; (c = buffer->sbumpc()) != std::char_traits<char>::eof();) {
    any = true;
    if (c == '\n') return true;
    if (line.size() < cap) line.push_back(static_cast<char>(c));
    else too_long = true;
  }
  return any;
}

}  // namespace

int run_extract(const extract_options& opts) {
  std::ios::sync_with_stdio(false);  // before any I/O: unsynchronized standard streams are far faster
  const auto models = load_models(opts.common);
  extract_settings settings;
  settings.read.lenient = opts.common.lenient;
  settings.with_analysis = opts.analysis;
  settings.max_document_bytes = opts.common.max_document_bytes();
  // A line may exceed its text by its JSON syntax, escapes and other fields: allow 1 MB for that.
  const std::size_t line_cap = settings.max_document_bytes + (std::size_t{1} << 20);
  std::atomic<bool> any_failed{false};
  std::mutex too_long_mutex;
  std::set<std::size_t> too_long_lines;  // indexes of lines over line_cap (kept only in part)
  std::size_t read_count = 0;
  std::string line;
  stream_in_order(
      [&]() -> std::optional<std::string> {
        bool too_long = false;
        if (!read_line(std::cin, line, line_cap, too_long)) return std::nullopt;
        if (too_long) {
          std::lock_guard lock(too_long_mutex);
          too_long_lines.insert(read_count);
        }
        ++read_count;
        return std::move(line);
      },
      [&](std::string record, std::size_t index) {
        bool too_long = false;
        {
          std::lock_guard lock(too_long_mutex);
          too_long = too_long_lines.erase(index) > 0;
        }
        if (too_long) {
          any_failed = true;
          return error_line("line-" + std::to_string(index + 1), "stdin:" + std::to_string(index + 1) +
                            ": a line of more than " + std::to_string(line_cap >> 20) +
                            " MB, over the document limit (--max-document-mb); skipped unread");
        }
        auto r = extract_line(record, index + 1, models, settings);
        if (r.failed) any_failed = true;
        return std::move(r.line);
      },
      [](const std::string& out) { std::cout << out << std::flush; }, opts.common.jobs);
  if (!std::cout) throw io_error("stdout: write error");
  return any_failed ? some_failed : ok;
}

namespace {

// The lines of every part, in order: a file, a directory (its files, sorted, except Hadoop's
// _SUCCESS and other names starting with '_' or '.'), or "-" for stdin. `on_line(line, where)`.
// Returns false when a part cannot be read (reported on stderr).
bool for_each_part_line(const std::vector<std::string>& parts,
                        const std::function<void(const std::string&, const std::string&)>& on_line) {
  bool all_read = true;
  const auto read_lines = [&](std::istream& in, const std::string& name) {
    std::string line;
    for (std::size_t number = 1; std::getline(in, line); ++number)
      if (line.find_first_not_of(" \t\r") != std::string::npos) on_line(line, name + ":" + std::to_string(number));
    if (in.bad()) {
      std::cerr << "chronograph: error: " << name << ": read error\n";
      all_read = false;
    }
  };
  for (const auto& part : parts) {
    if (part == "-") {
      read_lines(std::cin, "stdin");
      continue;
    }
    std::vector<fs::path> files;
    std::error_code ec;
    if (fs::is_directory(part, ec)) {
      for (const auto& e : fs::directory_iterator(part, ec)) {
        const auto name = e.path().filename().string();
        if (e.is_regular_file() && name[0] != '_' && name[0] != '.') files.push_back(e.path());
      }
      std::sort(files.begin(), files.end());
    } else {
      files.emplace_back(part);
    }
    for (const auto& f : files) {
      std::ifstream in(f, std::ios::binary);
      if (!in) {
        std::cerr << "chronograph: error: " << f.string() << ": cannot open file\n";
        all_read = false;
        continue;
      }
      read_lines(in, f.string());
    }
  }
  return all_read;
}

}  // namespace

int run_merge(const merge_options& opts) {
  if (opts.store.empty() && opts.out.empty()) {
    std::cerr << "chronograph: merge needs --store FILE or --out DIR (or both); see --help\n";
    return usage;
  }
  const auto formats = expand_formats(opts.formats);
  if (!formats) return usage;

  std::vector<merge::document_analysis> analyses;
  std::map<std::string, std::size_t> position;  // document id -> index in analyses
  std::vector<story_diagnostic> failures;       // the error lines of extract, as build reports them
  bool any_failed = false;
  const auto fail = [&](const std::string& message) {
    std::cerr << "chronograph: error: " << message << '\n';
    any_failed = true;
  };
  const bool all_read = for_each_part_line(opts.parts, [&](const std::string& text, const std::string& where) {
    try {
      const auto line = nlohmann::json::parse(text);
      if (!line.is_object()) throw input_error(where + ": expected a JSON object");
      const auto id = record_id(line);
      if (const auto err = line.find("error"); err != line.end()) {  // a document extract could not analyze
        const auto message = err->is_string() ? err->get<std::string>() : err->dump();
        failures.push_back({"error", "pipeline", id, "document-failed", message, {}, {}});
        fail(where + ": " + message);
        return;
      }
      auto analysis = line_analysis(line, where);
      const auto& doc_id = analysis.annotated.doc.id;  // the safe form of the line's id
      const auto [at, is_new] = position.emplace(doc_id, analyses.size());
      if (is_new) {
        analyses.push_back(std::move(analysis));
      } else if (store::serialize_analysis(analyses[at->second]) != store::serialize_analysis(analysis)) {
        fail(where + ": document '" + doc_id + "' appears twice with different analyses; the later one is kept");
        analyses[at->second] = std::move(analysis);
      }  // the same analysis twice (a part given twice, a re-run shard): kept once
    } catch (const nlohmann::json::exception& e) {
      fail(where + ": invalid JSON: " + e.what());
    } catch (const error& e) {
      fail(e.what());
    }
  });
  if (analyses.empty()) {
    std::cerr << "chronograph: merge: no analysis in the parts\n";
    return io;
  }

  auto s = merge::build_story(analyses);
  s.diagnostics.insert(s.diagnostics.end(), failures.begin(), failures.end());
  if (!opts.store.empty()) {
    auto st = store::story_store::open(opts.store);
    st.put_all(analyses);  // one transaction: all of the merge or nothing
  }
  std::vector<fs::path> written;
  if (!opts.out.empty()) {
    const fs::path out_dir(opts.out);
    ensure_directory(out_dir);
    written = write_outputs(s, analyses, out_dir, *formats, render_options(build_options{}), false);
  }
  if (!opts.common.quiet) {
    std::cerr << "chronograph: merged " << analyses.size() << " document(s), " << s.events.size() << " events, "
              << s.links.size() << " links";
    if (!opts.store.empty()) std::cerr << "; stored in " << opts.store;
    if (!written.empty()) std::cerr << "; wrote";
    for (const auto& p : written) std::cerr << ' ' << p.string();
    std::cerr << '\n';
  }
  return any_failed || !all_read ? some_failed : ok;
}

int run_records(const records_options& opts) {
  ingest::read_result input;
  if (const auto stop = read_reported(opts.inputs, opts.common, opts.dct, input)) return *stop;
  for (const auto& doc : input.documents) std::cout << record_line(doc) << '\n';
  std::cout.flush();
  if (!std::cout) {
    std::cerr << "chronograph: I/O error: cannot write to stdout\n";
    return io;
  }
  return input.failures.empty() ? ok : some_failed;
}

}  // namespace chronograph::cli
