// SPDX-License-Identifier: MIT
// The main() of an evaluation program: runs it, and turns an exception (unreadable data, a
// directory without .tml files, a malformed document) into one message and exit code 2.
#pragma once

#include <exception>
#include <iostream>

namespace chronograph::test {

template <class Run>
int guarded_main(const char* program, Run run) {
  try {
    return run();
  } catch (const std::exception& e) {
    std::cerr << program << ": " << e.what() << '\n';
    return 2;
  }
}

}  // namespace chronograph::test
