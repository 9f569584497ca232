// SPDX-License-Identifier: MIT
// One document's analysis as TimeML (TIMEX3, EVENT, MAKEINSTANCE, TLINK, CLINK), shared by
// `chronograph timeml` and `build --format timeml`.
#pragma once

#include "chronograph/ingest/timeml.hpp"
#include "chronograph/merge/merge.hpp"

namespace chronograph::cli {

/// `input` (DOCID, DCT, TITLE, TEXT) with the analysis' annotations in place of any it had.
[[nodiscard]] ingest::timeml_document annotate_timeml(const ingest::timeml_document& input,
                                                      const merge::document_analysis& analysis);

/// A TimeML shell for a plain-text document: DOCID = id, DCT from the document, TEXT = its text.
[[nodiscard]] ingest::timeml_document timeml_shell(const document& doc);

}  // namespace chronograph::cli
