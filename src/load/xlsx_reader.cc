#include "load/xlsx_reader.h"

#include <zip.h>

#include <algorithm>
#include <charconv>
#include <cstddef>
#include <cstdlib>
#include <map>
#include <optional>
#include <pugixml.hpp>
#include <set>

#include <fmt/format.h>

#include "load/encoding.h"

namespace duban {
namespace {

// The memory pugixml holds, counted for the thread reading a workbook: a
// part's tree costs several times its bytes (a node for every element,
// however short), so the cap on unpacked bytes alone does not bound it.
struct XmlMemory {
  size_t used = 0;
  size_t limit = SIZE_MAX;
};
thread_local XmlMemory xml_memory;
constexpr size_t kAllocationHeader = alignof(std::max_align_t);

void* counted_allocate(size_t size) {
  if (size > xml_memory.limit - xml_memory.used) return nullptr;  // pugixml reports out of memory
  void* block = std::malloc(size + kAllocationHeader);
  if (block == nullptr) return nullptr;
  *static_cast<size_t*>(block) = size;
  xml_memory.used += size;
  return static_cast<char*>(block) + kAllocationHeader;
}

void counted_deallocate(void* pointer) {
  if (pointer == nullptr) return;
  char* block = static_cast<char*>(pointer) - kAllocationHeader;
  xml_memory.used -= *reinterpret_cast<size_t*>(block);
  std::free(block);
}

// While alive, the trees of this thread may hold kMaxXlsxTreeBytes.
class XmlMemoryLimit {
 public:
  XmlMemoryLimit() {
    // Before any document exists, so that every block is freed by the
    // function that allocated it.
    static const bool installed = [] {
      pugi::set_memory_management_functions(counted_allocate, counted_deallocate);
      return true;
    }();
    (void)installed;
    xml_memory.limit = xml_memory.used + kMaxXlsxTreeBytes;
  }
  ~XmlMemoryLimit() { xml_memory.limit = SIZE_MAX; }
  XmlMemoryLimit(const XmlMemoryLimit&) = delete;
  XmlMemoryLimit& operator=(const XmlMemoryLimit&) = delete;
};

// pugixml is told not to decode references (it would cut a text at &#0;):
// they are decoded here.
constexpr unsigned kParseOptions = (pugi::parse_default & ~pugi::parse_escapes) | pugi::parse_ws_pcdata;

void append_utf8(char32_t cp, std::string& out) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

// Whether XML 1.0 allows the character at all.
bool xml_allows(char32_t cp) {
  return cp == 0x9 || cp == 0xA || cp == 0xD || (cp >= 0x20 && cp <= 0xD7FF) ||
         (cp >= 0xE000 && cp <= 0xFFFD) || (cp >= 0x10000 && cp <= 0x10FFFF);
}

// A character reference that cannot stand in a cell: what it says, and why.
struct BadReference {
  std::string written;  // &#0;
  char32_t cp = 0;
  bool xml_forbids = false;
};

// The code point of the character reference at the start of `text`
// (&#38; or &#x26;) and its length; nothing when it is not one.
std::optional<std::pair<char32_t, size_t>> character_reference(std::string_view text) {
  if (!text.starts_with("&#")) return std::nullopt;
  const bool hex = text.size() > 2 && (text[2] == 'x');
  size_t i = hex ? 3 : 2;
  const size_t digits = i;
  char32_t cp = 0;
  for (; i < text.size() && text[i] != ';'; ++i) {
    const char c = text[i];
    int v = -1;
    if (c >= '0' && c <= '9') v = c - '0';
    if (hex && c >= 'a' && c <= 'f') v = c - 'a' + 10;
    if (hex && c >= 'A' && c <= 'F') v = c - 'A' + 10;
    if (v < 0) return std::nullopt;
    // Past the last code point it stays past it, without overflowing.
    cp = std::min<char32_t>(cp * (hex ? 16 : 10) + static_cast<char32_t>(v), 0x110000);
  }
  if (i == digits || i == text.size()) return std::nullopt;
  return std::pair{cp, i + 1};
}

// `raw` (the text of an element or attribute) with its references decoded
// onto `out`. A reference to a character that XML forbids (&#0;) or that
// duban refuses in a text (check_decoded_text) is kept as written and the
// first one put in `bad`; an unknown or malformed one stays as written, as
// pugixml leaves it.
void append_decoded(std::string_view raw, std::string& out, std::optional<BadReference>& bad) {
  static constexpr std::pair<std::string_view, char> kNamed[] = {
      {"&lt;", '<'}, {"&gt;", '>'}, {"&amp;", '&'}, {"&apos;", '\''}, {"&quot;", '"'}};
  for (size_t i = 0; i < raw.size();) {
    const size_t amp = raw.find('&', i);
    if (amp == std::string_view::npos) {
      out.append(raw.substr(i));
      break;
    }
    out.append(raw.substr(i, amp - i));
    const std::string_view rest = raw.substr(amp);
    i = amp + 1;
    if (const auto ref = character_reference(rest)) {
      const auto [cp, length] = *ref;
      i = amp + length;
      std::string decoded;
      if (cp <= 0x10FFFF) append_utf8(cp, decoded);
      const bool refused = cp != '\t' && cp != '\n' && cp != '\r' && !check_decoded_text(decoded).empty();
      if (xml_allows(cp) && !refused) {
        out += decoded;
        continue;
      }
      if (!bad) bad = BadReference{std::string(rest.substr(0, length)), cp, !xml_allows(cp)};
      out.append(rest.substr(0, length));
      continue;
    }
    const auto named = std::find_if(std::begin(kNamed), std::end(kNamed),
                                    [&](const auto& n) { return rest.starts_with(n.first); });
    if (named != std::end(kNamed)) {
      out += named->second;
      i = amp + named->first.size();
    } else {
      out += '&';
    }
  }
}

std::string decoded(std::string_view raw) {
  std::string out;
  std::optional<BadReference> ignored;
  append_decoded(raw, out, ignored);
  return out;
}

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

// The value of the attribute called `name`, its references decoded.
std::string attribute_text(const pugi::xml_node& node, std::string_view name) {
  return decoded(attribute(node, name).value());
}

// The text of an element: its text and CDATA children, references decoded
// in the text.
void append_text(const pugi::xml_node& node, std::string& out, std::optional<BadReference>& bad) {
  for (pugi::xml_node t = node.first_child(); t; t = t.next_sibling()) {
    if (t.type() == pugi::node_pcdata) append_decoded(t.value(), out, bad);
    if (t.type() == pugi::node_cdata) out += t.value();
  }
}

// The text of every <t> below `node` but those of phonetic runs (<rPh>),
// walked without recursion: nesting depth is up to the file.
std::string runs_text(const pugi::xml_node& node, std::optional<BadReference>& bad) {
  std::string out;
  pugi::xml_node n = node.first_child();
  while (n && n != node) {
    bool descend = false;
    if (is(n, "t")) {
      append_text(n, out, bad);
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

// A part of the package and its tree, parsed in place: the tree points
// into the bytes.
struct Part {
  std::string bytes;
  pugi::xml_document doc;
};

enum class Loaded { kOk, kMissing, kBroken };

constexpr const char* kUnpackedTooLarge =
    "文件解压后大于 64 MiB，不像是报送表：请用 duban template 生成的报送表填写";
constexpr const char* kTreeTooLarge =
    "文件中的 XML 过于庞大（元素或属性太多），不像是报送表：请用 duban template 生成的报送表填写";
constexpr const char* kTextTooLarge =
    "表中的文字合计超过 64 MiB（同一段文字每用在一格就计一次），不像是报送表：请用 duban template "
    "生成的报送表填写";

// Why a cell holding the reference `bad` is not read.
std::string bad_reference_message(const BadReference& bad) {
  const std::string written =
      bad.written.size() <= 16 ? bad.written
                               : bad.written.substr(0, 12) + "…" + bad.written.substr(bad.written.size() - 1);
  return fmt::format(
      "这一格含有字符引用“{}”，它代表{}（U+{:04X}），这一格的文字无法如实读出：请在 Excel 或 WPS "
      "中删除这一格的内容，重新填写后保存",
      written, bad.xml_forbids ? " XML 不允许出现的字符" : "不可见的控制字符或改变文字方向的字符",
      static_cast<unsigned>(bad.cp));
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
    Part book;
    if (load(workbook, book) != Loaded::kOk || !error_.empty()) {
      return fail(error_.empty() ? "文件中找不到工作簿（workbook.xml）：这不像是 Excel 工作簿" : error_);
    }
    const pugi::xml_node root = child(book.doc, "workbook");
    const std::string pr = attribute_text(child(root, "workbookPr"), "date1904");
    result_.date1904 = pr == "1" || pr == "true";
    const auto rels =
        relationships(folder_of(workbook) + "_rels/" + workbook.substr(folder_of(workbook).size()) + ".rels",
                      folder_of(workbook));
    for (const auto& [id, rel] : rels) {
      if (rel.type == "sharedStrings") shared_strings(rel.target);
      if (rel.type == "styles") styles(rel.target);
    }
    if (!error_.empty()) return fail(error_);
    for (pugi::xml_node s = child(child(root, "sheets"), "sheet"); s; s = s.next_sibling()) {
      if (!is(s, "sheet")) continue;
      const auto rel = rels.find(attribute_text(s, "id"));
      if (rel == rels.end() || rel->second.type != "worksheet") continue;
      Sheet sheet;
      sheet.name = attribute_text(s, "name");
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

  // The bytes of one part, or nothing when it is missing, unreadable or
  // (with the reason in error_) too large.
  std::optional<std::string> part(const std::string& name) {
    const zip_int64_t index = zip_name_locate(zip_, name.c_str(), ZIP_FL_NOCASE);
    if (index < 0) return std::nullopt;
    zip_file_t* file = zip_fopen_index(zip_, static_cast<zip_uint64_t>(index), 0);
    if (file == nullptr) return std::nullopt;
    std::string out;
    // The size the archive states, up to what is left under the cap: a
    // string that grows by doubling would hold half as much again.
    zip_stat_t st;
    if (zip_stat_index(zip_, static_cast<zip_uint64_t>(index), 0, &st) == 0 &&
        (st.valid & ZIP_STAT_SIZE) != 0) {
      out.reserve(std::min<zip_uint64_t>(st.size, kMaxXlsxPartBytes - unpacked_ + 1));
    }
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
        error_ = kUnpackedTooLarge;
        return std::nullopt;
      }
      out.append(buffer, static_cast<size_t>(n));
    }
  }

  // Reads and parses the part `name` into `p`; a part too large leaves the
  // reason in error_.
  Loaded load(const std::string& name, Part& p) {
    if (zip_name_locate(zip_, name.c_str(), ZIP_FL_NOCASE) < 0) return Loaded::kMissing;
    auto bytes = part(name);
    if (!bytes) return Loaded::kBroken;
    p.bytes = std::move(*bytes);
    const pugi::xml_parse_result parsed =
        p.doc.load_buffer_inplace(p.bytes.data(), p.bytes.size(), kParseOptions, pugi::encoding_auto);
    if (parsed.status == pugi::status_out_of_memory) error_ = kTreeTooLarge;
    return parsed ? Loaded::kOk : Loaded::kBroken;
  }

  std::map<std::string, Relationship> relationships(const std::string& name, const std::string& base) {
    std::map<std::string, Relationship> out;
    Part p;
    if (load(name, p) != Loaded::kOk) return out;
    for (pugi::xml_node r = child(child(p.doc, "Relationships"), "Relationship"); r; r = r.next_sibling()) {
      if (!is(r, "Relationship")) continue;
      std::string type = attribute_text(r, "Type");
      type = type.substr(type.rfind('/') + 1);
      out[attribute_text(r, "Id")] = {type, resolve_target(base, attribute_text(r, "Target"))};
    }
    return out;
  }

  void shared_strings(const std::string& name) {
    Part p;
    const Loaded loaded = load(name, p);
    if (loaded == Loaded::kBroken && error_.empty()) {
      // Every text of the form is there: without it, cells would be empty.
      error_ =
          "文件中的共享文字（sharedStrings.xml）读不出来：文件可能已损坏，请用 Excel 或 WPS 重新保存后再发";
    }
    if (loaded != Loaded::kOk) return;
    for (pugi::xml_node si = child(child(p.doc, "sst"), "si"); si; si = si.next_sibling()) {
      if (!is(si, "si")) continue;
      std::optional<BadReference> bad;
      strings_.push_back(runs_text(si, bad));
      if (bad) bad_strings_.emplace(strings_.size() - 1, std::move(*bad));
    }
  }

  void styles(const std::string& name) {
    Part p;
    const Loaded loaded = load(name, p);
    if (loaded == Loaded::kBroken && error_.empty()) {
      // Without them a percentage (100%, kept as 1) would read as 1.
      error_ = "文件中的格式（styles.xml）读不出来：文件可能已损坏，请用 Excel 或 WPS 重新保存后再发";
    }
    if (loaded != Loaded::kOk) return;
    const pugi::xml_node root = child(p.doc, "styleSheet");
    std::set<long> percent_ids;
    for (pugi::xml_node f = child(child(root, "numFmts"), "numFmt"); f; f = f.next_sibling()) {
      const auto id = parse_index(attribute_text(f, "numFmtId"));
      if (id && is_percent_format(*id, attribute_text(f, "formatCode"))) percent_ids.insert(*id);
    }
    for (pugi::xml_node xf = child(child(root, "cellXfs"), "xf"); xf; xf = xf.next_sibling()) {
      if (!is(xf, "xf")) continue;
      const auto id = parse_index(attribute_text(xf, "numFmtId"));
      percent_styles_.push_back(id && (is_percent_format(*id, "") || percent_ids.count(*id) > 0));
    }
  }

  bool read_sheet(const std::string& name, Sheet& sheet) {
    Part p;
    if (load(name, p) != Loaded::kOk) {
      if (error_.empty()) error_ = "工作表“" + sheet.name + "”读不出来：文件可能已损坏，请重新保存后再发";
      return false;
    }
    int row = 0;
    for (pugi::xml_node r = child(child(child(p.doc, "worksheet"), "sheetData"), "row"); r;
         r = r.next_sibling()) {
      if (!is(r, "row")) continue;
      const auto number = parse_index(attribute_text(r, "r"));
      row = number && *number > row ? static_cast<int>(std::min<long>(*number, kMaxSheetRows + 1L)) : row + 1;
      int column = 0;
      for (pugi::xml_node c = r.first_child(); c; c = c.next_sibling()) {
        if (!is(c, "c")) continue;
        const auto ref = parse_ref(attribute_text(c, "r"));
        column = ref ? ref->second : column + 1;
        if (row > kMaxSheetRows || column > kMaxSheetColumns || ++cells_ > kMaxSheetCells) {
          error_ = "表格太大（行、列或单元格太多），不像是报送表";
          return false;
        }
        auto cell = read_cell(c);
        if (!error_.empty()) return false;
        if (cell) sheet.cells[{ref ? ref->first : row, column}] = std::move(*cell);
      }
    }
    return true;
  }

  // Counts `size` bytes more of the cells' text; false (the reason in
  // error_) past kMaxXlsxTextBytes. Checked before a shared string is
  // copied: one string used by many cells is a copy in each.
  bool count_text(size_t size) {
    text_bytes_ += size;
    if (text_bytes_ <= kMaxXlsxTextBytes) return true;
    error_ = kTextTooLarge;
    return false;
  }

  std::optional<SheetCell> read_cell(const pugi::xml_node& c) {
    const std::string type = attribute_text(c, "t");
    std::optional<BadReference> bad;
    std::string value;
    append_text(child(c, "v"), value, bad);
    SheetCell cell;
    if (type == "s") {
      const auto index = parse_index(value);
      if (!index || static_cast<size_t>(*index) >= strings_.size()) {
        if (value.empty()) return std::nullopt;
        cell.unreadable = fmt::format(
            "这一格引用的共享文字（第 {} 条）在文件中不存在：文件可能已损坏，请用 Excel 或 WPS "
            "重新保存后再发",
            value.size() <= 12 ? value : value.substr(0, 12) + "…");
        return cell;
      }
      const auto i = static_cast<size_t>(*index);
      if (const auto b = bad_strings_.find(i); b != bad_strings_.end() && !bad) bad = b->second;
      if (!bad && !count_text(strings_[i].size())) return std::nullopt;
      if (!bad) cell.text = strings_[i];
    } else if (type == "inlineStr") {
      cell.text = runs_text(child(c, "is"), bad);
    } else if (type == "str" || type == "e" || type == "d") {
      cell.text = std::move(value);
    } else if (type == "b") {
      cell.text = value == "1" ? "TRUE" : "FALSE";
    } else if (!bad) {
      const auto number = parse_double(value);
      if (!number) return std::nullopt;
      cell.is_number = true;
      cell.number = *number;
      const auto style = parse_index(attribute_text(c, "s"));
      cell.percent = style && static_cast<size_t>(*style) < percent_styles_.size() &&
                     percent_styles_[static_cast<size_t>(*style)];
    }
    if (bad) {
      SheetCell unreadable;
      unreadable.unreadable = bad_reference_message(*bad);
      return unreadable;
    }
    if (type != "s" && !count_text(cell.text.size())) return std::nullopt;
    if (!cell.is_number && cell.text.empty()) return std::nullopt;
    return cell;
  }

  std::string_view bytes_;
  XmlMemoryLimit xml_memory_limit_;
  zip_t* zip_ = nullptr;
  Workbook result_;
  std::vector<std::string> strings_;
  std::map<size_t, BadReference> bad_strings_;  // shared strings holding a reference that cannot be read
  std::vector<bool> percent_styles_;
  size_t unpacked_ = 0;
  size_t cells_ = 0;
  size_t text_bytes_ = 0;
  std::string error_;
};

}  // namespace

XlsxRead read_xlsx(std::string_view bytes) { return XlsxReader(bytes).read(); }

}  // namespace duban
