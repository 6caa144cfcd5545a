// Reads one part of a workbook's bytes (xl/styles.xml ...), so that tests see
// the XML the writer made. libzip comes with load/'s library, which reads
// filled forms back.
#pragma once

#include <zip.h>

#include <string>

namespace duban::testing {

/// The part `name` of the workbook `xlsx`, "" when it has none.
inline std::string xlsx_part(const std::string& xlsx, const char* name) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* source = zip_source_buffer_create(xlsx.data(), xlsx.size(), 0, &error);
  zip_t* archive = source == nullptr ? nullptr : zip_open_from_source(source, ZIP_RDONLY, &error);
  zip_error_fini(&error);
  if (archive == nullptr) {
    if (source != nullptr) zip_source_free(source);
    return "";
  }
  std::string text;
  zip_stat_t stat;
  if (zip_stat(archive, name, 0, &stat) == 0) {
    if (zip_file_t* file = zip_fopen(archive, name, 0)) {
      text.resize(stat.size);
      if (zip_fread(file, text.data(), stat.size) != static_cast<zip_int64_t>(stat.size)) text.clear();
      zip_fclose(file);
    }
  }
  zip_discard(archive);
  return text;
}

/// Whether `xml` holds `piece`.
inline bool holds(const std::string& xml, const std::string& piece) {
  return xml.find(piece) != std::string::npos;
}

}  // namespace duban::testing
