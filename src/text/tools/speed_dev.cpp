// SPDX-License-Identifier: MIT
// Speed check: text_speed_dev FILE.tml... — tokenize+tag (and full analyze) throughput on the
// TEXT of TimeML files (tags stripped). Prints tokens/s and MB/s of thread CPU time on one thread.
#include <chrono>
#include <ctime>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "chronograph/text/analyzer.hpp"
#include "chronograph/text/segmenter.hpp"
#include "chronograph/text/tagger.hpp"

namespace {
std::string text_of(const std::string& xml) {
  const auto b = xml.find("<TEXT>");
  const auto e = xml.find("</TEXT>");
  if (b == std::string::npos || e == std::string::npos) return {};
  std::string out;
  bool in_tag = false;
  for (std::size_t i = b + 6; i < e; ++i) {
    if (xml[i] == '<') in_tag = true;
    else if (xml[i] == '>') in_tag = false;
    else if (!in_tag) out += xml[i];
  }
  return out;
}
}  // namespace

// Thread CPU time: the machine is shared, so wall time would count other processes' work.
struct cpu_clock {
  using duration = std::chrono::nanoseconds;
  using time_point = std::chrono::time_point<cpu_clock>;
  static time_point now() {
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return time_point(duration(std::int64_t(ts.tv_sec) * 1000000000 + ts.tv_nsec));
  }
};

int main(int argc, char** argv) {
  using clock = cpu_clock;
  std::vector<std::string> texts;
  std::size_t bytes = 0;
  for (int i = 1; i < argc; ++i) {
    std::ifstream in(argv[i]);
    std::ostringstream s;
    s << in.rdbuf();
    texts.push_back(text_of(s.str()));
    bytes += texts.back().size();
  }
  const auto t0 = clock::now();
  const auto seg = chronograph::text::segmenter::load_default();
  const auto t1 = clock::now();
  const auto tagger = chronograph::text::pos_tagger::load_default();
  const auto t2 = clock::now();
  const auto analyzer = chronograph::text::analyzer::load_default();
  const auto t3 = clock::now();
  auto secs = [](auto a, auto b) { return std::chrono::duration<double>(b - a).count(); };
  std::printf("load: segmenter %.1f ms, tagger %.1f ms, analyzer %.1f ms\n", secs(t0, t1) * 1e3, secs(t1, t2) * 1e3, secs(t2, t3) * 1e3);
  for (int round = 0; round < 2; ++round) {
    std::size_t tokens = 0;
    const auto a = clock::now();
    double seg_time = 0;
    for (const auto& text : texts) {
      const auto s0 = clock::now();
      auto r = seg.segment(text);
      seg_time += secs(s0, clock::now());
      for (const auto& s : r.sentences) tagger.tag(r.tokens, s.first_token, s.end_token);
      tokens += r.tokens.size();
    }
    const double t = secs(a, clock::now());
    std::printf("tokenize+tag: %zu docs, %zu tokens, %.2f MB in %.3f s: %.0f tokens/s, %.2f MB/s (tokenize alone %.0f tokens/s)\n",
                texts.size(), tokens, bytes / 1e6, t, tokens / t, bytes / 1e6 / t, tokens / seg_time);
    const auto c = clock::now();
    std::size_t n = 0;
    for (const auto& text : texts) {
      chronograph::document d;
      d.text = text;
      n += analyzer->analyze(std::move(d)).tokens.size();
    }
    const double ta = secs(c, clock::now());
    std::printf("analyze (full): %.0f tokens/s, %.2f MB/s\n", n / ta, bytes / 1e6 / ta);
    static const auto no_parse = chronograph::text::analyzer::load(chronograph::text::analyzer_options{false});
    const auto e = clock::now();
    for (const auto& text : texts) {
      chronograph::document d;
      d.text = text;
      (void)no_parse->analyze(std::move(d));
    }
    const double te = secs(e, clock::now());
    std::printf("analyze without parser: %.0f tokens/s, %.2f MB/s\n", n / te, bytes / 1e6 / te);
  }
}
