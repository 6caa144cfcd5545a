#include "load/progress_paths.h"

#include <doctest/doctest.h>

namespace duban {

TEST_CASE("progress files are *.yaml and *.yml, in lower case") {
  CHECK(progress_file_kind("江洋社区.yaml") == FileKind::kProgress);
  CHECK(progress_file_kind("江洋社区.yml") == FileKind::kProgress);
  CHECK(progress_file_kind("江洋社区.YAML") == FileKind::kUnread);
  CHECK(progress_file_kind("江洋社区.Yml") == FileKind::kUnread);
  CHECK(progress_file_kind("江洋社区.yaml.txt") == FileKind::kUnread);
  CHECK(progress_file_kind("江洋社区.xlsx") == FileKind::kUnread);
  CHECK(progress_file_kind("江洋社区") == FileKind::kUnread);
}

TEST_CASE("hidden files, backups, lock files and READMEs are passed over quietly") {
  for (const char* name : {".DS_Store", "._江洋社区.yaml", ".江洋社区.yaml.swp", "江洋社区.yaml~",
                           "~$江洋社区.docx", "#江洋社区.yaml#", "江洋社区.yaml.bak", "Thumbs.db",
                           "desktop.ini", "README.md", "readme.txt", "README"}) {
    CAPTURE(name);
    CHECK(progress_file_kind(name) == FileKind::kSkipped);
  }
}

TEST_CASE("the advice for an unread file says what to rename it to") {
  CHECK(unread_file_advice("江洋社区.YAML").find("“江洋社区.yaml”") != std::string::npos);
  CHECK(unread_file_advice("江洋社区.yaml.txt").find("“江洋社区.yaml”") != std::string::npos);
  CHECK(unread_file_advice("江洋社区.yml.TXT").find("“江洋社区.yaml”") != std::string::npos);
  CHECK(unread_file_advice("江洋社区.xlsx").find("表格") != std::string::npos);
  CHECK(unread_file_advice("江洋社区.docx").find("文档") != std::string::npos);
  CHECK(unread_file_advice("江洋社区.json").find("“江洋社区.yaml”") != std::string::npos);
}

TEST_CASE("loosely written months are recognised, YYYY-MM itself is not flagged") {
  CHECK(loose_month("2025-2") == Month::of(2025, 2));
  CHECK(loose_month("2025.02") == Month::of(2025, 2));
  CHECK(loose_month("2025_2") == Month::of(2025, 2));
  CHECK(loose_month("202502") == Month::of(2025, 2));
  CHECK(loose_month("2025年2月") == Month::of(2025, 2));
  CHECK(loose_month("2025年02月份") == Month::of(2025, 2));
  CHECK(loose_month("2025 - 11") == Month::of(2025, 11));
  CHECK_FALSE(loose_month("2025-02"));
  CHECK_FALSE(loose_month("2025-13"));
  CHECK_FALSE(loose_month("江洋社区"));
  CHECK_FALSE(loose_month("2025"));
}

TEST_CASE("folders that look like progress/") {
  CHECK(looks_like_progress("Progress"));
  CHECK(looks_like_progress("PROGRESS"));
  CHECK(looks_like_progress("progess"));
  CHECK(looks_like_progress("progres"));
  CHECK(looks_like_progress("progresss"));
  CHECK_FALSE(looks_like_progress("progress"));
  CHECK_FALSE(looks_like_progress("reports"));
  CHECK_FALSE(looks_like_progress("man"));
}

}  // namespace duban

namespace duban {

TEST_CASE("attachments are told to live elsewhere, not to be renamed") {
  CHECK(unread_file_advice("照片.JPG").find("附件") != std::string::npos);
  CHECK(unread_file_advice("照片.JPG").find(".yaml”") == std::string::npos);
}

}  // namespace duban
