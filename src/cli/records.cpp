// SPDX-License-Identifier: MIT
#include "records.hpp"

#include <array>
#include <cstdint>
#include <iostream>

#include <algorithm>
#include <set>

#include "chronograph/error.hpp"
#include "chronograph/render/json.hpp"
#include "chronograph/store/serialize.hpp"
#include "chronograph/timex/candidate.hpp"
#include "chronograph/utf8.hpp"

namespace chronograph::cli {

namespace {

constexpr std::string_view base64_alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

std::string base64_encode(std::string_view bytes) {
  std::string out;
  out.reserve((bytes.size() + 2) / 3 * 4);
  std::size_t i = 0;
  for (; i + 3 <= bytes.size(); i += 3) {
    const std::uint32_t v = std::uint32_t{static_cast<unsigned char>(bytes[i])} << 16 |
                            std::uint32_t{static_cast<unsigned char>(bytes[i + 1])} << 8 |
                            static_cast<unsigned char>(bytes[i + 2]);
    for (int shift : {18, 12, 6, 0}) out += base64_alphabet[(v >> shift) & 63];
  }
  if (const std::size_t rest = bytes.size() - i; rest > 0) {
    std::uint32_t v = std::uint32_t{static_cast<unsigned char>(bytes[i])} << 16;
    if (rest == 2) v |= std::uint32_t{static_cast<unsigned char>(bytes[i + 1])} << 8;
    out += base64_alphabet[(v >> 18) & 63];
    out += base64_alphabet[(v >> 12) & 63];
    out += rest == 2 ? base64_alphabet[(v >> 6) & 63] : '=';
    out += '=';
  }
  return out;
}

// nullopt on any character outside the alphabet, a length that is not a multiple of 4, or
// padding anywhere but at the end.
std::optional<std::string> base64_decode(std::string_view text) {
  static const auto value = [] {
    std::array<int, 256> v{};
    v.fill(-1);
    for (std::size_t k = 0; k < base64_alphabet.size(); ++k) v[static_cast<unsigned char>(base64_alphabet[k])] = static_cast<int>(k);
    return v;
  }();
  if (text.size() % 4 != 0) return std::nullopt;
  std::size_t padding = 0;
  while (padding < 2 && padding < text.size() && text[text.size() - 1 - padding] == '=') ++padding;
  std::string out;
  out.reserve(text.size() / 4 * 3);
  for (std::size_t i = 0; i < text.size(); i += 4) {
    std::uint32_t v = 0;
    const bool last = i + 4 == text.size();
    for (std::size_t k = 0; k < 4; ++k) {
      const char c = text[i + k];
      int d = value[static_cast<unsigned char>(c)];
      if (c == '=' && last && k >= 4 - padding) d = 0;
      if (d < 0) return std::nullopt;
      v = v << 6 | static_cast<std::uint32_t>(d);
    }
    out += static_cast<char>(v >> 16);
    if (!last || padding < 2) out += static_cast<char>((v >> 8) & 0xFF);
    if (!last || padding < 1) out += static_cast<char>(v & 0xFF);
  }
  return out;
}

// A string member of the record, or `fallback` when absent or null; input_error for another type.
std::string string_member(const nlohmann::json& record, const char* key, const std::string& where,
                          std::string fallback = {}) {
  const auto it = record.find(key);
  if (it == record.end() || it->is_null()) return fallback;
  if (!it->is_string()) throw input_error(where + ": \"" + key + "\" must be a string");
  return it->get<std::string>();
}

}  // namespace

std::optional<ingest::read_options> make_read_options(const common_options& common, const std::string& dct) {
  ingest::read_options options;
  options.lenient = common.lenient;
  if (!dct.empty() && !(options.dct = parse_creation_time(dct))) {
    std::cerr << "chronograph: --dct: '" << dct << "' is not an ISO date (YYYY-MM-DD) or datetime\n";
    return std::nullopt;
  }
  return options;
}

pipeline_models load_models(const common_options& common) {
  auto models = pipeline_models::load_default();
  models.limits.max_sentence_tokens = common.max_sentence_tokens;
  if (common.day_first)
    models.timex = timex::make_tagger(timex::rule_set::load_default({timex::rule_set::numeric_order::day_month}));
  return models;
}

std::string record_line(const document& doc) {
  nlohmann::ordered_json j{{"id", doc.id}, {"path", doc.path}, {"source", doc.source}};
  j["dct"] = doc.dct ? nlohmann::ordered_json(doc.dct->iso()) : nlohmann::ordered_json(nullptr);
  j["text"] = doc.text;
  return j.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

std::string record_id(const nlohmann::json& record) {
  const auto it = record.find("id");
  if (it == record.end()) return {};
  if (it->is_string()) return it->get<std::string>();
  if (it->is_number_integer()) return std::to_string(it->get<long long>());
  return {};
}

namespace {

// The document of a record whose members are known: `text`, and "dct", "path" and "source" as
// strings (absent or null: "", `where`, "").
document make_record_document(std::string id, const std::string& where, std::string text, const std::string& dct_text,
                              std::string path, std::string source, const ingest::read_options& options) {
  std::optional<creation_time> dct;
  if (!dct_text.empty() && !(dct = parse_creation_time(dct_text)))
    throw input_error(where + ": \"dct\" is not an ISO date or datetime");
  // The document id is made safe as build makes it (it names files); the line echoes `id` as given.
  auto doc = ingest::make_document(std::move(id), std::move(path), std::move(text), options, dct, "record");
  doc.source = std::move(source);
  return doc;
}

}  // namespace

document record_document(const nlohmann::json& record, std::string id, const std::string& where,
                         const ingest::read_options& options) {
  if (!record.is_object()) throw input_error(where + ": expected a JSON object");
  const auto text = record.find("text");
  if (text == record.end() || !text->is_string()) throw input_error(where + ": needs a \"text\" string");
  const auto dct = string_member(record, "dct", where);
  auto path = string_member(record, "path", where, where);
  auto source = string_member(record, "source", where);
  return make_record_document(std::move(id), where, text->get<std::string>(), dct, std::move(path), std::move(source),
                              options);
}

std::optional<flat_record> read_flat_record(std::string_view line) {
  flat_record out;
  std::size_t at = 0;
  const auto skip_space = [&] {
    while (at < line.size() && (line[at] == ' ' || line[at] == '\t' || line[at] == '\n' || line[at] == '\r')) ++at;
  };
  // A string at `at` (after its opening quote) into `into`; false for anything the fast reader
  // leaves to nlohmann (\u escapes) or that nlohmann refuses (control characters, invalid UTF-8).
  const auto read_string = [&](std::string& into) {
    std::size_t run = at;  // start of the bytes not yet copied
    while (at < line.size()) {
      const auto c = static_cast<unsigned char>(line[at]);
      if (c == '"') {
        into.append(line.data() + run, at - run);
        ++at;
        return true;
      }
      if (c < 0x20) return false;
      if (c == '\\') {
        into.append(line.data() + run, at - run);
        if (at + 1 >= line.size()) return false;
        switch (line[at + 1]) {
          case '"': into += '"'; break;
          case '\\': into += '\\'; break;
          case '/': into += '/'; break;
          case 'b': into += '\b'; break;
          case 'f': into += '\f'; break;
          case 'n': into += '\n'; break;
          case 'r': into += '\r'; break;
          case 't': into += '\t'; break;
          default: return false;  // \u and invalid escapes
        }
        at += 2;
        run = at;
        continue;
      }
      if (c >= 0x80) {
        const auto bad = find_invalid_utf8(line.substr(at, std::min<std::size_t>(4, line.size() - at)));
        if (bad && *bad == 0) return false;
        // The sequence at `at` is valid (find_invalid_utf8 checked its length).
        at += c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
        continue;
      }
      ++at;
    }
    return false;  // unterminated
  };
  skip_space();
  if (at >= line.size() || line[at] != '{') return std::nullopt;
  ++at;
  skip_space();
  bool seen[5] = {false, false, false, false, false};  // id, path, source, dct, text
  std::string key, other;
  if (at < line.size() && line[at] == '}') {
    ++at;
  } else {
    for (;;) {
      if (at >= line.size() || line[at] != '"') return std::nullopt;
      ++at;
      key.clear();
      if (!read_string(key)) return std::nullopt;
      skip_space();
      if (at >= line.size() || line[at] != ':') return std::nullopt;
      ++at;
      skip_space();
      static constexpr std::string_view names[] = {"id", "path", "source", "dct", "text"};
      const auto k = static_cast<std::size_t>(std::find(std::begin(names), std::end(names), key) - std::begin(names));
      std::optional<std::string>* member[] = {&out.id, &out.path, &out.source, &out.dct, &out.text};
      if (k < 5) {
        if (seen[k]) return std::nullopt;  // a repeated member: nlohmann keeps the last one
        seen[k] = true;
      } else if (!out.others.insert(key).second) {
        return std::nullopt;
      }
      if (line.compare(at, 4, "null") == 0) {
        at += 4;
      } else if (at < line.size() && line[at] == '"') {
        ++at;
        std::string& value = k < 5 ? member[k]->emplace() : other;
        value.clear();
        if (!read_string(value)) return std::nullopt;
      } else {
        return std::nullopt;  // numbers, booleans, arrays, objects
      }
      skip_space();
      if (at < line.size() && line[at] == ',') {
        ++at;
        skip_space();
        continue;
      }
      if (at < line.size() && line[at] == '}') {
        ++at;
        break;
      }
      return std::nullopt;
    }
  }
  skip_space();
  if (at != line.size()) return std::nullopt;
  return out;
}

std::string analysis_members(const merge::document_analysis& analysis) {
  return "\"analysis_format\":" + std::to_string(store::analysis_format_version) + ",\"analysis\":\"" +
         base64_encode(store::serialize_analysis(analysis)) + '"';
}

std::optional<ingest::read_result> read_documents(const std::vector<std::string>& inputs, const common_options& common,
                                                  const std::string& dct) {
  const auto options = make_read_options(common, dct);
  if (!options) return std::nullopt;
  auto input = ingest::read_inputs(inputs, *options);
  auto& docs = input.documents;
  for (auto it = docs.begin(); it != docs.end();) {
    if (it->text.size() > common.max_document_bytes()) {
      input.failures.push_back({it->path, too_large(it->path, it->text.size(), common)});
      it = docs.erase(it);
    } else {
      ++it;
    }
  }
  return input;
}

std::optional<int> read_reported(const std::vector<std::string>& inputs, const common_options& common,
                                 const std::string& dct, ingest::read_result& out) {
  auto read = read_documents(inputs, common, dct);
  if (!read) return usage;
  out = std::move(*read);
  for (const auto& f : out.failures) std::cerr << "chronograph: error: " << f.message << '\n';
  if (!common.quiet)
    for (const auto& d : out.diagnostics)
      if (d.stage == "ingest") std::cerr << "chronograph: warning: " << d.message << '\n';
  if (out.documents.empty()) {
    std::cerr << "chronograph: nothing readable in the inputs\n";
    return io;
  }
  return std::nullopt;
}

std::string too_large(const std::string& where, std::size_t bytes, const common_options& common) {
  return where + ": " + std::to_string(bytes) + " bytes, more than the limit of " + std::to_string(common.max_document_mb) +
         " MB (--max-document-mb)";
}

std::string error_line(const std::string& id, const std::string& message) {
  return nlohmann::ordered_json{{"id", id}, {"error", message}}.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + '\n';
}

extracted extract_line(const std::string& line, std::size_t number, const pipeline_models& models,
                       const extract_settings& settings, stage_times* times) {
  if (line.find_first_not_of(" \t\r") == std::string::npos) return {};
  const double start = times ? thread_cpu_seconds() : 0;
  const std::string where = "stdin:" + std::to_string(number);
  std::string id = "line-" + std::to_string(number);
  std::string message;
  try {
    document doc;
    // Most lines are flat objects of strings: read without building a JSON tree. Anything else
    // (and a record without its text) goes through nlohmann, which also says what is wrong.
    if (auto flat = read_flat_record(line); flat && flat->text) {
      if (flat->id && !flat->id->empty()) id = *flat->id;
      doc = make_record_document(id, where, std::move(*flat->text), flat->dct.value_or(std::string()),
                                 flat->path ? std::move(*flat->path) : where, flat->source.value_or(std::string()),
                                 settings.read);
    } else {
      const auto record = nlohmann::json::parse(line);
      if (auto given = record.is_object() ? record_id(record) : std::string(); !given.empty()) id = std::move(given);
      doc = record_document(record, id, where, settings.read);
    }
    if (doc.text.size() > settings.max_document_bytes)
      throw input_error(where + ": the text has " + std::to_string(doc.text.size()) + " bytes, more than the limit of " +
                        std::to_string(settings.max_document_bytes >> 20) + " MB (--max-document-mb)");
    try {
      if (times) times->input += thread_cpu_seconds() - start;
      const auto analysis = analyze_document(std::move(doc), models, times);
      const double rendering = times ? thread_cpu_seconds() : 0;
      auto out = render::to_json_line(id, merge::build_story(analysis));
      if (settings.with_analysis) {  // mergeable: the encoded analysis as the line's last members
        out.pop_back();
        out += ',' + analysis_members(analysis) + '}';
      }
      out += '\n';
      if (times) times->output += thread_cpu_seconds() - rendering;
      return {std::move(out), analysis.annotated.tokens.size(), false};
    } catch (const resource_error&) {
      throw;
    } catch (const std::exception& e) {  // the pipeline failed on this document
      message = where + ": " + e.what();
    }
  } catch (const nlohmann::json::exception& e) {
    message = where + ": invalid JSON: " + e.what();
  } catch (const input_error& e) {
    message = e.what();
  }
  return {error_line(id, message), 0, true};
}

merge::document_analysis line_analysis(const nlohmann::json& line, const std::string& where) {
  const auto format = line.find("analysis_format");
  const auto encoded = line.find("analysis");
  if (format == line.end() || encoded == line.end() || !encoded->is_string())
    throw input_error(where + ": no \"analysis\" (run `chronograph extract --jsonl --analysis`)");
  if (!format->is_number_unsigned() || format->get<std::uint64_t>() != store::analysis_format_version)
    throw input_error(where + ": analysis format " + format->dump() + ", this chronograph reads " +
                      std::to_string(store::analysis_format_version) + " (re-run extract with this version)");
  const auto bytes = base64_decode(encoded->get_ref<const std::string&>());
  if (!bytes) throw input_error(where + ": \"analysis\" is not base64");
  return store::deserialize_analysis(*bytes, where);
}

}  // namespace chronograph::cli
