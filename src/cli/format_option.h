// A command's --format option, declared once from the formats it offers:
// CLI11's check, the help text and the parser all come from that list.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "render/format.h"

namespace duban {

/// The extension of a file in `format`: .txt, .md, .csv, .json or .xlsx.
const char* format_extension(Format format);

/// The --format of one command; the first format offered is the default.
class FormatOption {
 public:
  /// Whether the help marks the default with （默认）.
  enum class Help { kMarkDefault, kPlain };

  explicit FormatOption(std::vector<Format> offered, Help help = Help::kMarkDefault)
      : offered_(std::move(offered)), help_(help) {}
  FormatOption(const FormatOption&) = delete;
  FormatOption& operator=(const FormatOption&) = delete;

  /// Adds --format to `sub`, bound to this object, which must outlive parsing.
  void add_to(CLI::App* sub);
  /// The format given, or the default.
  Format value() const;
  /// Whether --format was given.
  bool given() const { return !text_.empty(); }
  /// The format of the file -o `path` names: the one its extension says,
  /// which --format, when given, must not contradict; else a usage error.
  Format for_file(const std::filesystem::path& path) const;

 private:
  std::vector<Format> offered_;
  Help help_;
  std::string text_;
};

}  // namespace duban
