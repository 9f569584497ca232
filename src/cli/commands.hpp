// SPDX-License-Identifier: MIT
// The CLI's commands as plain functions over option structs (main.cpp parses with CLI11).
// Each returns the process exit code; see README "Exit codes".
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace chronograph::cli {

enum exit_code : int { ok = 0, some_failed = 1, usage = 2, resources = 3, io = 4 };

struct common_options {
  bool quiet = false;        ///< no progress or summary on stderr
  unsigned jobs = 0;         ///< worker threads; 0 = all cores
  bool lenient = false;      ///< replace invalid UTF-8 instead of failing the document
  std::size_t max_document_mb = 16;  ///< a larger document (or extract line) fails, unread where possible
  std::size_t max_sentence_tokens = 1000;  ///< pipeline_limits: a longer sentence fails its document
  bool day_first = false;    ///< --day-first: all-numeric dates ("6/5/2025") read day/month/year
  [[nodiscard]] std::size_t max_document_bytes() const { return max_document_mb << 20; }
  /// Progress lines ("\ranalyzed 12/40") go to stderr only when it is a terminal and not --quiet.
  [[nodiscard]] bool show_progress() const;
};

struct build_options {
  common_options common;
  std::vector<std::string> inputs;
  std::string dct;           ///< --dct, "" = none
  std::string out = "out";
  std::vector<std::string> formats{"json", "dot", "svg", "png"};
  bool per_document = false;
  bool all_events = false;
  double min_salience = 0.5;
  std::string view = "timeline";
  std::string from, to;      ///< only events dated within [from, to] (TIMEX3 dates)
  std::string actor;         ///< only events with this actor
  std::string store;         ///< --store FILE: render the store's story (INPUTS, if any, are ingested first)
};
int run_build(const build_options& opts);

struct extract_options {
  common_options common;
  bool analysis = false;     ///< --analysis: each line also carries its encoded analysis, for `merge`
};
int run_extract(const extract_options& opts);

struct merge_options {
  common_options common;
  std::vector<std::string> parts;   ///< files of `extract --jsonl --analysis` lines, directories of them, or -
  std::string store;                ///< --store FILE: put the analyses into a story store
  std::string out;                  ///< --out DIR: render the merged story
  std::vector<std::string> formats{"json"};
};
/// Reduces the output lines of `extract --jsonl --analysis` into one story (docs/scale-out.md).
int run_merge(const merge_options& opts);

struct records_options {
  common_options common;
  std::vector<std::string> inputs;
  std::string dct;                  ///< --dct, "" = none
};
/// Prints the inputs (read as `build` reads them) as `extract --jsonl` input records.
int run_records(const records_options& opts);

struct timeml_options {
  common_options common;
  std::vector<std::string> inputs;  ///< .tml files
  std::string out;
};
int run_timeml(const timeml_options& opts);

struct eval_options {
  std::string what;     ///< timex | events | relations | tagger | parser
  std::string gold, system;
  bool detail = false;
};
int run_eval(const eval_options& opts);

struct tag_options {
  common_options common;
  std::string input;
};
int run_tag(const tag_options& opts);

struct train_options {
  common_options common;
  std::string what;     ///< tagger | parser | lemmas | events
  std::string ud, out;
  std::vector<std::string> train;  ///< gold TimeML directories (events)
};
int run_train(const train_options& opts);

struct query_options {
  std::string graph;    ///< story.json
  std::string question;
  std::vector<std::string> arguments;
  std::string format = "text";
  long days = 7;
  std::string store;    ///< --store FILE instead of `graph`
};
int run_query(const query_options& opts);

struct ingest_options {
  common_options common;
  std::string store;                ///< the store file (created when missing)
  std::vector<std::string> inputs;
  std::string dct;                  ///< --dct, "" = none
};
/// Adds new or changed documents to a store, in one transaction (src/cli/store.cpp).
int run_ingest(const ingest_options& opts);

struct remove_options {
  std::string store;
  std::vector<std::string> ids;     ///< document ids
  bool quiet = false;
};
int run_remove(const remove_options& opts);

struct correct_options {
  std::string store;
  std::string action;               ///< pin | merge | split | hide | list | undo
  std::vector<std::string> arguments;
  bool quiet = false;
};
int run_correct(const correct_options& opts);

struct bench_options {
  common_options common;            ///< jobs: the second measured job count (0 = all cores)
  std::string dir;                  ///< .tml or .txt corpus; "" = news-silver of ../shared/data
  unsigned copies = 4;              ///< the corpus replicated this many times (news-silver: 2.7 MB)
  unsigned runs = 3;                ///< measured runs per job count (after one warm-up)
};
/// Measures the per-document pipeline as `extract --jsonl` runs it (src/cli/bench.cpp).
int run_bench(const bench_options& opts);

/// The formats `build --format` accepts, "all" expanding to every one of them.
[[nodiscard]] std::vector<std::string> known_formats();

}  // namespace chronograph::cli
