// SPDX-License-Identifier: MIT
// Where run-time resources (rule tables, trained models) live.
#pragma once

#include <filesystem>
#include <string>

namespace chronograph {

/// Sets the resource root explicitly (the CLI's --resources). Not thread-safe: call at start-up.
void set_resource_root(std::filesystem::path root);

/// The resource root: set_resource_root(), else $CHRONOGRAPH_RESOURCES, else the source tree's
/// src/ (when it exists), else the install data dir. Layout: <root>/<stage>/resources/...
[[nodiscard]] std::filesystem::path resource_root();

/// <root>/<stage>/resources/<relative>; throws resource_error if it does not exist.
[[nodiscard]] std::filesystem::path resource_path(const std::string& stage, const std::string& relative);

}  // namespace chronograph
