// SPDX-License-Identifier: MIT
#include "chronograph/resources.hpp"

#include <cstdlib>

#include "chronograph/error.hpp"

namespace chronograph {
namespace {
std::filesystem::path& explicit_root() {
  static std::filesystem::path root;
  return root;
}
}  // namespace

void set_resource_root(std::filesystem::path root) { explicit_root() = std::move(root); }

std::filesystem::path resource_root() {
  if (!explicit_root().empty()) return explicit_root();
  if (const char* env = std::getenv("CHRONOGRAPH_RESOURCES"); env && *env) return env;
  std::error_code ec;
  if (std::filesystem::is_directory(CHRONOGRAPH_RESOURCE_ROOT, ec)) return CHRONOGRAPH_RESOURCE_ROOT;
  return CHRONOGRAPH_INSTALL_RESOURCES;
}

std::filesystem::path resource_path(const std::string& stage, const std::string& relative) {
  auto path = resource_root() / stage / "resources" / relative;
  std::error_code ec;
  if (!std::filesystem::exists(path, ec))
    throw resource_error(path.string() + ": resource not found (set --resources or CHRONOGRAPH_RESOURCES)");
  return path;
}

}  // namespace chronograph
