// SPDX-License-Identifier: MIT
#include "manifest.hpp"

#include <algorithm>
#include <fstream>
#include <iterator>

#include <nlohmann/json.hpp>

#include "chronograph/error.hpp"

namespace chronograph::ingest {

const manifest_entry* manifest::find(const std::string& file) const {
  const auto it = std::find_if(entries.begin(), entries.end(), [&](const manifest_entry& e) { return e.file == file; });
  return it == entries.end() ? nullptr : &*it;
}

std::vector<std::string> manifest::unmatched(const std::vector<std::filesystem::path>& files) const {
  std::vector<std::string> out;
  for (const auto& e : entries)
    if (std::none_of(files.begin(), files.end(), [&](const auto& f) { return f.filename().string() == e.file; }))
      out.push_back(e.file);
  return out;
}

manifest parse_manifest(const std::string& text, const std::string& origin) {
  nlohmann::json j;
  try {
    j = nlohmann::json::parse(text);
  } catch (const nlohmann::json::exception& e) {
    // Parse errors carry "line L, column C" in their message; huge numbers are out_of_range.
    throw input_error(origin + ": invalid JSON: " + e.what());
  }
  const auto fail = [&](const std::string& what) { throw input_error(origin + ": " + what); };
  if (!j.is_object() || !j.contains("documents") || !j["documents"].is_array())
    fail("expected an object with a \"documents\" array");
  std::optional<creation_time> default_dct;
  if (j.contains("dct")) {
    if (!j["dct"].is_string() || !(default_dct = parse_creation_time(j["dct"].get<std::string>())))
      fail("\"dct\" must be an ISO date or datetime");
  }
  manifest m;
  std::size_t index = 0;
  for (const auto& d : j["documents"]) {
    const std::string where = "documents[" + std::to_string(index++) + "]";
    if (!d.is_object() || !d.contains("file") || !d["file"].is_string()) fail(where + ": needs a \"file\" string");
    manifest_entry e;
    e.file = d["file"].get<std::string>();
    if (d.contains("id")) {
      if (!d["id"].is_string()) fail(where + ": \"id\" must be a string");
      e.id = d["id"].get<std::string>();
    }
    if (d.contains("source")) {
      if (!d["source"].is_string()) fail(where + ": \"source\" must be a string");
      e.source = d["source"].get<std::string>();
    }
    e.dct = default_dct;
    if (d.contains("dct") && !d["dct"].is_null()) {
      if (!d["dct"].is_string()) fail(where + ": \"dct\" must be a string");
      e.dct = parse_creation_time(d["dct"].get<std::string>());
      if (!e.dct) fail(where + ": \"dct\" is not an ISO date or datetime: " + d["dct"].get<std::string>());
    }
    m.entries.push_back(std::move(e));
  }
  return m;
}

manifest read_manifest(const std::filesystem::path& dir) {
  const auto path = dir / "manifest.json";
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) return {};
  std::ifstream in(path, std::ios::binary);
  if (!in) throw io_error(path.string() + ": cannot open file");
  const std::string text(std::istreambuf_iterator<char>(in), {});
  return parse_manifest(text, path.string());
}

}  // namespace chronograph::ingest
