// SPDX-License-Identifier: MIT
// A hash map from strings to values for the hot paths of the pipeline (lexicon tables, the
// per-document maps of merging): lookups by std::string_view without building a std::string,
// one flat table of slots (open addressing, linear probing, at most half full) and the entries
// in insertion order. Not a general container: entries are never erased.
// Invariant: iteration (entries()) is in insertion order, never in hash order, so output that
// walks a map stays deterministic.
#pragma once

#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <tuple>
#include <type_traits>
#include <utility>
#include <vector>

namespace chronograph::detail {

/// 64-bit hash of a byte string (8 bytes per step; not cryptographic, not stable across versions).
[[nodiscard]] inline std::uint64_t hash_bytes(std::string_view s) noexcept {
  constexpr std::uint64_t m1 = 0xbf58476d1ce4e5b9ULL, m2 = 0x94d049bb133111ebULL;
  std::uint64_t h = 0x9e3779b97f4a7c15ULL ^ (static_cast<std::uint64_t>(s.size()) * m2);
  const char* p = s.data();
  std::size_t n = s.size();
  const auto mix = [&](std::uint64_t w) {
    h ^= w * m1;
    h = ((h << 27) | (h >> 37)) * m2;
  };
  for (; n >= 8; p += 8, n -= 8) {
    std::uint64_t w;
    std::memcpy(&w, p, 8);
    mix(w);
  }
  if (n > 0) {
    std::uint64_t w = 0;
    std::memcpy(&w, p, n);
    mix(w);
  }
  h ^= h >> 31;
  h *= 0xd6e8feb86659fd93ULL;
  h ^= h >> 32;
  return h;
}

/// Map from strings to V. `Key` is std::string (the map owns its keys) or std::string_view (the
/// caller keeps the keyed strings alive and unchanged while the map is used).
template <class V, class Key = std::string>
class string_map {
  static_assert(std::is_same_v<Key, std::string> || std::is_same_v<Key, std::string_view>);

 public:
  using entry = std::pair<Key, V>;

  /// The value of `key`, or nullptr.
  [[nodiscard]] const V* find(std::string_view key) const noexcept {
    const auto at = locate(key, hash_bytes(key));
    return at.index == npos ? nullptr : &entries_[at.index].second;
  }
  [[nodiscard]] V* find(std::string_view key) noexcept {
    const auto at = locate(key, hash_bytes(key));
    return at.index == npos ? nullptr : &entries_[at.index].second;
  }
  [[nodiscard]] bool contains(std::string_view key) const noexcept { return find(key) != nullptr; }
  [[nodiscard]] std::size_t count(std::string_view key) const noexcept { return contains(key) ? 1 : 0; }

  /// Inserts (key, V(args...)) unless the key is present; as std::map::try_emplace (the first
  /// value stays). Returns the value and whether it was inserted.
  template <class... Args>
  std::pair<V*, bool> try_emplace(std::string_view key, Args&&... args) {
    if (2 * (entries_.size() + 1) > slots_.size()) grow(slots_.empty() ? 16 : 2 * slots_.size());
    const auto h = hash_bytes(key);
    const auto at = locate(key, h);
    if (at.index != npos) return {&entries_[at.index].second, false};
    slots_[at.slot] = slot{static_cast<std::uint32_t>(entries_.size() + 1), static_cast<std::uint32_t>(h >> 32)};
    entries_.emplace_back(std::piecewise_construct, std::forward_as_tuple(Key(key)),
                          std::forward_as_tuple(std::forward<Args>(args)...));
    return {&entries_.back().second, true};
  }
  /// The value of `key`, default-constructed when new (as std::map::operator[]).
  V& operator[](std::string_view key) { return *try_emplace(key).first; }

  void reserve(std::size_t n) {
    entries_.reserve(n);
    std::size_t slots = 16;
    while (slots < 2 * n) slots *= 2;
    if (slots > slots_.size()) grow(slots);
  }
  [[nodiscard]] std::size_t size() const noexcept { return entries_.size(); }
  [[nodiscard]] bool empty() const noexcept { return entries_.empty(); }
  /// (key, value) pairs in insertion order.
  [[nodiscard]] const std::vector<entry>& entries() const noexcept { return entries_; }

 private:
  static constexpr std::size_t npos = static_cast<std::size_t>(-1);
  struct slot {
    std::uint32_t number = 0;  // 0 free, else entry index + 1
    std::uint32_t tag = 0;     // high half of the key's hash: most mismatches skip the compare
  };
  struct position {
    std::size_t index, slot;  // entry index (npos when absent) and the slot that holds or would hold it
  };

  [[nodiscard]] position locate(std::string_view key, std::uint64_t h) const noexcept {
    if (slots_.empty()) return {npos, 0};
    const auto tag = static_cast<std::uint32_t>(h >> 32);
    const std::size_t mask = slots_.size() - 1;
    std::size_t at = static_cast<std::size_t>(h) & mask;
    for (; slots_[at].number != 0; at = (at + 1) & mask)
      if (slots_[at].tag == tag && std::string_view(entries_[slots_[at].number - 1].first) == key)
        return {slots_[at].number - 1, at};
    return {npos, at};
  }

  void grow(std::size_t slots) {
    std::vector<slot> table(slots);
    const std::size_t mask = slots - 1;
    for (std::size_t i = 0; i < entries_.size(); ++i) {
      const auto h = hash_bytes(entries_[i].first);
      std::size_t at = static_cast<std::size_t>(h) & mask;
      while (table[at].number != 0) at = (at + 1) & mask;
      table[at] = slot{static_cast<std::uint32_t>(i + 1), static_cast<std::uint32_t>(h >> 32)};
    }
    slots_ = std::move(table);
  }

  std::vector<entry> entries_;
  std::vector<slot> slots_;  // size 0 or a power of two
};

/// A set of strings (string_map without values).
template <class Key = std::string>
class string_set {
 public:
  /// Adds `key`; false when it was there already.
  bool insert(std::string_view key) { return map_.try_emplace(key).second; }
  [[nodiscard]] bool contains(std::string_view key) const noexcept { return map_.contains(key); }
  [[nodiscard]] std::size_t count(std::string_view key) const noexcept { return map_.count(key); }
  [[nodiscard]] std::size_t size() const noexcept { return map_.size(); }
  void reserve(std::size_t n) { map_.reserve(n); }
  /// The keys in insertion order.
  [[nodiscard]] std::vector<Key> keys() const {
    std::vector<Key> out;
    out.reserve(map_.size());
    for (const auto& e : map_.entries()) out.push_back(e.first);
    return out;
  }

 private:
  struct nothing {};
  string_map<nothing, Key> map_;
};

}  // namespace chronograph::detail
