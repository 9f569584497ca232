// SPDX-License-Identifier: MIT
// Averaged multi-class perceptron over hashed features: a trainer (lazy averaging) and a compact
// read-only weight table (open addressing, inline fixed-point class weights) for inference.
#pragma once

#include <array>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

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

/// Read-only feature -> class weights table for a classifier with many classes (up to 254: the
/// tagger's (UPOS, XPOS) pairs, the parser's labels), stored in model files as it is laid out in
/// memory (loading is a copy and a bounds check).
///
/// Layout: a key is looked for in one 64-byte bucket only (its home, from the key's low half),
/// which holds eight entries: the 16-bit tags (the next bits of the key) side by side, then for
/// each entry two inline class weights, or a reference to a feature's weights elsewhere when it
/// has more than two (a list, or a dense row when it has weights for a quarter of the classes).
/// Most features have one or two weights, so one cache line answers them, without branches. When
/// more features than fit share a bucket, those with the smallest weights are left out (like
/// pruning; build() counts them). Weights are 16-bit fixed point (one scale per table, chosen from
/// the largest weight) and scores are summed exactly in 32-bit integers, so feature order never
/// changes a result. A key unseen in training matches a stored tag with probability about
/// 8 / 2^16: with hashed features that is one more collision among many.
class weight_table {
 public:
  /// A class weight in fixed point.
  struct packed_weight {
    std::uint16_t cls;
    std::int16_t value;
  };
  static constexpr std::size_t max_classes = 254;

  /// Builds from (key, weights) pairs in key order (keys unique); quantizes the weights. There are
  /// buckets for `8 * load` features on average (load in (0, 1]). Throws input_error when there
  /// are more than max_classes classes.
  void build(const std::vector<std::pair<std::uint64_t, std::vector<class_weight>>>& entries, std::size_t class_count,
             double load = 0.75);

  /// Adds the weights of all `n` keys to scores (score_size() entries). Buckets are fetched
  /// several keys ahead, dense rows and weight lists after all buckets, so that the memory
  /// accesses of different features overlap. Dense rows are summed with AVX-512 or AVX2 where
  /// the processor has them.
  void add_all(const std::uint64_t* keys, std::size_t n, std::int32_t* scores) const noexcept;
  /// For each of `groups` groups of `per_group` consecutive keys, sets sums[g * score_size() ..]
  /// to the weights of the group's keys: add_all for many lists, their memory accesses overlapping.
  void sum_groups(const std::uint64_t* keys, std::size_t groups, std::size_t per_group, std::int32_t* sums) const noexcept;
  /// The size add_all() needs for `scores`: the class count rounded up (the extra entries are scratch).
  [[nodiscard]] std::size_t score_size() const noexcept { return stride_; }
  void write(binary_writer& out) const;
  /// Reads what write() wrote; checks every reference and class id (resource_error when bad).
  void read(binary_reader& in, std::size_t class_count);
  [[nodiscard]] std::size_t feature_count() const noexcept { return features_; }
  [[nodiscard]] std::size_t weight_count() const noexcept { return weights_; }
  /// Features of build()'s input left out because their bucket was full.
  [[nodiscard]] std::size_t dropped_count() const noexcept { return dropped_; }
  /// Memory of the table.
  [[nodiscard]] std::size_t bytes() const noexcept {
    return buckets_.size() * sizeof(bucket) + rest_.size() * sizeof(packed_weight) + dense_.size() * sizeof(std::int16_t);
  }

 private:
  static constexpr std::size_t per_bucket = 8;
  static constexpr std::uint8_t elsewhere = 0xFF;  ///< entry::cls[1] of a feature with more than two weights
  static constexpr std::uint8_t dense_row = 0xFF;  ///< entry::cls[0] of such a feature when it has a dense row
  static constexpr std::size_t lanes = 16;         ///< dense rows are summed 16 classes at a time
  void set_classes(std::size_t class_count);
  /// Two inline weights {cls[k], value[k]} (unused: {0, 0}, which adds nothing), or, when cls[1]
  /// is `elsewhere`, the count of the feature's weights in cls[0] (dense_row: a dense row) and
  /// their index in rest_ (or the row's in dense_) in the two values' 32 bits.
  struct entry {
    std::uint8_t cls[2];
    std::int16_t value[2];
  };
  static_assert(sizeof(entry) == 6, "eight entries per cache line");
  struct alignas(64) bucket {
    std::uint16_t tag[per_bucket];  ///< bits 32..47 of the key (never 0); 0 marks a free entry
    entry entries[per_bucket];
  };
  static_assert(sizeof(bucket) == 64, "one bucket per cache line");
  struct pending;
  void visit(const bucket& b, std::uint64_t key, std::int32_t* scores, pending& later) const noexcept;
  [[nodiscard]] static std::uint32_t index_of(const entry& e) noexcept {
    return static_cast<std::uint32_t>(static_cast<std::uint16_t>(e.value[0])) |
           static_cast<std::uint32_t>(static_cast<std::uint16_t>(e.value[1])) << 16;
  }

  [[nodiscard]] std::size_t home(std::uint64_t key) const noexcept {
    return static_cast<std::size_t>((static_cast<std::uint64_t>(static_cast<std::uint32_t>(key)) * buckets_.size()) >> 32);
  }
  [[nodiscard]] static std::uint16_t tag_of(std::uint64_t key) noexcept {
    const auto t = static_cast<std::uint16_t>(key >> 32);
    return t == 0 ? 1 : t;
  }

  page_array<bucket> buckets_;
  std::vector<packed_weight> rest_;  ///< the weights of features with more than two, without a dense row
  std::vector<std::int16_t> dense_;  ///< rows of stride_ weights (classes_, then zeros)
  std::size_t features_ = 0;
  std::size_t weights_ = 0;
  std::size_t dropped_ = 0;
  std::size_t classes_ = 0;
  std::size_t stride_ = 0;  ///< classes_ rounded up to whole vector registers
};

/// The index of the entry of a bucket's eight 16-bit `tags` equal to `tag`, and whether there is one.
inline std::pair<std::size_t, bool> find_tag8(const std::uint16_t* tags, std::uint16_t tag) noexcept {
#if defined(__SSE2__)
  const __m128i all = _mm_load_si128(reinterpret_cast<const __m128i*>(tags));
  const auto bytes = static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi16(all, _mm_set1_epi16(static_cast<short>(tag)))));
  return {static_cast<std::size_t>(__builtin_ctz(bytes | 0x10000u)) / 2 % 8, bytes != 0};
#else
  unsigned match = 0;
  for (std::size_t e = 0; e < 8; ++e) match |= static_cast<unsigned>(tags[e] == tag) << e;
  return {static_cast<std::size_t>(__builtin_ctz(match | 0x100u)) % 8, match != 0};
#endif
}

/// The index of the first largest of scores[0..n) (n >= 1): what the loop `best = 0; for c in
/// 1..n: if scores[c] > scores[best]: best = c` gives, four scores at a time.
inline std::size_t first_max(const std::int32_t* scores, std::size_t n) noexcept {
#if defined(__SSE2__)
  if (n >= 8) {
    const auto load = [&](std::size_t i) { return _mm_loadu_si128(reinterpret_cast<const __m128i*>(scores + i)); };
    const auto max = [](__m128i a, __m128i b) {
      const __m128i a_greater = _mm_cmpgt_epi32(a, b);
      return _mm_or_si128(_mm_and_si128(a_greater, a), _mm_andnot_si128(a_greater, b));
    };
    // The last four overlap the others when n is not a multiple of four: the maximum is the same.
    __m128i m = load(n - 4);
    for (std::size_t i = 0; i + 4 <= n; i += 4) m = max(m, load(i));
    m = max(m, _mm_shuffle_epi32(m, 0x4E));
    m = max(m, _mm_shuffle_epi32(m, 0xB1));
    for (std::size_t i = 0;; i += 4) {
      const std::size_t at = i + 4 <= n ? i : n - 4;
      const auto mask = static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi32(load(at), m)));
      if (mask != 0) return at + static_cast<std::size_t>(__builtin_ctz(mask)) / 4;
    }
  }
#endif
  std::size_t best = 0;
  for (std::size_t c = 1; c < n; ++c)
    if (scores[c] > scores[best]) best = c;
  return best;
}

/// The average of several models' weights (each a sorted (key, weights) list as
/// perceptron_trainer::averaged gives), keeping |w| >= prune_below, sorted by key: the weights
/// of perceptrons trained on different shuffles of the data, averaged, decide like their vote
/// and vary less from one shuffle to another than each of them.
[[nodiscard]] std::vector<std::pair<std::uint64_t, std::vector<class_weight>>> average_models(
    const std::vector<std::vector<std::pair<std::uint64_t, std::vector<class_weight>>>>& models, float prune_below);

/// The fixed-point scale that maps the largest |weight| of `entries` to 32767 (1 when all are 0).
[[nodiscard]] double quantization_scale(const std::vector<std::pair<std::uint64_t, std::vector<class_weight>>>& entries);

/// Read-only feature -> weights table for a classifier with a few classes (K: the parser's
/// transition classifier has three, SHIFT, LEFT-ARC and RIGHT-ARC), laid out so that one 64-byte
/// cache line answers a lookup: a bucket holds the 16-bit tags of up to `per_bucket` features and
/// all K weights of each (16-bit fixed point, one scale per table; scores are exact 32-bit sums).
/// A key's bucket comes from its low half, its tag from the next 16 bits, and a key is only ever
/// looked for in its own bucket, so a lookup is one memory access and no branch. A key unseen in
/// training matches a stored tag with probability about 8 / 2^16: with hashed features
/// that is one more collision among many, and it keeps the table small enough for the caches.
/// When more features than fit share a bucket, the ones with the smallest weights are left out
/// (like pruning; build() counts them). Stored in model files as laid out in memory.
template <std::size_t K>
class line_table {
 public:
  static constexpr std::size_t classes = K;
  static constexpr std::size_t per_bucket = 8;
  static_assert(K == 3, "eight entries of a 16-bit tag and K 16-bit weights fill a cache line");

  /// Builds from (key, weights) pairs in key order (keys unique, class ids < K); quantizes the
  /// weights. There are buckets for `per_bucket * load` features on average (load in (0, 1]).
  void build(const std::vector<std::pair<std::uint64_t, std::vector<class_weight>>>& entries, double load = 0.8);
  /// Adds the weights of all `n` keys to scores[0..K), fetching the buckets of several keys at once.
  void add_all(const std::uint64_t* keys, std::size_t n, std::int32_t* scores) const noexcept;
  /// For each of `groups` groups of `per_group` consecutive keys, sets out[g] to the weights
  /// of the group's keys: add_all for many short lists, with the memory accesses of all overlapping.
  void sum_groups(const std::uint64_t* keys, std::size_t groups, std::size_t per_group,
                  std::array<std::int32_t, K>* out) const noexcept;
  /// sum_groups for runs of different lengths: run g of the keys ends at ends[g] (the first
  /// starts at 0), and out[g] is set to its weights.
  void sum_spans(const std::uint64_t* keys, const std::size_t* ends, std::size_t spans,
                 std::array<std::int32_t, K>* out) const noexcept;
  /// The weights stored for `key` (zeros when absent).
  [[nodiscard]] std::array<std::int16_t, K> weights_of(std::uint64_t key) const noexcept;
  void write(binary_writer& out) const;
  /// Reads what write() wrote; resource_error when the sizes or counts do not fit.
  void read(binary_reader& in);
  [[nodiscard]] std::size_t feature_count() const noexcept { return features_; }
  /// Features of build()'s input left out because their bucket was full.
  [[nodiscard]] std::size_t dropped_count() const noexcept { return dropped_; }
  [[nodiscard]] std::size_t bytes() const noexcept { return buckets_.size() * sizeof(bucket); }
  /// The fixed-point scale of build(): stored weight = round(weight * scale).
  [[nodiscard]] double scale() const noexcept { return scale_; }

 private:
  /// In memory the weights are class-major (weight[c][entry]: one 16-byte vector per class, so a
  /// lookup adds all three with one compare and three multiply-adds); model files keep the
  /// entry-major order of format 3 (weight[entry][c]), converted by read() and write().
  struct alignas(64) bucket {
    std::uint16_t tag[per_bucket];  ///< bits 32..47 of the key (never 0); 0 marks a free entry
    std::int16_t weight[K][per_bucket];
  };
  static_assert(sizeof(bucket) == 64, "one bucket per cache line");
  /// Swaps a bucket between the in-memory and the file order of its weights.
  static bucket transposed(const bucket& b, bool to_file) noexcept {
    bucket out = b;
    auto* flat = &out.weight[0][0];
    for (std::size_t e = 0; e < per_bucket; ++e)
      for (std::size_t c = 0; c < K; ++c) {
        if (to_file) flat[e * K + c] = b.weight[c][e];
        else out.weight[c][e] = (&b.weight[0][0])[e * K + c];
      }
    return out;
  }

  [[nodiscard]] std::size_t home(std::uint64_t key) const noexcept {
    return static_cast<std::size_t>((static_cast<std::uint64_t>(static_cast<std::uint32_t>(key)) * buckets_.size()) >> 32);
  }
  [[nodiscard]] static std::uint16_t tag_of(std::uint64_t key) noexcept {
    const auto t = static_cast<std::uint16_t>(key >> 32);
    return t == 0 ? 1 : t;
  }
#if defined(__SSE2__)
  /// Running sums of lookups: per class, four 32-bit lanes of the negated weights found (the
  /// tag compare gives -1 in the matching lane, which multiply-adds the weight into its pair).
  struct sums {
    __m128i lane[K];
    sums() noexcept {
      for (auto& l : lane) l = _mm_setzero_si128();
    }
    /// Adds the key's weights (none when absent), without branches: tags are unique in a bucket.
    void add(const bucket& x, std::uint64_t key) noexcept {
      const __m128i match = _mm_cmpeq_epi16(_mm_load_si128(reinterpret_cast<const __m128i*>(x.tag)),
                                            _mm_set1_epi16(static_cast<short>(tag_of(key))));
      for (std::size_t c = 0; c < K; ++c)
        lane[c] = _mm_add_epi32(lane[c], _mm_madd_epi16(_mm_load_si128(reinterpret_cast<const __m128i*>(x.weight[c])), match));
    }
    /// out[c] += the sum of class c (exact: integer sums).
    void add_to(std::int32_t* out) const noexcept {
      for (std::size_t c = 0; c < K; ++c) {
        __m128i v = lane[c];
        v = _mm_add_epi32(v, _mm_shuffle_epi32(v, 0x4E));
        v = _mm_add_epi32(v, _mm_shuffle_epi32(v, 0xB1));
        out[c] -= _mm_cvtsi128_si32(v);
      }
    }
  };
#else
  struct sums {
    std::int32_t s[K] = {};
    void add(const bucket& x, std::uint64_t key) noexcept {
      const auto [e, found] = find_tag8(x.tag, tag_of(key));
      const std::int32_t keep = -static_cast<std::int32_t>(found);
      for (std::size_t c = 0; c < K; ++c) s[c] += x.weight[c][e] & keep;
    }
    void add_to(std::int32_t* out) const noexcept {
      for (std::size_t c = 0; c < K; ++c) out[c] += s[c];
    }
  };
#endif

  page_array<bucket> buckets_;
  std::size_t features_ = 0;
  std::size_t dropped_ = 0;
  double scale_ = 1.0;
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
