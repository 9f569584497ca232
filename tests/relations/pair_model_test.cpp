// SPDX-License-Identifier: MIT
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

#include "chronograph/error.hpp"
#include "pair_model.hpp"
#include "test_document.hpp"

using namespace chronograph;
using relations::pair_example;
using relations::pair_model;

namespace {

/// Two labels decided by one feature each, plus a shared noise feature.
std::vector<pair_example> toy_examples(unsigned bits) {
  std::vector<pair_example> out;
  for (int k = 0; k < 40; ++k) {
    pair_example e;
    e.label = static_cast<std::size_t>(k % 2);
    e.features = {relations::feature_bucket(k % 2 ? "signal=after" : "signal=before", bits),
                  relations::feature_bucket("bias", bits)};
    e.group = "d" + std::to_string(k % 4);
    out.push_back(e);
  }
  return out;
}

/// Buckets of single-name features, as a toy model sees them.
std::vector<std::uint32_t> buckets(std::initializer_list<const char*> names, unsigned bits) {
  std::vector<std::uint32_t> out;
  for (const char* n : names) out.push_back(relations::feature_bucket(n, bits));
  return out;
}

std::filesystem::path temp_file(const std::string& name) {
  return std::filesystem::temp_directory_path() / ("chronograph_pair_model_test_" + name);
}

}  // namespace

TEST_CASE("the averaged perceptron learns a separable toy problem, deterministically", "[relations][pair_model]") {
  const unsigned bits = 12;
  const auto examples = toy_examples(bits);
  relations::pair_training_options o;
  o.epochs = 5;
  const auto m = pair_model::train(examples, {"BEFORE", "AFTER"}, bits, o);
  CHECK(m.labels()[m.predict(buckets({"signal=before", "bias"}, bits)).first] == "BEFORE");
  CHECK(m.labels()[m.predict(buckets({"signal=after", "bias"}, bits)).first] == "AFTER");
  CHECK(m.predict(buckets({"signal=after", "bias"}, bits)).second > 0);
  const auto again = pair_model::train(examples, {"BEFORE", "AFTER"}, bits, o);
  CHECK(again.scores(buckets({"signal=after"}, bits)) == m.scores(buckets({"signal=after"}, bits)));
}

TEST_CASE("a saved pair model reads back with the same scores", "[relations][pair_model]") {
  const unsigned bits = 12;
  relations::pair_training_options o;
  const auto m = pair_model::train(toy_examples(bits), {"BEFORE", "AFTER"}, bits, o);
  const auto path = temp_file("roundtrip.model");
  m.save(path, {"toy model", "rebuilt by the test"});
  const auto back = pair_model::load(path);
  CHECK(back.labels() == m.labels());
  CHECK(back.bits() == bits);
  for (const char* f : {"signal=before", "signal=after", "bias", "unseen"})
    CHECK(back.scores(buckets({f}, bits)) == m.scores(buckets({f}, bits)));
  std::ifstream in(path);
  std::string first;
  std::getline(in, first);
  CHECK(first == "# toy model");
  std::filesystem::remove(path);
}

TEST_CASE("a bad pair model file is a resource error naming the line", "[relations][pair_model]") {
  const auto path = temp_file("bad.model");
  {
    std::ofstream out(path);
    out << "# header\nchronograph-pair-model 2\nbits 12\nlabels A B\n17 0.5\n";
  }
  CHECK_THROWS_AS(pair_model::load(path), resource_error);
  try {
    (void)pair_model::load(path);
  } catch (const resource_error& e) {
    CHECK(std::string(e.what()).find(":5:") != std::string::npos);
  }
  {
    std::ofstream out(path);
    out << "not a model\n";
  }
  CHECK_THROWS_AS(pair_model::load(path), resource_error);
  std::filesystem::remove(path);
}

TEST_CASE("pair features name both events, their order and the words between", "[relations][pair_model]") {
  const auto doc = testing::make_document("Prices rose after the talks collapsed.");
  std::vector<events::event_mention> evs(2);
  evs[0].id = "e1", evs[0].lemma = "rise", evs[0].span = {7, 11}, evs[0].tns = events::tense::past;
  evs[1].id = "e2", evs[1].lemma = "collapse", evs[1].span = {27, 36}, evs[1].tns = events::tense::past;
  const relations::pair_context ctx(doc, evs);
  REQUIRE(ctx.token_of[0] < doc.tokens.size());
  relations::feature_sink sink(18, true);
  relations::pair_features(ctx, 0, 1, sink);
  const auto& f = sink.names();
  REQUIRE(f.size() == sink.buckets().size());
  const auto has = [&](const std::string& x) { return std::find(f.begin(), f.end(), x) != f.end(); };
  CHECK(has("l1=rise"));
  CHECK(has("l2=collapse"));
  CHECK(has("order=ab"));
  CHECK(has("sd=same"));
  CHECK(has("bl=after"));
  relations::feature_sink reverse(18, true);
  relations::pair_features(ctx, 1, 0, reverse);
  const auto& r = reverse.names();
  CHECK(std::find(r.begin(), r.end(), "order=ba") != r.end());
  // The same feature names hash to the same buckets with or without names kept.
  relations::feature_sink fast(18);
  relations::pair_features(ctx, 0, 1, fast);
  CHECK(fast.buckets() == sink.buckets());
  CHECK(fast.names().empty());
}
