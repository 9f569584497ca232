// SPDX-License-Identifier: MIT
// `chronograph ingest`, `remove` and `correct`: the persistent story store (docs/store.md).
#include <iostream>

#include "chronograph/error.hpp"
#include "chronograph/ingest/reader.hpp"
#include "chronograph/pipeline.hpp"
#include "chronograph/store/store.hpp"
#include "commands.hpp"
#include "records.hpp"

namespace chronograph::cli {

int run_ingest(const ingest_options& opts) {
  ingest::read_result input;
  if (const auto stop = read_reported(opts.inputs, opts.common, opts.dct, input)) return *stop;
  auto st = store::story_store::open(opts.store);
  const auto models = load_models(opts.common);
  store::ingest_options iopts;
  iopts.jobs = opts.common.jobs;
  const bool progress = opts.common.show_progress();
  if (progress)
    iopts.progress = [](std::size_t done, std::size_t total) {
      std::cerr << "\rchronograph: analyzed " << done << '/' << total << std::flush;
    };
  const auto outcomes = st.ingest(std::move(input.documents), models, iopts);
  if (progress) std::cerr << '\n';
  std::size_t counts[4] = {0, 0, 0, 0};
  for (const auto& o : outcomes) {
    ++counts[static_cast<int>(o.status)];
    if (o.status == store::ingest_status::failed) std::cerr << "chronograph: error: " << o.message << '\n';
    else if (!opts.common.quiet) std::cerr << "chronograph: " << to_string(o.status) << ' ' << o.id << '\n';
  }
  if (!opts.common.quiet)
    std::cerr << "chronograph: " << opts.store << ": " << counts[0] << " added, " << counts[1] << " replaced, "
              << counts[2] << " unchanged, " << counts[3] << " failed; " << st.documents().size()
              << " document(s) stored\n";
  return input.failures.empty() && counts[3] == 0 ? ok : some_failed;
}

int run_remove(const remove_options& opts) {
  auto st = store::story_store::open(opts.store);
  bool all = true;
  for (const auto& id : opts.ids) {
    if (st.remove(id)) {
      if (!opts.quiet) std::cerr << "chronograph: removed " << id << '\n';
    } else {
      std::cerr << "chronograph: error: no document '" << id << "' in " << opts.store << '\n';
      all = false;
    }
  }
  return all ? ok : some_failed;
}

int run_correct(const correct_options& opts) {
  if (opts.action == "list") {
    const auto st = store::story_store::open(opts.store, store::story_store::open_mode::read_only);
    for (const auto& c : st.corrections()) {
      std::cout << c.id << '\t' << to_string(c.kind) << '\t' << c.label << "\t[";
      for (std::size_t i = 0; i < c.mentions.size(); ++i) std::cout << (i ? " " : "") << c.mentions[i];
      std::cout << ']';
      if (!c.other.empty()) {
        std::cout << " [";
        for (std::size_t i = 0; i < c.other.size(); ++i) std::cout << (i ? " " : "") << c.other[i];
        std::cout << ']';
      }
      std::cout << '\n';
    }
    return ok;
  }
  auto st = store::story_store::open(opts.store);
  if (opts.action == "undo") {
    if (opts.arguments.size() != 1) {
      std::cerr << "chronograph: correct undo takes one correction id (see `correct list`)\n";
      return usage;
    }
    std::int64_t id = 0;
    try {
      std::size_t used = 0;
      id = std::stoll(opts.arguments[0], &used);
      if (used != opts.arguments[0].size()) throw std::invalid_argument(opts.arguments[0]);
    } catch (const std::exception&) {
      std::cerr << "chronograph: correct undo: '" << opts.arguments[0] << "' is not a correction id\n";
      return usage;
    }
    if (!st.remove_correction(id)) {
      std::cerr << "chronograph: error: no correction " << id << " in " << opts.store << '\n';
      return some_failed;
    }
    if (!opts.quiet) std::cerr << "chronograph: removed correction " << id << '\n';
    return ok;
  }
  const auto kind = store::correction_kind_from_string(opts.action);
  if (!kind) {
    std::cerr << "chronograph: correct: unknown action '" << opts.action << "' (pin, merge, split, hide, list, undo)\n";
    return usage;
  }
  store::correction c;
  try {
    c = store::make_correction(st.build(), *kind, opts.arguments);
  } catch (const input_error& e) {
    std::cerr << "chronograph: correct " << opts.action << ": " << e.what() << '\n';
    return usage;
  }
  c = st.add_correction(std::move(c));
  if (!opts.quiet) std::cerr << "chronograph: correction " << c.id << ": " << to_string(c.kind) << ' ' << c.label << '\n';
  return ok;
}

}  // namespace chronograph::cli
