// SPDX-License-Identifier: MIT
// JSONL records: the input lines of `extract --jsonl` (one document each) and the analysis a
// line of its output carries for `merge` (docs/scale-out.md). One place for both directions.
#pragma once

#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "chronograph/ingest/reader.hpp"
#include "chronograph/merge/merge.hpp"
#include "chronograph/pipeline.hpp"
#include "commands.hpp"

namespace chronograph::cli {

/// The reading options of --lenient and --dct DATE ("" = none); nullopt, after saying why on
/// stderr, when DATE is not an ISO date or datetime.
[[nodiscard]] std::optional<ingest::read_options> make_read_options(const common_options& common, const std::string& dct);

/// Every stage's default models, with the limits of --max-sentence-tokens.
[[nodiscard]] pipeline_models load_models(const common_options& common);

/// The input record of one document: {"id","path","source","dct","text"} on one line (no
/// newline). `extract --jsonl` turns it back into the same document (record_document).
[[nodiscard]] std::string record_line(const document& doc);

/// The document a parsed input record holds. `where` ("stdin:12") names the line in errors and
/// is the path when the record has none. `id` is the record's id (or the line's fallback); the
/// document's id is its safe form, as `build` makes ids from file names ("../../x" becomes
/// "_.._x"). Throws input_error when "text" is missing, a field has the wrong type, the DCT is
/// not ISO, or the text is not valid UTF-8 (unless lenient).
[[nodiscard]] document record_document(const nlohmann::json& record, std::string id, const std::string& where,
                                       const ingest::read_options& options);

/// The members of an input record that is a flat JSON object of strings (and nulls), decoded
/// as nlohmann would decode them: what `extract --jsonl` reads without building a JSON tree.
struct flat_record {
  std::optional<std::string> id, path, source, dct, text;  ///< nullopt: absent or null
  std::set<std::string> others;                            ///< names of the other members
};

/// The record of a line, when the line is one JSON object whose values are strings or null,
/// without \\u escapes, with valid UTF-8 and no repeated member; nullopt for any other line
/// (valid or not), which is left to nlohmann's parser.
[[nodiscard]] std::optional<flat_record> read_flat_record(std::string_view line);

/// The record's "id" as a string ("" when it has none usable).
[[nodiscard]] std::string record_id(const nlohmann::json& record);

/// Reads INPUTS as `build` does (ingest::read_inputs with --lenient and --dct DATE) and turns
/// documents larger than --max-document-mb into failures. nullopt, after saying why on stderr,
/// when DATE is not an ISO date or datetime.
[[nodiscard]] std::optional<ingest::read_result> read_documents(const std::vector<std::string>& inputs,
                                                                const common_options& common, const std::string& dct);

/// read_documents, then every failure and reading warning said on stderr (warnings unless
/// quiet). Returns the exit code when there is nothing to go on (usage: a bad --dct; io:
/// nothing readable), else nullopt with the documents in `out`.
[[nodiscard]] std::optional<int> read_reported(const std::vector<std::string>& inputs, const common_options& common,
                                               const std::string& dct, ingest::read_result& out);

/// "<where>: <bytes> bytes, more than the limit of N MB (--max-document-mb)".
[[nodiscard]] std::string too_large(const std::string& where, std::size_t bytes, const common_options& common);

/// How `extract --jsonl` treats each line.
struct extract_settings {
  ingest::read_options read;
  bool with_analysis = false;          ///< --analysis
  std::size_t max_document_bytes = 0;  ///< a larger text fails
};

/// What `extract --jsonl` makes of one input line.
struct extracted {
  std::string line;        ///< the output line with its '\n' ("" for a blank input line)
  std::size_t tokens = 0;  ///< tokens of the document (0 on failure)
  bool failed = false;     ///< the line is an {"id","error"} line
};

/// One input line (line `number`, from 1) of `extract --jsonl` to its output line: the document's
/// story as a schema-v1 line (with its analysis members when `with_analysis`), or an
/// {"id","error"} line. Throws only resource_error (every line would fail alike). Adds the CPU
/// time of each step (reading the record, each stage, the story and its line) to `times` when
/// given.
[[nodiscard]] extracted extract_line(const std::string& line, std::size_t number, const pipeline_models& models,
                                     const extract_settings& settings, stage_times* times = nullptr);

/// The {"id","error"} line (with '\n') of a line that could not be analyzed.
[[nodiscard]] std::string error_line(const std::string& id, const std::string& message);

/// The `"analysis_format":N,"analysis":"<base64>"` members (without braces) that make an
/// output line mergeable: store::serialize_analysis, base64-encoded (RFC 4648, padded).
[[nodiscard]] std::string analysis_members(const merge::document_analysis& analysis);

/// Decodes an output line's analysis members. Throws input_error naming `where` when they are
/// missing, of another format version, or corrupt.
[[nodiscard]] merge::document_analysis line_analysis(const nlohmann::json& line, const std::string& where);

}  // namespace chronograph::cli
