// SPDX-License-Identifier: MIT
// TempEval-3 temporal awareness (UzZaman & Allen 2011) of TLINKs, computed with the point-algebra
// closure of reasoning.hpp:
//   precision = |reduced(system) entailed by closure(gold)| / |reduced(system)|
//   recall    = |reduced(gold) entailed by closure(system)| / |reduced(gold)|
// where reduced(G) leaves out every link the other kept links of G entail. Only the links are
// used (no dates), as in the TempEval-3 scorer; VAGUE links are left out, DURING counts as
// SIMULTANEOUS. A link that contradicts the links before it (in file order) is left out of its
// graph and counted.
#pragma once

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "chronograph/ingest/timeml.hpp"
#include "chronograph/relations/link.hpp"

namespace chronograph::relations {

/// A TLINK between two entities: an event id ("e12"), a time id ("t3"), or the DCT's time id.
struct tlink {
  std::string from, to;
  relation rel = relation::before;
};

struct awareness_counts {
  std::size_t system_links = 0, system_reduced = 0, system_verified = 0, system_inconsistent = 0;
  std::size_t gold_links = 0, gold_reduced = 0, gold_verified = 0, gold_inconsistent = 0;
  [[nodiscard]] double precision() const noexcept;
  [[nodiscard]] double recall() const noexcept;
  [[nodiscard]] double f1() const noexcept;
  awareness_counts& operator+=(const awareness_counts& o) noexcept;
};

/// The closure of a set of links (no dates), for asking whether it entails a link; links that
/// contradict earlier ones are left out.
class link_closure {
 public:
  explicit link_closure(const std::vector<tlink>& links);
  ~link_closure();
  link_closure(link_closure&&) noexcept;
  [[nodiscard]] bool entails(const tlink& l) const;

 private:
  struct impl;
  std::unique_ptr<impl> impl_;
};

/// Temporal awareness of one document's system links against its gold links.
[[nodiscard]] awareness_counts temporal_awareness(const std::vector<tlink>& gold, const std::vector<tlink>& system);

/// The links of G that the others do not entail, in G's order (each link, in order, is left out
/// when the links still kept without it entail it). Links that contradict earlier ones are left
/// out first; `inconsistent` (if given) counts them.
[[nodiscard]] std::vector<tlink> reduce(const std::vector<tlink>& links, std::size_t* inconsistent = nullptr);

/// TLINKs of a TimeML document, events named by their EVENT eid (through MAKEINSTANCE), times by
/// tid; relations that are not TimeML TLINK types, and VAGUE, are left out.
[[nodiscard]] std::vector<tlink> tlinks_of(const ingest::timeml_document& doc);

struct relations_score {
  awareness_counts total;
  std::vector<std::pair<std::string, awareness_counts>> documents;  ///< per DOCID, sorted
  std::vector<std::string> missing;  ///< gold DOCIDs without a system file
  std::size_t unaligned_events = 0, unaligned_times = 0;  ///< system entities with no gold extent
};

/// Scores system TimeML against gold, documents paired by DOCID. System events and times are
/// renamed to the gold entity with the same extent (else the one overlapping it), the DCT to
/// the gold DCT, so that any ids may be used; unaligned entities keep a name of their own.
[[nodiscard]] relations_score score_relations(const std::vector<ingest::timeml_document>& gold,
                                              const std::vector<ingest::timeml_document>& system);

[[nodiscard]] std::string format_score(const relations_score& score, bool detail = false);

}  // namespace chronograph::relations
