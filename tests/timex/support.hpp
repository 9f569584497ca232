// SPDX-License-Identifier: MIT
// Helpers shared by the timex tests: tag a text against a reference time.
#pragma once

#include <string>
#include <vector>

#include "chronograph/timex/candidate.hpp"

namespace chronograph::timex::test {

/// The shared rule set (loaded once).
const std::shared_ptr<const rule_set>& rules();

/// Tags `text` as a news document with the given DCT ("" = none) and returns the mentions.
std::vector<mention> tag(const std::string& text, const std::string& dct, std::vector<diagnostic>* diagnostics = nullptr);

}  // namespace chronograph::timex::test
