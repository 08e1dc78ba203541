"""Every regular expression of the `dashboard` package, and strings built to make a
backtracking engine slow (issue 12, item 15).

`package_patterns()` collects the compiled patterns module by module (module globals, and
patterns kept in tuples, lists, dicts and the topic taxonomy) plus every literal pattern
written inline in a call such as `re.search(r"...", text)`, read from the source with `ast`.
Run as a script (`python tests/regex_audit.py [N]`), it prints each pattern's slowest case,
worst first; `--check SMALL LARGE BUDGET` names the patterns that are not linear (what
`tests/test_regex_linear.py` runs, in a child process, since a regex cannot be interrupted).
"""

from __future__ import annotations

import ast
import importlib
import pkgutil
import re
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import dashboard

PACKAGE_DIR = Path(dashboard.__file__).resolve().parent
# Pages and the entry point run Streamlit code on import; their patterns are read by `ast`.
SKIP_IMPORT = ("dashboard.app", "dashboard.app_pages", "dashboard.store.migrations")
_RE_CALLS = {"compile", "search", "match", "fullmatch", "finditer", "findall", "sub",
             "subn", "split"}
_FLAG_NAMES = {"I": re.I, "IGNORECASE": re.I, "M": re.M, "MULTILINE": re.M, "S": re.S,
               "DOTALL": re.S, "X": re.X, "VERBOSE": re.X, "A": re.A, "ASCII": re.A}


def _flags(node: ast.expr | None) -> int | None:
    if node is None:
        return 0
    if isinstance(node, ast.Attribute) and node.attr in _FLAG_NAMES:
        return _FLAG_NAMES[node.attr]
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.BitOr):
        left, right = _flags(node.left), _flags(node.right)
        return None if left is None or right is None else left | right
    return None


def _inline_patterns() -> Iterator[tuple[str, re.Pattern[str]]]:
    for path in sorted(PACKAGE_DIR.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                    and isinstance(node.func.value, ast.Name) and node.func.value.id == "re"
                    and node.func.attr in _RE_CALLS and node.args
                    and isinstance(node.args[0], ast.Constant)
                    and isinstance(node.args[0].value, str)):
                continue
            flag_node = next((k.value for k in node.keywords if k.arg == "flags"), None)
            if flag_node is None:
                position = 3 if node.func.attr in {"sub", "subn"} else 2
                if node.func.attr == "split":
                    position = 3
                if node.func.attr == "compile":
                    position = 1
                flag_node = node.args[position] if len(node.args) > position else None
            flags = _flags(flag_node)
            if flags is None:
                continue
            where = f"{path.relative_to(PACKAGE_DIR.parent)}:{node.lineno}"
            yield where, re.compile(node.args[0].value, flags)


def _patterns_in(value: object, depth: int = 0) -> Iterator[re.Pattern]:
    if isinstance(value, re.Pattern):
        yield value
    elif depth < 2 and isinstance(value, (list, tuple, set, frozenset)):
        for item in value:
            yield from _patterns_in(item, depth + 1)
    elif depth < 2 and isinstance(value, dict):
        for item in value.values():
            yield from _patterns_in(item, depth + 1)


def package_patterns() -> list[tuple[str, re.Pattern[str]]]:
    """(where, pattern) for every distinct text pattern of the package."""
    found: dict[tuple[str, int], tuple[str, re.Pattern[str]]] = {}

    def keep(where: str, pattern: re.Pattern) -> None:
        if isinstance(pattern.pattern, str):
            found.setdefault((pattern.pattern, pattern.flags), (where, pattern))

    for info in pkgutil.walk_packages(dashboard.__path__, "dashboard."):
        if info.name.startswith(SKIP_IMPORT) or info.name.endswith("__main__"):
            continue
        module = importlib.import_module(info.name)
        for name, value in vars(module).items():
            for pattern in _patterns_in(value):
                keep(f"{info.name}.{name}", pattern)
    from dashboard.extraction.topics import taxonomy
    for topic in taxonomy():
        if topic.pattern is not None:
            keep(f"data/topics.toml:{topic.slug}", topic.pattern)
    for where, pattern in _inline_patterns():
        keep(where, pattern)
    return list(found.values())


def adversarial_strings(n: int) -> dict[str, str]:
    """Inputs that make nested or adjacent quantifiers backtrack: long runs of (no-break)
    spaces, newlines, punctuation and repeated words, each ending in a character that makes
    the match fail late."""
    return {
        "spaces": "Chile" + " " * n + "x first stop was Peru.",
        "no-break spaces": "Chile" + "\u00a0" * n + "x first stop was Peru.",
        "newlines": "Chile" + "\n" * n + "x",
        "space-newline": " \n" * n + "x",
        "tabs and spaces": " \t" * n + "x",
        "commas": ", " * n + "x",
        "repeated word": "the " * n + "x",
        "repeated link": "is the " * n + "first stop x",
        "capitalised words": "Ab " * n + "x",
        "names": "Ab Cd-Ef " * (n // 3) + "x",
        "initials": "A. " * n + "x",
        "one word": "a" * n,
        "digits": "1" * n + "x",
        "numbers": "1 " * n + "x",
        "dashes": "- " * n + "x",
        "dots": "." * n + "x",
        "dates": "October 3, " * (n // 4) + "x",
        "to to": "to " * n + "x",
    }


def time_pattern(pattern: re.Pattern[str], text: str) -> float:
    """CPU seconds for the ways the package uses a pattern: finditer over the text (a search
    from every position), and a fullmatch of the whole text. CPU time, not wall time, so
    that other work on a shared machine does not count."""
    start = time.process_time()
    for _ in pattern.finditer(text):
        pass
    pattern.fullmatch(text)
    return time.process_time() - start


def worst_case(pattern: re.Pattern[str], n: int, runs: int = 1) -> tuple[float, str]:
    """(seconds, string name) of the slowest adversarial string of length about n."""
    return max((min(time_pattern(pattern, text) for _ in range(runs)), name)
               for name, text in adversarial_strings(n).items())


def check(small: int, large: int, budget: float) -> list[str]:
    """Patterns that are not linear: slower than `budget` seconds on one adversarial string
    of length `large`, or growing more than 8x from `small` to `large` = 4 x small (linear
    grows 4x, quadratic 16x); a pattern over the line is measured twice more before it is
    named. Prints `START <where>` before each pattern, so a hang can be named."""
    offenders = []
    for where, pattern in package_patterns():
        print(f"START {where}", flush=True)
        for _attempt in range(3):
            fast, _ = worst_case(pattern, small, runs=3)
            slow, name = worst_case(pattern, large, runs=2)
            if slow < budget and slow <= 8 * fast + 0.03:
                break
        else:
            offenders.append(f"{where}: {slow:.2f} s on {name!r} x{large} "
                             f"({fast:.3f} s at x{small})")
    return offenders


def main(argv: list[str]) -> int:
    if argv[:1] == ["--check"]:
        offenders = check(int(argv[1]), int(argv[2]), float(argv[3]))
        print("OFFENDERS")
        print("\n".join(offenders))
        return 1 if offenders else 0
    n = int(argv[0]) if argv else 2000
    results = []
    texts = adversarial_strings(n)
    for where, pattern in package_patterns():
        print(f"START {where}", flush=True)
        worst = max((time_pattern(pattern, text), name) for name, text in texts.items())
        print(f"DONE {worst[0]:.4f} {worst[1]!r} {where}", flush=True)
        results.append((worst[0], worst[1], where))
    for seconds, name, where in sorted(results, reverse=True)[:25]:
        print(f"{seconds:8.4f} s  {name:18}  {where}")
    print(f"{len(results)} patterns")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
