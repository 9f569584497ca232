// SPDX-License-Identifier: MIT
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "chronograph/error.hpp"
#include "chronograph/text/analyzer.hpp"
#include "chronograph/text/tagger.hpp"

using namespace chronograph;
using namespace chronograph::text;

namespace {

// A tiny treebank in CoNLL-U (written for this test).
const char* tiny_treebank =
    "# text = The talks ended.\n"
    "1\tThe\tthe\tDET\tDT\t_\t2\tdet\t_\t_\n"
    "2\ttalks\ttalk\tNOUN\tNNS\t_\t3\tnsubj\t_\t_\n"
    "3\tended\tend\tVERB\tVBD\t_\t0\troot\t_\tSpaceAfter=No\n"
    "4\t.\t.\tPUNCT\t.\t_\t3\tpunct\t_\t_\n"
    "\n"
    "# text = Trump will call Xi.\n"
    "1\tTrump\tTrump\tPROPN\tNNP\t_\t3\tnsubj\t_\t_\n"
    "2\twill\twill\tAUX\tMD\t_\t3\taux\t_\t_\n"
    "3\tcall\tcall\tVERB\tVB\t_\t0\troot\t_\t_\n"
    "4\tXi\tXi\tPROPN\tNNP\t_\t3\tobj\t_\tSpaceAfter=No\n"
    "5\t.\t.\tPUNCT\t.\t_\t3\tpunct\t_\t_\n"
    "\n"
    "# text = The call ended.\n"
    "1\tThe\tthe\tDET\tDT\t_\t2\tdet\t_\t_\n"
    "2\tcall\tcall\tNOUN\tNN\t_\t3\tnsubj\t_\t_\n"
    "3\tended\tend\tVERB\tVBD\t_\t0\troot\t_\tSpaceAfter=No\n"
    "4\t.\t.\tPUNCT\t.\t_\t3\tpunct\t_\t_\n"
    "\n";

std::string slurp(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

}  // namespace

TEST_CASE("a tagger trained on a tiny treebank learns it and saves deterministically", "[text][tagger]") {
  const auto gold = parse_conllu(tiny_treebank, "tiny");
  REQUIRE(gold.size() == 3);
  tagger_training_options options;
  options.epochs = 5;
  options.tagdict_min_count = 1000;  // no dictionary: the weights must do the work
  const auto tagger = pos_tagger::train(gold, options);
  for (const auto& s : gold) {
    std::vector<std::string> forms;
    for (const auto& w : s.words) forms.push_back(w.form);
    const auto tags = tagger.tag_words(forms);
    for (std::size_t i = 0; i < forms.size(); ++i) {
      CHECK(to_string(tags[i].first) == s.words[i].upos);
      CHECK(tags[i].second == s.words[i].xpos);
    }
  }
  const auto dir = std::filesystem::temp_directory_path();
  const auto a = dir / "chronograph_tagger_test_a.model";
  const auto b = dir / "chronograph_tagger_test_b.model";
  tagger.save(a, {"test model"});
  pos_tagger::train(gold, options).save(b, {"test model"});
  CHECK(slurp(a) == slurp(b));
  const auto loaded = pos_tagger::load(a);
  CHECK(loaded.class_count() == tagger.class_count());
  CHECK(loaded.tag_words({"The", "call", "ended", "."}) == tagger.tag_words({"The", "call", "ended", "."}));
  std::filesystem::remove(a);
  std::filesystem::remove(b);
}

TEST_CASE("a tagger trained on a slice of UD English EWT tags held-out text", "[text][tagger]") {
  const std::filesystem::path dir = std::filesystem::path(CHRONOGRAPH_SHARED_DATA) / "ud-english-ewt";
  if (!std::filesystem::exists(dir)) {
    WARN("UD English EWT not found under " << dir << "; slice training not exercised");
    return;
  }
  auto train = read_conllu(find_ud_file(dir, "train"));
  train.resize(1500);
  auto test = read_conllu(find_ud_file(dir, "dev"));
  test.resize(300);
  tagger_training_options options;
  options.epochs = 3;
  const auto tagger = pos_tagger::train(train, options);
  std::size_t total = 0, correct = 0;
  for (const auto& s : test) {
    std::vector<std::string> forms;
    for (const auto& w : s.words) forms.push_back(w.form);
    const auto tags = tagger.tag_words(forms);
    for (std::size_t i = 0; i < forms.size(); ++i, ++total) correct += to_string(tags[i].first) == s.words[i].upos;
  }
  CHECK(double(correct) / double(total) > 0.80);
}

TEST_CASE("a missing or corrupt tagger model is a resource error", "[text][tagger]") {
  CHECK_THROWS_AS(pos_tagger::load("/nonexistent/model"), resource_error);
  const auto bad = std::filesystem::temp_directory_path() / "chronograph_bad_tagger.model";
  {
    std::ofstream out(bad);
    out << "# header\nchronograph-pos-tagger 1\n\x05";
  }
  CHECK_THROWS_AS(pos_tagger::load(bad), resource_error);
  std::filesystem::remove(bad);
}

TEST_CASE("the shipped tagger separates verbs from nouns and modals from months", "[text][tagger]") {
  const auto a = analyzer::load_default();
  document doc;
  doc.text = "Trump will call Xi on Thursday. The call lasted 90 minutes. Talks may resume in May.";
  const auto out = a->analyze(doc);
  auto find = [&](std::string_view form, std::size_t nth = 0) -> const token& {
    for (const auto& t : out.tokens)
      if (t.form == form && nth-- == 0) return t;
    FAIL("no token " << form);
    return out.tokens.front();
  };
  CHECK(find("call", 0).tag == upos::verb);
  CHECK(find("call", 1).tag == upos::noun);
  CHECK(find("will").xpos == "MD");
  CHECK(find("may").tag == upos::aux);
  CHECK(find("May").tag == upos::propn);
  CHECK(find("90").tag == upos::num);
  CHECK(find("Xi").xpos == "NNP");
}
