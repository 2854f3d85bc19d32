"""Python-Markdown extensions the site uses (named in mkdocs.yml's markdown_extensions).

- abbr.py: abbreviations as <abbr title>, not inside hyphenated compounds, the first one of
  each kind on a page reachable with the keyboard;
- permalinks.py: a permalink (¶) at the end of every paragraph, question and answer of a letter;
- leaninline.py: only speed: each page tries only the inline patterns its source can match;
- leanblocks.py: only speed: a block processor's expression is searched only in a block that has
  a string every match contains.
"""
