// SPDX-License-Identifier: MIT
// Averaged multi-class perceptron over hashed features: a trainer (lazy averaging) and a compact
// read-only weight table (open addressing, sparse per-feature class weights) for inference.
#pragma once

#include <cstdint>
#include <cstring>
#include <filesystem>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace chronograph::text::detail {

/// The start of a model file: each header line as "# line", then the magic line.
[[nodiscard]] std::string model_file_header(const std::vector<std::string>& header_lines, std::string_view magic);

/// Writes a model file atomically (temporary file, then rename). Throws io_error.
void write_model_file(const std::filesystem::path& path, const std::string& data);

/// Reads a model file written by write_model_file, skips its '#' header, checks the magic line
/// and returns the binary body. Throws resource_error naming the path and `what` ("tagger model").
[[nodiscard]] std::string read_model_file(const std::filesystem::path& path, std::string_view magic,
                                          std::string_view what);

/// Appends little-endian binary values to a string (x86/ARM hosts are little-endian).
class binary_writer {
 public:
  explicit binary_writer(std::string& out) : out_(out) {}
  template <typename T>
  void put(T value) {
    out_.append(reinterpret_cast<const char*>(&value), sizeof(T));
  }
  void put_string(std::string_view s);

 private:
  std::string& out_;
};

/// Reads what binary_writer wrote; throws resource_error naming `name` on truncated input.
class binary_reader {
 public:
  binary_reader(std::string_view data, std::string name) : data_(data), name_(std::move(name)) {}
  template <typename T>
  T get() {
    need(sizeof(T));
    T value;
    std::memcpy(&value, data_.data() + pos_, sizeof(T));
    pos_ += sizeof(T);
    return value;
  }
  std::string get_string();
  [[noreturn]] void fail(const std::string& message) const;
  [[nodiscard]] bool at_end() const noexcept { return pos_ == data_.size(); }

 private:
  void need(std::size_t n) const;
  std::string_view data_;
  std::size_t pos_ = 0;
  std::string name_;
};

/// One class weight of a feature.
struct class_weight {
  std::uint16_t cls = 0;
  float weight = 0;
};

/// Read-only feature -> class weights table. A feature with weights for at least a quarter of the
/// classes is stored densely (a row of floats that the compiler vectorises), others sparsely.
class weight_table {
 public:
  /// Builds from (key, weights) pairs; keys must be unique and non-zero.
  void build(const std::vector<std::pair<std::uint64_t, std::vector<class_weight>>>& entries, std::size_t class_count);
  /// Adds the weights of all `n` keys to scores; prefetches the table slots first so that the
  /// memory accesses of different features overlap (the table is far larger than the caches).
  void add_all(const std::uint64_t* keys, std::size_t n, float* scores) const noexcept {
    constexpr std::size_t batch = 80;
    const slot* found[batch];
    for (std::size_t start = 0; start < n; start += batch) {
      const std::size_t end = n - start < batch ? n : start + batch;
      for (std::size_t i = start; i < end; ++i) __builtin_prefetch(&slots_[static_cast<std::size_t>(keys[i]) & mask_]);
      for (std::size_t i = start; i < end; ++i) {
        std::size_t s = static_cast<std::size_t>(keys[i]) & mask_;
        found[i - start] = nullptr;
        while (true) {
          const auto& candidate = slots_[s];
          if (candidate.key == keys[i]) {
            found[i - start] = &candidate;
            if (candidate.end == dense_row) __builtin_prefetch(&dense_[candidate.begin]);
            else __builtin_prefetch(&sparse_[candidate.begin]);
            break;
          }
          if (candidate.key == 0) break;
          s = (s + 1) & mask_;
        }
      }
      for (std::size_t i = start; i < end; ++i) {
        const slot* hit = found[i - start];
        if (!hit) continue;
        if (hit->end == dense_row) {
          const float* row = &dense_[hit->begin];
          for (std::size_t c = 0; c < classes_; ++c) scores[c] += row[c];
        } else {
          for (std::uint32_t k = hit->begin; k < hit->end; ++k) scores[sparse_[k].cls] += sparse_[k].weight;
        }
      }
    }
  }
  void write(binary_writer& out) const;
  void read(binary_reader& in, std::size_t class_count);
  [[nodiscard]] std::size_t feature_count() const noexcept { return features_; }
  [[nodiscard]] std::size_t weight_count() const noexcept { return weights_; }

 private:
  static constexpr std::uint32_t dense_row = 0xFFFFFFFFu;
  struct slot {
    std::uint64_t key = 0;
    std::uint32_t begin = 0;  ///< into dense_ (a row of classes_ floats) or sparse_
    std::uint32_t end = 0;    ///< sparse: one past the last weight; dense_row for a dense row
  };
  void reset(std::size_t features, std::size_t class_count);
  void insert(std::uint64_t key, const class_weight* weights, std::size_t count);
  std::vector<slot> slots_;
  std::vector<class_weight> sparse_;
  std::vector<float> dense_;
  std::size_t mask_ = 0;
  std::size_t features_ = 0;
  std::size_t weights_ = 0;
  std::size_t classes_ = 0;
};

/// Averaged perceptron trainer with lazy averaging (each weight remembers when it last changed).
class perceptron_trainer {
 public:
  explicit perceptron_trainer(std::size_t class_count) : classes_(class_count) {}
  /// scores[c] = sum of current weights of the features for class c (scores has class_count entries, zeroed here).
  void score(const std::uint64_t* features, std::size_t n, float* scores) const;
  /// Moves weights towards `truth` and away from `guess` (no-op when equal).
  void update(const std::uint64_t* features, std::size_t n, std::size_t truth, std::size_t guess);
  /// Advances the averaging clock by one training instance.
  void tick() noexcept { ++clock_; }
  /// Averaged weights with |w| >= prune_below, sorted by key (deterministic).
  [[nodiscard]] std::vector<std::pair<std::uint64_t, std::vector<class_weight>>> averaged(float prune_below) const;

 private:
  struct entry {
    std::uint16_t cls;
    float weight;
    double total;
    std::uint64_t stamp;
  };
  std::size_t classes_;
  std::uint64_t clock_ = 0;
  std::unordered_map<std::uint64_t, std::vector<entry>> weights_;
};

}  // namespace chronograph::text::detail
