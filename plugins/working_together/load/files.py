"""Finding and reading content files: only regular files inside the project, every failure a message.

A pull request can add any kind of file under guidance/: a symbolic link to a secret on the machine
that builds it, a FIFO that blocks a read for ever, a link to /dev/zero, a folder named like a file.
So a file is read only if it is a regular file whose real path lies inside a content folder (guidance/,
decision_trees/, the overlay file; docs/ through check/docs.py), never in a dot-folder such as .git/ (where
actions/checkout leaves the CI token) whatever a link says, and every way reading can fail becomes an
`Unreadable` with a message for the maintainer, never an OSError. The content of a refused file is never
read, so no message can quote it.
"""

from __future__ import annotations

import errno
import os
import re
import stat
from pathlib import Path

# Files editors leave beside the one being edited, never content: Emacs's lock (.#name, a dangling
# symlink while a buffer has unsaved changes) and autosave (#name#), backups (name~) and vim's swap files.
_EDITOR_FILE = re.compile(r"^\.#|^#.*#$|~$|^\..*\.sw[a-p]$")
# Far above the largest guidance file or source text (under 1 MB); reading stops here.
MAX_BYTES = 16 * 1024 * 1024
CONTENT_SUFFIXES = (".yml", ".yaml")


class Unreadable(Exception):
    """A file or folder that cannot be used, what is wrong with it, how to fix it, and where (line, column)."""

    def __init__(self, message: str, fix: str, line: int = 1, column: int = 1) -> None:
        super().__init__(message)
        self.message = message
        self.fix = fix
        self.line = line
        self.column = column


def is_editor_file(name: str) -> bool:
    """Is this an editor's lock, autosave, backup or swap file (ignored, never read)?"""
    return bool(_EDITOR_FILE.search(name))


def inside(path: Path, roots: tuple[Path, ...]) -> bool:
    """Does `path` (already resolved) lie inside one of the resolved `roots`?"""
    return any(path == root or root in path.parents for root in roots)


def boundary(project_dir: Path, *folders: Path | None) -> tuple[Path, ...]:
    """The real content folders (and overlay file) files may be read from: never the rest of the project, and
    never a folder that is a link out of the project or into one of its dot-folders."""
    # os.path.realpath, unlike Path.resolve in Python 3.11, does not raise on a symbolic link loop.
    project, written_project = Path(os.path.realpath(project_dir)), Path(os.path.abspath(project_dir))
    roots = []
    for folder in folders:
        if folder is None:
            continue
        real = Path(os.path.realpath(folder))
        if not inside(Path(os.path.abspath(folder)), (written_project,)):
            roots.append(real)  # named by the operator outside the project: theirs to trust
        elif inside(real, (project,)) and not _in_dot_folder(real, project):
            roots.append(real)
    return tuple(roots)


def _in_dot_folder(path: Path, root: Path) -> bool:
    return any(part.startswith(".") for part in path.relative_to(root).parts)


def check_link(path: Path, roots: tuple[Path, ...] | None) -> None:
    """Raise Unreadable if `path` is a symbolic link that is broken, loops, or leads outside `roots` or into a
    dot-folder inside them (.git/ holds the CI token)."""
    try:
        if not path.is_symlink():
            return
    except OSError as error:
        raise _os_problem(error) from None
    try:
        real = Path(os.path.realpath(path, strict=True))
    except (OSError, RuntimeError) as error:
        if isinstance(error, OSError) and error.errno == errno.ELOOP or isinstance(error, RuntimeError):
            raise Unreadable("is a symbolic link that loops", "replace the link by the file itself") from None
        raise Unreadable(
            "is a symbolic link to a file that does not exist", "replace the link by the file itself"
        ) from None
    if roots is None:
        return
    root = next((root for root in roots if inside(real, (root,))), None)
    if root is None or _in_dot_folder(real, root):
        raise Unreadable(
            "is a symbolic link that leads outside the content folders, so it is not read",
            "put the file itself in the content folder instead of a link",
        )


def read_text(path: Path, roots: tuple[Path, ...] | None = None) -> str:
    """The UTF-8 text of a regular file inside `roots` (anywhere if None); raise Unreadable otherwise."""
    check_link(path, roots)
    try:
        # O_NONBLOCK: opening a FIFO must not wait for a writer; fstat below then refuses it.
        descriptor = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except OSError as error:
        raise _os_problem(error) from None
    try:
        mode = os.fstat(descriptor).st_mode
        if not stat.S_ISREG(mode):
            raise Unreadable(f"is {_kind(mode)}, not a file", "replace it by an ordinary text file, or remove it")
        with os.fdopen(descriptor, "rb", closefd=False) as stream:
            data = stream.read(MAX_BYTES + 1)
    except OSError as error:
        raise _os_problem(error) from None
    finally:
        os.close(descriptor)
    if len(data) > MAX_BYTES:
        raise Unreadable(f"is larger than {MAX_BYTES // (1024 * 1024)} MB", "split it into smaller files")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        column = len(data[data.rfind(b"\n", 0, error.start) + 1 : error.start].decode("utf-8", "replace")) + 1
        raise Unreadable(f"not UTF-8 text ({error.reason})", "save the file as UTF-8", line, column) from None


def content_files(folder: Path, recursive: bool) -> tuple[list[Path], list[tuple[Path, Unreadable]]]:
    """Every entry named *.yml or *.yaml under `folder` (whatever it is: reading checks that), and every
    folder that could not be listed with why. Editor files and dot-folders (.git/) are skipped, never read;
    linked sub-folders are refused."""
    found: list[Path] = []
    refused: list[tuple[Path, Unreadable]] = []
    pending = [folder]
    while pending:
        current = pending.pop()
        try:
            with os.scandir(current) as entries:
                listed = sorted(entries, key=lambda entry: entry.name)
        except OSError as error:
            refused.append((current, _os_problem(error, folder=True)))
            continue
        for entry in listed:
            path = Path(entry.path)
            if is_editor_file(entry.name) or entry.name.startswith("."):
                continue
            if entry.name.endswith(CONTENT_SUFFIXES):
                found.append(path)
            elif entry.is_symlink() and _points_to_folder(path):
                refused.append(
                    (
                        path,
                        Unreadable("is a symbolic link to a folder, so it is not read", "put the folder itself here"),
                    )
                )
            elif recursive and entry.is_dir(follow_symlinks=False):
                pending.append(path)
    return sorted(found), refused


def _points_to_folder(path: Path) -> bool:
    try:
        return path.is_dir()
    except OSError:
        return False


def _kind(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not an ordinary file"


def _os_problem(error: OSError, folder: bool = False) -> Unreadable:
    """An OSError as a message that names the cause but never the content or a path outside the project."""
    what = "folder" if folder else "file"
    if error.errno == errno.ENOENT:
        return Unreadable(f"the {what} does not exist", f"restore the {what}, or correct the path that names it")
    if error.errno in (errno.EACCES, errno.EPERM):
        return Unreadable(
            f"cannot read the {what}: permission denied",
            f"let the user who builds the site read it (chmod u+r{'x' * folder})",
        )
    if error.errno == errno.ELOOP:
        return Unreadable("is a symbolic link that loops", "replace the link by the file itself")
    if error.errno == errno.EISDIR:
        return Unreadable("is a folder, not a file", "rename the folder so its name does not end in .yml")
    if error.errno == errno.ENOTDIR:
        return Unreadable("is not a folder", "correct the path")
    reason = os.strerror(error.errno) if error.errno else type(error).__name__
    return Unreadable(f"cannot read the {what} ({reason})", "check the file and its permissions")
