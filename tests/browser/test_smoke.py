"""The app's root loads in a real browser and runs its script without an error."""

import pytest

pytestmark = pytest.mark.browser


def test_root_loads_without_errors(app) -> None:
    app.open("/")
    app.page.locator('[data-testid="stMain"]').wait_for(state="visible")
    app.assert_clean()
