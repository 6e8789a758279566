"""The showcase: a read-only, self-contained HTML page of a genre's worked example.

``page`` builds what is shown (``notebooks/范例展示.ipynb`` calls :func:`show`); ``build``
executes that notebook and converts it to one offline HTML page (``partybook showcase``).
"""

from .build import make_self_contained, render_showcase_html
from .page import resolve, show, showcase_parts

__all__ = ["make_self_contained", "render_showcase_html", "resolve", "show", "showcase_parts"]
