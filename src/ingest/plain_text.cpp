// SPDX-License-Identifier: MIT
// Plain-text documents: bytes -> validated UTF-8 document, directories, stdin, datelines, titles.
#include <algorithm>
#include <array>
#include <cctype>
#include <fstream>
#include <iostream>
#include <iterator>

#include "chronograph/error.hpp"
#include "chronograph/ingest/reader.hpp"
#include "chronograph/ingest/timeml.hpp"
#include "chronograph/resources.hpp"
#include "chronograph/utf8.hpp"
#include "manifest.hpp"

namespace chronograph::ingest {
namespace fs = std::filesystem;

namespace {

std::string lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

std::string_view trim(std::string_view s) {
  const auto is_space = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v'; };
  while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
  // Non-breaking spaces (U+00A0) are common around scraped lines.
  while (s.size() >= 2 && s.substr(0, 2) == "\xC2\xA0") s.remove_prefix(2);
  while (s.size() >= 2 && s.substr(s.size() - 2) == "\xC2\xA0") s.remove_suffix(2);
  return s;
}

struct boilerplate_table {
  std::vector<std::string> exact, prefix;
};

const boilerplate_table& boilerplate() {
  static const boilerplate_table table = [] {
    boilerplate_table t;
    const auto path = resource_path("ingest", "boilerplate.tsv");
    std::ifstream in(path);
    std::string line;
    std::size_t number = 0;
    while (std::getline(in, line)) {
      ++number;
      if (line.empty() || line[0] == '#') continue;
      const auto tab = line.find('\t');
      if (tab == std::string::npos)
        throw resource_error(path.string() + ":" + std::to_string(number) + ": expected how<TAB>text");
      const auto how = line.substr(0, tab);
      auto text = lower(line.substr(tab + 1));
      if (how == "exact") t.exact.push_back(std::move(text));
      else if (how == "prefix") t.prefix.push_back(std::move(text));
      else throw resource_error(path.string() + ":" + std::to_string(number) + ": unknown kind '" + how + "'");
    }
    return t;
  }();
  return table;
}

// --- dates written in the text ("June 5, 2025", "5 June 2025", "2025-06-05") -------------------

constexpr std::array<std::string_view, 12> month_names{"january", "february", "march", "april", "may", "june",
                                                        "july", "august", "september", "october", "november", "december"};

std::optional<unsigned> month_of(std::string_view word) {
  const auto w = lower(word);
  for (unsigned m = 0; m < month_names.size(); ++m) {
    const auto& name = month_names[m];
    if (w == name || (w.size() >= 3 && name.substr(0, w.size()) == w && (w.size() == 3 || w == "sept")))
      return m + 1;
  }
  return std::nullopt;
}

// Splits a line into words of letters/digits (punctuation dropped, "." kept out).
std::vector<std::string> words_of(std::string_view line) {
  std::vector<std::string> out;
  std::string cur;
  for (char c : line) {
    if (std::isalnum(static_cast<unsigned char>(c)) || c == '-') cur += c;
    else if (!cur.empty()) out.push_back(std::exchange(cur, {}));
  }
  if (!cur.empty()) out.push_back(cur);
  return out;
}

bool all_digits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](unsigned char c) { return std::isdigit(c); });
}

std::optional<creation_time> date_in(std::string_view line) {
  const auto words = words_of(line);
  for (std::size_t i = 0; i < words.size(); ++i) {
    const auto& w = words[i];
    if (w.size() == 10 && w[4] == '-' && w[7] == '-')
      if (auto t = parse_creation_time(w)) return t;
    // Month D, YYYY
    if (auto m = month_of(w); m && i + 2 < words.size() && all_digits(words[i + 1]) && words[i + 1].size() <= 2 &&
                              all_digits(words[i + 2]) && words[i + 2].size() == 4) {
      const date::year_month_day ymd{date::year{std::stoi(words[i + 2])}, date::month{*m},
                                     date::day{static_cast<unsigned>(std::stoi(words[i + 1]))}};
      if (ymd.ok()) return creation_time{date::sys_days{ymd}, std::nullopt};
    }
    // D Month YYYY
    if (all_digits(w) && w.size() <= 2 && i + 2 < words.size())
      if (auto m = month_of(words[i + 1]); m && all_digits(words[i + 2]) && words[i + 2].size() == 4) {
        const date::year_month_day ymd{date::year{std::stoi(words[i + 2])}, date::month{*m},
                                       date::day{static_cast<unsigned>(std::stoi(w))}};
        if (ymd.ok()) return creation_time{date::sys_days{ymd}, std::nullopt};
      }
  }
  return std::nullopt;
}

std::string read_stream(std::istream& in) {
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

// Document ids become file names: keep them to a safe alphabet, never a path.
std::string safe_id(std::string id) {
  for (auto& c : id)
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '-' && c != '_' && c != '.') c = '_';
  while (!id.empty() && id.front() == '.') id.erase(0, 1);
  return id.empty() ? std::string("doc") : id;
}

}  // namespace

bool is_boilerplate_line(std::string_view line) {
  const auto t = lower(trim(line));
  if (t.empty()) return false;
  const auto& table = boilerplate();
  if (std::find(table.exact.begin(), table.exact.end(), t) != table.exact.end()) return true;
  return std::any_of(table.prefix.begin(), table.prefix.end(),
                     [&](const std::string& p) { return t.compare(0, p.size(), p) == 0; });
}

std::string title_of(std::string_view text) {
  std::size_t at = 0;
  while (at < text.size()) {
    const auto nl = text.find('\n', at);
    const auto line = trim(text.substr(at, nl == std::string_view::npos ? std::string_view::npos : nl - at));
    if (!line.empty() && !is_boilerplate_line(line)) {
      constexpr std::size_t max_bytes = 200;
      if (line.size() <= max_bytes) return std::string(line);
      std::size_t cut = max_bytes;
      while (cut > 0 && (static_cast<unsigned char>(line[cut]) & 0xC0) == 0x80) --cut;  // keep UTF-8 whole
      return std::string(line.substr(0, cut)) + "\xE2\x80\xA6";
    }
    if (nl == std::string_view::npos) break;
    at = nl + 1;
  }
  return {};
}

std::optional<creation_time> find_dateline(std::string_view text) {
  // Look only at the first few non-empty lines: a dateline or "Published/Updated <date>" byline.
  std::size_t at = 0;
  int lines = 0;
  while (at < text.size() && lines < 8) {
    const auto nl = text.find('\n', at);
    const auto line = trim(text.substr(at, nl == std::string_view::npos ? std::string_view::npos : nl - at));
    if (!line.empty()) {
      ++lines;
      const auto l = lower(line);
      const bool byline = l.rfind("published", 0) == 0 || l.rfind("updated", 0) == 0 || l.rfind("posted", 0) == 0;
      // A dateline: the date comes before a dash ("June 5, 2025 — ..." or "WASHINGTON, June 5, 2025 (AP) —").
      const auto dash = line.find("\xE2\x80\x94");  // em dash
      if (byline) {
        if (auto t = date_in(line)) return t;
      } else if (dash != std::string_view::npos && dash < 80) {
        if (auto t = date_in(line.substr(0, dash))) return t;
      }
    }
    if (nl == std::string_view::npos) break;
    at = nl + 1;
  }
  return std::nullopt;
}

document make_document(std::string id, std::string path, std::string bytes, const read_options& options,
                       std::optional<creation_time> record_dct, std::string record_origin) {
  if (bytes.size() >= 3 && bytes.compare(0, 3, "\xEF\xBB\xBF") == 0) bytes.erase(0, 3);
  if (const auto bad = find_invalid_utf8(bytes)) {
    if (!options.lenient)
      throw input_error(path + ":" + std::to_string(line_of(bytes, *bad)) + ": invalid UTF-8 at byte " +
                        std::to_string(*bad) + " (use --lenient to replace invalid bytes)");
    bytes = replace_invalid_utf8(bytes);
  }
  if (bytes.find('\0') != std::string::npos)
    throw input_error(path + ": looks like a binary file (contains NUL bytes)");
  document doc;
  doc.id = safe_id(std::move(id));
  doc.path = std::move(path);
  doc.text = std::move(bytes);
  if (options.dct) {
    doc.dct = options.dct;
    doc.dct_origin = "option";
  } else if (record_dct) {
    doc.dct = record_dct;
    doc.dct_origin = record_origin.empty() ? "record" : std::move(record_origin);
  } else if (auto dateline = find_dateline(doc.text)) {
    doc.dct = dateline;
    doc.dct_origin = "dateline";
  }
  return doc;
}

read_result read_inputs(const std::vector<std::string>& inputs, const read_options& options) {
  read_result result;
  const auto add_file = [&](const fs::path& file, const manifest_entry* entry) {
    const std::string path = file.string();
    try {
      std::ifstream in(file, std::ios::binary);
      if (!in) throw io_error(path + ": cannot open file");
      auto bytes = read_stream(in);
      if (in.bad()) throw io_error(path + ": read error");
      std::string id = entry && !entry->id.empty() ? entry->id : file.stem().string();
      std::optional<creation_time> dct = entry ? entry->dct : std::nullopt;
      std::string dct_origin = entry ? "manifest" : "";
      if (file.extension() == ".tml") {
        // A TimeML file: its TEXT is the document, its DOCID the id and its DCT the creation
        // time (a manifest or --dct still wins).
        const auto tml = document_of(parse_timeml(bytes, path));
        if (!entry || entry->id.empty()) id = tml.id.empty() ? id : tml.id;
        if (!dct && tml.dct) {
          dct = tml.dct;
          dct_origin = "timeml";
        }
        bytes = tml.text;
      }
      auto doc = make_document(std::move(id), path, std::move(bytes), options, dct, dct_origin);
      if (entry) doc.source = entry->source;
      result.documents.push_back(std::move(doc));
    } catch (const error& e) {
      result.failures.push_back({path, e.what()});
    }
  };

  for (const auto& input : inputs) {
    if (input == "-") {
      try {
        auto doc = make_document("stdin", "-", read_stream(std::cin), options);
        result.documents.push_back(std::move(doc));
      } catch (const error& e) {
        result.failures.push_back({"-", e.what()});
      }
      continue;
    }
    const fs::path p(input);
    std::error_code ec;
    if (fs::is_directory(p, ec)) {
      manifest m;
      try {
        m = read_manifest(p);
      } catch (const error& e) {
        result.failures.push_back({(p / "manifest.json").string(), e.what()});
      }
      std::vector<fs::path> files;
      for (const auto& entry : fs::directory_iterator(p, ec))
        if (entry.is_regular_file() && (entry.path().extension() == ".txt" || entry.path().extension() == ".tml"))
          files.push_back(entry.path());
      std::sort(files.begin(), files.end());
      if (files.empty()) {
        result.failures.push_back({input, input + ": directory holds no .txt documents or .tml files"});
        continue;
      }
      for (const auto& f : files) add_file(f, m.find(f.filename().string()));
      for (const auto& unused : m.unmatched(files))
        result.diagnostics.push_back({severity::warning, "ingest", "", {}, "manifest",
                                      (p / "manifest.json").string() + ": entry '" + unused +
                                          "' names no .txt file in the directory"});
    } else if (fs::exists(p, ec)) {
      add_file(p, nullptr);
    } else {
      result.failures.push_back({input, input + ": no such file or directory"});
    }
  }

  // Sources default to a neutral "article N" in input order; ids must be unique.
  std::size_t n = 0;
  for (auto& doc : result.documents) {
    ++n;
    if (doc.source.empty()) doc.source = "article " + std::to_string(n);
  }
  std::vector<std::string> seen;
  for (auto& doc : result.documents) {
    std::string id = doc.id;
    for (int k = 2; std::find(seen.begin(), seen.end(), id) != seen.end(); ++k) id = doc.id + "-" + std::to_string(k);
    if (id != doc.id)
      result.diagnostics.push_back({severity::warning, "ingest", id, {}, "duplicate-id",
                                    doc.path + ": document id '" + doc.id + "' is taken; using '" + id + "'"});
    doc.id = id;
    seen.push_back(id);
  }
  for (const auto& doc : result.documents)
    if (!doc.dct)
      result.diagnostics.push_back({severity::warning, "ingest", doc.id, {}, "no-dct",
                                    doc.path + ": no document creation time (give --dct or a manifest); "
                                               "relative dates stay underspecified"});
  return result;
}

}  // namespace chronograph::ingest
