"""The hostile article the web tests store (a module of its own, so tests can import it)."""

# Markup and script in a title and a body: the pages must show it as text, never run it.
HOSTILE_TITLE = '<script>window.__pwned = "title"; alert("title")</script><img src=x onerror="window.__pwned=\'img\'">Talks'
HOSTILE_TEXT = (
    "Ukraine and Russia held talks in Istanbul on Tuesday, officials said. "
    '<script>window.__pwned = "body"; alert("body")</script>\n\n'
    "The Russian delegation rejected the proposal. "
    '<img src=x onerror="window.__pwned=\'body-img\'; alert(1)"> '
    '<a href="javascript:alert(2)" onmouseover="alert(3)">click</a>\n\n'
    '"We will not accept these terms," said Vladimir Putin.'
)
HOSTILE_ID = "hostile-1"
