// SPDX-License-Identifier: MIT
#include "chronograph/text/conllu.hpp"

#include <fstream>
#include <sstream>

#include "chronograph/error.hpp"
#include "table_reader.hpp"

namespace chronograph::text {

namespace {

[[noreturn]] void fail(std::string_view name, std::size_t line, const std::string& message) {
  throw input_error(std::string(name) + ":" + std::to_string(line) + ": " + message);
}

bool parse_uint(std::string_view s, std::size_t& out) {
  if (s.empty()) return false;
  std::size_t v = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
    v = v * 10 + static_cast<std::size_t>(c - '0');
  }
  out = v;
  return true;
}

bool has_no_space_after(std::string_view misc) {
  for (auto item : detail::split(misc, '|'))
    if (item == "SpaceAfter=No") return true;
  return false;
}

}  // namespace

std::vector<conllu_sentence> parse_conllu(std::string_view content, std::string_view name) {
  std::vector<conllu_sentence> out;
  conllu_sentence current;
  bool pending_doc = false, pending_par = false;
  std::size_t line_number = 0;
  auto finish = [&]() {
    if (!current.words.empty()) {
      out.push_back(std::move(current));
    }
    current = conllu_sentence{};
  };
  std::size_t pos = 0;
  while (pos <= content.size()) {
    auto end = content.find('\n', pos);
    if (end == std::string_view::npos) end = content.size();
    auto line = content.substr(pos, end - pos);
    pos = end + 1;
    ++line_number;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty()) {
      finish();
      if (end == content.size()) break;
      continue;
    }
    if (line[0] == '#') {
      if (line.rfind("# newdoc", 0) == 0) pending_doc = pending_par = true;
      else if (line.rfind("# newpar", 0) == 0) pending_par = true;
      else if (line.rfind("# sent_id = ", 0) == 0) current.id = std::string(line.substr(12));
      else if (line.rfind("# text = ", 0) == 0) current.text = std::string(line.substr(9));
      if (end == content.size()) break;
      continue;
    }
    if (current.words.empty() && current.multiwords.empty()) {
      current.new_document = pending_doc;
      current.new_paragraph = pending_par;
      pending_doc = pending_par = false;
    }
    const auto fields = detail::split(line, '\t');
    if (fields.size() != 10) fail(name, line_number, "expected 10 TAB-separated fields");
    const auto id = fields[0];
    if (id.find('.') != std::string_view::npos) continue;  // empty node
    if (const auto dash = id.find('-'); dash != std::string_view::npos) {
      std::size_t a = 0, b = 0;
      if (!parse_uint(id.substr(0, dash), a) || !parse_uint(id.substr(dash + 1), b) || a == 0 || b < a)
        fail(name, line_number, "bad multiword range '" + std::string(id) + "'");
      current.multiwords.push_back({a - 1, b - 1, std::string(fields[1]), !has_no_space_after(fields[9])});
      continue;
    }
    std::size_t index = 0;
    if (!parse_uint(id, index) || index != current.words.size() + 1)
      fail(name, line_number, "word id '" + std::string(id) + "' out of sequence");
    conllu_word w;
    w.form = std::string(fields[1]);
    w.lemma = std::string(fields[2]);
    w.upos = std::string(fields[3]);
    w.xpos = std::string(fields[4]);
    std::size_t head = 0;
    if (fields[6] == "_") w.head = -1;
    else if (parse_uint(fields[6], head)) w.head = static_cast<int>(head) - 1;
    else fail(name, line_number, "bad head '" + std::string(fields[6]) + "'");
    w.deprel = std::string(fields[7]);
    w.space_after = !has_no_space_after(fields[9]);
    current.words.push_back(std::move(w));
    if (end == content.size()) break;
  }
  finish();
  return out;
}

std::vector<conllu_sentence> read_conllu(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw io_error(path.string() + ": cannot read");
  std::ostringstream buffer;
  buffer << in.rdbuf();
  return parse_conllu(buffer.str(), path.string());
}

namespace {
std::string field(const std::string& s) {
  if (s.empty()) return "_";
  std::string out = s;
  for (char& c : out)
    if (c == '\t' || c == '\n' || c == '\r') c = ' ';
  return out;
}
}  // namespace

std::string to_conllu(const annotated_document& doc) {
  std::string out;
  for (std::size_t si = 0; si < doc.sentences.size(); ++si) {
    const auto& s = doc.sentences[si];
    out += "# sent_id = " + (doc.doc.id.empty() ? std::string("doc") : doc.doc.id) + "-" + std::to_string(si + 1) + "\n";
    std::string text = doc.doc.text.substr(s.span.begin, s.span.size());
    for (char& c : text)
      if (c == '\n' || c == '\r' || c == '\t') c = ' ';
    out += "# text = " + text + "\n";
    for (std::size_t k = s.first_token; k < s.end_token; ++k) {
      const auto& t = doc.tokens[k];
      const std::size_t index = k - s.first_token + 1;
      out += std::to_string(index);
      out += '\t' + field(t.form);
      out += '\t' + field(t.lemma);
      out += '\t';
      out += t.tag == upos::unknown ? "_" : to_string(t.tag);
      out += '\t' + field(t.xpos);
      out += "\t_\t";
      if (t.deprel.empty()) out += "_";
      else out += std::to_string(t.head + 1);
      out += '\t' + field(t.deprel);
      out += "\t_\t";
      const bool space_after = k + 1 < s.end_token ? doc.tokens[k + 1].span.begin > t.span.end : true;
      if (!space_after) out += "SpaceAfter=No|";
      out += "TokenRange=" + std::to_string(t.span.begin) + ":" + std::to_string(t.span.end) + "\n";
    }
    out += "\n";
  }
  return out;
}

}  // namespace chronograph::text
