// SPDX-License-Identifier: MIT
#include "perceptron.hpp"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <fstream>
#include <sstream>

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

void weight_table::reset(std::size_t features, std::size_t class_count) {
  std::size_t capacity = 16;
  while (capacity < features * 2) capacity *= 2;
  slots_.assign(capacity, slot{});
  mask_ = capacity - 1;
  sparse_.clear();
  dense_.clear();
  features_ = 0;
  weights_ = 0;
  classes_ = class_count;
}

void weight_table::insert(std::uint64_t key, const class_weight* weights, std::size_t count) {
  std::size_t s = static_cast<std::size_t>(key) & mask_;
  while (slots_[s].key != 0) s = (s + 1) & mask_;
  auto& target = slots_[s];
  target.key = key;
  if (count * 4 >= classes_) {
    target.end = dense_row;
    target.begin = static_cast<std::uint32_t>(dense_.size());
    dense_.resize(dense_.size() + classes_, 0.0f);
    for (std::size_t k = 0; k < count; ++k) dense_[target.begin + weights[k].cls] = weights[k].weight;
  } else {
    target.begin = static_cast<std::uint32_t>(sparse_.size());
    sparse_.insert(sparse_.end(), weights, weights + count);
    target.end = static_cast<std::uint32_t>(sparse_.size());
  }
  ++features_;
  weights_ += count;
}

void weight_table::build(const std::vector<std::pair<std::uint64_t, std::vector<class_weight>>>& entries,
                         std::size_t class_count) {
  reset(entries.size(), class_count);
  for (const auto& [key, ws] : entries) insert(key, ws.data(), ws.size());
}

void weight_table::write(binary_writer& out) const {
  // Entries in key order, so the file does not depend on the table's layout.
  std::vector<const slot*> order;
  for (const auto& s : slots_)
    if (s.key != 0) order.push_back(&s);
  std::sort(order.begin(), order.end(), [](const slot* a, const slot* b) { return a->key < b->key; });
  out.put<std::uint64_t>(order.size());
  std::vector<class_weight> ws;
  for (const auto* s : order) {
    ws.clear();
    if (s->end == dense_row) {
      for (std::size_t c = 0; c < classes_; ++c)
        if (dense_[s->begin + c] != 0.0f) ws.push_back({static_cast<std::uint16_t>(c), dense_[s->begin + c]});
    } else {
      ws.assign(sparse_.begin() + s->begin, sparse_.begin() + s->end);
    }
    out.put<std::uint64_t>(s->key);
    out.put<std::uint16_t>(static_cast<std::uint16_t>(ws.size()));
    for (const auto& w : ws) {
      out.put<std::uint16_t>(w.cls);
      out.put<float>(w.weight);
    }
  }
}

void weight_table::read(binary_reader& in, std::size_t class_count) {
  const auto n = in.get<std::uint64_t>();
  if (n > (1ull << 28)) in.fail("implausible feature count");
  reset(static_cast<std::size_t>(n), class_count);
  std::vector<class_weight> ws;
  std::uint64_t previous = 0;
  for (std::uint64_t i = 0; i < n; ++i) {
    const auto key = in.get<std::uint64_t>();
    if (key == 0 || (i > 0 && key <= previous)) in.fail("feature keys not strictly increasing");
    previous = key;
    const auto count = in.get<std::uint16_t>();
    ws.resize(count);
    for (auto& w : ws) {
      w.cls = in.get<std::uint16_t>();
      w.weight = in.get<float>();
      if (w.cls >= class_count || !std::isfinite(w.weight)) in.fail("bad class weight");
    }
    insert(key, ws.data(), ws.size());
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
    for (const auto& [cls, delta] : {std::pair<std::size_t, float>{truth, 1.0f}, std::pair<std::size_t, float>{guess, -1.0f}}) {
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

std::string model_file_header(const std::vector<std::string>& header_lines, std::string_view magic) {
  std::string data;
  for (const auto& line : header_lines) data += "# " + line + "\n";
  data.append(magic).push_back('\n');
  return data;
}

void write_model_file(const std::filesystem::path& path, const std::string& data) {
  const auto tmp = path.string() + ".tmp";
  {
    std::ofstream file(tmp, std::ios::binary | std::ios::trunc);
    if (!file) throw io_error(tmp + ": cannot write");
    file.write(data.data(), static_cast<std::streamsize>(data.size()));
    if (!file) throw io_error(tmp + ": write failed");
  }
  std::error_code ec;
  std::filesystem::rename(tmp, path, ec);
  if (ec) throw io_error(path.string() + ": cannot write (" + ec.message() + ")");
}

std::string read_model_file(const std::filesystem::path& path, std::string_view magic, std::string_view what) {
  std::ifstream file(path, std::ios::binary);
  if (!file) throw resource_error(path.string() + ": cannot read " + std::string(what));
  std::ostringstream buffer;
  buffer << file.rdbuf();
  const std::string data = buffer.str();
  // Skip the text header: '#' lines, then the magic line.
  std::size_t pos = 0;
  while (pos < data.size() && data[pos] == '#') {
    const auto nl = data.find('\n', pos);
    if (nl == std::string::npos) break;
    pos = nl + 1;
  }
  if (data.compare(pos, magic.size() + 1, std::string(magic) + "\n") != 0)
    throw resource_error(path.string() + ": not a chronograph " + std::string(what));
  return data.substr(pos + magic.size() + 1);
}

}  // namespace chronograph::text::detail
