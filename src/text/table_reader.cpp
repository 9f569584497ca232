// SPDX-License-Identifier: MIT
#include "table_reader.hpp"

#include <fstream>

#include "chronograph/error.hpp"

namespace chronograph::text::detail {

std::vector<std::string_view> split(std::string_view s, char sep) {
  std::vector<std::string_view> out;
  std::size_t start = 0;
  while (true) {
    const auto pos = s.find(sep, start);
    if (pos == std::string_view::npos) {
      out.push_back(s.substr(start));
      return out;
    }
    out.push_back(s.substr(start, pos - start));
    start = pos + 1;
  }
}

std::string ascii_lower(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

void table_error(const std::filesystem::path& path, std::size_t line, const std::string& message) {
  throw resource_error(path.string() + ":" + std::to_string(line) + ": " + message);
}

std::vector<table_row> read_table(const std::filesystem::path& path) {
  std::ifstream in(path);
  if (!in) throw resource_error(path.string() + ": cannot read table");
  std::vector<table_row> rows;
  std::string line;
  std::size_t number = 0;
  while (std::getline(in, line)) {
    ++number;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty() || line[0] == '#') continue;
    table_row row;
    row.line = number;
    for (auto field : split(line, '\t')) row.fields.emplace_back(field);
    rows.push_back(std::move(row));
  }
  return rows;
}

}  // namespace chronograph::text::detail
