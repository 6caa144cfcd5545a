#!/usr/bin/env bash
# Names and texts are inert in every Markdown report: with HTML, links,
# autolinks and line breaks in titles and progress texts, cmark-gfm (raw HTML
# allowed, as the reports need it for their own <br>, and GFM's autolinks on)
# renders no tag but the report's own, no link, and every table row and
# heading stays whole; the texts themselves are still there, as text.
set -euo pipefail
bin=$1
base=$2   # a workspace
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp -R "$base/." "$work/"
evil='<img src=x onerror=alert(1)> [点我](javascript:alert(1)) <http://a.example> www.b.example https://c.example d@e.example &amp; `x` \[y](z)'
export EVIL=$evil
perl -pi -e '
  s/^title: 测试清单$/title: "测试清单<script>alert(1)<\/script>"/;
  s/title: 夯实基层组织/title: "夯实<b>基层<\/b>组织 www.f.example %%{init: {}}%%"/;
  s/title: 优化治理体系/title: \x27优化治理体系 $ENV{EVIL}\x27/;
' "$work/tasks.yaml"
cat >"$work/progress/2024-06/江洋社区.yaml" <<YAML
unit: 江洋社区
date: 2024-06-08
entries:
  - task: 1
    status: 推进中
    percent: 50
    progress: '$evil'
    problems: |
      第一行 <iframe src="https://g.example">
      # 不是标题
      | 不是 | 表格 |
      - 不是列表
    next: "<a href=\"https://h.example\">链接</a>"
YAML
"$bin" -C "$work" --today 2024-07-01 check >/dev/null || { "$bin" -C "$work" --today 2024-07-01 check; exit 1; }
run() { "$bin" -C "$work" --today 2024-07-01 "$@"; }
run reconcile --month 2024-06 >"$work/reconcile.md"
run notices --month 2024-06 >"$work/notices.md"
run rank --period 2024-06 --format md >"$work/rank.md"
run status --format md >"$work/status.md"
run tasks --format md >"$work/tasks.md"

status=0
fail() { echo "$*" >&2; status=1; }
for md in reconcile notices rank status tasks; do
  html="$work/$md.html"
  cmark-gfm --unsafe --extension table --extension autolink --extension strikethrough "$work/$md.md" >"$html"
  # The tags cmark-gfm makes from the report's own Markdown, and the <br> it keeps.
  tags=$(grep -o '<[^>]*>' "$html" | sed -E 's/^<\/?([A-Za-z0-9]+).*/\1/' | sort -u | tr '\n' ' ')
  for tag in $tags; do
    case " h1 h2 p ul li table thead tbody tr th td br hr pre code " in
      *" $tag "*) ;;
      *) fail "$md.md: a live <$tag> in the HTML" ;;
    esac
  done
  attributes=$(grep -o '<[^>]*>' "$html" | grep -E ' (href|src|on[a-z]+)=' || true)
  [ -z "$attributes" ] || fail "$md.md: live attributes: $attributes"
  # One heading per document (per notice), rows as wide as their header.
  awk -v file="$md.md" '
    /<table>/ { header = -1 }
    /<tr>/ { cells = 0 }
    /<t[hd][ >]/ { cells += gsub(/<t[hd][ >]/, "&") }
    /<\/tr>/ {
      if (header < 0) header = cells
      else if (cells != header) { printf "%s: a row of %d cells under a header of %d\n", file, cells, header; bad = 1 }
    }
    END { exit bad }' "$html" || status=1
  want=1
  [ "$md" = notices ] && want=$(grep -c '^# 督办通知$' "$work/$md.md")
  [ "$(grep -c '<h1>' "$html")" = "$want" ] || fail "$md.md: $(grep -c '<h1>' "$html") headings, expected $want"
done
# The texts are shown, not dropped.
grep -qF '&lt;img src=x onerror=alert(1)&gt; [点我](javascript:alert(1)) &lt;http://a.example&gt; www.b.example' \
  "$work/reconcile.html" || fail "reconcile.md: the progress text is not shown as text"
grep -qF '测试清单&lt;script&gt;alert(1)&lt;/script&gt;' "$work/reconcile.html" || fail "reconcile.md: the title is not shown"
grep -qF '&lt;a href=&quot;https://h.example&quot;&gt;链接&lt;/a&gt;' "$work/reconcile.html" ||
  fail "reconcile.md: the next step is not shown as text"
grep -qF '第一行 &lt;iframe src=&quot;https://g.example&quot;&gt;<br># 不是标题<br>| 不是 | 表格 |<br>- 不是列表' \
  "$work/reconcile.html" || fail "reconcile.md: the problems' lines are not kept in their cell"
# Nor does the Mermaid source: no HTML, no line of its own, no %% directive.
sed -n '/^```mermaid$/,/^```$/p' "$work/reconcile.md" >"$work/gantt"
! grep -nE '[<>&{}]|%%' "$work/gantt" || fail "reconcile.md: the gantt carries HTML or a directive"
exit $status
