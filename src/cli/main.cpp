// SPDX-License-Identifier: MIT
// chronograph's command line: parses options with CLI11 and hands them to the commands.
// No pipeline logic lives here.
#include <filesystem>
#include <iostream>

#include <CLI/CLI.hpp>

#include "chronograph/error.hpp"
#include "chronograph/resources.hpp"
#include "commands.hpp"

namespace cli = chronograph::cli;

namespace {

void add_common(CLI::App& cmd, cli::common_options& c) {
  cmd.add_flag("-q,--quiet", c.quiet, "No progress or summary on stderr");
  cmd.add_option("-j,--jobs", c.jobs, "Worker threads (default: all cores)")->check(CLI::Range(0u, 1024u));
  cmd.add_flag("--lenient", c.lenient, "Replace invalid UTF-8 with U+FFFD instead of failing the document");
}

// How the commands that analyze documents read them.
void add_reading(CLI::App& cmd, cli::common_options& c) {
  cmd.add_flag("--day-first", c.day_first,
               "Read all-numeric dates such as 6/5/2025 as day/month/year (5 June); default month first (US news)");
}

// The size limit of the commands that read documents (README "Limits").
void add_limits(CLI::App& cmd, cli::common_options& c) {
  cmd.add_option("--max-document-mb", c.max_document_mb, "Larger documents (or extract lines) fail, unread (MB)")
      ->check(CLI::Range(std::size_t{1}, std::size_t{4096}))
      ->capture_default_str();
  cmd.add_option("--max-sentence-tokens", c.max_sentence_tokens, "A document with a longer sentence fails")
      ->check(CLI::Range(std::size_t{10}, std::size_t{1000000}))
      ->capture_default_str();
}

constexpr const char* exit_codes =
    "Exit codes: 0 ok; 1 some documents failed (the others were processed and written); 2 usage error;\n"
    "3 resource or model error; 4 I/O error (nothing readable, or output not writable).";

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"chronograph: turns news articles into dated events, links them into a graph and renders timelines."};
  app.require_subcommand(1);
  app.footer(exit_codes);
  app.set_version_flag("--version", "chronograph 0.1.0");
  std::string resources;
  app.add_option("--resources", resources, "Resource root (rule tables, models); default: built-in location")
      ->check(CLI::ExistingDirectory);

  cli::build_options build;
  auto* build_cmd = app.add_subcommand("build", "Build one story from articles and render it");
  build_cmd->add_option("inputs", build.inputs, "Files (.txt; .tml gives its TEXT and DCT), directories (their *.txt and *.tml, with manifest.json) or - for stdin");
  build_cmd->add_option("--store", build.store, "Render the story of a store (docs/store.md); INPUTS, if any, are ingested into it first");
  build_cmd->add_option("--dct", build.dct, "Document creation time for every input (YYYY-MM-DD or ISO datetime)");
  build_cmd->add_option("-o,--out", build.out, "Output directory")->capture_default_str();
  build_cmd->add_option("-f,--format", build.formats, "Output formats: json, dot, svg, png, pdf, mermaid, timelinejs, graphml, html, timeml, all")
      ->delimiter(',')
      ->capture_default_str();
  build_cmd->add_flag("--per-document", build.per_document, "Also write <doc-id>.<ext> for each document");
  build_cmd->add_flag("--all-events", build.all_events, "Render every event, not only salient ones");
  build_cmd->add_option("--min-salience", build.min_salience, "Salience threshold for rendered events")
      ->check(CLI::Range(0.0, 1.0))
      ->capture_default_str();
  build_cmd->add_option("--from", build.from, "Only events dated on or after this date (2025-04, 2025-06-05)");
  build_cmd->add_option("--to", build.to, "Only events dated on or before this date");
  build_cmd->add_option("--actor", build.actor, "Only events with this actor (case-insensitive substring)");
  build_cmd->add_option("--view", build.view, "timeline or causal")
      ->check(CLI::IsMember({"timeline", "causal"}))
      ->capture_default_str();
  add_common(*build_cmd, build.common);
  add_reading(*build_cmd, build.common);
  add_limits(*build_cmd, build.common);
  build_cmd->footer(
      "Example:\n  chronograph build samples --out graphs --format all\n"
      "  chronograph build article.txt --dct 2025-06-05 --format json,svg\n"
      "  chronograph build --store story.db --out graphs --format json,svg\n"
      "The DCT comes from --dct, else DIR/manifest.json (docs/manifest.md), else a dateline or\n"
      "'Published <date>' line; without one, relative dates stay underspecified (a warning).");

  cli::extract_options extract;
  bool jsonl = false;
  auto* extract_cmd = app.add_subcommand("extract", "Streaming mode: one JSON document per line in, one story per line out");
  extract_cmd->add_flag("--jsonl", jsonl, "Read {\"id\",\"text\",\"dct\"} lines on stdin, write schema-v1 lines on stdout")
      ->required();
  extract_cmd->add_flag("--analysis", extract.analysis, "Also write each document's encoded analysis, for `merge`");
  add_common(*extract_cmd, extract.common);
  add_reading(*extract_cmd, extract.common);
  add_limits(*extract_cmd, extract.common);
  extract_cmd->footer(
      "Example:\n  echo '{\"id\":\"a\",\"text\":\"Talks were held on May 12.\",\"dct\":\"2025-06-05\"}' | chronograph extract --jsonl\n"
      "Input lines may also give \"path\" and \"source\" (see `chronograph records`).\n"
      "A bad line yields {\"id\",\"error\"} and the run goes on (exit code 1 at the end).");

  cli::records_options records;
  auto* records_cmd = app.add_subcommand("records", "Print articles as the JSONL records `extract --jsonl` reads");
  records_cmd->add_option("inputs", records.inputs, "Files (.txt; .tml gives its TEXT and DCT), directories (their *.txt and *.tml, with manifest.json) or - for stdin")
      ->required();
  records_cmd->add_option("--dct", records.dct, "Document creation time for every input (YYYY-MM-DD or ISO datetime)");
  add_common(*records_cmd, records.common);
  add_limits(*records_cmd, records.common);
  records_cmd->footer("Example (scale-out, docs/scale-out.md):\n  chronograph records corpus > corpus.jsonl");

  cli::merge_options merge;
  auto* merge_cmd = app.add_subcommand("merge", "Reduce the lines of `extract --jsonl --analysis` into one story");
  merge_cmd->add_option("parts", merge.parts, "Files of output lines, directories of them (part-*), or - for stdin")
      ->required();
  merge_cmd->add_option("--store", merge.store, "Put the analyses into this story store (docs/store.md)");
  merge_cmd->add_option("-o,--out", merge.out, "Render the merged story into this directory");
  merge_cmd->add_option("-f,--format", merge.formats, "Formats written with --out (as for build)")
      ->delimiter(',')
      ->capture_default_str();
  add_common(*merge_cmd, merge.common);
  merge_cmd->footer(
      "Example (docs/scale-out.md):\n  chronograph records corpus | split -n r/4 - shard.\n"
      "  for s in shard.*; do chronograph extract --jsonl --analysis < $s > $s.out; done\n"
      "  chronograph merge shard.*.out --store story.db --out graphs --format json,svg");

  cli::bench_options bench;
  auto* bench_cmd = app.add_subcommand("bench", "Measure the whole per-document pipeline (MB/s, documents/s, tokens/s, RSS)");
  bench_cmd->add_option("dir", bench.dir, "Corpus: a directory of .tml (their TEXT) or .txt files; default news-silver");
  bench_cmd->add_option("--copies", bench.copies, "Replicate the corpus this many times")->capture_default_str()
      ->check(CLI::Range(1u, 1000u));
  bench_cmd->add_option("--runs", bench.runs, "Measured runs per job count (median)")->capture_default_str()
      ->check(CLI::Range(1u, 100u));
  add_common(*bench_cmd, bench.common);
  add_reading(*bench_cmd, bench.common);
  add_limits(*bench_cmd, bench.common);
  bench_cmd->footer("Example:\n  chronograph bench --copies 4 --runs 3   # news-silver (2.7 MB), -j 1 and -j all cores");

  cli::timeml_options timeml;
  auto* timeml_cmd = app.add_subcommand("timeml", "Annotate TimeML/TempEval-3 files (TIMEX3, EVENT, TLINK), text unchanged");
  timeml_cmd->add_option("inputs", timeml.inputs, "TimeML .tml files (DCT and raw TEXT are read)")
      ->required()
      ->check(CLI::ExistingFile);
  timeml_cmd->add_option("-o,--out", timeml.out, "Output directory: one .tml per input, same file name")->required();
  add_common(*timeml_cmd, timeml.common);
  add_reading(*timeml_cmd, timeml.common);
  timeml_cmd->footer("Example:\n  chronograph timeml ../shared/data/tempeval3/TBAQ-cleaned/AQUAINT/*.tml --out /tmp/system\n"
                     "Gold annotations in the input are dropped; the output holds chronograph's own.");

  cli::eval_options eval;
  auto* eval_cmd = app.add_subcommand("eval", "Score chronograph against gold annotations");
  eval_cmd->add_option("what", eval.what,
                       "timex (TempEval-3 Task A), events (Task B), relations (TLINK temporal awareness), "
                       "tagger or parser (UD treebank), coref (story nodes against a coreference key)")
      ->required()
      ->check(CLI::IsMember({"timex", "events", "relations", "tagger", "parser", "coref"}));
  eval_cmd->add_option("--gold", eval.gold, "Gold TimeML directory (timex, events, relations), CoNLL-U file (tagger, parser) "
                   "or coreference key TSV (coref)")->required();
  eval_cmd->add_option("--system", eval.system, "System TimeML directory (timex, events, relations; files paired by DOCID); for coref the "
                   "directory `build --format json,timeml` wrote (story.json and one .tml per document)");
  eval_cmd->add_flag("--detail", eval.detail, "Per-document counts and every disagreement");
  eval_cmd->footer(
      "Examples:\n  chronograph timeml GOLD/*.tml --out /tmp/sys && chronograph eval timex --gold GOLD --system /tmp/sys\n"
      "  chronograph eval events --gold GOLD --system /tmp/sys --detail   # also the most missed and spurious words\n"
      "  chronograph eval parser --gold ../shared/data/ud-english-ewt/en_ewt-ud-test.conllu\n"
      "  chronograph build samples --out /tmp/s --format json,timeml && \\\n"
      "    chronograph eval coref --gold tests/e2e/samples_coref.tsv --system /tmp/s\n"
      "The coref key has one line per event mention: event, doc, trigger, context (tab-separated); see docs/coreference.md.");

  cli::tag_options tag;
  auto* tag_cmd = app.add_subcommand("tag", "Print tokens, tags, lemmas and heads of a text as CoNLL-U");
  tag_cmd->add_option("input", tag.input, "A text file, a directory or - for stdin")->required();
  add_common(*tag_cmd, tag.common);
  tag_cmd->footer("Example:\n  chronograph tag samples/001_fed0ba7464b4e760.txt | head -40");

  cli::train_options train;
  auto* train_cmd = app.add_subcommand("train", "Train a shipped model (deterministic: the same data gives the same bytes)");
  train_cmd->add_option("what", train.what, "tagger, parser or lemmas (from UD English EWT), events (from gold TimeML)")
      ->required()
      ->check(CLI::IsMember({"tagger", "parser", "lemmas", "events"}));
  train_cmd->add_option("--ud", train.ud, "UD English EWT directory, its train split is used (tagger, parser, lemmas)")
      ->check(CLI::ExistingDirectory);
  train_cmd->add_option("--train", train.train, "Gold TimeML directories to learn from (events)")
      ->check(CLI::ExistingDirectory);
  train_cmd->add_option("--out", train.out, "Model file to write (atomically)")->required();
  add_common(*train_cmd, train.common);
  train_cmd->footer(
      "Examples (rebuild the shipped models):\n"
      "  chronograph train tagger --ud ../shared/data/ud-english-ewt --out src/text/resources/pos_tagger.model\n"
      "  chronograph train events --train ../shared/data/tempeval3/TBAQ-cleaned/TimeBank \\\n"
      "      --out src/events/resources/learned_events.tsv\n"
      "The shipped event lexicon learns from TimeBank only, so that `ctest -L eval` scores it on AQUAINT,\n"
      "which it has not seen.");

  cli::query_options query;
  auto* query_cmd = app.add_subcommand("query", "Ask a story graph: causes, effects, before, after, path, between, around");
  // With --store there is no GRAPH, so the positionals shift by one; checked after parsing.
  query_cmd->add_option("graph", query.graph, "story.json written by build (not with --store)");
  query_cmd->add_option("question", query.question, "causes|effects|before|after EVENT, path EVENT EVENT, "
                                                    "between DATE DATE, around DATE");
  query_cmd->add_option("arguments", query.arguments, "Event ids or words (\"Geneva\"), or dates (2025-04)");
  query_cmd->add_option("--store", query.store, "Ask the story of a store (docs/store.md) instead of a story.json");
  query_cmd->add_option("--format", query.format, "text, json, dot or svg")
      ->check(CLI::IsMember({"text", "json", "dot", "svg"}))
      ->capture_default_str();
  query_cmd->add_option("--days", query.days, "Window of `around`, in days")->capture_default_str();
  query_cmd->footer("Examples:\n  chronograph query graphs/story.json causes Geneva\n"
                    "  chronograph query graphs/story.json between 2025-04 2025-06 --format json\n"
                    "  chronograph query --store story.db causes Geneva");

  cli::ingest_options ingest_opts;
  auto* ingest_cmd = app.add_subcommand("ingest", "Add new or changed articles to a story store (one transaction)");
  ingest_cmd->add_option("--store", ingest_opts.store, "Story store file (SQLite; created when missing)")->required();
  ingest_cmd->add_option("inputs", ingest_opts.inputs, "Files (.txt; .tml gives its TEXT and DCT), directories (their *.txt and *.tml, with manifest.json) or - for stdin")
      ->required();
  ingest_cmd->add_option("--dct", ingest_opts.dct, "Document creation time for every input (YYYY-MM-DD or ISO datetime)");
  add_common(*ingest_cmd, ingest_opts.common);
  add_reading(*ingest_cmd, ingest_opts.common);
  add_limits(*ingest_cmd, ingest_opts.common);
  ingest_cmd->footer(
      "Example:\n  chronograph ingest --store story.db samples\n"
      "  chronograph ingest --store story.db followup.txt --dct 2025-06-06\n"
      "A document already stored with the same content changes nothing; a new version of a document\n"
      "(same id) replaces the old one. Failed documents are reported and skipped (exit code 1).");

  cli::remove_options remove_opts;
  auto* remove_cmd = app.add_subcommand("remove", "Take documents out of a story store");
  remove_cmd->add_option("--store", remove_opts.store, "Story store file")->required()->check(CLI::ExistingFile);
  remove_cmd->add_option("ids", remove_opts.ids, "Document ids")->required();
  remove_cmd->add_flag("-q,--quiet", remove_opts.quiet, "No summary on stderr");
  remove_cmd->footer("Example:\n  chronograph remove --store story.db 003_ea4b4e48f8d764df");

  cli::correct_options correct;
  auto* correct_cmd = app.add_subcommand("correct", "Correct a store's story: pin, merge, split, hide (kept across rebuilds)");
  correct_cmd->add_option("--store", correct.store, "Story store file")->required()->check(CLI::ExistingFile);
  correct_cmd->add_option("action", correct.action, "pin EVENT DATE | merge EVENT EVENT | split EVENT MENTION | "
                                                    "hide EVENT | list | undo ID")
      ->required()
      ->check(CLI::IsMember({"pin", "merge", "split", "hide", "list", "undo"}));
  correct_cmd->add_option("arguments", correct.arguments, "Event ids (ev-1a2b3c4d) or mention ids (doc:e5), a TIMEX3 date, a correction id");
  correct_cmd->add_flag("-q,--quiet", correct.quiet, "No summary on stderr");
  correct_cmd->footer(
      "Examples:\n  chronograph correct --store story.db pin ev-1a2b3c4d 2025-06-05\n"
      "  chronograph correct --store story.db merge ev-1a2b3c4d ev-5e6f7a8b\n"
      "  chronograph correct --store story.db split ev-1a2b3c4d 002_cff542433030545e:e7\n"
      "  chronograph correct --store story.db hide ev-1a2b3c4d\n"
      "  chronograph correct --store story.db list; chronograph correct --store story.db undo 3\n"
      "Corrections name events by their mentions, so they survive ingesting more documents (docs/store.md).");

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);
    return code == 0 ? cli::ok : cli::usage;
  }
  try {
    if (!resources.empty()) chronograph::set_resource_root(resources);
    if (*build_cmd) {
      if (build.inputs.empty() && build.store.empty()) {
        std::cerr << "chronograph: build needs INPUTS or --store FILE; see --help\n";
        return cli::usage;
      }
      return cli::run_build(build);
    }
    if (*extract_cmd) return cli::run_extract(extract);
    if (*records_cmd) return cli::run_records(records);
    if (*merge_cmd) return cli::run_merge(merge);
    if (*bench_cmd) return cli::run_bench(bench);
    if (*timeml_cmd) return cli::run_timeml(timeml);
    if (*eval_cmd) {
      if ((eval.what == "timex" || eval.what == "relations") && eval.system.empty()) {
        std::cerr << "chronograph: eval " << eval.what << " needs --system DIR\n";
        return cli::usage;
      }
      return cli::run_eval(eval);
    }
    if (*tag_cmd) return cli::run_tag(tag);
    if (*train_cmd) return cli::run_train(train);
    if (*query_cmd) {
      if (!query.store.empty() && !query.graph.empty()) {
        // No GRAPH with --store: the positionals were QUESTION ARGUMENTS...
        if (!query.question.empty()) query.arguments.insert(query.arguments.begin(), query.question);
        query.question = query.graph;
        query.graph.clear();
      }
      if (query.question.empty() || query.arguments.empty() || (query.store.empty() && query.graph.empty())) {
        std::cerr << "chronograph: query needs GRAPH (or --store FILE), a QUESTION and its ARGUMENTS; see --help\n";
        return cli::usage;
      }
      if (query.store.empty() && !std::filesystem::is_regular_file(query.graph)) {
        std::cerr << "chronograph: query: " << query.graph << ": no such file\n";
        return cli::usage;
      }
      return cli::run_query(query);
    }
    if (*ingest_cmd) return cli::run_ingest(ingest_opts);
    if (*remove_cmd) return cli::run_remove(remove_opts);
    if (*correct_cmd) return cli::run_correct(correct);
  } catch (const chronograph::resource_error& e) {
    std::cerr << "chronograph: resource error: " << e.what() << '\n';
    return cli::resources;
  } catch (const chronograph::io_error& e) {
    std::cerr << "chronograph: I/O error: " << e.what() << '\n';
    return cli::io;
  } catch (const chronograph::input_error& e) {
    std::cerr << "chronograph: error: " << e.what() << '\n';
    return cli::some_failed;
  } catch (const std::exception& e) {
    std::cerr << "chronograph: error: " << e.what() << '\n';
    return cli::resources;
  }
  return cli::usage;
}
