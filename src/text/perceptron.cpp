// SPDX-License-Identifier: MIT
#include "perceptron.hpp"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <fstream>
#include <map>

#ifdef __linux__
#include <sys/mman.h>
#endif
#if defined(__x86_64__)
#include <immintrin.h>
#endif

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

void* allocate_pages(std::size_t bytes) {
  constexpr std::size_t huge_page = std::size_t{2} << 20;
  const std::size_t align = bytes >= huge_page ? huge_page : 4096;
  const std::size_t size = std::max<std::size_t>(1, (bytes + align - 1) / align) * align;
  void* p = std::aligned_alloc(align, size);
  if (!p) throw std::bad_alloc();
#ifdef __linux__
  if (align == huge_page) (void)madvise(p, size, MADV_HUGEPAGE);  // a hint: no huge pages is fine too
#endif
  std::memset(p, 0, size);
  return p;
}

void weight_table::set_classes(std::size_t class_count) {
  if (class_count == 0 || class_count > max_classes) throw input_error("weight table: unsupported class count");
  classes_ = class_count;
  stride_ = (class_count + lanes - 1) / lanes * lanes;
}

namespace {

/// Buckets for `features` features at `per_bucket` each and the given load (in (0, 1]).
std::size_t bucket_count(std::size_t features, std::size_t per_bucket, double load) {
  const auto wanted = static_cast<double>(features) / (static_cast<double>(per_bucket) * load);
  const std::size_t count = std::max<std::size_t>(1, static_cast<std::size_t>(std::ceil(wanted)));
  if (count > (std::size_t{1} << 32)) throw input_error("weight table: too many features");
  return count;
}

/// Fills one bucket from its candidates: the strongest first (sum of |weights|; ties by key, so
/// a table depends on nothing but its input), while there is room and the tag is new. A key
/// whose tag is already in the bucket could never be found: a hash collision like any other of
/// hashed features; the stronger feature keeps the entry. `store(slot, candidate)` writes a
/// kept candidate; the others are counted in `dropped`. Returns the slots used.
template <std::size_t per_bucket, class Candidate, class TagOf, class Store>
std::size_t fill_bucket(std::vector<Candidate>& list, std::uint16_t (&tags)[per_bucket], TagOf tag_of,
                        std::size_t& dropped, Store store) {
  std::sort(list.begin(), list.end(), [](const Candidate& x, const Candidate& y) {
    return x.strength != y.strength ? x.strength > y.strength : x.key < y.key;
  });
  std::size_t used = 0;
  for (const auto& x : list) {
    const std::uint16_t tag = tag_of(x.key);
    if (std::find(tags, tags + used, tag) != tags + used || used == per_bucket) {
      ++dropped;
      continue;
    }
    tags[used] = tag;
    store(used++, x);
  }
  return used;
}

}  // namespace

void weight_table::build(const std::vector<std::pair<std::uint64_t, std::vector<class_weight>>>& entries,
                         std::size_t class_count, double load) {
  set_classes(class_count);
  const double scale = quantization_scale(entries);
  const std::size_t count = bucket_count(entries.size(), per_bucket, load);
  buckets_ = page_array<bucket>(count);
  rest_.clear();
  dense_.clear();
  features_ = weights_ = dropped_ = 0;
  // The candidates of each bucket (fill_bucket keeps the strongest). Weights that round to 0
  // are dropped.
  struct candidate {
    std::uint64_t key;
    std::int64_t strength;
    std::vector<packed_weight> q;
  };
  std::vector<std::vector<candidate>> by_bucket(count);
  for (const auto& [key, ws] : entries) {
    candidate x{key, 0, {}};
    for (const auto& w : ws) {
      if (w.cls >= classes_) throw input_error("weight table: class id out of range");
      const long v = std::lround(static_cast<double>(w.weight) * scale);
      if (v == 0) continue;
      x.q.push_back({w.cls, static_cast<std::int16_t>(v)});
      x.strength += std::labs(v);
    }
    if (!x.q.empty()) by_bucket[home(key)].push_back(std::move(x));
  }
  for (std::size_t b = 0; b < count; ++b) {
    bucket& target = buckets_[b];
    features_ += fill_bucket(by_bucket[b], target.tag, tag_of, dropped_, [&](std::size_t slot, const candidate& x) {
      entry& out = target.entries[slot];
      const auto& q = x.q;
      weights_ += q.size();
      if (q.size() <= 2) {
        for (std::size_t k = 0; k < q.size(); ++k) {
          out.cls[k] = static_cast<std::uint8_t>(q[k].cls);
          out.value[k] = q[k].value;
        }
        return;
      }
      std::size_t index;
      if (q.size() * 4 >= classes_) {
        index = dense_.size() / stride_;
        dense_.resize(dense_.size() + stride_, 0);
        for (const auto& w : q) dense_[index * stride_ + w.cls] = w.value;
        out.cls[0] = dense_row;
      } else {
        index = rest_.size();
        rest_.insert(rest_.end(), q.begin(), q.end());
        out.cls[0] = static_cast<std::uint8_t>(q.size());  // < classes_ / 4 < dense_row
      }
      if (index > UINT32_MAX) throw input_error("weight table: too many weights");
      out.cls[1] = elsewhere;
      out.value[0] = static_cast<std::int16_t>(static_cast<std::uint16_t>(index & 0xFFFF));
      out.value[1] = static_cast<std::int16_t>(static_cast<std::uint16_t>(index >> 16));
    });
  }
}

namespace {

// Dense rows: scores[c] += rows[r][c] for all rows, 16 classes at a time with the sums kept in
// vector registers (GCC/Clang vector extensions; AVX-512 or AVX2 where the processor has them).
// `stride` is a multiple of 16.
#if defined(__GNUC__)
using i16x8 = std::int16_t __attribute__((vector_size(16)));
using i32x8 = std::int32_t __attribute__((vector_size(32)));
using i16x16 = std::int16_t __attribute__((vector_size(32)));
using i32x16 = std::int32_t __attribute__((vector_size(64)));

#if defined(__x86_64__) && defined(__linux__) && !defined(CHRONOGRAPH_NO_TARGET_CLONES)
#define CHRONOGRAPH_X86_DISPATCH 1
#endif

#ifdef CHRONOGRAPH_X86_DISPATCH
// 16 weights widened to 32 bits (the zero-masking form: GCC 12 warns about the plain one).
#define CHRONOGRAPH_WIDEN_16(p) \
  _mm512_maskz_cvtepi16_epi32(0xFFFF, _mm256_loadu_si256(reinterpret_cast<const __m256i*>(p)))

// 32 classes per pass over the rows (two 16-lane sums), then a last pass of 16 when needed.
__attribute__((target("avx512f,avx512bw"))) void sum_rows_avx512(const std::int16_t* const* rows, std::size_t n,
                                                                  std::size_t stride, std::int32_t* scores) noexcept {
  std::size_t c0 = 0;
  for (; c0 + 32 <= stride; c0 += 32) {
    __m512i low = _mm512_setzero_si512(), high = _mm512_setzero_si512();
    for (std::size_t r = 0; r < n; ++r) {
      low = _mm512_add_epi32(low, CHRONOGRAPH_WIDEN_16(rows[r] + c0));
      high = _mm512_add_epi32(high, CHRONOGRAPH_WIDEN_16(rows[r] + c0 + 16));
    }
    _mm512_storeu_si512(scores + c0, _mm512_add_epi32(_mm512_loadu_si512(scores + c0), low));
    _mm512_storeu_si512(scores + c0 + 16, _mm512_add_epi32(_mm512_loadu_si512(scores + c0 + 16), high));
  }
  if (c0 < stride) {
    __m512i sum = _mm512_setzero_si512();
    for (std::size_t r = 0; r < n; ++r) sum = _mm512_add_epi32(sum, CHRONOGRAPH_WIDEN_16(rows[r] + c0));
    _mm512_storeu_si512(scores + c0, _mm512_add_epi32(_mm512_loadu_si512(scores + c0), sum));
  }
}
#undef CHRONOGRAPH_WIDEN_16
// AVX2: 16 classes per pass, each row's 16 weights widened by two vpmovsxwd from memory (the
// generic vector code below compiles to four instructions per eight weights there).
__attribute__((target("avx2"))) void sum_rows_avx2(const std::int16_t* const* rows, std::size_t n, std::size_t stride,
                                                   std::int32_t* scores) noexcept {
  if (n == 0) return;
  for (std::size_t c0 = 0; c0 < stride; c0 += 16) {
    auto* out = reinterpret_cast<__m256i*>(scores + c0);
    __m256i low = _mm256_loadu_si256(out), high = _mm256_loadu_si256(out + 1);
    for (std::size_t r = 0; r < n; ++r) {
      low = _mm256_add_epi32(low, _mm256_cvtepi16_epi32(_mm_loadu_si128(reinterpret_cast<const __m128i*>(rows[r] + c0))));
      high = _mm256_add_epi32(high, _mm256_cvtepi16_epi32(_mm_loadu_si128(reinterpret_cast<const __m128i*>(rows[r] + c0 + 8))));
    }
    _mm256_storeu_si256(out, low);
    _mm256_storeu_si256(out + 1, high);
  }
}
#endif
void sum_rows_portable(const std::int16_t* const* rows, std::size_t n, std::size_t stride,
                       std::int32_t* scores) noexcept {
  // Two 8-lane halves: a 16-lane int32 vector would not stay in AVX2 registers.
  for (std::size_t c0 = 0; c0 < stride; c0 += 16) {
    i32x8 low = {}, high = {}, total;
    for (std::size_t r = 0; r < n; ++r) {
      i16x8 a, b;
      std::memcpy(&a, rows[r] + c0, sizeof a);
      std::memcpy(&b, rows[r] + c0 + 8, sizeof b);
      low += __builtin_convertvector(a, i32x8);
      high += __builtin_convertvector(b, i32x8);
    }
    std::memcpy(&total, scores + c0, sizeof total);
    total += low;
    std::memcpy(scores + c0, &total, sizeof total);
    std::memcpy(&total, scores + c0 + 8, sizeof total);
    total += high;
    std::memcpy(scores + c0 + 8, &total, sizeof total);
  }
}
#else
void sum_rows_portable(const std::int16_t* const* rows, std::size_t n, std::size_t stride,
                       std::int32_t* scores) noexcept {
  for (std::size_t r = 0; r < n; ++r)
    for (std::size_t c = 0; c < stride; ++c) scores[c] += rows[r][c];
}
#endif

using sum_rows_function = void (*)(const std::int16_t* const*, std::size_t, std::size_t, std::int32_t*) noexcept;

// Chosen once, on first use (safe during static initialisation of other files).
void sum_rows(const std::int16_t* const* rows, std::size_t n, std::size_t stride, std::int32_t* scores) noexcept {
  static const sum_rows_function chosen = [] {
#ifdef CHRONOGRAPH_X86_DISPATCH
    __builtin_cpu_init();
    if (__builtin_cpu_supports("avx512bw")) return sum_rows_function{sum_rows_avx512};
    if (__builtin_cpu_supports("avx2")) return sum_rows_function{sum_rows_avx2};
#endif
    return sum_rows_function{sum_rows_portable};
  }();
  chosen(rows, n, stride, scores);
}

}  // namespace

// The weights of up to `batch` features that live outside their buckets, gathered while the
// buckets are read and added at the end, when they have had time to arrive.
struct weight_table::pending {
  static constexpr std::size_t batch = 64;
  const std::int16_t* rows[batch];
  const packed_weight* lists[batch];
  std::uint8_t list_sizes[batch];
  std::size_t dense_rows = 0, sparse = 0;

  void add_to(std::int32_t* scores, std::size_t stride) noexcept {
    // Dense rows first: the lists arrive meanwhile (integer sums: the order does not matter).
    sum_rows(rows, dense_rows, stride, scores);
    // A list has at least three weights (build() keeps up to two inline, read() checks): those
    // three without the loop's test.
    for (std::size_t k = 0; k < sparse; ++k) {
      const packed_weight* w = lists[k];
      scores[w[0].cls] += w[0].value;
      scores[w[1].cls] += w[1].value;
      scores[w[2].cls] += w[2].value;
      for (std::size_t c = 3; c < list_sizes[k]; ++c) scores[w[c].cls] += w[c].value;
    }
    dense_rows = sparse = 0;
  }
};

inline void weight_table::visit(const bucket& b, std::uint64_t key, std::int32_t* scores, pending& later) const noexcept {
  // The matching entry, or entry 0 with its weights masked out: no branch on the outcome.
  const auto [e, found] = find_tag8(b.tag, tag_of(key));
  const entry& x = b.entries[e];
  const bool far = x.cls[1] == elsewhere;
  const std::int32_t keep = -static_cast<std::int32_t>(found && !far);
  const auto keep_class = static_cast<std::uint8_t>(keep);  // the class ids too: a far entry's are no classes
  scores[x.cls[0] & keep_class] += x.value[0] & keep;
  scores[x.cls[1] & keep_class] += x.value[1] & keep;
  if (!(found && far)) return;
  if (x.cls[0] == dense_row) {
    later.rows[later.dense_rows] = &dense_[std::size_t{index_of(x)} * stride_];
    __builtin_prefetch(later.rows[later.dense_rows++]);
  } else {
    later.lists[later.sparse] = &rest_[index_of(x)];
    later.list_sizes[later.sparse] = x.cls[0];
    __builtin_prefetch(later.lists[later.sparse++]);
  }
}

void weight_table::add_all(const std::uint64_t* keys, std::size_t n, std::int32_t* scores) const noexcept {
  constexpr std::size_t ahead = 16;
  pending later;
  std::size_t where[ahead];
  for (std::size_t i = 0; i < n && i < ahead; ++i) {
    where[i] = home(keys[i]);
    __builtin_prefetch(&buckets_[where[i]]);
  }
  for (std::size_t i = 0; i < n; ++i) {
    const bucket& b = buckets_[where[i % ahead]];
    if (i + ahead < n) {
      where[i % ahead] = home(keys[i + ahead]);
      __builtin_prefetch(&buckets_[where[i % ahead]]);
    }
    visit(b, keys[i], scores, later);
    if (later.dense_rows + later.sparse == pending::batch) later.add_to(scores, stride_);
  }
  later.add_to(scores, stride_);
}

void weight_table::sum_groups(const std::uint64_t* keys, std::size_t groups, std::size_t per_group,
                              std::int32_t* sums) const noexcept {
  constexpr std::size_t ahead = 16;
  const std::size_t n = groups * per_group;
  pending later;
  std::size_t where[ahead];
  for (std::size_t i = 0; i < n && i < ahead; ++i) {
    where[i] = home(keys[i]);
    __builtin_prefetch(&buckets_[where[i]]);
  }
  for (std::size_t g = 0, i = 0; g < groups; ++g) {
    std::int32_t* scores = sums + g * stride_;
    std::fill(scores, scores + stride_, 0);
    for (std::size_t k = 0; k < per_group; ++k, ++i) {
      const bucket& b = buckets_[where[i % ahead]];
      if (i + ahead < n) {
        where[i % ahead] = home(keys[i + ahead]);
        __builtin_prefetch(&buckets_[where[i % ahead]]);
      }
      visit(b, keys[i], scores, later);
      if (later.dense_rows + later.sparse == pending::batch) later.add_to(scores, stride_);
    }
    later.add_to(scores, stride_);
  }
}

void weight_table::write(binary_writer& out) const {
  out.put<std::uint64_t>(buckets_.size());
  out.put<std::uint64_t>(features_);
  out.put<std::uint64_t>(weights_);
  out.put<std::uint64_t>(dropped_);
  out.put<std::uint64_t>(rest_.size());
  out.put<std::uint64_t>(dense_.size() / stride_ * classes_);  // rows without their padding
  out.put_bytes(buckets_.data(), buckets_.size() * sizeof(bucket));
  out.put_bytes(rest_.data(), rest_.size() * sizeof(packed_weight));
  for (std::size_t row = 0; row < dense_.size(); row += stride_) out.put_bytes(&dense_[row], classes_ * sizeof(std::int16_t));
}

void weight_table::read(binary_reader& in, std::size_t class_count) {
  try {
    set_classes(class_count);
  } catch (const input_error&) {
    in.fail("unsupported class count");
  }
  const auto count = in.get<std::uint64_t>();
  features_ = in.get<std::uint64_t>();
  weights_ = in.get<std::uint64_t>();
  dropped_ = in.get<std::uint64_t>();
  const auto rest = in.get<std::uint64_t>();
  const auto dense = in.get<std::uint64_t>();
  constexpr std::uint64_t limit = std::uint64_t{1} << 28;
  if (count == 0 || count > limit || features_ > count * per_bucket || rest > limit || dense > limit ||
      dense % classes_ != 0)
    in.fail("implausible weight table size");
  buckets_ = page_array<bucket>(count);
  in.get_bytes(buckets_.data(), count * sizeof(bucket));
  rest_.resize(rest);
  in.get_bytes(rest_.data(), rest * sizeof(packed_weight));
  dense_.assign(dense / classes_ * stride_, 0);
  for (std::size_t row = 0; row < dense_.size(); row += stride_) in.get_bytes(&dense_[row], classes_ * sizeof(std::int16_t));
  // Every reference and class id must be in range: lookups do not check them.
  std::size_t features = 0, weights = 0;
  const auto bad_class = [&](const packed_weight& w) { return w.cls >= classes_; };
  for (std::size_t b = 0; b < count; ++b)
    for (std::size_t e = 0; e < per_bucket; ++e) {
      const entry& x = buckets_[b].entries[e];
      if (buckets_[b].tag[e] == 0) {
        if (x.cls[0] != 0 || x.cls[1] != 0 || x.value[0] != 0 || x.value[1] != 0) in.fail("bad free entry");
        continue;
      }
      ++features;
      if (x.cls[1] != elsewhere) {
        if (x.cls[0] >= classes_ || x.cls[1] >= classes_) in.fail("bad class id");
        weights += (x.value[0] != 0) + (x.value[1] != 0);
        continue;
      }
      const std::size_t index = index_of(x);
      if (x.cls[0] == dense_row) {
        if ((index + 1) * stride_ > dense_.size()) in.fail("dense row out of range");
        for (std::size_t c = 0; c < classes_; ++c) weights += dense_[index * stride_ + c] != 0;
      } else {
        if (x.cls[0] < 3 || index + x.cls[0] > rest_.size()) in.fail("weights out of range");
        weights += x.cls[0];
      }
    }
  if (std::any_of(rest_.begin(), rest_.end(), bad_class)) in.fail("bad class id");
  if (features != features_ || weights != weights_) in.fail("weight table counts do not match");
}

double quantization_scale(const std::vector<std::pair<std::uint64_t, std::vector<class_weight>>>& entries) {
  float largest = 0.0f;
  for (const auto& entry : entries)
    for (const auto& w : entry.second) largest = std::max(largest, std::fabs(w.weight));
  return largest > 0.0f ? 32767.0 / static_cast<double>(largest) : 1.0;
}

template <std::size_t K>
void line_table<K>::build(const std::vector<std::pair<std::uint64_t, std::vector<class_weight>>>& entries, double load) {
  scale_ = quantization_scale(entries);
  const std::size_t count = bucket_count(entries.size(), per_bucket, load);
  buckets_ = page_array<bucket>(count);
  // The candidates of each bucket (fill_bucket keeps the strongest).
  struct candidate {
    std::uint64_t key;
    std::int64_t strength;
    std::array<std::int16_t, K> q;
  };
  std::vector<std::vector<candidate>> by_bucket(count);
  for (const auto& [key, ws] : entries) {
    candidate x{key, 0, {}};
    for (const auto& w : ws) {
      if (w.cls >= K) throw input_error("weight table: class id out of range");
      const long v = std::lround(static_cast<double>(w.weight) * scale_);
      x.q[w.cls] = static_cast<std::int16_t>(v);
      x.strength += std::labs(v);
    }
    if (x.strength != 0) by_bucket[home(key)].push_back(x);  // else every weight rounds to 0
  }
  features_ = dropped_ = 0;
  for (std::size_t b = 0; b < count; ++b) {
    bucket& target = buckets_[b];
    features_ += fill_bucket(by_bucket[b], target.tag, tag_of, dropped_, [&](std::size_t slot, const candidate& x) {
      for (std::size_t c = 0; c < K; ++c) target.weight[c][slot] = x.q[c];
    });
  }
}

template <std::size_t K>
void line_table<K>::add_all(const std::uint64_t* keys, std::size_t n, std::int32_t* scores) const noexcept {
  // Fetch `ahead` buckets before they are needed: enough to keep the memory system busy,
  // few enough not to stall on a full miss queue.
  constexpr std::size_t ahead = 16;
  std::size_t where[ahead];
  sums sum;
  const std::size_t first = std::min(n, ahead);
  for (std::size_t i = 0; i < first; ++i) {
    where[i] = home(keys[i]);
    __builtin_prefetch(&buckets_[where[i]]);
  }
  for (std::size_t i = 0; i < n; ++i) {
    const std::size_t b = where[i % ahead];
    if (i + ahead < n) {
      where[i % ahead] = home(keys[i + ahead]);
      __builtin_prefetch(&buckets_[where[i % ahead]]);
    }
    sum.add(buckets_[b], keys[i]);
  }
  sum.add_to(scores);
}

template <std::size_t K>
void line_table<K>::sum_groups(const std::uint64_t* keys, std::size_t groups, std::size_t per_group,
                               std::array<std::int32_t, K>* out) const noexcept {
  constexpr std::size_t ahead = 16;
  const std::size_t n = groups * per_group;
  std::size_t where[ahead];
  for (std::size_t i = 0; i < n && i < ahead; ++i) {
    where[i] = home(keys[i]);
    __builtin_prefetch(&buckets_[where[i]]);
  }
  for (std::size_t g = 0, i = 0; g < groups; ++g) {
    sums sum;
    for (std::size_t k = 0; k < per_group; ++k, ++i) {
      const std::size_t b = where[i % ahead];
      if (i + ahead < n) {
        where[i % ahead] = home(keys[i + ahead]);
        __builtin_prefetch(&buckets_[where[i % ahead]]);
      }
      sum.add(buckets_[b], keys[i]);
    }
    out[g].fill(0);
    sum.add_to(out[g].data());
  }
}

template <std::size_t K>
void line_table<K>::sum_spans(const std::uint64_t* keys, const std::size_t* ends, std::size_t spans,
                              std::array<std::int32_t, K>* out) const noexcept {
  // First every key's bucket, then the lookups, each fetching the bucket `ahead` keys on (the
  // ring of add_all without its bookkeeping; the padding fetches bucket 0 again).
  constexpr std::size_t ahead = 16, most = 128;
  const std::size_t n = spans == 0 ? 0 : ends[spans - 1];
  if (n > most) {
    for (std::size_t g = 0, from = 0; g < spans; from = ends[g++]) {
      out[g].fill(0);
      add_all(keys + from, ends[g] - from, out[g].data());
    }
    return;
  }
  const bucket* at[most + ahead];
  for (std::size_t i = 0; i < n; ++i) at[i] = &buckets_[home(keys[i])];
  for (std::size_t i = 0; i < ahead; ++i) {
    at[n + i] = buckets_.data();
    __builtin_prefetch(at[i]);
  }
  for (std::size_t g = 0, i = 0; g < spans; ++g) {
    sums sum;
    for (; i < ends[g]; ++i) {
      __builtin_prefetch(at[i + ahead]);
      sum.add(*at[i], keys[i]);
    }
    out[g].fill(0);
    sum.add_to(out[g].data());
  }
}

template <std::size_t K>
std::array<std::int16_t, K> line_table<K>::weights_of(std::uint64_t key) const noexcept {
  std::array<std::int32_t, K> sum{};
  sums found;
  found.add(buckets_[home(key)], key);
  found.add_to(sum.data());
  std::array<std::int16_t, K> out{};
  for (std::size_t c = 0; c < K; ++c) out[c] = static_cast<std::int16_t>(sum[c]);
  return out;
}

template <std::size_t K>
void line_table<K>::write(binary_writer& out) const {
  out.put<std::uint64_t>(buckets_.size());
  out.put<std::uint64_t>(features_);
  out.put<std::uint64_t>(dropped_);
  out.put<double>(scale_);
  for (std::size_t b = 0; b < buckets_.size(); ++b) {
    const bucket file = transposed(buckets_[b], true);
    out.put_bytes(&file, sizeof file);
  }
}

template <std::size_t K>
void line_table<K>::read(binary_reader& in) {
  const auto count = in.get<std::uint64_t>();
  features_ = in.get<std::uint64_t>();
  dropped_ = in.get<std::uint64_t>();
  scale_ = in.get<double>();
  if (count == 0 || count > (std::uint64_t{1} << 26) || features_ > count * per_bucket) in.fail("implausible weight table size");
  buckets_ = page_array<bucket>(count);
  in.get_bytes(buckets_.data(), count * sizeof(bucket));
  std::size_t features = 0;
  for (std::size_t b = 0; b < count; ++b) {
    buckets_[b] = transposed(buckets_[b], false);
    for (std::size_t e = 0; e < per_bucket; ++e) features += buckets_[b].tag[e] != 0;
  }
  if (features != features_) in.fail("weight table counts do not match");
}

template class line_table<3>;

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

std::vector<std::pair<std::uint64_t, std::vector<class_weight>>> average_models(
    const std::vector<std::vector<std::pair<std::uint64_t, std::vector<class_weight>>>>& models, float prune_below) {
  std::map<std::uint64_t, std::map<std::uint16_t, double>> sums;
  for (const auto& model : models)
    for (const auto& [key, ws] : model)
      for (const auto& w : ws) sums[key][w.cls] += static_cast<double>(w.weight);
  std::vector<std::pair<std::uint64_t, std::vector<class_weight>>> out;
  const double count = models.empty() ? 1.0 : static_cast<double>(models.size());
  for (const auto& [key, by_class] : sums) {
    std::vector<class_weight> ws;
    for (const auto& [cls, sum] : by_class) {
      const auto avg = static_cast<float>(sum / count);
      if (std::fabs(avg) >= prune_below && avg != 0.0f) ws.push_back({cls, avg});
    }
    if (!ws.empty()) out.emplace_back(key, std::move(ws));
  }
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

model_file read_model_file(const std::filesystem::path& path, std::string_view magic, std::string_view what) {
  std::ifstream file(path, std::ios::binary | std::ios::ate);
  if (!file) throw resource_error(path.string() + ": cannot read " + std::string(what));
  model_file out;
  out.bytes.resize(static_cast<std::size_t>(file.tellg()));
  file.seekg(0);
  if (!file.read(out.bytes.data(), static_cast<std::streamsize>(out.bytes.size())))
    throw resource_error(path.string() + ": cannot read " + std::string(what));
  const std::string& data = out.bytes;
  // Skip the text header: '#' lines, then the magic line.
  std::size_t pos = 0;
  while (pos < data.size() && data[pos] == '#') {
    const auto nl = data.find('\n', pos);
    if (nl == std::string::npos) break;
    pos = nl + 1;
  }
  if (data.compare(pos, magic.size() + 1, std::string(magic) + "\n") != 0)
    throw resource_error(path.string() + ": not a chronograph " + std::string(what));
  out.body_offset = pos + magic.size() + 1;
  return out;
}

}  // namespace chronograph::text::detail
