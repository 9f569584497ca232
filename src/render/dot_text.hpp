// SPDX-License-Identifier: MIT
// Escaping article text for Graphviz labels (private to render).
#pragma once

#include <string>
#include <string_view>

namespace chronograph::render {

/// Text for a Graphviz (non-HTML) label, tooltip or id attribute, shown literally:
/// - backslashes are doubled, so Graphviz's label escapes (\N, \G, \E, \T, \H, \L, \n, \l, \r)
///   in article text stay literal text;
/// - '&' becomes "&amp;", because Graphviz decodes HTML entities in labels ("&lt;" in an
///   article must stay those four characters);
/// - line breaks and other control characters become spaces.
/// Quotes need nothing here: cgraph quotes and escapes them when it writes DOT, and Graphviz
/// escapes <, >, " and & itself when it writes SVG.
[[nodiscard]] std::string dot_escape(std::string_view text);

}  // namespace chronograph::render
