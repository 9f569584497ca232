// SPDX-License-Identifier: MIT
// A read-mostly map from strings to values that is looked up by pieces: "form", "\t", "xpos"
// find the key "form\txpos" without building it, so lookups allocate nothing.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace chronograph::text::detail {

/// Open addressing over 64-bit FNV-1a hashes of the keys; a hash hit is confirmed on the stored
/// key, so the map is exact. Insertion order does not matter to lookups.
template <typename V>
class string_map {
 public:
  /// Adds `key` with `value` unless the key is there already (then the first value stays, like
  /// std::unordered_map::emplace). Returns the stored value.
  V& insert(std::string_view key, V value) {
    const std::uint64_t h = hash({key});
    if (const std::size_t s = slot_of(h, {key}); s != npos) return items_[slots_[s].index].second;
    if ((items_.size() + 1) * 2 > slots_.size()) grow();
    items_.emplace_back(std::string(key), std::move(value));
    place(h, static_cast<std::uint32_t>(items_.size() - 1));
    return items_.back().second;
  }
  /// The value of the key that the pieces make when joined, or nullptr.
  [[nodiscard]] const V* find(std::initializer_list<std::string_view> pieces) const noexcept {
    if (items_.empty()) return nullptr;
    const std::size_t s = slot_of(hash(pieces), pieces);
    return s == npos ? nullptr : &items_[slots_[s].index].second;
  }
  [[nodiscard]] const V* find(std::string_view key) const noexcept { return find({key}); }
  [[nodiscard]] bool contains(std::string_view key) const noexcept { return find({key}) != nullptr; }
  [[nodiscard]] std::size_t size() const noexcept { return items_.size(); }
  [[nodiscard]] bool empty() const noexcept { return items_.empty(); }
  void clear() {
    items_.clear();
    slots_.clear();
  }

 private:
  static constexpr std::size_t npos = static_cast<std::size_t>(-1);
  struct slot {
    std::uint64_t hash = 0;
    std::uint32_t index = UINT32_MAX;  ///< into items_; UINT32_MAX: empty
  };

  static std::uint64_t hash(std::initializer_list<std::string_view> pieces) noexcept {
    std::uint64_t h = 0xCBF29CE484222325ull;
    for (const auto piece : pieces)
      for (const unsigned char c : piece) {
        h ^= c;
        h *= 0x100000001B3ull;
      }
    return h ^ (h >> 29);  // FNV's low bits mix poorly; the slot comes from them
  }
  static bool equal(const std::string& key, std::initializer_list<std::string_view> pieces) noexcept {
    std::size_t at = 0;
    for (const auto piece : pieces) {
      if (key.compare(at, piece.size(), piece) != 0) return false;
      at += piece.size();
    }
    return at == key.size();
  }
  [[nodiscard]] std::size_t slot_of(std::uint64_t h, std::initializer_list<std::string_view> pieces) const noexcept {
    if (slots_.empty()) return npos;
    const std::size_t mask = slots_.size() - 1;
    for (std::size_t s = h & mask;; s = (s + 1) & mask) {
      const slot& x = slots_[s];
      if (x.index == UINT32_MAX) return npos;
      if (x.hash == h && equal(items_[x.index].first, pieces)) return s;
    }
  }
  void place(std::uint64_t h, std::uint32_t index) {
    const std::size_t mask = slots_.size() - 1;
    std::size_t s = h & mask;
    while (slots_[s].index != UINT32_MAX) s = (s + 1) & mask;
    slots_[s] = slot{h, index};
  }
  void grow() {
    slots_.assign(slots_.empty() ? 64 : slots_.size() * 2, slot{});
    for (std::uint32_t i = 0; i < items_.size(); ++i) place(hash({items_[i].first}), i);
  }

  std::vector<std::pair<std::string, V>> items_;
  std::vector<slot> slots_;
};

}  // namespace chronograph::text::detail
