// SPDX-License-Identifier: MIT
#include "perceptron.hpp"

#include <algorithm>
#include <cmath>
#include <cstring>

#include "chronograph/error.hpp"

namespace chronograph::text::detail {

void binary_writer::put_string(std::string_view s) {
  put<std::uint32_t>(static_cast<std::uint32_t>(s.size()));
  out_.append(s.data(), s.size());
}

void binary_reader::need(std::size_t n) const {
  if (data_.size() - pos_ < n) fail("truncated model data");
}

void binary_reader::fail(const std::string& message) const {
  throw resource_error(name_ + ": " + message + " (at byte " + std::to_string(pos_) + ")");
}

std::string binary_reader::get_string() {
  const auto n = get<std::uint32_t>();
  need(n);
  std::string s(data_.substr(pos_, n));
  pos_ += n;
  return s;
}

void weight_table::build(const std::vector<std::pair<std::uint64_t, std::vector<class_weight>>>& entries) {
  std::size_t capacity = 16;
  while (capacity < entries.size() * 2) capacity *= 2;
  slots_.assign(capacity, slot{});
  mask_ = capacity - 1;
  weights_.clear();
  features_ = entries.size();
  for (const auto& [key, ws] : entries) {
    std::size_t s = static_cast<std::size_t>(key) & mask_;
    while (slots_[s].key != 0) s = (s + 1) & mask_;
    slots_[s].key = key;
    slots_[s].begin = static_cast<std::uint32_t>(weights_.size());
    weights_.insert(weights_.end(), ws.begin(), ws.end());
    slots_[s].end = static_cast<std::uint32_t>(weights_.size());
  }
}

void weight_table::write(binary_writer& out) const {
  // Entries in key order, so the file does not depend on the table's layout.
  std::vector<const slot*> order;
  for (const auto& s : slots_)
    if (s.key != 0) order.push_back(&s);
  std::sort(order.begin(), order.end(), [](const slot* a, const slot* b) { return a->key < b->key; });
  out.put<std::uint64_t>(order.size());
  for (const auto* s : order) {
    out.put<std::uint64_t>(s->key);
    out.put<std::uint16_t>(static_cast<std::uint16_t>(s->end - s->begin));
    for (auto i = s->begin; i < s->end; ++i) {
      out.put<std::uint16_t>(weights_[i].cls);
      out.put<float>(weights_[i].weight);
    }
  }
}

void weight_table::read(binary_reader& in, std::size_t class_count) {
  const auto n = in.get<std::uint64_t>();
  if (n > (1ull << 28)) in.fail("implausible feature count");
  std::size_t capacity = 16;
  while (capacity < n * 2) capacity *= 2;
  slots_.assign(capacity, slot{});
  mask_ = capacity - 1;
  weights_.clear();
  features_ = static_cast<std::size_t>(n);
  for (std::uint64_t i = 0; i < n; ++i) {
    const auto key = in.get<std::uint64_t>();
    if (key == 0) in.fail("zero feature key");
    std::size_t s = static_cast<std::size_t>(key) & mask_;
    while (slots_[s].key != 0) {
      if (slots_[s].key == key) in.fail("duplicate feature key");
      s = (s + 1) & mask_;
    }
    const auto count = in.get<std::uint16_t>();
    slots_[s].key = key;
    slots_[s].begin = static_cast<std::uint32_t>(weights_.size());
    for (std::uint16_t k = 0; k < count; ++k) {
      class_weight w;
      w.cls = in.get<std::uint16_t>();
      w.weight = in.get<float>();
      if (w.cls >= class_count || !std::isfinite(w.weight)) in.fail("bad class weight");
      weights_.push_back(w);
    }
    slots_[s].end = static_cast<std::uint32_t>(weights_.size());
  }
}

void perceptron_trainer::score(const std::uint64_t* features, std::size_t n, float* scores) const {
  std::fill(scores, scores + classes_, 0.0f);
  for (std::size_t i = 0; i < n; ++i) {
    const auto it = weights_.find(features[i]);
    if (it == weights_.end()) continue;
    for (const auto& e : it->second) scores[e.cls] += e.weight;
  }
}

void perceptron_trainer::update(const std::uint64_t* features, std::size_t n, std::size_t truth, std::size_t guess) {
  if (truth == guess) return;
  for (std::size_t i = 0; i < n; ++i) {
    auto& list = weights_[features[i]];
    for (const auto [cls, delta] : {std::pair<std::size_t, float>{truth, 1.0f}, std::pair<std::size_t, float>{guess, -1.0f}}) {
      auto it = std::find_if(list.begin(), list.end(), [cls = cls](const entry& e) { return e.cls == cls; });
      if (it == list.end()) {
        list.push_back(entry{static_cast<std::uint16_t>(cls), 0.0f, 0.0, clock_});
        it = list.end() - 1;
      }
      it->total += static_cast<double>(clock_ - it->stamp) * it->weight;
      it->stamp = clock_;
      it->weight += delta;
    }
  }
}

std::vector<std::pair<std::uint64_t, std::vector<class_weight>>> perceptron_trainer::averaged(float prune_below) const {
  std::vector<std::pair<std::uint64_t, std::vector<class_weight>>> out;
  out.reserve(weights_.size());
  const double clock = clock_ == 0 ? 1.0 : static_cast<double>(clock_);
  for (const auto& [key, list] : weights_) {
    std::vector<class_weight> ws;
    for (const auto& e : list) {
      const double total = e.total + static_cast<double>(clock_ - e.stamp) * e.weight;
      const auto avg = static_cast<float>(total / clock);
      if (std::fabs(avg) >= prune_below && avg != 0.0f) ws.push_back({e.cls, avg});
    }
    if (ws.empty()) continue;
    std::sort(ws.begin(), ws.end(), [](const class_weight& a, const class_weight& b) { return a.cls < b.cls; });
    out.emplace_back(key, std::move(ws));
  }
  std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  return out;
}

}  // namespace chronograph::text::detail
