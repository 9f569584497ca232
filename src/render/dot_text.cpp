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

}  // namespace chronograph::render
