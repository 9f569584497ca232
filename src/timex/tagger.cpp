// SPDX-License-Identifier: MIT
// The default tagger (recognise with the English rule tables, then resolve), interval_of()
// and the enum names.
#include "chronograph/timex/tagger.hpp"

#include <cstdlib>

#include <date/iso_week.h>

#include "chronograph/timex/candidate.hpp"
#include "engine.hpp"

namespace chronograph::timex {
namespace {

class default_tagger final : public tagger {
 public:
  explicit default_tagger(std::shared_ptr<const rule_set> rules) : rules_(std::move(rules)) {}
  std::vector<mention> tag(const text::annotated_document& doc, std::vector<diagnostic>& diagnostics) const override {
    const anchor_policy anchor{doc.doc.kind, doc.doc.dct, doc.doc.id};
    return detail::recognize_and_resolve(doc, *rules_, anchor, diagnostics);  // recognize() + resolve(), streamed
  }

 private:
  std::shared_ptr<const rule_set> rules_;
};

bool digits_at(std::string_view s, std::size_t at, std::size_t n) {
  if (at + n > s.size()) return false;
  for (std::size_t k = at; k < at + n; ++k)
    if (s[k] < '0' || s[k] > '9') return false;
  return true;
}
int number_at(std::string_view s, std::size_t at, std::size_t n) { return std::atoi(std::string(s.substr(at, n)).c_str()); }

}  // namespace

std::shared_ptr<const tagger> tagger::load_default() {
  return std::make_shared<const default_tagger>(rule_set::load_default());
}

std::shared_ptr<const tagger> make_tagger(std::shared_ptr<const rule_set> rules) {
  return std::make_shared<const default_tagger>(std::move(rules));
}

const char* to_string(timex_type t) noexcept {
  switch (t) {
    case timex_type::date: return "DATE";
    case timex_type::time: return "TIME";
    case timex_type::duration: return "DURATION";
    case timex_type::set: return "SET";
  }
  return "DATE";
}

std::optional<timex_type> timex_type_from_string(std::string_view name) noexcept {
  for (const auto t : {timex_type::date, timex_type::time, timex_type::duration, timex_type::set})
    if (name == to_string(t)) return t;
  return std::nullopt;
}

std::optional<day_interval> interval_of(std::string_view value) {
  using date::days;
  using date::sys_days;
  const auto ymd_ok = [](int y, unsigned m, unsigned d) -> std::optional<sys_days> {
    const date::year_month_day v{date::year{y}, date::month{m}, date::day{d}};
    if (!v.ok()) return std::nullopt;
    return sys_days{v};
  };
  const auto month_start = [](int y, unsigned m) { return sys_days{date::year{y} / date::month{m} / 1}; };
  if (value.size() == 2 && digits_at(value, 0, 2)) {  // century "19"
    const int c = number_at(value, 0, 2);
    return day_interval{month_start(c * 100, 1), month_start(c * 100 + 100, 1)};
  }
  if (value.size() == 3 && digits_at(value, 0, 3)) {  // decade "199"
    const int d = number_at(value, 0, 3);
    return day_interval{month_start(d * 10, 1), month_start(d * 10 + 10, 1)};
  }
  if (!digits_at(value, 0, 4)) return std::nullopt;
  const int y = number_at(value, 0, 4);
  if (value.size() == 4) return day_interval{month_start(y, 1), month_start(y + 1, 1)};
  if (value[4] != '-' || value.size() < 7) return std::nullopt;
  const std::string_view rest = value.substr(5);
  if (digits_at(rest, 0, 2)) {
    const unsigned m = static_cast<unsigned>(number_at(rest, 0, 2));
    if (m < 1 || m > 12) return std::nullopt;
    if (rest.size() == 2) {
      const auto next = date::year_month{date::year{y}, date::month{m}} + date::months{1};
      return day_interval{month_start(y, m), sys_days{next / 1}};
    }
    if (rest.size() >= 5 && rest[2] == '-' && digits_at(rest, 3, 2)) {
      const auto d = ymd_ok(y, m, static_cast<unsigned>(number_at(rest, 3, 2)));
      if (!d) return std::nullopt;
      if (rest.size() == 5 || rest[5] == 'T') return day_interval{*d, *d + days{1}};
    }
    return std::nullopt;
  }
  if (rest[0] == 'W' && digits_at(rest, 1, 2)) {
    const unsigned w = static_cast<unsigned>(number_at(rest, 1, 2));
    const iso_week::year_weeknum_weekday start{iso_week::year{y}, iso_week::weeknum{w}, iso_week::weekday{1u}};
    if (!start.ok()) return std::nullopt;
    const sys_days monday{start};
    if (rest.size() == 3) return day_interval{monday, monday + days{7}};
    if (rest.substr(3) == "-WE") return day_interval{monday + days{5}, monday + days{7}};
    if (rest.size() == 5 && rest[3] == '-' && rest[4] >= '1' && rest[4] <= '7') {
      const sys_days d = monday + days{rest[4] - '1'};
      return day_interval{d, d + days{1}};
    }
    return std::nullopt;
  }
  if ((rest[0] == 'Q' || rest[0] == 'H') && rest.size() == 2 && rest[1] >= '1' && rest[1] <= (rest[0] == 'Q' ? '4' : '2')) {
    const unsigned span = rest[0] == 'Q' ? 3 : 6;
    const unsigned first = (static_cast<unsigned>(rest[1] - '1')) * span + 1;
    const auto begin = date::year_month{date::year{y}, date::month{first}};
    return day_interval{sys_days{begin / 1}, sys_days{(begin + date::months{span}) / 1}};
  }
  if (rest == "SP" || rest == "SU" || rest == "FA" || rest == "WI") {
    // Meteorological seasons (northern hemisphere): winter is December..February of the next year.
    const unsigned first = rest == "SP" ? 3 : rest == "SU" ? 6 : rest == "FA" ? 9 : 12;
    const auto begin = date::year_month{date::year{y}, date::month{first}};
    return day_interval{sys_days{begin / 1}, sys_days{(begin + date::months{3}) / 1}};
  }
  return std::nullopt;
}

}  // namespace chronograph::timex
