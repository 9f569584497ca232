// SPDX-License-Identifier: MIT
// Gold EVENTs of a TimeML document as event mentions, for evaluating the linker with gold events
// given: each keeps the gold id, extent and class; the other attributes come from the
// extractor's mention of the same word when it found one, else from the word and its tag.
#pragma once

#include <algorithm>
#include <vector>

#include "chronograph/events/event.hpp"
#include "chronograph/events/lexicon.hpp"
#include "chronograph/ingest/timeml.hpp"

namespace chronograph::test {

inline std::vector<events::event_mention> gold_events(const ingest::timeml_document& tml,
                                                      const text::annotated_document& annotated,
                                                      const std::vector<events::event_mention>& found) {
  std::vector<events::event_mention> evs;
  for (const auto* a : tml.annotations_with_tag("EVENT")) {
    events::event_mention m;
    const auto it = std::find_if(found.begin(), found.end(), [&](const auto& x) { return x.span.overlaps(a->span); });
    if (it != found.end()) {
      m = *it;
    } else {
      m.lemma = events::normalize_word(tml.text.substr(a->span.begin, a->span.size()));
      m.frame = m.lemma;
      m.salience = 0.3;
      m.sentence = annotated.sentence_at(a->span.begin);
      for (const auto& t : annotated.tokens)
        if (t.span.overlaps(a->span)) {
          m.pos = t.tag == text::upos::verb ? text::upos::verb : text::upos::noun;
          break;
        }
    }
    m.span = a->span;
    m.trigger = tml.text.substr(a->span.begin, a->span.size());
    m.id = std::string(a->attr("eid"));
    if (const auto cls = events::event_class_from_string(a->attr("class"))) m.cls = *cls;
    evs.push_back(std::move(m));
  }
  return evs;
}

}  // namespace chronograph::test
