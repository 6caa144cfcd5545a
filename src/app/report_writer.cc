#include "app/report_writer.h"

#include <algorithm>

namespace duban::app {

ReportWriter::ReportWriter(const std::filesystem::path& workspace, const OutputTarget& target, bool commit)
    : workspace_(workspace), target_(target), to_stdout_(target.path.empty()), commit_(commit) {
  if (to_stdout_) return;
  // The work tree's lock comes first, the folder's (taken when writing
  // starts) second, in every run: two runs never wait for each other.
  if (commit_) {
    repo_.emplace(GitRepository::find(workspace_));
    repo_->require_inside(target_.path);
    lock_.emplace(repo_->lock_path());
  } else if (const auto repo = GitRepository::find_if_any(workspace_)) {
    lock_.emplace(repo->lock_path(), false);
  }
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
  folder_->write_if_changed(path, text);
  // Committed even when unchanged: an earlier run may have written it and
  // failed to commit it.
  written_.push_back(path);
}

void ReportWriter::remove_stale_md(const std::filesystem::path& dir,
                                   const std::vector<std::filesystem::path>& keep) {
  for (auto& removed : folder_->remove_stale(dir, ".md", keep)) written_.push_back(removed);
  swept_.emplace_back(dir, keep);
}

void ReportWriter::commit(const std::string& message) {
  if (!commit_) return;
  std::vector<std::filesystem::path> paths = written_;
  // A notice an earlier run removed, failing to commit, is still in git.
  for (const auto& [dir, keep] : swept_) {
    for (const auto& gone : repo_->deleted_files(dir)) {
      const bool kept = std::any_of(keep.begin(), keep.end(),
                                    [&](const auto& k) { return k.filename() == gone.filename(); });
      if (gone.extension() == ".md" && !gone.filename().string().starts_with(".") && !kept)
        paths.push_back(gone);
    }
  }
  repo_->commit(paths, message, "报告已写好");
}

}  // namespace duban::app
