// SPDX-License-Identifier: MIT
// `chronograph eval`, `tag`, `train` and `query`: the commands around the pipeline.
#include <fstream>
#include <iostream>
#include <iterator>
#include <optional>

#include "chronograph/error.hpp"
#include "chronograph/events/learn.hpp"
#include "chronograph/events/score.hpp"
#include "chronograph/graph/event_graph.hpp"
#include "chronograph/graph/query.hpp"
#include "chronograph/ingest/reader.hpp"
#include "chronograph/ingest/timeml.hpp"
#include "chronograph/merge/score.hpp"
#include "chronograph/relations/score.hpp"
#include "chronograph/render/answer.hpp"
#include "chronograph/render/json.hpp"
#include "chronograph/render/render.hpp"
#include "chronograph/store/store.hpp"
#include "chronograph/text/analyzer.hpp"
#include "chronograph/text/conllu.hpp"
#include "chronograph/text/evaluation.hpp"
#include "chronograph/text/lemmatizer.hpp"
#include "chronograph/text/parser.hpp"
#include "chronograph/text/tagger.hpp"
#include "chronograph/timex/score.hpp"
#include "commands.hpp"
#include "output.hpp"

namespace chronograph::cli {
namespace fs = std::filesystem;

namespace {

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw io_error(path + ": cannot open file");
  return std::string(std::istreambuf_iterator<char>(in), {});
}

// `eval coref`: the story.json and .tml files of one build directory against a key.
int eval_coreference(const eval_options& opts) {
  if (opts.system.empty()) {
    std::cerr << "chronograph: eval coref: --system DIR is required (a `build --format json,timeml` output directory)\n";
    return usage;
  }
  const auto story_path = (fs::path(opts.system) / "story.json").string();
  const auto s = render::story_from_json(read_file(story_path), story_path);
  const auto node_of = merge::node_of_mentions(s);
  std::map<std::string, std::string> texts;
  std::vector<merge::system_mention> system;
  for (const auto& doc : ingest::read_timeml_directory(opts.system)) {
    for (const auto* a : doc.annotations_with_tag("EVENT"))
      if (const auto it = node_of.find(doc.docid + ":" + std::string(a->attr("eid"))); it != node_of.end())
        system.push_back({doc.docid, a->span, it->second});
    texts.emplace(doc.docid, doc.text);
  }
  const auto key = merge::read_key(read_file(opts.gold), opts.gold);
  std::cout << merge::format_score(merge::score_coreference(key, opts.gold, texts, system));
  return ok;
}

}  // namespace

int run_eval(const eval_options& opts) {
  if (opts.what == "timex") {
    const auto gold = ingest::read_timeml_directory(opts.gold);
    const auto system = ingest::read_timeml_directory(opts.system);
    const auto score = timex::score_timex(gold, system, opts.detail);
    std::cout << timex::format_score(score, opts.detail);
    return ok;
  }
  if (opts.what == "events") {  // TempEval-3 Task B
    const auto score = events::score_events(ingest::read_timeml_directory(opts.gold), ingest::read_timeml_directory(opts.system), opts.detail);
    std::cout << events::format_score(score, opts.detail);
    return ok;
  }
  if (opts.what == "relations") {  // TempEval-3 temporal awareness of the TLINKs
    const auto score = relations::score_relations(ingest::read_timeml_directory(opts.gold), ingest::read_timeml_directory(opts.system));
    std::cout << relations::format_score(score, opts.detail);
    return ok;
  }
  if (opts.what == "coref") return eval_coreference(opts);
  // tagger | parser: the text stage on a UD treebank.
  const auto gold = text::read_conllu(opts.gold);
  const auto scores = text::evaluate_text_stage(gold, opts.what == "parser");
  std::cout << text::format_scores(scores);
  return ok;
}

int run_tag(const tag_options& opts) {
  const auto analyzer = text::analyzer::load_default();
  ingest::read_options ropts;
  ropts.lenient = opts.common.lenient;
  const auto input = ingest::read_inputs({opts.input}, ropts);
  for (const auto& f : input.failures) std::cerr << "chronograph: error: " << f.message << '\n';
  if (input.documents.empty()) return input.failures.empty() ? ok : io;
  for (const auto& doc : input.documents) std::cout << text::to_conllu(analyzer->analyze(doc));
  return input.failures.empty() ? ok : some_failed;
}

int run_train(const train_options& opts) {
  const bool events = opts.what == "events";
  if (events ? opts.train.empty() : opts.ud.empty()) {
    std::cerr << "chronograph: train " << opts.what << ": "
              << (events ? "--train DIR (gold TimeML) is required" : "--ud DIR (UD English EWT) is required") << '\n';
    return usage;
  }
  if (events) {
    std::vector<fs::path> dirs(opts.train.begin(), opts.train.end());
    const bool progress = opts.common.show_progress();
    const auto table = events::learn_lexicon_table(
        dirs, *text::analyzer::load_default(), *events::lexicon::load_default(), [&](std::size_t done, std::size_t total) {
          if (progress) std::cerr << "\rchronograph: learned from " << done << '/' << total << " documents" << std::flush;
        });
    if (progress) std::cerr << '\n';
    atomic_write(opts.out, table);
  } else if (opts.what == "tagger") {
    (void)text::train_tagger_from_ud(opts.ud, opts.out);
  } else if (opts.what == "lemmas") {
    text::train_lemma_lexicon_from_ud(opts.ud, opts.out);
  } else {
    (void)text::train_parser_from_ud(opts.ud, opts.out);
  }
  if (!opts.common.quiet) std::cerr << "chronograph: wrote " << opts.out << '\n';
  return ok;
}

int run_query(const query_options& opts) {
  const auto question = graph::question_from_string(opts.question);
  if (!question) {
    std::cerr << "chronograph: query: unknown question '" << opts.question
              << "' (causes, effects, before, after, path, between, around)\n";
    return usage;
  }
  // A story.json is read and made a graph whole; a store answers from its query index, reading
  // only the part of the story the answer needs (`s` is then that part).
  story s;
  graph::answer a;
  std::optional<store::story_store> st;
  std::optional<graph::event_graph> g;
  if (opts.store.empty()) {
    s = render::story_from_json(read_file(opts.graph), opts.graph);
    g = graph::event_graph::from_story(s);
  } else {
    st = store::story_store::open(opts.store, store::story_store::open_mode::update);
  }
  try {
    if (g) {
      a = graph::ask(*g, *question, opts.arguments, opts.days);
    } else {
      const bool drawn = opts.format != "json" && opts.format != "text";
      auto result = st->ask(*question, opts.arguments, opts.days,
                            drawn ? store::excerpt_use::drawing : store::excerpt_use::printing);
      a = std::move(result.answer);
      s = std::move(result.excerpt);
    }
  } catch (const input_error& e) {
    std::cerr << "chronograph: query: " << e.what() << '\n';
    return usage;
  }
  if (opts.format == "json") {
    std::cout << render::answer_to_json(a, s);
  } else if (opts.format == "text") {
    std::cout << render::answer_to_text(a, s);
  } else {
    render::options ropts;
    ropts.all_events = true;
    const auto sub = graph::substory(s, graph::events_of(a));
    std::cout << (opts.format == "dot" ? render::to_dot(sub, ropts) : render::render(sub, opts.format, ropts));
  }
  return ok;
}

}  // namespace chronograph::cli
