// SPDX-License-Identifier: MIT
// The read-only weight tables of the tagger and the parser: quantization, lookups, overflow,
// the model-file round trip and the checks on reading.
#include <catch2/catch.hpp>

#include <cmath>
#include <cstring>
#include <map>

#include "chronograph/error.hpp"
#include "features.hpp"
#include "perceptron.hpp"

using namespace chronograph;
using namespace chronograph::text::detail;

namespace {

using entries = std::vector<std::pair<std::uint64_t, std::vector<class_weight>>>;

// `n` features with random keys and 1..max_weights random weights each, sorted by key.
entries random_entries(std::size_t n, std::size_t classes, std::size_t max_weights, std::uint64_t seed) {
  split_mix rng(seed);
  std::map<std::uint64_t, std::vector<class_weight>> by_key;
  while (by_key.size() < n) {
    std::vector<class_weight> ws;
    const std::size_t count = 1 + rng.below(max_weights);
    for (std::size_t c = 0; c < classes && ws.size() < count; ++c)
      if (rng.below(classes) < count) ws.push_back({static_cast<std::uint16_t>(c), static_cast<float>(rng.below(2001)) / 100.0f - 10.0f});
    if (!ws.empty()) by_key.emplace(rng.next(), std::move(ws));
  }
  return {by_key.begin(), by_key.end()};
}

// What a table must give for `keys`: the quantized weights of each key found in `table_input`.
std::vector<std::int32_t> reference_sum(const entries& table_input, const std::vector<std::uint64_t>& keys,
                                        std::size_t classes, double scale) {
  std::vector<std::int32_t> sum(classes, 0);
  for (const auto key : keys)
    for (const auto& [k, ws] : table_input)
      if (k == key)
        for (const auto& w : ws) sum[w.cls] += static_cast<std::int32_t>(std::lround(static_cast<double>(w.weight) * scale));
  return sum;
}

template <typename Table>
std::string serialized(const Table& table) {
  std::string bytes;
  binary_writer out(bytes);
  table.write(out);
  return bytes;
}

}  // namespace

TEST_CASE("a line table stores each feature's three weights in fixed point", "[text][perceptron]") {
  const auto input = random_entries(5000, 3, 3, 7);
  line_table<3> table;
  table.build(input);
  REQUIRE(table.dropped_count() * 10 < input.size());  // about 6% at the default load
  std::size_t kept = 0, collided = 0;
  for (const auto& [key, ws] : input) {
    const auto got = table.weights_of(key);
    if (got == std::array<std::int16_t, 3>{}) continue;  // left out: its bucket was full
    std::array<std::int16_t, 3> want{};
    for (const auto& w : ws) want[w.cls] = static_cast<std::int16_t>(std::lround(static_cast<double>(w.weight) * table.scale()));
    // Otherwise a feature left out whose 16-bit tag is that of a stronger one in its bucket.
    ++(got == want ? kept : collided);
  }
  CHECK(kept == table.feature_count());
  CHECK(collided <= 3);
  CHECK(kept + table.dropped_count() >= input.size() - 10);  // the rest: all weights round to 0
  // The largest weight (10) maps to the top of the 16-bit range.
  CHECK(table.scale() == Approx(32767.0 / 10.0).epsilon(0.01));

  SECTION("keys unseen in training match a 16-bit tag only rarely") {
    split_mix rng(99);
    std::size_t matched = 0;
    for (int i = 0; i < 10000; ++i) matched += table.weights_of(rng.next()) != std::array<std::int16_t, 3>{};
    CHECK(matched <= 10);  // about 8 / 65536 per lookup
  }
  SECTION("add_all and sum_groups add exactly what was stored") {
    std::vector<std::uint64_t> keys;
    for (std::size_t i = 0; i < input.size(); i += 37) keys.push_back(input[i].first);
    keys.push_back(0x1234567890ABCDEFull);  // most likely absent
    std::int32_t scores[3] = {0, 0, 0};
    table.add_all(keys.data(), keys.size(), scores);
    std::array<std::int32_t, 3> expected{};
    for (const auto key : keys) {
      const auto w = table.weights_of(key);
      for (std::size_t c = 0; c < 3; ++c) expected[c] += w[c];
    }
    CHECK(std::vector<std::int32_t>(scores, scores + 3) == std::vector<std::int32_t>(expected.begin(), expected.end()));
    // The same keys in groups of five: each group's sum equals add_all over it.
    keys.resize(keys.size() / 5 * 5);
    std::vector<std::array<std::int32_t, 3>> groups(keys.size() / 5);
    table.sum_groups(keys.data(), groups.size(), 5, groups.data());
    for (std::size_t g = 0; g < groups.size(); ++g) {
      std::int32_t one[3] = {0, 0, 0};
      table.add_all(&keys[g * 5], 5, one);
      CHECK(groups[g] == std::array<std::int32_t, 3>{one[0], one[1], one[2]});
    }
  }
}

TEST_CASE("a full line-table bucket keeps its strongest features", "[text][perceptron]") {
  // Twelve features and one bucket of eight: the four weakest are left out.
  entries input;
  for (std::uint64_t k = 1; k <= 12; ++k) input.push_back({k << 40 | k, {{0, static_cast<float>(k)}}});
  line_table<3> table;
  table.build(input, 1.5);
  CHECK(table.feature_count() == 8);
  CHECK(table.dropped_count() == 4);
  for (std::uint64_t k = 1; k <= 12; ++k) CHECK((table.weights_of(k << 40 | k)[0] != 0) == (k > 4));
}

TEST_CASE("a line table reads back what it wrote, and refuses a truncated table", "[text][perceptron]") {
  line_table<3> table;
  table.build(random_entries(300, 3, 3, 11));
  const auto bytes = serialized(table);
  line_table<3> back;
  binary_reader in(bytes, "test");
  back.read(in);
  CHECK(in.at_end());
  CHECK(serialized(back) == bytes);
  CHECK(back.feature_count() == table.feature_count());
  binary_reader truncated(std::string_view(bytes).substr(0, bytes.size() - 1), "test");
  CHECK_THROWS_AS(back.read(truncated), resource_error);
}

TEST_CASE("a weight table adds inline weights, weight lists and dense rows exactly", "[text][perceptron]") {
  constexpr std::size_t classes = 51;
  // One and two weights (inline), up to twelve (a list elsewhere) and dense rows (a quarter or more).
  auto input = random_entries(4000, classes, 12, 3);
  auto dense = random_entries(40, classes, classes, 5);
  input.insert(input.end(), dense.begin(), dense.end());
  std::sort(input.begin(), input.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  weight_table table;
  table.build(input, classes);
  // Without the features left out, each key adds its quantized weights.
  const double scale = quantization_scale(input);
  std::size_t checked = 0;
  for (std::size_t i = 0; i < input.size(); i += 7) {
    std::vector<std::int32_t> scores(table.score_size(), 0);
    table.add_all(&input[i].first, 1, scores.data());
    scores.resize(classes);
    const bool left_out = std::all_of(scores.begin(), scores.end(), [](std::int32_t v) { return v == 0; });
    if (left_out) continue;
    CHECK(scores == reference_sum(input, {input[i].first}, classes, scale));
    ++checked;
  }
  CHECK(checked * 7 > input.size() * 9 / 10);
  CHECK(table.dropped_count() * 20 < input.size());
  // Many keys at once (more than one batch) add up to the sum of each.
  std::vector<std::uint64_t> keys;
  for (std::size_t i = 0; i < input.size(); i += 11) keys.push_back(input[i].first);
  std::vector<std::int32_t> together(table.score_size(), 0), one_by_one(table.score_size(), 0);
  table.add_all(keys.data(), keys.size(), together.data());
  for (const auto key : keys) table.add_all(&key, 1, one_by_one.data());
  CHECK(together == one_by_one);

  SECTION("it reads back what it wrote") {
    const auto bytes = serialized(table);
    weight_table back;
    binary_reader in(bytes, "test");
    back.read(in, classes);
    CHECK(in.at_end());
    CHECK(serialized(back) == bytes);
    std::vector<std::int32_t> again(back.score_size(), 0);
    back.add_all(keys.data(), keys.size(), again.data());
    CHECK(again == together);
  }
  SECTION("it refuses a class count that does not fit its entries") {
    const auto bytes = serialized(table);
    weight_table back;
    binary_reader in(bytes, "test");
    CHECK_THROWS_AS(back.read(in, 10), resource_error);
  }
  SECTION("it refuses more classes than an entry can name") {
    CHECK_THROWS_AS(table.build(input, 300), input_error);
  }
}

TEST_CASE("averaging models averages each weight and prunes the small ones", "[text][perceptron]") {
  const entries a = {{1, {{0, 2.0f}, {2, -1.0f}}}, {5, {{1, 0.4f}}}};
  const entries b = {{1, {{0, 4.0f}}}, {3, {{2, 3.0f}}}};
  const auto avg = average_models({a, b}, 0.5f);
  REQUIRE(avg.size() == 2);  // key 5 averages to 0.2: pruned
  CHECK(avg[0].first == 1);
  REQUIRE(avg[0].second.size() == 2);
  CHECK(avg[0].second[0].cls == 0);
  CHECK(avg[0].second[0].weight == Approx(3.0));
  CHECK(avg[0].second[1].cls == 2);
  CHECK(avg[0].second[1].weight == Approx(-0.5));
  CHECK(avg[1].first == 3);
  CHECK(avg[1].second[0].weight == Approx(1.5));
}

TEST_CASE("feature keys of different templates or values differ", "[text][features]") {
  std::map<std::uint64_t, int> seen;
  int n = 0;
  for (std::uint64_t t = 0; t < 200; ++t)
    for (std::uint64_t a = 0; a < 50; ++a)
      for (std::uint64_t b = 0; b < 5; ++b, ++n) seen.emplace(combine_key(template_seed(t), a, b), n);
  CHECK(seen.size() == static_cast<std::size_t>(n));
  // Small values still spread over the home buckets (the key's low half) and the tags.
  std::map<std::uint32_t, int> low;
  for (std::uint64_t a = 0; a < 1000; ++a) ++low[static_cast<std::uint32_t>(combine_key(template_seed(1), a)) >> 24];
  CHECK(low.size() > 200);  // of 256 top-byte values
}
