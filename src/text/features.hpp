// SPDX-License-Identifier: MIT
// Hashing helpers shared by the tagger and the parser: word forms are reduced once per token to a
// few 64-bit keys (normalised form, affixes, shape) and features are combinations of keys.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace chronograph::text::detail {

/// splitmix64 finaliser: a cheap, well-mixed 64-bit hash of an integer.
inline std::uint64_t mix64(std::uint64_t x) noexcept {
  x += 0x9E3779B97F4A7C15ull;
  x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ull;
  x = (x ^ (x >> 27)) * 0x94D049BB133111EBull;
  return x ^ (x >> 31);
}

/// FNV-1a over bytes.
inline std::uint64_t hash_bytes(std::string_view s) noexcept {
  std::uint64_t h = 0xCBF29CE484222325ull;
  for (unsigned char c : s) {
    h ^= c;
    h *= 0x100000001B3ull;
  }
  return h;
}

/// A feature key from a template number and up to two values; never 0 (0 marks empty slots).
inline std::uint64_t feature_key(std::uint64_t template_id, std::uint64_t a, std::uint64_t b = 0) noexcept {
  const std::uint64_t h = mix64(mix64(template_id * 0x100000001B3ull ^ a) ^ b);
  return h == 0 ? 1 : h;
}

/// A template's seed for combine_key (a constant for a constant id).
constexpr std::uint64_t template_seed(std::uint64_t id) noexcept { return (id + 1) * 0x9E3779B97F4A7C15ull; }

/// A feature key from a template seed and up to two values that are hashes already (word and
/// tag keys) or small numbers (labels, distances): two multiplications, a third of
/// feature_key's work. Keys for different templates or values collide only by chance.
inline std::uint64_t combine_key(std::uint64_t seed, std::uint64_t a, std::uint64_t b = 0) noexcept {
  std::uint64_t h = (a ^ seed) * 0xBF58476D1CE4E5B9ull;
  h = (h ^ (h >> 31) ^ b) * 0x94D049BB133111EBull;
  return h ^ (h >> 32);
}

/// Per-word keys computed once.
struct word_keys {
  std::uint64_t form = 0;   ///< normalised form, case kept
  std::uint64_t lower = 0;  ///< lower-cased (numbers: their shape)
  std::uint64_t suffix[4] = {0, 0, 0, 0};  ///< last 1..4 bytes of lower
  std::uint64_t prefix[2] = {0, 0};        ///< first 1..2 bytes of lower
  std::uint64_t shape = 0;
  std::uint64_t ambiguity = 0;  ///< set of tags seen with the word in training (0: unseen); filled by the tagger
};

/// ASCII lower-case of the normalised form (the key of per-word tables).
std::string lower_form(std::string_view form);

/// Normalises typographic quotes and apostrophes to ASCII (news vs treebank spelling).
std::string normalize_form(std::string_view form);

/// Computes the keys of a form; optionally returns its normalised and lower-cased spellings.
word_keys make_word_keys(std::string_view form, std::string* normalized = nullptr, std::string* lowered = nullptr);

/// make_word_keys(form).lower alone (what the parser uses), without the other keys' work.
std::uint64_t lower_key(std::string_view form);

/// Keys used for positions before the first and after the last word.
word_keys boundary_keys(int which);

/// Read-only map from 64-bit hashes to small values: open addressing with linear probing in one
/// array (one cache line per lookup, where std::unordered_map chases pointers).
template <typename V>
class hash_map64 {
 public:
  /// Builds from (key, value) pairs; of equal keys the first wins.
  void build(const std::vector<std::pair<std::uint64_t, V>>& entries) {
    std::size_t capacity = 16;
    while (capacity < entries.size() * 2) capacity *= 2;
    slots_.assign(capacity, slot{0, V{}});
    shift_ = 64;
    for (std::size_t c = capacity; c > 1; c >>= 1) --shift_;
    for (const auto& [key, value] : entries) {
      const std::uint64_t k = stored(key);
      std::size_t s = home(k);
      while (slots_[s].key != 0 && slots_[s].key != k) s = (s + 1) & (slots_.size() - 1);
      if (slots_[s].key == 0) slots_[s] = slot{k, value};
    }
  }
  /// The value of `key`, or nullptr.
  [[nodiscard]] const V* find(std::uint64_t key) const noexcept {
    if (slots_.empty()) return nullptr;
    const std::uint64_t k = stored(key);
    for (std::size_t s = home(k);; s = (s + 1) & (slots_.size() - 1)) {
      if (slots_[s].key == k) return &slots_[s].value;
      if (slots_[s].key == 0) return nullptr;
    }
  }

 private:
  struct slot {
    std::uint64_t key;  ///< 0: empty
    V value;
  };
  static std::uint64_t stored(std::uint64_t key) noexcept { return key == 0 ? 1 : key; }
  [[nodiscard]] std::size_t home(std::uint64_t key) const noexcept {
    return static_cast<std::size_t>((key * 0x9E3779B97F4A7C15ull) >> shift_);
  }
  std::vector<slot> slots_;
  unsigned shift_ = 64;
};

/// Deterministic PRNG (splitmix64 sequence) for shuffling training data.
class split_mix {
 public:
  explicit split_mix(std::uint64_t seed) : state_(seed) {}
  std::uint64_t next() noexcept {
    state_ += 0x9E3779B97F4A7C15ull;
    std::uint64_t z = state_;
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
  }
  /// Uniform in [0, n).
  std::uint64_t below(std::uint64_t n) noexcept { return next() % n; }

 private:
  std::uint64_t state_;
};

}  // namespace chronograph::text::detail
