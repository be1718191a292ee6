"""Remove every carried-forward copy: a version identical to the one before it (run once)."""

import sys
from pathlib import Path

import yaml


def same(a, b) -> bool:
    def key(v):
        return (
            " ".join(v.get("text", "").split()),
            v.get("strength", "editorial"),
            v.get("timescale"),
            v.get("evidence", []),
            v.get("withdrawn", False),
        )

    return key(a) == key(b)


def migrate(path: Path) -> list[str]:
    text = path.read_text(encoding="utf-8")
    lines = text.splitlines(keepends=True)
    data = yaml.safe_load(text)
    root = yaml.compose(text)
    provisions_node = next(v for k, v in root.value if k.value == "provisions")
    drop: list[tuple[int, int]] = []
    removed = []
    for item, node in zip(data["provisions"], provisions_node.value, strict=True):
        versions_node = next(v for k, v in node.value if k.value == "versions")
        versions = item["versions"]
        for index in range(1, len(versions)):
            if same(versions[index - 1], versions[index]):
                vnode = versions_node.value[index]
                start = vnode.start_mark.line  # the '- edition:' line
                mark = vnode.end_mark
                end = mark.line if mark.line >= len(lines) or not lines[mark.line][: mark.column].strip() else mark.line + 1
                if index + 1 < len(versions):
                    end = versions_node.value[index + 1].start_mark.line
                while end > start and not lines[end - 1].strip():
                    end -= 1  # keep the blank lines between provisions
                drop.append((start, end))
                removed.append(f"{path}: {item['id']} {versions[index]['edition']} (same as {versions[index - 1]['edition']})")
    for start, end in sorted(drop, reverse=True):
        del lines[start:end]
    path.write_text("".join(lines), encoding="utf-8")
    return removed


if __name__ == "__main__":
    for name in sys.argv[1:]:
        for line in migrate(Path(name)):
            print(line)
