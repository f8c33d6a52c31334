#!/usr/bin/env bash
# Before the browser suite: Debian's Chromium and CJK and emoji fonts, so screenshots show what a phone shows.
# Installs them when they are missing and this user may (root with apt-get); otherwise stops at once with the
# one command to run. Nothing is skipped: the browser suite needs a real browser.
set -euo pipefail

chromium_path="${CHROMIUM_PATH:-/usr/bin/chromium}"
missing=()
[ -x "$chromium_path" ] || missing+=(chromium)
fc-list :lang=zh 2>/dev/null | grep -q . || missing+=(fonts-noto-cjk)
fc-list 2>/dev/null | grep -qi emoji || missing+=(fonts-noto-color-emoji)

if [ ${#missing[@]} -eq 0 ]; then
  echo "浏览器测试环境就绪：$("$chromium_path" --version 2>/dev/null || echo "$chromium_path")"
  exit 0
fi

if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null 2>&1; then
  echo "浏览器测试需要 Chromium 和中文字体，缺少：${missing[*]}" >&2
  echo "请先运行：sudo apt-get update && sudo apt-get install -y ${missing[*]}" >&2
  echo "（Chromium 不在 /usr/bin/chromium 时，用 CHROMIUM_PATH 指明位置）" >&2
  exit 1
fi

echo "安装浏览器测试所需的 Debian 包：${missing[*]} …"
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
[ -x "$chromium_path" ] || { echo "安装后仍找不到 $chromium_path" >&2; exit 1; }
echo "已安装：$("$chromium_path" --version)"
