// SPDX-License-Identifier: MIT
#include <catch2/catch.hpp>

#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "chronograph/error.hpp"
#include "chronograph/text/analyzer.hpp"
#include "chronograph/text/conllu.hpp"
#include "chronograph/text/parser.hpp"

using namespace chronograph;
using namespace chronograph::text;

namespace {

// A tiny treebank in CoNLL-U (written for this test).
const char* tiny_treebank =
    "# text = Beijing hiked tariffs.\n"
    "1\tBeijing\tBeijing\tPROPN\tNNP\t_\t2\tnsubj\t_\t_\n"
    "2\thiked\thike\tVERB\tVBD\t_\t0\troot\t_\t_\n"
    "3\ttariffs\ttariff\tNOUN\tNNS\t_\t2\tobj\t_\tSpaceAfter=No\n"
    "4\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_\n"
    "\n"
    "# text = Trump called Xi on Thursday.\n"
    "1\tTrump\tTrump\tPROPN\tNNP\t_\t2\tnsubj\t_\t_\n"
    "2\tcalled\tcall\tVERB\tVBD\t_\t0\troot\t_\t_\n"
    "3\tXi\tXi\tPROPN\tNNP\t_\t2\tobj\t_\t_\n"
    "4\ton\ton\tADP\tIN\t_\t5\tcase\t_\t_\n"
    "5\tThursday\tThursday\tPROPN\tNNP\t_\t2\tobl:tmod\t_\tSpaceAfter=No\n"
    "6\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_\n"
    "\n";

std::string slurp(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

std::vector<token> tokens_of(const conllu_sentence& s) {
  std::vector<token> out(s.words.size());
  for (std::size_t i = 0; i < s.words.size(); ++i) {
    out[i].form = s.words[i].form;
    out[i].xpos = s.words[i].xpos;
  }
  return out;
}

// Every token reaches the root without cycles and exactly one token is the root.
bool is_tree(const std::vector<token>& tokens, std::size_t first, std::size_t end) {
  std::size_t roots = 0;
  for (std::size_t k = first; k < end; ++k) {
    if (tokens[k].head < 0) ++roots;
    std::size_t steps = 0;
    int at = static_cast<int>(k - first);
    while (at >= 0 && steps++ <= end - first) at = tokens[first + static_cast<std::size_t>(at)].head;
    if (at >= 0) return false;
  }
  return roots == 1;
}

}  // namespace

TEST_CASE("a parser trained on a tiny treebank reproduces it, deterministically", "[text][parser]") {
  const auto gold = parse_conllu(tiny_treebank, "tiny");
  parser_training_options options;
  options.epochs = 10;
  options.jackknife_folds = 0;  // gold tags
  options.prune_below = options.label_prune_below = 0.0f;  // averaged weights of two sentences are small
  const auto parser = dependency_parser::train(gold, options);
  for (const auto& s : gold) {
    auto tokens = tokens_of(s);
    parser.parse(tokens, 0, tokens.size());
    REQUIRE(is_tree(tokens, 0, tokens.size()));
    for (std::size_t i = 0; i < tokens.size(); ++i) {
      CHECK(tokens[i].head == s.words[i].head);
      CHECK(tokens[i].deprel == s.words[i].deprel);
    }
  }
  const auto dir = std::filesystem::temp_directory_path();
  const auto a = dir / "chronograph_parser_test_a.model";
  const auto b = dir / "chronograph_parser_test_b.model";
  parser.save(a, {"test"});
  dependency_parser::train(gold, options).save(b, {"test"});
  CHECK(slurp(a) == slurp(b));
  const auto loaded = dependency_parser::load(a);
  CHECK(loaded.label_count() == parser.label_count());
  std::filesystem::remove(a);
  std::filesystem::remove(b);
  CHECK_THROWS_AS(dependency_parser::load("/nonexistent/parser.model"), resource_error);
}

TEST_CASE("a parser model whose weight table points outside its arrays is refused", "[text][parser]") {
  parser_training_options options;
  options.jackknife_folds = 0;
  options.prune_below = options.label_prune_below = 0.0f;
  const auto dir = std::filesystem::temp_directory_path();
  const auto good = dir / "chronograph_parser_table_good.model";
  const auto bad = dir / "chronograph_parser_table_bad.model";
  dependency_parser::train(parse_conllu(tiny_treebank, "tiny"), options).save(good, {"test"});
  const std::string data = slurp(good);
  // Format 3: header, magic line, labels (u32 count, then u32 length + bytes each), root label
  // (u32); the transition table (u64 bucket count, u64 features, u64 dropped, f64 scale, then
  // 64-byte buckets); the label table (six u64 counts, bucket count first, then 64-byte buckets
  // of eight u16 tags and eight 6-byte entries: u8 class, u8 class, i16 weight, i16 weight).
  std::size_t pos = data.find("chronograph-dep-parser 3\n");
  REQUIRE(pos != std::string::npos);
  pos += std::string("chronograph-dep-parser 3\n").size();
  const auto u32 = [&](std::size_t at) {
    std::uint32_t v;
    std::memcpy(&v, data.data() + at, sizeof v);
    return v;
  };
  const auto u64 = [&](std::size_t at) {
    std::uint64_t v;
    std::memcpy(&v, data.data() + at, sizeof v);
    return v;
  };
  const std::uint32_t labels = u32(pos);
  pos += 4;
  for (std::uint32_t l = 0; l < labels; ++l) pos += 4 + u32(pos);
  pos += 4;
  pos += 32 + u64(pos) * 64;  // the transition table
  const std::uint64_t buckets = u64(pos);
  pos += 6 * 8;
  REQUIRE(data.size() >= pos + buckets * 64);
  // The first used entry of the label table.
  std::size_t entry = 0;
  for (std::uint64_t b = 0; b < buckets && entry == 0; ++b)
    for (std::size_t e = 0; e < 8 && entry == 0; ++e) {
      std::uint16_t tag;
      std::memcpy(&tag, data.data() + pos + b * 64 + e * 2, sizeof tag);
      if (tag != 0) entry = pos + b * 64 + 16 + e * 6;
    }
  REQUIRE(entry != 0);
  auto corrupted = data;
  SECTION("a list of weights far past the end") {
    const unsigned char far[6] = {5, 0xFF, 0xFF, 0xFF, 0xFF, 0x00};  // five weights at index 0x00FFFFFF
    std::memcpy(corrupted.data() + entry, far, sizeof far);
  }
  SECTION("a class id past the labels") {
    corrupted[entry] = static_cast<char>(200);
  }
  {
    std::ofstream out(bad, std::ios::binary);
    out << corrupted;
  }
  CHECK_NOTHROW(dependency_parser::load(good));
  CHECK_THROWS_AS(dependency_parser::load(bad), resource_error);
  std::filesystem::remove(good);
  std::filesystem::remove(bad);
}

TEST_CASE("the shipped parser finds subjects, objects and temporal modifiers", "[text][parser]") {
  const auto a = analyzer::load_default();
  document doc;
  doc.id = "d";
  doc.text = "Beijing hiked tariffs on U.S. goods in April. Trump called Xi on Thursday.";
  const auto out = a->analyze(doc);
  REQUIRE(out.sentences.size() == 2);
  for (const auto& s : out.sentences) CHECK(is_tree(out.tokens, s.first_token, s.end_token));
  auto at = [&](std::size_t sentence, std::string_view form) -> const token& {
    const auto& s = out.sentences[sentence];
    for (std::size_t k = s.first_token; k < s.end_token; ++k)
      if (out.tokens[k].form == form) return out.tokens[k];
    FAIL("no token " << form);
    return out.tokens.front();
  };
  auto head_form = [&](std::size_t sentence, const token& t) -> std::string {
    if (t.head < 0) return "ROOT";
    return out.tokens[out.sentences[sentence].first_token + static_cast<std::size_t>(t.head)].form;
  };
  CHECK(at(0, "hiked").deprel == "root");
  CHECK(at(0, "Beijing").deprel == "nsubj");
  CHECK(head_form(0, at(0, "Beijing")) == "hiked");
  CHECK(at(0, "tariffs").deprel == "obj");
  CHECK(head_form(0, at(0, "April")) == "hiked");
  CHECK(at(1, "Trump").deprel == "nsubj");
  CHECK(head_form(1, at(1, "Xi")) == "called");
  CHECK(head_form(1, at(1, "Thursday")) == "called");
  // News dates the events: a date is an oblique of the verb, not a modifier of a noun.
  CHECK(at(0, "April").deprel == "obl");
  CHECK(at(1, "Thursday").deprel == "obl");
}

TEST_CASE("a date the parser takes as an object becomes an oblique of its verb", "[text][parser]") {
  const auto a = analyzer::load_default();
  document doc;
  doc.id = "d";
  doc.text = "The minister said Thursday that talks would resume.";
  const auto out = a->analyze(doc);
  for (const auto& t : out.tokens)
    if (t.form == "Thursday") {
      CHECK(out.tokens[static_cast<std::size_t>(t.head)].form == "said");
      CHECK(t.deprel == "obl:unmarked");
    }
}

TEST_CASE("punctuation marks take no dependents", "[text][parser]") {
  // UD: 5 of the 23,596 punctuation marks of EWT's training data have a dependent.
  const auto a = analyzer::load_default();
  document doc;
  doc.id = "d";
  doc.text = "Bush said he saw little reason to be optimistic about a settlement of the dispute, which stems "
             "from Iraq's invasion of Kuwait. \"We will see,\" he said (after the talks) - and left.";
  const auto out = a->analyze(doc);
  for (const auto& s : out.sentences) {
    CHECK(is_tree(out.tokens, s.first_token, s.end_token));
    for (std::size_t k = s.first_token; k < s.end_token; ++k) {
      const auto& t = out.tokens[k];
      if (t.head < 0) continue;
      INFO(t.form << " <- " << out.tokens[s.first_token + static_cast<std::size_t>(t.head)].form);
      CHECK(out.tokens[s.first_token + static_cast<std::size_t>(t.head)].tag != upos::punct);
    }
  }
}

TEST_CASE("CoNLL-U output lists every token with tags, lemmas and heads", "[text][conllu]") {
  const auto a = analyzer::load_default();
  document doc;
  doc.id = "sample";
  doc.text = "Trump didn't call.\nBeijing retaliated.";
  const auto out = a->analyze(doc);
  const auto text = to_conllu(out);
  CHECK(text.find("# sent_id = sample-1\n# text = Trump didn't call.\n") == 0);
  CHECK(text.find("2\tdid\tdo\tAUX\tVBD\t_\t") != std::string::npos);
  CHECK(text.find("\tn't\tnot\tPART\tRB\t_\t") != std::string::npos);
  CHECK(text.find("retaliated\tretaliate\tVERB\tVBD\t_\t0\troot") != std::string::npos);
  // It reads back as the same number of sentences and words.
  const auto back = parse_conllu(text, "output");
  REQUIRE(back.size() == 2);
  CHECK(back[0].words.size() + back[1].words.size() == out.tokens.size());
  CHECK(back[0].words[1].space_after == false);
}
