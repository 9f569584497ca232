// SPDX-License-Identifier: MIT
#include "dot_text.hpp"

namespace chronograph::render {

std::string dot_escape(std::string_view text) {
  std::string out;
  out.reserve(text.size() + 8);
  for (char c : text) {
    const auto u = static_cast<unsigned char>(c);
    if (c == '\\') out += "\\\\";
    else if (c == '&') out += "&amp;";
    else if (u < 0x20 || u == 0x7F) out += ' ';
    else out += c;
  }
  return out;
}

std::string xml_escape(std::string_view text) {
  std::string out;
  out.reserve(text.size() + 8);
  for (char c : text) {
    const auto u = static_cast<unsigned char>(c);
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default:
        if ((u < 0x20 && c != '\t' && c != '\n' && c != '\r') || u == 0x7F) out += ' ';
        else out += c;
    }
  }
  return out;
}

std::string mermaid_escape(std::string_view text) {
  std::string out;
  out.reserve(text.size() + 8);
  for (std::size_t k = 0; k < text.size(); ++k) {
    const char c = text[k];
    const auto u = static_cast<unsigned char>(c);
    switch (c) {
      case ':': out += "#58;"; break;
      case '#': out += "#35;"; break;
      case '<': out += "#60;"; break;
      case '>': out += "#62;"; break;
      case '%':  // only "%%" starts a comment
        out += k + 1 < text.size() && text[k + 1] == '%' ? "#37;" : "%";
        break;
      default:
        if (u < 0x20 || u == 0x7F) out += ' ';
        else out += c;
    }
  }
  return out;
}

}  // namespace chronograph::render
