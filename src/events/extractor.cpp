// SPDX-License-Identifier: MIT
// The default event extractor: triggers from tags and lexicons, TimeML attributes from the
// auxiliary chain, actors from names in the trigger's clause, quantities with change roles, a
// short summary built from the clause, and a salience score for the default timeline.
#include <algorithm>
#include <cctype>
#include <cmath>
#include <map>
#include <set>

#include "chronograph/events/event.hpp"
#include "chronograph/events/lexicon.hpp"

namespace chronograph::events {

using namespace std::string_view_literals;

const char* to_string(event_class c) noexcept {
  switch (c) {
    case event_class::occurrence: return "OCCURRENCE";
    case event_class::reporting: return "REPORTING";
    case event_class::i_action: return "I_ACTION";
    case event_class::i_state: return "I_STATE";
    case event_class::aspectual: return "ASPECTUAL";
    case event_class::state: return "STATE";
    case event_class::perception: return "PERCEPTION";
  }
  return "OCCURRENCE";
}

const char* to_string(tense t) noexcept {
  switch (t) {
    case tense::none: return "NONE";
    case tense::past: return "PAST";
    case tense::present: return "PRESENT";
    case tense::future: return "FUTURE";
    case tense::infinitive: return "INFINITIVE";
    case tense::prespart: return "PRESPART";
    case tense::pastpart: return "PASTPART";
  }
  return "NONE";
}

const char* to_string(aspect a) noexcept {
  switch (a) {
    case aspect::none: return "NONE";
    case aspect::progressive: return "PROGRESSIVE";
    case aspect::perfective: return "PERFECTIVE";
    case aspect::perfective_progressive: return "PERFECTIVE_PROGRESSIVE";
  }
  return "NONE";
}

const char* to_string(polarity p) noexcept { return p == polarity::neg ? "NEG" : "POS"; }

namespace {

using text::upos;

bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

// What std::string::rfind(prefix, 0) == 0 tests, without the call and its memcmp per token.
bool starts_with(std::string_view s, std::string_view prefix) {
  return s.size() >= prefix.size() && s.substr(0, prefix.size()) == prefix;
}

/// The form without a final possessive "'s" (or "’s"), as a view of it.
std::string_view strip_possessive(std::string_view form) {
  if (ends_with(form, "'s")) return form.substr(0, form.size() - 2);
  if (ends_with(form, "\xE2\x80\x99s")) return form.substr(0, form.size() - 4);
  return form;
}

/// True when `f` may be a quotation mark: they all open with one of these bytes (most words do not).
inline bool may_be_quote(std::string_view f) {
  if (f.empty()) return false;
  const char c = f.front();
  return c == '"' || c == '\'' || c == '`' || c == '\xE2';
}

bool is_double_quote_form(std::string_view f) {
  return f == "\""sv || f == "\xE2\x80\x9C"sv || f == "\xE2\x80\x9D"sv || f == "``"sv || f == "''"sv;
}
bool is_quote_form(std::string_view f) {
  return is_double_quote_form(f) || f == "'"sv || f == "\xE2\x80\x98"sv || f == "\xE2\x80\x99"sv;
}

/// A double quotation mark: what opens and closes a quotation (single marks double as apostrophes).
/// (The first-byte test inline, the comparisons out of line: most words fail the first.)
inline bool is_double_quote(std::string_view f) { return may_be_quote(f) && is_double_quote_form(f); }

inline bool is_quote(std::string_view f) { return may_be_quote(f) && is_quote_form(f); }

/// A name found in a sentence (word indices [first, last]).
struct entity {
  std::size_t run_first = 0;        // first word of the name as written, titles included
  std::size_t first = 0, last = 0;  // the name without titles
  std::string name;       // after title stripping and aliasing
  std::string canonical;  // document-level short form
  bool person = false;
  char gender = 0;  // 'm', 'f' (a title or given name says so: person_words.tsv), or 0
};

/// The gender a personal pronoun says: 'm' (he, him, his), 'f' (she, her), else 0.
inline char pronoun_gender(std::string_view lower) {
  if (lower == "he"sv || lower == "him"sv || lower == "his"sv || lower == "himself"sv) return 'm';
  if (lower == "she"sv || lower == "her"sv || lower == "hers"sv || lower == "herself"sv) return 'f';
  return 0;
}

/// Whether a pronoun of `gender` may stand for entity e: neither says, or they agree.
inline bool gender_agrees(const entity& e, char gender) { return !e.gender || !gender || e.gender == gender; }

/// A number with its unit, found in a sentence.
struct found_quantity {
  std::size_t first = 0, last = 0;  // word indices
  quantity q;
};

/// Everything the extractor needs about one document.
struct doc_context {
  const text::annotated_document& doc;
  const lexicon& lex;
  std::vector<word> described;  // the words, when the context describes the document itself
  const std::vector<word>& words;
  std::vector<int> timex_of;          // word -> index into times, -1
  std::vector<std::size_t> sent_begin, sent_end;  // word ranges per sentence
  std::vector<entity> entities;       // document order
  std::vector<bool> in_entity;            // per word: inside a name
  std::vector<std::size_t> entity_begin;  // per sentence: first entity index (entities of s are
                                          // [entity_begin[s], entity_begin[s + 1]))
  std::vector<bool> boilerplate;      // per sentence: page furniture, no events
  std::vector<bool> dateline;         // per word: a dateline ("NEW YORK -") and its dash
  detail::string_set<std::string_view> mid_caps;  // forms written capitalised inside a sentence
  /// Capitalised forms the document writes without a hyphen on either side ("Trump", "Xi"): the
  /// parts of "the Trump-Xi call" that are names elsewhere are names there too ("Coca-Cola" is not).
  detail::string_set<std::string_view> free_names;
  const std::vector<timex::mention>& times;

  doc_context(const text::annotated_document& d, const lexicon& l, const std::vector<timex::mention>& t)
      : doc(d), lex(l), described(l.describe(d)), words(described), times(t) {
    index();
  }
  // Over words that `l` has described already.
  doc_context(const text::annotated_document& d, const lexicon& l, const std::vector<word>& w,
              const std::vector<timex::mention>& t)
      : doc(d), lex(l), words(w), times(t) {
    index();
  }

  // The per-word and per-sentence tables above, from the words.
  void index() {
    timex_of.assign(words.size(), -1);
    {
      // Words and times are both in text order: one sweep (times sorted by start).
      std::vector<std::size_t> order(times.size());
      for (std::size_t k = 0; k < order.size(); ++k) order[k] = k;
      std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return times[a].span < times[b].span; });
      std::size_t next = 0;
      for (std::size_t w = 0; w < words.size(); ++w) {
        const auto& span = doc.tokens[words[w].token].span;
        while (next < order.size() && times[order[next]].span.end <= span.begin) ++next;
        for (std::size_t k = next; k < order.size() && times[order[k]].span.begin < span.end; ++k)
          if (times[order[k]].span.overlaps(span)) {
            timex_of[w] = static_cast<int>(order[k]);
            break;
          }
      }
    }
    sent_begin.assign(doc.sentences.size(), 0);
    sent_end.assign(doc.sentences.size(), 0);
    boilerplate.assign(doc.sentences.size(), false);
    for (std::size_t s = 0; s < doc.sentences.size(); ++s) {
      const auto& span = doc.sentences[s].span;
      const auto text = std::string_view(doc.doc.text).substr(std::min(span.begin, doc.doc.text.size()),
                                                               span.size());
      boilerplate[s] = lex.is_boilerplate(text);
    }
    std::vector<bool> seen(doc.sentences.size(), false);
    for (std::size_t w = 0; w < words.size(); ++w) {
      const auto s = words[w].sentence;
      if (!seen[s]) {
        sent_begin[s] = w;
        seen[s] = true;
      } else if (words[w].capitalized && words[w - 1].tag != text::upos::punct) {
        mid_caps.insert(strip_possessive(doc.tokens[words[w].token].form));
      }
      sent_end[s] = w + 1;
    }
    const auto hyphen = [&](std::size_t x) { return doc.tokens[words[x].token].form == "-"; };
    for (std::size_t w = 0; w < words.size(); ++w) {
      if (!words[w].capitalized) continue;
      const bool left = w > 0 && hyphen(w - 1) && span(w - 1).end == span(w).begin;
      const bool right = w + 1 < words.size() && hyphen(w + 1) && span(w).end == span(w + 1).begin;
      if (!left && !right) free_names.insert(strip_possessive(doc.tokens[words[w].token].form));
    }
  }

  /// Marks the datelines: a sentence that opens with words in capitals and a dash.
  void mark_datelines() {
    dateline.assign(words.size(), false);
    for (std::size_t s = 0; s < sent_begin.size(); ++s) {
      std::size_t x = sent_begin[s];
      while (x < sent_end[s]) {
        const auto& f = form(x);
        bool caps = f.size() >= 2;
        for (unsigned char c : f)
          if (!std::isupper(c)) caps = false;  // letters only: "U.S.-China talks" is no dateline
        if (!caps) break;
        ++x;
      }
      if (x == sent_begin[s] || x >= sent_end[s] || span(x - 1).end == span(x).begin) continue;
      const auto& dash = form(x);
      if (dash != "-" && dash != "--" && dash != "\xE2\x80\x94" && dash != "\xE2\x80\x93") continue;
      for (std::size_t y = sent_begin[s]; y <= x; ++y) dateline[y] = true;
    }
  }

  /// The words of w's sentence whose parse head is w, in text order ([first, last) of word indices).
  [[nodiscard]] std::pair<const std::uint32_t*, const std::uint32_t*> dependents(std::size_t w) const {
    if (!dependents_made_) make_dependents();
    return {dependent_list_.data() + dependent_start_[w], dependent_list_.data() + dependent_start_[w + 1]};
  }
  // dependents(), made on first use: one pass over the words instead of one per question.
  mutable std::vector<std::uint32_t> dependent_start_, dependent_list_;
  mutable bool dependents_made_ = false;
  void make_dependents() const {
    dependents_made_ = true;
    dependent_start_.assign(words.size() + 1, 0);
    const auto head_word = [&](std::size_t s, std::size_t x) -> std::size_t {  // words.size() when none
      const int h = doc.tokens[words[x].token].head;
      return h >= 0 && sent_begin[s] + static_cast<std::size_t>(h) < sent_end[s] ? sent_begin[s] + static_cast<std::size_t>(h)
                                                                                  : words.size();
    };
    for (std::size_t s = 0; s < sent_begin.size(); ++s)
      for (std::size_t x = sent_begin[s]; x < sent_end[s]; ++x)
        if (const auto h = head_word(s, x); h < words.size()) ++dependent_start_[h + 1];
    for (std::size_t w = 0; w < words.size(); ++w) dependent_start_[w + 1] += dependent_start_[w];
    dependent_list_.resize(dependent_start_[words.size()]);
    std::vector<std::uint32_t> next(dependent_start_.begin(), dependent_start_.end() - 1);
    for (std::size_t s = 0; s < sent_begin.size(); ++s)
      for (std::size_t x = sent_begin[s]; x < sent_end[s]; ++x)
        if (const auto h = head_word(s, x); h < words.size()) dependent_list_[next[h]++] = static_cast<std::uint32_t>(x);
  }

  [[nodiscard]] const std::string& form(std::size_t w) const { return doc.tokens[words[w].token].form; }
  [[nodiscard]] byte_span span(std::size_t w) const { return doc.tokens[words[w].token].span; }
  [[nodiscard]] bool in_timex(std::size_t w) const { return timex_of[w] >= 0; }
  /// True when word w is written directly against word w + 1 ("Tit-for-tat", "145%").
  [[nodiscard]] bool glued(std::size_t w) const {
    return w + 1 < words.size() && words[w + 1].sentence == words[w].sentence && span(w).end == span(w + 1).begin;
  }

  /// Clause around word w: [begin, end) bounded by clause punctuation and subordinators.
  [[nodiscard]] std::pair<std::size_t, std::size_t> clause(std::size_t w) const {
    const auto s = words[w].sentence;
    std::size_t b = w, e = w + 1;
    while (b > sent_begin[s] && !words[b - 1].is_boundary) --b;
    while (e < sent_end[s] && !words[e].is_boundary) ++e;
    return {b, e};
  }

  /// A lone apostrophe that marks a plural's possessive ("the leaders’ call": tagged POS, right
  /// after a word ending in "s"), not a closing quotation mark ("the 'one China' policy").
  [[nodiscard]] bool possessive_mark(std::size_t x) const {
    if (words[x].xpos != "POS" || x == 0 || words[x - 1].sentence != words[x].sentence) return false;
    const auto& prev = form(x - 1);
    return !prev.empty() && (prev.back() == 's' || prev.back() == 'S') && span(x - 1).end == span(x).begin;
  }

  /// Text of the given words, adjacent ones joined by the original spacing.
  [[nodiscard]] std::string render(std::vector<std::size_t> ws) const {
    std::sort(ws.begin(), ws.end());
    ws.erase(std::unique(ws.begin(), ws.end()), ws.end());
    std::string out;
    std::size_t bytes = 0;
    for (const auto x : ws) bytes += form(x).size() + 1;
    out.reserve(bytes);
    for (std::size_t k = 0; k < ws.size(); ++k) {
      const auto& f = form(ws[k]);
      if (is_quote(f) && !possessive_mark(ws[k])) continue;  // not a possessive ("the leaders’ call")
      if (!out.empty()) {
        if (k > 0 && ws[k - 1] + 1 == ws[k] && !is_quote(form(ws[k - 1]))) {
          const auto gap_b = span(ws[k - 1]).end, gap_e = span(ws[k]).begin;
          if (gap_e > gap_b) out += ' ';
        } else {
          out += ' ';
        }
      }
      out += f;
    }
    return out;
  }
};

bool is_content(const word& w) {
  return w.tag == upos::noun || w.tag == upos::propn || w.tag == upos::adj || w.tag == upos::num ||
         w.tag == upos::sym;
}

class default_extractor final : public extractor {
 public:
  explicit default_extractor(std::shared_ptr<const lexicon> lex) : lex_(std::move(lex)) {}

  std::vector<event_mention> extract(const text::annotated_document& doc, const std::vector<timex::mention>& times,
                                     std::vector<diagnostic>& diagnostics) const override {
    doc_context ctx(doc, *lex_, times);
    return extract_from(ctx, diagnostics);
  }

  const lexicon* word_lexicon() const noexcept override { return lex_.get(); }

  std::vector<event_mention> extract_described(const text::annotated_document& doc, const std::vector<word>& words,
                                               const std::vector<timex::mention>& times,
                                               std::vector<diagnostic>& diagnostics) const override {
    doc_context ctx(doc, *lex_, words, times);
    return extract_from(ctx, diagnostics);
  }

 private:
  std::shared_ptr<const lexicon> lex_;

  std::vector<event_mention> extract_from(doc_context& ctx, std::vector<diagnostic>& diagnostics) const {
    const auto& doc = ctx.doc;
    if (doc.tokens.empty() && !doc.doc.text.empty()) {
      diagnostic d;
      d.level = severity::warning;
      d.stage = "events";
      d.doc = doc.doc.id;
      d.rule = "events.no_tokens";
      d.message = "document has text but no tokens; no events extracted";
      diagnostics.push_back(std::move(d));
      return {};
    }
    find_entities(ctx);
    ctx.mark_datelines();
    std::vector<event_mention> out;
    std::vector<std::size_t> trigger_word;
    out.reserve(ctx.words.size() / 4 + 8);
    trigger_word.reserve(ctx.words.size() / 4 + 8);
    for (std::size_t w = 0; w < ctx.words.size(); ++w)
      if (make_event(ctx, w, out)) trigger_word.push_back(w);
    const auto gaps = gapped_changes(ctx, out, trigger_word);
    attach_quantities(ctx, out, trigger_word, gaps);
    for (std::size_t k = 0; k < out.size(); ++k) {
      out[k].id = "e" + std::to_string(k + 1);
      if (gaps[k].verb != no_gap) {
        // The gapped change reads as its verb with its own phrase: "Talks reduced Chinese tariffs
        // on U.S. goods to 10%".
        const auto v = gaps[k].verb;
        out[k].summary = summarize(ctx, out[v], trigger_word[v], gaps[k].first, gaps[k].end);
        score(ctx, out[k], trigger_word[k], out[v].lemma);
      } else {
        out[k].summary = summarize(ctx, out[k], trigger_word[k], no_gap, gaps[k].end);
        score(ctx, out[k], trigger_word[k]);
      }
    }
    // What a change changes is a mention of it ("lowered duties on most other countries to 10%":
    // the duties are the lowering), whatever the relations stage finds about either's date.
    for (std::size_t k = 0; k < out.size(); ++k)
      if (gaps[k].told_by != no_gap && gaps[k].verb == no_gap) out[k].mention_of = out[gaps[k].told_by].id;
    // The event whose trigger each word is (-1: none), for the steps below.
    std::vector<int> event_at(ctx.words.size(), -1);
    for (std::size_t k = 0; k < out.size(); ++k) event_at[trigger_word[k]] = static_cast<int>(k);
    // So is a light verb of the event noun it brings about ("will hold trade talks", "had a very
    // good call", "reach a deal"): the noun names the event, the verb tells it again.
    {
      for (std::size_t k = 0; k < out.size(); ++k) {
        if (out[k].pos != upos::verb || !may_be_light_verb(out[k].lemma) || !out[k].mention_of.empty()) continue;
        const auto n = light_verb_noun(ctx, trigger_word[k]);
        if (!n || event_at[*n] < 0) continue;
        const auto noun_index = static_cast<std::size_t>(event_at[*n]);
        auto& noun = out[noun_index];
        if (noun.pos != upos::noun || !noun.mention_of.empty() || noun.frame != out[k].frame) continue;
        out[k].mention_of = noun.id;
        // The light verb's subjects did it: a subject the noun's own phrase gave that is none of
        // them was a guess ("undermined the Geneva truce by issuing warnings": not Geneva's).
        // (Not an infinitive's: "urged Mobutu and Kabila to hold talks" is theirs, whoever urged.)
        if (out[k].subject_count > 0 && out[k].tns != tense::infinitive && noun.subject_count > 0 &&
            noun.subject_count <= noun.actors.size() &&
            noun.actors.size() == noun.actor_spans.size()) {
          const auto guessed = static_cast<std::ptrdiff_t>(noun.subject_count);
          const auto verb_subjects = out[k].actors.begin() +
                                     static_cast<std::ptrdiff_t>(std::min(out[k].subject_count, out[k].actors.size()));
          const bool shared = std::any_of(out[k].actors.begin(), verb_subjects, [&](const std::string& a) {
            return std::find(noun.actors.begin(), noun.actors.begin() + guessed, a) != noun.actors.begin() + guessed;
          });
          if (!shared) {
            noun.actors.erase(noun.actors.begin(), noun.actors.begin() + guessed);
            noun.actor_spans.erase(noun.actor_spans.begin(), noun.actor_spans.begin() + guessed);
            noun.subject_count = 0;
          }
        }
        const bool had_subject = noun.subject_count > 0;
        // The light verb governs its noun: the verb's subjects are the event's participants too
        // ("Mr. Xi held phone talks with Trump": Xi and Trump), when the noun's own phrase does
        // not name them.
        for (std::size_t a = out[k].subject_count; a-- > 0;) {
          if (a >= out[k].actors.size() || noun.actors.size() >= 4) continue;
          if (std::find(noun.actors.begin(), noun.actors.end(), out[k].actors[a]) != noun.actors.end()) continue;
          noun.actors.insert(noun.actors.begin(), out[k].actors[a]);
          noun.actor_spans.insert(noun.actor_spans.begin(), out[k].actor_spans[a]);
          ++noun.subject_count;
        }
        // Its summary then says who acted, with the verb ("Trump reciprocated with an invitation
        // for Xi", not "Invitation for Xi").
        // The verb's own summary, when it tells the noun ("U.S. issuing warnings about Huawei
        // chips", "Issuing an industry warning against using Chinese semiconductors"), reads best.
        if (!had_subject && out[k].subject_count > 0 && out[k].summary.find(noun.trigger) != std::string::npos)
          noun.summary = out[k].summary;
        else if (!had_subject && noun.subject_count > 0 && gaps[noun_index].verb == no_gap)
          noun.summary = summarize(ctx, noun, trigger_word[noun_index], no_gap, gaps[noun_index].end);
      }
    }
    // A light verb's nominalisation is a mention of the event noun after its "of" ("the signing
    // of the “Phase One” deal", "the holding of talks"), when that noun's frame refers back.
    {
      const auto& W = ctx.words;
      for (std::size_t k = 0; k < out.size(); ++k) {
        const auto& m = out[k];
        if (m.pos != upos::noun || !m.mention_of.empty() || !ends_with(m.lemma, "ing") ||
            !lex_->is_light_verb(m.lemma.substr(0, m.lemma.size() - 3)))
          continue;
        const auto w = trigger_word[k];
        const auto se = ctx.sent_end[W[w].sentence];
        if (w + 1 >= se || W[w + 1].lower != "of"sv) continue;
        for (std::size_t x = w + 2; x < se && x < w + 8; ++x) {
          if (W[x].tag == upos::verb || W[x].is_boundary) break;
          if (W[x].tag != upos::noun || event_at[x] < 0) continue;
          const auto& n = out[static_cast<std::size_t>(event_at[x])];
          if (n.pos == upos::noun && n.mention_of.empty() && lex_->has_frame(n.lemma) &&
              lex_->frame_refers_back(lex_->frame_of(n.lemma)))
            out[k].mention_of = n.id;
          break;
        }
      }
    }
    response_acts(ctx, out, trigger_word, event_at);
    predicate_nominals(ctx, out, trigger_word, event_at);
    subject_event_participants(ctx, out, trigger_word, event_at);
    quote_contents(ctx, out, trigger_word);
    bare_nouns(ctx, out, trigger_word);
    return out;
  }

  /// An act told as the answer to another is the act it answered with (response_acts.tsv): a
  /// noun of an "in" row after "in" is a mention of the first event above it in the parse
  /// ("hiked tariffs on U.S. goods to 125% in retaliation", which the parse may hang on the goods
  /// or the percentage), and the gerund of a "by" clause of a verb of a "by" row is a mention of
  /// that verb ("retaliated by imposing hefty levies").
  void response_acts(const doc_context& ctx, std::vector<event_mention>& evs, const std::vector<std::size_t>& at,
                     const std::vector<int>& event_at) const {
    const auto& W = ctx.words;
    const auto has_child = [&](std::size_t w, std::string_view deprel, std::string_view lower) {
      const auto [d0, d1] = ctx.dependents(w);
      return std::any_of(d0, d1, [&](std::uint32_t d) {
        return ctx.doc.tokens[W[d].token].deprel == deprel && W[d].lower == lower;
      });
    };
    const auto told_again = [&](event_mention& mention, const event_mention& event) {
      if (mention.mention_of.empty() && &mention != &event)
        mention.mention_of = event.mention_of.empty() ? event.id : event.mention_of;
    };
    for (std::size_t k = 0; k < evs.size(); ++k) {
      auto& m = evs[k];
      const char how = lex_->response_act(m.lemma);
      const auto w = at[k];
      if (how == 'i' && m.pos == upos::noun && has_child(w, "case", "in")) {
        auto x = parse_head(ctx, w);
        for (int step = 0; x && step < 4; ++step, x = parse_head(ctx, *x))
          if (event_at[*x] >= 0) {
            told_again(m, evs[static_cast<std::size_t>(event_at[*x])]);
            break;
          }
      } else if (how == 'b' && m.pos == upos::verb) {
        // The clause hangs on the verb, or, as parses have it, on the verb's object or oblique
        // ("retaliated against Mr. Trump's tariffs by imposing ...": on the tariffs).
        const auto by_clause = [&](std::size_t x) {
          const auto [d0, d1] = ctx.dependents(x);
          for (const auto* d = d0; d != d1; ++d) {
            const auto& rel = ctx.doc.tokens[W[*d].token].deprel;
            if ((rel == "advcl"sv || rel == "acl"sv) && event_at[*d] >= 0 && has_child(*d, "mark", "by") &&
                evs[static_cast<std::size_t>(event_at[*d])].pos == upos::verb)
              told_again(evs[static_cast<std::size_t>(event_at[*d])], m);
          }
        };
        by_clause(w);
        const auto [d0, d1] = ctx.dependents(w);
        for (const auto* d = d0; d != d1; ++d)
          if (const auto& rel = ctx.doc.tokens[W[*d].token].deprel; rel == "obj"sv || rel == "obl"sv) by_clause(*d);
      }
    }
  }

  /// An event noun that says what another one of its frame is, as the predicate of a copula or
  /// of "mark", "represent", "constitute" ("The phone call between the leaders marks their first
  /// known formal contact since Trump took office", "The talks were the first meeting since
  /// May"), is a mention of it: the subject's event, told again.
  void predicate_nominals(const doc_context& ctx, std::vector<event_mention>& evs, const std::vector<std::size_t>& at,
                          const std::vector<int>& event_at) const {
    const auto& W = ctx.words;
    const auto event_noun = [&](std::size_t x) -> event_mention* {
      if (event_at[x] < 0) return nullptr;
      auto& e = evs[static_cast<std::size_t>(event_at[x])];
      return e.pos == upos::noun && lex_->has_frame(e.lemma) ? &e : nullptr;
    };
    for (std::size_t k = 0; k < evs.size(); ++k) {
      auto& m = evs[k];
      if (m.pos != upos::noun || !m.mention_of.empty() || !lex_->has_frame(m.lemma)) continue;
      const auto w = at[k];
      const auto s = W[w].sentence;
      const auto& t = ctx.doc.tokens[W[w].token];
      std::optional<std::size_t> subject;
      if (t.deprel == "obj"sv && t.head >= 0) {  // "marks their first contact"
        const auto v = ctx.sent_begin[s] + static_cast<std::size_t>(t.head);
        static constexpr std::string_view identity_verbs[] = {"constitute", "mark", "represent"};
        if (v < ctx.sent_end[s] && std::find(std::begin(identity_verbs), std::end(identity_verbs), W[v].lemma) !=
                                       std::end(identity_verbs))
          subject = subject_child(ctx, v);
      } else {  // "was the first meeting": the noun is the predicate, with its copula
        const auto [d0, d1] = ctx.dependents(w);
        if (std::any_of(d0, d1, [&](std::uint32_t d) { return ctx.doc.tokens[W[d].token].deprel == "cop"sv; }))
          subject = subject_child(ctx, w);
      }
      if (!subject) continue;
      const auto* n = event_noun(*subject);
      if (!n || n == &m || n->frame != m.frame) continue;
      m.mention_of = n->mention_of.empty() ? n->id : n->mention_of;
    }
  }

  /// A verb whose subject is an event noun, named or through a relative pronoun ("the call,
  /// which he said lasted an hour and a half", "The talks between Bessent and He, which lasted two
  /// days"), is about that event: the event's participants are the verb's too, after its own
  /// subjects (none: the event acted, not its participants).
  void subject_event_participants(const doc_context& ctx, std::vector<event_mention>& evs,
                                  const std::vector<std::size_t>& at, const std::vector<int>& event_at) const {
    for (std::size_t k = 0; k < evs.size(); ++k) {
      auto& m = evs[k];
      if (m.pos != upos::verb) continue;
      const auto n = parsed_subject_noun(ctx, at[k]);
      if (!n || event_at[*n] < 0 || static_cast<std::size_t>(event_at[*n]) == k) continue;
      const auto& noun = evs[static_cast<std::size_t>(event_at[*n])];
      if (noun.pos != upos::noun) continue;
      for (std::size_t a = 0; a < noun.actors.size() && m.actors.size() < 4; ++a) {
        if (std::find(m.actors.begin(), m.actors.end(), noun.actors[a]) != m.actors.end()) continue;
        m.actors.push_back(noun.actors[a]);
        m.actor_spans.push_back(noun.actor_spans[a]);
      }
    }
  }

  // ---- names
  /// A token that can be part of a name: a proper noun, or a capitalised word inside a sentence
  /// that a tagger may have called an adjective or noun ("White House", "Xi Jinping", "United
  /// States"). Words glued to a hyphen ("Tit-for-tat") are compounds, not names.
  bool name_like(const doc_context& ctx, std::size_t w) const {
    const auto& W = ctx.words;
    if (ctx.in_timex(w)) return false;
    const auto& f = ctx.form(w);
    if (f.empty() || !std::isupper(static_cast<unsigned char>(f.front()))) return false;
    const auto s = W[w].sentence;
    const bool glued_right = w + 1 < ctx.sent_end[s] && ctx.form(w + 1) == "-"sv && ctx.span(w + 1).begin == ctx.span(w).end;
    if (glued_right) {
      // "the Trump-Xi call", "U.S.-China talks": two names the document also writes alone.
      const bool pair = w + 2 < ctx.sent_end[s] && ctx.glued(w + 1) && W[w + 2].capitalized &&
                        ctx.free_names.count(strip_possessive(f)) && ctx.free_names.count(strip_possessive(ctx.form(w + 2)));
      if (!pair) return false;
    }
    if (W[w].tag == upos::propn) return true;
    const bool initial = w == ctx.sent_begin[s] || (w == ctx.sent_begin[s] + 1 && W[w - 1].tag == upos::punct);
    // A capitalised first word is a name when the document also capitalises it mid-sentence.
    if (initial && !ctx.mid_caps.count(strip_possessive(f))) return false;
    bool all_caps = f.size() > 1;
    for (unsigned char c : f)
      if (std::isalpha(c) && !std::isupper(c)) all_caps = false;
    if (all_caps) return false;  // shouting, not a name ("VERY TOUGH")
    if (lex_->is_function_word(W[w].lower)) return false;
    // Taggers mistake rare names for anything ("Xi" as a subordinator); a capitalised word
    // inside a sentence is a name unless it is a verb not followed by a name ("United States").
    if (W[w].tag == upos::verb || W[w].tag == upos::aux)
      return w + 1 < ctx.sent_end[s] && W[w + 1].tag == upos::propn;
    return W[w].tag != upos::punct && W[w].tag != upos::num && W[w].tag != upos::sym;
  }

  void find_entities(doc_context& ctx) const {
    const auto& W = ctx.words;
    ctx.in_entity.assign(W.size(), false);
    for (std::size_t s = 0; s < ctx.sent_begin.size(); ++s) {
      std::size_t i = ctx.sent_begin[s];
      while (i < ctx.sent_end[s]) {
        if (!name_like(ctx, i)) {
          ++i;
          continue;
        }
        std::size_t j = i;
        while (j + 1 < ctx.sent_end[s]) {
          if (name_like(ctx, j + 1) && !ends_with(W[j].lower, "'s")) {
            ++j;
          } else if (W[j + 1].lower == "of"sv && j + 2 < ctx.sent_end[s] && name_like(ctx, j + 2)) {
            j += 2;
          } else {
            break;
          }
        }
        // A dateline ("WASHINGTON —") opens the sentence in capitals before a dash: a place
        // heading, not a participant.
        bool dateline = i == ctx.sent_begin[s] && j + 1 < ctx.sent_end[s] &&
                        (ctx.form(j + 1) == "\xE2\x80\x94"sv || ctx.form(j + 1) == "--"sv || ctx.form(j + 1) == "-"sv ||
                         ctx.form(j + 1) == "\xE2\x80\x93"sv);
        for (std::size_t x = i; x <= j && dateline; ++x)
          for (unsigned char c : ctx.form(x))
            if (std::isalpha(c) && !std::isupper(c)) dateline = false;
        if (dateline) {
          i = j + 1;
          continue;
        }
        // Every name run, actor or not ("Liberation Day", "Truth Social"), holds no event noun.
        for (std::size_t x = i; x <= j; ++x) ctx.in_entity[x] = true;
        // A name in quotation marks is a title or a label ("the “Phase One” deal", "“Liberation
        // Day” tariffs"), not a participant.
        bool quoted = i > ctx.sent_begin[s] && is_quote(ctx.form(i - 1));
        if (quoted) {
          quoted = false;
          for (std::size_t x = j + 1; x < ctx.sent_end[s] && x <= j + 2; ++x)
            if (is_quote(ctx.form(x))) quoted = true;
        }
        // A lone capitalised adjective modifying a noun is a nationality or an affiliation, as a
        // demonym is ("Palestinian police", "Jewish settlers", "Moslem rebels"), not a participant.
        const bool adjective = i == j && W[i].tag == upos::adj && ctx.doc.tokens[W[i].token].deprel == "amod"sv;
        if (!quoted && !adjective) add_entity(ctx, i, j);
        i = j + 1;
      }
    }
    ctx.entity_begin.assign(ctx.sent_begin.size() + 1, ctx.entities.size());
    for (std::size_t k = ctx.entities.size(); k-- > 0;)
      ctx.entity_begin[W[ctx.entities[k].first].sentence] = k;
    for (std::size_t s = ctx.sent_begin.size(); s-- > 0;)
      ctx.entity_begin[s] = std::min(ctx.entity_begin[s], ctx.entity_begin[s + 1]);
    // Document-level short forms: "Donald Trump" is "Trump" when the text also says "Trump".
    detail::string_set<std::string_view> singles;  // views of the entities' names
    // (Not a word after a determiner: "the Commission", "the Front", "the hungry North" describe;
    // "UN Human Rights Commission", "United Front", "North Korea" do not shorten to them.)
    const auto described = [&](const entity& e) {
      std::size_t x = e.run_first;
      const auto sb = ctx.sent_begin[W[x].sentence];
      while (x > sb && W[x - 1].tag == upos::adj) --x;
      return x > sb && W[x - 1].tag == upos::det;
    };
    for (const auto& e : ctx.entities)
      if (e.name.find(' ') == std::string::npos && !described(e)) singles.insert(e.name);
    detail::string_set<std::string_view> person_of;  // canonical names of persons
    for (auto& e : ctx.entities) {
      e.canonical = e.name;
      if (e.name.find(' ') != std::string::npos && !lex_->alias_of(e.name)) {
        const auto parts = split_words(e.name);
        for (auto it = parts.rbegin(); it != parts.rend(); ++it)
          if (it->size() > 1 && singles.count(*it) && *it != "of"sv) {
            e.canonical = *it;
            break;
          }
      }
      if (e.person) person_of.insert(e.canonical);
    }
    // A person's gender, when some mention says it ("Janet Reno" ... "Reno"); none when two say
    // otherwise.
    detail::string_map<char, std::string_view> gender_of;
    for (const auto& e : ctx.entities)
      if (e.gender) {
        auto [g, fresh] = gender_of.try_emplace(e.canonical, e.gender);
        if (!fresh && *g != e.gender) *g = '?';
      }
    for (auto& e : ctx.entities) {
      if (person_of.count(e.canonical)) e.person = true;
      if (const char* g = gender_of.find(e.canonical); g && *g != '?' && !e.gender) e.gender = *g;
    }
  }

  void add_entity(doc_context& ctx, std::size_t i, std::size_t j) const {
    std::size_t first = i;
    bool person = false;
    char gender = 0;
    while (first <= j) {
      const auto lower = strip_possessive(ctx.words[first].lower);
      const auto& f = ctx.form(first);
      const auto dotted = std::string(lower) + ".";  // "Mr" as titles.tsv spells it, "mr."
      if (lex_->is_title(lower) || lex_->is_title(dotted)) {
        if (const char g = lex_->gender_of(lower) ? lex_->gender_of(lower) : lex_->gender_of(dotted)) gender = g;
        if (lower != "u.s."sv && lower != "u.s"sv && lower != "trade"sv && lower != "foreign"sv && lower != "state"sv &&
            lower != "commerce"sv && lower != "treasury"sv && lower != "defense"sv)
          person = true;
        ++first;
      } else if (lex_->is_demonym(f)) {
        ++first;
      } else {
        break;
      }
    }
    if (first > j) {
      // The whole run was title words; a known name among them stands alone ("the U.S." where
      // "U.S." also opens titles like "U.S. Trade Representative").
      if (i != j) return;
      const auto alias = lex_->alias_of(ctx.form(i));
      const bool initialism = ctx.form(i).size() >= 3 && ctx.form(i)[1] == '.';
      if (!alias && !initialism) return;
      entity e;
      e.run_first = i;
      e.first = i;
      e.last = j;
      e.name = alias ? *alias : ctx.form(i);
      ctx.entities.push_back(std::move(e));
      return;
    }
    std::string name;
    for (std::size_t k = first; k <= j; ++k) {
      if (!name.empty()) name += ' ';
      name += k == j ? strip_possessive(ctx.form(k)) : std::string_view(ctx.form(k));
    }
    // "U.S" (a tokenizer that split off the final period) is "U.S.".
    if (name.size() >= 3 && name[1] == '.' && std::isupper(static_cast<unsigned char>(name.back()))) name += '.';
    if (name.empty() || lex_->is_non_actor(name)) return;
    if (lex_->is_demonym(name)) return;
    if (auto alias = lex_->alias_of(name)) name = *alias;
    // Words that the tables know as common vocabulary are not names when capitalised by emphasis.
    entity e;
    e.run_first = i;
    e.first = first;
    e.last = j;
    e.name = name;
    e.person = person;
    // A given name opening a name of two or three words ("Janet Reno", "Paul Keating") says the
    // name is a person's, and its gender (else the title's), unless its last word names a place
    // or an institution ("George Washington University").
    const char given = first < j && j - first <= 2 && !lex_->is_institution_word(ctx.words[j].lower)
                           ? lex_->gender_of(ctx.words[first].lower)
                           : 0;
    e.gender = given ? given : gender;
    if (given) e.person = true;
    ctx.entities.push_back(std::move(e));
  }

  /// True when entity k is inside a prepositional phrase: an adposition before it (past a
  /// determiner), or it is coordinated with a name that is ("from the U.S. and China").
  bool in_prepositional_phrase(const doc_context& ctx, std::size_t k) const {
    const auto& W = ctx.words;
    for (std::size_t guard = 0; guard < 4; ++guard) {
      const auto& e = ctx.entities[k];
      const auto sb = ctx.sent_begin[W[e.run_first].sentence];
      std::size_t x = e.run_first;
      while (x > sb && W[x - 1].tag == upos::det) --x;
      if (x > sb && W[x - 1].tag == upos::adp) return true;
      // "X and Y": look at X.
      if (x > sb && (W[x - 1].lower == "and"sv || W[x - 1].lower == "or"sv || W[x - 1].lower == ","sv) && k > 0 &&
          ctx.entities[k - 1].last + 1 == x - 1) {
        --k;
        continue;
      }
      return false;
    }
    return false;
  }

  /// True when word x, or the name it is part of, is the object of an adposition: "with President
  /// Xi", "of which". Such a nominal is no subject, whatever the parse says.
  bool in_adpositional_phrase(const doc_context& ctx, std::size_t x) const {
    const auto& W = ctx.words;
    std::size_t first = x, last = x;
    if (const auto* e = entity_at(ctx, x)) first = e->run_first, last = e->last;
    // An adposition the parse hangs on the word or on its name's words (the title: "with
    // President Xi"), before the name.
    for (std::size_t y = first; y <= last; ++y) {
      const auto [d0, d1] = ctx.dependents(y);
      for (const auto* d = d0; d != d1; ++d)
        if (*d < first && W[*d].tag == upos::adp && W[*d].xpos != "POS"sv &&
            ctx.doc.tokens[W[*d].token].deprel == "case"sv) {
            // (not one of a time before the name, "On Friday Iraq began", nor a subordinator the
          // parse took for one, "until Sheikh Hasina swept his party into power")
          bool time = W[*d].starts_clause;
          for (std::size_t t = *d + 1; t < first && !time; ++t) time = ctx.in_timex(t);
          if (!time) return true;
        }
    }
    return false;
  }

  /// The speaker of the quotation word x is in (same sentence): the person the parse makes the
  /// subject of a reporting verb outside the quotation marks ("“I ...,” Trump said", "Trump said:
  /// “I ...”"), or none when x is not quoted or no such subject is named.
  template <class EntityOf>
  const entity* quote_speaker(const doc_context& ctx, std::size_t x, const EntityOf& entity_of) const {
    const auto& W = ctx.words;
    const auto s = W[x].sentence;
    const auto sb = ctx.sent_begin[s], se = ctx.sent_end[s];
    const auto double_quote = [&](std::size_t k) { return is_double_quote(ctx.form(k)); };
    std::size_t marks = 0;  // quotation marks before x: an odd count opens a quotation
    std::optional<std::size_t> open, close;
    for (std::size_t k = sb; k < x; ++k)
      if (double_quote(k)) ++marks, open = k;
    if (marks % 2 == 0 || !open || ctx.form(*open) == "\xE2\x80\x9D"sv) return nullptr;
    for (std::size_t k = x + 1; k < se && !close; ++k)
      if (double_quote(k)) close = k;
    for (std::size_t v = sb; v < se; ++v) {
      if ((v >= *open && (!close || v <= *close)) || W[v].tag != upos::verb) continue;
      const auto c = lex_->class_of(W[v].lemma);
      if (!c || c->cls != event_class::reporting) continue;
      for (std::size_t y = sb; y < se; ++y) {
        const auto& t = ctx.doc.tokens[W[y].token];
        if (t.head != static_cast<int>(v - sb) || !starts_with(t.deprel, "nsubj"sv)) continue;
        if (const auto* e = entity_of(y); e && e->person) return e;
        if (const auto* e = titled_person(ctx, y)) return e;  // "“... I reciprocated,” the U.S. president added"
      }
    }
    return nullptr;
  }

  /// The person a titled description before word y stands for ("The U.S. president added",
  /// "The Republican president ... said"): the one person the document has named with that title
  /// ("President Donald Trump") and, when the description has modifiers, no other modifier than
  /// its own ("Chinese President Xi Jinping" is not "the U.S. president"; both are "the
  /// president"); nullptr when there is none or more than one.
  const entity* titled_person(const doc_context& ctx, std::size_t y) const {
    const auto& W = ctx.words;
    if (W[y].tag != upos::noun || !lex_->is_title(W[y].lower)) return nullptr;
    std::vector<std::string_view> modifiers;  // the description's: "u.s." of "the U.S. president"
    for (std::size_t k = y; k > ctx.sent_begin[W[y].sentence] && y - k < 3; --k) {
      const auto& p = W[k - 1];
      if (p.tag == upos::det || p.is_boundary) break;
      modifiers.push_back(p.lower);
    }
    const entity* found = nullptr;
    for (const auto& e : ctx.entities) {
      if (e.first >= y) break;
      if (!e.person || e.run_first >= e.first) continue;
      bool titled = false, other = false;
      for (std::size_t k = e.run_first; k < e.first; ++k) {
        if (W[k].lower == W[y].lower) titled = true;
        else if (!modifiers.empty() && !lex_->is_title(W[k].lower) &&
                 std::find(modifiers.begin(), modifiers.end(), W[k].lower) == modifiers.end())
          other = true;
      }
      if (!titled || other) continue;
      if (found && found->canonical != e.canonical) return nullptr;
      found = &e;
    }
    return found;
  }

  /// What "the latter" / "the former" stands for (a possessor or a subject: "Mr. Xi held phone
  /// talks with U.S. President Donald Trump at the latter's request"): the second / the first of
  /// the two persons its sentence names before it; nullptr unless it names exactly two ("the
  /// latter" after three names, or after one, is left unresolved).
  const entity* latter_or_former(const doc_context& ctx, std::size_t x) const {
    const auto& W = ctx.words;
    const auto word = strip_possessive(W[x].lower);
    const bool latter = word == "latter"sv;
    if (!latter && word != "former"sv) return nullptr;
    const auto s = W[x].sentence;
    if (x == ctx.sent_begin[s] || W[x - 1].lower != "the"sv) return nullptr;
    const entity* persons[2] = {nullptr, nullptr};
    std::size_t n = 0;
    for (std::size_t k = ctx.entity_begin[s]; k < ctx.entity_begin[s + 1]; ++k) {
      const auto& e = ctx.entities[k];
      if (e.last >= x) break;
      if (!e.person || (n > 0 && persons[0]->canonical == e.canonical) || (n > 1 && persons[1]->canonical == e.canonical))
        continue;
      if (n == 2) return nullptr;
      persons[n++] = &e;
    }
    if (n != 2) return nullptr;
    return latter ? persons[1] : persons[0];
  }

  /// The person a definite titled description at word y stands for ("the U.S. president", "the
  /// Chinese leader", "the president"): titled_person, for a title that names a role by itself
  /// (not "trade" or "foreign" of "Trade Representative", "Foreign Minister") after "the" and
  /// at most two modifiers; nullptr otherwise.
  const entity* titled_description(const doc_context& ctx, std::size_t y) const {
    const auto& W = ctx.words;
    const auto& l = W[y].lower;
    if (W[y].tag != upos::noun || !lex_->is_title(l) || l == "u.s."sv || l == "trade"sv || l == "foreign"sv ||
        l == "state"sv || l == "commerce"sv || l == "treasury"sv || l == "defense"sv)
      return nullptr;
    const auto sb = ctx.sent_begin[W[y].sentence];
    bool definite = false;
    for (std::size_t k = y; k > sb && y - k < 3 && !definite; --k) {
      if (W[k - 1].lower == "the"sv) definite = true;
      else if (W[k - 1].tag == upos::det || W[k - 1].is_boundary || W[k - 1].tag == upos::verb) break;
    }
    return definite ? titled_person(ctx, y) : nullptr;
  }

  /// The speaker of the report a verb is told in ("The Republican president ... said Xi invited
  /// him": the president), through complement clauses and their conjuncts; nullptr when the
  /// subject of the reporting verb is not a named or titled person.
  const entity* reported_speaker(const doc_context& ctx, std::size_t v) const {
    const auto& W = ctx.words;
    const auto s = W[v].sentence;
    const auto sb = ctx.sent_begin[s], se = ctx.sent_end[s];
    for (int step = 0; step < 5; ++step) {
      const auto& t = ctx.doc.tokens[W[v].token];
      // Up through the clause ("for him to visit" -> the invitation -> "accepted"), never out of
      // a relative clause; the report is what a reporting verb's complement says.
      if (t.head < 0 || t.deprel == "acl:relcl"sv) return nullptr;
      const bool reported = t.deprel == "ccomp"sv || t.deprel == "parataxis"sv;
      const auto h = sb + static_cast<std::size_t>(t.head);
      if (h >= se) return nullptr;
      v = h;
      const auto c = lex_->class_of(W[v].lemma);
      if (W[v].tag != upos::verb || !c || c->cls != event_class::reporting) continue;
      if (!reported) return nullptr;
      for (std::size_t y = sb; y < se; ++y) {
        const auto& n = ctx.doc.tokens[W[y].token];
        if (n.head != static_cast<int>(v - sb) || n.deprel.rfind("nsubj", 0) != 0) continue;
        for (std::size_t k = ctx.entity_begin[s]; k < ctx.entity_begin[s + 1]; ++k)
          if (ctx.entities[k].run_first <= y && y <= ctx.entities[k].last)
            return ctx.entities[k].person ? &ctx.entities[k] : nullptr;
        if (W[y].lower == "he"sv || W[y].lower == "she"sv) return pronoun_referent(ctx, y);
        return titled_person(ctx, y);
      }
      return nullptr;
    }
    return nullptr;
  }

  /// Who an object pronoun in a reported clause stands for: "said Xi invited him", "said he
  /// accepted Mr. Xi's invitation for him" -> the speaker. Not the subject of the verb whose
  /// direct object it is ("Xi invited him" is not Xi); nullptr when unsure.
  const entity* object_pronoun_referent(const doc_context& ctx, std::size_t x) const {
    const auto& W = ctx.words;
    if (W[x].lower != "him"sv && W[x].lower != "her"sv) return nullptr;
    const auto& t = ctx.doc.tokens[W[x].token];
    // An object, or the subject of a for-to infinitive ("an invitation for him to visit China").
    if (t.head < 0 || !(t.deprel == "obj"sv || t.deprel == "obl"sv || t.deprel == "iobj"sv || t.deprel == "nsubj"sv))
      return nullptr;
    const auto s = W[x].sentence;
    const auto sb = ctx.sent_begin[s];
    const auto v = sb + static_cast<std::size_t>(t.head);
    if (v >= ctx.sent_end[s] || W[v].tag != upos::verb) return nullptr;
    const auto* speaker = reported_speaker(ctx, v);
    if (speaker && !gender_agrees(*speaker, pronoun_gender(W[x].lower))) return nullptr;
    if (!speaker || t.deprel != "obj"sv) return speaker;
    for (std::size_t y = sb; y < ctx.sent_end[s]; ++y) {
      const auto& n = ctx.doc.tokens[W[y].token];
      if (n.head == static_cast<int>(v - sb) && n.deprel.rfind("nsubj", 0) == 0)
        for (std::size_t k = ctx.entity_begin[s]; k < ctx.entity_begin[s + 1]; ++k)
          if (ctx.entities[k].run_first <= y && y <= ctx.entities[k].last && ctx.entities[k].canonical == speaker->canonical)
            return nullptr;
    }
    return speaker;
  }

  /// The speaker a report's subject pronoun at x goes on with: when x is the subject of a report
  /// and the sentence before is a report (its main verb reports), that report's named subject, or
  /// what its own pronoun subject stands for. News goes on reporting one speaker: "Trump said
  /// Bessent, Lutnick and Greer would lead the talks. He also said ..." (Trump, not Greer);
  /// "Xinhua ... said Xi asked Trump to withdraw the measures. It also reported ..." (Xinhua).
  const entity* previous_speaker(const doc_context& ctx, std::size_t x, int depth = 0) const {
    const auto& W = ctx.words;
    const auto s = W[x].sentence;
    if (s == 0 || depth > 3) return nullptr;
    const auto reports = [&](std::size_t v) {
      const auto* c = lex_->find_class(W[v].lemma);
      return W[v].tag == upos::verb && c && c->cls == event_class::reporting;
    };
    const auto& pt = ctx.doc.tokens[W[x].token];
    if (pt.head < 0 || !starts_with(pt.deprel, "nsubj"sv) || !reports(ctx.sent_begin[s] + static_cast<std::size_t>(pt.head)))
      return nullptr;
    for (std::size_t r = ctx.sent_begin[s - 1]; r < ctx.sent_end[s - 1]; ++r) {
      if (ctx.doc.tokens[W[r].token].head >= 0) continue;  // the root
      const auto y = reports(r) ? subject_child(ctx, r) : std::nullopt;
      if (!y) return nullptr;
      if (const auto* e = entity_at(ctx, *y)) return e;
      if (W[*y].lower == "he"sv || W[*y].lower == "she"sv) return pronoun_referent(ctx, *y, depth + 1);
      if (W[*y].lower == "it"sv) return previous_speaker(ctx, *y, depth + 1);
      return nullptr;
    }
    return nullptr;
  }

  /// Who "he" or "she" at word x stands for: the last person named before it, or the person a
  /// report goes on with when that person is named in the sentence before (`previous_speaker`).
  const entity* pronoun_referent(const doc_context& ctx, std::size_t x, int depth = 0) const {
    const auto& W = ctx.words;
    const char gender = pronoun_gender(W[x].lower);
    // A subject goes on with the nearest subject before it in its sentence that it may stand
    // for: "Mr. Trump also said he accepted Mr. Xi's invitation for him and first lady Melania
    // Trump to visit China, and he extended the same invitation" (Trump: not Melania Trump, nor
    // Mr. Xi, who are named later but are no subjects).
    if (depth < 3 && starts_with(ctx.doc.tokens[W[x].token].deprel, "nsubj"sv))
      for (std::size_t y = x; y-- > ctx.sent_begin[W[x].sentence];) {
        if (!starts_with(ctx.doc.tokens[W[y].token].deprel, "nsubj"sv)) continue;
        const entity* e = entity_at(ctx, y);
        if (!e) e = titled_description(ctx, y);
        if (e && e->person && gender_agrees(*e, gender)) return e;
        if (!e && gender && pronoun_gender(W[y].lower) == gender && W[y].tag == upos::pron)
          if (const auto* p = pronoun_referent(ctx, y, depth + 1)) return p;
      }
    const auto* last = last_person_before(ctx, x, gender);
    if (!last || ctx.words[last->last].sentence + 1 != ctx.words[x].sentence) return last;
    const auto* e = previous_speaker(ctx, x, depth);
    return e && e->person && gender_agrees(*e, gender) ? e : last;
  }

  /// What a report's subject "it" stands for: the organisation or outlet a report goes on with
  /// (`previous_speaker`), or nothing; nothing either when a name before it in its own sentence is
  /// a subject ("Iran said the delegation would deliver Saddam's message, which it said it would
  /// review": Iran's, whatever the sentence before reported).
  const entity* it_referent(const doc_context& ctx, std::size_t x) const {
    const auto& W = ctx.words;
    for (std::size_t y = ctx.sent_begin[W[x].sentence]; y < x; ++y)
      if (starts_with(ctx.doc.tokens[W[y].token].deprel, "nsubj"sv) && entity_at(ctx, y)) return nullptr;
    const auto* e = previous_speaker(ctx, x);
    return e && !e->person ? e : nullptr;
  }

  /// The most recent person named before word w (for "he" / "she") whose gender, if known,
  /// is the pronoun's (`gender`: 'm', 'f' or 0).
  const entity* last_person_before(const doc_context& ctx, std::size_t w, char gender = 0) const {
    // Entities are in text order: the first at or after w, then back to the nearest person.
    auto it = std::lower_bound(ctx.entities.begin(), ctx.entities.end(), w,
                               [](const entity& e, std::size_t word) { return e.last < word; });
    while (it != ctx.entities.begin()) {
      --it;
      if (it->person && gender_agrees(*it, gender)) return &*it;
    }
    return nullptr;
  }

  /// Who a possessive pronoun ("his", "her") at word x stands for: the subject of the clause its
  /// noun is told in ("Trump said that his first call ... was very positive": the first clause up
  /// from "call" whose subject is not "call" itself is "said", Trump; "Trump reciprocated with his
  /// own invitation": Trump), when that subject is a name, a titled person or "he"/"she"; else (a
  /// subject that is no person, a relative clause, no parse) the last person named before it.
  const entity* possessive_owner(const doc_context& ctx, std::size_t x) const {
    const auto& W = ctx.words;
    const auto s = W[x].sentence;
    const auto sb = ctx.sent_begin[s], se = ctx.sent_end[s];
    const auto noun = parse_head(ctx, x);
    std::size_t v = noun ? *noun : x;
    for (int step = 0; noun && step < 6; ++step) {
      const auto& t = ctx.doc.tokens[W[v].token];
      // (Not out of a relative clause, nor from a conjunct to the first one: "said Yadav must step
      // down and warned Gujral to face his first crisis" is not Yadav's crisis.)
      if (t.head < 0 || t.deprel == "acl:relcl"sv || t.deprel == "conj"sv) break;
      const bool controlled = t.deprel == "xcomp"sv;  // "warned Gujral to face his crisis": Gujral's
      v = sb + static_cast<std::size_t>(t.head);
      if (v >= se) break;
      bool decided = false;
      const entity* owner = nullptr;
      const auto [d0, d1] = ctx.dependents(v);
      if (controlled)
        for (const auto* d = d0; d != d1 && !decided; ++d)
          if (ctx.doc.tokens[W[*d].token].deprel == "obj"sv) {
            decided = true;
            owner = entity_at(ctx, *d);
          }
      for (const auto* d = d0; d != d1 && !decided; ++d) {
        const auto y = static_cast<std::size_t>(*d);
        if (y == *noun || !starts_with(ctx.doc.tokens[W[y].token].deprel, "nsubj"sv) || in_adpositional_phrase(ctx, y))
          continue;
        decided = true;  // the clause's own subject: a person or not, it decides
        // (a name the document gives no title: "Trump said that his first call ...")
        if (const auto* e = entity_at(ctx, y)) owner = e;
        else if (W[y].lower == "he"sv || W[y].lower == "she"sv) owner = pronoun_referent(ctx, y);
        else owner = titled_description(ctx, y);
      }
      if (decided) {
        if (owner && gender_agrees(*owner, pronoun_gender(W[x].lower))) return owner;
        break;
      }
    }
    return last_person_before(ctx, x, pronoun_gender(W[x].lower));
  }

  /// The possessor word x is the noun of (its `nmod:poss` child: "Mr. Xi's invitation", "his
  /// first call"), as a name or, for "his"/"her", the person it stands for; nullptr when it has
  /// none or it is no name.
  const entity* possessor_of(const doc_context& ctx, std::size_t x) const {
    const auto& W = ctx.words;
    const auto [d0, d1] = ctx.dependents(x);
    for (const auto* d = d0; d != d1; ++d) {
      const auto y = static_cast<std::size_t>(*d);
      if (y >= x || ctx.doc.tokens[W[y].token].deprel != "nmod:poss"sv) continue;
      if (const auto* e = entity_at(ctx, y)) return e;
      if (W[y].lower == "his"sv || W[y].lower == "her"sv) return possessive_owner(ctx, y);
      return latter_or_former(ctx, y);
    }
    return nullptr;
  }

  // ---- triggers and attributes
  bool make_event(const doc_context& ctx, std::size_t w, std::vector<event_mention>& out) const {
    const auto& W = ctx.words;
    const auto& wd = W[w];
    if (ctx.in_timex(w)) return false;
    const auto s = wd.sentence;
    if (ctx.boilerplate[s]) return false;
    const bool is_verb = wd.tag == upos::verb;
    bool is_noun = false;
    double confidence = 0;
    bool is_adj = false;
    if (is_verb) {
      if (wd.lemma == "be"sv || !wd.aux.empty()) return false;
      // A closed-class word the tagger took for a verb ("There should no longer be any
      // questions": "no") is no event.
      if (lex_->is_never_verb(wd.lower)) return false;
      // A verb form used as a preposition ("lowered tariffs following talks", "according to") is
      // a signal, not an event: the parse says so (UD `case`/`mark`).
      if (const auto& rel = ctx.doc.tokens[wd.token].deprel; rel == "case"sv || rel == "mark"sv) return false;
      // An attributive past participle of a verb of knowing says how its noun is known, not what
      // happened ("their first known phone call", "last known addresses", "an alleged plot"; TimeBank
      // marks none): the noun is the event.
      if (wd.xpos == "VBN"sv && ctx.doc.tokens[wd.token].deprel == "amod"sv &&
          (wd.lemma == "know"sv || wd.lemma == "allege"sv))
        return false;
      // A main-verb "have"/"do" directly followed by a verb is an auxiliary the tagger missed.
      if ((wd.lemma == "have"sv || wd.lemma == "do"sv) && w + 1 < ctx.sent_end[s] && W[w + 1].tag == upos::verb)
        return false;
      // Verbs the training data rarely marks as events ("include", "base") are not, unless the
      // hand tables know them.
      if (const auto* l = lex_->find_learned(wd.lemma, "VERB"); l && l->total >= 4 && l->ratio() < 0.25) {
        const bool curated = lex_->find_class(wd.lemma) || lex_->is_change(wd.lemma);
        if (!curated) return false;
      }
      confidence = wd.tag_guessed ? 0.65 : 0.85;
    } else if (wd.tag == upos::noun) {
      if (ctx.in_entity[w]) return false;  // part of a name: "Liberation Day", "Trade Deal"
      const auto* l = lex_->find_learned(wd.lemma, "NOUN");
      const bool listed = lex_->noun_weight(wd.lemma) > 0;
      if (lex_->is_event_noun(wd.lemma)) {
        if (!listed && l && l->total >= 5 && l->ratio() < 0.15) return false;
        confidence = listed ? 0.75 : 0.55;
      } else if (l && l->total >= 2 && l->ratio() >= 0.5) {
        confidence = 0.5 + 0.3 * l->ratio();
      } else {
        return false;
      }
      // A noun modifying another noun ("tariff rates", "deal terms") is not the event itself.
      if (w + 1 < ctx.sent_end[s] && W[w + 1].tag == upos::noun && !W[w + 1].capitalized && !ctx.in_timex(w + 1))
        return false;
      is_noun = true;
    } else if (wd.tag == upos::adj) {
      // Adjectives that name states or results ("injured", "dead") as the training data marks them.
      const auto* l = lex_->find_learned(wd.lemma, "ADJ");
      if (!l || l->total < 2 || l->ratio() < 0.5) return false;
      is_adj = true;
      confidence = 0.4 + 0.3 * l->ratio();
    } else {
      return false;
    }
    event_mention& m = out.emplace_back();  // built in place: no move of the whole mention
    m.span = ctx.span(w);
    m.trigger = ctx.form(w);
    m.lemma = wd.lemma;
    m.sentence = s;
    m.pos = is_verb ? upos::verb : is_adj ? upos::adj : upos::noun;
    m.frame = is_noun ? noun_frame(ctx, w) : lex_->frame_of(m.lemma);
    if (const auto* f = phrase_frame(ctx, w)) m.frame = *f;
    // A change takes the frame of what it changes, with its direction: "lowered tariffs",
    // "reduced its taxes" and "scaled back tariffs" are all "down tariff".
    if (is_verb && lex_->is_change(m.lemma))
      if (const auto theme = change_theme(ctx, w)) {
        std::size_t t = *theme;
        if (!lex_->has_frame(W[t].lemma) && t > ctx.sent_begin[s] && W[t - 1].tag == upos::noun) --t;  // "tariff rates"
        // Only amounts ("tariffs"), not events a verb like "reach" or "set" brings about ("reached
        // a truce" stays the truce's light verb).
        if (lex_->has_frame(W[t].lemma) && !lex_->frame_refers_back(lex_->frame_of(W[t].lemma)))
          m.frame = lex_->change_direction(m.lemma) + " " + lex_->frame_of(W[t].lemma);
      }
    // A light verb takes the frame of the event noun it brings about ("struck a truce", "the
    // truce struck last month", "held phone talks"): the verb and the noun tell one happening.
    if (is_verb && may_be_light_verb(m.lemma))
      if (const auto n = light_verb_noun(ctx, w)) m.frame = noun_frame(ctx, *n);
    m.confidence = confidence;
    // Class: the hand table, else OCCURRENCE (STATE for adjectives). The training data's
    // majority classes (learned_events.tsv) were tried as a fallback and as an override; both
    // lowered class accuracy on AQUAINT (0.831 -> 0.798: TimeBank and AQUAINT annotators
    // disagree on I_ACTION/ASPECTUAL verbs such as "keep", "offer", "ask"), so they are not used.
    if (const auto* c = lex_->find_class(m.lemma)) m.cls = c->cls;
    else if (is_adj) m.cls = event_class::state;
    if (is_verb) verb_attributes(ctx, w, m);
    if (is_noun) {
      for (std::size_t k = w; k > ctx.sent_begin[s] && k + 3 > w; --k)
        if (W[k - 1].lower == "no"sv || W[k - 1].lower == "without"sv) m.pol = polarity::neg;
    }
    find_actors(ctx, w, m);
    return true;
  }

  /// The frame of the noun at w: its own, or the one a compound modifier gives it ("phone talks"
  /// are a contact).
  std::string noun_frame(const doc_context& ctx, std::size_t w) const {
    const auto& W = ctx.words;
    if (w > ctx.sent_begin[W[w].sentence] && W[w - 1].tag == upos::noun)
      if (const auto* f = lex_->modifier_frame(W[w - 1].lemma)) return *f;
    return lex_->frame_of(W[w].lemma);
  }

  /// The frame of a phrase row of event_frames.tsv that the word at w begins ("took office",
  /// "return to the White House"), or nullptr: the row's words follow it in its sentence.
  const std::string* phrase_frame(const doc_context& ctx, std::size_t w) const {
    const auto* rows = lex_->phrase_frames(ctx.words[w].lemma);
    if (!rows) return nullptr;
    const auto& W = ctx.words;
    for (const auto& row : *rows) {
      std::size_t k = 0;
      while (k < row.words.size() && w + 1 + k < W.size() && W[w + 1 + k].sentence == W[w].sentence &&
             W[w + 1 + k].lower == row.words[k])
        ++k;
      if (k == row.words.size()) return &row.frame;
    }
    return nullptr;
  }

  /// The event noun a light verb brings about, in parsed text: its object ("held a call"), the
  /// subject of "take place" ("the conversation took place in January"), or the noun its
  /// participle follows or modifies ("the truce struck last month"), when that noun's frame
  /// refers back (talks, calls, deals; not "imposed tariffs").
  /// A light verb of some event noun: light_verbs.tsv, limited rows included.
  bool may_be_light_verb(std::string_view lemma) const {
    return lex_->is_light_verb(lemma) || lex_->limited_light_verb(lemma) != nullptr;
  }

  std::optional<std::size_t> light_verb_noun(const doc_context& ctx, std::size_t w) const {
    const auto& W = ctx.words;
    const auto sb = ctx.sent_begin[W[w].sentence], se = ctx.sent_end[W[w].sentence];
    const auto& tok = ctx.doc.tokens[W[w].token];
    if (tok.deprel.empty()) return std::nullopt;
    // A limited row: light only for its frames ("extended an invitation", not "extended the
    // truce"), and with its noun after its preposition when it names one ("reciprocated with an
    // invitation").
    if (const auto* limit = lex_->limited_light_verb(W[w].lemma)) {
      std::optional<std::size_t> noun;
      for (std::size_t x = sb; x < se && !noun; ++x) {
        const auto& t = ctx.doc.tokens[W[x].token];
        if (t.head != static_cast<int>(w - sb)) continue;
        if (limit->preposition.empty()) {
          if (t.deprel == "obj"sv) noun = x;
          continue;
        }
        if (t.deprel != "obl"sv) continue;
        for (std::size_t y = sb; y < x; ++y) {
          const auto& c = ctx.doc.tokens[W[y].token];
          if (c.head == static_cast<int>(x - sb) && c.deprel == "case"sv && W[y].lower == limit->preposition) noun = x;
        }
      }
      if (!noun || W[*noun].tag != upos::noun || !lex_->is_event_noun(W[*noun].lemma) ||
          !lex_->is_light_verb_of(W[w].lemma, noun_frame(ctx, *noun)))
        return std::nullopt;
      return noun;
    }
    const auto refers_back = [&](std::size_t x) {
      return W[x].tag == upos::noun && lex_->is_event_noun(W[x].lemma) && lex_->has_frame(W[x].lemma) &&
             lex_->frame_refers_back(lex_->frame_of(W[x].lemma));
    };
    const auto child = [&](std::string_view rel) -> std::optional<std::size_t> {
      for (std::size_t x = sb; x < se; ++x) {
        const auto& t = ctx.doc.tokens[W[x].token];
        if (t.head == static_cast<int>(w - sb) && t.deprel == rel) return x;
      }
      return std::nullopt;
    };
    if (const auto obj = child("obj")) {
      // "the conversation took place in January": the subject is the event
      if (W[w].lemma == "take"sv && W[*obj].lemma == "place"sv) {
        const auto subj = child("nsubj");
        return subj && refers_back(*subj) ? subj : std::nullopt;
      }
      // Not a compound's first noun the parse took for the object ("issued a nationwide arrest
      // warrant", with "warrant" read as a verb): the warrant is issued, not the arrest.
      if (*obj + 1 < se && (W[*obj + 1].tag == upos::noun || W[*obj + 1].xpos == "VB"sv)) return std::nullopt;
      return refers_back(*obj) ? obj : std::nullopt;
    }
    // "Mr. Xi “held phone talks with Trump”": after a quotation mark the parser may take the verb
    // for an adjective of its object (amod). No light verb's participle modifies the noun it
    // brings about ("held talks" are talks held), so the noun right after it (past the noun's
    // compounds) is its object.
    if (tok.deprel == "amod" && tok.head > static_cast<int>(w - sb)) {
      const auto h = sb + static_cast<std::size_t>(tok.head);
      bool adjacent = h < se && h <= w + 3;
      for (std::size_t x = w + 1; adjacent && x < h; ++x) adjacent = W[x].tag == upos::noun;
      if (adjacent && refers_back(h)) return h;
    }
    // ("the truce struck last month": the parser may hang the participle higher up)
    if (W[w].xpos == "VBN"sv && w > sb && refers_back(w - 1)) return w - 1;
    if (W[w].xpos == "VBN"sv && tok.deprel == "acl" && tok.head >= 0) {
      const auto h = sb + static_cast<std::size_t>(tok.head);
      if (h < se && W[h].token == ctx.doc.sentences[W[w].sentence].first_token + static_cast<std::size_t>(tok.head) &&
          refers_back(h))
        return h;
    }
    return std::nullopt;
  }

  static constexpr std::size_t no_gap = static_cast<std::size_t>(-1);

  /// Gapping, per event: the change verb a noun repeats (`verb`), the first and past-the-last
  /// words of the noun's own phrase (`first`, `end`); for a verb, `end` is where its own phrase
  /// stops (the coordinator before a gapped conjunct). `told_by`: the change verb a noun is what
  /// it changes, so a mention of that change (`event_mention::mention_of`).
  struct gap {
    std::size_t verb = no_gap, first = no_gap, end = no_gap, told_by = no_gap;
  };

  /// "Talks reduced U.S. tariffs to 30% on Chinese imports and Chinese tariffs on U.S. goods to
  /// 10%" tells two changes with one verb (gapping): after the change verb's theme and its own
  /// amount ("to 30%"), a coordinated noun of the theme's frame with an amount of its own ("and
  /// Chinese tariffs ... to 10%") and no verb of its own is the same change done to another
  /// thing. That noun takes the verb's frame ("down tariff"), the amounts after it, and as its
  /// subject the country of a demonym in front of it ("Chinese tariffs": China's); the verb's
  /// summary stops before it. Without an amount on each side ("lowered tariffs and duties to
  /// 10%") the conjuncts are one change.
  std::vector<gap> gapped_changes(const doc_context& ctx, std::vector<event_mention>& evs,
                                  const std::vector<std::size_t>& at) const {
    const auto& W = ctx.words;
    std::vector<gap> out(evs.size());
    std::vector<int> event_of(W.size(), -1);
    for (std::size_t k = 0; k < evs.size(); ++k) event_of[at[k]] = static_cast<int>(k);
    // True when an amount with a change role starts at x ("to 30%", "from 125%", "by 5%").
    const auto amount_at = [&](std::size_t x, std::size_t se) {
      if (x + 1 >= se) return false;
      const auto& p = W[x].lower;
      if (p != "to"sv && p != "from"sv && p != "by"sv) return false;
      const auto digit = [&](std::size_t y) {
        return !ctx.form(y).empty() && std::isdigit(static_cast<unsigned char>(ctx.form(y).front()));
      };
      const auto* u = lex_->find_unit(ctx.form(x + 1));
      return digit(x + 1) || (u && u->kind == "money_prefix"sv && x + 2 < se && digit(x + 2));  // "to $5 billion"
    };
    // Words that end a conjunct's phrase: another verb, a subordinator, strong punctuation.
    const auto stops = [&](std::size_t x) {
      return W[x].tag == upos::verb || !W[x].aux.empty() || W[x].starts_clause || W[x].tag == upos::sconj ||
             ctx.form(x) == ";"sv || ctx.form(x) == ":"sv || ctx.form(x) == "\xE2\x80\x94"sv;
    };
    for (std::size_t v = 0; v < evs.size(); ++v) {
      const auto w = at[v];
      if (evs[v].pos != upos::verb || !lex_->is_change(evs[v].lemma)) continue;
      const auto space = evs[v].frame.find(' ');
      if (space == std::string::npos) continue;  // not a change of a listed amount
      const auto base = std::string_view(evs[v].frame).substr(space + 1);
      auto theme = change_theme(ctx, w);
      if (!theme) continue;
      // What it changes is a mention of the change itself ("ratcheted blanket tariffs ... up to
      // 145%": the tariffs are told by the ratcheting): it takes the change's frame too, so that
      // the relations stage dates it as the change and merging makes it one event with it.
      {
        std::size_t t = *theme;
        if (!lex_->has_frame(W[t].lemma) && t > ctx.sent_begin[W[w].sentence] && W[t - 1].tag == upos::noun) --t;
        if (event_of[t] >= 0 && evs[static_cast<std::size_t>(event_of[t])].pos == upos::noun &&
            lex_->has_frame(W[t].lemma) && lex_->frame_of(W[t].lemma) == base) {
          evs[static_cast<std::size_t>(event_of[t])].frame = evs[v].frame;
          out[static_cast<std::size_t>(event_of[t])].told_by = v;
        }
      }
      if (*theme < w) continue;
      const auto se = ctx.sent_end[W[w].sentence];
      bool own_amount = false;  // the conjunct before has its amount
      for (std::size_t x = *theme + 1; x < se && !stops(x); ++x) {
        if (amount_at(x, se)) own_amount = true;
        const bool coordinator = W[x].lower == "and"sv || (ctx.form(x) == ","sv && x + 1 < se && W[x + 1].lower != "and"sv);
        if (!coordinator || !own_amount) continue;
        // The conjunct's noun phrase: modifiers, then its head (the last noun of the run).
        std::size_t n = x + 1, head = no_gap;
        const auto possessive = [&](std::size_t y) {
          return W[y].xpos == "PRP$"sv || W[y].lower == "its"sv || W[y].lower == "their"sv || W[y].lower == "his"sv ||
                 W[y].lower == "her"sv || W[y].lower == "our"sv || W[y].lower == "'s"sv;
        };
        while (n < se && (is_content(W[n]) || W[n].tag == upos::det || ctx.form(n) == "-"sv || possessive(n))) {
          if (W[n].tag == upos::noun) head = n;
          else if (head != no_gap) break;
          ++n;
        }
        if (head == no_gap || event_of[head] < 0 || !lex_->has_frame(W[head].lemma) ||
            lex_->frame_of(W[head].lemma) != base)
          continue;
        // Its own amount, before anything that ends its phrase (or another coordinator).
        std::size_t y = head + 1, end = no_gap;
        for (; y < se && y < head + 12 && !stops(y); ++y) {
          if (W[y].lower == "and"sv) break;
          if (amount_at(y, se)) {
            end = y + 2;
            if (const auto* u = lex_->find_unit(ctx.form(y + 1)); u && u->kind == "money_prefix"sv) ++end;
            while (end < se) {  // the amount's sign and units: "10%", "5 billion", "5 percent"
              const auto* u = lex_->find_unit(W[end].lower);
              if (ctx.form(end) != "%"sv && !(u && u->kind != "duration"sv && u->kind != "number"sv)) break;
              ++end;
            }
            break;
          }
        }
        if (end == no_gap) continue;
        const auto k = static_cast<std::size_t>(event_of[head]);
        auto& g = evs[k];
        if (g.pos != upos::noun) continue;
        g.frame = evs[v].frame;
        out[k] = {v, x + 1, end};
        if (out[v].end == no_gap) out[v].end = x;
        // Who acted: whose measure it is ("Chinese tariffs" are China's), else the verb's subjects
        // ("Canada raised its levies on steel to 25% and its duties on aluminum to 15%").
        const auto add_subject = [&](const std::string& name, byte_span where) {
          const auto there = std::find(g.actors.begin(), g.actors.end(), name);
          if (there != g.actors.end()) {
            const auto i = static_cast<std::size_t>(there - g.actors.begin());
            g.actors.erase(there);
            g.actor_spans.erase(g.actor_spans.begin() + static_cast<std::ptrdiff_t>(i));
            if (i < g.subject_count) --g.subject_count;
          }
          g.actors.insert(g.actors.begin() + static_cast<std::ptrdiff_t>(g.subject_count), name);
          g.actor_spans.insert(g.actor_spans.begin() + static_cast<std::ptrdiff_t>(g.subject_count), where);
          ++g.subject_count;
        };
        bool owner = false;
        for (std::size_t d = x + 1; d < head && !owner; ++d)
          if (const auto country = lex_->demonym_country(ctx.form(d))) {
            g.subject_count = 0;
            add_subject(*country, ctx.span(d));
            owner = true;
          }
        if (!owner && evs[v].subject_count > 0) {
          g.subject_count = 0;
          for (std::size_t a = 0; a < evs[v].subject_count && a < evs[v].actors.size(); ++a)
            add_subject(evs[v].actors[a], evs[v].actor_spans[a]);
        }
        x = y;  // on past this conjunct (a third one may follow)
        if (x >= se) break;
      }
    }
    return out;
  }

  /// What a change verb changes: its object, else its passive or intransitive subject ("tariffs
  /// fell"); without a parse, the first noun after it in its clause.
  std::optional<std::size_t> change_theme(const doc_context& ctx, std::size_t w) const {
    const auto& W = ctx.words;
    const auto s = W[w].sentence;
    const auto sb = ctx.sent_begin[s], se = ctx.sent_end[s];
    // The candidates in order: object, passive or intransitive subject, the first noun after the
    // verb in its clause (past a particle: "knocked down sky-high tariffs"); the first one of a
    // listed frame wins, else the first.
    std::vector<std::size_t> found;
    if (!ctx.doc.tokens[W[w].token].deprel.empty()) {
      for (const auto* rel : {"obj", "nsubj:pass", "nsubj"})
        for (std::size_t x = sb; x < se; ++x) {
          const auto& t = ctx.doc.tokens[W[x].token];
          if (t.head == static_cast<int>(w - sb) && t.deprel == rel) found.push_back(hyphen_modified(ctx, x));
        }
    }
    const auto ce = ctx.clause(w).second;
    for (std::size_t x = w + 1; x < ce && x < w + 6; ++x) {
      if (W[x].tag == upos::noun) found.push_back(x);  // "sky-high tariffs": every noun of the phrase
      if (W[x].tag == upos::verb || (W[x].tag == upos::adp && x > w + 1)) break;
    }
    for (const auto x : found) {
      if (lex_->has_frame(W[x].lemma)) return x;
      if (x > sb && W[x - 1].tag == upos::noun && lex_->has_frame(W[x - 1].lemma)) return x;
    }
    if (found.empty()) return std::nullopt;
    return found.front();
  }

  /// The noun a hyphenated modifier modifies, when the parser took the modifier's first part for
  /// the head ("Tit-for-tat tariffs exceeded 100%": the tokenizer splits "Tit - for - tat", as UD
  /// EWT does, and the parse makes "Tit" the subject and "tariffs" its apposition; likewise
  /// "Long-term rates", "Year-on-year growth", "Cross-border trade"): the first noun right after
  /// the chain of glued hyphens, when the parse hangs it on x. Else x.
  std::size_t hyphen_modified(const doc_context& ctx, std::size_t x) const {
    const auto& W = ctx.words;
    const auto sb = ctx.sent_begin[W[x].sentence], se = ctx.sent_end[W[x].sentence];
    std::size_t y = x;  // the chain's last part
    while (y + 2 < se && ctx.form(y + 1) == "-"sv && ctx.glued(y) && ctx.glued(y + 1)) y += 2;
    if (y == x || y + 1 >= se || W[y + 1].tag != upos::noun || ctx.glued(y)) return x;
    // (when the parse already hangs the chain on the noun, x is not what the verb took)
    const auto& n = ctx.doc.tokens[W[y + 1].token];
    const bool on_x = n.head == static_cast<int>(x - sb) &&
                      (n.deprel == "appos"sv || n.deprel == "compound"sv || n.deprel == "flat"sv || n.deprel == "nmod"sv);
    return on_x ? y + 1 : x;
  }

  /// Whether the parse gives the verb at w a subject that says no one did it: "Nothing was
  /// discussed", "Nobody expects", "No one was hurt", "None of those doctors were killed".
  /// TBAQ marks these NEG two times in three (the exceptions look like annotator slips: the same
  /// "No one has claimed responsibility" is NEG in one wire and POS in its copies).
  /// (Any `nsubj` dependent, also one `subject_child` skips after a preposition: "for nothing
  /// will save the republic".)
  static bool has_negative_subject(const doc_context& ctx, std::size_t w) {
    const auto& W = ctx.words;
    const auto [d0, d1] = ctx.dependents(w);
    for (const auto* d = d0; d != d1; ++d) {
      const std::size_t x = *d;
      if (!starts_with(ctx.doc.tokens[W[x].token].deprel, "nsubj"sv)) continue;
      const auto& f = W[x].lower;
      if (f == "nothing"sv || f == "nobody"sv || f == "none"sv) return true;
      if (f == "one"sv && x > ctx.sent_begin[W[x].sentence] && W[x - 1].lower == "no"sv) return true;  // "no one"
    }
    return false;
  }

  void verb_attributes(const doc_context& ctx, std::size_t w, event_mention& m) const {
    const auto& W = ctx.words;
    const auto s = W[w].sentence;
    std::vector<const word*> chain;
    bool neg = false, to_marker = false;
    for (std::size_t k = w; k > ctx.sent_begin[s] && w - k < 6; --k) {
      const auto& p = W[k - 1];
      if (!p.aux.empty()) {
        chain.insert(chain.begin(), &p);
        if (p.is_negation) neg = true;
      } else if (p.is_negation) {
        neg = true;
      } else if (p.tag == upos::adv) {
        continue;
      } else if (p.lower == "to"sv && chain.empty()) {
        to_marker = true;
        break;
      } else {
        break;
      }
    }
    // "no longer" negates too.
    if (w >= 2 && W[w - 1].lower == "longer"sv && W[w - 2].lower == "no"sv) neg = true;
    if (!neg && has_negative_subject(ctx, w)) neg = true;
    bool has_have = false, has_be = false, has_do = false;
    std::string modal, finite;
    for (const auto* a : chain) {
      if (a->aux == "have"sv) has_have = true;
      if (a->aux == "be"sv) has_be = true;
      if (a->aux == "do"sv) has_do = true;
      if (a->aux == "modal"sv && modal.empty()) modal = a->modal;
      if (finite.empty() && (!a->aux_tense.empty() || a->aux == "modal"sv)) finite = a->aux == "modal"sv ? (a->aux_tense.empty() ? "none" : a->aux_tense) : a->aux_tense;
    }
    const auto finite_tense = [&]() {
      if (finite == "past"sv) return tense::past;
      if (finite == "present"sv) return tense::present;
      if (finite == "future"sv) return tense::future;
      return tense::none;
    };
    const std::string& x = W[w].xpos;
    const bool vbn = x.find("VBN") != std::string::npos;
    const bool nominal_gerund = x == "VBG"sv && chain.empty() && w > ctx.sent_begin[s] &&
                                (W[w - 1].tag == upos::det || W[w - 1].tag == upos::adj ||
                                 ends_with(W[w - 1].lower, "'s") || W[w - 1].lower == "his"sv ||
                                 W[w - 1].lower == "their"sv || W[w - 1].lower == "its"sv);
    if (nominal_gerund) {
      m.tns = tense::none;  // "the ruling", "their questioning": a gerund used as a noun
    } else if (x == "VBG"sv) {
      if (has_be) {
        m.asp = has_have ? aspect::perfective_progressive : aspect::progressive;
        m.tns = finite_tense();
      } else {
        m.tns = chain.empty() ? tense::prespart : finite_tense();
      }
    } else if (vbn && (has_have || has_be)) {
      if (has_have) m.asp = aspect::perfective;
      m.tns = finite_tense();
    } else if (x == "VBN"sv) {
      // TimeML (TBAQ) marks a bare past participle ("injured", "issued") PAST far more often
      // than PASTPART.
      m.tns = tense::past;
    } else if (starts_with(x, "VBD"sv)) {
      m.tns = tense::past;
    } else if (x == "VBZ"sv || x == "VBP"sv) {
      m.tns = tense::present;
    } else {  // base form
      if (to_marker) m.tns = tense::infinitive;
      else if (!modal.empty() || has_do) m.tns = finite_tense();
      else m.tns = tense::present;
    }
    if (neg) m.pol = polarity::neg;
    m.modality = modal;
  }

  /// The names of an event: for a verb, those in its clause (subject first); for a noun, those in
  /// its noun phrase ("Trump's call", "the call between Trump and Xi") and, when the noun is
  /// the object of a verb, that verb's subject ("Trump and Xi held a call").
  void find_actors(const doc_context& ctx, std::size_t w, event_mention& m) const {
    const auto& W = ctx.words;
    const auto [cb, ce] = ctx.clause(w);
    std::size_t lo = cb, hi = ce;
    std::optional<std::size_t> governing_verb;
    if (m.pos == upos::noun) {
      lo = w;
      while (lo > cb && w - lo < 6 && W[lo - 1].tag != upos::verb && W[lo - 1].tag != upos::aux &&
             W[lo - 1].tag != upos::adp && !W[lo - 1].is_boundary)
        --lo;
      if (lo > cb && W[lo - 1].tag == upos::verb) governing_verb = lo - 1;
      hi = w + 1;
      // (and "for": whom the event is for, "an invitation for Xi to visit")
      static constexpr std::string_view pp[] = {"between", "with", "by", "from", "among", "against", "of", "on", "in", "for"};
      if (hi < ce && std::find(std::begin(pp), std::end(pp), W[hi].lower) != std::end(pp)) {
        std::size_t x = hi + 1;
        while (x < ce && x < hi + 7 && W[x].tag != upos::verb && W[x].aux.empty()) ++x;
        hi = x;
      }
    }
    std::vector<const entity*> before, after;
    const auto sent = W[w].sentence;
    const std::size_t e_begin = ctx.entity_begin[sent], e_end = ctx.entity_begin[sent + 1];
    for (std::size_t k = e_begin; k < e_end; ++k) {
      const auto& e = ctx.entities[k];
      if (e.first >= lo && e.last < hi) {
        if (e.last < w) before.push_back(&e);
        else if (e.first > w) after.push_back(&e);
      }
    }
    // The subject of the verb that governs a noun object: its nearest names before it.
    const auto subject_of = [&](std::size_t verb, std::size_t from) {
      std::vector<const entity*> out;
      for (std::size_t k = e_end; k-- > e_begin;) {
        const auto& e = ctx.entities[k];
        if (e.last >= verb || e.first < from) continue;
        // A name in a prepositional phrase ("agreed in Geneva ... to lower", "officials from the
        // U.S. and China will be meeting") is not the subject.
        if (in_prepositional_phrase(ctx, k)) {
          if (out.empty()) continue;
          break;
        }
        if (!out.empty()) {
          // Only a coordinated name joins: "Trump and Xi".
          const auto gap_first = e.last + 1, gap_last = out.back()->run_first;
          if (!(gap_last == gap_first + 1 && (W[gap_first].lower == "and"sv || W[gap_first].lower == ","sv))) break;
        } else {
          // Nothing but auxiliaries/adverbs/negation, a time ("on Thursday") or a short apposition
          // between name and verb.
          bool close = true;
          std::size_t other = 0;
          for (std::size_t x = e.last + 1; x < verb; ++x) {
            if (W[x].is_boundary || W[x].tag == upos::verb) close = false;
            const bool time = ctx.in_timex(x) || (W[x].tag == upos::adp && x + 1 < verb && ctx.in_timex(x + 1));
            if (!time) ++other;
          }
          if (!close || other > 6) break;
        }
        out.insert(out.begin(), &e);
      }
      return out;
    };
    std::vector<const entity*> subjects;
    // With a dependency parse: the nominal subject of the verb (or of the verb governing the
    // noun as its object), with its conjuncts ("Trump and Xi"); pronouns as below.
    // nullopt when the parse gives the verb no nominal subject; an empty list when the subject is
    // not a name ("trade officials ... will be meeting").
    const auto parsed_subjects = [&](std::size_t verb) -> std::optional<std::vector<const entity*>> {
      std::vector<const entity*> out;
      bool has_nsubj = false;
      const auto& doc = ctx.doc;
      const auto sb = ctx.sent_begin[W[verb].sentence], se = ctx.sent_end[W[verb].sentence];
      const auto entity_of = [&](std::size_t x) -> const entity* {
        for (std::size_t k = ctx.entity_begin[W[x].sentence]; k < ctx.entity_begin[W[x].sentence + 1]; ++k)
          if (ctx.entities[k].run_first <= x && x <= ctx.entities[k].last) return &ctx.entities[k];
        return nullptr;
      };
      const auto [first_dependent, last_dependent] = ctx.dependents(verb);
      for (const auto* d = first_dependent; d != last_dependent; ++d) {
        const std::size_t x = *d;
        const auto& t = doc.tokens[W[x].token];
        if (!starts_with(t.deprel, "nsubj"sv)) continue;
        // A dateline ("WASHINGTON — President Trump ... agreed") that the parser made the subject
        // says nothing: the names before the verb decide.
        if (x == sb && !ctx.in_entity[x] && x + 1 < se &&
            (ctx.form(x + 1) == "\xE2\x80\x94"sv || ctx.form(x + 1) == "--"sv || ctx.form(x + 1) == "-"sv))
          continue;
        // A name after an adposition is no subject, whatever the parse says ("“I just concluded a
        // very good phone call with President Xi,” Trump said", with "Xi" a second subject).
        has_nsubj = true;
        if (in_adpositional_phrase(ctx, x)) continue;
        // A relative pronoun stands for what its clause modifies ("Nanagas, who resigned").
        std::size_t y = x;
        if (is_relative_pronoun(W[x])) {
          const auto a = relative_antecedent(ctx, verb);
          if (!a) continue;
          y = *a;
        }
        const auto* named = entity_of(y);
        if (named) out.push_back(named);
        // Its conjuncts ("Trump and Xi"; an antecedent's only when it is a name itself).
        const auto [first_conjunct, last_conjunct] = ctx.dependents(y);
        for (const auto* c = first_conjunct; c != last_conjunct && (y == x || named); ++c)
          if (doc.tokens[W[*c].token].deprel == "conj"sv)
            if (const auto* e = entity_of(*c)) out.push_back(e);
        if (y != x) {
          // ("the U.S. president, who ...": the person the document names with that title)
          if (out.empty())
            if (const auto* p = titled_description(ctx, y)) out.push_back(p);
          continue;
        }
        if (out.empty() && (W[x].lower == "he"sv || W[x].lower == "she"sv))
          if (const auto* p = pronoun_referent(ctx, x)) out.push_back(p);
        if (out.empty() && W[x].lower == "it"sv)
          if (const auto* p = it_referent(ctx, x)) out.push_back(p);
        if (out.empty())  // "the latter said"
          if (const auto* p = latter_or_former(ctx, x)) out.push_back(p);
        // A titled description ("the U.S. president later said"): the one person the document
        // names with that title ("President Donald Trump").
        if (out.empty())
          if (const auto* p = titled_description(ctx, x)) out.push_back(p);
        if (out.empty() && (W[x].lower == "him"sv || W[x].lower == "her"sv))  // "for him to visit China"
          if (const auto* p = object_pronoun_referent(ctx, x)) out.push_back(p);
        // "“I just concluded a very good phone call with President Xi,” Trump said": a quotation's
        // "I" is its speaker, the named subject of the reporting verb outside the quotation marks.
        if (out.empty() && W[x].lower == "i"sv)
          if (const auto* p = quote_speaker(ctx, x, entity_of)) out.push_back(p);
      }
      // "the call, which he said lasted an hour": what the relative pronoun stands for.
      if (!has_nsubj)
        if (const auto a = relative_antecedent(ctx, verb)) {
          has_nsubj = true;
          if (const auto* e = entity_of(*a)) out.push_back(e);
        }
      if (!has_nsubj) return std::nullopt;
      return out;
    };
    std::vector<const entity*> taking_part;  // named beside the subjects: a possessed noun's governing verb's subject
    // A gerund adjunct that has its subject from the possessor of the clause's subject noun: the
    // names before it are that noun's ("his first call with Xi since returning"), not its own.
    bool adjunct_borrowed = false;
    bool has_parse = false;
    for (std::size_t x = ctx.sent_begin[W[w].sentence]; x < ctx.sent_end[W[w].sentence] && !has_parse; ++x)
      has_parse = !ctx.doc.tokens[W[x].token].deprel.empty();
    std::optional<std::vector<const entity*>> parsed;
    if (has_parse) {
      const auto& t = ctx.doc.tokens[W[w].token];
      const auto sb = ctx.sent_begin[W[w].sentence];
      // The verb whose subject this event takes: a participle's or infinitive's without a
      // subject of its own ("the U.S. undermined the truce by issuing warnings": the U.S. issued
      // them), an object's or passive subject's (a noun).
      bool borrows = false;
      if (m.pos == upos::verb) {
        parsed = parsed_subjects(w);
        // "called for increased enforcement ... to prevent China": the enforcement prevents (a
        // name when the phrase is one: "waited for Beijing to respond").
        if (!parsed)
          if (const auto n = for_to_subject(ctx, w)) {
            parsed.emplace();
            if (const auto* e = entity_at(ctx, *n)) parsed->push_back(e);
          }
        borrows = !parsed && t.head >= 0 && (t.deprel == "advcl"sv || t.deprel == "xcomp"sv) &&
                  (W[w].xpos == "VBG"sv || W[w].xpos == "VB"sv);
      } else {
        borrows = t.head >= 0 && (t.deprel == "obj"sv || t.deprel == "nsubj:pass"sv);
      }
      const auto head = sb + static_cast<std::size_t>(std::max(t.head, 0));
      const auto se = ctx.sent_end[W[w].sentence];
      // The possessor of an event noun is who does it ("his first call": Trump's).
      const auto event_noun_possessor = [&](std::size_t n) -> const entity* {
        if (W[n].tag != upos::noun || ctx.in_entity[n] || !lex_->is_event_noun(W[n].lemma)) return nullptr;
        return possessor_of(ctx, n);
      };
      // A noun's possessor is who acted: "he accepted Mr. Xi's invitation" is Xi's invitation
      // (the governing verb's subject only takes part), "Trump reciprocated with his own
      // invitation" is Trump's (a possessive pronoun: the subject of its clause, possessive_owner).
      if (m.pos == upos::noun) {
        const entity* possessor = nullptr;
        for (std::size_t x = sb; x < w && !possessor; ++x) {
          const auto& p = ctx.doc.tokens[W[x].token];
          // "the former's request": the parser may take "former" for an adjective (amod).
          const bool possessive = p.deprel == "nmod:poss"sv ||
                                  (p.deprel == "amod"sv && x + 1 < w && strip_possessive(W[x + 1].lower).empty());
          if (p.head != static_cast<int>(w - sb) || !possessive) continue;
          for (std::size_t k = ctx.entity_begin[W[x].sentence]; k < ctx.entity_begin[W[x].sentence + 1]; ++k)
            if (ctx.entities[k].run_first <= x && x <= ctx.entities[k].last) possessor = &ctx.entities[k];
          if (!possessor && (W[x].lower == "his"sv || W[x].lower == "her"sv)) possessor = possessive_owner(ctx, x);
          if (!possessor) possessor = latter_or_former(ctx, x);  // "at the latter's request"
        }
        if (possessor) {
          if (borrows && head < ctx.sent_end[W[w].sentence] && W[head].tag == upos::verb)
            if (const auto others = parsed_subjects(head)) taking_part = *others;
          parsed = std::vector<const entity*>{possessor};
          borrows = false;
        }
      }
      // A gerund adjunct's subject is the subject of the clause it modifies, also when that
      // clause's head is a predicate adjective or noun ("his first call since returning to office
      // was very positive", the parse hanging "returning" on "positive").
      const bool gerund_adjunct = m.pos == upos::verb && W[w].xpos == "VBG"sv && t.head >= 0 && t.deprel == "advcl"sv;
      // (After a subordinator only: the parse hangs many a participle on a predicate it does not
      // modify, "in charge of a diocese, with 14 priests, covering the islands".)
      // A subordinator ("since", "after", "while"; not a preposition the parse takes for one, "In
      // neighbouring Iraq") opens the gerund's clause.
      const auto subordinated = [&] {
        const auto k = parse_child(ctx, w, "mark"sv);
        return k && *k < w && W[*k].tag == upos::sconj;
      };
      if (borrows && gerund_adjunct && head < se && W[head].tag != upos::verb &&
          (!subject_child(ctx, head) || !parse_child(ctx, head, "cop"sv) || !subordinated()))
        borrows = false;
      if (borrows && head < se && (W[head].tag == upos::verb || gerund_adjunct)) {
        // "Xi asked Trump to withdraw the measures": the object, when there is a named one.
        std::vector<const entity*> object;
        bool pronoun_object = false;  // "Xi invited him to visit China": not Xi
        if (t.deprel == "xcomp"sv)
          for (std::size_t x = sb; x < ctx.sent_end[W[w].sentence]; ++x) {
            const auto& o = ctx.doc.tokens[W[x].token];
            if (o.head != static_cast<int>(head - sb) || o.deprel != "obj"sv) continue;
            for (std::size_t k = ctx.entity_begin[W[x].sentence]; k < ctx.entity_begin[W[x].sentence + 1]; ++k)
              if (ctx.entities[k].run_first <= x && x <= ctx.entities[k].last) object.push_back(&ctx.entities[k]);
            if (W[x].tag == upos::pron && W[x].lower != "it"sv) {
              pronoun_object = true;
              if (const auto* p = object_pronoun_referent(ctx, x)) object.push_back(p);
            }
          }
        if (!object.empty()) parsed = object;
        else if (pronoun_object) parsed = std::vector<const entity*>{};
        else parsed = parsed_subjects(head);
        // After a subordinator ("since returning", "after meeting"), a subject that is an event
        // noun with a possessor has the possessor for it: "his first call with Xi since returning
        // to office" -> he returned (Trump), not the call, nor the nearest name (Xi).
        if (gerund_adjunct && parsed && parsed->empty() && subordinated())
          if (const auto n = subject_child(ctx, head))
            if (const auto* p = event_noun_possessor(*n)) {
              parsed = std::vector<const entity*>{p};
              adjunct_borrowed = true;
            }
      }
      // The parse may hang such a gerund on the noun itself ("his first call since returning to
      // office"): the noun's possessor (not the noun, as for a reduced relative clause).
      if (m.pos == upos::verb && (!parsed || parsed->empty()) && W[w].xpos == "VBG"sv && t.head >= 0 && t.deprel == "acl"sv &&
          head < se && subordinated())
        if (const auto* p = event_noun_possessor(head)) {
          parsed = std::vector<const entity*>{p};
          adjunct_borrowed = true;
        }
      // Or on a word inside the noun's phrase ("his first meeting with French President Emmanuel
      // Macron since taking office", with "taking" on "Macron"): a gerund right after a
      // subordinator that the parse gives no subject has the possessor of the event noun whose
      // phrase it ends (no verb, auxiliary or clause boundary between), not the nearest name.
      if (m.pos == upos::verb && !parsed && W[w].xpos == "VBG"sv && w > cb + 1 && W[w - 1].tag == upos::sconj)
        for (std::size_t x = w - 1; x-- > cb;) {
          if (W[x].tag == upos::verb || !W[x].aux.empty() || W[x].is_boundary) break;
          if (const auto* p = event_noun_possessor(x)) {
            parsed = std::vector<const entity*>{p};
            adjunct_borrowed = true;
            break;
          }
        }
    }
    if (parsed) {
      subjects = *parsed;  // the parse decides, names or not
    } else if (m.pos == upos::verb) {
      subjects = subject_of(w, cb);
      // A name that only modifies a title before the verb ("The U.S. president later said", a
      // parse that gives the verb no subject) stands for the description it is part of.
      if (subjects.size() == 1 && subjects[0]->last + 1 < w)
        if (const auto* p = titled_description(ctx, subjects[0]->last + 1)) subjects[0] = p;
      if (subjects.empty()) {
        std::size_t k = w;
        while (k > cb && (!W[k - 1].aux.empty() || W[k - 1].tag == upos::adv || W[k - 1].is_negation)) --k;
        if (k > cb && (W[k - 1].lower == "he"sv || W[k - 1].lower == "she"sv)) {
          if (const auto* p = pronoun_referent(ctx, k - 1)) subjects.push_back(p);
        } else if (k > cb) {
          // "after the U.S. president lamented" (a parse that gives the verb no subject): a
          // titled description right before the verb is its subject.
          if (const auto* p = titled_description(ctx, k - 1)) subjects.push_back(p);
        }
      }
    } else if (governing_verb) {
      subjects = subject_of(*governing_verb, cb);
      // "he had a call": the pronoun stands for the last person named.
      if (subjects.empty()) {
        std::size_t k = *governing_verb;
        while (k > cb && (!W[k - 1].aux.empty() || W[k - 1].tag == upos::adv || W[k - 1].is_negation)) --k;
        if (k > cb && (W[k - 1].lower == "he"sv || W[k - 1].lower == "she"sv))
          if (const auto* p = pronoun_referent(ctx, k - 1)) subjects.push_back(p);
      }
    }
    std::vector<std::string_view> seen;  // canonical names added (at most a handful)
    const auto add = [&](const entity* e) {
      if (m.actors.size() >= 4 || std::find(seen.begin(), seen.end(), e->canonical) != seen.end()) return;
      seen.push_back(e->canonical);
      m.actors.push_back(e->canonical);
      m.actor_spans.push_back({ctx.span(e->first).begin, ctx.span(e->last).end});
    };
    // An object pronoun of a reported clause is the speaker ("said Xi invited him": Xi and the
    // speaker).
    if (has_parse && m.pos == upos::verb) {
      const auto sb = ctx.sent_begin[W[w].sentence];
      for (std::size_t x = sb; x < ctx.sent_end[W[w].sentence]; ++x) {
        const auto& o = ctx.doc.tokens[W[x].token];
        if (o.head == static_cast<int>(w - sb) && (o.deprel == "obj"sv || o.deprel == "iobj"sv))
          if (const auto* p = object_pronoun_referent(ctx, x)) taking_part.push_back(p);
      }
    }
    for (const auto* e : subjects) add(e);
    m.subject_count = m.actors.size();
    for (const auto* e : taking_part) add(e);
    if (!adjunct_borrowed)
      for (const auto* e : before) add(e);
    for (const auto* e : after) add(e);
  }

  // ---- quantities
  std::vector<found_quantity> find_quantities(const doc_context& ctx, std::size_t s) const {
    const auto& W = ctx.words;
    std::vector<found_quantity> out;
    const std::size_t b = ctx.sent_begin[s], e = ctx.sent_end[s];
    const auto number_of = [&](std::size_t k) -> std::optional<double> {
      // Digits with thousands separators and a percent sign ("1,250", "145%").
      std::string_view form = ctx.form(k);
      while (!form.empty() && form.back() == '%') form.remove_suffix(1);
      const auto lead = form.find_first_not_of(',');
      if (lead != std::string_view::npos && std::isdigit(static_cast<unsigned char>(form[lead]))) {
        std::string f;
        f.reserve(form.size());
        for (const char c : form)
          if (c != ',') f += c;
        try {
          std::size_t used = 0;
          const double v = std::stod(f, &used);
          if (used == f.size()) return v;
        } catch (const std::exception&) {
        }
        return std::nullopt;
      }
      if (const auto u = lex_->find_unit(W[k].lower); u && u->kind == "number"sv) return u->factor;
      return std::nullopt;
    };
    for (std::size_t k = b; k < e; ++k) {
      if (ctx.in_timex(k) && !(k + 1 < e && lex_->find_unit(W[k + 1].lower) &&
                               lex_->find_unit(W[k + 1].lower)->kind == "duration"sv))
        continue;
      std::size_t first = k;
      bool money = false;
      if (const auto u = lex_->find_unit(ctx.form(k)); u && u->kind == "money_prefix"sv && k + 1 < e) {
        money = true;
        ++k;
      }
      const auto value = number_of(k);
      if (!value) {
        k = first;
        continue;
      }
      found_quantity fq;
      fq.first = first;
      fq.last = k;
      fq.q.value = *value;
      std::size_t next = k + 1;
      if (next < e) {
        if (const auto u = lex_->find_unit(W[next].lower); u && u->kind == "scale"sv) {
          fq.q.value *= u->factor;
          fq.last = next++;
        }
      }
      const bool percent_sign = ends_with(ctx.form(k), "%");
      if (money) {
        fq.q.kind = "money";
      } else if (percent_sign) {
        fq.q.kind = "percent";
      } else if (next < e && lex_->find_unit(W[next].lower) && lex_->find_unit(W[next].lower)->kind == "percent"sv) {
        fq.q.kind = "percent";
        fq.last = next;
      } else if (next < e && lex_->find_unit(W[next].lower) && lex_->find_unit(W[next].lower)->kind == "money_suffix"sv) {
        fq.q.kind = "money";
        fq.last = next;
      } else {
        std::size_t u = next;
        if (u < e && (ctx.form(u) == "-"sv)) ++u;
        if (u < e && lex_->find_unit(W[u].lower) && lex_->find_unit(W[u].lower)->kind == "duration"sv) {
          fq.q.kind = "duration";
          fq.last = u;
        } else if (ctx.in_timex(k)) {
          k = fq.last;
          continue;
        } else {
          // A bare number: a count when it quantifies a following noun; years are not counts.
          if (*value >= 1900 && *value <= 2100 && std::floor(*value) == *value) {
            k = fq.last;
            continue;
          }
          if (u < e && W[u].tag == upos::noun && !W[u].capitalized) {
            fq.q.kind = "count";
            fq.last = u;
          } else {
            k = fq.last;
            continue;
          }
        }
      }
      const auto bs = ctx.span(fq.first), be = ctx.span(fq.last);
      fq.q.text = ctx.doc.doc.text.substr(bs.begin, be.end - bs.begin);
      // Role from the preposition in front: "from 125%", "to 10%", "up to 145%", "by 5%".
      if (first > b) {
        const auto& p = W[first - 1].lower;
        if (p == "from"sv) fq.q.role = "from";
        else if (p == "to"sv) fq.q.role = "to";
        else if (p == "by"sv) fq.q.role = "by";
      }
      k = fq.last;
      out.push_back(std::move(fq));
    }
    return out;
  }

  void attach_quantities(const doc_context& ctx, std::vector<event_mention>& events,
                         const std::vector<std::size_t>& trigger_word, const std::vector<gap>& gaps) const {
    // The events of each sentence, in order: in_sentence[starts[s] .. starts[s + 1]).
    const std::size_t sentences = ctx.sent_begin.size();
    std::vector<std::size_t> starts(sentences + 1, 0), in_sentence(events.size());
    for (const auto& ev : events) ++starts[ev.sentence + 1];
    for (std::size_t s = 0; s < sentences; ++s) starts[s + 1] += starts[s];
    {
      std::vector<std::size_t> next(starts.begin(), starts.end() - 1);
      for (std::size_t k = 0; k < events.size(); ++k) in_sentence[next[events[k].sentence]++] = k;
    }
    for (std::size_t s = 0; s < sentences; ++s) {
      if (starts[s] == starts[s + 1]) continue;
      auto found = find_quantities(ctx, s);
      if (found.empty()) continue;
      std::map<std::size_t, std::vector<std::size_t>> by_event;  // event -> quantity indices
      for (std::size_t q = 0; q < found.size(); ++q) {
        const auto qw = found[q].first;
        double best = 1e9;
        std::size_t best_event = events.size();
        for (std::size_t i = starts[s]; i < starts[s + 1]; ++i) {
          const auto k = in_sentence[i];
          const auto ew = trigger_word[k];
          // Gapping splits the amounts at the coordinator: before it the verb's, after it the
          // conjunct's.
          if (gaps[k].verb != no_gap ? qw < gaps[k].first : gaps[k].end != no_gap && qw >= gaps[k].end) continue;
          const double dist = ew > qw ? double(ew - qw) : double(qw - ew);
          std::size_t crossings = 0;
          for (std::size_t x = std::min(ew, qw) + 1; x < std::max(ew, qw); ++x)
            if (ctx.words[x].is_boundary) ++crossings;
          double cost = dist + 8.0 * double(crossings);
          const bool change = lex_->is_change(events[k].lemma) || gaps[k].verb != no_gap;
          if (change) cost -= 6;
          if (events[k].cls == event_class::reporting || events[k].cls == event_class::i_state) cost += 6;
          if (found[q].q.kind == "count"sv && !change) cost += 2;
          if (cost < best) {
            best = cost;
            best_event = k;
          }
        }
        if (best_event < events.size() && best <= 12) by_event[best_event].push_back(q);
      }
      for (auto& [k, qs] : by_event) {
        // In a change, an unmarked amount before a "to" amount of the same kind is the start value:
        // "lowered his 145% tariffs ... to 30%".
        const bool change = lex_->is_change(events[k].lemma) || gaps[k].verb != no_gap;
        for (auto q : qs) {
          auto& fq = found[q];
          if (!change || !fq.q.role.empty()) continue;
          for (auto r : qs)
            if (r != q && found[r].q.role == "to"sv && found[r].q.kind == fq.q.kind && found[r].first > fq.first)
              fq.q.role = "from";
        }
        for (auto q : qs) events[k].quantities.push_back(found[q].q);
      }
    }
  }

  // ---- summary
  /// A report after its quotation ("... China HAS TOTALLY VIOLATED ITS AGREEMENT WITH US," Trump
  /// posted last week) says what the quotation says: its summary gains the quoted event's ("Trump
  /// posted: China has violated its agreement with US"), the first verb event inside the quotes that
  /// says more than its own word ("“Given how quickly misunderstandings surfaced ...,” Cutler said":
  /// not "given"). So does a report that says nothing after it but where or how it was said ("the
  /// group said in a letter from MEMA": the quotation, not the letter), a parenthetical report after
  /// the clause it reports without quotation marks ("The U.S. will be represented ..., Trump
  /// said": the clause the parse hangs it on), and a report whose clause has no subject of its own
  /// ("the call, which he said lasted an hour": "Trump said: call lasted an hour").
  void quote_contents(const doc_context& ctx, std::vector<event_mention>& evs, const std::vector<std::size_t>& at) const {
    const auto& W = ctx.words;
    // More than its own word, or a pronoun and its word ("I guess"), and not a short verb group
    // without its subject ("was injured", "will take time").
    const auto says_more = [](const std::string& s) {
      const auto space = s.find(' ');
      if (space == std::string::npos) return false;
      static constexpr std::string_view auxiliaries[] = {"was", "were", "is", "are", "be", "been", "has", "have",
                                                         "had", "will", "would", "could", "should", "can", "may",
                                                         "might", "must", "did", "does", "do"};
      std::string head = s.substr(0, space);
      for (auto& c : head) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      const auto words = 1 + static_cast<std::size_t>(std::count(s.begin(), s.end(), ' '));
      for (const auto a : auxiliaries)
        if (head == a && words <= 3) return false;
      if (s.find(' ', space + 1) != std::string::npos) return true;
      std::string first = s.substr(0, space);
      for (auto& c : first) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      return first != "i"sv && first != "we"sv && first != "you"sv && first != "they"sv && first != "it"sv &&
             first != "he"sv && first != "she"sv;
    };
    const auto event_at = [&](std::size_t x, std::size_t from, std::size_t to) -> std::optional<std::size_t> {
      for (std::size_t j = from; j < to; ++j)
        if (at[j] == x) return j;
      return std::nullopt;
    };
    const auto as_said = [&](const event_mention& q, std::size_t qw) { return this->as_said(ctx, q, qw); };
    for (std::size_t k = 0; k < evs.size(); ++k) {
      auto& m = evs[k];
      if (m.cls != event_class::reporting || m.pos != upos::verb) continue;
      const auto w = at[k];
      const auto sb = ctx.sent_begin[m.sentence];
      std::size_t first = k;  // the sentence's first and last events (events are in text order)
      while (first > 0 && evs[first - 1].sentence == m.sentence) --first;
      std::size_t last = k + 1;
      while (last < evs.size() && evs[last].sentence == m.sentence) ++last;
      // The summary up to the verb, and whether what follows it says nothing reported (nothing, or
      // a prepositional phrase: "in a letter from MEMA", "during a congressional hearing").
      const std::string key = " " + m.trigger;
      std::size_t pos = m.summary.size() >= key.size() && m.summary.compare(m.summary.size() - key.size(), key.size(), key) == 0
                            ? m.summary.size() - key.size()
                            : m.summary.find(key + " ");
      std::size_t head_end = pos + key.size();
      if (pos == std::string::npos) {  // no subject shown: "Said lasted"
        if (m.summary.size() < m.trigger.size() ||
            !std::equal(m.trigger.begin(), m.trigger.end(), m.summary.begin(), [](char a, char b) {
              return std::tolower(static_cast<unsigned char>(a)) == std::tolower(static_cast<unsigned char>(b));
            }))
          continue;
        head_end = m.trigger.size();
      }
      bool nothing_after = head_end == m.summary.size();
      if (!nothing_after) {
        static constexpr std::string_view adjuncts[] = {"in", "on", "at", "during", "to", "after", "before", "with",
                                                        "via", "through", "from", "by", "as"};
        const auto next_end = m.summary.find(' ', head_end + 1);
        const auto next = std::string_view(m.summary).substr(head_end + 1, next_end == std::string::npos ? std::string::npos : next_end - head_end - 1);
        for (const auto a : adjuncts)
          if (next == a && w + 1 < ctx.sent_end[m.sentence] && W[w + 1].tag == upos::adp) nothing_after = true;
      }
      std::optional<std::size_t> said;
      // The quotation right before the verb (or its subject).
      std::size_t close = w;
      while (close > sb && !is_quote(ctx.form(close - 1)) && w - close < 4) --close;
      // A quotation right after the report ("Vranitzky said: “None of these pillars can stand by
      // themselves ...”", "..., adding, “There should ...”") is what it reports, not one before it.
      std::size_t open_after = 0;
      for (std::size_t x = w + 1; x < ctx.sent_end[m.sentence] && x < w + 4 && !open_after; ++x)
        if (is_quote(ctx.form(x))) open_after = x;
      if (open_after) {
        if (!nothing_after) continue;
        std::size_t close_after = open_after + 1;
        while (close_after < ctx.sent_end[m.sentence] && !is_quote(ctx.form(close_after))) ++close_after;
        for (std::size_t j = k + 1; j < last && !said; ++j) {
          const auto& q = evs[j];
          if (at[j] > open_after && at[j] < close_after && q.pos == upos::verb && q.cls != event_class::reporting &&
              says_more(q.summary))
            said = j;
        }
        if (!said) {
          std::vector<std::size_t> quoted;
          for (std::size_t x = open_after + 1; x < close_after; ++x) quoted.push_back(x);
          while (!quoted.empty() && W[quoted.back()].tag == upos::punct) quoted.pop_back();
          std::size_t count = 0;
          for (const auto x : quoted) count += W[x].tag != upos::punct;
          if (close_after < ctx.sent_end[m.sentence] && count >= 3 && count <= 10)
            m.summary = m.summary.substr(0, head_end) + ": \xE2\x80\x9C" + ctx.render(quoted) + "\xE2\x80\x9D";
          continue;
        }
      }
      if (said) {
        // (the quotation after it)
      } else if (nothing_after && close > sb && is_quote(ctx.form(close - 1))) {
        for (std::size_t j = first; j < k && !said; ++j) {
          const auto& q = evs[j];
          if (q.pos != upos::verb || q.cls == event_class::reporting || at[j] >= close || !says_more(q.summary)) continue;
          said = j;
        }
        // No event in it says more than its word: a short quotation is what was said, in its
        // quotation marks ("“I guess that’s what we’re discussing,” he said").
        if (!said) {
          std::size_t open = close - 1;
          while (open > sb && !is_quote(ctx.form(open - 1))) --open;
          std::vector<std::size_t> quoted;
          for (std::size_t x = open; x + 1 < close; ++x) quoted.push_back(x);
          while (!quoted.empty() && W[quoted.back()].tag == upos::punct) quoted.pop_back();
          std::size_t count = 0;
          for (const auto x : quoted) count += W[x].tag != upos::punct;
          if (open > sb && count >= 3 && count <= 10)
            m.summary = m.summary.substr(0, head_end) + ": \xE2\x80\x9C" + ctx.render(quoted) + "\xE2\x80\x9D";
        }
      } else if (const auto subj = parse_child(ctx, w, "nsubj"sv); nothing_after && subj && *subj < w) {
        // A parenthetical report (with a subject of its own: not "first reported by Reuters"): the
        // clause the parse hangs it on, before it.
        const auto& dep = ctx.doc.tokens[W[w].token].deprel;
        std::optional<std::size_t> reported;
        if (dep == "parataxis"sv || dep == "ccomp"sv) reported = parse_head(ctx, w);  // ccomp: a misparse
        else if (dep == "root"sv) reported = parse_child(ctx, w, "ccomp"sv);
        // Else, after a comma (", reports said Saturday."), the sentence's main verb before it.
        if (!reported && *subj >= sb + 2 && ctx.form(*subj - 1 - (W[*subj - 1].tag == upos::det ? 1 : 0)) == ","sv)
          for (std::size_t x = sb; x < w; ++x)
            if (ctx.doc.tokens[W[x].token].deprel == "root"sv && W[x].tag == upos::verb) reported = x;
        // A report of a report ("The leader said Beijing had complied ..., the statement said"):
        // what the first reports.
        if (reported && *reported < w)
          if (const auto j = event_at(*reported, first, last); j && evs[*j].cls == event_class::reporting)
            if (const auto c = parse_child(ctx, *reported, "ccomp"sv); c && *c < w) reported = c;
        if (reported && *reported < w)
          if (const auto j = event_at(*reported, first, last); j && *j != k && evs[*j].pos == upos::verb && says_more(evs[*j].summary))
            said = *j;
      } else if (const auto c = parse_child(ctx, w, "ccomp"sv, true);
                 c && W[*c].tag == upos::verb && !word_in(m.summary.substr(head_end), ctx.form(*c))) {
        // What it reports, past where its own phrase stopped ("Trump said Treasury Secretary Scott
        // Bessent, Commerce Secretary Howard Lutnick and ... would represent the U.S. side"): the
        // reported verb's summary, in line.
        // (Only when that summary says the reported clause's own subject: not "war wasn't discussed"
        // for "the future of Iran's program and Russia's war wasn't discussed".)
        const auto lower = [](std::string t) {
          for (auto& ch : t) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
          return t;
        };
        const auto own_subject = [&](std::size_t j) {
          const auto n = parse_child(ctx, *c, "nsubj"sv);
          return !n || (W[*n].tag != upos::noun && W[*n].tag != upos::propn) ||
                 word_in(lower(evs[j].summary), lower(std::string(ctx.form(*n))));
        };
        if (const auto j = event_at(*c, first, last); j && says_more(evs[*j].summary) && own_subject(*j)) {
          m.summary = shorten(m.summary.substr(0, head_end) + " " + in_line(ctx, evs[*j]), 90);
        }
        continue;
      } else if (w + 1 < ctx.sent_end[m.sentence] && W[w + 1].tag == upos::verb &&
                 ctx.doc.tokens[W[w + 1].token].deprel == "ccomp"sv && !parse_child(ctx, w + 1, "nsubj"sv)) {
        // "which he said lasted an hour": the reported verb's own summary names its subject.
        if (const auto j = event_at(w + 1, first, last); j && says_more(evs[*j].summary)) said = *j;
      }
      if (!said) continue;
      m.summary = shorten(m.summary.substr(0, head_end) + ": " + as_said(evs[*said], at[*said]), 90);
    }
  }

  /// The summary of event q at word w as its speaker says it after a report's colon (in_line): a
  /// quotation's "I", which find_actors resolves to the speaker, stays "I" ("“I just concluded a
  /// very good phone call with President Xi,” Trump said" -> "Trump said: I concluded a very good
  /// phone call with President Xi", not "Trump said: Trump concluded ...").
  std::string as_said(const doc_context& ctx, const event_mention& q, std::size_t w) const {
    std::string text = in_line(ctx, q);
    const auto n = subject_child(ctx, w);
    if (!n || *n >= w || ctx.words[*n].lower != "i"sv || q.subject_count != 1 || q.actors.empty()) return text;
    const auto& name = q.actors.front();
    if (text.size() > name.size() && text.compare(0, name.size(), name) == 0 && text[name.size()] == ' ')
      text = "I" + text.substr(name.size());
    return text;
  }

  /// A noun whose summary is its own word alone ("Negotiations", "Tariffs") says the clause it is
  /// the subject or the object of, as that verb's summary says it: "There's mounting pressure ... to
  /// salvage the negotiations" -> "Salvage the negotiations", "The tariffs effectively led to a
  /// trade embargo" -> "Tariffs led to a trade embargo". Not a noun a preposition hangs on another
  /// noun ("a reprieve on the restrictions").
  void bare_nouns(const doc_context& ctx, std::vector<event_mention>& evs, const std::vector<std::size_t>& at) const {
    const auto& W = ctx.words;
    // Whether summary s says the noun's word (as a word of its own; case aside: "MAKE A DEAL" is
    // said "Make a deal").
    const auto says = [](const std::string& s, const std::string& trigger) {
      std::string lower_s = s, lower_t = trigger;
      for (auto& c : lower_s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      for (auto& c : lower_t) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      for (std::size_t p = 0; p + lower_t.size() <= lower_s.size(); ++p) {
        p = lower_s.find(lower_t, p);
        if (p == std::string::npos) break;
        const bool left = p == 0 || s[p - 1] == ' ';
        const auto e = p + trigger.size();
        if (left && (e == s.size() || s[e] == ' ' || s[e] == ':' || s[e] == ',')) return true;
      }
      return false;
    };
    for (std::size_t k = 0; k < evs.size(); ++k) {
      auto& m = evs[k];
      if (m.pos != upos::noun || m.summary.find(' ') != std::string::npos) continue;
      const auto x = at[k];
      std::size_t from = k;  // the sentence's events (events are in text order)
      while (from > 0 && evs[from - 1].sentence == m.sentence) --from;
      // The relative clause that says what it did first ("after the call, which he said lasted an
      // hour and a half" -> "Call lasted an hour and a half"): it is about the noun.
      bool done = false;
      for (std::size_t j = k + 1; !done && j < evs.size() && evs[j].sentence == m.sentence; ++j) {
        if (evs[j].pos != upos::verb || evs[j].summary.find(' ') == std::string::npos) continue;
        // (A clause right after the noun, a comma between: the parse may hang one on a noun before
        // another, "The move to postpone the trip, which had been set for June 7-14".)
        std::size_t p = x + 1;
        while (p < ctx.sent_end[m.sentence] && ctx.form(p) == ","sv) ++p;
        if (p >= ctx.sent_end[m.sentence] || !is_relative_pronoun(W[p])) break;
        if (relative_antecedent(ctx, at[j]) == x && says(evs[j].summary, m.trigger)) {
          m.summary = evs[j].summary;
          done = true;
        }
      }
      const auto& dep = ctx.doc.tokens[W[x].token].deprel;
      if (done || (!starts_with(dep, "nsubj"sv) && dep != "obj"sv && dep != "iobj"sv && dep != "obl"sv)) continue;
      const auto h = parse_head(ctx, x);
      if (!h || W[*h].tag != upos::verb) continue;
      for (std::size_t j = from; j < evs.size() && evs[j].sentence == m.sentence; ++j) {
        if (at[j] != *h || evs[j].pos != upos::verb) continue;
        const auto& s = evs[j].summary;
        if (s.find(' ') != std::string::npos && says(s, m.trigger)) m.summary = s;
        break;
      }
    }
  }

  /// An event's summary said inside another's ("Trump said: call lasted an hour"): lower-cased
  /// first, unless it starts with a name, an actor, "I", a demonym, or a word its sentence writes
  /// with a capital past its first word ("Chinese company diverted US equipment").
  std::string in_line(const doc_context& ctx, const event_mention& q) const {
    std::string text = q.summary;
    if (text.size() < 2 || std::isupper(static_cast<unsigned char>(text[1])) || text.compare(0, 2, "I ") == 0) return text;
    for (const auto& a : q.actors)
      if (text.compare(0, a.size(), a) == 0) return text;
    const auto first_word = std::string_view(text).substr(0, text.find(' '));
    if (lex_->is_demonym(first_word)) return text;  // "Israeli troops ..."
    const auto sb = ctx.sent_begin[q.sentence], se = ctx.sent_end[q.sentence];
    for (std::size_t x = sb + 1; x < se; ++x)  // (after a word: not the first of a quotation)
      if (ctx.form(x) == first_word && ctx.words[x - 1].tag != upos::punct && !is_quote(ctx.form(x - 1))) return text;
    text[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(text[0])));
    return text;
  }

  /// Whether `text` has `form` as a word of its own.
  static bool word_in(std::string_view text, std::string_view form) {
    for (std::size_t p = text.find(form); p != std::string_view::npos; p = text.find(form, p + 1)) {
      const auto e = p + form.size();
      if ((p == 0 || text[p - 1] == ' ') && (e == text.size() || text[e] == ' ' || text[e] == ',' || text[e] == ':'))
        return true;
    }
    return false;
  }

  /// The word the parse makes the head of word x (same sentence), if any.
  std::optional<std::size_t> parse_head(const doc_context& ctx, std::size_t x) const {
    const auto& t = ctx.doc.tokens[ctx.words[x].token];
    if (t.head < 0 || t.deprel.empty()) return std::nullopt;
    const auto sb = ctx.sent_begin[ctx.words[x].sentence];
    const auto h = sb + static_cast<std::size_t>(t.head);
    if (h >= ctx.sent_end[ctx.words[x].sentence]) return std::nullopt;
    return h;
  }

  /// The subject of a for-to infinitive the parse hangs on the verb before it ("Lutnick called for
  /// increased enforcement of export controls to prevent China from stealing technology": the
  /// enforcement is to prevent it, not Lutnick; "pushed for talks to resolve the dispute"): the
  /// noun of the verb's "for" phrase that runs up to the infinitive's "to". nullopt for an
  /// infinitive with a subject of its own, or without such a phrase right before it ("raised
  /// tariffs for months to pressure China" is Trump's pressure).
  std::optional<std::size_t> for_to_subject(const doc_context& ctx, std::size_t w) const {
    const auto& W = ctx.words;
    const auto& rel = ctx.doc.tokens[W[w].token].deprel;
    if (W[w].xpos != "VB"sv || (rel != "advcl"sv && rel != "xcomp"sv) || parse_child(ctx, w, "nsubj"sv)) return std::nullopt;
    const auto to = parse_child(ctx, w, "mark"sv);
    if (!to || *to >= w || W[*to].lower != "to"sv) return std::nullopt;
    const auto h = parse_head(ctx, w);
    if (!h || *h >= *to || W[*h].tag != upos::verb) return std::nullopt;
    const auto [first, last] = ctx.dependents(*h);
    for (const auto* d = first; d != last; ++d) {
      const auto n = *d;
      if (n >= *to || n <= *h || ctx.doc.tokens[W[n].token].deprel != "obl"sv || ctx.in_timex(n)) continue;
      if (W[n].tag != upos::noun && W[n].tag != upos::propn) continue;
      const auto c = parse_child(ctx, n, "case"sv);
      if (!c || *c > n || W[*c].lower != "for"sv) continue;
      // Everything between the noun and "to" is the noun's own phrase ("of export controls").
      bool phrase = true;
      for (std::size_t y = n + 1; y < *to && phrase; ++y) {
        std::optional<std::size_t> up = y;
        for (int step = 0; step < 6 && up && *up != n; ++step) up = parse_head(ctx, *up);
        phrase = up && *up == n && !ctx.in_timex(y);
      }
      if (phrase) return n;
    }
    return std::nullopt;
  }

  /// A relative pronoun ("who", "which", "that") as the parse marks it (not the subordinator
  /// "that" of "said that").
  static bool is_relative_pronoun(const word& w) {
    return (w.lower == "who"sv || w.lower == "which"sv || w.lower == "that"sv) &&
           (w.tag == upos::pron || w.xpos == "WDT"sv || w.xpos == "WP"sv);
  }

  /// What the relative pronoun at p stands for, the parse hanging its clause on h: h when it is a
  /// noun or a name ("the call, which lasted", "Wall Street, which reversed"); else, when the parse
  /// hangs the clause on a time or a verb ("an interim accord struck in Geneva last month that
  /// scaled back tariffs", "takes over from Francis Lambert who must retire", "On Thursday, Ichiro
  /// Ozawa, who heads"), the noun or name right before the pronoun (a comma between), past a time
  /// to the noun before it. Not a pronoun ("those who"): nullopt.
  std::optional<std::size_t> antecedent_of(const doc_context& ctx, std::size_t p, std::size_t h) const {
    const auto& W = ctx.words;
    const auto sb = ctx.sent_begin[W[p].sentence];
    const auto nominal = [&](std::size_t y) {
      return !ctx.in_timex(y) && (W[y].tag == upos::noun || W[y].tag == upos::propn || W[y].tag == upos::num ||
                                  W[y].tag == upos::pron);
    };
    // "who" stands for a person or a group, never an event ("a compensation payment to Asian
    // women who had been forced": the women).
    const bool event = W[h].tag == upos::noun && lex_->is_event_noun(W[h].lemma);
    // (An age between commas is no antecedent: "Muhammad, 51, who".)
    const bool age = W[h].tag == upos::num && h > sb && h + 1 < p && ctx.form(h - 1) == ","sv && ctx.form(h + 1) == ","sv;
    // (or a quantifier: "The materials, some of which had been produced in China")
    if (h < p && (nominal(h) || W[h].tag == upos::det) && !(W[p].lower == "who"sv && event) && !age) return h;
    std::size_t b = p;
    while (b > sb && ctx.form(b - 1) == ","sv) --b;
    // (past an age: "Muhammad, 51, who")
    if (b < p && b > sb + 2 && W[b - 1].tag == upos::num && ctx.form(b - 2) == ","sv) {
      b -= 2;
      while (b > sb && ctx.form(b - 1) == ","sv) --b;
    }
    if (b == sb) return std::nullopt;
    if (ctx.in_timex(b - 1)) {
      for (std::size_t a = b - 1; a > sb && b - 1 - a < 10;) {
        --a;
        if (W[a].tag == upos::noun && !ctx.in_timex(a)) return a;
      }
      return std::nullopt;
    }
    if (nominal(b - 1) && W[b - 1].tag != upos::pron) return b - 1;
    return std::nullopt;
  }

  /// The noun or name a relative pronoun subject of the verb at w stands for: the subject of a
  /// relative clause ("the talks, which reduced tariffs", "Nanagas, who resigned"), also through a
  /// report inside the relative clause ("the call, which he said lasted an hour": the parse makes
  /// "which" the subject of "said", or its object); nullopt when w has no such subject.
  std::optional<std::size_t> relative_antecedent(const doc_context& ctx, std::size_t w) const {
    const auto& W = ctx.words;
    const auto& rel = ctx.doc.tokens[W[w].token].deprel;
    if (rel.empty()) return std::nullopt;
    const auto subject = subject_child(ctx, w);
    if (subject && is_relative_pronoun(W[*subject])) {
      const auto h = parse_head(ctx, w);
      if (!h) return std::nullopt;
      if (starts_with(rel, "acl"sv)) return antecedent_of(ctx, *subject, *h);
      // "the call, which he said lasted an hour" (a parse that makes "which" the reported verb's subject)
      if (rel == "ccomp"sv && starts_with(ctx.doc.tokens[W[*h].token].deprel, "acl"sv))
        if (const auto a = parse_head(ctx, *h)) return antecedent_of(ctx, *subject, *a);
      return std::nullopt;
    }
    // No subject of its own, the clause a report in a relative clause reports: "the call, which he
    // said lasted an hour" (the parse may make "which" the object of "said").
    if (!subject && rel == "ccomp"sv)
      if (const auto h = parse_head(ctx, w); h && starts_with(ctx.doc.tokens[W[*h].token].deprel, "acl"sv)) {
        // (The pronoun is the report's object: "who told the commission that abuses were
        // widespread" is no report of what "who" did.)
        const auto [first, last] = ctx.dependents(*h);
        for (const auto* d = first; d != last; ++d)
          if (*d < *h && is_relative_pronoun(W[*d]) && !starts_with(ctx.doc.tokens[W[*d].token].deprel, "nsubj"sv))
            if (const auto a = parse_head(ctx, *h)) return antecedent_of(ctx, *d, *a);
      }
    return std::nullopt;
  }

  /// The parse's nominal subject of the verb at w: a noun or name (the noun a relative pronoun
  /// stands for: relative_antecedent), else nothing.
  std::optional<std::size_t> parsed_subject_noun(const doc_context& ctx, std::size_t w) const {
    const auto& W = ctx.words;
    const auto s = W[w].sentence;
    const auto sb = ctx.sent_begin[s];
    if (const auto a = relative_antecedent(ctx, w)) return a;
    const auto x = subject_child(ctx, w);
    if (!x || is_relative_pronoun(W[*x])) return std::nullopt;
    // A name is an actor already; a capitalised word that is no name (a dateline) is no subject.
    // A time the parser took for the subject is none either: the noun right before it is
    // ("officials this month protested": "officials", not "month").
    if (ctx.in_timex(*x)) {
      std::size_t first = *x;
      while (first > sb && ctx.in_timex(first - 1)) --first;
      if (first > sb && (W[first - 1].tag == upos::noun || W[first - 1].tag == upos::propn)) return first - 1;
      return std::nullopt;
    }
    if (W[*x].tag == upos::noun || (W[*x].tag == upos::propn && ctx.in_entity[*x])) return x;
    return std::nullopt;
  }

  /// A short noun phrase ending with the noun at x: its adjectives, nouns, names, numbers and
  /// hyphenated parts (quoted stretches included, quotes dropped), at most four words before it.
  void compact_noun_phrase(const doc_context& ctx, std::size_t x, std::vector<std::size_t>& words) const {
    const auto& W = ctx.words;
    const auto sb = ctx.sent_begin[W[x].sentence];
    std::size_t np = x, taken = 0;
    bool quoted = false;  // inside quotation marks (walking back): only a quoted name stays
    std::vector<std::size_t> dropped;
    while (np > sb && taken < 4) {
      const auto& p = W[np - 1];
      if (ctx.in_timex(np - 1)) break;
      if (is_quote(ctx.form(np - 1))) {
        quoted = !quoted;
        --np;
        continue;
      }
      if (quoted && !W[np - 1].capitalized) {  // "the “very good” call": an opinion, not a name
        dropped.push_back(np - 1);
        --np;
        continue;
      }
      if (ctx.form(np - 1) == "-"sv || ctx.glued(np - 1)) {  // "Tit-for-tat": one word
        --np;
        continue;
      }
      if (is_content(p)) {
        --np;
        ++taken;
        continue;
      }
      break;
    }
    if (np > sb && is_quantifier(W[np - 1])) --np;  // "Both men said", not "Men said"
    for (std::size_t y = np; y <= x; ++y)
      if (std::find(dropped.begin(), dropped.end(), y) == dropped.end()) words.push_back(y);
  }

  /// A phrase cut inside a noun phrase (its last word an adjective, noun, number or possessive,
  /// the words from x on continuing it) ends with its noun: up to three more adjectives, nouns or
  /// numbers ("supplies of rare" -> "supplies of rare earth minerals", "the world's two largest"
  /// -> "... economies").
  void finish_noun_phrase(const doc_context& ctx, std::size_t x, std::size_t end, std::vector<std::size_t>& words) const {
    const auto& W = ctx.words;
    const auto in_np = [&](std::size_t y) { return is_content(W[y]) || ctx.possessive_mark(y) || W[y].lower == "'s"sv; };
    if (words.empty() || words.back() + 1 != x || !in_np(words.back()) || ctx.in_timex(words.back())) return;
    for (std::size_t extra = 0; x < end && extra < 3; ++x) {
      if (ctx.in_timex(x) || !(in_np(x) || is_quote(ctx.form(x)))) break;
      words.push_back(x);
      if (is_content(W[x])) ++extra;
    }
  }

  /// The name word x is part of, if any.
  static const entity* entity_at(const doc_context& ctx, std::size_t x) {
    const auto s = ctx.words[x].sentence;
    for (std::size_t k = ctx.entity_begin[s]; k < ctx.entity_begin[s + 1]; ++k)
      if (ctx.entities[k].run_first <= x && x <= ctx.entities[k].last) return &ctx.entities[k];
    return nullptr;
  }

  /// A quantifier that counts the noun phrase after it: "both men", "all sides".
  static bool is_quantifier(const word& w) {
    return w.tag != upos::noun && w.tag != upos::pron &&
           (w.lower == "both"sv || w.lower == "all"sv || w.lower == "each"sv || w.lower == "many"sv ||
            w.lower == "several"sv || w.lower == "most"sv);
  }

  /// The parse's child of word w with a relation starting with `rel`, after w or anywhere.
  std::optional<std::size_t> parse_child(const doc_context& ctx, std::size_t w, std::string_view rel,
                                         bool after_only = false) const {
    const auto [first_dependent, last_dependent] = ctx.dependents(w);  // in word order
    for (const auto* d = first_dependent; d != last_dependent; ++d)
      if ((!after_only || *d > w) && starts_with(ctx.doc.tokens[ctx.words[*d].token].deprel, rel)) return *d;
    return std::nullopt;
  }

  /// The parse's nominal subject of word w: its first `nsubj` child that is no adposition's object
  /// ("Most were from India ..., Indian officials said": the parse makes "India" a subject too).
  std::optional<std::size_t> subject_child(const doc_context& ctx, std::size_t w) const {
    const auto [first_dependent, last_dependent] = ctx.dependents(w);
    for (const auto* d = first_dependent; d != last_dependent; ++d)
      if (starts_with(ctx.doc.tokens[ctx.words[*d].token].deprel, "nsubj"sv) && !in_adpositional_phrase(ctx, *d)) return *d;
    return std::nullopt;
  }

  /// A time expression that is part of a noun phrase, not a time the summary leaves out: it
  /// modifies the noun right after it ("a May 12 agreement", "some current students", "the May 12
  /// Geneva talks") or heads an "of" phrase ("the future of Iran's program", "18 months of tariffs").
  bool timex_in_noun_phrase(const doc_context& ctx, std::size_t x) const {
    const auto& W = ctx.words;
    if (!ctx.in_timex(x)) return false;
    const auto t = ctx.timex_of[x];
    const auto se = ctx.sent_end[W[x].sentence];
    std::size_t e = x;
    while (e < se && ctx.timex_of[e] == t) ++e;
    if (e >= se) return false;
    if (W[e].lower == "of"sv || W[e].tag == upos::noun) return true;
    return W[e].tag == upos::propn && e + 1 < se && W[e + 1].tag == upos::noun && !ctx.in_timex(e + 1);
  }

  /// The summary of event m at word w. For a verb, `object_from` (a gapped conjunct's phrase)
  /// replaces what follows the verb and `object_end` stops it (the coordinator before one).
  std::string summarize(const doc_context& ctx, const event_mention& m, std::size_t w, std::size_t object_from = no_gap,
                        std::size_t object_end = no_gap) const {
    const auto& W = ctx.words;
    const auto [cb, ce] = ctx.clause(w);
    std::vector<std::size_t> words;
    words.reserve(32);
    std::string subject;
    bool actor_shown = false;
    std::size_t subject_words = 0;  // words[0, subject_words) are the subject's (a verb's)
    bool bare_infinitive = false;
    if (m.pos == upos::verb) {
      // Subject: the actors named before the trigger (the first two), else the noun phrase before it.
      std::size_t subjects = std::min<std::size_t>(m.subject_count, 2);
      // An event noun whose modifiers name the actors is the subject, not the last name ("The
      // 90-minute call between Trump and Xi appears to have broken the impasse": the call, not Xi).
      const auto nsubj = subject_child(ctx, w);
      std::optional<std::size_t> subject_noun;
      if (nsubj && *nsubj < w && W[*nsubj].tag == upos::noun && !ctx.in_entity[*nsubj] && lex_->is_event_noun(W[*nsubj].lemma))
        for (std::size_t y = *nsubj + 1; y < w && !subject_noun; ++y)
          if (ctx.in_entity[y] && W[y].tag == upos::propn) subject_noun = nsubj;
      // So is it when the parse makes a name of those modifiers the subject ("The 90-minute call
      // between Trump and Xi appears", with "Xi" the subject of "appears").
      // (A finite verb: "an invitation for Xi to visit" is Xi's visit.)
      if (!subject_noun && nsubj && *nsubj < w && W[*nsubj].tag == upos::propn && ctx.in_entity[*nsubj] &&
          (W[w].xpos == "VBD"sv || W[w].xpos == "VBZ"sv || W[w].xpos == "VBP"sv)) {
        std::size_t y = *nsubj;
        while (y > cb && (ctx.in_entity[y - 1] || W[y - 1].tag == upos::cconj || ctx.form(y - 1) == ","sv)) --y;
        if (y > cb + 1 && W[y - 1].tag == upos::adp && W[y - 1].lower != "of"sv && W[y - 2].tag == upos::noun &&
            !ctx.in_entity[y - 2] && lex_->is_event_noun(W[y - 2].lemma))
          subject_noun = y - 2;
      }
      // An infinitive completing a predicate adjective has the adjective's subject ("Chinese
      // students are welcome to study in the U.S.").
      // (The parse may make it an adverbial clause: "welcome to study" as advcl with "to".)
      // A for-to infinitive has the noun of its "for" phrase ("called for increased enforcement
      // ... to prevent China" -> "Enforcement to prevent China").
      if (!subject_noun && !nsubj)
        if (const auto n = for_to_subject(ctx, w); n && W[*n].tag == upos::noun && !ctx.in_entity[*n]) subject_noun = n;
      bool adjective_subject = false;
      if (const auto& rel = ctx.doc.tokens[W[w].token].deprel;
          !nsubj && (rel == "xcomp"sv || (rel == "advcl"sv && w > 0 && W[w - 1].lower == "to"sv)))
        if (const auto h = parse_head(ctx, w); h && *h < w && W[*h].tag == upos::adj)
          if (const auto n = parse_child(ctx, *h, "nsubj"sv); n && *n < *h && W[*n].tag == upos::noun && !ctx.in_entity[*n]) {
            subject_noun = n;
            adjective_subject = true;
          }
      if (subject_noun) subjects = 0;
      std::size_t k = w;
      std::vector<std::size_t> verb_group;
      // (A quotation mark may open between the modal and the verb: "must “take the helm".)
      while (k > cb && (!W[k - 1].aux.empty() || W[k - 1].is_negation || W[k - 1].tag == upos::adv ||
                        (is_quote(ctx.form(k - 1)) && k - 1 > cb && !W[k - 2].aux.empty()))) {
        --k;
        if (!W[k].aux.empty() || W[k].is_negation) verb_group.push_back(k);
      }
      // A coordinated verb without a subject of its own has its first conjunct's ("Xi likened ...
      // and said both leaders must ...", "The call lasted 90 minutes and focused on trade").
      std::optional<std::size_t> conjunct_subject;
      // Only a finite verb after its coordinator: not "closed markets" nor "must take ... and set".
      // (A participle without an auxiliary after a past tense is one too: "lasted ... and focused".)
      const bool finite_form = W[w].xpos == "VBD"sv || W[w].xpos == "VBZ"sv || W[w].xpos == "VBP"sv ||
                               (W[w].xpos == "VBN"sv && verb_group.empty());
      if (subjects == 0 && !subject_noun && !nsubj && finite_form && ctx.doc.tokens[W[w].token].deprel == "conj"sv)
        if (const auto h = parse_head(ctx, w); h && *h < w && W[*h].tag == upos::verb &&
                                               (W[w].xpos != "VBN"sv || W[*h].xpos == "VBD"sv))
          if (const auto cc = parse_child(ctx, w, "cc"sv); cc && *cc > *h && *cc < w)
            if (const auto n = parse_child(ctx, *h, "nsubj"sv); n && *n < *h)
              conjunct_subject = n;
      if (subject_noun) {
        compact_noun_phrase(ctx, *subject_noun, words);
        // Not a name the parse hangs on the noun from before it ("told Xi Chinese students").
        if (adjective_subject)
          while (words.size() > 1 && ctx.in_entity[words.front()] && W[words.front()].tag == upos::propn)
            words.erase(words.begin());
      } else if (subjects > 0) {
        subject = subjects == 2 ? m.actors[0] + " and " + m.actors[1] : m.actors[0];
        actor_shown = true;
      } else if (conjunct_subject && (W[*conjunct_subject].tag == upos::noun || W[*conjunct_subject].tag == upos::propn)) {
        const auto* named = entity_at(ctx, *conjunct_subject);
        if (named) {
          subject = named->canonical;
          actor_shown = true;
        } else if (W[*conjunct_subject].tag == upos::noun) {
          compact_noun_phrase(ctx, *conjunct_subject, words);
        }
      } else if (const auto noun = parsed_subject_noun(ctx, w)) {
        // The parse's subject: "The “very good” call between the two leaders lasted" -> "Call
        // lasted"; "the talks ..., which reduced" -> "Talks reduced".
        compact_noun_phrase(ctx, *noun, words);
      } else if (W[w].xpos != "VBG"sv || k == cb) {
        std::size_t np = k;
        while (np > cb && k - np < 6 &&
               ((is_content(W[np - 1]) || ctx.form(np - 1) == "-"sv || ctx.glued(np - 1)) && !ctx.in_timex(np - 1)))
          --np;
        if (np > cb && np < k && is_quantifier(W[np - 1])) --np;
        // A relative clause ("the talks in Geneva, that reduced ..."): the antecedent is the subject.
        // Not "so that" or "said that": a relative pronoun follows its noun (or a comma after it).
        const bool relative = cb >= ctx.sent_begin[W[w].sentence] + 2 &&
                              (W[cb - 2].tag == upos::noun || W[cb - 2].tag == upos::propn || ctx.form(cb - 2) == ","sv);
        if (np == k && cb > ctx.sent_begin[W[w].sentence] && k == cb && relative &&
            (W[cb - 1].lower == "that"sv || W[cb - 1].lower == "which"sv || W[cb - 1].lower == "who"sv)) {
          std::size_t a = cb - 1;
          std::size_t limit = 8;
          while (a > ctx.sent_begin[W[w].sentence] && limit-- > 0) {
            --a;
            if (W[a].tag == upos::noun && !ctx.in_timex(a)) {  // not "last month that scaled back"
              compact_noun_phrase(ctx, a, words);
              break;
            }
          }
        }
        // "The call between the two leaders lasted": the subject is the noun the prepositional
        // phrase before the verb hangs on, not the phrase's noun.
        std::size_t p = np;
        if (p > cb && W[p - 1].tag == upos::det) --p;
        if (np < k && words.empty() && p >= cb + 2 && W[p - 1].tag == upos::adp && W[p - 1].lower != "of"sv &&
            W[p - 2].tag == upos::noun && lex_->is_event_noun(W[p - 2].lemma)) {
          compact_noun_phrase(ctx, p - 2, words);
        } else {
          for (std::size_t x = np; x < k; ++x) words.push_back(x);
        }
      }
      // No subject found: the pronoun the parse gives, right before the verb group ("we
      // straightened it out", "they are working with ...", "he added": a "he" or "she" no person
      // named before stands for), not one the actors stand for.
      if (subjects == 0 && words.empty())
        if (const auto p = subject_child(ctx, w); p && *p + 1 == k && W[*p].tag == upos::pron &&
                                                          (W[*p].lower == "we"sv || W[*p].lower == "they"sv ||
                                                           W[*p].lower == "you"sv || W[*p].lower == "it"sv ||
                                                           W[*p].lower == "i"sv || W[*p].lower == "he"sv ||
                                                           W[*p].lower == "she"sv))
          words.push_back(*p);
      subject_words = words.size();
      // A bare infinitive shown with a subject reads as one: "Lutnick to prevent China" ("called
      // for ... to prevent China"), "China to do more" ("demands that China do more").
      // A plural present form after a singular subject is a bare form too (the parse's "VBP").
      const auto singular_subject = [&] {
        const auto x = subject_child(ctx, w);
        return x && *x < w && (W[*x].xpos == "NN"sv || W[*x].xpos == "NNP"sv) && !parse_child(ctx, *x, "conj"sv);
      };
      // Only an infinitive ("to", or the parse's xcomp) or such a bare form: a headline's present
      // ("Trump and Xi agree to more talks") stays.
      // A coordinated verb is what its first conjunct is: "wants to lessen ... and reindustrialize".
      std::size_t first_verb = w;
      if (ctx.doc.tokens[W[w].token].deprel == "conj"sv)
        if (const auto h = parse_head(ctx, w); h && W[*h].tag == upos::verb && *h < w) first_verb = *h;
      const auto& rel = ctx.doc.tokens[W[first_verb].token].deprel;
      const auto to_mark = [&] {
        const auto x = parse_child(ctx, first_verb, "mark"sv);
        return x && *x < first_verb && W[*x].lower == "to"sv;
      };
      bare_infinitive = ((W[w].xpos == "VB"sv && (rel == "xcomp"sv || to_mark())) ||
                         ((W[w].xpos == "VB"sv || W[w].xpos == "VBP"sv) && m.subject_count < 2 && singular_subject())) &&
                        verb_group.empty() && (actor_shown || subject_words > 0);
      for (auto v : verb_group) words.push_back(v);
      words.push_back(w);
      // Object: what follows in the clause, without times and without their prepositions (but
      // with a duration the change lasts: "for 90 days"). A reporting verb keeps what it reports
      // ("declared that it was difficult to reach a deal").
      const bool reporting = m.cls == event_class::reporting;
      std::size_t taken = 0;
      const std::size_t limit = reporting ? 12 : 11;
      // What a report says runs past the subordinator: "declared one day earlier that it was
      // difficult to reach a deal", up to a quote or the next clause after it.
      std::size_t end = ce;
      if (reporting && ce < ctx.sent_end[W[w].sentence] && W[ce].starts_clause) {
        end = ce + 1;
        while (end < ctx.sent_end[W[w].sentence] && !is_quote(ctx.form(end)) &&
               !(W[end].is_boundary && !W[end].starts_clause))
          ++end;
      }
      if (object_end != no_gap) end = object_end;
      // A report whose subject follows it ("...,” said Wendy Cutler, a former negotiator") says
      // nothing after it: what it reports is the quotation before.
      if (reporting && parse_child(ctx, w, "nsubj"sv, true)) end = w + 1;
      for (std::size_t x = object_from != no_gap ? object_from : w + 1; x < end && taken < limit; ++x) {
        const auto& o = W[x];
        if (reporting && o.starts_clause && taken == 0) continue;  // the subordinator ("that")
        const bool finite = o.tag == upos::verb && (o.xpos == "VBD"sv || o.xpos == "VBZ"sv || o.xpos == "VBP"sv ||
                                                    o.xpos == "VBD|VBN"sv);
        if (!reporting && finite && x > w + 1) break;
        if (!reporting && (o.tag == upos::sconj || o.starts_clause || o.lower == "as"sv) && x > w + 1) break;  // "as investors welcomed"
        if (!reporting && o.aux.size() && x > w + 1) break;
        // A coordinated verb is another event: "obtaining visas and revoke some", "steer in a good
        // direction and for them to eliminate".
        if (!reporting && o.tag == upos::cconj && x > w + 1) {
          if (const auto h = parse_head(ctx, x); h && *h > x && W[*h].tag == upos::verb) break;
          // Also when the parse hangs it elsewhere: a coordinator before an infinitive ("and for
          // them to “eliminate").
          bool infinitive = false;
          for (std::size_t y = x + 1; y < end && y < x + 5 && !infinitive; ++y) {
            if (W[y].lower == "to"sv && W[y].tag == upos::part) {
              std::size_t v = y + 1;
              while (v < end && is_quote(ctx.form(v))) ++v;
              infinitive = v < end && W[v].tag == upos::verb;
              break;
            }
            if (W[y].tag != upos::adp && W[y].tag != upos::pron && !is_quote(ctx.form(y))) break;
          }
          if (infinitive) break;
        }
        // A passive infinitive right after the verb is part of it: "remains to be seen".
        if (!reporting && o.lower == "to"sv && x == w + 1 && x + 2 < end && W[x + 1].aux == "be"sv &&
            W[x + 2].xpos == "VBN"sv) {
          words.push_back(x);
          words.push_back(x + 1);
          words.push_back(x + 2);
          break;
        }
        // A purpose clause ("... to allow for talks") is another event.
        if (!reporting && o.lower == "to"sv && x > w + 1 && x + 1 < ce && W[x + 1].tag == upos::verb) break;
        // A participle after the object noun opens a reduced relative clause ("talks aimed at").
        if (o.tag == upos::verb && (o.xpos == "VBN"sv || o.xpos == "VBG"sv) && x > w + 1 && W[x - 1].tag == upos::noun)
          break;
        // "for 90 days": the duration of a change is part of it (the whole time expression).
        if (o.lower == "for"sv && x + 1 < end && ctx.in_timex(x + 1) && lex_->is_change(m.lemma) &&
            ctx.times[static_cast<std::size_t>(ctx.timex_of[x + 1])].type == timex::timex_type::duration) {
          words.push_back(x);
          const auto t = ctx.timex_of[x + 1];
          while (x + 1 < end && ctx.timex_of[x + 1] == t) words.push_back(++x);
          continue;
        }
        // "lasted 90 minutes": a duration right after the verb (or a verb it reports: "said the call
        // lasted an hour and a half") is what it says.
        if (ctx.in_timex(x) &&
            (x == w + 1 + (W[w + 1].tag == upos::adv ? 1 : 0) ||
             (reporting && x > w + 1 && W[x - 1].tag == upos::verb && (ctx.timex_of[x - 1] != ctx.timex_of[x]))) &&
            ctx.times[static_cast<std::size_t>(ctx.timex_of[x])].type == timex::timex_type::duration) {
          const auto t = ctx.timex_of[x];
          words.push_back(x);
          while (x + 1 < end && ctx.timex_of[x + 1] == t) words.push_back(++x);
          continue;
        }
        if (ctx.in_timex(x) && !timex_in_noun_phrase(ctx, x)) continue;
        if (o.tag == upos::adp && x + 1 < end &&
            ((ctx.in_timex(x + 1) && !timex_in_noun_phrase(ctx, x + 1)) ||
             (x + 2 < end && W[x + 1].tag == upos::det && ctx.in_timex(x + 2) && !timex_in_noun_phrase(ctx, x + 2))))
          continue;
        // Adverbs go ("approximately", "temporarily"), but not one used as an adjective: "further talks".
        if (o.tag == upos::adv && !o.is_negation &&
            !(x + 1 < end && (W[x + 1].tag == upos::noun || W[x + 1].tag == upos::adj) && !ctx.in_timex(x + 1)))
          continue;
        if (is_quote(ctx.form(x)) && !ctx.possessive_mark(x)) continue;
        words.push_back(x);
        if (o.tag != upos::punct && o.tag != upos::sym) ++taken;
        // A sign written against the number stays with it: "10%".
        if (taken == limit && x + 1 < end && ctx.glued(x) && ctx.form(x + 1) == "%"sv) words.push_back(x + 1);
        // A phrase cut by the count ends with its noun: "friction around Chinese exports of rare
        // earth minerals", not "... of rare".
        if (taken == limit && !ctx.in_timex(x)) finish_noun_phrase(ctx, x + 1, end, words);
      }
    } else {
      // Noun: its modifiers (a possessor and quoted names included: "Mr. Trump's “Liberation Day”
      // tariffs"), the noun and a short prepositional phrase.
      std::size_t np = w;
      bool quoted = false;
      std::vector<std::size_t> opinion;  // lower-case words in quotes: "the “very good” call"
      while (np > cb && w - np < 7) {
        const auto& p = W[np - 1];
        const bool possessive = ctx.possessive_mark(np - 1);  // "the leaders’ call"
        if (is_quote(ctx.form(np - 1)) && !possessive) quoted = !quoted;
        else if (quoted && !p.capitalized) opinion.push_back(np - 1);
        if (is_content(p) || ctx.form(np - 1) == "-"sv || ctx.glued(np - 1) || is_quote(ctx.form(np - 1)) ||
            p.lower == "'s"sv || possessive ||
            (quoted && p.tag == upos::adv) ||
            (p.tag == upos::det && p.lower != "the"sv && p.lower != "a"sv && p.lower != "an"sv))
          --np;
        else
          break;
      }
      while (np < w && is_quote(ctx.form(np))) ++np;
      // The verb that governs the noun and its subject: "Trump and Xi held a phone call".
      std::size_t g = np;
      if (g > cb && (W[g - 1].tag == upos::det || W[g - 1].lower == "the"sv ||
                     (W[g - 1].tag == upos::pron && ctx.doc.tokens[W[g - 1].token].deprel == "nmod:poss"sv)))
        --g;  // "the", "his"
      // A light verb's preposition before the noun: "Trump reciprocated with his own invitation".
      std::size_t verb_at = g > cb ? g - 1 : g;
      std::string_view preposition;
      // (Past a quotation mark: he “reciprocated” with an invitation.)
      if (g > cb + 1 && W[g - 1].tag == upos::adp) {
        std::size_t v = g - 2;
        if (v > cb && is_quote(ctx.form(v)) && !ctx.possessive_mark(v)) --v;
        if (W[v].tag == upos::verb) {
          verb_at = v;
          preposition = W[g - 1].lower;
        }
      }
      const auto* limit = verb_at < g ? lex_->limited_light_verb(W[verb_at].lemma) : nullptr;
      if (m.subject_count > 0 && verb_at < g && W[verb_at].tag == upos::verb) {
        if (lex_->is_light_verb_of(W[verb_at].lemma, m.frame) &&
            (limit ? limit->preposition == preposition : preposition.empty())) {
          std::vector<std::string> subjects(m.actors.begin(),
                                            m.actors.begin() + static_cast<std::ptrdiff_t>(std::min<std::size_t>(m.subject_count, 2)));
          subject = subjects.size() == 2 ? subjects[0] + " and " + subjects[1] : subjects[0];
          actor_shown = true;
          std::size_t k = verb_at;
          while (k > cb && (!W[k - 1].aux.empty() || W[k - 1].is_negation)) --k;
          for (std::size_t x = k; x < np; ++x)
            if (!ctx.in_timex(x) && (W[x].tag != upos::adv || W[x].is_negation)) words.push_back(x);
        }
      }
      for (std::size_t x = np; x <= w; ++x)
        if (std::find(opinion.begin(), opinion.end(), x) == opinion.end()) words.push_back(x);
      std::size_t x = w + 1;
      if (x < ce && W[x].tag == upos::adp && W[x].lower != "of"sv && !ctx.in_timex(x + 1 < ce ? x + 1 : x)) {
        std::size_t taken = 0;
        for (; x < ce && taken < 6; ++x) {
          if (W[x].tag == upos::verb || !W[x].aux.empty()) break;
          if (ctx.in_timex(x)) break;
          words.push_back(x);
          if (!is_quote(ctx.form(x))) ++taken;
        }
        finish_noun_phrase(ctx, x, ce, words);
        // A name is not cut: "for him and first lady Melania Trump", not "... Melania".
        while (x < ce && x > 0 && ctx.in_entity[x] && ctx.in_entity[x - 1] && W[x].tag == upos::propn &&
               !ctx.in_timex(x) && words.back() == x - 1)
          words.push_back(x++);
      } else if (x < ce && W[x].lower == "of"sv) {
        std::size_t taken = 0;
        for (; x < ce && taken < 6; ++x) {
          if (W[x].tag == upos::verb || !W[x].aux.empty() || ctx.in_timex(x)) break;
          words.push_back(x);
          if (!is_quote(ctx.form(x))) ++taken;
        }
        finish_noun_phrase(ctx, x, ce, words);
      }
    }
    // Trim dangling function words at the end. Not the verb's own object pronoun that needs no
    // referent ("beat us", "to have them"; "him" stays out unless it is resolved) nor its particle
    // ("straightened it out").
    const auto kept_object_pronoun = [&](std::size_t x) {
      const auto& l = W[x].lower;
      const auto& dep = ctx.doc.tokens[W[x].token].deprel;
      return m.pos == upos::verb && parse_head(ctx, x) == w && (dep == "obj"sv || dep == "iobj"sv) &&
             (l == "us"sv || l == "them"sv || l == "it"sv || l == "me"sv || l == "you"sv);
    };
    const auto own_particle = [&](std::size_t x) {
      return m.pos == upos::verb && parse_head(ctx, x) == w && ctx.doc.tokens[W[x].token].deprel == "compound:prt"sv;
    };
    while (!words.empty()) {
      if (own_particle(words.back())) break;
      const auto& t = W[words.back()];
      if (t.tag == upos::adp || t.tag == upos::det || t.tag == upos::cconj || t.tag == upos::part ||
          t.tag == upos::sconj || (t.tag == upos::punct && ctx.form(words.back()) != "%"sv) ||
          (t.tag == upos::pron && !object_pronoun_referent(ctx, words.back()) && !kept_object_pronoun(words.back())) ||
          is_quote(ctx.form(words.back())))
        words.pop_back();
      else
        break;
    }
    // A sign written against the last number stays with it, whatever cut the phrase there
    // ("blanket tariffs on Chinese imports up to 145%", not "... up to 145").
    if (!words.empty()) {
      const auto last = *std::max_element(words.begin(), words.end());
      if (ctx.glued(last) && ctx.form(last + 1) == "%"sv) words.push_back(last + 1);
    }
    std::string body;
    if (bare_infinitive && subject_words <= words.size()) {
      std::vector<std::size_t> head(words.begin(), words.begin() + static_cast<std::ptrdiff_t>(subject_words));
      std::vector<std::size_t> rest(words.begin() + static_cast<std::ptrdiff_t>(subject_words), words.end());
      body = render_quiet(ctx, std::move(head));
      if (!body.empty() || !subject.empty()) body += body.empty() ? "to " : " to ";
      body += render_quiet(ctx, std::move(rest));
    } else {
      body = render_quiet(ctx, std::move(words));
    }
    std::string out = subject.empty() ? body : subject + " " + body;
    if (!actor_shown && m.pos == upos::noun && !m.actors.empty()) {
      bool any = false;
      for (const auto& a : m.actors)
        if (out.find(a) != std::string::npos) any = true;
      if (!any) {
        out += " (";
        for (std::size_t a = 0; a < m.actors.size() && a < 2; ++a) out += (a ? ", " : "") + m.actors[a];
        out += ")";
      }
    }
    out = shorten(std::move(out), 80);
    if (!out.empty() && std::islower(static_cast<unsigned char>(out.front())))
      out.front() = static_cast<char>(std::toupper(static_cast<unsigned char>(out.front())));
    return out;
  }

  /// The words rendered, with shouting quieted: in a run of capitalised words ("HAS TOTALLY
  /// VIOLATED ITS AGREEMENT WITH US") those of three letters or more that are no name become
  /// lower case ("has totally violated its agreement with US").
  std::string render_quiet(const doc_context& ctx, std::vector<std::size_t> words) const {
    words.erase(std::remove_if(words.begin(), words.end(), [&](std::size_t x) { return ctx.dateline[x]; }), words.end());
    std::sort(words.begin(), words.end());
    words.erase(std::unique(words.begin(), words.end()), words.end());
    // A word the summary would say twice in a row because what stood between was left out ("revoke
    // some [from] some students") is said once; one the text repeats itself stays.
    for (std::size_t k = 1; k < words.size();)
      if (words[k] != words[k - 1] + 1 && ctx.words[words[k]].lower == ctx.words[words[k - 1]].lower &&
          !is_quote(ctx.form(words[k])))
        words.erase(words.begin() + static_cast<std::ptrdiff_t>(k));
      else
        ++k;
    const auto all_caps = [&](std::size_t x) {
      const auto& f = ctx.form(x);
      std::size_t letters = 0;
      for (unsigned char c : f) {
        if (std::islower(c)) return false;
        if (std::isalpha(c)) ++letters;
      }
      return letters >= 2;
    };
    // (The article "A" of a shouted run is part of it: "MAKE A DEAL" -> "make a deal".)
    const auto shouted = [&](std::size_t x) { return all_caps(x) || ctx.form(x) == "A"sv; };
    std::vector<std::size_t> quiet;
    for (std::size_t k = 0; k < words.size(); ++k) {
      const auto x = words[k];
      if ((ctx.form(x).size() < 3 && ctx.form(x) != "A"sv) || ctx.in_entity[x] || !shouted(x)) continue;
      const bool run = (k > 0 && shouted(words[k - 1])) || (k + 1 < words.size() && shouted(words[k + 1]));
      if (run) quiet.push_back(x);
    }
    // An object pronoun of a reported clause reads as the speaker it stands for ("Mr. Xi's
    // invitation for him" -> "for Trump").
    std::vector<std::pair<std::size_t, const entity*>> named;
    for (const auto x : words)
      if (const auto* p = object_pronoun_referent(ctx, x)) named.emplace_back(x, p);
    std::string out = ctx.render(words);
    if (quiet.empty() && named.empty()) return out;
    // Re-render with the quiet words lower-cased (render joins forms; map them by position).
    std::string rebuilt;
    std::size_t at = 0;
    for (const auto x : words) {
      const auto& f = ctx.form(x);
      const auto pos = out.find(f, at);
      if (pos == std::string::npos) continue;
      rebuilt.append(out, at, pos - at);
      std::string form = f;
      if (std::find(quiet.begin(), quiet.end(), x) != quiet.end())
        for (auto& c : form) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      for (const auto& [at_word, p] : named)
        if (at_word == x) form = p->canonical;
      rebuilt += form;
      at = pos + f.size();
    }
    rebuilt.append(out, at, std::string::npos);
    return rebuilt;
  }

  /// At most `limit` bytes: cut before the last preposition, conjunction or comma that keeps the
  /// head of the summary ("... to 30% on Chinese imports and Chinese tariffs on U.S." -> "... to
  /// 30% on Chinese imports"), else at a word.
  static std::string shorten(std::string out, std::size_t limit) {
    if (out.size() <= limit) return out;
    static constexpr std::string_view breaks[] = {" and ", " or ", ", ", " on ", " in ", " at ", " for ",
                                                  " from ", " with ", " over ", " about ", " by "};
    // The last break that starts in [limit / 2, limit] (what the last occurrence of each break
    // at or before `limit` gives, the latest of those at limit / 2 or after): one backward scan,
    // the breaks compared only where their first byte is (every break opens with a space or a comma).
    std::size_t cut = std::string::npos;
    for (std::size_t at = std::min(limit, out.size() - 1) + 1; cut == std::string::npos && at-- > limit / 2;) {
      if (out[at] != ' ' && out[at] != ',') continue;
      for (const auto b : breaks)
        if (out.compare(at, b.size(), b) == 0) {
          cut = at;
          break;
        }
    }
    if (cut == std::string::npos) {
      cut = out.rfind(' ', limit);
      if (cut == std::string::npos) cut = limit;
    }
    out.resize(cut);
    // A cut at a word leaves no preposition, article or conjunction dangling ("... since returning
    // to", "... between the leaders of").
    static constexpr std::string_view dangling[] = {"a", "an", "the", "of", "to", "in", "on", "at", "for", "from",
                                                    "with", "by", "about", "over", "into", "and", "or", "but",
                                                    "that", "since", "after", "before", "between", "than", "as"};
    for (bool cut_again = true; cut_again;) {
      cut_again = false;
      while (!out.empty() && (out.back() == ',' || out.back() == ' ' || out.back() == ':')) out.pop_back();
      const auto space = out.rfind(' ');
      if (space == std::string::npos) break;
      std::string last = out.substr(space + 1);
      for (auto& c : last) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      for (const auto d : dangling)
        if (last == d) {
          out.resize(space);
          cut_again = true;
          break;
        }
    }
    return out;
  }

  // ---- salience
  /// How much the event belongs on the default timeline (0..1), before dates are known: the
  /// lexical weight of the trigger, raised by amounts and participants, lowered by negation,
  /// modality, quotation, shouting and generic modifiers ("further talks", "any agreement").
  /// The relations stage adds to it once the event is anchored in time.
  void score(const doc_context& ctx, event_mention& m, std::size_t w, std::string_view gapped_verb = {}) const {
    const auto& W = ctx.words;
    double base;
    // A gapped change ("... and Chinese tariffs to 10%") weighs as its verb.
    const double change = lex_->change_weight(gapped_verb.empty() ? std::string_view(m.lemma) : gapped_verb);
    if (const auto c = lex_->class_of(m.lemma); c && gapped_verb.empty()) base = c->weight;
    else if (change > 0) base = change;
    else if (m.pos == upos::noun) base = lex_->noun_weight(m.lemma) > 0 ? lex_->noun_weight(m.lemma) : 0.35;
    else if (m.pos == upos::adj) base = 0.2;
    else base = 0.4;
    if (change > 0 && m.quantities.empty() && m.pos == upos::verb) base = std::min(base, 0.55);
    double s = 0.55 * base;
    if (!m.actors.empty()) s += 0.05;
    for (const auto& q : m.quantities)
      if (q.kind == "percent"sv || q.kind == "money"sv) {
        s += change > 0 ? 0.2 : 0.08;
        break;
      }
    if (m.pol == polarity::neg) s -= 0.25;
    // A light verb with an event noun as object ("held a call") leaves the timeline to the noun;
    // so does its participle after the noun ("the truce struck last month", "a deal reached").
    if (m.pos == upos::verb && lex_->is_light_verb(m.lemma)) {
      const auto se = ctx.sent_end[W[w].sentence];
      bool names_noun = w > 0 && W[w].xpos == "VBN"sv && W[w - 1].tag == upos::noun && lex_->is_event_noun(W[w - 1].lemma);
      for (std::size_t x = w + 1; !names_noun && x < se && x < w + 8; ++x) {
        if (W[x].is_boundary || W[x].tag == upos::verb) break;
        names_noun = W[x].tag == upos::noun && lex_->is_event_noun(W[x].lemma);
      }
      if (names_noun) s -= 0.3;
    }
    // What a change changes ("lowered his 145% tariffs", "ratcheted blanket tariffs ... up to
    // 145%") is told by the change, which carries the amounts: the noun leaves the timeline to it.
    if (m.pos == upos::noun && gapped_verb.empty() && lex_->has_frame(m.lemma) &&
        !lex_->frame_refers_back(lex_->frame_of(m.lemma))) {
      const auto sb = ctx.sent_begin[W[w].sentence];
      for (std::size_t x = w; x > sb && w - x < 10; --x) {
        const auto& p = W[x - 1];
        if (p.tag != upos::verb) continue;
        if (lex_->is_change(p.lemma)) s -= 0.4;
        break;
      }
    }
    // So does the nominal of such a verb before "of" and an event noun: "the signing of the Phase
    // One deal" is the deal's event.
    if (m.pos == upos::noun || (m.pos == upos::verb && W[w].xpos == "VBG"sv && m.tns == tense::none)) {
      const bool light = lex_->is_light_verb(m.lemma) ||
                         (ends_with(m.lemma, "ing") && lex_->is_light_verb(m.lemma.substr(0, m.lemma.size() - 3)));
      const auto se = ctx.sent_end[W[w].sentence];
      if (light && w + 1 < se && W[w + 1].lower == "of"sv)
        for (std::size_t x = w + 2; x < se && x < w + 8; ++x) {
          if (W[x].tag == upos::verb || W[x].is_boundary) break;
          if (W[x].tag == upos::noun && lex_->is_event_noun(W[x].lemma) && !ctx.in_entity[x]) {
            s -= 0.3;
            break;
          }
        }
    }
    if (!m.modality.empty() && m.modality != "will"sv) s -= 0.15;
    if (m.tns == tense::infinitive || m.tns == tense::prespart) s -= 0.1;
    // Inside a quotation: what someone said, not (necessarily) what happened.
    const auto sb = ctx.sent_begin[W[w].sentence];
    int open = 0;
    for (std::size_t x = sb; x < w; ++x) {
      const auto& f = ctx.form(x);
      if (f == "\xE2\x80\x9C"sv) ++open;
      else if (f == "\xE2\x80\x9D"sv) open = std::max(0, open - 1);
      else if (f == "\""sv) open = open ? 0 : 1;
    }
    if (open > 0) s -= 0.2;
    bool all_caps = m.trigger.size() > 1;
    for (unsigned char c : m.trigger)
      if (std::isalpha(c) && !std::isupper(c)) all_caps = false;
    if (all_caps) s -= 0.15;
    if (m.pos == upos::noun) {
      // The object of a negated verb did not happen either ("did not discuss a deal").
      std::size_t x = w;
      while (x > sb && w - x < 5 &&
             (W[x - 1].tag == upos::det || W[x - 1].tag == upos::adj || W[x - 1].tag == upos::noun ||
              W[x - 1].tag == upos::num || W[x - 1].tag == upos::propn))
        --x;
      if (x > sb && W[x - 1].tag == upos::verb) {
        for (std::size_t y = x - 1; y > sb && x - 1 - y < 4; --y) {
          if (W[y - 1].is_negation) {
            s -= 0.25;
            break;
          }
          if (W[y - 1].aux.empty() && W[y - 1].tag != upos::adv) break;
        }
      }
    }
    if (m.pos == upos::noun)
      for (std::size_t x = w; x > sb && w - x < 3; --x) {
        const auto& l = W[x - 1].lower;
        if (l == "any"sv || l == "further"sv || l == "more"sv || l == "additional"sv || l == "possible"sv ||
            l == "final"sv || l == "potential"sv || l == "broader"sv)
          s -= 0.15;
      }
    m.salience = std::clamp(s, 0.0, 1.0);
  }
};

}  // namespace

std::shared_ptr<const extractor> extractor::load_default() {
  return std::make_shared<default_extractor>(lexicon::load_default());
}

/// An extractor over an explicit lexicon (tests, custom resources).
std::shared_ptr<const extractor> make_extractor(std::shared_ptr<const lexicon> lex) {
  return std::make_shared<default_extractor>(std::move(lex));
}

}  // namespace chronograph::events
