// SPDX-License-Identifier: MIT
// TimeML reader and writer: a small hand-written XML scanner (TimeML uses elements, attributes,
// character data, comments and the five predefined entities plus character references).
#include "chronograph/ingest/timeml.hpp"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <fstream>
#include <sstream>

#include "chronograph/error.hpp"
#include "chronograph/utf8.hpp"

namespace chronograph::ingest {
namespace {

constexpr std::size_t max_depth = 32;

void append_utf8(std::string& out, unsigned long cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

bool is_name_char(char c) {
  const auto u = static_cast<unsigned char>(c);
  return std::isalnum(u) || c == '_' || c == '-' || c == ':' || c == '.' || u >= 0x80;
}

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

class scanner {
 public:
  scanner(std::string_view xml, const std::string& name) : xml_(xml), name_(name) {}

  [[noreturn]] void fail(std::size_t at, const std::string& what) const {
    throw input_error(name_ + ":" + std::to_string(line_of(xml_, std::min(at, xml_.size()))) + ": " + what);
  }

  /// Decodes character data [from, to) into `out`.
  void decode(std::size_t from, std::size_t to, std::string& out) const {
    std::size_t i = from;
    const std::string_view range = xml_.substr(0, to);  // never search past `to`: linear time
    while (i < to) {
      const std::size_t amp = range.find('&', i);
      if (amp == std::string_view::npos) {
        out.append(xml_.substr(i, to - i));
        return;
      }
      out.append(xml_.substr(i, amp - i));
      const std::size_t semi = range.substr(0, std::min(to, amp + 14)).find(';', amp);
      if (semi == std::string_view::npos || semi - amp > 12) fail(amp, "unterminated entity reference");
      const std::string_view ent = xml_.substr(amp + 1, semi - amp - 1);
      if (ent == "amp") out += '&';
      else if (ent == "lt") out += '<';
      else if (ent == "gt") out += '>';
      else if (ent == "quot") out += '"';
      else if (ent == "apos") out += '\'';
      else if (ent.size() > 1 && ent[0] == '#') {
        const bool hex = ent[1] == 'x' || ent[1] == 'X';
        const std::string digits(ent.substr(hex ? 2 : 1));
        if (digits.empty() || digits.find_first_not_of(hex ? "0123456789abcdefABCDEF" : "0123456789") != std::string::npos)
          fail(amp, "bad character reference &" + std::string(ent) + ";");
        const unsigned long cp = std::stoul(digits, nullptr, hex ? 16 : 10);
        if (cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
          fail(amp, "character reference out of range &" + std::string(ent) + ";");
        append_utf8(out, cp);
      } else {
        fail(amp, "unknown entity &" + std::string(ent) + ";");
      }
      i = semi + 1;
    }
  }

  struct tag {
    enum kind_type { start, end, empty } kind = start;
    std::string name;
    timeml_attributes attributes;
    std::size_t at = 0;  ///< offset of '<'
  };

  /// Parses the markup starting at xml_[pos] == '<'; returns false for comments/PIs/doctype
  /// (skipped), true for a tag. Advances pos past the markup.
  bool markup(std::size_t& pos, tag& out) const {
    const std::size_t lt = pos;
    if (xml_.compare(pos, 4, "<!--") == 0) {
      const std::size_t e = xml_.find("-->", pos + 4);
      if (e == std::string_view::npos) fail(lt, "unterminated comment");
      pos = e + 3;
      return false;
    }
    if (xml_.compare(pos, 2, "<?") == 0) {
      const std::size_t e = xml_.find("?>", pos + 2);
      if (e == std::string_view::npos) fail(lt, "unterminated processing instruction");
      pos = e + 2;
      return false;
    }
    if (xml_.compare(pos, 9, "<![CDATA[") == 0) fail(lt, "CDATA sections are not supported in TimeML");
    if (xml_.compare(pos, 2, "<!") == 0) {
      const std::size_t e = xml_.find('>', pos + 2);
      if (e == std::string_view::npos) fail(lt, "unterminated declaration");
      pos = e + 1;
      return false;
    }
    out = tag{};
    out.at = lt;
    ++pos;
    if (pos < xml_.size() && xml_[pos] == '/') {
      out.kind = tag::end;
      ++pos;
    }
    const std::size_t name_begin = pos;
    while (pos < xml_.size() && is_name_char(xml_[pos])) ++pos;
    if (pos == name_begin) fail(lt, "malformed tag");
    out.name = std::string(xml_.substr(name_begin, pos - name_begin));
    for (;;) {
      while (pos < xml_.size() && is_space(xml_[pos])) ++pos;
      if (pos >= xml_.size()) fail(lt, "unterminated tag <" + out.name);
      if (xml_[pos] == '>') {
        ++pos;
        return true;
      }
      if (xml_[pos] == '/' && out.kind == tag::start) {
        if (pos + 1 >= xml_.size() || xml_[pos + 1] != '>') fail(pos, "malformed empty-element tag <" + out.name);
        out.kind = tag::empty;
        pos += 2;
        return true;
      }
      if (out.kind == tag::end) fail(pos, "unexpected characters in end tag </" + out.name);
      const std::size_t attr_begin = pos;
      while (pos < xml_.size() && is_name_char(xml_[pos])) ++pos;
      if (pos == attr_begin) fail(pos, "malformed attribute in <" + out.name);
      std::string attr_name(xml_.substr(attr_begin, pos - attr_begin));
      while (pos < xml_.size() && is_space(xml_[pos])) ++pos;
      if (pos >= xml_.size() || xml_[pos] != '=') fail(pos, "attribute " + attr_name + " has no value");
      ++pos;
      while (pos < xml_.size() && is_space(xml_[pos])) ++pos;
      if (pos >= xml_.size() || (xml_[pos] != '"' && xml_[pos] != '\'')) fail(pos, "attribute " + attr_name + " is not quoted");
      const char quote = xml_[pos++];
      const std::size_t close = xml_.find(quote, pos);
      if (close == std::string_view::npos) fail(pos, "unterminated attribute value");
      if (xml_.substr(pos, close - pos).find('<') != std::string_view::npos) fail(pos, "'<' in attribute value");
      std::string value;
      decode(pos, close, value);
      for (const auto& [k, v] : out.attributes)
        if (k == attr_name) fail(attr_begin, "duplicate attribute " + attr_name);
      out.attributes.emplace_back(std::move(attr_name), std::move(value));
      pos = close + 1;
    }
  }

  std::string_view xml_;
  const std::string& name_;
};

}  // namespace

std::string_view attribute(const timeml_attributes& attributes, std::string_view name) noexcept {
  for (const auto& [k, v] : attributes)
    if (k == name) return v;
  return {};
}

std::vector<const timeml_annotation*> timeml_document::annotations_with_tag(std::string_view tag) const {
  std::vector<const timeml_annotation*> out;
  for (const auto& a : annotations)
    if (a.tag == tag) out.push_back(&a);
  return out;
}

timeml_document parse_timeml(std::string_view xml, const std::string& name) {
  if (xml.size() >= 3 && xml.compare(0, 3, "\xEF\xBB\xBF") == 0) xml.remove_prefix(3);
  if (const auto bad = find_invalid_utf8(xml))
    throw input_error(name + ":" + std::to_string(line_of(xml, *bad)) + ": invalid UTF-8 at byte " + std::to_string(*bad));
  scanner scan(xml, name);
  timeml_document doc;
  struct open_element {
    std::string name;
    std::size_t annotation = static_cast<std::size_t>(-1);  ///< index into doc.annotations (inside TEXT)
    std::size_t at = 0;
  };
  std::vector<open_element> stack;
  bool seen_root = false, seen_text = false, root_closed = false;
  std::string docid_raw, title_raw;
  std::size_t pos = 0;
  const auto inside = [&](std::string_view element) {
    for (const auto& e : stack)
      if (e.name == element) return true;
    return false;
  };
  while (pos < xml.size()) {
    const std::size_t lt = xml.find('<', pos);
    const std::size_t stop = lt == std::string_view::npos ? xml.size() : lt;
    if (stop > pos) {  // character data
      if (inside("TEXT")) scan.decode(pos, stop, doc.text);
      else if (inside("DCT") && inside("TIMEX3")) scan.decode(pos, stop, doc.dct_text);
      else if (inside("DOCID")) scan.decode(pos, stop, docid_raw);
      else if (inside("TITLE")) scan.decode(pos, stop, title_raw);
      else if (stack.empty()) {
        for (std::size_t k = pos; k < stop; ++k)
          if (!is_space(xml[k])) scan.fail(k, root_closed ? "text after the root element" : "text before the root element");
      }
      pos = stop;
      if (lt == std::string_view::npos) break;
    }
    scanner::tag t;
    if (!scan.markup(pos, t)) continue;
    if (t.kind == scanner::tag::end) {
      if (stack.empty() || stack.back().name != t.name)
        scan.fail(t.at, "unexpected </" + t.name + ">" +
                            (stack.empty() ? std::string() : " (open element is <" + stack.back().name + ">)"));
      const open_element closing = stack.back();
      stack.pop_back();
      if (closing.annotation != static_cast<std::size_t>(-1)) doc.annotations[closing.annotation].span.end = doc.text.size();
      if (stack.empty()) root_closed = true;
      continue;
    }
    if (stack.empty()) {
      if (seen_root) scan.fail(t.at, "a second root element <" + t.name + ">");
      if (t.name != "TimeML") scan.fail(t.at, "root element is <" + t.name + ">, expected <TimeML>");
      seen_root = true;
    }
    if (stack.size() >= max_depth) scan.fail(t.at, "elements nested deeper than " + std::to_string(max_depth));
    open_element e{t.name, static_cast<std::size_t>(-1), t.at};
    if (inside("TEXT")) {
      e.annotation = doc.annotations.size();
      doc.annotations.push_back({byte_span{doc.text.size(), doc.text.size()}, t.name, std::move(t.attributes)});
    } else if (t.name == "TEXT") {
      if (seen_text) scan.fail(t.at, "a second <TEXT> element");
      seen_text = true;
    } else if (t.name == "TIMEX3" && inside("DCT")) {
      doc.dct_attributes = std::move(t.attributes);
    } else if (seen_text && stack.size() == 1) {
      doc.trailing.push_back({t.name, std::move(t.attributes)});
    }
    if (t.kind == scanner::tag::start) stack.push_back(std::move(e));
    else if (t.name == "TEXT") scan.fail(t.at, "empty <TEXT/> element");
  }
  if (!seen_root) throw input_error(name + ":1: not a TimeML document (no <TimeML> element)");
  if (!stack.empty()) scan.fail(stack.back().at, "element <" + stack.back().name + "> is never closed");
  if (!seen_text) throw input_error(name + ":1: TimeML document has no <TEXT> element");
  const auto trim = [](std::string s) {
    const auto b = s.find_first_not_of(" \t\r\n");
    if (b == std::string::npos) return std::string();
    return s.substr(b, s.find_last_not_of(" \t\r\n") - b + 1);
  };
  doc.docid = trim(docid_raw);
  doc.title = trim(title_raw);
  doc.dct_value = std::string(attribute(doc.dct_attributes, "value"));
  if (!doc.dct_value.empty()) doc.dct = parse_creation_time(doc.dct_value);
  std::stable_sort(doc.annotations.begin(), doc.annotations.end(), [](const timeml_annotation& a, const timeml_annotation& b) {
    return a.span.begin != b.span.begin ? a.span.begin < b.span.begin : a.span.end > b.span.end;
  });
  return doc;
}

timeml_document read_timeml(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw io_error(path.string() + ": cannot open file");
  std::ostringstream buffer;
  buffer << in.rdbuf();
  if (in.bad()) throw io_error(path.string() + ": read error");
  timeml_document doc = parse_timeml(buffer.str(), path.string());
  doc.path = path.string();
  if (doc.docid.empty()) doc.docid = path.stem().string();
  return doc;
}

std::string xml_escape(std::string_view text, bool in_attribute) {
  std::string out;
  out.reserve(text.size() + text.size() / 16);
  for (const char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"':
        if (in_attribute) out += "&quot;";
        else out += c;
        break;
      default: out += c;
    }
  }
  return out;
}

namespace {
void write_attributes(std::string& out, const timeml_attributes& attributes) {
  for (const auto& [k, v] : attributes) {
    out += ' ';
    out += k;
    out += "=\"";
    out += xml_escape(v, true);
    out += '"';
  }
}
bool is_continuation(std::string_view text, std::size_t at) {
  return at < text.size() && (static_cast<unsigned char>(text[at]) & 0xC0) == 0x80;
}
}  // namespace

std::string write_timeml(const timeml_document& doc) {
  std::vector<const timeml_annotation*> order;
  order.reserve(doc.annotations.size());
  for (const auto& a : doc.annotations) {
    if (a.span.end < a.span.begin || a.span.end > doc.text.size())
      throw input_error(doc.docid + ": " + a.tag + " annotation span [" + std::to_string(a.span.begin) + ", " +
                        std::to_string(a.span.end) + ") lies outside the text");
    if (is_continuation(doc.text, a.span.begin) || is_continuation(doc.text, a.span.end))
      throw input_error(doc.docid + ": " + a.tag + " annotation span splits a UTF-8 character");
    if (a.tag.empty() || !std::all_of(a.tag.begin(), a.tag.end(), is_name_char))
      throw input_error(doc.docid + ": bad annotation tag name '" + a.tag + "'");
    order.push_back(&a);
  }
  std::stable_sort(order.begin(), order.end(), [](const timeml_annotation* a, const timeml_annotation* b) {
    return a->span.begin != b->span.begin ? a->span.begin < b->span.begin : a->span.end > b->span.end;
  });
  std::string out;
  out.reserve(doc.text.size() * 2 + 1024);
  out += "<?xml version=\"1.0\" ?>\n";
  out += "<TimeML xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
         "xsi:noNamespaceSchemaLocation=\"http://timeml.org/timeMLdocs/TimeML_1.2.1.xsd\">\n\n";
  out += "<DOCID>" + xml_escape(doc.docid) + "</DOCID>\n\n";
  if (!doc.dct_attributes.empty() || !doc.dct_value.empty()) {
    timeml_attributes dct = doc.dct_attributes;
    if (dct.empty())
      dct = {{"tid", "t0"}, {"type", "DATE"}, {"value", doc.dct_value}, {"temporalFunction", "false"},
             {"functionInDocument", "CREATION_TIME"}};
    out += "<DCT><TIMEX3";
    write_attributes(out, dct);
    out += ">" + xml_escape(doc.dct_text.empty() ? doc.dct_value : doc.dct_text) + "</TIMEX3></DCT>\n\n";
  }
  if (!doc.title.empty()) out += "<TITLE>" + xml_escape(doc.title) + "</TITLE>\n\n";
  out += "<TEXT>";
  std::vector<const timeml_annotation*> open;
  std::size_t pos = 0;
  const auto emit_text = [&](std::size_t to) {
    out += xml_escape(std::string_view(doc.text).substr(pos, to - pos));
    pos = to;
  };
  const auto close_until = [&](std::size_t at) {
    while (!open.empty() && open.back()->span.end <= at) {
      emit_text(open.back()->span.end);
      out += "</" + open.back()->tag + ">";
      open.pop_back();
    }
  };
  for (const auto* a : order) {
    close_until(a->span.begin);
    if (!open.empty() && a->span.end > open.back()->span.end)
      throw input_error(doc.docid + ": " + a->tag + " annotation at byte " + std::to_string(a->span.begin) +
                        " partially overlaps " + open.back()->tag + " at byte " + std::to_string(open.back()->span.begin));
    if (open.size() >= max_depth) throw input_error(doc.docid + ": annotations nested too deeply");
    emit_text(a->span.begin);
    out += "<" + a->tag;
    write_attributes(out, a->attributes);
    out += ">";
    open.push_back(a);
  }
  close_until(doc.text.size());
  emit_text(doc.text.size());
  out += "</TEXT>\n\n";
  for (const auto& e : doc.trailing) {
    out += "<" + e.tag;
    write_attributes(out, e.attributes);
    out += " />\n";
  }
  out += "\n</TimeML>\n";
  return out;
}

void write_timeml_file(const timeml_document& doc, const std::filesystem::path& path) {
  const std::string content = write_timeml(doc);
  std::filesystem::path tmp = path;
  tmp += ".tmp";
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    if (!out) throw io_error(path.string() + ": cannot write (temporary file " + tmp.string() + ")");
    out.write(content.data(), static_cast<std::streamsize>(content.size()));
    out.flush();
    if (!out) {
      out.close();
      std::error_code ec;
      std::filesystem::remove(tmp, ec);
      throw io_error(path.string() + ": write failed");
    }
  }
  std::error_code ec;
  std::filesystem::rename(tmp, path, ec);
  if (ec) {
    std::filesystem::remove(tmp, ec);
    throw io_error(path.string() + ": cannot rename temporary file into place");
  }
}

std::vector<std::filesystem::path> timeml_files(const std::filesystem::path& where) {
  namespace fs = std::filesystem;
  std::error_code ec;
  std::vector<fs::path> files;
  if (fs::is_regular_file(where, ec)) {
    files.push_back(where);
  } else if (fs::is_directory(where, ec)) {
    for (const auto& e : fs::directory_iterator(where, ec))
      if (e.is_regular_file() && e.path().extension() == ".tml") files.push_back(e.path());
    if (ec) throw io_error(where.string() + ": cannot read directory: " + ec.message());
  } else {
    throw io_error(where.string() + ": no such file or directory");
  }
  if (files.empty()) throw io_error(where.string() + ": no .tml files");
  std::sort(files.begin(), files.end());
  return files;
}

std::vector<timeml_document> read_timeml_directory(const std::filesystem::path& where) {
  std::vector<timeml_document> docs;
  for (const auto& f : timeml_files(where)) docs.push_back(read_timeml(f));
  return docs;
}

document document_of(const timeml_document& tml) {
  document d;
  d.id = tml.docid;
  d.path = tml.path;
  d.text = tml.text;
  d.dct = tml.dct;
  d.dct_origin = tml.dct ? "timeml" : "";
  return d;
}

}  // namespace chronograph::ingest
