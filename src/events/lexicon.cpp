// SPDX-License-Identifier: MIT
// Loading the events stage's tables and describing tokens (tag, lemma, auxiliary features).
#include "chronograph/events/lexicon.hpp"

#include <algorithm>
#include <cctype>
#include <cstring>
#include <fstream>
#include <sstream>

#include "chronograph/error.hpp"
#include "chronograph/resources.hpp"

namespace chronograph::events {

namespace {

std::vector<std::string> split_tabs(const std::string& line) {
  std::vector<std::string> out;
  std::size_t at = 0;
  while (true) {
    const auto tab = line.find('\t', at);
    out.push_back(line.substr(at, tab == std::string::npos ? std::string::npos : tab - at));
    if (tab == std::string::npos) break;
    at = tab + 1;
  }
  for (auto& f : out) {
    while (!f.empty() && (f.back() == ' ' || f.back() == '\r')) f.pop_back();
  }
  return out;
}

double parse_weight(const std::filesystem::path& path, std::size_t line, const std::string& text) {
  try {
    std::size_t used = 0;
    const double v = std::stod(text, &used);
    if (used != text.size() || v < 0 || v > 1) throw std::invalid_argument("range");
    return v;
  } catch (const std::exception&) {
    table_error(path, line, "weight must be a number in [0, 1], got \"" + text + "\"");
  }
}

bool is_punct_form(std::string_view form) {
  for (unsigned char c : form) {
    if (std::isalnum(c) || c >= 0x80) {
      // Multi-byte characters: typographic quotes and dashes are punctuation, letters are not.
      if (c >= 0x80) {
        const std::string_view s = form;
        if (s == "\xE2\x80\x9C" || s == "\xE2\x80\x9D" || s == "\xE2\x80\x98" || s == "\xE2\x80\x99" ||
            s == "\xE2\x80\x94" || s == "\xE2\x80\x93" || s == "\xE2\x80\xA6" || s == "\xE2\x80\xA2")
          return true;
      }
      return false;
    }
  }
  return !form.empty();
}

bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

/// The form without a final possessive "'s" (or "’s"), as a view of it.
std::string_view possessive_stripped(std::string_view form) {
  if (ends_with(form, "'s")) return form.substr(0, form.size() - 2);
  if (ends_with(form, "\xE2\x80\x99s")) return form.substr(0, form.size() - 4);
  return form;
}

// The first four bytes of a string of at least four, and a 16-bit hash of them.
std::uint32_t prefix_of(const char* s) {
  std::uint32_t p;
  std::memcpy(&p, s, 4);
  return p;
}
std::size_t prefix_hash(std::uint32_t prefix) { return (prefix * 0x9E3779B1u) >> 16; }

bool is_vowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'; }

}  // namespace

std::vector<table_row> read_table(const std::filesystem::path& path) {
  std::ifstream in(path);
  if (!in) throw resource_error(path.string() + ": cannot read resource table");
  std::vector<table_row> rows;
  std::string line;
  std::size_t number = 0;
  while (std::getline(in, line)) {
    ++number;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    const auto first = line.find_first_not_of(" \t");
    if (first == std::string::npos || line[first] == '#') continue;
    rows.push_back({number, split_tabs(line)});
  }
  return rows;
}

example_parts split_example(const std::filesystem::path& path, std::size_t line, std::string_view example,
                            std::string_view format) {
  const auto a = example.find(" | "), b = example.rfind(" | ");
  if (a == std::string_view::npos || a == b) table_error(path, line, "example must be \"" + std::string(format) + "\"");
  const auto trimmed = [](std::string_view v) {
    const auto first = v.find_first_not_of(' ');
    if (first == std::string_view::npos) return std::string();
    return std::string(v.substr(first, v.find_last_not_of(' ') - first + 1));
  };
  return {trimmed(example.substr(0, a)), trimmed(example.substr(a + 3, b - a - 3)), trimmed(example.substr(b + 3))};
}

void table_error(const std::filesystem::path& path, std::size_t line, const std::string& message) {
  throw resource_error(path.string() + ":" + std::to_string(line) + ": " + message);
}

std::vector<std::string> split_words(std::string_view field) {
  std::vector<std::string> out;
  std::size_t at = 0;
  while (at < field.size()) {
    auto end = field.find(' ', at);
    if (end == std::string_view::npos) end = field.size();
    if (end > at) out.emplace_back(field.substr(at, end - at));
    at = end + 1;
  }
  return out;
}

namespace {
// One step of normalize_word at form[i]: writes one byte to `out`, returns the bytes of `form` used.
inline std::size_t normalize_step(std::string_view form, std::size_t i, char& out) noexcept {
  const auto c = static_cast<unsigned char>(form[i]);
  if (c == 0xE2 && i + 2 < form.size() && static_cast<unsigned char>(form[i + 1]) == 0x80 &&
      static_cast<unsigned char>(form[i + 2]) == 0x99) {  // U+2019 RIGHT SINGLE QUOTATION MARK
    out = '\'';
    return 3;
  }
  out = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);  // ASCII, as tolower in the C locale
  return 1;
}

// normalize_word into out[0, form.size()); returns the length written.
std::size_t normalize_to(std::string_view form, char* out) noexcept {
  std::size_t n = 0;
  for (std::size_t i = 0; i < form.size();) i += normalize_step(form, i, out[n++]);
  return n;
}

// normalize_to for long text (sentences): the same bytes, eight ASCII bytes at a time where it can.
std::size_t normalize_text_to(std::string_view form, char* out) noexcept {
  std::size_t n = 0;
  for (std::size_t i = 0; i < form.size();) {
    // Eight ASCII bytes at a time: upper-case letters get 0x20 (the bytes are read before any of
    // them is written, so `out` may be `form`'s own buffer).
    while (i + 8 <= form.size()) {
      std::uint64_t w;
      std::memcpy(&w, form.data() + i, 8);
      constexpr std::uint64_t ones = 0x0101010101010101ULL, high = 0x8080808080808080ULL;
      if (w & high) break;  // a non-ASCII byte: one byte at a time below
      const std::uint64_t at_least_a = w + (0x80 - 'A') * ones, above_z = w + (0x7F - 'Z') * ones;
      w |= ((at_least_a & ~above_z & high) >> 2);
      std::memcpy(out + n, &w, 8);
      i += 8;
      n += 8;
    }
    if (i >= form.size()) break;
    i += normalize_step(form, i, out[n++]);
  }
  return n;
}
}  // namespace

std::string normalize_word(std::string_view form) {
  std::string out(form.size(), '\0');
  out.resize(normalize_to(form, out.data()));
  return out;
}

namespace {

// normalize_word(form) into `out`, without a temporary string.
void normalize_into(std::string_view form, std::string& out) {
  // Copied, then normalized in place (normalize_to writes at or before where it reads): no
  // zero-fill of the string first.
  out.assign(form.data(), form.size());
  const std::size_t n = normalize_to(std::string_view(out), out.data());
  if (n != out.size()) out.resize(n);
}

}  // namespace

std::optional<event_class> event_class_from_string(std::string_view name) noexcept {
  if (name == "OCCURRENCE") return event_class::occurrence;
  if (name == "REPORTING") return event_class::reporting;
  if (name == "I_ACTION") return event_class::i_action;
  if (name == "I_STATE") return event_class::i_state;
  if (name == "ASPECTUAL") return event_class::aspectual;
  if (name == "STATE") return event_class::state;
  if (name == "PERCEPTION") return event_class::perception;
  return std::nullopt;
}

std::shared_ptr<const lexicon> lexicon::load_default() {
  return load(resource_path("events", "verbs.tsv").parent_path());
}

std::shared_ptr<const lexicon> lexicon::load(const std::filesystem::path& dir) {
  auto lex = std::make_shared<lexicon>();
  const auto need = [&](const std::filesystem::path& p, const table_row& r, std::size_t n) {
    if (r.fields.size() < n)
      table_error(p, r.line, "expected " + std::to_string(n) + " TAB-separated fields");
  };

  {
    const auto p = dir / "function_words.tsv";
    for (const auto& r : read_table(p)) {
      need(p, r, 3);
      function_word fw;
      fw.tag = text::upos::unknown;
      {
        // The closed-class tags used in this table (the text library may not be linked here).
        static const std::pair<const char*, text::upos> names[] = {
            {"DET", text::upos::det},   {"PRON", text::upos::pron},   {"AUX", text::upos::aux},
            {"PART", text::upos::part}, {"ADV", text::upos::adv},     {"CCONJ", text::upos::cconj},
            {"SCONJ", text::upos::sconj}, {"ADP", text::upos::adp},   {"ADJ", text::upos::adj}};
        for (const auto& [n, t] : names)
          if (r.fields[1] == n) fw.tag = t;
        if (fw.tag == text::upos::unknown) table_error(p, r.line, "unknown UPOS \"" + r.fields[1] + "\"");
      }
      if (r.fields[2] != "-") {
        std::stringstream ss(r.fields[2]);
        std::string feat;
        while (std::getline(ss, feat, ',')) {
          const auto eq = feat.find('=');
          const std::string key = feat.substr(0, eq);
          const std::string value = eq == std::string::npos ? "" : feat.substr(eq + 1);
          if (key == "aux") fw.aux = value;
          else if (key == "tense") fw.tense = value;
          else if (key == "modal") fw.modal = value;
          else if (key == "neg") fw.neg = true;
          else if (key == "sub") fw.sub = true;
          else if (key == "poss") fw.poss = true;
          else table_error(p, r.line, "unknown feature \"" + key + "\"");
        }
      }
      lex->function_words_.try_emplace(r.fields[0], fw);
    }
  }
  {
    const auto p = dir / "verbs.tsv";
    for (const auto& r : read_table(p)) {
      const auto& lemma = r.fields[0];
      lex->verbs_.insert(lemma);
      if (r.fields.size() >= 3) {
        std::vector<std::string> past, part;
        std::stringstream a(r.fields[1]), b(r.fields[2]);
        std::string f;
        while (std::getline(a, f, '|')) past.push_back(f);
        while (std::getline(b, f, '|')) part.push_back(f);
        for (const auto& form : past) lex->irregular_[form] = {lemma, "VBD"};
        for (const auto& form : part) {
          auto* known = lex->irregular_.find(form);
          if (known && known->xpos == "VBD") known->xpos = "VBD|VBN";
          else if (form != lemma) lex->irregular_[form] = {lemma, "VBN"};
        }
      } else if (r.fields.size() != 1) {
        table_error(p, r.line, "expected lemma or lemma<TAB>past<TAB>participle");
      }
    }
  }
  {
    const auto p = dir / "event_nouns.tsv";
    for (const auto& r : read_table(p)) {
      need(p, r, 3);
      lex->nouns_[r.fields[0]] = parse_weight(p, r.line, r.fields[2]);
      if (r.fields[1] != "-") lex->plurals_[r.fields[1]] = r.fields[0];
    }
  }
  {
    const auto p = dir / "nominal_suffixes.tsv";
    for (const auto& r : read_table(p)) {
      need(p, r, 2);
      lex->nominal_suffixes_.emplace_back(r.fields[0], r.fields[1] == "-" ? "" : r.fields[1]);
    }
  }
  for (const auto& r : read_table(dir / "non_event_nouns.tsv")) lex->non_event_nouns_.insert(r.fields[0]);
  {
    const auto p = dir / "event_classes.tsv";
    for (const auto& r : read_table(p)) {
      need(p, r, 3);
      const auto cls = event_class_from_string(r.fields[1]);
      if (!cls) table_error(p, r.line, "unknown TimeML class \"" + r.fields[1] + "\"");
      lex->classes_[r.fields[0]] = {*cls, parse_weight(p, r.line, r.fields[2])};
    }
  }
  {
    const auto p = dir / "change_verbs.tsv";
    for (const auto& r : read_table(p)) {
      need(p, r, 3);
      if (r.fields[1] != "up" && r.fields[1] != "down" && r.fields[1] != "set")
        table_error(p, r.line, "direction must be up, down or set");
      lex->changes_.try_emplace(r.fields[0], r.fields[1], parse_weight(p, r.line, r.fields[2]));
    }
  }
  {
    const auto p = dir / "event_frames.tsv";
    for (const auto& r : read_table(p)) {
      need(p, r, 2);
      if (auto words = split_words(r.fields[0]); words.size() > 1) {
        // A phrase: its first word is the lemma, the others the words that must follow it.
        const auto lemma = std::move(words.front());
        words.erase(words.begin());
        lex->phrase_frames_[lemma].push_back({std::move(words), r.fields[1]});
      } else {
        lex->frames_[r.fields[0]] = r.fields[1];
      }
      if (r.fields.size() >= 3) {
        if (r.fields[2] != "yes" && r.fields[2] != "no") table_error(p, r.line, "refers must be yes or no");
        if (r.fields[2] == "no") lex->non_referring_frames_.insert(r.fields[1]);
      }
      if (r.fields.size() >= 4) {
        const auto& kind = r.fields[3];
        if (kind != "process" && kind != "outcome" && kind != "modifier" && kind != "-")
          table_error(p, r.line, "kind must be process, outcome, modifier or -");
        if (kind != "-" && r.fields[0].find(' ') != std::string::npos)
          table_error(p, r.line, "a phrase row has no kind (\"-\")");
        if (kind == "modifier") lex->modifier_frames_[r.fields[0]] = r.fields[1];
        else if (kind != "-") lex->frame_kinds_[r.fields[0]] = kind;
      }
      if (r.fields.size() >= 5) {
        auto ex = split_example(p, r.line, r.fields[4], "text | trigger | frame");
        lex->frame_examples_.push_back({std::move(ex.text), std::move(ex.first), std::move(ex.second), r.line});
      }
    }
  }
  for (const auto& r : read_table(dir / "titles.tsv")) lex->titles_.insert(r.fields[0]);
  {
    const auto p = dir / "person_words.tsv";
    for (const auto& r : read_table(p)) {
      need(p, r, 2);
      if (r.fields[1] != "m" && r.fields[1] != "f" && r.fields[1] != "i")
        table_error(p, r.line, "expected m, f or i");
      lex->person_words_[r.fields[0]] = r.fields[1][0];
    }
  }
  {
    const auto p = dir / "light_verbs.tsv";
    for (const auto& r : read_table(p)) {
      if (r.fields.size() < 2) {
        lex->light_verbs_.insert(r.fields[0]);
        continue;
      }
      light_verb_limit limit;
      std::size_t at = 0;
      const auto& frames = r.fields[1];
      while (at <= frames.size()) {
        auto comma = frames.find(',', at);
        if (comma == std::string::npos) comma = frames.size();
        if (comma > at && frames.substr(at, comma - at) != "-") limit.frames.push_back(frames.substr(at, comma - at));
        at = comma + 1;
      }
      if (r.fields.size() >= 3 && r.fields[2] != "-") limit.preposition = r.fields[2];
      if (limit.frames.empty()) table_error(p, r.line, "a limited light verb names the frames it is light for");
      lex->limited_light_verbs_[r.fields[0]] = std::move(limit);
      if (r.fields.size() >= 4) {
        auto ex = split_example(p, r.line, r.fields[3], "text | verb | noun");
        lex->light_verb_examples_.push_back({std::move(ex.text), std::move(ex.first), std::move(ex.second), r.line});
      }
    }
  }
  {
    const auto p = dir / "response_acts.tsv";
    for (const auto& r : read_table(p)) {
      need(p, r, 3);
      if (r.fields[1] != "in" && r.fields[1] != "by") table_error(p, r.line, "expected in or by");
      lex->response_acts_[r.fields[0]] = r.fields[1] == "in" ? 'i' : 'b';
      auto ex = split_example(p, r.line, r.fields[2], "text | mention | event");
      lex->response_examples_.push_back({std::move(ex.text), std::move(ex.first), std::move(ex.second), r.line});
    }
  }
  {
    const auto p = dir / "demonyms.tsv";
    for (const auto& r : read_table(p)) {
      need(p, r, 2);
      lex->demonyms_[r.fields[0]] = r.fields[1];
    }
  }
  {
    const auto p = dir / "actor_aliases.tsv";
    for (const auto& r : read_table(p)) {
      need(p, r, 2);
      lex->aliases_[r.fields[0]] = r.fields[1];
    }
  }
  for (const auto& r : read_table(dir / "non_actors.tsv")) lex->non_actors_.insert(r.fields[0]);
  {
    const auto p = dir / "quantity_units.tsv";
    for (const auto& r : read_table(p)) {
      need(p, r, 3);
      unit_entry u;
      u.kind = r.fields[1];
      try {
        u.factor = std::stod(r.fields[2]);
      } catch (const std::exception&) {
        table_error(p, r.line, "factor must be a number");
      }
      lex->units_[r.fields[0]] = u;
      const auto& key = r.fields[0];
      if (!key.empty()) {
        const std::size_t shape = unit_shape(key);
        lex->unit_shapes_[shape / 64] |= std::uint64_t{1} << (shape % 64);
      }
    }
  }
  for (const auto& r : read_table(dir / "boilerplate.tsv")) lex->boilerplate_markers_.push_back(normalize_word(r.fields[0]));
  lex->marker_prefix_hashes_.assign(65536 / 64, 0);
  for (std::size_t m = 0; m < lex->boilerplate_markers_.size(); ++m) {
    const auto& marker = lex->boilerplate_markers_[m];
    if (marker.size() < 4) {
      lex->short_markers_.push_back(m);
    } else {
      const auto prefix = prefix_of(marker.data());
      const auto h = prefix_hash(prefix);
      lex->marker_prefix_hashes_[h / 64] |= std::uint64_t{1} << (h % 64);
      lex->long_markers_.emplace_back(prefix, m);
    }
  }
  {
    const auto p = dir / "learned_events.tsv";
    for (const auto& r : read_table(p)) {
      need(p, r, 5);
      learned_entry e;
      try {
        e.events = std::stoul(r.fields[2]);
        e.total = std::stoul(r.fields[3]);
      } catch (const std::exception&) {
        table_error(p, r.line, "counts must be numbers");
      }
      if (r.fields[4] != "-") {
        e.cls = event_class_from_string(r.fields[4]);
        if (!e.cls) table_error(p, r.line, "unknown TimeML class \"" + r.fields[4] + "\"");
      }
      if (r.fields[1] == "VERB") lex->learned_verb_[r.fields[0]] = e;
      else if (r.fields[1] == "NOUN") lex->learned_noun_[r.fields[0]] = e;
      else if (r.fields[1] == "ADJ") lex->learned_adj_[r.fields[0]] = e;
      else lex->learned_other_[r.fields[0] + "\t" + r.fields[1]] = e;
    }
  }
  // A lemma is a nominalization when it is stem + suffix for a known verb stem + ending, the
  // stem longer than two letters: is_event_noun's test, precomputed.
  // Rows in file order, so that the first row deriving a noun names its verb.
  for (const auto& [suffix, ending] : lex->nominal_suffixes_)
    for (const auto& verb : lex->verbs_.keys())
      if (ends_with(verb, ending) && verb.size() - ending.size() > 2)
        lex->nominalizations_.try_emplace(verb.substr(0, verb.size() - ending.size()) + suffix, verb);
  // is_event_noun's three tests in one table: listed nouns are events, else non-event nouns are
  // not, else nominalizations are.
  for (const auto& [noun, weight] : lex->nouns_.entries()) lex->event_noun_verdict_.try_emplace(noun, true);
  for (const auto& noun : lex->non_event_nouns_.keys()) lex->event_noun_verdict_.try_emplace(noun, false);
  for (const auto& [noun, verb] : lex->nominalizations_.entries()) lex->event_noun_verdict_.try_emplace(noun, true);
  return lex;
}

const detail::string_map<lexicon::learned_entry>* lexicon::learned_table(std::string_view pos) const noexcept {
  if (pos == "VERB") return &learned_verb_;
  if (pos == "NOUN") return &learned_noun_;
  if (pos == "ADJ") return &learned_adj_;
  return nullptr;
}

const lexicon::learned_entry* lexicon::find_learned(std::string_view lemma, std::string_view pos) const {
  if (const auto* table = learned_table(pos)) return table->find(lemma);
  std::string key(lemma);
  key += '\t';
  key += pos;
  return learned_other_.find(key);
}

std::optional<lexicon::learned_entry> lexicon::learned(std::string_view lemma, std::string_view pos) const {
  if (const auto* e = find_learned(lemma, pos)) return *e;
  return std::nullopt;
}

bool lexicon::is_boilerplate(std::string_view sentence) const {
  thread_local std::string lowered;  // normalize_word(sentence), without an allocation per call
  if (lowered.size() < sentence.size()) lowered.resize(sentence.size());
  const std::string_view l(lowered.data(), normalize_text_to(sentence, lowered.data()));
  for (const auto m : short_markers_)
    if (l.find(boilerplate_markers_[m]) != std::string_view::npos) return true;
  for (std::size_t i = 0; i + 4 <= l.size(); ++i) {
    const auto prefix = prefix_of(l.data() + i);
    const auto h = prefix_hash(prefix);
    if (!(marker_prefix_hashes_[h / 64] >> (h % 64) & 1)) continue;
    for (const auto& [marker_prefix, m] : long_markers_)
      if (marker_prefix == prefix && l.compare(i, boilerplate_markers_[m].size(), boilerplate_markers_[m]) == 0)
        return true;
  }
  return false;
}

std::optional<verb_form> lexicon::analyze_verb(std::string_view w) const {
  if (w.size() < 2) return std::nullopt;
  if (const auto* v = irregular_.find(w)) return *v;
  if (verbs_.count(w)) return verb_form{std::string(w), "VB"};
  const auto known = [&](const std::string& s) { return !s.empty() && verbs_.count(s) > 0; };
  const auto undouble = [](std::string s) {
    if (s.size() >= 3 && s[s.size() - 1] == s[s.size() - 2] && !is_vowel(s.back())) s.pop_back();
    else s.clear();
    return s;
  };
  if (ends_with(w, "ing") && w.size() > 4) {
    const std::string stem(w.substr(0, w.size() - 3));
    if (known(stem)) return verb_form{stem, "VBG"};
    if (known(stem + "e")) return verb_form{stem + "e", "VBG"};
    if (const auto u = undouble(stem); known(u)) return verb_form{u, "VBG"};
    if (ends_with(stem, "y") && known(stem.substr(0, stem.size() - 1) + "ie"))
      return verb_form{stem.substr(0, stem.size() - 1) + "ie", "VBG"};
  }
  if (ends_with(w, "ed") && w.size() > 3) {
    const std::string stem(w.substr(0, w.size() - 2));
    if (ends_with(w, "ied") && known(std::string(w.substr(0, w.size() - 3)) + "y"))
      return verb_form{std::string(w.substr(0, w.size() - 3)) + "y", "VBD|VBN"};
    if (known(stem)) return verb_form{stem, "VBD|VBN"};
    if (known(stem + "e")) return verb_form{stem + "e", "VBD|VBN"};
    if (const auto u = undouble(stem); known(u)) return verb_form{u, "VBD|VBN"};
  }
  if (ends_with(w, "s") && w.size() > 2) {
    if (ends_with(w, "ies") && known(std::string(w.substr(0, w.size() - 3)) + "y"))
      return verb_form{std::string(w.substr(0, w.size() - 3)) + "y", "VBZ"};
    if (ends_with(w, "es") && known(std::string(w.substr(0, w.size() - 2))))
      return verb_form{std::string(w.substr(0, w.size() - 2)), "VBZ"};
    if (known(std::string(w.substr(0, w.size() - 1)))) return verb_form{std::string(w.substr(0, w.size() - 1)), "VBZ"};
  }
  return std::nullopt;
}

std::string lexicon::noun_lemma(std::string_view w) const {
  if (const auto* lemma = plurals_.find(w)) return *lemma;
  if (nouns_.count(w)) return std::string(w);
  if (ends_with(w, "ies") && w.size() > 4) return std::string(w.substr(0, w.size() - 3)) + "y";
  if (ends_with(w, "sses") || ends_with(w, "ches") || ends_with(w, "shes") || ends_with(w, "xes"))
    return std::string(w.substr(0, w.size() - 2));
  if (ends_with(w, "s") && !ends_with(w, "ss") && !ends_with(w, "us") && !ends_with(w, "is") && w.size() > 3)
    return std::string(w.substr(0, w.size() - 1));
  return std::string(w);
}

bool lexicon::is_verb(std::string_view lemma) const { return verbs_.count(lemma) > 0; }

bool lexicon::is_event_noun(std::string_view lemma) const {
  // (nouns_ -> true, else non_event_nouns_ -> false, else nominalizations_: one lookup)
  const bool* verdict = event_noun_verdict_.find(lemma);
  return verdict && *verdict;
}

std::optional<lexicon::class_entry> lexicon::class_of(std::string_view lemma) const {
  if (const auto* c = classes_.find(lemma)) return *c;
  return std::nullopt;
}

double lexicon::noun_weight(std::string_view lemma) const {
  if (const auto* w = nouns_.find(lemma)) return *w;
  return 0;
}

std::string lexicon::change_direction(std::string_view lemma) const {
  if (const auto* c = changes_.find(lemma)) return c->first;
  return {};
}

double lexicon::change_weight(std::string_view lemma) const {
  if (const auto* c = changes_.find(lemma)) return c->second;
  return 0;
}

bool lexicon::is_light_verb_of(std::string_view lemma, std::string_view frame) const {
  if (is_light_verb(lemma)) return true;
  const auto* limit = limited_light_verb(lemma);
  return limit && std::find(limit->frames.begin(), limit->frames.end(), frame) != limit->frames.end();
}

std::string lexicon::frame_of(std::string_view lemma) const {
  if (const auto* f = frames_.find(lemma)) return *f;
  // A nominalization tells its verb's event ("the investigation", "investigated"; "his
  // departure", "departed").
  if (const auto* verb = nominalizations_.find(lemma)) {
    if (const auto* f = frames_.find(*verb)) return *f;
    return *verb;
  }
  return std::string(lemma);
}

std::string_view lexicon::frame_kind(std::string_view lemma) const noexcept {
  if (const auto* k = frame_kinds_.find(lemma)) return *k;
  return {};
}

const std::string* lexicon::modifier_frame(std::string_view lemma) const noexcept { return modifier_frames_.find(lemma); }

bool lexicon::is_title(std::string_view lower) const { return titles_.count(lower) > 0; }

std::optional<std::string> lexicon::demonym_country(std::string_view form) const {
  if (const auto* country = demonyms_.find(form)) return *country;
  return std::nullopt;
}

std::optional<std::string> lexicon::alias_of(std::string_view name) const {
  if (const auto* alias = aliases_.find(name)) return *alias;
  return std::nullopt;
}

bool lexicon::is_non_actor(std::string_view name) const { return non_actors_.count(name) > 0; }

const lexicon::unit_entry* lexicon::find_unit_entry(std::string_view lower) const noexcept { return units_.find(lower); }

std::optional<lexicon::unit_entry> lexicon::unit_of(std::string_view lower) const {
  if (const auto* u = units_.find(lower)) return *u;
  return std::nullopt;
}

text::upos lexicon::guess_tag(const word* prev, std::string_view form, std::string_view lower,
                              bool sentence_initial, std::string& xpos) const {
  using text::upos;
  if (is_punct_form(form)) return upos::punct;
  if (std::isdigit(static_cast<unsigned char>(form.front()))) return upos::num;
  if (form == "$" || form == "%" || form == "\xE2\x82\xAC" || form == "\xC2\xA3") return upos::sym;
  const bool cap = std::isupper(static_cast<unsigned char>(form.front())) != 0;
  bool all_caps = form.size() > 1;
  for (unsigned char c : form)
    if (std::isalpha(c) && !std::isupper(c)) all_caps = false;
  if (const auto* fw = function_words_.find(lower)) {
    // A capitalised closed-class word mid-sentence ("May", "Will") may be a name; modals that
    // are also month or person names are left to the capitalisation test below.
    if (!(cap && !sentence_initial && !all_caps && (lower == "may" || lower == "will" || lower == "us")))
      return fw->tag;
  }
  const auto verb = analyze_verb(lower);
  const std::string nl = noun_lemma(lower);
  const bool noun = is_event_noun(nl) && !non_event_nouns_.count(nl);
  if (cap && (!sentence_initial || (!verb && !noun)) && !(all_caps && (verb || noun))) return upos::propn;
  const auto prev_is = [&](std::initializer_list<upos> tags) {
    if (!prev) return false;
    for (auto t : tags)
      if (prev->tag == t) return true;
    return false;
  };
  const bool prev_possessive = prev && (ends_with(prev->lower, "'s") || prev->lower == "'s");
  if (verb && !noun) {
    if (prev_is({upos::det}) || prev_possessive) {
      if (verb->xpos == "VBG") {
        xpos = verb->xpos;
        return upos::noun;  // "the signing"
      }
      return upos::noun;
    }
    xpos = verb->xpos;
    return upos::verb;
  }
  if (noun && !verb) return upos::noun;
  if (noun && verb) {
    if (prev_is({upos::det, upos::adj, upos::num, upos::adp, upos::noun}) || prev_possessive) return upos::noun;
    if (prev_is({upos::pron, upos::aux, upos::adv}) || (prev && prev->lower == "to")) {
      xpos = verb->xpos;
      return upos::verb;
    }
    if (verb->xpos == "VBD|VBN" || verb->xpos == "VBD" || verb->xpos == "VBN" || verb->xpos == "VBG" ||
        (prev_is({upos::propn}) && verb->xpos == "VBZ")) {
      xpos = verb->xpos;
      return upos::verb;
    }
    return upos::noun;
  }
  if (ends_with(lower, "ly") && lower.size() > 4) return upos::adv;
  return upos::noun;  // unknown content word: most are nouns or adjectives in news
}

std::vector<word> lexicon::describe(const text::annotated_document& doc) const {
  std::vector<word> out;
  std::size_t words = 0;
  for (const auto& sent : doc.sentences)
    if (sent.first_token < std::min(sent.end_token, doc.tokens.size()))
      words += std::min(sent.end_token, doc.tokens.size()) - sent.first_token;
  out.reserve(words);  // exactly: no reallocation below, pointers into `out` stay valid
  // Forms written capitalised inside a sentence (possessive stripped), as views of the tokens;
  // only needed to guess the tags the text stage did not give.
  detail::string_set<std::string_view> mid_caps;
  const bool guessing = std::any_of(doc.tokens.begin(), doc.tokens.end(),
                                    [](const text::token& t) { return t.tag == text::upos::unknown; });
  for (std::size_t s = 0; guessing && s < doc.sentences.size(); ++s) {
    const auto& sent = doc.sentences[s];
    for (std::size_t k = sent.first_token + 1; k < sent.end_token && k < doc.tokens.size(); ++k) {
      const auto& f = doc.tokens[k].form;
      if (f.empty() || !std::isupper(static_cast<unsigned char>(f.front()))) continue;
      const auto& before = doc.tokens[k - 1].form;
      const bool after_opening = (is_punct_form(before) && k == sent.first_token + 1) ||
                                 before == "\xE2\x80\x9C" || before == "\"" || before == ":";
      if (!after_opening) mid_caps.insert(possessive_stripped(f));
    }
  }
  for (std::size_t s = 0; s < doc.sentences.size(); ++s) {
    const auto& sent = doc.sentences[s];
    const std::size_t first_word = out.size();
    for (std::size_t k = sent.first_token; k < sent.end_token && k < doc.tokens.size(); ++k) {
      const auto& tok = doc.tokens[k];
      const std::size_t in_sentence = out.size() - first_word;  // words of the sentence so far
      const word* previous = in_sentence > 0 ? &out.back() : nullptr;
      const bool initial = in_sentence == 0 || (previous->tag == text::upos::punct && in_sentence <= 2);
      word& w = out.emplace_back();
      w.token = k;
      w.sentence = s;
      normalize_into(tok.form, w.lower);
      w.capitalized = !tok.form.empty() && std::isupper(static_cast<unsigned char>(tok.form.front()));
      if (tok.tag != text::upos::unknown) {
        w.tag = tok.tag;
        w.xpos = tok.xpos;
        // Taggers read plural event nouns that are never verbs ("U.S. tariffs") as VBZ.
        if (w.tag == text::upos::verb && w.xpos == "VBZ")
          if (const auto* singular = plurals_.find(w.lower); singular && !verbs_.count(*singular)) {
            w.tag = text::upos::noun;
            w.xpos = "NNS";
          }
      } else {
        // A capitalised first word is a name only when the document also writes it capitalised
        // mid-sentence ("Beijing ... Beijing") or the tables know it; else it is a common word.
        const auto stripped = possessive_stripped(tok.form);
        const bool known_name =
            !initial || mid_caps.contains(stripped) || aliases_.contains(stripped) || demonyms_.contains(tok.form);
        w.tag_guessed = true;
        w.tag = guess_tag(previous, tok.form, w.lower, initial && !known_name, w.xpos);
      }
      if (const auto* fw = function_words_.find(w.lower)) {
        const bool closed = w.tag == text::upos::aux || w.tag == text::upos::part || w.tag == text::upos::det ||
                            w.tag == text::upos::sconj || w.tag == text::upos::pron || w.tag == text::upos::adv ||
                            w.tag == text::upos::cconj || w.tag == text::upos::adp;
        if (closed) {
          w.is_negation = fw->neg;
          // "that" as a determiner ("that deal") does not open a clause.
          w.starts_clause = fw->sub && w.tag != text::upos::det;
          // Auxiliary features only when the word is used as an auxiliary, not as a main verb.
          if (w.tag == text::upos::aux || (w.tag_guessed && !fw->aux.empty())) {
            w.aux = fw->aux;
            w.aux_tense = fw->tense;
            w.modal = fw->modal;
          }
        }
      }
      if (w.tag == text::upos::punct) {
        static constexpr std::string_view boundaries[] = {",", ";", ":", "(", ")", "\xE2\x80\x94", "\xE2\x80\x93", "--"};
        for (const auto b : boundaries)
          if (tok.form == b) w.is_boundary = true;
      }
      if (w.starts_clause) w.is_boundary = true;
      // Lemma: given, else by tag.
      if (!tok.lemma.empty()) {
        normalize_into(tok.lemma, w.lemma);
      } else if (w.tag == text::upos::verb || w.tag == text::upos::aux) {
        const auto v = analyze_verb(w.lower);
        w.lemma = v ? v->lemma : w.lower;
        if (w.xpos.empty() && v) w.xpos = v->xpos;
      } else if (w.tag == text::upos::noun) {
        w.lemma = noun_lemma(w.lower);
      } else {
        w.lemma = w.lower;
      }
      if (w.tag == text::upos::verb && w.xpos.empty()) {
        if (const auto v = analyze_verb(w.lower)) w.xpos = v->xpos;
      }
    }
    // The sentence's words, for the corrections below.
    word* const sw_begin = out.data() + first_word;
    const std::size_t sw_size = out.size() - first_word;
    struct sentence_words {
      word* first;
      std::size_t count;
      [[nodiscard]] std::size_t size() const noexcept { return count; }
      word& operator[](std::size_t k) const noexcept { return first[k]; }
    } sw{sw_begin, sw_size};
    // A guessed plural/base verb right before a past-tense verb is a noun subject ("exports fell").
    for (std::size_t k = 0; k + 1 < sw.size(); ++k) {
      auto& w = sw[k];
      const auto& n = sw[k + 1];
      if (w.tag_guessed && w.tag == text::upos::verb && (w.xpos == "VBZ" || w.xpos == "VB") && n.tag_guessed &&
          n.tag == text::upos::verb && (n.xpos == "VBD" || n.xpos == "VBD|VBN")) {
        w.tag = text::upos::noun;
        w.xpos.clear();
        w.lemma = noun_lemma(w.lower);
      }
    }
    // A guessed base-form verb between a verb and a noun modifies the noun ("hold trade talks").
    for (std::size_t k = 1; k + 1 < sw.size(); ++k) {
      auto& w = sw[k];
      if (w.tag_guessed && w.tag == text::upos::verb && w.xpos == "VB" && sw[k - 1].tag == text::upos::verb &&
          sw[k + 1].tag == text::upos::noun) {
        w.tag = text::upos::noun;
        w.xpos.clear();
        w.lemma = noun_lemma(w.lower);
      }
    }
    // A guessed "have"/"do" that no verb follows is the main verb ("They have a deal").
    for (std::size_t k = 0; k < sw.size(); ++k) {
      auto& w = sw[k];
      if (!w.tag_guessed || (w.aux != "have" && w.aux != "do")) continue;
      std::size_t n = k + 1;
      while (n < sw.size() && (sw[n].tag == text::upos::adv || sw[n].is_negation)) ++n;
      if (n < sw.size() && (sw[n].tag == text::upos::verb || sw[n].tag == text::upos::aux)) continue;
      w.tag = text::upos::verb;
      w.aux.clear();
      w.modal.clear();
      if (const auto v = analyze_verb(w.lower)) {
        w.lemma = v->lemma;
        w.xpos = w.aux_tense == "past" ? "VBD" : (w.lower == "has" || w.lower == "does") ? "VBZ" : v->xpos;
      }
      w.aux_tense.clear();
    }
  }
  return out;
}

}  // namespace chronograph::events
