// SPDX-License-Identifier: MIT
#include "perceptron.hpp"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <fstream>

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

void weight_table::build(const std::vector<std::pair<std::uint64_t, std::vector<class_weight>>>& entries,
                         std::size_t class_count) {
  set_classes(class_count);
  float largest = 0.0f;
  for (const auto& entry : entries)
    for (const auto& w : entry.second) largest = std::max(largest, std::fabs(w.weight));
  const double scale = largest > 0.0f ? 32767.0 / static_cast<double>(largest) : 1.0;
  capacity_ = std::max<std::size_t>(16, entries.size() * 5 / 3 + 1);  // load factor at most 0.6
  if (capacity_ > (std::size_t{1} << 32)) throw input_error("weight table: too many features");
  slots_ = page_array<slot>(capacity_);
  rest_.clear();
  dense_.clear();
  features_ = 0;
  weights_ = 0;
  std::vector<packed_weight> q;
  for (const auto& [key, ws] : entries) {
    q.clear();
    for (const auto& w : ws) {
      const long v = std::lround(static_cast<double>(w.weight) * scale);
      if (v != 0) q.push_back({w.cls, static_cast<std::int16_t>(v)});
    }
    if (q.empty()) continue;
    const std::uint32_t tag = tag_of(key);
    std::size_t s = home(key);
    bool shadowed = false;
    for (; slots_[s].tag != 0; s = s + 1 == capacity_ ? 0 : s + 1)
      if (slots_[s].tag == tag) shadowed = true;
    // A key whose tag already sits on its probe path could never be found: dropped (a hash
    // collision like any other of hashed features; none in the shipped models). Weights that
    // round to 0 are dropped too (the tagger's smallest: 176 of 455k).
    if (shadowed) continue;
    slot& target = slots_[s];
    target.tag = tag;
    std::size_t index;
    if (q.size() * 4 >= classes_ || q.size() >= dense_count) {
      index = dense_.size() / stride_;
      dense_.resize(dense_.size() + stride_, 0);
      for (const auto& w : q) dense_[index * stride_ + w.cls] = w.value;
      target.ref = dense_count;
    } else {
      index = rest_.size();
      for (std::size_t k = 0; k < q.size(); ++k) {
        if (k < inline_weights) target.first[k] = q[k];
        else rest_.push_back(q[k]);
      }
      target.ref = static_cast<std::uint32_t>(q.size());
    }
    if (index >= (std::size_t{1} << (32 - count_bits))) throw input_error("weight table: too many weights");
    target.ref |= static_cast<std::uint32_t>(index) << count_bits;
    ++features_;
    weights_ += q.size();
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
__attribute__((target_clones("avx2", "default")))
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
#endif
    return sum_rows_function{sum_rows_portable};
  }();
  chosen(rows, n, stride, scores);
}

}  // namespace

void weight_table::add_all(const std::uint64_t* keys, std::size_t n, std::int32_t* scores) const noexcept {
  constexpr std::size_t batch = 64;
  const slot* found[batch];
  const std::int16_t* rows[batch];
  for (std::size_t start = 0; start < n; start += batch) {
    const std::size_t end = n - start < batch ? n : start + batch;
    for (std::size_t i = start; i < end; ++i) __builtin_prefetch(&slots_[home(keys[i])]);
    std::size_t hits = 0, dense_rows = 0;
    for (std::size_t i = start; i < end; ++i) {
      const slot* hit = find(keys[i]);
      if (!hit) continue;
      const std::uint32_t count = hit->ref & count_mask;
      if (count == dense_count) {
        rows[dense_rows] = &dense_[std::size_t{hit->ref >> count_bits} * stride_];
        __builtin_prefetch(rows[dense_rows++]);
        continue;
      }
      if (count > inline_weights) __builtin_prefetch(&rest_[hit->ref >> count_bits]);
      found[hits++] = hit;
    }
    // Dense rows first: the sparse features' rest weights arrive meanwhile (integer sums: the
    // order does not matter).
    sum_rows(rows, dense_rows, stride_, scores);
    for (std::size_t h = 0; h < hits; ++h) {
      const slot& x = *found[h];
      const std::uint32_t count = x.ref & count_mask;
      scores[x.first[0].cls] += x.first[0].value;
      if (count == 1) continue;
      scores[x.first[1].cls] += x.first[1].value;
      const packed_weight* rest = &rest_[x.ref >> count_bits];
      for (std::uint32_t k = inline_weights; k < count; ++k, ++rest) scores[rest->cls] += rest->value;
    }
  }
}

void weight_table::write(binary_writer& out) const {
  out.put<std::uint64_t>(capacity_);
  out.put<std::uint64_t>(features_);
  out.put<std::uint64_t>(weights_);
  out.put<std::uint64_t>(rest_.size());
  out.put<std::uint64_t>(dense_.size() / stride_ * classes_);  // rows without their padding
  out.put_bytes(slots_.data(), capacity_ * sizeof(slot));
  out.put_bytes(rest_.data(), rest_.size() * sizeof(packed_weight));
  for (std::size_t row = 0; row < dense_.size(); row += stride_) out.put_bytes(&dense_[row], classes_ * sizeof(std::int16_t));
}

void weight_table::read(binary_reader& in, std::size_t class_count) {
  set_classes(class_count);
  capacity_ = in.get<std::uint64_t>();
  features_ = in.get<std::uint64_t>();
  weights_ = in.get<std::uint64_t>();
  const auto rest = in.get<std::uint64_t>();
  const auto dense = in.get<std::uint64_t>();
  constexpr std::uint64_t limit = std::uint64_t{1} << 28;
  if (capacity_ > limit || features_ >= capacity_ || rest > limit || dense > limit || dense % classes_ != 0)
    in.fail("implausible weight table size");
  slots_ = page_array<slot>(capacity_);
  in.get_bytes(slots_.data(), capacity_ * sizeof(slot));
  rest_.resize(rest);
  in.get_bytes(rest_.data(), rest * sizeof(packed_weight));
  dense_.assign(dense / classes_ * stride_, 0);
  for (std::size_t row = 0; row < dense_.size(); row += stride_) in.get_bytes(&dense_[row], classes_ * sizeof(std::int16_t));
  // Every reference and class id must be in range: lookups do not check them.
  std::size_t features = 0, weights = 0;
  const auto bad_class = [&](const packed_weight& w) { return w.cls >= classes_; };
  for (std::size_t s = 0; s < capacity_; ++s) {
    const slot& x = slots_[s];
    if (x.tag == 0) continue;
    ++features;
    const std::size_t count = x.ref & count_mask, index = x.ref >> count_bits;
    if (count == dense_count) {
      if ((index + 1) * stride_ > dense_.size()) in.fail("dense row out of range");
      for (std::size_t c = 0; c < classes_; ++c) weights += dense_[index * stride_ + c] != 0;
      continue;
    }
    if (count == 0 || bad_class(x.first[0]) || (count > 1 && bad_class(x.first[1])))
      in.fail("bad feature weights");
    if (count > inline_weights && index + count - inline_weights > rest_.size()) in.fail("weights out of range");
    weights += count;
  }
  if (std::any_of(rest_.begin(), rest_.end(), bad_class)) in.fail("bad class id");
  if (features != features_ || weights != weights_) in.fail("weight table counts do not match");
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
