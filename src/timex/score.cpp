// SPDX-License-Identifier: MIT
// TempEval-3 TIMEX3 scoring (strict/relaxed extent, value and type over relaxed matches).
#include "chronograph/timex/score.hpp"

#include <algorithm>
#include <cstdio>
#include <map>

#include "chronograph/error.hpp"

namespace chronograph::timex {
namespace {

struct item {
  byte_span span;
  std::string text, value, type;
};

std::vector<item> timexes_of(const ingest::timeml_document& doc) {
  std::vector<item> out;
  for (const auto* a : doc.annotations_with_tag("TIMEX3")) {
    if (a->attr("functionInDocument") == "CREATION_TIME") continue;
    out.push_back({a->span, doc.text.substr(a->span.begin, a->span.size()), std::string(a->attr("value")),
                   std::string(a->attr("type"))});
  }
  std::sort(out.begin(), out.end(), [](const item& x, const item& y) { return x.span < y.span; });
  return out;
}

double ratio(std::size_t a, std::size_t b) { return b == 0 ? 0.0 : static_cast<double>(a) / static_cast<double>(b); }
prf make_prf(std::size_t matched, std::size_t system, std::size_t gold) {
  prf p;
  p.precision = ratio(matched, system);
  p.recall = ratio(matched, gold);
  p.f1 = p.precision + p.recall > 0 ? 2 * p.precision * p.recall / (p.precision + p.recall) : 0.0;
  return p;
}

document_score score_document(const std::string& docid, const std::vector<item>& gold, const std::vector<item>& sys,
                              bool detail) {
  document_score d;
  d.docid = docid;
  d.counts.gold = gold.size();
  d.counts.system = sys.size();
  std::vector<int> sys_match(sys.size(), -1);
  std::vector<int> gold_match(gold.size(), -1);
  // Exact extents first, then any overlap, each one-to-one.
  for (std::size_t g = 0; g < gold.size(); ++g)
    for (std::size_t s = 0; s < sys.size(); ++s)
      if (sys_match[s] < 0 && gold[g].span == sys[s].span) {
        sys_match[s] = static_cast<int>(g);
        gold_match[g] = static_cast<int>(s);
        ++d.counts.strict;
        break;
      }
  for (std::size_t g = 0; g < gold.size(); ++g) {
    if (gold_match[g] >= 0) continue;
    for (std::size_t s = 0; s < sys.size(); ++s)
      if (sys_match[s] < 0 && gold[g].span.overlaps(sys[s].span)) {
        sys_match[s] = static_cast<int>(g);
        gold_match[g] = static_cast<int>(s);
        break;
      }
  }
  for (std::size_t g = 0; g < gold.size(); ++g) {
    const int s = gold_match[g];
    if (s < 0) {
      if (detail) d.errors.push_back({timex_error::missed, gold[g].text, gold[g].value, gold[g].type, "", "", "", gold[g].span, {}});
      continue;
    }
    const item& si = sys[static_cast<std::size_t>(s)];
    ++d.counts.relaxed;
    const bool value_ok = si.value == gold[g].value, type_ok = si.type == gold[g].type;
    d.counts.value_correct += value_ok;
    d.counts.type_correct += type_ok;
    if (detail) {
      const auto err = [&](timex_error::kind_type k) {
        d.errors.push_back({k, gold[g].text, gold[g].value, gold[g].type, si.text, si.value, si.type, gold[g].span, si.span});
      };
      if (si.span != gold[g].span) err(timex_error::extent);
      if (!value_ok) err(timex_error::value);
      if (!type_ok) err(timex_error::type);
    }
  }
  if (detail)
    for (std::size_t s = 0; s < sys.size(); ++s)
      if (sys_match[s] < 0) d.errors.push_back({timex_error::spurious, "", "", "", sys[s].text, sys[s].value, sys[s].type, {}, sys[s].span});
  return d;
}

}  // namespace

timex_counts& timex_counts::operator+=(const timex_counts& o) {
  gold += o.gold;
  system += o.system;
  strict += o.strict;
  relaxed += o.relaxed;
  value_correct += o.value_correct;
  type_correct += o.type_correct;
  return *this;
}

const char* to_string(timex_error::kind_type k) noexcept {
  switch (k) {
    case timex_error::missed: return "missed";
    case timex_error::spurious: return "spurious";
    case timex_error::extent: return "extent";
    case timex_error::value: return "value";
    case timex_error::type: return "type";
  }
  return "missed";
}

timex_score score_timex(const std::vector<ingest::timeml_document>& gold,
                        const std::vector<ingest::timeml_document>& system, bool detail) {
  timex_score out;
  std::map<std::string, const ingest::timeml_document*> sys_by_id, gold_by_id;
  for (const auto& d : system) sys_by_id[d.docid] = &d;
  for (const auto& d : gold) gold_by_id[d.docid] = &d;
  for (const auto& [id, g] : gold_by_id) {
    const auto it = sys_by_id.find(id);
    const auto gold_items = timexes_of(*g);
    std::vector<item> sys_items;
    if (it == sys_by_id.end()) out.missing_system.push_back(id);
    else sys_items = timexes_of(*it->second);
    document_score d = score_document(id, gold_items, sys_items, detail);
    out.counts += d.counts;
    out.documents.push_back(std::move(d));
  }
  for (const auto& [id, s] : sys_by_id)
    if (!gold_by_id.count(id)) out.unpaired_system.push_back(id);
  const auto& c = out.counts;
  out.strict = make_prf(c.strict, c.system, c.gold);
  out.relaxed = make_prf(c.relaxed, c.system, c.gold);
  out.value_accuracy = ratio(c.value_correct, c.relaxed);
  out.type_accuracy = ratio(c.type_correct, c.relaxed);
  out.value_f1 = out.value_accuracy * out.relaxed.f1;
  out.type_f1 = out.type_accuracy * out.relaxed.f1;
  return out;
}

namespace {
std::vector<ingest::timeml_document> read_directory(const std::filesystem::path& dir, std::vector<std::string>& failures) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) throw io_error(dir.string() + ": not a readable directory");
  std::vector<fs::path> files;
  for (fs::recursive_directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec))
    if (it->is_regular_file(ec) && it->path().extension() == ".tml") files.push_back(it->path());
  if (ec) throw io_error(dir.string() + ": " + ec.message());
  if (files.empty()) throw io_error(dir.string() + ": no .tml files");
  std::sort(files.begin(), files.end());
  std::vector<ingest::timeml_document> docs;
  for (const auto& f : files) {
    try {
      docs.push_back(ingest::read_timeml(f));
    } catch (const error& e) {
      failures.push_back(e.what());
    }
  }
  return docs;
}
}  // namespace

timex_score score_timex_directories(const std::filesystem::path& gold_dir, const std::filesystem::path& system_dir,
                                    bool detail, std::vector<std::string>& failures) {
  const auto gold = read_directory(gold_dir, failures);
  const auto system = read_directory(system_dir, failures);
  return score_timex(gold, system, detail);
}

std::string format_score(const timex_score& s, bool detail) {
  std::string out;
  char buf[256];
  const auto& c = s.counts;
  std::snprintf(buf, sizeof buf, "TIMEX3: gold %zu, system %zu, strict matches %zu, relaxed matches %zu\n", c.gold,
                c.system, c.strict, c.relaxed);
  out += buf;
  std::snprintf(buf, sizeof buf, "%-8s %9s %9s %9s\n", "", "precision", "recall", "F1");
  out += buf;
  std::snprintf(buf, sizeof buf, "%-8s %9.4f %9.4f %9.4f\n", "strict", s.strict.precision, s.strict.recall, s.strict.f1);
  out += buf;
  std::snprintf(buf, sizeof buf, "%-8s %9.4f %9.4f %9.4f\n", "relaxed", s.relaxed.precision, s.relaxed.recall, s.relaxed.f1);
  out += buf;
  std::snprintf(buf, sizeof buf, "value    accuracy %.4f  F1 %.4f\ntype     accuracy %.4f  F1 %.4f\n", s.value_accuracy,
                s.value_f1, s.type_accuracy, s.type_f1);
  out += buf;
  for (const auto& id : s.missing_system) out += "no system document for " + id + "\n";
  for (const auto& id : s.unpaired_system) out += "no gold document for " + id + "\n";
  if (!detail) return out;
  for (const auto& d : s.documents) {
    std::snprintf(buf, sizeof buf, "%s: gold %zu system %zu strict %zu relaxed %zu value %zu type %zu\n", d.docid.c_str(),
                  d.counts.gold, d.counts.system, d.counts.strict, d.counts.relaxed, d.counts.value_correct,
                  d.counts.type_correct);
    out += buf;
    for (const auto& e : d.errors) {
      out += std::string("  ") + to_string(e.kind) + "\tgold [" + e.gold_text + "] " + e.gold_type + " " + e.gold_value +
             "\tsystem [" + e.system_text + "] " + e.system_type + " " + e.system_value + "\n";
    }
  }
  return out;
}

std::vector<ingest::timeml_annotation> to_timeml(const std::vector<mention>& mentions) {
  std::vector<ingest::timeml_annotation> out;
  out.reserve(mentions.size());
  std::size_t n = 0;
  for (const auto& m : mentions) {
    ingest::timeml_annotation a;
    a.span = m.span;
    a.tag = "TIMEX3";
    a.attributes.emplace_back("tid", m.id.empty() ? "t" + std::to_string(n + 1) : m.id);
    a.attributes.emplace_back("type", to_string(m.type));
    a.attributes.emplace_back("value", m.value);
    if (!m.mod.empty()) a.attributes.emplace_back("mod", m.mod);
    if (!m.quant.empty()) a.attributes.emplace_back("quant", m.quant);
    if (!m.freq.empty()) a.attributes.emplace_back("freq", m.freq);
    out.push_back(std::move(a));
    ++n;
  }
  return out;
}

std::vector<mention> from_timeml(const ingest::timeml_document& doc) {
  std::vector<mention> out;
  for (const auto* a : doc.annotations_with_tag("TIMEX3")) {
    mention m;
    m.id = std::string(a->attr("tid"));
    m.span = a->span;
    m.text = doc.text.substr(a->span.begin, a->span.size());
    m.type = timex_type_from_string(a->attr("type")).value_or(timex_type::date);
    m.value = std::string(a->attr("value"));
    m.mod = std::string(a->attr("mod"));
    m.quant = std::string(a->attr("quant"));
    m.freq = std::string(a->attr("freq"));
    out.push_back(std::move(m));
  }
  return out;
}

ingest::timeml_document with_timexes(const ingest::timeml_document& source, const std::vector<mention>& mentions) {
  ingest::timeml_document out;
  out.path = source.path;
  out.docid = source.docid;
  out.dct_value = source.dct_value;
  out.dct = source.dct;
  out.dct_attributes = source.dct_attributes;
  out.dct_text = source.dct_text;
  out.title = source.title;
  out.text = source.text;
  out.annotations = to_timeml(mentions);
  return out;
}

}  // namespace chronograph::timex
