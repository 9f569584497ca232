// SPDX-License-Identifier: MIT
// The default linker: anchors events to the time of their clause, infers dates of anaphoric
// event mentions, and finds event-time, event-DCT, event-event (signals, dates) and causal links.
#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <limits>
#include <map>
#include <set>
#include <stdexcept>
#include <unordered_map>

#include "chronograph/error.hpp"
#include "chronograph/events/lexicon.hpp"
#include "chronograph/relations/dates.hpp"
#include "chronograph/relations/link.hpp"
#include "chronograph/relations/linker_tables.hpp"
#include "chronograph/relations/reasoning.hpp"
#include "chronograph/resources.hpp"
#include "pair_model.hpp"

namespace chronograph::relations {

const char* to_string(relation r) noexcept {
  switch (r) {
    case relation::before: return "BEFORE";
    case relation::after: return "AFTER";
    case relation::includes: return "INCLUDES";
    case relation::is_included: return "IS_INCLUDED";
    case relation::simultaneous: return "SIMULTANEOUS";
    case relation::during: return "DURING";
    case relation::begins: return "BEGINS";
    case relation::begun_by: return "BEGUN_BY";
    case relation::ends: return "ENDS";
    case relation::ended_by: return "ENDED_BY";
    case relation::ibefore: return "IBEFORE";
    case relation::iafter: return "IAFTER";
    case relation::identity: return "IDENTITY";
    case relation::vague: return "VAGUE";
    case relation::causes: return "CAUSES";
    case relation::enables: return "ENABLES";
    case relation::prevents: return "PREVENTS";
  }
  return "VAGUE";
}

std::optional<relation> relation_from_string(std::string_view name) noexcept {
  static constexpr relation all[] = {
      relation::before,   relation::after,    relation::includes, relation::is_included, relation::simultaneous,
      relation::during,   relation::begins,   relation::begun_by, relation::ends,        relation::ended_by,
      relation::ibefore,  relation::iafter,   relation::identity, relation::vague,       relation::causes,
      relation::enables,  relation::prevents};
  for (auto r : all)
    if (name == to_string(r)) return r;
  // TimeML also writes DURING_INV for the converse of DURING.
  if (name == "DURING_INV") return relation::during;
  return std::nullopt;
}

bool is_causal(relation r) noexcept {
  return r == relation::causes || r == relation::enables || r == relation::prevents;
}

relation inverse(relation r) noexcept {
  switch (r) {
    case relation::before: return relation::after;
    case relation::after: return relation::before;
    case relation::includes: return relation::is_included;
    case relation::is_included: return relation::includes;
    case relation::begins: return relation::begun_by;
    case relation::begun_by: return relation::begins;
    case relation::ends: return relation::ended_by;
    case relation::ended_by: return relation::ends;
    case relation::ibefore: return relation::iafter;
    case relation::iafter: return relation::ibefore;
    // DURING has no name of its own for the converse in our enum; it stays as is, like the
    // symmetric ones (SIMULTANEOUS, IDENTITY, VAGUE). Causal links have no temporal converse.
    default: return r;
  }
}

namespace {

using events::event_class;
using events::event_mention;
using events::word;
using text::upos;
using link_type = relations::link;

/// Per-document working state.
struct doc_state {
  const text::annotated_document& doc;
  const std::vector<word>& words;
  std::vector<std::size_t> sent_begin, sent_end;
  std::vector<int> timex_at;                 // word -> timex index or -1
  std::vector<std::size_t> timex_first, timex_last;  // per timex: word range
  std::vector<std::size_t> event_word;       // per event
  std::vector<int> event_at;                 // word -> event index or -1
  std::vector<std::vector<std::size_t>> times_in;  // per sentence: timex indices
  /// Per word: the event signals and the causal cues that start with it (indices into the
  /// tables, longest first), or null.
  std::vector<const std::vector<std::size_t>*> signals_at, cues_at;
  std::vector<char> headline;  // per sentence: a headline or subhead before the article's body
  /// Per event: the time of a reporting clause that the anchoring dated this event of its
  /// complement by (undone after the models: `unanchor_reported`), or -1; and the event's salience
  /// before dates raised it.
  std::vector<int> reported_time;
  std::vector<double> undated_salience;
};

}  // namespace

linker_tables linker_tables::load(const std::filesystem::path& dir) {
  linker_tables t;
  {
    const auto p = dir / "causal_cues.tsv";
    for (const auto& r : events::read_table(p)) {
      if (r.fields.size() < 3) events::table_error(p, r.line, "expected cue<TAB>direction<TAB>relation[<TAB>example]");
      causal_cue c;
      c.words = events::split_words(r.fields[0]);
      c.direction = r.fields[1];
      static const std::set<std::string> directions{"forward", "backward", "backward_prev", "forward_prev",
                                                    "self_backward", "parse_backward", "parse_forward",
                                                    "parse_reverse", "clause"};
      if (!directions.count(c.direction)) events::table_error(p, r.line, "unknown direction \"" + c.direction + "\"");
      const auto rel = relation_from_string(r.fields[2]);
      if (!rel || !is_causal(*rel)) events::table_error(p, r.line, "relation must be CAUSES, ENABLES or PREVENTS");
      c.rel = *rel;
      c.line = r.line;
      if (r.fields.size() >= 4) {
        auto ex = events::split_example(p, r.line, r.fields[3], "sentence | cause | effect");
        c.example = std::move(ex.text);
        c.example_cause = std::move(ex.first);
        c.example_effect = std::move(ex.second);
      }
      t.causal.push_back(std::move(c));
    }
    // Longest cue first, so "in retaliation for" wins over "in retaliation".
    std::stable_sort(t.causal.begin(), t.causal.end(),
                     [](const auto& x, const auto& y) { return x.words.size() > y.words.size(); });
  }
  {
    const auto p = dir / "temporal_signals.tsv";
    for (const auto& r : events::read_table(p)) {
      if (r.fields.size() < 3) events::table_error(p, r.line, "expected signal<TAB>relation<TAB>scope");
      temporal_signal s;
      s.words = events::split_words(r.fields[0]);
      const auto rel = relation_from_string(r.fields[1]);
      if (!rel || is_causal(*rel)) events::table_error(p, r.line, "unknown temporal relation \"" + r.fields[1] + "\"");
      s.rel = *rel;
      s.scope = r.fields[2];
      if (s.scope != "time" && s.scope != "event" && s.scope != "both")
        events::table_error(p, r.line, "scope must be time, event or both");
      if (r.fields.size() >= 4) s.example = r.fields[3];
      s.line = r.line;
      t.signals.push_back(std::move(s));
    }
    std::stable_sort(t.signals.begin(), t.signals.end(),
                     [](const auto& x, const auto& y) { return x.words.size() > y.words.size(); });
  }
  {
    const auto p = dir / "governed_events.tsv";
    for (const auto& r : events::read_table(p)) {
      if (r.fields.size() < 4)
        events::table_error(p, r.line, "expected governor class<TAB>dependency<TAB>tense<TAB>relation[<TAB>example]");
      governed_rule g;
      g.governor_class = r.fields[0];
      g.dependency = r.fields[1];
      g.tense = r.fields[2];
      if (g.governor_class != "*" && !events::event_class_from_string(g.governor_class))
        events::table_error(p, r.line, "unknown event class \"" + g.governor_class + "\"");
      static const std::set<std::string> tenses{"*", "NONE", "PAST", "PRESENT", "FUTURE", "INFINITIVE", "PRESPART", "PASTPART"};
      if (!tenses.count(g.tense)) events::table_error(p, r.line, "unknown tense \"" + g.tense + "\"");
      const auto rel = relation_from_string(r.fields[3]);
      if (!rel || is_causal(*rel) || *rel == relation::vague)
        events::table_error(p, r.line, "unknown temporal relation \"" + r.fields[3] + "\"");
      g.rel = *rel;
      if (r.fields.size() >= 5) {
        auto ex = events::split_example(p, r.line, r.fields[4], "sentence | governed | governor");
        g.example = std::move(ex.text);
        g.example_governed = std::move(ex.first);
        g.example_governor = std::move(ex.second);
      }
      g.line = r.line;
      t.governed.push_back(std::move(g));
    }
  }
  {
    const auto p = dir / "non_anaphoric.tsv";
    for (const auto& r : events::read_table(p)) {
      static const std::set<std::string> kinds{"future", "more", "other", "ordinal", "latest", "ahead"};
      if (r.fields.size() < 2 || !kinds.count(r.fields[1]))
        events::table_error(p, r.line, "expected word<TAB>future|more|other|ordinal|latest|ahead[<TAB>example]");
      const auto& word = r.fields[0];
      const auto& kind = r.fields[1];
      // Ordinals and "latest" pick among the document's instances; the others block inference.
      if (kind == "future" || kind == "more" || kind == "other") t.non_anaphoric.insert(word);
      if (kind == "future" || kind == "more") t.future_modifiers.insert(word);
      if (kind == "more") t.more_modifiers.insert(word);
      if (kind == "ordinal") t.ordinal_modifiers.insert(word);
      if (kind == "latest") t.latest_modifiers.insert(word);
      if (kind == "ahead") t.ahead_nouns.insert(word);
      reference_modifier m;
      m.word = word;
      m.kind = kind;
      m.line = r.line;
      if (r.fields.size() >= 3) {
        auto ex = events::split_example(p, r.line, r.fields[2], "text | trigger#n | expected");
        m.example = std::move(ex.text);
        auto trigger = std::move(ex.first);
        m.expected = std::move(ex.second);
        if (const auto hash = trigger.find('#'); hash != std::string::npos) {
          m.nth = static_cast<std::size_t>(std::stoul(trigger.substr(hash + 1)));
          trigger.resize(hash);
        }
        m.trigger = std::move(trigger);
      }
      t.modifiers.push_back(std::move(m));
    }
  }
  for (const auto& c : t.causal) t.first_words.insert(c.words.front());
  for (const auto& sgn : t.signals) t.first_words.insert(sgn.words.front());
  return t;
}

namespace {

/// The trained pair models (pair_model.hpp) and how sure they must be to add a link.
struct pair_models {
  pair_model order;  ///< MATRES start-point order, matres_pairs.model
  double order_margin = 0;
  tlink_models tlinks;  ///< TempEval-3 TLINKs per kind of pair, tlink_<kind>.model
  pair_model causal;    ///< causal pairs of one sentence, causal_pairs.model
  double causal_margin = 0;
};

class default_linker final : public linker {
 public:
  default_linker(std::shared_ptr<const events::lexicon> lex, linker_tables tables,
                 std::shared_ptr<const pair_models> models = nullptr)
      : lex_(std::move(lex)), tables_(std::move(tables)), models_(std::move(models)) {
    // Cues and event signals by first word, in table order (longest first).
    for (std::size_t k = 0; k < tables_.signals.size(); ++k)
      if (tables_.signals[k].scope != "time") starting_with_[tables_.signals[k].words.front()].signals.push_back(k);
    for (std::size_t k = 0; k < tables_.causal.size(); ++k)
      starting_with_[tables_.causal[k].words.front()].cues.push_back(k);
    // The ambiguous cues ("by"): their links stand only where the causal model agrees.
    checked_cues_ = checked_causal_rules(tables_);
  }

  std::vector<link_type> link_events(const text::annotated_document& doc, const std::vector<timex::mention>& times,
                         std::vector<event_mention>& evs, std::vector<diagnostic>& diagnostics) const override {
    return link_described(doc, lex_->describe(doc), times, evs, diagnostics);
  }

  const events::lexicon* word_lexicon() const noexcept override { return lex_.get(); }

  std::vector<link_type> link_described(const text::annotated_document& doc, const std::vector<word>& words,
                                        const std::vector<timex::mention>& times, std::vector<event_mention>& evs,
                                        std::vector<diagnostic>& diagnostics) const override {
    doc_state st{doc, words, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}};
    auto out = run_rules(st, times, evs, diagnostics);
    if (models_) {
      const pair_context ctx(doc, evs, times, &st.words);
      // Causal links of ambiguous cues that the causal model confirms, and those it adds.
      out = apply_causal_model(models_->causal, ctx, std::move(out), checked_cues_, models_->causal_margin);
      // Event-event order the rules leave open, from the MATRES model (same or adjacent sentence).
      auto more = model_order_links(models_->order, ctx, out, models_->order_margin);
      out.insert(out.end(), std::make_move_iterator(more.begin()), std::make_move_iterator(more.end()));
      // TempEval-3's kinds of pairs that are still unrelated, from the TLINK models. An event
      // noun introduced by an ordering signal (BEFORE or AFTER in temporal_signals.tsv) is not
      // linked to the times before the signal, as the anchoring has it: "spoke on Jan. 17, prior
      // to the inauguration" dates the call, and the signal orders the inauguration after it
      // (the model put it inside Jan. 17). Not "during" or "while", whose event overlaps the
      // clause's time ("prices fell on Monday during the talks"). Nor the topic of what the
      // clause tells ("spoke on Jan. 17 about the inauguration": `topic_start`).
      std::vector<std::size_t> time_floor(evs.size(), 0);
      for (std::size_t e = 0; e < evs.size(); ++e) {
        const temporal_signal* sig = nullptr;
        const auto w = st.event_word[e];
        if (const auto at = event_signal_start(st, evs, e, &sig);
            at < w && sig && (sig->rel == relation::before || sig->rel == relation::after))
          time_floor[e] = st.words[at].token;
        else if (const auto topic = topic_start(st, evs, e); topic < w)
          time_floor[e] = st.words[topic].token;
      }
      more = model_tlinks(models_->tlinks, ctx, out, &time_floor);
      out.insert(out.end(), std::make_move_iterator(more.begin()), std::make_move_iterator(more.end()));
    }
    unanchor_reported(st, times, evs, out);
    // A measured distance from a dated event dates the other one (after the models: dates are
    // features of theirs).
    measure_dates(st, times, evs, out);
    // Deduplicate (from, to, relation), keeping the first (best-supported) one.
    std::vector<std::size_t> by_key(out.size());
    for (std::size_t k = 0; k < by_key.size(); ++k) by_key[k] = k;
    std::sort(by_key.begin(), by_key.end(), [&](std::size_t x, std::size_t y) {
      const auto& a = out[x];
      const auto& b = out[y];
      if (const int c = a.from.compare(b.from)) return c < 0;
      if (const int c = a.to.compare(b.to)) return c < 0;
      if (a.rel != b.rel) return a.rel < b.rel;
      return x < y;
    });
    std::vector<char> keep(out.size(), 0);
    for (std::size_t k = 0; k < by_key.size(); ++k) {
      const auto& l = out[by_key[k]];
      const bool repeat = k > 0 && out[by_key[k - 1]].from == l.from && out[by_key[k - 1]].to == l.to &&
                          out[by_key[k - 1]].rel == l.rel;
      keep[by_key[k]] = !repeat && l.from != l.to;
    }
    std::vector<link_type> unique;
    unique.reserve(out.size());
    for (std::size_t k = 0; k < out.size(); ++k)
      if (keep[k]) unique.push_back(std::move(out[k]));
    // Contradicting links dropped (with a diagnostic); undated events bounded by the closure.
    // Reported "would" is planned before the check, so that the plan holds against weak links.
    mark_reported_futures(st, evs);
    mark_planned_events(st, evs);
    reason_document(doc, times, evs, unique, diagnostics);
    return unique;
  }

  /// "Trump said Bessent, Lutnick and Greer would represent the U.S. side at the next meeting":
  /// in reported speech "would" is the reported "will" ("will represent the U.S. side"), a plan
  /// like it. A positive verb with modality "would" (not "would have": what did not happen) that
  /// is the clausal complement of a past reporting verb is planned (`is_future`), so merging takes
  /// it for the plan other articles tell with "will". After the links and the models (not a
  /// feature of theirs), before the consistency check, which holds the plan against weak links
  /// (reasoning.hpp); TimeML's "would" stays modal, tense NONE.
  void mark_reported_futures(const doc_state& st, std::vector<event_mention>& evs) const {
    for (std::size_t e = 0; e < evs.size(); ++e) {
      auto& ev = evs[e];
      const auto w = st.event_word[e];
      if (ev.pos != upos::verb || ev.modality != "would" || ev.pol != events::polarity::pos ||
          ev.asp != events::aspect::none || !ev.when_value.empty() || w >= st.words.size())
        continue;
      if (st.doc.tokens[st.words[w].token].deprel != "ccomp") continue;
      const auto h = head_word(st, w);
      if (!h || st.event_at[*h] < 0) continue;
      const auto& v = evs[static_cast<std::size_t>(st.event_at[*h])];
      if (v.cls == event_class::reporting && v.tns == events::tense::past && v.pol == events::polarity::pos)
        ev.is_future = true;
    }
  }

  /// "More trade talks are coming", "talks are coming up": the present progressive of "come"
  /// with an event noun as its subject and nothing else it goes to ("are coming to an end",
  /// "coming from Beijing", "coming back") tells that event is still to come. The noun is planned
  /// and the coming is that event's arrival, another mention of it (`mention_of`), planned with it.
  void mark_planned_events(const doc_state& st, std::vector<event_mention>& evs) const {
    for (std::size_t e = 0; e < evs.size(); ++e) {
      auto& ev = evs[e];
      const auto w = st.event_word[e];
      if (ev.pos != upos::verb || ev.lemma != "come" || ev.tns != events::tense::present ||
          ev.asp != events::aspect::progressive || ev.pol != events::polarity::pos || !ev.when_value.empty() ||
          !ev.mention_of.empty() || w >= st.words.size())
        continue;
      const auto& sent = st.doc.sentences[st.words[w].sentence];
      const auto self = static_cast<int>(st.words[w].token - sent.first_token);
      std::optional<std::size_t> subject;
      bool other = false;
      for (std::size_t t = sent.first_token; t < sent.end_token; ++t) {
        const auto& tok = st.doc.tokens[t];
        if (tok.head != self) continue;
        const std::string_view rel = tok.deprel;
        if (rel == "nsubj") subject = t;
        else if (rel == "compound:prt" ? tok.lemma != "up" : !(rel == "aux" || rel == "advmod" || rel == "punct" ||
                                                               rel == "cc" || rel == "mark" || rel == "conj"))
          other = true;
      }
      if (!subject || other) continue;
      // The subject's word (words and tokens are in the same order).
      const auto d = static_cast<std::ptrdiff_t>(*subject) - static_cast<std::ptrdiff_t>(st.words[w].token);
      const auto g = static_cast<std::ptrdiff_t>(w) + d;
      if (g < 0 || static_cast<std::size_t>(g) >= st.words.size() || st.words[g].token != *subject) continue;
      const int n = st.event_at[static_cast<std::size_t>(g)];
      if (n < 0) continue;
      auto& noun = evs[static_cast<std::size_t>(n)];
      if (noun.pos != upos::noun || noun.pol != events::polarity::pos || !noun.when_value.empty()) continue;
      noun.is_future = true;
      ev.is_future = true;
      ev.mention_of = noun.id;
    }
    // A noun that takes "will" (has_will) or that a verb not in the past prepares (way_paved_for)
    // is planned too; like the reported "would", after the models (not a feature of theirs).
    for (std::size_t e = 0; e < evs.size(); ++e) {
      auto& ev = evs[e];
      const auto w = st.event_word[e];
      if (ev.pos == upos::noun && ev.pol == events::polarity::pos && ev.when_value.empty() && w < st.words.size() &&
          (has_will(st, w) || way_paved_for(st, evs, w)))
        ev.is_future = true;
    }
  }

  /// "(to) pave the way for trade talks", "clears the way for a deal", "will set the stage for
  /// talks", "lay the groundwork for a summit": what is prepared is still to come, when the
  /// preparing is not told in the past ("paved the way for the talks" may tell talks held since).
  static bool way_paved_for(const doc_state& st, const std::vector<event_mention>& evs, std::size_t w) {
    static constexpr std::pair<std::string_view, std::string_view> idioms[] = {
        {"pave", "way"}, {"clear", "way"}, {"open", "way"}, {"set", "stage"}, {"lay", "groundwork"}};
    const auto& sent = st.doc.sentences[st.words[w].sentence];
    const auto& tok = st.doc.tokens[st.words[w].token];
    if (tok.deprel != "nmod" && tok.deprel != "obl") return false;
    bool for_case = false;
    const auto self = static_cast<int>(st.words[w].token - sent.first_token);
    for (std::size_t t = sent.first_token; t < sent.end_token; ++t)
      if (st.doc.tokens[t].head == self && st.doc.tokens[t].deprel == "case" && st.doc.tokens[t].lemma == "for")
        for_case = true;
    if (!for_case) return false;
    // "for" hangs on the noun ("the way for talks", nmod) or on the verb ("paves the way for", obl).
    auto h = head_word(st, w);
    if (!h) return false;
    std::string_view noun;
    if (st.doc.tokens[st.words[*h].token].deprel == "obj") {
      noun = st.words[*h].lemma;
      h = head_word(st, *h);
      if (!h) return false;
    } else {
      for (std::size_t t = sent.first_token; t < sent.end_token; ++t)
        if (st.doc.tokens[t].head == static_cast<int>(st.words[*h].token - sent.first_token) &&
            st.doc.tokens[t].deprel == "obj")
          noun = st.doc.tokens[t].lemma;
    }
    const int v = st.event_at[*h];
    if (v < 0) return false;
    const auto& verb = evs[static_cast<std::size_t>(v)];
    if (verb.pos != upos::verb || verb.pol != events::polarity::pos || verb.tns == events::tense::past ||
        verb.asp == events::aspect::perfective || !verb.when_value.empty())
      return false;
    for (const auto& [l, n] : idioms)
      if (verb.lemma == l && noun == n) return true;
    return false;
  }

  /// The rule links, with the events anchored (before any model and the consistency check).
  std::vector<link_type> rule_links(const text::annotated_document& doc, const std::vector<timex::mention>& times,
                                    std::vector<event_mention>& evs, std::vector<diagnostic>& diagnostics) const {
    const auto words = lex_->describe(doc);
    doc_state st{doc, words, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}};
    return run_rules(st, times, evs, diagnostics);
  }

 private:
  std::vector<link_type> run_rules(doc_state& st, const std::vector<timex::mention>& times,
                                   std::vector<event_mention>& evs, std::vector<diagnostic>& diagnostics) const {
    const auto& doc = st.doc;
    index(st, times, evs);
    st.signals_at.assign(st.words.size(), nullptr);
    st.cues_at.assign(st.words.size(), nullptr);
    for (std::size_t w = 0; w < st.words.size(); ++w) {
      const auto it = starting_with_.find(st.words[w].lower);
      if (it == starting_with_.end()) continue;
      if (!it->second.signals.empty()) st.signals_at[w] = &it->second.signals;
      if (!it->second.cues.empty()) st.cues_at[w] = &it->second.cues;
    }
    std::vector<link_type> out;
    mark_headlines(st);
    mark_presupposed(st, evs);
    anchor_events(st, times, evs, out);
    mark_planned_arguments(st, evs);
    infer_dates(st, evs);
    date_by_agent(st, evs, out);
    date_agreed_actions(st, evs, out);
    anchor_reporting_to_dct(doc, evs);
    causal_links(st, evs, out, diagnostics);
    share_gapped_changes(st, evs, out);
    st.undated_salience.resize(evs.size());
    for (std::size_t e = 0; e < evs.size(); ++e) st.undated_salience[e] = evs[e].salience;
    // Dated events are what a timeline is made of: salience rises once an event has a date.
    for (auto& ev : evs) {
      if (ev.when_anchor.empty() || ev.when_anchor == "dct") continue;
      // A plain verb of unremarkable weight ("stocks opened", "he felt") gains less from a date
      // than the events a story is made of.
      const bool plain_verb = ev.pos == upos::verb && ev.salience < 0.3;
      ev.salience = std::min(1.0, ev.salience + (ev.when_anchor == "inferred" ? 0.15 : plain_verb ? 0.2 : 0.25));
    }
    // A statement the news dates to an earlier day of its own ("Trump posted Wednesday", "posted
    // last week" in Thursday's paper) is an event of the story, not the article's attribution.
    if (doc.doc.dct) {
      const auto today = days_of(doc.doc.dct->iso().substr(0, 10));
      for (auto& ev : evs) {
        if (ev.cls != event_class::reporting || ev.when_anchor.empty() || ev.when_anchor == "dct" ||
            ev.when_anchor == "inferred" || ev.subject_count == 0 || ev.pol != events::polarity::pos)
          continue;
        const auto days = days_of(ev.when_value);
        const auto g = grain_of(ev.when_value);
        if (today && days && g && *g <= 1 && days->end <= today->begin) ev.salience = std::max(ev.salience, 0.55);
      }
    }
    dct_links(doc, evs, out);
    if (doc.doc.dct)
      for (auto& ev : evs)
        if (ev.is_future && ev.when_value.empty() && ev.when_not_before.empty())
          ev.when_not_before = doc.doc.dct->iso().substr(0, 10);
    signal_links(st, evs, out);
    const auto readings = measure_readings(st, times, evs);
    measure_links(st, times, evs, readings, out);
    measure_span_links(times, evs, readings, out);
    governed_links(st, evs, out);
    date_order_links(evs, out);
    return out;
  }

 private:
  std::shared_ptr<const events::lexicon> lex_;
  linker_tables tables_;
  std::shared_ptr<const pair_models> models_;  ///< null: rules only (make_linker)
  /// Event signals and causal cues by their first word (indices into the tables, longest first).
  struct first_word_entries {
    std::vector<std::size_t> signals, cues;
  };
  std::unordered_map<std::string, first_word_entries> starting_with_;
  std::vector<std::string> checked_cues_;  ///< rules of the cues the causal model must confirm

  static void index(doc_state& st, const std::vector<timex::mention>& times, const std::vector<event_mention>& evs) {
    const auto n = st.words.size();
    st.sent_begin.assign(st.doc.sentences.size(), 0);
    st.sent_end.assign(st.doc.sentences.size(), 0);
    std::vector<bool> seen(st.doc.sentences.size(), false);
    for (std::size_t w = 0; w < n; ++w) {
      const auto s = st.words[w].sentence;
      if (!seen[s]) st.sent_begin[s] = w, seen[s] = true;
      st.sent_end[s] = w + 1;
    }
    st.timex_at.assign(n, -1);
    st.timex_first.assign(times.size(), n);
    st.timex_last.assign(times.size(), n);
    {
      // Words and times are both in text order: one sweep over the times sorted by start.
      std::vector<std::size_t> order(times.size());
      for (std::size_t k = 0; k < order.size(); ++k) order[k] = k;
      std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return times[a].span < times[b].span; });
      std::size_t next = 0;
      for (std::size_t w = 0; w < n; ++w) {
        const auto& span = st.doc.tokens[st.words[w].token].span;
        while (next < order.size() && times[order[next]].span.end <= span.begin) ++next;
        for (std::size_t j = next; j < order.size() && times[order[j]].span.begin < span.end; ++j) {
          const auto k = order[j];
          if (!times[k].span.overlaps(span)) continue;
          st.timex_at[w] = static_cast<int>(k);
          if (st.timex_first[k] == n) st.timex_first[k] = w;
          st.timex_last[k] = w;
          break;
        }
      }
    }
    st.times_in.assign(st.sent_begin.size(), {});
    for (std::size_t k = 0; k < times.size(); ++k)
      if (st.timex_first[k] < n) st.times_in[st.words[st.timex_first[k]].sentence].push_back(k);
    st.event_at.assign(n, -1);
    st.event_word.assign(evs.size(), n);
    for (std::size_t e = 0; e < evs.size(); ++e) {
      // Binary search over token spans (tokens are in text order).
      std::size_t lo = 0, hi = n;
      while (lo < hi) {
        const auto mid = (lo + hi) / 2;
        if (st.doc.tokens[st.words[mid].token].span.end <= evs[e].span.begin) lo = mid + 1;
        else hi = mid;
      }
      if (lo < n && st.doc.tokens[st.words[lo].token].span.begin <= evs[e].span.begin) {
        st.event_word[e] = lo;
        st.event_at[lo] = static_cast<int>(e);
      }
    }
  }

  /// Longest signal whose words end right before word `at` (skipping one determiner).
  const temporal_signal* signal_before(const doc_state& st, std::size_t at, std::size_t sent_b,
                                       std::size_t& signal_first) const {
    for (int skip = 0; skip <= 1; ++skip) {
      std::size_t end = at;
      if (skip) {
        if (end == sent_b || st.words[end - 1].tag != upos::det) break;
        --end;
      }
      for (const auto& s : tables_.signals) {
        const auto n = s.words.size();
        if (end < sent_b + n) continue;
        bool match = true;
        for (std::size_t k = 0; k < n && match; ++k) match = st.words[end - n + k].lower == s.words[k];
        if (match) {
          signal_first = end - n;
          return &s;
        }
      }
    }
    return nullptr;
  }

  /// For an event noun introduced by an event signal (scope "event" or "both" in
  /// temporal_signals.tsv: "spoke on Jan. 17, prior to the president's inauguration"), the word
  /// where the signal starts; else the event's own word. The times before it date the clause the
  /// signal relates the noun to, not the noun.
  std::size_t event_signal_start(const doc_state& st, const std::vector<event_mention>& evs, std::size_t e,
                                 const temporal_signal** which = nullptr) const {
    const auto w = st.event_word[e];
    if (w >= st.words.size() || evs[e].pos != upos::noun) return w;
    const auto np_first = noun_phrase_start(st, w);
    std::size_t first = np_first;
    if (const auto* sig = signal_before(st, np_first, st.sent_begin[st.words[w].sentence], first); sig && sig->scope != "time") {
      if (which) *which = sig;
      return first;
    }
    return w;
  }

  /// Prepositions that make the event noun after them the topic of what its clause tells ("spoke
  /// on Jan. 17 about the inauguration", "asked Thursday about the violations"): the clause's time
  /// is the telling's, not the topic's.
  static constexpr std::string_view topic_prepositions[] = {"about", "concerning", "regarding"};

  /// For an event noun that a word of `topic_prepositions` introduces, that word; else the
  /// event's own word. The times before it date the telling, not the noun.
  static std::size_t topic_start(const doc_state& st, const std::vector<event_mention>& evs, std::size_t e) {
    const auto w = st.event_word[e];
    if (w >= st.words.size() || evs[e].pos != upos::noun) return w;
    const auto np_first = noun_phrase_start(st, w);
    if (np_first > st.sent_begin[st.words[w].sentence] &&
        std::find(std::begin(topic_prepositions), std::end(topic_prepositions), st.words[np_first - 1].lower) !=
            std::end(topic_prepositions))
      return np_first - 1;
    return w;
  }

  /// A duration right before an ordering signal (BEFORE/AFTER rows of temporal_signals.tsv)
  /// measures the distance between the event the signal introduces and the event of the clause:
  /// "It came just one day after the president lamented ...", "Two days after the vote, the
  /// minister resigned", "The attack came three weeks before the election". `first` rel `second`.
  struct measure_reading {
    std::size_t time = 0;    ///< the DURATION
    std::size_t first = 0;   ///< the clause's event (by the parse, else the nearest verb before the
                             ///< measure, else the main verb after the introduced clause)
    std::size_t second = 0;  ///< the event the signal introduces (within six words, before a clause
                             ///< boundary; a time inside its phrase passed over: "the May 12 vote")
    relation rel = relation::after;
    const temporal_signal* sig = nullptr;
  };

  /// "in the days before the slaying", "10 days before the murder", "the day after his death": a
  /// time that measures off the distance to an event noun introduced by an ordering signal
  /// (BEFORE/AFTER in temporal_signals.tsv) right after it lies on the other side of that event:
  /// the event is AFTER it (before) or BEFORE it (after). Only times that end in a unit word (day,
  /// weeks, ...): "in January before the inauguration" or "on Jan. 17, prior to the inauguration"
  /// date the clause and say nothing of where the inauguration lies. The event's date and bounds
  /// are left to the reasoning (the links are not what the TLINK models learn from). Where the
  /// measure spans two events (`measure_span_links`: the noun ENDS or BEGINS the duration), that
  /// link says it, and this one, which would contradict it, is not made.
  void measure_links(const doc_state& st, const std::vector<timex::mention>& times,
                     const std::vector<event_mention>& evs, const std::vector<measure_reading>& readings,
                     std::vector<link_type>& out) const {
    static const std::set<std::string> units{"minute", "minutes", "hour", "hours", "day", "days", "week", "weeks",
                                             "month", "months", "year", "years", "decade", "decades"};
    std::set<std::pair<std::size_t, std::size_t>> spanned;  // (event, time) of measure_span_links
    for (const auto& m : readings) spanned.insert({m.second, m.time});
    for (std::size_t e = 0; e < evs.size(); ++e) {
      const temporal_signal* sig = nullptr;
      const auto w = st.event_word[e];
      const auto at = event_signal_start(st, evs, e, &sig);
      if (at >= w || at == 0 || !sig || (sig->rel != relation::before && sig->rel != relation::after)) continue;
      const int t = st.timex_at[at - 1];
      if (t < 0 || st.timex_last[static_cast<std::size_t>(t)] != at - 1 || !units.count(st.words[at - 1].lower)) continue;
      if (spanned.count({e, static_cast<std::size_t>(t)})) continue;
      link_type l;
      l.from = evs[e].id;
      l.to = times[static_cast<std::size_t>(t)].id;
      l.rel = inverse(sig->rel);
      l.evidence = {times[static_cast<std::size_t>(t)].span.begin, evs[e].span.end};
      l.rule = "anchor.measure:" + join(sig->words);
      l.confidence = 0.6;
      out.push_back(std::move(l));
    }
  }

  /// True when the words [b, p) of a sentence are a time with only adverbs before it ("Two
  /// days", "Just a week"): what may stand before an ordering signal that opens the sentence.
  static bool opens_with_measure(const doc_state& st, std::size_t b, std::size_t p) {
    if (p <= b || st.timex_at[p - 1] < 0) return false;
    for (std::size_t x = b; x < p; ++x)
      if (st.timex_at[x] < 0 && st.words[x].tag != upos::adv) return false;
    return true;
  }

  std::vector<measure_reading> measure_readings(const doc_state& st, const std::vector<timex::mention>& times,
                                                const std::vector<event_mention>& evs) const {
    std::vector<measure_reading> out;
    const auto n = st.words.size();
    for (std::size_t t = 0; t < times.size(); ++t) {
      if (times[t].type != timex::timex_type::duration || st.timex_first[t] >= n) continue;
      // A count of units ("two days", "nearly two months"), not a vague one ("days after a sniper
      // killed": AQUAINT dates the days and puts the clause inside them) nor "at least 72 hours".
      if (!measure_amount(times[t].value) || (!times[t].mod.empty() && times[t].mod != "APPROX")) continue;
      const auto tb = st.timex_first[t], p = st.timex_last[t] + 1;
      const auto s = st.words[tb].sentence;
      const auto b = st.sent_begin[s], e = st.sent_end[s];
      if (p >= e || !st.signals_at[p]) continue;
      const temporal_signal* sig = nullptr;
      for (const auto i : *st.signals_at[p]) {
        const auto& cand = tables_.signals[i];
        if (p + cand.words.size() > e) continue;
        bool match = true;
        for (std::size_t k = 0; k < cand.words.size() && match; ++k) match = st.words[p + k].lower == cand.words[k];
        if (match) {
          sig = &cand;
          break;
        }
      }
      if (!sig || sig->scope == "time" || (sig->rel != relation::before && sig->rel != relation::after)) continue;
      // "spotted in the weeks before the shooting", "within two days after the vote": a period the
      // clause's event lies in (AQUAINT: the weeks INCLUDE spotted), not the distance between the two.
      {
        std::size_t x = tb;
        if (x > b && st.words[x - 1].tag == upos::det) --x;
        static const std::set<std::string> containers{"in", "within", "during", "over", "for", "throughout"};
        if (x > b && containers.count(st.words[x - 1].lower)) continue;
      }
      const auto after_sig = p + sig->words.size();
      std::optional<std::size_t> second, first;
      // A time inside the introduced noun phrase is passed over ("after the May 12 vote"), not one
      // right after the signal ("after May 12": the anchoring's) nor past a clause boundary.
      if (after_sig < e && st.timex_at[after_sig] >= 0) continue;
      for (std::size_t x = after_sig; x < e && x < after_sig + 6; ++x) {
        if (st.words[x].is_boundary) break;
        if (st.timex_at[x] >= 0) continue;
        if (st.event_at[x] >= 0) {
          second = static_cast<std::size_t>(st.event_at[x]);
          break;
        }
      }
      if (!second) continue;
      // The clause's event by the parse: the verb the introduced event depends on ("attended a
      // service for the physician who performed abortions, one year after he was killed": killed
      // is attended's adverbial clause), else the verb the measure depends on ("Two days after
      // the vote, the minister resigned"), else the nearest verb before the measure.
      const auto verb_event = [&](std::optional<std::size_t> x) -> std::optional<std::size_t> {
        if (!x || st.words[*x].sentence != s || st.event_at[*x] < 0) return std::nullopt;
        const auto ev = static_cast<std::size_t>(st.event_at[*x]);
        if (evs[ev].pos != upos::verb || ev == *second) return std::nullopt;
        return ev;
      };
      first = verb_event(head_word(st, st.event_word[*second]));
      if (!first) first = verb_event(head_word(st, p - 1));
      for (std::size_t x = tb; x > b && !first; --x)
        if (const int ev = st.event_at[x - 1]; ev >= 0 && evs[static_cast<std::size_t>(ev)].pos == upos::verb)
          first = static_cast<std::size_t>(ev);
      if (!first && opens_with_measure(st, b, p)) {
        std::size_t x = st.event_word[*second] + 1;
        while (x < e && !st.words[x].is_boundary) ++x;
        for (; x < e && !first; ++x)
          if (st.event_at[x] >= 0 && evs[static_cast<std::size_t>(st.event_at[x])].pos == upos::verb)
            first = static_cast<std::size_t>(st.event_at[x]);
      }
      if (!first || *first == *second) continue;
      out.push_back({t, *first, *second, sig->rel, sig});
    }
    return out;
  }

  /// The measure spans the time between the two events, as TimeML annotates it ("nearly two
  /// months after his team was blocked": blocked BEGINS the duration, resumed ENDS it): the
  /// earlier event BEGINS the duration and the later one ENDS it (`measure.span:<signal>`).
  /// Durations are no places on the time line: the reasoning does not check these links.
  void measure_span_links(const std::vector<timex::mention>& times, const std::vector<event_mention>& evs,
                          const std::vector<measure_reading>& readings, std::vector<link_type>& out) const {
    for (const auto& m : readings) {
      const auto earlier = m.rel == relation::after ? m.second : m.first;
      const auto later = m.rel == relation::after ? m.first : m.second;
      for (const auto& [e, r] : {std::pair{earlier, relation::begins}, std::pair{later, relation::ends}}) {
        link_type l;
        l.from = evs[e].id;
        l.to = times[m.time].id;
        l.rel = r;
        l.evidence = {std::min(times[m.time].span.begin, evs[m.first].span.begin),
                      std::max(evs[m.second].span.end, evs[m.first].span.end)};
        l.rule = "measure.span:" + join(m.sig->words);
        l.confidence = 0.6;
        out.push_back(std::move(l));
      }
    }
  }

  /// "P1D", "P3W", "P2M", "P1Y": a count of days, weeks, months or years (not "PXD", "PT5H").
  static std::optional<std::pair<int, char>> measure_amount(std::string_view v) {
    if (v.size() < 3 || v[0] != 'P') return std::nullopt;
    int count = 0;
    std::size_t k = 1;
    for (; k < v.size() && std::isdigit(static_cast<unsigned char>(v[k])) && count < 10000; ++k) count = count * 10 + (v[k] - '0');
    if (k == 1 || k + 1 != v.size() || count == 0) return std::nullopt;
    const char unit = v[k];
    if (unit != 'D' && unit != 'W' && unit != 'M' && unit != 'Y') return std::nullopt;
    return std::pair{count, unit};
  }

  /// `value` moved by `count` units: days and weeks from a day give a day, months from a day or
  /// a month give a month, years give a year; nothing where the value is too coarse for the unit
  /// ("two days after the May vote").
  static std::optional<std::string> shifted_value(std::string_view value, int count, char unit) {
    const auto days = days_of(value);
    const auto g = grain_of(value);
    if (!days || !g) return std::nullopt;
    const date::year_month_day ymd{days->begin};
    char buf[16];
    switch (unit) {
      case 'D':
      case 'W':
        if (*g != 0) return std::nullopt;
        return iso_day(days->begin + date::days{count * (unit == 'W' ? 7 : 1)});
      case 'M': {
        if (*g != 0 && *g != 2) return std::nullopt;
        const auto ym = date::year_month{ymd.year(), ymd.month()} + date::months{count};
        std::snprintf(buf, sizeof buf, "%04d-%02u", static_cast<int>(ym.year()), static_cast<unsigned>(ym.month()));
        return std::string(buf);
      }
      case 'Y':
        std::snprintf(buf, sizeof buf, "%04d", static_cast<int>(ymd.year()) + count);
        return std::string(buf);
      default: return std::nullopt;
    }
  }

  /// "Thursday's call marked the latest turn ... It came just one day after ...": the subject
  /// "it", "this" or "that" of come, happen, follow, arrive, occur or take place is the event
  /// noun that is the subject of the previous sentence's main verb; nothing else is resolved.
  std::optional<std::size_t> event_pronoun_referent(const doc_state& st, const std::vector<event_mention>& evs,
                                                    std::size_t e) const {
    static const std::set<std::string> verbs{"come", "happen", "follow", "arrive", "occur"};
    const auto& v = evs[e];
    const auto w = st.event_word[e];
    if (v.pos != upos::verb || w >= st.words.size()) return std::nullopt;
    const bool take_place = v.lemma == "take" && w + 1 < st.words.size() && st.words[w + 1].lower == "place";
    if (!verbs.count(v.lemma) && !take_place) return std::nullopt;
    const auto s = st.words[w].sentence;
    if (s == 0 || st.headline[s - 1]) return std::nullopt;
    std::optional<std::size_t> subject;
    for (std::size_t x = st.sent_begin[s]; x < w && !subject; ++x)
      if (st.doc.tokens[st.words[x].token].deprel == "nsubj" && head_word(st, x) == w) subject = x;
    if (!subject) return std::nullopt;
    const auto& pro = st.words[*subject].lower;
    if (pro != "it" && pro != "this" && pro != "that") return std::nullopt;
    for (std::size_t x = st.sent_begin[s - 1]; x < st.sent_end[s - 1]; ++x) {
      if (st.event_at[x] < 0 || st.words[x].tag != upos::noun ||
          st.doc.tokens[st.words[x].token].deprel.rfind("nsubj", 0) != 0)
        continue;
      const auto h = head_word(st, x);
      if (h && st.doc.tokens[st.words[*h].token].deprel == "root") return static_cast<std::size_t>(st.event_at[x]);
    }
    return std::nullopt;
  }

  /// A measured distance from a dated event dates the other event when it has no date of its
  /// own: "Thursday's call ... It came just one day after the U.S. president lamented": lamented
  /// = the call's day - 1 day. The date is the other's moved by the measure (shifted_value), anchor
  /// "inferred", within the event's own bounds; a `measure.date:<signal>` link from the dated
  /// event to the other carries it (confidence 0.65: below the order the signal alone gives, 0.7,
  /// which it refines; above the tense links; 0.55 when the clause's event is an event pronoun's
  /// referent). The reasoning puts the date in where that link goes and drops it, with the link
  /// or alone, where it contradicts what is kept before it (reasoning.cpp). Runs after the
  /// models (dates are features of theirs).
  void measure_dates(const doc_state& st, const std::vector<timex::mention>& times, std::vector<event_mention>& evs,
                     std::vector<link_type>& out) const {
    for (const auto& m : measure_readings(st, times, evs)) {
      const auto amount = measure_amount(times[m.time].value);
      if (!amount || !times[m.time].mod.empty()) continue;
      std::size_t a = m.first;
      const auto referent = event_pronoun_referent(st, evs, m.first);
      if (referent) a = *referent;
      if (a == m.second) continue;
      const bool a_dated = !evs[a].when_value.empty(), b_dated = !evs[m.second].when_value.empty();
      if (!a_dated && !b_dated && !referent && amount->second != 'M' && amount->second != 'Y') {
        // Neither dated: each takes the other's bounds, moved by the measure ("came" not after
        // the DCT: what came a day after it, not after the day before). Bounds are the linker's
        // weakest word: the reasoning replaces them where the links say otherwise.
        const int days = amount->first * (amount->second == 'W' ? 7 : 1);
        const int to_second = m.rel == relation::after ? -days : days;  // second = first + to_second
        auto& x = evs[a];
        auto& y = evs[m.second];
        if (x.is_future || y.is_future || x.pol != events::polarity::pos || y.pol != events::polarity::pos) continue;
        const auto x_lo = first_day(x.when_not_before), x_hi = last_day(x.when_not_after);
        const auto y_lo = first_day(y.when_not_before), y_hi = last_day(y.when_not_after);
        const auto tighten = [](event_mention& ev, std::optional<date::sys_days> lo, std::optional<date::sys_days> hi,
                                int shift) {
          auto new_lo = first_day(ev.when_not_before), new_hi = last_day(ev.when_not_after);
          if (lo && (!new_lo || *lo + date::days{shift} > *new_lo)) new_lo = *lo + date::days{shift};
          if (hi && (!new_hi || *hi + date::days{shift} < *new_hi)) new_hi = *hi + date::days{shift};
          if (new_lo && new_hi && *new_lo > *new_hi) return;
          if (new_lo) ev.when_not_before = iso_day(*new_lo);
          if (new_hi) ev.when_not_after = iso_day(*new_hi);
        };
        tighten(y, x_lo, x_hi, to_second);
        tighten(x, y_lo, y_hi, -to_second);
        continue;
      }
      if (a_dated == b_dated || (referent && !a_dated)) continue;
      const auto measured = a_dated ? m.second : a, source = a_dated ? a : m.second;
      auto& ev = evs[measured];
      const auto& from = evs[source];
      if (ev.is_future || from.is_future || ev.pol != events::polarity::pos || from.pol != events::polarity::pos) continue;
      const int sign = (m.rel == relation::after) == a_dated ? -1 : 1;
      const auto value = shifted_value(from.when_value, sign * amount->first, amount->second);
      if (!value) continue;
      // Within what the linker already says of the event (a signal's time, the tense), and, for
      // what is not planned, not after the day of writing ("observed at 6 a.m. ten days before
      // the murder", with "6 a.m." read as the DCT's day, would put the murder in the future).
      const auto d = days_of(*value);
      if (!d) continue;
      if (const auto lo = first_day(ev.when_not_before); lo && d->end <= *lo) continue;
      if (const auto hi = last_day(ev.when_not_after); hi && d->begin > *hi) continue;
      if (st.doc.doc.dct)
        if (const auto today = days_of(st.doc.doc.dct->iso().substr(0, 10)); today && d->begin >= today->end) continue;
      // As sure as the weaker of its two premises: the reading of the measure and the signal
      // (0.65, just under the signal's order alone; 0.55 through an event pronoun) and the date
      // it moves (the confidence of the link that anchored it; 0.5 for a date inferred from a
      // reference).
      double confidence = referent ? 0.55 : 0.65;
      double dated_by = 0.5;
      for (const auto& x : out)
        if (x.from == from.id && x.to == from.when_anchor && x.rule.rfind("anchor.", 0) == 0) dated_by = x.confidence;
      confidence = std::min(confidence, dated_by);
      ev.when_value = *value;
      ev.when_anchor = "inferred";
      ev.salience = std::min(1.0, ev.salience + 0.15);
      link_type l;
      l.from = ev.id;
      l.to = from.id;
      l.rel = measured == m.second ? inverse(m.rel) : m.rel;
      l.evidence = {std::min(times[m.time].span.begin, evs[m.first].span.begin),
                    std::max(evs[m.second].span.end, evs[m.first].span.end)};
      l.rule = "measure.date:" + join(m.sig->words);
      l.confidence = confidence;
      // It says the pair's order: the models' guesses for the pair go, and a link of the same
      // key (the signal's) gives way to it, so that the reasoning finds the date's link.
      out.erase(std::remove_if(out.begin(), out.end(),
                               [&](const link_type& x) {
                                 const bool pair = (x.from == l.from && x.to == l.to) || (x.from == l.to && x.to == l.from);
                                 return pair && !is_causal(x.rel) &&
                                        (x.rule.rfind("tlink.", 0) == 0 || x.rule.rfind("order.model", 0) == 0 ||
                                         (x.from == l.from && x.rel == l.rel));
                               }),
                out.end());
      out.push_back(std::move(l));
    }
  }

  void anchor_events(doc_state& st, const std::vector<timex::mention>& times, std::vector<event_mention>& evs,
                     std::vector<link_type>& out) const {
    const auto n = st.words.size();
    st.reported_time.assign(evs.size(), -1);
    for (std::size_t e = 0; e < evs.size(); ++e) {
      const auto w = st.event_word[e];
      if (w >= n) continue;
      const auto s = st.words[w].sentence;
      if (evs[e].pos == upos::noun && looked_ahead(st, w)) {  // "expectations for the trade talks"
        evs[e].is_future = true;
        continue;
      }
      if (evs[e].pos == upos::noun && has_modifier(st, w, tables_.future_modifiers)) {
        // "further talks", "the upcoming meeting": planned, unless "further" or "more" is told
        // as what happened ("leading to 18 months of further tariffs and talks").
        if (!has_modifier(st, w, tables_.more_modifiers) || !told_as_past(st, evs, w)) {
          evs[e].is_future = true;
          continue;
        }
      }
      // An event noun introduced by an event signal ("spoke in January, before the
      // inauguration", "prior to the president's inauguration") is the clause's reference point,
      // not its event: the times before the signal date the clause, not the noun. So do the times
      // before a preposition that makes the noun the clause's topic (`topic_start`: "spoke on
      // Jan. 17 about the inauguration").
      const std::size_t np_first = evs[e].pos == upos::noun ? noun_phrase_start(st, w) : w;
      const std::size_t signal_at = std::min(event_signal_start(st, evs, e), topic_start(st, evs, e));
      double best_cost = 1e9;
      std::size_t best = times.size();
      for (const auto t : st.times_in[s]) {
        const auto type = times[t].type;
        if (type != timex::timex_type::date && type != timex::timex_type::time) continue;
        if (!days_of(times[t].value)) continue;
        const auto tb = st.timex_first[t], te = st.timex_last[t];
        if (signal_at < w && te < signal_at) continue;
        // "The president, who returned to the White House in January, also said ...": a time
        // inside a relative clause dates that clause, not the verb outside it.
        if (in_other_relative_clause(st, tb, w)) continue;
        if (time_of_complement(st, evs, tb, te, w)) continue;
        // "talks before the signing of the deal in January 2020": past an event signal and the
        // event it introduces, a time belongs to that event (not so "stalled after a May 12
        // agreement", where the signal relates the clause to the time itself).
        if (tb > w) {
          bool past_signal = false;
          for (std::size_t x = w + 1; x < tb && !past_signal; ++x) {
            if (!event_signal_at(st, x, tb)) continue;
            for (std::size_t y = x + 1; y < tb && !past_signal; ++y) past_signal = st.event_at[y] >= 0;
          }
          if (past_signal) continue;
        }
        // "follow the May 12 agreement": a time in front of another event noun is that noun's
        // (unless a signal relates the clause to it: "stalled after a May 12 agreement").
        std::size_t sig_first = tb;
        if (te + 1 < n && te >= tb && !signal_before(st, tb, st.sent_begin[s], sig_first)) {
          std::size_t x = te + 1;
          const auto sent_end = st.sent_end[s];
          while (x < sent_end && x < te + 4 && st.event_at[x] < 0 &&
                 (st.words[x].tag == upos::adj || st.words[x].tag == upos::noun || st.words[x].tag == upos::propn ||
                  st.words[x].lower == "'s"))
            ++x;
          if (x < sent_end && x != w && st.event_at[x] >= 0 && evs[static_cast<std::size_t>(st.event_at[x])].pos == upos::noun)
            continue;
          // "to replace the 1953 armistice", "said last month's discovery of a rifle": a time
          // between a determiner and its noun, or with a possessive, modifies that noun, event or
          // not, so not the clause's event.
          const bool premodifier = (tb > st.sent_begin[s] && st.words[tb - 1].tag == upos::det) || st.words[te + 1].lower == "'s";
          const bool event_noun_next = x < sent_end && st.event_at[x] >= 0 &&
                                       evs[static_cast<std::size_t>(st.event_at[x])].pos == upos::noun;
          if (premodifier && x > te + 1 && !event_noun_next && st.event_at[x - 1] < 0 &&
              (st.words[x - 1].tag == upos::noun || st.words[x - 1].tag == upos::propn))
            continue;
        }
        const std::size_t lo = std::min(w, tb), hi = std::max(w, te);
        std::size_t crossings = 0, verbs_between = 0, words_between = 0;
        for (std::size_t x = lo + 1; x < hi; ++x) {
          if (x >= tb && x <= te) continue;
          if (st.words[x].is_boundary) ++crossings;
          if (st.event_at[x] >= 0 && evs[static_cast<std::size_t>(st.event_at[x])].pos == upos::verb) ++verbs_between;
          if (st.words[x].tag != upos::punct && st.words[x].tag != upos::sym) ++words_between;
        }
        const double dist = double(words_between + 1);
        double cost = dist + 7.0 * double(crossings) + 1.5 * double(verbs_between) + (tb < w ? 1.0 : 0.0);
        if (const auto g = grain_of(times[t].value); g && *g >= 4) cost += 3;  // a year is a weak anchor
        // A time right in front of an event noun modifies it: "the May 12 agreement".
        if (te + 1 == w || (te + 2 == w && (st.words[te + 1].lower == "'s"))) cost = 0;
        // ... or inside its noun phrase: "the May 12 Geneva talks", "Thursday's phone call".
        if (evs[e].pos == upos::noun && tb >= np_first && te < w) cost = 0;
        if (cost < best_cost) {
          best_cost = cost;
          best = t;
        }
      }
      if (best == times.size() || best_cost > 12.5) continue;
      const auto tb = st.timex_first[best], te = st.timex_last[best];
      // "said earlier Thursday that Trump had requested the call": the report's time, not the
      // requesting's. Anchored as before (the models' features are the anchoring's), undone after.
      if (best_cost > 0 && reported_by_time(st, evs, tb, te, w)) st.reported_time[e] = static_cast<int>(best);
      std::size_t signal_first = tb;
      const temporal_signal* sig = signal_before(st, tb, st.sent_begin[s], signal_first);
      if (sig && sig->scope == "event") sig = nullptr;
      relation rel = relation::is_included;
      if (sig && best_cost > 0) rel = sig->rel;
      // "a 12.9% increase from 2023": the time compared with; the change comes after it.
      const bool comparison = sig && rel == relation::begun_by && tb > w && lex_->is_change(evs[e].lemma) &&
                              st.words[signal_first].lower == "from";
      if (comparison) rel = relation::after;
      if (rel == relation::during) rel = relation::is_included;  // "for" before a date
      auto& ev = evs[e];
      if (rel == relation::is_included || rel == relation::simultaneous) {
        ev.when_value = times[best].value;
        ev.when_anchor = times[best].id;
      } else if (rel == relation::after || rel == relation::begun_by) {
        ev.when_not_before = times[best].value;
      } else if (rel == relation::before || rel == relation::ended_by) {
        ev.when_not_after = times[best].value;
      }
      link_type l;
      l.from = ev.id;
      l.to = times[best].id;
      l.rel = rel;
      const auto ev_span = st.doc.tokens[st.words[w].token].span;
      const auto ts = st.doc.tokens[st.words[sig && best_cost > 0 ? signal_first : tb].token].span;
      const auto te_span = st.doc.tokens[st.words[te].token].span;
      l.evidence = {std::min(ev_span.begin, ts.begin), std::max(ev_span.end, te_span.end)};
      l.rule = comparison ? "anchor.comparison:from"
               : sig && best_cost > 0 ? "anchor.signal:" + join(sig->words) : "anchor.clause";
      l.confidence = std::clamp(0.9 - 0.03 * best_cost, 0.5, 0.9);
      out.push_back(std::move(l));
    }
    // Durations: "lowered ... for 90 days" -> the event lasts the duration.
    for (std::size_t t = 0; t < times.size(); ++t) {
      if (times[t].type != timex::timex_type::duration || st.timex_first[t] >= n) continue;
      const auto tb = st.timex_first[t];
      const auto s = st.words[tb].sentence;
      std::size_t signal_first = tb;
      const auto* sig = signal_before(st, tb, st.sent_begin[s], signal_first);
      if (!sig || sig->rel != relation::during) continue;
      // The nearest verb event before the signal in the clause.
      for (std::size_t x = signal_first; x > st.sent_begin[s]; --x) {
        if (st.words[x - 1].is_boundary) break;
        const int e = st.event_at[x - 1];
        if (e >= 0 && evs[static_cast<std::size_t>(e)].pos == upos::verb) {
          link_type l;
          l.from = evs[static_cast<std::size_t>(e)].id;
          l.to = times[t].id;
          l.rel = relation::during;
          l.evidence = {st.doc.tokens[st.words[signal_first].token].span.begin, times[t].span.end};
          l.rule = "anchor.duration";
          l.confidence = 0.7;
          out.push_back(std::move(l));
          break;
        }
      }
    }
  }

  /// True when an event signal ("before", "following", "in the wake of") starts at word x and
  /// ends before word `end`.
  bool event_signal_at(const doc_state& st, std::size_t x, std::size_t end) const {
    if (!st.signals_at[x]) return false;
    for (const auto i : *st.signals_at[x]) {
      const auto& sig = tables_.signals[i];
      if (x + sig.words.size() > end) continue;
      bool match = true;
      for (std::size_t k = 0; k < sig.words.size() && match; ++k) match = st.words[x + k].lower == sig.words[k];
      if (match) return true;
    }
    return false;
  }

  /// The first word of the noun phrase that ends with the noun at w: determiners, possessors,
  /// adjectives, nouns, names, numbers, times, quotes and hyphens in front of it (at most six).
  static std::size_t noun_phrase_start(const doc_state& st, std::size_t w) {
    const auto b = st.sent_begin[st.words[w].sentence];
    std::size_t x = w;
    while (x > b && w - x < 6) {
      const auto& p = st.words[x - 1];
      const auto& form = st.doc.tokens[p.token].form;
      if (p.tag == upos::det || p.tag == upos::adj || p.tag == upos::noun || p.tag == upos::propn ||
          p.tag == upos::num || st.timex_at[x - 1] >= 0 || p.lower == "'s" || p.lower == "his" || p.lower == "her" ||
          p.lower == "their" || p.lower == "its" || p.lower == "our" || form == "-" || is_quote_form(form) ||
          (p.tag == upos::part && p.lower == "'s"))
        --x;
      else
        break;
    }
    return x;
  }

  /// True when the nearest verb event before word w in its sentence tells what happened: past or
  /// present perfect, not an intention or a modal ("agreed to further talks" is a plan; "led to
  /// further talks", "has imposed additional restrictions" are not).
  static bool told_as_past(const doc_state& st, const std::vector<event_mention>& evs, std::size_t w) {
    // The noun is the subject of its own verb ("he had a call and more trade talks are coming"):
    // that verb tells it, not an earlier one of the sentence.
    if (st.doc.tokens[st.words[w].token].deprel.rfind("nsubj", 0) == 0)
      if (const auto h = head_word(st, w); h && st.event_at[*h] >= 0) {
        const auto& v = evs[static_cast<std::size_t>(st.event_at[*h])];
        if (v.pos == upos::verb)
          return v.modality.empty() && (v.tns == events::tense::past ||
                                        (v.tns == events::tense::present && v.asp == events::aspect::perfective));
      }
    for (std::size_t x = w; x > st.sent_begin[st.words[w].sentence]; --x) {
      const int e = st.event_at[x - 1];
      if (e < 0 || evs[static_cast<std::size_t>(e)].pos != upos::verb) continue;
      const auto& v = evs[static_cast<std::size_t>(e)];
      if (v.cls == event_class::i_action || v.cls == event_class::i_state || !v.modality.empty()) return false;
      if (v.tns == events::tense::past) return true;
      if (v.tns == events::tense::present && v.asp == events::aspect::perfective) return true;
      if (v.tns == events::tense::prespart || v.tns == events::tense::pastpart) continue;  // "leading to": look further
      return false;
    }
    return false;
  }

  /// True when one of the two words before w (inside its noun phrase) is in `words`.
  static bool has_modifier(const doc_state& st, std::size_t w, const std::set<std::string>& words) {
    const auto b = st.sent_begin[st.words[w].sentence];
    for (std::size_t x = w; x > b && w - x < 3; --x) {
      const auto& p = st.words[x - 1];
      if (words.count(p.lower)) return true;
      if (p.tag == upos::verb || p.tag == upos::adp || p.is_boundary) break;
    }
    return false;
  }

  /// True when the noun at w takes "will" with no copula: "US and China will resume trade talks",
  /// where the tagger reads "resume" as a noun and the parse hangs "will" on "talks" -- the verb
  /// misread as a modifier of the noun, planned like "will hold trade talks". A nominal predicate
  /// ("the next step will be talks") is left to the models, and so is "would" (conditional as
  /// often as reported "will").
  static bool has_will(const doc_state& st, std::size_t w) {
    const auto& sent = st.doc.sentences[st.words[w].sentence];
    const auto self = static_cast<int>(st.words[w].token - sent.first_token);
    bool will = false;
    for (std::size_t t = sent.first_token; t < sent.end_token; ++t) {
      const auto& tok = st.doc.tokens[t];
      if (tok.head != self) continue;
      if (tok.deprel == "cop") return false;
      if (tok.deprel != "aux") continue;
      std::string lower(tok.form);
      for (auto& ch : lower) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
      if (lower == "will" || lower == "'ll" || lower == "\u2019ll" || lower == "shall") will = true;
    }
    return will;
  }

  /// True when the noun at w (its phrase: determiner, possessor, modifiers) is what a noun that
  /// looks ahead is about: "expectations for the trade talks", "the prospects of a deal"
  /// (non_anaphoric.tsv kind "ahead", by lemma): an event still to come.
  bool looked_ahead(const doc_state& st, std::size_t w) const {
    const auto b = st.sent_begin[st.words[w].sentence];
    std::size_t x = w;
    while (x > b && w - x < 6) {
      const auto& p = st.words[x - 1];
      if (p.tag != upos::det && p.tag != upos::adj && p.tag != upos::noun && p.tag != upos::propn &&
          p.tag != upos::num && p.lower != "'s" && st.doc.tokens[p.token].xpos != "PRP$" &&
          st.doc.tokens[p.token].form != "-")
        break;
      --x;
    }
    if (x < b + 2 || st.words[x - 1].tag != upos::adp) return false;
    const auto& prep = st.words[x - 1].lower;
    if (prep != "for" && prep != "of" && prep != "on" && prep != "about") return false;
    const auto& head = st.words[x - 2];
    return tables_.ahead_nouns.count(head.lemma) > 0 || tables_.ahead_nouns.count(head.lower) > 0;
  }

  static std::string join(const std::vector<std::string>& ws) {
    std::string out;
    for (const auto& w : ws) out += (out.empty() ? "" : " ") + w;
    return out;
  }

  /// True when both events name who acted and neither's actors appear among the other's, or
  /// both name two participants or more and they share none ("Merz's call with Macron" is not
  /// "Trump held a call with Xi"; one name is often all a mention gives: "his call with Xi").
  static bool participants_contradict(const event_mention& a, const event_mention& b) {
    if (a.actors.size() >= 2 && b.actors.size() >= 2) {
      bool shared = false;
      for (const auto& x : a.actors)
        if (std::find(b.actors.begin(), b.actors.end(), x) != b.actors.end()) shared = true;
      if (!shared) return true;
    }
    if (a.subject_count == 0 || b.subject_count == 0) return false;
    const auto among = [](const event_mention& x, const event_mention& y) {
      for (std::size_t k = 0; k < x.subject_count && k < x.actors.size(); ++k)
        if (std::find(y.actors.begin(), y.actors.end(), x.actors[k]) != y.actors.end()) return true;
      return false;
    };
    return !among(a, b) && !among(b, a);
  }

  /// What the words in front of an event noun say about what it refers to.
  struct noun_reference {
    bool definite = false;       // "the", a possessive ("their", "Trump's"), "this"
    bool demonstrative = false;  // "that", "those": the nearest mention before it
    bool indefinite = false;     // "a", "an"
    bool other = false;          // a contrast or a plan: "previous", "another", "further"
    int ordinal = 0;             // "first" 1, "second" 2, ...
    bool latest = false;         // "latest", "recent"
    std::size_t first = 0;       // the first word of the phrase in front of the noun (the noun if none)
  };

  /// Reads the noun phrase in front of the noun at w (at most six words: determiner, possessor,
  /// adjectives, nouns, names, a participle after an adjective as in "first known call", quotes
  /// and hyphens), up to its determiner or possessor.
  noun_reference reference_of(const doc_state& st, std::size_t w) const {
    noun_reference r;
    r.first = w;
    const auto b = st.sent_begin[st.words[w].sentence];
    for (std::size_t x = w; x > b && w - x < 7; --x) {
      const auto& p = st.words[x - 1];
      const auto& l = p.lower;
      r.first = x - 1;
      if (tables_.non_anaphoric.count(l)) r.other = true;
      if (tables_.ordinal_modifiers.count(l)) r.ordinal = ordinal_number(l);
      if (tables_.latest_modifiers.count(l)) r.latest = true;
      if (l == "a" || l == "an") {
        r.indefinite = true;
        break;
      }
      if (l == "the" || l == "this" || l == "these" || l == "his" || l == "her" || l == "their" || l == "its" ||
          l == "our" || l == "my" || l == "your" || l == "'s" ||
          (l.size() > 2 && l.compare(l.size() - 2, 2, "'s") == 0)) {
        r.definite = true;
        break;
      }
      // "that" and "those" as determiners; the subordinator ("said that talks ...") is not one.
      // Taggers often call the determiner a subordinator: "that" before a singular noun after a
      // comma, a preposition or the sentence start is a determiner too (", that tentative
      // agreement has ..."; not "so that talks could ...", "said that agreement was ...").
      const bool after_break = x - 1 == b || st.words[x - 2].tag == upos::punct || st.words[x - 2].tag == upos::adp;
      const bool singular = st.words[w].xpos == "NN";
      if ((l == "that" || l == "those") && (p.tag == upos::det || (l == "that" && after_break && singular))) {
        r.definite = r.demonstrative = true;
        break;
      }
      if (st.timex_at[x - 1] >= 0) {  // "the May 12 talks", "Thursday's call"
        r.definite = true;
        continue;
      }
      const auto& form = st.doc.tokens[p.token].form;
      const bool participle = p.tag == upos::verb && (p.xpos == "VBN" || p.xpos == "VBG") && x >= b + 2 &&
                              (st.words[x - 2].tag == upos::adj || st.words[x - 2].tag == upos::det ||
                               tables_.ordinal_modifiers.count(st.words[x - 2].lower) > 0);
      if (p.tag == upos::adj || p.tag == upos::noun || p.tag == upos::propn || p.tag == upos::num || participle ||
          form == "-" || is_quote_form(form) || (p.tag == upos::adv && (l == "most" || l == "very")))
        continue;
      r.first = x;  // not part of the phrase
      break;
    }
    return r;
  }

  /// Marks the mentions told as events their writer takes as known (`presupposed`): an event
  /// noun whose phrase is definite (`reference_of`) and names no other or planned instance, and a
  /// verb of a clause of time introduced by "since" or "after" (a marker the parse hangs on it).
  void mark_presupposed(const doc_state& st, std::vector<event_mention>& evs) const {
    for (std::size_t e = 0; e < evs.size(); ++e) {
      const auto w = st.event_word[e];
      if (w >= st.words.size()) continue;
      auto& ev = evs[e];
      if (ev.pos == upos::noun) {
        const auto ref = reference_of(st, w);
        ev.presupposed = ref.definite && !ref.indefinite && !ref.other;
      } else if (ev.pos == upos::verb) {
        ev.presupposed = child_where(st, w, w + 1, [&](const std::string& rel, std::size_t x) {
                           const auto& l = st.words[x].lower;
                           return rel == "mark" && (l == "since" || l == "after");
                         }).has_value();
      }
    }
  }

  /// The event's participants named between the noun's determiner and the noun ("the Nestle
  /// acquisition", "the Geneva talks"; a possessor before "'s" is not read).
  static std::vector<std::string_view> names_in_front(const doc_state& st, const event_mention& ev,
                                                      const noun_reference& ref) {
    std::vector<std::string_view> out;
    if (ref.first >= st.words.size()) return out;
    const auto begin = st.doc.tokens[st.words[ref.first].token].span.begin;
    for (std::size_t k = 0; k < ev.actors.size() && k < ev.actor_spans.size(); ++k)
      if (ev.actor_spans[k].begin >= begin && ev.actor_spans[k].end <= ev.span.begin) out.push_back(ev.actors[k]);
    return out;
  }

  /// 1 for "first", 2 for "second", ...; 1 for other ordinal modifiers ("initial").
  static int ordinal_number(std::string_view l) {
    if (l == "second") return 2;
    if (l == "third") return 3;
    return 1;
  }

  static bool is_quote_form(std::string_view f) {
    return f == "\"" || f == "'" || f == "\xE2\x80\x9C" || f == "\xE2\x80\x9D" || f == "\xE2\x80\x98" ||
           f == "\xE2\x80\x99";
  }

  /// Headlines and subheads: the short lines without final punctuation before the first sentence
  /// of the body (a sentence of eight words or more that ends in ".", "!" or "?"). A headline
  /// names the story's event without a determiner ("Trump says after Xi call ...").
  static void mark_headlines(doc_state& st) {
    const auto sentences = st.sent_begin.size();
    st.headline.assign(sentences, 0);
    for (std::size_t s = 0; s < sentences; ++s) {
      const auto b = st.sent_begin[s], e = st.sent_end[s];
      if (b >= e) continue;
      std::size_t last = e - 1, words = 0;
      for (std::size_t x = b; x < e; ++x)
        if (st.words[x].tag != upos::punct) ++words;
      while (last > b && is_quote_form(st.doc.tokens[st.words[last].token].form)) --last;
      const auto& end = st.doc.tokens[st.words[last].token].form;
      const bool final_punct = end == "." || end == "!" || end == "?";
      if (final_punct && words >= 8) break;  // the body starts
      if (!final_punct && words >= 3 && words <= 30) st.headline[s] = 1;
    }
  }

  /// A noun that is the object or an oblique of a planned verb ("will hold trade talks", "will
  /// represent Trump at the talks", "agreed to hold talks") is planned too; it takes no date by
  /// inference. With a parse the noun's head decides; without one, the verb right before the
  /// noun phrase.
  void mark_planned_arguments(const doc_state& st, std::vector<event_mention>& evs) const {
    // Future ("will hold", "would represent"), or an infinitive an intention governs ("agreed to
    // hold talks"; not "hard to make a deal", which is no plan).
    const auto planned_verb = [&](const event_mention& v, std::size_t verb_word) {
      if (v.pos != upos::verb || v.pol != events::polarity::pos) return false;
      if (v.tns == events::tense::future || v.modality == "will" || v.modality == "would") return true;
      if (v.tns != events::tense::infinitive) return false;
      const auto g = head_word(st, verb_word);
      if (!g || st.event_at[*g] < 0) return false;
      const auto& gov = evs[static_cast<std::size_t>(st.event_at[*g])];
      return gov.cls == event_class::i_action && gov.pol == events::polarity::pos;
    };
    for (std::size_t e = 0; e < evs.size(); ++e) {
      auto& ev = evs[e];
      const auto w = st.event_word[e];
      if (ev.pos != upos::noun || ev.is_future || !ev.when_value.empty() || w >= st.words.size()) continue;
      const auto& tok = st.doc.tokens[st.words[w].token];
      if (tok.head >= 0) {
        const std::string_view dep = std::string_view(tok.deprel).substr(0, tok.deprel.find(':'));
        const auto h = head_word(st, w);
        if (!h || st.event_at[*h] < 0) continue;
        const auto& v = evs[static_cast<std::size_t>(st.event_at[*h])];
        // The object of a verb that brings the event about or resumes it ("will hold talks",
        // "agreed to resume talks"; not "to salvage the negotiations", which exist), or the
        // place one attends ("will represent Trump at the talks").
        const bool brings_about = lex_->is_light_verb(v.lemma) || v.cls == event_class::aspectual;
        bool at = false;
        if (dep == "obl")
          for (std::size_t x = st.sent_begin[st.words[w].sentence]; x < w; ++x)
            if (st.words[x].lower == "at" && head_word(st, x) == w) at = true;
        if (planned_verb(v, *h) && ((dep == "obj" && brings_about) || at)) ev.is_future = true;
        continue;
      }
      const auto b = st.sent_begin[st.words[w].sentence];
      std::size_t x = w;
      while (x > b && w - x < 5 &&
             (st.words[x - 1].tag == upos::det || st.words[x - 1].tag == upos::adj || st.words[x - 1].tag == upos::noun))
        --x;
      if (x > b && st.event_at[x - 1] >= 0) {
        const auto& v = evs[static_cast<std::size_t>(st.event_at[x - 1])];
        if (v.pos == upos::verb && (v.tns == events::tense::future || v.modality == "will")) ev.is_future = true;
      }
    }
  }

  /// Definite, possessive, demonstrative and headline references to an event the document dates
  /// ("the call", "Trump's call with Xi", "that call", "the latest call", "Xi call" in a
  /// headline) are that event: they take its date (anchor "inferred"), so that merging carries
  /// them into one story event.
  /// - Only nouns of frames that refer back (event_frames.tsv), not planned, negated, modal,
  ///   reporting or I_STATE; a contrast ("the previous call", "another call") blocks it.
  /// - The instances: the dated mentions of the frame (dates of a day or a month, not a year)
  ///   whose participants do not contradict the reference's. Nouns vote before verbs, a day counts
  ///   more than a month, ties go to the latest; "latest" takes the latest instance, an ordinal
  ///   ("their first call") only a document's single instance.
  /// - A demonstrative ("that deal") refers to the nearest mention of its frame before it (this
  ///   sentence or the three before): it takes that mention's date or plan, or stays undated.
  /// - A definite reference whose nearest mention of the frame before it is planned ("the upcoming
  ///   meeting ... the meeting") is planned too.
  /// - The indefinite mention that introduces a referenced event ("after concluding a lengthy
  ///   phone call ... The call lasted 90 minutes") is the same event: the nearest mention of the
  ///   frame before a dated reference (this sentence or the two before) takes its date. So does an
  ///   indefinite mention that names two participants or more, all of them among the instance's,
  ///   when the document dates one instance ("Xi held phone talks with Trump").
  void infer_dates(const doc_state& st, std::vector<event_mention>& evs) const {
    // frame -> events anchored to a time; frame -> every event, in text order (keys view the
    // events' frames, which this function does not change)
    std::map<std::string_view, std::vector<std::size_t>> dated, mentions;
    for (std::size_t e = 0; e < evs.size(); ++e) {
      if (lends_date(st, evs, e)) dated[evs[e].frame].push_back(e);
      mentions[evs[e].frame].push_back(e);
    }
    // The mention of the same frame right before event e (within `sentences` sentences), if any.
    const auto previous_mention = [&](std::size_t e, std::size_t sentences) -> std::optional<std::size_t> {
      const auto& list = mentions[evs[e].frame];
      const auto it = std::find(list.begin(), list.end(), e);
      if (it == list.begin()) return std::nullopt;
      const auto p = *(it - 1);
      if (evs[p].sentence + sentences < evs[e].sentence) return std::nullopt;
      return p;
    };
    const auto blocked = [&](const event_mention& ev) {
      return ev.tns == events::tense::future || ev.tns == events::tense::infinitive ||
             ev.tns == events::tense::prespart || !ev.modality.empty() || ev.cls == event_class::reporting ||
             ev.cls == event_class::i_state || ev.pol == events::polarity::neg || ev.is_future;
    };
    const auto usable_date = [&](std::size_t e) {
      if (!lends_date(st, evs, e)) return false;
      const auto g = grain_of(evs[e].when_value);
      return g && *g < 4;  // "this year" says too little to date a mention
    };
    std::vector<char> referenced(evs.size(), 0);  // dated here as a definite or headline reference
    // A year ("the second call this year") says too little: such a reference may still find its
    // instance, and then takes its finer date.
    const auto year_only = [](const event_mention& ev) {
      const auto g = grain_of(ev.when_value);
      return g && *g >= 4 && ev.when_anchor != "dct";
    };
    for (std::size_t e = 0; e < evs.size(); ++e) {
      auto& ev = evs[e];
      if ((!ev.when_value.empty() && !year_only(ev)) || ev.pos != upos::noun) continue;  // a verb names its own event
      if (!refers_back(ev) || blocked(ev)) continue;
      const auto w = st.event_word[e];
      if (w >= st.words.size()) continue;
      const auto ref = reference_of(st, w);
      if (ref.other || ongoing_process(st, evs, e)) continue;
      const bool headline = st.headline[ev.sentence] != 0;
      if (ref.demonstrative && ev.when_value.empty()) {
        const auto p = previous_mention(e, 3);
        if (!p || participants_contradict(ev, evs[*p])) continue;
        if (usable_date(*p)) {
          ev.when_value = evs[*p].when_value;
          ev.when_anchor = "inferred";
        } else if (evs[*p].is_future) {
          ev.is_future = true;
        }
        continue;
      }
      if (!ref.definite && !headline) continue;
      if (headline && follows_modal(st, w)) continue;  // "US and China will resume trade talks"

      if (!headline)
        if (const auto p = previous_mention(e, 2);
            p && evs[*p].is_future && evs[*p].pos == upos::noun && evs[*p].lemma == ev.lemma) {
          ev.is_future = true;  // "the upcoming meeting ... the meeting"
          continue;
        }
      const auto it = dated.find(ev.frame);
      if (it == dated.end()) continue;
      const auto best = choose_instance(ev, it->second, evs, ref, names_in_front(st, ev, ref));
      if (!best) continue;
      if (!ev.when_value.empty()) {  // a year: only a date inside it
        const auto year = days_of(ev.when_value), day = days_of(*best);
        if (!year || !day || day->begin < year->begin || day->end > year->end) continue;
      }
      ev.when_value = *best;
      ev.when_anchor = "inferred";
      referenced[e] = 1;
    }
    // The indefinite mentions that introduce a referenced event, and those that name its
    // participants.
    for (std::size_t e = 0; e < evs.size(); ++e) {
      auto& ev = evs[e];
      if (!ev.when_value.empty() || ev.pos != upos::noun || !refers_back(ev) || blocked(ev)) continue;
      const auto w = st.event_word[e];
      if (w >= st.words.size()) continue;
      const auto ref = reference_of(st, w);
      if (ref.other || ref.ordinal || ref.demonstrative) continue;
      // An occurrence told as one: a core argument of a verb that happened ("concluded a call";
      // not an oblique, "expressing optimism about the prospects for a major deal").
      const auto h = head_word(st, w);
      const auto& rel = st.doc.tokens[st.words[w].token].deprel;
      if (!h || st.event_at[*h] < 0 || evs[static_cast<std::size_t>(st.event_at[*h])].pos != upos::verb ||
          (rel != "obj" && rel != "nsubj" && rel != "nsubj:pass") || governed_by_unreal_verb(st, evs, w))
        continue;
      // The nearest dated reference after it whose previous mention it is.
      for (std::size_t f = e + 1; f < evs.size(); ++f) {
        if (evs[f].frame != ev.frame) continue;
        if (referenced[f] && evs[f].sentence <= ev.sentence + 2 && !participants_contradict(ev, evs[f])) {
          ev.when_value = evs[f].when_value;
          ev.when_anchor = "inferred";
        }
        break;
      }
      if (!ev.when_value.empty() || ev.actors.size() < 2) continue;
      const auto it = dated.find(ev.frame);
      if (it == dated.end()) continue;
      noun_reference single;
      single.ordinal = 1;  // one instance only
      const auto best = choose_instance(ev, it->second, evs, single);
      if (!best) continue;
      bool all_known = true;
      for (const auto& a : ev.actors) {
        bool known = false;
        for (const auto d : it->second)
          if (evs[d].when_value == *best && std::find(evs[d].actors.begin(), evs[d].actors.end(), a) != evs[d].actors.end())
            known = true;
        all_known = all_known && known;
      }
      if (!all_known) continue;
      ev.when_value = *best;
      ev.when_anchor = "inferred";
    }
    // A mention placed where a dated mention of its frame is placed, when the document dates
    // only one such ("the negotiations in Geneva" dated ... "after talks in Geneva").
    std::vector<std::string> place(evs.size());
    for (std::size_t e = 0; e < evs.size(); ++e)
      if (evs[e].pos == upos::noun && st.event_word[e] < st.words.size()) place[e] = place_of(st, st.event_word[e]);
    for (std::size_t e = 0; e < evs.size(); ++e) {
      auto& ev = evs[e];
      if (place[e].empty() || !ev.when_value.empty() || !refers_back(ev) || blocked(ev)) continue;
      const auto ref = reference_of(st, st.event_word[e]);
      if (ref.other || ref.ordinal || ref.demonstrative || ongoing_process(st, evs, e)) continue;
      std::optional<std::string> value;
      bool single = true;
      for (std::size_t d = 0; d < evs.size() && single; ++d) {
        if (d == e || place[d] != place[e] || evs[d].frame != ev.frame || !lends_date(st, evs, d) ||
            participants_contradict(ev, evs[d]))
          continue;
        if (value && *value != evs[d].when_value) single = false;
        value = evs[d].when_value;
        single = single && usable_date(d);  // a year says too little (and is another instance)
      }
      if (!value || !single) continue;
      // Not when the verb it belongs to is dated apart from it ("Negotiations in Geneva on March 3
      // failed" is not the May 12 round).
      if (const auto h = head_word(st, st.event_word[e]); h && st.event_at[*h] >= 0) {
        const auto& gov = evs[static_cast<std::size_t>(st.event_at[*h])];
        const auto a = days_of(gov.when_value), b = days_of(*value);
        if (gov.when_anchor != "dct" && a && b && (a->end < b->begin || b->end < a->begin)) continue;
      }
      ev.when_value = *value;
      ev.when_anchor = "inferred";
    }
  }

  /// True when a definite mention of the event may refer back to one dated occurrence: its frame
  /// does (event_frames.tsv), and so does its own lemma's (the tariffs a change verb changes carry
  /// the change's frame, "down tariff", but "the tariffs" are still a measure, not one event).
  bool refers_back(const event_mention& ev) const {
    return lex_->frame_refers_back(ev.frame) && lex_->frame_refers_back(lex_->frame_of(ev.lemma));
  }

  /// True when event e is a process (talks, negotiations, a call: event_frames.tsv kind
  /// "process") that an action which has not happened acts on: the object (or a non-temporal
  /// oblique) of a modal, future, infinitive or I_STATE verb, directly ("pressure to
  /// salvage the negotiations") or through the noun it modifies ("the call would break the
  /// current stalemate in the two countries' trade talks"). Such a process is the one going on
  /// when that action would happen, not a past round the document dates (the May 12 talks): a
  /// round that is over cannot be salvaged. Bringing one about is planning it ("to hold the
  /// talks": light verbs, left to the plan rules); what it is (the subject: "the call would
  /// break ...") or when something happens relative to it ("will meet after the talks") is not
  /// acting on it. Nor is a negated action: what "wasn't discussed on the call" says is about
  /// the call that happened.
  bool ongoing_process(const doc_state& st, const std::vector<event_mention>& evs, std::size_t e) const {
    if (lex_->frame_kind(evs[e].lemma) != "process") return false;
    std::size_t x = st.event_word[e];
    if (x >= st.words.size()) return false;
    for (int step = 0; step < 3; ++step) {
      const auto h = head_word(st, x);
      if (!h) return false;
      const auto& rel = st.doc.tokens[st.words[x].token].deprel;
      const auto tag = st.words[*h].tag;
      if (tag == upos::noun || tag == upos::propn) {
        if (rel != "nmod") return false;
        x = *h;
        continue;
      }
      if (tag != upos::verb || st.event_at[*h] < 0) return false;
      if (rel == "obl") {
        // "in the talks", not "after the talks": a preposition that is a signal between events
        // (temporal_signals.tsv, scope "event" or "both") places the action in time.
        for (std::size_t c = st.sent_begin[st.words[x].sentence]; c < x; ++c) {
          if (head_word(st, c) != x || st.doc.tokens[st.words[c].token].deprel != "case") continue;
          for (const auto& sig : tables_.signals)
            if (sig.words.size() == 1 && sig.words[0] == st.words[c].lower && sig.scope != "time") return false;
        }
      } else if (rel != "obj" && rel != "nsubj:pass") {
        return false;
      }
      const auto& v = evs[static_cast<std::size_t>(st.event_at[*h])];
      if (lex_->is_light_verb(v.lemma)) return false;
      return !v.modality.empty() || v.tns == events::tense::future || v.tns == events::tense::infinitive ||
             v.cls == event_class::i_state;
    }
    return false;
  }

  /// The place a noun is said to be at: the name right after it, or of its "in"/"at" modifier,
  /// ("talks in Geneva"), lower case, or "".
  static std::string place_of(const doc_state& st, std::size_t w) {
    const auto s = st.words[w].sentence;
    // Right after the noun the attachment does not matter ("the negotiations in Geneva": the
    // parser may hang "in Geneva" on a noun further up).
    if (w + 2 < st.sent_end[s] && (st.words[w + 1].lower == "in" || st.words[w + 1].lower == "at") &&
        st.words[w + 2].tag == upos::propn)
      return st.words[w + 2].lower;
    for (std::size_t x = w + 1; x < st.sent_end[s] && x < w + 4; ++x) {
      if (st.words[x].tag != upos::propn) continue;
      const auto h = head_word(st, x);
      const auto& rel = st.doc.tokens[st.words[x].token].deprel;
      if (!h || *h != w || (rel != "nmod" && rel != "obl")) continue;
      const auto& prep = st.words[x - 1].lower;
      if (prep == "in" || prep == "at") return st.words[x].lower;
    }
    return "";
  }

  /// The date a reference takes among the dated mentions `dated` of its frame, if any.
  static std::optional<std::string> choose_instance(const event_mention& ev, const std::vector<std::size_t>& dated,
                                                    const std::vector<event_mention>& evs, const noun_reference& ref,
                                                    const std::vector<std::string_view>& named = {}) {
    // Votes: dated noun mentions ("the call on Thursday") decide before dated verbs of the
    // frame ("spoke on Jan. 17"); a day counts more than a month; years do not vote.
    std::map<std::string, std::pair<int, int>> votes;  // value -> (noun votes, verb votes)
    for (auto d : dated) {
      if (participants_contradict(ev, evs[d])) continue;  // "the agreement" (China) is not "met" (Trump, Merz)
      // "The Nestle acquisition" is not "KKR bought RJR": the names in front of the noun must
      // share one with an instance that names some ("the Trump-Xi call" is Trump's call).
      if (!named.empty() && !evs[d].actors.empty() && std::none_of(named.begin(), named.end(), [&](std::string_view n) {
            return std::find(evs[d].actors.begin(), evs[d].actors.end(), n) != evs[d].actors.end();
          }))
        continue;
      const auto g = grain_of(evs[d].when_value);
      if (!g || *g >= 4) continue;
      auto& v = votes[evs[d].when_value];
      (evs[d].pos == upos::noun ? v.first : v.second) += *g == 0 ? 2 : 1;
    }
    if (votes.empty()) return std::nullopt;
    // Instances: values not contained in another value ("2025-05-12" within "2025-05" is one).
    std::size_t instances = 0;
    for (const auto& [value, n] : votes) {
      const auto days = days_of(value);
      bool inside = false;
      for (const auto& [other, m] : votes) {
        if (other == value) continue;
        const auto od = days_of(other);
        if (od->begin <= days->begin && days->end <= od->end &&
            (od->begin != days->begin || od->end != days->end || other < value))
          inside = true;
      }
      if (!inside) ++instances;
    }
    // An ordinal picks the document's single instance, or the latest when it counts them all
    // ("the second call this year" where the document dates two calls); otherwise it may mean any.
    if (ref.ordinal && instances > 1 && static_cast<std::size_t>(ref.ordinal) != instances) return std::nullopt;
    const auto earlier = [](const std::string& a, const std::string& b) { return days_of(a)->begin < days_of(b)->begin; };
    if (ref.latest || (ref.ordinal > 1 && static_cast<std::size_t>(ref.ordinal) == instances)) {
      auto best = votes.begin();
      for (auto v = votes.begin(); v != votes.end(); ++v)
        if (earlier(best->first, v->first)) best = v;
      return best->first;
    }
    // Ties go to the most recent date: news returns most often to its latest event.
    const auto best = std::max_element(votes.begin(), votes.end(), [&](const auto& a, const auto& b) {
      if (a.second != b.second) return a.second < b.second;
      return earlier(a.first, b.first);
    });
    return best->first;
  }

  /// True for a verb told as having happened: past or present (perfect) tense, not negated,
  /// modal, planned or reporting.
  static bool realis_verb(const event_mention& v) {
    return v.pos == upos::verb && v.pol == events::polarity::pos && v.modality.empty() && !v.is_future &&
           (v.tns == events::tense::past || (v.tns == events::tense::present && v.asp == events::aspect::perfective)) &&
           v.cls != event_class::reporting && v.cls != event_class::i_state && v.cls != event_class::state;
  }

  /// The event noun a relative clause starting right before the verb at w modifies ("the talks in
  /// Geneva, Switzerland, that reduced tariffs"), found from the words when the parse does not say.
  static std::optional<std::size_t> relative_antecedent(const doc_state& st, std::size_t w) {
    const auto b = st.sent_begin[st.words[w].sentence];
    std::size_t x = w;
    while (x > b && st.words[x - 1].tag == upos::adv) --x;
    if (x == b || (st.words[x - 1].lower != "that" && st.words[x - 1].lower != "which")) return std::nullopt;
    --x;
    for (std::size_t k = 0; x > b && k < 8; ++k) {
      --x;
      if (st.event_at[x] >= 0) return x;
      const auto t = st.words[x].tag;
      if (t != upos::propn && t != upos::punct && t != upos::adp && t != upos::det && t != upos::adj &&
          t != upos::noun && t != upos::num && st.timex_at[x] < 0)
        break;
    }
    return std::nullopt;
  }

  /// True when event e is dated by the time of the report it is the complement of ("said
  /// Thursday that Trump had requested the call"): `unanchor_reported` takes that date away after
  /// the models, so it is lent to no other event (`lends_date`).
  static bool dated_by_report(const doc_state& st, std::size_t e) {
    return e < st.reported_time.size() && st.reported_time[e] >= 0;
  }

  /// True when event e's date may be lent to another event: it has one, not the creation time,
  /// and not a report's time (`dated_by_report`). The rules that date an event from another one
  /// it refers to, is done by or is agreed in (`infer_dates`, `date_by_agent`,
  /// `date_agreed_actions`) ask this, directly or through `lending_date`, and each says what grain
  /// it takes; so do `share_gapped_changes` (the change verb's date) and the retaliation dating in
  /// `causal_links` (the cause's date).
  static bool lends_date(const doc_state& st, const std::vector<event_mention>& evs, std::size_t e) {
    const auto& ev = evs[e];
    return !ev.when_value.empty() && ev.when_anchor != "dct" && !dated_by_report(st, e);
  }

  /// The value event e's date gives another event it dates, if it can (`lends_date`): a day or a
  /// month.
  static std::optional<std::string> lending_date(const doc_state& st, const std::vector<event_mention>& evs,
                                                 std::size_t e) {
    if (!lends_date(st, evs, e)) return std::nullopt;
    const auto& value = evs[e].when_value;
    const auto g = grain_of(value);
    if (!g || *g > 2) return std::nullopt;
    return value;
  }

  /// A verb whose subject is a dated event ("the call lasted 90 minutes", "the talks in Geneva,
  /// which reduced tariffs", "a meeting in May knocked down tariffs") tells what that event did:
  /// it takes its date (anchor "inferred"). Only event nouns of frames that refer back; a verb
  /// coordinated with another shares its subject ("lasted 90 minutes and focused on trade").
  /// An event that changes an amount ("the talks ..., which reduced tariffs to 30%", "a meeting
  /// in May knocked down tariffs") is caused by the event that is its subject: a CAUSES link
  /// (rule "causal.agent"), whether or not a date passes; any other is IS_INCLUDED in it (rule
  /// "order.agent").
  void date_by_agent(const doc_state& st, std::vector<event_mention>& evs, std::vector<link_type>& out) const {
    for (std::size_t e = 0; e < evs.size(); ++e) {
      auto& v = evs[e];
      if (!realis_verb(v)) continue;
      const auto w = st.event_word[e];
      if (w >= st.words.size()) continue;
      std::optional<std::size_t> verb = w;
      std::optional<std::size_t> agent;
      for (int step = 0; verb && step < 3 && !agent; ++step) {
        const auto s = st.words[*verb].sentence;
        for (std::size_t x = st.sent_begin[s]; x < st.sent_end[s]; ++x) {
          const auto& t = st.doc.tokens[st.words[x].token];
          if (t.deprel != "nsubj" || head_word(st, x) != verb) continue;
          agent = x;
          // "the talks ..., which reduced tariffs": the relative pronoun stands for the noun.
          const auto& rel = st.doc.tokens[st.words[*verb].token].deprel;
          if ((st.words[x].lower == "that" || st.words[x].lower == "which") && rel.rfind("acl", 0) == 0)
            agent = head_word(st, *verb);
          break;
        }
        if (agent) break;
        // A conjunct without a subject of its own shares its head's.
        if (st.doc.tokens[st.words[*verb].token].deprel != "conj") break;
        verb = head_word(st, *verb);
      }
      if (!agent) agent = relative_antecedent(st, w);
      if (!agent || st.event_at[*agent] < 0) continue;
      const auto ai = static_cast<std::size_t>(st.event_at[*agent]);
      const auto& a = evs[ai];
      if (a.pos != upos::noun || !refers_back(a) || !lex_->has_frame(a.lemma)) continue;
      // A change the event makes is caused by it; anything else it did ("the call lasted 90
      // minutes", "a call ... that focused on trade") happened during it.
      const bool change = lex_->is_change(v.lemma);
      link_type l;
      l.from = change ? a.id : v.id;
      l.to = change ? v.id : a.id;
      l.rel = change ? relation::causes : relation::is_included;
      l.evidence = {std::min(a.span.begin, v.span.begin), std::max(a.span.end, v.span.end)};
      l.rule = change ? "causal.agent" : "order.agent";
      l.confidence = 0.6;
      out.push_back(std::move(l));
      if (!v.when_value.empty()) continue;
      if (const auto d = lending_date(st, evs, ai)) {
        v.when_value = *d;
        v.when_anchor = "inferred";
      }
    }
  }

  /// A noun the events stage gives a change verb's frame is a mention of that change: what it
  /// changes ("ratcheted blanket tariffs up to 145%", "tariffs fell") or a gapped conjunct
  /// ("talks that reduced U.S. tariffs to 30% and Chinese tariffs to 10%": the second "tariffs",
  /// "down tariff"). It happened when the change did and for the same reason: it takes the date of
  /// the nearest change verb of its frame in its sentence (when that verb has one it may lend,
  /// `lends_date`: not a report's time), and that verb's causes (CAUSES, ENABLES, PREVENTS into it,
  /// same rule).
  void share_gapped_changes(const doc_state& st, std::vector<event_mention>& evs, std::vector<link_type>& out) const {
    const auto links = out.size();
    for (std::size_t e = 0; e < evs.size(); ++e) {
      auto& n = evs[e];
      if (n.pos != upos::noun || n.frame == lex_->frame_of(n.lemma)) continue;
      const auto nw = st.event_word[e];
      std::optional<std::size_t> verb;
      std::size_t best = 0;
      for (std::size_t v = 0; v < evs.size(); ++v) {
        if (evs[v].sentence != n.sentence || evs[v].pos != upos::verb || evs[v].frame != n.frame ||
            !lex_->is_change(evs[v].lemma))
          continue;
        const auto vw = st.event_word[v];
        const auto d = vw > nw ? vw - nw : nw - vw;
        if (!verb || d < best) verb = v, best = d;
      }
      if (!verb) continue;
      const auto& v = evs[*verb];
      if (lends_date(st, evs, *verb)) {
        n.when_value = v.when_value;
        n.when_anchor = "inferred";
      }
      n.is_future = n.is_future || v.is_future;
      for (std::size_t k = 0; k < links; ++k) {
        if (!is_causal(out[k].rel) || out[k].to != v.id || out[k].from == n.id) continue;
        auto l = out[k];
        l.to = n.id;
        out.push_back(std::move(l));
      }
    }
  }

  /// What an agreement provides for ("a May 12 agreement ... to reduce their tariff rates"), told
  /// later in the document as done ("Trump has lowered his 145% tariffs ... to 30%", "China also
  /// reduced its taxes ..."), was done under it: the undated realis verbs of the agreed action's
  /// frame after the agreement take the agreement's month (anchor "inferred").
  /// The agreement causes what was done under it: a CAUSES link (rule "causal.agreement").
  void date_agreed_actions(const doc_state& st, std::vector<event_mention>& evs, std::vector<link_type>& out) const {
    for (std::size_t g = 0; g < evs.size(); ++g) {
      const auto& agreement = evs[g];
      if (agreement.pos != upos::noun || lex_->frame_kind(agreement.lemma) != "outcome") continue;
      const auto d = lending_date(st, evs, g);
      if (!d) continue;
      const auto month = d->substr(0, 7);
      const auto gw = st.event_word[g];
      if (gw >= st.words.size()) continue;
      // The agreed action: an infinitive that depends on the agreement, or that follows it past
      // its modifiers ("an agreement between the two countries to reduce ..."; parsers often
      // attach such an infinitive to the verb).
      const auto follows_agreement = [&](std::size_t aw) {
        if (aw <= gw + 1 || aw > gw + 9 || st.words[aw].sentence != st.words[gw].sentence) return false;
        if (st.words[aw - 1].lower != "to") return false;
        for (std::size_t x = gw + 1; x + 1 < aw; ++x) {
          const auto t = st.words[x].tag;
          if (t != upos::det && t != upos::adj && t != upos::noun && t != upos::propn && t != upos::num &&
              t != upos::adp && t != upos::pron)
            return false;
        }
        return true;
      };
      for (std::size_t a = 0; a < evs.size(); ++a) {
        const auto aw = st.event_word[a];
        if (aw >= st.words.size() || evs[a].tns != events::tense::infinitive) continue;
        if (head_word(st, aw) != gw && !follows_agreement(aw)) continue;
        for (std::size_t e = a + 1; e < evs.size(); ++e) {
          auto& v = evs[e];
          if (v.frame != evs[a].frame || !v.when_value.empty() || !realis_verb(v)) continue;
          v.when_value = month;
          v.when_anchor = "inferred";
          link_type l;
          l.from = agreement.id;
          l.to = v.id;
          l.rel = relation::causes;
          l.evidence = v.span;
          l.rule = "causal.agreement";
          l.confidence = 0.6;
          out.push_back(std::move(l));
        }
      }
    }
  }

  /// True when a modal ("will", "could") comes before the word at w in its clause: what follows
  /// is planned or possible, whatever the tagger made of the verb.
  static bool follows_modal(const doc_state& st, std::size_t w) {
    for (std::size_t x = w; x > st.sent_begin[st.words[w].sentence]; --x) {
      const auto& p = st.words[x - 1];
      if (!p.modal.empty()) return true;
      if (p.is_boundary) break;
    }
    return false;
  }

  /// True when the noun at w is an argument of a verb that did not (or not yet) happen: negated,
  /// modal, future or an infinitive ("wants a call", "could hold a call").
  static bool governed_by_unreal_verb(const doc_state& st, const std::vector<event_mention>& evs, std::size_t w) {
    const auto h = head_word(st, w);
    if (!h || st.event_at[*h] < 0) return false;
    const auto& v = evs[static_cast<std::size_t>(st.event_at[*h])];
    return v.pos == upos::verb && (v.pol == events::polarity::neg || !v.modality.empty() ||
                                   v.tns == events::tense::future || v.tns == events::tense::infinitive ||
                                   v.cls == event_class::i_state);
  }

  /// News: a reporting event in the past or present tense with no time of its own is taken to
  /// happen on the day of the document ("Trump said" in a June 5 article).
  static void anchor_reporting_to_dct(const text::annotated_document& doc, std::vector<event_mention>& evs) {
    if (!doc.doc.dct || doc.doc.kind != genre::news) return;
    const auto day = doc.doc.dct->iso().substr(0, 10);
    for (auto& ev : evs) {
      if (!ev.when_value.empty() || ev.cls != event_class::reporting) continue;
      if (ev.asp == events::aspect::perfective) continue;
      if (ev.tns != events::tense::past && ev.tns != events::tense::present) continue;
      ev.when_value = day;
      ev.when_anchor = "dct";
    }
  }

  static void dct_links(const text::annotated_document& doc, std::vector<event_mention>& evs,
                        std::vector<link_type>& out) {
    if (!doc.doc.dct) return;
    const auto day = doc.doc.dct->iso().substr(0, 10);
    const auto dct_days = days_of(day);
    for (auto& ev : evs) {
      if (ev.pos != upos::verb) continue;
      const auto rel = dct_relation(ev, dct_days);
      if (!rel) continue;
      // An undated event is bounded by the DCT: what happened did so by the time of writing.
      if (ev.when_value.empty()) {
        if (*rel == relation::before && ev.when_not_after.empty()) ev.when_not_after = day;
        if (*rel == relation::after && ev.when_not_before.empty()) ev.when_not_before = day;
      }
      if (*rel == relation::after) ev.is_future = true;
      link_type l;
      l.from = ev.id;
      l.to = "t0";
      l.rel = *rel;
      l.evidence = ev.span;
      l.rule = "dct.tense";
      l.confidence = 0.6;
      out.push_back(std::move(l));
    }
  }

  /// The relation of a verb event to the DCT (a day) that its tense and date tell, if any.
  static std::optional<relation> dct_relation(const event_mention& ev, const std::optional<timex::day_interval>& dct_days) {
    std::optional<relation> rel;
    const auto dated = days_of(ev.when_value);
    const bool on_dct_day = dated && dct_days && dated->begin == dct_days->begin && dated->end == dct_days->end;
    const bool state = ev.cls == event_class::state || ev.cls == event_class::i_state;
    // The DCT is a day (TimeML): what happened on that day ("said" in the day's news, "met on
    // Friday" in Friday's paper) lies inside it (TimeBank-Dense: 76 of 84 such links).
    if (on_dct_day && (ev.tns == events::tense::past || ev.tns == events::tense::present) &&
        ev.asp == events::aspect::none)
      rel = relation::is_included;
    else if (ev.tns == events::tense::past) rel = relation::before;
    else if (ev.tns == events::tense::future) rel = relation::after;
    else if (ev.tns == events::tense::present && ev.asp == events::aspect::perfective) rel = relation::before;
    else if (ev.tns == events::tense::present && ev.asp == events::aspect::progressive)
      rel = relation::includes;  // "is meeting": under way before and after the DCT (TimeBank majority)
    else if (ev.tns == events::tense::present && state)
      rel = relation::includes;  // "remains", "believes": a state that holds around the time of writing
    // Other present-tense events (habitual, historical, scheduled) go either way: left to the
    // event-DCT model (TimeBank-Dense: 14 AFTER, 11 BEFORE, 10 INCLUDES of 52).
    return rel;
  }

  void signal_links(const doc_state& st, const std::vector<event_mention>& evs, std::vector<link_type>& out) const {
    const auto n = st.words.size();
    for (std::size_t s = 0; s < st.sent_begin.size(); ++s) {
      const auto b = st.sent_begin[s], e = st.sent_end[s];
      for (std::size_t p = b; p < e; ++p) {
        if (!st.signals_at[p]) continue;
        const temporal_signal* sig = nullptr;
        for (const auto i : *st.signals_at[p]) {
          const auto& cand = tables_.signals[i];
          const auto len = cand.words.size();
          if (p + len > e) continue;
          bool match = true;
          for (std::size_t k = 0; k < len && match; ++k) match = st.words[p + k].lower == cand.words[k];
          if (match) {
            sig = &cand;
            break;
          }
        }
        if (!sig) continue;
        const auto after_sig = p + sig->words.size();
        if (after_sig < e && st.timex_at[after_sig] >= 0) continue;  // a time signal
        // The event the signal introduces: the first within a few words.
        std::optional<std::size_t> second;
        for (std::size_t x = after_sig; x < e && x < after_sig + 5; ++x) {
          if (st.timex_at[x] >= 0) break;
          if (st.event_at[x] >= 0) {
            second = static_cast<std::size_t>(st.event_at[x]);
            break;
          }
        }
        if (!second) continue;
        // The event it relates to: the nearest verb before the signal, else the
        // main verb after the introduced clause ("After the call, Trump announced ...").
        std::optional<std::size_t> first;
        for (std::size_t x = p; x > b; --x) {
          const int ev = st.event_at[x - 1];
          if (ev >= 0 && evs[static_cast<std::size_t>(ev)].pos == upos::verb) {
            first = static_cast<std::size_t>(ev);
            break;
          }
        }
        // "Two days after the vote, the minister resigned": a measure of the distance (and an
        // adverb: "just a week after") before the signal still opens the sentence.
        if (!first && (p == b || opens_with_measure(st, b, p))) {
          std::size_t x = st.event_word[*second] + 1;
          while (x < e && !st.words[x].is_boundary) ++x;
          for (; x < e; ++x)
            if (st.event_at[x] >= 0 && evs[static_cast<std::size_t>(st.event_at[x])].pos == upos::verb) {
              first = static_cast<std::size_t>(st.event_at[x]);
              break;
            }
        }
        if (!first || *first == *second) continue;
        link_type l;
        l.from = evs[*first].id;
        l.to = evs[*second].id;
        l.rel = sig->rel;
        l.evidence = {st.doc.tokens[st.words[p].token].span.begin, evs[*second].span.end};
        l.rule = "signal:" + join(sig->words);
        l.confidence = 0.7;
        out.push_back(std::move(l));
        (void)n;
      }
    }
  }

  /// An event and the event that governs it in the parse, by governed_events.tsv ("agreed to
  /// pay": pay AFTER agreed). Only a direct dependency counts; a negated or modal governor
  /// ("did not agree to pay", "may want to sell") still orders its complement after it.
  void governed_links(const doc_state& st, const std::vector<event_mention>& evs, std::vector<link_type>& out) const {
    if (tables_.governed.empty()) return;
    for (std::size_t e = 0; e < evs.size(); ++e) {
      const auto w = st.event_word[e];
      if (w >= st.words.size()) continue;
      const auto h = head_word(st, w);
      if (!h || st.event_at[*h] < 0) continue;
      const auto g = static_cast<std::size_t>(st.event_at[*h]);
      if (g == e) continue;
      const auto& deprel = st.doc.tokens[st.words[w].token].deprel;
      const std::string_view dep = std::string_view(deprel).substr(0, deprel.find(':'));
      const std::string_view cls = events::to_string(evs[g].cls), tense = events::to_string(evs[e].tns);
      for (const auto& r : tables_.governed) {
        if (r.dependency != dep || (r.governor_class != "*" && r.governor_class != cls) ||
            (r.tense != "*" && r.tense != tense))
          continue;
        link_type l;
        l.from = evs[e].id;
        l.to = evs[g].id;
        l.rel = r.rel;
        l.evidence = {std::min(evs[e].span.begin, evs[g].span.begin), std::max(evs[e].span.end, evs[g].span.end)};
        l.rule = "governed:" + r.governor_class + "<" + r.dependency + "-" + r.tense;
        l.confidence = 0.65;
        out.push_back(std::move(l));
        break;
      }
    }
  }

  /// Events dated to disjoint intervals are ordered by their dates. To keep the links sparse,
  /// only the most salient event of each date is linked to the next date's.
  static void date_order_links(const std::vector<event_mention>& evs, std::vector<link_type>& out) {
    struct group {
      timex::day_interval days;
      std::string value;
      std::size_t rep;
    };
    std::map<std::string, group> by_value;
    for (std::size_t e = 0; e < evs.size(); ++e) {
      const auto& ev = evs[e];
      if (ev.when_value.empty() || ev.salience < 0.4) continue;
      const auto days = days_of(ev.when_value);
      if (!days) continue;
      auto it = by_value.find(ev.when_value);
      if (it == by_value.end()) {
        by_value.emplace(ev.when_value, group{*days, ev.when_value, e});
      } else if (ev.salience > evs[it->second.rep].salience) {
        it->second.rep = e;
      }
    }
    std::vector<group> groups;
    for (auto& [v, g] : by_value) groups.push_back(g);
    std::sort(groups.begin(), groups.end(), [](const group& a, const group& b) {
      if (a.days.begin != b.days.begin) return a.days.begin < b.days.begin;
      return a.days.end < b.days.end;
    });
    for (std::size_t k = 0; k + 1 < groups.size(); ++k) {
      // Link to the next group that is disjoint (nested intervals are not ordered).
      for (std::size_t j = k + 1; j < groups.size(); ++j) {
        if (groups[k].days.end <= groups[j].days.begin) {
          link_type l;
          l.from = evs[groups[k].rep].id;
          l.to = evs[groups[j].rep].id;
          l.rel = relation::before;
          l.evidence = evs[groups[k].rep].span;
          l.rule = "order.dates";
          l.confidence = 0.75;
          out.push_back(std::move(l));
          break;
        }
      }
    }
  }

  /// The word a word depends on (same sentence), if the text stage parsed it.
  static std::optional<std::size_t> head_word(const doc_state& st, std::size_t w) {
    const auto& t = st.doc.tokens[st.words[w].token];
    if (t.head < 0) return std::nullopt;
    const auto tok = st.doc.sentences[st.words[w].sentence].first_token + static_cast<std::size_t>(t.head);
    // Words and tokens are in the same order: find the word of that token near w.
    const auto delta = static_cast<std::ptrdiff_t>(tok) - static_cast<std::ptrdiff_t>(st.words[w].token);
    const auto guess = static_cast<std::ptrdiff_t>(w) + delta;
    if (guess < 0 || static_cast<std::size_t>(guess) >= st.words.size()) return std::nullopt;
    const auto g = static_cast<std::size_t>(guess);
    if (st.words[g].token != tok) return std::nullopt;
    return g;
  }

  /// True when word x lies inside a relative clause (the subtree of an acl:relcl word) that
  /// does not hold word w. Needs the parse; false without one.
  static bool in_other_relative_clause(const doc_state& st, std::size_t x, std::size_t w) {
    const auto limit = st.sent_end[st.words[x].sentence] - st.sent_begin[st.words[x].sentence];  // no head cycles
    std::optional<std::size_t> clause;
    std::size_t steps = 0;
    for (std::optional<std::size_t> y = x; y && !clause && steps++ <= limit; y = head_word(st, *y))
      if (st.doc.tokens[st.words[*y].token].deprel == "acl:relcl") clause = y;
    if (!clause) return false;
    steps = 0;
    for (std::optional<std::size_t> y = w; y && steps++ <= limit; y = head_word(st, *y))
      if (*y == *clause) return false;
    return true;
  }

  /// The event word the time at words [tb, te] modifies in the parse: its head word outside the
  /// time, then up to two heads more to the first event, not through a clause without one.
  static std::optional<std::size_t> event_of_time(const doc_state& st, std::size_t tb, std::size_t te) {
    std::optional<std::size_t> r;
    for (std::size_t x = tb; x <= te && !r; ++x) {
      auto h = head_word(st, x);
      if (!h || (*h >= tb && *h <= te)) continue;
      for (int k = 0; h && k < 3 && !r; ++k, h = head_word(st, *h)) {
        if (*h >= tb && *h <= te) break;
        if (st.event_at[*h] >= 0) r = *h;
        else if (const std::string_view rel = st.doc.tokens[st.words[*h].token].deprel;
                 rel == "ccomp" || rel == "xcomp" || rel == "advcl" || rel == "acl" || rel == "acl:relcl")
          break;  // a clause of its own without an event: not the modifier of one above it
      }
      if (!r) return std::nullopt;
    }
    return r;
  }

  /// "the INS decided the boy should go home by Jan. 14", "agreed to meet on Friday": true when
  /// the time at words [tb, te], after word w, modifies a verb of w's clausal complement (ccomp,
  /// xcomp): the time dates what was decided or agreed, not the deciding. A time right after w
  /// stays w's, whatever the parse says ("Investigators said Friday they found a rifle").
  /// Needs the parse.
  static bool time_of_complement(const doc_state& st, const std::vector<event_mention>& evs, std::size_t tb,
                                 std::size_t te, std::size_t w) {
    if (tb <= w + 1 || st.words[w].sentence != st.words[tb].sentence) return false;
    const auto r = event_of_time(st, tb, te);
    if (!r || *r <= w || evs[static_cast<std::size_t>(st.event_at[*r])].pos != upos::verb) return false;
    const auto limit = st.sent_end[st.words[w].sentence] - st.sent_begin[st.words[w].sentence];
    std::size_t steps = 0, child = *r;
    for (auto y = head_word(st, *r); y && steps++ <= limit; child = *y, y = head_word(st, *y))
      if (*y == w) {
        const std::string_view rel = st.doc.tokens[st.words[child].token].deprel;
        return rel == "ccomp" || rel == "xcomp";
      }
    return false;
  }

  /// "Beijing's Ministry of Foreign Affairs ... said earlier Thursday that Trump had requested the
  /// call": true when the time at words [tb, te] modifies a reporting verb (REPORTING class, or
  /// say/tell/announce) and word w lies in that verb's clausal complement (ccomp), which does not
  /// hold the time. The time dates the report, not what is reported ("said that the talks ended
  /// on Thursday": Thursday is the complement's own). Needs the parse; false without one.
  static bool reported_by_time(const doc_state& st, const std::vector<event_mention>& evs, std::size_t tb,
                               std::size_t te, std::size_t w) {
    if (w >= st.words.size() || st.words[w].sentence != st.words[tb].sentence) return false;
    const auto r = event_of_time(st, tb, te);
    if (!r || *r == w || st.event_at[w] < 0) return false;
    // A state in the simple past or present of the complement, or a progressive, holds at the
    // time of the report ("said Tuesday the country was worried", "said Tuesday that Cairo is
    // seeking the extradition"): the time dates it too.
    const auto& ev = evs[static_cast<std::size_t>(st.event_at[w])];
    const bool finite = ev.tns == events::tense::past || ev.tns == events::tense::present;
    if (finite && (ev.asp == events::aspect::progressive ||
                   ((ev.cls == event_class::state || ev.cls == event_class::i_state) && ev.asp == events::aspect::none)))
      return false;
    const auto& v = evs[static_cast<std::size_t>(st.event_at[*r])];
    if (v.pos != upos::verb) return false;
    if (v.cls != event_class::reporting && v.lemma != "say" && v.lemma != "tell" && v.lemma != "announce") return false;
    // w's head chain reaches the reporting verb through a ccomp child, or the time through a
    // clause that "that" opens right after it: the parser takes "said earlier Thursday that Trump
    // had requested the call" for a relative clause on Thursday.
    const auto limit = st.sent_end[st.words[w].sentence] - st.sent_begin[st.words[w].sentence];
    std::size_t steps = 0, child = w;
    for (auto y = head_word(st, w); y && steps++ <= limit; child = *y, y = head_word(st, *y)) {
      const std::string_view rel = st.doc.tokens[st.words[child].token].deprel;
      // The time outside the complement: between the verb and the complement ("said Thursday
      // the relationship had gotten off track") or after the verb of an inverted attribution
      // ("the talks ended, officials said Thursday"), not before it ("the talks opened here
      // Saturday, the envoy said": the parser may hang Saturday on "said").
      if (*y == *r) return rel == "ccomp" && (w > *r ? te < w && te < child : tb > *r);
      if (*y >= tb && *y <= te)
        return (rel == "acl:relcl" || rel == "acl") && te + 1 < st.words.size() && st.words[te + 1].lower == "that" &&
               st.words[te + 1].tag == upos::sconj;
    }
    return false;
  }

  /// The events of a reporting verb's complement that the anchoring dated by the report's time
  /// (`reported_by_time`; recorded in `anchor_events`, which anchors them as before because the
  /// TLINK models learned from that anchoring) lose that date after the models: a future ("will",
  /// "would") lies AFTER the time of "said Friday", anything else ("had requested") gets no link
  /// to it. Their event-DCT tense link is told again without the date, their date-order links go,
  /// their salience is what it was before the date raised it.
  /// A reported future ("said Friday that he would seek"): AFTER the report's time.
  static bool reported_future(const event_mention& ev) {
    return ev.pos == upos::verb && ev.pol == events::polarity::pos &&
           (ev.tns == events::tense::future ||
            ((ev.modality == "would" || ev.modality == "will") && ev.asp == events::aspect::none));
  }

  static void unanchor_reported(const doc_state& st, const std::vector<timex::mention>& times,
                                std::vector<event_mention>& evs, std::vector<link_type>& out) {
    if (st.reported_time.size() != evs.size()) return;
    const auto dct_days = st.doc.doc.dct ? days_of(st.doc.doc.dct->iso().substr(0, 10)) : std::nullopt;
    std::vector<char> undated(evs.size(), 0);
    for (std::size_t e = 0; e < evs.size(); ++e) {
      if (st.reported_time[e] < 0) continue;
      auto& ev = evs[e];
      const auto& t = times[static_cast<std::size_t>(st.reported_time[e])];
      // "said Friday that he would seek", "announced Thursday it will resume": AFTER the time (the
      // gold annotates these so). What is reported as past ("had requested", "found") happened
      // before the report, not before the report's day: no link (the governed-events rule orders
      // it before the reporting verb).
      const bool future = reported_future(ev);
      bool found = false;
      for (auto it = out.begin(); it != out.end();) {
        if (it->from == ev.id && it->to == t.id && (it->rule == "anchor.clause" || it->rule.rfind("anchor.signal:", 0) == 0) &&
            (it->rel == relation::is_included || it->rel == relation::simultaneous)) {
          found = true;
          if (future) {
            it->rel = relation::after;
            it->rule = "anchor.reported";
            ++it;
          } else {
            it = out.erase(it);
          }
        } else {
          ++it;
        }
      }
      if (!found || ev.when_anchor != t.id) continue;
      ev.when_value.clear();
      ev.when_anchor.clear();
      if (future && ev.when_not_before.empty()) ev.when_not_before = t.value;
      if (e < st.undated_salience.size()) ev.salience = st.undated_salience[e];
      undated[e] = 1;
      // The tense link to the DCT, told again without the date ("had requested" in Thursday's
      // paper is BEFORE it, not inside its day).
      for (auto it = out.begin(); it != out.end();) {
        if (it->from != ev.id || it->to != "t0" || it->rule != "dct.tense") {
          ++it;
          continue;
        }
        const auto r = dct_relation(ev, dct_days);
        if (!r) {
          it = out.erase(it);
          continue;
        }
        it->rel = *r;
        if (*r == relation::before && ev.when_not_after.empty() && st.doc.doc.dct)
          ev.when_not_after = st.doc.doc.dct->iso().substr(0, 10);
        ++it;
      }
    }
    // The TLINK model's links from a complement's verb to the report's time get the same
    // treatment ("“China violated the agreement,” Trump said Thursday": the model put the
    // violating inside Thursday). Not a noun's: "said Thursday that Trump had requested the call"
    // (the call was on Thursday).
    std::unordered_map<std::string_view, std::size_t> time_index;
    for (std::size_t t = 0; t < times.size(); ++t) time_index.emplace(times[t].id, t);
    std::unordered_map<std::string_view, std::size_t> event_index;
    for (std::size_t e = 0; e < evs.size(); ++e) event_index.emplace(evs[e].id, e);
    for (auto it = out.begin(); it != out.end();) {
      const auto t = time_index.find(it->to);
      const auto e = event_index.find(it->from);
      if (it->rule != "tlink.event_time" || t == time_index.end() || e == event_index.end() ||
          evs[e->second].pos != upos::verb ||
          st.timex_first[t->second] >= st.words.size() || st.event_word[e->second] >= st.words.size() ||
          !reported_by_time(st, evs, st.timex_first[t->second], st.timex_last[t->second], st.event_word[e->second])) {
        ++it;
        continue;
      }
      if (reported_future(evs[e->second])) {
        it->rel = relation::after;
        it->rule = "anchor.reported";
        ++it;
      } else {
        it = out.erase(it);
      }
    }
    out.erase(std::remove_if(out.begin(), out.end(),
                             [&](const link_type& l) {
                               if (l.rule != "order.dates") return false;
                               for (std::size_t e = 0; e < evs.size(); ++e)
                                 if (undated[e] && (l.from == evs[e].id || l.to == evs[e].id)) return true;
                               return false;
                             }),
              out.end());
  }

  /// The first event at or above word w on its head chain (at most `steps` heads up).
  static std::optional<std::size_t> event_above(const doc_state& st, std::optional<std::size_t> w, int steps) {
    for (int k = 0; w && k <= steps; ++k, w = head_word(st, *w))
      if (st.event_at[*w] >= 0) return static_cast<std::size_t>(st.event_at[*w]);
    return std::nullopt;
  }

  /// Whether word `w` has a subject of its own.
  static bool has_subject(const doc_state& st, std::size_t w) {
    const auto s = st.words[w].sentence;
    for (std::size_t x = st.sent_begin[s]; x < st.sent_end[s]; ++x)
      if (const auto h = head_word(st, x); h && *h == w && st.doc.tokens[st.words[x].token].deprel.rfind("nsubj", 0) == 0)
        return true;
    return false;
  }

  /// The first word of word w's sentence whose head is in [from, to) and that `accept`s
  /// (deprel, word).
  template <class Accept>
  static std::optional<std::size_t> child_where(const doc_state& st, std::size_t from, std::size_t to, Accept&& accept) {
    const auto s = st.words[from].sentence;
    for (std::size_t x = st.sent_begin[s]; x < st.sent_end[s]; ++x)
      if (const auto h = head_word(st, x);
          h && *h >= from && *h < to && accept(st.doc.tokens[st.words[x].token].deprel, x))
        return x;
    return std::nullopt;
  }

  /// The events coordinated with event `ev` in the parse: its conj dependents that are events
  /// ("reserves and continued low prices": prices), in text order.
  static std::vector<std::size_t> conjuncts(const doc_state& st, std::size_t ev) {
    std::vector<std::size_t> out;
    const auto w = st.event_word[ev];
    const auto s = st.words[w].sentence;
    for (std::size_t x = w + 1; x < st.sent_end[s]; ++x)
      if (const auto h = head_word(st, x); h && *h == w && st.doc.tokens[st.words[x].token].deprel == "conj" &&
                                              st.event_at[x] >= 0 && static_cast<std::size_t>(st.event_at[x]) != ev)
        out.push_back(static_cast<std::size_t>(st.event_at[x]));
    return out;
  }

  /// (cause, effect) for a backward cue at words [p, cue_end) from the parse: the cue's head is
  /// the cause, the event it depends on the effect.
  static std::optional<std::pair<std::size_t, std::size_t>> dependency_backward(const doc_state& st,
                                                                                const std::vector<event_mention>& evs,
                                                                                std::size_t p, std::size_t cue_end) {
    if (st.words[p].tag == upos::verb) return std::nullopt;  // "stems from": the verb is the link
    // The head of the cue's last word ("as a result of" -> the cause noun), else of its first.
    auto h = head_word(st, cue_end - 1);
    if (h && *h >= p && *h < cue_end) h = head_word(st, p);
    for (int k = 0; h && *h >= p && *h < cue_end && k < 4; ++k) h = head_word(st, *h);
    if (h && *h >= p && *h < cue_end) return std::nullopt;
    if (!h || st.event_at[*h] < 0) return std::nullopt;
    const auto cause = static_cast<std::size_t>(st.event_at[*h]);
    auto up = head_word(st, *h);
    // The cue is the predicate of a copula ("the comments were in response to signals", "the
    // profit was the result of competition"): its subject is the effect.
    if (up && *up >= p && *up < cue_end)
      if (const auto subject = child_where(st, p, cue_end, [&](const std::string& rel, std::size_t x) {
            return rel.rfind("nsubj", 0) == 0 && x < p && st.event_at[x] >= 0;
          }))
        if (static_cast<std::size_t>(st.event_at[*subject]) != cause)
          return std::make_pair(cause, static_cast<std::size_t>(st.event_at[*subject]));
    // A reason clause with its own subject hanging on an infinitive complement ("withdrew its
    // offer to acquire the airline because the carrier did not respond", the infinitive read
    // as xcomp) explains the verb the infinitive completes.
    if (up && *up > 0 && st.words[*up].xpos == "VB" && st.words[*up - 1].lower == "to" &&
        st.doc.tokens[st.words[*up].token].deprel == "xcomp" && has_subject(st, *h))
      if (const auto governor = head_word(st, *up); governor && st.event_at[*governor] >= 0 &&
                                                    st.words[*governor].tag == upos::verb)
        up = governor;
    auto effect = event_above(st, up, 2);
    // A reason hung on a reporting verb explains what it reports ("said it withdrew its offer
    // because the carrier did not respond", "continued to be depressed, the company added,
    // because of ..."): its clausal complement, else its object ("report a loss because of
    // special reserves"), else the clause it interrupts.
    if (effect && evs[*effect].cls == event_class::reporting) {
      const auto w = st.event_word[*effect];
      const auto event_child = [&](const char* which) {
        return child_where(st, w, w + 1, [&](const std::string& rel, std::size_t x) {
          return rel == which && st.event_at[x] >= 0;
        });
      };
      if (const auto c = event_child("ccomp")) effect = static_cast<std::size_t>(st.event_at[*c]);
      else if (const auto o = event_child("obj")) effect = static_cast<std::size_t>(st.event_at[*o]);
      else if (const auto gov = head_word(st, w);
               gov && st.doc.tokens[st.words[w].token].deprel == "parataxis" && st.event_at[*gov] >= 0)
        effect = static_cast<std::size_t>(st.event_at[*gov]);
    }
    // A reason given for an infinitive or gerund complement explains the verb it completes
    // ("stopped paying a dividend because of troubles": stopped; "offered to help offset its
    // costs because ...": offered).
    for (int k = 0; effect && k < 3; ++k) {
      const auto w = st.event_word[*effect];
      if (st.doc.tokens[st.words[w].token].deprel != "xcomp") break;
      const auto gov = head_word(st, w);
      if (!gov || st.event_at[*gov] < 0 || st.words[*gov].tag != upos::verb || *gov > p) break;
      effect = static_cast<std::size_t>(st.event_at[*gov]);
    }
    if (!effect || *effect == cause) return std::nullopt;
    return std::make_pair(cause, *effect);
  }

  /// (cause, effect) for a causal verb at words [p, cue_end) from the parse: an event in its
  /// subject (the noun a relative clause modifies when the subject is "that"/"which") and its
  /// object or the "to" phrase after it ("led to the deaths").
  static std::optional<std::pair<std::size_t, std::size_t>> dependency_forward(const doc_state& st, std::size_t p,
                                                                               std::size_t cue_end) {
    const auto s = st.words[p].sentence;
    // The subject of the verb, or of the verb it completes ("is likely to lead to"); the first
    // object, "to" phrase or complement that is an event ("led employers to raise wages").
    const auto child = [&](std::size_t of, auto&& accept) -> std::optional<std::size_t> {
      std::optional<std::size_t> first;
      for (std::size_t x = st.sent_begin[s]; x < st.sent_end[s]; ++x) {
        const auto h = head_word(st, x);
        if (!h || *h != of || !accept(st.doc.tokens[st.words[x].token].deprel, x)) continue;
        if (st.event_at[x] >= 0) return x;
        if (!first) first = x;
      }
      return first;
    };
    const auto is_subject = [](const std::string& rel, std::size_t) { return rel == "nsubj" || rel == "nsubj:pass"; };
    auto subject = child(p, is_subject);
    // The subject of the verb it completes ("is likely to lead to") or that it is coordinated
    // with ("the bomb was found and would have caused massive destruction").
    if (!subject && (st.doc.tokens[st.words[p].token].deprel == "xcomp" || st.doc.tokens[st.words[p].token].deprel == "conj"))
      if (const auto h = head_word(st, p)) subject = child(*h, is_subject);
    auto object = child(p, [&](const std::string& rel, std::size_t x) {
      // ("led employers to raise wages": the parser may attach the infinitive as advcl)
      return x >= cue_end && (rel == "obj" || rel == "obl" || rel == "xcomp" ||
                              (rel == "advcl" && st.event_at[x] >= 0 && st.words[x].xpos == "VB"));
    });
    // ... or to the object, as a clause modifying it ("led the company to raise wages" read as
    // "the company to raise wages"): the infinitive is the complement.
    if (object && st.event_at[*object] < 0 && st.doc.tokens[st.words[*object].token].deprel == "obj")
      if (const auto inf = child(*object, [&](const std::string& rel, std::size_t x) {
            return x > *object && rel == "acl" && st.event_at[x] >= 0 && st.words[x].xpos == "VB" && x > 0 &&
                   st.words[x - 1].lower == "to";
          });
          inf && st.event_at[*inf] >= 0)
        object = inf;
    if (!subject || !object) return std::nullopt;
    std::optional<std::size_t> cause;
    if (st.event_at[*subject] >= 0) cause = static_cast<std::size_t>(st.event_at[*subject]);
    else if (st.words[*subject].starts_clause || st.words[*subject].tag == upos::pron) {
      // "the policies that led to ...": the relative clause's noun.
      const auto& rel = st.doc.tokens[st.words[p].token].deprel;
      if (rel.rfind("acl", 0) == 0) cause = event_above(st, head_word(st, p), 0);
    }
    // "It resulted in a positive conclusion": "it" is the event the previous sentence is about
    // (the event noun that is its subject: "The call lasted 90 minutes").
    if (!cause && s > 0 && (st.words[*subject].lower == "it" || st.words[*subject].lower == "this"))
      for (std::size_t x = st.sent_begin[s - 1]; x < st.sent_end[s - 1] && !cause; ++x)
        if (st.event_at[x] >= 0 && st.words[x].tag == upos::noun &&
            st.doc.tokens[st.words[x].token].deprel.rfind("nsubj", 0) == 0)
          cause = static_cast<std::size_t>(st.event_at[x]);
    if (!cause || st.event_at[*object] < 0) return std::nullopt;
    const auto effect = static_cast<std::size_t>(st.event_at[*object]);
    if (effect == *cause) return std::nullopt;
    return std::make_pair(*cause, effect);
  }

  void causal_links(const doc_state& st, std::vector<event_mention>& evs, std::vector<link_type>& out,
                    std::vector<diagnostic>& diagnostics) const {
    for (std::size_t s = 0; s < st.sent_begin.size(); ++s) {
      const auto b = st.sent_begin[s], e = st.sent_end[s];
      for (std::size_t p = b; p < e; ++p) {
        if (!st.cues_at[p]) continue;
        const causal_cue* cue = nullptr;
        for (const auto i : *st.cues_at[p]) {
          const auto& c = tables_.causal[i];
          const auto len = c.words.size();
          if (p + len > e) continue;
          bool match = true;
          for (std::size_t k = 0; k < len && match; ++k) match = st.words[p + k].lower == c.words[k];
          if (match) {
            cue = &c;
            break;
          }
        }
        if (!cue) continue;
        const auto cue_end = p + cue->words.size();
        // "due to expire": "to" opens an infinitive, not the cause.
        if (cue->words.back() == "to" && cue_end < e && st.words[cue_end].xpos == "VB") continue;
        // "the Soviet-led effort": a verb cue inside a hyphenated word is an adjective.
        if (p > b && st.doc.tokens[st.words[p - 1].token].form == "-" &&
            st.doc.tokens[st.words[p - 1].token].span.end == st.doc.tokens[st.words[p].token].span.begin)
          continue;
        // The event before the cue: the nearest one; a noun that is the direct object of a verb
        // ("hiked tariffs ... in retaliation") stands for that verb, a noun in a prepositional
        // phrase ("called for enforcement to prevent") stands for itself.
        const auto left = [&]() -> std::optional<std::size_t> {
          // A relative clause ("the dispute, which stems from ..."): the noun it modifies.
          if (p > b && (st.words[p - 1].lower == "which" || st.words[p - 1].lower == "that")) {
            std::size_t x = p - 1;
            if (x > b && st.words[x - 1].lower == ",") --x;
            if (x > b && st.event_at[x - 1] >= 0) return static_cast<std::size_t>(st.event_at[x - 1]);
          }
          // After a comma the cue opens a participle clause about the whole preceding clause
          // ("The U.S. backed away from that deal, leading to ..."): its main verb is the cause.
          if (p > b && st.words[p - 1].is_boundary)
            for (std::size_t x = p - 1; x > b; --x) {
              const int ev = st.event_at[x - 1];
              if (ev >= 0 && evs[static_cast<std::size_t>(ev)].pos == upos::verb &&
                  evs[static_cast<std::size_t>(ev)].cls != event_class::reporting)
                return static_cast<std::size_t>(ev);
            }
          for (std::size_t x = p; x > b; --x) {
            const int ev = st.event_at[x - 1];
            if (ev < 0) continue;
            const auto& m = evs[static_cast<std::size_t>(ev)];
            if (m.cls == event_class::reporting || m.cls == event_class::i_state) continue;
            if (m.pos == upos::verb) return static_cast<std::size_t>(ev);
            for (std::size_t y = x - 1; y > b; --y) {
              const auto& t = st.words[y - 1];
              const int v = st.event_at[y - 1];
              if (v >= 0 && evs[static_cast<std::size_t>(v)].pos == upos::verb) {
                const auto cls = evs[static_cast<std::size_t>(v)].cls;
                if (cls == event_class::reporting || cls == event_class::i_state) break;
                return static_cast<std::size_t>(v);
              }
              if (t.tag == upos::det || t.tag == upos::adj || t.tag == upos::num || t.tag == upos::noun ||
                  t.tag == upos::propn || t.tag == upos::sym || t.tag == upos::pron ||
                  (t.tag == upos::punct && (st.doc.tokens[t.token].form == "-" || st.doc.tokens[t.token].form == "%")))
                continue;
              break;
            }
            return static_cast<std::size_t>(ev);
          }
          return std::nullopt;
        };
        const auto right = [&]() -> std::optional<std::size_t> {
          for (std::size_t x = cue_end; x < e && x < cue_end + 8; ++x) {
            const int ev = st.event_at[x];
            if (ev >= 0 && evs[static_cast<std::size_t>(ev)].cls != event_class::reporting) {
              // A noun that is the subject of the next verb ("so that talks could resume"):
              // the clause's event is the verb.
              std::size_t y = x + 1;
              while (y < e && y < x + 4 && (!st.words[y].aux.empty() || st.words[y].tag == upos::adv)) ++y;
              if (evs[static_cast<std::size_t>(ev)].pos == upos::noun && y < e && st.event_at[y] >= 0 &&
                  evs[static_cast<std::size_t>(st.event_at[y])].pos == upos::verb)
                return static_cast<std::size_t>(st.event_at[y]);
              return static_cast<std::size_t>(ev);
            }
          }
          return std::nullopt;
        };
        const auto previous_sentence = [&]() -> std::optional<std::size_t> {
          if (s == 0) return std::nullopt;
          std::optional<std::size_t> best;
          // The most salient verb of the previous sentence (its main event), else its best noun.
          for (std::size_t k = 0; k < evs.size(); ++k) {
            if (evs[k].sentence != s - 1 || evs[k].cls == event_class::reporting) continue;
            if (!best) {
              best = k;
              continue;
            }
            const bool kv = evs[k].pos == upos::verb, bv = evs[*best].pos == upos::verb;
            if ((kv && !bv) || (kv == bv && evs[k].salience > evs[*best].salience)) best = k;
          }
          return best;
        };
        // The event verb of the clause right before the cue ("Xi could resolve these differences
        // so that ...": resolve), none when that clause has none.
        const auto clause_before = [&]() -> std::optional<std::size_t> {
          for (std::size_t x = p; x > b; --x) {
            if (x < p && st.words[x - 1].is_boundary && !st.words[x - 1].starts_clause) break;
            const int ev = st.event_at[x - 1];
            if (ev >= 0 && evs[static_cast<std::size_t>(ev)].pos == upos::verb &&
                evs[static_cast<std::size_t>(ev)].cls != event_class::reporting)
              return static_cast<std::size_t>(ev);
          }
          return std::nullopt;
        };
        // Only punctuation, quotes and conjunctions before the cue: it opens the sentence.
        bool opens_sentence = true;
        for (std::size_t x = b; x < p && opens_sentence; ++x)
          opens_sentence = st.words[x].tag == upos::punct || st.words[x].tag == upos::cconj;
        std::optional<std::size_t> cause, effect;
        if (cue->direction == "forward") {
          cause = left(), effect = right();
          // A connective that opens the sentence ("Therefore, ...", "Consequently, ...") points
          // back to the previous sentence; a causal verb whose subject is no event does not.
          if (!cause && opens_sentence) cause = previous_sentence();
        }
        else if (cue->direction == "clause") {
          cause = clause_before(), effect = right();
        }
        else if (cue->direction == "backward") {
          // With a parse, the cue marks the cause's clause or phrase ("because Y", "because of
          // Y"), and that phrase hangs on the effect: cause = the cue's head, effect = the
          // nearest event above it. Without one, the nearest events on either side.
          if (const auto dep = dependency_backward(st, evs, p, cue_end)) cause = dep->first, effect = dep->second;
          else effect = left(), cause = right();
        }
        else if (cue->direction == "parse_backward") {
          // An ambiguous preposition ("by"): only where the parse shows the cue
          // introducing an event that depends on another; nearest events in unparsed text.
          bool parsed = false;
          for (std::size_t x = b; x < e && !parsed; ++x) parsed = st.doc.tokens[st.words[x].token].head >= 0;
          if (const auto dep = dependency_backward(st, evs, p, cue_end)) cause = dep->first, effect = dep->second;
          else if (!parsed) effect = left(), cause = right();
        }
        else if (cue->direction == "parse_forward") {
          // A common verb that is causal with a subject and an event as its object or
          // complement ("sanctions force Saddam to withdraw"); nearest events in unparsed text.
          bool parsed = false;
          for (std::size_t x = b; x < e && !parsed; ++x) parsed = st.doc.tokens[st.words[x].token].head >= 0;
          if (!parsed) cause = left(), effect = right();
        }
        else if (cue->direction == "parse_reverse") {
          // A verb whose object or complement causes its subject ("the increase reflected the
          // strength of demand"); nearest events in unparsed text.
          bool parsed = false;
          for (std::size_t x = b; x < e && !parsed; ++x) parsed = st.doc.tokens[st.words[x].token].head >= 0;
          if (const auto dep = dependency_forward(st, p, cue_end)) cause = dep->second, effect = dep->first;
          else if (!parsed) effect = left(), cause = right();
        }
        else if (cue->direction == "backward_prev") effect = left(), cause = previous_sentence();
        else if (cue->direction == "forward_prev") cause = previous_sentence(), effect = right();
        else if (cue->direction == "self_backward") {
          if (st.event_at[p] >= 0) effect = static_cast<std::size_t>(st.event_at[p]);
          cause = right();
        }
        // A causal verb with a parse: its subject causes its object ("the policies that led to
        // the deaths", "sanctions force Saddam to withdraw").
        if (cue->direction == "forward" || cue->direction == "parse_forward")
          if (const auto dep = dependency_forward(st, p, cue_end)) cause = dep->first, effect = dep->second;
        if (!cause || !effect || *cause == *effect) continue;
        // An infinitive of purpose ("cut rates to help growth") is no purpose after a verb that
        // takes an infinitive as its object ("offered to help offset", "asked her to help
        // organize", "agreed to allow them to leave"): the infinitive is what was offered.
        // With a parse, only where the infinitive is that verb's complement (xcomp): "extended
        // the offer to allow shareholders time" is a purpose; without one, after any I_ACTION
        // or I_STATE verb.
        if (cue->words.front() == "to" && p + 1 < e &&
            (evs[*cause].cls == event_class::i_action || evs[*cause].cls == event_class::i_state)) {
          const auto h = head_word(st, p + 1);
          if (!h || (st.doc.tokens[st.words[p + 1].token].deprel == "xcomp" && *h == st.event_word[*cause])) continue;
        }
        // A cause may not start after its effect has ended.
        const auto dc = days_of(evs[*cause].when_value), de = days_of(evs[*effect].when_value);
        if (dc && de && dc->begin >= de->end) {
          diagnostic d;
          d.level = severity::info;
          d.stage = "relations";
          d.doc = st.doc.doc.id;
          d.span = st.doc.tokens[st.words[p].token].span;
          d.rule = "causal.order";
          d.message = "causal cue \"" + join(cue->words) + "\" dropped: the cause (" + evs[*cause].when_value +
                      ") is dated after the effect (" + evs[*effect].when_value + ")";
          diagnostics.push_back(std::move(d));
          continue;
        }
        // "X in retaliation" right after a dated X-sentence: the retaliation is dated like its
        // cause when that date is a month or coarser (the reply falls within the same period) and
        // the cause's own (`lends_date`: not a report's time).
        if ((cue->direction == "backward_prev" || cue->direction == "forward_prev") &&
            evs[*effect].when_value.empty() && dc && lends_date(st, evs, *cause)) {
          const auto g = grain_of(evs[*cause].when_value);
          if (g && *g >= 2) {
            evs[*effect].when_value = evs[*cause].when_value;
            evs[*effect].when_anchor = "inferred";
          }
        }
        const auto emit = [&](std::size_t cause_ev, std::size_t effect_ev) {
          // Evidence: the cue and the words after it up to the end of the phrase it introduces.
          std::size_t ev_end = cue_end;
          const auto right_event = std::max(st.event_word[cause_ev], st.event_word[effect_ev]);
          if (right_event >= cue_end && right_event < e) ev_end = right_event + 1;
          while (ev_end < e && ev_end < cue_end + 10 && !st.words[ev_end].is_boundary &&
                 st.words[ev_end].tag != upos::punct && st.event_at[ev_end] < 0 &&
                 st.words[ev_end].tag != upos::verb)
            ++ev_end;
          std::size_t ev_begin = p;
          if (cue->direction == "backward" || cue->direction == "backward_prev" || cue->direction == "self_backward" ||
              cue->direction == "parse_reverse")
            ev_begin = std::min(p, st.event_word[effect_ev]);
          link_type l;
          l.from = evs[cause_ev].id;
          l.to = evs[effect_ev].id;
          l.rel = cue->rel;
          l.evidence = {st.doc.tokens[st.words[ev_begin].token].span.begin,
                        st.doc.tokens[st.words[ev_end - 1].token].span.end};
          l.rule = "causal.cue:" + join(cue->words);
          l.confidence = cue->direction == "forward" || cue->direction == "backward" ? 0.75 : 0.6;
          out.push_back(std::move(l));
        };
        emit(*cause, *effect);
        // Coordinated causes share the effect ("because of special reserves and continued low
        // prices", "by overproducing oil and driving down prices"): each conjunct of the cause
        // that is an event, on the cause's side of the cue and in the cue's sentence, causes it too.
        const auto before_cue = [&](std::size_t ev) { return st.event_word[ev] < p; };
        if (st.words[st.event_word[*cause]].sentence == s)
          for (const auto c : conjuncts(st, *cause))
            if (c != *effect && before_cue(c) == before_cue(*cause) && before_cue(c) != before_cue(*effect))
              emit(c, *effect);
        // Coordinated effects share the cause the same way ("because of the strike, the plant
        // closed and the workers protested").
        if (st.words[st.event_word[*effect]].sentence == s)
          for (const auto c : conjuncts(st, *effect))
            if (c != *cause && evs[c].cls != event_class::reporting &&
                (st.event_word[c] < std::min(p, st.event_word[*cause]) ||
                                st.event_word[c] > std::max(cue_end, st.event_word[*cause])))
              emit(*cause, c);
        p = cue_end - 1;
      }
    }
  }
};

}  // namespace

// Precision first: the links the causal model adds on its own are about 3 in 10 right (5-fold on
// Causal-TimeBank), and a story's causal arrows are read as facts. So the shipped linker lets the
// model confirm or overrule the ambiguous cue "by" and adds none of its own: rules + model
// P 0.675 R 0.358 F1 0.468, against P 0.636 R 0.374 F1 0.471 at margin 0 (eval_causal --margins
// 0,5,15,1000 prints the trade-off).
double default_causal_margin() noexcept { return std::numeric_limits<double>::infinity(); }

std::vector<std::string> checked_causal_rules(const linker_tables& tables) {
  std::vector<std::string> out;
  for (const auto& c : tables.causal) {
    if (c.direction != "parse_backward") continue;
    std::string rule = "causal.cue:";
    for (std::size_t k = 0; k < c.words.size(); ++k) rule += (k ? " " : "") + c.words[k];
    out.push_back(std::move(rule));
  }
  return out;
}

namespace {

std::shared_ptr<const linker> model_linker(std::shared_ptr<const events::lexicon> lex, pair_model order,
                                           double order_margin, tlink_models tlinks, pair_model causal,
                                           double causal_margin) {
  auto models = std::make_shared<pair_models>();
  models->order = std::move(order);
  models->order_margin = order_margin;
  models->tlinks = std::move(tlinks);
  models->causal = std::move(causal);
  models->causal_margin = causal_margin;
  return std::make_shared<default_linker>(std::move(lex),
                                          linker_tables::load(resource_path("relations", "causal_cues.tsv").parent_path()),
                                          std::move(models));
}

}  // namespace

std::shared_ptr<const linker> linker::load_default() { return load_default(events::lexicon::load_default()); }

std::shared_ptr<const linker> linker::load_default(std::shared_ptr<const events::lexicon> lex) {
  const auto dir = resource_path("relations", "causal_cues.tsv").parent_path();
  return model_linker(std::move(lex), pair_model::load(dir / "matres_pairs.model"),
                      32.0,  // precision 0.86 on 35% of the pairs (5-fold on TimeBank, eval_matres --cv 5)
                      tlink_models::load(dir), pair_model::load(dir / "causal_pairs.model"), default_causal_margin());
}

std::shared_ptr<const linker> make_model_linker(pair_model order, double order_margin, tlink_models tlinks,
                                                pair_model causal, double causal_margin) {
  return model_linker(events::lexicon::load_default(), std::move(order), order_margin, std::move(tlinks),
                      std::move(causal), causal_margin);
}

std::vector<link> rule_links(const linker& l, const text::annotated_document& doc,
                             const std::vector<timex::mention>& times, std::vector<events::event_mention>& events,
                             std::vector<diagnostic>& diagnostics) {
  const auto* d = dynamic_cast<const default_linker*>(&l);
  if (!d) throw std::logic_error("rule_links: not the default linker");
  return d->rule_links(doc, times, events, diagnostics);
}

std::shared_ptr<const linker> make_linker(std::shared_ptr<const events::lexicon> lex, linker_tables tables) {
  return std::make_shared<default_linker>(std::move(lex), std::move(tables));
}

}  // namespace chronograph::relations
