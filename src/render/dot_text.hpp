// SPDX-License-Identifier: MIT
// Escaping article text for each output (private to render).
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

/// Text for XML and HTML content and attribute values: &, <, >, " and ' as entities; control
/// characters XML 1.0 forbids (all below U+0020 but tab, LF, CR) become spaces.
[[nodiscard]] std::string xml_escape(std::string_view text);

/// Text for a Mermaid timeline period or event: ':', '#', '<', '>' and the first '%' of "%%" as
/// Mermaid entity codes ("#58;"), so they cannot end an event, start a comment or open a tag;
/// line breaks and other control characters become spaces.
[[nodiscard]] std::string mermaid_escape(std::string_view text);

}  // namespace chronograph::render
