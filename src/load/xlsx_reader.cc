#include "load/xlsx_reader.h"

#include <zip.h>

#include <algorithm>
#include <charconv>
#include <map>
#include <optional>
#include <pugixml.hpp>
#include <set>

namespace duban {
namespace {

// The name of an element or attribute without its namespace prefix: files
// written by other tools say <x:c> where Excel says <c>.
std::string_view local(const char* name) {
  const std::string_view n(name);
  const size_t colon = n.find(':');
  return colon == std::string_view::npos ? n : n.substr(colon + 1);
}

bool is(const pugi::xml_node& node, std::string_view name) {
  return node.type() == pugi::node_element && local(node.name()) == name;
}

// The first child element called `name`, whatever its prefix.
pugi::xml_node child(const pugi::xml_node& node, std::string_view name) {
  for (pugi::xml_node c = node.first_child(); c; c = c.next_sibling()) {
    if (is(c, name)) return c;
  }
  return {};
}

// The attribute called `name`, whatever its prefix (r:id, ns1:id).
pugi::xml_attribute attribute(const pugi::xml_node& node, std::string_view name) {
  for (pugi::xml_attribute a = node.first_attribute(); a; a = a.next_attribute()) {
    if (local(a.name()) == name) return a;
  }
  return {};
}

// The text of every <t> below `node` but those of phonetic runs (<rPh>),
// walked without recursion: nesting depth is up to the file.
std::string runs_text(const pugi::xml_node& node) {
  std::string out;
  pugi::xml_node n = node.first_child();
  while (n && n != node) {
    bool descend = false;
    if (is(n, "t")) {
      for (pugi::xml_node t = n.first_child(); t; t = t.next_sibling()) {
        if (t.type() == pugi::node_pcdata || t.type() == pugi::node_cdata) out += t.value();
      }
    } else if (n.type() == pugi::node_element && !is(n, "rPh")) {
      descend = n.first_child();
    }
    if (descend) {
      n = n.first_child();
      continue;
    }
    while (n != node && !n.next_sibling()) n = n.parent();
    if (n == node) break;
    n = n.next_sibling();
  }
  return out;
}

std::optional<double> parse_double(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\n')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\n')) text.remove_suffix(1);
  double v = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
  if (ec != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return v;
}

std::optional<long> parse_index(std::string_view text) {
  long v = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
  if (ec != std::errc() || end != text.data() + text.size() || v < 0) return std::nullopt;
  return v;
}

// "C7" -> (7, 3); nothing when it is not a cell reference.
std::optional<std::pair<int, int>> parse_ref(std::string_view ref) {
  size_t i = 0;
  long column = 0;
  while (i < ref.size() && ref[i] >= 'A' && ref[i] <= 'Z' && column <= kMaxSheetColumns) {
    column = column * 26 + (ref[i] - 'A' + 1);
    ++i;
  }
  long row = 0;
  const size_t digits = i;
  while (i < ref.size() && ref[i] >= '0' && ref[i] <= '9' && row <= kMaxSheetRows) {
    row = row * 10 + (ref[i] - '0');
    ++i;
  }
  if (i != ref.size() || digits == 0 || i == digits) return std::nullopt;
  return std::pair{static_cast<int>(row), static_cast<int>(column)};
}

// "xl/worksheets/sheet1.xml" from a target relative to `base_dir` ("xl/"),
// or absolute ("/xl/worksheets/sheet1.xml"); ".." steps up.
std::string resolve_target(const std::string& base_dir, const std::string& target) {
  std::string joined = !target.empty() && target[0] == '/' ? target.substr(1) : base_dir + target;
  std::vector<std::string> parts;
  size_t start = 0;
  while (start <= joined.size()) {
    size_t slash = joined.find('/', start);
    if (slash == std::string::npos) slash = joined.size();
    const std::string part = joined.substr(start, slash - start);
    if (part == "..") {
      if (!parts.empty()) parts.pop_back();
    } else if (!part.empty() && part != ".") {
      parts.push_back(part);
    }
    start = slash + 1;
  }
  std::string out;
  for (const std::string& p : parts) out += (out.empty() ? "" : "/") + p;
  return out;
}

std::string folder_of(const std::string& path) {
  const size_t slash = path.rfind('/');
  return slash == std::string::npos ? "" : path.substr(0, slash + 1);
}

// A relationship: its type's last word (worksheet, sharedStrings ...) and target part.
struct Relationship {
  std::string type;
  std::string target;
};

// Whether a number format shows a percentage: Excel's 9 and 10, or a code
// with % outside quotes.
bool is_percent_format(long id, const std::string& code) {
  if (id == 9 || id == 10) return true;
  bool quoted = false;
  for (const char c : code) {
    if (c == '"') quoted = !quoted;
    if (c == '%' && !quoted) return true;
  }
  return false;
}

class XlsxReader {
 public:
  explicit XlsxReader(std::string_view bytes) : bytes_(bytes) {}
  ~XlsxReader() {
    if (zip_ != nullptr) zip_discard(zip_);
  }
  XlsxReader(const XlsxReader&) = delete;
  XlsxReader& operator=(const XlsxReader&) = delete;

  XlsxRead read() {
    XlsxRead result;
    if (bytes_.size() > kMaxXlsxBytes) return fail("文件大于 20 MiB，不像是报送表");
    zip_error_t error;
    zip_error_init(&error);
    zip_source_t* source = zip_source_buffer_create(bytes_.data(), bytes_.size(), 0, &error);
    if (source != nullptr) zip_ = zip_open_from_source(source, ZIP_RDONLY, &error);
    if (zip_ == nullptr) {
      if (source != nullptr) zip_source_free(source);
      zip_error_fini(&error);
      return fail(
          "这不是有效的 .xlsx 文件（无法按 zip 格式打开）：请用 Excel 或 WPS 重新“另存为”Excel "
          "工作簿（.xlsx）");
    }
    zip_error_fini(&error);
    std::string workbook = "xl/workbook.xml";
    for (const auto& [id, rel] : relationships("_rels/.rels", "")) {
      if (rel.type == "officeDocument") workbook = rel.target;
    }
    pugi::xml_document book;
    if (!load(workbook, book)) return fail("文件中找不到工作簿（workbook.xml）：这不像是 Excel 工作簿");
    const pugi::xml_node root = child(book, "workbook");
    const std::string pr = attribute(child(root, "workbookPr"), "date1904").value();
    result_.date1904 = pr == "1" || pr == "true";
    const auto rels =
        relationships(folder_of(workbook) + "_rels/" + workbook.substr(folder_of(workbook).size()) + ".rels",
                      folder_of(workbook));
    for (const auto& [id, rel] : rels) {
      if (rel.type == "sharedStrings") shared_strings(rel.target);
      if (rel.type == "styles") styles(rel.target);
    }
    for (pugi::xml_node s = child(child(root, "sheets"), "sheet"); s; s = s.next_sibling()) {
      if (!is(s, "sheet")) continue;
      const auto rel = rels.find(attribute(s, "id").value());
      if (rel == rels.end() || rel->second.type != "worksheet") continue;
      Sheet sheet;
      sheet.name = attribute(s, "name").value();
      if (!read_sheet(rel->second.target, sheet)) return fail(error_);
      result_.sheets.push_back(std::move(sheet));
    }
    if (result_.sheets.empty()) return fail("工作簿中没有工作表");
    result.book = std::move(result_);
    return result;
  }

 private:
  XlsxRead fail(std::string why) {
    XlsxRead r;
    r.error = std::move(why);
    return r;
  }

  // The bytes of one part, or nothing when it is missing or too large.
  std::optional<std::string> part(const std::string& name) {
    const zip_int64_t index = zip_name_locate(zip_, name.c_str(), ZIP_FL_NOCASE);
    if (index < 0) return std::nullopt;
    zip_file_t* file = zip_fopen_index(zip_, static_cast<zip_uint64_t>(index), 0);
    if (file == nullptr) return std::nullopt;
    std::string out;
    char buffer[65536];
    for (;;) {
      const zip_int64_t n = zip_fread(file, buffer, sizeof buffer);
      if (n <= 0) {
        zip_fclose(file);
        if (n < 0) return std::nullopt;
        return out;
      }
      unpacked_ += static_cast<size_t>(n);
      if (unpacked_ > kMaxXlsxPartBytes) {
        zip_fclose(file);
        return std::nullopt;
      }
      out.append(buffer, static_cast<size_t>(n));
    }
  }

  bool load(const std::string& name, pugi::xml_document& doc) {
    const auto bytes = part(name);
    if (!bytes) return false;
    return doc.load_buffer(bytes->data(), bytes->size(), pugi::parse_default | pugi::parse_ws_pcdata,
                           pugi::encoding_auto);
  }

  std::map<std::string, Relationship> relationships(const std::string& name, const std::string& base) {
    std::map<std::string, Relationship> out;
    pugi::xml_document doc;
    if (!load(name, doc)) return out;
    for (pugi::xml_node r = child(child(doc, "Relationships"), "Relationship"); r; r = r.next_sibling()) {
      if (!is(r, "Relationship")) continue;
      std::string type = attribute(r, "Type").value();
      type = type.substr(type.rfind('/') + 1);
      out[attribute(r, "Id").value()] = {type, resolve_target(base, attribute(r, "Target").value())};
    }
    return out;
  }

  void shared_strings(const std::string& name) {
    pugi::xml_document doc;
    if (!load(name, doc)) return;
    for (pugi::xml_node si = child(child(doc, "sst"), "si"); si; si = si.next_sibling()) {
      if (is(si, "si")) strings_.push_back(runs_text(si));
    }
  }

  void styles(const std::string& name) {
    pugi::xml_document doc;
    if (!load(name, doc)) return;
    const pugi::xml_node root = child(doc, "styleSheet");
    std::set<long> percent_ids;
    for (pugi::xml_node f = child(child(root, "numFmts"), "numFmt"); f; f = f.next_sibling()) {
      const auto id = parse_index(attribute(f, "numFmtId").value());
      if (id && is_percent_format(*id, attribute(f, "formatCode").value())) percent_ids.insert(*id);
    }
    for (pugi::xml_node xf = child(child(root, "cellXfs"), "xf"); xf; xf = xf.next_sibling()) {
      if (!is(xf, "xf")) continue;
      const auto id = parse_index(attribute(xf, "numFmtId").value());
      percent_styles_.push_back(id && (is_percent_format(*id, "") || percent_ids.count(*id) > 0));
    }
  }

  bool read_sheet(const std::string& name, Sheet& sheet) {
    pugi::xml_document doc;
    if (!load(name, doc)) {
      error_ = "工作表“" + sheet.name + "”读不出来：文件可能已损坏，请重新保存后再发";
      return false;
    }
    int row = 0;
    for (pugi::xml_node r = child(child(child(doc, "worksheet"), "sheetData"), "row"); r;
         r = r.next_sibling()) {
      if (!is(r, "row")) continue;
      const auto number = parse_index(attribute(r, "r").value());
      row = number && *number > row ? static_cast<int>(std::min<long>(*number, kMaxSheetRows + 1L)) : row + 1;
      int column = 0;
      for (pugi::xml_node c = r.first_child(); c; c = c.next_sibling()) {
        if (!is(c, "c")) continue;
        const auto ref = parse_ref(attribute(c, "r").value());
        column = ref ? ref->second : column + 1;
        if (row > kMaxSheetRows || column > kMaxSheetColumns || ++cells_ > kMaxSheetCells) {
          error_ = "表格太大（行、列或单元格太多），不像是报送表";
          return false;
        }
        if (auto cell = read_cell(c)) sheet.cells[{ref ? ref->first : row, column}] = std::move(*cell);
      }
    }
    return true;
  }

  std::optional<SheetCell> read_cell(const pugi::xml_node& c) {
    const std::string type = attribute(c, "t").value();
    const std::string value = child(c, "v").text().get();
    SheetCell cell;
    if (type == "s") {
      const auto index = parse_index(value);
      if (!index || static_cast<size_t>(*index) >= strings_.size()) return std::nullopt;
      cell.text = strings_[static_cast<size_t>(*index)];
    } else if (type == "inlineStr") {
      cell.text = runs_text(child(c, "is"));
    } else if (type == "str" || type == "e" || type == "d") {
      cell.text = value;
    } else if (type == "b") {
      cell.text = value == "1" ? "TRUE" : "FALSE";
    } else {
      const auto number = parse_double(value);
      if (!number) return std::nullopt;
      cell.is_number = true;
      cell.number = *number;
      const auto style = parse_index(attribute(c, "s").value());
      cell.percent = style && static_cast<size_t>(*style) < percent_styles_.size() &&
                     percent_styles_[static_cast<size_t>(*style)];
    }
    if (!cell.is_number && cell.text.empty()) return std::nullopt;
    return cell;
  }

  std::string_view bytes_;
  zip_t* zip_ = nullptr;
  Workbook result_;
  std::vector<std::string> strings_;
  std::vector<bool> percent_styles_;
  size_t unpacked_ = 0;
  size_t cells_ = 0;
  std::string error_;
};

}  // namespace

XlsxRead read_xlsx(std::string_view bytes) { return XlsxReader(bytes).read(); }

}  // namespace duban
