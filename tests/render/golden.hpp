// SPDX-License-Identifier: MIT
// Golden-file comparison: byte-exact; CHRONOGRAPH_UPDATE_GOLDEN=1 rewrites the file instead.
#pragma once

#include <catch2/catch.hpp>

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>

namespace chronograph::test {

inline void check_golden(const std::string& name, const std::string& actual) {
  const std::string path = std::string(CHRONOGRAPH_TEST_DIR) + "/golden/" + name;
  const char* update = std::getenv("CHRONOGRAPH_UPDATE_GOLDEN");
  if (update && std::string(update) == "1") {
    std::ofstream(path, std::ios::binary) << actual;
    WARN("rewrote " << path);
    return;
  }
  std::ifstream in(path, std::ios::binary);
  INFO("golden file " << path << " (CHRONOGRAPH_UPDATE_GOLDEN=1 rewrites it)");
  REQUIRE(in.good());
  std::ostringstream expected;
  expected << in.rdbuf();
  CHECK(expected.str() == actual);
}

}  // namespace chronograph::test
