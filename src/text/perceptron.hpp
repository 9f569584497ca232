// SPDX-License-Identifier: MIT
// Averaged multi-class perceptron over hashed features: a trainer (lazy averaging) and a compact
// read-only weight table (open addressing, inline fixed-point class weights) for inference.
#pragma once

#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace chronograph::text::detail {

/// The start of a model file: each header line as "# line", then the magic line.
[[nodiscard]] std::string model_file_header(const std::vector<std::string>& header_lines, std::string_view magic);

/// Writes a model file atomically (temporary file, then rename). Throws io_error.
void write_model_file(const std::filesystem::path& path, const std::string& data);

/// A model file read whole; body() is the binary part after the header and the magic line.
struct model_file {
  std::string bytes;
  std::size_t body_offset = 0;
  [[nodiscard]] std::string_view body() const noexcept { return std::string_view(bytes).substr(body_offset); }
};

/// Reads a model file written by write_model_file, skips its '#' header and checks the magic line.
/// Throws resource_error naming the path and `what` ("tagger model").
[[nodiscard]] model_file read_model_file(const std::filesystem::path& path, std::string_view magic,
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
  void put_bytes(const void* data, std::size_t n) { out_.append(static_cast<const char*>(data), n); }

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
  /// Copies `n` bytes into `out`.
  void get_bytes(void* out, std::size_t n) {
    need(n);
    if (n == 0) return;  // `out` may be the null data() of an empty vector
    std::memcpy(out, data_.data() + pos_, n);
    pos_ += n;
  }
  [[noreturn]] void fail(const std::string& message) const;
  [[nodiscard]] bool at_end() const noexcept { return pos_ == data_.size(); }

 private:
  void need(std::size_t n) const;
  std::string_view data_;
  std::size_t pos_ = 0;
  std::string name_;
};

/// One class weight of a feature (training side and the table's build input).
struct class_weight {
  std::uint16_t cls = 0;
  float weight = 0;
};

/// Zeroed memory for page_array, released with std::free; throws std::bad_alloc.
void* allocate_pages(std::size_t bytes);

/// A block of trivially copyable values on its own pages; blocks of 2 MB and more ask the kernel
/// for transparent huge pages, so that random lookups in a large table do not miss the TLB.
template <typename T>
class page_array {
 public:
  page_array() = default;
  explicit page_array(std::size_t n) : data_(static_cast<T*>(allocate_pages(n * sizeof(T)))), size_(n) {}
  page_array(const page_array&) = delete;
  page_array& operator=(const page_array&) = delete;
  page_array(page_array&& o) noexcept : data_(o.data_), size_(o.size_) {
    o.data_ = nullptr;
    o.size_ = 0;
  }
  page_array& operator=(page_array&& o) noexcept {
    std::swap(data_, o.data_);
    std::swap(size_, o.size_);
    return *this;
  }
  ~page_array() { std::free(data_); }
  [[nodiscard]] T* data() noexcept { return data_; }
  [[nodiscard]] const T* data() const noexcept { return data_; }
  [[nodiscard]] std::size_t size() const noexcept { return size_; }
  T& operator[](std::size_t i) noexcept { return data_[i]; }
  const T& operator[](std::size_t i) const noexcept { return data_[i]; }

 private:
  T* data_ = nullptr;
  std::size_t size_ = 0;
};

/// Read-only feature -> class weights table for inference, stored in model files as it is laid
/// out in memory (loading is a copy and a bounds check).
///
/// Layout: open addressing with linear probing over 16-byte slots. A slot holds a 32-bit tag of
/// the feature key (its high half; the low half picks the home slot), the feature's first two
/// class weights inline and a reference to the rest: most features have one or two weights, so
/// one cache line answers them. A feature with weights for a quarter of the classes or more owns a
/// dense row. Weights are 16-bit fixed point (one scale per table, chosen from the largest weight)
/// and scores are summed exactly in 32-bit integers. A key unseen in training matches a stored tag
/// with probability about 2^-32 per probe, which is what hashed features accept anyway.
class weight_table {
 public:
  /// A class weight in fixed point.
  struct packed_weight {
    std::uint16_t cls;
    std::int16_t value;
  };

  /// Builds from (key, weights) pairs in key order (keys unique); quantizes the weights.
  void build(const std::vector<std::pair<std::uint64_t, std::vector<class_weight>>>& entries, std::size_t class_count);

  /// Adds the weights of all `n` keys to scores (class_count entries). The home slots of all keys
  /// are prefetched first and then the rows they point to, so the memory accesses of different
  /// features overlap (the parser's table is far larger than the caches). Dense rows are summed
  /// with AVX-512 or AVX2 where the processor has them (much of the parser's time goes there).
  void add_all(const std::uint64_t* keys, std::size_t n, std::int32_t* scores) const noexcept;
  /// The size add_all() needs for `scores`: the class count rounded up (the extra entries are scratch).
  [[nodiscard]] std::size_t score_size() const noexcept { return stride_; }
  void write(binary_writer& out) const;
  /// Reads what write() wrote; checks every reference and class id (resource_error when bad).
  void read(binary_reader& in, std::size_t class_count);
  [[nodiscard]] std::size_t feature_count() const noexcept { return features_; }
  [[nodiscard]] std::size_t weight_count() const noexcept { return weights_; }

 private:
  static constexpr std::size_t inline_weights = 2;
  static constexpr std::uint32_t count_bits = 8;
  static constexpr std::uint32_t count_mask = (1u << count_bits) - 1;
  static constexpr std::uint32_t dense_count = count_mask;  ///< the count field of a dense row's slot
  static constexpr std::size_t lanes = 16;  ///< dense rows are summed 16 classes at a time
  void set_classes(std::size_t class_count) noexcept {
    classes_ = class_count;
    stride_ = (class_count + lanes - 1) / lanes * lanes;
  }
  struct slot {
    std::uint32_t tag;  ///< high half of the key (never 0); 0 marks an empty slot
    std::uint32_t ref;  ///< weight count (low 8 bits; dense_count: dense row) | index of row or rest << 8
    packed_weight first[inline_weights];
  };
  static_assert(sizeof(slot) == 16, "four slots per cache line");

  [[nodiscard]] std::size_t home(std::uint64_t key) const noexcept {
    return static_cast<std::size_t>((static_cast<std::uint64_t>(static_cast<std::uint32_t>(key)) * capacity_) >> 32);
  }
  [[nodiscard]] static std::uint32_t tag_of(std::uint64_t key) noexcept {
    const auto t = static_cast<std::uint32_t>(key >> 32);
    return t == 0 ? 1 : t;
  }
  [[nodiscard]] const slot* find(std::uint64_t key) const noexcept {
    const std::uint32_t tag = tag_of(key);
    for (std::size_t s = home(key);; s = s + 1 == capacity_ ? 0 : s + 1) {
      const slot& candidate = slots_[s];
      if (candidate.tag == tag) return &candidate;
      if (candidate.tag == 0) return nullptr;
    }
  }

  page_array<slot> slots_;
  std::vector<packed_weight> rest_;  ///< weights after the first two of sparse features
  std::vector<std::int16_t> dense_;  ///< rows of stride_ weights (classes_, then zeros)
  std::size_t capacity_ = 0;
  std::size_t features_ = 0;
  std::size_t weights_ = 0;
  std::size_t classes_ = 0;
  std::size_t stride_ = 0;  ///< classes_ rounded up to whole vector registers
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
