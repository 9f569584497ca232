// SPDX-License-Identifier: MIT
// MATRES start-point relations between events (Ning, Wu & Roth 2018) with gold events and gold
// pairs given: the text stage runs on each TBAQ-cleaned document, the gold EVENTs become the
// event list (gold_events.hpp), and the event-pair model labels every MATRES pair BEFORE, AFTER,
// EQUAL or VAGUE. The model is trained on the TimeBank pairs (relations/matres/timebank.txt) and
// scored on the AQUAINT pairs (aquaint.txt).
//
// Score (as in the MATRES papers): a VAGUE prediction counts as no prediction, and gold VAGUE
// pairs are not counted in recall:
//   P = #(pred == gold, pred != VAGUE) / #(pred != VAGUE)
//   R = #(pred == gold, gold != VAGUE) / #(gold != VAGUE)
//   F1 = 2PR / (P + R)
// (so a BEFORE prediction on a gold VAGUE pair costs precision). Pairs whose event instance is
// not in TBAQ-cleaned (eiid 0) are skipped and counted.
//
// The figure checked against --floor-f1 is that of the shipped model
// (src/relations/resources/matres_pairs.model); the model trained here from TimeBank is scored
// too and must be the same. --write-model PATH writes that model (how the shipped one is built):
//   eval_matres DATA [--floor-f1 X] [--write-model PATH] [--cv K]
// DATA is ../shared/data; exits 77 (skipped) without it. --cv K also prints a K-fold
// cross-validated figure on TimeBank (folds by document).
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>

#include "chronograph/events/lexicon.hpp"
#include "chronograph/resources.hpp"
#include "pair_data.hpp"
#include "pair_model.hpp"
#include "../eval_main.hpp"

using namespace chronograph;

namespace {

const std::vector<std::string> matres_labels{"BEFORE", "AFTER", "EQUAL", "VAGUE"};
constexpr unsigned model_bits = 16;

double f1(double p, double r) { return p + r > 0 ? 2 * p * r / (p + r) : 0; }

struct matres_pair {
  std::string eiid1, eiid2;
  std::size_t label = 0;
};

/// docid -> pairs, in file order (docs sorted by id).
std::map<std::string, std::vector<matres_pair>> read_matres(const std::filesystem::path& file) {
  std::map<std::string, std::vector<matres_pair>> out;
  std::ifstream in(file);
  std::string line;
  while (std::getline(in, line)) {
    std::istringstream ls(line);
    std::string doc, v1, v2, i1, i2, rel;
    if (!(ls >> doc >> v1 >> v2 >> i1 >> i2 >> rel)) continue;
    const auto label = std::find(matres_labels.begin(), matres_labels.end(), rel) - matres_labels.begin();
    if (static_cast<std::size_t>(label) == matres_labels.size()) continue;
    out[doc].push_back({"ei" + i1, "ei" + i2, static_cast<std::size_t>(label)});
  }
  return out;
}

struct split_data {
  std::vector<relations::pair_example> examples;  ///< one per resolved gold pair, in order
  std::size_t skipped = 0;
};

split_data prepare(const std::filesystem::path& matres_file, const std::filesystem::path& tml_dir,
                   const text::analyzer& an, const events::extractor& ex) {
  split_data out;
  for (const auto& [docid, pairs] : read_matres(matres_file)) {
    const auto file = tml_dir / (docid + ".tml");
    if (!std::filesystem::exists(file)) {
      out.skipped += pairs.size();
      continue;
    }
    const auto d = test::prepare_gold_event_doc(file, an, ex);
    const relations::pair_context ctx(d.annotated, d.events, d.times);
    relations::feature_sink fs(model_bits);
    for (const auto& p : pairs) {
      const auto a = d.event_of_eiid.find(p.eiid1), b = d.event_of_eiid.find(p.eiid2);
      if (a == d.event_of_eiid.end() || b == d.event_of_eiid.end()) {
        ++out.skipped;
        continue;
      }
      fs.clear();
      relations::pair_features(ctx, a->second, b->second, fs);
      relations::pair_example e;
      e.features = fs.buckets();
      e.label = p.label;
      e.group = docid;
      out.examples.push_back(std::move(e));
    }
  }
  return out;
}

relations::pair_model train(const std::vector<relations::pair_example>& examples) {
  relations::pair_training_options o;
  o.epochs = 5;
  o.seed = 1;
  return relations::pair_model::train(examples, matres_labels, model_bits, o);
}

/// Counts for the MATRES score; VAGUE (label 3) predictions are no predictions.
struct score {
  std::size_t correct = 0, predicted = 0, gold = 0, n = 0;
  [[nodiscard]] double p() const { return predicted ? double(correct) / double(predicted) : 0; }
  [[nodiscard]] double r() const { return gold ? double(correct) / double(gold) : 0; }
  [[nodiscard]] double f() const { return f1(p(), r()); }
};

score evaluate(const relations::pair_model& m, const split_data& data, bool print_confusion) {
  const auto L = matres_labels.size();
  const auto vague = std::size_t{3};
  std::vector<std::vector<std::size_t>> confusion(L, std::vector<std::size_t>(L, 0));
  score s;
  for (std::size_t k = 0; k < data.examples.size(); ++k) {
    const auto& e = data.examples[k];
    const auto guess = m.predict(e.features).first;
    ++confusion[e.label][guess];
    ++s.n;
    s.predicted += guess != vague;
    s.gold += e.label != vague;
    s.correct += guess == e.label && guess != vague;
  }
  if (print_confusion) {
    std::printf("confusion (rows gold, columns predicted): BEFORE  AFTER  EQUAL  VAGUE\n");
    for (std::size_t g = 0; g < L; ++g) {
      std::printf("  %-6s                                 ", matres_labels[g].c_str());
      for (std::size_t l = 0; l < L; ++l) std::printf(" %6zu", confusion[g][l]);
      std::printf("\n");
    }
  }
  return s;
}

int run(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << "usage: eval_matres DATA [--floor-f1 X] [--write-model PATH] [--cv K]\n";
    return 2;
  }
  const std::filesystem::path data = argv[1];
  double floor = 0;
  std::string write_model;
  unsigned folds = 0;
  for (int k = 2; k + 1 < argc; k += 2) {
    const std::string opt = argv[k];
    if (opt == "--floor-f1") floor = std::stod(argv[k + 1]);
    else if (opt == "--write-model") write_model = argv[k + 1];
    else if (opt == "--cv") folds = static_cast<unsigned>(std::stoul(argv[k + 1]));
  }
  const auto matres = data / "relations" / "matres";
  const auto tbaq = data / "tempeval3" / "TBAQ-cleaned";
  if (!std::filesystem::is_directory(matres) || !std::filesystem::is_directory(tbaq)) {
    std::cout << "SKIPPED: " << matres << " or " << tbaq << " not found (development data, see ../shared/data)\n";
    return 77;
  }
  const auto an = text::analyzer::load_default();
  const auto ex = events::extractor::load_default();
  const auto train_data = prepare(matres / "timebank.txt", tbaq / "TimeBank", *an, *ex);
  const auto test_data = prepare(matres / "aquaint.txt", tbaq / "AQUAINT", *an, *ex);
  std::printf("TimeBank pairs %zu (skipped %zu), AQUAINT pairs %zu (skipped %zu)\n", train_data.examples.size(),
              train_data.skipped, test_data.examples.size(), test_data.skipped);
  if (folds > 1) {
    // Folds by document: the k-th distinct document (in id order) goes to fold k % folds.
    std::map<std::string, std::size_t> fold_of;
    for (const auto& e : train_data.examples)
      if (!fold_of.count(e.group)) fold_of.emplace(e.group, fold_of.size() % folds);
    score pooled;
    const std::vector<double> thresholds{0, 2, 4, 8, 16, 32};
    std::vector<std::pair<std::size_t, std::size_t>> above(thresholds.size());  // (predicted, correct)
    for (unsigned f = 0; f < folds; ++f) {
      std::vector<relations::pair_example> tr;
      split_data held;
      for (std::size_t k = 0; k < train_data.examples.size(); ++k) {
        if (fold_of[train_data.examples[k].group] == f) {
          held.examples.push_back(train_data.examples[k]);
        } else {
          tr.push_back(train_data.examples[k]);
        }
      }
      const auto m = train(tr);
      const auto s = evaluate(m, held, false);
      pooled.correct += s.correct, pooled.predicted += s.predicted, pooled.gold += s.gold, pooled.n += s.n;
      for (std::size_t k = 0; k < held.examples.size(); ++k) {
        const auto [guess, margin] = m.predict(held.examples[k].features);
        if (guess == 3) continue;
        for (std::size_t t = 0; t < thresholds.size(); ++t)
          if (margin >= thresholds[t]) ++above[t].first, above[t].second += guess == held.examples[k].label;
      }
    }
    std::printf("TimeBank %u-fold cross-validation: P %.3f R %.3f F1 %.3f\n", folds, pooled.p(), pooled.r(), pooled.f());
    // How sure the model must be for the linker's order links (pair_models::order_margin).
    for (std::size_t t = 0; t < thresholds.size(); ++t)
      std::printf("  margin >= %.0f: %zu non-VAGUE predictions (%.0f%%), precision %.3f\n", thresholds[t],
                  above[t].first, 100.0 * double(above[t].first) / double(pooled.n),
                  above[t].first ? double(above[t].second) / double(above[t].first) : 0.0);
  }
  const auto trained = train(train_data.examples);
  const auto fresh = evaluate(trained, test_data, false);
  std::printf("trained here on TimeBank, AQUAINT: P %.3f R %.3f F1 %.3f\n", fresh.p(), fresh.r(), fresh.f());
  if (!write_model.empty()) {
    trained.save(write_model,
                 {"MATRES start-point relations between two events: BEFORE, AFTER, EQUAL, VAGUE (features: pair_features).",
                  "Trained on the MATRES TimeBank pairs (Ning, Wu & Roth 2018, github qiangning/MATRES, no license stated)",
                  "over TempEval-3 TBAQ-cleaned TimeBank texts (UzZaman et al. 2013, research use), gold events given.",
                  "Averaged perceptron, 5 epochs, seed 1, 2^" + std::to_string(model_bits) + " hashed features (model format 2); deterministic. Rebuild with:",
                  "  build/tests/relations/eval_matres ../shared/data --write-model src/relations/resources/matres_pairs.model"});
    std::printf("wrote %s\n", write_model.c_str());
  }
  const auto shipped_path = resource_root() / "relations" / "resources" / "matres_pairs.model";
  if (!std::filesystem::exists(shipped_path)) {
    std::printf("FAIL: no shipped model at %s\n", shipped_path.string().c_str());
    return 1;
  }
  const auto shipped = relations::pair_model::load(shipped_path);
  const auto s = evaluate(shipped, test_data, true);
  std::printf("shipped model, AQUAINT (%zu pairs): P %.3f R %.3f F1 %.3f\n", s.n, s.p(), s.r(), s.f());
  if (s.correct != fresh.correct || s.predicted != fresh.predicted)
    std::printf("WARNING: the shipped model differs from the one trained here (rebuild it, see its header)\n");
  if (s.f() < floor) {
    std::printf("FAIL: F1 %.3f below floor %.3f\n", s.f(), floor);
    return 1;
  }
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  return chronograph::test::guarded_main("eval_matres", [&] { return run(argc, argv); });
}
