#include "cli/report_writer.h"

#include "cli/git.h"

namespace duban {

ReportWriter::ReportWriter(const LoadedWorkspace& loaded, const std::string& output, bool commit)
    : workspace_(loaded.dir), target_(output_target(output)), to_stdout_(output.empty()), commit_(commit) {
  if (commit_) require_nothing_staged(workspace_);
  if (to_stdout_) return;
  if (target_.directory) {
    folder_.emplace(target_.path);
  } else {
    folder_.emplace(target_.path.parent_path(), true);
  }
}

void ReportWriter::emit(std::string_view text) {
  if (to_stdout_) {
    print(text);
  } else {
    write(target_.path, text);
  }
}

void ReportWriter::write(const std::filesystem::path& path, std::string_view text) {
  if (folder_->write_if_changed(path, text)) changed_.push_back(path);
}

void ReportWriter::remove_stale_md(const std::filesystem::path& dir,
                                   const std::vector<std::filesystem::path>& keep) {
  for (auto& removed : folder_->remove_stale(dir, ".md", keep)) changed_.push_back(removed);
}

void ReportWriter::commit(const std::string& message) {
  if (commit_) commit_paths(workspace_, changed_, message);
}

}  // namespace duban
