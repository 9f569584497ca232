// SPDX-License-Identifier: MIT
// Cross-document event coreference scoring against a hand-written key (see score.hpp).
#include "chronograph/merge/score.hpp"

#include <algorithm>
#include <cstdio>
#include <limits>
#include <set>
#include <tuple>

#include "chronograph/error.hpp"

namespace chronograph::merge {
namespace {

std::vector<std::string_view> split_tabs(std::string_view line) {
  std::vector<std::string_view> out;
  for (std::size_t at = 0;;) {
    const auto tab = line.find('\t', at);
    out.push_back(line.substr(at, tab == std::string_view::npos ? std::string_view::npos : tab - at));
    if (tab == std::string_view::npos) return out;
    at = tab + 1;
  }
}

bool word_byte(char c) {
  const auto u = static_cast<unsigned char>(c);
  return (u >= '0' && u <= '9') || (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z');
}

// Every start of `needle` in `hay` as a whole word (no ASCII letter or digit on either side).
std::vector<std::size_t> whole_words(std::string_view hay, std::string_view needle) {
  std::vector<std::size_t> out;
  for (auto at = hay.find(needle); at != std::string_view::npos; at = hay.find(needle, at + 1)) {
    const auto end = at + needle.size();
    if ((at == 0 || !word_byte(hay[at - 1])) && (end == hay.size() || !word_byte(hay[end]))) out.push_back(at);
  }
  return out;
}

[[noreturn]] void key_error(const std::string& origin, std::size_t line, const std::string& what) {
  throw input_error(origin + ":" + std::to_string(line) + ": " + what);
}

// A context with "\n" (a line break: headlines and headings are lines of their own), "\t" or "\\".
std::string unescape(std::string_view field, const std::string& origin, std::size_t line) {
  std::string out;
  for (std::size_t i = 0; i < field.size(); ++i) {
    if (field[i] != '\\') {
      out += field[i];
      continue;
    }
    const char next = i + 1 < field.size() ? field[++i] : '\0';
    if (next == 'n') out += '\n';
    else if (next == 't') out += '\t';
    else if (next == '\\') out += '\\';
    else key_error(origin, line, "unknown escape in the context (\\n, \\t and \\\\ are known)");
  }
  return out;
}

// The trigger's bytes in its document, checked as score.hpp promises.
byte_span locate(const key_mention& k, const std::string& origin, const std::map<std::string, std::string>& texts) {
  const auto doc = texts.find(k.doc);
  if (doc == texts.end()) key_error(origin, k.line, "no document '" + k.doc + "' in the system output");
  const std::string_view text = doc->second;
  const auto at = text.find(k.context);
  if (at == std::string_view::npos) key_error(origin, k.line, "context not found in " + k.doc + ": \"" + k.context + "\"");
  if (text.find(k.context, at + 1) != std::string_view::npos)
    key_error(origin, k.line, "context occurs more than once in " + k.doc + ": \"" + k.context + "\"");
  const auto words = whole_words(k.context, k.trigger);
  if (words.size() != 1)
    key_error(origin, k.line, "trigger \"" + k.trigger + "\" is " + std::to_string(words.size()) +
                                  " times a whole word of the context, not once");
  return {at + words[0], at + words[0] + k.trigger.size()};
}

// The context as the key writes it: one line.
std::string escaped(std::string_view context) {
  std::string out;
  for (const char c : context) {
    if (c == '\n') out += "\\n";
    else if (c == '\t') out += "\\t";
    else if (c == '\\') out += "\\\\";
    else out += c;
  }
  return out;
}

double harmonic(double p, double r) { return p + r > 0 ? 2 * p * r / (p + r) : 0.0; }
prf make_prf(double num_p, double den_p, double num_r, double den_r) {
  prf out;
  out.precision = den_p > 0 ? num_p / den_p : 0;
  out.recall = den_r > 0 ? num_r / den_r : 0;
  out.f1 = harmonic(out.precision, out.recall);
  return out;
}

using chains = std::vector<std::vector<std::size_t>>;  // mention indices

// MUC recall of `key` against the partition `of` (mention -> response chain): sum over key chains
// of |k| minus the number of response parts k falls in, over sum of |k| - 1.
std::pair<double, double> muc_counts(const chains& key, const std::vector<std::size_t>& of) {
  double num = 0, den = 0;
  for (const auto& k : key) {
    std::set<std::size_t> parts;
    for (const auto m : k) parts.insert(of[m]);
    num += double(k.size() - parts.size());
    den += double(k.size() - 1);
  }
  return {num, den};
}

// Maximum-weight one-to-one assignment of rows to columns (Hungarian method on costs -w, square
// after padding with zeros). Returns the best total weight.
double best_assignment(const std::vector<std::vector<double>>& w) {
  const std::size_t rows = w.size(), cols = rows ? w[0].size() : 0, n = std::max(rows, cols);
  if (n == 0) return 0;
  const auto cost = [&](std::size_t i, std::size_t j) { return i < rows && j < cols ? -w[i][j] : 0.0; };
  const double inf = std::numeric_limits<double>::infinity();
  std::vector<double> u(n + 1, 0), v(n + 1, 0);
  std::vector<std::size_t> p(n + 1, 0), way(n + 1, 0);  // p[j]: row (1-based) matched to column j
  for (std::size_t i = 1; i <= n; ++i) {
    p[0] = i;
    std::size_t j0 = 0;
    std::vector<double> minv(n + 1, inf);
    std::vector<bool> used(n + 1, false);
    do {
      used[j0] = true;
      const std::size_t i0 = p[j0];
      double delta = inf;
      std::size_t j1 = 0;
      for (std::size_t j = 1; j <= n; ++j) {
        if (used[j]) continue;
        const double cur = cost(i0 - 1, j - 1) - u[i0] - v[j];
        if (cur < minv[j]) minv[j] = cur, way[j] = j0;
        if (minv[j] < delta) delta = minv[j], j1 = j;
      }
      for (std::size_t j = 0; j <= n; ++j) {
        if (used[j]) u[p[j]] += delta, v[j] -= delta;
        else minv[j] -= delta;
      }
      j0 = j1;
    } while (p[j0] != 0);
    do {
      const std::size_t j1 = way[j0];
      p[j0] = p[j1];
      j0 = j1;
    } while (j0 != 0);
  }
  double total = 0;
  for (std::size_t j = 1; j <= n; ++j)
    if (p[j] >= 1 && p[j] <= rows && j <= cols) total += w[p[j] - 1][j - 1];
  return total;
}

}  // namespace

std::map<std::string, std::string> node_of_mentions(const story& s) {
  std::map<std::string, std::string> out;
  for (const auto& e : s.events)
    for (const auto& m : e.mention_ids) out.emplace(m, e.id);
  return out;
}

std::vector<key_mention> read_key(std::string_view tsv, const std::string& origin) {
  std::vector<key_mention> out;
  std::set<std::tuple<std::string, std::string, std::string>> seen;
  std::size_t number = 0;
  for (std::size_t at = 0; at < tsv.size();) {
    const auto nl = tsv.find('\n', at);
    auto line = tsv.substr(at, nl == std::string_view::npos ? std::string_view::npos : nl - at);
    at = nl == std::string_view::npos ? tsv.size() : nl + 1;
    ++number;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line.front() == '#') continue;
    const auto f = split_tabs(line);
    if (f.size() != 4) key_error(origin, number, "expected 4 tab-separated fields (event, doc, trigger, context), got " + std::to_string(f.size()));
    if (std::any_of(f.begin(), f.end(), [](std::string_view s) { return s.empty(); })) key_error(origin, number, "empty field");
    key_mention k{std::string(f[0]), std::string(f[1]), std::string(f[2]), unescape(f[3], origin, number), number};
    if (!seen.emplace(k.doc, k.context, k.trigger).second) key_error(origin, number, "the same mention twice");
    out.push_back(std::move(k));
  }
  return out;
}

coref_score score_coreference(const std::vector<key_mention>& key, const std::string& key_origin,
                              const std::map<std::string, std::string>& texts, const std::vector<system_mention>& system) {
  coref_score out;
  out.key_mentions = key.size();
  // Key chains, and each mention's response chain: the node over its trigger, or its own.
  std::map<std::string, std::size_t> event_index, node_index;
  std::vector<std::string> event_names, node_names;
  std::vector<std::size_t> key_of(key.size()), response_of(key.size());
  std::set<std::pair<std::string, std::size_t>> placed;  // (doc, trigger begin): one key line per word
  for (std::size_t i = 0; i < key.size(); ++i) {
    const auto& k = key[i];
    const auto span = locate(k, key_origin, texts);
    if (!placed.emplace(k.doc, span.begin).second) key_error(key_origin, k.line, "another key line names the same word");
    auto [e, fresh] = event_index.emplace(k.event, event_names.size());
    if (fresh) event_names.push_back(k.event);
    key_of[i] = e->second;
    const system_mention* hit = nullptr;
    for (const auto& s : system)
      if (s.doc == k.doc && s.span.overlaps(span) && (!hit || s.span.size() < hit->span.size())) hit = &s;
    std::string node = hit ? hit->node : "(none) line " + std::to_string(k.line);
    if (hit) ++out.found;
    else out.unfound.push_back("key line " + std::to_string(k.line) + ": " + k.doc + " " + k.trigger + " (" + escaped(k.context) + ")");
    auto [n, added] = node_index.emplace(node, node_names.size());
    if (added) node_names.push_back(node);
    response_of[i] = n->second;
  }
  chains key_chains(event_names.size()), response_chains(node_names.size());
  for (std::size_t i = 0; i < key.size(); ++i) {
    key_chains[key_of[i]].push_back(i);
    response_chains[response_of[i]].push_back(i);
  }
  out.key_events = key_chains.size();
  out.response_chains = response_chains.size();

  const auto [muc_r_num, muc_r_den] = muc_counts(key_chains, response_of);
  const auto [muc_p_num, muc_p_den] = muc_counts(response_chains, key_of);
  out.muc = make_prf(muc_p_num, muc_p_den, muc_r_num, muc_r_den);

  double b_p = 0, b_r = 0;
  std::map<std::pair<std::size_t, std::size_t>, std::size_t> overlap;  // (key chain, response chain) -> mentions
  for (std::size_t i = 0; i < key.size(); ++i) ++overlap[{key_of[i], response_of[i]}];
  for (std::size_t i = 0; i < key.size(); ++i) {
    const double both = double(overlap[{key_of[i], response_of[i]}]);
    b_p += both / double(response_chains[response_of[i]].size());
    b_r += both / double(key_chains[key_of[i]].size());
  }
  out.b_cubed = make_prf(b_p, double(key.size()), b_r, double(key.size()));

  std::vector<std::vector<double>> phi(key_chains.size(), std::vector<double>(response_chains.size(), 0.0));
  for (const auto& [pair, n] : overlap)
    phi[pair.first][pair.second] = 2.0 * double(n) / double(key_chains[pair.first].size() + response_chains[pair.second].size());
  const double aligned = best_assignment(phi);
  out.ceaf_e = make_prf(aligned, double(response_chains.size()), aligned, double(key_chains.size()));
  out.conll_f1 = (out.muc.f1 + out.b_cubed.f1 + out.ceaf_e.f1) / 3;

  // What to mend: events over several nodes, nodes over several events (lone unfound excluded).
  const auto word = [&](std::size_t i) { return key[i].doc.substr(0, key[i].doc.find('_')) + " " + key[i].trigger; };
  for (std::size_t e = 0; e < key_chains.size(); ++e) {
    std::map<std::size_t, std::string> parts;
    for (const auto i : key_chains[e]) parts[response_of[i]] += (parts[response_of[i]].empty() ? "" : ", ") + word(i);
    if (parts.size() > 1)
      for (const auto& [n, words] : parts) out.split[event_names[e]].push_back(node_names[n] + ": " + words);
  }
  for (std::size_t n = 0; n < response_chains.size(); ++n) {
    std::map<std::size_t, std::string> parts;
    for (const auto i : response_chains[n]) parts[key_of[i]] += (parts[key_of[i]].empty() ? "" : ", ") + word(i);
    if (parts.size() > 1)
      for (const auto& [e, words] : parts) out.mixed[node_names[n]].push_back(event_names[e] + ": " + words);
  }
  return out;
}

std::string format_score(const coref_score& score) {
  std::string out;
  char line[256];
  std::snprintf(line, sizeof line, "key: %zu mentions of %zu events; %zu found by a system event; they fall in %zu nodes\n",
                score.key_mentions, score.key_events, score.found, score.response_chains);
  out += line;
  const auto row = [&](const char* name, const prf& s) {
    std::snprintf(line, sizeof line, "%-8s P %.3f R %.3f F1 %.3f\n", name, s.precision, s.recall, s.f1);
    out += line;
  };
  row("MUC", score.muc);
  row("B-cubed", score.b_cubed);
  row("CEAF-e", score.ceaf_e);
  std::snprintf(line, sizeof line, "CoNLL F1 %.3f\n", score.conll_f1);
  out += line;
  std::snprintf(line, sizeof line, "split events %zu, mixed nodes %zu, unfound mentions %zu\n", score.split.size(),
                score.mixed.size(), score.unfound.size());
  out += line;
  for (const auto& [event, parts] : score.split) {
    out += "split " + event + "\n";
    for (const auto& p : parts) out += "  " + p + "\n";
  }
  for (const auto& [node, parts] : score.mixed) {
    out += "mixed " + node + "\n";
    for (const auto& p : parts) out += "  " + p + "\n";
  }
  for (const auto& u : score.unfound) out += "unfound " + u + "\n";
  return out;
}

}  // namespace chronograph::merge
