// SPDX-License-Identifier: MIT
// Loading and validating the rule tables: lists/<name>.tsv and rules/<type>.rules.
#include <cstdlib>
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "chronograph/error.hpp"
#include "chronograph/resources.hpp"
#include "engine.hpp"

namespace chronograph::timex {
namespace {

using namespace detail;
namespace fs = std::filesystem;

[[noreturn]] void fail(const std::string& file, std::size_t line, const std::string& what) {
  throw resource_error(file + ":" + std::to_string(line) + ": " + what);
}

std::string trim(std::string_view s) {
  const auto b = s.find_first_not_of(" \t\r");
  if (b == std::string_view::npos) return {};
  return std::string(s.substr(b, s.find_last_not_of(" \t\r") - b + 1));
}

std::vector<std::string> split(const std::string& s, char sep) {
  std::vector<std::string> out;
  std::string cur;
  for (char c : s) {
    if (c == sep) {
      out.push_back(cur);
      cur.clear();
    } else {
      cur += c;
    }
  }
  out.push_back(cur);
  return out;
}

std::vector<std::string> token_keys(std::string_view text) {
  const std::string lowered = ascii_lower(text);
  std::vector<token> toks;
  tokenize(text, lowered, toks);
  std::vector<std::string> keys;
  for (const auto& t : toks) keys.emplace_back(t.key);
  return keys;
}

void add_entry(word_list& list, const std::vector<std::string>& keys, int value, bool needs_capital) {
  int node = 0;
  for (const auto& k : keys) {
    auto& children = list.nodes[static_cast<std::size_t>(node)].children;
    auto it = std::find_if(children.begin(), children.end(), [&](const auto& p) { return p.first == k; });
    if (it == children.end()) {
      list.nodes.emplace_back();
      // `children` may dangle after emplace_back: index again.
      list.nodes[static_cast<std::size_t>(node)].children.emplace_back(k, static_cast<int>(list.nodes.size() - 1));
      node = static_cast<int>(list.nodes.size() - 1);
    } else {
      node = it->second;
    }
  }
  list.nodes[static_cast<std::size_t>(node)].value = value;
  list.nodes[static_cast<std::size_t>(node)].needs_capital = needs_capital;
}

void load_list(rule_set::impl& rs, const fs::path& path) {
  std::ifstream in(path);
  if (!in) throw resource_error(path.string() + ": cannot read list");
  word_list list;
  list.name = path.stem().string();
  std::string line;
  std::size_t number = 0;
  while (std::getline(in, line)) {
    ++number;
    if (trim(line).empty() || trim(line)[0] == '#') continue;
    auto cols = split(line, '\t');
    if (cols.size() < 2) fail(path.string(), number, "expected 'surface<TAB>value[<TAB>flags]'");
    const std::string surface = trim(cols[0]);
    const std::string value = trim(cols[1]);
    bool cap = false;
    if (cols.size() > 2) {
      for (const auto& flag : split(trim(cols[2]), ',')) {
        if (flag == "cap") cap = true;
        else if (!flag.empty()) fail(path.string(), number, "unknown flag '" + flag + "'");
      }
    }
    const auto keys = token_keys(surface);
    if (keys.empty()) fail(path.string(), number, "empty surface");
    list.values.push_back(value);
    list.numbers.push_back(std::atof(value.c_str()));
    add_entry(list, keys, static_cast<int>(list.values.size() - 1), cap);
  }
  for (const auto& [k, child] : list.nodes[0].children) list.first_keys.push_back(k);
  rs.list_index[list.name] = static_cast<int>(rs.lists.size());
  rs.lists.push_back(std::move(list));
}

const std::vector<std::pair<std::string, builtin>>& builtin_names() {
  static const std::vector<std::pair<std::string, builtin>> names = {
      {"int", builtin::integer}, {"num", builtin::number},   {"year", builtin::year},    {"yy", builtin::yy},
      {"dom", builtin::dom},     {"dom13", builtin::dom13}, {"mm", builtin::mm},        {"hour", builtin::hour},    {"hour12", builtin::hour12},
      {"min", builtin::minute},  {"ordnum", builtin::ordinal}, {"decade", builtin::decade}, {"word", builtin::word},
      {"d3", builtin::digits3},  {"d4", builtin::digits4},   {"d13", builtin::digits13}, {"cap", builtin::cap},
      {"hhmm", builtin::hhmm},   {"name", builtin::name}};
  return names;
}

class pattern_parser {
 public:
  pattern_parser(const rule_set::impl& rs, rule& r, const std::string& file, std::size_t line)
      : rs_(rs), r_(r), file_(file), line_(line) {}

  sequence parse(const std::string& text) {
    text_ = text;
    pos_ = 0;
    sequence s = parse_sequence();
    if (pos_ < text_.size()) fail(file_, line_, "unexpected '" + std::string(1, text_[pos_]) + "' in pattern");
    if (s.empty()) fail(file_, line_, "empty pattern");
    return s;
  }

 private:
  void skip_space() {
    while (pos_ < text_.size() && text_[pos_] == ' ') ++pos_;
  }

  sequence parse_sequence() {
    sequence s;
    for (;;) {
      skip_space();
      if (pos_ >= text_.size() || text_[pos_] == ')' || text_[pos_] == '|') return s;
      bool no_space = false, context = false;
      if (text_[pos_] == '~' && pos_ + 1 < text_.size() && text_[pos_ + 1] != ' ') {
        context = true;
        ++pos_;
      }
      if (text_[pos_] == '^' && pos_ + 1 < text_.size() && text_[pos_ + 1] != ' ') {
        no_space = true;
        ++pos_;
      }
      std::vector<element> parsed;
      if (text_[pos_] == '(') {
        ++pos_;
        element g;
        g.kind = element::group;
        for (;;) {
          g.alternatives.push_back(parse_sequence());
          if (pos_ >= text_.size()) fail(file_, line_, "unclosed '(' in pattern");
          if (text_[pos_] == '|') {
            ++pos_;
            continue;
          }
          ++pos_;  // ')'
          break;
        }
        parsed.push_back(std::move(g));
      } else if (text_[pos_] == '{') {
        const auto close = text_.find('}', pos_);
        if (close == std::string::npos) fail(file_, line_, "unclosed '{' in pattern");
        const std::string inner = text_.substr(pos_ + 1, close - pos_ - 1);
        pos_ = close + 1;
        std::string capture, target = inner;
        if (const auto colon = inner.find(':'); colon != std::string::npos) {
          capture = inner.substr(0, colon);
          target = inner.substr(colon + 1);
        } else {
          capture = inner;
        }
        element e;
        const auto& names = builtin_names();
        const auto b = std::find_if(names.begin(), names.end(), [&](const auto& p) { return p.first == target; });
        if (b != names.end()) {
          e.kind = element::builtin_class;
          e.cls = b->second;
        } else {
          e.kind = element::list;
          e.list_id = rs_.list(target);
          if (e.list_id < 0) fail(file_, line_, "unknown list or class {" + target + "}");
        }
        if (capture != "_") e.capture = slot(capture);
        parsed.push_back(std::move(e));
      } else {
        std::size_t end = pos_;
        while (end < text_.size() && text_[end] != ' ' && text_[end] != '(' && text_[end] != ')' &&
               text_[end] != '|' && text_[end] != '{' && !(text_[end] == '?' && end > pos_))
          ++end;
        const std::string word = text_.substr(pos_, end - pos_);
        pos_ = end;
        const auto keys = token_keys(word);
        if (keys.empty()) fail(file_, line_, "bad literal '" + word + "' in pattern");
        for (std::size_t k = 0; k < keys.size(); ++k) {
          element e;
          e.kind = element::literal;
          e.text = keys[k];
          if (k > 0) e.no_space = true;
          parsed.push_back(std::move(e));
        }
        if (pos_ < text_.size() && text_[pos_] == '?' && parsed.size() > 1) {
          // "mid-?" : make the whole literal optional as a group.
          element g;
          g.kind = element::group;
          g.alternatives.push_back(std::move(parsed));
          parsed.clear();
          parsed.push_back(std::move(g));
        }
      }
      if (pos_ < text_.size() && text_[pos_] == '?') {
        parsed.back().is_optional = true;
        ++pos_;
      }
      if (no_space) parsed.front().no_space = true;
      if (context) {
        for (auto& e : parsed) {
          // One token each: a literal or a group of single literals ("~(ended|ending)").
          bool one_token = e.kind == element::literal;
          if (e.kind == element::group) {
            one_token = true;
            for (const auto& alt : e.alternatives)
              one_token = one_token && alt.size() == 1 && alt[0].kind == element::literal && !alt[0].is_optional;
          }
          if (!one_token || e.is_optional) fail(file_, line_, "'~' marks only leading or trailing literals");
          e.is_context = true;
          if (s.size() == r_.context_tokens && r_.trailing_context_tokens == 0) {
            ++r_.context_tokens;
          } else {
            ++r_.trailing_context_tokens;
          }
          s.push_back(std::move(e));
        }
        continue;
      }
      if (r_.trailing_context_tokens > 0) fail(file_, line_, "'~' marks only leading or trailing literals");
      for (auto& e : parsed) s.push_back(std::move(e));
    }
  }

  int slot(const std::string& name) {
    static const std::set<std::string> known = {"year", "yy", "month", "day", "weekday", "decade", "century",
                                                "quarter", "half", "season", "part", "hour", "minute", "second",
                                                "ampm", "zone", "n", "unit", "holiday", "mod", "week", "fiscal",
                                                "n2", "frac", "dir", "clock", "nth"};
    if (!known.count(name)) fail(file_, line_, "unknown capture name '" + name + "'");
    for (std::size_t k = 0; k < r_.capture_names.size(); ++k)
      if (r_.capture_names[k] == name) return static_cast<int>(k);
    r_.capture_names.push_back(name);
    return static_cast<int>(r_.capture_names.size() - 1);
  }

  const rule_set::impl& rs_;
  rule& r_;
  const std::string& file_;
  std::size_t line_;
  std::string text_;
  std::size_t pos_ = 0;
};

grain parse_grain(const std::string& g, const std::string& file, std::size_t line) {
  static const std::vector<std::pair<std::string, grain>> names = {
      {"century", grain::century}, {"decade", grain::decade},   {"year", grain::year},
      {"half", grain::half},       {"quarter", grain::quarter}, {"season", grain::season},
      {"month", grain::month},     {"week", grain::week},       {"weekend", grain::weekend},
      {"day", grain::day},         {"part_of_day", grain::part_of_day}, {"hour", grain::hour},
      {"minute", grain::minute},   {"second", grain::second},   {"none", grain::none}};
  for (const auto& [k, v] : names)
    if (k == g) return v;
  fail(file, line, "unknown grain '" + g + "'");
}

bool is_unit_code(const std::string& u) {
  static const std::set<std::string> units = {"Y", "M", "W", "D", "H", "MIN", "S", "DE", "CE", "Q", "WE", "HY", "SE"};
  return units.count(u) > 0;
}

int capture_ref(const rule& r, const std::string& word, const std::string& file, std::size_t line) {
  if (word.size() < 3 || word.front() != '{' || word.back() != '}') return -2;
  const std::string name = word.substr(1, word.size() - 2);
  for (std::size_t k = 0; k < r.capture_names.size(); ++k)
    if (r.capture_names[k] == name) return static_cast<int>(k);
  fail(file, line, "value uses {" + name + "}, which the pattern does not capture");
}

void parse_amount(rule& r, std::string word, const std::string& file, std::size_t line) {
  r.sign = 1;
  if (!word.empty() && (word[0] == '-' || word[0] == '+')) {
    r.sign = word[0] == '-' ? -1 : 1;
    word = word.substr(1);
  }
  if (word == "X") {
    r.amount_unspecified = true;
    return;
  }
  const int c = capture_ref(r, word, file, line);
  if (c >= 0) {
    r.amount_capture = c;
    return;
  }
  try {
    std::size_t used = 0;
    r.amount = std::stod(word, &used);
    if (used != word.size()) throw std::invalid_argument(word);
  } catch (const std::exception&) {
    fail(file, line, "bad amount '" + word + "' in value");
  }
}

void parse_unit(rule& r, const std::string& word, const std::string& file, std::size_t line) {
  const int c = capture_ref(r, word, file, line);
  if (c >= 0) r.unit_capture = c;
  else if (is_unit_code(word)) r.unit = word;
  else fail(file, line, "bad unit '" + word + "' in value (a {capture} or Y M W D H MIN S DE CE Q WE HY SE)");
}

void parse_value(rule& r, const std::string& value, const std::string& file, std::size_t line) {
  std::istringstream in(value);
  std::vector<std::string> w;
  for (std::string s; in >> s;) w.push_back(s);
  if (w.empty()) {
    r.op = operation::fields;
    return;
  }
  const std::string& head = w[0];
  std::size_t next = 1;
  if (head == "duration" || head == "set") {
    r.op = head == "duration" ? operation::duration : operation::set;
    if (w.size() == 1 && head == "set") return;  // set over stated fields ("every Monday")
    if (w.size() != 3) fail(file, line, head + " takes AMOUNT UNIT");
    parse_amount(r, w[1], file, line);
    parse_unit(r, w[2], file, line);
    return;
  }
  if (head == "this" || head == "last" || head == "next") {
    r.op = head == "this" ? operation::this_ : head == "last" ? operation::last : operation::next;
    if (w.size() >= 2 && w.back() == "ref") {  // relative to the time just mentioned
      r.from_reference = true;
      w.pop_back();
    }
    if (w.size() > 2) fail(file, line, head + " takes at most a UNIT");
    if (w.size() == 2) parse_unit(r, w[1], file, line);
    return;
  }
  if (head == "anchor" || head == "ref" || head == "fields") {
    r.op = head == "fields" ? operation::fields : operation::anchor;
    r.from_reference = head == "ref";
  } else if (head.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZ_0123456789-") == std::string::npos) {
    r.op = operation::literal;
    r.literal = head;
    if (w.size() != 1) fail(file, line, "a literal value stands alone");
    return;
  } else {
    fail(file, line, "unknown value '" + value + "'");
  }
  if (next < w.size()) {
    if (w.size() != next + 2) fail(file, line, "offset takes ±AMOUNT UNIT");
    r.has_offset = true;
    parse_amount(r, w[next], file, line);
    parse_unit(r, w[next + 1], file, line);
  }
}

// Splits "rule NAME  match: ...  value: ...  grain: day" into its fields.
std::vector<std::pair<std::string, std::string>> rule_fields(const std::string& line, std::string& name,
                                                             const std::string& file, std::size_t number) {
  static const std::vector<std::string> keys = {"match:", "value:", "grain:", "mod:", "type:", "quant:", "freq:", "order:", "past:", "tense:", "topic:", "joins:", "not_before:"};
  std::istringstream in(line);
  std::string word;
  in >> word >> name;
  if (name.empty()) fail(file, number, "rule without a name");
  std::vector<std::pair<std::size_t, std::string>> found;
  for (const auto& k : keys) {
    for (std::size_t at = line.find(" " + k); at != std::string::npos; at = line.find(" " + k, at + 1))
      found.emplace_back(at + 1, k);
  }
  std::sort(found.begin(), found.end());
  std::vector<std::pair<std::string, std::string>> out;
  for (std::size_t k = 0; k < found.size(); ++k) {
    const std::size_t b = found[k].first + found[k].second.size();
    const std::size_t e = k + 1 < found.size() ? found[k + 1].first : line.size();
    out.emplace_back(found[k].second.substr(0, found[k].second.size() - 1), trim(line.substr(b, e - b)));
  }
  // Flags after the last field: "latent", "off".
  return out;
}

std::string quoted(const std::string& s, std::size_t& at, const std::string& file, std::size_t line) {
  const auto b = s.find('"', at);
  if (b == std::string::npos) fail(file, line, "expected a quoted text");
  const auto e = s.find('"', b + 1);
  if (e == std::string::npos) fail(file, line, "unterminated quoted text");
  at = e + 1;
  return s.substr(b + 1, e - b - 1);
}

void load_rules(rule_set::impl& rs, const fs::path& path, const rule_set::options& opts) {
  std::ifstream in(path);
  if (!in) throw resource_error(path.string() + ": cannot read rule file");
  const std::string file = path.string();
  const std::string stem = path.stem().string();
  timex_type default_type = timex_type::date;
  bool negative_file = false;
  if (stem == "time") default_type = timex_type::time;
  else if (stem == "duration") default_type = timex_type::duration;
  else if (stem == "set") default_type = timex_type::set;
  else if (stem == "none") negative_file = true;
  else if (stem != "date") fail(file, 1, "rule files are named date, time, duration, set or none");
  std::string line;
  std::size_t number = 0;
  rule* current = nullptr;
  std::set<std::string> names;
  for (const auto& r : rs.rules) names.insert(r.name);
  while (std::getline(in, line)) {
    ++number;
    const std::string t = trim(line);
    if (t.empty() || t[0] == '#') continue;
    if (line.rfind("rule ", 0) == 0) {
      rule r;
      r.file = file;
      r.line = number;
      r.type = default_type;
      r.is_negative = negative_file;
      std::string name;
      const auto fields = rule_fields(line, name, file, number);
      r.name = name;
      if (!names.insert(name).second) fail(file, number, "duplicate rule name " + name);
      if (name.rfind(stem + ".", 0) != 0) fail(file, number, "rule " + name + " must be named " + stem + ".<phenomenon>");
      bool off = false;
      std::string match, value;
      for (const auto& [k, v] : fields) {
        std::string val = v;
        // trailing flags
        for (const std::string flag : {" latent", " off"}) {
          if (val.size() >= flag.size() && val.compare(val.size() - flag.size(), flag.size(), flag) == 0) {
            if (flag == " latent") r.is_latent = true;
            else off = true;
            val = trim(val.substr(0, val.size() - flag.size()));
          }
        }
        if (k == "match") match = val;
        else if (k == "value") value = val;
        else if (k == "grain") r.precision = parse_grain(val, file, number);
        else if (k == "mod") r.mod = val;
        else if (k == "quant") r.quant = val;
        else if (k == "freq") r.freq = val;
        else if (k == "past") {
          if (val != "duration") fail(file, number, "past: takes duration");
          r.past_as_duration = true;
        }
        else if (k == "tense") {
          if (val == "future") r.future_only = true;
          else if (val == "ahead") r.looks_ahead = true;
          else fail(file, number, "tense: takes future or ahead");
        }
        else if (k == "topic") {
          if (val == "span") r.reporting_span = true;
          else if (val == "period") r.follows_period = true;
          else if (val == "fiscal") r.refers_fiscal = true;
          else fail(file, number, "topic: takes span, period or fiscal");
        }
        else if (k == "not_before") {
          // "not_before: to through -": no match right before one of these tokens.
          std::istringstream words(val);
          for (std::string w; words >> w;) r.not_before.push_back(ascii_lower(w));
          if (r.not_before.empty()) fail(file, number, "not_before: takes one or more tokens");
        }
        else if (k == "joins") {
          if (val != "day") fail(file, number, "joins: takes day");
          r.joins_day = true;
        }
        else if (k == "order") {
          if (val != "mdy" && val != "dmy") fail(file, number, "order: takes mdy or dmy");
          const bool wanted = (val == "mdy") == (opts.numeric_dates == rule_set::numeric_order::month_day);
          if (!wanted) off = true;
        }
        else if (k == "type") {
          if (val == "DATE") r.type = timex_type::date;
          else if (val == "TIME") r.type = timex_type::time;
          else if (val == "DURATION") r.type = timex_type::duration;
          else if (val == "SET") r.type = timex_type::set;
          else fail(file, number, "unknown type " + val);
        }
      }
      if (match.empty()) fail(file, number, "rule " + name + " has no match:");
      pattern_parser parser(rs, r, file, number);
      r.pattern = parser.parse(match);
      if (!r.is_negative) parse_value(r, value, file, number);
      if (off) {
        current = nullptr;
        continue;
      }
      rs.rules.push_back(std::move(r));
      current = &rs.rules.back();
      continue;
    }
    if (line[0] != ' ' && line[0] != '\t') fail(file, number, "expected 'rule ...', an indented example or a comment");
    if (!current) continue;  // examples of a rule that is off
    rule_set::example ex;
    ex.file = file;
    ex.line = number;
    ex.rule = current->name;
    if (t.rfind("example", 0) == 0) {
      const auto colon = t.find(':');
      if (colon == std::string::npos) fail(file, number, "example without ':'");
      if (t[7] == '@') ex.reference = t.substr(8, colon - 8);
      if (!ex.reference.empty() && !parse_creation_time(ex.reference)) fail(file, number, "bad reference date " + ex.reference);
      std::size_t at = colon + 1;
      ex.text = quoted(t, at, file, number);
      const auto arrow = t.find("=>", at);
      if (arrow == std::string::npos) fail(file, number, "example without '=> value'");
      ex.value = trim(t.substr(arrow + 2));
      if (ex.value.empty()) fail(file, number, "example without a value");
    } else if (t.rfind("never", 0) == 0) {
      std::size_t at = 0;
      ex.text = quoted(t, at, file, number);
      ex.is_negative = true;
    } else {
      fail(file, number, "expected 'example[@DATE]: \"text\" => value' or 'never: \"text\"'");
    }
    rs.examples.push_back(std::move(ex));
  }
}

// First-token keys of a sequence; `numbers`/`words` set when a class may start it.
void first_keys(const rule_set::impl& rs, const sequence& s, std::size_t k, std::set<std::string>& keys,
                bool& numbers, bool& words, bool& empty, std::uint32_t& mask) {
  if (k >= s.size()) {
    empty = true;
    return;
  }
  const element& e = s[k];
  bool inner_empty = false;
  switch (e.kind) {
    case element::literal: keys.insert(e.text); break;
    case element::list:
      for (const auto& key : rs.lists[static_cast<std::size_t>(e.list_id)].first_keys) keys.insert(key);
      break;
    case element::builtin_class:
      if (is_word_class(e.cls)) words = true;
      else {
        numbers = true;
        mask |= 1u << static_cast<unsigned>(e.cls);
      }
      if (e.cls == builtin::number && rs.list("number_word") >= 0)
        for (const auto& key : rs.lists[static_cast<std::size_t>(rs.list("number_word"))].first_keys) keys.insert(key);
      if (e.cls == builtin::decade || e.cls == builtin::yy) keys.insert("'");
      if (e.cls == builtin::year) {
        keys.insert("nineteen");
        keys.insert("eighteen");
      }
      break;
    case element::group:
      for (const auto& alt : e.alternatives) first_keys(rs, alt, 0, keys, numbers, words, inner_empty, mask);
      break;
  }
  if (e.is_optional || inner_empty) first_keys(rs, s, k + 1, keys, numbers, words, empty, mask);
}

void intern_sequence(rule_set::impl& rs, sequence& s) {
  for (auto& e : s) {
    if (e.kind == element::literal) e.id = rs.intern(e.text);
    for (auto& alt : e.alternatives) intern_sequence(rs, alt);
  }
}

std::size_t max_tokens(const sequence& s) {
  std::size_t n = 0;
  for (const auto& e : s) {
    if (e.kind == element::group) {
      std::size_t m = 0;
      for (const auto& alt : e.alternatives) m = std::max(m, max_tokens(alt));
      n += m;
    } else {
      n += e.kind == element::literal || e.kind == element::builtin_class ? 4 : 6;
    }
  }
  return n;
}

void build_follow_filters(rule_set::impl& rs) {
  rs.follow.assign(rs.rules.size(), {});
  for (std::size_t i = 0; i < rs.rules.size(); ++i) {
    const sequence& p = rs.rules[i].pattern;
    if (p.empty()) continue;
    const element& e = p[0];
    int lead = -1;
    if (e.kind == element::literal && !e.is_optional) lead = e.id;
    else if (e.kind == element::group && e.is_optional && e.alternatives.size() == 1 && e.alternatives[0].size() == 1 &&
             e.alternatives[0][0].kind == element::literal && !e.alternatives[0][0].is_optional)
      lead = e.alternatives[0][0].id;
    if (lead < 0) continue;
    std::set<std::string> keys;
    bool numbers = false, words = false, empty = false;
    std::uint32_t mask = 0;
    first_keys(rs, p, 1, keys, numbers, words, empty, mask);
    if (e.is_optional && keys.count(*rs.vocab_storage[static_cast<std::size_t>(lead)])) continue;  // "(the)? the ..."
    auto& f = rs.follow[i];
    f.lead = lead;
    f.keys.assign(rs.vocab_storage.size(), 0);
    for (const auto& k : keys) {
      const int id = rs.id_of(k);
      if (id >= 0) f.keys[static_cast<std::size_t>(id)] = 1;
    }
    f.numbers = numbers;
    f.words = words;
    f.end = empty;
  }
}

// A position in a pattern: sequence `s` from element `k`, then what the enclosing frames hold
// (innermost last).
struct pattern_at {
  const sequence* s;
  std::size_t k;
};
using continuation = std::vector<pattern_at>;

struct token_set {
  std::set<std::string> keys;
  bool numbers = false, words = false;
  bool end = false;  ///< the pattern may end here
};

// The token keys a builtin class may start with (as first_keys).
void builtin_first(const rule_set::impl& rs, builtin cls, token_set& out) {
  if (is_word_class(cls)) out.words = true;
  else out.numbers = true;
  if (cls == builtin::number && rs.list("number_word") >= 0)
    for (const auto& key : rs.lists[static_cast<std::size_t>(rs.list("number_word"))].first_keys) out.keys.insert(key);
  if (cls == builtin::decade || cls == builtin::yy) out.keys.insert("'");
  if (cls == builtin::year) {
    out.keys.insert("nineteen");
    out.keys.insert("eighteen");
  }
}

// The first token of what `c` matches (`end` when it may match nothing).
void first_of(const rule_set::impl& rs, continuation c, token_set& out) {
  while (!c.empty()) {
    if (c.back().k >= c.back().s->size()) {
      c.pop_back();
      continue;
    }
    const element& e = (*c.back().s)[c.back().k];
    ++c.back().k;  // c: what follows e
    switch (e.kind) {
      case element::literal: out.keys.insert(e.text); break;
      case element::list:
        for (const auto& key : rs.lists[static_cast<std::size_t>(e.list_id)].first_keys) out.keys.insert(key);
        break;
      case element::builtin_class: builtin_first(rs, e.cls, out); break;
      case element::group:
        for (const auto& alt : e.alternatives) {
          continuation inner = c;
          inner.push_back({&alt, 0});
          first_of(rs, std::move(inner), out);
        }
        break;
    }
    if (!e.is_optional) return;
  }
  out.end = true;
}

// The second token of what `c` matches (`end` when a match may be shorter than two tokens).
void second_of(const rule_set::impl& rs, continuation c, token_set& out) {
  while (!c.empty()) {
    if (c.back().k >= c.back().s->size()) {
      c.pop_back();
      continue;
    }
    const element& e = (*c.back().s)[c.back().k];
    ++c.back().k;
    switch (e.kind) {
      case element::literal: first_of(rs, c, out); break;
      case element::builtin_class:
        // Numbers and years may run over several tokens: "1,000", "2.5", "1/2", "1 1/2", "twenty-four",
        // "two hundred", "one and a half", "nineteen ninety".
        if (e.cls == builtin::number || e.cls == builtin::year) {
          for (const char* key : {",", ".", "/", "-", "hundred", "thousand", "and"}) out.keys.insert(key);
          if (rs.list("number_word") >= 0)
            for (const auto& key : rs.lists[static_cast<std::size_t>(rs.list("number_word"))].first_keys)
              out.keys.insert(key);
          out.numbers = true;
        }
        first_of(rs, c, out);
        break;
      case element::list: {
        const auto& list = rs.lists[static_cast<std::size_t>(e.list_id)];
        bool single = false;
        for (const auto& [key, child] : list.nodes[0].children) {
          const auto& node = list.nodes[static_cast<std::size_t>(child)];
          if (node.value >= 0) single = true;
          for (const auto& [second, grandchild] : node.children) out.keys.insert(second);
        }
        if (single) first_of(rs, c, out);
        break;
      }
      case element::group:
        for (const auto& alt : e.alternatives) {
          continuation inner = c;
          inner.push_back({&alt, 0});
          second_of(rs, std::move(inner), out);
        }
        break;
    }
    if (!e.is_optional) return;
  }
  out.end = true;
}

void build_second_filters(rule_set::impl& rs) {
  rs.second.assign(rs.rules.size(), {});
  for (std::size_t i = 0; i < rs.rules.size(); ++i) {
    token_set set;
    second_of(rs, continuation{{&rs.rules[i].pattern, 0}}, set);
    if (set.end) continue;
    auto& f = rs.second[i];
    f.keys.assign(rs.vocab_storage.size(), 0);
    bool known = true;
    for (const auto& k : set.keys) {
      const int id = rs.id_of(k);
      if (id < 0) known = false;  // matched by its text, not its id: no filter
      else f.keys[static_cast<std::size_t>(id)] = 1;
    }
    f.numbers = set.numbers;
    f.words = set.words;
    f.active = known;
    if (!known) f.keys.clear();
  }
}

}  // namespace

rule_set::rule_set(std::unique_ptr<impl> p) : impl_(std::move(p)) {}
rule_set::~rule_set() = default;
const std::vector<rule_set::example>& rule_set::examples() const noexcept { return impl_->examples; }
std::size_t rule_set::rule_count() const noexcept { return impl_->rules.size(); }

std::shared_ptr<const rule_set> rule_set::load(const std::string& dir, const options& opts) {
  auto rs = std::make_unique<impl>();
  const fs::path root(dir);
  std::error_code ec;
  if (!fs::is_directory(root / "lists", ec) || !fs::is_directory(root / "rules", ec))
    throw resource_error(dir + ": timex resources need lists/ and rules/ folders");
  std::vector<fs::path> lists, rules;
  for (const auto& e : fs::directory_iterator(root / "lists"))
    if (e.path().extension() == ".tsv") lists.push_back(e.path());
  for (const auto& e : fs::directory_iterator(root / "rules"))
    if (e.path().extension() == ".rules") rules.push_back(e.path());
  std::sort(lists.begin(), lists.end());
  // Fixed order: negative rules first so that equal-length ties go to the blocker, then
  // set, duration, time, date.
  const auto rank = [](const fs::path& p) {
    const std::string s = p.stem().string();
    return s == "none" ? 0 : s == "set" ? 1 : s == "duration" ? 2 : s == "time" ? 3 : 4;
  };
  std::sort(rules.begin(), rules.end(), [&](const fs::path& a, const fs::path& b) { return rank(a) < rank(b); });
  for (const auto& p : lists) load_list(*rs, p);
  for (const char* required : {"number_word", "mod_prefix", "tense_cue", "month", "weekday", "unit"})
    if (rs->list(required) < 0) throw resource_error((root / "lists").string() + ": missing list " + required + ".tsv");
  rs->mod_prefix_list = rs->list("mod_prefix");
  rs->tense_cue_list = rs->list("tense_cue");
  rs->cue_gap_list = rs->list("cue_gap");
  rs->adjective_context_list = rs->list("adjective_context");
  for (const auto& p : rules) load_rules(*rs, p, opts);
  // Intern list keys and literals.
  for (auto& list : rs->lists)
    for (auto& node : list.nodes)
      for (const auto& [k, child] : node.children) node.child_ids.emplace_back(rs->intern(k), child);
  for (auto& r : rs->rules) {
    intern_sequence(*rs, r.pattern);
    for (const auto& w : r.not_before) r.not_before_ids.push_back(rs->intern(w));
  }
  for (auto& list : rs->lists) {
    list.root_child.assign(rs->vocab_storage.size(), -1);
    for (const auto& [k, child] : list.nodes[0].child_ids) list.root_child[static_cast<std::size_t>(k)] = child;
  }
  rs->by_first_id.resize(rs->vocab_storage.size());
  std::vector<char>& opens_time = rs->not_name;
  opens_time.assign(rs->vocab_storage.size(), 0);
  for (const int list_id : {rs->mod_prefix_list, rs->list("not_name")})
    if (list_id >= 0)
      for (const auto& k : rs->lists[static_cast<std::size_t>(list_id)].first_keys)
        if (const int id = rs->id_of(k); id >= 0) opens_time[static_cast<std::size_t>(id)] = 1;
  for (std::size_t i = 0; i < rs->rules.size(); ++i) {
    std::set<std::string> keys;
    bool numbers = false, words = false, empty = false;
    std::uint32_t mask = 0;
    first_keys(*rs, rs->rules[i].pattern, 0, keys, numbers, words, empty, mask);
    rs->number_first_mask.push_back(mask);
    if (empty) fail(rs->rules[i].file, rs->rules[i].line, "pattern can match nothing");
    for (const auto& k : keys) {
      rs->by_first_key[k].push_back(static_cast<int>(i));
      const int id = rs->id_of(k);
      if (id >= 0) rs->by_first_id[static_cast<std::size_t>(id)].push_back(static_cast<int>(i));
    }
    if (!rs->rules[i].is_negative)
      for (const auto& k : keys)
        if (const int id = rs->id_of(k); id >= 0) opens_time[static_cast<std::size_t>(id)] = 1;
    if (numbers) rs->by_number.push_back(static_cast<int>(i));
    if (words) rs->by_any_word.push_back(static_cast<int>(i));
    rs->max_rule_tokens = std::max(rs->max_rule_tokens, max_tokens(rs->rules[i].pattern));
  }
  build_follow_filters(*rs);
  build_second_filters(*rs);
  auto& any = rs->any_word_second;
  any.active = !rs->by_any_word.empty();
  any.keys.assign(rs->vocab_storage.size(), 0);
  for (const int i : rs->by_any_word) {
    const auto& f = rs->second[static_cast<std::size_t>(i)];
    if (!f.active) {
      any.active = false;
      break;
    }
    for (std::size_t k = 0; k < f.keys.size(); ++k) any.keys[k] = static_cast<char>(any.keys[k] | f.keys[k]);
    for (const char k : f.keys) rs->any_word_second_keys = rs->any_word_second_keys || k;
    any.numbers = any.numbers || f.numbers;
    any.words = any.words || f.words;
  }
  return std::make_shared<const rule_set>(std::move(rs));
}

std::shared_ptr<const rule_set> rule_set::load_default(const options& opts) {
  return load(resource_path("timex", "en").string(), opts);
}

}  // namespace chronograph::timex
