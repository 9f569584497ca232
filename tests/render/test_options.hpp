// SPDX-License-Identifier: MIT
// render::options for tests, built field by field (aggregate init with fewer fields warns).
#pragma once

#include "chronograph/render/render.hpp"

namespace chronograph::test {

inline render::options causal_view() {
  render::options o;
  o.layout = render::view::causal;
  return o;
}

}  // namespace chronograph::test
