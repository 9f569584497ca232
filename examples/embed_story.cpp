// SPDX-License-Identifier: MIT
// Embedding chronograph: build a story from two short texts held in memory and write its timeline
// as SVG and the story as JSON.
//
//   embed_story [OUT_DIR]     (default: the current directory) -> OUT_DIR/story.svg, story.json
#include <chronograph/chronograph.hpp>

#include <exception>
#include <filesystem>
#include <fstream>
#include <iostream>

namespace {

void write_file(const std::filesystem::path& path, const std::string& bytes) {
  std::ofstream out(path, std::ios::binary);
  out << bytes;
  if (!out.flush()) throw chronograph::io_error(path.string() + ": cannot write");
}

}  // namespace

int main(int argc, char** argv) {
  try {
    const std::filesystem::path out_dir = argc > 1 ? argv[1] : ".";
    std::filesystem::create_directories(out_dir);

    // Each text comes with its document creation time (DCT): "yesterday" and "on Monday" are
    // resolved against it.
    const std::vector<chronograph::input_text> texts = {
        {"harbor-1",
         "The city council approved the new harbor bridge on Monday. Construction will begin in "
         "September, the mayor said yesterday.",
         "2025-06-05", "City Herald"},
        {"harbor-2",
         "Workers blocked the harbor road on June 6, 2025, a day after the council vote. The protest "
         "ended after police arrived.",
         "2025-06-07", "Coast News"},
    };

    const chronograph::story_builder builder;  // loads the models once
    const chronograph::story story = builder.build(texts);

    write_file(out_dir / "story.svg", chronograph::to_svg(story));
    write_file(out_dir / "story.json", chronograph::to_json(story));

    std::cout << story.events.size() << " events, " << story.links.size() << " links; wrote "
              << (out_dir / "story.svg").string() << " and " << (out_dir / "story.json").string() << '\n';
    for (const auto& e : story.events)
      std::cout << "  " << (e.when.value.empty() ? "(undated)" : e.when.value) << "  " << e.summary << '\n';
    return 0;
  } catch (const std::exception& e) {
    std::cerr << "embed_story: " << e.what() << '\n';
    return 1;
  }
}
