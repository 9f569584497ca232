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
  if (argc > 6) opt.explore_from_epoch = std::atoi(argv[6]);
  if (argc > 7) opt.explore_per_mille = static_cast<unsigned>(std::atoi(argv[7]));
  if (argc > 8) opt.prune_below = static_cast<float>(std::atof(argv[8]));
  if (argc > 9) opt.label_prune_below = static_cast<float>(std::atof(argv[9]));
  if (argc > 10) opt.seed = std::strtoull(argv[10], nullptr, 10);
  if (argc > 11) opt.runs = std::atoi(argv[11]);
  auto t1 = std::chrono::steady_clock::now();
  const auto parser = dependency_parser::train(train, opt);
  auto t2 = std::chrono::steady_clock::now();
  parser.save(argv[3], {"dev"});
  auto t3 = std::chrono::steady_clock::now();
  const auto& loaded = parser;
  auto t4 = std::chrono::steady_clock::now();
  const auto tagger = pos_tagger::load_default();
  const auto s = evaluate_parsing(tagger, loaded, test);
  auto t5 = std::chrono::steady_clock::now();
  auto ms = [](auto a, auto b) { return std::chrono::duration<double, std::milli>(b - a).count(); };
  // Attachment accuracy of clauses (advcl, ccomp, xcomp, acl, acl:relcl, parataxis, conj of verbs).
  std::size_t clauses = 0, clauses_right = 0, advcl = 0, advcl_right = 0;
  for (const auto& sent : test) {
    auto tokens = gold_tokens(sent);
    tagger.tag(tokens, 0, tokens.size());
    loaded.parse(tokens, 0, tokens.size());
    for (std::size_t i = 0; i < tokens.size(); ++i) {
      const auto& rel = sent.words[i].deprel;
      const bool clause = rel == "advcl" || rel == "ccomp" || rel == "xcomp" || rel == "acl" || rel == "acl:relcl" || rel == "parataxis";
      if (clause) { ++clauses; clauses_right += tokens[i].head == sent.words[i].head; }
      if (rel == "advcl") { ++advcl; advcl_right += tokens[i].head == sent.words[i].head; }
    }
  }
  std::printf("labels %zu | UAS %.4f LAS %.4f | clauses %.4f advcl %.4f | train %.0f ms load %.0f ms eval %.0f ms (%zu words)\n", loaded.label_count(), s.uas(), s.las(), double(clauses_right) / double(clauses), double(advcl_right) / double(advcl), ms(t1, t2), ms(t3, t4), ms(t4, t5), s.words);
}
