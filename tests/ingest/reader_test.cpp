// SPDX-License-Identifier: MIT
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

#include <unistd.h>

#include "chronograph/error.hpp"
#include "chronograph/ingest/reader.hpp"

using namespace chronograph;
namespace fs = std::filesystem;

namespace {
int counter = 0;
struct temp_dir {
  fs::path path;
  temp_dir() {
    path = fs::temp_directory_path() / ("chronograph_ingest_" + std::to_string(::getpid()) + "_" + std::to_string(counter++));
    fs::create_directories(path);
  }
  ~temp_dir() { std::error_code ec; fs::remove_all(path, ec); }
  void write(const std::string& name, const std::string& bytes) const { std::ofstream(path / name, std::ios::binary) << bytes; }
};
}  // namespace

TEST_CASE("make_document drops a BOM and keeps the text unchanged", "[ingest][reader]") {
  const auto doc = ingest::make_document("a", "a.txt", "\xEF\xBB\xBFHello\r\nWorld", {});
  CHECK(doc.text == "Hello\r\nWorld");
  CHECK_FALSE(doc.dct);
}

TEST_CASE("make_document reports invalid UTF-8 with file, line and byte", "[ingest][reader]") {
  try {
    (void)ingest::make_document("a", "bad.txt", "line one\nline \xFF two", {});
    FAIL("expected input_error");
  } catch (const input_error& e) {
    CHECK(std::string(e.what()) == "bad.txt:2: invalid UTF-8 at byte 14 (use --lenient to replace invalid bytes)");
  }
  ingest::read_options lenient;
  lenient.lenient = true;
  CHECK(ingest::make_document("a", "bad.txt", "x\xFF", lenient).text == "x\xEF\xBF\xBD");
}

TEST_CASE("the DCT comes from the option, then the record, then a dateline", "[ingest][reader]") {
  const std::string text = "Published June 4, 2025\nSomething happened.";
  ingest::read_options opts;
  CHECK(ingest::make_document("a", "a", text, opts).dct->iso() == "2025-06-04");
  CHECK(ingest::make_document("a", "a", text, opts, parse_creation_time("2025-06-03"), "manifest").dct->iso() ==
        "2025-06-03");
  opts.dct = parse_creation_time("2025-06-05");
  const auto doc = ingest::make_document("a", "a", text, opts, parse_creation_time("2025-06-03"));
  CHECK(doc.dct->iso() == "2025-06-05");
  CHECK(doc.dct_origin == "option");
}

TEST_CASE("find_dateline reads bylines and datelines but not stray dates", "[ingest][reader]") {
  CHECK(ingest::find_dateline("Updated 2025-06-05 10:00\nText")->iso() == "2025-06-05");
  CHECK(ingest::find_dateline("WASHINGTON, June 5, 2025 \xE2\x80\x94 The president said")->iso() == "2025-06-05");
  CHECK(ingest::find_dateline("Published 5 June 2025")->iso() == "2025-06-05");
  CHECK_FALSE(ingest::find_dateline("Published in News & Features\nWASHINGTON \xE2\x80\x94 On May 12, 2025 talks"));
  CHECK_FALSE(ingest::find_dateline("The deal was struck on June 5, 2025 in Geneva."));
}

TEST_CASE("title_of skips boilerplate lines", "[ingest][reader]") {
  CHECK(ingest::title_of("advertisement\n\nTrump says after Xi call\n\nBody") == "Trump says after Xi call");
  CHECK(ingest::is_boilerplate_line("  Advertisement "));
  CHECK(ingest::is_boilerplate_line("Photo: Jim Watson (Getty Images)"));
  CHECK_FALSE(ingest::is_boilerplate_line("Trump said Thursday that the call was positive."));
}

TEST_CASE("read_inputs reads a directory with its manifest", "[ingest][reader]") {
  temp_dir dir;
  dir.write("b.txt", "Second article.");
  dir.write("a.txt", "First article.");
  dir.write("notes.md", "ignored");
  dir.write("manifest.json", R"({"dct": "2025-06-05", "documents": [
      {"file": "a.txt", "source": "Outlet A"}, {"file": "b.txt", "id": "second", "dct": "2025-06-06"},
      {"file": "gone.txt"}]})");
  const auto r = ingest::read_inputs({dir.path.string()}, {});
  REQUIRE(r.documents.size() == 2);
  CHECK(r.failures.empty());
  CHECK(r.documents[0].id == "a");
  CHECK(r.documents[0].source == "Outlet A");
  CHECK(r.documents[0].dct->iso() == "2025-06-05");
  CHECK(r.documents[1].id == "second");
  CHECK(r.documents[1].source == "article 2");
  CHECK(r.documents[1].dct->iso() == "2025-06-06");
  REQUIRE(r.diagnostics.size() == 1);
  CHECK(r.diagnostics[0].message.find("gone.txt") != std::string::npos);
}

TEST_CASE("read_inputs reads a TimeML file's TEXT, DOCID and DCT, not its markup", "[ingest][reader]") {
  temp_dir dir;
  dir.write("a.tml",
            "<?xml version=\"1.0\" ?>\n<TimeML>\n<DOCID>APW1</DOCID>\n"
            "<DCT><TIMEX3 tid=\"t0\" type=\"DATE\" value=\"1998-02-06\" functionInDocument=\"CREATION_TIME\">"
            "1998-02-06</TIMEX3></DCT>\n<TEXT>Leaders <EVENT eid=\"e1\" class=\"OCCURRENCE\">met</EVENT> "
            "<TIMEX3 tid=\"t1\" type=\"DATE\" value=\"1998-02-05\">Thursday</TIMEX3>.</TEXT>\n</TimeML>\n");
  dir.write("b.txt", "Plain text.");
  const auto r = ingest::read_inputs({dir.path.string()}, {});
  REQUIRE(r.failures.empty());
  REQUIRE(r.documents.size() == 2);
  CHECK(r.documents[0].id == "APW1");
  CHECK(r.documents[0].text == "Leaders met Thursday.");
  REQUIRE(r.documents[0].dct);
  CHECK(r.documents[0].dct->iso() == "1998-02-06");
  CHECK(r.documents[0].dct_origin == "timeml");
  CHECK(r.documents[1].id == "b");
  SECTION("--dct wins over the file's DCT; broken TimeML is a failure naming the file and line") {
    dir.write("c.tml", "<TimeML>\n<DOCID>X</DOCID>\n<TEXT>open <EVENT>never closed</TEXT>\n");
    ingest::read_options opts;
    opts.dct = parse_creation_time("2025-06-05");
    const auto o = ingest::read_inputs({(dir.path / "a.tml").string(), (dir.path / "c.tml").string()}, opts);
    REQUIRE(o.documents.size() == 1);
    CHECK(o.documents[0].dct->iso() == "2025-06-05");
    REQUIRE(o.failures.size() == 1);
    CHECK(o.failures[0].message.find("c.tml:") != std::string::npos);
  }
}

TEST_CASE("read_inputs names what it cannot read", "[ingest][reader]") {
  temp_dir dir;
  fs::create_directories(dir.path / "empty");
  dir.write("bad.txt", "ok\n\xC3");
  dir.write("manifest.json", "{\"documents\": [");
  const auto r = ingest::read_inputs({(dir.path / "missing.txt").string(), (dir.path / "empty").string(),
                                      (dir.path / "bad.txt").string()}, {});
  CHECK(r.documents.empty());
  REQUIRE(r.failures.size() == 3);
  CHECK(r.failures[0].message.find("no such file") != std::string::npos);
  CHECK(r.failures[1].message.find("no .txt documents") != std::string::npos);
  CHECK(r.failures[2].message.find("bad.txt:2: invalid UTF-8") != std::string::npos);

  SECTION("a malformed manifest is reported with its path") {
    const auto m = ingest::read_inputs({dir.path.string()}, {});
    REQUIRE_FALSE(m.failures.empty());
    CHECK(m.failures[0].path.find("manifest.json") != std::string::npos);
  }
}

TEST_CASE("document ids are made safe for file names", "[ingest][reader]") {
  const auto doc = ingest::make_document("../../etc/passwd", "x", "text", {});
  CHECK(doc.id.find('/') == std::string::npos);
  CHECK(doc.id.find("..") != 0);
}

TEST_CASE("a manifest with an overflowing number is reported, not thrown through", "[ingest][manifest]") {
  temp_dir dir;
  dir.write("a.txt", "Text.");
  dir.write("manifest.json", "{\"documents\": [], \"x\": 1e999999}");
  const auto r = ingest::read_inputs({dir.path.string()}, {});
  REQUIRE_FALSE(r.failures.empty());
  CHECK(r.failures[0].message.find("invalid JSON") != std::string::npos);
}
