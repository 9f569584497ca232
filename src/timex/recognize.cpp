// SPDX-License-Identifier: MIT
// Recognition: one left-to-right pass over the tokens. At each token only the rules whose first
// element can match it are tried (first-token index); patterns have no unbounded repetition, so
// the work per token is bounded and the pass is linear in the text.
#include <algorithm>
#include <cmath>
#include <cstring>
#include <functional>

#include "chronograph/error.hpp"
#include "engine.hpp"

namespace chronograph::timex {
namespace {

using namespace detail;

struct capture_slot {
  std::string_view value;  ///< list value (empty for numbers)
  double number = 0;
  bool is_number = false;
  std::uint32_t begin = 0, end = 0;  ///< token range
  bool is_set = false;
};

constexpr std::size_t max_captures = 8;

// `number_word` is the index of the list "number_word" (looked up once per document).
bool is_word_number_key(const rule_set::impl& rs, int number_word, int key, double& value) {
  if (key < 0) return false;
  const auto& list = rs.lists[static_cast<std::size_t>(number_word)];
  const int child = list.child(0, key);
  if (child < 0) return false;
  const int v = list.nodes[static_cast<std::size_t>(child)].value;
  if (v < 0) return false;
  value = list.numbers[static_cast<std::size_t>(v)];
  return true;
}

class matcher {
 public:
  matcher(const rule_set::impl& rs, const std::vector<token>& toks) : rs_(rs), toks_(toks) {
    number_word_ = rs.list("number_word");
  }

  struct result {
    std::size_t end = 0;
    int rule = -1;
    capture_slot captures[max_captures];
  };

  /// Best (longest; earliest rule on ties) match starting at token `start`.
  bool best_at(std::size_t start, result& best, std::vector<int>& tried_stamp, std::size_t stamp) {
    best.end = 0;
    best.rule = -1;
    const token& t = toks_[start];
    const auto try_rules = [&](const std::vector<int>& ids) {
      for (int id : ids) {
        if (tried_stamp[static_cast<std::size_t>(id)] == static_cast<int>(stamp)) continue;
        tried_stamp[static_cast<std::size_t>(id)] = static_cast<int>(stamp);
        const auto& filter = rs_.follow[static_cast<std::size_t>(id)];
        if (filter.lead >= 0 && filter.lead == t.id && !filter.end) {
          // The rule's leading literal is this token: check its successor first.
          if (start + 1 >= toks_.size()) continue;
          const token& n = toks_[start + 1];
          const bool ok = (n.id >= 0 && filter.keys[static_cast<std::size_t>(n.id)]) ||
                          (filter.numbers && n.kind == token_kind::number) || (filter.words && n.kind == token_kind::word);
          if (!ok) continue;
        }
        if (const auto& second = rs_.second[static_cast<std::size_t>(id)]; second.active) {
          // No match of the rule is a single token: the next token must be one that can come second.
          if (start + 1 >= toks_.size()) continue;
          const token& n = toks_[start + 1];
          if (!((n.id >= 0 && second.keys[static_cast<std::size_t>(n.id)]) ||
                (second.numbers && n.kind == token_kind::number) || (second.words && n.kind == token_kind::word)))
            continue;
        }
        current_rule_ = id;
        // caps_ needs no reset: run() restores every slot it sets before returning.
        best_ = &best;
        const rule& r = rs_.rules[static_cast<std::size_t>(id)];
        not_before_ = &r.not_before_ids;
        frame f{&r.pattern, 0, nullptr};
        run(&f, start);
      }
    };
    if (t.id >= 0) try_rules(rs_.by_first_id[static_cast<std::size_t>(t.id)]);
    if (t.kind == token_kind::number) {
      // Only the rules whose first class accepts this number token.
      std::uint32_t mask = 0;
      double ignored = 0;
      for (unsigned b = 0; b < builtin_count; ++b)
        if (builtin_match(static_cast<builtin>(b), start, ignored) > start) mask |= 1u << b;
      number_rules_.clear();
      for (int id : rs_.by_number)
        if (rs_.number_first_mask[static_cast<std::size_t>(id)] & mask) number_rules_.push_back(id);
      try_rules(number_rules_);
    }
    if (t.kind == token_kind::word && !rs_.by_any_word.empty()) {
      // Can any rule that opens with a word class go on? ("{name} {d4}": only before a number.)
      const auto& f = rs_.any_word_second;
      bool may_follow = !f.active;
      if (!may_follow && start + 1 < toks_.size()) {
        const token& n = toks_[start + 1];
        may_follow = (f.numbers && n.kind == token_kind::number) || (f.words && n.kind == token_kind::word) ||
                     (rs_.any_word_second_keys && n.id >= 0 && f.keys[static_cast<std::size_t>(n.id)]);
      }
      if (may_follow) try_rules(rs_.by_any_word);
    }
    return best.rule >= 0;
  }

 private:
  struct frame {
    const sequence* seq;
    std::size_t k;
    const frame* up;
  };

  void record(std::size_t end) {
    if (!not_before_->empty() && end < toks_.size())
      for (const int id : *not_before_)
        if (toks_[end].id == id) return;  // `not_before:` ("a week from Monday [to] Friday")
    if (end > best_->end || (end == best_->end && best_->rule > current_rule_)) {
      best_->end = end;
      best_->rule = current_rule_;
      std::copy(std::begin(caps_), std::end(caps_), std::begin(best_->captures));
    }
  }

  bool space_ok(const element& e, std::size_t pos) const { return !e.no_space || !toks_[pos].space_before; }

  void set_capture(const element& e, std::size_t b, std::size_t end, std::string_view value, double number, bool is_number) {
    if (e.capture < 0 || static_cast<std::size_t>(e.capture) >= max_captures) return;
    auto& c = caps_[e.capture];
    c.value = value;
    c.number = number;
    c.is_number = is_number;
    c.begin = static_cast<std::uint32_t>(b);
    c.end = static_cast<std::uint32_t>(end);
    c.is_set = true;
  }

  void run(const frame* f, std::size_t pos) {
    if (!f) {
      record(pos);
      return;
    }
    if (f->k == f->seq->size()) {
      run(f->up, pos);
      return;
    }
    const element& e = (*f->seq)[f->k];
    const frame next{f->seq, f->k + 1, f->up};
    if (e.is_optional) run(&next, pos);
    if (pos >= toks_.size()) return;
    if (!space_ok(e, pos)) return;
    const token& t = toks_[pos];
    switch (e.kind) {
      case element::literal:
        if (t.id == e.id) {
          const capture_slot saved = e.capture >= 0 ? caps_[e.capture] : capture_slot{};
          set_capture(e, pos, pos + 1, t.key, 0, false);
          run(&next, pos + 1);
          if (e.capture >= 0) caps_[e.capture] = saved;
        }
        break;
      case element::list: {
        const auto& list = rs_.lists[static_cast<std::size_t>(e.list_id)];
        int node = 0;
        std::size_t q = pos;
        while (q < toks_.size()) {
          if (q > pos && toks_[q].space_before && toks_[q].kind == token_kind::punct && toks_[q].key != "'" &&
              toks_[q].key != "-")
            break;
          const int child = list.child(node, toks_[q].id);
          if (child < 0) break;
          node = child;
          ++q;
          const auto& n = list.nodes[static_cast<std::size_t>(node)];
          if (n.value >= 0 && (!n.needs_capital || accept_capitalized(pos))) {
            const capture_slot saved = e.capture >= 0 ? caps_[e.capture] : capture_slot{};
            set_capture(e, pos, q, list.values[static_cast<std::size_t>(n.value)], 0, false);
            run(&next, q);
            if (e.capture >= 0) caps_[e.capture] = saved;
          }
        }
        break;
      }
      case element::builtin_class: {
        double value = 0;
        const std::size_t end = builtin_match(e.cls, pos, value);
        if (end > pos) {
          const capture_slot saved = e.capture >= 0 ? caps_[e.capture] : capture_slot{};
          set_capture(e, pos, end, {}, value, true);
          run(&next, end);
          if (e.capture >= 0) caps_[e.capture] = saved;
        }
        break;
      }
      case element::group:
        for (const auto& alt : e.alternatives) {
          // An alternative whose first element is a required literal or list that this token
          // cannot start matches nothing here: skip the call (most alternatives of a group).
          if (!alt.empty() && !alt.front().is_optional) {
            const element& a = alt.front();
            if (a.kind == element::literal && a.id != t.id) continue;
            if (a.kind == element::list && rs_.lists[static_cast<std::size_t>(a.list_id)].child(0, t.id) < 0) continue;
          }
          const frame sub{&alt, 0, &next};
          run(&sub, pos);
        }
        break;
    }
  }

  // Capitalised-only entries ("May", "March"): capitalised, and not tagged as a verb or
  // auxiliary when POS tags exist; "March" as a sentence-initial verb cannot be told apart
  // without them.
  bool accept_capitalized(std::size_t pos) const {
    const token& t = toks_[pos];
    if (!t.is_capitalized) return false;
    if (t.pos == text::upos::verb || t.pos == text::upos::aux) return false;
    if (t.pos == text::upos::unknown && pos > 0) {
      // Local context without a tagger: "to March", "will march", "May I" ...
      const auto prev = toks_[pos - 1].key;
      if (prev == "to" || prev == "will" || prev == "would" || prev == "could") {
        if (pos + 1 >= toks_.size() || toks_[pos + 1].kind != token_kind::number) return false;
      }
    }
    if (t.pos == text::upos::unknown && t.sentence_start && pos + 1 < toks_.size()) {
      const auto next = toks_[pos + 1];
      static const char* const follow_verbs[] = {"i", "we", "you", "he", "she", "they", "it", "be", "not", "have", "god"};
      for (const char* w : follow_verbs)
        if (next.key == w) return false;
    }
    return true;
  }

  // `{name}`: a capitalised word that names something rather than cues a time ("Vision" in
  // "Vision 2030"): no word that opens a time expression or a modifier, nor one of
  // lists/not_name.tsv ("In", "By", "Through"); inside a sentence, or tagged PROPN at its start
  // ("A 1996 law"); with POS tags only a noun, a proper noun or a foreign word.
  bool is_name(std::size_t pos) const {
    const token& t = toks_[pos];
    if (!t.is_capitalized) return false;
    if (t.id >= 0 && rs_.not_name[static_cast<std::size_t>(t.id)]) return false;
    if (t.sentence_start) return t.pos == text::upos::propn;
    return t.pos == text::upos::unknown || t.pos == text::upos::propn || t.pos == text::upos::noun ||
           t.pos == text::upos::x;
  }

  bool is_plain_int(const token& t) const { return t.kind == token_kind::number && !t.is_ordinal && !t.is_decade; }

  std::size_t number_words(std::size_t pos, double& value) const {
    double v = 0;
    if (!is_word_number_key(rs_, number_word_, toks_[pos].id, v)) return pos;
    std::size_t end = pos + 1;
    // tens + unit: "twenty four", "twenty-four"
    if (v >= 20 && v < 100 && static_cast<int>(v) % 10 == 0 && end < toks_.size()) {
      std::size_t q = end;
      if (toks_[q].key == "-" && !toks_[q].space_before && q + 1 < toks_.size()) ++q;
      double u = 0;
      if (q < toks_.size() && is_word_number_key(rs_, number_word_, toks_[q].id, u) && u >= 1 && u <= 9) {
        v += u;
        end = q + 1;
      }
    }
    // "two hundred", "three thousand"
    if (end < toks_.size() && v >= 1 && v < 100) {
      if (toks_[end].key == "hundred") {
        v *= 100;
        ++end;
      } else if (toks_[end].key == "thousand") {
        v *= 1000;
        ++end;
      }
    }
    value = v;
    return and_a_half(end, value);
  }

  // "one and a half", "2 and a half": adds 0.5 when the words follow the number.
  std::size_t and_a_half(std::size_t end, double& value) const {
    if (end + 2 < toks_.size() && toks_[end].key == "and" && toks_[end + 1].key == "a" && toks_[end + 2].key == "half") {
      value += 0.5;
      return end + 3;
    }
    return end;
  }

  std::size_t builtin_match(builtin cls, std::size_t pos, double& value) const {
    const token& t = toks_[pos];
    switch (cls) {
      case builtin::integer:
        if (!is_plain_int(t)) return pos;
        value = t.number;
        return pos + 1;
      case builtin::number: {
        if (t.kind == token_kind::word) {
          const std::size_t end = number_words(pos, value);
          return end > pos ? and_a_half(end, value) : pos;
        }
        if (!is_plain_int(t)) return pos;
        double v = t.number;
        std::size_t end = pos + 1;
        // 1,000 and 2.5
        while (end + 1 < toks_.size() && toks_[end].key == "," && !toks_[end].space_before &&
               !toks_[end + 1].space_before && toks_[end + 1].digits == 3 && is_plain_int(toks_[end + 1])) {
          v = v * 1000 + toks_[end + 1].number;
          end += 2;
        }
        if (end + 1 < toks_.size() && toks_[end].key == "." && !toks_[end].space_before &&
            !toks_[end + 1].space_before && is_plain_int(toks_[end + 1]) && toks_[end + 1].digits <= 3) {
          v += toks_[end + 1].number / std::pow(10.0, toks_[end + 1].digits);
          end += 2;
        }
        // fractions: "1/2", "1 1/2"
        const auto fraction_at = [&](std::size_t q, double& f) {
          if (q + 2 < toks_.size() && is_plain_int(toks_[q]) && toks_[q + 1].key == "/" && !toks_[q + 1].space_before &&
              !toks_[q + 2].space_before && is_plain_int(toks_[q + 2]) && toks_[q + 2].number > 0 &&
              toks_[q].number < toks_[q + 2].number && toks_[q + 2].number <= 16) {
            f = static_cast<double>(toks_[q].number) / toks_[q + 2].number;
            return true;
          }
          return false;
        };
        double f = 0;
        if (end == pos + 1 && fraction_at(pos, f)) {
          value = f;
          return pos + 3;
        }
        if (end == pos + 1 && t.digits <= 2 && fraction_at(end, f)) {
          value = v + f;
          return end + 3;
        }
        value = v;
        return and_a_half(end, value);
      }
      case builtin::year:
        if (t.kind == token_kind::word && (t.key == "nineteen" || t.key == "eighteen") && pos + 1 < toks_.size()) {
          // Spoken years: "nineteen ninety-six", "nineteen eighty".
          double rest = 0;
          const std::size_t end = number_words(pos + 1, rest);
          if (end > pos + 1 && rest >= 10 && rest <= 99) {
            value = (t.key == "nineteen" ? 1900 : 1800) + rest;
            return end;
          }
          return pos;
        }
        if (!is_plain_int(t) || t.digits != 4 || t.number < 1000 || t.number > 2199) return pos;
        // "closed at 2082.1": the integer part of a decimal is no year.
        if (pos + 2 < toks_.size() && toks_[pos + 1].key == "." && !toks_[pos + 1].space_before &&
            !toks_[pos + 2].space_before && toks_[pos + 2].kind == token_kind::number)
          return pos;
        value = t.number;
        return pos + 1;
      case builtin::yy:
        if (!is_plain_int(t) || t.digits != 2) return pos;
        value = t.number;
        return pos + 1;
      case builtin::dom:
        if (t.kind != token_kind::number || t.is_decade || t.digits > 2 || t.number < 1 || t.number > 31) return pos;
        value = t.number;
        return pos + 1;
      case builtin::dom13:  // a day of the month that cannot be a month: "15/01/2020" is day first
        if (!is_plain_int(t) || t.digits > 2 || t.number < 13 || t.number > 31) return pos;
        value = t.number;
        return pos + 1;
      case builtin::mm:
        if (!is_plain_int(t) || t.digits > 2 || t.number < 1 || t.number > 12) return pos;
        value = t.number;
        return pos + 1;
      case builtin::hour:
        if (!is_plain_int(t) || t.digits > 2 || t.number > 24) return pos;
        value = t.number;
        return pos + 1;
      case builtin::hour12:
        if (!is_plain_int(t) || t.digits > 2 || t.number < 1 || t.number > 12) return pos;
        value = t.number;
        return pos + 1;
      case builtin::minute:
        if (!is_plain_int(t) || t.digits != 2 || t.number > 59) return pos;
        value = t.number;
        return pos + 1;
      case builtin::ordinal:
        if (t.kind != token_kind::number || !t.is_ordinal) return pos;
        value = t.number;
        return pos + 1;
      case builtin::decade:
        if (t.kind != token_kind::number || !t.is_decade) return pos;
        if (t.digits == 4 && t.number % 10 == 0) {
          value = t.number;
          return pos + 1;
        }
        if (t.digits == 2 && t.number % 10 == 0) {
          value = t.number;  // "90s", "'90s": two digits, century from the anchor
          return pos + 1;
        }
        return pos;
      case builtin::word:
        if (t.kind != token_kind::word) return pos;
        return pos + 1;
      case builtin::cap:
        if (t.kind != token_kind::word || !t.is_capitalized) return pos;
        return pos + 1;
      case builtin::name:
        if (t.kind != token_kind::word || !is_name(pos)) return pos;
        return pos + 1;
      case builtin::digits3:
        if (!is_plain_int(t) || t.digits != 3) return pos;
        value = t.number;
        return pos + 1;
      case builtin::digits13:
        if (!is_plain_int(t) || t.digits > 3) return pos;
        value = t.number;
        return pos + 1;
      case builtin::digits4:
        if (!is_plain_int(t) || t.digits != 4) return pos;
        value = t.number;
        return pos + 1;
      case builtin::hhmm:  // a 24-hour clock time written as four digits: "0735", "1430"
        if (!is_plain_int(t) || t.digits != 4 || t.number / 100 > 23 ||
            static_cast<int>(t.number) % 100 > 59)
          return pos;
        value = t.number;
        return pos + 1;
    }
    return pos;
  }

  const rule_set::impl& rs_;
  const std::vector<token>& toks_;
  const std::vector<int>* not_before_ = nullptr;  ///< the current rule's `not_before:` tokens
  int number_word_ = -1;
  int current_rule_ = -1;
  result* best_ = nullptr;
  std::vector<int> number_rules_;
  capture_slot caps_[max_captures];
};

int to_int(const capture_slot& c) {
  if (c.is_number) return static_cast<int>(std::lround(c.number));
  return std::atoi(std::string(c.value).c_str());
}
double to_double(const capture_slot& c) {
  if (c.is_number) return c.number;
  return std::atof(std::string(c.value).c_str());
}

// Fills a candidate from a rule and its captures (recognition: only what the text states).
candidate make_candidate(const rule& r, const matcher::result& m, const std::vector<token>& toks, std::size_t start) {
  candidate c;
  c.span = {toks[start + r.context_tokens].begin, toks[m.end - 1 - r.trailing_context_tokens].end};
  c.type = r.type;
  c.rule = r.name;
  c.op = r.op;
  c.literal = r.literal;
  c.precision = r.precision;
  c.mod = r.mod;
  c.quant = r.quant;
  c.freq = r.freq;
  c.is_latent = r.is_latent;
  c.is_reporting_span = r.reporting_span;
  c.follows_period = r.follows_period;
  c.refers_fiscal = r.refers_fiscal;
  c.from_reference = r.from_reference;
  c.is_offset = r.has_offset;
  c.unit = r.unit;
  c.amount = r.amount_unspecified ? -1 : r.amount;
  bool pm = false, am = false;
  std::optional<int> nth;  // the weekday's place in its month
  for (std::size_t k = 0; k < r.capture_names.size() && k < max_captures; ++k) {
    const capture_slot& s = m.captures[k];
    if (!s.is_set) continue;
    const std::string& name = r.capture_names[k];
    if (name == "year") c.year = to_int(s);
    else if (name == "yy") {
      c.year = to_int(s);
      c.two_digit_year = true;
    } else if (name == "month") c.month = to_int(s);
    else if (name == "day") c.day = to_int(s);
    else if (name == "weekday") c.weekday = to_int(s);
    else if (name == "decade") {
      const int v = to_int(s);
      if (v < 100) {
        c.decade = v / 10;
        c.two_digit_year = true;
      } else {
        c.decade = v / 10;
      }
    } else if (name == "century") c.century = to_int(s);
    else if (name == "quarter") c.quarter = to_int(s);
    else if (name == "half") c.half = to_int(s);
    else if (name == "week") c.week = to_int(s);
    else if (name == "season") c.season = std::string(s.value);
    else if (name == "part") c.part_of_day = std::string(s.value);
    else if (name == "hour") c.hour = to_int(s);
    else if (name == "minute") c.minute = to_int(s);
    else if (name == "clock") {
      c.hour = to_int(s) / 100;
      c.minute = to_int(s) % 100;
    }
    else if (name == "second") c.second = to_int(s);
    else if (name == "ampm") {
      pm = s.value == "pm";
      am = s.value == "am";
    } else if (name == "zone") c.zone = std::string(s.value);
    else if (name == "holiday") c.holiday = std::string(s.value);
    else if (name == "mod") c.mod = std::string(s.value);
    else if (name == "fiscal") c.is_fiscal = true;
    else if (name == "n" && static_cast<int>(k) == r.amount_capture) {
    } else if (name == "nth") nth = to_int(s);
  }
  // "the second Tuesday of May", "the last Friday in June": the day is found like a holiday's
  // (nth:M:WD:N, N = -1 for the last), so the year comes from the tense as for "Thanksgiving".
  if (nth && c.weekday && c.month && (*nth == -1 || (*nth >= 1 && *nth <= 5))) {
    c.holiday = "nth:" + std::to_string(*c.month) + ":" + std::to_string(*c.weekday) + ":" + std::to_string(*nth);
    c.month.reset();
    c.weekday.reset();
  }
  if (c.hour) {
    if (pm && *c.hour < 12) *c.hour += 12;
    if (am && *c.hour == 12) c.hour = 0;
  }
  if (r.amount_capture >= 0 && static_cast<std::size_t>(r.amount_capture) < max_captures &&
      m.captures[r.amount_capture].is_set)
    c.amount = to_double(m.captures[r.amount_capture]);
  if (r.op != operation::duration && r.op != operation::set) c.amount *= r.sign;
  if (r.unit_capture >= 0 && static_cast<std::size_t>(r.unit_capture) < max_captures &&
      m.captures[r.unit_capture].is_set)
    c.unit = std::string(m.captures[r.unit_capture].value);
  return c;
}

// The clause's tense from nearby cue words (or POS tags when present): the nearest cue
// before the expression within its sentence, else the nearest after it.
// A reporting verb ("said") tells the tense of the report, not of what is reported: it decides
// only when no other cue is found, or when it directly precedes the expression ("said Friday").
// Cues that only count right before the expression (value `future_near`: "until", "as early
// as") point forward; so do multi-word cues such as "planned to" ("set to resume Monday").
constexpr tense tense_report = static_cast<tense>(99);
constexpr tense tense_future_near = static_cast<tense>(98);

// Value index of the word-list entry of at least `min_len` tokens that ends exactly at token
// `end` and spans at most four tokens within the sentence (longest first); -1 when
// none does.
int entry_ending_at(const word_list& list, const std::vector<token>& toks, std::size_t end, std::size_t min_len = 1,
                    std::size_t* start_out = nullptr) {
  for (std::size_t len = std::min<std::size_t>(4, end + 1); len >= min_len && len >= 1; --len) {
    const std::size_t start = end + 1 - len;
    bool crosses = false;
    for (std::size_t q = start + 1; q <= end; ++q) crosses = crosses || toks[q].sentence_start;
    if (crosses) continue;
    int node = 0;
    for (std::size_t q = start; q <= end && node >= 0; ++q) node = list.child(node, toks[q].id);
    if (node >= 0 && list.nodes[static_cast<std::size_t>(node)].value >= 0) {
      if (start_out) *start_out = start;
      return list.nodes[static_cast<std::size_t>(node)].value;
    }
  }
  return -1;
}

tense tense_of_value(const std::string& val) {
  if (val == "past") return tense::past;
  if (val == "future") return tense::future;
  if (val == "present") return tense::present;
  if (val == "report") return tense_report;
  if (val == "modal") return tense::modal;
  if (val == "future_near") return tense_future_near;
  return tense::unknown;
}

tense clause_tense(const rule_set::impl& rs, const std::vector<token>& toks, std::size_t first, std::size_t last) {
  const auto& cues = rs.lists[static_cast<std::size_t>(rs.tense_cue_list)];
  // The cue list decides first, POS tags second: a tag says "past" for "said" too, but a
  // reporting verb must stay a weak cue with or without a tagger.
  const auto cue_of = [&](const token& t) -> tense {
    if (t.kind == token_kind::word) {
      if (const int child = cues.child(0, t.id); child >= 0) {
        const int v = cues.nodes[static_cast<std::size_t>(child)].value;
        if (v >= 0) {
          const tense c = tense_of_value(cues.values[static_cast<std::size_t>(v)]);
          return c == tense_future_near ? tense::unknown : c;
        }
      }
    }
    if (!t.xpos.empty()) {
      if (t.xpos == "VBD" || t.xpos == "VBN") return tense::past;  // VBN as "-ed" below: see cue_at
      if (t.xpos == "MD" && (t.key == "will" || t.key == "'ll" || t.key == "shall")) return tense::future;
      if (t.xpos == "VBZ" || t.xpos == "VBP") return tense::present;
      return tense::unknown;
    }
    if (t.kind != token_kind::word) return tense::unknown;
    if (t.key.size() > 4 && t.key.substr(t.key.size() - 2) == "ed") return tense::past;
    return tense::unknown;
  };
  // An "-ed" form after a determiner or a degree adverb is an adjective ("a still unspecified
  // date", "the planned merger"): lists/adjective_context.tsv.
  const auto* adjective_context =
      rs.adjective_context_list >= 0 ? &rs.lists[static_cast<std::size_t>(rs.adjective_context_list)] : nullptr;
  // A participle after "be"/"been" is no past tense ("must be returned"); after "is"/"has"
  // it is a present (perfect or passive).
  const auto cue_at = [&](std::size_t q) -> tense {
    const tense t = cue_of(toks[q]);
    if (t == tense::past && q > 0 && (toks[q].xpos.empty() || toks[q].xpos == "VBN")) {  // "-ed" forms, listed ones ("be paid")
      const auto prev = toks[q - 1].key;
      const bool ed = toks[q].key.size() > 4 && toks[q].key.substr(toks[q].key.size() - 2) == "ed";
      if (ed && adjective_context && adjective_context->child(0, toks[q - 1].id) >= 0) return tense::unknown;
      if (prev == "be" || prev == "been" || prev == "being") return tense::unknown;
      if (prev == "is" || prev == "are" || prev == "has" || prev == "have") return tense::present;
    }
    return t;
  };
  // Right before the expression (over a word of lists/cue_gap.tsv: "on", "here"): "said Friday",
  // "until Tuesday", "as early as May".
  if (first > 0 && !toks[first].sentence_start) {
    std::size_t q = first - 1;
    const auto* gap = rs.cue_gap_list >= 0 ? &rs.lists[static_cast<std::size_t>(rs.cue_gap_list)] : nullptr;
    if (gap && gap->child(0, toks[q].id) >= 0 && q > 0 && !toks[q].sentence_start) --q;
    std::size_t cue_start = q;
    const int v = entry_ending_at(cues, toks, q, 1, &cue_start);
    if (v >= 0) {
      const tense t = tense_of_value(cues.values[static_cast<std::size_t>(v)]);
      if (t == tense_report) return tense::past;
      // A sentence opened by the cue sets a scene ("Until Thursday, they had not ..."): no cue.
      if (t == tense_future_near && !toks[cue_start].sentence_start) return tense::future;
    }
  }
  // An auxiliary right after the expression is its own clause's ("that it soon will begin
  // selling", "the company soon may seek"): it decides before a verb further back ("is so
  // anxious"). Not a modal perfect, which looks back ("oil wells now may have been set afire").
  if (last + 1 < toks.size() && !toks[last + 1].sentence_start) {
    const tense t = cue_at(last + 1);
    const bool perfect = last + 2 < toks.size() && toks[last + 2].key == "have";
    if ((t == tense::future || t == tense::modal) && !perfect) return t;
  }
  constexpr std::size_t window = 12;
  bool reported = false, modal = false;
  std::size_t lo = first;
  for (std::size_t steps = 0; lo > 0 && steps < window; ++steps) {
    if (toks[lo].sentence_start) break;
    --lo;
    // Multi-word cues end here ("planned to", "set to": what follows is still to come).
    const int mv = lo > 0 && !toks[lo].sentence_start ? entry_ending_at(cues, toks, lo, 2) : -1;
    const tense t = mv >= 0 ? tense_of_value(cues.values[static_cast<std::size_t>(mv)]) : cue_at(lo);
    if (t == tense_report) reported = true;
    else if (t == tense::modal) modal = true;
    else if (t != tense::unknown) return modal ? tense::modal : t;
  }
  for (std::size_t q = last + 1, steps = 0; q < toks.size() && steps < window; ++q, ++steps) {
    if (toks[q].sentence_start) break;
    const tense t = cue_at(q);
    if (t == tense_report) reported = true;
    else if (t == tense::modal) modal = true;
    else if (t != tense::unknown) return modal ? tense::modal : t;
  }
  if (modal) return tense::modal;
  return reported ? tense::past : tense::unknown;
}

// The tense of the verb that governs an expression in the dependency parse, when the text stage
// parsed the document: "They meet [Monday]" (present: a plan), "talks that ended [Monday]"
// (past), "will meet [Monday]", "is scheduled to arrive [Monday]" (future). Walks from the
// expression's head word up to its verb; an infinitive or participle without its own tense
// takes the tense of the verb it depends on. Unknown when the parse says nothing useful.
class parse_tenses {
 public:
  explicit parse_tenses(const text::annotated_document& doc) : doc_(doc) {
    for (const auto& t : doc.tokens)
      if (t.head >= 0 || !t.deprel.empty()) {
        parsed_ = true;
        break;
      }
  }
  [[nodiscard]] bool parsed() const noexcept { return parsed_; }

  /// Tense governing the expression made of text-stage tokens [first, last].
  [[nodiscard]] tense of(std::size_t first, std::size_t last) const {
    if (!parsed_ || first > last || last >= doc_.tokens.size()) return tense::unknown;
    if (!prepared_) prepare();
    return tense_of(first, last);
  }

 private:
  // The tables below, made on the first of() only: most documents have no weekday to date.
  void prepare() const {
    prepared_ = true;
    const auto& doc = doc_;
    sentence_of_.assign(doc.tokens.size(), 0);
    for (std::size_t s = 0; s < doc.sentences.size(); ++s)
      for (std::size_t k = doc.sentences[s].first_token; k < doc.sentences[s].end_token && k < doc.tokens.size(); ++k)
        sentence_of_[k] = s;
    // What each verb's dependents say about its tense, collected once (linear in the tokens).
    verbs_.assign(doc.tokens.size(), verb_info{});
    for (std::size_t k = 0; k < doc.tokens.size(); ++k) {
      const auto h = head_of(k);
      if (!h) continue;
      const auto& c = doc.tokens[k];
      auto& v = verbs_[*h];
      // Views: comparing them with a literal checks the length first (std::string == "..." does not).
      const std::string_view rel = c.deprel, xpos = c.xpos;
      if (rel == "nsubj" || rel == "nsubj:pass" || rel == "expl") v.has_subject = true;
      if ((rel == "mark" || rel == "aux") && lower_is(c.form, "to")) v.has_to = true;
      if (rel != "aux" && rel != "aux:pass") continue;
      if (lower_is(c.form, "will") || lower_is(c.form, "'ll") || lower_is(c.form, "shall") || lower_is(c.form, "wo"))
        v.future = true;
      else if (xpos == "MD") v.modal = true;
      else if (xpos == "VBD") v.aux_past = true;
      else if ((xpos == "VBZ" || xpos == "VBP") && (c.lemma == "have" || lower_is(c.form, "'ve") ||
                                                   lower_is(c.form, "has") || lower_is(c.form, "have")))
        v.aux_perfect = true;
      else if (xpos == "VBZ" || xpos == "VBP") v.aux_present = true;
    }
  }

  [[nodiscard]] tense tense_of(std::size_t first, std::size_t last) const {
    // The expression's head: its first token whose head lies outside it.
    std::optional<std::size_t> head;
    for (std::size_t k = first; k <= last && !head; ++k) {
      const auto h = head_of(k);
      if (!h || *h < first || *h > last) head = k;
    }
    if (!head) return tense::unknown;
    // Only an adjunct of a verb ("meet [Monday]", "left on [Tuesday]"); a weekday inside a noun
    // phrase ("[Tuesday]'s declaration", "the [Monday] meeting") says nothing about a verb.
    std::optional<std::size_t> at = head_of(*head);
    for (int steps = 0; at && steps < 4; ++steps) {
      if (!is_verb(doc_.tokens[*at])) return tense::unknown;
      const tense v = verb_tense(*at);
      if (v != tense::unknown) return v;
      if (!defers(*at)) return tense::unknown;
      at = head_of(*at);
    }
    return tense::unknown;
  }

  struct verb_info {
    bool has_to = false, has_subject = false, future = false, modal = false, aux_past = false, aux_perfect = false,
         aux_present = false;
  };
  static bool is_verb(const text::token& t) {
    return (t.tag == text::upos::verb || t.tag == text::upos::aux) && !t.xpos.empty() && t.xpos[0] == 'V';
  }
  static bool lower_is(const std::string& form, std::string_view w) {
    if (form.size() != w.size()) return false;
    for (std::size_t k = 0; k < w.size(); ++k)
      if (static_cast<char>(std::tolower(static_cast<unsigned char>(form[k]))) != w[k]) return false;
    return true;
  }
  std::optional<std::size_t> head_of(std::size_t k) const {
    const auto& t = doc_.tokens[k];
    if (t.head < 0 || sentence_of_[k] >= doc_.sentences.size()) return std::nullopt;
    const std::size_t h = doc_.sentences[sentence_of_[k]].first_token + static_cast<std::size_t>(t.head);
    if (h >= doc_.tokens.size() || h == k) return std::nullopt;
    return h;
  }
  // A verb form with no tense of its own (infinitive, participle, gerund) defers to its head.
  bool defers(std::size_t v) const {
    const auto& x = doc_.tokens[v].xpos;
    return x == "VB" || x == "VBG" || x == "VBN";
  }
  tense verb_tense(std::size_t v) const {
    const auto& info = verbs_[v];
    const std::string& x = doc_.tokens[v].xpos;
    if (info.future) return tense::future;
    if (info.modal) return tense::modal;
    if (info.aux_past) return tense::past;  // "was leaving", "had met", "was scheduled"
    if (info.aux_perfect) return x == "VBN" ? tense::past : tense::present;  // "has met" happened
    if (info.aux_present) return tense::present;  // "is leaving", "is scheduled (to leave)": plans
    if (info.has_to) return tense::unknown;       // an infinitive: the verb it depends on decides
    if (x == "VBD") return tense::past;
    if (x == "VBZ" || x == "VBP") return tense::present;
    if (x == "VB" && info.has_subject) return tense::present;  // a finite verb tagged VB ("They meet Monday")
    if (x == "VBN" && info.has_subject) return tense::past;
    return tense::unknown;
  }

  const text::annotated_document& doc_;
  bool parsed_ = false;
  mutable bool prepared_ = false;
  mutable std::vector<std::size_t> sentence_of_;
  mutable std::vector<verb_info> verbs_;
};

// Extends a candidate leftwards over a modifier ("about", "more than", "early", "mid-",
// "the end of") from lists/mod_prefix.tsv; values are "<MOD>" or "<MOD>:<types>".
void expand_modifier(const rule_set::impl& rs, const std::vector<token>& toks, std::size_t& first, candidate& c) {
  const auto& list = rs.lists[static_cast<std::size_t>(rs.mod_prefix_list)];
  // Try each start up to 4 tokens back; keep the longest entry that ends right at `first`.
  for (std::size_t back = std::min<std::size_t>(4, first); back >= 1; --back) {
    const std::size_t b = first - back;
    int node = 0;
    std::size_t q = b;
    for (; q < first; ++q) {
      int child = -1;
      for (const auto& [k, ch] : list.nodes[static_cast<std::size_t>(node)].child_ids)
        if (k == toks[q].id && k >= 0) {
          child = ch;
          break;
        }
      if (child < 0) break;
      node = child;
    }
    if (q != first) continue;
    const int v = list.nodes[static_cast<std::size_t>(node)].value;
    if (v < 0) continue;
    std::string value = list.values[static_cast<std::size_t>(v)];
    std::string types;
    if (const auto colon = value.find(':'); colon != std::string::npos) {
      types = value.substr(colon + 1);
      value = value.substr(0, colon);
    }
    const std::string type_name = to_string(c.type);
    if (!types.empty() && types.find(type_name) == std::string::npos) continue;
    if (c.op == operation::literal && c.type != timex_type::duration) continue;
    // "early/late" before a day ("late Monday", "early Friday morning") is not part of the
    // TIMEX3 in TimeBank; before a month, year or period it is ("late November").
    if ((value == "START" || value == "END" || value == "MID") && (c.day || c.weekday || c.hour)) continue;
    if (!c.mod.empty() && c.mod != value) continue;
    c.mod = value;
    c.span.begin = toks[b].begin;
    first = b;
    return;
  }
}

// Extends a candidate rightwards over a modifier from lists/mod_suffix.tsv ("or so").
void expand_suffix(const rule_set::impl& rs, const std::vector<token>& toks, std::size_t& end, candidate& c) {
  const int list_id = rs.list("mod_suffix");
  if (list_id < 0) return;
  const auto& list = rs.lists[static_cast<std::size_t>(list_id)];
  int node = 0;
  for (std::size_t q = end; q < toks.size() && q < end + 3; ++q) {
    int child = -1;
    for (const auto& [k, ch] : list.nodes[static_cast<std::size_t>(node)].child_ids)
      if (k == toks[q].id && k >= 0) {
        child = ch;
        break;
      }
    if (child < 0) return;
    node = child;
    const int v = list.nodes[static_cast<std::size_t>(node)].value;
    if (v >= 0) {
      if (c.mod.empty()) c.mod = list.values[static_cast<std::size_t>(v)];
      c.span.end = toks[q].end;
      end = q + 1;
      return;
    }
  }
}

void apply_pos_tags(const text::annotated_document& doc, std::vector<token>& toks, std::size_t& j) {
  if (doc.tokens.empty()) return;
  for (auto& t : toks) {
    while (j < doc.tokens.size() && doc.tokens[j].span.end <= t.begin) ++j;
    if (j < doc.tokens.size() && doc.tokens[j].span.begin <= t.begin && t.begin < doc.tokens[j].span.end) {
      t.pos = doc.tokens[j].tag;
      t.xpos = doc.tokens[j].xpos;
      t.doc_token = static_cast<std::int32_t>(j);
    }
  }
}


// Offset just past the first blank line in text[from, to) (a line break, optional spaces or
// tabs, a line break), npos when there is none. The search never reads past `to`.
std::size_t after_blank_line(std::string_view text, std::size_t from, std::size_t to) {
  const std::string_view window = text.substr(0, to);
  for (std::size_t i = window.find('\n', from); i != std::string_view::npos; i = window.find('\n', i + 1)) {
    std::size_t k = i + 1;
    while (k < to && (text[k] == ' ' || text[k] == '\t' || text[k] == '\r' || text[k] == '\f' || text[k] == '\v')) ++k;
    if (k < to && text[k] == '\n') return k + 1;
  }
  return std::string_view::npos;
}

// End of the segment that starts at `begin`: the first paragraph break (blank line), so that no
// time expression, modifier or multi-token number spans a blank line ("... 4\n\nMay 1999" is
// no "4 May 1999"); in a paragraph longer than `max_size` bytes a sentence end or whitespace
// after `min_size` bytes. Segments also keep the token vector small (cache-resident) whatever
// the document size.
std::size_t segment_end(std::string_view text, std::size_t begin) {
  constexpr std::size_t min_size = 16 * 1024, max_size = 64 * 1024;
  const std::size_t limit = std::min(text.size(), begin + max_size);
  if (const std::size_t para = after_blank_line(text, begin, limit); para != std::string_view::npos) return para;
  if (limit == text.size()) return text.size();
  // Search only inside [begin + min_size, limit): the cost per segment stays bounded.
  const std::string_view window = text.substr(begin + min_size, limit - begin - min_size);
  for (const std::string_view cut : {std::string_view(". "), std::string_view("\n"), std::string_view(" ")}) {
    const std::size_t at = window.rfind(cut);
    if (at != std::string_view::npos) return begin + min_size + at + cut.size();
  }
  std::size_t at = limit;  // no whitespace at all: cut on a UTF-8 character boundary
  while (at > begin + 1 && (static_cast<unsigned char>(text[at]) & 0xC0) == 0x80) --at;
  return at;
}


// 'A'..'Z' -> 'a'..'z', every other byte as it is; eight bytes at a time.
void ascii_lower_in_place(std::string& s) {
  constexpr std::uint64_t ones = 0x0101010101010101ULL, high = 0x8080808080808080ULL;
  std::size_t i = 0;
  for (; i + 8 <= s.size(); i += 8) {
    std::uint64_t w;
    std::memcpy(&w, s.data() + i, 8);
    const std::uint64_t low7 = w & ~high;  // each byte's low seven bits: no carry between bytes below
    const std::uint64_t at_least_a = low7 + (0x80 - 'A') * ones, above_z = low7 + (0x7F - 'Z') * ones;
    w |= (at_least_a & ~above_z & ~w & high) >> 2;  // upper-case ASCII letters (high bit clear) get 0x20
    std::memcpy(s.data() + i, &w, 8);
  }
  for (; i < s.size(); ++i)
    if (s[i] >= 'A' && s[i] <= 'Z') s[i] = static_cast<char>(s[i] - 'A' + 'a');
}

}  // namespace

std::vector<candidate> recognize(const text::annotated_document& doc, const rule_set& rules) {
  std::vector<candidate> out;
  detail::recognize_each(doc, rules, [&](candidate&& c) { out.push_back(std::move(c)); });
  return out;
}

void detail::recognize_each(const text::annotated_document& doc, const rule_set& rules,
                            const std::function<void(candidate&&)>& emit) {
  const auto& rs = rules.internals();
  const std::string& text = doc.doc.text;
  if (text.size() >= 0xFFFFFFFFu)  // token offsets are 32-bit
    throw input_error(doc.doc.id + ": document of " + std::to_string(text.size()) + " bytes is too large for the timex stage (4 GiB)");
  std::string lowered;  // the current segment, lower-cased (token keys point into it)
  std::vector<token> toks;
  std::uint32_t previous_end = 0;  // end of the last emitted candidate
  bool emitted = false;
  // The last emitted candidate when it is a month-day ("April 24"), for a day coordinated with it
  // ("and 25", rules with `joins: day`); its end token in the current segment.
  std::optional<candidate> previous_month_day;
  std::size_t previous_last = 0;
  matcher m(rs, toks);
  std::vector<int> stamps(rs.rules.size(), -1);
  matcher::result best;
  std::size_t stamp = 0;
  std::size_t pos_cursor = 0;
  const parse_tenses parse(doc);
  for (std::size_t seg = 0; seg < text.size();) {
    const std::size_t seg_end = segment_end(text, seg);
    const std::string_view segment = std::string_view(text).substr(seg, seg_end - seg);
    lowered.assign(segment);
    ascii_lower_in_place(lowered);
    tokenize(segment, lowered, toks);
    for (auto& t : toks) {
      t.begin += static_cast<std::uint32_t>(seg);
      t.end += static_cast<std::uint32_t>(seg);
      t.id = rs.id_of(t.key);
    }
    apply_pos_tags(doc, toks, pos_cursor);
    seg = seg_end;
    previous_month_day.reset();
    std::size_t i = 0;
    std::size_t blocked_until = 0;  // token index in this segment: candidates ending there or before are blocked
    while (i < toks.size()) {
      if (!m.best_at(i, best, stamps, stamp++)) {
        ++i;
        continue;
      }
      const rule& r = rs.rules[static_cast<std::size_t>(best.rule)];
      // A negative rule blocks what lies inside it, not an expression that starts inside and
      // runs past its end ("$1.1 million [a year ago]" against the rate "$1.1 million a year").
      if (r.is_negative) {
        blocked_until = std::max(blocked_until, best.end);
        ++i;
        continue;
      }
      if (best.end <= blocked_until) {
        ++i;
        continue;
      }
      candidate c = make_candidate(r, best, toks, i);
      if (r.joins_day) {
        // "on April 24 [and 25]": only right after a month-day, whose month and stated year it
        // shares (the leading context is the conjunction).
        if (!previous_month_day || previous_last != i) {
          ++i;
          continue;
        }
        c.month = previous_month_day->month;
        c.year = previous_month_day->year;
        c.two_digit_year = previous_month_day->two_digit_year;
      }
      std::size_t first = i + r.context_tokens;
      if (first > 0 && r.context_tokens == 0) {
        const std::string mod = c.mod;
        expand_modifier(rs, toks, first, c);
        // Never swallow the previous mention.
        if (emitted && c.span.begin < previous_end) {
          c.span.begin = toks[i].begin;
          c.mod = mod;
          first = i;
        }
      }
      std::size_t last = best.end - r.trailing_context_tokens;
      if (r.trailing_context_tokens == 0) expand_suffix(rs, toks, last, c);
      tense parsed = tense::unknown;
      // A possessive weekday modifies a noun ("follows [Tuesday]'s declaration"), whatever the
      // parse attached it to: the governing verb tells nothing about the day.
      const bool possessive = last + 1 < toks.size() && toks[last].key == "'" && toks[last + 1].key == "s" &&
                              toks[last].end == toks[last + 1].begin;
      if (parse.parsed() && !possessive && c.weekday && !c.month && !c.day && c.op == operation::fields) {
        std::int32_t lo = -1, hi = -1;
        for (std::size_t q = first; q < last; ++q)
          if (toks[q].doc_token >= 0) {
            if (lo < 0) lo = toks[q].doc_token;
            hi = toks[q].doc_token;
          }
        if (lo >= 0) parsed = parse.of(static_cast<std::size_t>(lo), static_cast<std::size_t>(hi));
        // News convention: a weekday with a present-tense verb is a plan ("They meet Monday",
        // "is leaving Tuesday"), the coming one.
        if (parsed == tense::present) parsed = tense::future;
      }
      c.clause_tense = clause_tense(rs, toks, first, last - 1);
      // The governing verb of a parsed sentence decides where cue words say nothing or only
      // "present" (see parse_tenses).
      if (parsed != tense::unknown && (c.clause_tense == tense::unknown || c.clause_tense == tense::present))
        c.clause_tense = parsed;
      // "a week from Tuesday" counts forward from the day: the coming one, unless the clause is
      // past ("the trial starts a week from Tuesday" is no week after last Tuesday).
      if (r.looks_ahead && c.clause_tense != tense::past) c.clause_tense = tense::future;
      if (r.future_only && c.clause_tense != tense::future && c.clause_tense != tense::modal) {
        // "soon" names a time only ahead ("it will soon begin"); "was soon released" is an adverb
        // of sequence.
        ++i;
        continue;
      }
      if (r.past_as_duration && c.clause_tense == tense::past && r.op == operation::anchor) {
        // "his second letter in two weeks was published": a span of time, not a future date.
        c.op = operation::duration;
        c.type = timex_type::duration;
        c.amount = std::abs(c.amount);
      }
      previous_end = c.span.end;
      emitted = true;
      if (c.month && c.day && !c.hour && c.op == operation::fields) previous_month_day = c;
      else previous_month_day.reset();
      previous_last = last;
      emit(std::move(c));
      i = last;
    }
  }
}

}  // namespace chronograph::timex
