// SPDX-License-Identifier: MIT
// Exceptions for set-up and boundary failures. Per-document conditions are diagnostics instead.
// The CLI maps each type to a documented exit code (see README "Exit codes").
#pragma once

#include <stdexcept>
#include <string>

namespace chronograph {

/// Base of every exception chronograph throws.
class error : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// A rule file, model or other resource is missing or malformed (exit code 3). The message names file:line.
class resource_error : public error {
 public:
  using error::error;
};

/// An input document cannot be used: invalid UTF-8, not TimeML, ... (that document fails; exit code 1).
class input_error : public error {
 public:
  using error::error;
};

/// A file cannot be read or written (exit code 4).
class io_error : public error {
 public:
  using error::error;
};

/// Graphviz failed to lay out or render.
class render_error : public error {
 public:
  using error::error;
};

}  // namespace chronograph
