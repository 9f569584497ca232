// SPDX-License-Identifier: MIT
// A TimeML document prepared for the event-pair evaluations: the text stage's analysis, the gold
// events (see gold_events.hpp) and the index of each event instance id ("ei12") among them.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "chronograph/events/event.hpp"
#include "chronograph/ingest/timeml.hpp"
#include "chronograph/text/analyzer.hpp"
#include "chronograph/timex/score.hpp"
#include "gold_events.hpp"

namespace chronograph::test {

struct gold_event_doc {
  ingest::timeml_document tml;
  text::annotated_document annotated;
  std::vector<timex::mention> times;
  std::vector<events::event_mention> events;  ///< gold events, text order
  std::map<std::string, std::size_t> event_of_eiid;  ///< "ei12" -> index into events
  std::map<std::string, std::string> eiid_of_eid;     ///< "e5" -> "ei12"
};

inline gold_event_doc prepare_gold_event_doc(const std::filesystem::path& file, const text::analyzer& an,
                                             const events::extractor& ex) {
  gold_event_doc d;
  d.tml = ingest::read_timeml(file);
  d.annotated = an.analyze(ingest::document_of(d.tml));
  d.times = timex::from_timeml(d.tml);
  std::vector<diagnostic> diags;
  const auto found = ex.extract(d.annotated, d.times, diags);
  d.events = gold_events(d.tml, d.annotated, found);
  std::map<std::string, std::size_t> index_of_eid;
  for (std::size_t k = 0; k < d.events.size(); ++k) index_of_eid.emplace(d.events[k].id, k);
  for (const auto& el : d.tml.trailing) {
    if (el.tag != "MAKEINSTANCE") continue;
    const std::string eid(el.attr("eventID")), eiid(el.attr("eiid"));
    d.eiid_of_eid.emplace(eid, eiid);
    if (const auto it = index_of_eid.find(eid); it != index_of_eid.end()) d.event_of_eiid.emplace(eiid, it->second);
  }
  return d;
}

}  // namespace chronograph::test
