// SPDX-License-Identifier: MIT
// Arc-hybrid transition parser. A configuration is a stack (ROOT at the bottom), a buffer
// pointer and the arcs built so far; transitions are SHIFT, LEFT-ARC (b0 heads s0) and RIGHT-ARC
// (s1 heads s0), each arc popping s0. Two averaged perceptrons decide: the transition classifier
// (three classes) at every step and the label classifier once per arc. Training follows a
// dynamic oracle (Goldberg & Nivre 2013): at each step the moves that lose no reachable gold arc
// are correct, and after the first epochs the parser mostly follows its own predictions, so it
// learns to recover from its mistakes.
#include "chronograph/text/parser.hpp"

#include <algorithm>
#include <array>
#include <limits>
#include <map>

#include "chronograph/error.hpp"
#include "chronograph/resources.hpp"
#include "chronograph/text/tagger.hpp"
#include "features.hpp"
#include "perceptron.hpp"
#include "table_reader.hpp"

namespace chronograph::text {

namespace {
constexpr std::string_view magic_line = "chronograph-dep-parser 3";
constexpr std::size_t max_features = 128;
constexpr std::size_t max_role_features = 16;
constexpr std::uint64_t none_atom = 0x4E4F4E45ull;  // "NONE"
constexpr std::uint64_t root_atom = 0x524F4F54ull;  // "ROOT"
}  // namespace

// The transition table is small per feature (three weights), so one cache line answers each of
// its lookups; the label classifier runs once per word rather than at every transition.
struct dependency_parser::model {
  std::vector<std::string> labels;
  std::size_t root_label = 0;
  detail::line_table<3> transitions;
  detail::weight_table arcs;  ///< classes: labels
};

namespace {

enum class move { shift, left, right };  // the transition classifier's classes 0, 1, 2
constexpr std::array<move, 3> all_moves = {move::shift, move::left, move::right};

enum class word_kind : std::uint8_t { other, verb, punct };

// One sentence being parsed; index 0 is ROOT, words are 1..n.
struct configuration {
  std::size_t n = 0;
  std::vector<std::uint64_t> word, tag;
  std::vector<int> stack;
  std::size_t next = 1;  // first buffer word
  std::vector<int> head;
  std::vector<int> label;
  std::vector<int> lc1, lc2, rc1, rc2;  // outermost and second outermost children on each side
  std::vector<int> n_left, n_right;
  std::vector<std::uint64_t> left_labels, right_labels;  // label bit sets
  std::vector<std::uint64_t> verb_ahead;                 // per word: the next verb's tag and distance
  std::vector<std::uint8_t> punct;                       // per word: a punctuation mark

  /// `kinds[k]`: what word k + 1 is tagged as (verb, punctuation mark or other).
  void init(const std::vector<std::uint64_t>& words, const std::vector<std::uint64_t>& tags,
            const std::vector<word_kind>& kinds) {
    n = words.size();
    word.assign(1, root_atom);
    word.insert(word.end(), words.begin(), words.end());
    tag.assign(1, root_atom);
    tag.insert(tag.end(), tags.begin(), tags.end());
    // The next verb after each word, by its tag and how far it is: whether a clause lies ahead
    // ("because the after-tax cost ... is higher": a verb follows, "because" marks a clause).
    verb_ahead.assign(n + 1, none_atom);
    int verb = -1;
    for (std::size_t i = n; i >= 1; --i) {
      if (verb > 0) {
        const auto d = static_cast<std::size_t>(verb) - i;
        const std::uint64_t bucket = d == 1 ? 1 : d == 2 ? 2 : d <= 4 ? 3 : d <= 8 ? 4 : 5;
        verb_ahead[i] = detail::mix64(tag[static_cast<std::size_t>(verb)] * 13 + bucket);
      }
      if (kinds[i - 1] == word_kind::verb) verb = static_cast<int>(i);
    }
    punct.assign(n + 1, 0);
    for (std::size_t i = 1; i <= n; ++i) punct[i] = kinds[i - 1] == word_kind::punct;
    stack.assign(1, 0);
    next = 1;
    head.assign(n + 1, -1);
    label.assign(n + 1, -1);
    lc1.assign(n + 1, -1);
    lc2 = rc1 = rc2 = lc1;
    n_left.assign(n + 1, 0);
    n_right = n_left;
    left_labels.assign(n + 1, 0);
    right_labels = left_labels;
  }
  [[nodiscard]] bool terminal() const noexcept { return stack.size() == 1 && next > n; }
  [[nodiscard]] bool buffer_empty() const noexcept { return next > n; }
  /// Whether `m` is possible at all.
  [[nodiscard]] bool possible(move m) const noexcept {
    switch (m) {
      case move::shift: return next <= n;
      case move::left: return stack.size() >= 2 && next <= n;
      // ROOT takes its dependent last, so that the tree has one root.
      case move::right: return stack.size() >= 2 && (stack[stack.size() - 2] != 0 || next > n);
    }
    return false;
  }
  /// Whether `m` would give a punctuation mark a dependent (UD: 5 of EWT's 23,596 have one).
  [[nodiscard]] bool heads_punct(move m) const noexcept {
    if (m == move::left) return punct[next] != 0;
    if (m == move::right) return punct[static_cast<std::size_t>(stack[stack.size() - 2])] != 0;
    return false;
  }
  /// Whether `m` may be taken: it is possible and gives no punctuation mark a dependent, unless
  /// nothing else is possible.
  [[nodiscard]] bool legal(move m) const noexcept {
    if (!possible(m)) return false;
    if (!heads_punct(m)) return true;
    for (const move other : {move::shift, move::left, move::right})
      if (other != m && possible(other) && !heads_punct(other)) return false;
    return true;
  }
  /// The head and the dependent of the arc that `m` (LEFT-ARC or RIGHT-ARC) makes.
  [[nodiscard]] std::pair<int, int> arc(move m) const noexcept {
    const int s0 = stack.back();
    return {m == move::left ? static_cast<int>(next) : stack[stack.size() - 2], s0};
  }
  void apply(move m, std::size_t relation) {
    if (m == move::shift) {
      stack.push_back(static_cast<int>(next++));
      return;
    }
    const auto [h, d] = arc(m);
    attach(h, d, static_cast<int>(relation));
    stack.pop_back();
  }
  void attach(int h, int d, int l) {
    const auto hi = static_cast<std::size_t>(h), di = static_cast<std::size_t>(d);
    head[di] = h;
    label[di] = l;
    const auto bit = 1ull << (static_cast<unsigned>(l) & 63u);
    if (d < h) {  // new left children are ever further left
      lc2[hi] = lc1[hi];
      lc1[hi] = d;
      ++n_left[hi];
      left_labels[hi] |= bit;
    } else {  // new right children are ever further right
      rc2[hi] = rc1[hi];
      rc1[hi] = d;
      ++n_right[hi];
      right_labels[hi] |= bit;
    }
  }
  [[nodiscard]] int stack_at(std::size_t depth) const noexcept {
    return depth < stack.size() ? stack[stack.size() - 1 - depth] : -1;
  }
  [[nodiscard]] int buffer_at(std::size_t offset) const noexcept {
    return next + offset <= n ? static_cast<int>(next + offset) : -1;
  }
  [[nodiscard]] std::uint64_t w(int i) const noexcept { return i < 0 ? none_atom : word[static_cast<std::size_t>(i)]; }
  [[nodiscard]] std::uint64_t t(int i) const noexcept { return i < 0 ? none_atom : tag[static_cast<std::size_t>(i)]; }
  [[nodiscard]] std::uint64_t ahead(int i) const noexcept { return i < 0 ? none_atom : verb_ahead[static_cast<std::size_t>(i)]; }
  [[nodiscard]] std::uint64_t l(int i) const noexcept {
    return i < 0 ? none_atom : static_cast<std::uint64_t>(label[static_cast<std::size_t>(i)] + 1);
  }
  [[nodiscard]] int child(const std::vector<int>& of, int i) const noexcept {
    return i < 0 ? -1 : of[static_cast<std::size_t>(i)];
  }
  [[nodiscard]] std::uint64_t valency(const std::vector<int>& of, int i) const noexcept {
    return i < 0 ? 99 : static_cast<std::uint64_t>(std::min(of[static_cast<std::size_t>(i)], 6));
  }
  [[nodiscard]] std::uint64_t label_set(const std::vector<std::uint64_t>& of, int i) const noexcept {
    return i < 0 ? none_atom : of[static_cast<std::size_t>(i)];
  }
};

std::uint64_t distance(int a, int b) {
  if (a <= 0 || b <= 0) return 0;
  const int d = a < b ? b - a : a - b;
  return static_cast<std::uint64_t>(d >= 10 ? 10 : (d >= 5 ? 5 : d));
}

// The transition features fall in two kinds. Those of one position alone (the word and tag of
// s0, s1 or s2; the front of the buffer with the next two words) are summed once per word and
// role when a sentence is parsed: a word is s0 or the front of the buffer at several steps.
// The others combine positions and the tree built so far and are looked up at every step.
// Training scores all of them as one list; the sums are exact integers, so both ways agree.
enum role : std::size_t { role_s0, role_s1, role_s2, role_b0, role_count };

// Feature keys of word `i` (-1: none) in `r`.
std::size_t role_features(const configuration& c, role r, int i, std::uint64_t* f) {
  using detail::combine_key;
  using detail::template_seed;
  std::size_t n = 0;
  const auto add = [&](std::uint64_t id, std::uint64_t a, std::uint64_t b = 0) { f[n++] = combine_key(template_seed(id), a, b); };
  // The words around position i in the sentence (the buffer is contiguous: b1 and b2 follow b0).
  const auto near = [&](int offset) { return i > 0 && i + offset >= 1 && i + offset <= static_cast<int>(c.n) ? i + offset : -1; };
  const auto w = c.w(i), t = c.t(i), before = c.t(near(-1)), after = c.t(near(1));
  switch (r) {
    case role_s0:
      add(1, w);
      add(2, t);
      add(3, w, t);
      add(80, before, t);
      add(81, t, after);
      add(82, w, after);
      break;
    case role_s1:
      add(4, w);
      add(5, t);
      add(6, w, t);
      add(83, t, after);
      add(84, before, t);
      break;
    case role_s2:
      add(7, t);
      add(85, w);
      add(86, t, after);
      break;
    case role_b0: {
      const auto b1w = c.w(near(1)), b2t = c.t(near(2));
      add(0, 0);  // the bias: every scored step has a buffer front
      add(8, w);
      add(9, t);
      add(10, w, t);
      add(11, b1w);
      add(12, after);
      add(13, b2t);
      add(14, b1w, after);
      add(15, detail::mix64(t * 7 + after), b2t);
      add(87, before, t);
      add(88, w, after);
      add(89, t, b1w);
      add(90, c.t(near(3)));
      add(91, detail::mix64(before * 7 + t), after);
      add(92, t, c.ahead(i));
      break;
    }
    case role_count: break;
  }
  return n;
}

// The positions of the roles in `c`.
std::array<int, role_count> roles_of(const configuration& c) {
  return {c.stack_at(0), c.stack_at(1), c.stack_at(2), c.buffer_at(0)};
}

// The groups of state features: those of s0 or of s1 alone with what it has collected so far (its
// children, their labels and children), and the rest. The sums of a word's group stay valid until
// it takes another child (its children are final once attached: an arc pops the dependent), so
// the parser keeps them (group_sum): s1's are found kept at 60% of the scored steps, s0's at 31%
// (the buffer front's, at 15%, are not worth keeping).
enum feature_group : unsigned { group_mixed = 1, group_s0 = 2, group_s1 = 4, all_groups = 7 };

// Feature keys that combine positions: pairs and triples of s0, s1 and the buffer front, the
// children built so far and their labels, distances, valencies. Hands the keys of the groups in
// `Groups` to put(key), in the order of training.
template <unsigned Groups, class Put>
void state_features(const configuration& c, Put&& put) {
  using detail::combine_key;
  using detail::template_seed;
  const int s0 = c.stack_at(0), s1 = c.stack_at(1), s2 = c.stack_at(2);
  const int b0 = c.buffer_at(0), b1 = c.buffer_at(1);
  const auto s0w = c.w(s0), s0t = c.t(s0), s1w = c.w(s1), s1t = c.t(s1), b0w = c.w(b0), b0t = c.t(b0);
  const auto b1t = c.t(b1), s2t = c.t(s2);
  const int s0l1 = c.child(c.lc1, s0), s0l2 = c.child(c.lc2, s0), s0r1 = c.child(c.rc1, s0), s0r2 = c.child(c.rc2, s0);
  const int s1l1 = c.child(c.lc1, s1), s1r1 = c.child(c.rc1, s1), s1r2 = c.child(c.rc2, s1), s1l2 = c.child(c.lc2, s1);
  const int b0l1 = c.child(c.lc1, b0), b0l2 = c.child(c.lc2, b0);
  const int s0l1l1 = c.child(c.lc1, s0l1), s1r1r1 = c.child(c.rc1, s1r1);
  const std::uint64_t s0t_s1t = detail::mix64(s0t * 31 + s1t), s0t_b0t = detail::mix64(s0t * 37 + b0t);
  const std::uint64_t s0wt = detail::mix64(s0w ^ s0t), s1wt = detail::mix64(s1w ^ s1t), b0wt = detail::mix64(b0w ^ b0t);
  const std::uint64_t s0_b0 = distance(s0, b0);
  const auto add = [&](unsigned group, std::uint64_t id, std::uint64_t a, std::uint64_t b = 0) {
    if ((Groups & group) != 0) put(combine_key(template_seed(id), a, b));
  };
  // s0, s1 and the buffer front together
  add(group_mixed, 20, s0t_s1t, b0t);
  add(group_mixed, 21, s0t_s1t, s2t);
  add(group_mixed, 22, s0t_b0t, b1t);
  add(group_mixed, 23, s0t_b0t);
  add(group_mixed, 24, s0w, b0w);
  add(group_mixed, 25, s1t, b0t);
  add(group_mixed, 26, s0w, b0t);
  add(group_mixed, 27, s0t, b0w);
  add(group_mixed, 28, s1wt, b0t);
  add(group_mixed, 29, s0wt, b0t);
  add(group_mixed, 30, b0wt, s0t);
  add(group_mixed, 31, s0wt, b0wt);
  add(group_mixed, 32, s0wt, b0w);
  add(group_mixed, 33, s0w, b0wt);
  add(group_mixed, 34, s0t_b0t, s0_b0);
  add(group_mixed, 35, s0w, s0_b0);
  // the children built so far: tags, labels, words
  add(group_s0, 40, c.t(s0l1));
  add(group_s0, 41, c.l(s0l1));
  add(group_s0, 42, c.t(s0r1));
  add(group_s0, 43, c.l(s0r1));
  add(group_s1, 44, c.t(s1l1));
  add(group_s1, 45, c.l(s1l1));
  add(group_s1, 46, c.t(s1r1));
  add(group_s1, 47, c.l(s1r1));
  add(group_s0, 48, c.l(s0l2));
  add(group_s1, 49, c.l(s1r2));
  add(group_s0, 50, c.t(s0l1l1));
  add(group_s1, 51, c.t(s1r1r1));
  add(group_s0, 52, c.l(s0r2));
  add(group_s1, 53, c.l(s1l2));
  add(group_s0, 54, s0w, c.l(s0l1));
  add(group_s1, 55, s1w, c.l(s1r1));
  add(group_s0, 56, s0t, c.label_set(c.left_labels, s0));
  add(group_s1, 57, s1t, c.label_set(c.right_labels, s1));
  add(group_s0, 58, s0t, c.label_set(c.right_labels, s0));
  add(group_s1, 59, s1t, c.label_set(c.left_labels, s1));
  add(group_s0, 60, c.w(s0l1));
  add(group_s0, 61, c.w(s0r1));
  add(group_mixed, 62, s0t_b0t, c.t(s0l1));
  add(group_mixed, 63, s0t_b0t, c.t(s0r1));
  // The front of the buffer collects left children (LEFT-ARC): they say whether s0 can still be one.
  add(group_mixed, 70, c.t(b0l1));
  add(group_mixed, 71, c.l(b0l1));
  add(group_mixed, 72, c.l(b0l2));
  add(group_mixed, 73, c.w(b0l1));
  add(group_mixed, 74, b0t, c.valency(c.n_left, b0));
  add(group_mixed, 75, b0t, c.label_set(c.left_labels, b0));
  add(group_mixed, 76, s0t_b0t, c.t(b0l1));
  // Whether a clause lies ahead of the buffer front, for the word on the stack.
  add(group_mixed, 77, s0w, c.ahead(b0));
  add(group_mixed, 78, s0t_b0t, c.ahead(b0));
  // The word on the stack with what it has collected: a joint label-and-transition model would
  // see this through its per-label weights ("because" + "of" opens a phrase, alone a clause).
  add(group_s0, 79, s0w, c.w(s0r1));
  add(group_s0, 80, s0w, detail::mix64(c.l(s0l1) * 64 + c.l(s0r1)));
  add(group_mixed, 81, s0w, detail::mix64(b0t * 64 + c.l(b0l1)));
  add(group_mixed, 82, s1w, detail::mix64(s0t * 64 + c.l(s0l1)));
  // ... and with the front of the buffer: "because" + "of" + noun is a phrase, "because" + noun a clause.
  add(group_mixed, 83, detail::mix64(s0w * 31 + c.w(s0r1)), b0t);
  // The markers of two clauses ("to acquire ..." and "because ..."): which one the second hangs on.
  add(group_mixed, 84, detail::mix64(c.w(s0l1) * 31 + c.w(b0l1)), s0t);
}

// All the transition features of `c` (what training scores).
std::size_t extract(const configuration& c, std::uint64_t* f) {
  std::size_t n = 0;
  const auto at = roles_of(c);
  for (std::size_t r = 0; r < role_count; ++r) n += role_features(c, static_cast<role>(r), at[r], f + n);
  state_features<all_groups>(c, [&](std::uint64_t key) { f[n++] = key; });
  return n;
}

// Features of the arc head -> dep for its relation label. The dependent is complete (an arc
// pops it), so its children and their labels are known; the direction is part of every key.
std::size_t extract_label(const configuration& c, int head, int dep, std::uint64_t* f) {
  using detail::combine_key;
  using detail::template_seed;
  const std::uint64_t base = dep < head ? 100 : 200;
  const auto hi = static_cast<std::size_t>(head), di = static_cast<std::size_t>(dep);
  const auto hw = c.w(head), ht = c.t(head), dw = c.w(dep), dt = c.t(dep);
  const auto ht_dt = detail::mix64(ht * 31 + dt);
  const auto dist = distance(head, dep);
  const int dl1 = c.lc1[di], dr1 = c.rc1[di];
  const int before = dep - 1, after = dep + 1 <= static_cast<int>(c.n) ? dep + 1 : -1;
  std::size_t n = 0;
  const auto add = [&](std::uint64_t id, std::uint64_t a, std::uint64_t b = 0) __attribute__((always_inline)) {
    f[n++] = combine_key(template_seed(base + id), a, b);
  };
  add(0, 0);
  add(1, dw);
  add(2, dt);
  add(3, hw);
  add(4, ht);
  add(5, dw, dt);
  add(6, hw, ht);
  add(7, ht_dt);
  add(8, hw, dt);
  add(9, ht, dw);
  add(10, hw, dw);
  add(11, ht_dt, dist);
  add(12, dt, c.left_labels[di]);
  add(13, dt, c.right_labels[di]);
  add(14, ht, c.left_labels[hi]);
  add(15, ht, c.right_labels[hi]);
  add(16, dt, c.t(dl1));
  add(17, dt, c.w(dl1));
  add(18, dt, c.t(dr1));
  add(19, ht_dt, c.t(c.buffer_at(0)));
  add(20, ht_dt, c.t(c.stack_at(2)));
  add(21, dt, c.t(before));
  add(22, dt, c.t(after));
  add(23, ht_dt, c.l(dl1));
  add(24, dw, dist);
  add(25, ht_dt, static_cast<std::uint64_t>(std::min(c.n_left[di], 3) * 4 + std::min(c.n_right[di], 3)));
  add(26, hw, c.l(dl1));
  return n;
}

std::uint64_t tag_atom(std::string_view xpos) { return detail::hash_bytes(xpos) ^ 0x544147ull; }
word_kind kind_of(std::string_view xpos) {
  if (xpos.substr(0, 2) == "VB" || xpos == "MD") return word_kind::verb;
  for (const std::string_view p : {",", ".", ":", "``", "''", "-LRB-", "-RRB-", "HYPH"})
    if (xpos == p) return word_kind::punct;
  return word_kind::other;
}
std::uint64_t word_atom(std::string_view form) { return detail::lower_key(form); }

// The best-scoring legal move (scores of SHIFT, LEFT-ARC, RIGHT-ARC); ties go to the first.
template <typename Score>
move best_move(const configuration& c, const Score* scores) {
  move best = move::shift;
  bool found = false;
  for (const move m : all_moves) {
    if (!c.legal(m)) continue;
    if (!found || scores[static_cast<int>(m)] > scores[static_cast<int>(best)]) best = m;
    found = true;
  }
  return best;
}

// best_move with the legal moves known: legal[m] for each move m.
template <typename Score>
move best_legal_move(const bool* legal, const Score* scores) {
  move best = move::shift;
  bool found = false;
  for (const move m : all_moves) {
    if (!legal[static_cast<int>(m)]) continue;
    if (!found || scores[static_cast<int>(m)] > scores[static_cast<int>(best)]) best = m;
    found = true;
  }
  return best;
}

// The best-scoring label other than `root` (only ROOT's dependent is the root).
template <typename Score>
std::size_t best_label(const Score* scores, std::size_t labels, std::size_t root) {
  if (labels < 2) return root;
  std::size_t best = root == 0 ? 1 : 0;
  for (std::size_t k = 0; k < labels; ++k)
    if (k != root && scores[k] > scores[best]) best = k;
  return best;
}

struct training_sentence {
  std::vector<std::uint64_t> words, tags;
  std::vector<word_kind> kinds;
  std::vector<int> head, label;  // 1-based, index 0 = ROOT (head -1)
};

// The number of gold arcs that are still reachable in `c` and that `m` would make unreachable
// (arc-hybrid is arc-decomposable: a tree is reachable when each of its arcs is).
int cost(const configuration& c, move m, const std::vector<int>& gold) {
  const int b0 = c.buffer_at(0);
  const auto in_buffer = [&](int i) { return i >= static_cast<int>(c.next) && i <= static_cast<int>(c.n); };
  int lost = 0;
  if (m == move::shift) {
    // b0 can no longer take a head below s0, nor any dependent on the stack.
    for (std::size_t k = 0; k < c.stack.size(); ++k) {
      const int s = c.stack[k];
      if (gold[static_cast<std::size_t>(b0)] == s && k + 1 < c.stack.size()) ++lost;
      if (gold[static_cast<std::size_t>(s)] == b0) ++lost;
    }
    return lost;
  }
  // An arc pops s0: it loses its dependents still in the buffer and, unless this arc is the
  // gold one, its gold head if that was still reachable (s1 or a buffer word).
  const int s0 = c.stack.back(), s1 = c.stack[c.stack.size() - 2];
  for (int k = static_cast<int>(c.next); k <= static_cast<int>(c.n); ++k)
    if (gold[static_cast<std::size_t>(k)] == s0) ++lost;
  const int h = gold[static_cast<std::size_t>(s0)];
  const int made = m == move::left ? b0 : s1;
  if (h != made && (h == s1 || in_buffer(h))) ++lost;
  return lost;
}

}  // namespace

dependency_parser dependency_parser::train(const std::vector<conllu_sentence>& sentences, const parser_training_options& options) {
  auto m = std::make_shared<model>();
  std::map<std::string, int> label_ids;
  for (const auto& s : sentences)
    for (const auto& w : s.words) label_ids.emplace(w.deprel, 0);
  label_ids.emplace("root", 0);
  for (auto& [name, id] : label_ids) {
    id = static_cast<int>(m->labels.size());
    m->labels.push_back(name);
  }
  m->root_label = static_cast<std::size_t>(label_ids.at("root"));

  // Tags for training: jackknifed predictions (each fold tagged by a tagger trained on the others).
  std::vector<std::vector<std::string>> tags(sentences.size());
  if (options.jackknife_folds >= 2) {
    for (int fold = 0; fold < options.jackknife_folds; ++fold) {
      std::vector<conllu_sentence> rest;
      for (std::size_t i = 0; i < sentences.size(); ++i)
        if (static_cast<int>(i % static_cast<std::size_t>(options.jackknife_folds)) != fold) rest.push_back(sentences[i]);
      tagger_training_options tagger_options;
      tagger_options.epochs = 5;
      tagger_options.seed = options.seed + static_cast<std::uint64_t>(fold);
      const auto tagger = pos_tagger::train(rest, tagger_options);
      for (std::size_t i = static_cast<std::size_t>(fold); i < sentences.size(); i += static_cast<std::size_t>(options.jackknife_folds)) {
        std::vector<std::string> forms;
        for (const auto& w : sentences[i].words) forms.push_back(w.form);
        for (auto& [u, x] : tagger.tag_words(forms)) tags[i].push_back(x);
      }
    }
  } else {
    for (std::size_t i = 0; i < sentences.size(); ++i)
      for (const auto& w : sentences[i].words) tags[i].push_back(w.xpos);
  }

  std::vector<training_sentence> data;
  for (std::size_t i = 0; i < sentences.size(); ++i) {
    const auto& s = sentences[i];
    training_sentence t;
    t.head.assign(s.words.size() + 1, -1);
    t.label.assign(s.words.size() + 1, 0);
    int roots = 0;
    bool ok = true;
    for (std::size_t k = 0; k < s.words.size(); ++k) {
      t.words.push_back(word_atom(s.words[k].form));
      t.tags.push_back(tag_atom(tags[i][k]));
      t.kinds.push_back(kind_of(tags[i][k]));
      const int h = s.words[k].head + 1;  // 0 = ROOT
      if (h < 0 || h > static_cast<int>(s.words.size()) || h == static_cast<int>(k + 1)) ok = false;
      t.head[k + 1] = h;
      t.label[k + 1] = label_ids.at(h == 0 ? std::string("root") : s.words[k].deprel);
      if (h == 0) ++roots;
    }
    if (ok && roots == 1) data.push_back(std::move(t));
  }
  if (data.empty()) throw input_error("parser training: no usable sentences in the training data");

  const std::size_t labels = m->labels.size();
  std::vector<std::vector<std::pair<std::uint64_t, std::vector<detail::class_weight>>>> transition_runs, label_runs;
  for (int run = 0; run < std::max(1, options.runs); ++run) {
  detail::perceptron_trainer transitions(3), arcs(labels);
  std::vector<std::size_t> order(data.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  detail::split_mix rng(options.seed + static_cast<std::uint64_t>(run) * 0x9E3779B97F4A7C15ull);
  std::vector<float> scores(std::max<std::size_t>(3, labels));
  std::uint64_t feats[max_features];
  configuration c;
  for (int epoch = 0; epoch < options.epochs; ++epoch) {
    for (std::size_t i = order.size(); i > 1; --i) std::swap(order[i - 1], order[rng.below(i)]);
    const bool exploring = epoch >= options.explore_from_epoch;
    for (const auto index : order) {
      const auto& t = data[index];
      c.init(t.words, t.tags, t.kinds);
      while (!c.terminal()) {
        // The correct moves: the legal ones with the least cost (0 unless the tree is non-projective).
        std::array<int, 3> costs{};
        int least = -1;
        for (const move mv : all_moves) {
          costs[static_cast<std::size_t>(mv)] = c.legal(mv) ? cost(c, mv, t.head) : -1;
          const int k = costs[static_cast<std::size_t>(mv)];
          if (k >= 0 && (least < 0 || k < least)) least = k;
        }
        const auto correct = [&](move mv) { return costs[static_cast<std::size_t>(mv)] == least; };
        move next = move::shift;
        const std::size_t legal_moves = static_cast<std::size_t>(std::count_if(all_moves.begin(), all_moves.end(), [&](move mv) { return c.legal(mv); }));
        if (legal_moves == 1) {
          next = *std::find_if(all_moves.begin(), all_moves.end(), [&](move mv) { return c.legal(mv); });
        } else {
          const auto n = extract(c, feats);
          transitions.score(feats, n, scores.data());
          const move guess = best_move(c, scores.data());
          move best_correct = guess;
          bool found = false;
          for (const move mv : all_moves)
            if (correct(mv) && (!found || scores[static_cast<std::size_t>(mv)] > scores[static_cast<std::size_t>(best_correct)])) {
              best_correct = mv;
              found = true;
            }
          transitions.tick();
          transitions.update(feats, n, static_cast<std::size_t>(best_correct), static_cast<std::size_t>(guess));
          // Explore: after the first epochs, follow the model's own move even when it is wrong
          // (most of the time), so that it learns the best continuation after a mistake.
          next = correct(guess) || (exploring && rng.below(1000) < options.explore_per_mille) ? guess : best_correct;
        }
        std::size_t relation = m->root_label;
        if (next != move::shift) {
          const auto [head, dep] = c.arc(next);
          if (head != 0) {
            const auto n = extract_label(c, head, dep, feats);
            arcs.score(feats, n, scores.data());
            relation = best_label(scores.data(), labels, m->root_label);
            if (t.head[static_cast<std::size_t>(dep)] == head) {  // a gold arc: its label is known
              arcs.tick();
              arcs.update(feats, n, static_cast<std::size_t>(t.label[static_cast<std::size_t>(dep)]), relation);
              relation = static_cast<std::size_t>(t.label[static_cast<std::size_t>(dep)]);
            }
          }
        }
        c.apply(next, relation);
      }
    }
  }
  transition_runs.push_back(transitions.averaged(0.0f));
  label_runs.push_back(arcs.averaged(0.0f));
  }
  m->transitions.build(detail::average_models(transition_runs, options.prune_below));
  m->arcs.build(detail::average_models(label_runs, options.label_prune_below), labels);
  dependency_parser p;
  p.model_ = std::move(m);
  return p;
}

namespace {

// A month or weekday name (tagged as a proper noun) or today, yesterday, tomorrow, tonight.
bool is_time_word(const token& t) {
  static constexpr std::string_view names[] = {
      "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
      "november", "december", "jan.", "feb.", "aug.", "sept.", "oct.", "nov.", "dec.", "monday", "tuesday",
      "wednesday", "thursday", "friday", "saturday", "sunday"};
  static constexpr std::string_view days[] = {"today", "yesterday", "tomorrow", "tonight"};
  const std::string_view xpos = t.xpos;
  if (xpos != "NNP" && xpos != "NN") return false;  // most tokens: no lower-cased copy
  const std::string lower = detail::ascii_lower(t.form);
  if (xpos == "NNP") return std::find(std::begin(names), std::end(names), lower) != std::end(names);
  return std::find(std::begin(days), std::end(days), lower) != std::end(days);
}

bool is_nominal(const token& t) {
  return t.tag == upos::noun || t.tag == upos::propn || t.tag == upos::num || t.tag == upos::pron;
}

// News dates the events they modify: "hiked tariffs on U.S. goods in April", "said Thursday".
// EWT (web text: "meet on Monday, April 5") often attaches such a date to a noun, or a bare one as
// an object; in news it modifies the verb. A date attached to a noun phrase inside a verb's
// object or oblique moves up to that verb, and a date taken as a verb's object becomes an
// oblique, so that events find the time of their clause. tokens[first, end) is one parsed sentence.
void attach_dates_to_events(std::vector<token>& tokens, std::size_t first, std::size_t end) {
  const auto at = [&](int i) -> token& { return tokens[first + static_cast<std::size_t>(i)]; };
  const auto is_verb = [](const token& t) { return t.xpos.compare(0, 2, "VB") == 0; };
  for (std::size_t k = first; k < end; ++k) {
    token& date = tokens[k];
    if (date.head < 0 || !is_time_word(date)) continue;
    const int self = static_cast<int>(k - first);
    bool has_case = false;
    for (std::size_t j = first; j < end; ++j) has_case |= tokens[j].head == self && tokens[j].deprel == "case";
    const auto oblique = [&] { date.deprel = has_case ? "obl" : "obl:unmarked"; };
    if (date.deprel == "obj" && is_verb(at(date.head))) {
      oblique();
      continue;
    }
    if (date.deprel.compare(0, 4, "nmod") != 0 || date.head < 0) continue;
    // Up through the noun phrases ("goods" in "tariffs on goods") to the verb that holds them.
    int h = date.head;
    for (int steps = 0; h >= 0 && is_nominal(at(h)) && steps < 4; ++steps) {
      const auto& rel = at(h).deprel;
      if (rel != "obj" && rel != "obl" && rel.compare(0, 4, "nmod") != 0) break;
      h = at(h).head;
    }
    if (h < 0 || !is_verb(at(h)) || h == date.head) continue;
    date.head = h;
    oblique();
  }
}

}  // namespace

namespace {

// The sums of a group of state features of one word, and when they were summed: the word's
// number of children + 1 (0: never).
struct group_sum {
  std::array<std::int32_t, 3> sum{};
  int stamp = 0;
};

// Per-thread working memory of parse(): no allocation per sentence once warmed up.
struct parse_scratch {
  configuration c;
  std::vector<std::uint64_t> words, tags;
  std::vector<word_kind> kinds;
  std::vector<std::uint64_t> keys;
  std::vector<std::array<std::int32_t, 3>> sums[role_count];  ///< per role, per word (+ "none" at n + 1)
  std::vector<group_sum> group_sums[2];  ///< of group_s0 and group_s1: per word (+ "none" at n + 1)
  std::vector<std::int32_t> label_scores;
};

}  // namespace

void dependency_parser::parse(std::vector<token>& tokens, std::size_t first, std::size_t end) const {
  if (end <= first) return;
  const auto& m = *model_;
  thread_local parse_scratch scratch;
  auto& c = scratch.c;
  scratch.words.clear();
  scratch.tags.clear();
  scratch.kinds.clear();
  for (std::size_t k = first; k < end; ++k) {
    scratch.words.push_back(word_atom(tokens[k].form));
    scratch.tags.push_back(tag_atom(tokens[k].xpos));
    scratch.kinds.push_back(kind_of(tokens[k].xpos));
  }
  c.init(scratch.words, scratch.tags, scratch.kinds);
  const std::size_t n = c.n;

  // The one-position features of every word in every role (index n + 1: no word there).
  auto& keys = scratch.keys;
  for (std::size_t r = 0; r < role_count; ++r) {
    keys.clear();
    std::size_t per_word = 0;
    for (std::size_t i = 0; i <= n + 1; ++i) {
      std::uint64_t buffer[max_role_features];
      per_word = role_features(c, static_cast<role>(r), i == n + 1 ? -1 : static_cast<int>(i), buffer);  // the same for every word
      keys.insert(keys.end(), buffer, buffer + per_word);
    }
    scratch.sums[r].resize(n + 2);
    m.transitions.sum_groups(keys.data(), n + 2, per_word, scratch.sums[r].data());
  }

  for (auto& cache : scratch.group_sums) cache.assign(n + 2, group_sum{});
  std::int32_t scores[3];
  auto& label_scores = scratch.label_scores;
  label_scores.resize(m.arcs.score_size());
  std::uint64_t feats[max_features];
  while (!c.terminal()) {
    move best;
    if (c.stack.size() == 1) {
      best = move::shift;  // the only legal move: no need to score
    } else if (c.buffer_empty()) {
      best = move::right;  // likewise
    } else {
      bool legal[3];
      int legal_count = 0;
      for (const move mv : all_moves) legal_count += legal[static_cast<int>(mv)] = c.legal(mv);
      // Only one legal move (a punctuation mark at the front of the buffer, ROOT or one below
      // s0): likewise, no need to score.
      if (legal_count == 1) {
        best = best_legal_move(legal, scores);  // reads no score
      } else {
        const auto at = roles_of(c);
        for (std::size_t k = 0; k < 3; ++k) {
          scores[k] = 0;
          for (std::size_t r = 0; r < role_count; ++r)
            scores[k] += scratch.sums[r][at[r] < 0 ? n + 1 : static_cast<std::size_t>(at[r])][k];
        }
        // The mixed features, then the groups of s0 and s1 that are not kept for their present children.
        std::size_t k = 0, spans = 0, ends[3];
        std::array<std::int32_t, 3> sums[3];
        group_sum* kept[2];
        state_features<group_mixed>(c, [&](std::uint64_t key) { feats[k++] = key; });
        ends[spans++] = k;
        int stamps[2];
        for (std::size_t g = 0; g < 2; ++g) {
          const int i = at[g == 0 ? role_s0 : role_s1];
          const std::size_t w = i < 0 ? n + 1 : static_cast<std::size_t>(i);
          stamps[g] = i < 0 ? 1 : c.n_left[w] + c.n_right[w] + 1;
          kept[g] = &scratch.group_sums[g][w];
          if (kept[g]->stamp == stamps[g]) continue;
          if (g == 0) state_features<group_s0>(c, [&](std::uint64_t key) { feats[k++] = key; });
          else state_features<group_s1>(c, [&](std::uint64_t key) { feats[k++] = key; });
          ends[spans++] = k;
        }
        m.transitions.sum_spans(feats, ends, spans, sums);
        for (std::size_t g = 0, next = 1; g < 2; ++g)
          if (kept[g]->stamp != stamps[g]) {
            kept[g]->sum = sums[next++];
            kept[g]->stamp = stamps[g];
          }
        for (std::size_t j = 0; j < 3; ++j) scores[j] += sums[0][j] + kept[0]->sum[j] + kept[1]->sum[j];
        best = best_legal_move(legal, scores);
      }
    }
    std::size_t relation = m.root_label;
    if (best != move::shift) {
      const auto [head, dep] = c.arc(best);
      if (head != 0) {
        const auto k = extract_label(c, head, dep, feats);
        std::fill(label_scores.begin(), label_scores.end(), 0);
        m.arcs.add_all(feats, k, label_scores.data());
        // best_label: the first largest score but ROOT's (no score comes near the smallest int).
        if (m.labels.size() < 2) {
          relation = m.root_label;
        } else {
          label_scores[m.root_label] = std::numeric_limits<std::int32_t>::min();
          relation = detail::first_max(label_scores.data(), m.labels.size());
        }
      }
    }
    c.apply(best, relation);
  }
  for (std::size_t i = 1; i <= n; ++i) {
    auto& tok = tokens[first + i - 1];
    const int h = c.head[i];
    tok.head = h <= 0 ? -1 : h - 1;
    tok.deprel = h <= 0 ? m.labels[m.root_label] : m.labels[static_cast<std::size_t>(c.label[i])];
  }
  attach_dates_to_events(tokens, first, end);
}

void dependency_parser::save(const std::filesystem::path& path, const std::vector<std::string>& header_lines) const {
  std::string data = detail::model_file_header(header_lines, magic_line);
  detail::binary_writer out(data);
  out.put<std::uint32_t>(static_cast<std::uint32_t>(model_->labels.size()));
  for (const auto& l : model_->labels) out.put_string(l);
  out.put<std::uint32_t>(static_cast<std::uint32_t>(model_->root_label));
  model_->transitions.write(out);
  model_->arcs.write(out);
  detail::write_model_file(path, data);
}

dependency_parser dependency_parser::load(const std::filesystem::path& path) {
  const auto file = detail::read_model_file(path, magic_line, "parser model");
  detail::binary_reader in(file.body(), path.string());
  auto m = std::make_shared<model>();
  const auto labels = in.get<std::uint32_t>();
  if (labels == 0 || labels > 1000) in.fail("bad label count");
  for (std::uint32_t i = 0; i < labels; ++i) m->labels.push_back(in.get_string());
  m->root_label = in.get<std::uint32_t>();
  if (m->root_label >= labels) in.fail("bad root label");
  m->transitions.read(in);
  m->arcs.read(in, m->labels.size());
  if (!in.at_end()) in.fail("trailing data");
  dependency_parser p;
  p.model_ = std::move(m);
  return p;
}

dependency_parser dependency_parser::load_default() { return load(resource_path("text", "dep_parser.model")); }

std::size_t dependency_parser::label_count() const noexcept { return model_ ? model_->labels.size() : 0; }

dependency_parser train_parser_from_ud(const std::filesystem::path& ud_dir, const std::filesystem::path& out,
                                       const parser_training_options& options) {
  const auto train_file = find_ud_file(ud_dir, "train");
  const auto parser = dependency_parser::train(read_conllu(train_file), options);
  parser.save(out, {
      "chronograph dependency parser: greedy arc-hybrid, averaged perceptrons over hashed features (transitions; labels), dynamic oracle",
      "data: Universal Dependencies English EWT, " + train_file.filename().string() +
          " (https://universaldependencies.org/treebanks/en_ewt/); jackknifed tags",
      "license: the training data is CC BY-SA 4.0; this model derives from it and is distributed under CC BY-SA 4.0",
      "rebuild: chronograph train parser --ud <UD_English-EWT dir> --out " + out.filename().string(),
      "options: epochs=" + std::to_string(options.epochs) + " seed=" + std::to_string(options.seed) +
          " jackknife_folds=" + std::to_string(options.jackknife_folds) +
          " prune_below=" + std::to_string(options.prune_below) +
          " label_prune_below=" + std::to_string(options.label_prune_below) +
          " explore_from_epoch=" + std::to_string(options.explore_from_epoch) +
          " explore_per_mille=" + std::to_string(options.explore_per_mille) + " runs=" + std::to_string(options.runs),
      "format: these '#' lines, the line 'chronograph-dep-parser 3', then little-endian binary tables",
  });
  return parser;
}

}  // namespace chronograph::text
