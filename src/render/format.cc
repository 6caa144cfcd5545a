#include "render/format.h"

namespace duban {

const char* format_name(Format format) {
  switch (format) {
    case Format::kText:
      return "text";
    case Format::kMarkdown:
      return "md";
    case Format::kCsv:
      return "csv";
    case Format::kJson:
      return "json";
    case Format::kXlsx:
      return "xlsx";
  }
  return "";
}

}  // namespace duban
