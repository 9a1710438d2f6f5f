"""Waiting for htmx in a journey. A choice on a questionnaire is saved at once and htmx swaps the
form for the server's copy; typing into the old form before the swap lands loses the typing. The
POST's response arrives before the swap, and Playwright's "networkidle" is already reached on a
page that has loaded, so neither is a safe signal: the swap's own settle event is."""

from collections.abc import Callable


def wait_for_swap(page, act: Callable[[], None]) -> None:
    """Do `act` (which makes htmx send a request) and return once htmx has swapped and settled
    the response into the page."""
    page.evaluate(
        """() => { window.assureSettled = new Promise(resolve =>
            document.body.addEventListener('htmx:afterSettle', () => resolve(true), {once: true})); }"""
    )
    act()
    page.wait_for_function("() => window.assureSettled && window.assureSettled.then(() => true)")
