// SPDX-License-Identifier: MIT
// Training of the events stage's data-driven lexicon (resources/learned_events.tsv) from gold
// TimeML: for every (lemma, coarse part of speech) of the training documents, how often a token
// of it is a gold EVENT and the class it most often has. The extractor uses it to accept event
// nouns and adjectives the hand lexicon lacks, to reject verbs that are rarely events ("have",
// "include"), and to pick a class for unlisted lemmas. `chronograph train events` writes it.
#pragma once

#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "chronograph/events/lexicon.hpp"
#include "chronograph/text/analyzer.hpp"

namespace chronograph::events {

/// Called after each training document: documents done, documents in all.
using learn_progress = std::function<void(std::size_t done, std::size_t total)>;

/// The learned_events.tsv table (header comments included) from the .tml files of `train_dirs`,
/// read with the given text analyzer and lexicon. Rows seen fewer than twice are left out.
/// Deterministic: the same inputs give the same bytes. Throws io_error / input_error naming the
/// file when a directory or document cannot be read.
[[nodiscard]] std::string learn_lexicon_table(const std::vector<std::filesystem::path>& train_dirs,
                                              const text::analyzer& analyzer, const lexicon& lex,
                                              const learn_progress& progress = {});

}  // namespace chronograph::events
