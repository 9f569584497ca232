// SPDX-License-Identifier: MIT
#include "support.hpp"

namespace chronograph::timex::test {

const std::shared_ptr<const rule_set>& rules() {
  static const auto loaded = rule_set::load_default();
  return loaded;
}

std::vector<mention> tag(const std::string& text, const std::string& dct, std::vector<diagnostic>* diagnostics) {
  text::annotated_document doc;
  doc.doc.id = "test";
  doc.doc.text = text;
  if (!dct.empty()) doc.doc.dct = parse_creation_time(dct);
  std::vector<diagnostic> local;
  const auto found = recognize(doc, *rules());
  return resolve(found, anchor_policy::news(doc.doc.dct, "test"), text, diagnostics ? *diagnostics : local);
}

}  // namespace chronograph::timex::test
