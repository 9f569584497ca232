// SPDX-License-Identifier: MIT
// Event-pair features, the hashed linear model, its file format and the averaged perceptron.
#include "pair_model.hpp"

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <set>
#include <sstream>

#include "chronograph/error.hpp"
#include "chronograph/events/lexicon.hpp"
#include "chronograph/relations/dates.hpp"

namespace chronograph::relations {

namespace {

using text::upos;

const char* distance_bucket(std::size_t d) {
  if (d <= 2) return "0-2";
  if (d <= 5) return "3-5";
  if (d <= 10) return "6-10";
  if (d <= 20) return "11-20";
  return "21+";
}

/// Sentence-relative head chain of a token: the token itself, its head, ... up to the root.
std::vector<std::size_t> chain_to_root(const text::annotated_document& doc, std::size_t tok) {
  const auto s = doc.sentence_at(doc.tokens[tok].span.begin);
  std::vector<std::size_t> out{tok};
  if (s >= doc.sentences.size()) return out;
  const auto first = doc.sentences[s].first_token, end = doc.sentences[s].end_token;
  std::size_t at = tok;
  while (out.size() < 32) {
    const int h = doc.tokens[at].head;
    if (h < 0 || first + static_cast<std::size_t>(h) >= end) break;
    at = first + static_cast<std::size_t>(h);
    out.push_back(at);
  }
  return out;
}

std::string base_deprel(const std::string& d) { return d.substr(0, d.find(':')); }

/// The marker and case words attached to a token ("because", "of", "to", "after"), joined.
std::string function_children(const text::annotated_document& doc, std::size_t tok) {
  const auto s = doc.sentence_at(doc.tokens[tok].span.begin);
  if (s >= doc.sentences.size()) return "-";
  const auto first = doc.sentences[s].first_token, end = doc.sentences[s].end_token;
  std::string out;
  for (std::size_t x = first; x < end; ++x) {
    const auto& t = doc.tokens[x];
    if (t.head < 0 || first + static_cast<std::size_t>(t.head) != tok) continue;
    const auto d = base_deprel(t.deprel);
    if (d == "mark" || d == "case" || d == "fixed") out += (out.empty() ? "" : "_") + events::normalize_word(t.form);
  }
  return out.empty() ? "-" : out;
}

/// The words right before an event that carry its tense and mood ("will", "had", "to").
std::string preceding_function_word(const text::annotated_document& doc, std::size_t tok, std::size_t sent_first) {
  for (std::size_t x = tok, seen = 0; x > sent_first && seen < 3; --x, ++seen) {
    const auto& t = doc.tokens[x - 1];
    if (t.tag == upos::aux || t.tag == upos::part) return events::normalize_word(t.form);
    if (t.tag != upos::adv) break;
  }
  return "-";
}

}  // namespace

pair_context::pair_context(const text::annotated_document& d, const std::vector<events::event_mention>& evs)
    : doc(d), events(evs), token_of(evs.size(), d.tokens.size()), event_at(d.tokens.size(), -1) {
  for (std::size_t e = 0; e < evs.size(); ++e) {
    // Tokens are in text order: the first token ending after the event's start.
    const auto it = std::partition_point(d.tokens.begin(), d.tokens.end(),
                                         [&](const text::token& t) { return t.span.end <= evs[e].span.begin; });
    if (it == d.tokens.end() || it->span.begin >= evs[e].span.end) continue;
    token_of[e] = static_cast<std::size_t>(it - d.tokens.begin());
    event_at[token_of[e]] = static_cast<int>(e);
  }
}

std::vector<std::string> pair_features(const pair_context& ctx, std::size_t a, std::size_t b) {
  std::vector<std::string> f;
  const auto& doc = ctx.doc;
  const auto n = doc.tokens.size();
  const auto ta = ctx.token_of[a], tb = ctx.token_of[b];
  if (ta >= n || tb >= n) return f;
  const auto& A = ctx.events[a];
  const auto& B = ctx.events[b];
  const auto sa = doc.sentence_at(doc.tokens[ta].span.begin), sb = doc.sentence_at(doc.tokens[tb].span.begin);
  const std::string c1 = events::to_string(A.cls), c2 = events::to_string(B.cls);
  const std::string t1 = std::string(events::to_string(A.tns)) + "/" + events::to_string(A.asp);
  const std::string t2 = std::string(events::to_string(B.tns)) + "/" + events::to_string(B.asp);
  const std::string p1 = text::to_string(A.pos), p2 = text::to_string(B.pos);
  const bool in_order = ta < tb;
  const std::size_t sd = sa > sb ? sa - sb : sb - sa;
  const std::string sdist = sd == 0 ? "same" : sd == 1 ? "adjacent" : "far";
  const auto lo = std::min(ta, tb), hi = std::max(ta, tb);
  f.push_back("bias");
  f.push_back("c1=" + c1);
  f.push_back("c2=" + c2);
  f.push_back("cc=" + c1 + "|" + c2);
  f.push_back("t1=" + t1);
  f.push_back("t2=" + t2);
  f.push_back("tt=" + t1 + "|" + t2);
  f.push_back("ct=" + c1 + t1 + "|" + c2 + t2);
  f.push_back("pp=" + p1 + "|" + p2);
  f.push_back("pol=" + std::string(events::to_string(A.pol)) + "|" + events::to_string(B.pol));
  f.push_back("m1=" + A.modality);
  f.push_back("m2=" + B.modality);
  f.push_back("l1=" + A.lemma);
  f.push_back("l2=" + B.lemma);
  f.push_back("ll=" + A.lemma + "|" + B.lemma);
  f.push_back("l1t2=" + A.lemma + "|" + t2);
  f.push_back("t1l2=" + t1 + "|" + B.lemma);
  f.push_back(std::string("order=") + (in_order ? "ab" : "ba"));
  f.push_back("sd=" + sdist);
  f.push_back("sd_tt=" + sdist + "|" + t1 + "|" + t2);
  f.push_back("sd_cc=" + sdist + "|" + c1 + "|" + c2);
  f.push_back(std::string("td=") + distance_bucket(hi - lo));
  const auto first_a = doc.sentences[std::min(sa, doc.sentences.size() - 1)].first_token;
  const auto first_b = doc.sentences[std::min(sb, doc.sentences.size() - 1)].first_token;
  const auto fw1 = preceding_function_word(doc, ta, first_a), fw2 = preceding_function_word(doc, tb, first_b);
  f.push_back("fw1=" + fw1);
  f.push_back("fw2=" + fw2);
  f.push_back("fw=" + fw1 + "|" + fw2);
  // Words between (same sentence): function words and signals, lemmas when the gap is short.
  std::size_t events_between = 0, verbs_between = 0;
  bool comma = false;
  for (std::size_t x = lo + 1; x < hi; ++x) {
    if (ctx.event_at[x] >= 0) {
      ++events_between;
      if (ctx.events[static_cast<std::size_t>(ctx.event_at[x])].pos == upos::verb) ++verbs_between;
    }
    if (sd != 0) continue;
    const auto& t = doc.tokens[x];
    const auto w = events::normalize_word(t.form);
    if (w == ",") comma = true;
    if (t.tag == upos::sconj || t.tag == upos::adp || t.tag == upos::cconj || t.tag == upos::adv ||
        t.tag == upos::part || t.tag == upos::aux || t.tag == upos::pron || (t.tag == upos::punct && w != ","))
      f.push_back("bw=" + w);
    if (hi - lo <= 10 && t.tag != upos::punct) f.push_back("bl=" + (t.lemma.empty() ? w : t.lemma));
  }
  f.push_back("evb=" + std::to_string(std::min<std::size_t>(events_between, 3)));
  f.push_back("vb=" + std::to_string(std::min<std::size_t>(verbs_between, 3)));
  if (comma) f.push_back("comma_between");
  // The word right before the first event and right after the second (a signal before a clause).
  if (lo > 0 && doc.sentence_at(doc.tokens[lo - 1].span.begin) == doc.sentence_at(doc.tokens[lo].span.begin))
    f.push_back("before_first=" + events::normalize_word(doc.tokens[lo - 1].form));
  // Dependency path within one sentence: deprels up from a to the common head, then down to b.
  if (sd == 0) {
    const auto ca = chain_to_root(doc, ta), cb = chain_to_root(doc, tb);
    std::size_t ia = ca.size(), ib = cb.size();
    for (std::size_t i = 0; i < ca.size() && ia == ca.size(); ++i)
      for (std::size_t j = 0; j < cb.size(); ++j)
        if (ca[i] == cb[j]) {
          ia = i, ib = j;
          break;
        }
    if (ia < ca.size()) {
      std::string path;
      if (ia + ib > 4) {
        path = "long";
      } else {
        for (std::size_t i = 0; i < ia; ++i) path += base_deprel(doc.tokens[ca[i]].deprel) + "^";
        path += "|";
        for (std::size_t j = ib; j-- > 0;) path += "v" + base_deprel(doc.tokens[cb[j]].deprel);
      }
      f.push_back("dp=" + path);
      // The word that joins them when it is neither ("policies that led to deaths": "lead").
      if (ia > 0 && ib > 0 && ia + ib <= 4) {
        const auto& top = doc.tokens[ca[ia]];
        f.push_back("lca=" + (top.lemma.empty() ? events::normalize_word(top.form) : top.lemma) + "|" + path);
      }
      f.push_back("dp_cc=" + path + "|" + c1 + "|" + c2);
      f.push_back("dp_tt=" + path + "|" + t1 + "|" + t2);
      if (ia == 0 && ib == 1) f.push_back("b_dep_of_a=" + base_deprel(doc.tokens[tb].deprel) + "|" + c1);
      if (ib == 0 && ia == 1) f.push_back("a_dep_of_b=" + base_deprel(doc.tokens[ta].deprel) + "|" + c2);
    } else {
      f.push_back("dp=none");
    }
  }
  const auto k1 = function_children(doc, ta), k2 = function_children(doc, tb);
  f.push_back("k1=" + k1);
  f.push_back("k2=" + k2);
  f.push_back("kk=" + k1 + "|" + k2 + "|" + sdist);
  f.push_back("d1=" + base_deprel(doc.tokens[ta].deprel));
  f.push_back("d2=" + base_deprel(doc.tokens[tb].deprel));
  // Reporting structure: "said (that) X happened".
  if (A.cls == events::event_class::reporting) f.push_back("a_reports|" + t2 + "|" + sdist);
  if (B.cls == events::event_class::reporting) f.push_back("b_reports|" + t1 + "|" + sdist);
  return f;
}

std::vector<std::string> causal_pair_features(const pair_context& ctx, std::size_t a, std::size_t b,
                                              const std::vector<link>& links) {
  auto f = pair_features(ctx, a, b);
  if (f.empty()) return f;
  const auto& ia = ctx.events[a].id;
  const auto& ib = ctx.events[b].id;
  std::string rule = "none";
  for (const auto& l : links) {
    if (!is_causal(l.rel)) continue;
    if (l.from == ia && l.to == ib) rule = "forward|" + l.rule;
    else if (l.from == ib && l.to == ia) rule = "backward|" + l.rule;
  }
  f.push_back("rule=" + rule.substr(0, rule.find('|')));
  f.push_back("rule_cue=" + rule);
  return f;
}

std::vector<std::pair<std::size_t, std::size_t>> causal_candidates(const pair_context& ctx) {
  std::vector<std::pair<std::size_t, std::size_t>> out;
  const auto n = ctx.doc.tokens.size();
  for (std::size_t a = 0; a < ctx.events.size(); ++a) {
    if (ctx.token_of[a] >= n) continue;
    for (std::size_t b = 0; b < ctx.events.size(); ++b) {
      if (b == a || ctx.token_of[b] >= n || ctx.token_of[b] <= ctx.token_of[a]) continue;
      if (ctx.events[a].sentence != ctx.events[b].sentence) continue;
      out.emplace_back(a, b);
    }
  }
  return out;
}

std::vector<link> model_causal_links(const pair_model& m, const pair_context& ctx, const std::vector<link>& links,
                                     double min_margin) {
  std::vector<link> out;
  if (m.empty()) return out;
  const auto causes = m.label_index("CAUSES"), caused_by = m.label_index("CAUSED_BY");
  for (const auto& [a, b] : causal_candidates(ctx)) {
    const auto feats = causal_pair_features(ctx, a, b, links);
    if (feats.empty()) continue;
    bool linked = false;
    for (const auto& l : links)
      linked = linked || (is_causal(l.rel) && ((l.from == ctx.events[a].id && l.to == ctx.events[b].id) ||
                                               (l.from == ctx.events[b].id && l.to == ctx.events[a].id)));
    if (linked) continue;
    const auto [label, margin] = m.predict(m.hash(feats));
    if ((label != causes && label != caused_by) || margin < min_margin) continue;
    const auto cause = label == causes ? a : b, effect = label == causes ? b : a;
    // A cause may not start after its effect has ended.
    const auto dc = days_of(ctx.events[cause].when_value), de = days_of(ctx.events[effect].when_value);
    if (dc && de && dc->begin >= de->end) continue;
    link l;
    l.from = ctx.events[cause].id;
    l.to = ctx.events[effect].id;
    l.rel = relation::causes;
    l.evidence = {std::min(ctx.events[a].span.begin, ctx.events[b].span.begin),
                  std::max(ctx.events[a].span.end, ctx.events[b].span.end)};
    l.rule = "causal.model";
    l.confidence = std::clamp(0.4 + 0.05 * margin, 0.4, 0.6);
    out.push_back(std::move(l));
  }
  return out;
}

std::vector<link> model_order_links(const pair_model& m, const pair_context& ctx, const std::vector<link>& links,
                                    double min_margin) {
  std::vector<link> out;
  if (m.empty()) return out;
  const auto n = ctx.doc.tokens.size();
  std::vector<std::size_t> verbs;  // verb events in text order
  for (std::size_t e = 0; e < ctx.events.size(); ++e)
    if (ctx.token_of[e] < n && ctx.events[e].pos == text::upos::verb) verbs.push_back(e);
  std::sort(verbs.begin(), verbs.end(), [&](std::size_t x, std::size_t y) { return ctx.token_of[x] < ctx.token_of[y]; });
  std::set<std::pair<std::string, std::string>> ordered;  // pairs the rules already relate
  for (const auto& l : links)
    if (!is_causal(l.rel)) ordered.emplace(l.from, l.to), ordered.emplace(l.to, l.from);
  for (std::size_t k = 0; k + 1 < verbs.size(); ++k) {
    const auto a = verbs[k], b = verbs[k + 1];
    const auto& A = ctx.events[a];
    const auto& B = ctx.events[b];
    if (B.sentence > A.sentence + 1 || ordered.count({A.id, B.id})) continue;
    const auto feats = pair_features(ctx, a, b);
    if (feats.empty()) continue;
    const auto [label, margin] = m.predict(m.hash(feats));
    const auto& name = m.labels()[label];
    if (name == "VAGUE" || margin < min_margin) continue;
    link l;
    l.from = A.id;
    l.to = B.id;
    l.rel = name == "BEFORE" ? relation::before : name == "AFTER" ? relation::after : relation::simultaneous;
    l.evidence = {A.span.begin, B.span.end};
    l.rule = "order.model";
    l.confidence = std::clamp(0.45 + 0.002 * margin, 0.45, 0.6);
    out.push_back(std::move(l));
  }
  return out;
}

std::uint32_t feature_bucket(const std::string& feature, unsigned bits) noexcept {
  std::uint64_t h = 1469598103934665603ull;
  for (const unsigned char c : feature) {
    h ^= c;
    h *= 1099511628211ull;
  }
  return static_cast<std::uint32_t>((h ^ (h >> 32)) & ((std::uint64_t{1} << bits) - 1));
}

pair_model::pair_model(std::vector<std::string> labels, unsigned bits)
    : labels_(std::move(labels)), bits_(bits), weights_((std::size_t{1} << bits) * labels_.size(), 0.0f) {}

std::size_t pair_model::label_index(const std::string& label) const noexcept {
  return static_cast<std::size_t>(std::find(labels_.begin(), labels_.end(), label) - labels_.begin());
}

std::vector<std::uint32_t> pair_model::hash(const std::vector<std::string>& features) const {
  std::vector<std::uint32_t> out;
  out.reserve(features.size());
  for (const auto& x : features) out.push_back(feature_bucket(x, bits_));
  return out;
}

std::vector<double> pair_model::scores(const std::vector<std::uint32_t>& buckets) const {
  std::vector<double> s(labels_.size(), 0.0);
  if (weights_.empty()) return s;
  const auto L = labels_.size();
  for (const auto b : buckets)
    for (std::size_t l = 0; l < L; ++l) s[l] += weights_[std::size_t{b} * L + l];
  return s;
}

std::pair<std::size_t, double> pair_model::predict(const std::vector<std::uint32_t>& buckets) const {
  const auto s = scores(buckets);
  std::size_t best = 0;
  for (std::size_t l = 1; l < s.size(); ++l)
    if (s[l] > s[best]) best = l;
  double second = -1e300;
  for (std::size_t l = 0; l < s.size(); ++l)
    if (l != best) second = std::max(second, s[l]);
  return {best, s.size() > 1 ? s[best] - second : 0.0};
}

pair_model pair_model::train(const std::vector<pair_example>& examples, std::vector<std::string> labels,
                             unsigned bits, const pair_training_options& options) {
  pair_model m(std::move(labels), bits);
  const auto L = m.labels_.size();
  std::vector<double> w(m.weights_.size(), 0.0), total(m.weights_.size(), 0.0);
  std::vector<std::size_t> stamp(m.weights_.size(), 0);  // lazy averaging: when w last changed
  std::vector<std::size_t> order(examples.size());
  for (std::size_t k = 0; k < order.size(); ++k) order[k] = k;
  std::uint64_t state = options.seed * 0x9E3779B97F4A7C15ull + 1;
  const auto next_random = [&]() {
    state ^= state << 13, state ^= state >> 7, state ^= state << 17;  // xorshift64
    return state;
  };
  std::size_t clock = 0;
  const auto update = [&](std::size_t at, double delta) {
    total[at] += double(clock - stamp[at]) * w[at];
    stamp[at] = clock;
    w[at] += delta;
  };
  for (unsigned epoch = 0; epoch < options.epochs; ++epoch) {
    for (std::size_t k = order.size(); k > 1; --k) std::swap(order[k - 1], order[next_random() % k]);
    for (const auto i : order) {
      ++clock;
      const auto& ex = examples[i];
      std::vector<double> s(L, 0.0);
      for (const auto b : ex.features)
        for (std::size_t l = 0; l < L; ++l) s[l] += w[std::size_t{b} * L + l];
      std::size_t guess = 0;
      for (std::size_t l = 1; l < L; ++l)
        if (s[l] > s[guess]) guess = l;
      if (guess == ex.label) continue;
      const double cost = ex.label < options.label_cost.size() ? options.label_cost[ex.label] : 1.0;
      for (const auto b : ex.features) {
        update(std::size_t{b} * L + ex.label, cost);
        update(std::size_t{b} * L + guess, -cost);
      }
    }
  }
  for (std::size_t at = 0; at < w.size(); ++at) {
    total[at] += double(clock - stamp[at]) * w[at];
    // Averaged weights, rounded so that the saved file reads back to the same model.
    const double avg = clock ? total[at] / double(clock) : 0.0;
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.4g", avg);
    m.weights_[at] = std::stof(buf);
  }
  return m;
}

void pair_model::save(const std::filesystem::path& path, const std::vector<std::string>& header) const {
  std::ostringstream out;
  for (const auto& h : header) out << "# " << h << '\n';
  out << "chronograph-pair-model 1\nbits " << bits_ << "\nlabels";
  for (const auto& l : labels_) out << ' ' << l;
  out << '\n';
  const auto L = labels_.size();
  char buf[32];
  for (std::size_t b = 0; b < (std::size_t{1} << bits_); ++b) {
    bool any = false;
    for (std::size_t l = 0; l < L; ++l) any = any || weights_[b * L + l] != 0.0f;
    if (!any) continue;
    out << b;
    for (std::size_t l = 0; l < L; ++l) {
      std::snprintf(buf, sizeof buf, " %.4g", double(weights_[b * L + l]));
      out << buf;
    }
    out << '\n';
  }
  const auto tmp = path.string() + ".tmp";
  {
    std::ofstream f(tmp, std::ios::binary);
    f << out.str();
    if (!f) throw io_error("cannot write " + tmp);
  }
  std::error_code ec;
  std::filesystem::rename(tmp, path, ec);
  if (ec) throw io_error("cannot rename " + tmp + " to " + path.string() + ": " + ec.message());
}

pair_model pair_model::load(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw resource_error("cannot read pair model " + path.string());
  const auto fail = [&](std::size_t line, const std::string& what) {
    throw resource_error(path.string() + ":" + std::to_string(line) + ": " + what);
  };
  std::string line;
  std::size_t line_no = 0;
  bool magic = false;
  unsigned bits = 0;
  pair_model m;
  while (std::getline(in, line)) {
    ++line_no;
    if (line.empty() || line[0] == '#') continue;
    std::istringstream ls(line);
    if (!magic) {
      if (line != "chronograph-pair-model 1") fail(line_no, "expected \"chronograph-pair-model 1\"");
      magic = true;
      continue;
    }
    if (bits == 0) {
      std::string key;
      if (!(ls >> key >> bits) || key != "bits" || bits < 8 || bits > 24) fail(line_no, "expected \"bits B\" (8..24)");
      continue;
    }
    if (m.labels_.empty()) {
      std::string key, label;
      ls >> key;
      if (key != "labels") fail(line_no, "expected \"labels ...\"");
      std::vector<std::string> labels;
      while (ls >> label) labels.push_back(label);
      if (labels.size() < 2) fail(line_no, "a model needs at least two labels");
      m = pair_model(std::move(labels), bits);
      continue;
    }
    std::size_t bucket = 0;
    if (!(ls >> bucket) || bucket >= (std::size_t{1} << bits)) fail(line_no, "bad bucket");
    for (std::size_t l = 0; l < m.labels_.size(); ++l)
      if (!(ls >> m.weights_[bucket * m.labels_.size() + l])) fail(line_no, "expected one weight per label");
  }
  if (m.labels_.empty()) fail(line_no, "no model in file");
  return m;
}

}  // namespace chronograph::relations
