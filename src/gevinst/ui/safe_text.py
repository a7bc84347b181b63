"""Text from documents (and from users and models) reaches the browser as text: never as Markdown, HTML, LaTeX,
a link or an image, so nothing a report says can make the browser fetch a resource or reshape the page."""

from __future__ import annotations

import html
import re

from gevinst.sentences import addresses_reader, sentence_spans

# Every character Markdown or Streamlit's extensions read as syntax: emphasis, code, links and images, headings,
# lists, tables, HTML, strikethrough, LaTeX ($), directives and icons (:red[…], :material/…:), autolinks
# (http://, www., a@b), entities (&amp;) and setext underlines (===).
_SYNTAX = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$:@&=])")
# Streamlit links URLs, «www.» and e-mail addresses, and reads :emoji: codes, in the text after parsing, where
# escapes are gone: an invisible word joiner after each colon, after «www» and before «@» breaks those patterns.
JOINER = "\u2060"
_PATTERNS = re.compile(r"(?<=:)(?=\S)|(?<=www)(?=\.)|(?=@)", re.IGNORECASE)
FLAG_TITLE = "Henvender sig til læseren eller en assistent; bruges aldrig som svar"


def escape_markdown(text: str) -> str:
    """`text` as Markdown source that renders exactly as `text`, with no markup of any kind."""
    return _SYNTAX.sub(r"\\\1", _PATTERNS.sub(JOINER, text))


def page_html(text: str, snippet: str = "") -> tuple[str, int]:
    """A page as escaped HTML for `st.html` (which reads no Markdown): the cited snippet in <mark>, each sentence
    that addresses the reader or an assistant marked ⚠. Returns the HTML and how many sentences were marked."""
    flagged = [(s, e) for s, e in sentence_spans(text) if addresses_reader(text[s:e])]
    start = text.find(snippet) if snippet else -1
    cited = (start, start + len(snippet)) if start >= 0 else (0, 0)
    cuts = sorted({0, len(text), *cited, *(i for span in flagged for i in span)})
    parts = []
    for a, b in zip(cuts, cuts[1:], strict=False):
        piece = html.escape(text[a:b])
        flag = next((s for s, e in flagged if s <= a < e), None)
        if flag is not None:
            marker = "⚠ " if flag == a else ""
            piece = f'<span class="gevinst-flag" title="{FLAG_TITLE}" style="background:#fde2e1">{marker}{piece}</span>'
        if cited[0] <= a < cited[1]:
            piece = f"<mark>{piece}</mark>"
        parts.append(piece)
    return "".join(parts), len(flagged)
