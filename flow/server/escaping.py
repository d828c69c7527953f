"""Making text safe for widgets that render what they receive as Markdown, and the HTML it lets through.

The agent's texts carry customer-supplied values (a name, an order number) and a person's messages
are typed by hand, so before a channel hands text to a widget that renders Markdown (rasa-webchat
does, links and images included), every character Markdown or HTML would act on is escaped: the
widget shows ``[x](javascript:alert(1))`` and ``![](http://tracker/pixel)`` as the characters typed.
"""

from __future__ import annotations

import html

# Backslash escapes make these literal in Markdown; & and ; are left for the HTML entities. A bare web
# address or email turns into a link by its colon or at sign, which older Markdown parsers cannot
# backslash-escape; as character references they read the same and link nothing.
_MARKDOWN = str.maketrans({**{c: "\\" + c for c in "\\`*_{}[]()#+-.!|~<>"}, ":": "&#58;", "@": "&#64;"})


def for_markdown(text: str) -> str:
    """``text`` for a widget that renders Markdown (and the HTML Markdown lets through) as it comes."""
    # Quotes stay as they are: they only matter inside HTML attributes, and none can be opened here.
    return html.escape(text, quote=False).translate(_MARKDOWN)
