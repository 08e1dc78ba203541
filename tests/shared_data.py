"""Where the tests find the team's shared data, and the project's own copy of the seed.

`../shared/` beside the checkout (read-only: seeds/, articles/ with truth files, records/) is
only in the team's checkout; `TRIP_SHARED_DIR` points elsewhere (a worktree one level deeper,
a CI cache). Tests that need it skip with a message where it is absent, so a user's fresh
clone passes. The seed article itself ships in `seeds/`: tests that only need the article use
that copy and never skip.
"""

from __future__ import annotations

import os
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED_ENV = "TRIP_SHARED_DIR"
SHARED = Path(os.environ.get(SHARED_ENV) or REPO.parent / "shared")
SHARED_ARTICLES = SHARED / "articles"
SHARED_RECORDS = SHARED / "records"
SHARED_SEEDS = SHARED / "seeds"
# The project's own copy of the seed article (identical to ../shared/seeds/).
SEED = REPO / "seeds" / "000_2088198bdb06ddc9.txt"
