"""Print the extractor's accuracy per field against a folder of NN.txt + NN.truth.json.

    python scripts/accuracy.py ../shared/articles [more folders...]
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from dashboard.extraction.accuracy import format_report, measure_folder


def main(argv: list[str]) -> int:
    folders = argv or [str(Path(__file__).resolve().parents[2] / "shared" / "articles")]
    scores = []
    for folder in folders:
        if not Path(folder).is_dir():
            print(f"error: {folder}: no such folder", file=sys.stderr)
            return 1
        scores.extend(measure_folder(folder))
    if not scores:
        print("no NN.txt + NN.truth.json pairs found", file=sys.stderr)
        return 1
    print(format_report(scores))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
