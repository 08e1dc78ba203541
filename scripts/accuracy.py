"""Print the extractor's accuracy per field against folders of NN.txt + NN.truth.json.

    python scripts/accuracy.py ../shared/articles [more folders...]

Each folder is one set: its per-article report, then one line per set with the six-part
score (country F1, dates, city, leader F1, stop order, traveller; see accuracy.py).
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from dashboard.extraction.accuracy import format_report, measure_folder, six_part_line


def main(argv: list[str]) -> int:
    folders = argv or [str(Path(__file__).resolve().parents[2] / "shared" / "articles")]
    summary = []
    for folder in folders:
        if not Path(folder).is_dir():
            print(f"error: {folder}: no such folder", file=sys.stderr)
            return 1
        scores = measure_folder(folder)
        if not scores:
            print(f"error: {folder}: no NN.txt + NN.truth.json pairs found", file=sys.stderr)
            return 1
        print(f"== {folder}")
        print(format_report(scores))
        print()
        summary.append(f"{folder} ({len(scores)} articles): {six_part_line(scores)}")
    print("\n".join(summary))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
