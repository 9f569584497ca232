// dev only: train on argv[1], evaluate on argv[2], save to argv[3]
#include <chrono>
#include <cstdio>
#include "chronograph/text/tagger.hpp"
using namespace chronograph::text;
int main(int argc, char** argv) {
  auto t0 = std::chrono::steady_clock::now();
  const auto train = read_conllu(argv[1]);
  const auto test = read_conllu(argv[2]);
  tagger_training_options opt;
  if (argc > 4) opt.epochs = std::atoi(argv[4]);
  if (argc > 5) opt.prune_below = std::atof(argv[5]);
  if (argc > 6) opt.tagdict_min_count = std::atoi(argv[6]);
  if (argc > 7) opt.tagdict_min_share = std::atof(argv[7]);
  auto t1 = std::chrono::steady_clock::now();
  const auto tagger = pos_tagger::train(train, opt);
  auto t2 = std::chrono::steady_clock::now();
  tagger.save(argv[3], {"test"});
  auto t3 = std::chrono::steady_clock::now();
  const auto loaded = pos_tagger::load(argv[3]);
  auto t4 = std::chrono::steady_clock::now();
  std::size_t n = 0, u = 0, x = 0;
  const auto c0 = std::chrono::steady_clock::now();
  for (const auto& s : test) {
    std::vector<std::string> forms;
    for (auto& w : s.words) forms.push_back(w.form);
    auto tags = loaded.tag_words(forms);
    for (std::size_t i = 0; i < forms.size(); ++i) {
      ++n;
      u += std::string(to_string(tags[i].first)) == s.words[i].upos;
      x += tags[i].second == s.words[i].xpos;
    }
  }
  const auto c1 = std::chrono::steady_clock::now();
  std::printf("tagging %.0f words/s\n", n / std::chrono::duration<double>(c1 - c0).count());
  auto ms = [](auto a, auto b) { return std::chrono::duration<double, std::milli>(b - a).count(); };
  std::printf("classes %zu weights %zu | UPOS %.4f XPOS %.4f | read %.0f ms train %.0f ms save %.0f ms load %.0f ms\n",
              loaded.class_count(), loaded.weight_count(), double(u) / n, double(x) / n, ms(t0, t1), ms(t1, t2), ms(t2, t3), ms(t3, t4));
}
