// dev only: train parser on argv[1], evaluate on argv[2] with the shipped tagger, save to argv[3]
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include "chronograph/text/evaluation.hpp"
using namespace chronograph::text;
int main(int argc, char** argv) {
  const auto train = read_conllu(argv[1]);
  const auto test = read_conllu(argv[2]);
  parser_training_options opt;
  if (argc > 4) opt.epochs = std::atoi(argv[4]);
  if (argc > 5) opt.jackknife_folds = std::atoi(argv[5]);
  auto t1 = std::chrono::steady_clock::now();
  const auto parser = dependency_parser::train(train, opt);
  auto t2 = std::chrono::steady_clock::now();
  parser.save(argv[3], {"dev"});
  auto t3 = std::chrono::steady_clock::now();
  const auto loaded = dependency_parser::load(argv[3]);
  auto t4 = std::chrono::steady_clock::now();
  const auto tagger = pos_tagger::load_default();
  const auto s = evaluate_parsing(tagger, loaded, test);
  auto t5 = std::chrono::steady_clock::now();
  auto ms = [](auto a, auto b) { return std::chrono::duration<double, std::milli>(b - a).count(); };
  std::printf("labels %zu | UAS %.4f LAS %.4f | train %.0f ms load %.0f ms eval %.0f ms (%zu words)\n", loaded.label_count(), s.uas(), s.las(), ms(t1, t2), ms(t3, t4), ms(t4, t5), s.words);
}
