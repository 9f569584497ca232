// SPDX-License-Identifier: MIT
// `chronograph timeml`: annotate TempEval-3 input files with the pipeline's TIMEX3, EVENT,
// MAKEINSTANCE, TLINK and CLINK elements, text unchanged — what TempEval-3 scorers read.
#include <algorithm>
#include <iostream>

#include "chronograph/error.hpp"
#include "chronograph/events/score.hpp"
#include "chronograph/ingest/timeml.hpp"
#include "chronograph/pipeline.hpp"
#include "chronograph/timex/score.hpp"
#include "annotate.hpp"
#include "commands.hpp"
#include "output.hpp"
#include "records.hpp"

namespace chronograph::cli {
namespace fs = std::filesystem;

ingest::timeml_document annotate_timeml(const ingest::timeml_document& input, const merge::document_analysis& a) {
  ingest::timeml_document out;
  out.path = input.path;
  out.docid = input.docid;
  out.dct_value = input.dct_value;
  out.dct = input.dct;
  out.dct_attributes = input.dct_attributes;
  out.dct_text = input.dct_text;
  out.title = input.title;
  out.text = input.text;
  out.annotations = timex::to_timeml(a.timexes);
  // An event trigger that overlaps a time expression is dropped: TimeML elements must nest.
  std::vector<events::event_mention> nested;
  for (const auto& e : a.events)
    if (std::none_of(a.timexes.begin(), a.timexes.end(),
                     [&](const auto& t) { return t.span.overlaps(e.span) && !t.span.contains(e.span); }))
      nested.push_back(e);
  auto ev = events::to_timeml(nested, a.annotated);
  out.annotations.insert(out.annotations.end(), ev.events.begin(), ev.events.end());
  out.trailing = std::move(ev.instances);
  std::sort(out.annotations.begin(), out.annotations.end(), [](const auto& x, const auto& y) {
    return x.span.begin != y.span.begin ? x.span.begin < y.span.begin : x.span.end > y.span.end;
  });
  const auto endpoint = [](const std::string& id, const char* event_attr, const char* time_attr) {
    return id.rfind('e', 0) == 0 ? std::make_pair(std::string(event_attr), events::instance_id(id))
                                 : std::make_pair(std::string(time_attr), id);
  };
  std::size_t tl = 0, cl = 0;
  for (const auto& l : a.links) {
    if (relations::is_causal(l.rel)) {
      if (l.from.rfind('e', 0) != 0 || l.to.rfind('e', 0) != 0) continue;
      out.trailing.push_back({"CLINK",
                              {{"lid", "c" + std::to_string(++cl)},
                               {"eventInstanceID", events::instance_id(l.from)},
                               {"relatedToEventInstance", events::instance_id(l.to)},
                               {"relType", relations::to_string(l.rel)}}});
    } else {
      out.trailing.push_back({"TLINK",
                              {{"lid", "l" + std::to_string(++tl)},
                               {"relType", relations::to_string(l.rel)},
                               endpoint(l.from, "eventInstanceID", "timeID"),
                               endpoint(l.to, "relatedToEventInstance", "relatedToTime")}});
    }
  }
  return out;
}

ingest::timeml_document timeml_shell(const document& doc) {
  ingest::timeml_document out;
  out.path = doc.path;
  out.docid = doc.id;
  out.text = doc.text;
  out.dct = doc.dct;
  if (doc.dct) {
    out.dct_value = doc.dct->iso();
    out.dct_attributes = {{"tid", "t0"}, {"type", doc.dct->time_of_day ? "TIME" : "DATE"}, {"value", out.dct_value},
                          {"temporalFunction", "false"}, {"functionInDocument", "CREATION_TIME"}};
    out.dct_text = out.dct_value;
  }
  return out;
}

int run_timeml(const timeml_options& opts) {
  ensure_directory(opts.out);
  const auto models = load_models(opts.common);
  std::vector<ingest::timeml_document> inputs;
  std::vector<document> docs;
  bool any_failed = false;
  for (const auto& path : opts.inputs) {
    try {
      auto tml = ingest::read_timeml(path);
      docs.push_back(ingest::document_of(tml));
      inputs.push_back(std::move(tml));
    } catch (const error& e) {
      std::cerr << "chronograph: error: " << e.what() << '\n';
      any_failed = true;
    }
  }
  const bool progress = opts.common.show_progress();
  auto batch = analyze_documents(std::move(docs), models, opts.common.jobs, [&](std::size_t done, std::size_t total) {
    if (progress) std::cerr << "\rchronograph: annotated " << done << '/' << total << std::flush;
  });
  if (progress) std::cerr << '\n';
  for (const auto& f : batch.failures) {
    std::cerr << "chronograph: error: " << f.message << '\n';
    any_failed = true;
  }
  std::size_t next = 0;
  for (const auto& input : inputs) {
    if (next >= batch.analyses.size() || batch.analyses[next].annotated.doc.path != input.path) continue;
    const auto& a = batch.analyses[next++];
    const auto name = fs::path(input.path).filename().string();
    try {
      ingest::write_timeml_file(annotate_timeml(input, a), output_file(opts.out, name, ""));
    } catch (const input_error& e) {
      std::cerr << "chronograph: error: " << input.path << ": " << e.what() << '\n';
      any_failed = true;
    }
  }
  if (!opts.common.quiet)
    std::cerr << "chronograph: wrote " << next << " TimeML file(s) to " << opts.out << '\n';
  return any_failed ? some_failed : ok;
}

}  // namespace chronograph::cli
