// SPDX-License-Identifier: MIT
// From per-document analyses to one story: code-point spans, global ids, cross-document event
// merging (same frame, compatible dates, overlapping actors), link re-targeting and sorting.
#include "chronograph/merge/merge.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <functional>
#include <initializer_list>
#include <limits>
#include <map>
#include <set>
#include <iterator>
#include <tuple>
#include <unordered_map>

#include "chronograph/detail/string_map.hpp"
#include "chronograph/events/lexicon.hpp"
#include "chronograph/relations/dates.hpp"
#include "chronograph/relations/reasoning.hpp"
#include "chronograph/utf8.hpp"

namespace chronograph::merge {

namespace {

using events::event_class;
using events::event_mention;

const char* timex_type_name(timex::timex_type t) noexcept {
  switch (t) {
    case timex::timex_type::date: return "DATE";
    case timex::timex_type::time: return "TIME";
    case timex::timex_type::duration: return "DURATION";
    case timex::timex_type::set: return "SET";
  }
  return "DATE";
}

std::uint64_t fnv1a(std::string_view s) {
  std::uint64_t h = 1469598103934665603ULL;
  for (unsigned char c : s) {
    h ^= c;
    h *= 1099511628211ULL;
  }
  return h;
}

std::string hex8(std::uint64_t h) {
  static const char* digits = "0123456789abcdef";
  std::string out(8, '0');
  const auto folded = static_cast<std::uint32_t>(h ^ (h >> 32));
  for (int k = 7; k >= 0; --k) out[static_cast<std::size_t>(7 - k)] = digits[(folded >> (4 * k)) & 0xF];
  return out;
}

std::string lower(std::string_view s) {
  std::string out(s);
  for (auto& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

/// Name tokens of an actor, for overlap tests ("Donald Trump" and "Trump" share "trump"): the
/// lower-case words of more than one letter but "of" and "the", sorted, without duplicates.
using token_list = std::vector<std::string>;

token_list name_tokens(std::string_view name) {
  token_list out;
  std::size_t at = 0;
  while (at < name.size()) {
    auto sp = name.find(' ', at);
    if (sp == std::string_view::npos) sp = name.size();
    auto t = lower(name.substr(at, sp - at));
    if (t.size() > 1 && t != "of" && t != "the") out.push_back(std::move(t));
    at = sp + 1;
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

/// Adds the sorted tokens `from` to the sorted list `into` (a set union, kept sorted).
template <class Into, class From>
void add_tokens(Into& into, const From& from) {
  Into merged;
  merged.reserve(into.size() + from.size());
  std::set_union(into.begin(), into.end(), from.begin(), from.end(), std::back_inserter(merged));
  into = std::move(merged);
}

/// True when the sorted token lists share a token.
template <class A, class B>
bool intersects(const A& a, const B& b) {
  for (const auto& t : a)
    if (std::binary_search(std::begin(b), std::end(b), t)) return true;
  return false;
}

/// A token's lemma in lower case (its form when it has none).
std::string lemma_of(const text::token& tok) { return lower(tok.lemma.empty() ? tok.form : tok.lemma); }

/// True when a token's lemma (`lemma_of`) is in the sorted word list.
template <class Words>
bool lemma_in(const Words& words, const text::token& tok) {
  return std::binary_search(std::begin(words), std::end(words), lemma_of(tok));
}

/// ISO 8601 day "YYYY-MM-DD", as relations::iso_day writes it (date::format "%F") without
/// going through an ostream; years outside 1000..9999 are left to relations::iso_day.
std::string iso_day(date::sys_days d) {
  const date::year_month_day ymd{d};
  const int y = static_cast<int>(ymd.year());
  if (!ymd.ok() || y < 1000 || y > 9999) return relations::iso_day(d);
  const auto m = static_cast<unsigned>(ymd.month()), day = static_cast<unsigned>(ymd.day());
  std::string out(10, '-');
  out[0] = static_cast<char>('0' + y / 1000);
  out[1] = static_cast<char>('0' + y / 100 % 10);
  out[2] = static_cast<char>('0' + y / 10 % 10);
  out[3] = static_cast<char>('0' + y % 10);
  out[5] = static_cast<char>('0' + m / 10);
  out[6] = static_cast<char>('0' + m % 10);
  out[8] = static_cast<char>('0' + day / 10);
  out[9] = static_cast<char>('0' + day % 10);
  return out;
}

bool boilerplate_line(std::string_view line) {
  // Page furniture is short: a single word ("Advertisement", "Comments") or a credit.
  std::size_t words = 0;
  bool in_word = false;
  for (unsigned char c : line) {
    const bool space = std::isspace(c) != 0;
    if (!space && !in_word) ++words;
    in_word = !space;
  }
  const auto l = lower(line);
  return words < 4 || l.rfind("photo:", 0) == 0 || l.rfind("image ", 0) == 0 || l.rfind("credit", 0) == 0 ||
         l.rfind("published", 0) == 0 || l.rfind("advertisement", 0) == 0;
}

/// The first line of a text that is no page furniture (`boilerplate_line`), trimmed, with the
/// byte offset it starts at; an empty line when there is none.
std::pair<std::string, std::size_t> title_line(const std::string& text) {
  std::size_t at = 0;
  while (at < text.size()) {
    auto nl = text.find('\n', at);
    if (nl == std::string::npos) nl = text.size();
    std::string line = text.substr(at, nl - at);
    while (!line.empty() && std::isspace(static_cast<unsigned char>(line.back()))) line.pop_back();
    std::size_t b = 0;
    while (b < line.size() && std::isspace(static_cast<unsigned char>(line[b]))) ++b;
    line = line.substr(b);
    if (!line.empty() && !boilerplate_line(line)) return {line, at + b};
    at = nl + 1;
  }
  return {};
}

std::string title_of(const std::string& text) { return title_line(text).first; }

/// True when a line or sentence ends as a sentence of running text does (".", "!", "?", or one
/// of them before a closing quotation mark): a headline does not.
bool ends_sentence(std::string_view line) {
  while (!line.empty() && std::isspace(static_cast<unsigned char>(line.back()))) line.remove_suffix(1);
  for (const std::string_view close : {"\"", "'", "\xE2\x80\x9D", "\xE2\x80\x99"})
    if (line.size() > close.size() && line.substr(line.size() - close.size()) == close) {
      line.remove_suffix(close.size());
      break;
    }
  return !line.empty() && (line.back() == '.' || line.back() == '!' || line.back() == '?');
}

/// One event mention with what merging needs.
struct candidate {
  std::size_t doc = 0;    // index into analyses
  std::size_t event = 0;  // index into analyses[doc].events
  std::string_view doc_id;  // the analysis's document id
  std::string qualified;    // "<doc>:e5"
  std::optional<timex::day_interval> days;
  int grain = 9;
  token_list actor_tokens;    // every participant
  token_list subject_tokens;  // who acted
  /// Who acted, for dated merging: `subject_tokens`, or, when the events stage names no subject,
  /// the names inside an active verb's common-noun subject ("The Cypriot government condemned",
  /// "U.S. authorities scheduled": `subject_phrase_names`).
  token_list dated_subjects;
  /// The names its sentence gives anywhere (proper nouns and capitalised adjectives, a listed
  /// demonym also as its country): what a subject-phrase name is looked for on the other side.
  /// Filled for dated mentions only.
  token_list sentence_names;
  bool mergeable = false;
  bool planned = false;  // undated future event: merges only with other planned events
  std::string_view frame;  // what it merges by: the event's frame, or "reporting" for a statement
  std::string_view kind;   // event_frames.tsv kind ("process", "outcome") or ""
  bool joins_only = false;  // an intention verb ("agreed in Geneva"): joins its document's event only
  bool statement = false;   // a dated statement ("posted Wednesday"): merges by speaker and day
  bool passive = false;     // its subjects are what it was done to ("the U.S. will be represented")
  /// A noun its document says is another of its kind ("two other ceremonies", "another attack"):
  /// never an event its own document told before, whatever date they share (`another_of_its_kind`).
  bool another = false;
  /// A headline's mention of its lede's event, or a report's participle ("adding, ..."): names
  /// the event only when no other mention but a joining one tells it.
  bool names_poorly = false;
  /// Another mention of an event of its own document (event_mention::mention_of: "lowered
  /// duties", the duties): it goes wherever that event goes, dated or not, and starts no cluster.
  std::optional<std::size_t> follows;
};

/// What a document is about, for telling whether two documents tell one story: the weights of
/// its proper nouns (lower-cased lemmas of more than one letter), count times inverse document
/// frequency among the story's documents (smoothed: a word every document has still counts
/// once), scaled to unit length, sorted by word.
using doc_profile = std::vector<std::pair<std::string, double>>;

template <class Analyses>
std::vector<doc_profile> profiles_of(const Analyses& analyses) {
  std::vector<std::map<std::string, int>> counts(analyses.size());
  std::map<std::string_view, int> df;
  for (std::size_t d = 0; d < analyses.size(); ++d) {
    for (const auto& t : analyses[d].annotated.tokens) {
      if (t.tag != text::upos::propn) continue;
      auto word = lower(t.lemma.empty() ? t.form : t.lemma);
      if (word.size() > 1) ++counts[d][std::move(word)];
    }
    for (const auto& [word, n] : counts[d]) ++df[word];
  }
  std::vector<doc_profile> out(analyses.size());
  const double docs = double(analyses.size());
  for (std::size_t d = 0; d < analyses.size(); ++d) {
    double norm = 0;
    for (const auto& [word, n] : counts[d]) {
      const double w = double(n) * (std::log((1 + docs) / (1 + double(df[word]))) + 1);
      out[d].emplace_back(word, w);
      norm += w * w;
    }
    norm = std::sqrt(norm);
    for (auto& [word, w] : out[d]) w /= norm;
  }
  return out;
}

/// The cosine of two profiles (0 when either is empty).
double similarity(const doc_profile& a, const doc_profile& b) {
  double dot = 0;
  for (auto x = a.begin(), y = b.begin(); x != a.end() && y != b.end();) {
    if (x->first < y->first) ++x;
    else if (y->first < x->first) ++y;
    else dot += (x++)->second * (y++)->second;
  }
  return dot;
}

/// The least similarity of two documents' proper nouns (`similarity`) for them to tell one story.
/// The five samples' pairs are 0.43-0.85 (0.39 and up beside the two follow-ups of
/// tests/e2e/followup, whose London article is 0.24-0.45 from them: the weights depend on the
/// story's documents); in the 400 news-silver
/// articles, the pairs under 0.3 that the clustering compared were other stories (events that
/// shared a frame and a date: "left his post in March" / "was due to leave Thursday"), those
/// over 0.4 one story told twice or one topic.
constexpr double one_story_similarity = 0.3;

/// The ordinal a mention's words give the event it names, 0 when none: in its noun phrase
/// ("their first known phone call"), in an apposition after it ("Trump's call with Xi -- their
/// second this year --") or as what it is said to be ("Thursday's conversation was only the
/// second time this year"). Read from the tokens, as a source's description to compare.
int ordinal_of(const text::annotated_document& doc, const event_mention& ev) {
  static constexpr std::pair<std::string_view, int> ordinals[] = {
      {"first", 1}, {"second", 2}, {"third", 3}, {"fourth", 4}, {"fifth", 5}};
  const auto ordinal = [&](std::size_t t) {
    const auto l = lower(doc.tokens[t].form);
    for (const auto& [word, n] : ordinals)
      if (l == word) return n;
    return 0;
  };
  if (ev.sentence >= doc.sentences.size()) return 0;
  const auto& sent = doc.sentences[ev.sentence];
  std::size_t at = sent.end_token;
  for (std::size_t t = sent.first_token; t < sent.end_token; ++t)
    if (doc.tokens[t].span.begin == ev.span.begin) at = t;
  if (at == sent.end_token) return 0;
  // The noun phrase before it: up to its determiner or possessor.
  for (std::size_t t = at; t > sent.first_token && at - t < 5; --t) {
    if (const int n = ordinal(t - 1)) return n;
    const auto tag = doc.tokens[t - 1].tag;
    const bool participle = tag == text::upos::verb && doc.tokens[t - 1].xpos == "VBN";  // "first known call"
    if ((tag == text::upos::verb && !participle) || tag == text::upos::adp || tag == text::upos::det ||
        tag == text::upos::pron || doc.tokens[t - 1].form == ",")
      break;
  }
  // After it: an apposition or a copula, then an ordinal within a few words.
  for (std::size_t t = at + 1; t < sent.end_token && t < at + 6; ++t) {
    const auto l = lower(doc.tokens[t].form);
    const bool opens = l == "\xe2\x80\x94" || l == "--" || l == "was" || l == "is" || l == "marks" || l == "marked";
    if (!opens) {
      if (doc.tokens[t].tag == text::upos::verb || l == "." || l == ";") break;
      continue;
    }
    for (std::size_t u = t + 1; u < sent.end_token && u < t + 5; ++u)
      if (const int n = ordinal(u)) return n;
    break;
  }
  return 0;
}

/// The events stage's frames (event_frames.tsv), loaded once.
const events::lexicon& frame_lexicon() {
  static const auto lex = events::lexicon::load_default();
  return *lex;
}

/// The tightest bounds a group of undated mentions gives: the latest day none happened before,
/// the earliest day all had happened by.
struct day_bounds {
  std::optional<date::sys_days> not_before, not_after;

  void tighten(std::optional<date::sys_days> nb, std::optional<date::sys_days> na) {
    if (nb && (!not_before || *nb > *not_before)) not_before = nb;
    if (na && (!not_after || *na < *not_after)) not_after = na;
  }
  /// By a mention's own bounds (`when_not_before`, `when_not_after`).
  void add(const event_mention& ev) {
    tighten(relations::first_day(ev.when_not_before), relations::last_day(ev.when_not_after));
  }
  void add(const day_bounds& o) { tighten(o.not_before, o.not_after); }
  /// Both bounds at once.
  [[nodiscard]] friend day_bounds together(day_bounds a, const day_bounds& b) {
    a.add(b);
    return a;
  }
  /// True when the bounds leave no day.
  [[nodiscard]] bool empty() const { return not_before && not_after && *not_before > *not_after; }
  /// True when neither starts after the other ends.
  [[nodiscard]] bool overlaps(const day_bounds& o) const {
    return !(not_before && o.not_after && *not_before > *o.not_after) &&
           !(o.not_before && not_after && *o.not_before > *not_after);
  }
  /// True when an event of `days` may lie within them.
  [[nodiscard]] bool admits(const timex::day_interval& days) const {
    return !(not_before && *not_before >= days.end) && !(not_after && *not_after < days.begin);
  }
};

/// Shared actor tokens of two sorted lists.
template <class A, class B>
std::size_t shared_tokens(const A& a, const B& b) {
  std::size_t n = 0;
  for (const auto& t : a)
    if (std::binary_search(b.begin(), b.end(), t)) ++n;
  return n;
}

bool compatible_dates(const candidate& a, const candidate& b, const event_mention& ea, const event_mention& eb) {
  if (!a.days || !b.days) return false;
  if (ea.when_value == eb.when_value) return true;
  // Two values within one day ("2025-06-05" and "2025-06-05TAF") are the same day.
  if (a.grain == 0 && b.grain == 0) return a.days->begin == b.days->begin;
  // A coarser date (at most a month) that contains the finer one: "last month" and "May 12".
  const auto& fine = a.grain <= b.grain ? a : b;
  const auto& coarse = a.grain <= b.grain ? b : a;
  if (coarse.grain > 2 || fine.grain == coarse.grain) return false;
  return coarse.days->begin <= fine.days->begin && fine.days->end <= coarse.days->end;
}

/// Who acted agrees: both name agents, they share one, and no agent of one side is only another
/// participant of the other ("Trump will visit Xi" is not "Xi will visit Trump").
bool roles_agree(const token_list& agents_a, const token_list& all_a, const token_list& agents_b, const token_list& all_b) {
  if (agents_a.empty() || agents_b.empty() || !intersects(agents_a, agents_b)) return false;
  for (const auto& t : agents_a)
    if (std::binary_search(all_b.begin(), all_b.end(), t) && !std::binary_search(agents_b.begin(), agents_b.end(), t))
      return false;
  for (const auto& t : agents_b)
    if (std::binary_search(all_a.begin(), all_a.end(), t) && !std::binary_search(agents_a.begin(), agents_a.end(), t))
      return false;
  return true;
}

bool compatible(const candidate& a, const candidate& b, const event_mention& ea, const event_mention& eb) {
  if (a.frame != b.frame || ea.pol != eb.pol || a.planned != b.planned) return false;
  if (a.planned) {
    // A plan has no date to tell it apart: the same kind of listed event ("the upcoming talks",
    // "further trade talks", "will be meeting"; not "a broader deal"), or the same verb with the
    // same participants in the same roles ("Bessent, Lutnick and Greer will represent the U.S.";
    // "Trump will visit Xi" is not "Xi will visit Trump").
    // Of one kind, when both name participants they share one ("he would talk to the High
    // Council" is not the talks Mobutu and Kabila will hold; the subjects, a pronoun here, are
    // compared below only when both sides name them).
    if (!a.kind.empty() && a.kind == b.kind)
      return a.actor_tokens.empty() || b.actor_tokens.empty() || intersects(a.actor_tokens, b.actor_tokens);
    // A passive's subjects are not who acted: its roles are not compared.
    return ea.lemma == eb.lemma && shared_tokens(a.actor_tokens, b.actor_tokens) >= 2 &&
           (a.passive || b.passive || roles_agree(a.subject_tokens, a.actor_tokens, b.subject_tokens, b.actor_tokens));
  }
  if (a.statement && (a.subject_tokens.empty() || !intersects(a.subject_tokens, b.subject_tokens))) return false;
  return compatible_dates(a, b, ea, eb);
}

/// Participants contradict when each side names who acted and neither side's actors appear
/// among the other's participants ("Trump and Xi held a call" vs "Merz and Macron held a call").
/// Places and other names in the phrase ("in Geneva") do not contradict anything.
template <class A, class B>
bool participants_contradict(const A& subjects_a, const A& all_a, const B& subjects_b, const B& all_b) {
  if (subjects_a.empty() || subjects_b.empty()) return false;
  return !intersects(subjects_a, all_b) && !intersects(subjects_b, all_a);
}

/// What an undated mention says of its event's reality, which undated merging must agree on:
/// reported as having happened, or planned (asked for, announced). A plan never merges with what
/// happened ("Trump will visit China" is not "Trump visited China"); anything else (present,
/// hypothetical modals, negation) is `none` and does not merge undated.
enum class factuality { none, happened, planned };

/// Tense (with modality) -> factuality, one row per case, with the reading it stands for.
struct factuality_row {
  events::tense tns;
  std::string_view modality;  // "" = none; "*" = any
  factuality fact;
  std::string_view example;
};
constexpr factuality_row factuality_rules[] = {
    {events::tense::past, "", factuality::happened, "Xi invited Trump and first lady Melania Trump"},
    {events::tense::infinitive, "*", factuality::planned, "Xi invited Trump to visit China"},
    {events::tense::future, "will", factuality::planned, "Xi will visit the United States"},
    {events::tense::future, "would", factuality::planned, "said Xi would visit the United States"},
    {events::tense::future, "shall", factuality::planned, "we shall visit China"},
    {events::tense::present, "will", factuality::planned, "Xi will visit"},
    {events::tense::present, "would", factuality::planned, "Xi would visit"},
};

/// Walks the dependents of token `root` of sentence `sent` depth first: `visit(t, depth)` sees
/// each dependent t (depth 0: the root's own) and returns whether to walk t's dependents too.
template <class Visit>
void for_each_dependent(const text::annotated_document& doc, const text::sentence& sent, std::size_t root,
                        Visit&& visit) {
  std::vector<std::pair<std::size_t, int>> todo{{root, 0}};
  while (!todo.empty()) {
    const auto [from, depth] = todo.back();
    todo.pop_back();
    const auto head = static_cast<int>(from - sent.first_token);
    for (std::size_t t = sent.first_token; t < sent.end_token; ++t)
      if (doc.tokens[t].head == head && visit(t, depth)) todo.emplace_back(t, depth + 1);
  }
}

/// The token of a mention's trigger in its sentence, if any.
std::optional<std::size_t> trigger_token(const text::annotated_document& doc, const event_mention& ev) {
  if (ev.sentence >= doc.sentences.size()) return std::nullopt;
  const auto& sent = doc.sentences[ev.sentence];
  for (std::size_t t = sent.first_token; t < sent.end_token; ++t)
    if (doc.tokens[t].span.begin == ev.span.begin) return t;
  return std::nullopt;
}

/// The first word (absolute index) the parse hangs on word `head` (absolute) with one of
/// `deprels`.
std::optional<std::size_t> dependent_of(const text::annotated_document& doc, const text::sentence& sent, std::size_t head,
                                        std::initializer_list<std::string_view> deprels) {
  for (std::size_t t = sent.first_token; t < sent.end_token; ++t) {
    const auto& tok = doc.tokens[t];
    if (tok.head == static_cast<int>(head - sent.first_token) &&
        std::find(deprels.begin(), deprels.end(), tok.deprel) != deprels.end())
      return t;
  }
  return std::nullopt;
}

/// True when the parse gives the mention's word a dependent with one of `deprels`.
bool has_dependent(const text::annotated_document& doc, const event_mention& ev,
                   std::initializer_list<std::string_view> deprels) {
  const auto at = trigger_token(doc, ev);
  return at && dependent_of(doc, doc.sentences[ev.sentence], *at, deprels);
}

/// True when the parse gives the mention's word a dependent of its own (not theirs) for which
/// `pred(token)` holds.
template <class Pred>
bool any_own_dependent(const text::annotated_document& doc, const event_mention& ev, Pred pred) {
  const auto at = trigger_token(doc, ev);
  if (!at) return false;
  bool found = false;
  for_each_dependent(doc, doc.sentences[ev.sentence], *at, [&](std::size_t t, int) {
    found = found || pred(doc.tokens[t]);
    return false;  // its own dependents only
  });
  return found;
}

/// The nouns the parse gives a noun mention as compounds, lower case, sorted and joined by spaces
/// ("the ongoing trade war": "trade"), or "".
std::string compound_words(const text::annotated_document& doc, const event_mention& ev) {
  std::vector<std::string> words;
  if (const auto at = trigger_token(doc, ev))
    for_each_dependent(doc, doc.sentences[ev.sentence], *at, [&](std::size_t t, int) {
      if (doc.tokens[t].deprel == "compound") words.push_back(lower(doc.tokens[t].form));
      return false;  // its own dependents only
    });
  std::sort(words.begin(), words.end());
  std::string out;
  for (const auto& w : words) out += (out.empty() ? "" : " ") + w;
  return out;
}

/// What a noun mention is of, for or about (a list of at most one word, lower case): the head
/// noun of the phrase right after it that "of", "on", "over", "for" or "against" begins ("the
/// arrest of Kopp": kopp; "export controls on semiconductors": semiconductor), or the verb of its
/// infinitive ("decision to revoke visas": revoke). Read from the words, not the parse, which
/// often hangs such a phrase on the verb.
std::vector<std::string> complement_words(const text::annotated_document& doc, const event_mention& ev) {
  static constexpr std::string_view cases[] = {"against", "for", "of", "on", "over"};
  const auto at = trigger_token(doc, ev);
  if (!at) return {};
  const auto end = doc.sentences[ev.sentence].end_token;
  const auto t = *at + 1;
  if (t + 1 >= end) return {};
  const auto word = lower(doc.tokens[t].form);
  if (word == "to") {
    if (doc.tokens[t + 1].tag == text::upos::verb) return {lemma_of(doc.tokens[t + 1])};
    return {};
  }
  if (std::find(std::begin(cases), std::end(cases), word) == std::end(cases)) return {};
  // The last noun of the noun phrase that follows, past its determiners and modifiers.
  std::optional<std::size_t> head;
  for (auto x = t + 1; x < end; ++x) {
    const auto tag = doc.tokens[x].tag;
    if (tag == text::upos::noun || tag == text::upos::propn) {
      head = x;
    } else if (head || !(tag == text::upos::det || tag == text::upos::adj || tag == text::upos::num ||
                         tag == text::upos::pron || (tag == text::upos::punct && doc.tokens[x].form == "-"))) {
      break;
    }
  }
  if (!head) return {};
  return {lemma_of(doc.tokens[*head])};
}

/// Modal verbs: a noun their clause acts on is not told as real ("could face charges").
constexpr std::string_view modal_words[] = {"can", "could", "may", "might", "must", "should", "would"};

/// True when the clause that acts on a noun mention is an infinitive or under a modal verb
/// ("HARD TO MAKE A DEAL WITH", "could face charges"): the noun may be no real event.
bool hypothetical(const text::annotated_document& doc, const event_mention& ev) {
  const auto at = trigger_token(doc, ev);
  if (!at) return false;
  const auto& sent = doc.sentences[ev.sentence];
  const auto& tok = doc.tokens[*at];
  if (tok.head < 0) return false;
  const auto head = sent.first_token + static_cast<std::size_t>(tok.head);
  if (head >= sent.end_token || doc.tokens[head].tag != text::upos::verb) return false;
  if (const auto mark = dependent_of(doc, sent, head, {"mark"}); mark && lower(doc.tokens[*mark].form) == "to")
    return true;
  for (std::size_t x = sent.first_token; x < sent.end_token; ++x)
    if (doc.tokens[x].head == tok.head && doc.tokens[x].deprel == "aux" && lemma_in(modal_words, doc.tokens[x]))
      return true;
  return false;
}

/// Determiners and adjectives that make an event noun another one of its kind than its document
/// told ("another attack", "two other ceremonies", "a separate blast", "extended the same
/// invitation to the Chinese leader"), sorted. Not ordinals:
/// "their second call" is the call the document dates (the relations stage weighs ordinals).
constexpr std::string_view other_of_kind_words[] = {"additional", "another", "different", "other", "same", "separate"};

/// True when the parse gives a noun mention a determiner or adjective of `other_of_kind_words`.
bool another_of_its_kind(const text::annotated_document& doc, const event_mention& ev) {
  return ev.pos == text::upos::noun && any_own_dependent(doc, ev, [](const text::token& tok) {
           return (tok.deprel == "det" || tok.deprel == "amod") && lemma_in(other_of_kind_words, tok);
         });
}

/// True when the parse makes a verb mention passive ("will be represented", "was invited by
/// Xi"): its subjects are then what it was done to, not who acted.
bool is_passive(const text::annotated_document& doc, const event_mention& ev) {
  return ev.pos == text::upos::verb && has_dependent(doc, ev, {"nsubj:pass", "aux:pass"});
}

/// Verbs that answer another's act toward the speaker with the same act: "Xi invited him to
/// visit China, and I reciprocated" is Trump inviting Xi.
constexpr std::string_view reciprocal_verbs[] = {"reciprocate"};

/// True when the parse gives a verb mention an object or oblique ("reciprocated the invitation",
/// "reciprocated with an invitation").
bool has_object(const text::annotated_document& doc, const event_mention& ev) {
  return has_dependent(doc, ev, {"obj", "obl", "iobj"});
}

/// The names of a mention's actors found at the given sentence-relative words (an actor whose
/// span overlaps one of them), as name tokens.
token_list actor_names_at(const text::annotated_document& doc, const text::sentence& sent, const event_mention& ev,
                          const std::vector<std::size_t>& words) {
  token_list out;
  for (std::size_t k = 0; k < ev.actors.size(); ++k)
    for (const auto w : words) {
      const auto& sp = doc.tokens[sent.first_token + w].span;
      if (ev.actor_spans[k].begin < sp.end && sp.begin < ev.actor_spans[k].end) {
        add_tokens(out, name_tokens(ev.actors[k]));
        break;
      }
    }
  return out;
}

/// Who acted in a passive verb mention, from the parse: the actors under its `obl:agent` ("Trump
/// was invited by Xi" -> Xi; "by Bessent, Lutnick and Greer" -> the three), or none.
token_list passive_agents(const text::annotated_document& doc, const event_mention& ev) {
  token_list out;
  if (ev.sentence >= doc.sentences.size() || ev.actor_spans.size() != ev.actors.size()) return out;
  const auto& sent = doc.sentences[ev.sentence];
  std::optional<std::size_t> at;
  for (std::size_t t = sent.first_token; t < sent.end_token && !at; ++t)
    if (doc.tokens[t].span.begin == ev.span.begin) at = t - sent.first_token;
  if (!at) return out;
  std::vector<std::size_t> by;  // the agent's head and its conjuncts (sentence-relative)
  for (std::size_t t = sent.first_token; t < sent.end_token; ++t)
    if (doc.tokens[t].head == static_cast<int>(*at) && doc.tokens[t].deprel == "obl:agent") by.push_back(t - sent.first_token);
  for (std::size_t i = 0; i < by.size(); ++i)
    for (std::size_t t = sent.first_token; t < sent.end_token; ++t)
      if (doc.tokens[t].head == static_cast<int>(by[i]) && doc.tokens[t].deprel == "conj") by.push_back(t - sent.first_token);
  return actor_names_at(doc, sent, ev, by);
}

/// The event of its document whose verb governs a noun mention in the parse (the noun is its
/// object, oblique or subject: "accepted Mr. Xi's invitation", "reciprocated with an
/// invitation"), or nullptr.
const event_mention* governing_event(const text::annotated_document& doc, const std::vector<event_mention>& evs,
                                     const event_mention& ev) {
  if (ev.pos != text::upos::noun || ev.sentence >= doc.sentences.size()) return nullptr;
  const auto& sent = doc.sentences[ev.sentence];
  for (std::size_t t = sent.first_token; t < sent.end_token; ++t) {
    const auto& tok = doc.tokens[t];
    if (tok.span.begin != ev.span.begin) continue;
    const auto& rel = tok.deprel;
    if (tok.head < 0 || !(rel == "obj" || rel == "obl" || rel.rfind("nsubj", 0) == 0)) return nullptr;
    const auto head = sent.first_token + static_cast<std::size_t>(tok.head);
    if (head >= sent.end_token || doc.tokens[head].tag != text::upos::verb) return nullptr;
    for (const auto& g : evs)
      if (g.sentence == ev.sentence && g.span.begin == doc.tokens[head].span.begin) return &g;
    return nullptr;
  }
  return nullptr;
}

/// Verbs that begin the event they act on: asking for "the call was initiated" is asking for the
/// call (not so "the call was cut short at Trump's request").
constexpr std::string_view inceptive_verbs[] = {"initiate", "begin", "start", "open", "launch"};

/// Verbs that end the event they act on ("concluded a very good phone call"). With
/// `inceptive_verbs`, the phases an event has once: two articles' "concluded the call" of one
/// story call tell one end of it. Not the phases an event may have many times ("resumed",
/// "continued", "suspended", "stopped"), which stay out of undated merging.
constexpr std::string_view terminative_verbs[] = {"conclude", "end", "finish", "complete"};

bool is_once_phase(std::string_view lemma) {
  return std::find(std::begin(inceptive_verbs), std::end(inceptive_verbs), lemma) != std::end(inceptive_verbs) ||
         std::find(std::begin(terminative_verbs), std::end(terminative_verbs), lemma) != std::end(terminative_verbs);
}

/// True when the parse makes the name at `span` a subject and yet puts a preposition in front of
/// it (a `case` word before the name's head that hangs, directly or through a title, on it:
/// "with President Xi"). A subject has no preposition: a parse that makes "Xi" of "concluded a
/// very good phone call with President Xi" a subject is wrong, and Xi is who the call was with,
/// not who concluded it. (A name the events stage resolved a pronoun to has its antecedent's
/// span, which is no subject in the parse: not read.)
bool prepositional_name(const text::annotated_document& doc, const text::sentence& sent, byte_span span) {
  std::optional<std::size_t> head;
  for (std::size_t t = sent.first_token; t < sent.end_token; ++t) {
    const auto& tok = doc.tokens[t];
    if (tok.span.begin < span.begin || tok.span.end > span.end) continue;
    const auto h = tok.head < 0 ? sent.end_token : sent.first_token + static_cast<std::size_t>(tok.head);
    const bool outside = h >= sent.end_token || doc.tokens[h].span.begin < span.begin || doc.tokens[h].span.end > span.end;
    if (outside) {
      head = t;
      break;
    }
  }
  if (!head || doc.tokens[*head].deprel.rfind("nsubj", 0) != 0) return false;
  for (std::size_t t = sent.first_token; t < *head; ++t) {
    if (doc.tokens[t].deprel != "case" || doc.tokens[t].tag != text::upos::adp) continue;
    auto at = t;
    for (int step = 0; step < 4 && doc.tokens[at].head >= 0; ++step) {
      at = sent.first_token + static_cast<std::size_t>(doc.tokens[at].head);
      if (at >= sent.end_token) break;
      if (at == *head) return true;
      if (at > *head) break;
    }
  }
  return false;
}

/// The names inside an active verb's subject when the subject is a common noun: the actors whose
/// spans lie in the subject's own words -- its head and the modifiers that name who it is
/// (`amod`, `compound`, `nmod:poss`, `flat`, and theirs): "The Cypriot government condemned" ->
/// Cypriot, "U.S. authorities scheduled" -> U.S., "Iran's foreign ministry condemned" -> Iran.
/// The events stage names no subject there (its head is no name), so two such verbs of one day
/// -- the Cypriot government's and Iran's condemnations of one bombing -- looked like one act.
/// Not a passive's subject (what was done to it), a pronoun's, nor names in a clause or
/// prepositional phrase of the subject ("the head of the Cuban Interests Section").
token_list subject_phrase_names(const text::annotated_document& doc, const std::vector<timex::mention>& timexes,
                                const event_mention& ev) {
  token_list out;
  if (ev.pos != text::upos::verb || ev.sentence >= doc.sentences.size() || ev.actor_spans.size() != ev.actors.size())
    return out;
  const auto& sent = doc.sentences[ev.sentence];
  std::optional<std::size_t> at;
  for (std::size_t t = sent.first_token; t < sent.end_token && !at; ++t)
    if (doc.tokens[t].span.begin == ev.span.begin) at = t - sent.first_token;
  if (!at) return out;
  // The subject: the verb's `nsubj`; when that is a time expression (wire copy's "The Cypriot
  // government Saturday condemned", which the parse reads as "government" the subject of
  // "Saturday"), the time's own subject.
  const auto subject_of = [&](std::size_t head) -> std::optional<std::size_t> {
    for (std::size_t t = sent.first_token; t < sent.end_token; ++t) {
      const auto& tok = doc.tokens[t];
      if (tok.head == static_cast<int>(head) && tok.deprel == "nsubj") return t - sent.first_token;
    }
    return std::nullopt;
  };
  const auto in_timex = [&](std::size_t rel) {
    const auto& sp = doc.tokens[sent.first_token + rel].span;
    return std::any_of(timexes.begin(), timexes.end(),
                       [&](const timex::mention& m) { return m.span.begin <= sp.begin && sp.end <= m.span.end; });
  };
  auto subject = subject_of(*at);
  if (subject && in_timex(*subject)) subject = subject_of(*subject);
  std::vector<std::size_t> words;  // the subject's head and its naming modifiers (sentence-relative)
  if (subject && doc.tokens[sent.first_token + *subject].tag == text::upos::noun) words.push_back(*subject);
  for (std::size_t i = 0; i < words.size(); ++i)
    for (std::size_t t = sent.first_token; t < sent.end_token; ++t) {
      const auto& tok = doc.tokens[t];
      if (tok.head != static_cast<int>(words[i])) continue;
      if (tok.deprel == "amod" || tok.deprel == "compound" || tok.deprel == "nmod:poss" || tok.deprel == "flat")
        words.push_back(t - sent.first_token);
    }
  out = actor_names_at(doc, sent, ev, words);
  // A listed demonym is its country, as the events stage names it ("The Iranian government" is
  // Iran's: it is not Iran's contradiction).
  for (const auto w : words)
    if (const auto country = frame_lexicon().demonym_country(doc.tokens[sent.first_token + w].form))
      add_tokens(out, name_tokens(*country));
  return out;
}

/// The names of a mention's sentence: its proper nouns and capitalised adjectives (name tokens),
/// and the country of each demonym of demonyms.tsv ("Japanese" -> Japan as well).
token_list sentence_names(const text::annotated_document& doc, const event_mention& ev) {
  token_list out;
  if (ev.sentence >= doc.sentences.size()) return out;
  const auto& sent = doc.sentences[ev.sentence];
  for (std::size_t t = sent.first_token; t < sent.end_token; ++t) {
    const auto& tok = doc.tokens[t];
    const bool capital = !tok.form.empty() && std::isupper(static_cast<unsigned char>(tok.form[0]));
    if (!(tok.tag == text::upos::propn || (capital && tok.tag == text::upos::adj))) continue;
    add_tokens(out, name_tokens(tok.form));
    if (const auto country = frame_lexicon().demonym_country(tok.form)) add_tokens(out, name_tokens(*country));
  }
  return out;
}

/// Who acted in an active mention, for undated retellings: the events stage's subjects, less a
/// name the parse puts after a preposition (`prepositional_name`).
token_list active_agents(const text::annotated_document& doc, const event_mention& ev) {
  token_list out;
  const bool spans = ev.actor_spans.size() == ev.actors.size() && ev.sentence < doc.sentences.size();
  for (std::size_t k = 0; k < ev.actors.size() && k < ev.subject_count; ++k) {
    if (spans && prepositional_name(doc, doc.sentences[ev.sentence], ev.actor_spans[k])) continue;
    add_tokens(out, name_tokens(ev.actors[k]));
  }
  return out;
}

/// The event a participle clause of time hangs on, when the clause says its event happened as
/// surely as that one ("announced the upcoming talks after concluding a lengthy phone call",
/// "while visiting", "upon arriving", "since taking office"): the verb the parse makes the
/// participle an adverbial clause of, with "after", "while", "upon", "on" or "since". Not
/// "before concluding", "without concluding", "instead of concluding": those do not say it
/// happened.
const event_mention* veridical_clause_head(const text::annotated_document& doc, const std::vector<event_mention>& evs,
                                           const event_mention& ev) {
  if (ev.pos != text::upos::verb || ev.tns != events::tense::prespart || ev.sentence >= doc.sentences.size())
    return nullptr;
  const auto& sent = doc.sentences[ev.sentence];
  std::optional<std::size_t> at;
  for (std::size_t t = sent.first_token; t < sent.end_token && !at; ++t)
    if (doc.tokens[t].span.begin == ev.span.begin) at = t;
  if (!at || doc.tokens[*at].deprel != "advcl" || doc.tokens[*at].head < 0) return nullptr;
  bool veridical = false;
  for (std::size_t t = sent.first_token; t < sent.end_token; ++t) {
    const auto& tok = doc.tokens[t];
    if (tok.head != static_cast<int>(*at - sent.first_token) || tok.deprel != "mark") continue;
    const auto l = lower(tok.form);
    if (l == "after" || l == "while" || l == "upon" || l == "on" || l == "since") veridical = true;
    else return nullptr;  // "instead of", "without", "before": any other mark says less
  }
  if (!veridical) return nullptr;
  const auto head = sent.first_token + static_cast<std::size_t>(doc.tokens[*at].head);
  if (head >= sent.end_token || doc.tokens[head].tag != text::upos::verb) return nullptr;
  for (const auto& g : evs)
    if (g.sentence == ev.sentence && g.span.begin == doc.tokens[head].span.begin) return &g;
  return nullptr;
}

bool is_double_quote_form(std::string_view f) {
  return f == "\"" || f == "\xe2\x80\x9c" || f == "\xe2\x80\x9d" || f == "``" || f == "''";
}

/// The event of the clause an intention noun is an adjunct of ("the call was initiated at Trump's
/// request": the initiating; "Xi held phone talks with Trump at the latter's request": the
/// talks), or nullptr: the verb the parse makes the noun an oblique of, with "at", "on" or
/// "upon" (what was done as asked; not "despite Xi's request"). A noun inside quotation
/// marks whose head is outside them (a parse that hangs the quotation's "at the latter's
/// request" on the "said" before it) modifies the quoted clause: its event is the quotation's
/// word the parse hangs outside it.
const event_mention* adjunct_clause_event(const text::annotated_document& doc, const std::vector<event_mention>& evs,
                                          const event_mention& ev) {
  if (ev.pos != text::upos::noun || ev.cls != event_class::i_action || ev.sentence >= doc.sentences.size())
    return nullptr;
  const auto& sent = doc.sentences[ev.sentence];
  std::optional<std::size_t> at;
  for (std::size_t t = sent.first_token; t < sent.end_token && !at; ++t)
    if (doc.tokens[t].span.begin == ev.span.begin) at = t;
  if (!at || doc.tokens[*at].deprel != "obl" || doc.tokens[*at].head < 0) return nullptr;
  // Done as asked ("at Trump's request", "on Xi's invitation", "upon the request of"), not "despite
  // Xi's request".
  bool as_asked = false;
  for (std::size_t t = sent.first_token; t < sent.end_token && !as_asked; ++t) {
    const auto& tok = doc.tokens[t];
    if (tok.head != static_cast<int>(*at - sent.first_token) || tok.deprel != "case") continue;
    const auto l = lower(tok.form);
    as_asked = l == "at" || l == "on" || l == "upon";
  }
  if (!as_asked) return nullptr;
  const auto event_at = [&](std::size_t t) -> const event_mention* {
    for (const auto& g : evs)
      if (g.sentence == ev.sentence && g.span.begin == doc.tokens[t].span.begin) return &g;
    return nullptr;
  };
  auto head = sent.first_token + static_cast<std::size_t>(doc.tokens[*at].head);
  // Inside quotation marks: the open mark before it, the closing one after it.
  std::size_t marks = 0;
  std::optional<std::size_t> open, close;
  for (std::size_t t = sent.first_token; t < *at; ++t)
    if (is_double_quote_form(doc.tokens[t].form)) ++marks, open = t;
  if (marks % 2 == 1) {
    for (std::size_t t = *at + 1; t < sent.end_token && !close; ++t)
      if (is_double_quote_form(doc.tokens[t].form)) close = t;
    const auto inside = [&](std::size_t t) { return t > *open && (!close || t < *close); };
    if (!inside(head)) {
      for (std::size_t t = *open + 1; t < sent.end_token && inside(t); ++t) {
        const auto& tok = doc.tokens[t];
        if (t == *at || tok.head < 0 || inside(sent.first_token + static_cast<std::size_t>(tok.head))) continue;
        if (const auto* g = event_at(t)) return g;
      }
      return nullptr;
    }
  }
  if (head >= sent.end_token || doc.tokens[head].tag != text::upos::verb) return nullptr;
  return event_at(head);
}

/// A quotation a report introduces: the tokens of its words (no punctuation, no quotation marks)
/// and the words, lower case, in order.
struct quotation {
  std::vector<std::size_t> tokens;
  std::vector<std::string> words;
};

/// The quotations of a sentence: [open mark, close mark) token pairs (an unclosed one runs to the
/// sentence's end).
std::vector<std::pair<std::size_t, std::size_t>> quotation_marks(const text::annotated_document& doc,
                                                                 const text::sentence& sent) {
  std::vector<std::size_t> marks;
  for (std::size_t t = sent.first_token; t < sent.end_token; ++t)
    if (is_double_quote_form(doc.tokens[t].form)) marks.push_back(t);
  if (marks.size() % 2 == 1) marks.push_back(sent.end_token);
  std::vector<std::pair<std::size_t, std::size_t>> out;
  for (std::size_t k = 0; k + 1 < marks.size(); k += 2) out.emplace_back(marks[k], marks[k + 1]);
  return out;
}

/// True for a relative pronoun of the parse ("which", "that", "who" as a pronoun or WH-determiner).
bool relative_pronoun(const text::token& tok) {
  if (tok.xpos != "WDT" && tok.xpos != "WP") return false;
  const auto l = lower(tok.form);
  return l == "which" || l == "that" || l == "who";
}

/// The noun token that is the subject of the verb at token `at` (absolute), read from the parse:
///   - its own `nsubj` or `nsubj:pass` ("the call lasted", "the conversation was focused");
///   - a conjunct verb without one shares its first conjunct's ("the call lasted ... and
///     focused");
///   - a relative pronoun stands for what its clause modifies ("a call ... that focused on
///     trade": the call);
///   - a finite verb without a subject inside a relative clause whose pronoun is not its
///     subject is where the pronoun's gap is ("the call, which he said lasted an hour and a
///     half": "which" is the subject of "lasted", whatever the parse hangs it on).
std::optional<std::size_t> subject_token(const text::annotated_document& doc, const text::sentence& sent, std::size_t at) {
  const auto abs = [&](int rel) { return sent.first_token + static_cast<std::size_t>(rel); };
  const auto rel_of = [&](std::size_t t) { return static_cast<int>(t - sent.first_token); };
  // The antecedent of a relative clause containing `t` (through clausal complements), if any.
  const auto antecedent = [&](std::size_t t) -> std::optional<std::size_t> {
    for (int step = 0; step < 4; ++step) {
      const auto& tok = doc.tokens[t];
      if (tok.head < 0 || abs(tok.head) >= sent.end_token) return std::nullopt;
      if (tok.deprel == "acl:relcl") return abs(tok.head);
      if (tok.deprel != "ccomp" && tok.deprel != "xcomp" && tok.deprel != "conj") return std::nullopt;
      t = abs(tok.head);
    }
    return std::nullopt;
  };
  auto verb = at;
  for (int step = 0; step < 3; ++step) {
    std::optional<std::size_t> subject;
    for (std::size_t t = sent.first_token; t < sent.end_token && !subject; ++t)
      if (doc.tokens[t].head == rel_of(verb) &&
          (doc.tokens[t].deprel == "nsubj" || doc.tokens[t].deprel == "nsubj:pass"))
        subject = t;
    if (subject) {
      if (!relative_pronoun(doc.tokens[*subject])) return subject;
      return antecedent(verb);
    }
    const auto& v = doc.tokens[verb];
    if (v.deprel == "conj" && v.head >= 0 && abs(v.head) < sent.end_token &&
        doc.tokens[abs(v.head)].tag == text::upos::verb) {
      verb = abs(v.head);
      continue;
    }
    break;
  }
  // The gap of a relative clause: a finite verb with no subject, below a relative clause verb that
  // has a relative pronoun which is not its subject.
  const auto& v = doc.tokens[at];
  if (v.xpos != "VBD" && v.xpos != "VBZ" && v.xpos != "VBP") return std::nullopt;
  auto t = at;
  for (int step = 0; step < 4; ++step) {
    const auto& tok = doc.tokens[t];
    if (tok.head < 0 || abs(tok.head) >= sent.end_token) return std::nullopt;
    if (tok.deprel == "acl:relcl") break;
    if (tok.deprel != "ccomp") return std::nullopt;
    t = abs(tok.head);
  }
  if (doc.tokens[t].deprel != "acl:relcl" || t == at) return std::nullopt;
  for (std::size_t u = sent.first_token; u < sent.end_token; ++u)
    if (doc.tokens[u].head == rel_of(t) && relative_pronoun(doc.tokens[u]) && doc.tokens[u].deprel.rfind("nsubj", 0) != 0)
      return abs(doc.tokens[t].head);
  return std::nullopt;
}

/// Who acts in a verb mention that names no subject of its own, read from the parse (control):
/// the agents of the verb it is the `xcomp` of ("Trump has vowed to revoke": Trump), through a
/// first conjunct ("the U.S. has moved to block ... and revoke"), or of the event noun it is the
/// infinitival `acl` of ("Mr. Trump's decision to revoke": the noun's possessor). When that verb
/// has an object, the object acts ("Xi asked Trump to withdraw": Trump); a passive's subject
/// acts ("Trump was asked to revoke"). Empty when no name says who does ("his administration has
/// vowed to revoke"), nullopt when nothing controls it.
std::optional<token_list> controller_agents(const text::annotated_document& doc, const std::vector<event_mention>& evs,
                                            const event_mention& ev) {
  if (ev.pos != text::upos::verb || has_dependent(doc, ev, {"nsubj", "nsubj:pass", "expl"})) return std::nullopt;
  const auto at = trigger_token(doc, ev);
  if (!at) return std::nullopt;
  const auto& sent = doc.sentences[ev.sentence];
  const auto head_of = [&](std::size_t t) -> std::optional<std::size_t> {
    const auto h = doc.tokens[t].head;
    if (h < 0 || sent.first_token + static_cast<std::size_t>(h) >= sent.end_token) return std::nullopt;
    return sent.first_token + static_cast<std::size_t>(h);
  };
  auto t = *at;
  for (int step = 0; step < 3 && doc.tokens[t].deprel == "conj"; ++step) {
    const auto h = head_of(t);
    if (!h || doc.tokens[*h].tag != text::upos::verb) return std::nullopt;
    t = *h;
  }
  const auto h = head_of(t);
  if (!h) return std::nullopt;
  const auto& rel = doc.tokens[t].deprel;
  const bool infinitive = std::any_of(doc.tokens.begin() + static_cast<std::ptrdiff_t>(sent.first_token),
                                      doc.tokens.begin() + static_cast<std::ptrdiff_t>(sent.end_token),
                                      [&](const text::token& x) {
                                        return x.head == static_cast<int>(t - sent.first_token) && x.deprel == "mark" &&
                                               lower(x.form) == "to";
                                      });
  const bool from_verb = rel == "xcomp" && doc.tokens[*h].tag == text::upos::verb;
  const bool from_noun = rel == "acl" && infinitive && doc.tokens[*h].tag == text::upos::noun;
  if (!from_verb && !from_noun) return std::nullopt;
  for (const auto& g : evs) {
    if (g.sentence != ev.sentence || g.span.begin != doc.tokens[*h].span.begin) continue;
    std::vector<std::size_t> objects;  // sentence-relative
    for (std::size_t u = sent.first_token; u < sent.end_token && from_verb; ++u)
      if (doc.tokens[u].head == static_cast<int>(*h - sent.first_token) &&
          (doc.tokens[u].deprel == "obj" || doc.tokens[u].deprel == "iobj"))
        objects.push_back(u - sent.first_token);
    if (!objects.empty())
      return g.actor_spans.size() == g.actors.size() ? actor_names_at(doc, sent, g, objects) : token_list{};
    return active_agents(doc, g);
  }
  return std::nullopt;
}

/// True when the parse gives a mention's word an adverb (`advmod`) among `words` (sorted,
/// lower case).
template <std::size_t N>
bool has_adverb(const text::annotated_document& doc, const event_mention& ev, const std::string_view (&words)[N]) {
  const auto at = trigger_token(doc, ev);
  if (!at) return false;
  bool found = false;
  for_each_dependent(doc, doc.sentences[ev.sentence], *at, [&](std::size_t t, int) {
    found = found || (doc.tokens[t].deprel == "advmod" &&
                      std::binary_search(std::begin(words), std::end(words), lower(doc.tokens[t].form)));
    return false;  // its own dependents only
  });
  return found;
}

/// Adverbs that negate, sorted.
constexpr std::string_view negations[] = {"n't", "never", "not"};

/// True when the parse negates a mention's word ("have decided not to support the resolution":
/// the events stage gives an infinitive no polarity of its own).
bool negated_in_parse(const text::annotated_document& doc, const event_mention& ev) { return has_adverb(doc, ev, negations); }

/// The lemma of the common noun a verb mention acts on, from the parse (its `obj`; through a
/// quantifier's partitive, "revoke some of their visas" -> visa), or "": what is acted on when
/// no name says it ("revoke student visas", "revoke visas for some Chinese nationals"). Not a
/// light verb's object, which names its event, not what it acts on ("had no comment", "make
/// their case").
std::string object_noun(const text::annotated_document& doc, const event_mention& ev) {
  if (ev.pos != text::upos::verb || frame_lexicon().is_light_verb(ev.lemma)) return {};
  const auto at = trigger_token(doc, ev);
  if (!at) return {};
  const auto& sent = doc.sentences[ev.sentence];
  auto obj = dependent_of(doc, sent, *at, {"obj"});
  if (obj && doc.tokens[*obj].tag != text::upos::noun) obj = dependent_of(doc, sent, *obj, {"nmod"});  // "some of their visas"
  if (!obj || doc.tokens[*obj].tag != text::upos::noun) return {};
  return lemma_of(doc.tokens[*obj]);
}

/// The events of sentence `s` (a document's events are in text order): a range of `evs`.
std::pair<const event_mention*, const event_mention*> sentence_events(const std::vector<event_mention>& evs, std::size_t s) {
  const auto lo = std::lower_bound(evs.begin(), evs.end(), s,
                                   [](const event_mention& e, std::size_t x) { return e.sentence < x; });
  auto hi = lo;
  while (hi != evs.end() && hi->sentence == s) ++hi;
  return {evs.data() + (lo - evs.begin()), evs.data() + (hi - evs.begin())};
}

/// The event noun of its document that a verb mention's subject is (`subject_token`), or nullptr:
/// "the call lasted an hour and a half" -> the call.
const event_mention* subject_event(const text::annotated_document& doc, const std::vector<event_mention>& evs,
                                   const event_mention& ev) {
  if (ev.pos != text::upos::verb || ev.sentence >= doc.sentences.size()) return nullptr;
  const auto at = trigger_token(doc, ev);
  if (!at) return nullptr;
  const auto& sent = doc.sentences[ev.sentence];
  const auto subject = subject_token(doc, sent, *at);
  if (!subject || doc.tokens[*subject].tag != text::upos::noun) return nullptr;
  const auto [first, last] = sentence_events(evs, ev.sentence);
  for (const auto* g = first; g != last; ++g)
    if (g->span.begin == doc.tokens[*subject].span.begin && g->pos == text::upos::noun) return g;
  return nullptr;
}

/// An ISO 8601 duration in seconds ("PT1H30M" and "PT90M" -> 5400; a year 365 days, a month 30),
/// or nothing for an unknown amount ("PXY", "PTXH").
std::optional<double> duration_seconds(std::string_view v) {
  if (v.size() < 3 || v[0] != 'P') return std::nullopt;
  double total = 0;
  bool time = false, any = false;
  std::size_t at = 1;
  while (at < v.size()) {
    if (v[at] == 'T') {
      time = true;
      ++at;
      continue;
    }
    std::size_t end = at;
    while (end < v.size() && (std::isdigit(static_cast<unsigned char>(v[end])) || v[end] == '.')) ++end;
    if (end == at || end >= v.size()) return std::nullopt;
    double n = 0;
    try {
      n = std::stod(std::string(v.substr(at, end - at)));
    } catch (const std::exception&) {
      return std::nullopt;
    }
    const char unit = v[end];
    double factor = 0;
    if (time) factor = unit == 'H' ? 3600 : unit == 'M' ? 60 : unit == 'S' ? 1 : 0;
    else factor = unit == 'Y' ? 365 * 86400.0 : unit == 'M' ? 30 * 86400.0 : unit == 'W' ? 7 * 86400.0 : unit == 'D' ? 86400 : 0;
    if (factor == 0) return std::nullopt;
    total += n * factor;
    any = true;
    at = end + 1;
  }
  if (!any) return std::nullopt;
  return total;
}

/// What a predicate says of its subject besides the subject, read from the parse: the durations
/// its own time expressions give ("lasted an hour and a half", "lasted approximately 90 minutes":
/// 5400 s each) and the lemmas of the nouns of its complements ("focused almost entirely on
/// trade": trade; "focused solely on trade disputes": dispute, trade), not crossing into another
/// clause nor into a "by" phrase.
struct predicate_content {
  std::vector<double> durations;  // sorted, distinct
  token_list words;               // sorted, distinct
};

predicate_content content_of(const text::annotated_document& doc, const std::vector<timex::mention>& timexes,
                             const event_mention& ev) {
  predicate_content out;
  const auto at = trigger_token(doc, ev);
  if (!at) return out;
  const auto& sent = doc.sentences[ev.sentence];
  const auto timex_at = [&](std::size_t t) -> const timex::mention* {
    const auto& sp = doc.tokens[t].span;
    for (const auto& x : timexes)
      if (x.span.begin <= sp.begin && sp.end <= x.span.end) return &x;
    return nullptr;
  };
  // A duration that measures the event: the verb's own phrase ("lasted an hour and a half"), or
  // after "for", "during" or "over" ("talked for two hours"); not an offset ("came five days
  // after", "a week later", "after more than 150 years", "in 90 days").
  const auto measures = [&](const timex::mention& x) {
    std::optional<std::size_t> first, last;
    for (std::size_t t = sent.first_token; t < sent.end_token; ++t)
      if (x.span.begin <= doc.tokens[t].span.begin && doc.tokens[t].span.end <= x.span.end) {
        if (!first) first = t;
        last = t;
      }
    if (!first) return false;
    if (*first > sent.first_token) {
      const auto& prev = doc.tokens[*first - 1];
      const auto l = lower(prev.form);
      if (prev.tag == text::upos::adp && l != "for" && l != "during" && l != "over") return false;
    }
    if (*last + 1 < sent.end_token) {
      const auto l = lower(doc.tokens[*last + 1].form);
      for (const char* w : {"after", "before", "later", "earlier", "ago", "since", "from", "into", "on"})
        if (l == w) return false;
    }
    return true;
  };
  for_each_dependent(doc, sent, *at, [&](std::size_t t, int depth) {
    const auto& tok = doc.tokens[t];
    const auto& r = tok.deprel;
    const bool noun = tok.tag == text::upos::noun || tok.tag == text::upos::propn;
    // Complements and their nouns' modifiers; an adverb's oblique ("almost entirely on trade",
    // as the parse hangs it); a noun's conjunct ("on trade and security"). Not a subject, a "by"
    // phrase, a time or another clause.
    const bool complement = r == "obj" || r == "iobj" || r == "obl" || r == "obl:npmod" || r == "obl:tmod" ||
                            r == "obl:unmarked" ||
                            (depth > 0 && (r == "compound" || r == "nmod" || (r == "conj" && noun))) ||
                            (r == "advmod" && tok.tag == text::upos::adv);
    if (!complement) return false;
    if (const auto* x = timex_at(t)) {
      if (x->type == timex::timex_type::duration && measures(*x))
        if (const auto sec = duration_seconds(x->value)) out.durations.push_back(*sec);
      return false;
    }
    if (noun) out.words.push_back(lemma_of(tok));
    return depth < 3 && (noun || tok.tag == text::upos::adv);
  });
  std::sort(out.durations.begin(), out.durations.end());
  out.durations.erase(std::unique(out.durations.begin(), out.durations.end()), out.durations.end());
  std::sort(out.words.begin(), out.words.end());
  out.words.erase(std::unique(out.words.begin(), out.words.end()), out.words.end());
  return out;
}

/// True when the parse hangs the quotation (open, close) on the verb at token `at`, outside it:
/// a quoted word's head is the verb, or the verb is the quotation's parenthetical ("It “resulted
/// in ...,” Trump wrote": `parataxis`).
bool parse_owns(const text::annotated_document& doc, const text::sentence& sent, std::size_t at, std::size_t open,
                std::size_t close) {
  if (at > open && at < close) return false;
  const auto rel = [&](std::size_t t) { return static_cast<int>(t - sent.first_token); };
  const auto head_of_verb = doc.tokens[at].head;
  if (doc.tokens[at].deprel == "parataxis" && head_of_verb > rel(open) && head_of_verb < rel(close)) return true;
  for (std::size_t t = open + 1; t < close; ++t)
    if (doc.tokens[t].head == rel(at)) return true;
  return false;
}

/// The quotations a reporting verb introduces ("“Our respective teams will be meeting shortly
/// ...,” Trump wrote"), each with its words:
///   - a quotation of its sentence, the verb outside it, that the parse hangs on the verb
///     (`parse_owns`);
///   - a quotation after the verb in its sentence that the parse hangs on no report of the
///     sentence, when the verb is the sentence's only report that names who speaks ("Trump said
///     the call “resulted in ...,” adding, “There should no longer be ...”": the second
///     quotation, which the parse hung inside the first, is Trump's too);
///   - a sentence that is one quotation and nothing else, right after the verb's sentence (or
///     such a sentence) when the verb introduces a quotation there: the speaker goes on ("“The
///     call lasted ...,” Mr. Trump said. “There should no longer be ...”"), unless the next
///     sentence's report claims it (below: "“...” Mr. Xi replied.");
///   - for a verb whose sentence quotes nothing and that has no clause or object, the sentences
///     of one quotation right before it, which a sentence split cut off ("“... HARD TO MAKE A
///     DEAL WITH!!!” Trump posted Wednesday on his social media site.").
std::vector<quotation> quotations_of(const text::annotated_document& doc, const std::vector<event_mention>& evs,
                                     const event_mention& ev) {
  std::vector<quotation> out;
  const auto at = trigger_token(doc, ev);
  if (!at) return out;
  const auto& sent = doc.sentences[ev.sentence];
  const auto add = [&](std::size_t open, std::size_t close) {
    quotation q;
    for (std::size_t t = open + 1; t < close; ++t)
      if (doc.tokens[t].tag != text::upos::punct && !is_double_quote_form(doc.tokens[t].form)) {
        q.tokens.push_back(t);
        q.words.push_back(lower(doc.tokens[t].form));
      }
    if (!q.words.empty()) out.push_back(std::move(q));
  };
  // The sentence's other reports (their tokens), and whether one of them names a speaker: read
  // only for a quotation the parse does not hang on the verb.
  std::optional<std::vector<std::size_t>> reports;
  bool only_speaker = ev.subject_count > 0;
  const auto read_reports = [&] {
    reports.emplace();
    for (const auto& o : evs) {
      if (&o == &ev || o.sentence != ev.sentence || o.cls != event_class::reporting) continue;
      if (const auto t = trigger_token(doc, o)) reports->push_back(*t);
      if (o.subject_count > 0) only_speaker = false;
    }
  };
  const auto marks = quotation_marks(doc, sent);
  bool introduces = false;
  for (const auto& mark : marks) {
    const auto open = mark.first, close = mark.second;  // lambdas capture no structured binding (C++17)
    bool owns = parse_owns(doc, sent, *at, open, close);
    if (!owns && only_speaker && open > *at) {
      if (!reports) read_reports();
      owns = only_speaker && std::none_of(reports->begin(), reports->end(),
                                          [&](std::size_t r) { return parse_owns(doc, sent, r, open, close); });
    }
    if (!owns) continue;
    introduces = true;
    add(open, close);
  }
  // A sentence that is one quotation from its first token to its last (a final period may follow).
  const auto whole_quotation = [&](std::size_t s) -> std::optional<std::pair<std::size_t, std::size_t>> {
    const auto& other = doc.sentences[s];
    const auto its = quotation_marks(doc, other);
    if (its.size() != 1 || its[0].first != other.first_token) return std::nullopt;
    auto last = other.end_token - 1;
    while (last > its[0].first && doc.tokens[last].tag == text::upos::punct && !is_double_quote_form(doc.tokens[last].form))
      --last;
    if (its[0].second != last) return std::nullopt;
    return its[0];
  };
  // A report with nothing it reports in its sentence (no quotation, no clause or object: "Trump
  // posted Wednesday on his social media site.") reports the quotation its sentence follows,
  // which a sentence split cut off ("“... HARD TO MAKE A DEAL WITH!!!”").
  if (!introduces && marks.empty() && ev.sentence > 0 && whole_quotation(ev.sentence - 1) &&
      !has_dependent(doc, ev, {"ccomp", "xcomp", "obj"})) {
    auto s = ev.sentence;
    while (s > 0 && whole_quotation(s - 1)) --s;
    for (auto b = s; b < ev.sentence; ++b) {
      const auto q = whole_quotation(b);
      add(q->first, q->second);
      introduces = true;
    }
  }
  if (!introduces) return out;
  // A report of a named speaker with nothing it reports in its sentence: it claims the quotation
  // before it ("“...” Mr. Xi replied."), which is then not the verb's.
  const auto claims_back = [&](std::size_t s) {
    if (!quotation_marks(doc, doc.sentences[s]).empty()) return false;
    return std::any_of(evs.begin(), evs.end(), [&](const event_mention& o) {
      return o.sentence == s && o.cls == event_class::reporting && o.subject_count > 0 &&
             !has_dependent(doc, o, {"ccomp", "xcomp", "obj"});
    });
  };
  for (auto s = ev.sentence + 1; s < doc.sentences.size(); ++s) {
    const auto q = whole_quotation(s);
    if (!q || (s + 1 < doc.sentences.size() && claims_back(s + 1))) break;
    add(q->first, q->second);
  }
  return out;
}

/// The events a reporting verb reports, read from the parse: its clausal complement and that
/// clause's conjuncts ("Trump said the call lasted an hour and a half", "“The call lasted ...
/// and resulted in ...,” Mr. Trump said", "the call, which he said lasted"), or the clause it is
/// a parenthetical of ("It “resulted in ...,” Trump wrote": `parataxis`).
std::vector<const event_mention*> reported_events(const text::annotated_document& doc, const std::vector<event_mention>& evs,
                                                  const event_mention& ev) {
  std::vector<const event_mention*> out;
  const auto at = trigger_token(doc, ev);
  if (!at) return out;
  const auto& sent = doc.sentences[ev.sentence];
  const auto rel_of = [&](std::size_t t) { return static_cast<int>(t - sent.first_token); };
  const auto same_sentence = sentence_events(evs, ev.sentence);
  const auto event_at = [&](std::size_t t) -> const event_mention* {
    for (const auto* g = same_sentence.first; g != same_sentence.second; ++g)
      if (g->span.begin == doc.tokens[t].span.begin && g != &ev) return g;
    return nullptr;
  };
  std::vector<std::size_t> clauses;
  for (std::size_t t = sent.first_token; t < sent.end_token; ++t)
    if (doc.tokens[t].head == rel_of(*at) && doc.tokens[t].deprel == "ccomp") clauses.push_back(t);
  if (doc.tokens[*at].deprel == "parataxis" && doc.tokens[*at].head >= 0)
    clauses.push_back(sent.first_token + static_cast<std::size_t>(doc.tokens[*at].head));
  for (std::size_t i = 0; i < clauses.size() && i < 8; ++i)
    for (std::size_t t = sent.first_token; t < sent.end_token; ++t)
      if (doc.tokens[t].head == rel_of(clauses[i]) && doc.tokens[t].deprel == "conj" &&
          doc.tokens[t].tag == text::upos::verb)
        clauses.push_back(t);
  for (const auto t : clauses)
    if (const auto* g = event_at(t)) out.push_back(g);
  return out;
}

/// The events inside what a reporting verb reports: those of its reported clauses'
/// (`reported_events`) subtrees, not the verb's own phrase ("President Trump said he had a call
/// ... that focused solely on trade disputes": had, call, focused, disputes), and those of the
/// quotations it introduces (`quotations_of`: "“There should no longer be ...”" after "“...,”
/// Mr. Trump said.").
std::vector<const event_mention*> events_in_report(const text::annotated_document& doc,
                                                   const std::vector<event_mention>& evs, const event_mention& ev) {
  std::vector<const event_mention*> out;
  const auto at = trigger_token(doc, ev);
  if (!at) return out;
  const auto& sent = doc.sentences[ev.sentence];
  std::vector<std::size_t> roots;
  for (const auto* g : reported_events(doc, evs, ev))
    if (const auto t = trigger_token(doc, *g)) roots.push_back(*t);
  // Tokens under a root and not under the verb itself (a parenthetical report's clause holds it).
  const auto inside = [&](std::size_t t) {
    for (int step = 0; step < 40; ++step) {
      if (t == *at) return false;
      if (std::find(roots.begin(), roots.end(), t) != roots.end()) return true;
      const auto h = doc.tokens[t].head;
      if (h < 0) return false;
      t = sent.first_token + static_cast<std::size_t>(h);
      if (t >= sent.end_token) return false;
    }
    return false;
  };
  std::vector<std::size_t> quoted;
  std::vector<std::size_t> sentences{ev.sentence};  // the verb's, and those its quotations are in
  for (const auto& q : quotations_of(doc, evs, ev)) {
    quoted.insert(quoted.end(), q.tokens.begin(), q.tokens.end());
    if (!q.tokens.empty()) sentences.push_back(doc.sentence_at(doc.tokens[q.tokens.front()].span.begin));
  }
  std::sort(quoted.begin(), quoted.end());
  std::sort(sentences.begin(), sentences.end());
  sentences.erase(std::unique(sentences.begin(), sentences.end()), sentences.end());
  for (const auto s : sentences) {
    const auto [first, last] = sentence_events(evs, s);
    for (const auto* g = first; g != last; ++g) {
      if (g == &ev) continue;
      const auto t = trigger_token(doc, *g);
      if (!t) continue;
      if ((s == ev.sentence && !roots.empty() && inside(*t)) || std::binary_search(quoted.begin(), quoted.end(), *t))
        out.push_back(g);
    }
  }
  return out;
}

/// A news document's headline and lede: the sentence of its title line when that line is a
/// headline (no sentence end: "Trump, Xi agree to more trade talks as rare earths dispute
/// cools"), and the first two sentences of running text after it (ending as a sentence does, with
/// events: not page furniture, not the headline repeated: "Image for article titled ..."). Nothing
/// when the title is running text (an article that starts with its lede).
struct headline_and_lede {
  std::optional<std::size_t> headline;
  std::vector<std::size_t> lede;
};
headline_and_lede headline_of(const text::annotated_document& doc, const std::vector<event_mention>& evs) {
  headline_and_lede out;
  const auto& [title, at] = title_line(doc.doc.text);
  if (title.empty() || ends_sentence(title)) return out;
  const auto s = doc.sentence_at(at);
  if (s >= doc.sentences.size()) return out;
  out.headline = s;
  for (auto n = s + 1; n < doc.sentences.size() && out.lede.size() < 2; ++n) {
    const auto& sp = doc.sentences[n].span;
    const std::string_view text(doc.doc.text.data() + sp.begin, sp.end - sp.begin);
    const auto [first, last] = sentence_events(evs, n);
    if (first != last && ends_sentence(text) && text.find(title) == std::string_view::npos) out.lede.push_back(n);
  }
  return out;
}

/// Where and to whom a report was made, as the parse gives it: the lemmas of the nouns and
/// adjectives of its objects and obliques ("said in a post on Truth Social": post, social,
/// truth; "wrote on his social media platform": media, platform, social; "told reporters in the
/// Oval Office": office, oval, reporter), not times, not event nouns ("after the call"), not its
/// reported clause.
token_list venue_words(const text::annotated_document& doc, const std::vector<timex::mention>& timexes,
                       const std::vector<event_mention>& evs, const event_mention& ev) {
  token_list out;
  const auto at = trigger_token(doc, ev);
  if (!at) return out;
  const auto& sent = doc.sentences[ev.sentence];
  const auto same_sentence = sentence_events(evs, ev.sentence);
  const auto skipped = [&](std::size_t t) {
    const auto& sp = doc.tokens[t].span;
    for (const auto& x : timexes)
      if (x.span.begin <= sp.begin && sp.end <= x.span.end) return true;
    for (const auto* g = same_sentence.first; g != same_sentence.second; ++g)
      if (g->span.begin == sp.begin) return true;
    return false;
  };
  for_each_dependent(doc, sent, *at, [&](std::size_t t, int depth) {
    const auto& tok = doc.tokens[t];
    const auto& r = tok.deprel;
    const bool take = depth == 0 ? (r == "obj" || r == "iobj" || r == "obl")
                                 : (r == "compound" || r == "nmod" || r == "amod" || r == "flat");
    if (!take || skipped(t)) return false;
    if (tok.tag == text::upos::noun || tok.tag == text::upos::propn || tok.tag == text::upos::adj)
      out.push_back(lemma_of(tok));
    return depth < 2;
  });
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

/// Venue words that make a verb a post ("wrote on his social media platform", "lamented on
/// social media", "praised Xi in a social media post", "posted on Facebook"), sorted.
constexpr std::string_view post_media[] = {"blog", "facebook", "instagram", "social", "telegram", "tweet", "twitter", "weibo"};
/// Venue words that make a report a post, and the nouns a post is made in ("said in a post on
/// Truth Social"): of a reporting verb only ("quit his post", "served in the post": a job), sorted.
constexpr std::string_view post_nouns[] = {"post", "tweet"};
/// Nouns that a report made in is the report itself ("said in a post", "said in a statement",
/// "the group said in a letter", "according to the Chinese readout"; not "said in an interview",
/// which holds more than the report), sorted.
constexpr std::string_view report_nouns[] = {"letter", "post", "readout", "statement", "tweet"};
/// Verbs that post without a venue ("Trump posted Wednesday", "tweeted"); "post" only without
/// an object ("posted a loss" is no post), sorted.
constexpr std::string_view posting_verbs[] = {"post", "tweet"};
/// Words that make a post another one than the post told before ("in another post", "posted
/// again", "a second / separate / later post"), sorted.
constexpr std::string_view other_post_words[] = {"again",  "another",  "later",      "new",
                                                 "second", "separate", "subsequent"};

/// A reporting verb ("said", "wrote"), or a noun a report is made in (`report_nouns`: "in a
/// statement", "a post").
bool reporting_verb(const event_mention& ev) { return ev.cls == event_class::reporting && ev.pos == text::upos::verb; }
bool report_noun(const event_mention& ev) {
  return ev.pos == text::upos::noun && std::binary_search(std::begin(report_nouns), std::end(report_nouns), ev.lemma);
}

enum class posting { none, post, another };

/// Whether a verb mention tells a post: a posting verb, or an oblique that names a medium
/// (`post_media`; `post_nouns` for a reporting verb) as itself or in its compounds, modifiers
/// and names ("on his social media platform", "in the same Truth Social post"), but not several
/// posts ("said in posts on X"); `another` when its adverbs, or the determiners and adjectives
/// of its obliques, say it is another post (`other_post_words`).
posting posting_of(const text::annotated_document& doc, const event_mention& ev) {
  if (ev.pos != text::upos::verb) return posting::none;
  const auto at = trigger_token(doc, ev);
  if (!at) return posting::none;
  bool posts = std::binary_search(std::begin(posting_verbs), std::end(posting_verbs), ev.lemma) &&
               (ev.lemma != "post" || !has_dependent(doc, ev, {"obj"}));
  const bool reports = ev.cls == event_class::reporting;
  bool another = false, plural = false;
  const auto venue = [&](const text::token& noun) {
    if (!lemma_in(post_media, noun) && !(reports && lemma_in(post_nouns, noun))) return;
    posts = true;
    plural = plural || (noun.tag == text::upos::noun && lower(noun.form) != lower(noun.lemma));
  };
  // The verb's adverbs and obliques, and the obliques' modifiers and theirs ("on his social media
  // platform": social under media).
  for_each_dependent(doc, doc.sentences[ev.sentence], *at, [&](std::size_t t, int depth) {
    const auto& tok = doc.tokens[t];
    const auto& r = tok.deprel;
    if (depth == 0) {
      if (r == "advmod" && lemma_in(other_post_words, tok)) another = true;
      if (r != "obl") return false;
      venue(tok);
      return true;
    }
    if (depth == 1 && (r == "det" || r == "amod") && lemma_in(other_post_words, tok)) another = true;
    if (r != "compound" && r != "nmod" && r != "amod" && r != "flat" && r != "conj") return false;
    venue(tok);
    return depth == 1;
  });
  return !posts || plural ? posting::none : another ? posting::another : posting::post;
}

/// Nouns of a venue that is one occasion of speaking ("told reporters in the Oval Office",
/// "speaking at a news conference", "said in an interview"), sorted.
constexpr std::string_view occasion_nouns[] = {"briefing", "conference", "garden",  "hearing", "interview",
                                               "office",   "rally",      "room",    "speech",  "summit"};
/// Adverbs that put a report on another occasion than the one told around it ("Merieux
/// previously said", "Trump later told reporters", "said again"), sorted.
constexpr std::string_view other_occasion_words[] = {"again",   "before",     "earlier",    "later",     "often",
                                                     "once",    "previously", "recently",   "repeatedly"};
/// Verbs of speaking whose venue is their clause's report's ("Mr. Trump, speaking later in the
/// Oval Office, said ..."), sorted.
constexpr std::string_view speaking_verbs[] = {"speak", "talk"};

/// The occasion a report names: the first occasion noun of its sentence that hangs on the verb
/// (its oblique, or one of its subject, audience or verb of speaking), as the sorted lower-case
/// lemmas of the noun and its compounds, modifiers and names ("in the Oval Office": "office
/// oval"; "at a news conference": "conference news"), and the name it was said to ("told Mr.
/// Merz": "office oval | merz"); "" when it names none.
std::string occasion_of(const text::annotated_document& doc, const event_mention& ev) {
  if (ev.pos != text::upos::verb) return {};
  const auto at = trigger_token(doc, ev);
  if (!at) return {};
  const auto& sent = doc.sentences[ev.sentence];
  // A venue hangs on the verb through at most: a verb of speaking ("speaking later in the Oval
  // Office", which the parse may hang on the subject), the subject or the audience ("told
  // reporters in the Oval Office", parsed as the reporters' modifier).
  const auto hangs_on_verb = [&](std::size_t t) {
    for (int step = 0; step < 4; ++step) {
      const auto& tok = doc.tokens[t];
      if (tok.head < 0) return false;
      const auto& r = tok.deprel;
      const bool noun = tok.tag == text::upos::noun || tok.tag == text::upos::propn;
      const bool through = step == 0 ? noun && (r == "obl" || r == "nmod")
                                     : (noun && (r == "obj" || r == "iobj" || r == "nsubj")) ||
                                           (tok.tag == text::upos::verb && r == "advcl" && lemma_in(speaking_verbs, tok));
      if (!through) return false;
      t = sent.first_token + static_cast<std::size_t>(tok.head);
      if (t == *at) return true;
    }
    return false;
  };
  std::optional<std::size_t> venue;
  for (std::size_t t = sent.first_token; t < sent.end_token && !venue; ++t) {
    const auto& tok = doc.tokens[t];
    if ((tok.tag == text::upos::noun || tok.tag == text::upos::propn) && lemma_in(occasion_nouns, tok) && hangs_on_verb(t))
      venue = t;
  }
  if (!venue) return {};
  std::vector<std::string> words{lemma_of(doc.tokens[*venue])};
  const auto head = static_cast<int>(*venue - sent.first_token);
  for (std::size_t t = sent.first_token; t < sent.end_token; ++t) {
    const auto& tok = doc.tokens[t];
    if (tok.head == head && (tok.deprel == "compound" || tok.deprel == "amod" || tok.deprel == "flat"))
      words.push_back(lemma_of(tok));
  }
  std::sort(words.begin(), words.end());
  std::string key;
  for (const auto& w : words) {
    if (!key.empty()) key += ' ';
    key += w;
  }
  // Whom it was said to, when a name: "told Mr. Merz in the Oval Office" is not what the same
  // session told reporters.
  const auto verb = static_cast<int>(*at - sent.first_token);
  for (std::size_t t = sent.first_token; t < sent.end_token; ++t) {
    const auto& tok = doc.tokens[t];
    if (tok.head == verb && (tok.deprel == "iobj" || tok.deprel == "obj") && tok.tag == text::upos::propn) {
      key += " | ";
      key += lemma_of(tok);
    }
  }
  return key;
}

/// Verbs that only describe the event that is their subject ("the call lasted 90 minutes", "was
/// focused almost entirely on trade", "marked the latest turn"), sorted; such a predicate's
/// salience is at most `facet_salience`, below the default timeline's 0.5.
constexpr std::string_view facet_verbs[] = {"center", "centre", "concentrate", "focus", "last", "mark"};
constexpr double facet_salience = 0.45;

/// The factuality of an undated mention: its tense row; a perfect ("has invited") happened; a
/// noun (no tense) happened when its document bounds it before its own date, or when a verb
/// occurrence that happened acts on it ("Trump accepted Mr. Xi's invitation", "reciprocated with
/// his own invitation": not "canceled the visit", an I_ACTION), and is planned when the
/// relations stage says so.
factuality factuality_of(const event_mention& ev, const std::optional<date::sys_days>& dct_day,
                         const event_mention* governing = nullptr) {
  if (ev.pol != events::polarity::pos) return factuality::none;
  if (ev.is_future) return factuality::planned;
  for (const auto& r : factuality_rules)
    if (r.tns == ev.tns && (r.modality == "*" || r.modality == ev.modality)) return r.fact;
  if (ev.tns == events::tense::present && ev.modality.empty() &&
      (ev.asp == events::aspect::perfective || ev.asp == events::aspect::perfective_progressive))
    return factuality::happened;
  if (ev.tns == events::tense::none && ev.modality.empty()) {
    if (const auto na = relations::last_day(ev.when_not_after); na && dct_day && *na <= *dct_day)
      return factuality::happened;
    if (governing && governing->cls == event_class::occurrence && factuality_of(*governing, dct_day) == factuality::happened)
      return factuality::happened;
  }
  return factuality::none;
}

evidence make_evidence(std::string_view doc_id, const std::string& text, const codepoint_index& cp, byte_span span) {
  evidence e;
  e.doc = doc_id;
  span.end = std::min(span.end, text.size());
  span.begin = std::min(span.begin, span.end);
  e.start = cp(span.begin);
  e.end = cp(span.end);
  e.text.assign(text, span.begin, span.end - span.begin);
  return e;
}

/// A story link with what merging the same link from several documents needs. The story's
/// links are kept sorted by (from, to, type), one per key.
struct keyed_link {
  story_link link;
  std::size_t sources = 1;  // how many document links it merges
  bool dropped = false;     // contradicts the story's order (check_story_order)
};

bool key_less(const story_link& a, const story_link& b) {
  if (const int c = a.from.compare(b.from); c != 0) return c < 0;
  if (const int c = a.to.compare(b.to); c != 0) return c < 0;
  return a.type < b.type;
}

bool same_key(const story_link& a, const story_link& b) {
  return a.from == b.from && a.to == b.to && a.type == b.type;
}

/// The story's temporal consistency: event dates and bounds first, then the links by support
/// (confidence, number of documents, rule priority); a link that contradicts what is kept is
/// dropped with a `merge.order_conflict` diagnostic naming what it contradicts, a causal link
/// whose effect is dated before its cause with `merge.causal_order`. Undated events get the bounds
/// the kept links imply. `links` is sorted by key; dropped links are marked.
void check_story_order(std::vector<story_event>& events, const std::vector<std::optional<timex::day_interval>>& days_of_event,
                       const std::vector<story_timex>& timexes, std::vector<keyed_link>& links,
                       std::vector<story_diagnostic>& diags) {
  relations::temporal_graph g;
  struct node_info {
    relations::temporal_graph::node node = 0;
    bool dated = false;  // an event with days of its own
  };
  detail::string_map<node_info, std::string_view> node_of;  // story event and timex ids
  node_of.reserve(timexes.size() + events.size());
  const auto note = [&](const std::string& rule, std::string message, const evidence* where) {
    story_diagnostic d;
    d.level = "info";
    d.stage = "merge";
    d.rule = rule;
    d.message = std::move(message);
    if (where) {
      d.doc = where->doc;
      d.start = where->start;
      d.end = where->end;
    }
    diags.push_back(std::move(d));
  };
  for (const auto& t : timexes)
    if (t.type != "DURATION" && t.type != "SET") node_of[t.id] = {g.add_node(relations::days_of(t.value), true), false};
  std::vector<relations::temporal_graph::node> node_of_event(events.size());
  std::unordered_map<relations::temporal_graph::node, std::string_view> planned;  // node -> planned event id
  for (std::size_t i = 0; i < events.size(); ++i) {
    auto& e = events[i];
    const auto& days = days_of_event[i];
    const auto n = g.add_node(days, false);
    node_of_event[i] = n;
    node_of[e.id] = {n, days.has_value()};
    if (days) continue;
    if (!g.bound(n, relations::first_day(e.not_before), relations::last_day(e.not_after))) {
      note("merge.bound_conflict", "the documents bound " + e.id + " inconsistently (not before " + e.not_before +
                                       ", not after " + e.not_after + "); left to its links", nullptr);
      continue;
    }
    // A planned event ("upcoming talks", "will represent", reported "would") is not over by the
    // day its documents were written: a weaker link chained to an event of that day ("the deal
    // BEFORE coming", a TLINK model's guess) may not bound it to that day or earlier; such links
    // are dropped below with a diagnostic naming the plan. The documents' own bounds say more.
    if (const auto day = relations::first_day(e.not_before);
        e.is_future && day && (e.not_after.empty() || e.not_after > e.not_before))
      if (g.bound_end_after(n, *day)) planned[n] = e.id;
  }
  std::vector<std::size_t> order(links.size());
  for (std::size_t k = 0; k < order.size(); ++k) order[k] = k;
  std::stable_sort(order.begin(), order.end(), [&](std::size_t x, std::size_t y) {
    const auto& a = links[x];
    const auto& b = links[y];
    if (a.link.confidence != b.link.confidence) return a.link.confidence > b.link.confidence;
    if (a.sources != b.sources) return a.sources > b.sources;
    return relations::rule_priority(a.link.rule) > relations::rule_priority(b.link.rule);
  });
  const auto describe = [](const story_link& l) {
    return relations::describe_link(l.from, l.type, l.to, l.rule, l.confidence);
  };
  for (std::size_t k = 0; k < order.size(); ++k) {
    auto& kl = links[order[k]];
    const auto& l = kl.link;
    const auto rel = relations::relation_from_string(l.type);
    const auto* a = node_of.find(l.from);
    const auto* b = node_of.find(l.to);
    if (!rel || !a || !b) continue;
    // A causal link: its cause does not start after its effect, which weaker links may not
    // contradict (it is checked against the dates below).
    if (relations::is_causal(*rel)) {
      g.add_starts_no_later(a->node, b->node, static_cast<int>(k));
      continue;
    }
    std::vector<int> conflicts;
    if (g.add(a->node, *rel, b->node, static_cast<int>(k), &conflicts)) continue;
    kl.dropped = true;
    std::string why;
    for (const auto t : conflicts) {
      why += why.empty() ? "" : "; ";
      why += t == relations::temporal_graph::date_tag
                 ? "the dates of " + relations::describe_window(g, a->node, l.from) + " and " +
                       relations::describe_window(g, b->node, l.to)
                 : describe(links[order[static_cast<std::size_t>(t)]].link);
    }
    const bool bounds = std::find(conflicts.begin(), conflicts.end(), relations::temporal_graph::date_tag) != conflicts.end();
    for (const auto* x : {a, b})
      if (const auto it = planned.find(x->node); bounds && it != planned.end())
        why += "; " + std::string(it->second) + " is planned (not over by the day of writing)";
    note("merge.order_conflict", "dropped " + describe(l) + ": contradicts " + why, &l.support);
  }
  for (std::size_t k = 0; k < order.size(); ++k) {
    auto& kl = links[order[k]];
    const auto& l = kl.link;
    const auto rel = relations::relation_from_string(l.type);
    const auto* a = node_of.find(l.from);
    const auto* b = node_of.find(l.to);
    if (!rel || !relations::is_causal(*rel) || !a || !b) continue;
    // Only dates overrule a cue: bounds from tense are too weak for that.
    if (!a->dated || !b->dated || !g.starts_before(b->node, a->node)) continue;
    kl.dropped = true;
    note("merge.causal_order", "dropped " + describe(l) + ": the effect starts before the cause (" +
                                   relations::describe_window(g, b->node, l.to) + ", " +
                                   relations::describe_window(g, a->node, l.from) + ")",
         &l.support);
  }
  for (std::size_t i = 0; i < events.size(); ++i) {
    if (days_of_event[i]) continue;
    auto& e = events[i];
    const auto n = node_of_event[i];
    if (const auto d = g.earliest_start(n)) e.not_before = iso_day(*d);
    if (const auto d = g.latest_end(n)) e.not_after = iso_day(*d);
  }
}

/// One document as a list of analyses (build_story of a single analysis, without copying it).
struct single_analysis {
  const document_analysis& only;
  [[nodiscard]] std::size_t size() const noexcept { return 1; }
  const document_analysis& operator[](std::size_t) const noexcept { return only; }
};

template <class Analyses>
story build_story_of(const Analyses& analyses) {
  story out;
  // Documents in id order; everything below iterates in that order.
  std::vector<std::size_t> order(analyses.size());
  for (std::size_t k = 0; k < order.size(); ++k) order[k] = k;
  std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    return analyses[a].annotated.doc.id < analyses[b].annotated.doc.id;
  });
  std::vector<codepoint_index> cps;
  cps.reserve(analyses.size());
  std::size_t timex_count = 0, event_count = 0, diagnostic_count = 0;
  for (std::size_t d = 0; d < analyses.size(); ++d) {
    cps.emplace_back(analyses[d].annotated.doc.text);
    timex_count += analyses[d].timexes.size();
    event_count += analyses[d].events.size();
    diagnostic_count += analyses[d].diagnostics.size();
  }

  out.documents.reserve(analyses.size());
  out.timexes.reserve(timex_count);
  for (auto d : order) {
    const auto& doc = analyses[d].annotated.doc;
    story_document sd;
    sd.id = doc.id;
    sd.path = doc.path;
    sd.source = doc.source;
    if (doc.dct) sd.dct = doc.dct->iso();
    sd.title = title_of(doc.text);
    out.documents.push_back(std::move(sd));
    for (const auto& t : analyses[d].timexes) {
      story_timex st;
      st.id.reserve(doc.id.size() + 1 + t.id.size());
      st.id += doc.id;
      st.id += ':';
      st.id += t.id;
      st.doc = doc.id;
      st.start = cps[d](t.span.begin);
      st.end = cps[d](t.span.end);
      st.text = t.text;
      st.type = timex_type_name(t.type);
      st.value = t.value;
      st.mod = t.mod;
      out.timexes.push_back(std::move(st));
    }
  }

  // ---- candidates and clusters
  std::vector<candidate> cands;
  cands.reserve(event_count);
  for (auto d : order) {
    const auto& a = analyses[d];
    for (std::size_t e = 0; e < a.events.size(); ++e) {
      const auto& ev = a.events[e];
      candidate c;
      c.doc = d;
      c.event = e;
      c.doc_id = a.annotated.doc.id;
      c.qualified.reserve(c.doc_id.size() + 1 + ev.id.size());
      c.qualified += c.doc_id;
      c.qualified += ':';
      c.qualified += ev.id;
      c.days = relations::days_of(ev.when_value);
      if (const auto g = relations::grain_of(ev.when_value)) c.grain = *g;
      for (std::size_t k = 0; k < ev.actors.size(); ++k) {
        const auto tokens = name_tokens(ev.actors[k]);
        add_tokens(c.actor_tokens, tokens);
        if (k < ev.subject_count) add_tokens(c.subject_tokens, tokens);
      }
      const auto& lex = frame_lexicon();
      c.passive = is_passive(a.annotated, ev);
      c.another = another_of_its_kind(a.annotated, ev);
      c.dated_subjects = c.subject_tokens;
      if (c.days) {
        if (c.subject_tokens.empty() && !c.passive) c.dated_subjects = subject_phrase_names(a.annotated, a.timexes, ev);
        c.sentence_names = sentence_names(a.annotated, ev);
        add_tokens(c.sentence_names, c.actor_tokens);
      }
      c.frame = ev.frame;
      c.kind = lex.frame_kind(ev.lemma);
      // Only occurrences and states merge: a report, an intention ("agreed to further talks") or
      // the start of something is its own event even when its frame matches.
      c.mergeable = c.days && (ev.cls == event_class::occurrence || ev.cls == event_class::state) &&
                    ev.when_anchor != "dct";
      // An intention verb of a listed frame dated by its own time ("agreed in Geneva last month
      // to lower tariffs") is the event its document tells with a noun of that frame and date
      // ("the truce struck last month in Geneva"): it joins that event, never starts one.
      if (c.days && !c.mergeable && ev.cls == event_class::i_action && !c.kind.empty() &&
          ev.when_anchor != "dct" && ev.when_anchor != "inferred")
        c.mergeable = c.joins_only = true;
      // A statement dated by its own time to a day before its document's ("Trump posted
      // Wednesday", "wrote early Wednesday morning" in Thursday's news) is news itself: the same
      // speaker's statements of that day are one event.
      if (c.days && ev.cls == event_class::reporting && ev.when_anchor != "dct" && ev.when_anchor != "inferred" &&
          c.grain <= 1 && ev.pol == events::polarity::pos) {
        const auto& dct = a.annotated.doc.dct;
        const auto day = dct ? relations::days_of(dct->iso().substr(0, 10)) : std::nullopt;
        if (day && c.days->end <= day->begin && !c.subject_tokens.empty()) {
          c.mergeable = c.statement = true;
          c.frame = "reporting";
        }
      }
      // The same plan told by several articles ("the upcoming talks", "further trade talks",
      // "will hold trade talks"): undated future occurrences of one frame merge with each other.
      c.planned = !c.days && ev.is_future && ev.cls == event_class::occurrence && ev.pol == events::polarity::pos;
      // An event noun a planned occurrence acts on is planned with it ("Bessent, Lutnick and
      // Greer will represent the U.S. side in negotiations": the negotiations are the plan).
      // Only a noun event_frames.tsv lists as one referring occurrence: "will relax its
      // controls" plans the relaxing, not the controls.
      if (!c.days && !c.planned && ev.cls == event_class::occurrence && ev.pol == events::polarity::pos &&
          ev.when_not_after.empty() && frame_lexicon().has_frame(ev.lemma) &&
          frame_lexicon().frame_refers_back(frame_lexicon().frame_of(ev.lemma)))
        if (const auto* g = governing_event(a.annotated, a.events, ev);
            g && g->is_future && g->cls == event_class::occurrence && g->pol == events::polarity::pos && g->when_value.empty())
          c.planned = true;
      if (c.planned) c.mergeable = true;
      cands.push_back(std::move(c));
    }
  }
  const auto ev_of = [&](const candidate& c) -> const event_mention& { return analyses[c.doc].events[c.event]; };
  detail::string_map<std::size_t, std::string_view> cand_of;  // "<doc>:e5" -> candidate
  cand_of.reserve(cands.size());
  for (std::size_t k = 0; k < cands.size(); ++k) cand_of[cands[k].qualified] = k;
  // The candidate of event `local` ("e5") of document `doc`, or nullptr.
  std::string lookup_key;
  const auto candidate_of = [&](std::string_view doc, std::string_view local) -> const std::size_t* {
    lookup_key.assign(doc);
    lookup_key += ':';
    lookup_key += local;
    return cand_of.find(lookup_key);
  };
  // A mention the events stage calls another mention of an event of its document ("Trump lowered
  // duties on most other countries to 10%": the duties are the lowering) is that event, whether
  // or not either has a date to merge by: it follows the event (through a chain of such mentions,
  // if any) and takes no part in clustering.
  {
    for (std::size_t k = 0; k < cands.size(); ++k) {
      std::size_t at = k;
      for (int step = 0; step < 8 && !ev_of(cands[at]).mention_of.empty(); ++step) {
        const auto* t = candidate_of(cands[at].doc_id, ev_of(cands[at]).mention_of);
        if (!t || *t == k) break;
        at = *t;
      }
      if (at == k || !ev_of(cands[at]).mention_of.empty()) continue;  // unknown id or a cycle
      cands[k].follows = at;
      cands[k].mergeable = cands[k].planned = cands[k].joins_only = cands[k].statement = false;
    }
  }
  // The candidate that stands for c in clustering: c, or the event it is a mention of.
  const auto leader = [&](std::size_t k) { return cands[k].follows ? *cands[k].follows : k; };
  // Finest dates first, then by content, so the clustering does not depend on input order.
  std::vector<std::size_t> by_content(cands.size());
  for (std::size_t k = 0; k < by_content.size(); ++k) by_content[k] = k;
  std::sort(by_content.begin(), by_content.end(), [&](std::size_t x, std::size_t y) {
    const auto& a = cands[x];
    const auto& b = cands[y];
    // Mentions that only join an event come last, when the events they join exist.
    return std::tie(a.joins_only, a.grain, ev_of(a).when_value, a.frame, a.doc_id, a.event) <
           std::tie(b.joins_only, b.grain, ev_of(b).when_value, b.frame, b.doc_id, b.event);
  });
  std::vector<std::vector<std::size_t>> clusters;
  std::vector<std::size_t> cluster_of(cands.size(), 0);
  detail::string_map<std::vector<std::size_t>, std::string_view> clusters_of_frame;  // mergeable clusters by frame
  // What a candidate is checked against, per mergeable cluster: compatibility depends on a
  // member's date value only (frame, polarity and plan agree within a cluster), so one member
  // per value stands for all; the score needs how many members share the value and each actor
  // token. This keeps merging linear in the members, however many mentions tell one event.
  struct value_count {
    std::string_view value;  // when_value
    std::size_t member = 0;  // the first member with it
    int count = 0;
  };
  struct cluster_summary {
    std::vector<value_count> by_value;
    std::vector<std::string_view> docs;  // documents of its members (a handful; for joins_only)
    std::vector<std::size_t> doc_indices;  // the same, as indices into analyses
    std::vector<std::string_view> another_docs;  // documents of its members that are `another`
    detail::string_map<int, std::string_view> members_with_token;
    std::vector<std::string_view> subjects, participants;  // sorted, distinct
    std::vector<std::string_view> dated_subjects, sentence_names;  // the same, with subject phrases
    std::vector<const events::quantity*> figures;         // members' amounts with a role
  };
  // Two tellings of a change whose figures for one amount share no value ("to 30%" and "to
  // 10%") are two changes, unless they name the same actor (then the sources disagree, and the
  // disagreement is reported below: "China raised tariffs to 125%" / "... to 120%").
  const auto figures_differ = [](const cluster_summary& sum, const event_mention& ev) {
    for (const auto& q : ev.quantities) {
      if (q.role.empty()) continue;
      bool same_amount = false, same_value = false;
      for (const auto* f : sum.figures) {
        if (f->kind != q.kind || f->role != q.role) continue;
        same_amount = true;
        if (f->value == q.value) same_value = true;
      }
      if (!same_amount) continue;
      if (same_value) return false;
      bool shared = false;  // any other figure of the candidate for that amount in the cluster
      for (const auto& r : ev.quantities)
        if (&r != &q && r.kind == q.kind && r.role == q.role)
          for (const auto* f : sum.figures)
            if (f->kind == r.kind && f->role == r.role && f->value == r.value) shared = true;
      if (!shared) return true;
    }
    return false;
  };
  // Documents tell one story when their proper nouns are alike (cosine of their profiles at
  // least `one_story_similarity`); a mention of another document joins a cluster only when its
  // document tells one story with a document of the cluster (one is enough: a short follow-up
  // names few people and places, and is like some articles of its story more than others).
  // Pairs are compared when first asked.
  const auto profiles = analyses.size() > 1 ? profiles_of(analyses) : std::vector<doc_profile>{};
  std::map<std::pair<std::size_t, std::size_t>, bool> one_story;
  const auto one_story_with = [&](std::size_t d, const std::vector<std::size_t>& docs) {
    for (const auto o : docs) {
      if (o == d) return true;
      const auto key = std::minmax(d, o);
      auto it = one_story.find(key);
      if (it == one_story.end()) {
        const double sim = similarity(profiles[d], profiles[o]);
        // A document without proper nouns (or untagged) says nothing either way.
        const bool unknown = profiles[d].empty() || profiles[o].empty();
        it = one_story.emplace(key, unknown || sim >= one_story_similarity).first;
      }
      if (it->second) return true;
    }
    return false;
  };
  std::vector<cluster_summary> summaries;
  for (auto k : by_content) {
    const auto& c = cands[k];
    if (c.follows) continue;  // placed with its event below
    const auto& ev = ev_of(c);
    std::optional<std::size_t> chosen;
    if (c.mergeable) {
      int best_score = -1;
      for (const auto cl : clusters_of_frame[c.frame]) {
        // Dates and frames must agree with every member; participants with the cluster as a whole.
        const auto& sum = summaries[cl];
        if (c.joins_only && std::find(sum.docs.begin(), sum.docs.end(), c.doc_id) == sum.docs.end()) continue;
        // Another of its kind is never what its own document told: neither way round.
        if (c.another && std::find(sum.docs.begin(), sum.docs.end(), c.doc_id) != sum.docs.end()) continue;
        if (std::find(sum.another_docs.begin(), sum.another_docs.end(), c.doc_id) != sum.another_docs.end()) continue;
        if (!one_story_with(c.doc, sum.doc_indices)) continue;
        bool all = true;
        int score = 0;
        for (const auto& v : sum.by_value) {
          if (!compatible(cands[v.member], c, ev_of(cands[v.member]), ev)) {
            all = false;
            break;
          }
          if (v.value == ev.when_value) score += 2 * v.count;
        }
        for (const auto& t : c.actor_tokens)
          if (const auto* n = sum.members_with_token.find(t)) score += *n;
        if (all && participants_contradict(sum.subjects, sum.participants, c.subject_tokens, c.actor_tokens)) all = false;
        // Who acted, with the names of a common-noun subject ("The Cypriot government"): they
        // contradict when neither side's appear anywhere in the other's sentences ("Danish
        // Ambassador Tyge Lehmann ... presenting" is the Danish delegation presenting).
        if (all && c.days &&
            participants_contradict(sum.dated_subjects, sum.sentence_names, c.dated_subjects, c.sentence_names))
          all = false;
        if (all && !intersects(sum.subjects, c.subject_tokens) && figures_differ(sum, ev)) all = false;
        if (all && score > best_score) {
          best_score = score;
          chosen = cl;
        }
      }
    }
    if (!chosen) {
      chosen = clusters.size();
      clusters.emplace_back();
      summaries.emplace_back();
      if (c.mergeable && !c.joins_only) clusters_of_frame[c.frame].push_back(*chosen);
    }
    clusters[*chosen].push_back(k);
    cluster_of[k] = *chosen;
    auto& sum = summaries[*chosen];
    const auto v = std::find_if(sum.by_value.begin(), sum.by_value.end(),
                                [&](const value_count& x) { return x.value == ev.when_value; });
    if (v == sum.by_value.end()) sum.by_value.push_back({ev.when_value, k, 1});
    else ++v->count;
    if (std::find(sum.docs.begin(), sum.docs.end(), c.doc_id) == sum.docs.end()) {
      sum.docs.push_back(c.doc_id);
      sum.doc_indices.push_back(c.doc);
    }
    if (c.another) sum.another_docs.push_back(c.doc_id);
    for (const auto& t : c.actor_tokens) ++sum.members_with_token[t];
    add_tokens(sum.subjects, c.subject_tokens);
    add_tokens(sum.dated_subjects, c.dated_subjects);
    add_tokens(sum.participants, c.actor_tokens);
    add_tokens(sum.sentence_names, c.sentence_names);
    for (const auto& q : ev.quantities)
      if (!q.role.empty()) sum.figures.push_back(&q);
  }

  // Drops the clusters a merge emptied, keeping the others' order.
  const auto drop_empty_clusters = [&] {
    std::vector<std::size_t> renumber(clusters.size(), 0);
    std::size_t kept = 0;
    for (std::size_t cl = 0; cl < clusters.size(); ++cl) {
      renumber[cl] = kept;
      if (!clusters[cl].empty()) {
        if (kept != cl) clusters[kept] = std::move(clusters[cl]);
        ++kept;
      }
    }
    clusters.resize(kept);
    for (auto& c : cluster_of) c = renumber[c];
  };
  // Moves every member of cluster `from` into cluster `into` (drop_empty_clusters() tidies up).
  const auto join_clusters = [&](std::size_t into, std::size_t from) {
    if (into == from) return false;
    for (const auto m : clusters[from]) {
      clusters[into].push_back(m);
      cluster_of[m] = into;
    }
    clusters[from].clear();
    return true;
  };
  // Joins the clusters of each pair of candidates, then drops the emptied ones.
  const auto join_pairs = [&](const std::vector<std::pair<std::size_t, std::size_t>>& pairs) {
    bool merged = false;
    for (const auto& [x, y] : pairs) merged = join_clusters(cluster_of[x], cluster_of[y]) || merged;
    if (merged) drop_empty_clusters();
  };
  // An undated event told again by other articles ("Xi invited Trump to visit China", "Mr. Xi's
  // invitation for him", "Xi invited him and first lady Melania Trump"): no date can merge it, so
  // it merges only when everything else agrees (src/merge/README.md, "Undated retellings"):
  //   - the same frame (a verb and its nominalization: invite / invitation), one mention per
  //     document (within a document the events stage says what is one event: mention_of);
  //   - who acted: each side names its agents, they share one, and no agent of one is only a
  //     patient of the other ("Xi invited Trump" is not "Trump invited Xi");
  //   - the others (patients, themes, places), when both name some, share one; for a lemma
  //     event_frames.tsv does not list as one referring occurrence, both must name some; the
  //     common noun a verb takes as its object counts ("revoke visas": object_noun), and a verb
  //     with no subject acts through its controller ("Mr. Trump's decision to revoke");
  //   - the same factuality (what happened vs what is planned: factuality_rules), positive;
  //   - bounds that overlap, and the documents share a dated event told by several of them (the
  //     June 5 call): articles of one story, not two stories that use the same words.
  // Candidates are taken in a content order (frame, document id, mention), so input order does
  // not matter; a group keeps what every member must agree with, so this stays linear in its
  // members.
  const auto merge_undated_retellings = [&] {
    const auto& lex = frame_lexicon();
    // Dated story events told by at least two documents: what the documents' stories share.
    std::vector<std::vector<std::size_t>> anchors_of_doc(analyses.size());  // sorted cluster ids
    {
      std::vector<std::size_t> docs;
      for (std::size_t cl = 0; cl < clusters.size(); ++cl) {
        const auto& members = clusters[cl];
        if (members.size() < 2 || !cands[members.front()].days) continue;
        docs.clear();
        for (const auto m : members) docs.push_back(cands[m].doc);
        std::sort(docs.begin(), docs.end());
        docs.erase(std::unique(docs.begin(), docs.end()), docs.end());
        if (docs.size() < 2) continue;
        for (const auto d : docs) anchors_of_doc[d].push_back(cl);
      }
    }
    struct retelling {
      std::size_t cand = 0;
      token_list agents;       // who acted: its subjects, or a passive's "by" phrase
      std::string_view frame;  // the candidate's, or for a reciprocal verb the act it answers
      bool listed = false;     // a lemma event_frames.tsv lists as one referring occurrence
      factuality fact = factuality::none;
      token_list others;  // participants that are not agents
      std::vector<std::size_t> objects;  // clusters of the event nouns it acts on ("violated the agreement")
      day_bounds bounds;
      std::string theme;  // the common noun it acts on (object_noun: "revoke visas" -> visa), or ""
      bool agentless = false;  // names no one who acted: joins the one group it fits (below)
    };
    std::vector<retelling> told;
    // The event nouns each event acts on in the parse (governing_event), per document, built when
    // a document has a retelling.
    std::vector<std::vector<std::vector<std::size_t>>> governed(analyses.size());
    const auto objects_of = [&](const candidate& c) {
      auto& gov = governed[c.doc];
      const auto& evs = analyses[c.doc].events;
      if (gov.empty()) {
        gov.resize(evs.size());
        for (std::size_t e = 0; e < evs.size(); ++e)
          if (const auto* g = governing_event(analyses[c.doc].annotated, evs, evs[e]))
            gov[static_cast<std::size_t>(g - evs.data())].push_back(e);
      }
      std::vector<std::size_t> found;
      for (const auto e : gov[c.event])
        if (const auto* k = candidate_of(c.doc_id, evs[e].id)) found.push_back(cluster_of[leader(*k)]);
      std::sort(found.begin(), found.end());
      found.erase(std::unique(found.begin(), found.end()), found.end());
      return found;
    };
    std::vector<std::optional<date::sys_days>> dct_day(analyses.size());
    for (std::size_t d = 0; d < analyses.size(); ++d)
      if (const auto& dct = analyses[d].annotated.doc.dct) dct_day[d] = relations::first_day(dct->iso().substr(0, 10));
    for (std::size_t k = 0; k < cands.size(); ++k) {
      const auto& c = cands[k];
      const auto& ev = ev_of(c);
      // A passive's subjects are what it was done to ("Trump was invited by Xi"): not compared.
      // A passive's subjects are what it was done to: its agents are the parse's "by" phrase, and
      // without one it is not compared.
      token_list agents = c.passive ? passive_agents(analyses[c.doc].annotated, ev) : active_agents(analyses[c.doc].annotated, ev);
      // A verb with no subject of its own acts through what controls it (`controller_agents`):
      // "Mr. Trump's decision to revoke visas" is Trump's revoking, "Xi asked Trump to revoke"
      // Trump's (the events stage gives it the governing verb's subject, Xi).
      if (!c.passive)
        if (auto ctl = controller_agents(analyses[c.doc].annotated, analyses[c.doc].events, ev);
            ctl && (agents.empty() || !ctl->empty()))
          agents = std::move(*ctl);
      const auto theme = c.passive ? std::string{} : object_noun(analyses[c.doc].annotated, ev);
      // A dated intention ("Trump had requested the call", dated by "said earlier Thursday"), which
      // date merging leaves alone (only occurrences and states merge by date), is compared as a
      // retelling with its days as its bounds: a retelling it contradicts stays apart.
      const bool dated_intention =
          c.days && !c.mergeable && ev.cls == event_class::i_action && ev.when_anchor != "dct";
      // A passive without a "by" phrase names no one who acted ("the call was initiated at Trump's
      // request"): it is compared only when it acts on a story event, and then joins the one group
      // of its frame acting on that event (below).
      // An active verb whose agent no one names (nor its controller: "his administration has vowed
      // to revoke some of their visas") but whose object is a common noun is compared the same
      // way: it joins the one group that acts on that noun.
      const bool agentless = agents.empty() && (c.passive || !theme.empty());
      if ((c.days && !dated_intention) || c.follows || (agents.empty() && !agentless) ||
          clusters[cluster_of[k]].size() != 1)
        continue;
      // The beginning or end of an event (`is_once_phase`: "concluded the call") is compared too:
      // an event has one of each, so two articles' tellings of it are one event (checked below:
      // only when it acts on a story event).
      const bool phase = ev.cls == event_class::aspectual && is_once_phase(ev.lemma);
      if (ev.cls != event_class::occurrence && ev.cls != event_class::i_action && !phase) continue;
      if (anchors_of_doc[c.doc].empty()) continue;
      const auto& doc_events = analyses[c.doc].events;
      const auto& annotated = analyses[c.doc].annotated;
      retelling r;
      r.cand = k;
      // An intention noun in an adjunct ("the call was initiated at Trump's request", "held phone
      // talks ... at the latter's request") asks for the event of the clause it modifies: it is as
      // real as that event, and that event is what it acts on.
      const auto* clause = adjunct_clause_event(annotated, doc_events, ev);
      if (clause && ev.pol == events::polarity::pos) {
        const event_mention* told_by = clause;  // a noun's light verb tells its tense
        if (clause->pos != text::upos::verb)
          for (const auto& x : doc_events)
            if (x.pos == text::upos::verb && x.mention_of == clause->id) told_by = &x;
        r.fact = factuality_of(*told_by, dct_day[c.doc], governing_event(annotated, doc_events, *told_by));
      } else {
        r.fact = factuality_of(ev, dct_day[c.doc], governing_event(annotated, doc_events, ev));
        // A participle clause of time is as real as what it hangs on ("announced the talks after
        // concluding a lengthy phone call": the concluding happened).
        if (r.fact == factuality::none && ev.pol == events::polarity::pos)
          if (const auto* h = veridical_clause_head(annotated, doc_events, ev);
              h && factuality_of(*h, dct_day[c.doc], governing_event(annotated, doc_events, *h)) == factuality::happened)
            r.fact = factuality::happened;
      }
      if (r.fact == factuality::none || negated_in_parse(annotated, ev)) continue;
      r.frame = c.frame;
      r.listed = lex.has_frame(ev.lemma) && lex.frame_refers_back(c.frame);
      r.agentless = agentless;
      r.theme = theme;
      // An agentless passive's participants to compare are what it was done to (its subjects):
      // an oblique ("at Trump's request") names neither who acted nor what was acted on.
      if (agentless && c.passive) r.others = c.subject_tokens;
      else
        for (const auto& t : c.actor_tokens)
          if (!std::binary_search(agents.begin(), agents.end(), t)) r.others.push_back(t);
      // A reciprocal verb with no object ("Xi invited him ..., and I reciprocated") is the act it
      // answers, done back: the nearest earlier event of its sentence (else the sentence before)
      // of a listed frame whose agents are not the reciprocator but take it as a participant
      // ("invited him": not "him ... to visit China", his own act). Its frame, its agents as
      // the patients.
      if (std::find(std::begin(reciprocal_verbs), std::end(reciprocal_verbs), ev.lemma) != std::end(reciprocal_verbs) &&
          !has_object(analyses[c.doc].annotated, ev)) {
        const auto& evs = analyses[c.doc].events;
        const event_mention* answered = nullptr;
        const candidate* answered_cand = nullptr;
        for (int back = 0; back < 2 && !answered && ev.sentence >= static_cast<std::size_t>(back); ++back) {
          const auto sentence = ev.sentence - static_cast<std::size_t>(back);
          for (std::size_t e = evs.size(); e-- > 0 && !answered;) {
            const auto& x = evs[e];
            if (x.sentence != sentence || x.span.begin >= ev.span.begin || x.pol != events::polarity::pos) continue;
            if (x.cls != event_class::occurrence && x.cls != event_class::i_action) continue;
            if (!lex.has_frame(x.lemma)) continue;
            const auto* xk = candidate_of(c.doc_id, x.id);
            if (!xk) continue;
            const auto& xc = cands[*xk];
            if (xc.passive || xc.subject_tokens.empty() || intersects(xc.subject_tokens, agents)) continue;
            if (!intersects(xc.actor_tokens, agents)) continue;
            answered = &x;
            answered_cand = &xc;
          }
        }
        if (answered) {
          r.frame = answered_cand->frame;
          r.listed = lex.frame_refers_back(r.frame);
          r.others = answered_cand->subject_tokens;
        }
      }
      r.objects = objects_of(c);
      if (phase && r.objects.empty()) continue;  // the beginning or end of no story event
      if (agentless && r.objects.empty() && r.theme.empty()) continue;  // done by no one named to nothing known
      // What an adjunct intention asks for: its clause's event (a light verb's noun: the talks of
      // "held phone talks"), and what a verb that begins an event begins ("the call was
      // initiated": the call).
      if (clause) {
        if (const auto* kc = candidate_of(c.doc_id, clause->id)) {
          r.objects.push_back(cluster_of[leader(*kc)]);
          if (std::find(std::begin(inceptive_verbs), std::end(inceptive_verbs), clause->lemma) != std::end(inceptive_verbs))
            for (const auto o : objects_of(cands[*kc])) r.objects.push_back(o);
          std::sort(r.objects.begin(), r.objects.end());
          r.objects.erase(std::unique(r.objects.begin(), r.objects.end()), r.objects.end());
        }
      }
      r.agents = std::move(agents);
      if (dated_intention)
        r.bounds = {c.days->begin, c.days->end - date::days{1}};
      else
        r.bounds.add(ev);
      told.push_back(std::move(r));
    }
    std::sort(told.begin(), told.end(), [&](const retelling& x, const retelling& y) {
      const auto& a = cands[x.cand];
      const auto& b = cands[y.cand];
      // Agentless passives after the other retellings of their frame: they join the groups those
      // make.
      return std::tie(x.frame, x.agentless, a.doc_id, a.event) < std::tie(y.frame, y.agentless, b.doc_id, b.event);
    });
    struct group {
      std::string_view frame;
      factuality fact = factuality::none;
      bool listed = false;          // a lemma event_frames.tsv lists as one referring occurrence
      token_list common_agents;     // agents every member names
      token_list agents, others;    // union over the members
      std::vector<std::size_t> objects;  // clusters the members act on (union)
      token_list themes;                 // common nouns the members act on (union)
      day_bounds bounds;
      std::vector<std::size_t> anchors;  // dated story events every member's document tells
      std::vector<std::size_t> docs, members;
    };
    std::vector<group> groups;
    std::size_t frame_begin = 0;  // first group of the current frame (told is sorted by frame)
    for (const auto& r : told) {
      const auto& c = cands[r.cand];
      const bool listed = r.listed;
      if (frame_begin < groups.size() && groups[frame_begin].frame != r.frame) frame_begin = groups.size();
      std::optional<std::size_t> chosen;
      std::size_t best = 0;
      std::vector<std::size_t> shared_anchors;
      // Whether the group acts on the common noun this one acts on ("revoke visas": `object_noun`).
      const auto shares_theme = [&](const group& gr) {
        return !r.theme.empty() && std::binary_search(gr.themes.begin(), gr.themes.end(), r.theme);
      };
      // A passive without a "by" phrase ("the call was initiated at Trump's request") joins the one
      // group of its frame that acts on the same story event, when nothing contradicts it (reality,
      // bounds, one story, what it was done to: not an agent of the group, and shared when both
      // name it). Two such groups (two initiators told) or none: it stays apart (a passive whose
      // subject is a story event may still join that event's predicates: see "predicates of a
      // story event" below).
      if (r.agentless) {
        std::size_t fitting = 0;
        for (std::size_t g = frame_begin; g < groups.size(); ++g) {
          const auto& gr = groups[g];
          if (gr.fact != r.fact || gr.listed != listed || !(intersects(gr.objects, r.objects) || shares_theme(gr))) continue;
          if (std::find(gr.docs.begin(), gr.docs.end(), c.doc) != gr.docs.end()) continue;
          if (intersects(gr.agents, r.others)) continue;
          if (!gr.others.empty() && !r.others.empty() && !intersects(gr.others, r.others)) continue;
          if (together(gr.bounds, r.bounds).empty()) continue;
          std::vector<std::size_t> anchors;
          const auto& mine = anchors_of_doc[c.doc];
          std::set_intersection(gr.anchors.begin(), gr.anchors.end(), mine.begin(), mine.end(), std::back_inserter(anchors));
          if (anchors.empty()) continue;
          ++fitting;
          chosen = g;
          shared_anchors = std::move(anchors);
        }
        if (fitting != 1) continue;  // who did it is not known
      } else {
        for (std::size_t g = frame_begin; g < groups.size(); ++g) {
          const auto& gr = groups[g];
          if (gr.fact != r.fact || gr.listed != listed) continue;
          if (std::find(gr.docs.begin(), gr.docs.end(), c.doc) != gr.docs.end()) continue;
          // Who acted: a shared agent, and no agent of one side only a patient of the other.
          if (!intersects(gr.common_agents, r.agents)) continue;
          bool swapped = false;
          for (const auto& t : r.agents)
            if (std::binary_search(gr.others.begin(), gr.others.end(), t) &&
                !std::binary_search(gr.agents.begin(), gr.agents.end(), t))
              swapped = true;
          for (const auto& t : gr.agents)
            if (std::binary_search(r.others.begin(), r.others.end(), t) &&
                !std::binary_search(r.agents.begin(), r.agents.end(), t))
              swapped = true;
          if (swapped) continue;
          // Patients and themes: shared when both name some (both must, for an unlisted lemma).
          // An event noun both act on that is one story event ("violated the agreement", "HAS
          // TOTALLY VIOLATED ITS AGREEMENT", "violated the compact": the Geneva agreement) is a
          // shared patient, whatever the words around it.
          // What is acted on as a common noun (`object_noun`: "revoke student visas", "revoke some of
          // their visas"), when both sides say, is the same noun, and it is a patient both name.
          if (!intersects(gr.objects, r.objects)) {
            const bool both = !gr.others.empty() && !r.others.empty();
            const bool both_themes = !gr.themes.empty() && !r.theme.empty();
            if (both && !intersects(gr.others, r.others)) continue;
            if (both_themes && !shares_theme(gr)) continue;
            if (!listed && !both && !both_themes) continue;
          }
          // Bounds overlap.
          if (together(gr.bounds, r.bounds).empty()) continue;
          // The documents tell one story.
          std::vector<std::size_t> anchors;
          const auto& mine = anchors_of_doc[c.doc];
          std::set_intersection(gr.anchors.begin(), gr.anchors.end(), mine.begin(), mine.end(), std::back_inserter(anchors));
          if (anchors.empty()) continue;
          const auto score = 1 + shared_tokens(gr.agents, r.agents) + shared_tokens(gr.others, r.others);
          if (score > best) {
            best = score;
            chosen = g;
            shared_anchors = std::move(anchors);
          }
        }
      }
      if (!chosen) {
        group gr;
        gr.frame = r.frame;
        gr.fact = r.fact;
        gr.listed = listed;
        gr.common_agents = r.agents;
        gr.agents = r.agents;
        gr.others = r.others;
        gr.objects = r.objects;
        if (!r.theme.empty()) add_tokens(gr.themes, token_list{r.theme});
        gr.bounds = r.bounds;
        gr.anchors = anchors_of_doc[c.doc];
        gr.docs.push_back(c.doc);
        gr.members.push_back(r.cand);
        groups.push_back(std::move(gr));
        continue;
      }
      auto& gr = groups[*chosen];
      if (!r.agentless) {  // an agentless passive names no agent to keep in common
        token_list common;
        std::set_intersection(gr.common_agents.begin(), gr.common_agents.end(), r.agents.begin(),
                              r.agents.end(), std::back_inserter(common));
        gr.common_agents = std::move(common);
      }
      add_tokens(gr.agents, r.agents);
      add_tokens(gr.others, r.others);
      add_tokens(gr.objects, r.objects);
      if (!r.theme.empty()) add_tokens(gr.themes, token_list{r.theme});
      gr.bounds.add(r.bounds);
      gr.anchors = std::move(shared_anchors);
      gr.docs.push_back(c.doc);
      gr.members.push_back(r.cand);
    }
    bool merged = false;
    for (const auto& gr : groups) {
      if (gr.members.size() < 2) continue;
      const auto into = cluster_of[gr.members.front()];
      for (std::size_t i = 1; i < gr.members.size(); ++i)
        merged = join_clusters(into, cluster_of[gr.members[i]]) || merged;
    }
    if (merged) drop_empty_clusters();
  };

  // Calls f(link, from, to) for each link of each document, in `order`, that `keep(link)` takes
  // and whose ends are two different story events (the candidates that lead them).
  const auto for_each_story_link = [&](auto&& keep, auto&& f) {
    for (auto d : order) {
      const auto& a = analyses[d];
      for (const auto& l : a.links) {
        if (!keep(l)) continue;
        const auto* from = candidate_of(a.annotated.doc.id, l.from);
        const auto* to = candidate_of(a.annotated.doc.id, l.to);
        if (from && to && leader(*from) != leader(*to)) f(l, leader(*from), leader(*to));
      }
    }
  };
  const auto is_causal_link = [](const relations::link& l) { return relations::is_causal(l.rel); };

  // ---- the same effect of the same cause
  // An undated event that no date can merge is still known by what caused it: "the call resulted
  // in a very positive conclusion", told twice by one article and once by another, is one
  // conclusion. Undated mentions of one lemma linked by the same causal rule to the same story
  // event (as effects, or as causes) are one event.
  {
    std::map<std::tuple<std::size_t, std::string, std::string_view, bool>, std::vector<std::size_t>> groups;
    for_each_story_link(is_causal_link, [&](const relations::link& l, std::size_t from, std::size_t to) {
      for (const bool effect : {true, false}) {
        const auto other = effect ? to : from, known = effect ? from : to;
        const auto& c = cands[other];
        if (c.days || c.mergeable || clusters[cluster_of[other]].size() != 1) continue;
        groups[{cluster_of[known], l.rule, ev_of(c).lemma, effect}].push_back(cluster_of[other]);
      }
    });
    bool merged = false;
    for (auto& [key, list] : groups) {
      std::sort(list.begin(), list.end());
      list.erase(std::unique(list.begin(), list.end()), list.end());
      for (std::size_t i = 1; i < list.size(); ++i) merged = join_clusters(list[0], list[i]) || merged;
    }
    if (merged) drop_empty_clusters();
  }
  // ---- the same event on the same side of the same event
  // "spoke on Jan. 17, prior to the U.S. president's inauguration" (one article) and "took place
  // in January before the U.S. president's inauguration" (another): undated event nouns of one
  // lemma that an ordering signal ("signal:" links: before, prior to, after, following ...) puts
  // on the same side of the same story event are one event, when both name participants, they
  // share one and none contradicts; so are undated verbs of one lemma whose subjects are event
  // nouns of one lemma and whose bounds are the same ("trade negotiations ... stalled after May
  // 12"), unless their subjects contradict. Told twice by one document, the events stage already
  // says whether it is one event; here only mentions of different documents join.
  {
    // (known event's cluster, side, lemma -- a verb's with its event-noun subject's), candidates
    std::map<std::tuple<std::size_t, relations::relation, std::string>, std::vector<std::size_t>> groups;
    const auto is_signal_link = [](const relations::link& l) {
      return l.rule.compare(0, 7, "signal:") == 0 && (l.rel == relations::relation::before || l.rel == relations::relation::after);
    };
    for_each_story_link(is_signal_link, [&](const relations::link& l, std::size_t from, std::size_t to) {
      // Seen from the known event: the noun lies after it (the known event BEFORE it) or before it.
      for (const bool noun_is_to : {true, false}) {
        const auto other = noun_is_to ? to : from, known = noun_is_to ? from : to;
        const auto& c = cands[other];
        const auto& ev = ev_of(c);
        if (c.days || c.mergeable || c.planned || clusters[cluster_of[other]].size() != 1) continue;
        const auto side = noun_is_to ? l.rel : relations::inverse(l.rel);
        if (ev.pos != text::upos::noun || c.actor_tokens.empty()) continue;
        groups[{cluster_of[known], side, ev.lemma}].push_back(other);
      }
    });
    // A verb whose subject is an event noun, bounded the same on both sides ("Trade negotiations
    // between the United States and China stalled shortly after a May 12 agreement" and "Trade
    // negotiations between the two rivals stalled after the May 12 Geneva talks": after May 12,
    // before the news), keyed by its bounds (no known event, no side: keys of their own). What
    // stalled is one event too: the subjects' candidates, by verb candidate.
    std::map<std::size_t, std::size_t> subject_event;
    // The candidate (its leader) of the event mention of candidate c's document that starts at
    // token `at`, if any.
    const auto event_at = [&](const candidate& c, std::size_t at) -> std::optional<std::size_t> {
      const auto begin = analyses[c.doc].annotated.tokens[at].span.begin;
      for (const auto& x : analyses[c.doc].events)
        if (x.span.begin == begin)
          if (const auto* k = candidate_of(c.doc_id, x.id)) return leader(*k);
      return std::nullopt;
    };
    // Undated participles that modify an event noun ("stalled trade negotiations"): participle
    // candidate -> the noun's.
    std::map<std::size_t, std::size_t> participles;
    // Per participle, the (verb, subject) candidates of each joined group it fits.
    std::map<std::size_t, std::vector<std::pair<std::size_t, std::size_t>>> told_of;
    for (std::size_t k = 0; k < cands.size(); ++k) {
      const auto& c = cands[k];
      const auto& ev = ev_of(c);
      if (c.days || c.follows || c.planned || ev.pos != text::upos::verb || ev.pol != events::polarity::pos ||
          clusters[cluster_of[k]].size() != 1)
        continue;
      const auto& doc = analyses[c.doc].annotated;
      const auto at = trigger_token(doc, ev);
      if (!at || doc.tokens[*at].deprel != "amod" || doc.tokens[*at].xpos != "VBN" || doc.tokens[*at].head < 0) continue;
      const auto head = doc.sentences[ev.sentence].first_token + static_cast<std::size_t>(doc.tokens[*at].head);
      if (const auto n = event_at(c, head); n && ev_of(cands[*n]).pos == text::upos::noun) participles[k] = *n;
    }
    for (std::size_t k = 0; k < cands.size(); ++k) {
      const auto& c = cands[k];
      const auto& ev = ev_of(c);
      if (c.days || c.follows || c.mergeable || c.planned || ev.pos != text::upos::verb ||
          ev.pol != events::polarity::pos || ev.when_not_before.empty() || ev.when_not_after.empty() ||
          clusters[cluster_of[k]].size() != 1)
        continue;
      const auto& doc = analyses[c.doc].annotated;
      const auto at = trigger_token(doc, ev);
      if (!at) continue;
      const auto& sent = doc.sentences[ev.sentence];
      auto subject = subject_token(doc, sent, *at);
      // A finite verb the parse hung as a reduced relative on a noun of a sentence with no verb
      // at its root ("Trade negotiations between the two rivals stalled after ...": "stalled"
      // under "rivals"): the root noun is its subject.
      if (!subject && doc.tokens[*at].deprel == "acl" && doc.tokens[*at].xpos == "VBN")
        for (std::size_t t = sent.first_token; t < sent.end_token && !subject; ++t)
          if (doc.tokens[t].head < 0 && doc.tokens[t].tag == text::upos::noun && t < *at) subject = t;
      if (!subject || doc.tokens[*subject].tag != text::upos::noun || !frame_lexicon().has_frame(doc.tokens[*subject].lemma))
        continue;
      groups[{clusters.size(), relations::relation::vague,
              ev.when_not_before + ' ' + ev.when_not_after + ' ' + ev.lemma + ' ' + lower(doc.tokens[*subject].lemma)}]
          .push_back(k);
      if (const auto n = event_at(c, *subject)) subject_event[k] = *n;
    }
    bool merged = false;
    for (auto& [key, list] : groups) {
      std::sort(list.begin(), list.end());
      list.erase(std::unique(list.begin(), list.end()), list.end());
      if (list.size() < 2) continue;
      // A noun's participants must share one and not contradict; a verb's subject is its event
      // noun, named the same on both sides: its other names (a place: "the May 12 Geneva talks")
      // say nothing against the other side's, only its subjects do.
      const bool verbs = ev_of(cands[list.front()]).pos == text::upos::verb;
      const auto agree = [&](std::size_t x, std::size_t y) {
        const auto &a = cands[x], &b = cands[y];
        if (a.doc == b.doc) return false;
        if (verbs) return !participants_contradict(a.subject_tokens, a.subject_tokens, b.subject_tokens, b.subject_tokens);
        return intersects(a.actor_tokens, b.actor_tokens) &&
               !participants_contradict(a.subject_tokens, a.actor_tokens, b.subject_tokens, b.actor_tokens);
      };
      // Only where every pair agrees: two inaugurations of two presidents stay two.
      bool all = true;
      for (std::size_t i = 0; i < list.size() && all; ++i)
        for (std::size_t j = i + 1; j < list.size() && all; ++j) all = agree(list[i], list[j]);
      if (!all) continue;
      for (std::size_t i = 1; i < list.size(); ++i)
        merged = join_clusters(cluster_of[list[0]], cluster_of[list[i]]) || merged;
      // The one event these verbs tell has one subject: their event nouns are one event, when
      // every verb has one and no time dates any of them.
      if (!verbs) continue;
      std::vector<std::size_t> subjects;
      for (const auto k : list)
        if (const auto it = subject_event.find(k); it != subject_event.end() && !cands[it->second].days)
          subjects.push_back(it->second);
      if (subjects.size() != list.size()) continue;
      for (std::size_t i = 1; i < subjects.size(); ++i)
        merged = join_clusters(cluster_of[subjects[0]], cluster_of[subjects[i]]) || merged;
      // A participle that modifies a noun of that lemma in another article of the story tells the
      // same of it ("an apparent effort to revive stalled trade negotiations"): the participle is
      // the verbs' event and its noun their subject, when its bounds admit theirs and the noun
      // names no one who contradicts them.
      const auto& verb = ev_of(cands[list[0]]);  // (the group's verb and subject: told_of)
      const auto& noun = ev_of(cands[subjects[0]]);
      std::vector<std::size_t> docs;
      for (const auto k : list) docs.push_back(cands[k].doc);
      for (const auto& [p, n] : participles) {
        const auto &cp = cands[p], &cn = cands[n];
        const auto &pe = ev_of(cp), &ne = ev_of(cn);
        if (pe.lemma != verb.lemma || ne.lemma != noun.lemma || cn.days || !one_story_with(cp.doc, docs) ||
            std::find(docs.begin(), docs.end(), cp.doc) != docs.end())
          continue;
        const auto na = relations::last_day(pe.when_not_after), nb = relations::first_day(verb.when_not_before);
        if (na && nb && *na < *nb) continue;
        if (participants_contradict(cn.subject_tokens, cn.actor_tokens, cands[subjects[0]].subject_tokens,
                                    cands[subjects[0]].actor_tokens))
          continue;
        told_of[p].push_back({list[0], subjects[0]});
      }
    }
    // A participle that fits two such events (two stalls of the negotiations) joins neither.
    for (const auto& [p, events] : told_of) {
      if (events.size() != 1) continue;
      merged = join_clusters(cluster_of[events[0].first], cluster_of[p]) || merged;
      merged = join_clusters(cluster_of[events[0].second], cluster_of[participles.at(p)]) || merged;
    }
    if (merged) drop_empty_clusters();
  }
  // ---- what the writer takes as known is its story's one event of its frame
  // "since Trump's return to the White House", "since returning to office" and "prior to the U.S.
  // president's inauguration" (no time dates them) are "the Republican president, who returned
  // to the White House ... in January" of another article. An undated group of one frame (a
  // referring one, listed in event_frames.tsv) with a member that names a known event (the
  // relations stage's `presupposed`: a definite noun, a clause of time) is the one dated event of
  // that frame that its story's documents tell (`one_story_with`), when its bounds admit that
  // event's date, they share a participant, none contradicts and a process is not taken for an
  // outcome. For a noun, the cross-document form of the relations stage's definite reference
  // ("the call" takes its own document's call's date): a noun whose own document dates an event
  // of the frame is left to that stage. Not a group with another of its kind ("another attack").
  // Two such dated events, or none, leave it alone. Decided on the clusters as they are before
  // any move, so the order of the groups does not matter.
  {
    const auto& lex = frame_lexicon();
    // Per frame, the dated clusters with what the groups are compared with (gathered once), and
    // the documents that date an event of it.
    struct dated_event {
      std::size_t cluster = 0;
      timex::day_interval days;
      token_list subjects, participants;
      std::vector<std::size_t> docs;
      std::set<std::string_view> kinds;
    };
    std::map<std::string_view, std::vector<dated_event>> dated_of_frame;
    std::set<std::pair<std::string_view, std::size_t>> dating_docs;
    for (std::size_t cl = 0; cl < clusters.size(); ++cl) {
      const auto& lead = cands[clusters[cl].front()];
      if (!lead.days) continue;
      auto& d = dated_of_frame[lead.frame].emplace_back();
      d.cluster = cl;
      d.days = *lead.days;
      for (const auto m : clusters[cl]) {
        const auto& c = cands[m];
        dating_docs.emplace(lead.frame, c.doc);
        add_tokens(d.subjects, c.subject_tokens);
        add_tokens(d.participants, c.actor_tokens);
        d.docs.push_back(c.doc);
        d.kinds.insert(c.kind);
      }
    }
    std::vector<std::pair<std::size_t, std::size_t>> moves;  // (dated cluster, undated cluster)
    std::vector<std::size_t> docs;
    for (std::size_t cl = 0; cl < clusters.size(); ++cl) {
      const auto& members = clusters[cl];
      const auto frame = cands[members.front()].frame;
      if (frame.empty() || !lex.frame_refers_back(frame)) continue;
      const auto it = dated_of_frame.find(frame);
      if (it == dated_of_frame.end()) continue;
      bool fits = true, has_definite = false;
      day_bounds bounds;
      token_list subjects, participants;
      std::set<std::string_view> kinds;
      docs.clear();
      for (const auto m : members) {
        const auto& c = cands[m];
        const auto& ev = ev_of(c);
        // A noun whose own document dates its frame was left undated by the relations stage's
        // definite reference, which reads that document better; a clause of time it does not read.
        if (c.days || c.planned || c.another || c.frame != frame || ev.pol != events::polarity::pos ||
            (ev.pos != text::upos::verb && dating_docs.count({frame, c.doc}))) {
          fits = false;
          break;
        }
        // A lemma with a frame of the table (its own row, a phrase row or its verb's).
        const bool listed = lex.has_frame(ev.lemma) || ev.frame != ev.lemma;
        has_definite = has_definite || (!c.follows && listed && ev.presupposed);
        bounds.add(ev);
        // What the writer takes as known happened by the day it is written ("Asked to comment on
        // Castro's announcement" in a March 29 article is no April 3 announcement).
        if (const auto& dct = analyses[c.doc].annotated.doc.dct)
          bounds.tighten(std::nullopt, relations::last_day(dct->iso().substr(0, 10)));
        if (!c.kind.empty()) kinds.insert(c.kind);
        add_tokens(subjects, c.subject_tokens);
        add_tokens(participants, c.actor_tokens);
        docs.push_back(c.doc);
      }
      if (!fits || !has_definite || participants.empty()) continue;
      std::optional<std::size_t> found;
      bool ambiguous = false;
      for (const auto& d : it->second) {
        if (!bounds.admits(d.days)) continue;
        // A process is not its outcome ("Japan's security agreement" is no summit of its frame).
        const bool same_kind =
            kinds.empty() || std::any_of(kinds.begin(), kinds.end(), [&](std::string_view k) { return d.kinds.count(k); });
        if (!same_kind || !intersects(participants, d.participants) ||
            participants_contradict(subjects, participants, d.subjects, d.participants) ||
            std::none_of(docs.begin(), docs.end(), [&](std::size_t doc) { return one_story_with(doc, d.docs); }))
          continue;
        ambiguous = ambiguous || found;
        found = d.cluster;
      }
      if (found && !ambiguous) moves.emplace_back(*found, cl);
    }
    bool merged = false;
    for (const auto& [into, from] : moves) merged = join_clusters(into, from) || merged;
    if (merged) drop_empty_clusters();
  }
  // An undated mention told as happening and as the one of its kind: not dated, planned, another
  // of its kind, told as following another or negated. What the sieves of undated nouns that a
  // document names again read.
  const auto plain_undated = [&](const candidate& c) {
    return !c.days && !c.planned && !c.another && !c.follows && ev_of(c).pol == events::polarity::pos;
  };
  // What those sieves read of one cluster: its nouns' names, documents, bounds and participants.
  struct noun_group {
    std::size_t cluster = 0;
    bool plain = true;   // every member a noun and `plain_undated`
    bool known = false;  // with a member its writer takes as known (`presupposed`)
    day_bounds bounds;
    token_list participants;
    std::set<std::tuple<std::size_t, std::string_view, std::string>> names;  // (doc, lemma, compounds)
    std::set<std::size_t> docs;

    [[nodiscard]] std::size_t doc() const { return *docs.begin(); }
    /// Bounds that overlap and participants that share one where both name any.
    [[nodiscard]] bool agrees_with(const noun_group& o) const {
      return bounds.overlaps(o.bounds) &&
             (participants.empty() || o.participants.empty() || intersects(participants, o.participants));
    }
  };
  const auto noun_group_of = [&](std::size_t cl) {
    noun_group g;
    g.cluster = cl;
    for (const auto m : clusters[cl]) {
      const auto& c = cands[m];
      const auto& ev = ev_of(c);
      if (ev.pos != text::upos::noun) {
        g.plain = false;
        continue;
      }
      g.plain = g.plain && plain_undated(c);
      g.names.emplace(c.doc, ev.lemma, compound_words(analyses[c.doc].annotated, ev));
      g.known = g.known || ev.presupposed;
      g.bounds.add(ev);
      add_tokens(g.participants, c.actor_tokens);
      g.docs.insert(c.doc);
    }
    return g;
  };
  // ---- one named thing the story takes as known
  // "since the start of the trade war" (002) and "in the ongoing trade war" (004): undated groups
  // of event nouns of one lemma and the same compounds (`compound_words`, at least one: "the war"
  // says too little), each told by one document and with a member its writer takes as known
  // (`presupposed`), told by documents of one story, are one event when no other group of the
  // story has a noun of that name (dated, planned, another of its kind, or with a member of
  // another lemma), no document tells two such groups, their bounds overlap and their
  // participants, where both name any, share one. A name one document tells apart may recur
  // (each day's "morning session"): it joins no other document's (the document's own groups are
  // joined by "an undated thing one article tells again", below).
  {
    std::map<std::pair<std::string_view, std::string>, std::vector<noun_group>> by_name;
    std::set<std::pair<std::string_view, std::string>> taken;
    for (std::size_t cl = 0; cl < clusters.size(); ++cl) {
      auto g = noun_group_of(cl);
      std::set<std::pair<std::string_view, std::string>> names;
      for (const auto& [doc, lemma, compounds] : g.names) names.emplace(lemma, compounds);
      if (g.plain && g.known && g.docs.size() == 1 && names.size() == 1 && !names.begin()->second.empty())
        by_name[*names.begin()].push_back(std::move(g));
      else
        taken.insert(names.begin(), names.end());
    }
    bool merged = false;
    for (const auto& [name, groups] : by_name) {
      if (groups.size() < 2 || taken.count(name)) continue;
      bool fits = true;
      std::vector<std::size_t> docs;
      for (std::size_t i = 0; i < groups.size() && fits; ++i) {
        const auto& a = groups[i];
        fits = docs.empty() || one_story_with(a.doc(), docs);
        for (std::size_t j = 0; j < i && fits; ++j) fits = a.doc() != groups[j].doc() && a.agrees_with(groups[j]);
        docs.push_back(a.doc());
      }
      if (!fits) continue;
      for (std::size_t i = 1; i < groups.size(); ++i)
        merged = join_clusters(groups[0].cluster, groups[i].cluster) || merged;
    }
    if (merged) drop_empty_clusters();
  }
  // ---- an undated thing one article tells again
  // "reached an agreement in principle for the acquisition of Weisfield's" ... "the acquisition
  // is subject to a definitive agreement": undated groups of event nouns of one lemma, each told
  // by one document, taken in the document's order. A group with a member its writer takes as
  // known (`presupposed`) joins the one chain before it that a group told as real (not
  // `hypothetical`) or as known began, whose every group it agrees with (bounds that overlap,
  // participants that share one where both name any, the same number, complements that share one
  // where both have any: `complement_words`, "the decision to double tariffs" is not "the
  // decision to revoke visas"), and whose first compounds it repeats or drops ("the Kenya embassy
  // bombing", "the bombing"), never adds. With no such chain, or two, it begins its own. A name
  // (lemma and compounds) the document also tells otherwise (dated, planned, another of its kind,
  // grouped with another lemma) is left alone, and report nouns have their own rule ("the
  // statement an article has told", below).
  {
    struct told_group : noun_group {
      std::size_t first = std::numeric_limits<std::size_t>::max();  // its first mention's place
      bool real = false;  // with a member not `hypothetical`
      std::string compounds;
      std::vector<std::string> complements;
      std::optional<bool> plural;
    };
    std::map<std::pair<std::size_t, std::string_view>, std::vector<told_group>> by_lemma;  // (doc, lemma)
    // Names (lemma and compounds) the document tells otherwise.
    std::set<std::tuple<std::size_t, std::string_view, std::string>> taken;
    for (std::size_t cl = 0; cl < clusters.size(); ++cl) {
      told_group g;
      static_cast<noun_group&>(g) = noun_group_of(cl);
      std::set<std::string_view> lemmas;
      for (const auto& [doc, lemma, compounds] : g.names) lemmas.insert(lemma);
      bool fits = g.plain && g.docs.size() == 1 && lemmas.size() == 1;
      for (const auto m : clusters[cl]) {
        if (!fits) break;
        const auto& c = cands[m];
        const auto& ev = ev_of(c);
        const auto& doc = analyses[c.doc].annotated;
        auto compounds = compound_words(doc, ev);
        auto complements = complement_words(doc, ev);
        if (report_noun(ev) || (!compounds.empty() && !g.compounds.empty() && compounds != g.compounds) ||
            (!complements.empty() && !g.complements.empty() && !intersects(complements, g.complements)))
          fits = false;
        if (g.compounds.empty()) g.compounds = std::move(compounds);
        add_tokens(g.complements, complements);
        if (const auto at = trigger_token(doc, ev)) {
          const bool plural = doc.tokens[*at].xpos == "NNS" || doc.tokens[*at].xpos == "NNPS";
          if (g.plural && *g.plural != plural) fits = false;
          g.plural = plural;
        }
        g.real = g.real || !hypothetical(doc, ev);
        g.first = std::min(g.first, c.event);
      }
      if (fits)
        by_lemma[{g.doc(), *lemmas.begin()}].push_back(std::move(g));
      else
        taken.insert(g.names.begin(), g.names.end());
    }
    const auto agree = [](const told_group& a, const told_group& b) {
      return a.plural == b.plural && a.agrees_with(b) &&
             (a.complements.empty() || b.complements.empty() || intersects(a.complements, b.complements));
    };
    // A later mention may repeat the name a chain began with, or drop it, but not add one ("a
    // request by Elian's father" is not "the asylum request").
    const auto named_as = [](const told_group& g, const std::vector<const told_group*>& chain) {
      return g.compounds.empty() || g.compounds == chain.front()->compounds;
    };
    bool merged = false;
    for (auto& [key, groups] : by_lemma) {
      // Not a name the document tells otherwise.
      groups.erase(std::remove_if(groups.begin(), groups.end(),
                                  [&, &key = key](const told_group& g) {
                                    return taken.count({key.first, key.second, g.compounds}) > 0;
                                  }),
                   groups.end());
      if (groups.size() < 2) continue;
      // In the document's order, a group its writer takes as known joins the one chain before it
      // that it agrees with in full and that a real or known group began ("HARD TO MAKE A DEAL
      // WITH" is no deal "that deal" names); with none, or two, it starts its own.
      std::sort(groups.begin(), groups.end(), [](const told_group& a, const told_group& b) { return a.first < b.first; });
      std::vector<std::vector<const told_group*>> chains;
      for (const auto& g : groups) {
        std::vector<std::size_t> fitting;
        for (std::size_t k = 0; k < chains.size() && g.known; ++k) {
          const auto& chain = chains[k];
          const bool begun = chain.front()->real || chain.front()->known;
          if (begun && named_as(g, chain) &&
              std::all_of(chain.begin(), chain.end(), [&](const told_group* o) { return agree(g, *o); }))
            fitting.push_back(k);
        }
        if (fitting.size() == 1) {
          merged = join_clusters(chains[fitting[0]].front()->cluster, g.cluster) || merged;
          chains[fitting[0]].push_back(&g);
        } else {
          chains.push_back({&g});
        }
      }
    }
    if (merged) drop_empty_clusters();
  }
  // ---- an undated event noun known by what it did
  // "violating an agreement that brought down tariffs": an undated noun of a referring frame that
  // its document says caused a change (`causal.agent`: the verb it is the subject of, or its
  // relative clause) is the one dated story event of its frame that causes changes of that frame
  // and direction (the May 12 agreement caused the 30% and the 10% cuts: `down tariff`), when its
  // own document tells that event, its bounds admit that event's date and its participants do not
  // contradict it. Two such events (or none) leave it alone.
  {
    const auto& lex = frame_lexicon();
    struct known_cause {
      std::size_t cluster = 0;
      std::string_view frame, effect_frame;
      timex::day_interval days;
    };
    std::vector<known_cause> causes;
    std::vector<std::pair<std::size_t, std::size_t>> nouns;  // (candidate, effect candidate)
    for_each_story_link(is_causal_link, [&](const relations::link& l, std::size_t from, std::size_t to) {
      if (l.rel != relations::relation::causes) return;
      const auto& c = cands[from];
      if (c.days) {
        causes.push_back({cluster_of[from], c.frame, cands[to].frame, *c.days});
        return;
      }
      const auto& ev = ev_of(c);
      if (l.rule != "causal.agent" || ev.pos != text::upos::noun || ev.pol != events::polarity::pos || c.mergeable ||
          clusters[cluster_of[from]].size() != 1 || !lex.has_frame(ev.lemma) || !lex.frame_refers_back(c.frame) ||
          !lex.is_change(ev_of(cands[to]).lemma))
        return;
      nouns.emplace_back(from, to);
    });
    bool moved = false;
    for (const auto& [n, effect] : nouns) {
      const auto& c = cands[n];
      const auto& ev = ev_of(c);
      std::optional<known_cause> found;
      bool ambiguous = false;
      for (const auto& k : causes) {
        if (k.frame != c.frame || k.effect_frame != cands[effect].frame || k.cluster == cluster_of[n]) continue;
        if (found && found->cluster != k.cluster) ambiguous = true;
        found = k;
      }
      if (!found || ambiguous) continue;
      auto& into = clusters[found->cluster];
      const bool told = std::any_of(into.begin(), into.end(), [&](std::size_t m) { return cands[m].doc == c.doc; });
      if (!told) continue;
      const auto nb = relations::first_day(ev.when_not_before), na = relations::last_day(ev.when_not_after);
      if ((nb && *nb >= found->days.end) || (na && *na < found->days.begin)) continue;
      token_list subjects, participants;
      for (const auto m : into) {
        add_tokens(subjects, cands[m].subject_tokens);
        add_tokens(participants, cands[m].actor_tokens);
      }
      if (participants_contradict(subjects, participants, c.subject_tokens, c.actor_tokens)) continue;
      clusters[cluster_of[n]].clear();
      into.push_back(n);
      cluster_of[n] = found->cluster;
      moved = true;
    }
    if (moved) drop_empty_clusters();
  }
  // ---- what reports quote
  // The quotations each dated report of a named speaker introduces (`quotations_of`), with the
  // hashes of their runs of `quote_run` words: one statement quoted by several documents, and the
  // events inside it, are found by the runs they share.
  constexpr std::size_t quote_run = 8;
  struct quoting_report {
    std::size_t cand = 0;
    std::vector<quotation> quotes;
    std::vector<std::vector<std::uint64_t>> run_at;  // per quotation, the run starting at each word
    std::vector<std::uint64_t> runs;                 // sorted distinct hashes of all its runs
  };
  std::vector<quoting_report> quoting;  // in candidate (document id) order
  {
    std::string joined;
    for (std::size_t k = 0; k < cands.size(); ++k) {
      const auto& c = cands[k];
      const auto& ev = ev_of(c);
      if (ev.cls != event_class::reporting || ev.pol != events::polarity::pos || !c.days || c.follows ||
          c.subject_tokens.empty())
        continue;
      quoting_report q;
      q.cand = k;
      q.quotes = quotations_of(analyses[c.doc].annotated, analyses[c.doc].events, ev);
      for (const auto& quote : q.quotes) {
        auto& at = q.run_at.emplace_back();
        for (std::size_t i = 0; i + quote_run <= quote.words.size(); ++i) {
          joined.clear();
          for (std::size_t j = i; j < i + quote_run; ++j) {
            joined += quote.words[j];
            joined += ' ';
          }
          at.push_back(fnv1a(joined));
        }
        q.runs.insert(q.runs.end(), at.begin(), at.end());
      }
      if (q.runs.empty()) continue;
      std::sort(q.runs.begin(), q.runs.end());
      q.runs.erase(std::unique(q.runs.begin(), q.runs.end()), q.runs.end());
      quoting.push_back(std::move(q));
    }
  }
  // ---- one statement quoted by several documents
  // Reports of the same speaker on the same day that quote the same words (a run of
  // `quote_run` words in common: "“Our respective teams will be meeting shortly at a location to
  // be determined,” Trump wrote", told by two articles) report one statement. Every member of a
  // group shares a run with every other, one mention per document (within a document the events
  // stage says what is one event); a paraphrase, another day or another speaker stays apart.
  {
    struct quoted {
      std::size_t cand = 0;
      const std::vector<std::uint64_t>& runs;
    };
    std::vector<quoted> qs;
    for (const auto& q : quoting)
      if (clusters[cluster_of[q.cand]].size() == 1) qs.push_back({q.cand, q.runs});
    struct statement {
      std::vector<std::size_t> members;  // into qs
      token_list speakers;               // every member's
    };
    std::vector<statement> statements;
    // The statements a run is quoted in: a report is compared only with statements that share one
    // of its runs, so this stays linear however many statements a speaker makes.
    std::unordered_map<std::uint64_t, std::vector<std::size_t>> statements_of_run;
    std::vector<std::size_t> sharing;
    for (std::size_t i = 0; i < qs.size(); ++i) {
      const auto& c = cands[qs[i].cand];
      sharing.clear();
      for (const auto r : qs[i].runs)
        if (const auto it = statements_of_run.find(r); it != statements_of_run.end())
          sharing.insert(sharing.end(), it->second.begin(), it->second.end());
      std::sort(sharing.begin(), sharing.end());
      sharing.erase(std::unique(sharing.begin(), sharing.end()), sharing.end());
      statement* chosen = nullptr;
      std::size_t chosen_index = statements.size();
      for (const auto si : sharing) {
        auto& st = statements[si];
        if (!intersects(st.speakers, c.subject_tokens)) continue;
        bool all = true;
        for (const auto m : st.members) {
          const auto& o = cands[qs[m].cand];
          if (o.doc == c.doc || o.days->begin != c.days->begin || o.days->end != c.days->end ||
              !intersects(qs[m].runs, qs[i].runs)) {
            all = false;
            break;
          }
        }
        if (all) {
          chosen = &st;
          chosen_index = si;
          break;
        }
      }
      for (const auto r : qs[i].runs) {
        auto& list = statements_of_run[r];
        if (list.empty() || list.back() != chosen_index) list.push_back(chosen_index);
      }
      if (!chosen) {
        statements.push_back({{i}, c.subject_tokens});
        continue;
      }
      chosen->members.push_back(i);
      token_list common;
      std::set_intersection(chosen->speakers.begin(), chosen->speakers.end(), c.subject_tokens.begin(),
                            c.subject_tokens.end(), std::back_inserter(common));
      chosen->speakers = std::move(common);
    }
    bool merged = false;
    for (const auto& st : statements) {
      if (st.members.size() < 2) continue;
      const auto into = cluster_of[qs[st.members.front()].cand];
      for (std::size_t i = 1; i < st.members.size(); ++i)
        merged = join_clusters(into, cluster_of[qs[st.members[i]].cand]) || merged;
    }
    if (merged) drop_empty_clusters();
  }
  // ---- the same undated event told by several documents
  merge_undated_retellings();
  // ---- predicates of a story event
  // "The call lasted 90 minutes" (dated by the call), "the call, which he said lasted an hour and
  // a half" (undated), "the 1 1/2-hour conversation was focused almost entirely on trade"
  // (passive, undated): what is said of one story event by a verb whose subject it is, with the
  // same frame and polarity, is one event when nothing else disagrees. An undated mention that
  // happened, alone in its cluster, joins the cluster of the other mentions of the same frame
  // whose subject is the same story event (or starts a group other such mentions join), when
  //   - its document has no mention in that group, unless the nouns of their complements or
  //     their durations share one (a later sentence telling the same thing of the event);
  //   - its bounds admit the group's dates and overlap its bounds;
  //   - the durations its time expressions give share one with the group's, when both give
  //     some ("90 minutes" = "an hour and a half"; not "two hours");
  //   - the nouns of its complements share one with the group's, when both name some ("focused
  //     on trade" / "on trade disputes"; not "focused on Taiwan"), and so do a passive's agents.
  // Of several such groups, the one of most documents (then most shared words, then the first in
  // content order). Candidates are taken in a content order, so input order does not matter.
  if (analyses.size() > 1) {  // a mention joins another document's only
    struct predicate {
      std::size_t cand = 0;
      std::size_t subject = 0;  // the subject's cluster
      bool joiner = false;      // undated, alone, happened: may join a group
      predicate_content content;
      token_list agents;  // a passive's "by" phrase
      day_bounds bounds;
    };
    std::vector<predicate> preds;
    std::vector<std::optional<date::sys_days>> dct_days(analyses.size());
    for (std::size_t d = 0; d < analyses.size(); ++d)
      if (const auto& dct = analyses[d].annotated.doc.dct) dct_days[d] = relations::first_day(dct->iso().substr(0, 10));
    for (std::size_t k = 0; k < cands.size(); ++k) {
      const auto& c = cands[k];
      const auto& ev = ev_of(c);
      if (c.follows || ev.pos != text::upos::verb) continue;
      const bool phase = ev.cls == event_class::aspectual && is_once_phase(ev.lemma);
      if (ev.cls != event_class::occurrence && ev.cls != event_class::state && !phase) continue;
      const auto& a = analyses[c.doc];
      const auto* sub = subject_event(a.annotated, a.events, ev);
      if (!sub) continue;
      const auto* sk = candidate_of(c.doc_id, sub->id);
      if (!sk) continue;
      predicate p;
      p.cand = k;
      p.subject = cluster_of[leader(*sk)];
      if (p.subject == cluster_of[k]) continue;
      const bool alone = clusters[cluster_of[k]].size() == 1;
      p.joiner = !c.days && alone &&
                 factuality_of(ev, dct_days[c.doc], governing_event(a.annotated, a.events, ev)) == factuality::happened;
      if (!p.joiner && !c.days && alone) continue;  // undated and not told as having happened
      p.content = content_of(a.annotated, a.timexes, ev);
      if (c.passive) p.agents = passive_agents(a.annotated, ev);
      p.bounds.add(ev);
      preds.push_back(std::move(p));
    }
    std::sort(preds.begin(), preds.end(), [&](const predicate& x, const predicate& y) {
      const auto& a = cands[x.cand];
      const auto& b = cands[y.cand];
      const auto pa = ev_of(a).pol, pb = ev_of(b).pol;
      return std::tie(x.subject, a.frame, pa, x.joiner, a.doc_id, a.event) <
             std::tie(y.subject, b.frame, pb, y.joiner, b.doc_id, b.event);
    });
    struct group {
      std::size_t cluster = 0;
      std::vector<std::size_t> docs;  // documents of its predicates
      std::vector<timex::day_interval> dated;
      day_bounds bounds;  // of its undated predicates
      std::vector<double> durations;
      token_list words, agents;
    };
    std::vector<group> groups;
    std::vector<std::pair<std::size_t, std::size_t>> joins;  // (into, from) clusters
    const auto add_to = [&](group& g, const predicate& p) {
      const auto& c = cands[p.cand];
      if (std::find(g.docs.begin(), g.docs.end(), c.doc) == g.docs.end()) g.docs.push_back(c.doc);
      if (c.days) {
        if (std::none_of(g.dated.begin(), g.dated.end(), [&](const timex::day_interval& d) {
              return d.begin == c.days->begin && d.end == c.days->end;
            }))
          g.dated.push_back(*c.days);
      } else {
        g.bounds.add(p.bounds);
      }
      std::vector<double> durations;
      std::set_union(g.durations.begin(), g.durations.end(), p.content.durations.begin(), p.content.durations.end(),
                     std::back_inserter(durations));
      g.durations = std::move(durations);
      add_tokens(g.words, p.content.words);
      add_tokens(g.agents, p.agents);
    };
    std::size_t key_begin = 0;  // first group of the current key
    for (std::size_t i = 0; i < preds.size(); ++i) {
      const auto& p = preds[i];
      const auto& c = cands[p.cand];
      if (i > 0) {
        const auto& q = preds[i - 1];
        if (q.subject != p.subject || cands[q.cand].frame != c.frame || ev_of(cands[q.cand]).pol != ev_of(c).pol)
          key_begin = groups.size();
      }
      std::optional<std::size_t> chosen;
      if (!p.joiner) {
        for (std::size_t g = key_begin; g < groups.size() && !chosen; ++g)
          if (groups[g].cluster == cluster_of[p.cand]) chosen = g;
      } else {
        std::pair<std::size_t, std::size_t> best{0, 0};
        for (std::size_t g = key_begin; g < groups.size(); ++g) {
          const auto& gr = groups[g];
          // A second mention in one document joins only when what they say of the event is
          // alike ("the call that focused solely on trade disputes" and, later in the article,
          // "“The conversation was focused almost entirely on TRADE,” Mr. Trump said").
          if (std::find(gr.docs.begin(), gr.docs.end(), c.doc) != gr.docs.end() &&
              !intersects(gr.words, p.content.words) && !intersects(gr.durations, p.content.durations))
            continue;
          const bool admits = std::all_of(gr.dated.begin(), gr.dated.end(),
                                          [&](const timex::day_interval& d) { return p.bounds.admits(d); });
          if (!admits || together(gr.bounds, p.bounds).empty()) continue;
          if (!gr.durations.empty() && !p.content.durations.empty() && !intersects(gr.durations, p.content.durations))
            continue;
          if (!gr.words.empty() && !p.content.words.empty() && !intersects(gr.words, p.content.words)) continue;
          if (!gr.agents.empty() && !p.agents.empty() && !intersects(gr.agents, p.agents)) continue;
          const std::pair<std::size_t, std::size_t> score{gr.docs.size(), 1 + shared_tokens(gr.words, p.content.words)};
          if (score > best) {
            best = score;
            chosen = g;
          }
        }
        if (chosen) joins.emplace_back(groups[*chosen].cluster, cluster_of[p.cand]);
      }
      if (!chosen) {
        chosen = groups.size();
        groups.emplace_back();
        groups.back().cluster = cluster_of[p.cand];
      }
      add_to(groups[*chosen], p);
    }
    bool merged = false;
    for (const auto& [into, from] : joins) merged = join_clusters(into, from) || merged;
    if (merged) drop_empty_clusters();
  }
  // ---- events inside one quoted statement
  // When two reports of the same speaker and day quote the same run of words (`quoting`: the
  // statement test above, also within one document and whatever the reports' clusters), the
  // events whose triggers sit at the same place in the shared run are one event: "It “resulted in
  // a very positive conclusion for both Countries,” Trump wrote" and "“... and resulted in a very
  // positive conclusion for both Countries,” Mr. Trump said" tell one "resulted". Not a trigger
  // outside the shared run, nor the same word in another quotation. Dates, bounds, polarity and
  // participants must still agree between the two events' clusters.
  {
    // The candidates of each document (cands are grouped by document).
    std::vector<std::pair<std::size_t, std::size_t>> cands_of_doc(analyses.size(), {0, 0});
    for (std::size_t k = 0; k < cands.size(); ++k) {
      auto& r = cands_of_doc[cands[k].doc];
      if (r.first == r.second) r.first = k;
      r.second = k + 1;
    }
    // The candidates of a document by trigger token, sorted (built when a document quotes).
    std::vector<std::vector<std::pair<std::size_t, std::size_t>>> by_token(analyses.size());
    // Per quoting report, per quotation: (word position, candidate) of the events inside it (read
    // when the report shares a run with another).
    std::vector<std::vector<std::vector<std::pair<std::size_t, std::size_t>>>> inside(quoting.size());
    const auto inside_of = [&](std::size_t r) -> const std::vector<std::vector<std::pair<std::size_t, std::size_t>>>& {
      const auto& rep = quoting[r];
      if (!inside[r].empty()) return inside[r];
      const auto& c = cands[rep.cand];
      auto& triggers = by_token[c.doc];
      if (triggers.empty()) {
        for (auto m = cands_of_doc[c.doc].first; m < cands_of_doc[c.doc].second; ++m)
          if (const auto t = trigger_token(analyses[c.doc].annotated, ev_of(cands[m]))) triggers.emplace_back(*t, m);
        std::sort(triggers.begin(), triggers.end());
      }
      inside[r].resize(rep.quotes.size());
      for (std::size_t q = 0; q < rep.quotes.size(); ++q) {
        const auto& toks = rep.quotes[q].tokens;
        for (std::size_t pos = 0; pos < toks.size(); ++pos)
          for (auto it = std::lower_bound(triggers.begin(), triggers.end(), std::make_pair(toks[pos], std::size_t{0}));
               it != triggers.end() && it->first == toks[pos]; ++it)
            inside[r][q].emplace_back(pos, it->second);
      }
      return inside[r];
    };
    // The first place each (run, day, speaker token) is quoted: a later quotation of it is aligned
    // with that one only, so this stays linear however often a statement is quoted.
    struct place {
      std::size_t report = 0, quote = 0, start = 0;
    };
    std::unordered_map<std::uint64_t, place> first_at;
    std::vector<std::pair<std::size_t, std::size_t>> same;  // candidate pairs, earlier first
    for (std::size_t r = 0; r < quoting.size(); ++r) {
      const auto& rep = quoting[r];
      const auto& c = cands[rep.cand];
      for (std::size_t q = 0; q < rep.quotes.size(); ++q)
        for (std::size_t i = 0; i < rep.run_at[q].size(); ++i)
          for (const auto& speaker : c.subject_tokens) {
            auto key = rep.run_at[q][i] ^ (fnv1a(speaker) * 0x100000001b3ULL);
            key ^= static_cast<std::uint64_t>(c.days->begin.time_since_epoch().count()) * 0x9e3779b97f4a7c15ULL;
            const auto [it, fresh] = first_at.try_emplace(key, place{r, q, i});
            if (fresh) continue;
            const auto p = it->second;
            if (p.report == r && p.quote == q) continue;
            const auto& other = quoting[p.report];
            const auto& o = cands[other.cand];
            const auto& ow = other.quotes[p.quote].words;
            const auto& w = rep.quotes[q].words;
            if (o.days->begin != c.days->begin || o.days->end != c.days->end ||
                !std::binary_search(o.subject_tokens.begin(), o.subject_tokens.end(), speaker) ||
                !std::equal(w.begin() + static_cast<std::ptrdiff_t>(i), w.begin() + static_cast<std::ptrdiff_t>(i + quote_run),
                            ow.begin() + static_cast<std::ptrdiff_t>(p.start)))
              continue;
            for (const auto& [pos, m] : inside_of(r)[q]) {
              if (pos < i || pos >= i + quote_run) continue;
              for (const auto& [opos, n] : inside_of(p.report)[p.quote])
                if (opos == p.start + (pos - i) && ev_of(cands[n]).lemma == ev_of(cands[m]).lemma)
                  same.emplace_back(std::min(n, m), std::max(n, m));
            }
          }
    }
    std::sort(same.begin(), same.end());
    same.erase(std::unique(same.begin(), same.end()), same.end());
    // What two clusters must agree on, kept per cluster as they merge.
    struct agreement {
      std::vector<std::size_t> dated;  // one member per date value
      day_bounds bounds;               // of its undated members
      token_list subjects, participants;
    };
    std::unordered_map<std::size_t, agreement> agreements;
    const auto agreement_of = [&](std::size_t cl) -> agreement& {
      const auto [it, fresh] = agreements.try_emplace(cl);
      if (!fresh) return it->second;
      auto& a = it->second;
      for (const auto m : clusters[cl]) {
        const auto& ev = ev_of(cands[m]);
        if (cands[m].days) {
          if (std::none_of(a.dated.begin(), a.dated.end(), [&](std::size_t d) { return ev_of(cands[d]).when_value == ev.when_value; }))
            a.dated.push_back(m);
        } else {
          a.bounds.add(ev);
        }
        add_tokens(a.subjects, cands[m].subject_tokens);
        add_tokens(a.participants, cands[m].actor_tokens);
      }
      return a;
    };
    bool merged = false;
    for (const auto& [n, m] : same) {
      const auto x = cluster_of[leader(n)], y = cluster_of[leader(m)];
      if (x == y || ev_of(cands[n]).pol != ev_of(cands[m]).pol) continue;
      auto& ax = agreement_of(x);
      const auto& ay = agreement_of(y);
      bool agree = !participants_contradict(ax.subjects, ax.participants, ay.subjects, ay.participants);
      for (const auto a : ax.dated)
        for (const auto b : ay.dated)
          if (agree && !compatible_dates(cands[a], cands[b], ev_of(cands[a]), ev_of(cands[b]))) agree = false;
      auto bounds = ax.bounds;
      bounds.add(ay.bounds);
      if (bounds.empty()) agree = false;
      for (const auto* side : std::initializer_list<const std::vector<std::size_t>*>{&ax.dated, &ay.dated})
        for (const auto d : *side)
          if (!bounds.admits(*cands[d].days)) agree = false;
      if (!agree) continue;
      // y joins x.
      for (const auto d : ay.dated)
        if (std::none_of(ax.dated.begin(), ax.dated.end(),
                         [&](std::size_t e) { return ev_of(cands[e]).when_value == ev_of(cands[d]).when_value; }))
          ax.dated.push_back(d);
      ax.bounds = bounds;
      add_tokens(ax.subjects, ay.subjects);
      add_tokens(ax.participants, ay.participants);
      merged = join_clusters(x, y) || merged;
      agreements.erase(y);
    }
    if (merged) drop_empty_clusters();
  }
  // ---- statements by what they report
  // Reports of the same speaker on the same day whose reported clauses tell the same story event
  // -- one that only that speaker tells, in every document ("the call lasted an hour and a half",
  // "lasted approximately 90 minutes": Trump's words, four articles) -- report one statement,
  // when what they name of where and to whom it was said does not differ ("on Truth Social" /
  // "to reporters in the Oval Office"). A story event the articles tell themselves ("Trump said
  // he had a call with Xi": the call) does not tell one statement from another.
  if (analyses.size() > 1) {  // reports of different documents only
    struct report {
      std::size_t cand = 0;
      std::vector<std::size_t> contents;  // clusters of the reported events
      token_list venue;
    };
    std::vector<report> reports;
    // The speakers whose reports hold each candidate (`events_in_report`), per candidate.
    std::vector<token_list> reported_by(cands.size());
    for (std::size_t k = 0; k < cands.size(); ++k) {
      const auto& c = cands[k];
      const auto& ev = ev_of(c);
      if (ev.cls != event_class::reporting || ev.pos != text::upos::verb || ev.pol != events::polarity::pos || !c.days ||
          c.follows || c.subject_tokens.empty() || c.days->end - c.days->begin != date::days{1})
        continue;
      const auto& a = analyses[c.doc];
      const auto held = events_in_report(a.annotated, a.events, ev);
      if (held.empty()) continue;
      for (const auto* g : held)
        if (const auto* gk = candidate_of(c.doc_id, g->id)) add_tokens(reported_by[*gk], c.subject_tokens);
      report r;
      r.cand = k;
      for (const auto* g : reported_events(a.annotated, a.events, ev))
        if (const auto* gk = candidate_of(c.doc_id, g->id)) r.contents.push_back(cluster_of[leader(*gk)]);
      std::sort(r.contents.begin(), r.contents.end());
      r.contents.erase(std::unique(r.contents.begin(), r.contents.end()), r.contents.end());
      if (r.contents.empty()) continue;
      r.venue = venue_words(a.annotated, a.timexes, a.events, ev);
      reports.push_back(std::move(r));
    }
    // Per content cluster, the speakers who report every one of its mentions (read once each), and
    // whether its mentions come from several documents.
    std::unordered_map<std::size_t, std::pair<token_list, bool>> told_only_by;
    const auto only_by = [&](std::size_t cl) -> const std::pair<token_list, bool>& {
      const auto [it, fresh] = told_only_by.try_emplace(cl);
      if (!fresh) return it->second;
      auto& [speakers, several] = it->second;
      bool first = true;
      for (const auto m : clusters[cl]) {
        if (first) speakers = reported_by[m];
        else {
          token_list common;
          std::set_intersection(speakers.begin(), speakers.end(), reported_by[m].begin(), reported_by[m].end(),
                                std::back_inserter(common));
          speakers = std::move(common);
        }
        several = several || cands[m].doc != cands[clusters[cl].front()].doc;
        first = false;
      }
      return it->second;
    };
    // (content cluster, day) -> reports, in candidate (content) order.
    std::map<std::pair<std::size_t, std::int64_t>, std::vector<std::size_t>> reports_of;
    for (std::size_t i = 0; i < reports.size(); ++i) {
      const auto& c = cands[reports[i].cand];
      for (const auto cl : reports[i].contents) {
        const auto& [speakers, several] = only_by(cl);
        if (several && intersects(speakers, c.subject_tokens))
          reports_of[{cl, c.days->begin.time_since_epoch().count()}].push_back(i);
      }
    }
    // Venues kept per statement cluster as they merge.
    std::unordered_map<std::size_t, token_list> venue_of;
    for (const auto& r : reports) add_tokens(venue_of[cluster_of[r.cand]], r.venue);
    bool merged = false;
    for (const auto& [key, list] : reports_of) {
      for (std::size_t i = 0; i < list.size(); ++i) {
        const auto& ri = reports[list[i]];
        const auto& ci = cands[ri.cand];
        // The first report of the list from another document by a speaker it shares.
        for (std::size_t j = 0; j < list.size(); ++j) {
          const auto& rj = reports[list[j]];
          const auto& cj = cands[rj.cand];
          if (cj.doc == ci.doc || !intersects(ci.subject_tokens, cj.subject_tokens)) continue;
          const auto x = cluster_of[rj.cand], y = cluster_of[ri.cand];
          if (x != y) {
            auto& vx = venue_of[x];
            const auto& vy = venue_of[y];
            if (!vx.empty() && !vy.empty() && !intersects(vx, vy)) break;  // said elsewhere
            add_tokens(vx, vy);
            merged = join_clusters(x, y) || merged;
          }
          break;
        }
      }
    }
    if (merged) drop_empty_clusters();
  }
  // ---- reports of one post
  // What a speaker posted on one day is one post, whatever part of it each report tells: "“Our
  // respective teams will be meeting ...,” Trump wrote on his social media platform", "the call
  // lasted approximately 90 minutes ..., Trump said on Truth Social", "he said in the same Truth
  // Social post" (June 5); "Trump posted Wednesday on his social media site", "lamented on social
  // media that his counterpart was ..." (June 4). Verb mentions with a named subject that post
  // (`posting_of`), on the same day, by a speaker they share, are one event -- within a document
  // too -- when their documents tell one story; one that says it is another post ("in another
  // post", "posted again") stays apart. Then:
  //   - an undated post of a speaker joins the dated report of that speaker at most two
  //     sentences away, when there is one such report and its bounds allow that day ("Trump
  //     praised Xi in a social media post ... “...,” Trump wrote early Wednesday morning.");
  //   - the noun a post or report is made in ("said in a post on Truth Social", "said in a
  //     statement") is that post or report;
  //   - a dated report that names no venue and tells only what the post tells is the post.
  {
    struct post {
      std::size_t cand = 0;
      std::optional<std::int64_t> day;  // its day (days since the epoch), if dated
    };
    std::vector<post> posts;
    for (std::size_t k = 0; k < cands.size(); ++k) {
      const auto& c = cands[k];
      const auto& ev = ev_of(c);
      if (c.follows || c.subject_tokens.empty() || c.passive || ev.pol != events::polarity::pos) continue;
      const bool one_day = c.days && c.days->end - c.days->begin == date::days{1};
      if (c.days && !one_day) continue;
      const auto& a = analyses[c.doc];
      if (posting_of(a.annotated, ev) != posting::post) continue;
      posts.push_back({k, one_day ? std::optional<std::int64_t>(c.days->begin.time_since_epoch().count()) : std::nullopt});
    }
    bool merged = false;
    // Dated posts: by day, then candidate (document id) order; each joins the first earlier post
    // of its day whose speaker it shares.
    std::vector<std::size_t> dated;
    for (std::size_t i = 0; i < posts.size(); ++i)
      if (posts[i].day) dated.push_back(i);
    std::stable_sort(dated.begin(), dated.end(), [&](std::size_t x, std::size_t y) { return posts[x].day < posts[y].day; });
    for (std::size_t i = 0; i < dated.size(); ++i) {
      const auto& pi = posts[dated[i]];
      const auto& ci = cands[pi.cand];
      for (std::size_t j = i; j-- > 0 && posts[dated[j]].day == pi.day;) {
        const auto& cj = cands[posts[dated[j]].cand];
        if (!intersects(ci.subject_tokens, cj.subject_tokens) || !one_story_with(ci.doc, {cj.doc})) continue;
        merged = join_clusters(cluster_of[posts[dated[j]].cand], cluster_of[pi.cand]) || merged;
        break;
      }
    }
    // Undated posts: the dated report of their speaker in the next two sentences or the two before
    // (a post, or a reporting verb: "“...!!!” / Trump wrote early Wednesday morning.", which a
    // sentence split cut in two).
    std::vector<bool> is_post(cands.size(), false);
    for (const auto& p : posts) is_post[p.cand] = true;
    for (const auto& p : posts) {
      if (p.day) continue;
      const auto& c = cands[p.cand];
      const auto& ev = ev_of(c);
      const auto not_before = relations::days_of(ev.when_not_before);
      const auto not_after = relations::days_of(ev.when_not_after);
      std::optional<std::size_t> found;
      bool several = false;
      const auto consider = [&](std::size_t k) {
        const auto& ck = cands[k];
        const auto& ek = ev_of(ck);
        if (ck.follows || !ck.days || ck.days->end - ck.days->begin != date::days{1} || ek.pol != events::polarity::pos ||
            !(is_post[k] || reporting_verb(ek)) ||
            !intersects(c.subject_tokens, ck.subject_tokens))
          return;
        if ((not_before && ck.days->end <= not_before->begin) || (not_after && ck.days->begin >= not_after->end)) return;
        if (found && cluster_of[*found] != cluster_of[k]) several = true;
        found = k;
      };
      // Candidates of one document are consecutive, in text order.
      for (std::size_t k = p.cand; k-- > 0 && cands[k].doc == c.doc && ev_of(cands[k]).sentence + 2 >= ev.sentence;)
        if (ev_of(cands[k]).sentence != ev.sentence) consider(k);
      for (std::size_t k = p.cand + 1; k < cands.size() && cands[k].doc == c.doc && ev_of(cands[k]).sentence <= ev.sentence + 2; ++k)
        if (ev_of(cands[k]).sentence != ev.sentence) consider(k);
      if (found && !several) merged = join_clusters(cluster_of[*found], cluster_of[p.cand]) || merged;
    }
    // The noun a post or a report is made in ("said in a post on Truth Social", "praised Xi in a
    // social media post", "the ministry said in a statement").
    for (std::size_t k = 0; k < cands.size(); ++k) {
      const auto& c = cands[k];
      const auto& ev = ev_of(c);
      if (c.follows || ev.pol != events::polarity::pos || !(is_post[k] || reporting_verb(ev))) continue;
      const auto& a = analyses[c.doc];
      const auto at = trigger_token(a.annotated, ev);
      if (!at) continue;
      const auto& sent = a.annotated.sentences[ev.sentence];
      const auto [first, last] = sentence_events(a.events, ev.sentence);
      for (const auto* g = first; g != last; ++g) {
        if (g == &ev || !report_noun(*g) || g->pol != events::polarity::pos) continue;
        // The noun or the noun it is a conjunct of ("in the same Truth Social post", parsed as
        // "Truth" and "Social post") hangs on the verb.
        const auto t = trigger_token(a.annotated, *g);
        if (!t) continue;
        const auto verb = static_cast<int>(*at - sent.first_token);
        const auto& noun = a.annotated.tokens[*t];
        const bool on_verb = noun.head == verb || (noun.deprel == "conj" && noun.head >= 0 &&
                                                   a.annotated.tokens[sent.first_token + noun.head].head == verb);
        if (!on_verb) continue;
        if (const auto* gk = candidate_of(c.doc_id, g->id))
          merged = join_clusters(cluster_of[k], cluster_of[leader(*gk)]) || merged;
      }
    }
    if (merged) drop_empty_clusters();
    // Reports of what a post says: a dated report of a speaker that names no venue ("Trump said
    // he had a lengthy phone call with Chinese President Xi Jinping", the news of June 5) joins
    // the speaker's one post of that day when everything it reports, the post reports too (the
    // call: "“I just concluded a very good phone call with President Xi ...,” Trump said in a
    // post on Truth Social"). A speaker with two posts that day, or a report made elsewhere
    // ("told reporters in the Oval Office"), stays apart.
    struct posted {
      std::size_t cluster = 0;
      std::int64_t day = 0;
      token_list speakers;
      std::vector<std::size_t> contents;  // sorted clusters of what its members report
      std::vector<std::size_t> docs;      // its members' documents
    };
    std::vector<posted> posted_clusters;
    for (const auto& p : posts) {
      if (!p.day) continue;
      const auto cl = cluster_of[p.cand];
      auto it = std::find_if(posted_clusters.begin(), posted_clusters.end(),
                             [&](const posted& x) { return x.cluster == cl; });
      if (it == posted_clusters.end()) {
        posted_clusters.push_back({cl, *p.day, {}, {}, {}});
        it = std::prev(posted_clusters.end());
        for (const auto m : clusters[cl]) {
          it->docs.push_back(cands[m].doc);
          const auto& a = analyses[cands[m].doc];
          for (const auto* g : events_in_report(a.annotated, a.events, ev_of(cands[m])))
            if (const auto* gk = candidate_of(cands[m].doc_id, g->id)) it->contents.push_back(cluster_of[leader(*gk)]);
        }
        std::sort(it->contents.begin(), it->contents.end());
        it->contents.erase(std::unique(it->contents.begin(), it->contents.end()), it->contents.end());
      }
      add_tokens(it->speakers, cands[p.cand].subject_tokens);
    }
    std::vector<std::size_t> contents;
    bool joined = false;
    for (std::size_t k = 0; k < cands.size() && !posted_clusters.empty(); ++k) {
      const auto& c = cands[k];
      const auto& ev = ev_of(c);
      if (c.follows || is_post[k] || ev.cls != event_class::reporting || ev.pos != text::upos::verb ||
          ev.pol != events::polarity::pos || c.subject_tokens.empty() || !c.days ||
          c.days->end - c.days->begin != date::days{1})
        continue;
      const auto day = c.days->begin.time_since_epoch().count();
      posted* post = nullptr;
      bool several = false;
      for (auto& x : posted_clusters)
        if (x.day == day && intersects(x.speakers, c.subject_tokens)) {
          several = several || post;
          post = &x;
        }
      if (!post || several || cluster_of[k] == post->cluster) continue;
      const auto& a = analyses[c.doc];
      if (!venue_words(a.annotated, a.timexes, a.events, ev).empty()) continue;
      contents.clear();
      for (const auto* g : reported_events(a.annotated, a.events, ev))
        if (const auto* gk = candidate_of(c.doc_id, g->id)) contents.push_back(cluster_of[leader(*gk)]);
      if (contents.empty() || !std::all_of(contents.begin(), contents.end(), [&](std::size_t cl) {
            return std::binary_search(post->contents.begin(), post->contents.end(), cl);
          }))
        continue;
      if (!one_story_with(c.doc, post->docs)) continue;
      for (const auto m : clusters[cluster_of[k]]) post->docs.push_back(cands[m].doc);  // as the cluster grows
      joined = join_clusters(post->cluster, cluster_of[k]) || joined;
    }
    if (joined) drop_empty_clusters();
  }
  // ---- reports of one occasion
  // What a speaker said at one occasion of one day is one statement, whatever part of it each
  // report tells: "Mr. Trump, speaking later in the Oval Office, said the two sides “straightened
  // out” ..." (002), "“... we straightened it out,” Trump told reporters in the Oval Office" (003),
  // "Mr. Trump told Mr. Merz in the Oval Office" (002). Dated reports (one day) with a named
  // subject that name the same occasion (`occasion_of`: the same venue words), by a speaker they
  // share, are one event -- within a document too -- when their documents tell one story.
  // Risk, stated: two news conferences of one speaker on one day are one occasion.
  {
    struct spoken {
      std::int64_t day = 0;
      std::string occasion;
      std::size_t cand = 0;
    };
    std::vector<spoken> reports;
    for (std::size_t k = 0; k < cands.size(); ++k) {
      const auto& c = cands[k];
      const auto& ev = ev_of(c);
      if (c.follows || c.subject_tokens.empty() || c.passive || ev.pol != events::polarity::pos ||
          ev.cls != event_class::reporting || !c.days || c.days->end - c.days->begin != date::days{1})
        continue;
      auto occasion = occasion_of(analyses[c.doc].annotated, ev);
      if (!occasion.empty()) reports.push_back({c.days->begin.time_since_epoch().count(), std::move(occasion), k});
    }
    std::stable_sort(reports.begin(), reports.end(), [](const spoken& x, const spoken& y) {
      return std::tie(x.day, x.occasion) < std::tie(y.day, y.occasion);
    });
    bool merged = false;
    for (std::size_t i = 0; i < reports.size(); ++i) {
      const auto& ci = cands[reports[i].cand];
      for (std::size_t j = i; j-- > 0 && reports[j].day == reports[i].day && reports[j].occasion == reports[i].occasion;) {
        const auto& cj = cands[reports[j].cand];
        if (!intersects(ci.subject_tokens, cj.subject_tokens) || !one_story_with(ci.doc, {cj.doc})) continue;
        merged = join_clusters(cluster_of[reports[j].cand], cluster_of[reports[i].cand]) || merged;
        break;
      }
    }
    if (merged) drop_empty_clusters();
  }
  // ---- a report's participle
  // "Trump said the call “resulted in ...,” adding, “There should no longer be ...”", "Mr. Trump
  // has issued social media posts saying “closed markets don't work anymore”": a reporting verb's
  // present participle after a report of its sentence (a reporting verb, or a post or statement
  // noun) that the parse hangs on that report, or on the clause it reports, goes on with the
  // report's statement: one event, which the report names. Not an adverbial ("by noting").
  {
    bool merged = false;
    for (std::size_t k = 0; k < cands.size(); ++k) {
      const auto& c = cands[k];
      const auto& ev = ev_of(c);
      if (c.follows || ev.cls != event_class::reporting || ev.pos != text::upos::verb || ev.pol != events::polarity::pos)
        continue;
      const auto& doc = analyses[c.doc].annotated;
      const auto at = trigger_token(doc, ev);
      // Not an adverbial of manner or time ("defended the use of the issue by noting that ...").
      if (!at || doc.tokens[*at].xpos != "VBG" || has_dependent(doc, ev, {"mark"})) continue;
      const auto& tok = doc.tokens[*at];
      if (tok.head < 0 || (tok.deprel != "advcl" && tok.deprel != "xcomp" && tok.deprel != "acl" && tok.deprel != "conj"))
        continue;
      const auto& sent = doc.sentences[ev.sentence];
      // (Not a structured binding: clang's C++17 refuses one captured by a lambda.)
      const auto same_sentence = sentence_events(analyses[c.doc].events, ev.sentence);
      const auto report_at = [&](std::size_t t) -> const event_mention* {
        for (const auto* g = same_sentence.first; g != same_sentence.second; ++g)
          if (g != &ev && g->span.begin == doc.tokens[t].span.begin && g->pol == events::polarity::pos &&
              (reporting_verb(*g) || report_noun(*g)))
            return g;
        return nullptr;
      };
      // Up from the participle's head through the reported clause the parse may hang it in ("Trump
      // said the call went well, adding ...", with "adding" under "went"), or the report's time
      // ("said Thursday that ... was “very positive,” announcing that ...", under "Thursday").
      const event_mention* report = nullptr;
      auto t = sent.first_token + static_cast<std::size_t>(tok.head);
      for (int step = 0; step < 6 && t < sent.end_token; ++step) {
        report = report_at(t);
        const auto& up = doc.tokens[t];
        const bool climbs = up.deprel == "ccomp" || up.deprel == "conj" || up.deprel == "obl" ||
                            up.deprel == "obl:unmarked" || up.deprel == "obl:tmod";
        if (report || up.head < 0 || !climbs) break;
        t = sent.first_token + static_cast<std::size_t>(up.head);
      }
      // The report comes first: "..., adding"; a participle that opens the sentence ("Noting
      // Chinese leaders had told him ..., Gingrich said") is not read here.
      if (!report || report->span.begin >= ev.span.begin) continue;
      if (const auto* gk = candidate_of(c.doc_id, report->id)) {
        cands[k].names_poorly = true;
        merged = join_clusters(cluster_of[leader(*gk)], cluster_of[k]) || merged;
      }
    }
    if (merged) drop_empty_clusters();
  }
  // ---- a headline tells its lede's event
  // A headline restates what its lede tells: "Trump, Xi agree to more trade talks as rare earths
  // dispute cools" and "President Donald Trump and Chinese President Xi Jinping on Thursday agreed
  // to further trade talks" (003); "Trump says after Xi call that US and China will resume trade
  // talks" and "President Donald Trump said Thursday that ..." (000). An event of the headline
  // (`headline_of`) is the first event of the lede with its lemma (or frame), polarity and a
  // subject they share, when their dates do not differ.
  {
    bool merged = false;
    for (std::size_t d = 0; d < analyses.size(); ++d) {
      const auto& a = analyses[d];
      const auto hl = headline_of(a.annotated, a.events);
      if (!hl.headline || hl.lede.empty()) continue;
      const auto& doc_id = a.annotated.doc.id;
      const auto [hfirst, hlast] = sentence_events(a.events, *hl.headline);
      for (const auto* h = hfirst; h != hlast; ++h) {
        const auto* hk = candidate_of(doc_id, h->id);
        if (!hk || h->pol != events::polarity::pos) continue;
        const auto& ch = cands[leader(*hk)];
        if (cands[*hk].subject_tokens.empty()) continue;
        const event_mention* told = nullptr;
        for (const auto s : hl.lede) {
          const auto [lfirst, llast] = sentence_events(a.events, s);
          for (const auto* l = lfirst; l != llast && !told; ++l) {
            const auto* lk = candidate_of(doc_id, l->id);
            if (!lk || l->pol != h->pol || l->pos != h->pos) continue;
            const bool same_kind = l->lemma == h->lemma || (!l->frame.empty() && l->frame == h->frame);
            if (!same_kind || !intersects(cands[*hk].subject_tokens, cands[*lk].subject_tokens)) continue;
            const auto& cl = cands[leader(*lk)];
            if (ch.days && cl.days && (ch.days->end <= cl.days->begin || cl.days->end <= ch.days->begin)) continue;
            told = l;
            cands[*hk].names_poorly = true;
            merged = join_clusters(cluster_of[leader(*lk)], cluster_of[leader(*hk)]) || merged;
          }
          if (told) break;
        }
      }
    }
    if (merged) drop_empty_clusters();
  }
  // ---- a speaker's one occasion in a document
  // An article that names one occasion where a speaker spoke that day tells that occasion in the
  // speaker's other reports of the day that name none: after "Trump wrote on his social media
  // platform after the call" (000), "The Republican president ... also said Xi “graciously”
  // invited him" is the post. A report (a positive reporting verb, dated to one day, with a
  // named subject) that names no venue (`venue_words`) joins the statement of the posts and
  // occasions (`posting_of`, `occasion_of`) of its document, day and speaker when they are one
  // statement; when the article names two (a post and remarks in the Oval Office), it stays apart,
  // and so does a report another report tells ("It also reported that Trump said ..."). When the
  // article names none, a speaker's reports of one day are its one statement ("..., said Wendy
  // Cutler, a former senior U.S. trade negotiator", "“...,” Cutler said"): what an article quotes
  // of someone on a day without saying where is taken as said once. A report whose subject is a
  // pronoun ("he said") may join, never stand for the statement: its speaker is a guess. Only
  // reports of a statement count (a clause or a quotation: "declared a stock split" is no
  // report), and not those said before ("has said") or on another occasion ("previously said",
  // "later told": `other_occasion_words`).
  {
    // Whether another report of its sentence reports it ("It also reported that Trump said ..."):
    // then it is what someone else says the speaker said, not the speaker's report.
    const auto reported_within = [](const document_analysis& a, const event_mention& ev) {
      const auto [first, last] = sentence_events(a.events, ev.sentence);
      for (const auto* g = first; g != last; ++g) {
        if (g == &ev || !(reporting_verb(*g) || report_noun(*g))) continue;
        const auto held = events_in_report(a.annotated, a.events, *g);
        if (std::find(held.begin(), held.end(), &ev) != held.end()) return true;
      }
      return false;
    };
    // One speaker: the names of one are among the other's ("Trump", "Donald Trump"), not just a
    // shared one ("Delfin Gonzalez" is not "Juan Miguel Gonzalez").
    const auto same_speaker = [](const token_list& x, const token_list& y) {
      return std::includes(x.begin(), x.end(), y.begin(), y.end()) || std::includes(y.begin(), y.end(), x.begin(), x.end());
    };
    struct report {
      std::size_t cand = 0;
      std::int64_t day = 0;
      bool venue = false;  // a post or an occasion
      bool anchor = false;  // it may stand for the statement: a named subject, said then
    };
    std::vector<report> reports;
    for (std::size_t k = 0; k < cands.size(); ++k) {
      const auto& c = cands[k];
      const auto& ev = ev_of(c);
      if (c.follows || c.subject_tokens.empty() || c.passive || !reporting_verb(ev) || ev.pol != events::polarity::pos ||
          !c.days || c.days->end - c.days->begin != date::days{1})
        continue;
      const auto& a = analyses[c.doc];
      const auto& sent = a.annotated.sentences[ev.sentence];
      const auto at = trigger_token(a.annotated, ev);
      if (!at) continue;
      const bool venue = posting_of(a.annotated, ev) == posting::post || !occasion_of(a.annotated, ev).empty();
      // Said then, not before ("has said", "previously said", "later told").
      const bool elsewhen = ev.asp == events::aspect::perfective || ev.asp == events::aspect::perfective_progressive ||
                            has_adverb(a.annotated, ev, other_occasion_words);
      // A report without a venue joins only when it reports a statement, a clause or a quotation
      // ("UniFirst reported that net income rose", not "declared a stock split"), then, in its
      // own voice.
      bool clause = false;  // a clausal complement, also one the parse hangs on its time ("said Thursday that ...")
      for_each_dependent(a.annotated, sent, *at, [&](std::size_t t, int depth) {
        const auto& rel = a.annotated.tokens[t].deprel;
        clause = clause || rel == "ccomp" || rel == "parataxis";
        return depth == 0 && (rel == "obl:unmarked" || rel == "obl:tmod");
      });
      if (!venue && (elsewhen || !venue_words(a.annotated, a.timexes, a.events, ev).empty() || reported_within(a, ev) ||
                     !(clause || !events_in_report(a.annotated, a.events, ev).empty())))
        continue;
      const auto subject = subject_token(a.annotated, sent, *at);
      const bool named = subject && a.annotated.tokens[*subject].tag != text::upos::pron;
      reports.push_back({k, c.days->begin.time_since_epoch().count(), venue, named && !elsewhen});
    }
    std::vector<std::pair<std::size_t, std::size_t>> same;  // (the statement's report, a report joining it)
    // A document's candidates are consecutive, so are its reports: [begin, end) is one document's.
    for (std::size_t begin = 0, end = 0; begin < reports.size(); begin = end) {
      const auto doc = cands[reports[begin].cand].doc;
      while (end < reports.size() && cands[reports[end].cand].doc == doc) ++end;
      for (auto r = begin; r < end; ++r) {
        if (reports[r].venue) continue;
        const auto& c = cands[reports[r].cand];
        const auto speaks = [&](std::size_t v) {
          return reports[v].day == reports[r].day && same_speaker(cands[reports[v].cand].subject_tokens, c.subject_tokens);
        };
        // The speaker's posts and occasions that day: one statement that may be named, or none.
        std::optional<std::size_t> anchor, first;  // a report that may name it; the first one's cluster
        bool several = false;
        for (auto v = begin; v < end; ++v) {
          if (!reports[v].venue || !speaks(v)) continue;
          const auto cl = cluster_of[reports[v].cand];
          several = several || (first && *first != cl);
          if (!first) first = cl;
          if (reports[v].anchor && !anchor) anchor = reports[v].cand;
        }
        if (first) {
          if (anchor && !several) same.emplace_back(*anchor, reports[r].cand);
          continue;
        }
        // None named: the article's one statement of the speaker that day.
        for (auto v = begin; v < r; ++v)
          if (reports[v].anchor && speaks(v)) {
            same.emplace_back(reports[v].cand, reports[r].cand);
            break;
          }
      }
    }
    join_pairs(same);
  }
  // ---- the statement an article has told
  // "The Chinese Foreign Ministry said in a statement that ..." then "..., according to the
  // ministry's statement", "..., the statement said" (003): a definite report noun (`report_nouns`
  // with "the", "this", "that" or a possessor that is no pronoun: "his statement" may be another)
  // that is singular and not another one ("a second statement": `other_post_words`) is the last
  // one of its frame its article told before ("the Chinese readout" after "said in a statement").
  // Not "post", which is as often a job ("assumed the post").
  {
    std::vector<std::pair<std::size_t, std::size_t>> same;  // (the earlier noun, the one that refers to it)
    std::map<std::string_view, std::size_t> last;           // frame -> last singular report noun of the document
    for (std::size_t k = 0; k < cands.size(); ++k) {
      const auto& c = cands[k];
      if (k == 0 || cands[k - 1].doc != c.doc) last.clear();
      const auto& ev = ev_of(c);
      if (c.follows || !report_noun(ev) || ev.lemma == "post" || ev.pol != events::polarity::pos) continue;
      const auto& doc = analyses[c.doc].annotated;
      const auto at = trigger_token(doc, ev);
      if (!at || doc.tokens[*at].xpos == "NNS") continue;
      bool definite = false, other = false;
      for_each_dependent(doc, doc.sentences[ev.sentence], *at, [&](std::size_t t, int) {
        const auto& tok = doc.tokens[t];
        const auto word = lower(tok.form);
        definite = definite || (tok.deprel == "nmod:poss" && tok.tag != text::upos::pron) ||
                   (tok.deprel == "det" && (word == "the" || word == "this" || word == "that"));
        other = other || std::binary_search(std::begin(other_post_words), std::end(other_post_words), word);
        return false;  // its own dependents only
      });
      if (other) {
        last.erase(ev.frame);
        continue;
      }
      if (const auto it = last.find(ev.frame); definite && it != last.end()) same.emplace_back(it->second, k);
      last[ev.frame] = k;
    }
    join_pairs(same);
  }
  // ---- what one statement says
  // A statement told by several articles tells its content once: "Mr. Trump, speaking later in
  // the Oval Office, said the two sides “straightened out” some of the friction ..." (002) and
  // "“This is very complex stuff, and we straightened it out,” Trump told reporters in the Oval
  // Office" (003) are one statement (above), so their "straightened" is one event. An event that a
  // report of a statement reports (`events_in_report`) joins the event of the same lemma and
  // polarity that a report of the same statement in another document reports, when their dates
  // do not differ and their subjects, and their other participants, agree (when both name some,
  // they share one: "invited him ... to visit China" is not "for Xi to visit the United States").
  // What a report reports that is itself a report or a copula is not content.
  {
    struct told {
      std::size_t statement = 0, cand = 0;
    };
    std::vector<told> contents;
    for (std::size_t k = 0; k < cands.size(); ++k) {
      const auto& c = cands[k];
      const auto& ev = ev_of(c);
      if (c.follows || ev.pol != events::polarity::pos || !(reporting_verb(ev) || report_noun(ev))) continue;
      const auto cl = cluster_of[k];
      const auto& members = clusters[cl];
      if (std::none_of(members.begin(), members.end(), [&](std::size_t m) { return cands[m].doc != c.doc; })) continue;
      const auto& a = analyses[c.doc];
      for (const auto* g : events_in_report(a.annotated, a.events, ev))
        if (const auto* gk = candidate_of(c.doc_id, g->id);
            gk && g->cls != event_class::reporting && g->lemma != "be" && g->lemma != "have")
          contents.push_back({cl, leader(*gk)});
    }
    std::stable_sort(contents.begin(), contents.end(), [](const told& x, const told& y) { return x.statement < y.statement; });
    contents.erase(std::unique(contents.begin(), contents.end(),
                               [](const told& x, const told& y) { return x.statement == y.statement && x.cand == y.cand; }),
                   contents.end());
    // Participants agree when one side names none or both share one; subjects and the others
    // (objects, places: "visit China" is not "visit the United States") apart.
    const auto agree = [](const token_list& x, const token_list& y) { return x.empty() || y.empty() || intersects(x, y); };
    const auto others = [](const candidate& c) {
      token_list rest;
      std::set_difference(c.actor_tokens.begin(), c.actor_tokens.end(), c.subject_tokens.begin(), c.subject_tokens.end(),
                          std::back_inserter(rest));
      return rest;
    };
    std::vector<std::pair<std::size_t, std::size_t>> same;  // candidates to join
    for (std::size_t from = 0, to = 0; from < contents.size(); from = to) {
      while (to < contents.size() && contents[to].statement == contents[from].statement) ++to;
      for (auto i = from; i < to; ++i)
        for (auto j = i + 1; j < to; ++j) {
          const auto& ci = cands[contents[i].cand];
          const auto& cj = cands[contents[j].cand];
          const auto& ei = ev_of(ci);
          const auto& ej = ev_of(cj);
          if (ci.doc == cj.doc || ei.lemma != ej.lemma || ei.pol != ej.pol) continue;
          if (ci.days && cj.days && (ci.days->end <= cj.days->begin || cj.days->end <= ci.days->begin)) continue;
          if (!agree(ci.subject_tokens, cj.subject_tokens) || !agree(others(ci), others(cj))) continue;
          same.emplace_back(contents[i].cand, contents[j].cand);
        }
    }
    join_pairs(same);
  }
  // Mentions of an event join its cluster.
  for (std::size_t k = 0; k < cands.size(); ++k)
    if (cands[k].follows) {
      cluster_of[k] = cluster_of[*cands[k].follows];
      clusters[cluster_of[k]].push_back(k);
    }

  // ---- story events
  std::vector<story_event> events(clusters.size());
  std::vector<std::pair<std::size_t, story_diagnostic>> pending_conflicts;  // cluster -> diagnostic
  std::vector<std::string> keys(clusters.size());
  for (std::size_t cl = 0; cl < clusters.size(); ++cl) {
    auto& members = clusters[cl];
    std::sort(members.begin(), members.end(), [&](std::size_t x, std::size_t y) {
      return std::tie(cands[x].doc_id, cands[x].event) < std::tie(cands[y].doc_id, cands[y].event);
    });
    // Representative: the most salient mention; ties go to one with quantities, then document order.
    // A mention dated by its own time expression, with who acted and with amounts, reads best.
    // Names of the cluster's participants, to prefer a summary that says who took part.
    std::vector<std::pair<int, std::string_view>> top_actors;  // (-votes, name)
    for (auto m : members)
      for (const auto& a : ev_of(cands[m]).actors) {
        const auto it = std::find_if(top_actors.begin(), top_actors.end(),
                                     [&](const std::pair<int, std::string_view>& x) { return x.second == a; });
        if (it == top_actors.end()) top_actors.emplace_back(-1, a);
        else --it->first;
      }
    std::sort(top_actors.begin(), top_actors.end());
    if (top_actors.size() > 2) top_actors.resize(2);
    const auto rep_score = [&](const event_mention& e) {
      // An infinitive ("agreed last month to lower tariffs") has its time and subject from the
      // verb it completes: they do not make it read better than a mention that tells the event.
      const bool infinitive = e.tns == events::tense::infinitive;
      const bool timex_anchor =
          !infinitive && !e.when_anchor.empty() && e.when_anchor != "dct" && e.when_anchor != "inferred";
      double named = 0;
      for (const auto& [n, a] : top_actors)
        if (e.summary.find(a) != std::string::npos) named += 0.15;
      return 0.3 * e.salience + (timex_anchor ? 0.2 : 0) + named + (e.subject_count > 0 && !infinitive ? 0.15 : 0) +
             (e.quantities.empty() ? 0 : 0.1) - (e.summary.size() < 12 ? 0.1 : 0) - (e.summary.size() > 80 ? 0.1 : 0);
    };
    // A mention that only joins the event ("agreed in Geneva") does not name it, nor does a
    // mention of its document's telling ("duties" of "lowered duties"); a headline's words
    // ("Trump, Xi agree to ...") or a report's participle ("adding, ...") name it only when
    // nothing but a joining mention tells it otherwise. The first of these tiers with a member names it: the most readable member.
    const std::function<bool(const candidate&)> tiers[] = {
        [](const candidate& c) { return !c.joins_only && !c.follows && !c.names_poorly; },
        [](const candidate& c) { return !c.follows && !c.names_poorly; },
        [](const candidate& c) { return !c.joins_only && !c.follows; },
    };
    std::size_t rep = members.front();
    for (const auto& eligible : tiers) {
      std::optional<std::size_t> best;
      double best_score = 0;
      for (auto m : members) {
        if (!eligible(cands[m])) continue;
        const double score = members.size() > 1 ? rep_score(ev_of(cands[m])) : 0;
        if (!best || score > best_score + 1e-9) {
          best = m;
          best_score = score;
        }
      }
      if (best) {
        rep = *best;
        break;
      }
    }
    const auto& r = ev_of(cands[rep]);
    auto& se = events[cl];
    se.summary = r.summary;
    se.trigger = r.trigger;
    se.lemma = r.lemma;
    se.cls = events::to_string(r.cls);
    se.tense = events::to_string(r.tns);
    se.aspect = events::to_string(r.asp);
    se.polarity = events::to_string(r.pol);
    se.modality = r.modality;
    // Date: the finest value among the members; anchored by a time expression if any member is.
    // A mention that follows another (candidate::follows) dates the event only when nothing else
    // does, and only a verb (a light verb's own time: "the truce struck last month"): a noun that
    // follows its change is dated by the change ("lowered the April tariffs" is no April lowering).
    std::size_t dated = rep;
    if (cands[rep].follows) dated = *cands[rep].follows;
    const auto rank = [&](const candidate& c) {
      const auto& anchor = ev_of(c).when_anchor;
      return anchor == "inferred" ? 2 : anchor == "dct" ? 1 : anchor.empty() ? 3 : 0;
    };
    for (const bool followers : {false, true}) {
      if (followers && cands[dated].days) break;
      for (auto m : members) {
        const auto& a = cands[m];
        if (a.follows.has_value() != followers || (followers && ev_of(a).pos != text::upos::verb)) continue;
        const auto& b = cands[dated];
        if (std::make_tuple(a.grain, rank(a)) < std::make_tuple(b.grain, rank(b))) dated = m;
      }
    }
    const auto& dv = ev_of(cands[dated]);
    se.when.value = dv.when_value;
    if (dv.when_anchor.empty() || dv.when_anchor == "dct" || dv.when_anchor == "inferred") {
      se.when.anchor = dv.when_anchor;
    } else {
      se.when.anchor = cands[dated].doc_id;
      se.when.anchor += ':';
      se.when.anchor += dv.when_anchor;
    }
    // Bounds of an undated event: the tightest any mention gives (a past-tense mention is bounded
    // by its document's DCT, which has no story node); planned when any mention is.
    const bool has_days = relations::days_of(se.when.value).has_value();
    for (auto m : members) {
      const auto& ev = ev_of(cands[m]);
      se.is_future = se.is_future || ev.is_future;
      if (has_days) continue;
      if (const auto nb = relations::first_day(ev.when_not_before)) {
        auto day = iso_day(*nb);
        if (se.not_before.empty() || day > se.not_before) se.not_before = std::move(day);
      }
      if (const auto na = relations::last_day(ev.when_not_after)) {
        auto day = iso_day(*na);
        if (se.not_after.empty() || day < se.not_after) se.not_after = std::move(day);
      }
    }
    // Actors: the representative's first, then the others; a name contained in a shorter one
    // already present ("Donald Trump" vs "Trump") is not repeated.
    std::vector<std::string> actors = r.actors;
    if (members.size() > 1) {
      std::vector<std::string> extra;
      for (auto m : members)
        for (const auto& a : ev_of(cands[m]).actors)
          if (std::find(actors.begin(), actors.end(), a) == actors.end() &&
              std::find(extra.begin(), extra.end(), a) == extra.end())
            extra.push_back(a);
      std::sort(extra.begin(), extra.end());
      for (auto& a : extra) actors.push_back(std::move(a));
    }
    if (actors.size() > 1) {
      std::vector<token_list> tokens;
      tokens.reserve(actors.size());
      for (const auto& a : actors) tokens.push_back(name_tokens(a));
      std::vector<std::string> kept;
      for (std::size_t i = 0; i < actors.size(); ++i) {
        const auto& ta = tokens[i];
        bool covered = false;
        for (std::size_t j = 0; j < actors.size() && !covered; ++j) {
          if (actors[i] == actors[j]) continue;
          const auto& tb = tokens[j];
          if (tb.size() < ta.size() && std::includes(ta.begin(), ta.end(), tb.begin(), tb.end())) covered = true;
        }
        if (!covered && std::find(kept.begin(), kept.end(), actors[i]) == kept.end()) kept.push_back(actors[i]);
      }
      se.actors = std::move(kept);
    } else {
      se.actors = std::move(actors);
    }
    // Sources that give different figures for the same amount (same kind and role) are kept
    // side by side, and the disagreement is reported rather than resolved.
    const bool any_role = members.size() > 1 && std::any_of(members.begin(), members.end(), [&](std::size_t m) {
      const auto& qs = ev_of(cands[m]).quantities;
      return std::any_of(qs.begin(), qs.end(), [](const events::quantity& q) { return !q.role.empty(); });
    });
    if (any_role) {
      std::map<std::pair<std::string, std::string>, std::map<double, std::set<std::string_view>>> figures;
      for (auto m : members)
        for (const auto& q : ev_of(cands[m]).quantities)
          if (!q.role.empty()) figures[{q.kind, q.role}][q.value].insert(cands[m].doc_id);
      for (const auto& [key, values] : figures) {
        if (values.size() < 2) continue;
        // Sources disagree when two documents each give a figure the other does not: one that
        // gives both figures of a coordination ("to 30% ... and to 10%") contradicts neither.
        std::map<std::string_view, std::set<double>> given;
        for (const auto& [value, docs_of_value] : values)
          for (const auto& d : docs_of_value) given[d].insert(value);
        bool disagree = false;
        for (const auto& [d1, v1] : given)
          for (const auto& [d2, v2] : given)
            if (d1 < d2 && !std::includes(v1.begin(), v1.end(), v2.begin(), v2.end()) &&
                !std::includes(v2.begin(), v2.end(), v1.begin(), v1.end()))
              disagree = true;
        if (!disagree) continue;
        std::set<std::string_view> docs_involved;
        std::string listing;
        for (const auto& [value, docs_of_value] : values) {
          std::string ds;
          for (const auto& d : docs_of_value) {
            if (!ds.empty()) ds += ", ";
            ds += d;
            docs_involved.insert(d);
          }
          char number[32];
          std::snprintf(number, sizeof number, "%g", value);
          listing += (listing.empty() ? "" : "; ") + std::string(number) + " (" + ds + ")";
        }
        if (docs_involved.size() < 2) continue;  // one document giving two figures is a change, not a conflict
        story_diagnostic d;
        d.level = "info";
        d.stage = "merge";
        d.rule = "merge.quantity_conflict";
        d.message = "sources give different " + key.first + " figures (" + key.second + ") for \"" + r.summary +
                    "\": " + listing;
        pending_conflicts.push_back({cl, std::move(d)});
      }
    }
    // Sources that give the event different durations ("the call lasted two hours" / "lasted 90
    // minutes", each dated by the call) are reported too: the durations the members' own time
    // expressions give (`content_of`), compared by length ("90 minutes" = "an hour and a half").
    if (members.size() > 1) {
      std::map<std::string_view, std::vector<double>> lasted;  // document -> durations it gives
      for (auto m : members) {
        const auto& a = analyses[cands[m].doc];
        const auto& ev = ev_of(cands[m]);
        const bool any_duration = std::any_of(a.timexes.begin(), a.timexes.end(), [&](const timex::mention& x) {
          return x.type == timex::timex_type::duration && ev.sentence < a.annotated.sentences.size() &&
                 a.annotated.sentences[ev.sentence].span.begin <= x.span.begin &&
                 x.span.end <= a.annotated.sentences[ev.sentence].span.end;
        });
        if (!any_duration) continue;
        const auto content = content_of(a.annotated, a.timexes, ev);
        if (content.durations.empty()) continue;
        auto& given = lasted[cands[m].doc_id];
        given.insert(given.end(), content.durations.begin(), content.durations.end());
      }
      bool disagree = false;
      for (auto& [d, v] : lasted) {
        std::sort(v.begin(), v.end());
        v.erase(std::unique(v.begin(), v.end()), v.end());
      }
      for (const auto& [d1, v1] : lasted)
        for (const auto& [d2, v2] : lasted)
          if (d1 < d2 && !intersects(v1, v2)) disagree = true;
      if (disagree) {
        std::map<double, std::vector<std::string_view>> by_length;
        for (const auto& [d, v] : lasted)
          for (const auto x : v) by_length[x].push_back(d);
        std::string listing;
        for (const auto& [x, ds] : by_length) {
          char number[48];
          if (std::fmod(x, 86400) == 0) std::snprintf(number, sizeof number, "%g days", x / 86400);
          else std::snprintf(number, sizeof number, "%g minutes", x / 60);
          std::string list;
          for (const auto& d : ds) list += (list.empty() ? "" : ", ") + std::string(d);
          listing += (listing.empty() ? "" : "; ") + std::string(number) + " (" + list + ")";
        }
        story_diagnostic d;
        d.level = "info";
        d.stage = "merge";
        d.rule = "merge.quantity_conflict";
        d.message = "sources give different durations for \"" + r.summary + "\": " + listing;
        pending_conflicts.push_back({cl, std::move(d)});
      }
    }
    // Sources that call the event by different ordinals ("their first call" in one, "the second
    // time this year" in another) describe it differently: both stay, and the difference is told.
    if (members.size() > 1) {
      std::map<int, std::set<std::string_view>> called;
      for (auto m : members)
        if (const int n = ordinal_of(analyses[cands[m].doc].annotated, ev_of(cands[m]))) called[n].insert(cands[m].doc_id);
      std::set<std::string_view> docs_involved;
      for (const auto& [n, ds] : called) docs_involved.insert(ds.begin(), ds.end());
      if (called.size() > 1 && docs_involved.size() > 1) {
        static constexpr const char* names[] = {"", "first", "second", "third", "fourth", "fifth"};
        std::string listing;
        for (const auto& [n, ds] : called) {
          std::string list;
          for (const auto& d : ds) list += (list.empty() ? "" : ", ") + std::string(d);
          listing += (listing.empty() ? "" : "; ") + std::string(names[n]) + " (" + list + ")";
        }
        story_diagnostic d;
        d.level = "info";
        d.stage = "merge";
        d.rule = "merge.ordinal_conflict";
        d.message = "sources call \"" + r.summary + "\" by different ordinals: " + listing;
        pending_conflicts.push_back({cl, std::move(d)});
      }
    }
    for (const auto& q : r.quantities) se.quantities.push_back({q.kind, q.text, q.role, q.value});
    for (auto m : members)
      for (const auto& q : ev_of(cands[m]).quantities) {
        const bool dup = std::any_of(se.quantities.begin(), se.quantities.end(), [&](const story_quantity& s) {
          return s.kind == q.kind && s.value == q.value && s.role == q.role;
        });
        if (!dup) se.quantities.push_back({q.kind, q.text, q.role, q.value});
      }
    std::size_t docs = 0;  // distinct documents: members are sorted by document
    double confidence = 0, salience = 0;
    se.mentions.reserve(members.size());
    se.mention_ids.reserve(members.size());
    for (std::size_t i = 0; i < members.size(); ++i) {
      const auto& c = cands[members[i]];
      const auto& ev = ev_of(c);
      if (i == 0 || c.doc_id != cands[members[i - 1]].doc_id) ++docs;
      confidence = std::max(confidence, ev.confidence);
      salience = std::max(salience, ev.salience);
      // Evidence of a mention: its sentence, which quotes the trigger in context.
      const auto& ad = analyses[c.doc].annotated;
      byte_span span = ev.span;
      if (ev.sentence < ad.sentences.size()) span = ad.sentences[ev.sentence].span;
      se.mentions.push_back(make_evidence(c.doc_id, ad.doc.text, cps[c.doc], span));
      se.mention_ids.push_back(c.qualified);
    }
    const double extra_docs = double(docs) - 1;
    se.confidence = std::min(0.99, confidence + 0.05 * extra_docs);
    // Articles that attribute to the same statement of their own day ("Trump said Thursday ...",
    // "Trump said ...") attest it; they do not make it more of an event of the story.
    bool attribution = false;
    if (r.cls == event_class::reporting)
      if (const auto& dct = analyses[cands[dated].doc].annotated.doc.dct) {
        const auto day = relations::days_of(se.when.value);
        const auto news_day = relations::days_of(dct->iso().substr(0, 10));
        attribution = se.when.anchor == "dct" || (day && news_day && day->begin >= news_day->begin);
      }
    se.salience = std::min(1.0, salience + (attribution ? 0 : 0.05 * extra_docs));
    // What is said of an event by a verb whose subject it is, and that only describes it (`facet_verbs`:
    // "the call lasted 90 minutes", "focused on trade"), stays in the graph but off the default
    // timeline: the event itself is there.
    if (r.pos == text::upos::verb &&
        std::binary_search(std::begin(facet_verbs), std::end(facet_verbs), std::string_view(r.lemma)))
      if (subject_event(analyses[cands[rep].doc].annotated, analyses[cands[rep].doc].events, r))
        se.salience = std::min(se.salience, facet_salience);
    // Mentions sorted by (doc, start), keeping mention_ids parallel.
    if (se.mentions.size() > 1) {
      std::vector<std::size_t> idx(se.mentions.size());
      for (std::size_t k = 0; k < idx.size(); ++k) idx[k] = k;
      std::sort(idx.begin(), idx.end(), [&](std::size_t x, std::size_t y) {
        return std::tie(se.mentions[x].doc, se.mentions[x].start, se.mention_ids[x]) <
               std::tie(se.mentions[y].doc, se.mentions[y].start, se.mention_ids[y]);
      });
      std::vector<evidence> ms;
      std::vector<std::string> ids;
      ms.reserve(idx.size());
      ids.reserve(idx.size());
      for (auto k : idx) {
        ms.push_back(std::move(se.mentions[k]));
        ids.push_back(std::move(se.mention_ids[k]));
      }
      se.mentions = std::move(ms);
      se.mention_ids = std::move(ids);
    }
    // Content key: date, frame and actors for merged events; the first mention id otherwise.
    std::string key;
    if (cands[rep].mergeable) {
      std::vector<std::string_view> sorted_actors(se.actors.begin(), se.actors.end());
      std::sort(sorted_actors.begin(), sorted_actors.end());
      key = se.when.value + "|" + r.frame + "|" + r.lemma + "|";
      for (const auto& a : sorted_actors) {
        key += a;
        key += ',';
      }
    } else {
      key = se.mention_ids.front();
    }
    keys[cl] = std::move(key);
  }
  // Ids from keys; equal keys are told apart by their first mention id.
  detail::string_map<int, std::string_view> key_count;
  key_count.reserve(keys.size());
  for (const auto& k : keys) ++key_count[k];
  detail::string_set<> used;
  used.reserve(events.size());
  for (std::size_t cl = 0; cl < events.size(); ++cl) {
    std::string key = keys[cl];
    if (*key_count.find(key) > 1) key += "#" + events[cl].mention_ids.front();
    std::string id = "ev-" + hex8(fnv1a(key));
    for (int salt = 1; used.contains(id); ++salt) id = "ev-" + hex8(fnv1a(key + "#" + std::to_string(salt)));
    used.insert(id);
    events[cl].id = std::move(id);
  }

  std::vector<story_diagnostic> merge_diags;
  for (auto& [cl, d] : pending_conflicts) {
    d.message += " [" + events[cl].id + "]";
    merge_diags.push_back(std::move(d));
  }

  // ---- links
  detail::string_map<std::size_t, std::string_view> story_event_of;  // "<doc>:e5" -> index into events
  story_event_of.reserve(cands.size());
  for (std::size_t k = 0; k < cands.size(); ++k) story_event_of[cands[k].qualified] = cluster_of[k];
  std::vector<keyed_link> links;  // every document link, then sorted by key and merged
  std::string qualified;
  for (auto d : order) {
    const auto& a = analyses[d];
    const auto& doc_id = a.annotated.doc.id;
    // A story id for a document-local id: the story event of an event, the qualified timex id,
    // nothing for the DCT ("t0": tense already says it; no story node) and unknown events.
    const auto resolve = [&](const std::string& local) -> std::optional<std::string> {
      if (local == "t0") return std::nullopt;
      qualified.assign(doc_id);
      qualified += ':';
      qualified += local;
      if (const auto* e = story_event_of.find(qualified)) return events[*e].id;
      if (!local.empty() && local[0] == 't') return qualified;
      return std::nullopt;
    };
    for (const auto& l : a.links) {
      auto from = resolve(l.from), to = resolve(l.to);
      if (!from || !to || *from == *to) continue;
      if (from->rfind("ev-", 0) != 0 && to->rfind("ev-", 0) != 0) continue;  // time-time: the values say it
      auto rel = l.rel;
      // One direction per ordered pair of events: AFTER is stored as the converse BEFORE.
      if (rel == relations::relation::after && from->rfind("ev-", 0) == 0 && to->rfind("ev-", 0) == 0) {
        std::swap(from, to);
        rel = relations::relation::before;
      }
      keyed_link kl;
      kl.link.from = std::move(*from);
      kl.link.to = std::move(*to);
      kl.link.type = relations::to_string(rel);
      kl.link.support = make_evidence(doc_id, a.annotated.doc.text, cps[d], l.evidence);
      kl.link.rule = l.rule;
      kl.link.confidence = l.confidence;
      links.push_back(std::move(kl));
    }
  }
  // The same link from several documents (or twice in one) is one link: the most confident
  // statement (the first among equals), its confidence raised by each further one.
  {
    // Sorted through indices: a stable sort moves each link (strings and evidence) many times.
    std::vector<std::size_t> by_key(links.size());
    for (std::size_t k = 0; k < by_key.size(); ++k) by_key[k] = k;
    std::stable_sort(by_key.begin(), by_key.end(),
                     [&](std::size_t a, std::size_t b) { return key_less(links[a].link, links[b].link); });
    std::vector<keyed_link> sorted;
    sorted.reserve(links.size());
    for (const auto k : by_key) sorted.push_back(std::move(links[k]));
    links = std::move(sorted);
  }
  {
    std::size_t kept_count = 0;
    for (std::size_t i = 0; i < links.size(); ++i) {
      if (kept_count > 0 && same_key(links[kept_count - 1].link, links[i].link)) {
        auto& kept = links[kept_count - 1];
        auto& sl = links[i].link;
        const double boosted = std::min(0.99, std::max(kept.link.confidence, sl.confidence) + 0.05);
        if (sl.confidence > kept.link.confidence) kept.link = std::move(sl);
        kept.link.confidence = boosted;
        ++kept.sources;
      } else {
        if (kept_count != i) links[kept_count] = std::move(links[i]);
        ++kept_count;
      }
    }
    links.resize(kept_count);
  }
  std::vector<std::optional<timex::day_interval>> days_of_event(events.size());
  for (std::size_t i = 0; i < events.size(); ++i) days_of_event[i] = relations::days_of(events[i].when.value);
  check_story_order(events, days_of_event, out.timexes, links, merge_diags);
  out.links.reserve(links.size());
  for (auto& kl : links)
    if (!kl.dropped) out.links.push_back(std::move(kl.link));

  // ---- events sorted: dated by date, then undated; then by salience and id.
  {
    std::vector<std::size_t> by_date(events.size());
    for (std::size_t k = 0; k < by_date.size(); ++k) by_date[k] = k;
    std::sort(by_date.begin(), by_date.end(), [&](std::size_t x, std::size_t y) {
      const auto& da = days_of_event[x];
      const auto& db = days_of_event[y];
      if (da.has_value() != db.has_value()) return da.has_value();
      if (da && db && da->begin != db->begin) return da->begin < db->begin;
      if (da && db && da->end != db->end) return da->end < db->end;
      const auto& a = events[x];
      const auto& b = events[y];
      if (a.salience != b.salience) return a.salience > b.salience;
      return a.id < b.id;
    });
    out.events.reserve(events.size());
    for (const auto k : by_date) out.events.push_back(std::move(events[k]));
  }

  // ---- diagnostics
  out.diagnostics.reserve(diagnostic_count + merge_diags.size());
  for (auto d : order) {
    const auto& a = analyses[d];
    for (const auto& diag : a.diagnostics) {
      story_diagnostic sd;
      sd.level = to_string(diag.level);
      sd.stage = diag.stage;
      sd.doc = diag.doc.empty() ? a.annotated.doc.id : diag.doc;
      sd.rule = diag.rule;
      sd.message = diag.message;
      if (!diag.span.empty()) {
        sd.start = cps[d](diag.span.begin);
        sd.end = cps[d](std::min(diag.span.end, a.annotated.doc.text.size()));
      }
      out.diagnostics.push_back(std::move(sd));
    }
  }
  for (auto& d : merge_diags) out.diagnostics.push_back(std::move(d));
  std::sort(out.diagnostics.begin(), out.diagnostics.end(), [](const story_diagnostic& a, const story_diagnostic& b) {
    return std::tie(a.doc, a.start, a.stage, a.rule, a.message, a.level) <
           std::tie(b.doc, b.start, b.stage, b.rule, b.message, b.level);
  });
  std::sort(out.timexes.begin(), out.timexes.end(), [](const story_timex& a, const story_timex& b) {
    return std::tie(a.doc, a.start, a.end, a.id) < std::tie(b.doc, b.start, b.end, b.id);
  });
  return out;
}

}  // namespace

story build_story(const std::vector<document_analysis>& analyses) { return build_story_of(analyses); }

story build_story(const document_analysis& analysis) { return build_story_of(single_analysis{analysis}); }

}  // namespace chronograph::merge
